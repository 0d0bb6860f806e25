//! The improvement simulation: closed-form curves against domain.md §4's
//! figures, and the Monte Carlo runner's properties (§5).

use flywheel_core::model::plan::{Coupling, Plan, Preset};
use flywheel_core::model::Metric;
use flywheel_sim::compound::{
    approach, compound, doubling_time, half_life, rate_for_half_life, required_rate,
};
use flywheel_sim::flywheel::{Freeze, Noise};
use flywheel_sim::monte_carlo::{goal_seek, run, Outcome, Run, Target};

mod pinned;

/// Deploys/day, lead hours, CFR %, recovery hours, rework %: a team deploying
/// twice a month with a 5-day lead time.
const BASELINE: [f64; 5] = [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0];

fn simulate(plan: &Plan, trials: u32, seed: u64, targets: &[Target]) -> Outcome {
    let noise = Noise::default();
    run(&Run {
        plan,
        baseline: BASELINE,
        weeks: 52,
        trials,
        seed,
        targets,
        noise: &noise,
        freeze: None,
    })
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

#[test]
fn plain_compounding_matches_the_worked_figures() {
    assert_eq!(round(compound(0.01, 52.0), 3), 1.678);
    assert_eq!(round(compound(0.01, 365.0), 2), 37.78);
    assert_eq!(round(compound(-0.01, 365.0), 4), 0.0255);
    assert_eq!(round(doubling_time(0.01).unwrap(), 1), 69.7);
    assert!(doubling_time(0.0).is_none());
}

#[test]
fn required_rate_for_the_seed_example() {
    // 2 deploys a month to 4 a week: an 8.7× increase (domain.md §4).
    let per_day_now = 2.0 * 12.0 / 365.0;
    let per_day_goal = 4.0 / 7.0;
    assert_eq!(round(per_day_goal / per_day_now, 1), 8.7);
    let weekly = required_rate(per_day_now, per_day_goal, 40.0).unwrap();
    assert_eq!(round(weekly * 100.0, 1), 5.6);
    assert!(required_rate(0.0, 1.0, 10.0).is_none());
    assert!(required_rate(1.0, 2.0, 0.0).is_none());
}

#[test]
fn half_life_curve_reaches_the_midpoint_at_one_half_life() {
    let r = rate_for_half_life(8.0);
    let x = approach(100.0, 20.0, r, 8.0);
    assert!((x - 60.0).abs() < 1e-9, "{x}");
    assert!((half_life(r).unwrap() - 8.0).abs() < 1e-9);
    // The bound is approached, never crossed, even after a long time.
    assert!(approach(100.0, 20.0, 0.5, 1e6) >= 20.0);
    assert_eq!(approach(100.0, 20.0, 1.5, 3.0), 20.0);
}

#[test]
fn a_deterministic_plan_follows_the_closed_form_curve() {
    let plan = Plan {
        success_pct: 100.0,
        effect_spread_pct: 0.0,
        noise_pct: 0.0,
        erosion_pct_per_week: 0.0,
        coupling: Coupling {
            enabled: false,
            ..Coupling::default()
        },
        ..Plan::preset(Preset::Kaizen)
    };
    let outcome = simulate(&plan, 10, 1, &[]);
    // 26 two-week cycles, each closing 4% of the gap to the 1-hour floor.
    let expected = approach(120.0, 1.0, 0.04, 26.0);
    let lead = outcome.series(Metric::LeadTime);
    // Trials run in single precision: within a few units in the seventh
    // significant digit after 26 cycles.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b;
    assert!(
        close(lead[52].p50, expected),
        "{} vs {expected}",
        lead[52].p50
    );
    assert_eq!(lead[1].p50, 120.0, "no change before the first cycle ends");
    assert!(close(lead[2].p50, approach(120.0, 1.0, 0.04, 1.0)));
    // Every trial is identical: the band has no width.
    assert_eq!(lead[52].p10, lead[52].p90);
}

#[test]
fn bounds_are_never_crossed() {
    let mut plan = Plan::preset(Preset::QuarterlyOverhaul);
    plan.effect_pct = flywheel_core::model::plan::PerMetric::splat(90.0);
    plan.capacity_pct = 40.0;
    plan.noise_pct = 60.0;
    let outcome = simulate(&plan, 2000, 7, &[]);
    let b = plan.bounds;
    for week in &outcome.bands {
        assert!(week[0].p95 <= b.max_deploys_per_day + 1e-9);
        assert!(week[1].p10 >= b.min_lead_time_hours - 1e-9);
        assert!(week[2].p10 >= b.min_change_failure_rate - 1e-9);
        assert!(week[2].p95 <= 100.0);
        assert!(week[3].p10 >= b.min_recovery_hours - 1e-9);
        assert!(week[4].p10 >= b.min_rework_rate - 1e-9);
        for band in week {
            assert!(band.p10.is_finite() && band.p95.is_finite());
            assert!(band.p10 <= band.p50 && band.p50 <= band.p85);
            assert!(band.p85 <= band.p90 && band.p90 <= band.p95);
        }
    }
}

#[test]
fn a_fixed_seed_reproduces_exact_numbers() {
    let a = pinned::pinned_run(42);
    assert_eq!(a, pinned::pinned_run(42));
    assert_ne!(a.bands, pinned::pinned_run(43).bands);
    pinned::assert_pinned_numbers(&a);
}

#[test]
fn trial_counts_that_leave_a_block_part_empty_count_only_their_trials() {
    let plan = Plan::preset(Preset::QuarterlyOverhaul);
    let easy = [Target {
        metric: Metric::LeadTime,
        threshold: 1e6,
        week: 26,
        guard: None,
    }];
    // One to three trials fill part of the same block of four, whose lanes
    // follow the same paths whatever the count: one trial's value is one
    // of two trials' (their P10 and P95 are the lower and the higher), and
    // three trials' extremes enclose both.
    let [one, two, three] = [1, 2, 3].map(|trials| simulate(&plan, trials, 11, &easy));
    for week in 0..=52 {
        for m in 0..5 {
            let (a, b, c) = (one.bands[week][m], two.bands[week][m], three.bands[week][m]);
            assert_eq!(a.p10, a.p95);
            assert!(a.p50 == b.p10 || a.p50 == b.p95, "week {week}: {a:?} {b:?}");
            assert!(c.p10 <= b.p10 && b.p95 <= c.p95, "week {week}: {b:?} {c:?}");
        }
    }
    for trials in [1, 2, 3, 5, 4097] {
        let outcome = simulate(&plan, trials, 11, &easy);
        assert_eq!(outcome.trials, trials);
        assert_eq!(outcome.targets[0].p_meet, 1.0, "{trials} trials");
        for band in outcome.bands.iter().flatten() {
            assert!(band.p10.is_finite() && band.p10 <= band.p95, "{band:?}");
        }
    }
}

#[test]
fn baselines_and_bounds_at_the_edges_of_single_precision_stay_finite() {
    // A recovery time that rounds to 0 in single precision makes the
    // coupling's `0 × ∞`; a typed "-0" bound is a negative zero.
    let mut plan = Plan::preset(Preset::Kaizen);
    plan.bounds.min_change_failure_rate = -0.0;
    let noise = Noise::default();
    let outcome = run(&Run {
        plan: &plan,
        baseline: [2.0 * 12.0 / 365.0, 120.0, 0.0, 1e-300, 12.0],
        weeks: 52,
        trials: 500,
        seed: 3,
        targets: &[],
        noise: &noise,
        freeze: None,
    });
    for band in outcome.bands.iter().flatten() {
        assert!(band.p10.is_finite() && band.p95.is_finite(), "{band:?}");
    }
}

#[test]
fn more_trials_narrow_the_spread_of_estimates() {
    let plan = Plan::preset(Preset::Kaizen);
    let target = [Target {
        metric: Metric::LeadTime,
        threshold: 80.0,
        week: 52,
        guard: None,
    }];
    let spread = |trials: u32| {
        let estimates: Vec<f64> = (0..12)
            .map(|seed| simulate(&plan, trials, seed, &target).targets[0].p_meet)
            .collect();
        let mean = estimates.iter().sum::<f64>() / estimates.len() as f64;
        (estimates.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / estimates.len() as f64).sqrt()
    };
    let few = spread(100);
    let many = spread(4000);
    assert!(many < few / 2.0, "{many} vs {few}");
}

#[test]
fn easy_goals_are_near_certain_and_impossible_ones_near_zero() {
    let plan = Plan::preset(Preset::Kaizen);
    let targets = [
        // Lead time under ten times today's: already true.
        Target {
            metric: Metric::LeadTime,
            threshold: 1200.0,
            week: 52,
            guard: None,
        },
        // Lead time under half the pipeline's floor: impossible.
        Target {
            metric: Metric::LeadTime,
            threshold: 0.5,
            week: 52,
            guard: None,
        },
        // Deploy more than the pipeline's ceiling: impossible.
        Target {
            metric: Metric::DeployFrequency,
            threshold: 25.0,
            week: 52,
            guard: None,
        },
    ];
    let outcome = simulate(&plan, 2000, 3, &targets);
    assert!(outcome.targets[0].p_meet > 0.99);
    assert_eq!(outcome.targets[1].p_meet, 0.0);
    assert_eq!(outcome.targets[2].p_meet, 0.0);
}

#[test]
fn a_guard_is_counted_separately_and_jointly() {
    let plan = Plan::preset(Preset::Kaizen);
    let targets = [Target {
        metric: Metric::DeployFrequency,
        threshold: BASELINE[0],
        week: 52,
        guard: Some((Metric::ChangeFailureRate, 0.5)),
    }];
    let outcome = simulate(&plan, 1000, 5, &targets);
    let t = outcome.targets[0];
    assert!(t.p_meet > 0.9);
    assert_eq!(t.p_guard, Some(0.0), "CFR cannot fall below its 1% floor");
    assert_eq!(t.p_both, 0.0);
}

#[test]
fn coupling_switched_off_equals_the_uncoupled_model() {
    let plan = Plan::preset(Preset::Kaizen);
    let zero = Plan {
        coupling: Coupling {
            enabled: true,
            recovery_to_frequency: 0.0,
            frequency_to_flow: 0.0,
            reinvest_share: 0.0,
            ..Coupling::default()
        },
        ..plan.clone()
    };
    let a = simulate(&plan.uncoupled(), 500, 11, &[]);
    let b = simulate(&zero, 500, 11, &[]);
    assert_eq!(a, b);
    // With the flywheel on, the same draws compound into more improvement.
    let coupled = simulate(&plan, 500, 11, &[]);
    let df = |o: &Outcome| o.series(Metric::DeployFrequency)[52].p50;
    let lt = |o: &Outcome| o.series(Metric::LeadTime)[52].p50;
    assert!(df(&coupled) > df(&a), "{} vs {}", df(&coupled), df(&a));
    assert!(lt(&coupled) < lt(&a));
}

#[test]
fn the_capability_trap_erodes_and_kaizen_improves() {
    let trap = simulate(&Plan::preset(Preset::CapabilityTrap), 500, 2, &[]);
    let kaizen = simulate(&Plan::preset(Preset::Kaizen), 500, 2, &[]);
    assert!(trap.series(Metric::LeadTime)[52].p50 > 120.0);
    assert!(kaizen.series(Metric::LeadTime)[52].p50 < 120.0);
    let canary = simulate(&Plan::preset(Preset::CanaryPilot), 500, 2, &[]);
    let cfr = canary.series(Metric::ChangeFailureRate)[52];
    assert!(cfr.p50 < 6.0 && cfr.p10 >= 2.0, "{cfr:?}");
}

#[test]
fn goal_seek_finds_the_effect_needed() {
    let plan = Plan {
        noise_pct: 5.0,
        ..Plan::preset(Preset::Kaizen)
    };
    let noise = Noise::default();
    let spec = Run {
        plan: &plan,
        baseline: BASELINE,
        weeks: 52,
        trials: 400,
        seed: 9,
        targets: &[],
        noise: &noise,
        freeze: None,
    };
    let target = Target {
        metric: Metric::LeadTime,
        threshold: 48.0,
        week: 52,
        guard: None,
    };
    let p50 = goal_seek(&spec, target, 0.5).expect("reachable");
    let p85 = goal_seek(&spec, target, 0.85).expect("reachable");
    assert!(p85 > p50, "{p85} vs {p50}");
    let check = |effect: f64| {
        let mut p = plan.clone();
        p.effect_pct.lead_time = effect;
        run(&Run {
            plan: &p,
            targets: &[target],
            ..spec
        })
        .targets[0]
            .p_meet
    };
    assert!(check(p50) >= 0.5);
    assert!(check(p50 * 0.9) < 0.5);
    let impossible = Target {
        threshold: 0.5,
        ..target
    };
    assert_eq!(goal_seek(&spec, impossible, 0.5), None);
}

#[test]
fn presets_are_valid_and_bad_plans_are_explained() {
    for preset in Preset::ALL {
        assert_eq!(Plan::preset(preset).problem(), None, "{preset:?}");
        assert!(!preset.description().is_empty());
    }
    let bad = Plan {
        cycle_weeks: 0,
        ..Plan::default()
    };
    assert!(bad.problem().unwrap().contains("cycle"));
    let bad = Plan {
        capacity_pct: f64::NAN,
        ..Plan::default()
    };
    assert!(bad.problem().is_some());
    let mut bad = Plan::default();
    bad.bounds.max_deploys_per_day = 0.0;
    assert!(bad.problem().is_some());
}

#[test]
fn imported_weekly_counts_are_resampled_for_deployment_frequency() {
    use flywheel_core::model::import::Measured;
    let measured = Measured {
        weekly_deploys: vec![2, 4, 0, 2],
        ..Measured::default()
    };
    let noise = Noise::from_measured(&measured);
    // Mean 2 a week: multipliers on the interval between deployments.
    assert_eq!(noise.empirical[0], vec![1.0, 0.5, f64::INFINITY, 1.0]);
    assert!(noise.empirical[1..].iter().all(Vec::is_empty));
    let too_short = Measured {
        weekly_deploys: vec![3, 1],
        ..Measured::default()
    };
    assert_eq!(Noise::from_measured(&too_short), Noise::default());

    // Before the first cycle ends only the resampled variation moves the
    // measured frequency: week 1 takes exactly the three distinct values.
    let plan = Plan {
        erosion_pct_per_week: 0.0,
        ..Plan::preset(Preset::Kaizen)
    };
    let outcome = run(&Run {
        plan: &plan,
        baseline: BASELINE,
        weeks: 1,
        trials: 400,
        seed: 4,
        targets: &[],
        noise: &noise,
        freeze: None,
    });
    let week1 = outcome.series(Metric::DeployFrequency)[1];
    let per_day = BASELINE[0];
    // In single precision, as trials run.
    assert!((week1.p50 - per_day).abs() < 1e-7 * per_day, "{week1:?}");
    assert!(
        (week1.p95 - 2.0 * per_day).abs() < 1e-7 * per_day,
        "{week1:?}"
    );
    assert!(
        week1.p10 < per_day / 10.0,
        "a week without deploys: {week1:?}"
    );
    assert!(week1.p10.is_finite() && week1.p10 > 0.0);
}

fn simulate_with_freeze(plan: &Plan, freeze: Option<Freeze>) -> Outcome {
    let noise = Noise::default();
    run(&Run {
        plan,
        baseline: BASELINE,
        weeks: 52,
        trials: 2_000,
        seed: 11,
        targets: &[],
        noise: &noise,
        freeze,
    })
}

#[test]
fn a_freeze_that_never_bites_changes_nothing() {
    let plan = Plan::preset(Preset::Kaizen);
    let idle = Freeze {
        frozen_fraction: 0.0,
        deploy_factor: 1.0,
        lead_factor: 1.0,
    };
    assert_eq!(
        simulate_with_freeze(&plan, None),
        simulate_with_freeze(&plan, Some(idle))
    );
}

#[test]
fn frozen_time_buys_reliability_and_costs_delivery() {
    let plan = Plan::preset(Preset::Kaizen);
    let freeze = Freeze {
        frozen_fraction: 0.1,
        deploy_factor: 0.9,
        lead_factor: 1.2,
    };
    let without = simulate_with_freeze(&plan, None);
    let with = simulate_with_freeze(&plan, Some(freeze));
    let at = |o: &Outcome, m: Metric| o.series(m)[52].p50;
    // Reliability work: a quarter of the 10% of the time frozen, 2.5
    // points, adds to the 10% capacity spent on change failure rate and
    // recovery time.
    assert!(at(&with, Metric::ChangeFailureRate) < at(&without, Metric::ChangeFailureRate));
    assert!(at(&with, Metric::RecoveryTime) < at(&without, Metric::RecoveryTime));
    // Delivery bears the freeze from the first week, before any cycle has
    // run: every trial's measured deployment frequency moves by the same
    // factor, and its lead time by the same hours. (This figure moved when
    // the coupling changed: a lead factor of 1.2 multiplied the measured
    // lead time; now the 24 hours it stands for at the 120-hour baseline
    // are added, so the wait does not grow or shrink with the lead time.)
    let ratio = |m: Metric| with.series(m)[1].p50 / without.series(m)[1].p50;
    let added = |m: Metric| with.series(m)[1].p50 - without.series(m)[1].p50;
    assert!((added(Metric::LeadTime) - 0.2 * 120.0).abs() < 1e-4);
    assert!((ratio(Metric::DeployFrequency) - 0.9).abs() < 1e-6);
    // Less firefighting frees capacity the flywheel reinvests everywhere.
    assert!(at(&with, Metric::ReworkRate) <= at(&without, Metric::ReworkRate));
}

#[test]
fn with_no_improvement_capacity_a_freeze_is_the_only_reliability_work() {
    let trap = Plan::preset(Preset::CapabilityTrap);
    let freeze = Freeze {
        frozen_fraction: 0.2,
        deploy_factor: 0.8,
        lead_factor: 1.1,
    };
    let without = simulate_with_freeze(&trap, None);
    let with = simulate_with_freeze(&trap, Some(freeze));
    let cfr = |o: &Outcome| o.series(Metric::ChangeFailureRate)[52].p50;
    assert!(cfr(&without) >= 18.0, "a trapped team erodes");
    assert!(cfr(&with) < 18.0, "frozen time still improves reliability");
}

#[test]
fn results_export_as_csv_with_one_row_per_plan_week_and_metric() {
    let plan = Plan::preset(Preset::Kaizen);
    let outcome = simulate(&plan, 100, 3, &[]);
    let csv = flywheel_sim::monte_carlo::results_csv(&[("Kaizen, tuned", &outcome)]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "plan,week,metric,unit,p10,p50,p85,p90,p95");
    assert_eq!(lines.len(), 1 + 53 * 5);
    let lead = outcome.series(Metric::LeadTime)[52];
    let row = lines
        .iter()
        .find(|l| l.starts_with("\"Kaizen, tuned\",52,lead-time,"))
        .expect("week 52's lead time");
    assert!(row.ends_with(&format!(
        "{},{},{},{},{}",
        lead.p10, lead.p50, lead.p85, lead.p90, lead.p95
    )));
    // Week 0 is the baseline itself.
    assert!(
        lines[2].starts_with("\"Kaizen, tuned\",0,lead-time,hours,120,120,"),
        "{}",
        lines[2]
    );
    // A plan name a spreadsheet would run as a formula is written as text.
    let csv = flywheel_sim::monte_carlo::results_csv(&[("=HYPERLINK(\"x\")", &outcome)]);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("\"'=HYPERLINK(\"\"x\"\")\",0,"),
        "{csv}"
    );
}

#[test]
fn plan_names_cannot_become_spreadsheet_formulas_in_the_results_csv() {
    let plan = Plan::preset(Preset::Kaizen);
    let outcome = simulate(&plan, 100, 3, &[]);
    let csv = flywheel_sim::monte_carlo::results_csv(&[
        ("=HYPERLINK(\"http://evil.example\",\"Kaizen\")", &outcome),
        ("-2+3", &outcome),
        ("@SUM(A1:A9)", &outcome),
    ]);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3 * 53 * 5);
    // OWASP: a leading = + - @ is neutralised with a quote; RFC 4180 quotes
    // the cell holding commas and doubles its quotes.
    assert!(rows[0].starts_with(
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Kaizen\"\")\",0,deploy-frequency,"
    ));
    assert!(rows[265].starts_with("'-2+3,0,"), "{}", rows[265]);
    assert!(rows[530].starts_with("'@SUM(A1:A9),0,"), "{}", rows[530]);
    // No row starts with a formula character.
    assert!(rows.iter().all(|r| !r.starts_with(['=', '+', '-', '@'])));
}
