//! Numbers in the compact form share links carry them in, where a history
//! of figures would otherwise cost eight bytes a number.
//!
//! A [`decimal`] travels as its shortest decimal spelling: the digits as one
//! whole number and how many of them follow the point, so 2.37 travels as
//! 237 and 2 (three bytes in postcard's variable-length integers) and 18 as
//! 18 and 0 (two). Rust writes every finite `f64` as the shortest decimal
//! that reads back to the same number, and reading that decimal back is
//! correctly rounded, so the round trip is exact: a figure comes out of a
//! link equal to the one that went in. Saved work (JSON) keeps plain
//! numbers.
//!
//! A number that is not finite travels as a marker that reads back as NaN,
//! which every range check refuses: nothing out of range can be made to
//! look valid by the trip.

/// Decimals past this many are not written by any finite `f64` of the
/// model's sizes (the smallest stored number is 10⁻⁹, written with at most
/// 26 decimals); a count above it in a link is damage.
const MAX_DECIMALS: u8 = 40;
/// The marker for a number that is not finite.
const NOT_A_NUMBER: u8 = u8::MAX;

/// The digits and decimal count of `v`'s shortest spelling; `None` when it
/// is not finite or its digits do not fit a whole number.
fn split(v: f64) -> Option<(i64, u8)> {
    if !v.is_finite() {
        return None;
    }
    let text = v.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits: i64 = format!("{whole}{fraction}").parse().ok()?;
    let decimals = u8::try_from(fraction.len()).ok()?;
    (decimals <= MAX_DECIMALS).then_some((digits, decimals))
}

/// The number `digits` × 10^−`decimals`, read as the decimal it spells.
fn join(digits: i64, decimals: u8) -> Option<f64> {
    match decimals {
        NOT_A_NUMBER => Some(f64::NAN),
        d if d > MAX_DECIMALS => None,
        d => format!("{digits}e-{d}").parse().ok(),
    }
}

/// Serde for an `f64` as a compact decimal in binary formats, a plain number
/// in human-readable ones.
pub mod decimal {
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.serialize_f64(*v);
        }
        super::split(*v)
            .unwrap_or((0, super::NOT_A_NUMBER))
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        if d.is_human_readable() {
            return f64::deserialize(d);
        }
        let (digits, decimals) = <(i64, u8)>::deserialize(d)?;
        super::join(digits, decimals).ok_or_else(|| D::Error::custom("a number out of range"))
    }
}

/// A number that serializes through [`decimal`], so an `Option` of it keeps
/// serde's own `Some`/`None` framing.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Decimal(#[serde(with = "decimal")] pub f64);

/// Serde for an `Option<f64>`: as [`decimal`], or null.
pub mod opt_decimal {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Decimal;

    pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        v.map(Decimal).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(Option::<Decimal>::deserialize(d)?.map(|v| v.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trip(v: f64) -> f64 {
        let bytes = postcard::to_allocvec(&Decimal(v)).unwrap();
        postcard::from_bytes::<Decimal>(&bytes).unwrap().0
    }

    #[test]
    fn decimals_travel_as_their_shortest_spelling() {
        assert_eq!(split(2.37), Some((237, 2)));
        assert_eq!(split(18.0), Some((18, 0)));
        assert_eq!(split(0.05), Some((5, 2)));
        assert_eq!(split(1e-9), Some((1, 9)));
        assert_eq!(split(f64::NAN), None);
        // 237 and 2 take three bytes: two for the digits, one for the count.
        assert_eq!(postcard::to_allocvec(&Decimal(2.37)).unwrap().len(), 3);
    }

    #[test]
    fn every_finite_number_comes_back_exactly() {
        for v in [
            0.0,
            2.37,
            1.0 / 3.0,
            0.1 + 0.2,
            100_000.0,
            885_000.123_456_789,
            1e-9,
            12.5,
            4.0 / 7.0,
        ] {
            assert_eq!(trip(v).to_bits(), v.to_bits(), "{v}");
        }
        assert!(trip(f64::INFINITY).is_nan());
        assert_eq!(trip(-0.0).to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn damaged_counts_are_refused() {
        let bytes = postcard::to_allocvec(&(5i64, 41u8)).unwrap();
        assert!(postcard::from_bytes::<Decimal>(&bytes).is_err());
    }
}
