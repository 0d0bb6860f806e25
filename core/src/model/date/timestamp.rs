//! Timestamps as exports write them, read into Unix seconds (UTC). The
//! digits are split by hand (chrono's format-string parser costs bundle
//! size and time); chrono checks the calendar and does the offset
//! arithmetic. Accepted: RFC 3339 / ISO 8601 with an offset (`Z`, `+02:00`,
//! `+0200`, `+02`, or ` UTC` as BigQuery writes it), the same without an
//! offset, `YYYY-MM-DD HH:MM[:SS[.fff]]`, a
//! bare date (midnight), and Unix seconds. A timestamp without an offset is
//! read in the chosen zone, a fixed UTC offset: daylight-saving rules are not
//! applied beyond that offset, so exports should carry offsets (or UTC)
//! across a DST change.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// The offsets offered for reading and counting, in minutes east of UTC:
/// every whole hour from −12 to +14 and the half- and quarter-hour offsets
/// of the zones that use them (India's +05:30, Nepal's +05:45,
/// Newfoundland's −03:30 and the like).
pub const OFFERED_OFFSETS: [i32; 35] = [
    -720, -660, -600, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180,
    210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 540, 570, 600, 630, 660, 720, 780, 840,
];

/// A fixed offset east of UTC, in minutes, checked to lie within ±18 hours.
pub fn offset(minutes: i32) -> FixedOffset {
    let seconds = minutes.clamp(-18 * 60 + 1, 18 * 60 - 1) * 60;
    FixedOffset::east_opt(seconds).unwrap_or(Utc.fix())
}

