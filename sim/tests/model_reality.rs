//! The plan against reality: where an actual falls among the plan's
//! simulated futures (against a fixed-seed run, pinned, and against the
//! run's own percentiles), the re-computed chance (equal to the plain run
//! when the team moves as the plan's median did; lower when slower, higher
//! when faster), a whole scenario's check, and the bound on its work.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::history::{Origin, Snapshot};
use flywheel_core::model::plan::{Plan, Preset, MAX_TRIALS, MAX_WEEKS, SIM_METRICS};
use flywheel_core::model::units::{Duration, TimeUnit};
use flywheel_core::model::{Metric, Scenario};
use flywheel_sim::flywheel::Noise;
use flywheel_sim::monte_carlo::{self, Run, Target, MAX_TRIAL_WEEKS};
use flywheel_sim::reality::{
    pace, place, plan_against_reality, recompute, week_of, Actual, MAX_PACE,
};

const BASELINE: [f64; 5] = [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0];

fn lead_target() -> [Target; 1] {
    [Target {
        metric: Metric::LeadTime,
        threshold: 72.0,
        week: 40,
        guard: None,
    }]
}

/// The pinned run's settings (`pinned/mod.rs`): Kaizen over a year, 1,000
/// trials, a lead-time goal of 72 hours by week 40.
fn with_run<T>(seed: u64, f: impl FnOnce(&Run) -> T) -> T {
    let plan = Plan::preset(Preset::Kaizen);
    let noise = Noise::default();
    let targets = lead_target();
    f(&Run {
        plan: &plan,
        baseline: BASELINE,
        weeks: 52,
        trials: 1000,
        seed,
        targets: &targets,
        noise: &noise,
        freeze: None,
    })
}

fn actual(week: u32, metric: Metric, value: f64) -> Actual {
    Actual {
        date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Duration::weeks(week.into()),
        week,
        metric,
        value,
        source: "a test".into(),
    }
}

#[test]
fn an_actual_is_placed_among_the_plan_s_own_futures() {
    with_run(7, |run| {
        let plain = monte_carlo::run(run);
        let at12 = plain.bands[12][1];
        let (outcome, placed) = place(
            run,
            &[
                actual(12, Metric::LeadTime, 100.0),
                actual(12, Metric::LeadTime, at12.p10),
                actual(12, Metric::LeadTime, at12.p50),
                actual(12, Metric::LeadTime, at12.p90),
                actual(30, Metric::DeployFrequency, plain.bands[30][0].p50),
                actual(60, Metric::LeadTime, 50.0),
            ],
        );
        // The counts draw nothing: the futures are the plan's own.
        assert_eq!(outcome, plain);
        // Week 60 lies past the 52-week horizon.
        assert_eq!(placed.len(), 5);
        // A stored percentile's own value, nearest-rank over 1,000 trials,
        // has ⌈q·n⌉ − 1 trials below and ⌈q·n⌉ at or below it (no ties
        // away from a bound), so its mid-rank is (⌈q·n⌉ − 0.5) / n: 9.95,
        // 49.95, 89.95.
        for (p, q) in placed[1..4].iter().zip([9.95, 49.95, 89.95]) {
            assert!((p.percentile - q).abs() < 1e-9, "{} vs {q}", p.percentile);
        }
        assert!(
            (placed[4].percentile - 49.95).abs() < 1e-9,
            "higher-is-better too"
        );
        // Pinned: lead time of 100 hours after 12 weeks of this run.
        let p = &placed[0];
        assert_eq!(format!("{:.2}", p.percentile), "47.90");
        assert_eq!(
            p.words,
            "Lead time for changes is at the plan's 48th percentile after 12 weeks (a test): 48% of the simulated futures had a lower value, so it is ahead of the plan's median."
        );
        assert_eq!(
            placed[2].words,
            "Lead time for changes is at the plan's 50th percentile after 12 weeks (a test): 50% of the simulated futures had a lower value, so it is level with the plan's median."
        );
    });
}

#[test]
fn an_actual_beyond_every_future_says_so() {
    with_run(7, |run| {
        let (_, placed) = place(
            run,
            &[
                actual(12, Metric::LeadTime, 0.5),
                actual(12, Metric::LeadTime, 10_000.0),
                actual(12, Metric::DeployFrequency, 19.0),
            ],
        );
        assert_eq!(placed[0].percentile, 0.0);
        assert!(placed[0].words.starts_with(
            "Lead time for changes is below every simulated future after 12 weeks (a test): better"
        ));
        assert_eq!(placed[1].percentile, 100.0);
        assert!(placed[1].words.contains("above every simulated future"));
        assert!(placed[2]
            .words
            .contains("above every simulated future after 12 weeks (a test): better"));
    });
}

