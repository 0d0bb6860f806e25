//! Dates and times as Flywheel reads and writes them, in one place: ISO
//! text for inputs, saved work and exports; "5 Mar 2026" for people; and
//! the compact binary forms share links use. Written by hand: chrono's
//! format-string machinery would add tens of kilobytes to the download, and
//! the app needs only a handful of forms. chrono still checks the calendar
//! and does the arithmetic.
//!
//! Two strictnesses of ISO date, named for what they accept:
//! [`parse_date_strict`] takes exactly `YYYY-MM-DD` (what `<input
//! type="date">` gives and saved work holds); [`parse_date_lenient`] also
//! takes unpadded parts (`2026-3-5`), as people and some exports write them.
//! Timestamps from exports are read by [`timestamp`], and the
//! locale-formatted dates some exports write (Jira's CSV) by [`locale`];
//! calendar months and ISO weeks, the periods trends are cut into, are in
//! [`month`].

pub mod locale;
pub mod month;
pub mod timestamp;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
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

/// "Mar": the month's first three letters.
pub fn month_abbr(date: NaiveDate) -> &'static str {
    let name = MONTHS[date.month0() as usize];
    &name[..3]
}

/// "31 Dec 2026".
pub fn format_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_abbr(date), date.year())
}

/// "Dec 31": a day in a short run of dates, such as a chart's weeks.
pub fn format_day_month(date: NaiveDate) -> String {
    format!("{} {}", month_abbr(date), date.day())
}

/// "March 2026".
pub fn format_month(date: NaiveDate) -> String {
    format!("{} {}", MONTHS[date.month0() as usize], date.year())
}

/// "5 Mar 2026 10:00".
pub fn format_datetime(t: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "2026-12-31", the form `<input type="date">` uses.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "2026-03-05 10:00": a moment to the minute, sortable and plain.
pub fn iso_minute(t: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", iso(t.date()), t.hour(), t.minute())
}

/// "2026-03-05T10:00", the form `<input type="datetime-local">` uses.
pub fn format_datetime_local(t: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", iso(t.date()), t.hour(), t.minute())
}

/// Exactly "YYYY-MM-DD" (four, two and two digits); `None` for anything
/// else or an impossible date.
pub fn parse_date_strict(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "YYYY-MM-DD" with the month and day possibly unpadded ("2026-3-5"); a
/// year of one to four digits. Signs and other characters are refused.
pub fn parse_date_lenient(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "YYYY-MM-DDTHH:MM", seconds (and a fraction) accepted and dropped, as
/// `<input type="datetime-local">` may add them.
pub fn parse_datetime_local(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.trim().split_once('T')?;
    let mut hm = time.splitn(3, ':');
    let two = |s: &str| -> Option<u32> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let h = two(hm.next()?)?;
    let m = two(hm.next()?)?;
    let s = match hm.next() {
        Some(sec) => two(sec.split('.').next()?)?,
        None => 0,
    };
    parse_date_strict(date)?.and_hms_opt(h, m, s)
}

/// Serde for a `NaiveDate`: ISO text in human-readable formats (the saved
/// JSON), days since the common era in binary ones (share links), where a
/// number is a third the size.
pub mod serde_date {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&super::iso(*d))
        } else {
            s.serialize_i32(d.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            super::parse_date_strict(&text)
                .ok_or_else(|| D::Error::custom("expected a date as YYYY-MM-DD"))
        } else {
            NaiveDate::from_num_days_from_ce_opt(i32::deserialize(d)?)
                .ok_or_else(|| D::Error::custom("date out of range"))
        }
    }
}

/// A date that serializes through [`serde_date`], so an `Option` of it
/// keeps serde's own `Some`/`None` framing.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
struct Day(#[serde(with = "serde_date")] NaiveDate);

/// Serde for an `Option<NaiveDate>`: as [`serde_date`], or null.
pub mod serde_opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Day;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(Day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Day>::deserialize(d)?.map(|day| day.0))
    }
}

/// Serde for a moment to the minute: "YYYY-MM-DDTHH:MM" in human-readable
/// formats, minutes since 1970 in binary ones (share links).
pub mod serde_minute {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_format_for_people_and_inputs() {
        let d = day(2026, 3, 5);
        assert_eq!(format_date(d), "5 Mar 2026");
        assert_eq!(format_day_month(d), "Mar 5");
        assert_eq!(format_month(d), "March 2026");
        assert_eq!(iso(d), "2026-03-05");
        let t = d.and_hms_opt(9, 7, 0).unwrap();
        assert_eq!(format_datetime(t), "5 Mar 2026 09:07");
        assert_eq!(format_datetime_local(t), "2026-03-05T09:07");
        assert_eq!(iso_minute(t), "2026-03-05 09:07");
        for (m, name) in MONTHS.iter().enumerate() {
            let first = day(2026, m as u32 + 1, 1);
            assert_eq!(format_month(first), format!("{name} 2026"));
            assert_eq!(month_abbr(first), &name[..3]);
        }
    }

    #[test]
    fn strict_dates_take_only_the_padded_form() {
        assert_eq!(parse_date_strict("2026-03-05"), Some(day(2026, 3, 5)));
        assert_eq!(parse_date_strict(" 2026-03-05 "), Some(day(2026, 3, 5)));
        for bad in [
            "2026-02-30",
            "2026-3-5",
            "",
            "+2026-03-05",
            "-2026-03-05",
            "20260-03-05",
            "2026-03-05x",
        ] {
            assert_eq!(parse_date_strict(bad), None, "{bad}");
        }
    }

    #[test]
    fn lenient_dates_also_take_unpadded_parts() {
        assert_eq!(parse_date_lenient("2026-3-5"), Some(day(2026, 3, 5)));
        assert_eq!(parse_date_lenient("2026-03-05"), Some(day(2026, 3, 5)));
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "+2026-3-5",
            "2026--3-5",
            "2026-3",
            "",
        ] {
            assert_eq!(parse_date_lenient(bad), None, "{bad}");
        }
    }

    #[test]
    fn datetimes_read_what_inputs_write() {
        let t = day(2026, 3, 5).and_hms_opt(9, 7, 0).unwrap();
        assert_eq!(parse_datetime_local("2026-03-05T09:07"), Some(t));
        assert_eq!(parse_datetime_local("2026-03-05T09:07:00"), Some(t));
        assert_eq!(parse_datetime_local("2026-03-05T09:07:00.000"), Some(t));
        for bad in [
            "2026-02-30T10:00",
            "",
            "2026-03-05",
            "2026-03-05T9:07",
            "2026-03-05T24:00",
        ] {
            assert_eq!(parse_datetime_local(bad), None, "{bad}");
        }
    }
}
