//! Where each actual measurement falls in the plan's simulated futures.
//!
//! The plan's own run is repeated with the same seed and settings, so its
//! futures are the same, trial for trial (counting goals draws nothing
//! from the generator, so extra counts change no trajectory; a test checks
//! the bands come out identical). At each actual's week two counts are
//! added per actual: the trials whose value is below it and those at or
//! below it. The percentile is their mean, the mid-rank: the share of
//! futures below the actual plus half the share equal to it (ties happen
//! only where trials sit on a bound).

use flywheel_core::model::plan::sim_index;
use flywheel_core::model::standing::normal::ordinal;

use super::Actual;
use crate::monte_carlo::{self, Outcome, Run, Target};

/// One actual placed among the plan's futures.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub actual: Actual,
    /// Share of simulated futures below the actual that week, 0–1.
    pub below: f64,
    /// Share at or below it.
    pub at_or_below: f64,
    /// The mid-rank percentile, 0–100: the share below plus half the share
    /// equal, as a percentage.
    pub percentile: f64,
    /// "Lead time for changes is at the plan's 30th percentile after 12
    /// weeks: …".
    pub words: String,
}

/// The two counting targets that place `a`: for a lower-is-better metric
/// "at or below a" and "at or below the number just under a"; for a
/// higher-is-better one "at or above a" and "at or above the number just
/// over it", whose complements are the shares below and at or below.
fn probes(a: &Actual) -> [Target; 2] {
    let probe = |threshold| Target {
        metric: a.metric,
        threshold,
        week: a.week,
        guard: None,
    };
    if a.metric.higher_is_better() {
        [probe(a.value), probe(a.value.next_up())]
    } else {
        [probe(a.value), probe(a.value.next_down())]
    }
}

/// "30th percentile", with what it means for this metric.
fn words(a: &Actual, percentile: f64, below: f64, at_or_below: f64) -> String {
    let name = a.metric.name();
    let weeks = if a.week == 1 {
        "1 week".to_string()
    } else {
        format!("{} weeks", a.week)
    };
    let lower_is_better = !a.metric.higher_is_better();
    if at_or_below == 0.0 || below == 1.0 {
        let lower = at_or_below == 0.0;
        return format!(
            "{name} is {} every simulated future after {weeks} ({}): {} than the plan expected at the edge of its range.",
            if lower { "below" } else { "above" },
            a.source,
            if lower == lower_is_better { "better" } else { "worse" }
        );
    }
    let p = percentile.round().clamp(0.0, 100.0) as u8;
    let side = if p == 50 {
        "level with the plan's median".to_string()
    } else if (p < 50) == lower_is_better {
        "ahead of the plan's median".to_string()
    } else {
        "behind the plan's median".to_string()
    };
    format!(
        "{name} is at the plan's {} percentile after {weeks} ({}): {}% of the simulated futures had a lower value, so it is {side}.",
        ordinal(p),
        a.source,
        (below * 100.0).round()
    )
}

/// Runs the plan's own run once with its targets and a pair of counts per
/// actual appended: the outcome (its targets cut back to the plan's own,
/// so it equals the plain run) and each actual's placement. Actuals whose
/// week lies outside `1..=run.weeks` are not placed.
pub fn place(run: &Run, actuals: &[Actual]) -> (Outcome, Vec<Placement>) {
    let placed: Vec<&Actual> = actuals
        .iter()
        .filter(|a| (1..=run.weeks).contains(&a.week) && sim_index(a.metric).is_some())
        .collect();
    let mut targets = run.targets.to_vec();
    targets.extend(placed.iter().flat_map(|a| probes(a)));
    let mut outcome = monte_carlo::run(&Run {
        targets: &targets,
        ..*run
    });
    let probed = outcome.targets.split_off(run.targets.len());
    let placements = placed
        .iter()
        .zip(probed.chunks(2))
        .map(|(a, pair)| {
            let (first, second) = (pair[0].p_meet, pair[1].p_meet);
            let (below, at_or_below) = if a.metric.higher_is_better() {
                (1.0 - first, 1.0 - second)
            } else {
                (second, first)
            };
            let percentile = (below + at_or_below) / 2.0 * 100.0;
            Placement {
                actual: (*a).clone(),
                below,
                at_or_below,
                percentile,
                words: words(a, percentile, below, at_or_below),
            }
        })
        .collect();
    (outcome, placements)
}