#[test]
fn moving_as_the_plan_s_median_did_gives_the_plain_run() {
    with_run(7, |run| {
        let plain = monte_carlo::run(run);
        let week = 12;
        let medians: Vec<Actual> = SIM_METRICS
            .iter()
            .enumerate()
            .map(|(m, &metric)| actual(week, metric, plain.bands[week as usize][m].p50))
            .collect();
        let r = recompute(run, &plain, &medians).unwrap();
        assert_eq!(r.week, 12);
        assert!(r.paces.iter().all(|p| p.scale == 1.0), "{:?}", r.paces);
        assert!(
            r.paces.iter().all(|p| p.ratio == Some(1.0)),
            "{:?}",
            r.paces
        );
        // The re-run is the plain run of the unchanged plan from the
        // medians, over the 40 weeks left, the goal at week 40 − 12 = 28.
        let start: [f64; 5] = std::array::from_fn(|m| plain.bands[12][m].p50);
        let shifted = [Target {
            week: 28,
            ..lead_target()[0]
        }];
        let by_hand = monte_carlo::run(&Run {
            baseline: start,
            weeks: 40,
            targets: &shifted,
            ..*run
        });
        assert_eq!(r.outcome, by_hand);
        assert_eq!(r.outcome.targets[0].p_both, by_hand.targets[0].p_both);
        // Pinned: the plan's own chance, and the chance from its median
        // at week 12.
        assert_eq!(format!("{:.3}", plain.targets[0].p_both), "0.780");
        assert_eq!(format!("{:.3}", r.outcome.targets[0].p_both), "0.733");
    });
}

#[test]
fn a_slower_pace_lowers_the_chance_and_a_faster_one_raises_it() {
    with_run(7, |run| {
        let plain = monte_carlo::run(run);
        let at12 = plain.bands[12][1];
        let chance = |lead: f64| {
            let r = recompute(run, &plain, &[actual(12, Metric::LeadTime, lead)]).unwrap();
            (r.paces[0].scale, r.outcome.targets[0].p_both)
        };
        let (stalled, p_stalled) = chance(120.0);
        let (median, p_median) = chance(at12.p50);
        let (ahead, p_ahead) = chance(at12.p10);
        assert_eq!(stalled, 0.0, "no improvement since the start");
        assert_eq!(median, 1.0);
        assert!(ahead > 1.0 && ahead <= MAX_PACE);
        assert!(p_stalled < p_median && p_median < p_ahead);
        // Pinned, with the pace the faster team showed.
        assert_eq!(
            format!("{p_stalled:.3} {p_median:.3} {p_ahead:.3} {ahead:.3}"),
            "0.000 0.733 0.998 1.892"
        );
    });
}

