//! Prometheus rules for the SLO, checked by Prometheus's own promtool:
//! `promtool check rules` for every window kind at several SLOs, the rules
//! text pinned in `fixtures/prometheus/`, the factors and words, and the
//! checks that say what is wrong with the user's input.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod promtool;

use std::path::Path;

use flywheel_core::model::slo::{prometheus_rules, Field, Label, Sli, WindowKind};
use promtool::{check_rules, monitoring, slo, CASES, TARGETS};

#[test]
fn rules_pass_promtool_check_for_every_window_and_slo() {
    for (window, days, name) in CASES {
        for target in TARGETS {
            let rules = prometheus_rules(&slo(target, window, days)).unwrap();
            check_rules(&format!("{name}-{target}"), &rules);
        }
    }
    // Every rolling length the screen offers, at the default SLO.
    for days in [1, 2, 3, 14, 90] {
        let rules = prometheus_rules(&slo(99.9, WindowKind::Rolling, days)).unwrap();
        check_rules(&format!("rolling-{days}d"), &rules);
    }
    // The other two SLI forms.
    let mut s = slo(99.5, WindowKind::Rolling, 30);
    s.monitoring.sli = Sli::BadTotal {
        bad: r#"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#.into(),
        total: "sum(rate(http_requests_total[{{.window}}]))".into(),
    };
    check_rules("bad-total", &prometheus_rules(&s).unwrap());
    s.monitoring.sli = Sli::ErrorRatio {
        ratio: "avg_over_time(probe_success_error_ratio[{{.window}}])".into(),
    };
    check_rules("error-ratio", &prometheus_rules(&s).unwrap());
}

/// Compares with `fixtures/prometheus/NAME.yml`; `FLYWHEEL_BLESS=1` writes
/// the fixture instead (then read it before committing).
fn pinned(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/prometheus")
        .join(format!("{name}.yml"));
    if std::env::var_os("FLYWHEEL_BLESS").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, expected, "{name} differs from {}", path.display());
}

#[test]
fn rules_text_is_pinned_for_each_window_kind() {
    for (window, days, name) in CASES {
        pinned(name, &prometheus_rules(&slo(99.9, window, days)).unwrap());
    }
}

#[test]
fn factors_are_recomputed_for_the_window() {
    // r = p × T / w (domain.md §3). 30 d: 0.02 × 720 h / 1 h = 14.4,
    // 0.05 × 720 / 6 = 6, 0.10 × 720 / 24 = 3, 0.10 × 720 / 72 = 1.
    // 28 d (672 h): 13.44, 5.6, 2.8, 0.933333. 7 d (168 h): 3.36, 1.4,
    // 0.7, 0.233333.
    let expect = [
        (
            30,
            [
                "(14.4 * 0.001)",
                "(6 * 0.001)",
                "(3 * 0.001)",
                "(1 * 0.001)",
            ],
        ),
        (
            28,
            [
                "(13.44 * 0.001)",
                "(5.6 * 0.001)",
                "(2.8 * 0.001)",
                "(0.933333 * 0.001)",
            ],
        ),
        (
            7,
            [
                "(3.36 * 0.001)",
                "(1.4 * 0.001)",
                "(0.7 * 0.001)",
                "(0.233333 * 0.001)",
            ],
        ),
    ];
    for (days, thresholds) in expect {
        let rules = prometheus_rules(&slo(99.9, WindowKind::Rolling, days)).unwrap();
        for t in thresholds {
            assert_eq!(rules.matches(t).count(), 2, "{days} d: {t}");
        }
    }
    // A calendar month is counted as 30 days.
    let month = prometheus_rules(&slo(99.9, WindowKind::CalendarMonth, 7)).unwrap();
    assert!(month.contains("(14.4 * 0.001)") && month.contains("vector(30)"));
    assert!(month.contains("2% of the monthly budget spent in the last hour"));
}

#[test]
fn annotations_say_what_fired_in_words() {
    let rules = prometheus_rules(&slo(99.9, WindowKind::Rolling, 30)).unwrap();
    // 720 h / 14.4 = 50 h; / 6 = 120 h = 5 days; / 3 = 10 days; / 1 = 30.
    for words in [
        "2% of the 30-day budget spent in the last hour",
        "5% of the 30-day budget spent in the last 6 hours",
        "10% of the 30-day budget spent in the last day",
        "10% of the 30-day budget spent in the last 3 days",
        "is above 1.44% (14.4× the 0.1% budget of a 99.9% SLO): at this burn rate the whole \
         30-day budget lasts 50 hours",
        "the whole 30-day budget lasts 5 days",
        "the whole 30-day budget lasts 10 days",
        "the whole 30-day budget lasts 30 days",
    ] {
        assert!(rules.contains(words), "missing: {words}");
    }
}

