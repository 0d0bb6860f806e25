//! Dates as goals store and show them, written by hand: chrono's own
//! formatting and parsing machinery costs tens of kilobytes in the browser
//! bundle, and goals need only ISO dates ("2026-12-31") and "31 Dec 2026".

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "31 Dec 2026".
pub fn format_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "2026-12-31", the form `<input type="date">` uses.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses "YYYY-MM-DD"; `None` for anything else or an impossible date.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let y = parts.next()?;
    let m = parts.next()?;
    let d = parts.next()?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
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
            super::parse_iso(&text).ok_or_else(|| D::Error::custom("expected a date as YYYY-MM-DD"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format_and_parse() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(format_date(d), "5 Mar 2026");
        assert_eq!(iso(d), "2026-03-05");
        assert_eq!(parse_iso("2026-03-05"), Some(d));
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("2026-3-5"), None);
        assert_eq!(parse_iso(""), None);
        assert_eq!(parse_iso("+2026-03-05"), None);
    }
}
