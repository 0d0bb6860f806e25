//! The set of teams kept in this browser, for the leadership report: one
//! row per team (where it stands under the lens chosen here, its goals and
//! their chances from its own plan, seed and trials, its error budget and
//! why it needs attention), then the counts of teams per tier and the
//! median team. Left out while the set is empty.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::standing::lens::Lens;
use crate::model::teams::count_teams;
use crate::ui::state::AppState;
use crate::ui::table::Table;
use crate::ui::team_set::{attention_cell, goals_cell, load, SpreadCounts, Stored, TeamsState};

/// The report's Teams section, once the set is read (the reader of saved
/// work is fetched only when this browser keeps a set).
#[component]
pub(super) fn Teams() -> impl IntoView {
    let kept = RwSignal::new(None::<Stored>);
    spawn_local(async move {
        if let Ok(found) = load().await {
            kept.try_set((!found.set.is_empty()).then_some(found));
        }
    });
    move || kept.get().map(|stored| view! { <TeamsSection stored /> })
}

#[component]
fn TeamsSection(stored: Stored) -> impl IntoView {
    let state = AppState::expect();
    let teams = TeamsState::open(stored, false);
    let rows = teams.rows();
    let lens = Memo::new(move |_| state.scenario.with(|s| s.lens));
    let lede = move || {
        let (n, running) = rows.with(|r| (r.len(), r.iter().filter(|r| r.is_running()).count()));
        let still = if running > 0 {
            format!(
                " Chances still being simulated for {}.",
                count_teams(running)
            )
        } else {
            String::new()
        };
        format!(
            "The {} kept in this browser, each judged on its own and simulated with its own plan, seed and trials; nothing is averaged into one score.{still}",
            count_teams(n)
        )
    };
    let body = move || {
        let lens = lens.get();
        rows.get()
            .into_iter()
            .map(|row| {
                let standing = row
                    .metrics
                    .iter()
                    .map(|c| {
                        let judged = match lens {
                            Lens::Scores2025 => c.score_words(),
                            Lens::Tiers => c.tier_words(),
                        };
                        view! { <li>{format!("{}: {}, {judged}", c.metric.name(), c.value_words())}</li> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{row.name.clone()}<span class="teams__source">{row.baseline_date_words()}</span></th>
                        <td><ul class="teams__goals">{standing}</ul></td>
                        {goals_cell(&row)}
                        <td>{row.budget_words()}</td>
                        {attention_cell(&row)}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel report__section" aria-labelledby="report-teams">
            <h2 class="panel__title" id="report-teams">"Teams"</h2>
            <p class="footnote">{lede}</p>
            <Table
                class="report__table"
                caption=Signal::derive(move || {
                    match lens.get() {
                        Lens::Scores2025 => "Each team: where it stands (2025 scores), its goals' chances, its error budget",
                        Lens::Tiers => "Each team: where it stands (historical tiers), its goals' chances, its error budget",
                    }
                    .to_string()
                })
                columns=&["Team and baseline date", "Where it stands", "Goals and chances", "Error budget", "Needs attention"]
            >
                {body}
            </Table>
            <SpreadCounts teams class="report__table" />
        </section>
    }
}
