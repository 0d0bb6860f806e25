//! The input rules of the Error budget screen's number fields, built from
//! the same bounds [`Slo::is_valid`] checks, so a field can never accept a
//! value the model refuses or refuse one it keeps; and the two whole-number
//! settings, rounded and kept in range where they are set.

use super::{Policy, Slo, MAX_INCIDENT_MINUTES, MAX_REQUESTS_PER_DAY, MAX_TRIALS, ROLLING_DAYS};
use crate::model::validate::NumberRule;

/// The SLO target: above 0%, at most 100% (100% leaves no budget, which
/// the screen explains).
pub const TARGET_RULE: NumberRule = NumberRule::positive(100.0, "%");
/// Valid requests per day, for request-based budgets.
pub const REQUESTS_RULE: NumberRule = NumberRule::non_negative(MAX_REQUESTS_PER_DAY, "requests");
/// An incident's duration.
pub const INCIDENT_MINUTES_RULE: NumberRule = NumberRule::positive(MAX_INCIDENT_MINUTES, "minutes");
/// A share above 0% and at most 100%: an incident's traffic, the alert
/// table's error rate, the postmortem share.
pub const SHARE_RULE: NumberRule = NumberRule::positive(100.0, "%");
/// The traffic a failed deployment affects: 0% to 100%.
pub const FAILURE_SHARE_RULE: NumberRule = NumberRule::PERCENT;
/// A burn rate as typed. Wide on purpose: which rates this SLO can burn at
/// depends on its budget, and [`super::from_burn_rate`] says so in words.
pub const BURN_RATE_RULE: NumberRule = NumberRule::positive(1e12, "×");
/// A time to exhaustion as typed, in hours; [`super::from_exhaustion`]
/// judges it against the SLO.
pub const EXHAUSTION_HOURS_RULE: NumberRule = NumberRule::positive(1e12, "hours");

/// The rolling window's length in days: [`ROLLING_DAYS`].
pub fn rolling_days_rule() -> NumberRule {
    NumberRule {
        min: f64::from(*ROLLING_DAYS.start()),
        min_inclusive: true,
        max: f64::from(*ROLLING_DAYS.end()),
        unit: "days",
    }
}

/// Quarters the policy's Monte Carlo simulates: 1 to [`MAX_TRIALS`].
pub fn trials_rule() -> NumberRule {
    NumberRule {
        min: 1.0,
        min_inclusive: true,
        max: f64::from(MAX_TRIALS),
        unit: "",
    }
}

/// `value` rounded to a whole number within `range`.
fn whole(value: f64, lo: u32, hi: u32) -> u32 {
    if value.is_nan() {
        return lo;
    }
    value.round().clamp(f64::from(lo), f64::from(hi)) as u32
}

impl Slo {
    /// Sets the rolling window's length from a typed number of days,
    /// rounded to whole days within [`ROLLING_DAYS`].
    pub fn set_rolling_days(&mut self, days: f64) {
        self.rolling_days = whole(days, *ROLLING_DAYS.start(), *ROLLING_DAYS.end());
    }
}

impl Policy {
    /// Sets the quarters simulated, rounded within 1 to [`MAX_TRIALS`].
    pub fn set_trials(&mut self, trials: f64) {
        self.trials = whole(trials, 1, MAX_TRIALS);
    }
}
