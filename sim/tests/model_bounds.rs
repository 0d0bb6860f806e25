//! Every Monte Carlo a screen starts is bounded in work, whatever the
//! inputs: each runs here at the largest inputs the limits accept, and must
//! stay within its stated work bound and a generous time bound (natively;
//! the browser's are measured in the end-to-end suite). Times print on
//! every run.
//!
//! The full-scale improvement run and goal-seek take minutes without
//! optimisation (the workspace's own crates build unoptimised in tests), so
//! those two run in optimised builds only:
//! `cargo test --release -p flywheel-sim --test model_bounds -- --nocapture`.
//! Their work bounds are checked in every build.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration as Elapsed, Instant};

use chrono::NaiveDate;
use flywheel_core::model::plan::{Plan, Preset, MAX_TRIALS, MAX_WEEKS};
use flywheel_core::model::slo::{MAX_INCIDENTS, MAX_TRIALS as MAX_QUARTERS};
use flywheel_core::model::{Duration, Metric, Rate, RatePeriod, Scenario, TimeUnit};
use flywheel_sim::budget::{draw_incidents, simulate_freeze_counted, Rates, MAX_FREEZE_WORK};
use flywheel_sim::flywheel::{Freeze, Noise};
use flywheel_sim::monte_carlo::{
    goal_seek, goal_seek_trials, run, trials_run, Run, Target, GOAL_SEEK_RUNS, MAX_TRIAL_WEEKS,
};
use flywheel_sim::random::seeded;

/// A time bound for work that takes well under a second in a release
/// build: generous natively, and far more so in the unoptimised test build.
fn generous(release_seconds: u64) -> Elapsed {
    let factor = if cfg!(debug_assertions) { 30 } else { 1 };
    Elapsed::from_secs(release_seconds * factor)
}

/// The largest plan the limits accept: every effect, the longest lag and
/// cycle-less noise at its most.
fn largest_plan() -> Plan {
    let mut p = Plan::preset(Preset::QuarterlyOverhaul);
    p.cycle_weeks = 1;
    p.capacity_pct = 100.0;
    p.noise_pct = 100.0;
    p.coupling.lag_weeks = Plan::MAX_LAG_WEEKS;
    p
}

#[test]
fn an_improvement_run_never_passes_its_trial_weeks() {
    // 100,000 trials over 156 weeks would be 15.6 million trial-weeks.
    assert_eq!(trials_run(MAX_TRIALS, MAX_WEEKS), 20_000);
    assert!(
        u64::from(trials_run(MAX_TRIALS, MAX_WEEKS)) * u64::from(MAX_WEEKS)
            <= u64::from(MAX_TRIAL_WEEKS)
    );
    for weeks in 0..=MAX_WEEKS + 10 {
        let trials = trials_run(MAX_TRIALS, weeks);
        assert!(
            u64::from(trials) * u64::from(weeks.clamp(1, MAX_WEEKS)) <= u64::from(MAX_TRIAL_WEEKS)
        );
    }
    // Ordinary runs are untouched: 10,000 × 104 and 50,000 × 52; the
    // Simulate screen's 50,000 over two years run 30,000.
    assert_eq!(trials_run(10_000, 104), 10_000);
    assert_eq!(trials_run(50_000, 52), 50_000);
    assert_eq!(trials_run(50_000, 104), 30_000);
    assert_eq!(trials_run(0, 0), 1);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "minutes unoptimised: run with --release")]
fn the_largest_improvement_run_is_timed() {
    let plan = largest_plan();
    let noise = Noise::default();
    let targets = [Target {
        metric: Metric::LeadTime,
        threshold: 1.0,
        week: MAX_WEEKS,
        guard: Some((Metric::ChangeFailureRate, 1.0)),
    }];
    let started = Instant::now();
    let outcome = run(&Run {
        plan: &plan,
        baseline: [100_000.0, 100_000.0 * 24.0, 100.0, 100_000.0 * 24.0, 100.0],
        weeks: MAX_WEEKS,
        trials: MAX_TRIALS,
        seed: u64::MAX,
        targets: &targets,
        noise: &noise,
        freeze: Some(Freeze {
            frozen_fraction: 1.0,
            deploy_factor: 0.0,
            lead_factor: 1e9,
        }),
    });
    let took = started.elapsed();
    println!(
        "largest improvement run: {} trials × {} weeks in {took:?}",
        outcome.trials, outcome.weeks
    );
    assert_eq!(outcome.trials, 20_000);
    assert!(u64::from(outcome.trials) * u64::from(outcome.weeks) <= u64::from(MAX_TRIAL_WEEKS));
    assert!(took < generous(3), "{took:?}");
    assert!(outcome
        .bands
        .iter()
        .flatten()
        .all(|b| [b.p10, b.p50, b.p85, b.p90, b.p95]
            .iter()
            .all(|v| v.is_finite())));
}

#[test]
fn a_goal_seek_search_never_passes_one_run_s_trial_weeks() {
    let per_run = goal_seek_trials(MAX_TRIALS, MAX_WEEKS);
    assert_eq!(per_run, 1_111);
    for weeks in 0..=MAX_WEEKS + 10 {
        let w = u64::from(weeks.clamp(1, MAX_WEEKS));
        let all = u64::from(goal_seek_trials(MAX_TRIALS, weeks)) * w * u64::from(GOAL_SEEK_RUNS);
        assert!(all <= u64::from(MAX_TRIAL_WEEKS), "{weeks}: {all}");
    }
    // The Simulate screen's 1,000 trials always fit.
    assert_eq!(goal_seek_trials(1_000, MAX_WEEKS), 1_000);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "minutes unoptimised: run with --release")]
