//! Step 4: the error budget, its policy and the goals' guards, in the
//! words the report uses.

use leptos::prelude::*;

use crate::model::wording::{budget_lines, FrozenTime};
use crate::ui::state::{browser_now, AppState};

/// The budget's lines, then each goal's guard.
#[component]
pub(super) fn GuardrailsStep() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let lines = move || {
        state.scenario.with(|s| {
            // The policy's simulation runs only when its result is shown.
            let frozen = (s.slo.policy.freeze && s.slo.is_valid()).then(|| {
                let o = state.runs.policy.get();
                FrozenTime {
                    fraction: o.frozen_fraction,
                    days_per_quarter: o.days_frozen_per_quarter,
                }
            });
            let under_freeze = state.runs.freeze.with(Option::is_some);
            let mut lines = budget_lines(&s.slo, state.today, now, frozen, under_freeze);
            lines.extend(s.goals.0.iter().filter_map(|g| {
                g.guard
                    .map(|guard| format!("{}: {}.", g.title, guard.describe(s.baseline.units())))
            }));
            lines
        })
    };
    view! {
        <ul class="workshop__list workshop__list--big">
            {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
        <p class="workshop__note">
            <a href="#/budget">"Change the SLO or the policy"</a>
        </p>
    }
}
