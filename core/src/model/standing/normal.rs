//! The standard normal distribution, for placing a score among its peers
//! as "about the Nth percentile" (domain.md §2: `z = (score − mean) / sd`
//! under a normal approximation, said to be approximate).

use std::f64::consts::SQRT_2;

// Abramowitz & Stegun, Handbook of Mathematical Functions (1964),
// formula 7.1.26 (after Hastings): the coefficients of the rational
// approximation of erf on x ≥ 0.
const P: f64 = 0.327_591_1;
const A1: f64 = 0.254_829_592;
const A2: f64 = -0.284_496_736;
const A3: f64 = 1.421_413_741;
const A4: f64 = -1.453_152_027;
const A5: f64 = 1.061_405_429;

/// The error function by Abramowitz & Stegun 7.1.26:
/// `erf x ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵)·e^(−x²)`,
/// `t = 1 / (1 + p·x)`, for x ≥ 0, with absolute error at most 1.5 × 10⁻⁷;
/// negative x by symmetry, `erf(−x) = −erf(x)`.
pub fn erf(x: f64) -> f64 {
    let a = x.abs();
    let t = 1.0 / (1.0 + P * a);
    let poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
    let value = 1.0 - poly * (-a * a).exp();
    if x < 0.0 {
        -value
    } else {
        value
    }
}

/// The standard normal distribution function, `Φ(z) = (1 + erf(z/√2)) / 2`
/// (the identity of A&S chapter 26), so with absolute error at most
/// 0.75 × 10⁻⁷ from 7.1.26.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * (1.0 + erf(z / SQRT_2))
}

/// The percentile a standard score `z` falls at, rounded to a whole
/// number and kept within 1–99: a normal approximation to a bounded 0–10
/// score cannot honestly claim the 0th or the 100th. `None` for a `z`
/// that is not a number.
pub fn percentile(z: f64) -> Option<u8> {
    if z.is_nan() {
        return None;
    }
    let p = (normal_cdf(z) * 100.0).round().clamp(1.0, 99.0);
    // In 1..=99 after the clamp, so the cast is exact.
    Some(p as u8)
}

/// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", …
pub fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
