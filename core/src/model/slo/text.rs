//! Dates and durations as text: the forms `<input>` fields use, the forms
//! people read, and the serde form of an incident's start. Written by hand
//! rather than with chrono's format strings, whose machinery would add tens
//! of kilobytes to the download.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::MINUTES_PER_DAY;
use crate::model::units::format_number;

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
pub(super) mod serde_minute {
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
