//! Dates as issue trackers and spreadsheets write them for a locale, read
//! into Unix seconds. Jira's CSV export writes dates in the exporting
//! user's format: its default `dd/MMM/yy h:mm a` ("14/Jul/25 3:42 PM"),
//! or numbers in day-first or month-first order ("21/06/2025 16:14",
//! "6/21/2025 16:14"), or ISO. A file does not say which, so
//! [`forms_reading`] finds every form that reads all of a file's dates:
//! one form is the answer; day-first and month-first together (every day
//! number 12 or less) is a question only the user can answer.
//!
//! Accepted parts: the date's three parts separated by `/`, `.` or `-`; a
//! year of two digits (20yy: the model's years start at 2000) or four; an
//! English month name, three letters or in full; then optionally a time
//! `H:MM[:SS]`, on a 24-hour clock or followed by `AM`/`PM`. A date without
//! a time is midnight. Times are read in the chosen zone, as timestamps
//! without an offset are ([`super::timestamp`]).

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::timestamp::parse_timestamp;
use super::MONTHS;

/// How a file writes its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateForm {
    /// ISO 8601 and the other forms [`parse_timestamp`] reads.
    Iso,
    /// Day, month name, year: "14/Jul/25 3:42 PM", Jira's default.
    DayMonthName,
    /// Numbers, day first: "21/06/2025 16:14", "21.06.2025".
    DayFirst,
    /// Numbers, month first: "6/21/2025 4:14 PM".
    MonthFirst,
}

impl DateForm {
    /// Every form, in the order they are offered.
    pub const ALL: [DateForm; 4] = [
        DateForm::Iso,
        DateForm::DayMonthName,
        DateForm::DayFirst,
        DateForm::MonthFirst,
    ];

    /// The form in words, with an example.
    pub fn name(self) -> &'static str {
        match self {
            DateForm::Iso => "year-month-day, as in 2025-06-21 16:14",
            DateForm::DayMonthName => "day/month name/year, as in 21/Jun/25 4:14 PM",
            DateForm::DayFirst => "day/month/year, as in 21/06/2025 16:14",
            DateForm::MonthFirst => "month/day/year, as in 6/21/2025 16:14",
        }
    }

    /// A stable key for storing the choice.
    pub fn key(self) -> &'static str {
        match self {
            DateForm::Iso => "iso",
            DateForm::DayMonthName => "day-month-name",
            DateForm::DayFirst => "day-first",
            DateForm::MonthFirst => "month-first",
        }
    }

    /// The form a key names.
    pub fn from_key(key: &str) -> Option<DateForm> {
        DateForm::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Reads `text` in `form`; `None` when it is not a date in that form.
pub fn parse_in_form(text: &str, form: DateForm, zone: FixedOffset) -> Option<i64> {
    if form == DateForm::Iso {
        return parse_timestamp(text, zone);
    }
    let mut words = text.split_whitespace();
    let date = words.next()?;
    let time = read_time(words.next(), words.next())?;
    if words.next().is_some() {
        return None;
    }
    let mut parts = date.split(['/', '.', '-']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (day, month, year) = match form {
        DateForm::DayMonthName => (number(a, 2)?, month_name(b)?, c),
        DateForm::DayFirst => (number(a, 2)?, number(b, 2)?, c),
        DateForm::MonthFirst => (number(b, 2)?, number(a, 2)?, c),
        DateForm::Iso => return None,
    };
    let year = match year.len() {
        2 => 2000 + i32::try_from(number(year, 2)?).ok()?,
        4 => i32::try_from(number(year, 4)?).ok()?,
        _ => return None,
    };
    let naive = NaiveDate::from_ymd_opt(year, month, day)?.and_time(time);
    zone.from_local_datetime(&naive)
        .single()
        .map(|t| t.timestamp())
}

/// Every form that reads all of `samples` (blank ones are skipped); empty
/// when there is no sample or no form reads them all.
pub fn forms_reading<'a>(samples: impl IntoIterator<Item = &'a str>) -> Vec<DateForm> {
    let zone = super::timestamp::offset(0);
    let mut left: Vec<DateForm> = DateForm::ALL.to_vec();
    let mut any = false;
    for s in samples.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        any = true;
        left.retain(|&f| parse_in_form(s, f, zone).is_some());
        if left.is_empty() {
            break;
        }
    }
    if any {
        left
    } else {
        Vec::new()
    }
}

