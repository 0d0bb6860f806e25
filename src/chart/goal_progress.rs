//! Geometry of a goal's progress chart: the required (linear) path from the
//! baseline at the start to the target at the deadline, and the check-ins
//! plotted against it. Time runs left to right; the value axis is in the
//! measure's display unit.

use chrono::NaiveDate;

/// Chart size in SVG user units.
pub const WIDTH: f64 = 480.0;
pub const HEIGHT: f64 = 220.0;
/// Room for axis labels.
pub const LEFT: f64 = 64.0;
pub const RIGHT: f64 = 16.0;
pub const TOP: f64 = 16.0;
pub const BOTTOM: f64 = 36.0;

/// A linear map from a domain to a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    /// Maps `v`; a zero-width domain maps to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }
}

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

fn fmt(v: f64) -> String {
    let s = format!("{v:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Lays out the chart. `baseline`, `target` and the check-in values are in
/// display units. `None` when the dates do not make a span.
pub fn layout(
    baseline: f64,
    target: f64,
    start: NaiveDate,
    deadline: NaiveDate,
    check_ins: &[(NaiveDate, f64)],
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
    let x = Scale {
        d0: first,
        d1: last,
        r0: LEFT,
        r1: WIDTH - RIGHT,
    };
    let values = check_ins.iter().map(|c| c.1).filter(|v| v.is_finite());
    let lo = values.clone().fold(baseline.min(target), f64::min).min(0.0);
    let hi = values.fold(baseline.max(target), f64::max);
    let hi = if hi <= lo { lo + 1.0 } else { hi * 1.05 };
    let y = Scale {
        d0: lo,
        d1: hi,
        r0: HEIGHT - BOTTOM,
        r1: TOP,
    };
    let required = format!(
        "M{} {} L{} {}",
        fmt(x.map(0.0)),
        fmt(y.map(baseline)),
        fmt(x.map(days(deadline))),
        fmt(y.map(target))
    );
    let points: Vec<(f64, f64)> = check_ins
        .iter()
        .filter(|c| c.1.is_finite())
        .map(|c| (x.map(days(c.0)), y.map(c.1)))
        .collect();
    let actual = if points.is_empty() {
        String::new()
    } else {
        let mut d = format!("M{} {}", fmt(x.map(0.0)), fmt(y.map(baseline)));
        for (px, py) in &points {
            d.push_str(&format!(" L{} {}", fmt(*px), fmt(*py)));
        }
        d
    };
    let y_ticks = (0..=4)
        .map(|i| {
            let v = lo + (hi - lo) * f64::from(i) / 4.0;
            (y.map(v), v)
        })
        .collect();
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
    fn scales_map_linearly_and_survive_a_zero_span() {
        let s = Scale {
            d0: 0.0,
            d1: 10.0,
            r0: 100.0,
            r1: 0.0,
        };
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(2.5), 75.0);
        let flat = Scale {
            d0: 3.0,
            d1: 3.0,
            r0: 0.0,
            r1: 10.0,
        };
        assert_eq!(flat.map(3.0), 5.0);
    }

    #[test]
    fn the_required_path_runs_from_baseline_to_target() {
        // 0 → 100 over 100 days; y domain 0 … 105.
        let g = layout(0.0, 100.0, date(1, 1), date(4, 11), &[]).unwrap();
        // x: 64 → 464; y: 184 (0) → 16 + (105-100)/105·168 = 24.
        assert_eq!(g.required, "M64 184 L464 24");
        assert!(g.actual.is_empty());
        assert_eq!(g.y_ticks.len(), 5);
        assert_eq!(g.y_ticks[0], (184.0, 0.0));
        assert_eq!(g.x_ticks[1].1, date(4, 11));
    }

    #[test]
    fn check_ins_are_plotted_from_the_baseline() {
        let g = layout(0.0, 100.0, date(1, 1), date(4, 11), &[(date(2, 20), 50.0)]).unwrap();
        assert_eq!(g.points, vec![(264.0, 104.0)]);
        assert_eq!(g.actual, "M64 184 L264 104");
    }

    #[test]
    fn no_span_no_chart() {
        assert!(layout(1.0, 2.0, date(3, 1), date(3, 1), &[]).is_none());
        assert!(layout(f64::NAN, 2.0, date(3, 1), date(4, 1), &[]).is_none());
    }
}
