//! Pure chart geometry: linear scales, "nice" axis ticks and SVG path
//! strings. Components only bind these strings and numbers to attributes,
//! so everything about where a mark lands is unit-tested here.

pub mod actuals;
pub mod burn_down;
pub mod dots;
pub mod fan;
pub mod goal_progress;
pub mod histogram;
pub mod strip;
pub mod trend;

use std::fmt::Write;

/// Maps a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`; a zero-width domain is widened so
    /// nothing divides by zero (by half a unit each way, or by a part in a
    /// billion where half a unit would not change a number that large).
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (lo, hi) = domain;
        let domain = if (hi - lo).abs() < f64::EPSILON * lo.abs().max(1.0) {
            if lo - 0.5 < hi + 0.5 {
                (lo - 0.5, hi + 0.5)
            } else {
                widen(lo)
            }
        } else {
            domain
        };
        LinearScale { domain, range }
    }

    /// The pixel position of `value`. Halving every term first keeps a
    /// domain as wide as all finite numbers from overflowing (halving is
    /// exact, so ordinary domains map to the same pixels).
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value / 2.0 - d0 / 2.0) / (d1 / 2.0 - d0 / 2.0) * (r1 - r0)
    }
}

/// Rounds a step to 1, 2, 2.5 or 5 × a power of ten (Heckbert's nice
/// numbers, as d3's tick generator does). `raw` must be a positive normal
/// number; the result may still overflow to infinity near `f64::MAX`,
/// which [`nice_ticks`] checks.
pub(crate) fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Most ticks asked for; more would not fit any chart.
const MAX_TICK_COUNT: usize = 50;

/// Ticks at a nice step covering `[min, max]`, about `count` of them; the
/// first is ≤ `min` and the last ≥ `max`, so they also give a nice domain.
///
/// Any finite range gives a short, finite, ascending list: a range too
/// narrow for a nice step (a subnormal span) or too wide (near ±`f64::MAX`)
/// falls back to its two ends, and a single value is widened around it.
/// Only non-finite ends or `count == 0` give an empty list.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || count == 0 {
        return Vec::new();
    }
    let (min, max) = if max > min { (min, max) } else { widen(min) };
    let count = count.min(MAX_TICK_COUNT);
    let span = max - min;
    let raw = span / count as f64;
    if !span.is_finite() || !raw.is_normal() {
        return ends(min, max);
    }
    let step = nice_step(raw);
    let first = (min / step).floor();
    let last = (max / step).ceil();
    // Beyond 2^53 the tick indices are no longer whole numbers apart.
    let exact = 9_007_199_254_740_992.0;
    if !(step.is_normal() && first.abs() < exact && last.abs() < exact)
        || last - first > (2 * count + 2) as f64
    {
        return ends(min, max);
    }
    // Snap to the step's decimals so labels read 0.1, not 0.30000000000000004.
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let f = 10f64.powi(decimals);
    let snap = |v: f64| {
        let snapped = (v * f).round() / f;
        if snapped.is_finite() {
            snapped
        } else {
            v
        }
    };
    let mut ticks: Vec<f64> = (first as i64..=last as i64)
        .map(|i| snap(i as f64 * step))
        .collect();
    // Snapping (or rounding at the ends of precision) may land an end tick
    // just inside the range: the ends always cover it.
    if let Some(t) = ticks.first_mut() {
        *t = t.min(min);
    }
    if let Some(t) = ticks.last_mut() {
        *t = t.max(max);
    }
    if ticks.iter().all(|t| t.is_finite()) && ticks.windows(2).all(|w| w[0] < w[1]) {
        ticks
    } else {
        ends(min, max)
    }
}

/// A single value widened into a range around it, by a part in a billion
/// of its size (at least 1), kept finite at the ends of `f64`.
fn widen(v: f64) -> (f64, f64) {
    let d = (v.abs() * 1e-9).max(1.0);
    let lo = if (v - d).is_finite() { v - d } else { v };
    let hi = if (v + d).is_finite() { v + d } else { v };
    (lo, hi)
}

/// The range's own ends as its ticks, when no nice step fits it.
fn ends(min: f64, max: f64) -> Vec<f64> {
    if min < max {
        vec![min, max]
    } else {
        vec![min]
    }
}

/// An SVG path through `points`, one decimal per coordinate.
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, (x, y)) in points.iter().enumerate() {
        let command = if i == 0 { 'M' } else { 'L' };
        let _ = write!(d, "{command}{x:.1} {y:.1}");
    }
    d
}

