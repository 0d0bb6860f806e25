//! The set of teams as the Teams screen and the leadership report both see
//! it: kept in this browser (through `storage`), each team's simulation
//! run in turn with the page's own work in between, and the teams ticked
//! to be compared.

mod cells;
mod counts;
mod runs;

pub use cells::{attention_cell, goals_cell};
pub use counts::SpreadCounts;

use leptos::prelude::*;

use crate::model::teams::rows::{rows, Chances, Context, TeamRow};
use crate::model::teams::{TeamId, Teams};
use crate::storage::{load_teams, save_teams};
use crate::ui::state::AppState;

/// The set kept in this browser, as [`load`] found it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub set: Teams,
    /// Why a kept set did not open: the screen then starts empty and the
    /// kept text stays until the set changes.
    pub unreadable: Option<String>,
}

/// The set saved in this browser; an empty set when there is none or it
/// cannot be opened (then with the reason). `Err` when the reader of saved
/// work could not be fetched: then a screen that saves its set must not
/// open.
pub async fn load() -> Result<Stored, String> {
    Ok(match load_teams().await? {
        None => Stored::default(),
        Some(Ok(set)) => Stored {
            set,
            unreadable: None,
        },
        Some(Err(e)) => Stored {
            set: Teams::default(),
            unreadable: Some(e.stored_message()),
        },
    })
}

/// The set of teams on screen and what their runs have found so far.
#[derive(Clone, Copy)]
pub struct TeamsState {
    pub teams: RwSignal<Teams>,
    /// Finished runs by team.
    pub runs: RwSignal<Vec<(TeamId, Chances)>>,
    /// The teams ticked to be compared, in the order ticked.
    pub chosen: RwSignal<Vec<TeamId>>,
    /// A line about the last change, announced to screen readers.
    pub message: RwSignal<Option<String>>,
}

impl TeamsState {
    /// The set `stored` ([`load`] reads the one kept in this browser), its
    /// runs started. With `keep`, every change is saved back (the set as
    /// opened is not: a kept set that did not open stays until the set
    /// changes), and a save the browser refuses is said in `message`;
    /// without it the set is only read.
    pub fn open(stored: Stored, keep: bool) -> TeamsState {
        let state = AppState::expect();
        let teams = TeamsState {
            teams: RwSignal::new(stored.set),
            runs: RwSignal::new(Vec::new()),
            chosen: RwSignal::new(Vec::new()),
            message: RwSignal::new(stored.unreadable),
        };
        if keep {
            // Holds the refusal last said, so that a later save that
            // succeeds takes it back (the set is kept again).
            Effect::new(move |said: Option<Option<String>>| {
                teams.teams.track();
                let said = said?;
                match teams.teams.with(save_teams) {
                    Err(why) => {
                        teams.message.set(Some(why.clone()));
                        Some(why)
                    }
                    Ok(()) => {
                        if said.is_some() && teams.message.get_untracked() == said {
                            teams.message.set(None);
                        }
                        None
                    }
                }
            });
        }
        runs::run_in_turn(teams, state.today);
        teams
    }

    /// Changes the set, keeping the runs and ticks of teams still in it.
    pub fn edit(self, f: impl FnOnce(&mut Teams)) {
        self.teams.update(f);
        let ids: Vec<TeamId> = self
            .teams
            .with_untracked(|t| t.teams().iter().map(|t| t.id).collect());
        self.runs.update(|r| r.retain(|(id, _)| ids.contains(id)));
        self.chosen.update(|c| c.retain(|id| ids.contains(id)));
    }

    /// One row per team, judged under the working scenario's edition, its
    /// chances filled in as runs finish.
    pub fn rows(self) -> Memo<Vec<TeamRow>> {
        let state = AppState::expect();
        Memo::new(move |_| {
            let edition = state.scenario.with(|s| s.edition);
            self.runs.with(|r| {
                self.teams.with(|t| {
                    rows(
                        t,
                        &Context {
                            edition,
                            today: state.today,
                            runs: r,
                        },
                    )
                })
            })
        })
    }
}
