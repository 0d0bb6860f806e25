//! The chosen plan's fan chart for every simulated metric, each with a
//! visible title naming the metric and its unit, a one-line summary, the
//! move from the baseline to the median read under the scenario's lens
//! (a tier that moves against the value says why), and — when the plan
//! runs under the freeze policy — the freeze's part in it.

use leptos::prelude::*;

use crate::chart::fan::{fan, FanSeries};
use crate::model::plan::SIM_METRICS;
use crate::model::quick_check;
use crate::model::standing::lens::{Lens, LensView};
use crate::model::units::{format_number, Units};
use crate::model::wording::TierMove;
use crate::model::Metric;
use crate::sim::freeze::Contribution;
use crate::ui::charts::fan::FanChart;
use crate::ui::state::AppState;

/// The baseline's move to the median at the horizon, under `lens`.
fn moved(lens: LensView, m: Metric, from: f64, to: f64, weeks: u32, units: Units) -> String {
    let tiers = TierMove::new(lens.edition, m, from, to);
    match lens.lens {
        Lens::Tiers => tiers.describe(units),
        Lens::Scores2025 => {
            let score = |v| quick_check::score(m, v).map(|s| format!("{s:.1}"));
            let scores = match (score(from), score(to)) {
                (Some(a), Some(b)) => {
                    format!("2025 score {a} of 10 now, {b} at the median after {weeks} weeks.")
                }
                _ => String::new(),
            };
            // The historical tiers are shown too: say why one moves
            // against the value, when it does.
            match tiers.explanation() {
                Some(why) => format!("{scores} {why}"),
                None => scores,
            }
        }
    }
}

/// One metric's chart and the words under it.
#[component]
fn MetricFan(
    m: Metric,
    run: Memo<Option<crate::ui::runs::Timed>>,
    freeze: Memo<Option<Contribution>>,
) -> impl IntoView {
    let state = AppState::expect();
    let plan_name = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    };
    let unit = move || state.scenario.with(|s| s.baseline.units().of(m));
    let layout = Callback::new(move |frame| {
        let bands = run.with(|r| r.as_ref().map(|t| t.outcome.series(m)).unwrap_or_default());
        fan(&[FanSeries { bands: &bands }], unit().factor, None, frame)
    });
    let last = move || {
        run.with(|r| {
            r.as_ref().and_then(|t| {
                t.outcome
                    .series(m)
                    .last()
                    .copied()
                    .map(|b| (t.outcome.weeks, b))
            })
        })
    };
    let summary = Signal::derive(move || {
        last().map_or_else(String::new, |(weeks, b)| {
            let u = unit();
            format!(
                "Median {} {} after {weeks} weeks (P10 {}, P90 {}).",
                format_number(b.p50 * u.factor, 2),
                u.label,
                format_number(b.p10 * u.factor, 2),
                format_number(b.p90 * u.factor, 2),
            )
        })
    });
    let reading = move || {
        let (weeks, b) = last()?;
        state.scenario.with(|s| {
            let from = s.baseline.value(m)?;
            Some(moved(
                LensView::of(s),
                m,
                from,
                b.p50,
                weeks,
                s.baseline.units(),
            ))
        })
    };
    let part = move || {
        let units = state.scenario.with(|s| s.baseline.units());
        freeze.with(|f| {
            f.as_ref()
                .and_then(|f| f.metric(m))
                .map(|shift| shift.describe(units))
        })
    };
    view! {
        <div class="report__chart">
            <FanChart
                id=format!("report-fan-{}", m.key())
                title=Signal::derive(move || {
                    format!("{} ({}): median and P10–P90 band", m.name(), unit().label)
                })
                summary
                unit=Signal::derive(move || unit().label.to_string())
                layout
                names=Signal::derive(move || vec![plan_name()])
            />
            <p class="footnote">{summary}</p>
            <p class="footnote">{reading}</p>
            {move || part().map(|p| view! { <p class="footnote report__part">{format!("Freeze policy's part: {p}")}</p> })}
        </div>
    }
}

/// The chosen plan's fan chart for every simulated metric.
#[component]
pub(super) fn Outlook(
    /// The freeze policy's part in the chosen plan's results.
    freeze: Memo<Option<Contribution>>,
) -> impl IntoView {
    let state = AppState::expect();
    let plan_name = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    };
    let run = Memo::new(move |_| {
        state
            .runs()
            .get(state.scenario.with(|s| s.simulation.chosen))
    });
    let charts = SIM_METRICS
        .into_iter()
        .map(|m| view! { <MetricFan m run freeze /> })
        .collect_view();
    view! {
        <section class="panel report__section" aria-labelledby="report-outlook">
            <h2 class="panel__title" id="report-outlook">
                {move || format!("Outlook under “{}”", plan_name())}
            </h2>
            <p class="footnote">"Median line and P10–P90 band of the simulated weeks."</p>
            {move || {
                freeze
                    .with(|f| f.as_ref().map(Contribution::summary))
                    .map(|s| view! { <p class="report__freeze">{s}</p> })
            }}
            <div class="report__charts">{charts}</div>
        </section>
    }
}
