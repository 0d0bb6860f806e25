//! Service level objectives and error budgets (domain.md §3): the SLO a user
//! sets, the budget it leaves, how incidents spend it over a rolling or
//! calendar window, the multi-window multi-burn-rate alert table recomputed
//! for the window, and the bridge from DORA's delivery metrics to budget use.
//!
//! Time inside this module is measured in minutes from the start of the
//! window. Dates only appear at the edges ([`Slo::window_start`],
//! [`Incident::start`]); "now" is always a parameter.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::model::units::format_number;
use crate::model::{Baseline, Metric};

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

/// How the budget is counted (domain.md §3, OpenSLO's budgeting methods).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Good minutes over all minutes (timeslices).
    TimeBased,
    /// Good requests over valid requests (occurrences).
    RequestBased,
}

/// One incident: when it started, how long it lasted and what share of
/// traffic (or users) it affected — 100% for a full outage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    #[serde(with = "serde_minute")]
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
    #[serde(with = "crate::model::goals::date::serde_opt_date")]
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

// ---------------------------------------------------------------------------
// Dates as text. Written by hand rather than with chrono's format strings,
// whose machinery would add tens of kilobytes to the download.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-03-05T10:00", the form `<input type="datetime-local">` uses.
pub fn format_datetime_local(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}",
        crate::model::goals::date::iso(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "5 Mar 2026 10:00", for people.
pub fn format_datetime(t: NaiveDateTime) -> String {
    let m = MONTHS[t.month0() as usize];
    format!(
        "{} {} {} {:02}:{:02}",
        t.day(),
        &m[..3],
        t.year(),
        t.hour(),
        t.minute()
    )
}

/// "March 2026".
pub fn format_month(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

/// Parses "YYYY-MM-DD".
pub fn parse_date_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses "YYYY-MM-DDTHH:MM" (seconds, if present, are accepted).
pub fn parse_datetime_local(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.trim().split_once('T')?;
    let mut hm = time.splitn(3, ':');
    let h = hm.next()?.parse().ok()?;
    let m = hm.next()?.parse().ok()?;
    let s: u32 = match hm.next() {
        Some(sec) => sec.split('.').next()?.parse().ok()?,
        None => 0,
    };
    parse_date_iso(date)?.and_hms_opt(h, m, s)
}

/// Serde for an incident's start: "YYYY-MM-DDTHH:MM" in human-readable
/// formats, minutes since 1970 in binary ones (share links).
mod serde_minute {
    use chrono::{DateTime, NaiveDateTime};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&super::format_datetime_local(*t))
        } else {
            s.serialize_i64(t.and_utc().timestamp().div_euclid(60))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            super::parse_datetime_local(&text).ok_or_else(|| D::Error::custom("invalid date-time"))
        } else {
            i64::deserialize(d)?
                .checked_mul(60)
                .and_then(|secs| DateTime::from_timestamp(secs, 0))
                .map(|t| t.naive_utc())
                .ok_or_else(|| D::Error::custom("date-time out of range"))
        }
    }
}

// ---------------------------------------------------------------------------
// Formatting

/// A budget in minutes as users read it: "43.2 minutes (43 m 12 s)"; below
/// a minute it is given in seconds ("0.26 seconds"), so tiny budgets such as
/// 99.99999% never round to zero.
pub fn describe_minutes(minutes: f64) -> String {
    if !minutes.is_finite() {
        return "—".to_string();
    }
    if minutes == 0.0 {
        return "0 minutes".to_string();
    }
    let abs = minutes.abs();
    let sign = if minutes < 0.0 { "−" } else { "" };
    if abs < 1.0 {
        let secs = abs * 60.0;
        let digits = if secs >= 10.0 {
            1
        } else if secs >= 0.1 {
            2
        } else {
            4
        };
        return format!("{sign}{} seconds", format_number(secs, digits));
    }
    let main = format!("{sign}{} minutes", format_number(abs, 2));
    let total_secs = (abs * 60.0).round() as u64;
    let (h, m, s) = (total_secs / 3600, (total_secs / 60) % 60, total_secs % 60);
    let parts = match (h, s) {
        (0, 0) => return main,
        (0, _) => format!("{m} m {s} s"),
        (_, 0) => format!("{h} h {m} m"),
        _ => format!("{h} h {m} m {s} s"),
    };
    format!("{main} ({sign}{parts})")
}

