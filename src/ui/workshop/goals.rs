//! Step 2: participants' goals come in through their links, duplicates are
//! flagged, and the room sees who proposed what.

use leptos::prelude::*;

use super::collect::{Collect, Participate};
use crate::model::goals::GoalId;
use crate::model::scenario::RemovedGoal;
use crate::model::workshop::duplicates;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The candidates beside the ways goals come in.
#[component]
pub(super) fn GoalsStep() -> impl IntoView {
    view! {
        <div class="workshop__columns">
            <Candidates />
            <div>
                <Collect />
                <Participate />
            </div>
        </div>
    }
}

/// Every goal on the table, with its proposer and any duplicate flag.
#[component]
fn Candidates() -> impl IntoView {
    let state = AppState::expect();
    let removed = RwSignal::new(None::<RemovedGoal>);
    let remove = move |id: GoalId| {
        let mut taken = None;
        state.edit(|s| taken = s.remove_goal(id));
        removed.set(taken);
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            state.edit(|s| s.restore_goal(r));
            removed.set(None);
        }
    };
    let rows = move || {
        state.scenario.with(|s| {
            let flags = duplicates(&s.goals);
            s.goals
                .0
                .iter()
                .map(|g| {
                    let id = g.id;
                    let by = s.workshop.credit(id).to_string();
                    let flag = flags
                        .iter()
                        .find(|(dup, _)| *dup == id)
                        .and_then(|&(_, of)| s.goals.get(of))
                        .map(|of| format!("Possible duplicate of “{}”", of.title));
                    let flagged = flag.is_some();
                    let remove_label = format!("Remove “{}”", g.title);
                    view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{by}</td>
                            <td class:workshop__flag=flagged>
                                {flag.unwrap_or_else(|| "—".to_string())}
                            </td>
                            <td>
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=remove_label
                                    on:click=move |_| remove(id)
                                >
                                    "Remove"
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.scenario.with(|s| s.goals.is_empty());
    view! {
        <section class="panel" aria-labelledby="candidates-title">
            <h2 class="panel__title" id="candidates-title">"Candidate goals"</h2>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! {
                        <p>
                            "No goals yet: merge participants' links, or add goals on the Goals screen."
                        </p>
                    }
                }
            >
                <Table
                    class="workshop__table"
                    caption="Goals on the table, who proposed them, and possible duplicates"
                    columns=&["Goal", "Proposed by", "Duplicate?", "Action"]
                >
                    {rows}
                </Table>
            </Show>
            <p role="status" class="workshop__status">
                {move || {
                    removed
                        .get()
                        .map(|r| {
                            view! {
                                {format!("Removed “{}”. ", r.goal.title)}
                                <button type="button" class="button button--quiet" on:click=undo>
                                    "Undo"
                                </button>
                            }
                        })
                }}
            </p>
        </section>
    }
}
