//! The error-budget policy: the freeze rule and the postmortem rule, what
//! the freeze does with the incidents entered, and the Monte Carlo over
//! many quarters that the improvement simulation also reads.

use leptos::prelude::*;

use super::figures::{Figure, Figures};
use crate::model::slo::{trials_rule, BudgetReport, MINUTES_PER_DAY, SHARE_RULE};
use crate::model::units::{describe_hours, format_number, format_percent};
use crate::sim::budget::QUARTER_DAYS;
use crate::ui::field::{Checkbox, Field, NumberInput, Suffix};
use crate::ui::state::AppState;

/// What the freeze does with the incidents entered, in words.
fn freeze_words(on: bool, r: &BudgetReport) -> String {
    if !on {
        return "No freeze: the policy is off.".to_string();
    }
    if r.freezes.is_empty() {
        return "No freeze: the budget is never spent.".to_string();
    }
    r.freezes
        .iter()
        .map(|&(a, b)| {
            format!(
                "Frozen from {} to {} ({} days).",
                r.moment_text(a),
                r.moment_text(b),
                format_number((b - a) / MINUTES_PER_DAY, 1)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The error-budget policy, its effect on the entered incidents, and the
/// Monte Carlo over many quarters.
#[component]
pub fn PolicyPanel(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let freeze = Memo::new(move |_| state.scenario.with(|s| s.slo.policy.freeze));
    let postmortem = Memo::new(move |_| state.scenario.with(|s| s.slo.policy.postmortem_share));
    let trials = Memo::new(move |_| state.scenario.with(|s| s.slo.policy.trials));
    let seed = Memo::new(move |_| state.scenario.with(|s| s.slo.seed));
    // The same run the simulation uses when plans apply the policy.
    let outcome = state.runs().policy;
    let figures = Memo::new(move |_| {
        let o = outcome.get();
        vec![
            Figure::new(
                "Chance a window's budget is spent",
                format_percent(o.p_exhaust_per_window, 1),
            ),
            Figure::new(
                "Days frozen per quarter",
                format!(
                    "{} on average; {} or fewer in 85% of quarters",
                    format_number(o.days_frozen_per_quarter, 1),
                    format_number(o.days_frozen_p85, 1)
                ),
            ),
            Figure::new(
                "Deployment frequency",
                format!(
                    "{} per week, down from {}",
                    format_number(o.deploys_per_day_with_freeze * 7.0, 2),
                    format_number(o.deploys_per_day * 7.0, 2)
                ),
            ),
            Figure::new(
                "Lead time",
                format!(
                    "{}, up from {} (changes wait out freezes)",
                    describe_hours(o.lead_time_hours_with_freeze),
                    describe_hours(o.lead_time_hours)
                ),
            ),
            Figure::new(
                "Postmortems per quarter",
                format!(
                    "{} of {} incidents",
                    format_number(o.postmortems_per_quarter, 1),
                    format_number(o.incidents_per_quarter, 1)
                ),
            ),
        ]
    });
    let trials_hint = format!(
        "Each quarter is {QUARTER_DAYS} days after one window of warm-up; incidents are drawn from the baseline."
    );
    view! {
        <section class="panel budget__section" aria-labelledby="policy-title">
            <h2 class="panel__title" id="policy-title">"Error-budget policy"</h2>
            <Checkbox
                id="policy-freeze"
                label="When the budget is spent, freeze feature deployments (P0 and security fixes excepted) until the trailing window is back within the SLO."
                checked=freeze
                on_change=Callback::new(move |on: bool| state.edit(|s| s.slo.policy.freeze = on))
            />
            <Field
                id="policy-postmortem"
                label="Postmortem when one incident uses more than"
                hint="A common companion rule is 20% of the budget. Its wording is unverified: no primary source states it."
            >
                <NumberInput
                    value=Signal::derive(move || Some(postmortem.get()))
                    rule=SHARE_RULE
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.policy.postmortem_share = v);
                        }
                    })
                />
                <Suffix text="% of the budget" />
            </Field>
            <h3 class="budget__subtitle">"With the incidents above"</h3>
            <p class="budget__note">{move || report.with(|r| freeze_words(freeze.get(), r))}</p>
            <h3 class="budget__subtitle">"Over many quarters"</h3>
            <div class="policy-run">
                <Field id="policy-trials" label="Quarters simulated" hint=trials_hint>
                    <NumberInput
                        value=Signal::derive(move || Some(f64::from(trials.get())))
                        rule=trials_rule()
                        on_change=Callback::new(move |v: Option<f64>| {
                            if let Some(v) = v {
                                state.edit(|s| s.slo.policy.set_trials(v));
                            }
                        })
                    />
                </Field>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.edit(|s| s.slo.seed = s.slo.seed.wrapping_add(1))
                >
                    "Draw new random numbers"
                </button>
            </div>
            <Figures items=figures />
            <p class="footnote">
                {move || format!(
                    "{} simulated quarters, seed {}. A freeze stops feature deployments, so failures stop too while it lasts; time frozen is time for reliability work.",
                    outcome.get().trials,
                    seed.get()
                )}
            </p>
        </section>
    }
}
