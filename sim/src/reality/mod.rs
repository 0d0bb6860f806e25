//! The chosen plan held against what actually happened since it started:
//! where each actual measurement falls among the plan's simulated futures
//! ([`place`]), and the chance of meeting each goal re-computed from the
//! latest actuals and the pace observed so far ([`pace`]), beside the plan's
//! own chance.
//!
//! The plan's run starts from the baseline history's snapshot the plan
//! started from (`History::plan_start`), with the scenario's seed, trials,
//! horizon, noise and freeze policy, and its goals' deadlines counted from
//! that day. The actuals are the history's readings since then (snapshots
//! and complete, solid months; `model::history`), each on the nearest whole
//! week from the start. The work is bounded: the plan's run (with the
//! placing counts added) and one re-run, each at most one run's
//! [`MAX_TRIAL_WEEKS`](crate::monte_carlo::MAX_TRIAL_WEEKS).

mod pace;
mod place;

use chrono::NaiveDate;

use crate::goals::targets;
use crate::monte_carlo::{Outcome, Run, Target, TargetOutcome};
use crate::scenario::{baseline_values, freeze_applies, noise_of, policy_outcome};
use flywheel_core::model::date::format_date;
use flywheel_core::model::goals::GoalId;
use flywheel_core::model::history::History;
use flywheel_core::model::plan::SIM_METRICS;
use flywheel_core::model::units::format_percent;
use flywheel_core::model::{Metric, Scenario};

pub use pace::{pace, recompute, Pace, Recomputed, MAX_PACE};
pub use place::{place, Placement};

/// How an actual is placed, for the screen.
pub const PLACEMENT_METHOD: &str = "Where an actual falls: Flywheel repeats the plan's own \
    run with the same seed, so the simulated futures are the same ones, and counts, at the \
    actual's week, the futures with a lower value and those with an equal one. The percentile \
    is the share lower plus half the share equal: at the 30th percentile, 30% of the plan's \
    futures had a lower value that week. Each actual sits on the nearest whole week after the \
    plan's start.";

/// How the chance is re-computed, for the screen.
pub const CHANCE_METHOD: &str = "The chance now: Flywheel runs the plan again from each \
    metric's latest actual (the plan's median where a metric has none), for the weeks left to \
    each deadline, with the same seed. Each metric's effect per cycle is scaled by its \
    observed pace: the part of the gap to its bound closed so far, over the part the plan's \
    median had closed by the same week (counted on a log scale, as the model compounds). 1 \
    means moving as planned, 0 not improving; it is held to at most 3. Where the plan's median \
    had not improved a metric, its effect stays as planned.";

/// One measurement since the plan started, on the plan's week scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Actual {
    pub date: NaiveDate,
    /// Whole weeks from the plan's start, rounded to the nearest.
    pub week: u32,
    pub metric: Metric,
    /// Canonical unit.
    pub value: f64,
    /// "the snapshot of 3 Jun 2026", "May 2026's figures".
    pub source: String,
}

/// Whole weeks from `start` to `date`, to the nearest (half a week up).
pub fn week_of(start: NaiveDate, date: NaiveDate) -> Option<u32> {
    let days = (date - start).num_days();
    u32::try_from((days * 2 + 7).div_euclid(14)).ok()
}

/// The history's readings of the simulated metrics after `start` and by
/// `today`, one per metric and week (the latest), within `1..=horizon`
/// weeks; and what was left out, in words.
pub fn actuals(
    history: &History,
    start: NaiveDate,
    today: NaiveDate,
    horizon: u32,
) -> (Vec<Actual>, Vec<String>) {
    let (mut out, mut thin, mut early, mut late) = (Vec::<Actual>::new(), 0, 0, 0);
    for metric in SIM_METRICS {
        for r in history.readings(metric, start, today) {
            if r.thin {
                thin += 1;
                continue;
            }
            match week_of(start, r.date) {
                Some(0) | None => early += 1,
                Some(w) if w > horizon => late += 1,
                Some(week) => {
                    out.retain(|a| !(a.metric == metric && a.week == week));
                    out.push(Actual {
                        date: r.date,
                        week,
                        metric,
                        value: r.value,
                        source: r.source_words(),
                    });
                }
            }
        }
    }
    out.sort_by_key(|a| (a.date, a.metric));
    let mut notes = Vec::new();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if thin > 0 {
        notes.push(format!(
            "{thin} monthly figure{} with too few samples left out.",
            plural(thin)
        ));
    }
    if early > 0 {
        notes.push(format!(
            "{early} reading{} from the plan's first half-week left out: the plan has not moved yet.",
            plural(early)
        ));
    }
    if late > 0 {
        notes.push(format!(
            "{late} reading{} after the simulated horizon ({horizon} weeks) left out.",
            plural(late)
        ));
    }
    (out, notes)
}

