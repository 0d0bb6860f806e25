//! The Teams screen: a director's view of many teams side by side. Each
//! team is its own scenario with its own plan, seed and trials; its row
//! shows its metrics under the chosen lens, its goals' chances as their
//! runs finish, its error budget and its baseline's date. Teams are never
//! blended into one number: the spreads show one dot per team, and every
//! aggregate is a count or a median of teams.

mod add;
mod runs;
mod spread;
mod table;
mod transfer;

use leptos::prelude::*;

use crate::model::teams::rows::{rows, Chances, Context};
use crate::model::teams::{TeamId, Teams};
use crate::ui::state::AppState;

/// The set of teams on screen and what their runs have found so far.
#[derive(Clone, Copy)]
pub struct TeamsState {
    pub teams: RwSignal<Teams>,
    /// Finished runs by team.
    pub runs: RwSignal<Vec<(TeamId, Chances)>>,
    /// A line about the last change, announced to screen readers.
    pub message: RwSignal<Option<String>>,
}

impl TeamsState {
    /// Changes the set, keeping the runs of teams still in it.
    pub fn edit(self, f: impl FnOnce(&mut Teams)) {
        self.teams.update(f);
        let ids: Vec<TeamId> = self
            .teams
            .with_untracked(|t| t.teams().iter().map(|t| t.id).collect());
        self.runs.update(|r| r.retain(|(id, _)| ids.contains(id)));
    }
}

pub use transfer::load;

/// The Teams screen.
#[component]
pub fn TeamsScreen(
    /// The set saved in this browser, as [`load`] read it.
    set: Teams,
) -> impl IntoView {
    let state = AppState::expect();
    let teams = TeamsState {
        teams: RwSignal::new(set),
        runs: RwSignal::new(Vec::new()),
        message: RwSignal::new(None),
    };
    // The set lives in this browser: every change is saved.
    Effect::new(move |_| teams.teams.with(transfer::save));
    runs::run_in_turn(teams, state.today);
    let rows = Memo::new(move |_| {
        let edition = state.scenario.with(|s| s.edition);
        teams.runs.with(|r| {
            teams.teams.with(|t| {
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
    });
    view! {
        <div class="screen screen--teams">
            <header class="screen__header">
                <h1 class="screen__title">"Teams"</h1>
                <p class="screen__lede">
                    "Many teams side by side, each judged on its own and simulated with its own plan. Nothing here is averaged into an organisation score."
                </p>
            </header>
            <p class="teams__message" role="status">{move || teams.message.get()}</p>
            <add::AddTeams teams />
            <table::TeamTable teams rows />
            <spread::Spreads teams />
            <transfer::Transfer teams />
        </div>
    }
}
