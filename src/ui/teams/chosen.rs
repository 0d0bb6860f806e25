//! Opening teams into Compare: the teams ticked in the table, what they
//! amount to in words, and the button that makes them Compare's columns
//! (the rules are `model::teams::compare`'s).

use leptos::prelude::*;

use crate::model::teams::compare::{can_compare, chosen_words, comparison};
use crate::model::teams::TeamId;
use crate::ui::field::Checkbox;
use crate::ui::routes::{self, Screen};
use crate::ui::state::AppState;
use crate::ui::team_set::TeamsState;

/// What is ticked, and the way into Compare.
#[component]
pub fn CompareChosen(teams: TeamsState) -> impl IntoView {
    let state = AppState::expect();
    let chosen = Memo::new(move |_| {
        teams.teams.with(|t| {
            teams
                .chosen
                .with(|c| (chosen_words(t, c), can_compare(t, c)))
        })
    });
    let open = move |_| {
        let Ok(compared) = teams
            .teams
            .with_untracked(|t| teams.chosen.with_untracked(|c| comparison(t, c)))
        else {
            return;
        };
        state.compared.set(compared);
        routes::go(Screen::Compare);
    };
    view! {
        <div class="teams__compare">
            <p id="teams-compare-status" role="status">{move || chosen.get().0}</p>
            <button
                type="button"
                class="button"
                aria-describedby="teams-compare-status teams-compare-hint"
                disabled=move || !chosen.get().1
                on:click=open
            >
                "Compare the ticked teams"
            </button>
            <p class="field__hint" id="teams-compare-hint">
                "Each team keeps its own plan, seed and trials there. This replaces what Compare shows now."
            </p>
        </div>
    }
}

/// A team's "Compare" tick.
#[component]
pub fn Tick(id: TeamId, teams: TeamsState, name: Signal<String>) -> impl IntoView {
    view! {
        <Checkbox
            id=format!("teams-compare-{id}")
            label="Compare"
            for_row=name
            checked=Signal::derive(move || teams.chosen.with(|c| c.contains(&id)))
            on_change=Callback::new(move |on: bool| {
                teams.chosen.update(|c| {
                    c.retain(|t| *t != id);
                    if on {
                        c.push(id);
                    }
                });
            })
        />
    }
}
