//! The baseline from GitLab's aggregated DORA points, and their monthly
//! trend. GitLab gives per-period figures, not the events behind them, so
//! the window's figures are combined from the periods inside it:
//! deployments summed over the days the periods cover; lead and restore
//! times the median of the periods' medians (the median of all changes
//! cannot be recovered from medians: an approximation, stated); change
//! failure rate as incidents over deployments, each period's fraction
//! weighted by its deployments where those are given, else the plain mean.
//! Daily points also give weekly deployment counts for the simulation.

use chrono::{Datelike, NaiveDate};

use super::dora::{month_of, monthly};
use super::records::DoraPoint;
use crate::model::import::measured::{natural, round, set_frequency};
use crate::model::import::stats::percentile_unsorted;
use crate::model::import::{Measured, Window, MAX_WEEKLY_DEPLOYS};
use crate::model::{limits, Baseline, Metric};

/// One month of the trend; each figure `None` when the data gives none.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthPoint {
    /// The month's first day.
    pub month: NaiveDate,
    pub deployments: Option<f64>,
    pub lead_hours: Option<f64>,
    pub restore_hours: Option<f64>,
    /// Percent.
    pub change_failure_rate: Option<f64>,
}

/// The figures over a window.
#[derive(Clone, Debug, PartialEq)]
pub struct DoraFigures {
    pub window: Window,
    /// The points are per month (else per day).
    pub monthly: bool,
    /// Deployments in the periods inside the window.
    pub deployments: Option<f64>,
    pub deploys_per_week: Option<f64>,
    pub lead_hours: Option<f64>,
    pub restore_hours: Option<f64>,
    /// Percent.
    pub change_failure_rate: Option<f64>,
    /// Deployments in each full 7-day block, oldest first (daily points).
    pub weekly_deploys: Vec<u32>,
    pub months: Vec<MonthPoint>,
    /// How the figures were formed, in words.
    pub notes: Vec<String>,
}

fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.collect();
    percentile_unsorted(&mut v, 50.0)
}

/// Incidents ÷ deployments over points, as a percentage.
fn failure_rate(points: &[&DoraPoint]) -> Option<f64> {
    let weighted: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| Some((p.change_failure?, p.deployments?)))
        .collect();
    let dep: f64 = weighted.iter().map(|w| w.1).sum();
    if !weighted.is_empty() && dep > 0.0 {
        return Some(weighted.iter().map(|w| w.0 * w.1).sum::<f64>() / dep * 100.0);
    }
    let plain: Vec<f64> = points.iter().filter_map(|p| p.change_failure).collect();
    (!plain.is_empty()).then(|| plain.iter().sum::<f64>() / plain.len() as f64 * 100.0)
}

/// Days in the month starting `first`.
fn month_days(first: NaiveDate) -> i64 {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map_or(30, |n| (n - first).num_days())
}

