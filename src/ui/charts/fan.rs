//! A fan chart: the chosen plan's P10–P90 band and median, other plans'
//! medians on the same axes, and the goal's target and deadline.

use leptos::prelude::*;

use crate::chart::fan::{FanGeometry, FRAME};
use crate::model::units::format_number;
use crate::ui::charts::export::ChartExport;

/// Renders precomputed fan geometry as an accessible SVG.
#[component]
pub fn FanChart(
    /// Element id prefix.
    #[prop(into)]
    id: String,
    /// The chart's title, also its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// A one-sentence summary for screen readers.
    #[prop(into)]
    summary: Signal<String>,
    /// The y axis's unit label.
    #[prop(into)]
    unit: Signal<String>,
    /// The geometry to draw.
    #[prop(into)]
    geometry: Signal<FanGeometry>,
    /// Names of the series, in geometry order (first is emphasised).
    #[prop(into)]
    names: Signal<Vec<String>>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let (x0, x1) = FRAME.x_range();
    let (y0, y1) = FRAME.y_range();
    let figure_id = format!("{id}-figure");
    let export_id = figure_id.clone();
    let file = Signal::derive(move || {
        format!("flywheel-{}", title.get().to_lowercase().replace(' ', "-"))
    });
    view! {
        <figure class="chart" id=figure_id>
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                role="img"
                aria-labelledby=labelled
            >
                <title id=title_id>{move || title.get()}</title>
                <desc id=desc_id>{move || summary.get()}</desc>
                <g class="chart__grid">
                    {move || {
                        geometry
                            .with(|g| g.y_ticks.clone())
                            .into_iter()
                            .map(|(y, v)| {
                                view! {
                                    <line x1=x0 x2=x1 y1=y y2=y></line>
                                    <text class="chart__tick" x=x0 - 6.0 y=y + 4.0 text-anchor="end">
                                        {format_number(v, 2)}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                    {move || {
                        geometry
                            .with(|g| g.x_ticks.clone())
                            .into_iter()
                            .map(|(x, w)| {
                                view! {
                                    <text class="chart__tick" x=x y=y0 + 16.0 text-anchor="middle">
                                        {w.to_string()}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                </g>
                <line class="chart__axis" x1=x0 x2=x1 y1=y0 y2=y0></line>
                <text class="chart__label" x=(x0 + x1) / 2.0 y=FRAME.height - 4.0 text-anchor="middle">
                    "Weeks from now"
                </text>
                <text
                    class="chart__label"
                    x=12
                    y=(y0 + y1) / 2.0
                    text-anchor="middle"
                    transform=format!("rotate(-90 12 {})", (y0 + y1) / 2.0)
                >
                    {move || unit.get()}
                </text>
                <path class="chart__band" d=move || geometry.with(|g| g.band.clone())></path>
                {move || {
                    geometry
                        .with(|g| g.medians.clone())
                        .into_iter()
                        .enumerate()
                        .map(|(i, d)| {
                            view! { <path class=format!("chart__median chart__median--{i}") d=d></path> }
                        })
                        .collect_view()
                }}
                {move || {
                    geometry
                        .with(|g| g.target)
                        .map(|(y, deadline)| {
                            view! {
                                <line class="chart__target" x1=x0 x2=x1 y1=y y2=y></line>
                                {deadline
                                    .map(|x| {
                                        view! { <line class="chart__deadline" x1=x x2=x y1=y0 y2=y1></line> }
                                    })}
                            }
                        })
                }}
            </svg>
            <figcaption class="chart__legend">
                <span class="legend legend--band">
                    {move || {
                        names
                            .with(|n| match n.as_slice() {
                                [first, _, ..] => format!("P10–P90 of {first}"),
                                _ => "P10–P90 band".to_string(),
                            })
                    }}
                </span>
                {move || {
                    names
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| {
                            view! {
                                <span class=format!("legend legend--median legend--{i}")>
                                    {format!("Median: {name}")}
                                </span>
                            }
                        })
                        .collect_view()
                }}
                {move || {
                    geometry
                        .with(|g| g.target.is_some())
                        .then(|| view! { <span class="legend legend--target">"Goal target and deadline"</span> })
                }}
                <ChartExport figure_id=export_id file />
            </figcaption>
        </figure>
    }
}
