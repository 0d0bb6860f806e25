//! The error budget in a few sentences — the SLO and its budget, what the
//! incidents spent and what is left (or by how much it is overspent), the
//! budget in money when a cost is set, and the policy with what the freeze
//! costs in time frozen — as the Report and the workshop both say it. The
//! words for what is left are the Budget screen's
//! (`model::wording::remaining_budget`).

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::model::slo::{self, describe_minutes};
use crate::model::units::{format_count, format_number};
use crate::model::wording::remaining_budget;
use crate::model::Scenario;
use crate::ui::state::AppState;

/// The budget's sentences for scenario `s` (the working one, whose runs
/// `state` holds) as of `now`.
pub fn budget_lines(state: AppState, s: &Scenario, now: NaiveDateTime) -> Vec<String> {
    let slo = &s.slo;
    if !slo.is_valid() {
        return vec!["The SLO on the Error budget screen needs fixing.".to_string()];
    }
    let r = slo::report(slo, state.today, now);
    let incidents = slo.incidents.len();
    let mut lines = vec![
        format!(
            "SLO {}% over {} days: a budget of {}.",
            format_number(slo.target, 5),
            r.days,
            describe_minutes(r.budget_minutes)
        ),
        format!(
            "{} incident{} spent {}. {}.",
            format_count(incidents as u64),
            if incidents == 1 { "" } else { "s" },
            describe_minutes(r.spent_minutes),
            remaining_budget(r.remaining_minutes)
        ),
    ];
    if let (Some(budget), Some(spent)) = (slo.budget_money(r.days), slo.money(r.spent_minutes)) {
        lines.push(format!(
            "In money: the budget is worth {}; the incidents cost {}.",
            budget.text, spent.text
        ));
    }
    if slo.policy.freeze {
        let o = state.runs.policy.get();
        lines.push(format!(
            "Policy: when the budget is spent, feature deployments freeze (P0 and security fixes excepted) until the trailing window is back within the SLO: simulated, frozen {}% of the time, about {} days a quarter.",
            format_number(o.frozen_fraction * 100.0, 1),
            format_number(o.days_frozen_per_quarter, 1)
        ));
    } else {
        lines.push("Policy: no deployment freeze.".to_string());
    }
    lines.push(format!(
        "A single incident using more than {}% of the budget requires a postmortem (wording unverified).",
        format_number(slo.policy.postmortem_share, 1)
    ));
    if state.runs.freeze.get().is_some() {
        lines.push("The plan's simulation runs under the freeze policy.".to_string());
    }
    lines
}
