//! The multi-window multi-burn-rate alert table recomputed for the window,
//! detection times, the bridge from DORA's delivery metrics to budget use,
//! and the note on extreme targets (domain.md §3).

use super::{Slo, MINUTES_PER_DAY};
use crate::model::{Baseline, Metric};

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

    /// The lower-case form alert labels and OpenSLO severities use.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Page => "page",
            Severity::Ticket => "ticket",
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

impl Alert {
    /// Whether the threshold can be reached at budget ratio `b`: a burn
    /// rate r needs an error ratio of `r × b`, so one at or above `1 / b`
    /// would need every request to fail, or more, and the alert (which
    /// fires above the threshold) never fires.
    pub fn reachable(&self, b: f64) -> bool {
        self.factor * b < 1.0
    }

    /// "1-hour page", "3-day ticket".
    pub fn name(&self) -> String {
        format!("{} {}", window_adjective(self.long), self.severity.key())
    }
}

/// A window's length as an adjective: "5-minute", "1-hour", "3-day".
pub fn window_adjective(minutes: f64) -> String {
    let (n, unit) = window_unit(minutes);
    format!("{n}-{unit}")
}

/// "the last hour", "the last 6 hours", "the last 5 minutes".
pub fn last_window(minutes: f64) -> String {
    match window_unit(minutes) {
        (1, unit) => format!("the last {unit}"),
        (n, unit) => format!("the last {n} {unit}s"),
    }
}

/// A whole number of minutes in its largest whole unit.
pub(super) fn window_unit(minutes: f64) -> (u64, &'static str) {
    let m = minutes.round().max(0.0) as u64;
    if m > 0 && m.is_multiple_of(1440) {
        (m / 1440, "day")
    } else if m > 0 && m.is_multiple_of(60) {
        (m / 60, "hour")
    } else {
        (m, "minute")
    }
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
