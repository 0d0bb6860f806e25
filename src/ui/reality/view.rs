//! A finished plan-against-reality run as words, tables and the plan's fan
//! chart with the actuals on it; each method stated beside its numbers.

use leptos::prelude::*;

use crate::chart::fan::{axes, fan_on, FanSeries};
use crate::model::date::format_date;
use crate::model::plan::SIM_METRICS;
use crate::model::units::format_percent;
use crate::model::{Metric, Scenario};
use crate::sim::reality::{Reality, CHANCE_METHOD, PLACEMENT_METHOD};
use crate::ui::charts::actuals::{ActualMark, FanActuals};
use crate::ui::charts::fan::FanChart;
use crate::ui::table::Table;

/// Percentile 0–100 as "30th percentile".
fn percentile_words(p: f64) -> String {
    let n = p.round().clamp(0.0, 100.0) as u8;
    format!("{} percentile", crate::model::standing::normal::ordinal(n))
}

/// The results of one run over `scenario`; the fan chart follows `metric`,
/// or shows every metric with actuals when there is none to follow.
#[component]
pub fn RealityView(
    id: &'static str,
    reality: Reality,
    scenario: Scenario,
    metric: Option<Signal<Metric>>,
) -> impl IntoView {
    let units = scenario.baseline.units();
    let plan = scenario.simulation.chosen_plan().name.clone();
    let intro = format!(
        "“{plan}” from {}: {} measurement{} since, over {} simulated futures.",
        format_date(reality.start),
        reality.actuals.len(),
        if reality.actuals.len() == 1 { "" } else { "s" },
        reality.outcome.trials,
    );
    let placed = if reality.placements.is_empty() {
        view! {
            <p class="reality__empty">
                "No measurement since the plan started falls inside its simulated weeks yet: keep a snapshot later on, or import data covering the months since."
            </p>
        }
            .into_any()
    } else {
        let words = reality
            .placements
            .iter()
            .map(|p| view! { <li>{p.words.clone()}</li> })
            .collect_view();
        let rows = reality
            .placements
            .iter()
            .map(|p| {
                let a = &p.actual;
                view! {
                    <tr>
                        <th scope="row">{format!("{} — {}", format_date(a.date), a.metric.name())}</th>
                        <td>{units.describe(a.metric, a.value)}</td>
                        <td>{a.week}</td>
                        <td>{percentile_words(p.percentile)}</td>
                        <td>{a.source.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ul class="reality__words">{words}</ul>
            <Table
                class="reality__placement-table"
                caption="Actuals among the plan's futures"
                columns=&["Measurement", "Actual", "Week", "Where it falls", "From"]
            >
                {rows}
            </Table>
        }
        .into_any()
    };
    let goal_rows = reality
        .goals
        .iter()
        .map(|g| {
            let name = scenario
                .goals
                .get(g.goal)
                .map_or_else(String::new, |x| x.label());
            let now = g.now.map_or_else(
                || "— (no measurement since)".to_string(),
                |n| format_percent(n.p_both, 0),
            );
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{format_percent(g.original.p_both, 0)}</td>
                    <td>{now}</td>
                </tr>
            }
        })
        .collect_view();
    let goals = if reality.goals.is_empty() {
        view! {
            <p class="reality__empty">
                "No goal has a metric target the plan simulates, so there is no chance to re-compute."
            </p>
        }
            .into_any()
    } else {
        view! {
            <ul class="reality__words">
                {reality.goals.iter().map(|g| view! { <li>{g.words.clone()}</li> }).collect_view()}
            </ul>
            <Table
                class="reality__chance-table"
                caption="Each goal's chance: as planned and now"
                columns=&["Goal", "The plan's chance", "Chance now"]
            >
                {goal_rows}
            </Table>
        }
        .into_any()
    };
    let paces = reality.recomputed.as_ref().map(|r| {
        r.paces
            .iter()
            .map(|p| view! { <li>{p.words.clone()}</li> })
            .collect_view()
    });
    let notes = reality
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let fans = match metric {
        Some(metric) => view! {
            <RealityFan id reality=reality.clone() units_of=scenario.clone() metric plan=plan.clone() />
        }
        .into_any(),
        None => SIM_METRICS
            .iter()
            .filter(|&&m| reality.placements.iter().any(|p| p.actual.metric == m))
            .map(|&m| {
                view! {
                    <RealityFan
                        id
                        reality=reality.clone()
                        units_of=scenario.clone()
                        metric=Signal::stored(m)
                        plan=plan.clone()
                    />
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <p>{intro}</p>
        <h3 class="reality__subtitle">"Where the actuals fall"</h3>
        {placed}
        <p class="reality__method">{PLACEMENT_METHOD}</p>
        {fans}
        <h3 class="reality__subtitle">"Each goal's chance"</h3>
        {goals}
        <ul class="reality__words">{paces}</ul>
        <p class="reality__method">{CHANCE_METHOD}</p>
        <ul class="reality__notes">{notes}</ul>
    }
}

/// The plan's fan chart for the chosen metric, with its actuals on it.
#[component]
fn RealityFan(
    id: &'static str,
    reality: Reality,
    units_of: Scenario,
    metric: Signal<Metric>,
    plan: String,
) -> impl IntoView {
    let units = units_of.baseline.units();
    let stored = StoredValue::new(reality);
    let bands = Memo::new(move |_| stored.with_value(|r| r.outcome.series(metric.get())));
    let unit = move || units.of(metric.get());
    let fan_axes =
        Memo::new(move |_| bands.with(|b| axes(&[FanSeries { bands: b }], unit().factor, None)));
    let marks = Memo::new(move |_| {
        let m = metric.get();
        stored.with_value(|r| {
            r.placements
                .iter()
                .filter(|p| p.actual.metric == m)
                .map(|p| ActualMark {
                    week: p.actual.week,
                    value: p.actual.value * unit().factor,
                    label: p.words.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let actuals = FanActuals::new(fan_axes.into(), marks.into());
    let layout = Callback::new(move |frame| {
        bands.with(|b| {
            actuals
                .axes
                .with(|a| fan_on(&[FanSeries { bands: b }], unit().factor, None, a, frame))
        })
    });
    let count = move || marks.with(Vec::len);
    view! {
        <FanChart
            id=format!("{id}-reality-fan-{}", metric.get_untracked().key())
            title=Signal::derive(move || format!("{}: the plan's futures and what happened", metric.get().name()))
            summary=Signal::derive(move || {
                format!(
                    "Fan chart of the plan's P10–P90 band and median for {} from its start, with {} actual measurement(s) as diamonds; the table \"Actuals among the plan's futures\" lists them.",
                    metric.get().name().to_ascii_lowercase(),
                    count(),
                )
            })
            unit=Signal::derive(move || unit().label.to_string())
            layout
            names=Signal::derive(move || vec![plan.clone()])
            x_title="Weeks from the plan's start"
            actuals
        />
    }
}
