//! Geometry of bar charts over counts: durations binned into a histogram
//! (lead and recovery times read from imported data), and bars side by
//! side on a zero-based count axis (a histogram's bins, deploys per week).

use crate::chart::{nice_step, nice_ticks, Frame, LinearScale};
use crate::model::import::stats::percentile;
use crate::model::units::format_number;

/// The frame of a small bar chart, with room for axis labels.
pub const FRAME: Frame = Frame {
    width: 480.0,
    height: 200.0,
    left: 44.0,
    right: 8.0,
    top: 10.0,
    bottom: 40.0,
};

/// Samples counted into equal-width bins starting at 0.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Bin width, in the samples' unit.
    pub step: f64,
    pub counts: Vec<u32>,
    /// Whether the last bin also holds everything above its upper edge.
    pub open_ended: bool,
}

impl Histogram {
    /// Bins sorted, non-negative samples into about `target` bins. The range
    /// covers the 95th percentile; anything beyond falls into an open last
    /// bin, so one outlier does not flatten the chart. `None` without
    /// samples or with a sample that is not a finite number.
    pub fn new(sorted: &[f64], target: usize) -> Option<Histogram> {
        let max = *sorted.last()?;
        if !sorted.iter().all(|v| v.is_finite()) {
            return None;
        }
        let p95 = percentile(sorted, 95.0)?;
        let target = target.max(1);
        let upper = if p95 > 0.0 { p95 } else { max.max(1.0) };
        // A width too small for a nice step, or one that overflows, takes
        // the raw width (a subnormal one, 1): every sample still lands in a
        // bin and every label is a number.
        let raw = upper / target as f64;
        let step = if !raw.is_normal() {
            1.0
        } else {
            Some(nice_step(raw))
                .filter(|s| s.is_finite())
                .unwrap_or(raw)
        };
        let bins = ((upper / step).floor() as usize + 1).clamp(1, target + 1);
        let mut counts = vec![0u32; bins];
        for &v in sorted {
            let k = ((v.max(0.0) / step).floor() as usize).min(bins - 1);
            counts[k] += 1;
        }
        Some(Histogram {
            step,
            counts,
            open_ended: max >= bins as f64 * step,
        })
    }

    /// The label of bin `k` in the samples' unit: "0–2.5", "10+".
    pub fn label(&self, k: usize) -> String {
        let lo = k as f64 * self.step;
        if self.open_ended && k + 1 == self.counts.len() {
            format!("{}+", format_number(lo, 2))
        } else {
            format!(
                "{}–{}",
                format_number(lo, 2),
                format_number(lo + self.step, 2)
            )
        }
    }
}

/// Durations in hours binned in the unit they read best in: minutes when
/// nearly all are under two hours, days when many run past three days.
/// Returns the histogram and the unit's name.
pub fn durations(sorted_hours: &[f64], target: usize) -> Option<(Histogram, &'static str)> {
    let p95 = percentile(sorted_hours, 95.0)?;
    let (hours_per_unit, unit) = if p95 < 2.0 {
        (1.0 / 60.0, "minutes")
    } else if p95 <= 72.0 {
        (1.0, "hours")
    } else {
        (24.0, "days")
    };
    let scaled: Vec<f64> = sorted_hours.iter().map(|h| h / hours_per_unit).collect();
    Some((Histogram::new(&scaled, target)?, unit))
}

/// A bar: its rectangle and the centre of its slot for a label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub centre: f64,
}

/// Everything a bar chart component binds.
#[derive(Clone, Debug, PartialEq)]
pub struct BarsGeometry {
    pub bars: Vec<Bar>,
    /// (pixel y, count) of each y tick.
    pub y_ticks: Vec<(f64, f64)>,
}

