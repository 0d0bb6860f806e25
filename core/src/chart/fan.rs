//! Geometry of a fan chart: a metric's P10–P90 band and median over weeks,
//! other strategies' medians on the same axes, and an optional goal target.

use crate::chart::{band_path, line_path, nice_ticks, Frame, LinearScale};
use serde::{Deserialize, Serialize};

/// One week's spread of a metric, in its canonical unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p85: f64,
    pub p90: f64,
    pub p95: f64,
}

/// One strategy's series, already in display units.
pub struct FanSeries<'a> {
    pub bands: &'a [Band],
}

/// A goal drawn on the chart: a target value reached by a week.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    pub value: f64,
    pub week: u32,
}

/// Everything a fan chart component binds.
#[derive(Clone, Debug, PartialEq)]
pub struct FanGeometry {
    /// The emphasised series' P10–P90 band.
    pub band: String,
    /// Median paths, one per series, in input order.
    pub medians: Vec<String>,
    /// (pixel y, value) of each y tick.
    pub y_ticks: Vec<(f64, f64)>,
    /// (pixel x, week) of each x tick.
    pub x_ticks: Vec<(f64, u32)>,
    /// Target line: y pixel, and the deadline's x pixel if inside the chart.
    pub target: Option<(f64, Option<f64>)>,
}

/// The standard frame for fan charts.
pub const FRAME: Frame = Frame {
    width: 640.0,
    height: 280.0,
    left: 56.0,
    right: 16.0,
    top: 12.0,
    bottom: 36.0,
};

/// The axes fan charts are drawn on: weeks `0..=weeks` across, and the y
/// ticks (in display units) whose ends are the y domain.
#[derive(Clone, Debug, PartialEq)]
pub struct Axes {
    pub weeks: usize,
    pub y_ticks: Vec<f64>,
}

/// Axes covering every series' P10–P90 band (scaled by `scale` for display)
/// over the longest series, and the marker: the union that lets charts of
/// different scenarios share one scale, so equal heights mean equal values.
pub fn axes(series: &[FanSeries], scale: f64, marker: Option<Marker>) -> Axes {
    let weeks = series
        .iter()
        .map(|s| s.bands.len())
        .max()
        .unwrap_or(1)
        .saturating_sub(1)
        .max(1);
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in series {
        for b in s.bands {
            lo = lo.min(b.p10 * scale);
            hi = hi.max(b.p90 * scale);
        }
    }
    if let Some(m) = marker {
        lo = lo.min(m.value);
        hi = hi.max(m.value);
    }
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    // Metrics here are never negative: the axis starts at zero so bands are
    // not exaggerated.
    Axes {
        weeks,
        y_ticks: nice_ticks(lo.min(0.0), hi, 5),
    }
}

/// Lays out `series` (the first is emphasised with its band) over weeks
/// `0..=weeks`, scaling each value by `scale` for display.
pub fn fan(series: &[FanSeries], scale: f64, marker: Option<Marker>, frame: Frame) -> FanGeometry {
    fan_on(series, scale, marker, &axes(series, scale, marker), frame)
}

/// Lays out `series` as [`fan`] does, on given axes.
pub fn fan_on(
    series: &[FanSeries],
    scale: f64,
    marker: Option<Marker>,
    axes: &Axes,
    frame: Frame,
) -> FanGeometry {
    let weeks = axes.weeks.max(1);
    let ticks = &axes.y_ticks;
    let y_domain = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let x = LinearScale::new((0.0, weeks as f64), frame.x_range());
    let y = LinearScale::new(y_domain, frame.y_range());
    let point = |week: usize, v: f64| (x.map(week as f64), y.map(v * scale));
    let band = series.first().map_or_else(String::new, |s| {
        let upper: Vec<_> = s
            .bands
            .iter()
            .enumerate()
            .map(|(w, b)| point(w, b.p90))
            .collect();
        let lower: Vec<_> = s
            .bands
            .iter()
            .enumerate()
            .map(|(w, b)| point(w, b.p10))
            .collect();
        band_path(&upper, &lower)
    });
    let medians = series
        .iter()
        .map(|s| {
            let pts: Vec<_> = s
                .bands
                .iter()
                .enumerate()
                .map(|(w, b)| point(w, b.p50))
                .collect();
            line_path(&pts)
        })
        .collect();
    let x_ticks = nice_ticks(0.0, weeks as f64, frame.x_tick_count())
        .into_iter()
        .filter(|&w| w <= weeks as f64)
        .map(|w| (x.map(w), w as u32))
        .collect();
    let y_ticks = ticks.iter().map(|&v| (y.map(v), v)).collect();
    let target = marker.map(|m| {
        let deadline = (m.week as usize <= weeks).then(|| x.map(f64::from(m.week)));
        (y.map(m.value), deadline)
    });
    FanGeometry {
        band,
        medians,
        y_ticks,
        x_ticks,
        target,
    }
}

