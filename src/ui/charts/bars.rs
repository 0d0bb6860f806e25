//! A bar chart of counts (a histogram's bins, deploys per week) with the
//! same figures in a table beside it.

use leptos::prelude::*;

use crate::chart::histogram::{bars, FRAME};
use crate::chart::{ticks, Frame, Tick};
use crate::model::units::format_number;
use crate::ui::charts::frame::{ChartFrame, ChartSize};
use crate::ui::table::Table;

/// Labels under the bars at most one per this many pixels, so they do not
/// overlap.
const LABEL_SPACING: f64 = 72.0;

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
    let size = ChartSize::new(FRAME);
    let values: Vec<u32> = counts.iter().map(|c| c.1).collect();
    let geometry = Memo::new(move |_| bars(&values, size.frame().get()));
    let labels: Vec<String> = counts.iter().map(|c| c.0.clone()).collect();
    let x_ticks = Signal::derive(move || {
        let (x0, x1) = size.frame().with(Frame::x_range);
        let every = ((labels.len() as f64 * LABEL_SPACING / (x1 - x0)).ceil() as usize).max(1);
        geometry.with(|g| {
            g.bars
                .iter()
                .zip(&labels)
                .enumerate()
                .filter(|(k, _)| k % every == 0)
                .map(|(_, (bar, label))| Tick {
                    at: bar.centre,
                    label: label.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let y_ticks =
        Signal::derive(move || geometry.with(|g| ticks(&g.y_ticks, |v| format_number(v, 0))));
    let summary = format!(
        "Bar chart of {} bars; the same figures are in the table below it.",
        counts.len()
    );
    let shapes = {
        let counts = counts.clone();
        move || {
            geometry.with(|g| {
                g.bars
                    .iter()
                    .zip(&counts)
                    .map(|(bar, (label, count))| {
                        view! {
                            <rect class="chart__bar" x=bar.x y=bar.y width=bar.width height=bar.height>
                                <title>{format!("{label}: {count}")}</title>
                            </rect>
                        }
                    })
                    .collect_view()
            })
        }
    };
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
    let table_caption = format!("{title} as a table");
    view! {
        <ChartFrame
            id
            title=title.clone()
            summary
            size
            x_ticks
            y_ticks
            x_title=x_title.clone()
            y_title=y_title.clone()
            file=format!("flywheel-{id}")
        >
            {shapes}
        </ChartFrame>
        <details class="details">
            <summary>{table_caption.clone()}</summary>
            <Table class="data-table" caption=table_caption columns=vec![x_title, y_title]>
                {rows}
            </Table>
        </details>
    }
}
