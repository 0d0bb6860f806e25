//! What an applied import leaves in the Scenario: the figures that were
//! written into the baseline (so the form can mark them "measured from
//! data") and the raw samples, kept compactly so later simulations can
//! bootstrap-resample them (domain.md §5: resample history, zero weeks
//! included).

use serde::{Deserialize, Serialize};

use super::Report;
use crate::model::date;
use crate::model::scenario::MAX_AMOUNT;
use crate::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use crate::model::{limits, Baseline, Metric};

/// Most samples kept per distribution. Larger sets are thinned to evenly
/// spaced order statistics, which keeps their shape (every quantile moves by
/// at most 1/`MAX_SAMPLES`) and the saved scenario small.
pub const MAX_SAMPLES: usize = 2_000;
/// Longest lead or recovery time kept, in hours: the span of the model's
/// years ([`limits`]), which no two timestamps inside them can exceed.
pub const MAX_SAMPLE_HOURS: f32 = 101.0 * 366.0 * 24.0;
/// Most deployments one week may count: 100,000 a day, the Baseline
/// screen's largest rate, for seven days.
pub const MAX_WEEKLY_DEPLOYS: u32 = 700_000;
/// Most deployments a window may count: more rows than an import accepts
/// (every row takes at least two bytes of its 20 MB).
pub const MAX_DEPLOYMENTS: u32 = 10_485_760;
/// Most weekly counts kept: a ten-year window's full weeks.
pub const MAX_WEEKS: usize = 600;

/// Samples and figures measured from imported data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measured {
    /// First and last day of the window, `YYYY-MM-DD` (kept as text so
    /// loading a scenario needs no date parser beyond [`date::parse_date_lenient`]).
    pub from: String,
    pub to: String,
    /// Deployments in the window.
    pub deployments: u32,
    /// Deploys in each full week of the window, oldest first.
    pub weekly_deploys: Vec<u32>,
    /// Lead times in hours, sorted (possibly thinned).
    pub lead_hours: Vec<f32>,
    /// Recovery times in hours, sorted (possibly thinned).
    pub recovery_hours: Vec<f32>,
    /// The metrics whose baseline value was written from this data.
    pub applied: Vec<Metric>,
    /// The baseline those values formed, to tell later whether a field
    /// still holds the measured value.
    pub baseline: Baseline,
}

pub(crate) fn thin(sorted: &[f64]) -> Vec<f32> {
    let n = sorted.len();
    if n <= MAX_SAMPLES {
        return sorted.iter().map(|&v| v as f32).collect();
    }
    (0..MAX_SAMPLES)
        .map(|k| sorted[k * (n - 1) / (MAX_SAMPLES - 1)] as f32)
        .collect()
}

/// A duration in the unit people would say it in.
pub(crate) fn natural(hours: f64) -> Duration {
    let unit = if hours < 1.0 {
        TimeUnit::Minutes
    } else if hours < 48.0 {
        TimeUnit::Hours
    } else {
        TimeUnit::Days
    };
    Duration::new(round(hours / unit.hours(), 2), unit)
}

/// Writes deployments per week into the baseline, rounded to two
/// decimals. The field holds at most MAX_AMOUNT per period: beyond that a
/// week, the rate is given per day (and, beyond that too, held at the most
/// the field takes).
pub(crate) fn set_frequency(baseline: &mut Baseline, deploys_per_week: f64) {
    let per_week = round(deploys_per_week, 2);
    baseline.deploy_frequency = if per_week <= MAX_AMOUNT {
        Rate::new(per_week, RatePeriod::Week)
    } else {
        Rate::new(round(per_week / 7.0, 2).min(MAX_AMOUNT), RatePeriod::Day)
    };
}

pub(crate) fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

impl Report {
    /// Writes the measured values into `baseline` (values rounded to two
    /// decimals, in natural units) and returns the record to keep in the
    /// Scenario. Lead and recovery times are written only when the data
    /// has samples for them, and only when positive.
    pub fn apply(&self, baseline: &mut Baseline) -> Measured {
        let mut applied = vec![Metric::DeployFrequency];
        set_frequency(baseline, self.deploys_per_week);
        if let Some(s) = self.lead.filter(|s| round(s.median, 4) > 0.0) {
            baseline.lead_time = natural(s.median);
            applied.push(Metric::LeadTime);
        }
        if let Some(cfr) = self.change_failure_rate {
            baseline.change_failure_rate = round(cfr, 2);
            applied.push(Metric::ChangeFailureRate);
        }
        if let Some(s) = self.recovery.filter(|s| round(s.median, 4) > 0.0) {
            baseline.recovery_time = natural(s.median);
            applied.push(Metric::RecoveryTime);
        }
        if let Some(r) = self.rework_rate {
            baseline.rework_rate = round(r, 2);
            applied.push(Metric::ReworkRate);
        }
        if let Some(c) = self.code_churn {
            baseline.code_churn = Some(round(c, 2));
            applied.push(Metric::CodeChurn);
        }
        if let Some(d) = self.defect_escape_rate {
            baseline.defect_escape_rate = Some(round(d, 2));
            applied.push(Metric::DefectEscapeRate);
        }
        Measured {
            from: self.window.first_day.to_string(),
            to: self.window.last_day.to_string(),
            deployments: self.deployments.min(MAX_DEPLOYMENTS as usize) as u32,
            weekly_deploys: self
                .weeks
                .iter()
                .rev()
                .take(MAX_WEEKS)
                .rev()
                .map(|w| w.deploys.min(MAX_WEEKLY_DEPLOYS))
                .collect(),
            lead_hours: thin(&self.lead_hours),
            recovery_hours: thin(&self.recovery_hours),
            applied,
            baseline: baseline.clone(),
        }
    }
}

impl Measured {
    /// Whether `metric` in `baseline` still holds the value measured from
    /// data (the user has not typed over it since).
    pub fn is_measured(&self, metric: Metric, baseline: &Baseline) -> bool {
        self.applied.contains(&metric) && self.baseline.value(metric) == baseline.value(metric)
    }

    /// Whether every stored number is finite and in range: what a loaded
    /// scenario must satisfy before it is trusted. Dates keep to the
    /// model's years, samples to [`MAX_SAMPLE_HOURS`], counts to
    /// [`MAX_WEEKLY_DEPLOYS`] and [`MAX_DEPLOYMENTS`].
    pub fn is_valid(&self) -> bool {
        let samples_ok = |v: &[f32]| {
            v.len() <= MAX_SAMPLES
                && v.iter()
                    .all(|&x| limits::in_range(f64::from(x), 0.0, f64::from(MAX_SAMPLE_HOURS)))
        };
        // Written as `YYYY-MM-DD` and nothing else, so the text is as short
        // as the date.
        let dates = date::parse_date_strict(&self.from).zip(date::parse_date_strict(&self.to));
        dates.is_some_and(|(from, to)| {
            limits::date_ok(from)
                && limits::date_ok(to)
                && from <= to
                && (to - from).num_days() <= super::MAX_WINDOW_DAYS
        }) && self.weekly_deploys.len() <= MAX_WEEKS
            && self.weekly_deploys.iter().all(|&n| n <= MAX_WEEKLY_DEPLOYS)
            && self.deployments <= MAX_DEPLOYMENTS
            && samples_ok(&self.lead_hours)
            && samples_ok(&self.recovery_hours)
            // An import from exports may also measure code churn and the
            // defect escape rate.
            && self.applied.len() <= Metric::ALL.len()
            && self.baseline.is_valid()
    }
}
