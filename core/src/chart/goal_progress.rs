//! Geometry of a goal's progress chart: the required (linear) path from the
//! baseline at the start to the target at the deadline, and the check-ins
//! plotted against it. Time runs left to right; the value axis is in the
//! measure's display unit.

use chrono::NaiveDate;

use crate::chart::{line_path, nice_ticks, Frame, LinearScale};

/// The chart's frame in SVG user units, with room for axis labels.
pub const FRAME: Frame = Frame {
    width: 480.0,
    height: 220.0,
    left: 64.0,
    right: 16.0,
    top: 16.0,
    bottom: 36.0,
};

/// Everything the component draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    /// `d` of the required path.
    pub required: String,
    /// `d` of the line through the check-ins (empty with none).
    pub actual: String,
    /// Check-in dots.
    pub points: Vec<(f64, f64)>,
    /// Value-axis ticks: (y, value in display units).
    pub y_ticks: Vec<(f64, f64)>,
    /// Time-axis labels: (x, date) for the start and the deadline.
    pub x_ticks: Vec<(f64, NaiveDate)>,
}

/// Lays out the chart. `baseline`, `target` and the check-in values are in
/// display units. `None` when the dates do not make a span.
pub fn layout(
    baseline: f64,
    target: f64,
    start: NaiveDate,
    deadline: NaiveDate,
    check_ins: &[(NaiveDate, f64)],
    frame: Frame,
) -> Option<Geometry> {
    if deadline <= start || !baseline.is_finite() || !target.is_finite() {
        return None;
    }
    let days = |d: NaiveDate| (d - start).num_days() as f64;
    let last = check_ins
        .iter()
        .map(|c| days(c.0))
        .fold(days(deadline), f64::max);
    let first = check_ins.iter().map(|c| days(c.0)).fold(0.0, f64::min);
    let x = LinearScale::new((first, last), frame.x_range());
    let values = check_ins.iter().map(|c| c.1).filter(|v| v.is_finite());
    let lo = values.clone().fold(baseline.min(target), f64::min).min(0.0);
    let hi = values.fold(baseline.max(target), f64::max);
    let ticks = nice_ticks(lo, hi, 4);
    let y_domain = match (ticks.first(), ticks.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (lo, hi),
    };
    let y = LinearScale::new(y_domain, frame.y_range());
    let origin = (x.map(0.0), y.map(baseline));
    let required = line_path(&[origin, (x.map(days(deadline)), y.map(target))]);
    let points: Vec<(f64, f64)> = check_ins
        .iter()
        .filter(|c| c.1.is_finite())
        .map(|c| (x.map(days(c.0)), y.map(c.1)))
        .collect();
    let actual = if points.is_empty() {
        String::new()
    } else {
        line_path(&[&[origin][..], &points].concat())
    };
    let y_ticks = ticks.iter().map(|&v| (y.map(v), v)).collect();
    let x_ticks = vec![(x.map(0.0), start), (x.map(days(deadline)), deadline)];
    Some(Geometry {
        required,
        actual,
        points,
        y_ticks,
        x_ticks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_required_path_runs_from_baseline_to_target() {
        // 0 → 100 over 100 days; nice y ticks 0, 25, …, 100.
        let g = layout(0.0, 100.0, date(1, 1), date(4, 11), &[], FRAME).unwrap();
        // x: 64 → 464; y: 184 (0) → 16 (100).
        assert_eq!(g.required, "M64.0 184.0L464.0 16.0");
        assert!(g.actual.is_empty());
        assert_eq!(g.y_ticks.len(), 5);
        assert_eq!(g.y_ticks[0], (184.0, 0.0));
        assert_eq!(g.y_ticks[4], (16.0, 100.0));
        assert_eq!(g.x_ticks[1].1, date(4, 11));
    }

    #[test]
    fn check_ins_are_plotted_from_the_baseline() {
        let g = layout(
            0.0,
            100.0,
            date(1, 1),
            date(4, 11),
            &[(date(2, 20), 50.0)],
            FRAME,
        )
        .unwrap();
        assert_eq!(g.points, vec![(264.0, 100.0)]);
        assert_eq!(g.actual, "M64.0 184.0L264.0 100.0");
    }

    #[test]
    fn no_span_no_chart() {
        assert!(layout(1.0, 2.0, date(3, 1), date(3, 1), &[], FRAME).is_none());
        assert!(layout(f64::NAN, 2.0, date(3, 1), date(4, 1), &[], FRAME).is_none());
    }
}
