//! Budgets and durations as text; the dates beside them come from
//! `model::date`.

use super::MINUTES_PER_DAY;
use crate::model::units::format_number;

pub use crate::model::date::{
    format_datetime, format_datetime_local, format_month, parse_datetime_local,
};

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
