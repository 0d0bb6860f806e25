//! Actions, not only goals: each committed goal leaves the room with an
//! owner, a first check-in date and its first initiative, from the goal
//! chain or added on the spot.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::date::iso;
use crate::model::goals::{parse_goal_text, GoalId, MAX_TEXT_CHARS};
use crate::model::limits;
use crate::model::workshop::{
    action_rows, add_initiative, choose_initiative, initiative_options, set_first_check_in,
    set_owner,
};
use crate::ui::field::{Choice, DateInput, Field, TextInput};
use crate::ui::state::AppState;

/// One card per committed goal.
#[component]
pub(super) fn Actions() -> impl IntoView {
    let state = AppState::expect();
    let committed = Memo::new(move |_| {
        state.scenario.with(|s| {
            action_rows(s)
                .into_iter()
                .map(|r| r.goal)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="actions-title">
            <h2 class="panel__title" id="actions-title">"What each committed goal does first"</h2>
            <Show
                when=move || committed.with(|c| !c.is_empty())
                fallback=|| view! { <p>"Commit goals above; each then gets an owner, a first check-in and a first initiative here."</p> }
            >
                <div class="workshop__actions">
                    // Keyed by goal, so a card keeps its boxes (and the
                    // focus) while its own values are typed.
                    <For each=move || committed.get() key=|id| *id let:goal>
                        <Action goal />
                    </For>
                </div>
            </Show>
        </section>
    }
}

/// A committed goal's owner, first check-in and first initiative.
#[component]
fn Action(
    /// The committed goal.
    goal: GoalId,
) -> impl IntoView {
    let state = AppState::expect();
    let row = Memo::new(move |_| {
        state
            .scenario
            .with(|s| action_rows(s).into_iter().find(|r| r.goal == goal))
    });
    let owner_message = RwSignal::new(None::<String>);
    let date_message = RwSignal::new(None::<String>);
    let initiative_message = RwSignal::new(None::<String>);
    let new_initiative = RwSignal::new(String::new());
    // The picker offers today to the goal's deadline, or to the model's
    // last year when it has none.
    let latest = state
        .scenario
        .with_untracked(|s| s.goals.get(goal).and_then(|g| g.deadline))
        .or(NaiveDate::from_ymd_opt(limits::MAX_YEAR, 12, 31))
        .unwrap_or(state.today);
    let options = Signal::derive(move || {
        state.scenario.with(|s| {
            let under = initiative_options(s, goal)
                .into_iter()
                .filter_map(|id| Some((Some(id), s.goals.get(id)?.title.clone())));
            std::iter::once((None, "None chosen yet".to_string()))
                .chain(under)
                .collect::<Vec<_>>()
        })
    });
    let chosen = Signal::derive(move || {
        state
            .scenario
            .with(|s| s.workshop.action(goal).and_then(|a| a.initiative))
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = new_initiative.get_untracked();
        let mut result = Ok(0);
        state.edit(|s| result = add_initiative(s, goal, &title, state.today));
        match result {
            Ok(_) => {
                new_initiative.set(String::new());
                initiative_message.set(None);
            }
            Err(why) => initiative_message.set(Some(why)),
        }
    };
    let id = |what: &str| format!("{what}-{goal}");
    view! {
        <fieldset class="workshop__action">
            <legend>{move || row.with(|r| r.as_ref().map(|r| r.label.clone()))}</legend>
            <Field id=id("owner") label="Owner" message=owner_message>
                <TextInput
                    value=Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.owner.clone()).unwrap_or_default()))
                    max_chars=MAX_TEXT_CHARS
                    parse=parse_goal_text
                    on_change=Callback::new(move |name: String| {
                        let mut result = Ok(());
                        state.edit(|s| result = set_owner(s, goal, &name));
                        owner_message.set(result.err());
                    })
                />
            </Field>
            <Field id=id("check-in") label="First check-in" message=date_message>
                <DateInput
                    value=Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.first_check_in)))
                    min=state.today
                    max=latest
                    on_change=Callback::new(move |date: Option<NaiveDate>| {
                        let text = date.map(iso).unwrap_or_default();
                        let mut result = Ok(());
                        state.edit(|s| result = set_first_check_in(s, goal, &text, state.today));
                        date_message.set(result.err());
                    })
                />
            </Field>
            <Field id=id("initiative") label="First initiative" message=initiative_message>
                <Choice
                    options
                    selected=chosen
                    on_change=Callback::new(move |pick| {
                        let mut result = Ok(());
                        state.edit(|s| result = choose_initiative(s, goal, pick));
                        initiative_message.set(result.err());
                    })
                />
            </Field>
            <form class="workshop__inline" on:submit=add>
                <Field id=id("new-initiative") label="Or add an initiative under it">
                    <TextInput
                        value=new_initiative
                        max_chars=MAX_TEXT_CHARS
                        parse=parse_goal_text
                        on_change=Callback::new(move |t| new_initiative.set(t))
                    />
                    <button type="submit" class="button">"Add as its first initiative"</button>
                </Field>
            </form>
            <p class="workshop__status">{move || row.with(|r| r.as_ref().map(|r| r.status()))}</p>
        </fieldset>
    }
}
