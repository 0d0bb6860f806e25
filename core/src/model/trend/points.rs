//! Monthly figures an export already aggregated, turned into a trend:
//! GitLab's DORA API (`GET /projects/:id/dora/metrics?metric=…&interval=monthly`,
//! `[{"date": "2026-01-01", "value": 12}]`, exports.md) converted to
//! Flywheel's units, and any list of [`MonthlyPoint`]s checked and sorted.

use super::{four_digits, MonthlyPoint, MonthlyTrend, TrendSource, MAX_MONTHS, METRICS};
use crate::model::date::{self, format_month, month};
use crate::model::Metric;

/// One point of a GitLab DORA API monthly export in Flywheel's units, from
/// the metric name the request used, the point's `date` and its `value`:
///
/// - `deployment_frequency`: the deployments in the month, divided by the
///   month's days → deploys per day. GitLab's reference shows counts for
///   daily buckets, and its issue 371271 records that the REST API's
///   "frequency" is a count per bucket; not checked against a live monthly
///   export (exports.md gives the same reading);
/// - `lead_time_for_changes` and `time_to_restore_service`: seconds (GitLab
///   gives the median) → hours;
/// - `change_failure_rate`: a fraction → percent.
///
/// The date may be any day of its month (GitLab writes the first). `Ok(None)`
/// for a null value: a month without a figure. GitLab gives no sample
/// counts.
pub fn gitlab_point(
    metric: &str,
    date_text: &str,
    value: Option<f64>,
) -> Result<Option<MonthlyPoint>, String> {
    let (metric, factor) = match metric.trim() {
        "deployment_frequency" => (Metric::DeployFrequency, None),
        "lead_time_for_changes" => (Metric::LeadTime, Some(1.0 / 3600.0)),
        "time_to_restore_service" => (Metric::RecoveryTime, Some(1.0 / 3600.0)),
        "change_failure_rate" => (Metric::ChangeFailureRate, Some(100.0)),
        other => {
            return Err(format!(
                "\"{other}\" is not one of GitLab's DORA metrics (deployment_frequency, \
                 lead_time_for_changes, time_to_restore_service, change_failure_rate)."
            ))
        }
    };
    let day = date::parse_date_strict(date_text).ok_or_else(|| {
        format!(
            "\"{}\" is not a date as YYYY-MM-DD.",
            date_text.chars().take(40).collect::<String>()
        )
    })?;
    let Some(raw) = value else {
        return Ok(None);
    };
    let first = month::first_of_month(day);
    let converted = match factor {
        Some(f) => raw * f,
        None => raw / f64::from(month::days_in_month(first)),
    };
    let point = MonthlyPoint {
        month: first,
        metric,
        value: four_digits(converted + 0.0),
        samples: None,
    };
    if !crate::model::limits::date_ok(first) {
        return Err(format!(
            "{} is outside the years Flywheel keeps ({}).",
            format_month(first),
            crate::model::limits::date_range_words()
        ));
    }
    if !point.value_ok() {
        return Err(format!(
            "GitLab's {} for {} reads {raw}, which is not a figure Flywheel can use.",
            metric.name().to_ascii_lowercase(),
            format_month(first)
        ));
    }
    Ok(Some(point))
}

/// A trend made from points, with what had to be said about them.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub trend: MonthlyTrend,
    /// Points left out, in words ("The figures span 14 years: the trend
    /// keeps the last 10, from …").
    pub notes: Vec<String>,
}

