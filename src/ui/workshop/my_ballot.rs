//! A participant's own ballot, on their own device: the candidates, their
//! own dots and how many are left — never the room's counts — and the
//! ballot link they send the facilitator.

use leptos::prelude::*;

use super::collect::ParticipantName;
use super::counted;
use crate::model::goals::GoalId;
use crate::model::workshop::{candidates, Subject};
use crate::ui::link::{ballot_link, LinkBox};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The participant's name, ballot and "Send my ballot".
#[component]
pub(super) fn MyBallot(
    /// The vote the ballot is for.
    subject: Signal<Subject>,
) -> impl IntoView {
    let state = AppState::expect();
    let me = Memo::new(move |_| state.scenario.with(|s| s.workshop.participant.clone()));
    let named = move || me.with(|m| !m.is_empty());
    let message = RwSignal::new(None::<String>);
    let link = RwSignal::new(String::new());
    let vote = move |goal: GoalId, add: bool| {
        let mut result = Ok(());
        state.edit(|s| {
            result = if add {
                s.workshop.place_own_dot(&s.goals, goal)
            } else {
                let me = s.workshop.participant.clone();
                s.workshop.take_dot(&me, goal)
            };
        });
        message.set(result.err());
        // A link made before this change no longer holds the ballot.
        link.set(String::new());
    };
    let left = move || {
        state.scenario.with(|s| {
            let w = &s.workshop;
            let left = me
                .with(|m| w.dots_left(m, subject.get()))
                .unwrap_or(w.dots_each());
            format!("You have {left} of {} dots left.", w.dots_each())
        })
    };
    let send = move |_| {
        let made = state.scenario.with_untracked(|s| {
            s.workshop
                .ballot_link(subject.get_untracked(), &s.workshop.participant)
        });
        match made {
            Ok(payload) => {
                link.set(ballot_link(&payload));
                message.set(None);
            }
            Err(why) => message.set(Some(why)),
        }
    };
    let rows = move || {
        state.scenario.with(|s| {
            let ballot = me.with(|m| s.workshop.ballot(m).cloned());
            candidates(&s.goals, subject.get())
                .into_iter()
                .filter_map(|id| {
                    let g = s.goals.get(id)?;
                    let mine = ballot.as_ref().map_or(0, |b| b.dots_on(id));
                    Some(view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td class="workshop__big">{counted(mine as usize, "dot", "dots")}</td>
                            <td>
                                <div class="workshop__vote">
                                    <button
                                        type="button"
                                        class="button"
                                        aria-label=format!("Put one of my dots on “{}”", g.title)
                                        on:click=move |_| vote(id, true)
                                    >
                                        "+ dot"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=format!("Take one of my dots off “{}”", g.title)
                                        disabled=mine == 0
                                        on:click=move |_| vote(id, false)
                                    >
                                        "− dot"
                                    </button>
                                </div>
                            </td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let caption = Signal::derive(move || format!("Your dots on the {}", subject.get().name()));
    view! {
        <section class="panel" aria-labelledby="my-ballot-title">
            <h2 class="panel__title" id="my-ballot-title">"Voting on your own device?"</h2>
            <p>
                "Open the facilitator's link, vote here, and send your ballot: nobody sees anyone's dots until the facilitator reveals them."
            </p>
            <ParticipantName />
            <Show when=named>
                <p role="status" class="workshop__status">{move || message.get().unwrap_or_else(left)}</p>
                <Table class="workshop__table" caption columns=&["Candidate", "Your dots", "Vote"]>
                    {rows}
                </Table>
                <button type="button" class="button" on:click=send>
                    "Send my ballot"
                </button>
                <Show when=move || link.with(|l| !l.is_empty())>
                    <LinkBox id="my-ballot-link" label="Your ballot link" text=link />
                    <p class="field__hint">
                        "Send this link to the facilitator, by chat or e-mail. If you change your dots, send a new one: the later ballot replaces the earlier."
                    </p>
                </Show>
            </Show>
        </section>
    }
}
