//! Writes a share link to a scenario with one lead-time goal that started
//! before the sample data's months, for the end-to-end test of the History
//! screen (`scripts/test.sh` runs it before Playwright, so the link always
//! follows the current link format):
//!
//! `cargo run -p flywheel-sim --example history_link > target/e2e/history-link.txt`
//!
//! The goal starts on 1 Dec 2025 (the sample's deployments run from
//! January to March 2026) and falls due a year after the day the tests run,
//! so its check-ins can be filled from the sample's months and from
//! snapshots kept during the test.

// A test-data generator: a failure ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use flywheel_core::model::goals::{Goal, Guard, Level, Measure, MetricTarget};
use flywheel_core::model::{Metric, Scenario};
use flywheel_core::share::encode;

fn main() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let today = chrono::DateTime::from_timestamp(now as i64, 0)
        .expect("a date in range")
        .date_naive();
    let start = NaiveDate::from_ymd_opt(2025, 12, 1).expect("a date");
    let mut s = Scenario {
        team: "Checkout".to_string(),
        ..Scenario::default()
    };
    let goal = Goal {
        owner: "Checkout".into(),
        so_that: "customers get fixes the day they are found".into(),
        target: Some(MetricTarget {
            measure: Measure::Baseline(Metric::LeadTime),
            target: 8.0,
        }),
        guard: Some(Guard {
            metric: Metric::ChangeFailureRate,
            limit: 15.0,
        }),
        deadline: today.checked_add_days(Days::new(365)),
        ..Goal::new(Level::Operational, "Lead time within a working day", start)
    };
    s.goals.add(goal).expect("a valid goal");
    assert!(s.is_valid(), "the scenario is valid");
    println!("#/history?s={}", encode(&s));
}