fn the_largest_goal_seek_is_timed() {
    let plan = largest_plan();
    let noise = Noise::default();
    let target = Target {
        metric: Metric::LeadTime,
        threshold: 48.0,
        week: MAX_WEEKS,
        guard: None,
    };
    let started = Instant::now();
    let effect = goal_seek(
        &Run {
            plan: &plan,
            baseline: [0.1, 120.0, 18.0, 6.0, 12.0],
            weeks: MAX_WEEKS,
            trials: MAX_TRIALS,
            seed: 3,
            targets: &[],
            noise: &noise,
            freeze: None,
        },
        target,
        0.85,
    );
    let took = started.elapsed();
    println!("largest goal-seek: {effect:?} in {took:?}");
    assert!(effect.is_none_or(f64::is_finite));
    assert!(took < generous(3), "{took:?}");
}

/// Scenarios at the edges the limits allow, for the freeze Monte Carlo:
/// the most deployments, every one failing, the longest recovery, the
/// longest window, with and without the freeze, and a rate just above
/// Knuth's Poisson range.
fn freeze_cases() -> Vec<(&'static str, Scenario)> {
    let mut out = Vec::new();
    for (label, per_day, cfr, recovery, freeze) in [
        (
            "largest, no freeze",
            100_000.0,
            100.0,
            Duration::new(100_000.0, TimeUnit::Days),
            false,
        ),
        (
            "largest, freeze",
            100_000.0,
            100.0,
            Duration::new(100_000.0, TimeUnit::Days),
            true,
        ),
        (
            "30 failures an hour",
            720.0,
            100.0,
            Duration::new(1.0, TimeUnit::Minutes),
            false,
        ),
        (
            "busy team",
            20.0,
            30.0,
            Duration::new(2.0, TimeUnit::Hours),
            false,
        ),
        (
            "default team",
            2.0 / 30.4,
            18.0,
            Duration::new(6.0, TimeUnit::Hours),
            true,
        ),
    ] {
        let mut s = Scenario::default();
        s.baseline.deploy_frequency = Rate::new(per_day, RatePeriod::Day);
        s.baseline.change_failure_rate = cfr;
        s.baseline.recovery_time = recovery;
        s.slo.rolling_days = 90;
        s.slo.policy.trials = MAX_QUARTERS;
        s.slo.policy.freeze = freeze;
        assert!(s.is_valid(), "{label}");
        out.push((label, s));
    }
    out
}

#[test]
fn the_freeze_monte_carlo_stops_within_its_work_whatever_the_rates() {
    for (label, s) in freeze_cases() {
        let started = Instant::now();
        let (outcome, work) =
            simulate_freeze_counted(&s.slo, &s.baseline, 90, &mut seeded(s.slo.seed));
        let took = started.elapsed();
        println!(
            "freeze Monte Carlo, {label}: {} of {} quarters, {work} work units, {took:?}",
            outcome.trials, MAX_QUARTERS
        );
        // The last trial may start just below the bound: one trial's work at
        // most beyond it. An hour steps once, draws at most 31 uniforms for
        // its count and starts at most 50 incidents of 24 units and two
        // partial bins each; clearing and filling the 4,345 bins adds less
        // than another hour's worth.
        let one_trial = 181 * 24 * (1 + 31 + 50 * 26) + 2 * 4_345;
        assert!(work <= MAX_FREEZE_WORK + one_trial, "{label}: {work}");
        assert!(outcome.trials >= 1 && outcome.trials <= MAX_QUARTERS);
        assert!(
            outcome.frozen_fraction.is_finite() && (0.0..=1.0).contains(&outcome.frozen_fraction)
        );
        assert!(outcome.lead_time_hours_with_freeze.is_finite());
        assert!(took < generous(2), "{label}: {took:?}");
    }
}

#[test]
fn the_default_team_s_quarters_all_run() {
    let (_, s) = freeze_cases().pop().unwrap();
    let (outcome, work) = simulate_freeze_counted(&s.slo, &s.baseline, 90, &mut seeded(1));
    assert_eq!(outcome.trials, MAX_QUARTERS);
    assert!(work < MAX_FREEZE_WORK, "{work}");
}

#[test]
fn drawn_incidents_take_a_bounded_number_of_draws() {
    let origin = NaiveDate::from_ymd_opt(2100, 10, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for cfr in [100.0, 1.0, flywheel_core::model::limits::SMALLEST] {
        let mut s = Scenario::default();
        s.baseline.deploy_frequency = Rate::new(100_000.0, RatePeriod::Day);
        s.baseline.change_failure_rate = cfr;
        let rates = Rates::from(&s.baseline, &s.slo);
        let started = Instant::now();
        let drawn = draw_incidents(rates, origin, 90, &mut seeded(1));
        let took = started.elapsed();
        assert!(drawn.len() <= MAX_INCIDENTS);
        // None past the model's last date, 31 Dec 2100.
        assert!(drawn.iter().all(|i| i.is_valid()), "{cfr}");
        assert!(took < generous(1), "{took:?}");
    }
}
