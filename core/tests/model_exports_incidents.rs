//! Each incident export read with the same seven deployments
//! (`deployments_common.csv`, Flywheel's columns: first commits give lead
//! times): what it is recognised as, what the preselection keeps (the
//! highest levels, never tests), and the figures and ties over 2–15 March
//! 2026. Every figure is `expected.py`'s (tests/fixtures/exports), quoted
//! beside it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::import::exports::{Choices, LevelKind, Position, Shape};

/// The figures expected.py prints for every incident file: the common
/// deployments give "deployments 7 per_week 3.5" and "lead n 6 median 15.0
/// p85 36.0".
struct Expected {
    failed: usize,
    cfr: f64,
    recovery: (usize, f64, f64),
    ties: &'static str,
}

fn check(name: &str, shape: Shape, e: Expected) -> flywheel_core::model::import::exports::Analysis {
    let files = vec![read("deployments_common.csv"), read(name)];
    assert_eq!(files[1].shape, shape, "{name}");
    let a = analyse(&files);
    let r = report(&a);
    assert_eq!(r.deployments, 7);
    close(r.deploys_per_week, 3.5);
    let lead = r.lead.unwrap();
    assert_eq!(lead.n, 6);
    close(lead.median, 15.0);
    close(lead.p85, 36.0);
    assert_eq!(r.failed, e.failed, "{name}");
    close_opt(r.change_failure_rate, e.cfr);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, e.recovery.0, "{name}");
    close(rec.median, e.recovery.1);
    close(rec.p85, e.recovery.2);
    assert_eq!(ties(&a), e.ties, "{name}");
    a
}

/// expected.py: == pagerduty analytics csv (high)
/// failed 4 cfr 57.14285714285714; recovery n 4 median 0.75 p85 1.275
/// ties QPX7->-(none) QPX1->c1(any) QPX2->c2(any) QPX4->c4(any) QPX6->c6(any)
#[test]
fn pagerduty_analytics_csv() {
    let f = read("pagerduty_analytics.csv");
    assert_eq!(
        f.summary(),
        "PagerDuty incidents (analytics CSV): 6 incidents, 1 service"
    );
    assert_eq!(f.rejected.len(), 1);
    assert_eq!(f.rejected[0].position, Position::Line(8));
    assert!(
        f.rejected[0].reason.contains("\"yesterday\""),
        "{}",
        f.rejected[0].reason
    );
    let c = Choices::of(std::slice::from_ref(&f));
    let urgency = c
        .levels
        .iter()
        .find(|l| l.kind == LevelKind::Urgency)
        .unwrap();
    let labels: Vec<(String, bool)> = urgency
        .options
        .iter()
        .map(|o| (o.label(), o.preselected))
        .collect();
    assert_eq!(
        labels,
        [
            ("high (5)".to_string(), true),
            ("low (1)".to_string(), false)
        ]
    );
    check(
        "pagerduty_analytics.csv",
        Shape::PagerdutyAnalytics,
        Expected {
            failed: 4,
            cfr: 57.14285714285714,
            recovery: (4, 0.75, 1.275),
            ties: "QPX7->-(none) QPX1->c1(any) QPX2->c2(any) QPX4->c4(any) QPX6->c6(any)",
        },
    );
}

/// expected.py: == pagerduty legacy report (high)
/// failed 3 cfr 42.857142857142854; recovery n 2 median 1.0833333333333333
/// p85 1.7249999999999999; ties row 2->c1(any) row 3->c3(any) row 4->c3(any)
/// row 6->c7(any)
#[test]
fn pagerduty_legacy_report() {
    let a = check(
        "pagerduty_legacy.csv",
        Shape::PagerdutyLegacy,
        Expected {
            failed: 3,
            cfr: 42.857142857142854,
            recovery: (2, 1.0833333333333333, 1.7249999999999999),
            ties: "row 2->c1(any) row 3->c3(any) row 4->c3(any) row 6->c7(any)",
        },
    );
    // The open incident (no seconds to resolve) marks c7 failed but gives
    // no recovery time; two incidents on c3 count it once.
    assert!(a.incidents.iter().any(|i| i.resolved.is_none()));
    assert_eq!(report(&a).duplicate_incidents, 1);
}

