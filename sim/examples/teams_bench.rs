//! Times the Teams screen's simulations: 50 typical teams, each running its
//! own Kaizen plan at 10,000 trials × 52 weeks with its own seed, one team
//! after another, and prints the total. The browser has 5 s for all 50.
//! A second figure has every team's plan run under the error-budget
//! freeze, which adds each team's policy Monte Carlo.
//!
//! Run: `cargo run --release -p flywheel-sim --example teams_bench`

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::NaiveDate;
use flywheel_core::model::goals::templates::templates;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::slo::Incident;
use flywheel_core::model::teams::{Source, Teams, MAX_TEAMS};
use flywheel_core::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use flywheel_core::model::{Metric, Scenario};
use flywheel_sim::teams::run_teams;

/// A typical team: a varied baseline, three of the seed's example goals
/// and two of its own with deadlines inside the year, one plan, the
/// default 10,000 trials × 52 weeks, and an SLO with three incidents.
fn typical(i: usize, today: NaiveDate, freeze: bool) -> Scenario {
    let x = i as f64;
    let mut s = Scenario {
        team: format!("Team {i}"),
        ..Scenario::default()
    };
    s.baseline.deploy_frequency = Rate::new(1.0 + x % 7.0, RatePeriod::Week);
    s.baseline.lead_time = Duration::new(1.0 + x % 9.0, TimeUnit::Days);
    s.baseline.change_failure_rate = 5.0 + x % 30.0;
    s.baseline.recovery_time = Duration::new(1.0 + x % 12.0, TimeUnit::Hours);
    s.baseline.rework_rate = 4.0 + x % 15.0;
    for t in templates(today, &s.team).into_iter().take(3) {
        s.goals.add(t.goal).unwrap();
    }
    for (title, metric, target, month) in [
        ("Ship within two days", Metric::LeadTime, 48.0, 6),
        ("Halve failed changes", Metric::ChangeFailureRate, 8.0, 10),
    ] {
        s.goals
            .add(Goal {
                target: Some(MetricTarget {
                    measure: Measure::Baseline(metric),
                    target,
                }),
                deadline: NaiveDate::from_ymd_opt(2027, month, 1),
                ..Goal::new(Level::Operational, title, today)
            })
            .unwrap();
    }
    s.simulation.plans = vec![Plan::preset(Preset::Kaizen)];
    s.simulation.seed = 1_000 + i as u64;
    s.simulation.apply_freeze = freeze;
    s.slo.window_start = NaiveDate::from_ymd_opt(2026, 11, 1);
    for (d, minutes, share) in [(3, 42.0, 100.0), (9, 15.5, 25.0), (17, 120.0, 5.0)] {
        s.slo.incidents.push(Incident {
            start: NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(14, 5, 0)
                .unwrap(),
            minutes,
            share,
        });
    }
    assert!(s.is_valid());
    s
}

/// The best of `repeats` runs of every team, in seconds, and the slowest
/// team of the last run.
fn time(teams: &Teams, today: NaiveDate, repeats: usize) -> (f64, f64) {
    let mut best = f64::INFINITY;
    let mut slowest = 0.0f64;
    for _ in 0..repeats {
        let start = Instant::now();
        let mut last = start;
        slowest = 0.0;
        for run in run_teams(teams, today) {
            assert!(run.outcome.is_some());
            let now = Instant::now();
            slowest = slowest.max((now - last).as_secs_f64());
            last = now;
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, slowest)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for freeze in [false, true] {
        let mut teams = Teams::new();
        for i in 1..=MAX_TEAMS {
            assert!(teams
                .add(typical(i, today, freeze), Source::Link)
                .is_added());
        }
        let (best, slowest) = time(&teams, today, 3);
        println!(
            "{} teams × 10,000 trials × 52 weeks{}: best of 3 {:.2} s in all, {:.1} ms a team on average, slowest team {:.1} ms",
            teams.len(),
            if freeze { ", every plan under the freeze" } else { "" },
            best,
            best * 1e3 / teams.len() as f64,
            slowest * 1e3
        );
    }
}
