//! Review the last round first: the goals a previous workshop committed
//! to, each with a verdict in words, so the room starts from what it
//! promised.
//!
//! The inputs are plain: the goals with their check-ins (from a previous
//! scenario, see [`last_round`], or from a saved history), the baseline
//! their pace is measured from, and each goal's simulated chance when it
//! is known. The verdicts follow the goals' own rules (domain.md §6):
//! met once a check-in reaches the target; missed once the deadline has
//! passed unmet; otherwise the latest check-in's pace against the straight
//! line from baseline to target, on track from 0.95 of it, lagging from
//! 0.75, at risk below (UpRaise, [`smart::classify_pace`]). With no
//! check-in yet, a simulated chance at or above even odds
//! ([`smart::ACHIEVABLE_CHANCE`], the bar the Achievable check uses) reads
//! as on track, below it as at risk.

use chrono::NaiveDate;

use crate::model::date::format_date;
use crate::model::goals::smart::{self, PaceStatus, ACHIEVABLE_CHANCE, LAGGING, ON_TRACK};
use crate::model::goals::{CheckIn, Goal, GoalId};
use crate::model::units::format_number;
use crate::model::{Baseline, Scenario};

/// A past goal's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Met,
    OnTrack,
    Lagging,
    AtRisk,
    Missed,
    /// Nothing to judge it by: no target, or neither a check-in nor a
    /// simulation.
    NotJudged,
}

impl Verdict {
    /// The verdict in words.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Met => "Met",
            Verdict::OnTrack => "On track",
            Verdict::Lagging => "Lagging",
            Verdict::AtRisk => "At risk",
            Verdict::Missed => "Missed",
            Verdict::NotJudged => "Not judged",
        }
    }

    /// A key for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::OnTrack => "on-track",
            Verdict::Lagging => "lagging",
            Verdict::AtRisk => "at-risk",
            Verdict::Missed => "missed",
            Verdict::NotJudged => "not-judged",
        }
    }
}

/// One past goal, reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub goal: GoalId,
    /// "Operational: Deploy daily".
    pub label: String,
    pub verdict: Verdict,
    /// The verdict and what it rests on, in a sentence or two.
    pub reason: String,
    /// The latest check-in on or before the review.
    pub latest: Option<CheckIn>,
    /// The simulated chance of reaching the target, 0 to 1, when known.
    pub chance: Option<f64>,
}

/// The goals `previous` committed to, in the order committed, with their
/// check-ins.
pub fn last_round(previous: &Scenario) -> Vec<Goal> {
    let committed = &previous.workshop.committed;
    committed
        .iter()
        .filter_map(|&id| previous.goals.get(id).cloned())
        .collect()
}

/// Each goal of a round reviewed on `today`; `chances` holds the
/// simulated chance of the goals that have one.
pub fn review_round(
    goals: &[Goal],
    baseline: &Baseline,
    chances: &[(GoalId, f64)],
    today: NaiveDate,
) -> Vec<Review> {
    goals
        .iter()
        .map(|g| {
            let chance = chances.iter().find(|(id, _)| *id == g.id).map(|&(_, p)| p);
            review(g, baseline, chance, today)
        })
        .collect()
}

/// `goal` reviewed on `today`.
pub fn review(goal: &Goal, baseline: &Baseline, chance: Option<f64>, today: NaiveDate) -> Review {
    let chance = chance.filter(|p| p.is_finite()).map(|p| p.clamp(0.0, 1.0));
    let latest = goal
        .check_ins
        .iter()
        .rev()
        .find(|c| c.date <= today)
        .copied();
    let (verdict, reason) = judge(goal, baseline, latest, chance, today);
    Review {
        goal: goal.id,
        label: goal.label(),
        verdict,
        reason,
        latest,
        chance,
    }
}

fn percent(share: f64) -> String {
    format!("{}%", format_number(share * 100.0, 0))
}

fn judge(
    goal: &Goal,
    baseline: &Baseline,
    latest: Option<CheckIn>,
    chance: Option<f64>,
    today: NaiveDate,
) -> (Verdict, String) {
    let Some(t) = &goal.target else {
        return (
            Verdict::NotJudged,
            "Not judged: it has no metric target to measure it by.".to_string(),
        );
    };
    let m = &t.measure;
    let units = baseline.units();
    let target = m.describe(t.target, units);
    let reached = |actual: f64| {
        if m.higher_is_better() {
            actual >= t.target - 1e-9
        } else {
            actual <= t.target + 1e-9
        }
    };
    let read = |c: &CheckIn| format!("{} on {}", m.describe(c.actual, units), format_date(c.date));
    if let Some(c) = latest.filter(|c| reached(c.actual)) {
        return (
            Verdict::Met,
            format!("Met: {} reaches the target of {target}.", read(&c)),
        );
    }
    if let Some(deadline) = goal.deadline.filter(|&d| today > d) {
        let last = latest.map_or("no check-in".to_string(), |c| {
            format!("the last check-in read {}", read(&c))
        });
        return (
            Verdict::Missed,
            format!(
                "Missed: the deadline, {}, has passed, and {last}, against a target of {target}.",
                format_date(deadline)
            ),
        );
    }
    let odds = chance.map(|p| {
        format!(
            "{} of simulated futures reach it by the deadline",
            percent(p)
        )
    });
    let pace = smart::pace(goal, baseline);
    if let Some(r) = latest.and_then(|c| pace.iter().rfind(|r| r.date == c.date)) {
        let verdict = match r.status {
            PaceStatus::OnTrack => Verdict::OnTrack,
            PaceStatus::Lagging => Verdict::Lagging,
            PaceStatus::AtRisk => Verdict::AtRisk,
        };
        let mut reason = format!(
            "{}: {} is {} of the progress due by then on a straight line to the target of {target} (on track from {}, lagging from {}).",
            verdict.name(),
            read(&CheckIn::typed(r.date, r.actual)),
            percent(r.ratio.max(0.0)),
            percent(ON_TRACK),
            percent(LAGGING)
        );
        if let Some(odds) = odds {
            reason.push_str(&format!(" {odds}."));
        }
        return (verdict, reason);
    }
    if let (Some(p), Some(odds)) = (chance, odds) {
        let (verdict, bar) = if p >= ACHIEVABLE_CHANCE {
            (Verdict::OnTrack, "even odds or better")
        } else {
            (Verdict::AtRisk, "below even odds")
        };
        let basis = if latest.is_some() {
            "its check-ins give no pace to judge"
        } else {
            "no check-in yet"
        };
        return (
            verdict,
            format!("{}: {basis}; {odds}, {bar}.", verdict.name()),
        );
    }
    let reason = if latest.is_some() {
        "Not judged: its pace needs a start date, a deadline and a baseline value to measure from."
    } else {
        "Not judged: no check-in yet, and no simulation of it."
    };
    (Verdict::NotJudged, reason.to_string())
}
