//! The workshop's steps, their time boxes and the clock the room sees.

use serde::{Deserialize, Serialize};

/// The workshop's steps, in the order the room walks them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    Baseline,
    Goals,
    Simulate,
    Guardrails,
    Commit,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Baseline,
        Step::Goals,
        Step::Simulate,
        Step::Guardrails,
        Step::Commit,
    ];

    /// Position in [`Step::ALL`].
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    /// The step before this one, if any.
    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }

    /// The step's name.
    pub fn title(self) -> &'static str {
        match self {
            Step::Baseline => "Baseline",
            Step::Goals => "Goals",
            Step::Simulate => "Simulate",
            Step::Guardrails => "Guardrails",
            Step::Commit => "Commit",
        }
    }

    /// The question the step answers for the room.
    pub fn question(self) -> &'static str {
        match self {
            Step::Baseline => "Where are we?",
            Step::Goals => "Where do we want to be, and why?",
            Step::Simulate => "What will it take?",
            Step::Guardrails => "What must not break on the way?",
            Step::Commit => "Which goals do we sign up for?",
        }
    }

    /// A time box that suits the step, in minutes.
    pub fn default_minutes(self) -> u32 {
        match self {
            Step::Baseline => 10,
            Step::Goals => 25,
            Step::Simulate => 15,
            Step::Guardrails => 10,
            Step::Commit => 15,
        }
    }
}

/// A step's clock: "12:05 left" while inside the time box, "1:30 over"
/// past it. Whole seconds; negative or non-finite input reads as zero.
pub fn format_clock(box_seconds: f64, elapsed_seconds: f64) -> String {
    let clean = |s: f64| if s.is_finite() { s.max(0.0) } else { 0.0 };
    let left = clean(box_seconds) - clean(elapsed_seconds);
    let mmss = |s: f64| {
        let s = s as u64;
        format!("{}:{:02}", s / 60, s % 60)
    };
    if left >= 0.0 {
        format!("{} left", mmss(left.ceil()))
    } else {
        format!("{} over", mmss((-left).floor()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_walk_in_order_and_stop_at_the_ends() {
        assert_eq!(Step::Baseline.previous(), None);
        assert_eq!(Step::Baseline.next(), Some(Step::Goals));
        assert_eq!(Step::Guardrails.next(), Some(Step::Commit));
        assert_eq!(Step::Commit.next(), None);
        assert_eq!(Step::Commit.previous(), Some(Step::Guardrails));
    }

    #[test]
    fn the_clock_counts_down_then_over() {
        assert_eq!(format_clock(600.0, 0.0), "10:00 left");
        assert_eq!(format_clock(600.0, 0.4), "10:00 left");
        assert_eq!(format_clock(600.0, 1.0), "9:59 left");
        assert_eq!(format_clock(600.0, 600.0), "0:00 left");
        assert_eq!(format_clock(600.0, 690.5), "1:30 over");
        assert_eq!(format_clock(f64::NAN, -3.0), "0:00 left");
    }
}
