//! The error-budget burn-down: budget remaining over this window and the
//! next, with the full budget, zero and the window's end marked.

use leptos::prelude::*;

use crate::chart::burn_down::{burn_down, FRAME};
use crate::chart::{ticks, Frame};
use crate::model::units::format_number;
use crate::ui::charts::frame::{ChartFrame, ChartSize};

/// What the burn-down shows, in the unit it is drawn in.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnDownData {
    /// (minutes since the window start, budget remaining).
    pub points: Vec<(f64, f64)>,
    /// The x extent, in minutes.
    pub span: f64,
    /// Where the first window ends, in minutes.
    pub window: f64,
    /// The full budget.
    pub budget: f64,
    /// The budget's unit ("minutes", "seconds").
    pub unit: &'static str,
}

/// The burn-down chart; the caller gives its table alternative.
#[component]
pub fn BurnDownChart(
    /// The line and its scale.
    #[prop(into)]
    data: Signal<BurnDownData>,
) -> impl IntoView {
    let size = ChartSize::new(FRAME);
    let geometry = Memo::new(move |_| {
        data.with(|d| burn_down(&d.points, d.span, d.window, d.budget, size.frame().get()))
    });
    let frame = size.frame();
    let x_ticks =
        Signal::derive(move || geometry.with(|g| ticks(&g.x_ticks, |d| format_number(d, 1))));
    let y_ticks =
        Signal::derive(move || geometry.with(|g| ticks(&g.y_ticks, |v| format_number(v, 3))));
    let unit = move || data.with(|d| d.unit);
    let legend = move || {
        view! {
            <span class="legend legend--line">"Budget remaining"</span>
            <span class="legend legend--budget">"Full budget (dashed)"</span>
            <span class="legend legend--window-end">"End of this window (dotted)"</span>
        }
    };
    view! {
        <ChartFrame
            id="burn-down"
            title="Error budget remaining"
            summary=Signal::derive(move || format!(
                "Line chart of budget remaining in {} against days since the window start. The same figures are in the table below.",
                unit()
            ))
            size
            x_ticks
            y_ticks
            x_title="Days since the window start"
            y_title=Signal::derive(move || format!("Budget remaining ({})", unit()))
            legend=legend
            file="flywheel-burn-down"
        >
            {move || {
                let g = geometry.get();
                let (left, right) = frame.with(Frame::x_range);
                let (bottom, top) = frame.with(Frame::y_range);
                view! {
                    <line class="chart__zero" x1=left x2=right y1=g.zero_y y2=g.zero_y></line>
                    <line class="chart__budget" x1=left x2=right y1=g.budget_y y2=g.budget_y></line>
                    <line class="chart__window-end" x1=g.window_end_x x2=g.window_end_x y1=top y2=bottom></line>
                    <path class="chart__line" d=g.line></path>
                }
            }}
        </ChartFrame>
    }
}
