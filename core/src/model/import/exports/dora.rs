//! GitLab's DORA metrics API (`GET /projects/:id/dora/metrics?metric=...
//! &interval=daily|monthly`, docs.gitlab.com/ee/api/dora/metrics.html):
//! figures GitLab has already aggregated, per day or per month, `[{"date":
//! "2026-01-01", "value": 12}]`. The response does not name its metric
//! (the request did), so the file name is read for it (`deployment_
//! frequency`, `lead_time`, `restore`, `change_failure`) and otherwise the
//! user is asked. Points that carry every metric by name (`{"date",
//! "deployment_frequency", "lead_time_for_changes", ...}`) need no question.
//!
//! Values, as GitLab defines them: deployments in the period; the median
//! seconds from merge to deployment; the median seconds an incident was
//! open; incidents ÷ deployments as a fraction.

use chrono::{Datelike, FixedOffset, NaiveDate};
use serde::Deserialize;

use super::file::{DoraMetric, FileOptions, ParsedFile, Question};
use super::json::{each, Layout, Val};
use super::records::{dedupe, DoraPoint};
use crate::model::date::parse_date_lenient;
use crate::model::limits;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Point<'a> {
    #[serde(borrow)]
    date: Val<'a>,
    #[serde(borrow)]
    value: Val<'a>,
    #[serde(borrow)]
    deployment_frequency: Val<'a>,
    #[serde(borrow)]
    lead_time_for_changes: Val<'a>,
    #[serde(borrow)]
    time_to_restore_service: Val<'a>,
    #[serde(borrow)]
    change_failure_rate: Val<'a>,
}

/// The metric a file name points to ("lead_time_for_changes.json").
pub fn metric_from_name(name: &str) -> Option<DoraMetric> {
    let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
    let hits: Vec<DoraMetric> = [
        (
            DoraMetric::DeploymentFrequency,
            &["deployment_frequency", "deploy_freq", "frequency"][..],
        ),
        (DoraMetric::LeadTime, &["lead_time", "leadtime"][..]),
        (
            DoraMetric::TimeToRestore,
            &["time_to_restore", "restore", "mttr"][..],
        ),
        (
            DoraMetric::ChangeFailureRate,
            &["change_failure", "cfr"][..],
        ),
    ]
    .into_iter()
    .filter(|(_, words)| words.iter().any(|w| n.contains(w)))
    .map(|(m, _)| m)
    .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// Reads a DORA metrics file into `out`.
pub fn read(
    bytes: &[u8],
    layout: Layout,
    options: &FileOptions,
    _zone: FixedOffset,
    out: &mut ParsedFile,
) {
    let mut points = Vec::new();
    let mut plain: Vec<f64> = Vec::new();
    let end = each::<Point, _>(bytes, layout, |n, p| {
        let Some(date) = p.date.str().and_then(parse_date_lenient) else {
            return out.reject(
                n,
                "missing or unreadable \"date\" (GitLab writes YYYY-MM-DD)",
            );
        };
        if !limits::date_ok(date) {
            return out.reject(
                n,
                format!(
                    "date {date} is outside the years {}",
                    limits::date_range_words()
                ),
            );
        }
        let read = |v: &Val, field: &str| -> Result<Option<f64>, String> {
            match v {
                Val::Null => Ok(None),
                _ => match v.number() {
                    Some(x) if x >= 0.0 => Ok(Some(x)),
                    _ => Err(format!("\"{field}\" is not a number of zero or more")),
                },
            }
        };
        let fields = [
            read(&p.deployment_frequency, "deployment_frequency"),
            read(&p.lead_time_for_changes, "lead_time_for_changes"),
            read(&p.time_to_restore_service, "time_to_restore_service"),
            read(&p.change_failure_rate, "change_failure_rate"),
            read(&p.value, "value"),
        ];
        let mut vals = [None; 5];
        for (slot, f) in vals.iter_mut().zip(fields) {
            match f {
                Ok(v) => *slot = v,
                Err(e) => return out.reject(n, e),
            }
        }
        plain.extend(vals[4]);
        points.push((
            DoraPoint {
                date,
                deployments: vals[0],
                lead_seconds: vals[1],
                restore_seconds: vals[2],
                change_failure: vals[3],
                position: n,
            },
            vals[4],
        ));
    });
    super::finish_stream(out, &end);
    let keyed = |v: &[(DoraPoint, Option<f64>)]| v.iter().any(|p| p.1.is_some());
    if keyed(&points) {
        let metric = options.dora_metric.or_else(|| metric_from_name(&out.name));
        let Some(metric) = metric else {
            // Only what the values cannot be is ruled out: more than 1 is
            // no failure fraction, a fraction no count of deployments.
            let candidates = DoraMetric::ALL
                .into_iter()
                .filter(|m| match m {
                    DoraMetric::ChangeFailureRate => plain.iter().all(|&v| v <= 1.0),
                    DoraMetric::DeploymentFrequency => plain.iter().all(|v| v.fract() == 0.0),
                    _ => true,
                })
                .collect();
            out.question = Some(Question::DoraMetric { candidates });
            return;
        };
        out.dora_metric = Some(metric);
        for (p, v) in &mut points {
            let slot = match metric {
                DoraMetric::DeploymentFrequency => &mut p.deployments,
                DoraMetric::LeadTime => &mut p.lead_seconds,
                DoraMetric::TimeToRestore => &mut p.restore_seconds,
                DoraMetric::ChangeFailureRate => &mut p.change_failure,
            };
            *slot = slot.or(*v);
        }
    }
    let mut list: Vec<DoraPoint> = points.into_iter().map(|p| p.0).collect();
    // A day given twice keeps its later value.
    out.merged += dedupe_dates(&mut list);
    list.sort_unstable_by_key(|p| p.date);
    out.dora = list;
}

fn dedupe_dates(list: &mut Vec<DoraPoint>) -> usize {
    let mut keyed: Vec<(String, DoraPoint)> =
        list.drain(..).map(|p| (p.date.to_string(), p)).collect();
    let n = dedupe(
        &mut keyed,
        |p| &p.0,
        |kept, new| {
            let k = &mut kept.1;
            k.deployments = new.1.deployments.or(k.deployments);
            k.lead_seconds = new.1.lead_seconds.or(k.lead_seconds);
            k.restore_seconds = new.1.restore_seconds.or(k.restore_seconds);
            k.change_failure = new.1.change_failure.or(k.change_failure);
        },
    );
    *list = keyed.into_iter().map(|p| p.1).collect();
    n
}

/// Whether points are per month (every date the first of its month, a
/// month or more apart) rather than per day.
pub fn monthly(points: &[DoraPoint]) -> bool {
    points.iter().all(|p| p.date.day() == 1)
        && points
            .windows(2)
            .all(|w| (w[1].date - w[0].date).num_days() >= 28)
        && !points.is_empty()
}

/// Merges points of several files by date, each metric from whichever
/// file gives it.
pub fn combine<'a>(files: impl IntoIterator<Item = &'a [DoraPoint]>) -> Vec<DoraPoint> {
    let mut all: Vec<DoraPoint> = files.into_iter().flatten().cloned().collect();
    dedupe_dates(&mut all);
    all.sort_unstable_by_key(|p| p.date);
    all
}

/// The first day of `date`'s month.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}
