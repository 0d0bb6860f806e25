//! The baseline history: dated snapshots of the baseline a team kept
//! (the date, the eight metrics, and where they came from), the monthly
//! trend of its last import, and which snapshot the chosen plan started
//! from. It travels in the scenario, so a reload, a saved scenario and a
//! share link all keep it.
//!
//! The rules, as the History screen states them:
//!
//! - A snapshot's date comes from outside (the day it is kept, or one the
//!   user picks) and may not be after today: a snapshot records a baseline
//!   that was in force. A baseline measured from data may not be dated
//!   before the data's last day.
//! - A day keeps one snapshot. Keeping again on a day that has one replaces
//!   it (the latest baseline of the day wins) and says so; re-dating onto a
//!   day that has one is refused. The snapshot the plan started from is
//!   never replaced: re-date or delete it first.
//! - The history keeps at most [`MAX_SNAPSHOTS`] snapshots, five years of
//!   monthly ones; keeping one more is refused with that limit in words,
//!   never by dropping the oldest silently.
//! - A snapshot dated after today (a wrong clock, a hand-edited file) is
//!   named by [`History::problems`] and left out of check-ins and the
//!   plan's actuals until it is re-dated or deleted.

mod compact;
mod compare;
mod edit;
mod readings;
mod table;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::date::{format_date, serde_date, serde_opt_date};
use crate::model::import::{Measured, MAX_WINDOW_DAYS};
use crate::model::trend::MonthlyTrend;
use crate::model::{limits, Baseline, Metric, Scenario};

pub use compare::{Comparison, MetricMove};
pub use edit::{Deleted, Kept};
pub use readings::{Filled, Reading, ReadingSource};
pub use table::{SnapshotCell, SnapshotRow};

/// Most snapshots a history keeps: five years of monthly ones.
pub const MAX_SNAPSHOTS: usize = 60;

/// The days a measured baseline's data covered, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
}

impl Span {
    /// "1 Mar 2026 – 29 May 2026".
    pub fn words(&self) -> String {
        format!("{} – {}", format_date(self.from), format_date(self.to))
    }

    fn is_valid(&self) -> bool {
        limits::date_ok(self.from)
            && limits::date_ok(self.to)
            && self.from <= self.to
            && (self.to - self.from).num_days() <= MAX_WINDOW_DAYS
    }
}

/// Where a snapshot's figures came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Every DORA figure typed.
    Typed,
    /// Every DORA figure measured from data over the span.
    Measured(Span),
    /// Some measured from data over the span, some typed.
    Mixed(Span),
}

impl Origin {
    /// Where `baseline`'s figures came from, judged by the import record:
    /// a DORA metric is measured while it still holds the value the import
    /// wrote ([`Measured::is_measured`]).
    pub fn of(baseline: &Baseline, measured: Option<&Measured>) -> Origin {
        let span = measured.and_then(|m| {
            Some(Span {
                from: crate::model::date::parse_date_strict(&m.from)?,
                to: crate::model::date::parse_date_strict(&m.to)?,
            })
        });
        let (Some(m), Some(span)) = (measured, span) else {
            return Origin::Typed;
        };
        let n = Metric::DORA
            .iter()
            .filter(|&&metric| m.is_measured(metric, baseline))
            .count();
        match n {
            0 => Origin::Typed,
            n if n == Metric::DORA.len() => Origin::Measured(span),
            _ => Origin::Mixed(span),
        }
    }

    /// The span of data behind it, if any.
    pub fn span(self) -> Option<Span> {
        match self {
            Origin::Typed => None,
            Origin::Measured(s) | Origin::Mixed(s) => Some(s),
        }
    }

    /// "Typed", "Measured from data (1 Mar 2026 – 29 May 2026)", "Partly
    /// measured from data (1 Mar 2026 – 29 May 2026), partly typed".
    pub fn words(self) -> String {
        match self {
            Origin::Typed => "Typed".to_string(),
            Origin::Measured(s) => format!("Measured from data ({})", s.words()),
            Origin::Mixed(s) => {
                format!("Partly measured from data ({}), partly typed", s.words())
            }
        }
    }
}

