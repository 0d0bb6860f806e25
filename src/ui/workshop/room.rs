//! Dots entered on the facilitator's screen for people in the room: the
//! voters, who is voting now, and the dots left.

use leptos::prelude::*;

use crate::model::goals::GoalId;
use crate::model::workshop::{parse_name, Subject, MAX_NAME_CHARS};
use crate::ui::field::{Choice, Field, TextInput};
use crate::ui::state::AppState;

/// The room's voting on this screen: what it votes on, who is voting now,
/// and the last thing to tell them.
#[derive(Clone, Copy)]
pub(super) struct Room {
    state: AppState,
    pub subject: Signal<Subject>,
    pub voter: RwSignal<Option<String>>,
    pub message: RwSignal<Option<String>>,
}

impl Room {
    /// Voting on `subject`, starting with the first voter.
    pub fn new(subject: Signal<Subject>) -> Room {
        let state = AppState::expect();
        let first = state
            .scenario
            .with_untracked(|s| s.workshop.voters().first().map(|v| v.to_string()));
        Room {
            state,
            subject,
            voter: RwSignal::new(first),
            message: RwSignal::new(None),
        }
    }

    /// Places (`add`) or takes back one of the current voter's dots.
    pub fn vote(self, goal: GoalId, add: bool) {
        let Some(name) = self.voter.get_untracked() else {
            self.message
                .set(Some("Choose who is voting first.".to_string()));
            return;
        };
        let mut result = Ok(());
        self.state.edit(|s| {
            result = if add {
                s.workshop.place_dot(&s.goals, &name, goal)
            } else {
                s.workshop.take_dot(&name, goal)
            };
        });
        self.message.set(result.err());
    }
}

/// The voters and who is voting now, with the dots they have left.
#[component]
pub(super) fn RoomControls(
    /// The room's voting.
    room: Room,
) -> impl IntoView {
    let state = AppState::expect();
    let new_voter = RwSignal::new(String::new());
    let add_voter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_voter.get_untracked();
        let mut result = Ok(());
        state.edit(|s| result = s.workshop.add_voter(&name));
        match result {
            Ok(()) => {
                room.voter.set(parse_name(&name).ok());
                new_voter.set(String::new());
                room.message.set(None);
            }
            Err(e) => room.message.set(Some(e)),
        }
    };
    let add_proposers = move |_| {
        let mut refused = Vec::new();
        state.edit(|s| {
            let names: Vec<String> = s.workshop.proposals.iter().map(|p| p.by.clone()).collect();
            for n in names {
                if let Err(why) = s.workshop.add_voter(&n) {
                    refused.push(why);
                }
            }
        });
        refused.dedup();
        room.message
            .set((!refused.is_empty()).then(|| refused.join(" ")));
        if room.voter.get_untracked().is_none() {
            let first = state
                .scenario
                .with_untracked(|s| s.workshop.voters().first().map(|v| v.to_string()));
            room.voter.set(first);
        }
    };
    let options = Signal::derive(move || {
        state.scenario.with(|s| {
            let voters = s
                .workshop
                .voters()
                .into_iter()
                .map(|n| (Some(n.to_string()), n.to_string()));
            std::iter::once((None, "Choose a voter".to_string()))
                .chain(voters)
                .collect::<Vec<_>>()
        })
    });
    let left = move || {
        let name = room.voter.get()?;
        state.scenario.with(|s| {
            let left = s.workshop.dots_left(&name, room.subject.get())?;
            Some(format!(
                "{name} has {left} of {} dots left.",
                s.workshop.dots_each()
            ))
        })
    };
    view! {
        <div class="workshop__controls">
            <form class="workshop__inline" on:submit=add_voter>
                <Field id="new-voter" label="Voter's name">
                    <TextInput
                        value=new_voter
                        max_chars=MAX_NAME_CHARS
                        on_change=Callback::new(move |t| new_voter.set(t))
                    />
                    <button type="submit" class="button">"Add voter"</button>
                </Field>
            </form>
            <button type="button" class="button button--quiet" on:click=add_proposers>
                "Add every proposer as a voter"
            </button>
            <Field id="voting-now" label="Voting now">
                <Choice
                    options
                    selected=room.voter
                    on_change=Callback::new(move |v| room.voter.set(v))
                />
            </Field>
        </div>
        <p role="status" class="workshop__status">{move || room.message.get().or_else(left)}</p>
    }
}