/// A window length or duration in minutes, in the largest natural unit:
/// "52 s", "43 min", "1.5 h", "3 days".
pub fn short_minutes(minutes: f64) -> String {
    if !minutes.is_finite() {
        return "—".to_string();
    }
    if minutes < 1.0 {
        format!("{} s", format_number(minutes * 60.0, 2))
    } else if minutes < 120.0 {
        format!("{} min", format_number(minutes, 1))
    } else if minutes < 2.0 * MINUTES_PER_DAY {
        format!("{} h", format_number(minutes / 60.0, 1))
    } else {
        format!("{} days", format_number(minutes / MINUTES_PER_DAY, 1))
    }
}

// ---------------------------------------------------------------------------
// Bad time: incidents as weighted segments, overlaps counted once

/// An incident as an interval in minutes with the share of traffic it
/// affected as a fraction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub start: f64,
    pub end: f64,
    /// Fraction of traffic affected, 0–1.
    pub weight: f64,
}

/// Combines possibly overlapping incidents into disjoint segments.
///
/// Overlapping bad time is counted once: where incidents overlap, the
/// combined segment carries the **largest** share among them. The same
/// request cannot fail twice, and without knowing which users each incident
/// hit, the larger share is the one figure that is certainly affected
/// (adding shares could count a user twice, and could pass 100%).
pub fn merge(segments: &[Segment]) -> Vec<Segment> {
    let mut edges: Vec<f64> = segments
        .iter()
        .filter(|s| s.end > s.start && s.weight > 0.0)
        .flat_map(|s| [s.start, s.end])
        .collect();
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for pair in edges.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let w = segments
            .iter()
            .filter(|s| s.start <= a && s.end >= b)
            .map(|s| s.weight)
            .fold(0.0, f64::max);
        if w <= 0.0 {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.end == a && last.weight == w => last.end = b,
            _ => out.push(Segment {
                start: a,
                end: b,
                weight: w,
            }),
        }
    }
    out
}

/// Bad minutes inside `[a, b)` from disjoint (merged) segments.
pub fn bad_between(merged: &[Segment], a: f64, b: f64) -> f64 {
    merged
        .iter()
        .map(|s| (s.end.min(b) - s.start.max(a)).max(0.0) * s.weight)
        .sum()
}

// ---------------------------------------------------------------------------
// The budget over the window

/// Where an incident falls relative to the window.
#[derive(Clone, Debug, PartialEq)]
pub enum IncidentNote {
    /// Starts before the window begins or at/after it ends: it is not counted
    /// in this window.
    OutsideWindow,
    /// Runs past the end of the window: only the part inside counts here.
    PastWindowEnd,
    /// Overlaps the listed incidents (1-based numbers); overlapping time is
    /// counted once, at the larger share.
    Overlaps(Vec<usize>),
}

impl IncidentNote {
    /// The sentence shown next to the incident.
    pub fn message(&self) -> String {
        match self {
            IncidentNote::OutsideWindow => {
                "Outside the window: it does not count against this window's budget.".to_string()
            }
            IncidentNote::PastWindowEnd => {
                "Runs past the end of the window: only the part inside counts here.".to_string()
            }
            IncidentNote::Overlaps(others) => {
                let list: Vec<String> = others.iter().map(|n| format!("#{n}")).collect();
                format!(
                    "Overlaps {}: the overlapping time is counted once, at the larger share.",
                    list.join(", ")
                )
            }
        }
    }
}

