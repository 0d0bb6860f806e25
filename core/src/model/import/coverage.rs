//! Whether the chosen window lies inside the data. A file holds no record
//! of the period it was exported for, so the earliest and latest timestamps
//! in it (deployments, incident starts and resolutions) stand for that
//! period. When the window reaches past them, the figures still cover the
//! whole window as chosen — days without rows count as days without
//! deployments, which is right when the export really spans the window —
//! but the report says so, in words, and offers the data's own span as a
//! window ([`Dataset::span_choice`]): 11 days of data in a 90-day window
//! would otherwise read as 0.3 deploys a week and Four Keys' "Yearly" with
//! nothing to say why.

use chrono::{FixedOffset, NaiveDate};

use super::{time, Dataset, Report, Window, WindowChoice};
use crate::model::date::format_date;

/// How much of a window the data covers, when it does not cover all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// First and last local day with a row in either file.
    pub data_first: NaiveDate,
    pub data_last: NaiveDate,
    /// Days of the window inside the data's span.
    pub covered_days: i64,
    /// Days in the window.
    pub window_days: i64,
}

impl Dataset {
    /// The first and last local day holding a deployment, an incident's
    /// start or its resolution.
    pub fn span(&self, zone: FixedOffset) -> Option<(NaiveDate, NaiveDate)> {
        let instants = self
            .deployments
            .iter()
            .map(|d| d.at)
            .chain(self.incidents.iter().flat_map(|i| [i.started, i.resolved]));
        let (lo, hi) = instants.fold(None, |acc: Option<(i64, i64)>, t| match acc {
            None => Some((t, t)),
            Some((lo, hi)) => Some((lo.min(t), hi.max(t))),
        })?;
        Some((time::local_date(lo, zone), time::local_date(hi, zone)))
    }

    /// The data's own span as a window choice, both days included.
    pub fn span_choice(&self, zone: FixedOffset) -> Option<WindowChoice> {
        let (first, last) = self.span(zone)?;
        Some(WindowChoice::Range(first, last))
    }

    /// How much of `window` the data covers; `None` when it covers all of
    /// it.
    pub fn coverage(&self, window: Window, zone: FixedOffset) -> Option<Coverage> {
        let (first, last) = self.span(zone)?;
        if first <= window.first_day && window.last_day <= last {
            return None;
        }
        let from = first.max(window.first_day);
        let to = last.min(window.last_day);
        Some(Coverage {
            data_first: first,
            data_last: last,
            covered_days: ((to - from).num_days() + 1).max(0),
            window_days: window.days(),
        })
    }
}

impl Report {
    /// What to tell the user when the window reaches past the data: how
    /// many of its days the data covers, what the figures assumed, and the
    /// window that fits.
    pub fn coverage_note(&self) -> Option<String> {
        let c = self.coverage?;
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_string()
            } else {
                format!("{n} days")
            }
        };
        Some(format!(
            "The data covers {} of the {} chosen ({} to {}). These figures count the other {} as days without deployments; if the export only spans the data, choose its span as the window instead.",
            days(c.covered_days),
            days(c.window_days),
            format_date(c.data_first),
            format_date(c.data_last),
            days(c.window_days - c.covered_days),
        ))
    }
}
