//! The goals a row of the Teams table shows and the chance of meeting
//! each: the committed set or every goal with a metric target (see
//! [`super::rows`] for the rule), each with its simulated chance, a note
//! that it is still running, or why the simulation cannot count it.

use chrono::NaiveDate;

use super::rows::Context;
use super::Team;
use crate::model::date::format_date;
use crate::model::goals::{Goal, GoalId, Measure};
use crate::model::plan::sim_index;
use crate::model::units::format_percent;

/// Which goals a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalSet {
    /// The goals committed in the workshop.
    Committed,
    /// No goal committed: every goal with a metric target.
    WithTargets,
}

impl GoalSet {
    /// Which goals these are, in words.
    pub fn words(self) -> &'static str {
        match self {
            GoalSet::Committed => "Goals committed in the workshop",
            GoalSet::WithTargets => "No goals committed: every goal with a metric target",
        }
    }
}

/// The chance of meeting one goal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Chance {
    /// The team's simulation has not finished.
    Running,
    /// The share of trials meeting the target with its guard held, 0–1.
    Known(f64),
    /// The simulation cannot count this goal, and why.
    NotSimulated(&'static str),
}

impl Chance {
    /// "62%", "Simulating…", or "Not simulated: it has no deadline".
    pub fn words(self) -> String {
        match self {
            Chance::Running => "Simulating…".to_string(),
            Chance::Known(p) => format_percent(p, 0),
            Chance::NotSimulated(why) => format!("Not simulated: {why}"),
        }
    }
}

/// Why the simulation cannot count `goal`, or `None` when it can: the
/// rules `flywheel_sim::goals::targets` applies, plus a deadline past the
/// simulated horizon, which would otherwise read as a 0% chance.
pub fn not_simulated(goal: &Goal, horizon_weeks: u32, today: NaiveDate) -> Option<&'static str> {
    let Some(target) = &goal.target else {
        return Some("it has no metric target");
    };
    let Measure::Baseline(metric) = target.measure else {
        return Some("its measure is not one the simulation models");
    };
    if sim_index(metric).is_none() {
        return Some("the simulation does not model this metric");
    }
    let Some(deadline) = goal.deadline else {
        return Some("it has no deadline");
    };
    let days = (deadline - today).num_days();
    if days <= 0 {
        return Some("its deadline has passed");
    }
    // Deadlines are judged at the end of the week they fall in.
    if (days + 6) / 7 > i64::from(horizon_weeks) {
        return Some("its deadline is beyond the simulated weeks");
    }
    None
}

/// One goal of one team.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalCell {
    pub id: GoalId,
    /// "Operational: Ship within three days".
    pub label: String,
    /// "Lead time for changes to 72 hours by 1 Jun 2027", when it has a target.
    pub target: Option<String>,
    pub chance: Chance,
}

/// The goals a row shows, and which set they are.
fn shown_goals(team: &Team) -> (GoalSet, Vec<&Goal>) {
    let s = &team.scenario;
    let committed: Vec<&Goal> = s
        .workshop
        .committed
        .iter()
        .filter_map(|&id| s.goals.get(id))
        .collect();
    if committed.is_empty() {
        let with_targets = s.goals.0.iter().filter(|g| g.target.is_some()).collect();
        (GoalSet::WithTargets, with_targets)
    } else {
        (GoalSet::Committed, committed)
    }
}

/// The row's goal cells for `team`, with chances from `ctx`'s finished runs.
pub fn goal_cells(team: &Team, ctx: &Context<'_>) -> (GoalSet, Vec<GoalCell>) {
    let s = &team.scenario;
    let run = ctx.runs.iter().find(|(id, _)| *id == team.id);
    let (goal_set, shown) = shown_goals(team);
    let goals = shown
        .into_iter()
        .map(|g| {
            let chance = match (not_simulated(g, s.simulation.horizon_weeks, ctx.today), run) {
                (Some(why), _) => Chance::NotSimulated(why),
                (None, None) => Chance::Running,
                (None, Some((_, chances))) => chances.iter().find(|(id, _)| *id == g.id).map_or(
                    Chance::NotSimulated("the simulation gave no figure"),
                    |&(_, p)| Chance::Known(p),
                ),
            };
            GoalCell {
                id: g.id,
                label: g.label(),
                target: g.target.as_ref().map(|t| {
                    let by = g.deadline.map(|d| format!(" by {}", format_date(d)));
                    format!(
                        "{} to {}{}",
                        t.measure.name(),
                        t.measure.describe(t.target, s.baseline.units()),
                        by.unwrap_or_default()
                    )
                }),
                chance,
            }
        })
        .collect();
    (goal_set, goals)
}
