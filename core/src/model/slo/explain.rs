//! The alert table explained with the user's own numbers: what a burn rate
//! means, which thresholds this SLO can never reach (and the nearest one
//! that can), where low traffic lets a handful of failed requests page
//! someone, and time to exhaustion as the other face of a burn rate
//! (domain.md §3: burn rate = error ratio / B, time to exhaustion =
//! window / r).

use super::{alert_table, Alert, Method, Slo, WindowKind, MINUTES_PER_DAY};
use crate::model::units::{format_count, format_number};

/// Slowest burn rate accepted as an input: below it the budget would last
/// over a hundred windows, which says nothing an alert can use.
pub const MIN_BURN_RATE: f64 = 0.01;

/// A duration in minutes in words, in the unit people use for it: "52
/// seconds", "43 minutes", "50 hours", "5 days".
pub fn duration_words(minutes: f64) -> String {
    if !minutes.is_finite() || minutes < 0.0 {
        return "—".to_string();
    }
    let (amount, unit) = if minutes < 1.0 {
        (minutes * 60.0, "second")
    } else if minutes < 120.0 {
        (minutes, "minute")
    } else if minutes < 72.0 * 60.0 {
        (minutes / 60.0, "hour")
    } else {
        (minutes / MINUTES_PER_DAY, "day")
    };
    let text = format_number(amount, 1);
    if text == "1" {
        format!("1 {unit}")
    } else {
        format!("{text} {unit}s")
    }
}

/// "the whole 30-day budget", or "the whole budget of this 31-day month".
fn whole_budget(slo: &Slo, days: u32) -> String {
    match slo.window {
        WindowKind::Rolling => format!("the whole {days}-day budget"),
        WindowKind::CalendarMonth => format!("the whole budget of this {days}-day month"),
    }
}

/// What a burn rate means, with the user's numbers: "At 14.4× the whole
/// 30-day budget lasts 50 hours." (`window / r`, domain.md §3), with what
/// 1× means and, above `1 / B`, that no real error ratio burns that fast.
pub fn burn_rate_sentence(slo: &Slo, days: u32, rate: f64) -> String {
    let window = f64::from(days) * MINUTES_PER_DAY;
    let lasts = format!(
        "At {}× {} lasts {}",
        format_number(rate, 2),
        whole_budget(slo, days),
        duration_words(window / rate)
    );
    let b = slo.budget_ratio();
    let errors = rate * b;
    let tail = if errors >= 1.0 {
        format!(
            "; that would take {} of requests failing, and the fastest a {}% SLO's budget can \
             burn is {}× (every request failing).",
            percent(errors),
            format_number(slo.target, 10),
            format_number(1.0 / b, 2)
        )
    } else {
        format!(
            ": that is {} of requests failing. At 1× the budget lasts exactly the window.",
            percent(errors)
        )
    };
    format!("{lasts}{tail}")
}

/// A ratio as a percentage with three significant digits: "1.44%".
fn percent(ratio: f64) -> String {
    format!("{}%", super::prometheus::significant(ratio * 100.0, 3))
}

/// Whether an alert row's threshold can be reached at this SLO.
#[derive(Clone, Debug, PartialEq)]
pub struct Reach {
    pub alert: Alert,
    /// Error ratio the threshold needs: `factor × B` (over 1 when it
    /// cannot be reached).
    pub needed_error_ratio: f64,
    pub reachable: bool,
    /// For a row that cannot fire: the position in the table of the
    /// nearest threshold below it that can (the reachable row with the
    /// largest factor), if any.
    pub nearest: Option<usize>,
    /// The warning shown beside the row when it cannot fire.
    pub message: Option<String>,
}

/// Reachability of each row of the alert table for a `days`-day window. A
/// burn rate above `1 / (1 − SLO)` needs more than 100% errors, so the
/// alert never fires (the problem Elastic's issue 142521 reports at low
/// SLOs).
pub fn reachability(slo: &Slo, days: u32) -> Vec<Reach> {
    let b = slo.budget_ratio();
    let table = alert_table(days);
    let nearest = table
        .iter()
        .enumerate()
        .filter(|(_, a)| a.applies && a.reachable(b))
        .max_by(|x, y| x.1.factor.total_cmp(&y.1.factor))
        .map(|(i, _)| i);
    table
        .iter()
        .map(|a| {
            let reachable = b > 0.0 && a.reachable(b);
            let message = (!reachable && b > 0.0).then(|| {
                let mut m = format!(
                    "The {} ({}×) can never fire at a {}% SLO: it needs {} of requests to \
                     fail, and the fastest this budget can burn is {}× (every request failing).",
                    a.name(),
                    format_number(a.factor, 2),
                    format_number(slo.target, 10),
                    percent(a.factor * b),
                    format_number(1.0 / b, 2)
                );
                match nearest.map(|i| &table[i]) {
                    Some(n) => m.push_str(&format!(
                        " The nearest threshold that can fire is the {}'s {}× ({} errors).",
                        n.name(),
                        format_number(n.factor, 2),
                        percent(n.factor * b)
                    )),
                    None => m.push_str(&format!(
                        " None of the table's thresholds can fire here: a threshold must stay \
                         below {}×.",
                        format_number(1.0 / b, 2)
                    )),
                }
                m
            });
            Reach {
                alert: a.clone(),
                needed_error_ratio: a.factor * b,
                reachable,
                nearest: if reachable { None } else { nearest },
                message,
            }
        })
        .collect()
}