/// A closed SVG path filling between `upper` and `lower`, which share x
/// positions: along the upper edge, back along the lower.
pub fn band_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    if upper.is_empty() || lower.is_empty() {
        return String::new();
    }
    let mut d = line_path(upper);
    for (x, y) in lower.iter().rev() {
        let _ = write!(d, "L{x:.1} {y:.1}");
    }
    d.push('Z');
    d
}

/// The layout of a chart: its size and the margins around the plot area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Narrowest a chart is drawn: below this its labels would collide.
pub const MIN_WIDTH: f64 = 280.0;
/// Widest a chart is drawn: wider, a line chart is hard to read.
pub const MAX_WIDTH: f64 = 1040.0;

impl Frame {
    /// The same frame `width` pixels wide (clamped to [`MIN_WIDTH`]–
    /// [`MAX_WIDTH`]), margins kept: charts are laid out at the width they
    /// are shown at, so their text is never scaled below its size.
    pub fn with_width(self, width: f64) -> Frame {
        let width = if width.is_finite() {
            width.clamp(MIN_WIDTH, MAX_WIDTH)
        } else {
            self.width
        };
        Frame { width, ..self }
    }

    /// How many ticks fit across: one per 90 pixels of plot, 2 to 8.
    pub fn x_tick_count(&self) -> usize {
        let (a, b) = self.x_range();
        ((b - a) / 90.0).clamp(2.0, 8.0) as usize
    }

    /// The plot area's horizontal pixel range.
    pub fn x_range(&self) -> (f64, f64) {
        (self.left, self.width - self.right)
    }

    /// The plot area's vertical pixel range, bottom to top.
    pub fn y_range(&self) -> (f64, f64) {
        (self.height - self.bottom, self.top)
    }
}

/// An axis tick: where it sits (pixels along its axis) and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// Labels `(pixel, value)` ticks with `label`.
pub fn ticks(positions: &[(f64, f64)], label: impl Fn(f64) -> String) -> Vec<Tick> {
    positions
        .iter()
        .map(|&(at, v)| Tick {
            at,
            label: label(v),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_domain_to_range() {
        let s = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(10.0), 0.0);
        assert_eq!(s.map(2.5), 75.0);
        let flat = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.map(5.0), 50.0);
        assert!(flat.map(7.0).is_finite());
    }

    #[test]
    fn ticks_are_nice_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 10.0, 5),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(nice_ticks(3.0, 97.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(0.12, 0.38, 3), vec![0.1, 0.2, 0.3, 0.4]);
        assert_eq!(
            nice_ticks(0.0, 52.0, 6),
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
        );
        let one = nice_ticks(4.0, 4.0, 4);
        assert!(one.first().unwrap() <= &4.0 && one.last().unwrap() >= &4.0);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
    }

    #[test]
    fn paths_are_svg_strings() {
        assert_eq!(line_path(&[(0.0, 1.0), (2.5, 3.25)]), "M0.0 1.0L2.5 3.2");
        assert_eq!(
            band_path(&[(0.0, 1.0), (1.0, 1.0)], &[(0.0, 2.0), (1.0, 3.0)]),
            "M0.0 1.0L1.0 1.0L1.0 3.0L0.0 2.0Z"
        );
        assert_eq!(line_path(&[]), "");
        assert_eq!(band_path(&[], &[]), "");
    }

    #[test]
    fn frame_ranges_leave_the_margins() {
        let f = Frame {
            width: 600.0,
            height: 300.0,
            left: 50.0,
            right: 10.0,
            top: 10.0,
            bottom: 30.0,
        };
        assert_eq!(f.x_range(), (50.0, 590.0));
        assert_eq!(f.y_range(), (270.0, 10.0));
        assert_eq!(f.x_tick_count(), 6);
        let phone = f.with_width(340.0);
        assert_eq!(
            (phone.width, phone.left, phone.height),
            (340.0, 50.0, 300.0)
        );
        assert_eq!(phone.x_tick_count(), 3);
        assert_eq!(f.with_width(100.0).width, MIN_WIDTH);
        assert_eq!(f.with_width(5_000.0).width, MAX_WIDTH);
        assert_eq!(f.with_width(f64::NAN).width, 600.0);
        assert_eq!(f.with_width(2_000.0).x_tick_count(), 8);
    }

    #[test]
    fn ticks_carry_their_labels() {
        let t = ticks(&[(10.0, 0.5), (20.0, 1.0)], |v| format!("{v}%"));
        assert_eq!(
            t[1],
            Tick {
                at: 20.0,
                label: "1%".into()
            }
        );
    }
}
