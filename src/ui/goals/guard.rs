//! A goal's stability guard (domain.md §6, Goodhart's law): the metric
//! that must not get worse while the goal is pursued, and its limit in the
//! unit the baseline is shown in.

use leptos::prelude::*;

use super::target::{Amount, UnitPicker};
use super::GoalEdit;
use crate::model::goals::{Goal, Guard, Measure};
use crate::model::Metric;
use crate::ui::field::{Choice, Field};
use crate::ui::state::AppState;

/// The guard picker and, once a guard is picked, its limit.
#[component]
pub(super) fn GuardFields(
    /// Edits the goal shown.
    edit: GoalEdit,
    /// The goal shown.
    goal: Memo<Goal>,
) -> impl IntoView {
    let state = AppState::expect();
    let guard = Memo::new(move |_| goal.with(|g| g.guard));
    let metric = Memo::new(move |_| guard.get().map(|g| g.metric));
    let options: Vec<(Option<Metric>, String)> = Guard::options()
        .into_iter()
        .map(|(m, n)| (m, n.to_string()))
        .collect();
    let choose = Callback::new(move |m: Option<Metric>| {
        let baseline = state.scenario.with_untracked(|s| s.baseline.clone());
        edit.apply(|g| g.guard = m.map(|m| Guard::default_for(m, &baseline)));
    });
    let measure = Signal::derive(move || metric.get().map(Measure::Baseline));
    let label = Signal::derive(move || {
        let words = guard.get().map_or("at most", |g| g.bound_words());
        format!("Guard limit ({words})")
    });
    let limit = Signal::derive(move || guard.get().map(|g| g.limit));
    let set_limit = Callback::new(move |v: Option<f64>| {
        if let Some(v) = v {
            edit.apply(|g| {
                if let Some(guard) = g.guard.as_mut() {
                    guard.limit = v;
                }
            });
        }
    });
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Stability guard"</legend>
            <Field
                id="goal-guard"
                label="Guard metric"
                hint="Pair a throughput goal with a limit a stability metric must not cross."
            >
                <Choice options selected=metric on_change=choose />
            </Field>
            <Show when=move || metric.with(Option::is_some)>
                <Field id="goal-guard-limit" label=label>
                    <Amount measure value=limit on_change=set_limit />
                    <UnitPicker measure id="goal-guard-limit-unit" aria_label="Guard limit unit" />
                </Field>
            </Show>
        </fieldset>
    }
}
