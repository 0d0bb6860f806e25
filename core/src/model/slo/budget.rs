//! Bad time and the budget over the window: incidents as weighted
//! segments with overlaps counted once, where each falls against the
//! window, the burn-down, the freeze periods the policy imposes and the
//! incidents that need a postmortem (domain.md §3).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{days_in_month, minutes_between, Method, Slo, WindowKind, MINUTES_PER_DAY};

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
    /// When the policy would freeze feature deployments with these
    /// incidents, in minutes from the window start, over this window and
    /// the next ([`freeze_periods`]); whether the policy is on is the
    /// caller's to say.
    pub freezes: Vec<(f64, f64)>,
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

    /// Midnight at the start of the window: minute 0 of every offset here.
    pub fn origin(&self) -> NaiveDateTime {
        self.start.and_time(NaiveTime::MIN)
    }

    /// The moment `minutes` after the window start, or `None` when it
    /// falls outside what the calendar can hold. Checked, so no window the
    /// model accepts (even one starting on its last day) can overflow.
    pub fn moment(&self, minutes: f64) -> Option<NaiveDateTime> {
        // A century is about 5.3 × 10⁷ minutes: the burn-down never spans
        // more than two 90-day windows.
        if !minutes.is_finite() || minutes.abs() > 1e9 {
            return None;
        }
        let seconds = (minutes * 60.0).round() as i64;
        self.origin()
            .checked_add_signed(chrono::TimeDelta::try_seconds(seconds)?)
    }

    /// [`BudgetReport::moment`] as the screen words it ("5 Mar 2026,
    /// 10:00"), or "—" when there is none.
    pub fn moment_text(&self, minutes: f64) -> String {
        self.moment(minutes)
            .map_or_else(|| "—".to_string(), crate::model::date::format_datetime)
    }

    /// Whether an incident starting at `start` counts against this window:
    /// it starts on or after the window's first minute and before its end.
    pub fn counts(&self, start: NaiveDateTime) -> bool {
        let at = minutes_between(self.origin(), start);
        (0.0..self.window_minutes()).contains(&at)
    }

    /// Where the add-incident form starts: 10:00 on the window's second
    /// day (its first when that is the model's last day).
    pub fn suggested_incident_start(&self) -> NaiveDateTime {
        let day = crate::model::limits::add_days(self.start, 1).unwrap_or(self.start);
        day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN))
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
    let origin = start.and_time(NaiveTime::MIN);
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
    let freezes = freeze_periods(slo.window, &merged, budget, t);
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
        freezes,
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
