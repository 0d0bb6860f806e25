//! The model-wide limits (model::limits) hold at every door: the parsers the
//! typing UI uses, Scenario::is_valid (saved work, files) and share links
//! all refuse the same values, and −0 arrives as 0.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::history::{Origin, Snapshot};
use flywheel_core::model::import::{Measured, MAX_SAMPLE_HOURS, MAX_WEEKLY_DEPLOYS};
use flywheel_core::model::limits;
use flywheel_core::model::plan::Plan;
use flywheel_core::model::slo::Incident;
use flywheel_core::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource};
use flywheel_core::model::validate::{parse_name, parse_number, InputError, NumberRule};
use flywheel_core::model::workshop::Workshop;
use flywheel_core::model::{Metric, Scenario};
use flywheel_core::share::{decode, encode, LinkError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn typing_minus_zero_gives_zero_and_subnormals_are_too_small() {
    let v = parse_number("-0", NumberRule::PERCENT).unwrap();
    assert_eq!(v, 0.0);
    assert!(v.is_sign_positive());
    assert!(parse_number(" -0.000 % ", NumberRule::PERCENT)
        .unwrap()
        .is_sign_positive());
    assert_eq!(
        parse_number("-0", NumberRule::positive(10.0, "")),
        Err(InputError::NotPositive)
    );
    // 5e-324 written out: 323 zeros after the point, then a 5.
    let subnormal = format!("0.{}5", "0".repeat(323));
    assert_eq!(
        parse_number(&subnormal, NumberRule::PERCENT),
        Err(InputError::TooSmall)
    );
    assert_eq!(
        InputError::TooSmall.message(),
        "Too close to zero: enter 0 or at least 0.000000001."
    );
    // A billionth is the smallest size kept; a tenth of it is too small.
    assert_eq!(
        parse_number("0.000000001", NumberRule::PERCENT),
        Ok(limits::SMALLEST)
    );
    assert_eq!(
        parse_number("0.0000000001", NumberRule::PERCENT),
        Err(InputError::TooSmall)
    );
}

#[test]
fn typed_names_refuse_control_and_direction_characters() {
    assert_eq!(
        parse_name("Ops — Zürich 🚀", 80),
        Ok("Ops — Zürich 🚀".into())
    );
    assert_eq!(
        parse_name("Pay\u{202E}ments", 80),
        Err(
            "Remove a character that reorders text (U+202E): this field holds one line of plain text."
                .into()
        )
    );
    assert!(parse_name("a\u{7}", 80).unwrap_err().contains("U+0007"));
    assert!(parse_name("two\nlines", 80)
        .unwrap_err()
        .contains("a line break"));
    let mut w = Workshop::default();
    assert!(w.park("Rewrite\u{2067}it").is_err());
    assert!(w.add_voter("An\u{202D}a").is_err());
    assert!(w.park("Rewrite it").is_ok());
}

/// A change that takes a valid scenario outside the limits.
type Breach = (&'static str, fn(&mut Scenario));

fn breaches() -> Vec<Breach> {
    vec![
        ("a bidi override in the team", |s| {
            s.team = "Pay\u{202E}ments".into()
        }),
        ("a control character in the team", |s| {
            s.team = "A\u{1B}[31m".into()
        }),
        ("a subnormal lead time", |s| {
            s.baseline.lead_time.amount = 5e-324
        }),
        ("a subnormal percentage", |s| {
            s.baseline.code_churn = Some(5e-324)
        }),
        ("−0 left in place", |s| s.baseline.rework_rate = -0.0),
        ("a window starting in 2101", |s| {
            s.slo.window_start = Some(day(2101, 1, 1))
        }),
        ("an incident in 1999", |s| {
            s.slo.incidents.push(Incident {
                start: day(1999, 12, 31).and_hms_opt(23, 0, 0).unwrap(),
                minutes: 5.0,
                share: 100.0,
            })
        }),
        ("a share below a billionth", |s| s.slo.failure_share = 1e-10),
        ("a subnormal incident", |s| {
            s.slo.incidents.push(Incident {
                start: day(2026, 3, 1).and_hms_opt(10, 0, 0).unwrap(),
                minutes: 5e-324,
                share: 100.0,
            })
        }),
        ("a deployment ceiling of f64::MAX", |s| {
            s.simulation.plans[0].bounds.max_deploys_per_day = f64::MAX
        }),
        ("a lead-time floor of a second", |s| {
            s.simulation.plans[0].bounds.min_lead_time_hours = 1.0 / 3600.0
        }),
        ("a coupling lag of 27 weeks", |s| {
            s.simulation.plans[0].coupling.lag_weeks = 27
        }),
        ("an 81-character plan name", |s| {
            s.simulation.plans[0].name = "p".repeat(81)
        }),
        ("a plan name on two lines", |s| {
            s.simulation.plans[0].name = "a\nb".into()
        }),
        ("a goal before 2000", |s| {
            let mut g = Goal::new(Level::Operational, "Old", day(2026, 1, 1));
            g.start = Some(day(1999, 1, 1));
            s.goals.add(g).unwrap();
        }),
        ("a deadline before its start", |s| {
            let mut g = Goal::new(Level::Operational, "Backwards", day(2026, 6, 1));
            g.deadline = Some(day(2026, 5, 1));
            s.goals.add(g).unwrap();
        }),
        ("a custom unit with a tab", |s| {
            let mut g = Goal::new(Level::Operational, "P95", day(2026, 1, 1));
            g.target = Some(MetricTarget {
                measure: Measure::Custom {
                    name: "P95".into(),
                    unit: "m\ts".into(),
                    baseline: 300.0,
                    higher_is_better: false,
                },
                target: 200.0,
            });
            s.goals.add(g).unwrap();
        }),
        ("a week of u32::MAX deployments", |s| {
            s.measured = Some(Measured {
                weekly_deploys: vec![MAX_WEEKLY_DEPLOYS + 1],
                ..measured()
            })
        }),
        ("a lead time longer than the model's years", |s| {
            s.measured = Some(Measured {
                lead_hours: vec![MAX_SAMPLE_HOURS * 1.01],
                ..measured()
            })
        }),
        ("imported data from 1999", |s| {
            s.measured = Some(Measured {
                from: "1999-12-01".into(),
                ..measured()
            })
        }),
        ("a voter with a direction override", |s| {
            // The model refuses such a name, so it can only arrive in data.
            let mut w = serde_json::to_value(&s.workshop).unwrap();
            w["ballots"] = serde_json::json!([
                { "voter": "An\u{202D}a", "dots": [], "initiatives": [] }
            ]);
            s.workshop = serde_json::from_value(w).unwrap();
        }),
        ("a parked idea with a line break", |s| {
            s.workshop.parking_lot.push("one\ntwo".into())
        }),
        ("a snapshot in 2101", |s| {
            s.history.snapshots.push(snapshot(day(2101, 1, 1)))
        }),
        ("a snapshot with a subnormal lead time", |s| {
            let mut snap = snapshot(day(2026, 1, 1));
            snap.baseline.lead_time.amount = 5e-324;
            s.history.snapshots.push(snap)
        }),
        ("two snapshots on one day", |s| {
            s.history.snapshots = vec![snapshot(day(2026, 1, 1)), snapshot(day(2026, 1, 1))]
        }),
        ("61 snapshots", |s| {
            s.history.snapshots = (0..61)
                .map(|k| snapshot(day(2026, 1, 1) + chrono::Duration::days(k)))
                .collect()
        }),
        ("a plan start without its snapshot", |s| {
            s.history.plan_start = Some(day(2026, 1, 1))
        }),
        ("a monthly change failure rate of 101%", |s| {
            s.history.trend = Some(trend(Metric::ChangeFailureRate, day(2026, 1, 1), 101.0))
        }),
        ("a monthly figure for 1999", |s| {
            s.history.trend = Some(trend(Metric::LeadTime, day(1999, 12, 1), 10.0))
        }),
    ]
}

fn snapshot(date: NaiveDate) -> Snapshot {
    Snapshot {
        date,
        baseline: flywheel_core::model::Baseline::default(),
        origin: Origin::Typed,
    }
}

fn trend(metric: Metric, month: NaiveDate, value: f64) -> MonthlyTrend {
    MonthlyTrend {
        source: TrendSource::Aggregated,
        points: vec![MonthlyPoint {
            month,
            metric,
            value,
            samples: None,
        }],
    }
}

fn measured() -> Measured {
    Measured {
        from: "2026-01-01".into(),
        to: "2026-03-01".into(),
        deployments: 10,
        weekly_deploys: vec![1, 2, 3, 4],
        ..Measured::default()
    }
}

#[test]
fn every_breach_is_refused_by_the_range_checks_and_by_links() {
    assert!(Scenario::default().is_valid());
    let ok = Scenario {
        measured: Some(measured()),
        ..Scenario::default()
    };
    assert!(ok.is_valid(), "the base of the measured cases");
    for (what, breach) in breaches() {
        let mut s = Scenario::default();
        breach(&mut s);
        assert!(!s.is_valid(), "{what}: accepted");
        let link = decode(&encode(&s));
        if what.starts_with('−') {
            // −0 is made 0 on the way in.
            let back = link.unwrap();
            assert!(back.baseline.rework_rate.is_sign_positive());
        } else if what.starts_with("a lead time") {
            // Links carry no raw samples (share::for_link), so none to refuse.
            assert!(link.unwrap().measured.unwrap().lead_hours.is_empty());
        } else {
            assert_eq!(link, Err(LinkError::Invalid), "{what}");
        }
    }
}

#[test]
fn plans_marked_edited_keep_their_names_within_the_limit() {
    let mut p = Plan::preset(flywheel_core::model::plan::Preset::Kaizen);
    p.mark_edited();
    p.mark_edited();
    assert_eq!(p.name, "Kaizen (edited)");
    p.name = "q".repeat(Plan::MAX_NAME_CHARS);
    p.mark_edited();
    assert_eq!(p.name.chars().count(), Plan::MAX_NAME_CHARS);
    assert!(p.name.ends_with(" (edited)"));
    assert_eq!(p.problem(), None);
}

#[test]
fn typed_dates_keep_to_the_model_s_years() {
    use flywheel_core::model::validate::{parse_date, parse_datetime};
    assert_eq!(parse_date("2026-12-31"), Ok(day(2026, 12, 31)));
    assert_eq!(parse_date("2100-12-31"), Ok(day(2100, 12, 31)));
    assert_eq!(
        parse_date("2101-01-01"),
        Err("Choose a date from 2000 to 2100.".to_string())
    );
    assert_eq!(
        parse_date("1999-12-31"),
        Err("Choose a date from 2000 to 2100.".to_string())
    );
    assert_eq!(
        parse_date("2026-02-30"),
        Err("Enter a date, such as 2026-12-31.".to_string())
    );
    assert_eq!(
        parse_datetime("2026-03-05T10:00"),
        Ok(day(2026, 3, 5).and_hms_opt(10, 0, 0).unwrap())
    );
    assert!(parse_datetime("+262142-12-31T23:59").is_err());
    assert_eq!(
        parse_datetime("9999-01-01T00:00"),
        Err("Choose a date from 2000 to 2100.".to_string())
    );
}
