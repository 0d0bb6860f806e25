//! A run's settings: the horizon and trial count (the model's lists, each
//! saying what will be simulated — `sim::settings`), the seed, and whether
//! the plans run under the Error budget screen's freeze policy.

use leptos::prelude::*;

use crate::model::units::format_number;
use crate::sim::settings::{horizon_choices, trial_choices};
use crate::ui::field::{Checkbox, Choice, Field};
use crate::ui::state::AppState;

/// Horizon, trials and seed.
#[component]
pub fn RunSettings() -> impl IntoView {
    let state = AppState::expect();
    let horizons = Memo::new(move |_| state.scenario.with(|s| horizon_choices(&s.simulation)));
    let trials = Memo::new(move |_| state.scenario.with(|s| trial_choices(&s.simulation)));
    let horizon = Memo::new(move |_| state.scenario.with(|s| s.simulation.horizon_weeks));
    let trial_count = Memo::new(move |_| state.scenario.with(|s| s.simulation.trials));
    let seed = Memo::new(move |_| state.scenario.with(|s| s.simulation.seed));
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Run"</legend>
            <Field id="horizon" label="Horizon">
                <Choice
                    options=horizons
                    selected=horizon
                    on_change=Callback::new(move |w| state.edit(|s| s.simulation.horizon_weeks = w))
                />
            </Field>
            <Field id="trials" label="Trials">
                <Choice
                    options=trials
                    selected=trial_count
                    on_change=Callback::new(move |n| state.edit(|s| s.simulation.trials = n))
                />
            </Field>
            <p class="footnote">
                {move || {
                    format!(
                        "Seed {}: the same seed always gives the same numbers, on every reload and in every browser.",
                        seed.get(),
                    )
                }}
            </p>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    let seed = new_seed();
                    state.edit(|s| s.simulation.seed = seed);
                }
            >
                "Draw a new seed"
            </button>
        </fieldset>
    }
}

/// Whether the plans run under the Error budget screen's freeze policy, and
/// what that policy does to them.
#[component]
pub fn FreezePolicy() -> impl IntoView {
    let state = AppState::expect();
    let applied = Memo::new(move |_| state.scenario.with(|s| s.simulation.apply_freeze));
    let summary = move || {
        if !applied.get() {
            return "Off: the plans run without the error-budget policy.".to_string();
        }
        let (policy_on, valid) = state
            .scenario
            .with(|s| (s.slo.policy.freeze, s.slo.is_valid()));
        if !valid {
            return "The SLO on the Error budget screen needs fixing before its policy can apply."
                .into();
        }
        if !policy_on {
            return "The Error budget screen's policy does not freeze deployments, so there is nothing to apply.".into();
        }
        state.runs().freeze.get().map_or_else(String::new, |o| {
            let f = o.freeze();
            format!(
                "Frozen {}% of the time ({} days a quarter): measured deployment frequency × {} and lead time × {}; the frozen time goes to reliability work on change failure rate and recovery time. How freezes feed the model is Flywheel's own assumption, not a published figure; what it contributes to each result is shown with the outlook.",
                format_number(f.frozen_fraction * 100.0, 1),
                format_number(o.days_frozen_per_quarter, 1),
                format_number(f.deploy_factor, 3),
                format_number(f.lead_factor, 3),
            )
        })
    };
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Error-budget policy"</legend>
            <Checkbox
                id="apply-freeze"
                label="Run under the freeze policy"
                checked=applied
                on_change=Callback::new(move |on| state.edit(|s| s.simulation.apply_freeze = on))
            />
            <p class="footnote" id="freeze-effect">{summary}</p>
        </fieldset>
    }
}

/// A new seed from the browser's Web Crypto, used only to pick one; the
/// simulation itself draws from the seeded generator.
fn new_seed() -> u64 {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map_or(500_000_000, |c| {
            let mut bytes = [0u8; 4];
            let _ = c.get_random_values_with_u8_array(&mut bytes);
            // Below 10⁹, as seeds have always been drawn: short to read.
            u64::from(u32::from_le_bytes(bytes)) % 1_000_000_000
        })
}