#[test]
fn pace_is_the_log_gap_closed_over_the_plan_s() {
    let plan = Plan::preset(Preset::Kaizen);
    // Lead time from 120 h toward the 1 h floor: gap 119. The median at
    // 60 h (gap 59) has closed ln(59/119); an actual at 90 h (gap 89)
    // ln(89/119): pace = ln(89/119) / ln(59/119) = 0.4140.
    let p = pace(&plan, 1, 120.0, 60.0, 90.0).unwrap();
    let by_hand = (89.0f64 / 119.0).ln() / (59.0f64 / 119.0).ln();
    assert!((p - by_hand).abs() < 1e-12 && (p - 0.4140).abs() < 1e-4);
    // Worse than the start: 0. Far ahead: held to 3.
    assert_eq!(pace(&plan, 1, 120.0, 60.0, 130.0), Some(0.0));
    assert_eq!(pace(&plan, 1, 120.0, 60.0, 1.0), Some(MAX_PACE));
    // A median that has not improved gives no pace to compare, nor does a
    // start already at the bound.
    assert_eq!(pace(&plan, 1, 120.0, 121.0, 90.0), None);
    assert_eq!(pace(&plan, 1, 0.5, 0.5, 0.5), None);
    // Deployment frequency is held as the interval between deployments:
    // 1 a week → 2 a week planned, 1.5 a week measured.
    let df = pace(&plan, 0, 1.0 / 7.0, 2.0 / 7.0, 1.5 / 7.0).unwrap();
    let gap = |per_day: f64| 1.0 / per_day - 1.0 / 20.0;
    let by_hand = (gap(1.5 / 7.0) / gap(1.0 / 7.0)).ln() / (gap(2.0 / 7.0) / gap(1.0 / 7.0)).ln();
    assert!((df - by_hand).abs() < 1e-12);
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn scenario(trials: u32, weeks: u32) -> Scenario {
    let start = day(2026, 1, 5);
    let mut s = Scenario::default();
    s.simulation.trials = trials;
    s.simulation.horizon_weeks = weeks;
    let goal = Goal {
        owner: "Payments".into(),
        target: Some(MetricTarget {
            measure: Measure::Baseline(Metric::LeadTime),
            target: 72.0,
        }),
        deadline: Some(day(2026, 10, 12)),
        ..Goal::new(Level::Operational, "Ship within three days", start)
    };
    s.goals.add(goal).unwrap();
    let keep = |s: &mut Scenario, date, lead_days: f64| {
        let mut snap = Snapshot::of(s, date);
        snap.baseline.lead_time = Duration::new(lead_days, TimeUnit::Days);
        snap.origin = Origin::Typed;
        s.history.keep(snap, day(2026, 6, 1)).unwrap();
    };
    keep(&mut s, start, 5.0);
    keep(&mut s, day(2026, 1, 7), 5.0);
    keep(&mut s, day(2026, 3, 30), 4.0);
    keep(&mut s, day(2026, 5, 25), 3.5);
    s.history.set_plan_start(Some(start)).unwrap();
    s
}

#[test]
fn a_scenario_holds_its_plan_against_its_history() {
    let s = scenario(1_000, 52);
    let today = day(2026, 6, 1);
    let r = plan_against_reality(&s, today).unwrap();
    assert_eq!(r.start, day(2026, 1, 5));
    // 7 Jan is two days in (week 0): left out. 30 Mar is week 12, 25 May
    // week 20; each snapshot gives all five simulated metrics.
    assert_eq!(week_of(r.start, day(2026, 3, 30)), Some(12));
    assert_eq!(week_of(r.start, day(2026, 1, 8)), Some(0));
    assert_eq!(week_of(r.start, day(2026, 1, 9)), Some(1));
    assert_eq!(r.actuals.len(), 10);
    assert_eq!(r.placements.len(), 10);
    assert_eq!(
        r.notes,
        ["5 readings from the plan's first half-week left out: the plan has not moved yet."]
    );
    let rerun = r.recomputed.as_ref().unwrap();
    assert_eq!(rerun.week, 20);
    assert_eq!(r.goals.len(), 1);
    let g = &r.goals[0];
    assert!(g.words.starts_with("Operational: Ship within three days: "));
    assert!(g.words.contains("of the plan's futures met it by 12 Oct 2026; from the latest measurements (week 20) at the pace observed so far, "));
    assert!(g.now.is_some());
    assert!(r.trial_weeks <= 2 * u64::from(MAX_TRIAL_WEEKS));

    // Without a marked start, or with a plan that cannot run, it says why.
    let mut unmarked = s.clone();
    unmarked.history.set_plan_start(None).unwrap();
    assert!(plan_against_reality(&unmarked, today)
        .unwrap_err()
        .starts_with("Mark the snapshot the plan started from"));
    let mut broken = s;
    broken.simulation.trials = 0;
    assert!(plan_against_reality(&broken, today)
        .unwrap_err()
        .starts_with("The plan cannot be simulated"));
}

#[test]
fn the_check_is_bounded_at_the_largest_settings() {
    let s = scenario(MAX_TRIALS, MAX_WEEKS);
    let clock = std::time::Instant::now();
    let r = plan_against_reality(&s, day(2026, 6, 1)).unwrap();
    let elapsed = clock.elapsed();
    println!(
        "plan against reality at {MAX_TRIALS} trials over {MAX_WEEKS} weeks: {} trial-weeks in {elapsed:?}",
        r.trial_weeks
    );
    assert!(r.trial_weeks <= 2 * u64::from(MAX_TRIAL_WEEKS));
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}

#[test]
fn an_actual_at_the_horizon_judges_goals_on_it() {
    with_run(7, |run| {
        let plain = monte_carlo::run(run);
        // Week 52 is the horizon: no weeks are left to run, and the goal
        // (due at week 40) is judged on the latest value itself.
        let met = recompute(run, &plain, &[actual(52, Metric::LeadTime, 60.0)]).unwrap();
        assert_eq!((met.week, met.outcome.weeks), (52, 0));
        assert_eq!(met.outcome.targets[0].p_both, 1.0);
        let missed = recompute(run, &plain, &[actual(52, Metric::LeadTime, 80.0)]).unwrap();
        assert_eq!(missed.outcome.targets[0].p_both, 0.0);
        // Past the horizon nothing is re-run.
        assert!(recompute(run, &plain, &[actual(53, Metric::LeadTime, 60.0)]).is_none());
    });
}
