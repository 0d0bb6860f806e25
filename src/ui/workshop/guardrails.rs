//! Step 4: the error budget, its policy and the goals' guards, in the
//! words the report uses.

use leptos::prelude::*;

use crate::ui::state::{browser_now, AppState};

/// The budget's lines, then each goal's guard.
#[component]
pub(super) fn GuardrailsStep() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let lines = move || {
        state.scenario.with(|s| {
            let mut lines = state.runs().budget_lines(s, state.today, now);
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
