//! Actual measurements drawn on a plan's fan chart, on the same axes as its
//! band and median (`crate::chart::actuals`). A screen that shows the
//! chosen plan's fan passes [`FanActuals`] to `FanChart`, laying its fan out
//! on [`FanActuals::axes`] with `fan_on` so marks and band share one scale.

use leptos::prelude::*;

use crate::chart::actuals::{covering, marks};
use crate::chart::fan::Axes;
use crate::chart::Frame;

/// One actual measurement, in the chart's display unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ActualMark {
    /// Weeks from the plan's start.
    pub week: u32,
    /// In the chart's display unit (canonical × the unit's factor).
    pub value: f64,
    /// What a pointer or screen reader is told: "Week 12: 2.5 days, at the
    /// plan's 30th percentile (the snapshot of 3 Jun 2026)".
    pub label: String,
}

/// What a fan chart needs to draw actuals.
#[derive(Clone, Copy)]
pub struct FanActuals {
    /// The fan's axes, widened to cover the actuals ([`covering`]).
    pub axes: Signal<Axes>,
    pub marks: Signal<Vec<ActualMark>>,
}

impl FanActuals {
    /// Actuals `marks` over a fan whose own axes are `fan_axes`: the axes
    /// are widened so an actual outside the band stays on the chart.
    pub fn new(fan_axes: Signal<Axes>, marks: Signal<Vec<ActualMark>>) -> FanActuals {
        let axes = Memo::new(move |_| {
            let values: Vec<f64> = marks.with(|m| m.iter().map(|a| a.value).collect());
            fan_axes.with(|a| covering(a, &values))
        });
        FanActuals {
            axes: axes.into(),
            marks,
        }
    }
}

/// The marks, inside a fan chart's SVG: a diamond per actual, each named.
#[component]
pub fn ActualsOnFan(
    /// The frame the fan was laid out in.
    #[prop(into)]
    frame: Signal<Frame>,
    /// The actuals and the axes they share with the fan.
    actuals: FanActuals,
) -> impl IntoView {
    move || {
        let list = actuals.marks.get();
        let points: Vec<(u32, f64)> = list.iter().map(|a| (a.week, a.value)).collect();
        let at = actuals.axes.with(|a| marks(a, &points, frame.get()));
        list.into_iter()
            .zip(at)
            .filter_map(|(a, at)| {
                let (x, y) = at?;
                let d = format!("M{x:.1} {:.1}l6 6l-6 6l-6 -6Z", y - 6.0);
                Some(view! {
                    <path class="chart__actual-mark" d=d>
                        <title>{a.label}</title>
                    </path>
                })
            })
            .collect_view()
    }
}
