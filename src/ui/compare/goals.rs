//! Each goal's chance across the compared scenarios, goals matched by
//! title, each under its own scenario's chosen plan — and, where that plan
//! runs under the freeze policy, how much of the chance the freeze makes.

use leptos::prelude::*;

use crate::model::compare::{chance_change, match_goals};
use crate::model::comparison::points_words;
use crate::model::date::format_date;
use crate::model::units::{format_count, format_percent};
use crate::sim::scenario::freeze_applies;
use crate::ui::compare::panel::{difference, ComparisonPanel};
use crate::ui::compare::Compared;

/// Each goal's chance across the scenarios.
#[component]
pub(super) fn GoalTable(compared: Compared) -> impl IntoView {
    let scenarios = compared.scenarios;
    let rows = move || {
        let reference = compared.reference();
        let done = compared.runs.get();
        scenarios.with(|list| {
            let plans = list
                .iter()
                .map(|s| {
                    let sim = &s.simulation;
                    let text = match sim.problem() {
                        Some(why) => format!("Cannot be simulated: {why}"),
                        None => format!(
                            "{} ({} trials, {} weeks){}",
                            sim.chosen_plan().name,
                            format_count(u64::from(sim.trials)),
                            sim.horizon_weeks,
                            if freeze_applies(s) { ", under the freeze policy" } else { "" }
                        ),
                    };
                    view! { <td>{text}</td> }
                })
                .collect_view();
            let titles: Vec<Vec<&str>> = list
                .iter()
                .map(|s| s.goals.0.iter().map(|g| g.title.as_str()).collect())
                .collect();
            // The freeze's part in each scenario's chances, when its plan
            // runs under the freeze.
            let freeze: Vec<_> = (0..list.len())
                .map(|c| {
                    done.get(c)
                        .cloned()
                        .flatten()
                        .and_then(|run| run.freeze_contribution(&list[c].baseline))
                })
                .collect();
            // The chance of goal `g` of scenario `c`: outer `None` while
            // simulating, inner `None` when it has no simulated target.
            let chance = |c: usize, g: usize| {
                let run = done.get(c).cloned().flatten()?;
                let goal = list[c].goals.0.get(g)?;
                Some(run.chance(goal.id).map(|o| o.p_both))
            };
            let goals = match_goals(&titles)
                .into_iter()
                .map(|row| {
                    let first = row.cells.first().copied().flatten().and_then(|g| chance(0, g)).flatten();
                    let cells = row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(c, cell)| {
                            let Some(g) = *cell else {
                                return view! { <td>"Not in this scenario"</td> }.into_any();
                            };
                            let goal = &list[c].goals.0[g];
                            let target = goal
                                .target
                                .as_ref()
                                .map(|t| t.measure.describe(t.target, list[c].baseline.units()))
                                .unwrap_or_else(|| "No metric target".into());
                            let deadline = goal.deadline.map_or_else(|| "no deadline".to_string(), format_date);
                            let (text, diff) = match chance(c, g) {
                                None => ("Simulating…".to_string(), None),
                                Some(None) => ("Not simulated".to_string(), None),
                                Some(Some(p)) => {
                                    let diff = first.filter(|_| c > 0).map(|r| {
                                        difference(chance_change(r, p), &reference, Some(&points_words(r, p)))
                                    });
                                    (format!("{} chance", format_percent(p, 0)), diff)
                                }
                            };
                            let part = freeze[c]
                                .as_ref()
                                .and_then(|f| f.goal(goal.id))
                                .map(|shift| format!("Freeze policy's part: {}", shift.describe()));
                            view! {
                                <td>
                                    <span class="compare__value">{text}</span>
                                    <span class="compare__tier">{format!("{target} by {deadline}")}</span>
                                    {diff}
                                    {part.map(|p| view! { <span class="compare__why">{p}</span> })}
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{row.title}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">"Chosen plan"</th>
                    {plans}
                </tr>
                {goals}
            }
        })
    };
    let caption = Signal::derive(move || {
        format!(
            "Chance of meeting each goal by its deadline under each scenario's own chosen plan and simulation, compared with {}; goals with the same title share a row",
            compared.reference(),
        )
    });
    let note = move || {
        scenarios
            .with(|l| l.iter().all(|s| s.goals.is_empty()))
            .then(|| view! { <p class="footnote">"None of these scenarios has goals yet: set them on the Goals screen."</p> })
    };
    view! {
        <ComparisonPanel id="compare-goals" title="Goals and their chances" caption first="Goal" compared note>
            {rows}
        </ComparisonPanel>
    }
}
