//! A goal's progress: the required straight path from the baseline at the
//! start to the target at the deadline, and the check-ins against it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::chart::goal_progress::{layout, FRAME};
use crate::chart::{ticks, Tick};
use crate::model::date::format_date;
use crate::model::units::format_number;
use crate::ui::charts::frame::{ChartFrame, ChartSize};

/// What the progress chart shows, in the measure's display unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressData {
    pub baseline: f64,
    pub target: f64,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    /// Check-ins: date and value.
    pub check_ins: Vec<(NaiveDate, f64)>,
    /// The value axis' unit.
    pub unit: String,
}

/// The progress chart; the table beside it carries the same numbers.
#[component]
pub fn ProgressChart(
    /// The goal's path and readings.
    #[prop(into)]
    data: Signal<ProgressData>,
) -> impl IntoView {
    let size = ChartSize::new(FRAME);
    let geometry = Memo::new(move |_| {
        data.with(|d| {
            layout(
                d.baseline,
                d.target,
                d.start,
                d.deadline,
                &d.check_ins,
                size.frame().get(),
            )
        })
    });
    let x_ticks = Signal::derive(move || {
        geometry.with(|g| {
            g.as_ref().map_or_else(Vec::new, |g| {
                g.x_ticks
                    .iter()
                    .map(|&(at, d)| Tick {
                        at,
                        label: format_date(d),
                    })
                    .collect()
            })
        })
    });
    let y_ticks = Signal::derive(move || {
        geometry.with(|g| {
            g.as_ref()
                .map_or_else(Vec::new, |g| ticks(&g.y_ticks, |v| format_number(v, 3)))
        })
    });
    let legend = || {
        view! {
            <span class="legend legend--required">"Required path (dashed)"</span>
            <span class="legend legend--actual">"Check-ins (solid)"</span>
        }
    };
    view! {
        <ChartFrame
            id="progress"
            title="Progress chart: check-ins against the required path"
            summary="Line chart of the check-ins against the straight path from the baseline to the target; the table below lists the same values."
            size
            x_ticks
            y_ticks
            x_title="Date"
            y_title=Signal::derive(move || data.with(|d| d.unit.clone()))
            legend=legend
            file="flywheel-goal-progress"
        >
            {move || {
                geometry
                    .get()
                    .map(|g| {
                        view! {
                            <path class="chart__required" d=g.required></path>
                            <path class="chart__actual" d=g.actual></path>
                            {g
                                .points
                                .iter()
                                .map(|&(x, y)| view! { <circle class="chart__point" cx=x cy=y r="4"></circle> })
                                .collect_view()}
                        }
                    })
            }}
        </ChartFrame>
    }
}
