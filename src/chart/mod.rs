//! Pure chart geometry: nice ticks, histogram bins and bar rectangles in SVG
//! user units. Components only bind these numbers to attributes, so every
//! figure drawn is unit-tested here.

/// A step of 1, 2 or 5 × 10ⁿ at least `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Ticks from 0 up to a nice value at or above `max`, about `target` of them.
pub fn ticks(max: f64, target: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let step = nice_step(max / target.max(1) as f64);
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|k| k as f64 * step).collect()
}

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
    /// bin, so one outlier does not flatten the chart.
    pub fn new(sorted: &[f64], target: usize) -> Option<Histogram> {
        let max = *sorted.last()?;
        let p95 = crate::model::import::stats::percentile(sorted, 95.0)?;
        let target = target.max(1);
        let upper = if p95 > 0.0 { p95 } else { max.max(1.0) };
        let step = nice_step(upper / target as f64);
        let bins = ((upper / step).floor() as usize + 1).clamp(1, target + 1);
        let mut counts = vec![0u32; bins];
        for &v in sorted {
            let k = ((v.max(0.0) / step).floor() as usize).min(bins - 1);
            counts[k] += 1;
        }
        let open_ended = max >= bins as f64 * step;
        Some(Histogram {
            step,
            counts,
            open_ended,
        })
    }

    /// The label of bin `k` in the samples' unit: "0–2", "10+".
    pub fn label(&self, k: usize, fmt: impl Fn(f64) -> String) -> String {
        let lo = k as f64 * self.step;
        if self.open_ended && k + 1 == self.counts.len() {
            format!("{}+", fmt(lo))
        } else {
            format!("{}–{}", fmt(lo), fmt(lo + self.step))
        }
    }
}

/// The plotting area inside an SVG of `width` × `height`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The default frame for small bar charts.
    pub const BARS: Frame = Frame {
        width: 480.0,
        height: 200.0,
        left: 44.0,
        right: 8.0,
        top: 10.0,
        bottom: 40.0,
    };

    fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    /// The y coordinate of `value` on a 0..`max` scale.
    pub fn y(&self, value: f64, max: f64) -> f64 {
        let max = if max > 0.0 { max } else { 1.0 };
        self.top + self.plot_height() * (1.0 - value / max)
    }

    /// The baseline (value 0).
    pub fn floor(&self) -> f64 {
        self.height - self.bottom
    }
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

/// Bars for `values` side by side, scaled so the top tick is the top of
/// the frame. Returns the bars and the y ticks with their positions.
pub fn bars(values: &[f64], frame: Frame) -> (Vec<Bar>, Vec<(f64, f64)>) {
    let max = values.iter().copied().fold(0.0, f64::max);
    let ticks = ticks(max, 4);
    let top = *ticks.last().unwrap_or(&1.0);
    let n = values.len().max(1) as f64;
    let slot = frame.plot_width() / n;
    let gap = (slot * 0.15).min(6.0);
    let bars = values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let y = frame.y(v.max(0.0), top);
            Bar {
                x: frame.left + slot * k as f64 + gap / 2.0,
                y,
                width: (slot - gap).max(0.5),
                height: frame.floor() - y,
                centre: frame.left + slot * (k as f64 + 0.5),
            }
        })
        .collect();
    let ticks = ticks.into_iter().map(|t| (t, frame.y(t, top))).collect();
    (bars, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_and_ticks_are_nice() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(0.03), 0.05);
        assert_eq!(ticks(9.0, 4), vec![0.0, 5.0, 10.0]);
        assert_eq!(ticks(8.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(0.0, 4), vec![0.0, 0.5, 1.0]);
    }

    #[test]
    fn histogram_bins_and_open_last_bin() {
        let v: Vec<f64> = (0..20).map(f64::from).collect(); // 0..19, p95 = 18.05
        let h = Histogram::new(&v, 5).unwrap();
        assert_eq!(h.step, 5.0);
        assert_eq!(h.counts, vec![5, 5, 5, 5]);
        assert!(!h.open_ended);
        assert_eq!(h.label(0, |x| x.to_string()), "0–5");
        let mut w = v.clone();
        w.push(1000.0);
        let h = Histogram::new(&w, 5).unwrap();
        assert_eq!(h.counts.iter().sum::<u32>(), 21);
        assert!(h.open_ended);
        assert_eq!(h.label(h.counts.len() - 1, |x| x.to_string()), "15+");
        assert!(Histogram::new(&[], 5).is_none());
    }

    #[test]
    fn bars_fill_the_frame() {
        let f = Frame::BARS;
        let (b, t) = bars(&[2.0, 4.0], f);
        assert_eq!(t.last().unwrap().0, 4.0);
        assert_eq!(b[1].y, f.top);
        assert_eq!(b[1].height, f.floor() - f.top);
        assert_eq!(b[0].height, (f.floor() - f.top) / 2.0);
        assert_eq!(b[0].centre, f.left + (f.width - f.left - f.right) / 4.0);
        assert!(b[0].x + b[0].width <= b[1].x);
    }
}
