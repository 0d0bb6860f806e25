//! The chance of each goal re-computed from what happened: the plan is run
//! again from the latest actual of each metric, for the weeks left, with
//! each metric's effect per cycle scaled by the pace observed so far.
//!
//! The model closes a share of the gap between a metric's cost and its
//! bound each successful cycle (domain.md §4, `floor + gap·(1 − r)^t`), so
//! progress adds up in the logarithm of the gap. A metric's observed pace
//! is the log-gap its latest actual has closed since the plan's start,
//! over the log-gap the plan's median had closed by the same week:
//! `ln(gap_actual / gap_start) / ln(gap_median / gap_start)`. It is 1 when
//! the team moved as the plan's median did, 0 when the metric has not
//! improved (or got worse), and is held to at most [`MAX_PACE`]. The
//! effect per cycle scales by it: to first order, closing `s` times the
//! share of the gap per cycle closes `s` times the log-gap. When the
//! plan's median had not improved the metric by then (no capacity, a
//! metric already at its bound) there is no pace to compare, and the
//! effect stays as planned.

use flywheel_core::model::plan::{Plan, SIM_METRICS};
use flywheel_core::model::Metric;

use super::Actual;
use crate::flywheel::to_cost;
use crate::monte_carlo::{self, Outcome, Run, Target};

/// Most the observed pace scales a plan's effect by.
pub const MAX_PACE: f64 = 3.0;

/// One metric's observed pace.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    pub metric: Metric,
    /// The week of its latest actual.
    pub week: u32,
    /// Observed over planned progress, 0 to [`MAX_PACE`]; `None` when
    /// there is no planned progress to compare with.
    pub ratio: Option<f64>,
    /// What the effect per cycle is multiplied by in the re-run.
    pub scale: f64,
    /// In words.
    pub words: String,
}

/// The re-run and what went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recomputed {
    /// The week of the latest actual: where the re-run starts.
    pub week: u32,
    /// The values it starts from, in `SIM_METRICS` order.
    pub start: [f64; 5],
    pub paces: Vec<Pace>,
    /// The re-run, over the weeks left of the horizon; its targets are the
    /// plan's, their weeks counted from `week`.
    pub outcome: Outcome,
}

/// The cost the model holds for `value` of metric index `m`.
fn cost(m: usize, value: f64) -> f64 {
    to_cost([value; 5])[m]
}

/// Metric `m`'s observed pace: `start` is its value at the plan's start,
/// `median` the plan's median and `actual` the measured value at the same
/// week. `None` when the start leaves no gap to its bound or the median
/// has not closed any of it.
pub fn pace(plan: &Plan, m: usize, start: f64, median: f64, actual: f64) -> Option<f64> {
    let b = &plan.bounds;
    let bound = [
        1.0 / b.max_deploys_per_day,
        b.min_lead_time_hours,
        b.min_change_failure_rate,
        b.min_recovery_hours,
        b.min_rework_rate,
    ][m];
    let c0 = cost(m, start);
    // A start already better than the bound is its own floor, as in the
    // model.
    let floor = bound.min(c0);
    let gap = c0 - floor;
    if !(gap > 0.0 && gap.is_finite()) {
        return None;
    }
    let log_gap = |v: f64| ((cost(m, v) - floor).max(gap * 1e-9) / gap).ln();
    let planned = log_gap(median);
    if planned.is_nan() || planned >= -1e-9 {
        return None;
    }
    let ratio = log_gap(actual) / planned;
    ratio.is_finite().then(|| ratio.clamp(0.0, MAX_PACE))
}

fn pace_words(metric: Metric, week: u32, ratio: Option<f64>) -> String {
    let name = metric.name();
    let by = format!("by week {week}");
    match ratio {
        None => format!(
            "{name}: the plan's median had not improved it {by}, so there is no pace to compare; the plan's effect on it stays as planned."
        ),
        Some(0.0) => format!(
            "{name} has not improved since the plan started, where the plan's median had {by}: the re-run gives it no improvement."
        ),
        Some(r) if r >= MAX_PACE => format!(
            "{name} has moved at least {MAX_PACE}× as fast as the plan's median {by}: the re-run triples the plan's effect on it."
        ),
        Some(r) => format!(
            "{name} has moved at {:.2}× the pace of the plan's median {by}: the re-run scales the plan's effect on it by that.",
            r
        ),
    }
}

/// The re-run from the latest actuals (see the module docs); `None`
/// without an actual inside the plan's horizon. `outcome` is the plan's own
/// run (`run` with the plan's targets), whose medians stand in for metrics
/// with no actual and give the planned pace.
pub fn recompute(run: &Run, outcome: &Outcome, actuals: &[Actual]) -> Option<Recomputed> {
    let inside: Vec<&Actual> = actuals
        .iter()
        .filter(|a| (1..=run.weeks.min(outcome.weeks)).contains(&a.week))
        .collect();
    let week = inside.iter().map(|a| a.week).max()?;
    let mut start = [0.0; 5];
    let mut paces = Vec::new();
    let mut plan = run.plan.clone();
    for (m, &metric) in SIM_METRICS.iter().enumerate() {
        let latest = inside
            .iter()
            .filter(|a| a.metric == metric)
            .max_by_key(|a| a.week);
        let median_at = |w: u32| outcome.bands[w as usize][m].p50;
        match latest {
            None => start[m] = median_at(week),
            Some(a) => {
                start[m] = a.value;
                let ratio = pace(run.plan, m, run.baseline[m], median_at(a.week), a.value);
                let scale = ratio.unwrap_or(1.0);
                if let Some(effect) = plan.effect_pct.get(metric) {
                    plan.effect_pct.set(metric, effect * scale);
                }
                paces.push(Pace {
                    metric,
                    week: a.week,
                    ratio,
                    scale,
                    words: pace_words(metric, a.week, ratio),
                });
            }
        }
    }
    let targets: Vec<Target> = run
        .targets
        .iter()
        .map(|t| Target {
            week: t.week.saturating_sub(week),
            ..*t
        })
        .collect();
    let outcome = monte_carlo::run(&Run {
        plan: &plan,
        baseline: start,
        weeks: run.weeks - week,
        targets: &targets,
        ..*run
    });
    Some(Recomputed {
        week,
        start,
        paces,
        outcome,
    })
}
