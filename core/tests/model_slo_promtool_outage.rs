//! A synthetic full outage through Prometheus's own promtool (`promtool
//! test rules`): each alert must fire within the detection time the alert
//! table shows (±1 evaluation interval), and hostile label values must
//! come back from Prometheus's readers exactly.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod promtool;

use flywheel_core::model::slo::{
    detection, prometheus_rules, rules_alerts, rules_days, Label, Monitoring, Sli, Slo, WindowKind,
    MINUTES_PER_DAY,
};
use promtool::{check_rules, promtool, scratch, slo, CASES, TARGETS};
use serde_json::{json, Value};

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
