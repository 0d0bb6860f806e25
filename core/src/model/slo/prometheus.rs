//! Prometheus rules for the SLO: recording rules for the error ratio over
//! every window the alert table uses, sloth's meta recordings, and one
//! multi-window burn-rate alert per row of the table, with the factors
//! recomputed for the SLO's window (domain.md §3).
//!
//! The layout is sloth's (`examples/_gen/*.yml` in slok/sloth): three rule
//! groups, records named `slo:sli_error:ratio_rate<window>`, series
//! labelled `sloth_id`, `sloth_service`, `sloth_slo` and `sloth_window`, so
//! a team that knows sloth recognises the file and sloth's Grafana
//! dashboards read its series. It departs from sloth twice, and says so in
//! its header: one alert per row rather than one per severity, so each
//! alert's words say exactly what fired; and the alerts share a group with
//! the ratios they read, after them. Prometheus runs the rules of a group
//! in order at one evaluation time (Prometheus docs, "Recording rules"),
//! while separate groups run independently, so an alert in a group of its
//! own may read ratios one evaluation old and fire an interval late.

use super::yaml::{quoted, Doc};
use super::{
    alert_table, duration_words, last_window, Alert, Field, Problem, Sli, Slo, WindowKind,
    MINUTES_PER_DAY, WINDOW_PLACEHOLDER,
};
use crate::model::units::format_number;

/// Days a calendar month counts as in the rules. A Prometheus range has
/// one fixed length, so the burn-rate factors and the period series use 30
/// days, as sloth does for a month and as the SRE Workbook's table assumes.
/// Over a 31-day month the 1-hour page then fires at 2% × 30/31 = 1.94% of
/// that month's budget; over February's 28 days at 2.14%.
pub const CALENDAR_RULES_DAYS: u32 = 30;
/// The alerts' name. Every row shares it, told apart by the `severity`,
/// `long_window` and `short_window` labels.
pub const ALERT_NAME: &str = "ErrorBudgetBurn";
/// Smallest budget ratio the rules are written for (an SLO up to
/// 99.9999999%): below it the threshold would print as zero.
pub const MIN_RULES_BUDGET: f64 = 1e-9;

/// The window the rules are written for, in days: the rolling window, or
/// [`CALENDAR_RULES_DAYS`] for a calendar month.
pub fn rules_days(slo: &Slo) -> u32 {
    match slo.window {
        WindowKind::Rolling => slo.rolling_days,
        WindowKind::CalendarMonth => CALENDAR_RULES_DAYS,
    }
}

/// A whole number of minutes as a Prometheus duration in its largest whole
/// unit: `5m`, `1h`, `30d`.
pub fn prom_duration(minutes: f64) -> String {
    let (n, unit) = super::alerts::window_unit(minutes);
    format!("{n}{}", &unit[..1])
}

/// "the 30-day budget", or "the monthly budget" for a calendar month.
pub fn budget_words(slo: &Slo) -> String {
    match slo.window {
        WindowKind::Rolling => format!("the {}-day budget", slo.rolling_days),
        WindowKind::CalendarMonth => "the monthly budget".to_string(),
    }
}

/// A ratio for PromQL: up to 15 decimals, no trailing zeros, so 99.9%
/// gives 0.999 and its budget 0.001 rather than 0.0010000000000000009.
fn ratio(x: f64) -> String {
    format_number(x, 15)
}

/// `x` with `n` significant digits (at most 12 decimals).
pub(super) fn significant(x: f64, n: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return format_number(x, 0);
    }
    let decimals = (n - 1 - x.abs().log10().floor() as i32).clamp(0, 12);
    format_number(x, decimals as usize)
}

/// A PromQL string literal holding `text` exactly.
fn promql_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The rows the rules alert on: those whose long window fits in the
/// window and whose threshold can be reached at this SLO.
pub fn rules_alerts(slo: &Slo) -> Vec<Alert> {
    let b = slo.budget_ratio();
    alert_table(rules_days(slo))
        .into_iter()
        .filter(|a| a.applies && a.reachable(b))
        .collect()
}

/// Everything that keeps the rules from being written: the SLO's own
/// problems first, then the monitoring fields'.
pub fn rules_problems(slo: &Slo) -> Vec<Problem> {
    let mut problems = Vec::new();
    let b = slo.budget_ratio();
    if b <= 0.0 {
        problems.push(Problem::new(
            Field::Target,
            "An SLO of 100% leaves no error budget, so there is no burn rate to alert on: \
             lower the target."
                .to_string(),
        ));
    } else if b < MIN_RULES_BUDGET {
        problems.push(Problem::new(
            Field::Target,
            "This SLO leaves a budget too small to alert on (above 99.9999999%): lower the \
             target."
                .to_string(),
        ));
    }
    problems.extend(slo.monitoring.problems());
    problems
}

