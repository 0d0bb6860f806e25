//! A whole scenario's simulation in one call: its chosen plan run from its
//! own baseline with its own seed, trial count and horizon, counting its own
//! goals, under its error-budget policy when the scenario says so — and then
//! also without it, so the freeze's part in each result can be shown
//! ([`ScenarioRun::freeze_contribution`]). The Compare screen runs one per
//! scenario, the Teams screen one per team ([`crate::teams`]); the working
//! scenario's screens memoise the same steps one by one (`src/ui/runs.rs`).
//!
//! [`RunSpec`] is the one place a scenario's Monte Carlo run is put
//! together: this module's runs, the working scenario's memoised runs and
//! the goal-seek all build theirs with it, overriding trials or weeks where
//! they need to.

use chrono::NaiveDate;

use crate::budget::{simulate_freeze, FreezeOutcome};
use crate::flywheel::{Freeze, Noise};
use crate::freeze::Contribution;
use crate::goals::targets;
use crate::monte_carlo::{self, Counted, Outcome, Run, Target, TargetOutcome};
use crate::random::seeded;
use flywheel_core::model::goals::GoalId;
use flywheel_core::model::plan::{Plan, SIM_METRICS};
use flywheel_core::model::{Baseline, Metric, Scenario, Slo};

/// The baseline in the simulation's order and units.
pub fn baseline_values(b: &Baseline) -> [f64; 5] {
    SIM_METRICS.map(|m| b.value(m).unwrap_or(0.0))
}

/// Week-to-week variation: resampled from imported data while the
/// deployment frequency still holds the value measured from it (the only
/// metric whose weekly variation the data gives, see
/// [`Noise::from_measured`]), drawn log-normal otherwise.
pub fn noise_of(s: &Scenario) -> Noise {
    s.measured
        .as_ref()
        .filter(|m| m.is_measured(Metric::DeployFrequency, &s.baseline))
        .map(Noise::from_measured)
        .unwrap_or_default()
}

/// The error-budget policy's Monte Carlo over an SLO and a baseline, for
/// the window that contains `today`.
pub fn policy_outcome(slo: &Slo, baseline: &Baseline, today: NaiveDate) -> FreezeOutcome {
    let days = slo.window_days(slo.start_date(today));
    simulate_freeze(slo, baseline, days, &mut seeded(slo.seed))
}

/// Whether the plans run under the freeze policy: the simulation asks for
/// it, the policy freezes, and the SLO is valid.
pub fn freeze_applies(s: &Scenario) -> bool {
    s.simulation.apply_freeze && s.slo.policy.freeze && s.slo.is_valid()
}

/// Everything one scenario's simulation produced.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioRun {
    /// Every goal's simulated target, in chain order.
    pub targets: Vec<(GoalId, Target)>,
    /// The freeze policy's outcome (`None` when the SLO is invalid).
    pub policy: Option<FreezeOutcome>,
    /// The chosen plan's run (`None` when the settings cannot be simulated).
    pub outcome: Option<Outcome>,
    /// When the plan runs under the freeze policy: the same run without it
    /// (same seed and trials), so the freeze's part can be shown.
    pub unfrozen: Option<Outcome>,
}

impl ScenarioRun {
    /// How the chosen plan fares on `goal`: `None` when the goal has no
    /// simulated target or nothing ran.
    pub fn chance(&self, goal: GoalId) -> Option<TargetOutcome> {
        let index = self.targets.iter().position(|(id, _)| *id == goal)?;
        self.outcome.as_ref()?.targets.get(index).copied()
    }

    /// How much of each result the freeze policy makes, when the plan ran
    /// under it ([`Contribution`]).
    pub fn freeze_contribution(&self, baseline: &Baseline) -> Option<Contribution> {
        let freeze = self.policy.as_ref()?.freeze();
        Some(Contribution::between(
            freeze,
            baseline.value(Metric::LeadTime).unwrap_or(0.0),
            self.outcome.as_ref()?,
            self.unfrozen.as_ref()?,
            &self.targets,
        ))
    }
}

/// Runs `s`'s chosen plan with its full trial count, deadlines counted in
/// weeks from `today`.
pub fn run_scenario(s: &Scenario, today: NaiveDate) -> ScenarioRun {
    let goal_targets = targets(&s.goals, today);
    let policy = s
        .slo
        .is_valid()
        .then(|| policy_outcome(&s.slo, &s.baseline, today));
    let freeze = policy
        .as_ref()
        .filter(|_| freeze_applies(s))
        .map(FreezeOutcome::freeze);
    let outcome = plan_outcome(s, &goal_targets, freeze);
    let unfrozen = freeze.and_then(|_| plan_outcome(s, &goal_targets, None));
    ScenarioRun {
        targets: goal_targets,
        policy,
        outcome,
        unfrozen,
    }
}