/// The baseline as it stood on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    #[serde(with = "compact")]
    pub baseline: Baseline,
    pub origin: Origin,
}

impl Snapshot {
    /// The scenario's current baseline, dated `date`.
    pub fn of(scenario: &Scenario, date: NaiveDate) -> Snapshot {
        Snapshot {
            date,
            baseline: scenario.baseline.clone(),
            origin: Origin::of(&scenario.baseline, scenario.measured.as_ref()),
        }
    }

    /// Why the snapshot cannot be dated `date` when today is `today`.
    pub(crate) fn date_problem(&self, date: NaiveDate, today: NaiveDate) -> Option<String> {
        if !limits::date_ok(date) {
            return Some(format!(
                "{} is out of range: Flywheel keeps dates {}.",
                format_date(date),
                limits::date_range_words()
            ));
        }
        if date > today {
            return Some(format!(
                "A snapshot records a baseline already in force, and {} is after today ({}).",
                format_date(date),
                format_date(today)
            ));
        }
        let end = self.origin.span()?.to;
        (date < end).then(|| {
            format!(
                "This baseline was measured from data up to {}: date it on or after that day.",
                format_date(end)
            )
        })
    }

    fn is_valid(&self) -> bool {
        limits::date_ok(self.date)
            && self.baseline.is_valid()
            && self
                .origin
                .span()
                .is_none_or(|s| s.is_valid() && s.to <= self.date)
    }
}

/// The baseline's history, the last import's monthly trend, and the
/// plan's starting point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Oldest first, one a day at most.
    pub snapshots: Vec<Snapshot>,
    /// The monthly trend of the last import (or monthly export) applied.
    pub trend: Option<MonthlyTrend>,
    /// The date of the snapshot the chosen plan started from, when the team
    /// holds the plan against what happened since.
    #[serde(with = "serde_opt_date")]
    pub plan_start: Option<NaiveDate>,
}

impl History {
    /// The snapshot dated `date`.
    pub fn get(&self, date: NaiveDate) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.date == date)
    }

    /// The snapshot the plan started from.
    pub fn plan_start_snapshot(&self) -> Option<&Snapshot> {
        self.get(self.plan_start?)
    }

    /// What is wrong with the history as of `today`, in words: snapshots
    /// and months dated after today (left out of check-ins and actuals).
    pub fn problems(&self, today: NaiveDate) -> Vec<String> {
        let mut out: Vec<String> = self
            .snapshots
            .iter()
            .filter(|s| s.date > today)
            .map(|s| {
                format!(
                    "The snapshot dated {} is after today ({}): the clock that kept it may have \
                     been wrong. Re-date or delete it; until then it is left out of check-ins \
                     and of the plan's actuals.",
                    format_date(s.date),
                    format_date(today)
                )
            })
            .collect();
        let this_month = crate::model::date::month::first_of_month(today);
        if let Some((_, last)) = self.trend.as_ref().and_then(MonthlyTrend::span) {
            if last > this_month {
                out.push(format!(
                    "The trend holds figures for months after today (up to {}): they are left \
                     out of check-ins and of the plan's actuals.",
                    crate::model::date::format_month(last)
                ));
            }
        }
        out
    }

    /// Whether every snapshot is in range and in order (one a day, at most
    /// [`MAX_SNAPSHOTS`]), the trend is valid, and the plan's start names a
    /// snapshot.
    pub fn is_valid(&self) -> bool {
        self.snapshots.len() <= MAX_SNAPSHOTS
            && self.snapshots.iter().all(Snapshot::is_valid)
            && self.snapshots.windows(2).all(|w| w[0].date < w[1].date)
            && self.trend.as_ref().is_none_or(MonthlyTrend::is_valid)
            && self.plan_start.is_none_or(|d| self.get(d).is_some())
    }
}
