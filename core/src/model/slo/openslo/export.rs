//! Writing the SLO as OpenSLO v1: one `SLO` document with its indicator
//! inline, then per alert row an `AlertPolicy` holding its
//! `AlertCondition` inline, then the two `AlertNotificationTarget`s the
//! policies route to (the schema asks for at least one per policy).

use chrono::NaiveDate;

use super::super::yaml::{quoted, Doc};
use super::super::{
    last_window, prometheus::budget_words, rules_alerts, rules_days, rules_problems, slug, Alert,
    Method, Problem, Severity, Sli, Slo, WindowKind, CALENDAR_RULES_DAYS,
};
use crate::model::date::iso;
use crate::model::units::format_number;

/// An OpenSLO file and what it could not carry.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenSloExport {
    pub text: String,
    /// What was left out or approximated, in words.
    pub notes: Vec<String>,
}

/// Whether `name` is an OpenSLO label key: at most 63 characters, letters,
/// digits, `-`, `_` and `.`, beginning and ending with a letter or digit.
pub fn is_openslo_key(name: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    name.len() <= 63
        && edge(name.chars().next())
        && edge(name.chars().last())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The SLO as OpenSLO v1 YAML. `today` places a calendar month the user
/// has not chosen. Needs what the Prometheus rules need (a target below
/// 100%, the names and the SLI expressions).
pub fn export_openslo(slo: &Slo, today: NaiveDate) -> Result<OpenSloExport, Vec<Problem>> {
    let problems = rules_problems(slo);
    if !problems.is_empty() {
        return Err(problems);
    }
    let m = &slo.monitoring;
    let base = slug(&m.id(), 52);
    let alerts = rules_alerts(slo);
    let mut notes = Vec::new();
    let mut doc = Doc::new();
    doc.line(
        0,
        "# OpenSLO v1: the SLO and its alert policies, written by Flywheel.",
    );
    doc.line(0, "apiVersion: openslo/v1");
    doc.line(0, "kind: SLO");
    doc.line(0, "metadata:");
    doc.line(1, &format!("name: {base}"));
    doc.pair(1, "displayName", m.name.trim());
    let labels: Vec<_> = m
        .labels
        .iter()
        .filter(|l| {
            let ok = is_openslo_key(&l.name);
            if !ok {
                notes.push(format!(
                    "The label {} was left out: OpenSLO label names begin and end with a \
                     letter or digit.",
                    l.name
                ));
            }
            ok
        })
        .collect();
    if !labels.is_empty() {
        doc.line(1, "labels:");
        for l in labels {
            doc.line(2, &format!("{}: {}", quoted(&l.name), quoted(&l.value)));
        }
    }
    doc.line(0, "spec:");
    let (window, method) = words(slo);
    doc.pair(
        1,
        "description",
        &format!(
            "{}% of {method} good over {window}.",
            format_number(slo.target, 10)
        ),
    );
    doc.pair(1, "service", m.service.trim());
    doc.line(1, "indicator:");
    doc.line(2, "metadata:");
    doc.line(3, &format!("name: {base}-sli"));
    doc.line(2, "spec:");
    doc.line(3, "ratioMetric:");
    let source = |doc: &mut Doc, role: &str, query: &str| {
        doc.line(4, &format!("{role}:"));
        doc.line(5, "metricSource:");
        doc.line(6, "type: Prometheus");
        doc.line(6, "spec:");
        doc.pair(7, "query", query.trim());
    };
    match &m.sli {
        Sli::GoodTotal { good, total } => {
            doc.line(4, "counter: true");
            source(&mut doc, "good", good);
            source(&mut doc, "total", total);
        }
        Sli::BadTotal { bad, total } => {
            doc.line(4, "counter: true");
            source(&mut doc, "bad", bad);
            source(&mut doc, "total", total);
        }
        Sli::ErrorRatio { ratio } => {
            doc.line(4, "rawType: failure");
            source(&mut doc, "raw", ratio);
        }
    }
    doc.line(1, "timeWindow:");
    match slo.window {
        WindowKind::Rolling => {
            doc.line(2, &format!("- duration: {}d", slo.rolling_days));
            doc.line(3, "isRolling: true");
        }
        WindowKind::CalendarMonth => {
            doc.line(2, "- duration: 1M");
            doc.line(3, "isRolling: false");
            doc.line(3, "calendar:");
            let start = slo.start_date(today);
            doc.pair(4, "startTime", &format!("{} 00:00:00", iso(start)));
            doc.line(4, "timeZone: UTC");
            notes.push(format!(
                "The alert thresholds count a month as {CALENDAR_RULES_DAYS} days, as the \
                 Prometheus rules do."
            ));
        }
    }
    match slo.method {
        Method::RequestBased => doc.line(1, "budgetingMethod: Occurrences"),
        Method::TimeBased => doc.line(1, "budgetingMethod: Timeslices"),
    }
    doc.line(1, "objectives:");
    doc.line(2, &format!("- targetPercent: {}", slo.target));
    if slo.method == Method::TimeBased {
        // A minute counts as good when its own success ratio meets the
        // objective: the reading closest to Flywheel's, where a minute's
        // badness is the share of traffic failing.
        doc.line(
            3,
            &format!("timeSliceTarget: {}", format_number(slo.target / 100.0, 15)),
        );
        doc.line(3, "timeSliceWindow: 1m");
    }
    if !alerts.is_empty() {
        doc.line(1, "alertPolicies:");
        for a in &alerts {
            doc.line(2, &format!("- alertPolicyRef: {}", policy_name(&base, a)));
        }
    }
    for a in &alerts {
        policy(&mut doc, slo, &base, a);
    }
    for severity in [Severity::Page, Severity::Ticket] {
        if alerts.iter().any(|a| a.severity == severity) {
            let key = severity.key();
            doc.line(0, "---");
            doc.line(0, "apiVersion: openslo/v1");
            doc.line(0, "kind: AlertNotificationTarget");
            doc.line(0, "metadata:");
            doc.line(1, &format!("name: {base}-{key}"));
            doc.line(0, "spec:");
            doc.line(1, &format!("target: {key}"));
            doc.pair(
                1,
                "description",
                &format!(
                    "Where {key} alerts go: replace \"{key}\" with your own target (a pager, \
                     a chat channel, e-mail)."
                ),
            );
        }
    }
    for a in super::super::alert_table(rules_days(slo)) {
        if !alerts.contains(&a) {
            notes.push(if a.applies {
                format!(
                    "The {} was left out: at this SLO it could never fire ({}× needs more than \
                     every request failing).",
                    a.name(),
                    format_number(a.factor, 2)
                )
            } else {
                format!(
                    "The {} was left out: its window is longer than the SLO's.",
                    a.name()
                )
            });
        }
    }
    Ok(OpenSloExport {
        text: doc.finish(),
        notes,
    })
}

/// The window and what is counted, in words.
fn words(slo: &Slo) -> (String, &'static str) {
    let window = match slo.window {
        WindowKind::Rolling => format!("a rolling {}-day window", slo.rolling_days),
        WindowKind::CalendarMonth => "each calendar month".to_string(),
    };
    let method = match slo.method {
        Method::RequestBased => "requests",
        Method::TimeBased => "minutes",
    };
    (window, method)
}

fn policy_name(base: &str, a: &Alert) -> String {
    format!(
        "{base}-{}-{}",
        a.severity.key(),
        super::super::prom_duration(a.long)
    )
}

/// One alert policy with its condition inline. OpenSLO's burn-rate
/// condition has one lookback window, so the short window is said in the
/// description (the Prometheus rules carry both).
fn policy(doc: &mut Doc, slo: &Slo, base: &str, a: &Alert) {
    let name = policy_name(base, a);
    let long = super::super::prom_duration(a.long);
    let share = format_number(a.budget_share * 100.0, 2);
    let description = format!(
        "{share}% of {} spent in {}: the burn rate over {} and over {} is above {}×.",
        budget_words(slo),
        last_window(a.long),
        last_window(a.long),
        last_window(a.short),
        format_number(a.factor, 2)
    );
    doc.line(0, "---");
    doc.line(0, "apiVersion: openslo/v1");
    doc.line(0, "kind: AlertPolicy");
    doc.line(0, "metadata:");
    doc.line(1, &format!("name: {name}"));
    doc.pair(1, "displayName", &a.name());
    doc.line(0, "spec:");
    doc.pair(1, "description", &description);
    doc.line(1, "alertWhenBreaching: true");
    doc.line(1, "alertWhenResolved: false");
    doc.line(1, "alertWhenNoData: false");
    doc.line(1, "conditions:");
    doc.line(2, "- kind: AlertCondition");
    doc.line(3, "metadata:");
    doc.line(4, &format!("name: {name}"));
    doc.line(3, "spec:");
    doc.pair(4, "description", &description);
    doc.line(4, &format!("severity: {}", a.severity.key()));
    doc.line(4, "condition:");
    doc.line(5, "kind: burnrate");
    doc.line(5, "op: gt");
    doc.line(5, &format!("threshold: {}", format_number(a.factor, 6)));
    doc.line(5, &format!("lookbackWindow: {long}"));
    doc.line(5, "alertAfter: 0m");
    doc.line(1, "notificationTargets:");
    doc.line(2, &format!("- targetRef: {base}-{}", a.severity.key()));
}
