//! What an error-budget freeze policy does to the improvement simulation
//! ("Run under the freeze policy"), in domain terms, with every parameter
//! stated. The policy's own Monte Carlo (`budget::simulate_freeze`,
//! domain.md §3) gives the share of time frozen `f`, how many deployments
//! the freezes remove and how long a change waits for one to lift; the
//! coupling turns those into three bounded effects:
//!
//! - **Reliability work.** While frozen, feature work stops and the time
//!   goes to reliability (the SRE policy, domain.md §3). A share
//!   [`RELIABILITY_EFFECTIVENESS`] (25%) of the frozen time becomes
//!   improvement capacity on change failure rate and recovery time — the
//!   rest goes to the incidents themselves, their postmortems and waiting
//!   for the window to recover — capped at [`MAX_RELIABILITY_CAPACITY_PCT`]
//!   (5 percentage points, half the seed's "hold back 10%"). A team with no
//!   improvement capacity therefore improves those two metrics at most as
//!   a team holding back 5% would: a little, never to Elite by the freeze
//!   alone. Frozen 21% of the time (the default scenario), that is
//!   min(21 × 0.25, 5) = 5 points.
//! - **Fewer deployments**, in proportion to the days frozen: measured
//!   deployment frequency × `deploy_factor` (1 − f when only P0 fixes
//!   ship), never below what the freezes themselves remove.
//! - **Longer lead time**, added rather than multiplied: a change ready
//!   during a freeze waits for it to lift, and averaged over all changes
//!   that adds f × the mean remaining freeze, in hours, to every week's
//!   measured lead time. The wait does not shrink as the pipeline speeds
//!   up, and it is at most f × half the longest freeze.
//!
//! The frozen share is measured once, from the baseline, and held over the
//! horizon: the freeze's reliability work does not reduce later freezes in
//! this model, so both its cost and its reliability work are those of the
//! baseline team. This is Flywheel's own modelling assumption, not a
//! published figure; [`Contribution`] reports how much of each result it
//! makes, so a screen can show it beside the numbers.

use flywheel_core::model::goals::{GoalId, Measure};
use flywheel_core::model::plan::SIM_METRICS;
use flywheel_core::model::units::{format_number, Units};
use flywheel_core::model::Metric;

use crate::monte_carlo::{Outcome, Target};

/// Share of frozen time that becomes improvement capacity on change failure
/// rate and recovery time.
pub const RELIABILITY_EFFECTIVENESS: f64 = 0.25;
/// Most improvement capacity, in percentage points, frozen time adds.
pub const MAX_RELIABILITY_CAPACITY_PCT: f64 = 5.0;

/// What an error-budget freeze policy does to delivery, from its own Monte
/// Carlo (`budget::simulate_freeze`, domain.md §3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Freeze {
    /// Share of time feature deployments are frozen, 0–1.
    pub frozen_fraction: f64,
    /// Deployment frequency with the policy relative to without (≤ 1).
    pub deploy_factor: f64,
    /// Lead time with the policy relative to without (≥ 1), at the
    /// baseline: the simulation adds the hours it stands for.
    pub lead_factor: f64,
}

impl Freeze {
    /// Improvement capacity the frozen time adds on change failure rate and
    /// recovery time, in percentage points: `min(f × 100 ×`
    /// [`RELIABILITY_EFFECTIVENESS`]`,` [`MAX_RELIABILITY_CAPACITY_PCT`]`)`.
    pub fn reliability_capacity_pct(&self) -> f64 {
        let f = if self.frozen_fraction.is_finite() {
            self.frozen_fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (f * 100.0 * RELIABILITY_EFFECTIVENESS).min(MAX_RELIABILITY_CAPACITY_PCT)
    }

    /// Hours a change waits for freezes on average, for a baseline lead
    /// time of `baseline_hours`: `(lead_factor − 1) × baseline_hours`.
    pub fn lead_wait_hours(&self, baseline_hours: f64) -> f64 {
        let wait = (self.lead_factor - 1.0) * baseline_hours;
        if wait.is_finite() {
            wait.max(0.0)
        } else {
            0.0
        }
    }

    /// The multiplier on measured deployment frequency, 0–1.
    pub fn deploy_multiplier(&self) -> f64 {
        if self.deploy_factor.is_finite() {
            self.deploy_factor.clamp(0.0, 1.0)
        } else {
            1.0
        }
    }
}

/// One metric at the horizon, without and with the freeze.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricShift {
    pub metric: Metric,
    /// Medians at the horizon, canonical units.
    pub without: f64,
    pub with: f64,
}

