//! How a team's delivery metrics moved month by month: deployments,
//! incidents and changes bucketed per calendar month (and deployment
//! frequency per ISO week) in the import's time zone ([`from_data`]), or
//! figures an export already aggregated per month, such as GitLab's DORA
//! API ([`gitlab_point`], [`MonthlyTrend::from_points`]).
//!
//! Each month's figures are defined as the baseline's are (README, "Import
//! from data"; domain.md §1): deployments a week, the median lead time,
//! failed deployments ÷ deployments, the median recovery time, rework
//! deployments ÷ deployments — computed over that month alone. Each figure
//! carries the count it rests on, and a figure resting on fewer than its
//! metric needs ([`needed`]) is marked thin: shown, but not drawn or
//! treated as solid.
//!
//! - **Deployment frequency** needs 14 days of the month inside the data,
//!   two full weeks, so that no single unusual week is more than half of
//!   what the rate rests on.
//! - **Lead and recovery times** need 6 samples for their median: with 6,
//!   the chance the true median lies between the smallest and largest
//!   sample is 1 − 2 × 0.5⁶ = 97% (the order-statistic interval for a
//!   median); with 5 it is 94%.
//! - **Change failure and rework rates** need 20 deployments: then even a
//!   month with none failed bounds the rate below 15% at 95% confidence
//!   (the rule of three, 3/n), the line between DORA 2021's Elite and
//!   High; with fewer, a clean month says little.
//!
//! A month with no deployments appears with words ("No deployments in
//! March 2026"), never as a gap in silence or a NaN.

pub mod bands;
mod bucket;
mod points;
mod rows;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::date::month::serde_month;
use crate::model::date::timestamp;
use crate::model::Metric;

pub use bucket::{from_data, DataTrend, WeekRow, MAX_WEEKS};
pub use points::{gitlab_point, Loaded};
pub use rows::{value_words, Cell, MonthRow, Status};

/// Most months a trend keeps: ten years.
pub const MAX_MONTHS: usize = 120;
/// Most points a trend holds: every metric in every month.
pub const MAX_POINTS: usize = MAX_MONTHS * METRICS.len();
/// Days of a month a deployment rate needs (see the module docs).
pub const MIN_DAYS: u32 = 14;
/// Samples a median lead or recovery time needs.
pub const MIN_DURATIONS: u32 = 6;
/// Deployments a change-failure or rework rate needs.
pub const MIN_DEPLOYMENTS: u32 = 20;

/// The metrics a trend follows, in the order tables list them.
pub const METRICS: [Metric; 5] = Metric::DORA;

/// What a metric's figure for a month needs before it counts as solid, in
/// the unit its `samples` count.
pub fn needed(metric: Metric) -> u32 {
    match metric {
        Metric::DeployFrequency => MIN_DAYS,
        Metric::LeadTime | Metric::RecoveryTime => MIN_DURATIONS,
        _ => MIN_DEPLOYMENTS,
    }
}

/// What a metric's `samples` count, singular and plural: "day", "change",
/// "deployment", "recovery".
pub fn sample_unit(metric: Metric) -> (&'static str, &'static str) {
    match metric {
        Metric::DeployFrequency => ("day", "days"),
        Metric::LeadTime => ("change", "changes"),
        Metric::RecoveryTime => ("recovery", "recoveries"),
        _ => ("deployment", "deployments"),
    }
}

/// One metric's figure for one calendar month: what [`from_data`] writes
/// and what an exports parser produces from already-aggregated figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyPoint {
    /// The month, by its first day.
    #[serde(with = "serde_month")]
    pub month: NaiveDate,
    /// One of the five DORA metrics ([`METRICS`]).
    pub metric: Metric,
    /// In the metric's canonical unit: deploys per day, hours, or percent
    /// (as `Baseline::value` gives them).
    #[serde(with = "crate::model::compact::decimal")]
    pub value: f64,
    /// What the figure rests on: for deployment frequency the days of the
    /// month the data covers, for lead time the changes with a lead time,
    /// for recovery time the recoveries, for the two rates the
    /// deployments. `None` when the source does not say (GitLab's API
    /// does not), so the month cannot be judged thin.
    pub samples: Option<u32>,
}

/// Where a trend's figures came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrendSource {
    /// Bucketed by Flywheel from imported rows, months cut at midnight at
    /// this fixed offset east of UTC, in minutes.
    Data { offset_minutes: i32 },
    /// Aggregated per month by the exporting tool (GitLab's DORA API).
    Aggregated,
}

