//! A fan chart: the chosen plan's P10–P90 band and median, other plans'
//! medians on the same axes, and the goal's target and deadline.

use leptos::prelude::*;

use crate::chart::fan::{FanGeometry, FRAME};
use crate::chart::{ticks, Frame};
use crate::model::units::format_number;
use crate::ui::charts::actuals::{ActualsOnFan, FanActuals};
use crate::ui::charts::frame::{ChartFrame, ChartSize};

/// Draws the fan laid out by `layout` for the width it is shown at.
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
    /// The y axis's title with its unit.
    #[prop(into)]
    unit: Signal<String>,
    /// Lays the series out in a frame (`crate::chart::fan::fan` or
    /// `fan_on`).
    layout: Callback<Frame, FanGeometry>,
    /// Names of the series, in geometry order (first is emphasised).
    #[prop(into)]
    names: Signal<Vec<String>>,
    /// What runs along the bottom; "Weeks from now" unless given.
    #[prop(optional, into)]
    x_title: Option<Signal<String>>,
    /// Actual measurements drawn over the fan; `layout` must then lay the
    /// fan out on their axes ([`FanActuals::axes`]).
    #[prop(optional)]
    actuals: Option<FanActuals>,
) -> impl IntoView {
    let size = ChartSize::new(FRAME);
    let geometry = Memo::new(move |_| layout.run(size.frame().get()));
    let x_ticks = Signal::derive(move || {
        geometry.with(|g| {
            let weeks: Vec<(f64, f64)> =
                g.x_ticks.iter().map(|&(x, w)| (x, f64::from(w))).collect();
            ticks(&weeks, |w| format_number(w, 0))
        })
    });
    let y_ticks =
        Signal::derive(move || geometry.with(|g| ticks(&g.y_ticks, |v| format_number(v, 2))));
    let file = Signal::derive(move || format!("flywheel-{}", file_stem(&title.get())));
    let frame = size.frame();
    let legend = move || {
        view! {
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
            {actuals
                .map(|_| view! { <span class="legend legend--actuals">"Actual measurements (diamonds)"</span> })}
        }
    };
    let x_title = x_title.unwrap_or_else(|| Signal::stored("Weeks from now".to_string()));
    view! {
        <ChartFrame
            id
            title
            summary
            size
            x_ticks
            y_ticks
            x_title
            y_title=unit
            legend=legend
            file
        >
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
                let (x0, x1) = frame.with(Frame::x_range);
                let (y0, y1) = frame.with(Frame::y_range);
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
            {actuals.map(|actuals| view! { <ActualsOnFan frame actuals /> })}
        </ChartFrame>
    }
}

/// A file name from a chart's title: lower case, words joined by hyphens,
/// nothing a file system could object to.
pub fn file_stem(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}
