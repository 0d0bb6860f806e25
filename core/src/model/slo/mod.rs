//! Service level objectives and error budgets (domain.md §3): the SLO a user
//! sets, the budget it leaves, how incidents spend it over a rolling or
//! calendar window, the multi-window multi-burn-rate alert table recomputed
//! for the window, and the bridge from DORA's delivery metrics to budget use.
//!
//! Time inside this module is measured in minutes from the start of the
//! window. Dates only appear at the edges ([`Slo::window_start`],
//! [`Incident::start`]); "now" is always a parameter.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

mod alerts;
mod budget;
mod explain;
mod incidents;
mod money;
mod monitoring;
mod openslo;
mod prometheus;
mod rules;
mod text;
pub mod yaml;

pub use alerts::*;
pub use budget::*;
pub use explain::*;
pub use incidents::*;
pub use money::*;
pub use monitoring::*;
pub use openslo::*;
pub use prometheus::*;
pub use rules::*;
pub use text::*;

/// Minutes in a day.
pub const MINUTES_PER_DAY: f64 = 1440.0;
/// Shortest and longest rolling window offered, in days.
pub const ROLLING_DAYS: std::ops::RangeInclusive<u32> = 1..=90;
/// Most incidents one scenario keeps.
pub const MAX_INCIDENTS: usize = 200;
/// Longest incident accepted, in minutes (one 90-day window).
pub const MAX_INCIDENT_MINUTES: f64 = 90.0 * MINUTES_PER_DAY;
/// Most Monte Carlo trials a run may ask for (domain.md §5 cites 500 to
/// 10,000 in peers; the bound keeps a run under a second in the browser).
pub const MAX_TRIALS: u32 = 5_000;
/// Largest request volume accepted, per day.
pub const MAX_REQUESTS_PER_DAY: f64 = 1e12;

/// How the window is counted (domain.md §3, "Windows").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowKind {
    /// The trailing N days: budget is earned back as bad minutes age out.
    Rolling,
    /// The calendar month: the budget resets at the month boundary.
    CalendarMonth,
}

impl WindowKind {
    /// The kinds offered, in order.
    pub const ALL: [WindowKind; 2] = [WindowKind::Rolling, WindowKind::CalendarMonth];

    /// How the screen names the kind.
    pub fn label(self) -> &'static str {
        match self {
            WindowKind::Rolling => "Rolling days",
            WindowKind::CalendarMonth => "Calendar month",
        }
    }
}

/// How the budget is counted (domain.md §3, OpenSLO's budgeting methods).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Good minutes over all minutes (timeslices).
    TimeBased,
    /// Good requests over valid requests (occurrences).
    RequestBased,
}

impl Method {
    /// The methods offered, in order.
    pub const ALL: [Method; 2] = [Method::TimeBased, Method::RequestBased];

    /// How the screen names the method.
    pub fn label(self) -> &'static str {
        match self {
            Method::TimeBased => "Time-based (good minutes)",
            Method::RequestBased => "Request-based (good requests)",
        }
    }
}

/// One incident: when it started, how long it lasted and what share of
/// traffic (or users) it affected — 100% for a full outage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    #[serde(with = "crate::model::date::serde_minute")]
    pub start: NaiveDateTime,
    /// Duration in minutes.
    pub minutes: f64,
    /// Percent of traffic affected, in (0, 100].
    pub share: f64,
}

impl Incident {
    /// Whether the stored values are ones the form would have accepted.
    pub fn is_valid(&self) -> bool {
        use crate::model::limits::{above, datetime_ok};
        datetime_ok(self.start)
            && above(self.minutes, 0.0, MAX_INCIDENT_MINUTES)
            && above(self.share, 0.0, 100.0)
    }

    /// Bad minutes the incident alone is worth: duration × share.
    pub fn bad_minutes(&self) -> f64 {
        self.minutes * self.share / 100.0
    }
}

/// The error-budget policy (domain.md §3, "Error-budget policy").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// When the budget is spent, freeze feature deployments (P0/security
    /// fixes excepted) until the trailing window is back within the SLO.
    pub freeze: bool,
    /// A single incident using more than this percent of the budget needs a
    /// postmortem (the 20% rule; its wording is unverified).
    pub postmortem_share: f64,
    /// Monte Carlo trials (quarters simulated).
    pub trials: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            freeze: true,
            postmortem_share: 20.0,
            trials: 500,
        }
    }
}