/// A monthly trend, as the scenario keeps it: its points, sorted by month
/// then metric, one per month and metric at most.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyTrend {
    pub source: TrendSource,
    pub points: Vec<MonthlyPoint>,
}

/// A fixed offset the model keeps, in minutes: within ±18 hours, as
/// [`timestamp::offset`] allows.
fn offset_ok(minutes: i32) -> bool {
    minutes.abs() < 18 * 60
}

impl TrendSource {
    /// How months were cut, in words the chart and table show beside the
    /// figures: "Months are cut at midnight UTC+02:00; daylight-saving
    /// changes are not applied."
    pub fn rule(self) -> String {
        match self {
            TrendSource::Data { offset_minutes: 0 } => {
                "Months and ISO weeks are cut at midnight UTC.".to_string()
            }
            TrendSource::Data { offset_minutes } => format!(
                "Months and ISO weeks are cut at midnight {}; daylight-saving changes are not applied.",
                timestamp::offset_label(timestamp::offset(offset_minutes))
            ),
            TrendSource::Aggregated => "Months as the exporting tool cut them: these figures \
                 came aggregated, so Flywheel did not bucket them."
                .to_string(),
        }
    }
}

impl MonthlyPoint {
    /// Whether the value is one the metric may hold: deploys per day up to
    /// the Baseline screen's largest rate, times up to the span of the
    /// model's years, percentages to 100.
    pub fn value_ok(&self) -> bool {
        use crate::model::import::{MAX_DEPLOYMENTS, MAX_SAMPLE_HOURS};
        use crate::model::limits::{in_range, percent_ok};
        let value_ok = match self.metric {
            Metric::DeployFrequency => {
                in_range(self.value, 0.0, crate::model::scenario::MAX_AMOUNT)
            }
            Metric::LeadTime | Metric::RecoveryTime => {
                in_range(self.value, 0.0, f64::from(MAX_SAMPLE_HOURS))
            }
            m if METRICS.contains(&m) => percent_ok(self.value),
            _ => false,
        };
        value_ok && self.samples.is_none_or(|n| n <= MAX_DEPLOYMENTS)
    }

    /// Whether the figure is thin: it rests on fewer samples than its
    /// metric needs. A figure without a count is not judged.
    pub fn is_thin(&self) -> bool {
        self.samples.is_some_and(|n| n < needed(self.metric))
    }
}

impl MonthlyTrend {
    /// Whether every point is in range and in order: months in the model's
    /// years and named by their first day, at most [`MAX_MONTHS`] from
    /// first to last, one point per month and metric, sorted.
    pub fn is_valid(&self) -> bool {
        use chrono::Datelike;
        let source_ok = match self.source {
            TrendSource::Data { offset_minutes } => offset_ok(offset_minutes),
            TrendSource::Aggregated => true,
        };
        let span_ok = match (self.points.first(), self.points.last()) {
            (Some(a), Some(b)) => {
                crate::model::date::month::months_between(a.month, b.month) < MAX_MONTHS as i64
            }
            _ => true,
        };
        source_ok
            && span_ok
            && self.points.len() <= MAX_POINTS
            && self.points.iter().all(|p| {
                p.month.day() == 1 && crate::model::limits::date_ok(p.month) && p.value_ok()
            })
            && self
                .points
                .windows(2)
                .all(|w| (w[0].month, w[0].metric) < (w[1].month, w[1].metric))
    }

    /// The first and last month with a figure.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.points.first()?.month, self.points.last()?.month))
    }

    /// How months were cut, in words ([`TrendSource::rule`]).
    pub fn rule(&self) -> String {
        self.source.rule()
    }

    /// The point for `metric` in `month`, if there is one.
    pub fn point(&self, month: NaiveDate, metric: Metric) -> Option<&MonthlyPoint> {
        self.points
            .binary_search_by(|p| (p.month, p.metric).cmp(&(month, metric)))
            .ok()
            .map(|i| &self.points[i])
    }
}

/// `v` to four significant digits, more than any screen shows: the
/// figures a trend keeps, so each travels in a few bytes
/// ([`crate::model::compact`]).
pub(crate) fn four_digits(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v + 0.0;
    }
    format!("{v:.3e}").parse().unwrap_or(v)
}
