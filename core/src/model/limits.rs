//! The model-wide ranges every stored value keeps to, in one place: which
//! dates, numbers and texts a scenario may hold. Decoding (share links,
//! saved work, scenario files), importing and the parse functions the
//! typing UI uses all judge by these, so a value that passes one passes the
//! others, and every screen can show it.
//!
//! - **Dates** lie in the years 2000–2100. Flywheel plans delivery: a
//!   baseline measured this century and goals due within a working life.
//!   The range keeps every date sum the model makes (a 90-day window and the
//!   next, a horizon of 156 weeks, a goal template's year) far inside what
//!   the calendar types hold, and each one is still checked ([`add_days`],
//!   [`add_minutes`]).
//! - **Numbers** are finite, zero or at least [`SMALLEST`] (10⁻⁹) in size
//!   — so never subnormal, where arithmetic loses precision and a division
//!   overflows — and never −0. −0 is normalised to 0 wherever a number
//!   enters the model ([`clean`] at typing, [`crate::model::saved`]'s
//!   repair at decoding) and refused by the range checks, so none reaches a
//!   screen ("−0" on a label, `1/−0 = −∞` in a division).
//! - **Texts** are single lines of at most their field's length, without
//!   control characters (C0, DEL, C1) or the characters that reorder text
//!   around them: bidirectional embeddings, overrides and isolates
//!   (U+202A–U+202E, U+2066–U+2069), which could make a name read
//!   differently from what it holds, and line or paragraph separators
//!   (U+2028, U+2029). Nothing a person types into a one-line field needs
//!   them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// Earliest year a stored date may fall in.
pub const MIN_YEAR: i32 = 2000;
/// Latest year a stored date may fall in.
pub const MAX_YEAR: i32 = 2100;

/// Days from 1 January 1970 to 1 January [`MIN_YEAR`].
pub const DAYS_TO_FIRST_YEAR: i64 = 10_957;
/// Days from 1 January 1970 to the day after 31 December [`MAX_YEAR`].
pub const DAYS_TO_END_OF_LAST_YEAR: i64 = 47_847;

/// Whether `date` lies in the years [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn date_ok(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// Whether a date and time lies in the years [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn datetime_ok(t: NaiveDateTime) -> bool {
    date_ok(t.date())
}

/// The first date the model stores: 1 January [`MIN_YEAR`] (a date
/// picker's `min`).
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last date the model stores: 31 December [`MAX_YEAR`] (a date
/// picker's `max`).
pub fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// "Dates from 2000 to 2100": the range in words, for messages.
pub fn date_range_words() -> String {
    format!("from {MIN_YEAR} to {MAX_YEAR}")
}

/// `date` plus `days` (negative: earlier), or `None` when the sum leaves
/// the model's years.
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let sum = date.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    date_ok(sum).then_some(sum)
}

/// `t` plus `minutes` (rounded to the second), or `None` when `minutes` is
/// not finite or the sum leaves the model's years.
pub fn add_minutes(t: NaiveDateTime, minutes: f64) -> Option<NaiveDateTime> {
    // A century is about 5.3 × 10⁷ minutes: anything beyond cannot land
    // inside the range, and would not fit the conversion below.
    if !minutes.is_finite() || minutes.abs() > 1e9 {
        return None;
    }
    let seconds = (minutes * 60.0).round() as i64;
    let sum = t.checked_add_signed(chrono::TimeDelta::try_seconds(seconds)?)?;
    datetime_ok(sum).then_some(sum)
}

/// Smallest size a non-zero stored number may have: a billionth. Nothing
/// Flywheel works with is finer (a billionth of a percent of traffic, a
/// billionth of a deploy a day), and every quotient the screens form stays
/// finite: the largest, a 90-day window's 129,600 minutes over a
/// billionth of a percent, is about 10¹⁶.
pub const SMALLEST: f64 = 1e-9;

/// Whether `v` is a number the model stores: finite, 0 (never −0) or at
/// least [`SMALLEST`] in size.
pub fn number_ok(v: f64) -> bool {
    (v == 0.0 && v.is_sign_positive()) || (v.is_finite() && v.abs() >= SMALLEST)
}

/// Whether `v` is a number the model stores within `lo..=hi`.
pub fn in_range(v: f64, lo: f64, hi: f64) -> bool {
    number_ok(v) && lo <= v && v <= hi
}

/// Whether `v` is a number the model stores above `lo`, up to `hi`.
pub fn above(v: f64, lo: f64, hi: f64) -> bool {
    number_ok(v) && lo < v && v <= hi
}

