//! The one way a scenario's run is put together (`scenario::RunSpec`),
//! with its overrides, and a run's settings in words (`settings`).

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::plan::MAX_WEEKS;
use flywheel_core::model::{Metric, Scenario};
use flywheel_sim::flywheel::Freeze;
use flywheel_sim::goals::targets;
use flywheel_sim::monte_carlo::{goal_seek, trials_run, Run};
use flywheel_sim::scenario::{
    baseline_values, noise_of, run_scenario, seek_effect, RunSpec, GOAL_SEEK_TRIALS,
};
use flywheel_sim::settings::{horizon_choices, preview_trials, trial_choices, trials_note};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// Few trials, so the unoptimised test build stays quick; one goal on lead
/// time due in about 22 weeks.
fn scenario() -> Scenario {
    let mut s = Scenario::default();
    s.simulation.trials = 200;
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
fn a_spec_holds_the_scenario_s_own_settings_and_runs_as_the_scenario_does() {
    let s = scenario();
    let goal_targets = targets(&s.goals, today());
    let spec = RunSpec::new(&s, &goal_targets, None);
    assert_eq!(spec.weeks, 26);
    assert_eq!(spec.trials, 200);
    assert_eq!(spec.seed, s.simulation.seed);
    assert_eq!(spec.baseline, baseline_values(&s.baseline));
    assert_eq!(spec.noise, noise_of(&s));
    assert_eq!(spec.targets.len(), 1);
    let outcome = spec.outcome(s.simulation.chosen_plan());
    assert_eq!(Some(&outcome), run_scenario(&s, today()).outcome.as_ref());
    // Any plan of the scenario runs with the same spec.
    let other = spec.outcome(&s.simulation.plans[2]);
    assert_ne!(other, outcome);
    assert_eq!(other.targets.len(), 1);
}

#[test]
fn overrides_change_only_trials_or_weeks() {
    let s = scenario();
    let spec = RunSpec::new(&s, &[], None);
    let plan = s.simulation.chosen_plan();
    let few = spec.clone().with_trials(100).outcome(plan);
    assert_eq!((few.trials, few.weeks), (100, 26));
    let long = spec.clone().with_weeks(40).outcome(plan);
    assert_eq!((long.trials, long.weeks), (200, 40));
    // Same seed: the first 26 weeks of the longer run are the shorter one's.
    let short = spec.outcome(plan);
    assert_eq!(long.bands[..=26], short.bands[..]);
}

#[test]
fn a_run_asked_for_more_than_its_work_allows_reports_what_ran() {
    let mut s = scenario();
    s.simulation.horizon_weeks = MAX_WEEKS;
    let spec = RunSpec::new(&s, &[], None).with_trials(50_000);
    assert_eq!(trials_run(50_000, MAX_WEEKS), 20_000);
    // Only the count is checked here; a full run is the bounds test's.
    let tiny = RunSpec::new(&s, &[], None).with_trials(10);
    assert_eq!(tiny.outcome(s.simulation.chosen_plan()).trials, 10);
    assert_eq!(spec.trials, 50_000);
}

#[test]
fn the_freeze_can_be_left_out_of_the_same_run() {
    let s = scenario();
    let freeze = Freeze {
        frozen_fraction: 0.2,
        deploy_factor: 0.8,
        lead_factor: 1.1,
    };
    let with = RunSpec::new(&s, &[], Some(freeze));
    let without = with.clone().without_freeze();
    assert_eq!(without, RunSpec::new(&s, &[], None));
    let plan = s.simulation.chosen_plan();
    assert_ne!(with.outcome(plan), without.outcome(plan));
}

#[test]
fn goal_seek_runs_to_the_later_of_deadline_and_horizon() {
    let s = scenario();
    let (_, target) = targets(&s.goals, today())[0];
    let noise = noise_of(&s);
    let by_hand = |confidence| {
        goal_seek(
            &Run {
                plan: s.simulation.chosen_plan(),
                baseline: baseline_values(&s.baseline),
                weeks: 26.max(target.week),
                trials: GOAL_SEEK_TRIALS,
                seed: s.simulation.seed,
                targets: &[],
                noise: &noise,
                freeze: None,
            },
            target,
            confidence,
        )
    };
    let half = seek_effect(&s, target, None, 0.5);
    assert_eq!(half, by_hand(0.5));
    assert!(half.is_some());
    // A plan with no improvement capacity can reach nothing.
    let mut trapped = s.clone();
    trapped.simulation.chosen = 2;
    assert_eq!(seek_effect(&trapped, target, None, 0.5), None);
}

#[test]
fn the_horizon_offered_is_the_one_simulated() {
    let mut s = Scenario::default();
    s.simulation.horizon_weeks = 78;
    let names: Vec<String> = horizon_choices(&s.simulation)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(
        names,
        ["26 weeks", "52 weeks", "78 weeks", "104 weeks", "156 weeks"]
    );
    assert!(horizon_choices(&s.simulation).contains(&(78, "78 weeks".to_string())));
}

#[test]
fn trial_counts_say_when_fewer_run_than_chosen() {
    let mut s = Scenario::default();
    assert_eq!(
        trial_choices(&s.simulation),
        [
            (1_000, "1,000 trials".to_string()),
            (10_000, "10,000 trials".to_string()),
            (50_000, "50,000 trials".to_string()),
        ]
    );
    s.simulation.horizon_weeks = 156;
    assert_eq!(
        trial_choices(&s.simulation)[2].1,
        "50,000 trials (20,000 run over 156 weeks)"
    );
    assert_eq!(trials_note(10_000, 104, 10_000), None);
    let capped = trials_note(50_000, 156, 20_000).unwrap();
    assert!(
        capped.starts_with("That is fewer than the 50,000 trials chosen"),
        "{capped}"
    );
    assert!(capped.contains("3,120,000 trial-weeks"), "{capped}");
    assert!(
        capped.ends_with("over 156 weeks is 20,000 trials."),
        "{capped}"
    );
    // 80,000 trial-weeks over 52 weeks is 1,538 trials; a run asking for
    // fewer previews with all of its own.
    assert_eq!(preview_trials(52, 10_000), 1_538);
    assert_eq!(preview_trials(156, 10_000), 512);
    assert_eq!(preview_trials(52, 300), 300);
    assert_eq!(preview_trials(1, 10_000), 5_000);
    let preview = trials_note(10_000, 52, 1_538).unwrap();
    assert!(
        preview.contains("10,000 trials run when it is released"),
        "{preview}"
    );
}
