//! Delivery metrics turned into budget use: what the baseline's
//! deployments, failures and recovery time spend per window.

use leptos::prelude::*;

use super::figures::{Figure, Figures};
use crate::model::slo::{bridge, describe_minutes, BudgetReport, FAILURE_SHARE_RULE};
use crate::model::units::{describe_hours, format_number, format_percent};
use crate::ui::field::{Field, NumberInput, Suffix};
use crate::ui::state::AppState;

/// Delivery metrics turned into budget use.
#[component]
pub fn BridgePanel(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let share = Memo::new(move |_| state.scenario.with(|s| s.slo.failure_share));
    let b = Memo::new(move |_| {
        let days = report.with(|r| r.days);
        state.scenario.with(|s| bridge(&s.slo, &s.baseline, days))
    });
    let figures = Memo::new(move |_| {
        let b = b.get();
        vec![
            Figure::new("Deployments per window", format_number(b.deploys, 1)),
            Figure::new(
                "Failed deployments per window",
                format_number(b.failures, 2),
            ),
            Figure::new(
                "Expected budget use per window",
                match b.expected_budget_use {
                    Some(u) => format!(
                        "{} of budget ({})",
                        format_percent(u, 1),
                        describe_minutes(b.expected_bad_minutes)
                    ),
                    None => format!(
                        "{} with no budget to spend",
                        describe_minutes(b.expected_bad_minutes)
                    ),
                },
            ),
            Figure::new(
                "Longest recovery the SLO tolerates",
                match b.max_recovery_minutes {
                    Some(m) if m > 0.0 => format!(
                        "{} per failure (yours: {}, {})",
                        describe_hours(m / 60.0),
                        describe_hours(b.recovery_minutes / 60.0),
                        if b.recovery_minutes <= m {
                            "within it"
                        } else {
                            "too slow for this SLO"
                        }
                    ),
                    Some(_) => "None: a 100% SLO tolerates no failure at all.".to_string(),
                    None => "No limit: no failed deployments are expected.".to_string(),
                },
            ),
        ]
    });
    view! {
        <section class="panel budget__section" aria-labelledby="bridge-title">
            <h2 class="panel__title" id="bridge-title">"From delivery metrics to budget"</h2>
            <p class="footnote">
                "Expected bad minutes per window ≈ deployments × change failure rate × recovery time × share of traffic affected. The deployment frequency, change failure rate and recovery time come from the "
                <a href="#/baseline">"Baseline"</a>
                " screen."
            </p>
            <Field
                id="failure-share"
                label="Traffic a failed deployment affects"
                hint="An assumption: 100% if a bad deployment takes the whole service down."
            >
                <NumberInput
                    value=Signal::derive(move || Some(share.get()))
                    rule=FAILURE_SHARE_RULE
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.failure_share = v);
                        }
                    })
                />
                <Suffix text="%" />
            </Field>
            <Figures items=figures />
        </section>
    }
}