/// Whether `v` is a percentage the model stores: 0–100.
pub fn percent_ok(v: f64) -> bool {
    in_range(v, 0.0, 100.0)
}

/// `v` with −0 made 0 (every other value unchanged).
pub fn clean(v: f64) -> f64 {
    v + 0.0
}

/// Whether a character may not appear in stored text (see the module docs).
pub fn forbidden_char(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || c == '\u{2028}'
        || c == '\u{2029}'
}

/// Whether `text` is at most `max_chars` characters with none forbidden.
pub fn text_ok(text: &str, max_chars: usize) -> bool {
    text.chars().count() <= max_chars && !text.chars().any(forbidden_char)
}

/// Whether `text` is a name: not blank once trimmed, and [`text_ok`].
pub fn name_ok(text: &str, max_chars: usize) -> bool {
    !text.trim().is_empty() && text_ok(text, max_chars)
}

/// A forbidden character in `text`, described for a message ("a line
/// break", "a direction override (U+202E)"), if there is one.
pub fn forbidden_in(text: &str) -> Option<String> {
    text.chars().find(|&c| forbidden_char(c)).map(|c| match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control() => format!("a control character (U+{:04X})", u32::from(c)),
        c => format!("a character that reorders text (U+{:04X})", u32::from(c)),
    })
}

/// `text` with every forbidden character removed (line breaks and tabs
/// become spaces), trimmed, and cut to `max_chars` characters: how text an
/// older version accepted is brought within the limits.
pub fn tidy(text: &str, max_chars: usize) -> String {
    let spaced: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if forbidden_char(c) => None,
            c => Some(c),
        })
        .collect();
    spaced.trim().chars().take(max_chars).collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn dates_keep_to_the_years_2000_to_2100() {
        assert!(date_ok(day(2000, 1, 1)));
        assert!(date_ok(day(2100, 12, 31)));
        assert!(!date_ok(day(1999, 12, 31)));
        assert!(!date_ok(day(2101, 1, 1)));
        let epoch = day(1970, 1, 1);
        assert_eq!((first_date() - epoch).num_days(), DAYS_TO_FIRST_YEAR);
        assert_eq!(
            (last_date() - epoch).num_days() + 1,
            DAYS_TO_END_OF_LAST_YEAR
        );
        assert!(!date_ok(NaiveDate::MAX));
        assert_eq!(add_days(day(2026, 1, 31), 1), Some(day(2026, 2, 1)));
        assert_eq!(add_days(day(2100, 12, 31), 1), None);
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_days(day(2026, 1, 1), i64::MAX), None);
        let t = day(2026, 3, 1).and_hms_opt(0, 0, 0).unwrap_or_default();
        assert_eq!(add_minutes(t, 90.5), day(2026, 3, 1).and_hms_opt(1, 30, 30));
        assert_eq!(add_minutes(t, f64::INFINITY), None);
        assert_eq!(add_minutes(t, 1e300), None);
        assert_eq!(add_minutes(t, -1e8), None);
    }

    #[test]
    fn numbers_are_finite_not_too_small_and_never_negative_zero() {
        for ok in [0.0, 1.0, -2.5, f64::MAX, SMALLEST, -SMALLEST] {
            assert!(number_ok(ok), "{ok}");
        }
        for bad in [
            -0.0,
            5e-324,
            f64::MIN_POSITIVE,
            1e-10,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert!(!number_ok(bad), "{bad}");
        }
        assert!(percent_ok(100.0) && !percent_ok(100.1) && !percent_ok(-0.0));
        assert!(clean(-0.0).is_sign_positive());
        assert_eq!(clean(-3.0), -3.0);
    }

    #[test]
    fn texts_refuse_controls_and_reordering_characters() {
        assert!(text_ok("Ops — Zürich 🚀", 20));
        assert!(!text_ok("abc", 2));
        for bad in [
            "a\nb",
            "a\tb",
            "\u{7}",
            "a\u{202E}b",
            "\u{2066}x",
            "\u{85}",
            "a\u{2028}",
        ] {
            assert!(!text_ok(bad, 80), "{bad:?}");
            assert!(forbidden_in(bad).is_some(), "{bad:?}");
        }
        assert_eq!(
            forbidden_in("a\u{202E}b").as_deref(),
            Some("a character that reorders text (U+202E)")
        );
        assert_eq!(forbidden_in("ok"), None);
        assert!(!name_ok("   ", 10));
        assert_eq!(tidy(" a\u{202E}b\tc\u{7} ", 80), "ab c");
        assert_eq!(tidy("abcdef", 3), "abc");
    }
}
