//! Prometheus rules for the SLO, checked by Prometheus's own promtool:
//! `promtool check rules` for every window kind at several SLOs, and
//! `promtool test rules` with a synthetic full outage that must fire each
//! alert within the detection time the alert table shows (±1 evaluation
//! interval). The rules text itself is pinned in `fixtures/prometheus/`.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use flywheel_core::model::slo::{
    detection, prometheus_rules, rules_alerts, rules_days, Field, Label, Monitoring, Sli, Slo,
    WindowKind, MINUTES_PER_DAY,
};
use serde_json::{json, Value};

fn monitoring() -> Monitoring {
    Monitoring {
        service: "checkout".into(),
        name: "requests-availability".into(),
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

fn slo(target: f64, window: WindowKind, days: u32) -> Slo {
    Slo {
        target,
        window,
        rolling_days: days,
        monitoring: monitoring(),
        ..Slo::default()
    }
}

/// A scratch directory of its own for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flywheel-promtool-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs promtool, failing loudly (never skipping) when it is missing.
fn promtool(args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new("promtool")
        .args(args)
        .current_dir(dir)
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => panic!(
            "promtool could not be run ({e}). Install Debian's prometheus package, which \
             ships it: apt-get install prometheus"
        ),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn check_rules(name: &str, rules: &str) {
    let dir = scratch(name);
    std::fs::write(dir.join("rules.yml"), rules).unwrap();
    let (ok, out) = promtool(&["check", "rules", "rules.yml"], &dir);
    assert!(
        ok,
        "promtool check rules failed for {name}:\n{out}\n{rules}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

const CASES: [(WindowKind, u32, &str); 4] = [
    (WindowKind::Rolling, 30, "rolling-30d"),
    (WindowKind::Rolling, 28, "rolling-28d"),
    (WindowKind::Rolling, 7, "rolling-7d"),
    (WindowKind::CalendarMonth, 30, "calendar-month"),
];
const TARGETS: [f64; 4] = [99.9, 99.5, 99.0, 90.0];

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

/// Outage start, in minutes: over six hours of clean traffic first, so both
/// page alerts' long windows (1 h, 6 h) start from a clean history, as the
/// detection times in the alert table assume. The tickets' longer windows
/// then reach back to the start of the series: their ratio is worked out
/// over the history there is.
const OUTAGE_AT: u64 = 367;
/// Requests per minute in the synthetic series.
const PER_MINUTE: u64 = 600;

/// Go's `%.4g` of `x × 100` plus "%", as Prometheus's humanizePercentage
/// writes it: four significant digits, trailing zeros dropped.
fn humanize_percentage(x: f64) -> String {
    let v = x * 100.0;
    let decimals = (3 - v.abs().log10().floor() as i32).max(0) as usize;
    let text = format!("{v:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}%")
}

/// The annotations an alert of `rules` carries once Prometheus fills in its
/// templates: the alert block that holds `long_window: "<long>"`.
fn expected_annotations(rules: &str, long: &str, slo: &Slo, value: f64) -> Value {
    let block = rules
        .split("- alert: ")
        .find(|b| b.contains(&format!("long_window: \"{long}\"")))
        .unwrap();
    let field = |key: &str| {
        let line = block
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{key}: ")))
            .unwrap();
        let quoted = line.trim_start()[key.len() + 2..].to_string();
        let text: String = serde_json::from_str(&quoted).unwrap();
        text.replace("{{ $labels.sloth_service }}", &slo.monitoring.service)
            .replace("{{ $labels.sloth_slo }}", &slo.monitoring.name)
            .replace(
                "{{ $value | humanizePercentage }}",
                &humanize_percentage(value),
            )
    };
    json!({ "summary": field("summary"), "description": field("description") })
}

/// Error ratio over a window of `w` minutes, `k` minutes into the outage,
/// worked out independently of the rules: the window holds `min(k, w)` bad
/// minutes out of `min(w, OUTAGE_AT + k)` minutes of traffic (the series
/// start at zero, so Prometheus's rate() does not extrapolate before them).
fn outage_ratio(k: u64, w: f64) -> f64 {
    let k = k as f64;
    k.min(w) / w.min(OUTAGE_AT as f64 + k)
}

/// The first whole minute into the outage at which both windows of `a`
/// are above its threshold, and the threshold.
fn first_firing(a: &flywheel_core::model::slo::Alert, b: f64) -> (u64, f64) {
    let threshold = a.factor * b;
    let k = (1..100_000)
        .find(|&k| outage_ratio(k, a.long) > threshold && outage_ratio(k, a.short) > threshold)
        .unwrap();
    (k, threshold)
}

/// The promtool unit test (JSON, which YAML readers take as YAML) for a full
/// outage from [`OUTAGE_AT`]: each alert is not firing one evaluation before
/// it should and is firing at that evaluation, with every alert expected to
/// be firing at each of those moments listed. For the page alerts the
/// moment is checked against the alert table's detection time first.
fn outage_test(slo: &Slo, rules: &str) -> Value {
    let b = slo.budget_ratio();
    let window = f64::from(rules_days(slo)) * MINUTES_PER_DAY;
    let alerts = rules_alerts(slo);
    assert!(!alerts.is_empty());
    let firsts: Vec<(u64, f64)> = alerts.iter().map(|a| first_firing(a, b)).collect();
    for (a, &(k, _)) in alerts.iter().zip(&firsts) {
        if a.long <= OUTAGE_AT as f64 {
            // Within one evaluation interval (1 min) after the detection
            // time, and not before it.
            let d = detection(a, 1.0, b, window).unwrap().minutes;
            assert!(
                k as f64 > d && k as f64 <= d + 1.0,
                "{}: {k} vs {d}",
                a.name()
            );
        }
    }
    // Not firing the minute before; two minutes before when the minute
    // before sits exactly on the threshold (a detection time in whole
    // minutes, such as 6 × 0.1 × 360 = 216 at 90%).
    let on_threshold = |k: u64, a: &flywheel_core::model::slo::Alert, threshold: f64| {
        (outage_ratio(k, a.long) - threshold).abs() <= 1e-9
    };
    let mut times: Vec<u64> = alerts
        .iter()
        .zip(&firsts)
        .flat_map(|(a, &(k, t))| {
            let before = if on_threshold(k - 1, a, t) {
                k - 2
            } else {
                k - 1
            };
            [before, k]
        })
        .collect();
    times.sort_unstable();
    times.dedup();
    let labels = |a: &flywheel_core::model::slo::Alert| {
        let mut l = serde_json::Map::new();
        for label in &slo.monitoring.labels {
            l.insert(label.name.clone(), json!(label.value));
        }
        l.insert("sloth_id".into(), json!(slo.monitoring.id()));
        l.insert("sloth_service".into(), json!(slo.monitoring.service));
        l.insert("sloth_slo".into(), json!(slo.monitoring.name));
        l.insert("severity".into(), json!(a.severity.key()));
        l.insert("long_window".into(), json!(dur(a.long)));
        l.insert("short_window".into(), json!(dur(a.short)));
        Value::Object(l)
    };
    let checks: Vec<Value> = times
        .iter()
        .map(|&k| {
            let firing: Vec<Value> = alerts
                .iter()
                .zip(&firsts)
                .filter(|(a, &(_, threshold))| {
                    // A moment where a ratio sits exactly on a threshold
                    // would be a coin toss between float roundings.
                    for w in [a.long, a.short] {
                        let gap = (outage_ratio(k, w) - threshold).abs();
                        assert!(gap > 1e-9, "test point {k} on a threshold");
                    }
                    k >= first_firing(a, b).0
                })
                .map(|(a, _)| {
                    // The alert's value is the short window's error ratio.
                    let value = outage_ratio(k, a.short);
                    json!({
                        "exp_labels": labels(a),
                        "exp_annotations": expected_annotations(rules, &dur(a.long), slo, value),
                    })
                })
                .collect();
            json!({
                "eval_time": format!("{}m", OUTAGE_AT + k),
                "alertname": "ErrorBudgetBurn",
                "exp_alerts": firing,
            })
        })
        .collect();
    let end = OUTAGE_AT + times.last().unwrap() + 10;
    json!({
        "rule_files": ["rules.yml"],
        "evaluation_interval": "1m",
        "tests": [{
            "interval": "1m",
            "input_series": [
                { "series": "requests_total", "values": format!("0+{PER_MINUTE}x{end}") },
                {
                    "series": "good_total",
                    "values": format!(
                        "0+{PER_MINUTE}x{OUTAGE_AT} {}+0x{}",
                        PER_MINUTE * OUTAGE_AT,
                        end - OUTAGE_AT
                    ),
                },
            ],
            "alert_rule_test": checks,
        }],
    })
}

fn dur(minutes: f64) -> String {
    flywheel_core::model::slo::prom_duration(minutes)
}

fn run_outage_test(name: &str, slo: &Slo) {
    let rules = prometheus_rules(slo).unwrap();
    let test = outage_test(slo, &rules);
    let dir = scratch(name);
    std::fs::write(dir.join("rules.yml"), &rules).unwrap();
    std::fs::write(
        dir.join("test.yml"),
        serde_json::to_string_pretty(&test).unwrap(),
    )
    .unwrap();
    let (ok, out) = promtool(&["test", "rules", "test.yml"], &dir);
    assert!(ok, "promtool test rules failed for {name}:\n{out}");
    if std::env::var_os("KEEP").is_none() {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

fn outage_sli() -> Sli {
    Sli::GoodTotal {
        good: "sum(rate(good_total[{{.window}}]))".into(),
        total: "sum(rate(requests_total[{{.window}}]))".into(),
    }
}

#[test]
fn a_full_outage_fires_each_alert_within_its_detection_time() {
    for (window, days, name) in CASES {
        for target in TARGETS {
            let mut s = slo(target, window, days);
            s.monitoring.sli = outage_sli();
            run_outage_test(&format!("outage-{name}-{target}"), &s);
        }
    }
}

#[test]
fn the_three_sli_forms_fire_alike() {
    // 99%: the 1-hour page fires at 14.4 × 0.01 × 60 = 8.64 min (9 m).
    let mut s = slo(99.0, WindowKind::Rolling, 30);
    s.monitoring.sli = Sli::BadTotal {
        bad: "sum(rate(requests_total[{{.window}}])) - sum(rate(good_total[{{.window}}]))".into(),
        total: "sum(rate(requests_total[{{.window}}]))".into(),
    };
    run_outage_test("outage-bad-total", &s);
    s.monitoring.sli = Sli::ErrorRatio {
        ratio: "1 - sum(rate(good_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))"
            .into(),
    };
    run_outage_test("outage-error-ratio", &s);
}

/// Strings that break naive YAML or PromQL: quotes, colons, `#`, a
/// backslash, braces of Go templates, YAML 1.1 booleans as label names,
/// and scripts and symbols outside ASCII.
fn hostile() -> Monitoring {
    let label = |name: &str, value: &str| Label {
        name: name.into(),
        value: value.into(),
    };
    Monitoring {
        service: r#"O'Brien "shop": #1 {{x}}"#.into(),
        name: "Zürich café ✓: 50% #fast \\ back – 日本 🚀".into(),
        sli: Sli::GoodTotal {
            good: "sum(rate(good_total[{{.window}}]))\t# good: \"#\"".into(),
            total: "sum(rate(requests_total[{{.window}}]))".into(),
        },
        labels: vec![
            label("yes", r#"a "quoted": value #not-a-comment"#),
            label("null", "日本語 — ✓ 🚀 \\n stays two characters"),
            label("on", "{{ $labels.sloth_id }} & 'single' : - ? |"),
            label("Team_2", " leading and trailing spaces "),
        ],
    }
}

#[test]
fn hostile_strings_reach_prometheus_exactly() {
    let mut s = slo(99.0, WindowKind::Rolling, 30);
    s.monitoring = hostile();
    assert!(
        s.monitoring.problems().is_empty(),
        "{:?}",
        s.monitoring.problems()
    );
    let rules = prometheus_rules(&s).unwrap();
    check_rules("hostile", &rules);
    // The outage test's expected labels travel as JSON: promtool compares
    // them with what it read from the rules, so every label value came back
    // from Prometheus's own YAML and PromQL readers exactly.
    run_outage_test("hostile-outage", &s);
    // Nothing typed reaches a comment line.
    for line in rules.lines().filter(|l| l.starts_with('#')) {
        assert!(
            !line.contains("O'Brien") && !line.contains("Zürich"),
            "{line}"
        );
    }
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
