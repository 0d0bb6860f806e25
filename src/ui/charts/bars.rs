//! A bar chart of counts (a histogram's bins, deploys per week) with the
//! same figures in a table beside it.

use leptos::prelude::*;

use crate::ui::charts::export::ChartExport;

use crate::chart::histogram::{bars, FRAME};
use crate::model::units::format_number;

/// Labels under the bars, at most this many so they do not overlap.
const MAX_X_LABELS: usize = 8;

/// Renders `counts` as an accessible SVG bar chart and a table.
#[component]
pub fn BarChart(
    /// Element id prefix.
    id: &'static str,
    /// The chart's title, also its accessible name.
    title: String,
    /// What the bars are, with the unit ("Lead times (hours)").
    x_title: String,
    /// What is counted ("Deployments").
    y_title: String,
    /// Each bar's label and count.
    counts: Vec<(String, u32)>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let values: Vec<u32> = counts.iter().map(|c| c.1).collect();
    let geometry = bars(&values, FRAME);
    let (x0, x1) = FRAME.x_range();
    let (y0, y1) = FRAME.y_range();
    let every = counts.len().div_ceil(MAX_X_LABELS).max(1);
    let summary = format!(
        "Bar chart of {} bars; the same figures are in the table below it.",
        counts.len()
    );
    let y_ticks = geometry
        .y_ticks
        .iter()
        .map(|&(y, v)| {
            view! {
                <line x1=x0 x2=x1 y1=y y2=y></line>
                <text class="chart__tick" x=x0 - 6.0 y=y + 4.0 text-anchor="end">
                    {format_number(v, 0)}
                </text>
            }
        })
        .collect_view();
    let shapes = geometry
        .bars
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(k, (bar, (label, count)))| {
            let tick = (k % every == 0).then(|| {
                view! {
                    <text class="chart__tick" x=bar.centre y=y0 + 16.0 text-anchor="middle">
                        {label.clone()}
                    </text>
                }
            });
            view! {
                <rect class="chart__bar" x=bar.x y=bar.y width=bar.width height=bar.height>
                    <title>{format!("{label}: {count}")}</title>
                </rect>
                {tick}
            }
        })
        .collect_view();
    let rows = counts
        .iter()
        .map(|(label, count)| {
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    <td>{format_number(f64::from(*count), 0)}</td>
                </tr>
            }
        })
        .collect_view();
    let middle = (y0 + y1) / 2.0;
    view! {
        <figure class="chart" id=format!("{id}-figure")>
            <figcaption class="chart__title">{title.clone()}</figcaption>
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                role="img"
                aria-labelledby=labelled
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{summary}</desc>
                <g class="chart__grid">{y_ticks}</g>
                {shapes}
                <line class="chart__axis" x1=x0 x2=x1 y1=y0 y2=y0></line>
                <text class="chart__label" x=(x0 + x1) / 2.0 y=FRAME.height - 4.0 text-anchor="middle">
                    {x_title.clone()}
                </text>
                <text
                    class="chart__label"
                    x=12
                    y=middle
                    text-anchor="middle"
                    transform=format!("rotate(-90 12 {middle})")
                >
                    {y_title.clone()}
                </text>
            </svg>
            <details class="details">
                <summary>{format!("{title} as a table")}</summary>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{x_title}</th>
                            <th scope="col">{y_title}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
            <ChartExport figure_id=format!("{id}-figure") file=format!("flywheel-{id}") />
        </figure>
    }
}