impl MonthlyTrend {
    /// A trend from points in any order, as an exports parser produces
    /// them. Refuses, in words, a point out of range, a metric that is not
    /// one of DORA's five, and two figures for one metric in one month
    /// (what a daily export read as monthly gives). Keeps the last
    /// [`MAX_MONTHS`] months when the points span more, and says so.
    pub fn from_points(
        mut points: Vec<MonthlyPoint>,
        source: TrendSource,
    ) -> Result<Loaded, String> {
        if points.is_empty() {
            return Err("There are no monthly figures to show.".to_string());
        }
        for p in &mut points {
            p.month = month::first_of_month(p.month);
            if !METRICS.contains(&p.metric) {
                return Err(format!(
                    "{} is not one of the five DORA metrics a trend follows.",
                    p.metric.name()
                ));
            }
            if !(crate::model::limits::date_ok(p.month) && p.value_ok()) {
                return Err(format!(
                    "The {} figure for {} is out of range.",
                    p.metric.name().to_ascii_lowercase(),
                    format_month(p.month)
                ));
            }
        }
        points.sort_by_key(|p| (p.month, p.metric));
        if let Some(w) = points
            .windows(2)
            .find(|w| (w[0].month, w[0].metric) == (w[1].month, w[1].metric))
        {
            return Err(format!(
                "There are two {} figures for {}: a trend takes one a month. Export with \
                 monthly buckets (GitLab: interval=monthly).",
                w[0].metric.name().to_ascii_lowercase(),
                format_month(w[0].month)
            ));
        }
        let mut notes = Vec::new();
        if let (Some(first), Some(last)) = (points.first(), points.last()) {
            let span = month::months_between(first.month, last.month) + 1;
            if span > MAX_MONTHS as i64 {
                let keep_from =
                    month::add_months(last.month, 1 - MAX_MONTHS as i64).unwrap_or(first.month);
                notes.push(format!(
                    "The figures span {span} months, from {} to {}: the trend keeps the last {MAX_MONTHS}, from {}.",
                    format_month(first.month),
                    format_month(last.month),
                    format_month(keep_from)
                ));
                points.retain(|p| p.month >= keep_from);
            }
        }
        Ok(Loaded {
            trend: MonthlyTrend { source, points },
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn first(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn gitlab_figures_take_flywheel_units() {
        // 62 deployments in March (31 days): 2 a day.
        let p = gitlab_point("deployment_frequency", "2026-03-01", Some(62.0))
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.month, p.metric, p.value),
            (first(2026, 3), Metric::DeployFrequency, 2.0)
        );
        // 86,400 s is 24 h; a fraction of 0.125 is 12.5%.
        let lead = gitlab_point("lead_time_for_changes", "2026-03-01", Some(86_400.0));
        assert_eq!(lead.unwrap().unwrap().value, 24.0);
        let cfr = gitlab_point("change_failure_rate", "2026-04-15", Some(0.125));
        let cfr = cfr.unwrap().unwrap();
        assert_eq!((cfr.month, cfr.value), (first(2026, 4), 12.5));
        assert_eq!(
            gitlab_point("change_failure_rate", "2026-04-01", None),
            Ok(None)
        );
        assert!(gitlab_point("mttr", "2026-04-01", Some(1.0))
            .unwrap_err()
            .contains("not one of GitLab's DORA metrics"));
        assert!(gitlab_point("change_failure_rate", "April", Some(0.1)).is_err());
        assert!(gitlab_point("change_failure_rate", "2026-04-01", Some(1.5))
            .unwrap_err()
            .contains("not a figure Flywheel can use"));
        assert!(gitlab_point("lead_time_for_changes", "2026-04-01", Some(f64::NAN)).is_err());
    }

    #[test]
    fn points_are_sorted_checked_and_capped() {
        let p = |y, m, metric, value| MonthlyPoint {
            month: first(y, m),
            metric,
            value,
            samples: None,
        };
        let loaded = MonthlyTrend::from_points(
            vec![
                p(2026, 2, Metric::LeadTime, 30.0),
                p(2026, 1, Metric::LeadTime, 40.0),
                p(2026, 1, Metric::DeployFrequency, 1.0),
            ],
            TrendSource::Aggregated,
        )
        .unwrap();
        assert!(loaded.notes.is_empty());
        assert!(loaded.trend.is_valid());
        assert_eq!(loaded.trend.points[0].metric, Metric::DeployFrequency);
        let twice = MonthlyTrend::from_points(
            vec![
                p(2026, 1, Metric::LeadTime, 40.0),
                p(2026, 1, Metric::LeadTime, 41.0),
            ],
            TrendSource::Aggregated,
        );
        assert!(twice
            .unwrap_err()
            .contains("two lead time for changes figures for January 2026"));
        let churn = MonthlyTrend::from_points(
            vec![p(2026, 1, Metric::CodeChurn, 4.0)],
            TrendSource::Aggregated,
        );
        assert!(churn.is_err());
        // Twelve years of monthly figures keep the last ten.
        let long: Vec<MonthlyPoint> = (0..144)
            .map(|k| MonthlyPoint {
                month: month::add_months(first(2014, 1), k).unwrap(),
                metric: Metric::LeadTime,
                value: 10.0,
                samples: None,
            })
            .collect();
        let loaded = MonthlyTrend::from_points(long, TrendSource::Aggregated).unwrap();
        assert_eq!(loaded.trend.points.len(), MAX_MONTHS);
        assert_eq!(loaded.trend.points[0].month, first(2016, 1));
        assert!(loaded.notes[0].contains("keeps the last 120, from January 2016"));
        assert!(loaded.trend.is_valid());
    }
}