/// Notes for each incident, in list order.
pub fn incident_notes(segments: &[Segment], window_minutes: f64) -> Vec<Vec<IncidentNote>> {
    segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut notes = Vec::new();
            if s.start < 0.0 || s.start >= window_minutes {
                notes.push(IncidentNote::OutsideWindow);
            } else if s.end > window_minutes {
                notes.push(IncidentNote::PastWindowEnd);
            }
            let others: Vec<usize> = segments
                .iter()
                .enumerate()
                .filter(|&(j, o)| j != i && o.start < s.end && s.start < o.end)
                .map(|(j, _)| j + 1)
                .collect();
            if !others.is_empty() {
                notes.push(IncidentNote::Overlaps(others));
            }
            notes
        })
        .collect()
}

/// A point of the burn-down: minutes from the window start, and the budget
/// remaining then (in minutes; negative when overspent).
pub type Point = (f64, f64);

/// The window, its budget and what the incidents did to it.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetReport {
    pub kind: WindowKind,
    pub start: NaiveDate,
    /// Window length in days.
    pub days: u32,
    /// Budget in minutes.
    pub budget_minutes: f64,
    /// Budget in requests (request-based method only).
    pub budget_requests: Option<f64>,
    /// Bad minutes inside the window (overlaps counted once).
    pub spent_minutes: f64,
    /// Budget left at the end of the window (negative when overspent).
    pub remaining_minutes: f64,
    /// Burn rate over the window so far, as of the evaluation time.
    pub burn_rate: Option<f64>,
    /// The evaluation time, in minutes from the window start.
    pub as_of: f64,
    /// When the entered incidents used the budget up, in minutes from the
    /// window start.
    pub exhausted_at: Option<f64>,
    /// When the budget runs out at the current burn rate r: `window / r`
    /// from the window start (domain.md §3); `None` at a zero burn rate.
    pub projected_exhaustion: Option<f64>,
    /// Remaining budget over this window and the next, for the chart.
    pub burn_down: Vec<Point>,
    /// Notes per incident.
    pub notes: Vec<Vec<IncidentNote>>,
}

impl BudgetReport {
    /// Window length in minutes.
    pub fn window_minutes(&self) -> f64 {
        f64::from(self.days) * MINUTES_PER_DAY
    }

    /// Percent of the budget spent (`None` for a zero budget).
    pub fn spent_percent(&self) -> Option<f64> {
        (self.budget_minutes > 0.0).then(|| self.spent_minutes / self.budget_minutes * 100.0)
    }
}

/// Evaluates the SLO over its window.
///
/// `today` fixes the window when the user has not; `as_of` is the moment
/// the current burn rate is measured at (clamped into the window). The
/// burn-down covers this window and the next one, so a rolling window shows
/// budget earned back as bad minutes age out `days` after they happened, and
/// a calendar window shows the reset at the month boundary.
pub fn report(slo: &Slo, today: NaiveDate, as_of: NaiveDateTime) -> BudgetReport {
    let start = slo.start_date(today);
    let days = slo.window_days(start);
    let t = f64::from(days) * MINUTES_PER_DAY;
    let origin = start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let segments = slo.segments(origin);
    let notes = incident_notes(&segments, t);
    // Only incidents that start inside the window count.
    let counted: Vec<Segment> = segments
        .iter()
        .copied()
        .filter(|s| s.start >= 0.0 && s.start < t)
        .collect();
    let merged = merge(&counted);
    let budget = slo.budget_minutes(days);
    let spent = bad_between(&merged, 0.0, t);
    let as_of = minutes_between(origin, as_of).clamp(0.0, t);

    let burn_rate = (budget > 0.0 && as_of > 0.0)
        .then(|| bad_between(&merged, 0.0, as_of) / as_of / slo.budget_ratio());
    let exhausted_at = (budget > 0.0)
        .then(|| exhaustion_time(&merged, budget))
        .flatten();
    // Time to exhaustion at a constant burn rate r is window / r.
    let projected_exhaustion = burn_rate.filter(|&r| r > 0.0).map(|r| t / r);

    let burn_down = burn_down(slo.window, &merged, budget, t, slo, start);
    BudgetReport {
        kind: slo.window,
        start,
        days,
        budget_minutes: budget,
        budget_requests: (slo.method == Method::RequestBased).then(|| slo.budget_requests(days)),
        spent_minutes: spent,
        remaining_minutes: budget - spent,
        burn_rate,
        as_of,
        exhausted_at,
        projected_exhaustion,
        burn_down,
        notes,
    }
}

