//! Each team's simulation, one team at a time with the page's own work in
//! between, so the table shows at once and chances fill in as runs finish.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::TeamsState;
use crate::sim::teams::run_team;
use crate::ui::turn::next_turn;

/// Runs every team without a finished run, in the set's order, whenever
/// the set changes. A newer change supersedes an older loop.
pub fn run_in_turn(teams: TeamsState, today: NaiveDate) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        teams.teams.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            loop {
                next_turn().await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let pending = teams.teams.try_with_untracked(|t| {
                    let done = teams
                        .runs
                        .with_untracked(|r| r.iter().map(|(id, _)| *id).collect::<Vec<_>>());
                    t.teams().iter().find(|t| !done.contains(&t.id)).cloned()
                });
                let Some(Some(team)) = pending else {
                    return;
                };
                let run = run_team(&team, today);
                teams.runs.try_update(|r| r.push((run.team, run.chances)));
            }
        });
    });
}