/// The weeks a fan chart's data table lists for a horizon of `weeks`:
/// every fourth week and the last, so a year reads in 14 rows.
pub fn table_weeks(weeks: usize) -> Vec<usize> {
    (0..=weeks).filter(|w| w % 4 == 0 || *w == weeks).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(v: f64, n: usize) -> Vec<Band> {
        vec![
            Band {
                p10: v * 0.5,
                p50: v,
                p85: v,
                p90: v * 1.5,
                p95: v * 2.0
            };
            n
        ]
    }

    #[test]
    fn axes_start_at_zero_and_cover_band_and_target() {
        let a = flat(10.0, 53);
        let g = fan(
            &[FanSeries { bands: &a }],
            1.0,
            Some(Marker {
                value: 20.0,
                week: 26,
            }),
            FRAME,
        );
        let values: Vec<f64> = g.y_ticks.iter().map(|t| t.1).collect();
        assert_eq!(values.first(), Some(&0.0));
        assert!(*values.last().unwrap() >= 20.0);
        let (ty, tx) = g.target.unwrap();
        assert!((FRAME.top..=FRAME.height - FRAME.bottom).contains(&ty));
        let mid = (FRAME.left + FRAME.width - FRAME.right) / 2.0;
        assert!((tx.unwrap() - mid).abs() < 1e-9);
        assert_eq!(g.x_ticks.first().map(|t| t.1), Some(0));
        assert_eq!(g.x_ticks.last().map(|t| t.1), Some(50));
    }

    #[test]
    fn one_median_per_series_and_one_band() {
        let a = flat(10.0, 5);
        let b = flat(5.0, 5);
        let g = fan(
            &[FanSeries { bands: &a }, FanSeries { bands: &b }],
            7.0,
            None,
            FRAME,
        );
        assert_eq!(g.medians.len(), 2);
        assert!(g.band.starts_with('M') && g.band.ends_with('Z'));
        assert!(g.target.is_none());
        assert_eq!(g.medians[0].matches('L').count(), 4);
    }

    #[test]
    fn a_deadline_beyond_the_horizon_has_no_x() {
        let a = flat(1.0, 27);
        let g = fan(
            &[FanSeries { bands: &a }],
            1.0,
            Some(Marker {
                value: 1.0,
                week: 40,
            }),
            FRAME,
        );
        assert_eq!(g.target.unwrap().1, None);
    }

    #[test]
    fn shared_axes_cover_every_series_and_map_equal_values_to_equal_heights() {
        let small = flat(2.0, 27);
        let large = flat(30.0, 53);
        let all = [FanSeries { bands: &small }, FanSeries { bands: &large }];
        let shared = axes(&all, 1.0, None);
        assert_eq!(shared.weeks, 52);
        assert_eq!(shared.y_ticks.first(), Some(&0.0));
        // The union reaches the larger series' P90 (45), not just its own.
        assert!(*shared.y_ticks.last().unwrap() >= 45.0);
        assert!(axes(&all[..1], 1.0, None).y_ticks.last().unwrap() < &45.0);

        let a = fan_on(&all[..1], 1.0, None, &shared, FRAME);
        let b = fan_on(&all[1..], 1.0, None, &shared, FRAME);
        assert_eq!(a.y_ticks, b.y_ticks);
        assert_eq!(a.x_ticks, b.x_ticks);
        // Week 0's median of the small series (2) lies far lower on the
        // chart than the large one's (30): the start of each median path.
        let start_y =
            |d: &str| -> f64 { d[1..].split(['L', ' ']).nth(1).unwrap().parse().unwrap() };
        assert!(start_y(&a.medians[0]) > start_y(&b.medians[0]));
        // The shorter horizon stops halfway across the shared x axis.
        assert_eq!(a.medians[0].matches('L').count(), 26);
        assert_eq!(
            fan(&all, 1.0, None, FRAME),
            fan_on(&all, 1.0, None, &shared, FRAME)
        );
    }

    #[test]
    fn axes_without_data_or_with_nonsense_fall_back_to_zero_to_one() {
        let nan = flat(f64::NAN, 3);
        for series in [&[][..], &[FanSeries { bands: &nan }][..]] {
            let a = axes(series, 1.0, None);
            assert_eq!(a.y_ticks.first(), Some(&0.0));
            assert!(a.y_ticks.iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn tables_list_every_fourth_week_and_the_last() {
        assert_eq!(table_weeks(10), vec![0, 4, 8, 10]);
        assert_eq!(table_weeks(8), vec![0, 4, 8]);
        assert_eq!(table_weeks(52).len(), 14);
        assert_eq!(table_weeks(0), vec![0]);
    }
}
