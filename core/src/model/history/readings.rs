//! Measurements since a date, read from the baseline history and the
//! monthly trend, and a metric goal's check-ins filled from them.
//!
//! - A snapshot reads on its own date. A month's figure reads on the
//!   month's last day, when the month is complete.
//! - When a snapshot and a month end fall on the same day, the snapshot
//!   wins: it is the baseline the team applied, the same kind of figure as
//!   the goal's starting value.
//! - Readings dated after today (a future snapshot, a month not yet over)
//!   are left out, and so are thin months ([`crate::model::trend`]).
//! - Filling replaces every measured check-in of the goal with the readings
//!   found now (they are derived: a deleted snapshot takes its reading
//!   with it) and never touches a typed one. On a day that has a typed
//!   check-in, the typed one wins: a person who typed a reading meant it,
//!   possibly to correct the data.

use chrono::NaiveDate;

use super::History;
use crate::model::date::{format_date, format_month, month};
use crate::model::goals::{CheckIn, CheckInSource, Goal, MAX_CHECK_INS};
use crate::model::{Metric, Scenario};

/// Where a reading came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingSource {
    /// A snapshot of the baseline.
    Snapshot,
    /// The monthly trend's figure for the month starting that day.
    Month(NaiveDate),
}

/// One measurement of a metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub date: NaiveDate,
    pub metric: Metric,
    /// Canonical unit.
    pub value: f64,
    pub source: ReadingSource,
    /// A thin month's figure ([`crate::model::trend::Status::Thin`]).
    pub thin: bool,
}

impl Reading {
    /// "the snapshot of 5 Mar 2026", "March 2026's figures".
    pub fn source_words(&self) -> String {
        match self.source {
            ReadingSource::Snapshot => format!("the snapshot of {}", format_date(self.date)),
            ReadingSource::Month(m) => format!("{}'s figures", format_month(m)),
        }
    }
}

impl History {
    /// Every reading of `metric` dated after `after` and on or before
    /// `today`, oldest first, one a day (see the module docs), thin months
    /// included and marked.
    pub fn readings(&self, metric: Metric, after: NaiveDate, today: NaiveDate) -> Vec<Reading> {
        let mut out: Vec<Reading> = self
            .snapshots
            .iter()
            .filter_map(|s| {
                Some(Reading {
                    date: s.date,
                    metric,
                    value: s.baseline.value(metric)?,
                    source: ReadingSource::Snapshot,
                    thin: false,
                })
            })
            .collect();
        if let Some(trend) = &self.trend {
            for p in trend.points.iter().filter(|p| p.metric == metric) {
                let Some(end) = month::last_of_month(p.month) else {
                    continue;
                };
                if !out.iter().any(|r| r.date == end) {
                    out.push(Reading {
                        date: end,
                        metric,
                        value: p.value,
                        source: ReadingSource::Month(p.month),
                        thin: p.is_thin(),
                    });
                }
            }
        }
        out.retain(|r| r.date > after && r.date <= today);
        out.sort_by_key(|r| r.date);
        out
    }
}

/// What filling a goal's check-ins did.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    /// Measured check-ins the goal now holds.
    pub measured: usize,
    /// Days where a typed check-in was kept over a measured reading.
    pub kept_typed: Vec<NaiveDate>,
    /// Thin months left out.
    pub thin: usize,
    /// Readings left out because the goal's check-ins were full (the
    /// oldest go first).
    pub over_cap: usize,
    /// All of it in words, for the screen.
    pub message: String,
}

impl Goal {
    /// Fills this metric goal's measured check-ins from `history` (see the
    /// module docs), with today `today`. Refused in words for a goal
    /// without a baseline metric or a start date.
    pub fn fill_check_ins(
        &mut self,
        history: &History,
        today: NaiveDate,
    ) -> Result<Filled, String> {
        let Some(target) = &self.target else {
            return Err("This goal has no metric, so there is nothing to measure.".to_string());
        };
        let Some(metric) = target.measure.metric() else {
            return Err(format!(
                "This goal measures {}, which the baseline history does not hold: type its \
                 check-ins.",
                target.measure.name()
            ));
        };
        let Some(start) = self.start else {
            return Err(
                "Set the goal's start date first: readings before it belong to the \
                        baseline."
                    .to_string(),
            );
        };
        let measure = target.measure.clone();
        let readings = history.readings(metric, start, today);
        let thin = readings.iter().filter(|r| r.thin).count();
        self.check_ins.retain(|c| c.source == CheckInSource::Typed);
        let mut kept_typed = Vec::new();
        let mut fresh: Vec<CheckIn> = Vec::new();
        for r in readings
            .iter()
            .filter(|r| !r.thin && measure.value_ok(r.value))
        {
            if self.check_ins.iter().any(|c| c.date == r.date) {
                kept_typed.push(r.date);
            } else {
                fresh.push(CheckIn::measured(r.date, r.value));
            }
        }
        let room = MAX_CHECK_INS.saturating_sub(self.check_ins.len());
        let over_cap = fresh.len().saturating_sub(room);
        let measured = fresh.len() - over_cap;
        self.check_ins.extend(fresh.into_iter().skip(over_cap));
        self.check_ins.sort_by_key(|c| c.date);

        let usable = readings.len() - thin;
        let mut message = if usable == 0 {
            format!(
                "No measurement of {} after the goal's start ({}): keep a snapshot, or import \
                 data covering the months since.",
                metric.name().to_ascii_lowercase(),
                format_date(start)
            )
        } else if measured == 0 && over_cap == 0 {
            "Every measurement falls on a day that has a typed check-in.".to_string()
        } else {
            format!(
                "Filled {measured} measured check-in{} from the baseline history and the \
                 monthly trend.",
                if measured == 1 { "" } else { "s" }
            )
        };
        if thin > 0 {
            message.push_str(&format!(
                " {thin} month{} with too few samples {} left out.",
                if thin == 1 { "" } else { "s" },
                if thin == 1 { "was" } else { "were" }
            ));
        }
        if !kept_typed.is_empty() {
            let days: Vec<String> = kept_typed.iter().map(|&d| format_date(d)).collect();
            message.push_str(&format!(
                " Typed check-ins were kept on {}: a typed reading wins over a measured one on \
                 the same day.",
                days.join(", ")
            ));
        }
        if over_cap > 0 {
            message.push_str(&format!(
                " A goal keeps at most {MAX_CHECK_INS} check-ins: the {over_cap} oldest \
                 readings were left out."
            ));
        }
        Ok(Filled {
            measured,
            kept_typed,
            thin,
            over_cap,
            message,
        })
    }
}

impl Scenario {
    /// Fills the measured check-ins of goal `id` from the scenario's
    /// history ([`Goal::fill_check_ins`]).
    pub fn fill_check_ins(
        &mut self,
        id: crate::model::goals::GoalId,
        today: NaiveDate,
    ) -> Result<Filled, String> {
        let history = &self.history;
        let goal = self
            .goals
            .0
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or_else(|| "That goal no longer exists.".to_string())?;
        goal.fill_check_ins(history, today)
    }
}