/// Lays out `counts` side by side in `frame`, the top tick at its top.
pub fn bars(counts: &[u32], frame: Frame) -> BarsGeometry {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    // Counts take whole-number ticks; one tick over the whole range always
    // has a whole step, since the largest count is itself whole.
    let ticks = (1..=4)
        .rev()
        .map(|n| nice_ticks(0.0, f64::from(max), n))
        .find(|t| t.iter().all(|v| v.fract() == 0.0))
        .unwrap_or_else(|| vec![0.0, f64::from(max)]);
    let top = ticks.last().copied().unwrap_or(1.0);
    let x = LinearScale::new((0.0, counts.len().max(1) as f64), frame.x_range());
    let y = LinearScale::new((0.0, top), frame.y_range());
    let slot = x.map(1.0) - x.map(0.0);
    let gap = (slot * 0.15).min(6.0);
    let floor = y.map(0.0);
    let bars = counts
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let top_y = y.map(f64::from(c));
            Bar {
                x: x.map(k as f64) + gap / 2.0,
                y: top_y,
                width: (slot - gap).max(0.5),
                height: floor - top_y,
                centre: x.map(k as f64 + 0.5),
            }
        })
        .collect();
    let y_ticks = ticks.iter().map(|&v| (y.map(v), v)).collect();
    BarsGeometry { bars, y_ticks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_cover_the_95th_percentile_and_open_the_last() {
        // 0..19: P95 18.05, about 5 bins → a step of 5.
        let v: Vec<f64> = (0..20).map(f64::from).collect();
        let h = Histogram::new(&v, 5).unwrap();
        assert_eq!(h.step, 5.0);
        assert_eq!(h.counts, vec![5, 5, 5, 5]);
        assert!(!h.open_ended);
        assert_eq!(h.label(0), "0–5");
        let mut w = v.clone();
        w.push(1000.0);
        let h = Histogram::new(&w, 5).unwrap();
        assert_eq!(h.counts.iter().sum::<u32>(), 21);
        assert!(h.open_ended);
        assert_eq!(h.label(h.counts.len() - 1), "15+");
    }

    #[test]
    fn no_samples_or_bad_samples_make_no_histogram() {
        assert!(Histogram::new(&[], 5).is_none());
        assert!(Histogram::new(&[1.0, f64::NAN], 5).is_none());
        assert!(Histogram::new(&[1.0, f64::INFINITY], 5).is_none());
        assert!(durations(&[], 10).is_none());
        // All zero: one bin holding everything.
        let h = Histogram::new(&[0.0, 0.0], 5).unwrap();
        assert_eq!(h.counts.iter().sum::<u32>(), 2);
        assert!(h.step > 0.0);
    }

    #[test]
    fn durations_pick_a_readable_unit() {
        let (h, unit) = durations(&[0.25, 0.5, 1.0], 10).unwrap();
        assert_eq!(unit, "minutes");
        assert_eq!(h.counts.iter().sum::<u32>(), 3);
        assert_eq!(durations(&[1.0, 21.0, 47.0], 10).unwrap().1, "hours");
        let (h, unit) = durations(&[24.0, 240.0], 10).unwrap();
        assert_eq!(unit, "days");
        assert_eq!(h.label(0), "0–1");
    }

    #[test]
    fn bars_fill_the_frame_from_the_floor() {
        let (x0, x1) = FRAME.x_range();
        let (floor, top) = FRAME.y_range();
        let g = bars(&[2, 4], FRAME);
        assert_eq!(g.y_ticks.last().unwrap(), &(top, 4.0));
        assert_eq!(g.y_ticks[0], (floor, 0.0));
        assert_eq!(g.bars[1].y, top);
        assert_eq!(g.bars[1].height, floor - top);
        assert_eq!(g.bars[0].height, (floor - top) / 2.0);
        assert_eq!(g.bars[0].centre, x0 + (x1 - x0) / 4.0);
        assert!(g.bars[0].x + g.bars[0].width <= g.bars[1].x);
    }

    #[test]
    fn count_ticks_are_whole_numbers() {
        for max in [1, 2, 3, 7, 10, 23, 99, 1234] {
            let g = bars(&[0, max], FRAME);
            assert!(g.y_ticks.iter().all(|t| t.1.fract() == 0.0), "{max}");
            assert!(g.y_ticks.last().unwrap().1 >= f64::from(max), "{max}");
        }
        // Nothing to count still draws an axis, without dividing by zero.
        let g = bars(&[0, 0], FRAME);
        assert_eq!(g.y_ticks.last().unwrap().1, 1.0);
        assert!(g.bars.iter().all(|b| b.height == 0.0));
        assert!(bars(&[], FRAME).bars.is_empty());
    }
}
