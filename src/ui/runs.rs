//! The simulation runs every screen shares: one lazy `Memo` per compared
//! plan, counting every goal's target. Nothing runs until a screen reads a
//! run, and a plan re-runs only when its own inputs change.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::goals::GoalId;
use crate::model::plan::MAX_PLANS;
use crate::model::{Baseline, Scenario};
use crate::sim::budget::FreezeOutcome;
use crate::sim::freeze::Contribution;
use crate::sim::goals::targets;
use crate::sim::monte_carlo::{self, Outcome, Run, Target, TargetOutcome};
pub use crate::sim::scenario::{baseline_values, noise_of};
use crate::sim::scenario::{freeze_applies, policy_outcome, ScenarioRun};

/// Trial-weeks a live preview may simulate while a slider is dragged, sized
/// to fit one 16 ms frame with room to spare (about 5 ms on the 2-core test
/// machine; an end-to-end test holds each preview to 16 ms).
const PREVIEW_TRIAL_WEEKS: u32 = 80_000;

/// The trial count a preview uses for a horizon.
pub fn preview_trials(weeks: u32) -> u32 {
    (PREVIEW_TRIAL_WEEKS / weeks.max(1)).clamp(100, 5_000)
}

/// Milliseconds on the page's monotonic clock, for timing work shown to
/// users.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A finished run and how long it took in this browser.
#[derive(Clone, PartialEq)]
pub struct Timed {
    pub outcome: Outcome,
    pub millis: f64,
}

/// The shared runs.
#[derive(Clone, Copy)]
pub struct Runs {
    /// Set while a plan slider is dragged: the chosen plan previews with
    /// fewer trials, and runs in full when the drag ends.
    pub dragging: RwSignal<bool>,
    /// Every goal's target, in chain order.
    pub targets: Memo<Vec<(GoalId, Target)>>,
    /// The error-budget policy's Monte Carlo over the SLO and the baseline
    /// (the Error budget screen shows it; run only when read).
    pub policy: Memo<FreezeOutcome>,
    /// The same outcome, when the plans run under it (the simulation's
    /// `apply_freeze` and the SLO's policy both on, and the SLO valid).
    pub freeze: Memo<Option<FreezeOutcome>>,
    plans: [Memo<Option<Timed>>; MAX_PLANS],
    chosen: Memo<usize>,
    /// When the plans run under the freeze policy: the chosen plan's run
    /// without it (same seed and trials), so the freeze's part can be
    /// shown. Run only when read.
    unfrozen: Memo<Option<Outcome>>,
}

impl Runs {
    /// Sets up the (lazy) runs over `scenario`.
    pub fn new(scenario: RwSignal<Scenario>, today: NaiveDate) -> Runs {
        let dragging = RwSignal::new(false);
        let chosen = Memo::new(move |_| scenario.with(|s| s.simulation.chosen));
        let goal_targets = Memo::new(move |_| scenario.with(|s| targets(&s.goals, today)));
        // The freeze Monte Carlo over the SLO and the baseline, which alone
        // feed it, so an edit elsewhere (a goal's title) does not re-run it.
        let policy_inputs =
            Memo::new(move |_| scenario.with(|s| (s.slo.clone(), s.baseline.clone())));
        let policy = Memo::new(move |_| {
            policy_inputs.with(|(slo, baseline)| policy_outcome(slo, baseline, today))
        });
        let applies = Memo::new(move |_| scenario.with(freeze_applies));
        let freeze = Memo::new(move |_| applies.get().then(|| policy.get()));
        let inputs = Memo::new(move |_| {
            scenario.with(|s| {
                let sim = &s.simulation;
                let noise = noise_of(s);
                (
                    baseline_values(&s.baseline),
                    sim.horizon_weeks,
                    sim.trials,
                    sim.seed,
                    noise,
                    freeze.get().map(|o| o.freeze()),
                )
            })
        });
        let plans = std::array::from_fn(|i| {
            let plan = Memo::new(move |_| scenario.with(|s| s.simulation.plans.get(i).cloned()));
            Memo::new(move |_| {
                let plan = plan.get()?;
                if plan.problem().is_some() {
                    return None;
                }
                let (baseline, weeks, trials, seed, noise, freeze) = inputs.get();
                let trials = if chosen.get() == i && dragging.get() {
                    preview_trials(weeks)
                } else {
                    trials
                };
                let targets: Vec<Target> =
                    goal_targets.with(|t| t.iter().map(|(_, t)| *t).collect());
                let started = now_ms();
                let outcome = monte_carlo::run(&Run {
                    plan: &plan,
                    baseline,
                    weeks,
                    trials,
                    seed,
                    targets: &targets,
                    noise: &noise,
                    freeze,
                });
                Some(Timed {
                    outcome,
                    millis: now_ms() - started,
                })
            })
        });
        let unfrozen = Memo::new(move |_| {
            freeze.get()?;
            let plan = scenario.with(|s| s.simulation.plans.get(chosen.get()).cloned())?;
            if plan.problem().is_some() {
                return None;
            }
            let (baseline, weeks, trials, seed, noise, _) = inputs.get();
            let targets: Vec<Target> = goal_targets.with(|t| t.iter().map(|(_, t)| *t).collect());
            Some(monte_carlo::run(&Run {
                plan: &plan,
                baseline,
                weeks,
                trials,
                seed,
                targets: &targets,
                noise: &noise,
                freeze: None,
            }))
        });
        Runs {
            dragging,
            targets: goal_targets,
            policy,
            freeze,
            plans,
            chosen,
            unfrozen,
        }
    }

    /// How much of the chosen plan's results the freeze policy makes, when
    /// the plans run under it (`sim::freeze::Contribution`, read as
    /// [`ScenarioRun::freeze_contribution`] reads a whole scenario's run).
    pub fn freeze_contribution(&self, baseline: &Baseline) -> Option<Contribution> {
        let policy = self.freeze.get()?;
        let run = ScenarioRun {
            targets: self.targets.get(),
            policy: Some(policy),
            outcome: self.get(self.chosen.get()).map(|t| t.outcome),
            unfrozen: self.unfrozen.get(),
        };
        run.freeze_contribution(baseline)
    }

    /// Plan `i`'s run, if the plan exists and can be simulated.
    pub fn get(&self, i: usize) -> Option<Timed> {
        self.plans.get(i).and_then(|m| m.get())
    }

    /// How plan `plan` fares on goal `goal`: `None` when the goal has no
    /// simulated target.
    pub fn chance(&self, plan: usize, goal: GoalId) -> Option<TargetOutcome> {
        let index = self
            .targets
            .with(|t| t.iter().position(|(id, _)| *id == goal))?;
        let memo = self.plans.get(plan)?;
        memo.with(|run| {
            run.as_ref()
                .and_then(|r| r.outcome.targets.get(index).copied())
        })
    }
}
