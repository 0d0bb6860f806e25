//! What the freeze policy contributes, when the plans run under it: the
//! model in one paragraph (`sim::freeze::Contribution::summary`), then the
//! chosen plan's medians at the horizon and its goals' chances with and
//! without the policy — the same seed and trials, so the difference is the
//! freeze's alone.

use leptos::prelude::*;

use crate::model::units::{format_number, Units};
use crate::sim::freeze::{Contribution, GoalShift, MetricShift};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The freeze policy's part in the chosen plan's results, shown only while
/// the plans run under it.
#[component]
pub fn FreezeContribution() -> impl IntoView {
    let state = AppState::expect();
    let contribution = state.runs().contribution();
    // What the tables name, read here so that a renamed goal or another
    // unit redraws them.
    let context = Memo::new(move |_| {
        state.scenario.with(|s| {
            let titles: Vec<_> = s.goals.0.iter().map(|g| (g.id, g.title.clone())).collect();
            (
                s.simulation.chosen_plan().name.clone(),
                s.simulation.horizon_weeks,
                s.baseline.units(),
                titles,
            )
        })
    });
    move || {
        let c = contribution.get()?;
        let (plan, horizon, units, titles) = context.get();
        let goals: Vec<(String, GoalShift)> = c
            .goals
            .iter()
            .filter_map(|g| {
                titles
                    .iter()
                    .find(|(id, _)| *id == g.goal)
                    .map(|(_, t)| (t.clone(), *g))
            })
            .collect();
        Some(view! { <Parts c plan horizon units goals /> })
    }
}

#[component]
fn Parts(
    /// The comparison of the runs with and without the policy.
    c: Contribution,
    /// The chosen plan's name.
    plan: String,
    /// Weeks simulated.
    horizon: u32,
    /// The units the baseline was typed in.
    units: Units,
    /// Each goal's title and chances.
    goals: Vec<(String, GoalShift)>,
) -> impl IntoView {
    let columns = ["Metric", "With the freeze policy", "Without", "Difference"];
    let summary = c.summary();
    let metrics = c.metrics;
    view! {
        <section class="freeze-part" aria-labelledby="freeze-part-title">
            <h3 id="freeze-part-title">"What the freeze policy contributes"</h3>
            <p class="footnote">{summary}</p>
            <Table
                class="data-table"
                caption=format!("{plan}: median at week {horizon} with and without the freeze policy")
                columns=&columns
            >
                {metrics.iter().map(|m| metric_row(m, units)).collect_view()}
            </Table>
            {(!goals.is_empty())
                .then(|| {
                    view! {
                        <Table
                            class="data-table"
                            caption=format!(
                                "{plan}: chance of meeting each goal with and without the freeze policy",
                            )
                            columns=&["Goal", "With the freeze policy", "Without", "Difference"]
                        >
                            {goals
                                .into_iter()
                                .map(|(title, g)| {
                                    let pct = |p: f64| format!("{}%", format_number(p * 100.0, 0));
                                    view! {
                                        <tr>
                                            <th scope="row">{title}</th>
                                            <td>{pct(g.with)}</td>
                                            <td>{pct(g.without)}</td>
                                            <td>{points(g.points())}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </Table>
                    }
                })}
        </section>
    }
}

fn metric_row(m: &MetricShift, units: Units) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{m.metric.name()}</th>
            <td>{units.describe(m.metric, m.with)}</td>
            <td>{units.describe(m.metric, m.without)}</td>
            <td>{difference(m, units)}</td>
        </tr>
    }
}

/// "+1.5 hours (worse)", "−3.2% (better)", or "None".
fn difference(m: &MetricShift, units: Units) -> String {
    let d = m.difference();
    let shown = units.of(m.metric).factor * d;
    if !shown.is_finite() || format_number(shown.abs(), 2) == "0" {
        return "None".to_string();
    }
    let sign = if d > 0.0 { "+" } else { "−" };
    let better = (d > 0.0) == m.metric.higher_is_better();
    format!(
        "{sign}{} ({})",
        units.describe(m.metric, d.abs()),
        if better { "better" } else { "worse" }
    )
}

/// "+22 points", "−5 points", or "None".
fn points(p: f64) -> String {
    let rounded = p.round();
    if !rounded.is_finite() || rounded == 0.0 {
        return "None".to_string();
    }
    let sign = if rounded > 0.0 { "+" } else { "−" };
    format!("{sign}{} points", format_number(rounded.abs(), 0))
}