/// expected.py: == pagerduty rest incidents (high)
/// failed 4 cfr 57.14285714285714; recovery n 3 median 0.75 p85 1.275
/// ties QPT1->c1(any) QPT2->c3(any) QPT3->c4(any) QPT5->c6(any)
#[test]
fn pagerduty_rest_incidents() {
    let f = read("pagerduty_incidents.json");
    assert_eq!(
        f.summary(),
        "PagerDuty incidents (REST API JSON): 5 incidents, 1 service"
    );
    // Urgency is every incident's level: it is the one filtered; priority
    // (given by four) keeps every value.
    let c = Choices::of(std::slice::from_ref(&f));
    let priority = c
        .levels
        .iter()
        .find(|l| l.kind == LevelKind::Priority)
        .unwrap();
    assert!(priority.options.iter().all(|o| o.preselected));
    assert_eq!(priority.unset, 2);
    check(
        "pagerduty_incidents.json",
        Shape::PagerdutyRest,
        Expected {
            failed: 4,
            cfr: 57.14285714285714,
            recovery: (3, 0.75, 1.275),
            ties: "QPT1->c1(any) QPT2->c3(any) QPT3->c4(any) QPT5->c6(any)",
        },
    );
}

/// expected.py: == opsgenie api json (P1, P2)
/// failed 3 cfr 42.857142857142854; recovery n 2 median 0.875 p85 0.9625
/// ties a1b2c3d4-0001->c2(any) a1b2c3d4-0003->c4(any) a1b2c3d4-0005->c7(any)
#[test]
fn opsgenie_api_json() {
    let f = read("opsgenie_incidents.json");
    let c = Choices::of(std::slice::from_ref(&f));
    let p = c
        .levels
        .iter()
        .find(|l| l.kind == LevelKind::Priority)
        .unwrap();
    let labels: Vec<(String, bool)> = p
        .options
        .iter()
        .map(|o| (o.label(), o.preselected))
        .collect();
    assert_eq!(
        labels,
        [
            ("P1 (2)".to_string(), true),
            ("P2 (1)".to_string(), true),
            ("P3 (1)".to_string(), false),
            ("P5 (1)".to_string(), false)
        ]
    );
    check(
        "opsgenie_incidents.json",
        Shape::Opsgenie,
        Expected {
            failed: 3,
            cfr: 42.857142857142854,
            recovery: (2, 0.875, 0.9625),
            ties: "a1b2c3d4-0001->c2(any) a1b2c3d4-0003->c4(any) a1b2c3d4-0005->c7(any)",
        },
    );
}

/// expected.py: == opsgenie csv (P1, P2)
/// failed 3 cfr 42.857142857142854; recovery n 3 median 0.6666666666666666
/// p85 0.8999999999999999; ties og-1->c1(any) og-2->c3(any) og-4->c5(any)
#[test]
fn opsgenie_snake_case_csv() {
    check(
        "opsgenie_incidents.csv",
        Shape::Opsgenie,
        Expected {
            failed: 3,
            cfr: 42.857142857142854,
            recovery: (3, 0.6666666666666666, 0.8999999999999999),
            ties: "og-1->c1(any) og-2->c3(any) og-4->c5(any)",
        },
    );
}

/// expected.py: == incident.io api json (Critical, Major; real)
/// failed 4 cfr 57.14285714285714; recovery n 3 median 1.0 p85 2.05
/// ties INC-1->c1(any) INC-5->c4(any) INC-7->c6(any) INC-8->c7(any)
#[test]
fn incident_io_api_json() {
    let f = read("incidentio_incidents.json");
    // INC-6 was declined: never an incident.
    assert_eq!(f.incidents.len(), 7);
    assert!(f
        .details()
        .iter()
        .any(|d| d.contains("declined, merged or canceled")));
    let c = Choices::of(std::slice::from_ref(&f));
    assert_eq!(c.test_incidents, 2);
    let sev = c
        .levels
        .iter()
        .find(|l| l.kind == LevelKind::Severity)
        .unwrap();
    let labels: Vec<(String, bool)> = sev
        .options
        .iter()
        .map(|o| (o.label(), o.preselected))
        .collect();
    assert_eq!(
        labels,
        [
            ("Critical (4)".to_string(), true),
            ("Major (2)".to_string(), true),
            ("Minor (1)".to_string(), false)
        ]
    );
    check(
        "incidentio_incidents.json",
        Shape::IncidentIo,
        Expected {
            failed: 4,
            cfr: 57.14285714285714,
            recovery: (3, 1.0, 2.05),
            ties: "INC-1->c1(any) INC-5->c4(any) INC-7->c6(any) INC-8->c7(any)",
        },
    );
}

/// expected.py: == incident.io csv (Critical, Major; real)
/// failed 2 cfr 28.57142857142857; recovery n 2 median 1.75 p85 2.625
/// ties INC-20->c1(any) INC-23->c5(any)
#[test]
fn incident_io_csv() {
    let f = read("incidentio_incidents.csv");
    assert_eq!(
        f.summary(),
        "incident.io incidents (CSV export): 4 incidents"
    );
    check(
        "incidentio_incidents.csv",
        Shape::IncidentIo,
        Expected {
            failed: 2,
            cfr: 28.57142857142857,
            recovery: (2, 1.75, 2.625),
            ties: "INC-20->c1(any) INC-23->c5(any)",
        },
    );
}
