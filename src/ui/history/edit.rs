//! Changing one snapshot: re-dating it, deleting it (with Undo), and
//! marking it as the snapshot the chosen plan started from. Refusals are
//! the model's, in its words (`model::history`).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::snapshots::{first_day, last_day};
use super::{change, HistoryState};
use crate::model::date::format_date;
use crate::ui::field::{Choice, DateInput, Field};
use crate::ui::state::AppState;

/// The form acting on one snapshot, picked by its date.
#[component]
pub fn EditSnapshot(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today;
    let picked = RwSignal::new(None::<NaiveDate>);
    // The picked snapshot while it exists, otherwise the newest.
    let chosen = Memo::new(move |_| {
        state.scenario.with(|s| {
            let snaps = &s.history.snapshots;
            picked
                .get()
                .filter(|d| snaps.iter().any(|x| x.date == *d))
                .or_else(|| snaps.last().map(|x| x.date))
        })
    });
    let options = Signal::derive(move || {
        state.scenario.with(|s| {
            let start = s.history.plan_start;
            s.history
                .snapshots
                .iter()
                .rev()
                .map(|x| {
                    let mut label = format_date(x.date);
                    if start == Some(x.date) {
                        label.push_str(" (plan start)");
                    }
                    (x.date, label)
                })
                .collect::<Vec<_>>()
        })
    });
    let new_date = RwSignal::new(None::<NaiveDate>);
    let date_error = RwSignal::new(None::<String>);
    let is_start = Memo::new(move |_| {
        let start = state.scenario.with(|s| s.history.plan_start);
        chosen.get().is_some_and(|d| start == Some(d))
    });

    let redate = move |_| {
        let Some(from) = chosen.get_untracked() else {
            return;
        };
        let Some(to) = new_date.get_untracked() else {
            date_error.set(Some("Enter the snapshot's new date.".to_string()));
            return;
        };
        match change(state, |s| s.history.redate(from, to, today)) {
            Ok(words) => {
                date_error.set(None);
                picked.set(Some(to));
                history.say(words);
            }
            Err(why) => date_error.set(Some(why)),
        }
    };
    let delete = move |_| {
        let Some(date) = chosen.get_untracked() else {
            return;
        };
        let deleted = change(state, |s| {
            s.history
                .delete(date)
                .ok_or_else(|| format!("There is no snapshot of {} any more.", format_date(date)))
        });
        match deleted {
            Ok(d) => {
                history.message.set(Some(d.message()));
                history.undo.set(Some(d));
            }
            Err(why) => history.say(why),
        }
    };
    let mark = move |_| {
        let target = if is_start.get_untracked() {
            None
        } else {
            chosen.get_untracked()
        };
        match change(state, |s| s.history.set_plan_start(target)) {
            Ok(()) => history.say(match target {
                Some(d) => format!(
                    "The plan is held against the snapshot of {}: see “Plan against reality” below.",
                    format_date(d)
                ),
                None => "The plan is no longer held against a snapshot.".to_string(),
            }),
            Err(why) => history.say(why),
        }
    };

    view! {
        <div class="history__edit" role="group" aria-labelledby="history-edit-title">
            <h3 class="history__subtitle" id="history-edit-title">"Change a snapshot"</h3>
            <div class="history__edit-row">
                <Field id="history-edit-snapshot" label="Snapshot">
                    <Choice
                        options
                        selected=Signal::derive(move || chosen.get().unwrap_or(today))
                        on_change=Callback::new(move |d| {
                            picked.set(Some(d));
                            date_error.set(None);
                        })
                    />
                </Field>
                <Field
                    id="history-edit-date"
                    label="New date"
                    message=Signal::derive(move || date_error.get())
                >
                    <DateInput
                        value=new_date
                        on_change=Callback::new(move |d| {
                            new_date.set(d);
                            date_error.set(None);
                        })
                        min=first_day().unwrap_or(today)
                        max=last_day(today).unwrap_or(today)
                    />
                </Field>
                <button type="button" class="button" on:click=redate>
                    "Re-date"
                </button>
            </div>
            <div class="history__edit-row">
                <button type="button" class="button button--quiet" on:click=mark>
                    {move || {
                        if is_start.get() {
                            "Stop holding the plan against this snapshot"
                        } else {
                            "Mark as the plan's start"
                        }
                    }}
                </button>
                <button type="button" class="button button--danger" on:click=delete>
                    "Delete snapshot"
                </button>
            </div>
        </div>
    }
}
