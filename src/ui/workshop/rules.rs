//! The voting rules the facilitator sets: dots per person, at most so many
//! on one goal, whether the facilitator votes, whether proposers vote for
//! their own goals. A rule tightened after dots were placed takes back the
//! dots that break it, and the model says whose.

use leptos::prelude::*;

use crate::model::workshop::{dots_rule, parse_dots, Workshop};
use crate::ui::field::{Checkbox, Field, NumberInput};
use crate::ui::state::AppState;

/// What a rule change did: whose dots were taken back, or why it was
/// refused.
type Change = Result<Vec<String>, String>;

/// The rules, each a field or a checkbox.
#[component]
pub(super) fn RulesPanel() -> impl IntoView {
    let state = AppState::expect();
    let status = RwSignal::new(None::<String>);
    let dots_message = RwSignal::new(None::<String>);
    let per_goal_message = RwSignal::new(None::<String>);
    // Applies a change and words its outcome; the model keeps its rules
    // when it refuses one.
    let apply = move |change: &dyn Fn(&mut Workshop) -> Change| {
        let mut result = Ok(Vec::new());
        state.edit(|s| result = change(&mut s.workshop));
        status.set(match result {
            Ok(notes) => (!notes.is_empty()).then(|| notes.join(" ")),
            Err(why) => Some(why),
        });
    };
    let rules = move || state.scenario.with(|s| s.workshop.rules().clone());
    let set_each = Callback::new(move |v: Option<f64>| {
        let Some(v) = v else { return };
        match parse_dots(v) {
            Ok(n) => {
                dots_message.set(None);
                apply(&|w: &mut Workshop| w.set_dots_each(n));
            }
            Err(why) => dots_message.set(Some(why)),
        }
    });
    let set_per_goal = Callback::new(move |v: Option<f64>| match v.map(parse_dots).transpose() {
        Ok(limit) => {
            per_goal_message.set(None);
            apply(&|w: &mut Workshop| w.set_per_goal(limit));
        }
        Err(why) => per_goal_message.set(Some(why)),
    });
    view! {
        <section class="panel" aria-labelledby="voting-rules-title">
            <h2 class="panel__title" id="voting-rules-title">"Voting rules"</h2>
            <Field id="dots-each" label="Dots per person" message=dots_message>
                <NumberInput
                    value=Signal::derive(move || {
                        Some(f64::from(state.scenario.with(|s| s.workshop.dots_each())))
                    })
                    rule=dots_rule()
                    class="field__input--short"
                    on_change=set_each
                />
            </Field>
            <Field
                id="per-goal"
                label="Most dots one person may put on one goal"
                hint="Leave empty for no limit below the dots each person has."
                message=per_goal_message
                optional=true
            >
                <NumberInput
                    value=Signal::derive(move || rules().per_goal.map(f64::from))
                    rule=dots_rule()
                    optional=true
                    class="field__input--short"
                    on_change=set_per_goal
                />
            </Field>
            <Checkbox
                id="facilitator-votes"
                label="The facilitator votes too"
                checked=Signal::derive(move || rules().facilitator_votes)
                on_change=Callback::new(move |on| apply(&|w: &mut Workshop| w.set_facilitator_votes(on)))
            />
            <Checkbox
                id="own-goals"
                label="Proposers may vote for their own goals"
                checked=Signal::derive(move || rules().own_goals)
                on_change=Callback::new(move |on| apply(&|w: &mut Workshop| w.set_own_goals(on)))
            />
            <p role="status" class="workshop__status">{move || status.get()}</p>
        </section>
    }
}
