//! The budget figure, what the incidents left of it, the burn rate and
//! when the budget runs out, with the convention behind the number.

use leptos::prelude::*;

use super::figures::{Figure, Figures};
use crate::model::slo::{self, describe_minutes, BudgetReport, WindowKind};
use crate::model::units::format_number;
use crate::model::wording::remaining_budget;
use crate::ui::state::AppState;

/// The budget figure and what the incidents left of it.
#[component]
pub fn BudgetSummary(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let target = Memo::new(move |_| state.scenario.with(|s| s.slo.target));
    let convention = move || {
        let r = report.get();
        let t = format_number(target.get(), 10);
        match r.kind {
            WindowKind::Rolling => format!(
                "Budget = (100% − {t}%) × {} days. Months are counted as 30 days: 99.9% over 30 days is 43.2 minutes; over 28 days, 40.32.",
                r.days
            ),
            WindowKind::CalendarMonth => format!(
                "Budget = (100% − {t}%) × the {} days of {}. Calendar months run 28 to 31 days, so the budget varies month to month (99.9% gives 40.32 to 44.64 minutes).",
                r.days,
                slo::format_month(r.start)
            ),
        }
    };
    let figures = Memo::new(move |_| {
        let r = report.get();
        let mut f = vec![Figure::main(
            "Error budget",
            describe_minutes(r.budget_minutes),
            "budget-total",
        )];
        if let Some(q) = r.budget_requests {
            f.push(Figure::new(
                "In requests",
                format!("{} failed requests", format_number(q, 0)),
            ));
        }
        state.scenario.with(|s| {
            if let Some(m) = s.slo.money(r.budget_minutes) {
                f.push(Figure::new("Budget in money", m.text));
            }
        });
        f.push(Figure::new(
            "Spent in this window",
            match r.spent_percent() {
                Some(p) => format!(
                    "{} ({}%)",
                    describe_minutes(r.spent_minutes),
                    format_number(p, 1)
                ),
                None => describe_minutes(r.spent_minutes),
            },
        ));
        state.scenario.with(|s| {
            if let Some(m) = s.slo.money(r.spent_minutes) {
                f.push(Figure::new("Spent in money", m.text));
            }
        });
        f.push(Figure::new(
            "Remaining at the window's end",
            remaining_budget(r.remaining_minutes),
        ));
        f.push(Figure::new(
            "Current burn rate",
            match r.burn_rate {
                Some(b) => format!(
                    "{}× (as of {})",
                    format_number(b, 2),
                    r.moment_text(r.as_of)
                ),
                None if r.budget_minutes <= 0.0 => "None: there is no budget to burn.".to_string(),
                None => "Not started: the window has not begun.".to_string(),
            },
        ));
        f.push(Figure::new(
            "Budget runs out",
            match (r.exhausted_at, r.projected_exhaustion) {
                _ if r.budget_minutes <= 0.0 => "Already: a 100% SLO has no budget.".to_string(),
                (Some(at), _) => format!("Spent on {}", r.moment_text(at)),
                (None, Some(p)) if p <= r.window_minutes() => format!(
                    "Projected {} at the current rate (window ÷ burn rate)",
                    r.moment_text(p)
                ),
                (None, Some(_)) => "Not within this window at the current rate".to_string(),
                (None, None) => "Not at the current rate (no bad minutes yet)".to_string(),
            },
        ));
        f
    });
    view! {
        <Figures items=figures />
        <p class="footnote">{convention}</p>
    }
}
