//! The freeze coupling ("Run under the freeze policy", sim::freeze): its
//! reliability work is at most five points of improvement capacity, its
//! delivery cost is proportional to the days frozen and added, not
//! multiplied, and its size on the default scenario is pinned.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::plan::{PerMetric, Plan, Preset};
use flywheel_core::model::units::{TimeUnit, Units};
use flywheel_core::model::Metric;
use flywheel_core::model::Scenario;
use flywheel_sim::flywheel::{Freeze, Noise};
use flywheel_sim::freeze::{GoalShift, MetricShift, MAX_RELIABILITY_CAPACITY_PCT};
use flywheel_sim::monte_carlo::{run, Outcome, Run};
use flywheel_sim::scenario::run_scenario;

const BASELINE: [f64; 5] = [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0];

fn simulate(plan: &Plan, freeze: Option<Freeze>) -> Outcome {
    run(&Run {
        plan,
        baseline: BASELINE,
        weeks: 52,
        trials: 1_000,
        seed: 5,
        targets: &[],
        noise: &Noise::default(),
        freeze,
    })
}

fn only_frozen_time(f: f64) -> Freeze {
    Freeze {
        frozen_fraction: f,
        deploy_factor: 1.0,
        lead_factor: 1.0,
    }
}

#[test]
fn reliability_work_is_a_quarter_of_the_frozen_time_up_to_five_points() {
    // min(f × 100 × 0.25, 5): 10% frozen is 2.5 points, 20% reaches the cap.
    let cases = [
        (0.0, 0.0),
        (0.1, 2.5),
        (0.2, 5.0),
        (0.5, 5.0),
        (1.0, 5.0),
        (f64::NAN, 0.0),
    ];
    for (f, points) in cases {
        assert_eq!(
            only_frozen_time(f).reliability_capacity_pct(),
            points,
            "{f}"
        );
    }
    assert_eq!(MAX_RELIABILITY_CAPACITY_PCT, 5.0);
}

#[test]
fn a_freeze_is_exactly_capacity_on_reliability_and_never_more_than_five_points() {
    // A trapped team that only works on change failure rate and recovery:
    // always frozen, it improves exactly as the same team holding back 5% of
    // its capacity would, to the bit.
    let mut trap = Plan::preset(Preset::CapabilityTrap);
    trap.effect_pct = PerMetric {
        deploy_frequency: 0.0,
        lead_time: 0.0,
        rework_rate: 0.0,
        ..trap.effect_pct
    };
    let five = Plan {
        capacity_pct: 5.0,
        ..trap.clone()
    };
    assert_eq!(
        simulate(&trap, Some(only_frozen_time(1.0))),
        simulate(&five, None)
    );
    let half = Plan {
        capacity_pct: 2.5,
        ..trap.clone()
    };
    assert_eq!(
        simulate(&trap, Some(only_frozen_time(0.1))),
        simulate(&half, None)
    );
}