#[test]
fn rows_that_cannot_fire_are_left_out_and_said_so() {
    // 90%: B = 0.1, so 14.4× needs 144% errors; 6× needs 60%.
    let rules = prometheus_rules(&slo(90.0, WindowKind::Rolling, 30)).unwrap();
    assert!(rules.contains(
        "# Left out: the 1-hour page (14.4×): at a 90% SLO it would need 144% of requests to fail."
    ));
    assert_eq!(rules.matches("- alert: ErrorBudgetBurn").count(), 3);
    // 50%: B = 0.5; only the 3-day ticket (1×, 50% errors) can fire.
    let rules = prometheus_rules(&slo(50.0, WindowKind::Rolling, 30)).unwrap();
    assert_eq!(rules.matches("- alert: ErrorBudgetBurn").count(), 1);
    assert!(rules.contains("the 6-hour page (6×): at a 50% SLO it would need 300% of requests"));
    // A 1-day window has no 3-day ticket, and its 1-day window is recorded once.
    let rules = prometheus_rules(&slo(99.9, WindowKind::Rolling, 1)).unwrap();
    assert!(rules.contains(
        "# Left out: the 3-day ticket (0.03×): its long window is longer than the SLO window."
    ));
    assert_eq!(
        rules
            .matches("- record: slo:sli_error:ratio_rate1d")
            .count(),
        1
    );
}

#[test]
fn what_is_wrong_is_said_in_words() {
    let mut m = monitoring();
    m.service = "   ".into();
    m.name = "two\nlines".into();
    m.sli = Sli::GoodTotal {
        good: "sum(rate(good_total[5m]))".into(),
        total: "sum(rate(requests_total[{{.window}}])".into(),
    };
    m.labels = vec![
        Label {
            name: "2team".into(),
            value: "x".into(),
        },
        Label {
            name: "severity".into(),
            value: "x".into(),
        },
        Label {
            name: "__name__".into(),
            value: "x".into(),
        },
        Label {
            name: "team".into(),
            value: "".into(),
        },
        Label {
            name: "team".into(),
            value: "y".into(),
        },
        Label {
            name: "sloth_id".into(),
            value: "y".into(),
        },
    ];
    let mut s = slo(99.9, WindowKind::Rolling, 30);
    s.monitoring = m;
    let problems = prometheus_rules(&s).unwrap_err();
    let said: Vec<(Field, &str)> = problems
        .iter()
        .map(|p| (p.field, p.message.as_str()))
        .collect();
    assert_eq!(
        said,
        vec![
            (Field::Service, "Enter the service name."),
            (
                Field::Name,
                "The SLO name must stay on one line: it has a line break at character 4."
            ),
            (
                Field::Good,
                "The good-events expression has no {{.window}} placeholder: put it where the \
                 range goes, as in sum(rate(http_requests_total[{{.window}}])), so each window \
                 gets its own range."
            ),
            (Field::Total, "The total-events expression leaves ( open."),
            (
                Field::LabelName(0),
                "The label name \"2team\" is not one Prometheus accepts: it starts with a letter \
                 or _ and holds only letters a–z, A–Z, digits and _."
            ),
            (
                Field::LabelName(1),
                "The rules set the label severity themselves: choose another name."
            ),
            (
                Field::LabelName(2),
                "The label name __name__ starts with __, which Prometheus reserves for itself."
            ),
            (
                Field::LabelValue(3),
                "Enter a value for the label team, or remove the label."
            ),
            (Field::LabelName(4), "The label name team is used twice."),
            (
                Field::LabelName(5),
                "The rules set the label sloth_id themselves: choose another name."
            ),
        ]
    );
    // Length bounds, and a 100% SLO.
    let mut m = monitoring();
    m.service = "s".repeat(101);
    let mut s = slo(100.0, WindowKind::Rolling, 30);
    s.monitoring = m;
    let problems = prometheus_rules(&s).unwrap_err();
    assert_eq!(problems[0].field, Field::Target);
    assert!(problems[0]
        .message
        .starts_with("An SLO of 100% leaves no error budget"));
    assert_eq!(
        problems[1].message,
        "Keep the service name to 100 characters or fewer (it has 101)."
    );
}
