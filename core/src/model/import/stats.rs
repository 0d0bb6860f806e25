//! Order statistics for the measured samples: median and P85 by linear
//! interpolation between closest ranks (the "type 7" definition used by
//! spreadsheets and NumPy), and the data-quality figure (n − 1)/(n + 1)
//! (domain.md §5).

/// The `p`-th percentile (0–100) of sorted, finite values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 || !p.is_finite() {
        return None;
    }
    let h = (n - 1) as f64 * (p.clamp(0.0, 100.0) / 100.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// As [`percentile`], sorting the values first.
pub fn percentile_unsorted(values: &mut [f64], p: f64) -> Option<f64> {
    values.sort_unstable_by(f64::total_cmp);
    percentile(values, p)
}

/// With `n` samples, the chance the next falls inside the observed range:
/// (n − 1)/(n + 1) (domain.md §5).
pub fn range_confidence(n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        (n as f64 - 1.0) / (n as f64 + 1.0)
    }
}

/// Median, P85 and sample count of a distribution (hours).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub p85: f64,
    /// (n − 1)/(n + 1), 0–1.
    pub quality: f64,
}

impl Summary {
    /// The summary of sorted samples; `None` when there are none.
    pub fn of(sorted: &[f64]) -> Option<Summary> {
        Some(Summary {
            n: sorted.len(),
            median: percentile(sorted, 50.0)?,
            p85: percentile(sorted, 85.0)?,
            quality: range_confidence(sorted.len()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 50.0), Some(2.5));
        assert!((percentile(&v, 85.0).unwrap() - 3.55).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 85.0), Some(7.0));
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(range_confidence(9), 0.8);
    }
}
