//! Actual measurements drawn on a plan's fan chart: where each lands, on
//! the same scales [`fan::fan_on`] draws the band and medians with, and
//! axes widened so an actual outside the band stays on the chart.

use crate::chart::fan::Axes;
use crate::chart::{nice_ticks, Frame, LinearScale};

/// `axes` widened (never narrowed) to cover `values`, in display units.
/// Values that are not finite are ignored.
pub fn covering(axes: &Axes, values: &[f64]) -> Axes {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let lo = finite
        .clone()
        .fold(axes.y_ticks.first().copied().unwrap_or(0.0), f64::min);
    let hi = finite.fold(axes.y_ticks.last().copied().unwrap_or(1.0), f64::max);
    if axes.y_ticks.first() == Some(&lo) && axes.y_ticks.last() == Some(&hi) {
        return axes.clone();
    }
    Axes {
        weeks: axes.weeks,
        y_ticks: nice_ticks(lo.min(0.0), hi, 5),
    }
}

/// Where each `(week, value)` lands on a fan chart laid out on `axes` in
/// `frame` (values in the chart's display units); `None` for a week past
/// the axes or a value that is not finite.
pub fn marks(axes: &Axes, points: &[(u32, f64)], frame: Frame) -> Vec<Option<(f64, f64)>> {
    let weeks = axes.weeks.max(1);
    let y_domain = (
        axes.y_ticks.first().copied().unwrap_or(0.0),
        axes.y_ticks.last().copied().unwrap_or(1.0),
    );
    let x = LinearScale::new((0.0, weeks as f64), frame.x_range());
    let y = LinearScale::new(y_domain, frame.y_range());
    points
        .iter()
        .map(|&(week, v)| {
            (week as usize <= weeks && v.is_finite()).then(|| (x.map(f64::from(week)), y.map(v)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fan::{axes, fan_on, Band, FanSeries, FRAME};

    #[test]
    fn an_actual_at_the_median_sits_on_the_median_path() {
        let bands: Vec<Band> = (0..=8)
            .map(|w| {
                let v = 10.0 - f64::from(w);
                Band {
                    p10: v - 2.0,
                    p50: v,
                    p85: v + 1.0,
                    p90: v + 2.0,
                    p95: v + 3.0,
                }
            })
            .collect();
        let series = [FanSeries { bands: &bands }];
        let a = axes(&series, 1.0, None);
        let g = fan_on(&series, 1.0, None, &a, FRAME);
        // Week 4's median is 6: the median path's fifth point.
        let path_point = g.medians[0].split(['M', 'L']).nth(5).unwrap().to_string();
        let m = marks(&a, &[(4, 6.0), (9, 1.0), (2, f64::NAN)], FRAME);
        let (x, y) = m[0].unwrap();
        assert_eq!(format!("{x:.1} {y:.1}"), path_point);
        assert_eq!(m[1], None);
        assert_eq!(m[2], None);
    }

    #[test]
    fn axes_widen_to_cover_an_actual_outside_the_band() {
        let a = Axes {
            weeks: 10,
            y_ticks: vec![0.0, 5.0, 10.0],
        };
        assert_eq!(covering(&a, &[3.0, f64::INFINITY]), a);
        let wide = covering(&a, &[23.0]);
        assert!(*wide.y_ticks.last().unwrap() >= 23.0);
        assert_eq!(wide.y_ticks.first(), Some(&0.0));
    }
}