/// What a scenario's simulation run is made of, owned so that a screen can
/// keep it (in a memo) and run any of the scenario's plans with it: the
/// baseline, the variation, the horizon, the trials, the seed, the goals'
/// targets and the freeze policy's effect.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSpec {
    /// Canonical baseline values in [`SIM_METRICS`] order.
    pub baseline: [f64; 5],
    pub noise: Noise,
    pub weeks: u32,
    /// Trials asked for; the run may simulate fewer
    /// ([`monte_carlo::trials_run`]).
    pub trials: u32,
    pub seed: u64,
    pub targets: Vec<Target>,
    pub freeze: Option<Freeze>,
}

impl RunSpec {
    /// `s`'s run with its own horizon, trials and seed, counting
    /// `goal_targets`, under `freeze` when given.
    pub fn new(s: &Scenario, goal_targets: &[(GoalId, Target)], freeze: Option<Freeze>) -> RunSpec {
        let sim = &s.simulation;
        RunSpec {
            baseline: baseline_values(&s.baseline),
            noise: noise_of(s),
            weeks: sim.horizon_weeks,
            trials: sim.trials,
            seed: sim.seed,
            targets: goal_targets.iter().map(|(_, t)| *t).collect(),
            freeze,
        }
    }

    /// The same run with `trials` trials asked for (a preview, a search).
    pub fn with_trials(self, trials: u32) -> RunSpec {
        RunSpec { trials, ..self }
    }

    /// The same run over `weeks` weeks (to reach a goal's deadline).
    pub fn with_weeks(self, weeks: u32) -> RunSpec {
        RunSpec { weeks, ..self }
    }

    /// The same run without the freeze policy, to show its part.
    pub fn without_freeze(self) -> RunSpec {
        RunSpec {
            freeze: None,
            ..self
        }
    }

    /// The run of `plan`, for [`monte_carlo::run`] or
    /// [`monte_carlo::goal_seek`].
    pub fn run<'a>(&'a self, plan: &'a Plan) -> Run<'a> {
        Run {
            plan,
            baseline: self.baseline,
            weeks: self.weeks,
            trials: self.trials,
            seed: self.seed,
            targets: &self.targets,
            noise: &self.noise,
            freeze: self.freeze,
        }
    }

    /// Simulates `plan`.
    pub fn outcome(&self, plan: &Plan) -> Outcome {
        monte_carlo::run(&self.run(plan))
    }

    /// Simulates `plan` for its targets' chances alone
    /// ([`monte_carlo::count`]).
    pub fn count(&self, plan: &Plan) -> Counted {
        monte_carlo::count(&self.run(plan))
    }
}

/// Trials each run of a goal-seek asks for: enough for a steady answer,
/// and fitting its share of a run's work at every horizon
/// ([`monte_carlo::goal_seek_trials`]).
pub const GOAL_SEEK_TRIALS: u32 = 1_000;

/// The effect per successful cycle (% of the remaining gap) `s`'s chosen
/// plan needs on `target`'s metric for the target to be met with
/// probability `confidence`, simulated to the deadline or the horizon,
/// whichever is later, under `freeze` when given
/// ([`monte_carlo::goal_seek`]; `None`: out of reach).
pub fn seek_effect(
    s: &Scenario,
    target: Target,
    freeze: Option<Freeze>,
    confidence: f64,
) -> Option<f64> {
    let spec = RunSpec::new(s, &[], freeze)
        .with_weeks(s.simulation.horizon_weeks.max(target.week))
        .with_trials(GOAL_SEEK_TRIALS);
    monte_carlo::goal_seek(&spec.run(s.simulation.chosen_plan()), target, confidence)
}

/// The chosen plan's Monte Carlo with the scenario's own seed, trials and
/// horizon, counting `goal_targets`, under `freeze` when given; `None`
/// when the settings cannot be simulated.
pub fn plan_outcome(
    s: &Scenario,
    goal_targets: &[(GoalId, Target)],
    freeze: Option<Freeze>,
) -> Option<Outcome> {
    let sim = &s.simulation;
    sim.problem()
        .is_none()
        .then(|| RunSpec::new(s, goal_targets, freeze).outcome(sim.chosen_plan()))
}

