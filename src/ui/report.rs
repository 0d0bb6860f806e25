//! The leadership report: a read-only summary a manager can read in two
//! minutes — where the team stands, the goals and their chances, the chosen
//! strategy's outlook, the error budget and its policy, and the assumptions
//! behind the numbers. It prints to a clean PDF (style/print.css).

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::chart::fan::{fan, FanSeries};
use crate::model::dora::classify;
use crate::model::goals::Measure;
use crate::model::plan::SIM_METRICS;
use crate::model::slo::{self, describe_minutes};
use crate::model::units::{format_count, format_number, format_percent};
use crate::model::Scenario;
use crate::ui::charts::fan::FanChart;
use crate::ui::state::{browser_now, AppState};
use crate::ui::table::Table;

/// The report screen.
#[component]
pub fn ReportScreen() -> impl IntoView {
    let state = AppState::expect();
    let team = move || state.scenario.with(|s| s.team.clone());
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="screen report">
            <header class="screen__header">
                <h1 class="screen__title">"Report"</h1>
                <p class="report__team">{team}</p>
                <p class="screen__lede">
                    "Where the team stands, the goals it has set and their chances, the chosen strategy's outlook and the error budget, with the assumptions behind every number. Nothing here can be edited: change the inputs on the other screens."
                </p>
                <div class="report__actions">
                    <button type="button" class="button" on:click=print>
                        "Print or save as PDF"
                    </button>
                </div>
            </header>
            <Standing />
            <GoalChances />
            <Committed />
            <Outlook />
            <Budget />
            <Assumptions />
        </div>
    }
}

