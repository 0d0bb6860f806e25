//! The baseline form: the team's name and one field per metric, each read
//! from and written to the model through `model::entry`, so no metric's
//! field is written out by hand.

use leptos::prelude::*;

use crate::model::entry::{self, EntryUnit};
use crate::model::units::{RatePeriod, TimeUnit};
use crate::model::validate::parse_name;
use crate::model::{Metric, Scenario};
use crate::ui::field::{Choice, Field, NumberInput, Suffix, TextInput};
use crate::ui::state::AppState;

fn team_rule(text: &str) -> Result<String, String> {
    parse_name(text, Scenario::MAX_TEAM_CHARS)
}

/// The team's name and every metric's field.
#[component]
pub fn BaselineForm() -> impl IntoView {
    let state = AppState::expect();
    let team = Signal::derive(move || state.scenario.with(|s| s.team.clone()));
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <Field id="team-name" label="Team or service name">
                <TextInput
                    value=team
                    max_chars=Scenario::MAX_TEAM_CHARS
                    parse=team_rule
                    class="field__input--wide"
                    on_change=Callback::new(move |name| state.edit(|s| s.team = name))
                />
            </Field>
            <fieldset class="form__group">
                <legend class="form__legend">"DORA metrics"</legend>
                {Metric::DORA.map(|m| view! { <MetricField metric=m /> }).into_iter().collect_view()}
            </fieldset>
            <fieldset class="form__group">
                <legend class="form__legend">"Quality and reliability"</legend>
                {[Metric::CodeChurn, Metric::DefectEscapeRate, Metric::Availability]
                    .map(|m| view! { <MetricField metric=m /> })
                    .into_iter()
                    .collect_view()}
            </fieldset>
            <div class="form__actions">
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.replace(Scenario::default())
                >
                    "Start over with example numbers"
                </button>
            </div>
        </form>
    }
}

/// One metric's field: its amount, the unit beside it, and the
/// "Measured from data" mark while the value is the imported one.
#[component]
fn MetricField(
    /// The metric typed.
    metric: Metric,
) -> impl IntoView {
    let state = AppState::expect();
    let value = Signal::derive(move || state.scenario.with(|s| entry::amount(&s.baseline, metric)));
    let unit = move || state.scenario.with(|s| entry::unit(&s.baseline, metric));
    let measured = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.measured
                .as_ref()
                .is_some_and(|m| m.is_measured(metric, &s.baseline))
        })
    });
    let id = metric.key();
    let beside = match unit() {
        EntryUnit::Period(_) => view! {
            <Choice
                id=format!("{id}-period")
                aria_label="Deployment frequency period"
                options=RatePeriod::ALL.map(|p| (p, p.label().to_string())).to_vec()
                selected=Signal::derive(move || match unit() {
                    EntryUnit::Period(p) => p,
                    _ => RatePeriod::Week,
                })
                on_change=Callback::new(move |p| state.edit(|s| entry::set_period(&mut s.baseline, p)))
            />
        }
        .into_any(),
        EntryUnit::Time(_) => {
            let name = if metric == Metric::LeadTime { "Lead time unit" } else { "Recovery time unit" };
            view! {
                <Choice
                    id=format!("{id}-unit")
                    aria_label=name
                    options=TimeUnit::ALL.map(|u| (u, u.label().to_string())).to_vec()
                    selected=Signal::derive(move || match unit() {
                        EntryUnit::Time(u) => u,
                        _ => TimeUnit::Hours,
                    })
                    on_change=Callback::new(move |u| {
                        state.edit(|s| entry::set_time_unit(&mut s.baseline, metric, u))
                    })
                />
            }
            .into_any()
        }
        EntryUnit::Percent => view! { <Suffix text="%" /> }.into_any(),
    };
    view! {
        <Field
            id
            label=metric.name()
            hint=entry::hint(metric)
            optional=entry::is_optional(metric)
        >
            <NumberInput
                value
                rule=entry::entry_rule(metric)
                optional=entry::is_optional(metric)
                on_change=Callback::new(move |v| state.edit(|s| entry::set_amount(&mut s.baseline, metric, v)))
            />
            {beside}
            {move || measured.get().then(|| view! { <span class="measured-badge">"Measured from data"</span> })}
        </Field>
    }
}
