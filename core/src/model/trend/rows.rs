//! A trend as its table shows it: every month from the first to the last,
//! gaps included, each metric's figure in words with the count it rests
//! on, and why a figure is thin or missing.

use chrono::NaiveDate;

use super::{needed, sample_unit, MonthlyPoint, MonthlyTrend, TrendSource, METRICS};
use crate::model::date::{format_month, month};
use crate::model::units::{describe_hours, format_count};
use crate::model::Metric;

/// How far a month's figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Rests on at least as many samples as its metric needs.
    Solid,
    /// Rests on fewer: shown, marked, and not drawn as solid.
    Thin,
    /// The source gave no sample count, so it cannot be judged.
    Unjudged,
    /// No figure for the month.
    Missing,
}

impl Status {
    /// A key for CSS classes and chart marks.
    pub fn key(self) -> &'static str {
        match self {
            Status::Solid => "solid",
            Status::Thin => "thin",
            Status::Unjudged => "unjudged",
            Status::Missing => "missing",
        }
    }
}

/// One metric's figure in one month's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub metric: Metric,
    /// Canonical unit; `None` when missing.
    pub value: Option<f64>,
    pub samples: Option<u32>,
    pub status: Status,
    /// The figure in words ("4.2 deploys per week", "2.5 days", "12%"), or
    /// "—" when missing.
    pub text: String,
    /// What it rests on, and why it is thin or missing: "from 14
    /// changes", "3 changes: a median needs at least 6".
    pub note: String,
}

/// One month of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRow {
    /// Its first day.
    pub month: NaiveDate,
    /// "March 2026".
    pub label: String,
    /// One per metric, in [`METRICS`] order.
    pub cells: Vec<Cell>,
    /// Said of the whole month, when something is: "No deployments in
    /// March 2026, so no lead time, change failure or rework figure."
    pub note: Option<String>,
}

impl MonthRow {
    /// The cell of `metric`.
    pub fn cell(&self, metric: Metric) -> Option<&Cell> {
        self.cells.iter().find(|c| c.metric == metric)
    }
}

/// A figure in words for a table of many months, each time in its own
/// natural unit ("45 minutes", "3.5 hours", "12 days"), deployments per
/// week.
pub fn value_words(metric: Metric, value: f64) -> String {
    match metric {
        Metric::LeadTime | Metric::RecoveryTime => describe_hours(value),
        m => crate::model::units::Units::default().describe(m, value),
    }
}

/// "14 changes", "1 recovery".
fn count_words(metric: Metric, n: u32) -> String {
    let (one, many) = sample_unit(metric);
    format!(
        "{} {}",
        format_count(u64::from(n)),
        if n == 1 { one } else { many }
    )
}

fn cell(point: Option<&MonthlyPoint>, metric: Metric, no_deploys: bool, from_data: bool) -> Cell {
    let Some(p) = point else {
        let note = if no_deploys && metric != Metric::RecoveryTime {
            "no deployments this month".to_string()
        } else if !from_data {
            "the export has no figure for this month".to_string()
        } else {
            match metric {
                Metric::LeadTime => "no change with a first-commit time this month",
                Metric::RecoveryTime => "no failure was recovered from this month",
                _ => "no figure for this month",
            }
            .to_string()
        };
        return Cell {
            metric,
            value: None,
            samples: None,
            status: Status::Missing,
            text: "—".to_string(),
            note,
        };
    };
    let (status, note) = match p.samples {
        None => (
            Status::Unjudged,
            "the source gives no sample count, so a thin month cannot be told".to_string(),
        ),
        Some(n) if p.is_thin() => {
            let need = needed(metric);
            let why = match metric {
                Metric::DeployFrequency => format!(
                    "the data covers {} of this month: a month's rate needs at least {need} days",
                    count_words(metric, n)
                ),
                Metric::LeadTime | Metric::RecoveryTime => {
                    format!("{}: a median needs at least {need}", count_words(metric, n))
                }
                _ => format!("{}: a rate needs at least {need}", count_words(metric, n)),
            };
            (Status::Thin, format!("Too few to rely on: {why}"))
        }
        Some(n) => {
            let over = match metric {
                Metric::DeployFrequency => format!("over {}", count_words(metric, n)),
                Metric::LeadTime | Metric::RecoveryTime => {
                    format!("median of {}", count_words(metric, n))
                }
                _ => format!("of {}", count_words(metric, n)),
            };
            (Status::Solid, over)
        }
    };
    Cell {
        metric,
        value: Some(p.value),
        samples: p.samples,
        status,
        text: value_words(metric, p.value),
        note,
    }
}

impl MonthlyTrend {
    /// Every month from the first point's to the last's, in order, gaps
    /// included; empty without points.
    pub fn rows(&self) -> Vec<MonthRow> {
        let Some((first, last)) = self.span() else {
            return Vec::new();
        };
        let count = month::months_between(first, last).max(0) + 1;
        (0..count)
            .filter_map(|k| month::add_months(first, k))
            .map(|m| self.row(m))
            .collect()
    }

    fn row(&self, m: NaiveDate) -> MonthRow {
        let label = format_month(m);
        let rate = self.point(m, Metric::DeployFrequency);
        let from_data = matches!(self.source, TrendSource::Data { .. });
        let no_deploys = from_data && rate.is_some_and(|p| p.value == 0.0);
        let cells: Vec<Cell> = METRICS
            .iter()
            .map(|&metric| cell(self.point(m, metric), metric, no_deploys, from_data))
            .collect();
        let note = if no_deploys {
            Some(format!(
                "No deployments in {label}, so no lead time, change failure or rework figure for it."
            ))
        } else if cells.iter().all(|c| c.status == Status::Missing) {
            Some(format!("No figures for {label}."))
        } else {
            None
        };
        MonthRow {
            month: m,
            label,
            cells,
            note,
        }
    }
}