/// One goal's chance, as planned and now.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalReality {
    pub goal: GoalId,
    /// In the plan's own run from its start.
    pub original: TargetOutcome,
    /// From the latest actuals at the observed pace; `None` without
    /// actuals.
    pub now: Option<TargetOutcome>,
    pub words: String,
}

/// The plan against reality.
#[derive(Clone, Debug, PartialEq)]
pub struct Reality {
    /// The day the plan started.
    pub start: NaiveDate,
    /// The plan's own run from its start: the fan chart the actuals are
    /// drawn on.
    pub outcome: Outcome,
    pub actuals: Vec<Actual>,
    pub placements: Vec<Placement>,
    /// The re-run; `None` without actuals.
    pub recomputed: Option<Recomputed>,
    pub goals: Vec<GoalReality>,
    /// What was left out, and why.
    pub notes: Vec<String>,
    /// Trial-weeks simulated in all: at most twice one run's bound.
    pub trial_weeks: u64,
}

fn chance_words(
    label: &str,
    deadline: Option<NaiveDate>,
    original: f64,
    now: Option<(u32, f64)>,
) -> String {
    let by = deadline.map_or_else(String::new, |d| format!(" by {}", format_date(d)));
    let planned = format!(
        "{label}: {} of the plan's futures met it{by}",
        format_percent(original, 0)
    );
    match now {
        None => format!("{planned}; with no measurement since the plan started, that is still the chance."),
        Some((week, p)) => format!(
            "{planned}; from the latest measurements (week {week}) at the pace observed so far, {}.",
            format_percent(p, 0)
        ),
    }
}

/// Holds `s`'s chosen plan against its history, with today `today`.
/// Refused in words when the plan cannot run or no snapshot is marked as
/// its start.
pub fn plan_against_reality(s: &Scenario, today: NaiveDate) -> Result<Reality, String> {
    if let Some(p) = s.simulation.problem() {
        return Err(format!("The plan cannot be simulated: {p}"));
    }
    let Some(snapshot) = s.history.plan_start_snapshot() else {
        return Err(
            "Mark the snapshot the plan started from: the plan is held against the \
                    baseline it began with."
                .to_string(),
        );
    };
    let start = snapshot.date;
    if start > today {
        return Err(format!(
            "The plan's start ({}) is after today: re-date its snapshot first.",
            format_date(start)
        ));
    }
    let goal_targets = targets(&s.goals, start);
    let counted: Vec<Target> = goal_targets.iter().map(|(_, t)| *t).collect();
    let freeze =
        freeze_applies(s).then(|| policy_outcome(&s.slo, &snapshot.baseline, start).freeze());
    let noise = noise_of(s);
    let sim = &s.simulation;
    let run = Run {
        plan: sim.chosen_plan(),
        baseline: baseline_values(&snapshot.baseline),
        weeks: sim.horizon_weeks,
        trials: sim.trials,
        seed: sim.seed,
        targets: &counted,
        noise: &noise,
        freeze,
    };
    let (actuals, notes) = actuals(&s.history, start, today, sim.horizon_weeks);
    let (outcome, placements) = place(&run, &actuals);
    let recomputed = recompute(&run, &outcome, &actuals);
    let goals = goal_targets
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            let original = outcome.targets[i];
            let now = recomputed.as_ref().map(|r| r.outcome.targets[i]);
            let goal = s.goals.get(*id);
            let label = goal.map_or_else(String::new, |g| g.label());
            let words = chance_words(
                &label,
                goal.and_then(|g| g.deadline),
                original.p_both,
                recomputed
                    .as_ref()
                    .zip(now)
                    .map(|(r, n)| (r.week, n.p_both)),
            );
            GoalReality {
                goal: *id,
                original,
                now,
                words,
            }
        })
        .collect();
    let work = |o: &Outcome| u64::from(o.trials) * u64::from(o.weeks);
    let trial_weeks = work(&outcome) + recomputed.as_ref().map_or(0, |r| work(&r.outcome));
    Ok(Reality {
        start,
        outcome,
        actuals,
        placements,
        recomputed,
        goals,
        notes,
        trial_weeks,
    })
}