/// The moment cumulative bad time from the window start reaches `budget`.
fn exhaustion_time(merged: &[Segment], budget: f64) -> Option<f64> {
    let mut acc = 0.0;
    for s in merged {
        let worth = (s.end - s.start) * s.weight;
        if acc + worth >= budget {
            return Some(s.start + (budget - acc) / s.weight);
        }
        acc += worth;
    }
    None
}

fn burn_down(
    kind: WindowKind,
    merged: &[Segment],
    budget: f64,
    t: f64,
    slo: &Slo,
    start: NaiveDate,
) -> Vec<Point> {
    match kind {
        WindowKind::Rolling => {
            // Remaining at time x is budget − bad(x − T, x): piecewise linear
            // with corners where an incident starts or ends, and again T
            // later when it ages out.
            let mut xs = vec![0.0, 2.0 * t];
            for s in merged {
                for e in [s.start, s.end, s.start + t, s.end + t] {
                    if (0.0..=2.0 * t).contains(&e) {
                        xs.push(e);
                    }
                }
            }
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            xs.into_iter()
                .map(|x| (x, budget - bad_between(merged, x - t, x)))
                .collect()
        }
        WindowKind::CalendarMonth => {
            // This month burns down; the next month starts afresh with its
            // own budget (its own number of days).
            let next_start = start
                .checked_add_days(chrono::Days::new(t as u64 / 1440))
                .unwrap_or(start);
            let next_days = f64::from(days_in_month(next_start)) * MINUTES_PER_DAY;
            let next_budget = slo.budget_minutes(days_in_month(next_start));
            let mut xs = vec![0.0, t];
            for s in merged {
                for e in [s.start, s.end] {
                    if (0.0..=t).contains(&e) {
                        xs.push(e);
                    }
                }
            }
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let mut pts: Vec<Point> = xs
                .into_iter()
                .map(|x| (x, budget - bad_between(merged, 0.0, x)))
                .collect();
            pts.push((t, next_budget));
            pts.push((t + next_days, next_budget));
            pts
        }
    }
}

// ---------------------------------------------------------------------------
// Freeze periods for a fixed incident list

/// When feature deployments are frozen under the policy, for a fixed list of
/// incidents: from the moment the budget is spent until the trailing window
/// is back within the SLO (rolling), or until the month resets (calendar).
/// Intervals in minutes from the window start, over this window and the
/// next.
pub fn freeze_periods(
    kind: WindowKind,
    merged: &[Segment],
    budget: f64,
    t: f64,
) -> Vec<(f64, f64)> {
    if budget <= 0.0 {
        return if merged.is_empty() {
            Vec::new()
        } else {
            vec![(merged[0].start.max(0.0), 2.0 * t)]
        };
    }
    match kind {
        WindowKind::CalendarMonth => exhaustion_time(merged, budget)
            .filter(|&x| x < t)
            .map(|x| vec![(x, t)])
            .unwrap_or_default(),
        WindowKind::Rolling => {
            let f = |x: f64| bad_between(merged, x - t, x);
            let mut xs = vec![0.0, 2.0 * t];
            for s in merged {
                xs.extend([s.start, s.end, s.start + t, s.end + t]);
            }
            xs.retain(|x| (0.0..=2.0 * t).contains(x));
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let mut periods = Vec::new();
            let mut frozen_from: Option<f64> = None;
            for pair in xs.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let (fa, fb) = (f(a), f(b));
                // Linear between corners: find where it crosses the budget.
                let cross = |target: f64| a + (target - fa) / (fb - fa) * (b - a);
                match frozen_from {
                    None if fa >= budget => frozen_from = Some(a),
                    None if fb >= budget => frozen_from = Some(cross(budget)),
                    _ => {}
                }
                if let Some(from) = frozen_from {
                    if fb < budget {
                        let until = if fa > fb { cross(budget) } else { b };
                        periods.push((from, until));
                        frozen_from = None;
                    }
                }
            }
            if let Some(from) = frozen_from {
                periods.push((from, 2.0 * t));
            }
            periods
        }
    }
}

