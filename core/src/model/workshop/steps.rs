//! The workshop's steps, their time boxes and the clock the room sees.
//!
//! Every workshop walks the five steps of [`Step::ALL`]. A room may begin
//! with a sixth, [`Step::Review`]: the last round's goals and where they
//! stand, so it starts from what it promised. The review is optional, so a
//! workshop says which steps it walks ([`Workshop::steps`]) and the room
//! moves along those.

use serde::{Deserialize, Serialize};

use super::{Workshop, MAX_STEP_MINUTES};

/// The workshop's steps. Links carry a step by its position in this list,
/// so a new one is appended, whatever its place in the walk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    Baseline,
    Goals,
    Simulate,
    Guardrails,
    Commit,
    /// Optional, walked first: the last round reviewed.
    Review,
}

impl Step {
    /// The five steps every workshop walks, in order.
    pub const ALL: [Step; 5] = [
        Step::Baseline,
        Step::Goals,
        Step::Simulate,
        Step::Guardrails,
        Step::Commit,
    ];

    /// Position in [`Step::ALL`], which indexes [`Workshop::minutes`];
    /// `None` for the optional review, whose time box is kept apart.
    pub fn slot(self) -> Option<usize> {
        Step::ALL.iter().position(|&s| s == self)
    }

    /// The step's name.
    pub fn title(self) -> &'static str {
        match self {
            Step::Baseline => "Baseline",
            Step::Goals => "Goals",
            Step::Simulate => "Simulate",
            Step::Guardrails => "Guardrails",
            Step::Commit => "Commit",
            Step::Review => "Review",
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
            Step::Review => "What did we promise last time, and where does it stand?",
        }
    }

    /// A time box that suits the step, in minutes.
    pub fn default_minutes(self) -> u32 {
        match self {
            Step::Baseline | Step::Guardrails | Step::Review => 10,
            Step::Goals => 25,
            Step::Simulate | Step::Commit => 15,
        }
    }
}

impl Workshop {
    /// The steps this workshop walks, in order: the review first when the
    /// room begins with one, then [`Step::ALL`].
    pub fn steps(&self) -> Vec<Step> {
        let review = self.review_minutes.map(|_| Step::Review);
        review.into_iter().chain(Step::ALL).collect()
    }

    /// Whether the room begins by reviewing the last round.
    pub fn reviews_first(&self) -> bool {
        self.review_minutes.is_some()
    }

    /// Adds or drops the review step. Dropped while the room is on it, the
    /// room moves to the Baseline.
    pub fn set_review_first(&mut self, on: bool) {
        if on {
            self.review_minutes = self.review_minutes.or(Some(Step::Review.default_minutes()));
        } else {
            self.review_minutes = None;
            if self.step == Step::Review {
                self.step = Step::Baseline;
            }
        }
    }

    /// `step`'s place in the walk and the number of steps: (1, 6) for the
    /// review of a room that begins with one. A step the walk skips counts
    /// as the first.
    pub fn position(&self, step: Step) -> (usize, usize) {
        let steps = self.steps();
        let at = steps.iter().position(|&s| s == step).unwrap_or(0);
        (at + 1, steps.len())
    }

    /// The step after `step` in the walk, if any.
    pub fn next_step(&self, step: Step) -> Option<Step> {
        let steps = self.steps();
        let at = steps.iter().position(|&s| s == step)?;
        steps.get(at + 1).copied()
    }

    /// The step before `step` in the walk, if any.
    pub fn previous_step(&self, step: Step) -> Option<Step> {
        let steps = self.steps();
        let at = steps.iter().position(|&s| s == step)?;
        at.checked_sub(1).map(|i| steps[i])
    }

    /// The walk's first step: the review, or the Baseline.
    pub fn first_step(&self) -> Step {
        self.steps().first().copied().unwrap_or_default()
    }

    /// The time box of `step`, in minutes.
    pub fn minutes_for(&self, step: Step) -> u32 {
        match step.slot() {
            Some(i) => self.minutes[i],
            None => self
                .review_minutes
                .unwrap_or(Step::Review.default_minutes()),
        }
    }

    /// Adds `extra` minutes to `step`'s time box, up to the longest allowed.
    pub fn extend(&mut self, step: Step, extra: u32) {
        let m = match step.slot() {
            Some(i) => &mut self.minutes[i],
            None => match &mut self.review_minutes {
                Some(m) => m,
                None => return,
            },
        };
        *m = (*m + extra).min(MAX_STEP_MINUTES);
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
        let w = Workshop::default();
        assert_eq!(w.steps(), Step::ALL.to_vec());
        assert_eq!(w.previous_step(Step::Baseline), None);
        assert_eq!(w.next_step(Step::Baseline), Some(Step::Goals));
        assert_eq!(w.next_step(Step::Guardrails), Some(Step::Commit));
        assert_eq!(w.next_step(Step::Commit), None);
        assert_eq!(w.previous_step(Step::Commit), Some(Step::Guardrails));
        assert_eq!(w.position(Step::Commit), (5, 5));
        assert_eq!(w.first_step(), Step::Baseline);
    }

    #[test]
    fn the_review_comes_first_only_when_the_room_begins_with_one() {
        let mut w = Workshop::default();
        assert_eq!(w.next_step(Step::Review), None);
        w.set_review_first(true);
        assert_eq!(w.steps()[0], Step::Review);
        assert_eq!(w.position(Step::Review), (1, 6));
        assert_eq!(w.position(Step::Commit), (6, 6));
        assert_eq!(w.previous_step(Step::Baseline), Some(Step::Review));
        assert_eq!(w.first_step(), Step::Review);
        assert_eq!(w.minutes_for(Step::Review), 10);
        w.extend(Step::Review, 5);
        assert_eq!(w.minutes_for(Step::Review), 15);
        // The other boxes are untouched.
        assert_eq!(w.minutes_for(Step::Baseline), 10);
        w.step = Step::Review;
        assert!(w.is_valid());
        w.set_review_first(false);
        assert_eq!(w.step, Step::Baseline);
        assert_eq!(w.steps(), Step::ALL.to_vec());
        // Extending a step the room skips changes nothing.
        w.extend(Step::Review, 5);
        assert_eq!(w.review_minutes, None);
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