/// "UTC", "UTC+02:00", "UTC−05:30": a fixed offset as people read it (with
/// a true minus sign).
pub fn offset_label(zone: FixedOffset) -> String {
    let minutes = zone.local_minus_utc() / 60;
    if minutes == 0 {
        return "UTC".to_string();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Reads one timestamp; `None` when it is not one of the accepted forms.
pub fn parse_timestamp(text: &str, zone: FixedOffset) -> Option<i64> {
    let s = crate::model::text::trim(text);
    if s.is_empty() {
        return None;
    }
    if let Some(t) = fast_iso(s.as_bytes(), zone) {
        return Some(t);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 11 {
        return s.parse::<i64>().ok();
    }
    if let Some((whole, frac)) = s.split_once('.') {
        if !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && !frac.is_empty()
            && frac.bytes().all(|b| b.is_ascii_digit())
            && whole.len() <= 11
        {
            return whole.parse::<i64>().ok();
        }
    }
    // A bare date is local midnight.
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
        return local(date.and_time(NaiveTime::MIN), zone);
    }
    None
}

fn local(n: NaiveDateTime, zone: FixedOffset) -> Option<i64> {
    zone.from_local_datetime(&n).single().map(|t| t.timestamp())
}

/// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM|±HH| UTC]`; chrono checks the
/// calendar and the clock.
fn fast_iso(b: &[u8], zone: FixedOffset) -> Option<i64> {
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' {
        return None;
    }
    // A range past the end (a cut-off "…T09:30:0") is no number.
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut v = 0u32;
        for &c in b.get(r)? {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        Some(v)
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let (h, m) = (num(11..13)?, num(14..16)?);
    let mut i = 16;
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        sec = num(i + 1..i + 3)?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
    }
    let time = NaiveTime::from_hms_opt(h, m, sec)?;
    let naive = date.and_time(time);
    let rest = &b[i..];
    let offset_secs: i64 = match rest {
        [] => return local(naive, zone),
        // BigQuery writes its TIMESTAMP type with a " UTC" suffix.
        [b'Z' | b'z'] | [b'U', b'T', b'C'] | [b' ', b'U', b'T', b'C'] => 0,
        [sign @ (b'+' | b'-'), h1, h2] => {
            let d = |c: &u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
            let oh = d(h1)? * 10 + d(h2)?;
            if oh > 23 {
                return None;
            }
            if *sign == b'-' {
                -oh * 3600
            } else {
                oh * 3600
            }
        }
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let d = |c: &u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
            let oh = d(h1)? * 10 + d(h2)?;
            let om = d(m1)? * 10 + d(m2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let v = oh * 3600 + om * 60;
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    Some(naive.and_utc().timestamp() - offset_secs)
}

/// The local calendar date of an instant in `zone`.
pub fn local_date(t: i64, zone: FixedOffset) -> NaiveDate {
    let days = (t + i64::from(zone.local_minus_utc())).div_euclid(DAY);
    chrono::DateTime::from_timestamp(days.saturating_mul(DAY), 0)
        .map_or(NaiveDate::MAX, |t| t.date_naive())
}

/// Whether an instant's local date lies in the model's years
/// ([`crate::model::limits`]): rows outside them are left out at import.
pub fn in_model_years(t: i64, zone: FixedOffset) -> bool {
    use crate::model::limits::{DAYS_TO_END_OF_LAST_YEAR, DAYS_TO_FIRST_YEAR};
    // The local day's number against the model's first and last days: the
    // same test as the local date's year, without finding the date (it
    // runs for every timestamp of an import).
    let day = (t + i64::from(zone.local_minus_utc())).div_euclid(DAY);
    (DAYS_TO_FIRST_YEAR..DAYS_TO_END_OF_LAST_YEAR).contains(&day)
}
/// The instant local midnight starts `date` in `zone`.
pub fn local_midnight(date: NaiveDate, zone: FixedOffset) -> i64 {
    date.and_time(NaiveTime::MIN).and_utc().timestamp() - i64::from(zone.local_minus_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_forms() {
        let utc = offset(0);
        let t = 1_772_357_400; // 2026-03-01T09:30:00Z
        for s in [
            "2026-03-01T09:30:00Z",
            "2026-03-01T09:30:00.250Z",
            "2026-03-01T11:30:00+02:00",
            "2026-03-01T11:30:00+0200",
            "2026-03-01 09:30:00",
            "2026-03-01 09:30",
            "2026-03-01T09:30",
            "1772357400",
            " 1772357400.5 ",
            "2026-03-01 09:30:00 UTC",
            "2026-03-01 09:30:00.123456 UTC",
            "2026-03-01T11:30:00+02",
            "2026-03-01T06:30:00-03",
        ] {
            assert_eq!(parse_timestamp(s, utc), Some(t), "{s}");
        }
        assert_eq!(parse_timestamp("2026-03-01 10:30", offset(60)), Some(t));
        assert_eq!(
            parse_timestamp("2026-03-01", utc),
            Some(t - 9 * 3600 - 1800)
        );
        for bad in [
            "",
            "yesterday",
            "2026-02-30 10:00",
            "2026-03-01 25:00",
            "01/03/2026",
            "2026-03-01 09:30:00 CET",
            "2026-03-01T09:30:00+24",
            "2026-03-01T09:30:00+2",
            "2026-03-01T09:30:0",
            "2026-03-01T09:30:",
        ] {
            assert_eq!(parse_timestamp(bad, utc), None, "{bad}");
        }
    }

    #[test]
    fn model_years_are_judged_by_the_local_date() {
        let at = |s: &str, minutes: i32| (parse_timestamp(s, offset(0)).unwrap(), offset(minutes));
        for (s, minutes, inside) in [
            ("2000-01-01T00:00:00Z", 0, true),
            ("1999-12-31T23:59:59Z", 0, false),
            ("1999-12-31T23:30:00Z", 60, true),
            ("2000-01-01T00:30:00Z", -60, false),
            ("2100-12-31T23:59:59Z", 0, true),
            ("2100-12-31T23:30:00Z", 60, false),
            ("2101-01-01T00:30:00Z", -60, true),
            ("2026-03-01T09:30:00Z", 0, true),
        ] {
            let (t, zone) = at(s, minutes);
            assert_eq!(in_model_years(t, zone), inside, "{s} at {minutes}");
            assert_eq!(
                crate::model::limits::date_ok(local_date(t, zone)),
                inside,
                "{s} at {minutes}"
            );
        }
        assert!(!in_model_years(i64::MIN, offset(0)));
        assert!(!in_model_years(i64::MAX - 100_000, offset(60)));
    }

    #[test]
    fn local_dates_follow_the_offset() {
        let t = parse_timestamp("2026-03-01T23:30:00Z", offset(0)).unwrap();
        assert_eq!(local_date(t, offset(0)).to_string(), "2026-03-01");
        assert_eq!(local_date(t, offset(60)).to_string(), "2026-03-02");
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(local_midnight(d, offset(60)), t - 1800);
    }

    #[test]
    fn offsets_read_as_people_write_them() {
        assert_eq!(offset_label(offset(0)), "UTC");
        assert_eq!(offset_label(offset(120)), "UTC+02:00");
        assert_eq!(offset_label(offset(-330)), "UTC−05:30");
        assert_eq!(offset_label(offset(345)), "UTC+05:45");
        // Every offset offered is kept as it is, once, in order.
        for w in OFFERED_OFFSETS.windows(2) {
            assert!(w[0] < w[1]);
        }
        for m in OFFERED_OFFSETS {
            assert_eq!(offset(m).local_minus_utc(), m * 60);
        }
    }
}
