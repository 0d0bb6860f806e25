//! Each team's simulation, a few teams at a time with the page's own work
//! in between, so the table shows at once and chances fill in as runs
//! finish.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::TeamsState;
use crate::model::teams::rows::Chances;
use crate::model::teams::TeamId;
use crate::sim::teams::run_team;
use crate::ui::runs::now_ms;
use crate::ui::turn::next_turn;

/// How long the runs may hold the page before it gets a turn, in
/// milliseconds: teams run one after another until the next would likely
/// pass this, and their chances are shown together. A team's run takes a
/// few milliseconds to a few tens, so the page answers input within about
/// this, and draws the table once for several teams rather than once for
/// each.
const SLICE_MS: f64 = 50.0;

/// Runs every team without a finished run, in the set's order, whenever
/// the set changes. A newer change supersedes an older loop.
pub(super) fn run_in_turn(teams: TeamsState, today: NaiveDate) {
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
                let start = now_ms();
                let mut finished: Vec<(TeamId, Chances)> = Vec::new();
                let mut longest = 0.0f64;
                // The slice ends when the next run, taking as long as the
                // longest so far, would end past it.
                while finished.is_empty() || now_ms() - start + longest <= SLICE_MS {
                    let pending = teams.teams.try_with_untracked(|t| {
                        teams.runs.with_untracked(|r| {
                            t.teams()
                                .iter()
                                .find(|t| !r.iter().chain(&finished).any(|(id, _)| *id == t.id))
                                .cloned()
                        })
                    });
                    let Some(Some(team)) = pending else {
                        break;
                    };
                    let began = now_ms();
                    let run = run_team(&team, today);
                    longest = longest.max(now_ms() - began);
                    finished.push((run.team, run.chances));
                }
                if finished.is_empty() {
                    return;
                }
                teams.runs.try_update(|r| r.extend(finished));
            }
        });
    });
}