/// A run of one to `max` ASCII digits.
fn number(text: &str, max: usize) -> Option<u32> {
    ((1..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// "Jul", "jul" or "July".
fn month_name(text: &str) -> Option<u32> {
    let found = MONTHS.iter().position(|m| {
        text.eq_ignore_ascii_case(m) || (text.len() == 3 && text.eq_ignore_ascii_case(&m[..3]))
    })?;
    u32::try_from(found + 1).ok()
}

/// `H:MM[:SS]` and an optional `AM`/`PM`; no time at all is midnight.
fn read_time(clock: Option<&str>, half: Option<&str>) -> Option<NaiveTime> {
    let Some(clock) = clock else {
        return Some(NaiveTime::MIN);
    };
    let mut parts = clock.split(':');
    let h = number(parts.next()?, 2)?;
    let m = parts
        .next()
        .filter(|m| m.len() == 2)
        .and_then(|m| number(m, 2))?;
    let s = match parts.next() {
        Some(s) if s.len() == 2 => number(s, 2)?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let h = match half {
        None => h,
        Some(x) if (1..=12).contains(&h) && x.eq_ignore_ascii_case("am") => h % 12,
        Some(x) if (1..=12).contains(&h) && x.eq_ignore_ascii_case("pm") => h % 12 + 12,
        Some(_) => return None,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::timestamp::offset;

    fn at(text: &str) -> i64 {
        parse_timestamp(text, offset(0)).unwrap()
    }

    #[test]
    fn reads_each_form() {
        let utc = offset(0);
        let t = at("2025-07-14T15:42:00Z");
        let cases = [
            ("14/Jul/25 3:42 PM", DateForm::DayMonthName),
            ("14/july/2025 15:42", DateForm::DayMonthName),
            ("14/07/2025 15:42", DateForm::DayFirst),
            ("14.07.2025 15:42:00", DateForm::DayFirst),
            ("7/14/2025 3:42 pm", DateForm::MonthFirst),
            ("07-14-25 15:42", DateForm::MonthFirst),
            ("2025-07-14 15:42", DateForm::Iso),
        ];
        for (text, form) in cases {
            assert_eq!(parse_in_form(text, form, utc), Some(t), "{text}");
        }
        assert_eq!(
            parse_in_form("14/Jul/25 3:42 PM", DateForm::DayMonthName, offset(120)),
            Some(t - 7200)
        );
        assert_eq!(
            parse_in_form("1/2/2025", DateForm::DayFirst, utc),
            Some(at("2025-02-01T00:00:00Z"))
        );
        assert_eq!(
            parse_in_form("12/Jan/25 12:05 AM", DateForm::DayMonthName, utc),
            Some(at("2025-01-12T00:05:00Z"))
        );
        assert_eq!(
            parse_in_form("12/Jan/25 12:05 PM", DateForm::DayMonthName, utc),
            Some(at("2025-01-12T12:05:00Z"))
        );
    }

    #[test]
    fn refuses_what_the_form_does_not_say() {
        let utc = offset(0);
        for (text, form) in [
            ("31/02/2025 10:00", DateForm::DayFirst),
            ("14/07/2025 15:42", DateForm::MonthFirst),
            ("14/Jux/25 3:42 PM", DateForm::DayMonthName),
            ("14/Jul/25 13:42 PM", DateForm::DayMonthName),
            ("14/Jul/25 0:42 AM", DateForm::DayMonthName),
            ("14/07/125 10:00", DateForm::DayFirst),
            ("14/07/2025 25:00", DateForm::DayFirst),
            ("14/07/2025 10:0", DateForm::DayFirst),
            ("14/07/2025 10:00 PM extra", DateForm::DayFirst),
            ("14/07/2025/1", DateForm::DayFirst),
            ("", DateForm::DayFirst),
            ("14/07/2025 10:00 XM", DateForm::DayFirst),
        ] {
            assert_eq!(parse_in_form(text, form, utc), None, "{text}");
        }
    }

    #[test]
    fn finds_the_forms_that_read_every_sample() {
        assert_eq!(
            forms_reading(["14/Jul/25 3:42 PM", "2/Aug/25 9:00 AM"]),
            vec![DateForm::DayMonthName]
        );
        assert_eq!(
            forms_reading(["6/21/2025 16:14", "7/2/2025 9:00"]),
            vec![DateForm::MonthFirst]
        );
        assert_eq!(
            forms_reading(["21/06/2025 16:14", ""]),
            vec![DateForm::DayFirst]
        );
        // Every day number 12 or less: either order reads them.
        assert_eq!(
            forms_reading(["6/7/2025 16:14", "1/2/2025 9:00"]),
            vec![DateForm::DayFirst, DateForm::MonthFirst]
        );
        assert_eq!(forms_reading(["2025-06-21 16:14"]), vec![DateForm::Iso]);
        assert!(forms_reading(["yesterday"]).is_empty());
        assert!(forms_reading(["", " "]).is_empty());
        for f in DateForm::ALL {
            assert_eq!(DateForm::from_key(f.key()), Some(f));
            assert!(!f.name().is_empty());
        }
    }
}
