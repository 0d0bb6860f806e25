//! One metric's fan chart per compared scenario, all on the same axes, the
//! numbers behind them in a table, and each median against the
//! reference's in words.

use leptos::prelude::*;

use crate::chart::fan::{axes, fan_on, table_weeks, Axes, FanSeries};
use crate::model::compare::metric_change;
use crate::model::comparison::percent_words;
use crate::model::plan::SIM_METRICS;
use crate::model::units::{format_number, DisplayUnit};
use crate::model::Metric;
use crate::sim::monte_carlo::Band;
use crate::ui::charts::fan::FanChart;
use crate::ui::compare::panel::difference;
use crate::ui::compare::Compared;
use crate::ui::field::{Choice, Field};
use crate::ui::table::Table;

/// One metric's fan chart per scenario, all on the same axes.
#[component]
pub(super) fn Outlook(compared: Compared) -> impl IntoView {
    let Compared {
        scenarios, runs, ..
    } = compared;
    let metric = RwSignal::new(Metric::DeployFrequency);
    // One unit for every chart, the reference's.
    let unit = Memo::new(move |_| {
        let m = metric.get();
        scenarios.with(|s| {
            s.first()
                .map(|s| s.baseline.units())
                .unwrap_or_default()
                .of(m)
        })
    });
    let series = Memo::new(move |_| {
        let m = metric.get();
        runs.with(|r| {
            r.iter()
                .map(|run| {
                    run.as_ref()
                        .and_then(|run| run.outcome.as_ref())
                        .map(|o| o.series(m))
                        .unwrap_or_default()
                })
                .collect::<Vec<Vec<Band>>>()
        })
    });
    let shared = Memo::new(move |_| {
        series.with(|all| {
            let fans: Vec<FanSeries> = all.iter().map(|b| FanSeries { bands: b }).collect();
            axes(&fans, unit.get().factor, None)
        })
    });
    // Charts are rebuilt when a scenario is added or removed, not when a
    // label is typed.
    let count = Memo::new(move |_| compared.headers.with(Vec::len));
    let charts = move || {
        (0..count.get())
            .map(|i| view! { <ScenarioFan i compared metric unit series shared /> })
            .collect_view()
    };
    let options: Vec<(Metric, String)> = SIM_METRICS
        .into_iter()
        .map(|m| (m, m.name().to_string()))
        .collect();
    let caption = Signal::derive(move || {
        format!(
            "{} by week ({}): median and P10–P90 of each scenario",
            metric.get().name(),
            unit.get().label
        )
    });
    let columns = Signal::derive(move || {
        let mut names = vec!["Week".to_string()];
        compared.headers.with(|h| {
            for l in h {
                names.push(format!("{l} median"));
                names.push(format!("{l} P10–P90"));
            }
        });
        names
    });
    let numbers = move || {
        let u = unit.get();
        let f = move |v: f64| format_number(v * u.factor, 2);
        series.with(|all| {
            table_weeks(shared.with(|a| a.weeks))
                .into_iter()
                .map(|w| {
                    let cells = all
                        .iter()
                        .map(|s| match s.get(w) {
                            Some(b) => view! {
                                <td>{f(b.p50)}</td>
                                <td>{format!("{} – {}", f(b.p10), f(b.p90))}</td>
                            }
                            .into_any(),
                            None => view! { <td>"—"</td><td>"—"</td> }.into_any(),
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{w.to_string()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel compare__section" aria-labelledby="compare-outlook">
            <h2 class="panel__title" id="compare-outlook">"Outlook"</h2>
            <Field id="compare-metric" label="Metric shown">
                <Choice options selected=metric on_change=Callback::new(move |m| metric.set(m)) />
            </Field>
            <p class="footnote">
                {move || {
                    format!(
                        "Median line and P10–P90 band of each scenario's chosen plan. Every chart has the same axes: weeks from now across, {} up, so equal heights are equal values.",
                        unit.get().label,
                    )
                }}
            </p>
            <div class="compare__charts">{charts}</div>
            <details class="details">
                <summary>"Show the numbers behind the chart"</summary>
                <Table class="data-table" caption columns>
                    {numbers}
                </Table>
            </details>
        </section>
    }
}

/// Scenario `i`'s fan chart on the shared axes, its summary, the freeze
/// policy's part in it, and its median against the reference's.
#[component]
fn ScenarioFan(
    i: usize,
    compared: Compared,
    metric: RwSignal<Metric>,
    unit: Memo<DisplayUnit>,
    series: Memo<Vec<Vec<Band>>>,
    shared: Memo<Axes>,
) -> impl IntoView {
    let Compared {
        scenarios, runs, ..
    } = compared;
    let bands = move || series.with(|s| s.get(i).cloned().unwrap_or_default());
    let layout = Callback::new(move |frame| {
        let b = bands();
        fan_on(
            &[FanSeries { bands: &b }],
            unit.get().factor,
            None,
            &shared.get(),
            frame,
        )
    });
    let title = Signal::derive(move || format!("{}: {}", compared.header(i), metric.get().name()));
    let summary = Signal::derive(move || {
        let u = unit.get();
        let b = bands();
        b.last().map_or_else(String::new, |last| {
            format!(
                "Median {} {} after {} weeks (P10 {}, P90 {}).",
                format_number(last.p50 * u.factor, 2),
                u.label,
                b.len() - 1,
                format_number(last.p10 * u.factor, 2),
                format_number(last.p90 * u.factor, 2),
            )
        })
    });
    let status = move || {
        runs.with(|r| match r.get(i) {
            Some(Some(run)) if run.outcome.is_none() => {
                Some("This scenario's simulation settings need fixing on the Simulate screen.")
            }
            Some(Some(_)) => None,
            _ => Some("Simulating…"),
        })
    };
    // The freeze policy's part in the median at the horizon.
    let freeze = move || {
        let m = metric.get();
        let contribution = runs.with(|r| r.get(i).cloned().flatten()).and_then(|run| {
            scenarios.with(|s| s.get(i).and_then(|s| run.freeze_contribution(&s.baseline)))
        })?;
        let units = scenarios.with(|s| s.first().map(|s| s.baseline.units()).unwrap_or_default());
        contribution
            .metric(m)
            .map(|shift| view! { <p class="footnote">{format!("Freeze policy's part: {}", shift.describe(units))}</p> })
    };
    // The medians compared at the last week both scenarios reach.
    let diff = move || {
        if i == 0 {
            return None;
        }
        let m = metric.get();
        series.with(|s| {
            let (a, b) = (s.first()?, s.get(i)?);
            let week = a.len().min(b.len()).checked_sub(1)?;
            let (r, v) = (a[week].p50, b[week].p50);
            Some(view! {
                <p class="footnote">
                    {format!("Median at week {week}: ")}
                    {difference(metric_change(m.higher_is_better(), r, v), &compared.reference(), percent_words(r, v).as_deref())}
                </p>
            })
        })
    };
    let plan = Signal::derive(move || {
        vec![scenarios.with(|s| {
            s.get(i)
                .map(|s| s.simulation.chosen_plan().name.clone())
                .unwrap_or_default()
        })]
    });
    view! {
        <div class="compare__chart">
            {move || status().map(|s| view! { <p class="compare__status">{s}</p> })}
            <FanChart
                id=format!("compare-fan-{i}")
                title
                summary
                unit=Signal::derive(move || unit.get().label.to_string())
                layout
                names=plan
            />
            <p class="footnote">{summary}</p>
            {freeze}
            {diff}
        </div>
    }
}
