//! The error budget in sentences, as the Report and the workshop's
//! Guardrails step list it: one wording, overspending included.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::slo::{Incident, Slo};
use flywheel_core::model::wording::{budget_lines, FrozenTime};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn the_budget_reads_the_same_wherever_it_is_listed() {
    let slo = Slo::default();
    let now = day(22).and_hms_opt(12, 0, 0).unwrap();
    // 30 days × 1,440 minutes × 0.1% = 43.2 minutes = 43 m 12 s.
    let frozen = FrozenTime {
        fraction: 0.125,
        days_per_quarter: 11.26,
    };
    assert_eq!(
        budget_lines(&slo, day(22), now, Some(frozen), true),
        vec![
            "SLO 99.9% over 30 days: a budget of 43.2 minutes (43 m 12 s).".to_string(),
            "0 incidents spent 0 minutes. 43.2 minutes (43 m 12 s) left.".into(),
            "Policy: when the budget is spent, feature deployments freeze (P0 and security fixes excepted) until the trailing window is back within the SLO: simulated, frozen 12.5% of the time, about 11.3 days a quarter.".into(),
            "A single incident using more than 20% of the budget requires a postmortem (wording unverified).".into(),
            "The plan's simulation runs under the freeze policy.".into(),
        ]
    );
}

#[test]
fn an_overspent_budget_says_by_how_much() {
    // One hour down for all traffic: 60 − 43.2 = 16.8 minutes over, 16 m 48 s.
    let slo = Slo {
        window_start: Some(day(1)),
        incidents: vec![Incident {
            start: day(10).and_hms_opt(9, 0, 0).unwrap(),
            minutes: 60.0,
            share: 100.0,
        }],
        ..Slo::default()
    };
    let now = day(22).and_hms_opt(12, 0, 0).unwrap();
    let lines = budget_lines(&slo, day(22), now, None, false);
    assert_eq!(
        lines[1],
        "1 incident spent 60 minutes (1 h 0 m). Overspent by 16.8 minutes (16 m 48 s)."
    );
    // The policy without its simulation, and no line about the plan.
    assert_eq!(
        lines[2],
        "Policy: when the budget is spent, feature deployments freeze (P0 and security fixes excepted) until the trailing window is back within the SLO."
    );
    assert_eq!(lines.len(), 4);

    let broken = Slo {
        target: f64::NAN,
        ..Slo::default()
    };
    assert_eq!(
        budget_lines(&broken, day(22), now, None, false),
        vec!["The SLO on the Error budget screen needs fixing.".to_string()]
    );
}