/// The baseline and its tiers.
#[component]
fn Standing() -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        state.scenario.with(|s| {
            crate::model::Metric::ALL
                .into_iter()
                .filter_map(|m| {
                    let v = s.baseline.value(m)?;
                    let tier = classify(s.edition, m, v)
                        .map_or_else(|| "Not classified".to_string(), |t| t.label());
                    Some(view! {
                        <tr>
                            <th scope="row">{m.name()}</th>
                            <td>{Measure::Baseline(m).describe(v, s.baseline.units())}</td>
                            <td>{tier}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel report__section" aria-labelledby="report-standing">
            <h2 class="panel__title" id="report-standing">"Where we stand"</h2>
            <Table
                class="report__table"
                caption=move || format!("Baseline against DORA's {} tiers", state.scenario.with(|s| s.edition.year()))
                columns=&["Metric", "Baseline", "Tier"]
            >
                {rows}
            </Table>
        </section>
    }
}

/// Every goal, with the chosen plan's chance of meeting it.
#[component]
fn GoalChances() -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        state.scenario.with(|s| {
            let plan = s.simulation.chosen;
            s.goals
                .0
                .iter()
                .map(|g| {
                    let target = g.target.as_ref().map_or_else(
                        || "No metric target".to_string(),
                        |t| t.measure.describe(t.target, s.baseline.units()),
                    );
                    let deadline = g.deadline.map_or_else(
                        || "No deadline".to_string(),
                        crate::model::date::format_date,
                    );
                    let outcome = state.runs.chance(plan, g.id);
                    let chance = outcome.map_or_else(
                        || "Not simulated".to_string(),
                        |o| format_percent(o.p_both, 0),
                    );
                    let guard = match (g.guard.as_ref(), outcome.and_then(|o| o.p_guard)) {
                        (Some(guard), Some(p)) => {
                            format!(
                                "{}: holds in {}",
                                guard.describe(s.baseline.units()),
                                format_percent(p, 0)
                            )
                        }
                        (Some(guard), None) => guard.describe(s.baseline.units()),
                        (None, _) => "None".to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{target}</td>
                            <td>{deadline}</td>
                            <td>{chance}</td>
                            <td>{guard}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.scenario.with(|s| s.goals.0.is_empty());
    view! {
        <section class="panel report__section" aria-labelledby="report-goals">
            <h2 class="panel__title" id="report-goals">"Goals and their chances"</h2>
            <Show
                when=move || !empty()
                fallback=|| view! { <p>"No goals set yet."</p> }
            >
                <Table
                    class="report__table"
                    caption="Chance of meeting each goal by its deadline under the chosen plan"
                    columns=&["Goal", "Target", "Deadline", "Chance", "Guard"]
                >
                    {rows}
                </Table>
            </Show>
        </section>
    }
}

/// What a workshop committed to, and what it parked.
#[component]
fn Committed() -> impl IntoView {
    let state = AppState::expect();
    let shown = move || {
        state
            .scenario
            .with(|s| !s.workshop.committed.is_empty() || !s.workshop.parking_lot.is_empty())
    };
    let rows = move || {
        state.scenario.with(|s| {
            let w = &s.workshop;
            w.committed
                .iter()
                .filter_map(|&id| {
                    let g = s.goals.get(id)?;
                    let chance = state.runs.chance(s.simulation.chosen, id).map_or_else(
                        || "Not simulated".to_string(),
                        |o| format_percent(o.p_both, 0),
                    );
                    Some(view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{w.credit(id).to_string()}</td>
                            <td>
                                {w
                                    .dots_on(crate::model::workshop::Subject::Goals, id)
                                    .map_or_else(
                                        |_| "Hidden until the reveal".to_string(),
                                        |d| format_count(u64::from(d)),
                                    )}
                            </td>
                            <td>{chance}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let parked = move || {
        state.scenario.with(|s| {
            s.workshop
                .parking_lot
                .iter()
                .map(|i| view! { <li>{i.clone()}</li> })
                .collect_view()
        })
    };
    let has_parked = move || state.scenario.with(|s| !s.workshop.parking_lot.is_empty());
    view! {
        <Show when=shown>
            <section class="panel report__section" aria-labelledby="report-committed">
                <h2 class="panel__title" id="report-committed">"Committed in the workshop"</h2>
                <Table
                    class="report__table"
                    caption="The goals the room signed up for, with their dot-votes"
                    columns=&["Goal", "Proposed by", "Dots", "Chance"]
                >
                    {rows}
                </Table>
                <Show when=has_parked>
                    <h3>"Parking lot"</h3>
                    <ul class="report__list" aria-label="Parking lot">{parked}</ul>
                </Show>
            </section>
        </Show>
    }
}

/// The chosen plan's fan chart for every simulated metric.
#[component]
fn Outlook() -> impl IntoView {
    let state = AppState::expect();
    let plan_name = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    };
    let run = Memo::new(move |_| state.runs.get(state.scenario.with(|s| s.simulation.chosen)));
    let charts = SIM_METRICS
        .into_iter()
        .map(|m| {
            let unit = move || state.scenario.with(|s| s.baseline.units().of(m));
            let layout = Callback::new(move |frame| {
                let bands =
                    run.with(|r| r.as_ref().map(|t| t.outcome.series(m)).unwrap_or_default());
                fan(&[FanSeries { bands: &bands }], unit().factor, None, frame)
            });
            let summary = Signal::derive(move || {
                run.with(|r| {
                    r.as_ref()
                        .and_then(|t| {
                            t.outcome
                                .series(m)
                                .last()
                                .copied()
                                .map(|b| (t.outcome.weeks, b))
                        })
                        .map_or_else(String::new, |(weeks, b)| {
                            let u = unit();
                            format!(
                                "Median {} {} after {weeks} weeks (P10 {}, P90 {}).",
                                format_number(b.p50 * u.factor, 2),
                                u.label,
                                format_number(b.p10 * u.factor, 2),
                                format_number(b.p90 * u.factor, 2),
                            )
                        })
                })
            });
            view! {
                <div class="report__chart">
                    <FanChart
                        id=format!("report-fan-{}", m.key())
                        title=Signal::derive(move || {
                            format!("{}: median and P10–P90 band", m.name())
                        })
                        summary
                        unit=Signal::derive(move || unit().label.to_string())
                        layout
                        names=Signal::derive(move || vec![plan_name()])
                    />
                    <p class="footnote">{summary}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel report__section" aria-labelledby="report-outlook">
            <h2 class="panel__title" id="report-outlook">
                {move || format!("Outlook under “{}”", plan_name())}
            </h2>
            <p class="footnote">"Median line and P10–P90 band of the simulated weeks."</p>
            <div class="report__charts">{charts}</div>
        </section>
    }
}

/// The SLO, its budget, what incidents spent and the policy, with what the
/// freeze costs in time frozen: the report's and the workshop's wording.
pub(crate) fn budget_lines(state: AppState, s: &Scenario, now: NaiveDateTime) -> Vec<String> {
    let slo = &s.slo;
    if !slo.is_valid() {
        return vec!["The SLO on the Error budget screen needs fixing.".to_string()];
    }
    let r = slo::report(slo, state.today, now);
    let mut lines = vec![
        format!(
            "SLO {}% over {} days: a budget of {}.",
            format_number(slo.target, 5),
            r.days,
            describe_minutes(r.budget_minutes)
        ),
        format!(
            "{} incident{} spent {}; {} left.",
            format_count(slo.incidents.len() as u64),
            if slo.incidents.len() == 1 { "" } else { "s" },
            describe_minutes(r.spent_minutes),
            describe_minutes(r.remaining_minutes.max(0.0))
        ),
    ];
    if slo.policy.freeze {
        let o = state.runs.policy.get();
        lines.push(format!(
            "Policy: when the budget is spent, feature deployments freeze (P0 and security fixes excepted) until the trailing window is back within the SLO: simulated, frozen {}% of the time, about {} days a quarter.",
            format_number(o.frozen_fraction * 100.0, 1),
            format_number(o.days_frozen_per_quarter, 1)
        ));
    } else {
        lines.push("Policy: no deployment freeze.".to_string());
    }
    lines.push(format!(
        "A single incident using more than {}% of the budget requires a postmortem (wording unverified).",
        format_number(slo.policy.postmortem_share, 1)
    ));
    if state.runs.freeze.get().is_some() {
        lines.push("The plan's simulation runs under the freeze policy.".to_string());
    }
    lines
}

/// The SLO, the budget left and the policy.
#[component]
fn Budget() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let lines = move || state.scenario.with(|s| budget_lines(state, s, now));
    view! {
        <section class="panel report__section" aria-labelledby="report-budget">
            <h2 class="panel__title" id="report-budget">"Error budget"</h2>
            <ul class="report__list">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// What the numbers rest on.
#[component]
fn Assumptions() -> impl IntoView {
    let state = AppState::expect();
    let lines = move || {
        state.scenario.with(|s| {
            let sim = &s.simulation;
            let plan = sim.chosen_plan();
            vec![
                format!("Tiers: DORA's {} report; the Quick Check peer figures are secondary sources.", s.edition.year()),
                format!(
                    "Simulation: {} trials over {} weeks, seed {}; the same seed gives the same numbers in every browser.",
                    format_count(u64::from(sim.trials)),
                    sim.horizon_weeks,
                    sim.seed
                ),
                format!(
                    "Chosen plan “{}”: {}-week PDCA cycles, {}% of capacity on improvement, {}% of experiments succeed; flywheel coupling {}.",
                    plan.name,
                    plan.cycle_weeks,
                    format_number(plan.capacity_pct, 1),
                    format_number(plan.success_pct, 1),
                    if plan.coupling.enabled { "on" } else { "off" }
                ),
                if s.measured.is_some() {
                    "The baseline was measured from imported deployments and incidents; week-to-week variation is resampled from them.".to_string()
                } else {
                    "The baseline was entered by hand.".to_string()
                },
            ]
        })
    };
    view! {
        <section class="panel report__section" aria-labelledby="report-assumptions">
            <h2 class="panel__title" id="report-assumptions">"Assumptions"</h2>
            <ul class="report__list">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
