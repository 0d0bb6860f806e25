//! Saved work (model::saved): every released envelope shape still opens,
//! a newer version's work is refused and kept, unreadable and invalid text
//! is kept with a reason, and the messages say what really happened.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Level, Measure, MAX_TEXT_CHARS};
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::saved::{decode, encode, encode_pretty, Loaded, Source, VERSION};
use flywheel_core::model::slo::{Method, WindowKind};
use flywheel_core::model::workshop::{Step, Subject};
use flywheel_core::model::{Edition, Metric, RatePeriod, Scenario, Slo, TimeUnit};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/saved")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn opened(name: &str) -> Scenario {
    match decode(&fixture(name)) {
        Loaded::Scenario(s) => *s,
        other => panic!("{name}: {other:?}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_first_shape_team_edition_and_baseline_opens() {
    let s = opened("v1-baseline.json");
    assert_eq!(s.team, "Payments API");
    assert_eq!(s.edition, Edition::Y2022);
    assert_eq!(s.baseline.deploy_frequency.count, 3.0);
    assert_eq!(s.baseline.deploy_frequency.per, RatePeriod::Week);
    assert_eq!(s.baseline.recovery_time.unit, TimeUnit::Minutes);
    assert_eq!(s.baseline.code_churn, Some(21.0));
    assert_eq!(s.baseline.availability, Some(99.5));
    // Everything added since takes its default.
    let d = Scenario::default();
    assert!(s.goals.is_empty());
    assert_eq!(s.simulation, d.simulation);
    assert_eq!(s.slo, d.slo);
    assert_eq!(s.measured, None);
    assert_eq!(s.workshop, d.workshop);
}

#[test]
fn goals_with_chrono_dates_open() {
    let s = opened("v1-goals.json");
    assert_eq!(s.goals.len(), 2);
    let g = &s.goals.0[1];
    assert_eq!(g.level, Level::Operational);
    assert_eq!(g.parent, Some(1));
    assert_eq!(g.start, Some(day(2026, 1, 5)));
    assert_eq!(g.deadline, Some(day(2026, 9, 30)));
    let t = g.target.as_ref().unwrap();
    assert_eq!(t.measure, Measure::Baseline(Metric::LeadTime));
    assert_eq!(t.target, 48.0);
    assert_eq!(g.guard.unwrap().limit, 15.0);
    assert_eq!(g.check_ins.len(), 2);
    assert_eq!(g.check_ins[1].date, day(2026, 3, 2));
    assert_eq!(g.check_ins[1].actual, 84.5);
}

#[test]
fn plans_from_before_the_freeze_switch_open_without_it() {
    let s = opened("v1-simulation.json");
    let sim = &s.simulation;
    assert_eq!(sim.plans.len(), 2);
    assert_eq!(sim.chosen, 1);
    assert_eq!((sim.trials, sim.seed, sim.horizon_weeks), (1000, 42, 104));
    assert!(!sim.apply_freeze);
    assert_eq!(sim.plans[0].capacity_pct, 15.0);
    assert_eq!(sim.plans[1], Plan::preset(Preset::CapabilityTrap));
}

#[test]
fn imported_summaries_open_with_their_samples() {
    let s = opened("v1-measured.json");
    let m = s.measured.unwrap();
    assert_eq!(
        (m.from.as_str(), m.to.as_str()),
        ("2025-12-27", "2026-03-26")
    );
    assert_eq!(m.deployments, 46);
    assert_eq!(m.weekly_deploys.len(), 12);
    assert_eq!(m.recovery_hours.len(), 5);
    assert_eq!(m.applied.len(), 5);
    assert!(m.is_measured(Metric::ChangeFailureRate, &s.baseline));
}

#[test]
fn error_budgets_with_seconds_in_their_incident_times_open() {
    let s = opened("v1-slo.json");
    let slo: &Slo = &s.slo;
    assert_eq!(slo.target, 99.95);
    assert_eq!(slo.window, WindowKind::CalendarMonth);
    assert_eq!(slo.method, Method::RequestBased);
    assert_eq!(slo.window_start, Some(day(2026, 3, 1)));
    assert_eq!(slo.incidents.len(), 2);
    assert_eq!(
        slo.incidents[1].start,
        day(2026, 3, 9).and_hms_opt(14, 5, 0).unwrap()
    );
    assert_eq!(slo.seed, 7);
}

#[test]
fn workshops_open_with_votes_and_parked_ideas() {
    let s = opened("v1-workshop.json");
    let w = &s.workshop;
    assert_eq!(w.step, Step::Commit);
    assert_eq!(w.minutes, [10, 25, 15, 10, 20]);
    // Saved before the reveal existed, the vote opens hidden.
    assert!(w.dots_on(Subject::Goals, 2).is_err());
    let mut revealed = w.clone();
    revealed.reveal(Subject::Goals).unwrap();
    assert_eq!(revealed.dots_on(Subject::Goals, 2), Ok(3));
    assert_eq!(w.proposer(2), Some("Bo"));
    assert_eq!(w.committed, vec![2]);
    assert_eq!(w.parking_lot, vec!["Move to trunk-based development"]);
}

#[test]
fn what_format_1_accepted_and_the_limits_refuse_is_repaired() {
    let s = opened("v1-loose.json");
    // The override is gone; the letters stay (the name read "Payments API"
    // on screen only because of it).
    assert_eq!(s.team, "Payments IPA");
    assert!(s.baseline.rework_rate.is_sign_positive());
    assert_eq!(s.baseline.rework_rate, 0.0);
    // The tab is a space.
    assert_eq!(s.goals.0[0].title, "Ship faster");
    // Deadline (31 Mar) before start (1 Jun): the start goes.
    assert_eq!(s.goals.0[0].start, None);
    assert_eq!(s.goals.0[0].deadline, Some(day(2026, 3, 31)));
    // A check-in (15 Feb) before the start (1 Mar): the start moves to it,
    // and both readings stay.
    assert_eq!(s.goals.0[1].start, Some(day(2026, 2, 15)));
    assert_eq!(s.goals.0[1].check_ins.len(), 2);
    // The 87-character plan name is cut to 80.
    let name = &s.simulation.plans[0].name;
    assert_eq!(name.chars().count(), Plan::MAX_NAME_CHARS);
    assert!(name.starts_with("Kaizen, tuned for the checkout squad"));
    assert!(s.is_valid());
}

#[test]
fn the_same_text_written_now_is_refused_rather_than_repaired() {
    // Format 2 is written by versions that keep to the limits: a value
    // outside them means the text was altered, and nothing is guessed.
    let text = fixture("v1-loose.json").replacen("\"version\":1", "\"version\":2", 1);
    match decode(&text) {
        Loaded::Invalid { reason, raw } => {
            assert_eq!(
                reason,
                "the team name must be one line of 1 to 80 characters"
            );
            assert_eq!(raw, text);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn work_round_trips_through_the_envelope() {
    let mut s = Scenario {
        team: "Ops — Zürich 🚀".into(),
        ..Scenario::default()
    };
    s.baseline.code_churn = Some(23.5);
    assert!(encode(&s).starts_with(&format!("{{\"version\":{VERSION},\"scenario\":{{")));
    for text in [encode(&s), encode_pretty(&s)] {
        assert_eq!(decode(&text), Loaded::Scenario(Box::new(s.clone())));
    }
}

#[test]
fn a_newer_version_s_work_is_refused_kept_and_never_called_fresh() {
    let text =
        r#"{"version":3,"scenario":{"team":"From the future","goals":"a shape we cannot know"}}"#;
    let loaded = decode(text);
    assert_eq!(
        loaded,
        Loaded::Newer {
            version: 3,
            raw: text.to_string()
        }
    );
    assert_eq!(loaded.raw(), Some(text));
    let saved = loaded.message(Source::SavedWork).unwrap();
    assert_eq!(
        saved,
        "Your saved work was not opened: it was written by a newer version of Flywheel (format 3; this version reads up to 2). Reload the page to get the newest version. It is kept exactly as it was, and this version will not save over it."
    );
    let file = loaded.message(Source::File("team.json")).unwrap();
    assert!(file.starts_with("“team.json” was not opened: it was written by a newer version"));
    assert!(file.ends_with("Nothing was changed."));
}

#[test]
fn unreadable_text_is_kept_with_the_reason() {
    let cases = [
        // Cut after its 13th character: the parser stops at column 13.
        ("{\"version\":1,", "it is not JSON (line 1, column 13)"),
        ("", "it is not JSON (line 1, column 0)"),
        (
            r#"{"scenario":{"team":"A"}}"#,
            "it is not a Flywheel scenario: it has no format version",
        ),
        (
            r#"{"version":0,"scenario":{}}"#,
            "it claims format 0, which no version of Flywheel wrote",
        ),
    ];
    for (text, want) in cases {
        match decode(text) {
            Loaded::Unreadable { reason, raw } => {
                assert_eq!(reason, want, "{text}");
                assert_eq!(raw, text);
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    match decode(r#"{"version":1,"scenario":{"team":5}}"#) {
        Loaded::Unreadable { reason, .. } => {
            assert!(
                reason.starts_with(
                    "its scenario does not have the shape Flywheel writes (invalid type"
                ),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn out_of_range_values_are_named_and_kept() {
    let valid = encode(&Scenario::default());
    let cases = [
        (
            valid.replace(
                "\"change_failure_rate\":18.0",
                "\"change_failure_rate\":140.0",
            ),
            "a baseline figure is out of range",
        ),
        (
            valid.replace("\"trials\":10000", "\"trials\":4000000000"),
            "the simulation settings: Trials must be 100 to 100000.",
        ),
        (
            valid.replace("\"target\":99.9", "\"target\":5e-324"),
            "the error budget's settings or incidents are out of range",
        ),
    ];
    for (text, want) in cases {
        assert_ne!(text, valid, "the replacement must apply: {want}");
        let loaded = decode(&text);
        match &loaded {
            Loaded::Invalid { reason, raw } => {
                assert_eq!(reason, want);
                assert_eq!(raw, &text);
            }
            other => panic!("{want}: {other:?}"),
        }
        let words = loaded.message(Source::SavedWork).unwrap();
        assert!(
            words.contains("kept aside, unchanged, for you to download"),
            "{words}"
        );
        let file = loaded.message(Source::File("q3.json")).unwrap();
        assert!(
            !file.contains("new scenario") && !file.contains("fresh"),
            "{file}"
        );
        assert!(file.ends_with("Nothing was changed."), "{file}");
    }
    // A goal dated outside 2000–2100 is named by its title.
    let mut s = Scenario::default();
    let mut g =
        flywheel_core::model::goals::Goal::new(Level::Operational, "Ship faster", day(2026, 1, 1));
    g.deadline = Some(day(2026, 6, 1));
    s.goals.add(g).unwrap();
    let text = encode(&s).replace("2026-06-01", "2150-06-01");
    match decode(&text) {
        Loaded::Invalid { reason, .. } => assert_eq!(
            reason,
            "the goal “Ship faster” holds a date, number or text out of range"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn negative_zero_reads_as_zero_in_any_format() {
    let text = encode(&Scenario::default()).replace("\"rework_rate\":12.0", "\"rework_rate\":-0.0");
    match decode(&text) {
        Loaded::Scenario(s) => assert!(s.baseline.rework_rate.is_sign_positive()),
        other => panic!("{other:?}"),
    }
    let long = "x".repeat(MAX_TEXT_CHARS);
    assert!(flywheel_core::model::goals::parse_title(&long).is_ok());
}

/// Every floating-point number in `v` set to −0.
fn negate_zeros(v: &mut serde_json::Value) -> usize {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            *v = serde_json::json!(-0.0);
            1
        }
        serde_json::Value::Array(items) => items.iter_mut().map(negate_zeros).sum(),
        serde_json::Value::Object(map) => map.values_mut().map(negate_zeros).sum(),
        _ => 0,
    }
}

fn has_negative_zero(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => {
            n.as_f64().is_some_and(|x| x == 0.0 && x.is_sign_negative())
        }
        serde_json::Value::Array(items) => items.iter().any(has_negative_zero),
        serde_json::Value::Object(map) => map.values().any(has_negative_zero),
        _ => false,
    }
}

#[test]
fn the_zero_repair_reaches_every_number_in_the_scenario() {
    // A scenario with every kind of section filled, each number set to −0
    // through its JSON: a field added later without a repair fails here.
    use flywheel_core::model::goals::{CheckIn, Goal, Guard, MetricTarget};
    use flywheel_core::model::import::Measured;
    use flywheel_core::model::slo::Incident;
    let mut s = Scenario::default();
    s.baseline.code_churn = Some(1.0);
    s.baseline.defect_escape_rate = Some(1.0);
    s.baseline.availability = Some(1.0);
    let mut g = Goal::new(Level::Operational, "Faster", day(2026, 1, 1));
    g.target = Some(MetricTarget {
        measure: Measure::Custom {
            name: "P95".into(),
            unit: "ms".into(),
            baseline: 300.0,
            higher_is_better: false,
        },
        target: 200.0,
    });
    g.guard = Some(Guard {
        metric: Metric::ChangeFailureRate,
        limit: 15.0,
    });
    g.check_ins.push(CheckIn::typed(day(2026, 2, 1), 250.0));
    s.goals.add(g).unwrap();
    s.measured = Some(Measured {
        from: "2026-01-01".into(),
        to: "2026-02-01".into(),
        lead_hours: vec![1.5],
        recovery_hours: vec![2.5],
        baseline: s.baseline.clone(),
        ..Measured::default()
    });
    s.slo.incidents.push(Incident {
        start: day(2026, 3, 2).and_hms_opt(10, 0, 0).unwrap(),
        minutes: 5.0,
        share: 50.0,
    });
    let mut v = serde_json::to_value(&s).unwrap();
    let negated = negate_zeros(&mut v);
    assert!(negated >= 60, "{negated} numbers");
    assert!(has_negative_zero(&v));
    let mut back: Scenario = serde_json::from_value(v).unwrap();
    flywheel_core::model::saved::repair::zeros(&mut back);
    assert!(!has_negative_zero(&serde_json::to_value(&back).unwrap()));
}