/// The rules file (YAML) for the SLO, or what keeps it from being written.
pub fn prometheus_rules(slo: &Slo) -> Result<String, Vec<Problem>> {
    let problems = rules_problems(slo);
    if !problems.is_empty() {
        return Err(problems);
    }
    let m = &slo.monitoring;
    let days = rules_days(slo);
    let period = f64::from(days) * MINUTES_PER_DAY;
    let alerts = rules_alerts(slo);
    let mut windows: Vec<f64> = vec![5.0];
    for a in &alerts {
        windows.extend([a.short, a.long]);
    }
    windows.sort_by(f64::total_cmp);
    windows.dedup();
    let id = m.id();
    let ids = [
        ("sloth_id", id.as_str()),
        ("sloth_service", m.service.trim()),
        ("sloth_slo", m.name.trim()),
    ];
    let selector = ids
        .iter()
        .map(|(k, v)| format!("{k}={}", promql_string(v)))
        .collect::<Vec<_>>()
        .join(", ");
    let labels = |doc: &mut Doc, window: Option<f64>, extra: &[(&str, String)]| {
        doc.line(4, "labels:");
        for l in &m.labels {
            doc.line(5, &format!("{}: {}", quoted(&l.name), quoted(&l.value)));
        }
        for (k, v) in ids {
            doc.pair(5, k, v);
        }
        if let Some(w) = window {
            doc.pair(5, "sloth_window", &prom_duration(w));
        }
        for (k, v) in extra {
            doc.pair(5, k, v);
        }
    };

    let mut doc = Doc::new();
    header(&mut doc, slo, &alerts);
    doc.line(0, "groups:");
    doc.pair(
        1,
        "- name",
        &format!("sloth-slo-sli-recordings-and-alerts-{id}"),
    );
    doc.line(2, "rules:");
    for &w in &windows {
        doc.line(
            3,
            &format!("- record: slo:sli_error:ratio_rate{}", prom_duration(w)),
        );
        doc.block(4, "expr", &sli_lines(&m.sli, &prom_duration(w)));
        labels(&mut doc, Some(w), &[]);
    }
    let period_record = format!("slo:sli_error:ratio_rate{}", prom_duration(period));
    // A one- or three-day window is already recorded as an alert window.
    if !windows.contains(&period) {
        doc.line(3, &format!("- record: {period_record}"));
        doc.block(
            4,
            "expr",
            &[
                format!(
                    "sum_over_time(slo:sli_error:ratio_rate5m{{{selector}}}[{}])",
                    prom_duration(period)
                ),
                "/ ignoring (sloth_window)".to_string(),
                format!(
                    "count_over_time(slo:sli_error:ratio_rate5m{{{selector}}}[{}])",
                    prom_duration(period)
                ),
            ],
        );
        labels(&mut doc, Some(period), &[]);
    }
    for a in &alerts {
        alert_rule(&mut doc, slo, a, &selector);
    }

    doc.pair(1, "- name", &format!("sloth-slo-meta-recordings-{id}"));
    doc.line(2, "rules:");
    let b = slo.budget_ratio();
    let join = "/ on(sloth_id, sloth_slo, sloth_service) group_left";
    let budget_series = format!("slo:error_budget:ratio{{{selector}}}");
    let meta: [(&str, Vec<String>); 6] = [
        (
            "slo:objective:ratio",
            vec![format!("vector({})", ratio(1.0 - b))],
        ),
        (
            "slo:error_budget:ratio",
            vec![format!("vector({})", ratio(b))],
        ),
        ("slo:time_period:days", vec![format!("vector({days})")]),
        (
            "slo:current_burn_rate:ratio",
            vec![
                format!("slo:sli_error:ratio_rate5m{{{selector}}}"),
                join.to_string(),
                budget_series.clone(),
            ],
        ),
        (
            "slo:period_burn_rate:ratio",
            vec![
                format!("{period_record}{{{selector}}}"),
                join.to_string(),
                budget_series,
            ],
        ),
        (
            "slo:period_error_budget_remaining:ratio",
            vec![format!("1 - slo:period_burn_rate:ratio{{{selector}}}")],
        ),
    ];
    for (record, expr) in meta {
        doc.line(3, &format!("- record: {record}"));
        doc.block(4, "expr", &expr);
        labels(&mut doc, None, &[]);
    }
    doc.line(3, "- record: sloth_slo_info");
    doc.block(4, "expr", &["vector(1)".to_string()]);
    labels(
        &mut doc,
        None,
        &[("sloth_objective", format_number(slo.target, 10))],
    );

    Ok(doc.finish())
}

