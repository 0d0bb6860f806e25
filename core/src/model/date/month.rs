//! Calendar months and ISO weeks: the periods a trend is bucketed into.
//! A month is named by its first day; a week by its Monday (ISO 8601: weeks
//! start on Monday, and week 1 is the week holding the year's first
//! Thursday). Arithmetic is checked: every function that steps outside the
//! calendar's range returns `None`.

use chrono::{Datelike, NaiveDate};

/// The first day of `date`'s month.
pub fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month after `date`'s.
pub fn next_month(date: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if date.month() == 12 {
        (date.year().checked_add(1)?, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The last day of `date`'s month.
pub fn last_of_month(date: NaiveDate) -> Option<NaiveDate> {
    next_month(date)?.pred_opt()
}

/// Days in `date`'s month: 28 to 31.
pub fn days_in_month(date: NaiveDate) -> u32 {
    last_of_month(date).map_or(31, |d| d.day())
}

/// Months from `from`'s month to `to`'s: 0 for the same month, negative
/// when `to` is earlier.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month0())
        - i64::from(from.month0())
}

/// The first day of the month `months` after `date`'s (negative: before).
pub fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month0()) + months;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    NaiveDate::from_ymd_opt(year, u32::try_from(index.rem_euclid(12)).ok()? + 1, 1)
}

/// "Mar 2026": a month in a short run of months, such as a chart's axis.
pub fn format_month_short(date: NaiveDate) -> String {
    format!("{} {}", super::month_abbr(date), date.year())
}

/// "2026-03", the month as text for saved work and exports.
pub fn iso_month(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// Exactly "YYYY-MM"; the month's first day, or `None` for anything else.
pub fn parse_month_strict(text: &str) -> Option<NaiveDate> {
    let (y, m) = text.trim().split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// The Monday that starts `date`'s ISO week.
pub fn week_monday(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_sub_days(chrono::Days::new(u64::from(
        date.weekday().num_days_from_monday(),
    )))
}

/// "2026-W10": an ISO week by its year and number (the ISO year, which
/// differs from the calendar year in the days around New Year).
pub fn iso_week_label(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Serde for a month: "YYYY-MM" in human-readable formats (saved JSON),
/// months since January 2000 in binary ones (share links), where a month of
/// this century takes two bytes rather than a date's three.
pub mod serde_month {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    fn origin() -> NaiveDate {
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&super::iso_month(*d))
        } else {
            let months = super::months_between(origin(), *d);
            s.serialize_i32(i32::try_from(months).unwrap_or(i32::MAX))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            super::parse_month_strict(&text)
                .ok_or_else(|| D::Error::custom("expected a month as YYYY-MM"))
        } else {
            super::add_months(origin(), i64::from(i32::deserialize(d)?))
                .ok_or_else(|| D::Error::custom("month out of range"))
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
    fn months_step_and_count_across_years() {
        assert_eq!(first_of_month(day(2026, 3, 17)), day(2026, 3, 1));
        assert_eq!(next_month(day(2026, 12, 5)), Some(day(2027, 1, 1)));
        assert_eq!(last_of_month(day(2028, 2, 3)), Some(day(2028, 2, 29)));
        assert_eq!(days_in_month(day(2026, 2, 1)), 28);
        assert_eq!(days_in_month(day(2026, 3, 1)), 31);
        assert_eq!(months_between(day(2025, 11, 30), day(2026, 2, 1)), 3);
        assert_eq!(months_between(day(2026, 2, 1), day(2025, 11, 30)), -3);
        assert_eq!(add_months(day(2026, 3, 31), -3), Some(day(2025, 12, 1)));
        assert_eq!(add_months(day(2026, 3, 31), 10), Some(day(2027, 1, 1)));
        assert_eq!(add_months(day(2026, 1, 1), i64::MAX / 2), None);
        assert_eq!(next_month(NaiveDate::MAX), None);
    }

    #[test]
    fn months_read_and_write_as_text() {
        assert_eq!(iso_month(day(2026, 3, 9)), "2026-03");
        assert_eq!(format_month_short(day(2026, 3, 9)), "Mar 2026");
        assert_eq!(parse_month_strict("2026-03"), Some(day(2026, 3, 1)));
        for bad in ["2026-3", "2026-13", "26-03", "2026-03-01", "", "+026-03"] {
            assert_eq!(parse_month_strict(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_weeks_start_on_monday_and_take_the_iso_year() {
        // 1 Jan 2026 is a Thursday: its week starts on Monday 29 Dec 2025
        // and is week 1 of 2026.
        assert_eq!(week_monday(day(2026, 1, 1)), Some(day(2025, 12, 29)));
        assert_eq!(iso_week_label(day(2025, 12, 29)), "2026-W01");
        // 1 Jan 2027 is a Friday: it still belongs to week 53 of 2026.
        assert_eq!(iso_week_label(day(2027, 1, 1)), "2026-W53");
        assert_eq!(week_monday(day(2026, 3, 8)), Some(day(2026, 3, 2)));
    }
}