impl DoraFigures {
    /// The figures of `points` (sorted by date) over `window`; `None` when
    /// no point falls inside it.
    pub fn over(points: &[DoraPoint], window: Window) -> Option<DoraFigures> {
        let is_monthly = monthly(points);
        let inside: Vec<&DoraPoint> = points
            .iter()
            .filter(|p| window.first_day <= p.date && p.date <= window.last_day)
            .collect();
        if inside.is_empty() {
            return None;
        }
        let days: i64 = if is_monthly {
            inside.iter().map(|p| month_days(p.date)).sum()
        } else {
            window.days()
        };
        let deployments = inside
            .iter()
            .any(|p| p.deployments.is_some())
            .then(|| inside.iter().filter_map(|p| p.deployments).sum::<f64>());
        let mut notes = vec![format!(
            "GitLab's own {} figures: lead and restore times are the median of its {} medians, change failure rate incidents over deployments.",
            if is_monthly { "monthly" } else { "daily" },
            if is_monthly { "monthly" } else { "daily" },
        )];
        if is_monthly && days != window.days() {
            notes.push(format!(
                "Deployments per week count the {days} days of the whole months inside the window."
            ));
        }
        let mut weekly_deploys = Vec::new();
        if !is_monthly && deployments.is_some() {
            let full = window.days() / 7;
            for k in 0..full {
                let end = limits::add_days(window.last_day, -7 * (full - 1 - k))
                    .unwrap_or(window.last_day);
                let start = limits::add_days(end, -6).unwrap_or(end);
                let sum: f64 = inside
                    .iter()
                    .filter(|p| start <= p.date && p.date <= end)
                    .filter_map(|p| p.deployments)
                    .sum();
                weekly_deploys.push(sum.round().clamp(0.0, f64::from(MAX_WEEKLY_DEPLOYS)) as u32);
            }
        }
        let mut months: Vec<MonthPoint> = Vec::new();
        let mut k = 0;
        while k < inside.len() {
            let m = month_of(inside[k].date);
            let group: Vec<&DoraPoint> = inside[k..]
                .iter()
                .take_while(|p| month_of(p.date) == m)
                .copied()
                .collect();
            k += group.len();
            months.push(MonthPoint {
                month: m,
                deployments: group
                    .iter()
                    .any(|p| p.deployments.is_some())
                    .then(|| group.iter().filter_map(|p| p.deployments).sum()),
                lead_hours: median(group.iter().filter_map(|p| p.lead_seconds)).map(|s| s / 3600.0),
                restore_hours: median(group.iter().filter_map(|p| p.restore_seconds))
                    .map(|s| s / 3600.0),
                change_failure_rate: failure_rate(&group),
            });
        }
        let cfr = failure_rate(&inside);
        if cfr.is_some_and(|c| c > 100.0) {
            notes.push(
                "GitLab counts more incidents than deployments here; the rate is shown as 100%."
                    .into(),
            );
        }
        Some(DoraFigures {
            window,
            monthly: is_monthly,
            deploys_per_week: deployments.map(|d| d / days.max(1) as f64 * 7.0),
            deployments,
            lead_hours: median(inside.iter().filter_map(|p| p.lead_seconds)).map(|s| s / 3600.0),
            restore_hours: median(inside.iter().filter_map(|p| p.restore_seconds))
                .map(|s| s / 3600.0),
            change_failure_rate: cfr.map(|c| c.min(100.0)),
            weekly_deploys,
            months,
            notes,
        })
    }

    /// Writes the figures into `baseline` as [`crate::model::import::
    /// Report::apply`] does and returns the record to keep: the weekly
    /// counts, no samples (GitLab gives none).
    pub fn apply(&self, baseline: &mut Baseline) -> Measured {
        let mut applied = Vec::new();
        if let Some(w) = self.deploys_per_week {
            set_frequency(baseline, w);
            applied.push(Metric::DeployFrequency);
        }
        if let Some(h) = self.lead_hours.filter(|h| round(*h, 4) > 0.0) {
            baseline.lead_time = natural(h);
            applied.push(Metric::LeadTime);
        }
        if let Some(c) = self.change_failure_rate {
            baseline.change_failure_rate = round(c, 2);
            applied.push(Metric::ChangeFailureRate);
        }
        if let Some(h) = self.restore_hours.filter(|h| round(*h, 4) > 0.0) {
            baseline.recovery_time = natural(h);
            applied.push(Metric::RecoveryTime);
        }
        Measured {
            from: self.window.first_day.to_string(),
            to: self.window.last_day.to_string(),
            deployments: self.deployments.map_or(0, |d| {
                d.round()
                    .clamp(0.0, f64::from(crate::model::import::MAX_DEPLOYMENTS))
                    as u32
            }),
            weekly_deploys: self
                .weekly_deploys
                .iter()
                .rev()
                .take(crate::model::import::MAX_WEEKS)
                .rev()
                .copied()
                .collect(),
            lead_hours: Vec::new(),
            recovery_hours: Vec::new(),
            applied,
            baseline: baseline.clone(),
        }
    }
}