impl MetricShift {
    /// The freeze's part: with − without, canonical units.
    pub fn difference(&self) -> f64 {
        self.with - self.without
    }

    /// "Change failure rate: 16.2% with the freeze policy, 19.8% without."
    pub fn describe(&self, units: Units) -> String {
        let m = Measure::Baseline(self.metric);
        format!(
            "{}: {} with the freeze policy, {} without.",
            self.metric.name(),
            m.describe(self.with, units),
            m.describe(self.without, units)
        )
    }
}

/// One goal's chance, without and with the freeze.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoalShift {
    pub goal: GoalId,
    /// Chance of meeting the goal with its guard, 0–1.
    pub without: f64,
    pub with: f64,
}

impl GoalShift {
    /// The freeze's part in percentage points (with − without).
    pub fn points(&self) -> f64 {
        (self.with - self.without) * 100.0
    }

    /// "62% with the freeze policy, 40% without (+22 points)."
    pub fn describe(&self) -> String {
        let pct = |p: f64| format_number(p * 100.0, 0);
        let points = self.points().round();
        let sign = if points > 0.0 {
            "+"
        } else if points < 0.0 {
            "−"
        } else {
            ""
        };
        format!(
            "{}% with the freeze policy, {}% without ({sign}{} points).",
            pct(self.with),
            pct(self.without),
            format_number(points.abs(), 0)
        )
    }
}

/// How much of a run's results the freeze policy makes: the same plan, seed
/// and trials run with and without it, so the difference is the freeze's
/// alone (common random numbers).
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub freeze: Freeze,
    /// Improvement capacity added on change failure rate and recovery, in
    /// percentage points ([`Freeze::reliability_capacity_pct`]).
    pub reliability_capacity_pct: f64,
    /// Hours added to every week's lead time.
    pub lead_wait_hours: f64,
    /// Per simulated metric, in [`SIM_METRICS`] order.
    pub metrics: Vec<MetricShift>,
    /// Per goal the runs counted, in their order.
    pub goals: Vec<GoalShift>,
}

impl Contribution {
    /// Compares a run `with` the freeze and one `without` it over the same
    /// `targets`. `baseline_lead_hours` gives the wait in hours.
    pub fn between(
        freeze: Freeze,
        baseline_lead_hours: f64,
        with: &Outcome,
        without: &Outcome,
        targets: &[(GoalId, Target)],
    ) -> Contribution {
        let horizon = |o: &Outcome, i: usize| o.bands.last().map_or(f64::NAN, |w| w[i].p50);
        let metrics = SIM_METRICS
            .iter()
            .enumerate()
            .map(|(i, &metric)| MetricShift {
                metric,
                without: horizon(without, i),
                with: horizon(with, i),
            })
            .collect();
        let goals = targets
            .iter()
            .zip(with.targets.iter().zip(&without.targets))
            .map(|((goal, _), (w, wo))| GoalShift {
                goal: *goal,
                without: wo.p_both,
                with: w.p_both,
            })
            .collect();
        Contribution {
            freeze,
            reliability_capacity_pct: freeze.reliability_capacity_pct(),
            lead_wait_hours: freeze.lead_wait_hours(baseline_lead_hours),
            metrics,
            goals,
        }
    }

    /// The shift of one metric.
    pub fn metric(&self, metric: Metric) -> Option<MetricShift> {
        self.metrics.iter().find(|m| m.metric == metric).copied()
    }

    /// The shift of one goal's chance.
    pub fn goal(&self, goal: GoalId) -> Option<GoalShift> {
        self.goals.iter().find(|g| g.goal == goal).copied()
    }

    /// What the freeze does, in one paragraph for the screen.
    pub fn summary(&self) -> String {
        format!(
            "Under the freeze policy feature deployments stop {}% of the time. That time adds {} percentage points of improvement capacity on change failure rate and recovery time (a quarter of the frozen time, at most 5 points), removes {}% of deployments and adds {} to lead time while changes wait for freezes to lift. This is Flywheel's own modelling assumption.",
            format_number(self.freeze.frozen_fraction * 100.0, 1),
            format_number(self.reliability_capacity_pct, 1),
            format_number((1.0 - self.freeze.deploy_multiplier()) * 100.0, 1),
            flywheel_core::model::units::describe_hours(self.lead_wait_hours),
        )
    }
}
