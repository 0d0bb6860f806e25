//! The Goals screen: build the goal chain, edit the selected goal, see its
//! SMART check and lint findings, and record progress check-ins against
//! the required path. Every rule comes from `model::goals`; "today" comes
//! from the app state and is passed in.
//!
//! The editor stays mounted while the user moves from goal to goal: every
//! control shows a memo of the selected goal, so switching goals shows that
//! goal's own values (a control keeps half-typed text only while the model
//! still holds the value it was typed against; see `ui::field`).

mod add;
mod checkins;
mod checks;
mod editor;
mod guard;
mod progress;
mod target;
mod tree;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::goals::{Goal, GoalId};
use crate::model::scenario::RemovedGoal;
use crate::ui::state::AppState;

/// Edits the goal shown in the editor.
#[derive(Clone, Copy)]
struct GoalEdit {
    state: AppState,
    /// The goal shown.
    id: Memo<GoalId>,
}

impl GoalEdit {
    /// Changes the goal shown, if it still exists.
    fn apply(self, f: impl FnOnce(&mut Goal)) {
        let id = self.id.get_untracked();
        self.state.edit(|s| {
            if let Some(g) = s.goals.get_mut(id) {
                f(g);
            }
        });
    }

    /// Changes the goal shown through one of the model's checked setters,
    /// returning its refusal.
    fn try_apply(self, f: impl FnOnce(&mut Goal) -> Result<(), String>) -> Result<(), String> {
        let id = self.id.get_untracked();
        let mut result = Err("That goal no longer exists.".to_string());
        self.state.edit(|s| {
            if let Some(g) = s.goals.get_mut(id) {
                result = f(g);
            }
        });
        result
    }
}

/// Why the model refused a value the user picked. It is shown while the
/// model still holds what it refused to replace (the same goal, the same
/// stored value) and forgotten once anything moves that on, as a control's
/// draft text is.
struct Refusal<K: Clone + PartialEq + Send + Sync + 'static> {
    at: RwSignal<Option<(K, String)>>,
}

impl<K: Clone + PartialEq + Send + Sync + 'static> Clone for Refusal<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Clone + PartialEq + Send + Sync + 'static> Copy for Refusal<K> {}

impl<K: Clone + PartialEq + Send + Sync + 'static> Refusal<K> {
    fn new() -> Refusal<K> {
        Refusal {
            at: RwSignal::new(None),
        }
    }

    /// Records the outcome of an edit made while the model held `key`.
    fn record(self, key: K, result: Result<(), String>) {
        self.at.set(result.err().map(|why| (key, why)));
    }

    /// The refusal, while the model still holds `key`.
    fn message(self, key: Signal<K>) -> Signal<Option<String>> {
        let at = self.at;
        Signal::derive(move || {
            let now = key.get();
            at.with(|a| match a {
                Some((k, why)) if *k == now => Some(why.clone()),
                _ => None,
            })
        })
    }
}

/// The last goal deleted, to put back.
#[derive(Clone)]
struct Deleted {
    removed: RemovedGoal,
    /// The scenario's revision when it was deleted: a scenario replaced
    /// since (an import, a link) is not the one to put it back into.
    revision: u64,
}

/// The Goals screen.
#[component]
pub fn GoalsScreen() -> impl IntoView {
    let state = AppState::expect();
    let today = state.today;
    let selected: RwSignal<Option<GoalId>> = RwSignal::new(
        state
            .scenario
            .with_untracked(|s| s.goals.0.first().map(|g| g.id)),
    );
    let current = Memo::new(move |_| {
        selected
            .get()
            .filter(|id| state.scenario.with(|s| s.goals.get(*id).is_some()))
    });
    let showing = Memo::new(move |_| current.with(Option::is_some));
    let id = Memo::new(move |_| current.get().unwrap_or_default());
    let deleted = RwSignal::new(None::<Deleted>);
    view! {
        <div class="screen screen--goals">
            <header class="screen__header">
                <h1 class="screen__title">"Goals"</h1>
                <p class="screen__lede">
                    "Turn the baseline into goals a team can commit to. Chain them from strategy down to initiatives, and see every goal checked against SMART and the seed's anti-patterns."
                </p>
            </header>
            <div class="goals">
                <div class="goals__side">
                    <section class="panel" aria-labelledby="goals-chain-title">
                        <h2 class="panel__title" id="goals-chain-title">"Goal chain"</h2>
                        <tree::GoalTree selected today />
                    </section>
                    <section class="panel" aria-labelledby="goals-add-title">
                        <h2 class="panel__title" id="goals-add-title">"Add a goal"</h2>
                        <add::AddGoal selected today />
                    </section>
                    <section class="panel" aria-labelledby="goals-templates-title">
                        <h2 class="panel__title" id="goals-templates-title">
                            "Start from an example"
                        </h2>
                        <tree::Templates selected today />
                    </section>
                </div>
                <section class="panel goals__detail" aria-labelledby="goal-detail-title">
                    <UndoDelete deleted selected />
                    <Show
                        when=move || showing.get()
                        fallback=|| {
                            view! {
                                <h2 class="panel__title" id="goal-detail-title">"Goal"</h2>
                                <p class="goals__empty">
                                    "Add a goal or pick an example to see its SMART check here."
                                </p>
                            }
                        }
                    >
                        <editor::GoalEditor id selected deleted today />
                    </Show>
                </section>
            </div>
        </div>
    }
}

/// After a goal is deleted: what went, and a button that puts it back
/// (with its place in the chain and the goals that sat under it).
#[component]
fn UndoDelete(
    /// The last goal deleted.
    deleted: RwSignal<Option<Deleted>>,
    /// The goal shown; set to the goal put back.
    selected: RwSignal<Option<GoalId>>,
) -> impl IntoView {
    let state = AppState::expect();
    let offer = Memo::new(move |_| {
        let revision = state.revision.get();
        deleted.with(|d| {
            d.as_ref()
                .filter(|d| d.revision == revision)
                .map(|d| d.removed.goal.title.clone())
        })
    });
    let undo = move |_| {
        let Some(d) = deleted.get_untracked() else {
            return;
        };
        let mut back = None;
        state.edit(|s| back = s.restore_goal_as(d.removed));
        deleted.set(None);
        if back.is_some() {
            selected.set(back);
            // The button is gone: carry keyboard focus to the goal back in
            // the editor.
            request_animation_frame(|| focus("goal-title"));
        }
    };
    view! {
        <div role="status" aria-live="polite" class="goals__status">
            {move || {
                offer
                    .get()
                    .map(|title| {
                        view! {
                            <p class="goals__undo">
                                {format!("Deleted \u{201c}{title}\u{201d}.")}
                                " "
                                <button
                                    type="button"
                                    id="goal-undo"
                                    class="button button--quiet"
                                    on:click=undo
                                >
                                    "Undo"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        // Focus cannot fail in a way the user could act on.
        let _ = e.focus();
    }
}

/// The first and last days the model keeps, for date pickers.
fn date_bounds() -> (NaiveDate, NaiveDate) {
    use crate::model::limits::{MAX_YEAR, MIN_YEAR};
    (
        NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or_default(),
    )
}