/// Numbers (1-based) of the incidents that each used more than the policy's
/// share of the budget, alone: they need a postmortem.
pub fn postmortems_needed(slo: &Slo, budget_minutes: f64) -> Vec<usize> {
    if budget_minutes <= 0.0 {
        return (1..=slo.incidents.len()).collect();
    }
    slo.incidents
        .iter()
        .enumerate()
        .filter(|(_, i)| i.bad_minutes() > slo.policy.postmortem_share / 100.0 * budget_minutes)
        .map(|(n, _)| n + 1)
        .collect()
}

// ---------------------------------------------------------------------------
// Alerts

/// Page or ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Page,
    Ticket,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Page => "Page",
            Severity::Ticket => "Ticket",
        }
    }
}

/// The Google SRE Workbook's multi-window multi-burn-rate alerts (domain.md
/// §3): severity, long window in hours, and the share of the budget each
/// alert stands for. The burn-rate factor is derived from these and the
/// SLO window, never kept as a literal.
pub const ALERTS: [(Severity, f64, f64); 4] = [
    (Severity::Page, 1.0, 0.02),
    (Severity::Page, 6.0, 0.05),
    (Severity::Ticket, 24.0, 0.10),
    (Severity::Ticket, 72.0, 0.10),
];

/// One row of the alert table.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    pub severity: Severity,
    /// Long window, minutes.
    pub long: f64,
    /// Short window = long / 12, minutes.
    pub short: f64,
    /// Fraction of the budget the alert stands for.
    pub budget_share: f64,
    /// Burn-rate factor `r = p × T / w`.
    pub factor: f64,
    /// Whether the long window fits inside the SLO window at all.
    pub applies: bool,
}

/// The alert table for a window of `days` days: `r = p × T / w` (domain.md
/// §3). 30 days gives 14.4 / 6 / 3 / 1; 28 days 13.44 / 5.6 / 2.8 / 0.93.
pub fn alert_table(days: u32) -> Vec<Alert> {
    let t = f64::from(days) * MINUTES_PER_DAY;
    ALERTS
        .iter()
        .map(|&(severity, hours, p)| {
            let long = hours * 60.0;
            Alert {
                severity,
                long,
                short: long / 12.0,
                budget_share: p,
                factor: p * t / long,
                applies: long <= t,
            }
        })
        .collect()
}

/// How an alert responds to an incident of constant error ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// Minutes from the incident's start until the alert fires.
    pub minutes: f64,
    /// Fraction of the window's budget spent by then.
    pub budget_spent: f64,
}

