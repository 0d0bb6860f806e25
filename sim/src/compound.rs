//! Closed-form compounding and bounded-approach curves (domain.md §4).
//!
//! Plain compounding `(1 + r)^t` is right for money, wrong for delivery
//! metrics: lead time cannot fall below the pipeline's duration and change
//! failure rate cannot fall below zero. Metrics therefore approach a bound:
//! `x(t) = bound + (x0 − bound)·(1 − r)^t`, equivalently a half-life
//! `0.5^(t/h)` (Schneiderman's half-life model).

/// `(1 + rate)^periods`: 1% over 52 periods is 1.678×.
pub fn compound(rate: f64, periods: f64) -> f64 {
    (1.0 + rate).powf(periods)
}

/// Periods for a quantity growing at `rate` per period to double:
/// `ln 2 / ln(1 + r)`, about 69.7 at 1%. `None` when it never doubles.
pub fn doubling_time(rate: f64) -> Option<f64> {
    (rate > 0.0).then(|| std::f64::consts::LN_2 / rate.ln_1p())
}

/// The rate per period that moves `baseline` to `target` in `periods`:
/// `(target / baseline)^(1/n) − 1`. Negative when the target is lower.
/// `None` for non-positive inputs or a zero horizon.
pub fn required_rate(baseline: f64, target: f64, periods: f64) -> Option<f64> {
    (baseline > 0.0 && target > 0.0 && periods > 0.0)
        .then(|| (target / baseline).powf(1.0 / periods) - 1.0)
}

/// Bounded approach: the gap to `bound` shrinks by `rate` each period, so the
/// value never crosses the bound.
pub fn approach(x0: f64, bound: f64, rate: f64, periods: f64) -> f64 {
    bound + (x0 - bound) * (1.0 - rate.clamp(0.0, 1.0)).powf(periods)
}

/// The per-period rate whose gap halves every `half_life` periods:
/// `1 − 0.5^(1/h)`.
pub fn rate_for_half_life(half_life: f64) -> f64 {
    1.0 - 0.5f64.powf(1.0 / half_life)
}

/// The half-life of a gap shrinking by `rate` per period.
pub fn half_life(rate: f64) -> Option<f64> {
    (rate > 0.0 && rate < 1.0).then(|| std::f64::consts::LN_2 / -(1.0 - rate).ln())
}
