//! OpenSLO v1 out and in: the export pinned and read back, round trips
//! over every window kind, method and SLI form, and the OpenSLO project's
//! own example documents imported (or refused, naming what is not
//! supported).

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::NaiveDate;
use flywheel_core::model::slo::yaml::{parse_documents, Yaml};
use flywheel_core::model::slo::{
    export_openslo, import_openslo, Label, Method, Monitoring, Sli, Slo, WindowKind,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

fn monitoring() -> Monitoring {
    Monitoring {
        service: "checkout".into(),
        name: "Requests availability".into(),
        sli: Sli::GoodTotal {
            good: r#"sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))"#
                .into(),
            total: r#"sum(rate(http_requests_total{job="checkout"}[{{.window}}]))"#.into(),
        },
        labels: vec![Label {
            name: "team".into(),
            value: "payments".into(),
        }],
    }
}

fn slo() -> Slo {
    Slo {
        monitoring: monitoring(),
        ..Slo::default()
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/openslo")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_export_is_pinned_and_reads_as_openslo() {
    let out = export_openslo(&slo(), today()).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openslo-export/rolling-30d.yaml");
    if std::env::var_os("FLYWHEEL_BLESS").is_some() {
        std::fs::write(&path, &out.text).unwrap();
    }
    assert_eq!(out.text, std::fs::read_to_string(&path).unwrap());
    assert!(out.notes.is_empty(), "{:?}", out.notes);
    // One SLO, four alert policies (one per row), two notification targets.
    let docs = parse_documents(&out.text).unwrap();
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| d.get("kind").unwrap().as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "SLO",
            "AlertPolicy",
            "AlertPolicy",
            "AlertPolicy",
            "AlertPolicy",
            "AlertNotificationTarget",
            "AlertNotificationTarget"
        ]
    );
    // Names are RFC 1123 labels (OpenSLO's rule), at most 63 characters.
    for d in &docs {
        let name = d
            .get("metadata")
            .unwrap()
            .get("name")
            .unwrap()
            .as_str()
            .unwrap();
        assert!(
            name.len() <= 63
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{name}"
        );
    }
    // 30 days: thresholds 14.4, 6, 3, 1 over 1h, 6h, 1d, 3d.
    let conditions: Vec<(String, f64, String)> = docs[1..5]
        .iter()
        .map(|p| {
            let Yaml::Seq(c) = &p.get("spec").unwrap().get("conditions").unwrap().value else {
                panic!()
            };
            let s = c[0].get("spec").unwrap();
            let cond = s.get("condition").unwrap();
            (
                s.get("severity").unwrap().as_str().unwrap().to_string(),
                cond.get("threshold").unwrap().as_f64().unwrap(),
                cond.get("lookbackWindow")
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        conditions,
        [
            ("page".into(), 14.4, "1h".into()),
            ("page".into(), 6.0, "6h".into()),
            ("ticket".into(), 3.0, "1d".into()),
            ("ticket".into(), 1.0, "3d".into()),
        ]
    );
}

fn round_trip(s: &Slo) {
    let out = export_openslo(s, today()).unwrap();
    // Imported over a default SLO, the fields OpenSLO carries come back.
    let back = import_openslo(&out.text, &Slo::default()).unwrap();
    assert_eq!(back.slo.target, s.target, "{}", out.text);
    assert_eq!(back.slo.window, s.window);
    if s.window == WindowKind::Rolling {
        assert_eq!(back.slo.rolling_days, s.rolling_days);
    }
    assert_eq!(back.slo.method, s.method);
    assert_eq!(back.slo.monitoring, s.monitoring);
    // Imported over the SLO itself, nothing changes.
    let same = import_openslo(&out.text, s).unwrap();
    assert_eq!(&same.slo, s);
    // The alert policies (when any row can fire) are the one thing left
    // aside, and said so: once as documents, once as the SLO's references.
    let policies = out.text.contains("kind: AlertPolicy");
    assert_eq!(
        same.notes.len(),
        if policies { 2 } else { 0 },
        "{:?}",
        same.notes
    );
}

#[test]
fn export_then_import_gives_the_same_slo() {
    for (window, days) in [
        (WindowKind::Rolling, 30),
        (WindowKind::Rolling, 28),
        (WindowKind::Rolling, 7),
        (WindowKind::Rolling, 1),
        (WindowKind::Rolling, 90),
        (WindowKind::CalendarMonth, 30),
    ] {
        for method in [Method::TimeBased, Method::RequestBased] {
            for target in [99.9, 99.95, 99.5, 90.0, 50.0, 99.123456789] {
                round_trip(&Slo {
                    window,
                    rolling_days: days,
                    method,
                    target,
                    ..slo()
                });
            }
        }
    }
    let mut s = slo();
    s.monitoring.sli = Sli::BadTotal {
        bad: "sum(rate(errors_total[{{.window}}]))".into(),
        total: "sum(rate(requests_total[{{.window}}]))".into(),
    };
    round_trip(&s);
    s.monitoring.sli = Sli::ErrorRatio {
        ratio: "1 - avg_over_time(probe_success[{{.window}}])".into(),
    };
    round_trip(&s);
    // Hostile text: quotes, colons, #, backslashes, other scripts.
    s.monitoring.service = r#"O'Brien "shop": #1 {{x}}"#.into();
    s.monitoring.name = "Zürich café ✓: 50% #fast \\ back – 日本 🚀".into();
    s.monitoring.labels = vec![
        Label {
            name: "yes".into(),
            value: r#"a "quoted": value #not-a-comment"#.into(),
        },
        Label {
            name: "null".into(),
            value: "日本語 — ✓ 🚀 \\n".into(),
        },
    ];
    round_trip(&s);
}

#[test]
fn a_calendar_month_starts_on_the_first_of_the_month_shown() {
    let s = Slo {
        window: WindowKind::CalendarMonth,
        window_start: NaiveDate::from_ymd_opt(2026, 2, 1),
        ..slo()
    };
    let out = export_openslo(&s, today()).unwrap();
    assert!(out.text.contains("    - duration: 1M\n      isRolling: false\n      calendar:\n        startTime: \"2026-02-01 00:00:00\"\n        timeZone: UTC\n"), "{}", out.text);
    assert_eq!(
        out.notes,
        ["The alert thresholds count a month as 30 days, as the Prometheus rules do."]
    );
}

#[test]
fn what_openslo_cannot_carry_is_noted_on_export() {
    let mut s = Slo {
        target: 90.0,
        ..slo()
    };
    s.monitoring.labels.push(Label {
        name: "team_".into(),
        value: "x".into(),
    });
    let out = export_openslo(&s, today()).unwrap();
    assert_eq!(
        out.notes,
        [
            "The label team_ was left out: OpenSLO label names begin and end with a letter or digit.",
            "The 1-hour page was left out: at this SLO it could never fire (14.4× needs more than every request failing).",
        ]
    );
    s.target = 100.0;
    assert!(export_openslo(&s, today()).unwrap_err()[0]
        .message
        .contains("100%"));
}

#[test]
fn the_projects_examples_import_or_say_what_is_not_supported() {
    let base = Slo::default();
    // occurences-slo.yaml: rolling 2w, Occurrences, target 0.99, a
    // thresholdMetric (latency under 500 ms).
    let got = import_openslo(&fixture("budgeting-method--occurences-slo.yaml"), &base).unwrap();
    assert_eq!(
        (
            got.slo.target,
            got.slo.window,
            got.slo.rolling_days,
            got.slo.method
        ),
        (99.0, WindowKind::Rolling, 14, Method::RequestBased)
    );
    assert_eq!(got.slo.monitoring.service, "web-shop");
    assert_eq!(got.slo.monitoring.name, "Searching time");
    assert_eq!(got.slo.monitoring.sli, base.monitoring.sli);
    assert_eq!(
        got.notes,
        [
            "spec.indicator is a thresholdMetric (a value compared with a threshold): the \
          Prometheus rules need good and total events or an error ratio; enter them on the \
          screen."
        ]
    );
    // ratio-timeslices.yaml: rolling 2w, RatioTimeslices (time-based), 0.99,
    // queries of type Any.
    let got = import_openslo(&fixture("budgeting-method--ratio-timeslices.yaml"), &base).unwrap();
    assert_eq!(
        (got.slo.target, got.slo.rolling_days, got.slo.method),
        (99.0, 14, Method::TimeBased)
    );
    assert_eq!(got.slo.monitoring.name, "Main page availability");
    assert_eq!(
        got.notes,
        [
            "The indicator's queries were not imported: its good query is for Any, and the \
          Prometheus rules need PromQL; enter the expressions on the screen."
        ]
    );
    // timeslices-slo.yaml: a calendar window of 1m (one minute) and two
    // objectives.
    let e = import_openslo(&fixture("budgeting-method--timeslices-slo.yaml"), &base).unwrap_err();
    assert_eq!(
        e.problems,
        [
            "spec.timeWindow[0].duration (line 27): a calendar window of 1m (m is minutes; M is \
             months): Flywheel's calendar windows are one month (1M); for other lengths use a \
             rolling window.",
            "spec.objectives (line 34): 2 objectives (Internal objective, SLA): Flywheel keeps \
             one target per SLO; keep one.",
        ]
    );
    // treat-low-traffic…: a calendar week.
    let e = import_openslo(
        &fixture("treat-low-traffic-as-equally-important--timeslices-slo.yaml"),
        &base,
    )
    .unwrap_err();
    assert_eq!(
        e.message(),
        "This file could not be imported: spec.timeWindow[0].duration (line 25): a calendar \
         window of 1w: Flywheel's calendar windows are one month (1M); for other lengths use a \
         rolling window."
    );
    // The README's inline-SLI example has no budgeting method.
    let e = import_openslo(&fixture("readme--foo-slo.yaml"), &base).unwrap_err();
    assert_eq!(
        e.problems,
        ["spec.budgetingMethod: missing; write Occurrences (requests) or Timeslices (minutes)."]
    );
    // The README's alert policy is not an SLO.
    let e = import_openslo(&fixture("readme--alert-policy-inline.yaml"), &base).unwrap_err();
    assert_eq!(
        e.message(),
        "This file could not be imported: it holds only AlertPolicy, and Flywheel imports an \
         OpenSLO document of kind SLO."
    );
}

fn doc(window: &str, objective: &str) -> String {
    format!(
        "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: svc\n  \
         indicator:\n    metadata:\n      name: i\n    spec:\n      ratioMetric:\n        \
         good:\n          metricSource:\n            type: Prometheus\n            spec:\n              \
         query: sum(rate(good[{{{{.window}}}}]))\n        total:\n          metricSource:\n            \
         type: prometheus\n            spec:\n              query: sum(rate(all[{{{{.window}}}}]))\n  \
         timeWindow:\n{window}\n  budgetingMethod: Occurrences\n  objectives:\n{objective}\n"
    )
}

#[test]
fn unsupported_fields_and_values_are_named() {
    let base = Slo::default();
    let rolling = |d: &str| format!("    - duration: {d}\n      isRolling: true");
    let target = "    - target: 0.9995";
    // The happy path first: PromQL queries come in as the SLI.
    let got = import_openslo(&doc(&rolling("4w"), target), &base).unwrap();
    assert_eq!((got.slo.target, got.slo.rolling_days), (99.95, 28));
    assert_eq!(
        got.slo.monitoring.sli,
        Sli::GoodTotal {
            good: "sum(rate(good[{{.window}}]))".into(),
            total: "sum(rate(all[{{.window}}]))".into(),
        }
    );
    assert!(got.notes.is_empty(), "{:?}", got.notes);
    let one = |window: String, objective: &str| {
        import_openslo(&doc(&window, objective), &base)
            .unwrap_err()
            .problems
    };
    assert_eq!(
        one(rolling("1M"), target),
        [
            "spec.timeWindow[0].duration (line 23): a rolling window of 1M: Flywheel's rolling \
          windows are whole days from 1 to 90 (write 30d or 28d for a month)."
        ]
    );
    assert_eq!(
        one(rolling("91d"), target)[0],
        "spec.timeWindow[0].duration (line 23): a rolling window of 91d: Flywheel's rolling \
         windows are whole days from 1 to 90 (write 30d or 28d for a month)."
    );
    assert_eq!(
        one(rolling("2 weeks"), target)[0],
        "spec.timeWindow[0].duration (line 23): 2 weeks is not an OpenSLO duration such as 30d, \
         4w or 1M."
    );
    assert_eq!(
        one(rolling("30d"), "    - targetPercent: 100"),
        ["spec.objectives[0].targetPercent (line 27): 100, where a number above 0 and below 100 \
          was expected."]
    );
    assert_eq!(
        one(rolling("30d"), "    - target: 0.99\n      targetPercent: 99"),
        ["spec.objectives[0] (line 27): target and targetPercent are both given; OpenSLO allows \
          one."]
    );
    assert_eq!(
        one("    - duration: 30d".into(), target),
        [
            "spec.timeWindow[0].isRolling (line 23): missing; write isRolling: true, or give a \
          calendar."
        ]
    );
    let alpha = doc(&rolling("30d"), target).replace("openslo/v1", "openslo/v1alpha");
    assert_eq!(
        import_openslo(&alpha, &base).unwrap_err().problems,
        ["apiVersion (line 1): openslo/v1alpha, where Flywheel reads openslo/v1."]
    );
    let two = format!(
        "{}---\n{}",
        doc(&rolling("30d"), target),
        doc(&rolling("7d"), target)
    );
    assert_eq!(
        import_openslo(&two, &base).unwrap_err().message(),
        "This file could not be imported: it holds 2 SLO documents; import them one at a time."
    );
    assert!(import_openslo("a: [", &base)
        .unwrap_err()
        .message()
        .starts_with("This file could not be imported: it is not YAML Flywheel can read. Line 1:"));
}