/// Detection time of `alert` for an incident of error ratio `e` (0–1) that
/// starts on a clean history, or `None` if the alert never fires.
///
/// t minutes into the incident (t ≤ w) the long window's average error
/// ratio is `e·t/w`, so its burn rate `e·t/(w·B)` passes the factor r at
/// `t_long = r·w·B/e`; the short window passes it at `t_short = r·s·B/e`,
/// earlier, so the alert fires at `max(t_long, t_short) = t_long`. It fires
/// at all only if `e > r·B` (the long window's average tops out at e).
/// Budget spent by then: `e·t_long / (B·T) = r·w/T`, the alert's budget
/// share, whatever e is.
///
/// Hand check, 99.9% over 30 days (B = 0.001, T = 43,200 min):
/// - 100% outage, 1 h page: t = 14.4 × 60 × 0.001 / 1 = 0.864 min (51.84 s),
///   budget spent 0.864 / 43.2 = 2%. 6 h page: 6 × 360 × 0.001 = 2.16 min;
///   1 d ticket: 3 × 1440 × 0.001 = 4.32 min; 3 d ticket: 1 × 4320 × 0.001
///   = 4.32 min.
/// - 2% error rate, 1 h page: t = 14.4 × 60 × 0.001 / 0.02 = 43.2 min, spent
///   0.02 × 43.2 / 43.2 = 2%; 6 h: 108 min; 1 d: 216 min; 3 d: 216 min.
pub fn detection(
    alert: &Alert,
    e: f64,
    budget_ratio: f64,
    window_minutes: f64,
) -> Option<Detection> {
    if !alert.applies || budget_ratio <= 0.0 || e <= 0.0 || e <= alert.factor * budget_ratio {
        return None;
    }
    let t_long = alert.factor * alert.long * budget_ratio / e;
    let t_short = alert.factor * alert.short * budget_ratio / e;
    let t = t_long.max(t_short);
    Some(Detection {
        minutes: t,
        budget_spent: e * t / (budget_ratio * window_minutes),
    })
}

// ---------------------------------------------------------------------------
// The DORA bridge

/// What the baseline's delivery metrics mean for the budget (domain.md §3,
/// last bullet).
#[derive(Clone, Debug, PartialEq)]
pub struct Bridge {
    /// Deployments per window.
    pub deploys: f64,
    /// Failed deployments per window (deploys × CFR).
    pub failures: f64,
    /// Baseline recovery time, minutes.
    pub recovery_minutes: f64,
    /// Expected bad minutes per window: deploys × CFR × recovery × share.
    pub expected_bad_minutes: f64,
    /// Expected share of the budget used per window (`None` for a zero
    /// budget).
    pub expected_budget_use: Option<f64>,
    /// Longest recovery time (minutes) the budget tolerates at this deploy
    /// rate and CFR; `None` when no failures are expected.
    pub max_recovery_minutes: Option<f64>,
}

/// The bridge for a window of `days` days.
pub fn bridge(slo: &Slo, baseline: &Baseline, days: u32) -> Bridge {
    let per_day = baseline.value(Metric::DeployFrequency).unwrap_or(0.0);
    let cfr = baseline.value(Metric::ChangeFailureRate).unwrap_or(0.0) / 100.0;
    let recovery = baseline.value(Metric::RecoveryTime).unwrap_or(0.0) * 60.0;
    let share = slo.failure_share / 100.0;
    let deploys = per_day * f64::from(days);
    let failures = deploys * cfr;
    let expected = failures * recovery * share;
    let budget = slo.budget_minutes(days);
    Bridge {
        deploys,
        failures,
        recovery_minutes: recovery,
        expected_bad_minutes: expected,
        expected_budget_use: (budget > 0.0).then(|| expected / budget),
        max_recovery_minutes: (failures * share > 0.0).then(|| budget / (failures * share)),
    }
}

/// Checks the SLO target as typed: > 0 and ≤ 100. 100% is accepted (with a
/// zero-budget warning shown elsewhere).
pub fn target_message(target: f64) -> Option<&'static str> {
    if target >= 100.0 {
        Some(
            "An SLO of 100% leaves no error budget: any failure breaks it, so there is no \
             burn rate, alert threshold or exhaustion date to compute.",
        )
    } else if target >= 99.9999 {
        Some("This budget is tiny: it is shown in seconds.")
    } else {
        None
    }
}