/// The SLO and everything the Error budget screen keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Slo {
    /// Target in percent, e.g. 99.9.
    pub target: f64,
    pub window: WindowKind,
    /// Length of a rolling window in days (1–90).
    pub rolling_days: u32,
    pub method: Method,
    /// Valid requests per day, for request-based budgets.
    pub requests_per_day: f64,
    /// First day of the window shown; `None` until the user sets it or adds
    /// an incident (the screen then uses the first day of the current month).
    #[serde(with = "crate::model::date::serde_opt_date")]
    pub window_start: Option<NaiveDate>,
    pub incidents: Vec<Incident>,
    /// Error rate (percent of requests failing) used to show how long each
    /// alert takes to fire.
    pub alert_error_rate: f64,
    /// Share of traffic a failed deployment affects, for the DORA bridge and
    /// for incidents drawn from the baseline.
    pub failure_share: f64,
    pub policy: Policy,
    /// Seed of the generator for drawn incidents and the Monte Carlo.
    pub seed: u64,
    /// What a bad minute or a failed request costs, when the user sets it.
    pub cost: Option<Cost>,
    /// The service, SLI expressions and labels the Prometheus rules and the
    /// OpenSLO document are written with.
    pub monitoring: Monitoring,
}

impl Default for Slo {
    fn default() -> Self {
        Slo {
            target: 99.9,
            window: WindowKind::Rolling,
            rolling_days: 30,
            method: Method::TimeBased,
            requests_per_day: 1_000_000.0,
            window_start: None,
            incidents: Vec::new(),
            alert_error_rate: 2.0,
            failure_share: 25.0,
            policy: Policy::default(),
            seed: 1,
            cost: None,
            monitoring: Monitoring::default(),
        }
    }
}

/// Days in the calendar month that contains `date`.
pub fn days_in_month(date: NaiveDate) -> u32 {
    let first = date.with_day(1).unwrap_or(date);
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map_or(30, |n| (n - first).num_days() as u32)
}

/// Minutes from `origin` to `t`.
pub fn minutes_between(origin: NaiveDateTime, t: NaiveDateTime) -> f64 {
    (t - origin).num_seconds() as f64 / 60.0
}

impl Slo {
    /// Whether every stored value is one the screen would have accepted.
    pub fn is_valid(&self) -> bool {
        use crate::model::limits::{above, date_ok, in_range, percent_ok};
        above(self.target, 0.0, 100.0)
            && ROLLING_DAYS.contains(&self.rolling_days)
            && in_range(self.requests_per_day, 0.0, MAX_REQUESTS_PER_DAY)
            && self.window_start.is_none_or(date_ok)
            && self.incidents.len() <= MAX_INCIDENTS
            && self.incidents.iter().all(Incident::is_valid)
            && above(self.alert_error_rate, 0.0, 100.0)
            && percent_ok(self.failure_share)
            && above(self.policy.postmortem_share, 0.0, 100.0)
            && (1..=MAX_TRIALS).contains(&self.policy.trials)
            && self.cost.as_ref().is_none_or(Cost::is_valid)
            && self.monitoring.is_valid()
    }

    /// Budget ratio `B = 1 − SLO` (domain.md §3), computed as
    /// `(100 − target) / 100` so 99.9% gives 0.001 to the last few bits.
    pub fn budget_ratio(&self) -> f64 {
        ((100.0 - self.target) / 100.0).max(0.0)
    }

    /// Whether the SLO leaves no budget at all (100%).
    pub fn zero_budget(&self) -> bool {
        self.budget_ratio() <= 0.0
    }

    /// The first day of the window, given the day the screen treats as
    /// today. A calendar window always starts on the 1st.
    pub fn start_date(&self, today: NaiveDate) -> NaiveDate {
        let start = self
            .window_start
            .unwrap_or_else(|| today.with_day(1).unwrap_or(today));
        match self.window {
            WindowKind::Rolling => start,
            WindowKind::CalendarMonth => start.with_day(1).unwrap_or(start),
        }
    }

    /// Length of the window in days: N for a rolling window, the month's
    /// 28–31 days for a calendar window.
    pub fn window_days(&self, start: NaiveDate) -> u32 {
        match self.window {
            WindowKind::Rolling => self.rolling_days,
            WindowKind::CalendarMonth => days_in_month(start),
        }
    }

    /// Time-based budget `B × window`, in minutes (domain.md §3).
    pub fn budget_minutes(&self, days: u32) -> f64 {
        self.budget_ratio() * f64::from(days) * MINUTES_PER_DAY
    }

    /// Request-based budget `B × valid requests` (domain.md §3).
    pub fn budget_requests(&self, days: u32) -> f64 {
        self.budget_ratio() * self.requests_per_day * f64::from(days)
    }

    /// The incidents as segments in minutes from `origin`.
    pub fn segments(&self, origin: NaiveDateTime) -> Vec<Segment> {
        self.incidents
            .iter()
            .filter(|i| i.is_valid())
            .map(|i| {
                let s = minutes_between(origin, i.start);
                Segment {
                    start: s,
                    end: s + i.minutes,
                    weight: i.share / 100.0,
                }
            })
            .collect()
    }
}