/// A low-traffic warning for one alert row of a request-based budget.
#[derive(Clone, Debug, PartialEq)]
pub struct LowTraffic {
    /// The row's position in the alert table.
    pub row: usize,
    /// Requests the short window sees at the day's average traffic.
    pub short_window_requests: f64,
    /// Requests the short window needs before one failed request alone
    /// stays at or under the threshold: `1 / (factor × B)`.
    pub needed_requests: f64,
    /// Fewest failed requests that trip the alert, when they come within
    /// the short window: more than `factor × B × long-window requests`,
    /// which is `p × B × the window's requests` (the row's budget share).
    pub errors_to_trip: u64,
    pub message: String,
}

/// The smallest whole number above `x`, treating values within a
/// millionth of a whole number as that number (so 6.000000000000001 and
/// 5.999999999999999 both give 7).
fn above(x: f64) -> u64 {
    let r = x.round();
    let base = if (x - r).abs() <= 1e-6 * r.abs().max(1.0) {
        r
    } else {
        x.floor()
    };
    base.max(0.0) as u64 + 1
}

/// Rows whose short window sees fewer requests than it takes for one
/// failed request to stay under the threshold, at the user's daily volume
/// (request-based budgets only; the SRE Workbook's "Low-traffic services").
pub fn low_traffic(slo: &Slo, days: u32) -> Vec<LowTraffic> {
    let b = slo.budget_ratio();
    if slo.method != Method::RequestBased || b <= 0.0 {
        return Vec::new();
    }
    let per_minute = slo.requests_per_day / MINUTES_PER_DAY;
    alert_table(days)
        .iter()
        .enumerate()
        .filter(|(_, a)| a.applies && a.reachable(b))
        .filter_map(|(row, a)| {
            let short = per_minute * a.short;
            let needed = 1.0 / (a.factor * b);
            (short < needed).then(|| {
                let errors = above(a.factor * b * per_minute * a.long);
                LowTraffic {
                    row,
                    short_window_requests: short,
                    needed_requests: needed,
                    errors_to_trip: errors,
                    message: format!(
                        "Low traffic: at {} requests a day the {} window sees about {} \
                         requests, fewer than the {} it takes for one failed request to stay \
                         under {}×. As few as {} failed {} within {} trip the {}.",
                        format_count(slo.requests_per_day.round() as u64),
                        super::window_adjective(a.short),
                        significant_count(short),
                        format_count(needed.ceil() as u64),
                        format_number(a.factor, 2),
                        errors,
                        if errors == 1 { "request" } else { "requests" },
                        duration_words(a.short),
                        a.name()
                    ),
                }
            })
        })
        .collect()
}

/// A request count for words: whole numbers from 10 up, one decimal below.
fn significant_count(x: f64) -> String {
    if x >= 10.0 {
        format_count(x.round() as u64)
    } else {
        format_number(x, 1)
    }
}

/// A burn rate and the time to exhaustion it gives, with its sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnExhaustion {
    pub burn_rate: f64,
    /// Minutes until the whole budget is spent at this rate: `window / r`.
    pub exhaustion_minutes: f64,
    pub sentence: String,
}

/// The burn rates an input may take for this SLO: from [`MIN_BURN_RATE`]
/// to `1 / B` (every request failing).
fn burn_rate_range(slo: &Slo) -> Result<(f64, f64), String> {
    let b = slo.budget_ratio();
    if b <= 0.0 {
        return Err(
            "An SLO of 100% leaves no budget, so it has no burn rate or exhaustion time."
                .to_string(),
        );
    }
    Ok((MIN_BURN_RATE, 1.0 / b))
}

/// From a burn rate the user entered: checked against
/// [`MIN_BURN_RATE`] and `1 / B`, with the time to exhaustion derived.
pub fn from_burn_rate(slo: &Slo, days: u32, rate: f64) -> Result<BurnExhaustion, String> {
    let (lo, hi) = burn_rate_range(slo)?;
    if !rate.is_finite() {
        return Err("Enter a burn rate, such as 14.4.".to_string());
    }
    if rate < lo {
        return Err(format!(
            "Enter a burn rate of at least {lo}×: slower, the budget outlasts a hundred windows."
        ));
    }
    if rate > hi * (1.0 + 1e-12) {
        return Err(format!(
            "At a {}% SLO the budget cannot burn faster than {}× (every request failing).",
            format_number(slo.target, 10),
            format_number(hi, 2)
        ));
    }
    let window = f64::from(days) * MINUTES_PER_DAY;
    Ok(BurnExhaustion {
        burn_rate: rate,
        exhaustion_minutes: window / rate,
        sentence: burn_rate_sentence(slo, days, rate),
    })
}

/// From a time to exhaustion in minutes: the burn rate is `window / t`,
/// checked as [`from_burn_rate`] checks it, with the limits said as times.
pub fn from_exhaustion(slo: &Slo, days: u32, minutes: f64) -> Result<BurnExhaustion, String> {
    let (lo, hi) = burn_rate_range(slo)?;
    let window = f64::from(days) * MINUTES_PER_DAY;
    if !minutes.is_finite() || minutes <= 0.0 {
        return Err("Enter a time to exhaustion above zero.".to_string());
    }
    if minutes > window / lo * (1.0 + 1e-12) {
        return Err(format!(
            "Enter at most {}: a hundred windows.",
            duration_words(window / lo)
        ));
    }
    if minutes < window / hi * (1.0 - 1e-12) {
        return Err(format!(
            "The budget cannot run out in less than {} at a {}% SLO: that is every request \
             failing.",
            duration_words(window / hi),
            format_number(slo.target, 10)
        ));
    }
    let rate = window / minutes;
    Ok(BurnExhaustion {
        burn_rate: rate,
        exhaustion_minutes: minutes,
        sentence: burn_rate_sentence(slo, days, rate),
    })
}
