//! Imported deployments and incidents bucketed per calendar month and per
//! ISO week, in one pass over each list.
//!
//! A deployment belongs to the month (and week) of its local date in the
//! chosen fixed offset. A recovery belongs where the baseline's window
//! would put it: a failed deployment's incidents (earliest start → latest
//! resolution) to the deployment's month, an incident naming no deployment
//! to the month it started in. The data's period is the span of its rows
//! (`Dataset::span`, as the import's coverage note reads it): months at
//! either end count only the days inside it, so a file starting on the
//! 20th does not read as a slow month.

use chrono::{FixedOffset, NaiveDate};

use super::{four_digits, MonthlyPoint, MonthlyTrend, TrendSource, MAX_MONTHS};
use crate::model::date::month::{self, week_monday};
use crate::model::date::{format_date, format_month, timestamp};
use crate::model::import::stats::Summary;
use crate::model::import::Dataset;
use crate::model::limits;
use crate::model::Metric;

/// Most ISO weeks the weekly view keeps: ten years.
pub const MAX_WEEKS: usize = 522;

/// One ISO week's deployments.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekRow {
    /// Its Monday.
    pub monday: NaiveDate,
    /// "2026-W10".
    pub label: String,
    /// Days of the week inside the data's period, 1–7.
    pub days: u32,
    pub deploys: u32,
    /// Deployments ÷ days × 7.
    pub per_week: f64,
    /// Fewer than seven days inside the data: marked, not drawn as solid.
    pub partial: bool,
}

/// What an import's rows give over time.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTrend {
    pub trend: MonthlyTrend,
    /// Deployment frequency per ISO week, oldest first.
    pub weeks: Vec<WeekRow>,
    /// What had to be said: the part of a long file left out.
    pub notes: Vec<String>,
}

#[derive(Clone, Default)]
struct Month {
    deploys: u32,
    lead: Vec<f64>,
    failed: u32,
    rework: u32,
    recovery: Vec<f64>,
}

