//! A trend chart: one metric's figures over months, weeks or snapshots,
//! with the lens's bands (DORA tiers or the 2025 score against peers)
//! behind the line. Solid figures are joined by the solid line and drawn
//! as filled marks; thin ones (too few samples) sit on a faint dashed line
//! as hollow marks; a missing figure breaks the line and is marked on the
//! axis. Each mark names its figure for a pointer or screen reader, and the
//! caller lists the same numbers in a table.

use leptos::prelude::*;

use crate::chart::trend::{TrendGeometry, FRAME};
use crate::chart::Frame;
use crate::ui::charts::frame::{ChartFrame, ChartSize};

/// Draws the geometry `layout` gives for the width the chart is shown at.
#[component]
pub fn TrendChart(
    /// Element id prefix.
    #[prop(into)]
    id: String,
    /// The visible title, also the chart's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// What the chart shows and where its numbers are as a table.
    #[prop(into)]
    summary: Signal<String>,
    /// What runs along the bottom.
    #[prop(into)]
    x_title: Signal<String>,
    /// Lays the figures out in a frame (`crate::chart::trend`).
    layout: Callback<Frame, TrendGeometry>,
    /// What a thin mark means here ("too few samples").
    #[prop(optional, into)]
    thin_words: Option<&'static str>,
    /// File name for saving the chart, without extension.
    #[prop(into)]
    file: Signal<String>,
) -> impl IntoView {
    let size = ChartSize::new(FRAME);
    let frame = size.frame();
    let geometry = Memo::new(move |_| layout.run(frame.get()));
    let x_ticks = Signal::derive(move || geometry.with(|g| g.x_ticks.clone()));
    let y_ticks = Signal::derive(move || geometry.with(|g| g.y_ticks.clone()));
    let y_title = Signal::derive(move || geometry.with(|g| g.unit.to_string()));
    let has = move |test: fn(&TrendGeometry) -> bool| geometry.with(test);
    let legend = move || {
        view! {
            <span class="legend legend--trend-solid">"Figures (solid line, filled marks)"</span>
            {move || {
                has(|g| !g.thin.is_empty() || g.marks.iter().any(|m| !m.solid))
                    .then(|| {
                        view! {
                            <span class="legend legend--trend-thin">
                                {format!(
                                    "Hollow marks on a faint dashed line: {}",
                                    thin_words.unwrap_or("too few samples to rely on"),
                                )}
                            </span>
                        }
                    })
            }}
            {move || {
                has(|g| !g.gaps.is_empty())
                    .then(|| view! { <span class="legend legend--trend-gap">"× on the axis: no figure"</span> })
            }}
            {move || {
                has(|g| g.marks.iter().any(|m| m.count.is_some()))
                    .then(|| view! { <span class="trend-chart__count-note">"n = the samples a figure rests on"</span> })
            }}
            {move || {
                geometry
                    .with(|g| {
                        let mut seen: Vec<(&'static str, String)> = Vec::new();
                        for b in &g.bands {
                            if !seen.iter().any(|(k, l)| *k == b.key && *l == b.label) {
                                seen.push((b.key, b.label.clone()));
                            }
                        }
                        seen
                    })
                    .into_iter()
                    .map(|(key, label)| {
                        view! { <span class=format!("legend legend--trend-band trend-band--{key}")>{label}</span> }
                    })
                    .collect_view()
            }}
            <span class="trend-chart__bands-note">{move || geometry.with(|g| g.legend.clone())}</span>
        }
    };
    view! {
        <ChartFrame id title summary size x_ticks y_ticks x_title y_title legend=legend file>
            {move || {
                let (x0, x1) = frame.with(Frame::x_range);
                let (y0, y1) = frame.with(Frame::y_range);
                let g = geometry.get();
                let bands = g
                    .bands
                    .iter()
                    .map(|b| {
                        let height = (b.bottom - b.top).max(0.0);
                        let label = (height >= 16.0)
                            .then(|| {
                                view! {
                                    <text class="trend-chart__band-label" x=x1 - 4.0 y=b.top + 13.0 text-anchor="end">
                                        {b.label.clone()}
                                    </text>
                                }
                            });
                        view! {
                            <rect
                                class=format!("trend-chart__band trend-band--{}", b.key)
                                x=x0
                                y=b.top
                                width=(x1 - x0).max(0.0)
                                height=height
                            ></rect>
                            {label}
                        }
                    })
                    .collect_view();
                let gaps = g
                    .gaps
                    .iter()
                    .map(|(x, label)| {
                        view! {
                            <text class="trend-chart__gap" x=*x y=y0 - 4.0 text-anchor="middle">
                                "×"
                                <title>{label.clone()}</title>
                            </text>
                        }
                    })
                    .collect_view();
                let marks = g
                    .marks
                    .iter()
                    .map(|m| {
                        let class = if m.solid {
                            "trend-chart__mark"
                        } else {
                            "trend-chart__mark trend-chart__mark--thin"
                        };
                        let count = m
                            .count
                            .clone()
                            .map(|n| {
                                view! {
                                    <text class="trend-chart__count" x=m.x y=m.y - 9.0 text-anchor="middle">
                                        {n}
                                    </text>
                                }
                            });
                        view! {
                            <circle class=class cx=m.x cy=m.y r="4">
                                <title>{m.label.clone()}</title>
                            </circle>
                            {count}
                        }
                    })
                    .collect_view();
                let empty = g
                    .empty
                    .clone()
                    .map(|text| {
                        view! {
                            <text class="chart__label" x=(x0 + x1) / 2.0 y=(y0 + y1) / 2.0 text-anchor="middle">
                                {text}
                            </text>
                        }
                    });
                view! {
                    <g class="trend-chart__bands">{bands}</g>
                    <path class="trend-chart__thin" d=g.thin.clone()></path>
                    <path class="trend-chart__line" d=g.solid.clone()></path>
                    {gaps}
                    {marks}
                    {empty}
                }
            }}
        </ChartFrame>
    }
}
