//! A team's error-budget status for the Teams table, from the SLO
//! functions the Error budget screen uses (domain.md §3): the budget of the
//! team's window, the bad time its incidents spent in it, and what is left,
//! in words.

use chrono::NaiveDate;

use crate::model::date::format_date;
use crate::model::slo::{self, format_month, short_minutes, Slo, WindowKind};
use crate::model::units::format_percent;

/// The error budget of a team's window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetStatus {
    pub window: WindowKind,
    /// First day of the window and its length in days.
    pub start: NaiveDate,
    pub days: u32,
    /// `B × window` in minutes (zero for a 100% SLO).
    pub budget_minutes: f64,
    /// Bad minutes of the incidents that start in the window, overlaps
    /// counted once.
    pub spent_minutes: f64,
}

impl BudgetStatus {
    /// The status of `slo`'s window as of `today` (the window the user set,
    /// or the one starting the 1st of this month); `None` when the SLO
    /// holds values the Error budget screen would not accept.
    pub fn of(slo: &Slo, today: NaiveDate) -> Option<BudgetStatus> {
        if !slo.is_valid() {
            return None;
        }
        let r = slo::report(slo, today, today.and_time(chrono::NaiveTime::MIN));
        Some(BudgetStatus {
            window: r.kind,
            start: r.start,
            days: r.days,
            budget_minutes: r.budget_minutes,
            spent_minutes: r.spent_minutes,
        })
    }

    /// Spent: some bad time, and at least the whole budget.
    pub fn is_spent(&self) -> bool {
        self.spent_minutes > 0.0 && self.spent_minutes >= self.budget_minutes
    }

    /// Spent as a share of the budget: 0 with nothing spent, infinite when
    /// a 100% SLO (no budget) has bad time; what the table sorts by.
    pub fn spent_share(&self) -> f64 {
        if self.spent_minutes <= 0.0 {
            0.0
        } else if self.budget_minutes <= 0.0 {
            f64::INFINITY
        } else {
            self.spent_minutes / self.budget_minutes
        }
    }

    /// "61 min of bad time against a 43.2 min budget".
    pub fn overspend_words(&self) -> String {
        if self.budget_minutes <= 0.0 {
            format!(
                "{} of bad time, and a 100% SLO leaves no budget",
                short_minutes(self.spent_minutes)
            )
        } else {
            format!(
                "{} of bad time against a {} budget",
                short_minutes(self.spent_minutes),
                short_minutes(self.budget_minutes)
            )
        }
    }

    /// The status in words: "Nothing spent: 43.2 min left", "28% spent:
    /// 12 min of 43.2 min, 31.2 min left", "Spent: 61 min of bad time
    /// against a 43.2 min budget".
    pub fn words(&self) -> String {
        if self.is_spent() {
            format!("Spent: {}", self.overspend_words())
        } else if self.spent_minutes <= 0.0 && self.budget_minutes <= 0.0 {
            "Nothing spent; a 100% SLO leaves no budget".to_string()
        } else if self.spent_minutes <= 0.0 {
            format!("Nothing spent: {} left", short_minutes(self.budget_minutes))
        } else {
            format!(
                "{} spent: {} of {}, {} left",
                format_percent(self.spent_share(), 0),
                short_minutes(self.spent_minutes),
                short_minutes(self.budget_minutes),
                short_minutes(self.budget_minutes - self.spent_minutes)
            )
        }
    }

    /// The window in words: "the 30 days from 1 Nov 2026", "November 2026".
    pub fn window_words(&self) -> String {
        match self.window {
            WindowKind::Rolling => {
                format!("the {} days from {}", self.days, format_date(self.start))
            }
            WindowKind::CalendarMonth => format_month(self.start),
        }
    }
}