/// Days of `[from, to]` inside `[first, last]`.
fn overlap(from: NaiveDate, to: NaiveDate, first: NaiveDate, last: NaiveDate) -> u32 {
    let days = (to.min(last) - from.max(first)).num_days() + 1;
    u32::try_from(days.max(0)).unwrap_or(0)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Buckets the rows per month and ISO week in `zone`. The last
/// [`MAX_MONTHS`] months (and [`MAX_WEEKS`] weeks) of the data are kept.
pub fn from_data(data: &Dataset, zone: FixedOffset) -> Result<DataTrend, String> {
    let Some((first_day, last_day)) = data.span(zone).filter(|_| !data.deployments.is_empty())
    else {
        return Err("There are no deployments, so there is no trend to show.".to_string());
    };
    let mut notes = Vec::new();
    let last_month = month::first_of_month(last_day);
    let mut start_month = month::first_of_month(first_day);
    if month::months_between(start_month, last_month) >= MAX_MONTHS as i64 {
        start_month = month::add_months(last_month, 1 - MAX_MONTHS as i64).unwrap_or(start_month);
        notes.push(format!(
            "The data runs from {} to {}: the trend shows its last {MAX_MONTHS} months, from {}.",
            format_date(first_day),
            format_date(last_day),
            format_month(start_month)
        ));
    }
    let first_day = first_day.max(start_month);
    let months = usize::try_from(month::months_between(start_month, last_month) + 1).unwrap_or(0);
    let month_of = |t: i64| {
        let k = month::months_between(start_month, timestamp::local_date(t, zone));
        usize::try_from(k).ok().filter(|&k| k < months)
    };

    // Each failed deployment's incidents: earliest start, latest resolution.
    let mut linked: Vec<Option<(i64, i64)>> = vec![None; data.deployments.len()];
    let mut acc = vec![Month::default(); months];
    for inc in &data.incidents {
        match inc.deployment {
            Some(i) => {
                if let Some(slot) = linked.get_mut(i) {
                    let e = slot.get_or_insert((inc.started, inc.resolved));
                    *e = (e.0.min(inc.started), e.1.max(inc.resolved));
                }
            }
            None => {
                if let Some(k) = month_of(inc.started) {
                    acc[k]
                        .recovery
                        .push((inc.resolved - inc.started) as f64 / 3600.0);
                }
            }
        }
    }
    for (d, link) in data.deployments.iter().zip(&linked) {
        let Some(k) = month_of(d.at) else { continue };
        let m = &mut acc[k];
        m.deploys += 1;
        if let Some(c) = d.first_commit {
            m.lead.push((d.at - c) as f64 / 3600.0);
        }
        m.failed += u32::from(d.failed || link.is_some());
        m.rework += u32::from(d.rework);
        if let Some((start, end)) = link {
            m.recovery.push((end - start) as f64 / 3600.0);
        }
    }

    let mut points = Vec::with_capacity(months * 5);
    for (k, m) in acc.iter_mut().enumerate() {
        let Some(first) = month::add_months(start_month, k as i64) else {
            continue;
        };
        let last = month::last_of_month(first).unwrap_or(first);
        let days = overlap(first, last, first_day, last_day).max(1);
        let mut push = |metric, value: f64, samples: u32| {
            points.push(MonthlyPoint {
                month: first,
                metric,
                value: four_digits(value),
                samples: Some(samples),
            })
        };
        let per_day = f64::from(m.deploys) / f64::from(days);
        push(
            Metric::DeployFrequency,
            per_day.min(crate::model::scenario::MAX_AMOUNT),
            days,
        );
        m.lead.sort_unstable_by(f64::total_cmp);
        if let Some(s) = Summary::of(&m.lead) {
            push(Metric::LeadTime, s.median, count(s.n));
        }
        if m.deploys > 0 {
            let pct = |n: u32| f64::from(n) / f64::from(m.deploys) * 100.0;
            push(Metric::ChangeFailureRate, pct(m.failed), m.deploys);
        }
        m.recovery.sort_unstable_by(f64::total_cmp);
        if let Some(s) = Summary::of(&m.recovery) {
            push(Metric::RecoveryTime, s.median, count(s.n));
        }
        if m.deploys > 0 {
            let pct = f64::from(m.rework) / f64::from(m.deploys) * 100.0;
            push(Metric::ReworkRate, pct, m.deploys);
        }
    }
    Ok(DataTrend {
        trend: MonthlyTrend {
            source: TrendSource::Data {
                offset_minutes: zone.local_minus_utc() / 60,
            },
            points,
        },
        weeks: weeks(data, zone, first_day, last_day),
        notes,
    })
}

/// Deployments per ISO week over the data's period, its last
/// [`MAX_WEEKS`] weeks.
fn weeks(
    data: &Dataset,
    zone: FixedOffset,
    first_day: NaiveDate,
    last_day: NaiveDate,
) -> Vec<WeekRow> {
    let (Some(last_monday), Some(mut first_monday)) =
        (week_monday(last_day), week_monday(first_day))
    else {
        return Vec::new();
    };
    let span = (last_monday - first_monday).num_days() / 7 + 1;
    if span > MAX_WEEKS as i64 {
        first_monday =
            limits::add_days(last_monday, -7 * (MAX_WEEKS as i64 - 1)).unwrap_or(first_monday);
    }
    let n = usize::try_from((last_monday - first_monday).num_days() / 7 + 1).unwrap_or(0);
    let mut deploys = vec![0u32; n];
    for d in &data.deployments {
        let days = (timestamp::local_date(d.at, zone) - first_monday).num_days();
        if let Some(slot) = usize::try_from(days.div_euclid(7))
            .ok()
            .and_then(|k| deploys.get_mut(k))
        {
            *slot += 1;
        }
    }
    deploys
        .into_iter()
        .enumerate()
        .filter_map(|(k, count)| {
            let monday = limits::add_days(first_monday, 7 * k as i64)?;
            let sunday = limits::add_days(monday, 6).unwrap_or(monday);
            let days = overlap(monday, sunday, first_day, last_day).max(1);
            Some(WeekRow {
                monday,
                label: month::iso_week_label(monday),
                days,
                deploys: count,
                per_week: f64::from(count) / f64::from(days) * 7.0,
                partial: days < 7,
            })
        })
        .collect()
}
