//! The simulation runs every screen shares: one lazy `Memo` per compared
//! plan, counting every goal's target. Nothing runs until a screen reads a
//! run, and a plan re-runs only when its own inputs change. Each run is put
//! together by `sim::scenario::RunSpec`, as every other run of a scenario.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use crate::model::goals::GoalId;
use crate::model::plan::{Plan, MAX_PLANS};
use crate::model::wording::{budget_lines, FrozenTime};
use crate::model::{Metric, Scenario};
use crate::sim::budget::FreezeOutcome;
use crate::sim::freeze::Contribution;
use crate::sim::goals::targets;
use crate::sim::monte_carlo::{Outcome, Target, TargetOutcome};
use crate::sim::scenario::{freeze_applies, policy_outcome, RunSpec};
use crate::sim::settings::preview_trials;

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
    scenario: RwSignal<Scenario>,
    chosen: Memo<usize>,
    spec: Memo<RunSpec>,
    plan_inputs: [Memo<Option<Plan>>; MAX_PLANS],
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
        // What every plan's run is made of; the targets are the goals',
        // memoised on their own so a goal's title does not re-run a plan.
        let spec = Memo::new(move |_| {
            let freeze = freeze.get().map(|o| o.freeze());
            goal_targets.with(|t| scenario.with(|s| RunSpec::new(s, t, freeze)))
        });
        let plan_inputs: [Memo<Option<Plan>>; MAX_PLANS] = std::array::from_fn(|i| {
            Memo::new(move |_| {
                scenario
                    .with(|s| s.simulation.plans.get(i).cloned())
                    .filter(|p| p.problem().is_none())
            })
        });
        let plans = std::array::from_fn(|i| {
            let plan = plan_inputs[i];
            Memo::new(move |_| {
                let plan = plan.get()?;
                let preview = chosen.get() == i && dragging.get();
                let started = now_ms();
                let outcome = spec.with(|spec| {
                    if preview {
                        spec.clone()
                            .with_trials(preview_trials(spec.weeks, spec.trials))
                            .outcome(&plan)
                    } else {
                        spec.outcome(&plan)
                    }
                });
                Some(Timed {
                    outcome,
                    millis: now_ms() - started,
                })
            })
        });
        Runs {
            dragging,
            targets: goal_targets,
            policy,
            freeze,
            plans,
            scenario,
            chosen,
            spec,
            plan_inputs,
        }
    }

    /// How much of the chosen plan's results the freeze policy makes, when
    /// the plans run under it: the same run without it, compared (run
    /// only when read, and not again while a slider is dragged). Owned by
    /// the calling screen, so its code loads with the screens that show it.
    pub fn contribution(&self) -> Memo<Option<Contribution>> {
        let Runs {
            dragging,
            targets,
            freeze,
            plans,
            scenario,
            chosen,
            spec,
            plan_inputs,
            ..
        } = *self;
        Memo::new(move |previous: Option<&Option<Contribution>>| {
            let policy = freeze.get()?;
            // A preview while dragging would double its cost: keep the last
            // comparison until the full run.
            if dragging.get() {
                if let Some(kept) = previous {
                    return kept.clone();
                }
            }
            let i = chosen.get();
            let plan = plan_inputs.get(i)?.get()?;
            let with = plans.get(i)?.get()?;
            let without = spec.with(|spec| {
                spec.clone()
                    .without_freeze()
                    .with_trials(with.outcome.trials)
                    .outcome(&plan)
            });
            let lead = scenario.with(|s| s.baseline.value(Metric::LeadTime).unwrap_or(0.0));
            Some(
                targets.with(|t| {
                    Contribution::between(policy.freeze(), lead, &with.outcome, &without, t)
                }),
            )
        })
    }

    /// The error budget in sentences for `s` ([`budget_lines`]), with the
    /// freeze policy's simulated time frozen: the policy's simulation runs
    /// only when the policy freezes, as only then is its result said.
    pub fn budget_lines(&self, s: &Scenario, today: NaiveDate, now: NaiveDateTime) -> Vec<String> {
        let frozen = (s.slo.policy.freeze && s.slo.is_valid()).then(|| {
            let o = self.policy.get();
            FrozenTime {
                fraction: o.frozen_fraction,
                days_per_quarter: o.days_frozen_per_quarter,
            }
        });
        let under_freeze = self.freeze.with(Option::is_some);
        budget_lines(&s.slo, today, now, frozen, under_freeze)
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
