//! The tables beside the fan chart: every strategy at the horizon with the
//! tier it lands in — and why, when a tier reads worse for a better value
//! (`model::wording::TierMove`) — and the numbers behind the chart, week
//! by week. Quantities are in the units the baseline was typed in.

use leptos::prelude::*;

use crate::chart::fan::table_weeks;
use crate::model::compare::Change;
use crate::model::plan::SIM_METRICS;
use crate::model::units::format_number;
use crate::model::wording::TierMove;
use crate::model::Metric;
use crate::ui::simulate::outlook::Series;
use crate::ui::simulate::plan_names;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// Each strategy's median at the horizon for every metric (P10–P90), with
/// the tier it lands in; a tier that moves against the value is explained
/// under the table.
#[component]
pub fn ComparisonTable(
    /// The runs shown, the chosen plan's first.
    series: Series,
) -> impl IntoView {
    let state = AppState::expect();
    let caption = Signal::derive(move || {
        state.scenario.with(|s| {
            format!(
                "Median at week {} (P10–P90), with the {} tier it lands in",
                s.simulation.horizon_weeks,
                s.edition.year(),
            )
        })
    });
    let mut columns = vec!["Strategy".to_string()];
    columns.extend(SIM_METRICS.iter().map(|m| m.name().to_string()));
    // Every (plan, metric) at the horizon, judged from the baseline.
    let cells = Memo::new(move |_| {
        let names = plan_names(state);
        let (edition, baseline) = state.scenario.with(|s| (s.edition, s.baseline.clone()));
        series.with(|runs| {
            runs.iter()
                .map(|(i, t)| {
                    let last = t.outcome.bands.last().copied().unwrap_or_default();
                    let moves: Vec<_> = SIM_METRICS
                        .iter()
                        .enumerate()
                        .map(|(k, &m)| {
                            let from = baseline.value(m).unwrap_or(f64::NAN);
                            (last[k], TierMove::new(edition, m, from, last[k].p50))
                        })
                        .collect();
                    (names.get(*i).cloned().unwrap_or_default(), moves)
                })
                .collect::<Vec<_>>()
        })
    });
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let notes = move || {
        let units = units.get();
        cells.with(|rows| {
            rows.iter()
                .flat_map(|(name, moves)| {
                    moves
                        .iter()
                        .filter(|(_, mv)| mv.tiers_disagree())
                        .map(move |(_, mv)| format!("{name}: {}", mv.describe(units)))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Table class="data-table comparison" caption columns>
            {move || {
                let units = units.get();
                cells
                    .get()
                    .into_iter()
                    .map(|(name, moves)| {
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {moves
                                    .into_iter()
                                    .map(|(b, mv)| view! { <ComparisonCell band=b mv units /> })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()
            }}
        </Table>
        {move || {
            let notes = notes();
            (!notes.is_empty())
                .then(|| {
                    view! {
                        <ul class="comparison__notes" aria-label="Tiers that read against the value">
                            {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                        </ul>
                    }
                })
        }}
    }
}

/// One metric of one strategy at the horizon.
#[component]
fn ComparisonCell(
    /// The percentiles at the horizon, canonical units.
    band: crate::sim::monte_carlo::Band,
    /// The move from the baseline to the median.
    mv: TierMove,
    /// The units the baseline was typed in.
    units: crate::model::units::Units,
) -> impl IntoView {
    let m = mv.metric;
    let u = units.of(m);
    let f = |v: f64| format_number(v * u.factor, 2);
    let tier = mv.to_tier.map(|t| t.label());
    let against = mv.tiers_disagree();
    view! {
        <td>
            <span class="comparison__median">{units.describe(m, band.p50)}</span>
            <span class="comparison__range">{format!(" ({}–{})", f(band.p10), f(band.p90))}</span>
            {tier.map(|t| view! { <span class="comparison__tier">{format!(" {t}")}</span> })}
            {against
                .then(|| {
                    let why = if mv.value_change == Some(Change::Better) {
                        "the tier reads lower though the value improved"
                    } else {
                        "the tier reads higher though the value worsened"
                    };
                    view! { <span class="comparison__flip">{format!(" — {why}: see below")}</span> }
                })}
        </td>
    }
}

/// The numbers behind the fan chart: the chosen plan's P10, median and P90
/// and every other plan's median, every fourth week.
#[component]
pub fn WeeklyTable(
    /// The runs shown, the chosen plan's first.
    series: Series,
    /// The metric shown.
    metric: RwSignal<Metric>,
    /// The plans' names, in `series` order.
    names: Memo<Vec<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let unit = Memo::new(move |_| {
        let m = metric.get();
        state.scenario.with(|s| s.baseline.units().of(m))
    });
    let caption =
        Signal::derive(move || format!("{} by week ({})", metric.get().name(), unit.get().label));
    let columns = move || {
        let mut columns = vec!["Week".to_string()];
        for (k, n) in names.get().into_iter().enumerate() {
            if k == 0 {
                columns.extend([
                    format!("{n} P10"),
                    format!("{n} median"),
                    format!("{n} P90"),
                ]);
            } else {
                columns.push(format!("{n} median"));
            }
        }
        columns
    };
    let rows = move || {
        let (m, factor) = (metric.get(), unit.get().factor);
        let f = move |v: f64| format_number(v * factor, 2);
        series.with(|runs| {
            let all: Vec<_> = runs.iter().map(|(_, t)| t.outcome.series(m)).collect();
            // Every series starts at week 0, so a non-empty one has a last
            // week.
            let weeks = all
                .first()
                .filter(|s| !s.is_empty())
                .map_or_else(Vec::new, |s| table_weeks(s.len() - 1));
            weeks
                .into_iter()
                .map(|w| {
                    let mut cells = Vec::new();
                    for (k, s) in all.iter().enumerate() {
                        let b = s.get(w).copied().unwrap_or_default();
                        if k == 0 {
                            cells.extend([f(b.p10), f(b.p50), f(b.p90)]);
                        } else {
                            cells.push(f(b.p50));
                        }
                    }
                    view! {
                        <tr>
                            <th scope="row">{w.to_string()}</th>
                            {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="details">
            <summary>"Show the numbers behind the chart"</summary>
            {move || {
                view! {
                    <Table class="data-table" caption columns=columns()>
                        {rows}
                    </Table>
                }
            }}
        </details>
    }
}
