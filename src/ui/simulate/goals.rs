//! Each metric goal's chance of being met by its deadline under every
//! strategy, its guard counted, with goal-seek below.

use leptos::prelude::*;

use crate::model::goals::Goal;
use crate::model::units::format_percent;
use crate::sim::monte_carlo::{Target, TargetOutcome};
use crate::ui::simulate::plan_names;
use crate::ui::simulate::seek::GoalSeek;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The chance of meeting each goal, per strategy.
#[component]
pub fn GoalChances() -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    let rows = Memo::new(move |_| {
        let targets = runs.targets.get();
        state.scenario.with(|s| {
            targets
                .into_iter()
                .filter_map(|(id, t)| s.goals.get(id).map(|g| (g.clone(), t)))
                .collect::<Vec<(Goal, Target)>>()
        })
    });
    view! {
        <section class="goal-chances" aria-labelledby="goal-chances-title">
            <h3 id="goal-chances-title">"Chance of meeting each goal"</h3>
            {move || {
                if rows.with(Vec::is_empty) {
                    return view! {
                        <p class="footnote">
                            "Goals with a DORA metric, a target and a deadline appear here with their chance of success. Add them on the Goals screen."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <ChanceTable rows />
                    <GoalSeek />
                }
                    .into_any()
            }}
            <p class="footnote">
                "Probabilities count simulated weeks, so they move a little with the seed; more trials narrow that spread. Extend the horizon to judge goals due later."
            </p>
        </section>
    }
}

/// One row per goal, one column per strategy.
#[component]
fn ChanceTable(
    /// Each goal with its simulated target, in chain order.
    rows: Memo<Vec<(Goal, Target)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    let names = Memo::new(move |_| plan_names(state));
    let chosen = Memo::new(move |_| state.scenario.with(|s| s.simulation.chosen));
    let horizon = Memo::new(move |_| state.scenario.with(|s| s.simulation.horizon_weeks));
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    move || {
        let mut columns = vec!["Goal".to_string()];
        columns.extend(names.get());
        let plans = names.with(Vec::len);
        view! {
            <Table
                class="data-table"
                caption="Share of simulated futures in which the goal is met by its deadline (and its guard holds)"
                columns
            >
                {move || {
                    let units = units.get();
                    rows.get()
                        .into_iter()
                        .map(|(goal, target)| {
                            let beyond = target.week > horizon.get();
                            let aim = goal.target.as_ref().map(|t| {
                                format!(
                                    " — {} by week {}",
                                    t.measure.describe(t.target, units),
                                    target.week,
                                )
                            });
                            let guard = goal.guard.map(|g| format!("; {}", g.describe(units)));
                            view! {
                                <tr>
                                    <th scope="row">
                                        {goal.title.clone()}
                                        <span class="goal-chances__target">{aim}{guard}</span>
                                    </th>
                                    {(0..plans)
                                        .map(|i| {
                                            let cell = if beyond {
                                                "Deadline beyond the horizon".to_string()
                                            } else {
                                                runs.chance(i, goal.id).map_or_else(|| "—".to_string(), chance)
                                            };
                                            view! { <td class:goal-chances__chosen=move || i == chosen.get()>{cell}</td> }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </Table>
        }
    }
}

/// "62%", or "40% (target 55%, guard 70%)" when the goal has a guard.
fn chance(o: TargetOutcome) -> String {
    match o.p_guard {
        Some(g) => format!(
            "{} (target {}, guard {})",
            format_percent(o.p_both, 0),
            format_percent(o.p_meet, 0),
            format_percent(g, 0),
        ),
        None => format_percent(o.p_both, 0),
    }
}
