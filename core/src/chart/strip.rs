//! Geometry of a score strip: a 0–10 scale with the peers' mean ± one
//! standard deviation as a band, their mean as a tick and the team's score
//! as a dot — the small chart beside each row of "Where you stand", whose
//! row carries the same numbers in words.

use crate::chart::LinearScale;

/// Width of a strip, in its own units.
pub const WIDTH: f64 = 160.0;
/// Height of a strip.
pub const HEIGHT: f64 = 20.0;
/// Room at either end so the dot is never cut in half.
const PAD: f64 = 6.0;

/// Where a strip's marks go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strip {
    /// The band from mean − sd to mean + sd, clipped to the scale.
    pub band_x: f64,
    pub band_width: f64,
    /// The peers' mean.
    pub mean_x: f64,
    /// The team's score.
    pub score_x: f64,
}

/// Lays out a strip for `score` against peers at `mean` ± `sd` on the
/// 0–10 scale; values outside the scale sit at its ends.
pub fn strip(score: f64, mean: f64, sd: f64) -> Strip {
    let x = LinearScale::new((0.0, 10.0), (PAD, WIDTH - PAD));
    let at = |v: f64| {
        x.map(if v.is_finite() {
            v.clamp(0.0, 10.0)
        } else {
            0.0
        })
    };
    let sd = if sd.is_finite() { sd.abs() } else { 0.0 };
    let (lo, hi) = (at(mean - sd), at(mean + sd));
    Strip {
        band_x: lo,
        band_width: hi - lo,
        mean_x: at(mean),
        score_x: at(score),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_land_on_the_scale() {
        // 10 units across 148: one unit is 14.8.
        let s = strip(6.0, 4.8, 2.8);
        assert!((s.score_x - (6.0 + 6.0 * 14.8)).abs() < 1e-9);
        assert!((s.mean_x - (6.0 + 4.8 * 14.8)).abs() < 1e-9);
        assert!((s.band_x - (6.0 + 2.0 * 14.8)).abs() < 1e-9);
        assert!((s.band_width - 5.6 * 14.8).abs() < 1e-9);
        // A band past either end is clipped; odd input stays on the scale.
        let wide = strip(10.0, 9.0, 3.0);
        assert_eq!(wide.band_x + wide.band_width, WIDTH - 6.0);
        let odd = strip(f64::NAN, f64::INFINITY, -1.0);
        assert!([odd.band_x, odd.band_width, odd.mean_x, odd.score_x]
            .iter()
            .all(|v| v.is_finite() && *v >= 0.0 && *v <= WIDTH));
    }
}
