//! The form that adds a goal to the chain: its level, title and parent.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::goals::{parse_title, Goal, GoalId, Level, MAX_TEXT_CHARS};
use crate::ui::field::{Choice, Field, TextInput};
use crate::ui::state::AppState;

/// The levels a goal can sit at, top of the chain first.
pub(super) fn level_options() -> Vec<(Level, String)> {
    Level::ALL
        .into_iter()
        .map(|l| (l, l.name().to_string()))
        .collect()
}

/// The form that adds a goal to the chain. Its fields are the form's own
/// until "Add goal" makes them a goal; the title is checked then.
#[component]
pub(super) fn AddGoal(
    /// The goal shown in the editor; set to the new goal.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date, the new goal's start.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let level = RwSignal::new(Level::Operational);
    let title = RwSignal::new(String::new());
    let parent = RwSignal::new(None::<GoalId>);
    let error = RwSignal::new(None::<String>);
    let parents = Memo::new(move |_| state.scenario.with(|s| s.goals.parent_choices(None)));
    // A parent deleted since it was picked is no longer offered, nor kept.
    let chosen_parent = Memo::new(move |_| {
        parent
            .get()
            .filter(|p| parents.with(|o| o.iter().any(|(id, _)| *id == Some(*p))))
    });
    let add = move || match parse_title(&title.get_untracked()) {
        Err(e) => error.set(Some(e)),
        Ok(t) => {
            let goal = Goal {
                parent: chosen_parent.get_untracked(),
                ..Goal::new(level.get_untracked(), &t, today)
            };
            let mut result = Err(String::new());
            state.edit(|s| result = s.add_goal(goal));
            match result {
                Ok(id) => {
                    title.set(String::new());
                    error.set(None);
                    selected.set(Some(id));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    view! {
        <form
            class="form goal-add"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                add();
            }
        >
            <Field
                id="new-goal-level"
                label="Level"
                hint=Signal::derive(move || Some(level.get().help().to_string()))
            >
                <Choice
                    options=level_options()
                    selected=level
                    on_change=Callback::new(move |l| level.set(l))
                />
            </Field>
            <Field id="new-goal-title" label="Goal title" message=error>
                <TextInput
                    value=title
                    max_chars=MAX_TEXT_CHARS
                    class="field__input--full"
                    on_change=Callback::new(move |t| {
                        title.set(t);
                        error.set(None);
                    })
                />
            </Field>
            <Field id="new-goal-parent" label="Parent goal">
                <Choice
                    options=parents
                    selected=chosen_parent
                    on_change=Callback::new(move |p| parent.set(p))
                />
            </Field>
            <div class="form__actions">
                <button type="submit" class="button">
                    "Add goal"
                </button>
            </div>
        </form>
    }
}