#[test]
fn delivery_bears_the_freeze_in_proportion_and_the_wait_is_added() {
    // No improvement, no variation: the measured values are exact.
    let mut flat = Plan::preset(Preset::CapabilityTrap);
    flat.erosion_pct_per_week = 0.0;
    flat.noise_pct = 0.0;
    let freeze = Freeze {
        frozen_fraction: 0.25,
        deploy_factor: 0.75,
        lead_factor: 1.5,
    };
    let with = simulate(&flat, Some(freeze));
    for week in [1, 26, 52] {
        let b = with.bands[week];
        // Deployment frequency × (1 − 0.25).
        assert!(
            (b[0].p50 - BASELINE[0] * 0.75).abs() < 1e-6 * BASELINE[0],
            "{week}"
        );
        // Lead time 120 h + (1.5 − 1) × 120 h = 180 h, every week.
        assert!((b[1].p50 - 180.0).abs() < 1e-3, "{week}: {}", b[1].p50);
    }
    // A team whose every deployment is frozen deploys as rarely as the
    // model's measurements go (once in six months), never not at all.
    let all = simulate(
        &flat,
        Some(Freeze {
            frozen_fraction: 1.0,
            deploy_factor: 0.0,
            lead_factor: 1.0,
        }),
    );
    assert!((all.bands[1][0].p50 - 1.0 / 182.5).abs() < 1e-6);
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// The case: the default scenario's Capability-trap plan, run under
/// the default SLO's freeze policy, with a change-failure goal for the year.
fn trapped() -> Scenario {
    let mut s = Scenario::default();
    s.simulation.chosen = 2;
    s.simulation.trials = 2_000;
    s.simulation.apply_freeze = true;
    let mut g = Goal::new(Level::Operational, "Fail less often", today());
    g.target = Some(MetricTarget {
        measure: Measure::Baseline(Metric::ChangeFailureRate),
        target: 15.0,
    });
    g.deadline = NaiveDate::from_ymd_opt(2026, 12, 31);
    s.goals.add(g).unwrap();
    s
}

#[test]
fn the_capability_trap_under_the_freeze_improves_a_little_and_pays_in_delivery() {
    let s = trapped();
    let run = run_scenario(&s, today());
    let c = run.freeze_contribution(&s.baseline).unwrap();
    // The default SLO's Monte Carlo (500 quarters, seed 1): frozen 21.06% of
    // the time, changes wait 67.18 h on average.
    assert_eq!(format!("{:.4}", c.freeze.frozen_fraction), "0.2106");
    assert_eq!(format!("{:.2}", c.lead_wait_hours), "67.18");
    // 21.06 × 0.25 = 5.27 points: capped at 5.
    assert_eq!(c.reliability_capacity_pct, 5.0);
    let shift = |m| c.metric(m).unwrap();
    let (cfr, recovery, lead) = (
        shift(Metric::ChangeFailureRate),
        shift(Metric::RecoveryTime),
        shift(Metric::LeadTime),
    );
    for m in [cfr, recovery, lead] {
        println!("{}", m.describe(Units::default()));
    }
    // Without the freeze the trapped team erodes; with it, change failure
    // rate and recovery time improve a little on the baseline (18%, 6 h)
    // and stay far from Elite (5%, under an hour): the freeze moves each by
    // at most 40% at the year's end.
    assert!(cfr.without > 18.0 && recovery.without > 6.0);
    assert!(cfr.with < cfr.without && recovery.with < recovery.without);
    assert!(cfr.with >= 0.6 * cfr.without, "{cfr:?}");
    assert!(recovery.with >= 0.6 * recovery.without, "{recovery:?}");
    assert!(cfr.with > 10.0 && recovery.with > 3.0);
    // Lead time bears the added wait: at most 60% longer than without.
    assert!(lead.with > lead.without);
    assert!(lead.with <= 1.6 * lead.without, "{lead:?}");
    // Week 1, before any cycle: exactly the wait on top.
    let with = run.outcome.as_ref().unwrap();
    let without = run.unfrozen.as_ref().unwrap();
    let week1 = |o: &Outcome| o.bands[1][1].p50;
    assert!((week1(with) - week1(without) - c.lead_wait_hours).abs() < 1e-3);
    // The goal's chance moves, but the freeze alone does not make it a
    // certainty.
    let goal = c.goals[0];
    println!("goal: {}", goal.describe());
    assert!(goal.without < 0.05, "{goal:?}");
    assert!(goal.with < 0.9, "{goal:?}");
    println!("{}", c.summary());
}

#[test]
fn without_the_freeze_switch_there_is_no_contribution_to_show() {
    let mut s = trapped();
    s.simulation.apply_freeze = false;
    let run = run_scenario(&s, today());
    assert!(run.unfrozen.is_none());
    assert!(run.freeze_contribution(&s.baseline).is_none());
}

#[test]
fn contributions_are_worded_with_units_and_signs() {
    let m = MetricShift {
        metric: Metric::ChangeFailureRate,
        without: 19.84,
        with: 16.2,
    };
    assert_eq!(
        m.describe(Units::default()),
        "Change failure rate: 16.2% with the freeze policy, 19.84% without."
    );
    assert!((m.difference() + 3.64).abs() < 1e-12);
    let lead = MetricShift {
        metric: Metric::LeadTime,
        without: 120.0,
        with: 187.18,
    };
    assert_eq!(
        lead.describe(Units::default()),
        "Lead time for changes: 187.18 hours with the freeze policy, 120 hours without."
    );
    // In the units the baseline was typed in: 187.18 h = 7.8 days.
    let days = Units {
        lead: TimeUnit::Days,
        ..Units::default()
    };
    assert_eq!(
        lead.describe(days),
        "Lead time for changes: 7.8 days with the freeze policy, 5 days without."
    );
    let g = GoalShift {
        goal: 1,
        without: 0.004,
        with: 0.376,
    };
    assert_eq!(
        g.describe(),
        "38% with the freeze policy, 0% without (+37 points)."
    );
    let worse = GoalShift {
        goal: 2,
        without: 0.62,
        with: 0.40,
    };
    assert_eq!(
        worse.describe(),
        "40% with the freeze policy, 62% without (−22 points)."
    );
}