/// The comment at the top: what the file is, where its choices come from,
/// and any row left out. No user text appears in it.
fn header(doc: &mut Doc, slo: &Slo, alerts: &[Alert]) {
    let window = match slo.window {
        WindowKind::Rolling => format!("a rolling {}-day window.", slo.rolling_days),
        WindowKind::CalendarMonth => format!(
            "a calendar month,\n# counted as {CALENDAR_RULES_DAYS} days: a Prometheus range has \
             one fixed length."
        ),
    };
    let target = format_number(slo.target, 10);
    let text = format!(
        "# Prometheus rules for a {target}% SLO over {window}
# Written by Flywheel in sloth's layout (record names, sloth_* labels), so
# sloth's dashboards read these series.
# Alerts: the multi-window, multi-burn-rate table of the Google SRE Workbook
# (\"Alerting on SLOs\"), each burn-rate factor recomputed for this window as
# r = p × T / w. No `for` clause: the short window already keeps a brief spike
# from firing and lets the alert reset soon after recovery, while a `for` would
# add its length to every detection time (the Workbook's \"alert duration\").
# Unlike sloth, one alert per row of the table, in the group of the ratios it
# reads: Prometheus runs a group's rules in order, so each alert sees the
# ratios of the same evaluation rather than those of the one before."
    );
    for line in text.lines() {
        doc.line(0, line);
    }
    let b = slo.budget_ratio();
    for a in alert_table(rules_days(slo)) {
        if alerts.contains(&a) {
            continue;
        }
        let why = if a.applies {
            format!(
                "at a {target}% SLO it would need {} of requests to fail",
                significant(a.factor * b * 100.0, 3) + "%"
            )
        } else {
            "its long window is longer than the SLO window".to_string()
        };
        doc.line(
            0,
            &format!(
                "# Left out: the {} ({}×): {why}.",
                a.name(),
                format_number(a.factor, 2)
            ),
        );
    }
}

/// The error ratio over `window` from the user's SLI: each expression on
/// its own line, so a `#` comment in one cannot swallow a bracket.
fn sli_lines(sli: &Sli, window: &str) -> Vec<String> {
    let at = |e: &str| format!("  {}", e.trim().replace(WINDOW_PLACEHOLDER, window));
    match sli {
        Sli::GoodTotal { good, total } => vec![
            "1 - (".to_string(),
            at(good),
            ") / (".to_string(),
            at(total),
            ")".to_string(),
        ],
        Sli::BadTotal { bad, total } => vec![
            "(".to_string(),
            at(bad),
            ") / (".to_string(),
            at(total),
            ")".to_string(),
        ],
        Sli::ErrorRatio { ratio } => vec!["(".to_string(), at(ratio), ")".to_string()],
    }
}

/// One alerting rule: both windows above `factor × budget`.
fn alert_rule(doc: &mut Doc, slo: &Slo, a: &Alert, selector: &str) {
    let b = slo.budget_ratio();
    let threshold = format!("({} * {})", format_number(a.factor, 6), ratio(b));
    let (short, long) = (prom_duration(a.short), prom_duration(a.long));
    let cond = |w: &str| {
        format!(
            "  max(slo:sli_error:ratio_rate{w}{{{selector}}} > {threshold}) without (sloth_window)"
        )
    };
    doc.line(3, &format!("- alert: {ALERT_NAME}"));
    doc.block(
        4,
        "expr",
        &[
            "(".to_string(),
            cond(&short),
            "  and".to_string(),
            cond(&long),
            ")".to_string(),
        ],
    );
    doc.line(4, "labels:");
    doc.pair(5, "severity", a.severity.key());
    doc.pair(5, "long_window", &long);
    doc.pair(5, "short_window", &short);
    doc.line(4, "annotations:");
    let share = format_number(a.budget_share * 100.0, 2);
    let budget = budget_words(slo);
    doc.pair(
        5,
        "summary",
        &format!(
            "{{{{ $labels.sloth_service }}}} {{{{ $labels.sloth_slo }}}}: {share}% of {budget} \
             spent in {}",
            last_window(a.long)
        ),
    );
    let period = f64::from(rules_days(slo)) * MINUTES_PER_DAY;
    doc.pair(
        5,
        "description",
        &format!(
            "The error ratio over {} and over {} is above {}% ({}× the {}% budget of a {}% \
             SLO): at this burn rate {} lasts {}. Error ratio over {}: \
             {{{{ $value | humanizePercentage }}}}.",
            last_window(a.long),
            last_window(a.short),
            significant(a.factor * b * 100.0, 3),
            format_number(a.factor, 2),
            significant(b * 100.0, 3),
            format_number(slo.target, 10),
            budget.replacen("the ", "the whole ", 1),
            duration_words(period / a.factor),
            last_window(a.short),
        ),
    );
}
