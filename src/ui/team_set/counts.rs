//! How many teams sit in each tier of each metric, and the median team:
//! counts and medians of teams, never an organisation score.

use leptos::prelude::*;

use super::TeamsState;
use crate::model::teams::rows::TEAM_METRICS;
use crate::model::teams::spread::spread;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The table of counts and medians per metric.
#[component]
pub fn SpreadCounts(teams: TeamsState, class: &'static str) -> impl IntoView {
    let state = AppState::expect();
    let counts = move || {
        let edition = state.scenario.with(|s| s.edition);
        teams.teams.with(|t| {
            TEAM_METRICS
                .iter()
                .map(|&m| {
                    let s = spread(t, m, edition);
                    view! {
                        <tr>
                            <th scope="row">{m.name()}</th>
                            <td>{s.median_words()}</td>
                            <td>{s.bands_words()}</td>
                            <td>{s.missing_words().unwrap_or_else(|| "—".to_string())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Table
            class
            caption=Signal::derive(move || format!("Teams per DORA {} tier, and the median team", state.scenario.with(|s| s.edition.year())))
            columns=&["Metric", "Median team", "Teams per tier", "No value"]
        >
            {counts}
        </Table>
    }
}
