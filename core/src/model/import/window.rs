//! The period the metrics are computed over: a choice ("the last 90 days",
//! or a range of dates) resolved into whole local days.

use chrono::{FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::time::{self, DAY};

/// Most days from a window's first day to its last: about ten years.
pub const MAX_WINDOW_DAYS: i64 = 3_660;

/// Which period the metrics are computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowChoice {
    /// The last `n` days up to and including the end date.
    LastDays(u32),
    /// From the first date to the last, both included.
    Range(NaiveDate, NaiveDate),
}

/// A resolved window: `[start, end)` in Unix seconds, and its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub end: i64,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl Window {
    /// Resolves a choice. `end_date` is the last day of a "last n days"
    /// window (the app uses the latest deployment's date, so a file's
    /// figures do not drift as the calendar moves). Days are whole local
    /// days of the fixed offset.
    ///
    /// `None` for an empty window, one longer than [`MAX_WINDOW_DAYS`], or
    /// one reaching outside the model's years.
    pub fn resolve(choice: WindowChoice, end_date: NaiveDate, zone: FixedOffset) -> Option<Window> {
        let (first, last) = match choice {
            WindowChoice::LastDays(n) if n > 0 => (
                crate::model::limits::add_days(end_date, 1 - i64::from(n))?,
                end_date,
            ),
            WindowChoice::Range(a, b) if a <= b => (a, b),
            _ => return None,
        };
        let ok = crate::model::limits::date_ok(first) && crate::model::limits::date_ok(last);
        if !ok || (last - first).num_days() > MAX_WINDOW_DAYS {
            return None;
        }
        Some(Window {
            start: time::local_midnight(first, zone),
            end: time::local_midnight(last, zone) + DAY,
            first_day: first,
            last_day: last,
        })
    }

    /// Whole days in the window.
    pub fn days(&self) -> i64 {
        (self.end - self.start) / DAY
    }

    /// Whether an instant lies inside.
    pub fn contains(&self, t: i64) -> bool {
        self.start <= t && t < self.end
    }
}
