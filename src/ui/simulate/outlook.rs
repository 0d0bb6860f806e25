//! The outlook: the metric shown, its fan chart for every compared plan
//! (the chosen one's band), how long the run took and how many trials ran,
//! the results as CSV, and the tables beside the chart.

use leptos::prelude::*;

use crate::chart::fan::{fan, FanSeries};
use crate::model::names::file_name;
use crate::model::plan::SIM_METRICS;
use crate::model::units::{format_count, format_number};
use crate::model::Metric;
use crate::sim::monte_carlo::results_csv;
use crate::sim::settings::trials_note;
use crate::ui::charts::fan::FanChart;
use crate::ui::download::download;
use crate::ui::field::{Choice, Field};
use crate::ui::runs::Timed;
use crate::ui::simulate::plan_names;
use crate::ui::simulate::tables::{ComparisonTable, WeeklyTable};
use crate::ui::state::AppState;
use crate::ui::turn::AfterPaint;

/// The compared plans' runs, the chosen plan first: `(plan index, run)`.
pub type Series = Memo<Vec<(usize, Timed)>>;

/// Fan chart, timing, export, and the comparison and data tables, for
/// `metric` (which the plan-against-reality section follows too).
#[component]
pub fn Outlook(metric: RwSignal<Metric>) -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    let options: Vec<(Metric, String)> = SIM_METRICS
        .iter()
        .map(|m| (*m, m.name().to_string()))
        .collect();
    let order = Memo::new(move |_| {
        state.scenario.with(|s| {
            let chosen = s.simulation.chosen;
            let mut order = vec![chosen];
            order.extend((0..s.simulation.plans.len()).filter(|&i| i != chosen));
            order
        })
    });
    let unit = Memo::new(move |_| {
        let m = metric.get();
        state.scenario.with(|s| s.baseline.units().of(m))
    });
    let series: Series = Memo::new(move |_| {
        order
            .get()
            .into_iter()
            .filter_map(|i| runs.get(i).map(|t| (i, t)))
            .collect()
    });
    let names = Memo::new(move |_| {
        let names = plan_names(state);
        series.with(|runs| {
            runs.iter()
                .filter_map(|(i, _)| names.get(*i).cloned())
                .collect::<Vec<_>>()
        })
    });
    let layout = Callback::new(move |frame| {
        let (m, factor) = (metric.get(), unit.get().factor);
        series.with(|runs| {
            let bands: Vec<_> = runs.iter().map(|(_, t)| t.outcome.series(m)).collect();
            let fans: Vec<_> = bands.iter().map(|b| FanSeries { bands: b }).collect();
            fan(&fans, factor, None, frame)
        })
    });
    let summary = Signal::derive(move || {
        let (m, units) = (metric.get(), state.scenario.with(|s| s.baseline.units()));
        let first = names.with(|n| n.first().cloned()).unwrap_or_default();
        series.with(|runs| {
            runs.first()
                .map(|(_, t)| {
                    let last = t.outcome.series(m).last().copied().unwrap_or_default();
                    format!(
                        "{first}: median {} after {} weeks (P10 {}, P90 {}).",
                        units.describe(m, last.p50),
                        t.outcome.weeks,
                        units.describe(m, last.p10),
                        units.describe(m, last.p90),
                    )
                })
                .unwrap_or_default()
        })
    });
    let problem = move || state.scenario.with(|s| s.simulation.problem());
    let export = move |_| {
        let names = plan_names(state);
        let csv = series.with_untracked(|runs| {
            let runs: Vec<_> = runs
                .iter()
                .filter_map(|(i, t)| names.get(*i).map(|n| (n.as_str(), &t.outcome)))
                .collect();
            results_csv(&runs)
        });
        let name = state
            .scenario
            .with_untracked(|s| file_name(&s.team, "-simulation.csv"));
        let _ = download(&name, &csv, "text/csv");
    };
    view! {
        {move || problem().map(|p| view! { <p class="status__message status__message--error">{p}</p> })}
        <Field id="sim-metric" label="Metric shown">
            <Choice options selected=metric on_change=Callback::new(move |m| metric.set(m)) />
        </Field>
        <FanChart
            id="fan"
            title=Signal::derive(move || format!("{} over the next weeks", metric.get().name()))
            summary
            unit=Signal::derive(move || unit.get().label.to_string())
            layout
            names
        />
        <Timing series />
        <button type="button" class="button button--quiet" on:click=export>
            "Export results (CSV)"
        </button>
        <AfterPaint>
            <ComparisonTable series />
            <WeeklyTable series metric names />
        </AfterPaint>
    }
}

/// How many trials ran over how many weeks, how long it took, and why
/// fewer ran than were chosen when they did.
#[component]
fn Timing(
    /// The runs shown, the chosen plan's first.
    series: Series,
) -> impl IntoView {
    let state = AppState::expect();
    let chosen = Memo::new(move |_| state.scenario.with(|s| s.simulation.trials));
    view! {
        <p class="simulate__timing">
            {move || {
                series
                    .with(|runs| {
                        runs.first()
                            .map(|(_, t)| {
                                let o = &t.outcome;
                                let note = trials_note(chosen.get(), o.weeks, o.trials)
                                    .map(|n| format!(" {n}"))
                                    .unwrap_or_default();
                                format!(
                                    "Simulated {} trials × {} weeks in {} ms.{note}",
                                    format_count(u64::from(o.trials)),
                                    o.weeks,
                                    format_number(t.millis, 0),
                                )
                            })
                    })
            }}
        </p>
    }
}
