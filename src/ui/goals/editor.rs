//! The goal editor: the goal's words, place in the chain and dates, its
//! target and guard (in their own parts), Delete, and below them its SMART
//! check, findings and progress. Every control shows the selected goal's
//! own value.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::add::level_options;
use super::checks::{checks_for, findings_of, Findings, SmartCheck};
use super::guard::GuardFields;
use super::progress::Progress;
use super::target::TargetFields;
use super::{date_bounds, focus, Deleted, GoalEdit, Refusal};
use crate::model::goals::smart;
use crate::model::goals::{parse_goal_text, parse_title, GoalId, MAX_TEXT_CHARS};
use crate::ui::field::{Choice, DateInput, Field, TextInput};
use crate::ui::state::AppState;

/// Edits the goal `id` and shows its checks, findings and progress.
#[component]
pub(super) fn GoalEditor(
    /// The goal shown.
    id: Memo<GoalId>,
    /// The goal selected; cleared when this one is deleted.
    selected: RwSignal<Option<GoalId>>,
    /// The last goal deleted, for Undo.
    deleted: RwSignal<Option<Deleted>>,
    /// Today's date.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    let edit = GoalEdit { state, id };
    let goal = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.goals.get(id.get()).cloned())
            .unwrap_or_default()
    });
    let title = Memo::new(move |_| goal.with(|g| g.title.clone()));
    let owner = Memo::new(move |_| goal.with(|g| g.owner.clone()));
    let so_that = Memo::new(move |_| goal.with(|g| g.so_that.clone()));
    let level = Memo::new(move |_| goal.with(|g| g.level));
    let parent = Memo::new(move |_| goal.with(|g| g.parent));
    let start = Memo::new(move |_| goal.with(|g| g.start));
    let deadline = Memo::new(move |_| goal.with(|g| g.deadline));
    let has_target = Memo::new(move |_| goal.with(|g| g.target.is_some()));
    let parents = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.goals.parent_choices(Some(id.get())))
    });
    let checks = Memo::new(move |_| {
        state
            .scenario
            .with(|s| goal.with(|g| checks_for(s, g, today, runs)))
    });
    let findings = Memo::new(move |_| goal.with(findings_of));

    let parent_key = Signal::derive(move || (id.get(), parent.get()));
    let move_refusal = Refusal::new();
    let start_key = Signal::derive(move || (id.get(), start.get()));
    let start_refusal = Refusal::new();
    let deadline_key = Signal::derive(move || (id.get(), deadline.get()));
    let deadline_refusal = Refusal::new();
    let refused_deadline = deadline_refusal.message(deadline_key);
    // A refused date first; otherwise what the SMART check says of the one
    // kept (a deadline that has passed, or is today).
    let deadline_message = Signal::derive(move || {
        refused_deadline.get().or_else(|| {
            goal.with(|g| {
                g.deadline?;
                let c = smart::time_bound(g, today);
                (!c.pass).then(|| format!("{} {}", c.reason, c.fix))
            })
        })
    });
    let (first_day, last_day) = date_bounds();

    let move_under = Callback::new(move |p: Option<GoalId>| {
        let key = parent_key.get_untracked();
        let mut result = Ok(());
        state.edit(|s| {
            result = s
                .goals
                .move_under(key.0, p)
                .map_err(|e| e.message().to_string());
        });
        move_refusal.record(key, result);
    });
    let set_start = Callback::new(move |d: Option<NaiveDate>| {
        let key = start_key.get_untracked();
        start_refusal.record(key, edit.try_apply(|g| g.set_start(d)));
    });
    let set_deadline = Callback::new(move |d: Option<NaiveDate>| {
        let key = deadline_key.get_untracked();
        deadline_refusal.record(key, edit.try_apply(|g| g.change_deadline(d, today)));
    });
    let delete = move |_| {
        let gone = id.get_untracked();
        let revision = state.revision.get_untracked();
        let mut removed = None;
        state.edit(|s| removed = s.remove_goal(gone));
        if let Some(removed) = removed {
            deleted.set(Some(Deleted { removed, revision }));
            // The editor goes with the goal: keyboard focus moves to Undo.
            request_animation_frame(|| focus("goal-undo"));
        }
        selected.set(None);
    };

    view! {
        <h2 class="panel__title" id="goal-detail-title">
            {move || format!("{} goal", level.get().name())}
        </h2>
        <form class="form goal-form" novalidate on:submit=|ev| ev.prevent_default()>
            <Field id="goal-title" label="Title">
                <TextInput
                    value=title
                    max_chars=MAX_TEXT_CHARS
                    parse=parse_title
                    class="field__input--full"
                    on_change=Callback::new(move |t| edit.apply(|g| g.title = t))
                />
            </Field>
            <div class="goal-form__row">
                <Field id="goal-level" label="Goal level">
                    <Choice
                        options=level_options()
                        selected=level
                        on_change=Callback::new(move |l| edit.apply(|g| g.level = l))
                    />
                </Field>
                <Field
                    id="goal-parent"
                    label="Move under"
                    hint="Goals under this one are not offered: the chain would loop."
                    message=move_refusal.message(parent_key)
                >
                    <Choice options=parents selected=parent on_change=move_under />
                </Field>
            </div>
            <Field id="goal-owner" label="Owner (team or service)">
                <TextInput
                    value=owner
                    max_chars=MAX_TEXT_CHARS
                    parse=parse_goal_text
                    class="field__input--full"
                    on_change=Callback::new(move |t| edit.apply(|g| g.owner = t))
                />
            </Field>
            <Field
                id="goal-so-that"
                label="So that"
                hint="The outcome it unlocks: for whom, by how much, what for."
            >
                <TextInput
                    value=so_that
                    max_chars=MAX_TEXT_CHARS
                    parse=parse_goal_text
                    class="field__input--full"
                    on_change=Callback::new(move |t| edit.apply(|g| g.so_that = t))
                />
            </Field>

            <TargetFields edit goal />

            <div class="goal-form__row">
                <Field
                    id="goal-start"
                    label="Start date"
                    hint="When the baseline was taken; the required path starts here."
                    message=start_refusal.message(start_key)
                >
                    <DateInput value=start min=first_day max=last_day on_change=set_start />
                </Field>
                <Field id="goal-deadline" label="Deadline" message=deadline_message>
                    <DateInput value=deadline min=first_day max=last_day on_change=set_deadline />
                </Field>
            </div>

            <GuardFields edit goal />

            <div class="form__actions">
                <button type="button" class="button button--danger" on:click=delete>
                    "Delete goal"
                </button>
            </div>
        </form>

        <SmartCheck checks />
        <Findings findings />
        <Show when=move || has_target.get()>
            <Progress edit goal today />
        </Show>
    }
}
