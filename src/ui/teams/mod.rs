//! The Teams screen: a director's view of many teams side by side. Each
//! team is its own scenario with its own plan, seed and trials; its row
//! shows its metrics under the chosen lens, its goals' chances as their
//! runs finish, its error budget and its baseline's date. Teams are never
//! blended into one number: the spreads show one dot per team, and every
//! aggregate is a count or a median of teams.

mod add;
mod chosen;
mod spread;
mod table;
mod transfer;

use leptos::prelude::*;

use crate::ui::team_set::{Stored, TeamsState};

/// The Teams screen.
#[component]
pub fn TeamsScreen(
    /// The set kept in this browser, as [`crate::ui::team_set::load`]
    /// found it.
    stored: Stored,
) -> impl IntoView {
    let teams = TeamsState::open(stored, true);
    let rows = teams.rows();
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
