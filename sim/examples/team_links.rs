//! Writes share links to `n` different teams, one per line, for the
//! end-to-end tests of the Teams screen (`scripts/test.sh` runs it before
//! Playwright, so the links always follow the current link format):
//!
//! `cargo run -p flywheel-sim --example team_links -- 50 > target/e2e/team-links.txt`
//!
//! Each team is a typical scenario with its own baseline, seed and a goal
//! due inside the simulated year, so every row has a chance to compute.

// A test-data generator: bad arguments end the run with their message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use flywheel_core::model::goals::{Goal, Guard, Level, Measure, MetricTarget};
use flywheel_core::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use flywheel_core::model::{Metric, Scenario};
use flywheel_core::share::encode;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(12, |a| a.parse().expect("a number of teams"));
    // Goals start on the day the tests run and fall due within a year.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let today = chrono::DateTime::from_timestamp(now as i64, 0)
        .expect("a date in range")
        .date_naive();
    for i in 1..=n {
        println!("#/baseline?s={}", encode(&team(i, today)));
    }
}

fn team(i: usize, today: NaiveDate) -> Scenario {
    let x = i as f64;
    let mut s = Scenario {
        team: format!("Team {i:02}"),
        ..Scenario::default()
    };
    s.baseline.deploy_frequency = Rate::new(0.2 + x / 5.0, RatePeriod::Week);
    s.baseline.lead_time = Duration::new(6.0 + 7.0 * x, TimeUnit::Hours);
    s.baseline.change_failure_rate = 4.0 + x % 30.0;
    s.baseline.recovery_time = Duration::new(0.5 + x / 3.0, TimeUnit::Hours);
    s.simulation.seed = 1_000 + i as u64;
    let target = s.baseline.lead_time.hours() * 0.6;
    let goal = Goal {
        owner: s.team.clone(),
        so_that: "changes reach customers sooner".into(),
        target: Some(MetricTarget {
            measure: Measure::Baseline(Metric::LeadTime),
            target,
        }),
        guard: Some(Guard {
            metric: Metric::ChangeFailureRate,
            limit: 15.0,
        }),
        deadline: today.checked_add_days(Days::new(180)),
        ..Goal::new(Level::Operational, "Cut lead time by two fifths", today)
    };
    s.goals.add(goal).expect("a valid goal");
    assert!(s.is_valid(), "team {i} is valid");
    s
}