/// How often [`plan_outcome`]'s run meets each of `goal_targets`, the same
/// figures to the bit, without the weekly percentiles; `None` when the
/// settings cannot be simulated.
pub fn plan_count(
    s: &Scenario,
    goal_targets: &[(GoalId, Target)],
    freeze: Option<Freeze>,
) -> Option<Counted> {
    let sim = &s.simulation;
    sim.problem()
        .is_none()
        .then(|| RunSpec::new(s, goal_targets, freeze).count(sim.chosen_plan()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
    use flywheel_core::model::Metric;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    /// A small but complete scenario: one goal on lead time, few trials so
    /// the unoptimised test build stays quick.
    fn scenario() -> Scenario {
        let mut s = Scenario::default();
        s.simulation.trials = 300;
        s.simulation.horizon_weeks = 26;
        s.slo.policy.trials = 20;
        let mut goal = Goal::new(Level::Operational, "Ship within three days", today());
        goal.target = Some(MetricTarget {
            measure: Measure::Baseline(Metric::LeadTime),
            target: 72.0,
        });
        goal.deadline = NaiveDate::from_ymd_opt(2026, 6, 1);
        s.goals.add(goal).unwrap();
        s
    }

    #[test]
    fn a_scenario_runs_its_chosen_plan_with_its_own_settings() {
        let s = scenario();
        let run = run_scenario(&s, today());
        let outcome = run.outcome.as_ref().unwrap();
        assert_eq!(outcome.trials, 300);
        assert_eq!(outcome.weeks, 26);
        assert_eq!(outcome.bands.len(), 27);
        // The same run the simulation screens make by hand.
        let counted: Vec<Target> = run.targets.iter().map(|(_, t)| *t).collect();
        let by_hand = monte_carlo::run(&Run {
            plan: s.simulation.chosen_plan(),
            baseline: baseline_values(&s.baseline),
            weeks: 26,
            trials: 300,
            seed: s.simulation.seed,
            targets: &counted,
            noise: &Noise::default(),
            freeze: None,
        });
        assert_eq!(outcome, &by_hand);
        let goal = s.goals.0[0].id;
        let chance = run.chance(goal).unwrap();
        assert!((0.0..=1.0).contains(&chance.p_both));
        assert!(run.policy.is_some());
    }

    #[test]
    fn the_chosen_plan_and_seed_decide_the_numbers() {
        let s = scenario();
        assert_eq!(run_scenario(&s, today()), run_scenario(&s, today()));
        let mut reseeded = s.clone();
        reseeded.simulation.seed += 1;
        assert_ne!(
            run_scenario(&s, today()).outcome,
            run_scenario(&reseeded, today()).outcome
        );
        let mut other_plan = s.clone();
        other_plan.simulation.chosen = 2;
        assert_ne!(
            run_scenario(&s, today()).outcome,
            run_scenario(&other_plan, today()).outcome
        );
    }

    #[test]
    fn the_freeze_policy_applies_only_when_the_scenario_asks() {
        let mut s = scenario();
        // An unreliable team with a tight SLO: the budget runs out often.
        s.baseline.change_failure_rate = 60.0;
        s.slo.target = 99.99;
        let free = run_scenario(&s, today());
        assert!(free.policy.as_ref().unwrap().frozen_fraction > 0.0);
        s.simulation.apply_freeze = true;
        let frozen = run_scenario(&s, today());
        assert_ne!(free.outcome, frozen.outcome);
    }

    #[test]
    fn settings_that_cannot_run_give_no_outcome_and_no_chances() {
        let mut s = scenario();
        s.simulation.trials = 0;
        s.slo.target = f64::NAN;
        let run = run_scenario(&s, today());
        assert!(run.outcome.is_none());
        assert!(run.policy.is_none());
        assert_eq!(run.targets.len(), 1);
        assert_eq!(run.chance(s.goals.0[0].id), None);
    }

    #[test]
    fn imported_weeks_are_resampled_only_while_the_frequency_is_measured() {
        use flywheel_core::model::import::Measured;
        use flywheel_core::model::{Rate, RatePeriod};
        let mut s = scenario();
        s.baseline.deploy_frequency = Rate::new(9.0, RatePeriod::Week);
        s.measured = Some(Measured {
            from: "2025-10-01".into(),
            to: "2025-12-31".into(),
            weekly_deploys: vec![4, 9, 14, 0, 18, 9],
            applied: vec![Metric::DeployFrequency],
            baseline: s.baseline.clone(),
            ..Measured::default()
        });
        assert!(!noise_of(&s).empirical[0].is_empty());
        // Typed over, the old weeks no longer describe this team.
        s.baseline.deploy_frequency = Rate::new(3.0, RatePeriod::Week);
        assert_eq!(noise_of(&s), Noise::default());
    }
}
