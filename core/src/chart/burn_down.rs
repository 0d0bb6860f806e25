//! Geometry of the error-budget burn-down: budget remaining over the window
//! and the one after, with the full budget, zero and the window's end marked.

use crate::chart::{line_path, nice_ticks, Frame, LinearScale};

/// Minutes in a day: the x axis is laid out in minutes and labelled in days.
const MINUTES_PER_DAY: f64 = 1440.0;

/// The burn-down chart's frame at its widest.
pub const FRAME: Frame = Frame {
    width: 640.0,
    height: 280.0,
    left: 56.0,
    right: 16.0,
    top: 12.0,
    bottom: 40.0,
};

/// Everything the burn-down component binds, in pixels of its frame.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnDown {
    /// The remaining-budget line.
    pub line: String,
    /// (pixel x, day) of each x tick.
    pub x_ticks: Vec<(f64, f64)>,
    /// (pixel y, budget remaining) of each y tick.
    pub y_ticks: Vec<(f64, f64)>,
    /// Vertical position of the full budget and of zero.
    pub budget_y: f64,
    pub zero_y: f64,
    /// Horizontal position of the end of the first window.
    pub window_end_x: f64,
}

/// Lays out the burn-down. `points` are (minutes since the window start,
/// budget remaining in the display unit); `span` is the x extent in minutes,
/// `window` where the first window ends, `budget` the full budget in the
/// display unit; `frame` the size it is drawn at.
pub fn burn_down(
    points: &[(f64, f64)],
    span: f64,
    window: f64,
    budget: f64,
    frame: Frame,
) -> BurnDown {
    let lowest = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let highest = points.iter().map(|p| p.1).fold(budget, f64::max);
    // The ticks round outwards to whole steps, so the full budget and zero
    // both sit inside the axis.
    let ticks = nice_ticks(lowest, highest, 5);
    let y_domain = (
        ticks.first().copied().unwrap_or(lowest),
        ticks.last().copied().unwrap_or(highest),
    );
    let x = LinearScale::new((0.0, span), frame.x_range());
    let y = LinearScale::new(y_domain, frame.y_range());
    let days = span / MINUTES_PER_DAY;
    let pixels: Vec<_> = points.iter().map(|&(t, v)| (x.map(t), y.map(v))).collect();
    BurnDown {
        line: line_path(&pixels),
        x_ticks: nice_ticks(0.0, days, frame.x_tick_count())
            .into_iter()
            .filter(|&d| d <= days)
            .map(|d| (x.map(d * MINUTES_PER_DAY), d))
            .collect(),
        y_ticks: ticks.iter().map(|&v| (y.map(v), v)).collect(),
        budget_y: y.map(budget),
        zero_y: y.map(0.0),
        window_end_x: x.map(window),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = MINUTES_PER_DAY;

    #[test]
    fn an_untouched_budget_is_a_flat_line_at_the_budget() {
        let g = burn_down(
            &[(0.0, 43.2), (60.0 * DAY, 43.2)],
            60.0 * DAY,
            30.0 * DAY,
            43.2,
            FRAME,
        );
        let (bottom, top) = FRAME.y_range();
        assert_eq!(g.zero_y, bottom);
        assert!(g.budget_y < bottom && g.budget_y >= top);
        assert_eq!(g.line, format!("M56.0 {y:.1}L624.0 {y:.1}", y = g.budget_y));
        assert_eq!(g.window_end_x, (56.0 + 624.0) / 2.0);
    }

    #[test]
    fn an_overspent_budget_extends_the_axis_below_zero() {
        let g = burn_down(
            &[(0.0, 43.2), (DAY, -20.0)],
            30.0 * DAY,
            30.0 * DAY,
            43.2,
            FRAME,
        );
        let lowest = g.y_ticks.first().unwrap().1;
        let highest = g.y_ticks.last().unwrap().1;
        assert!(lowest <= -20.0 && highest >= 43.2);
        assert!(g.zero_y < FRAME.y_range().0, "zero sits above the bottom");
        assert_eq!(g.y_ticks.first().unwrap().0, FRAME.y_range().0);
    }

    #[test]
    fn x_ticks_are_days_within_the_span() {
        let g = burn_down(&[(0.0, 1.0)], 60.0 * DAY, 30.0 * DAY, 1.0, FRAME);
        let days: Vec<f64> = g.x_ticks.iter().map(|t| t.1).collect();
        assert_eq!(days, vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]);
        assert_eq!(g.x_ticks[3].0, g.window_end_x);
    }

    #[test]
    fn a_zero_budget_still_gives_a_finite_chart() {
        let g = burn_down(
            &[(0.0, 0.0), (DAY, 0.0)],
            30.0 * DAY,
            30.0 * DAY,
            0.0,
            FRAME,
        );
        assert!(g.budget_y.is_finite() && g.zero_y.is_finite());
        assert!(!g.line.contains("NaN"));
    }
}
