//! Step 3: each goal's chance under the chosen plan, and where the plan
//! leads.

use leptos::prelude::*;

use crate::model::goals::Measure;
use crate::model::plan::SIM_METRICS;
use crate::model::units::format_percent;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The goals' chances and the plan's medians at the horizon.
#[component]
pub(super) fn SimulateStep() -> impl IntoView {
    let state = AppState::expect();
    let plan = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    };
    let rows = move || {
        state.scenario.with(|s| {
            let chosen = s.simulation.chosen;
            s.goals
                .0
                .iter()
                .filter_map(|g| {
                    let t = g.target.as_ref()?;
                    let chance = state.runs().chance(chosen, g.id).map_or_else(
                        || "Needs a deadline".to_string(),
                        |o| format_percent(o.p_both, 0),
                    );
                    Some(view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{t.measure.describe(t.target, s.baseline.units())}</td>
                            <td class="workshop__big">{chance}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let horizon = move || {
        let units = state.scenario.with(|s| s.baseline.units());
        state
            .runs()
            .get(state.scenario.with(|s| s.simulation.chosen))
            .map(|t| {
                SIM_METRICS
                    .into_iter()
                    .map(|m| {
                        let last = t.outcome.series(m).last().copied();
                        let text = last.map_or_else(String::new, |b| {
                            format!(
                                "{}: median {} after {} weeks",
                                m.name(),
                                Measure::Baseline(m).describe(b.p50, units),
                                t.outcome.weeks
                            )
                        });
                        view! { <li>{text}</li> }
                    })
                    .collect_view()
            })
    };
    view! {
        <p class="workshop__note">
            {move || format!("Under the plan “{}”. ", plan())}
            <a href="#/simulate">"Change the plan"</a>
        </p>
        <Table
            class="workshop__table"
            caption="Chance of meeting each goal by its deadline"
            columns=&["Goal", "Target", "Chance"]
        >
            {rows}
        </Table>
        <ul class="workshop__list" aria-label="Where the plan leads">{horizon}</ul>
    }
}
