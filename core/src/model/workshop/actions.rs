//! Actions, not only goals: each committed goal leaves the room with an
//! owner (the goal's own `owner`, Doran's "Assignable", domain.md §6), a
//! first check-in date and its first initiative, taken from the goal chain
//! (an Initiative-level goal under it) or created on the spot.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::date::{format_date, parse_date_strict, serde_opt_date};
use crate::model::goals::{parse_title, Goal, GoalId, Level, MAX_TEXT_CHARS};
use crate::model::Scenario;

use super::{Subject, VoteState, Workshop};

/// What a committed goal's owner does first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub goal: GoalId,
    /// When progress is first read.
    #[serde(with = "serde_opt_date")]
    pub first_check_in: Option<NaiveDate>,
    /// The first piece of work: an Initiative-level goal under it.
    pub initiative: Option<GoalId>,
}

impl Workshop {
    /// The action of committed `goal`, once anything is set.
    pub fn action(&self, goal: GoalId) -> Option<&Action> {
        self.actions.iter().find(|a| a.goal == goal)
    }

    fn action_mut(&mut self, goal: GoalId) -> &mut Action {
        let i = match self.actions.iter().position(|a| a.goal == goal) {
            Some(i) => i,
            None => {
                self.actions.push(Action {
                    goal,
                    first_check_in: None,
                    initiative: None,
                });
                self.actions.len() - 1
            }
        };
        &mut self.actions[i]
    }
}

/// `goal`, if it exists and the room committed to it.
fn committed(s: &Scenario, goal: GoalId) -> Result<&Goal, String> {
    let g = s
        .goals
        .get(goal)
        .ok_or_else(|| "That goal no longer exists.".to_string())?;
    if s.workshop.committed.contains(&goal) {
        Ok(g)
    } else {
        Err(format!("“{}” is not among the committed goals.", g.title))
    }
}

/// Names who carries committed `goal`; blank text clears it.
pub fn set_owner(s: &mut Scenario, goal: GoalId, owner: &str) -> Result<(), String> {
    committed(s, goal)?;
    let owner = owner.trim();
    if owner.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("Keep it to {MAX_TEXT_CHARS} characters or fewer."));
    }
    if let Some(g) = s.goals.get_mut(goal) {
        g.owner = owner.to_string();
    }
    Ok(())
}

/// Sets committed `goal`'s first check-in from a date typed as
/// "YYYY-MM-DD" (blank clears it): today or later, and no later than the
/// goal's deadline.
pub fn set_first_check_in(
    s: &mut Scenario,
    goal: GoalId,
    text: &str,
    today: NaiveDate,
) -> Result<(), String> {
    let deadline = committed(s, goal)?.deadline;
    let date = if text.trim().is_empty() {
        None
    } else {
        let d = parse_date_strict(text)
            .ok_or("Enter the date as YYYY-MM-DD, such as 2027-01-15.".to_string())?;
        if d < today {
            return Err(format!(
                "The first check-in cannot be in the past: pick {} or later.",
                format_date(today)
            ));
        }
        if let Some(end) = deadline.filter(|&end| d > end) {
            return Err(format!(
                "That is after the goal's deadline ({}): pick an earlier date.",
                format_date(end)
            ));
        }
        Some(d)
    };
    s.workshop.action_mut(goal).first_check_in = date;
    Ok(())
}

/// The initiatives `goal` may start with: Initiative-level goals below it
/// in the chain, in the chain's order, or by dots once the vote on
/// initiatives is revealed (ties keep the chain's order).
pub fn initiative_options(s: &Scenario, goal: GoalId) -> Vec<GoalId> {
    let under: Vec<GoalId> = s
        .goals
        .0
        .iter()
        .filter(|g| g.level == Level::Initiative && s.goals.is_under(g.id, goal))
        .map(|g| g.id)
        .collect();
    if s.workshop.state(Subject::Initiatives) != VoteState::Revealed {
        return under;
    }
    s.workshop
        .ranking(Subject::Initiatives, &under)
        .map_or(under, |r| r.into_iter().map(|r| r.goal).collect())
}

/// Picks committed `goal`'s first initiative among
/// [`initiative_options`]; `None` clears it.
pub fn choose_initiative(
    s: &mut Scenario,
    goal: GoalId,
    initiative: Option<GoalId>,
) -> Result<(), String> {
    let title = committed(s, goal)?.title.clone();
    if let Some(i) = initiative {
        if !initiative_options(s, goal).contains(&i) {
            return Err(format!(
                "Pick one of the initiatives under “{title}”, or add one."
            ));
        }
    }
    s.workshop.action_mut(goal).initiative = initiative;
    Ok(())
}

/// Adds an initiative titled `title` under committed `goal`, owned by the
/// goal's owner, and makes it the goal's first initiative.
pub fn add_initiative(
    s: &mut Scenario,
    goal: GoalId,
    title: &str,
    today: NaiveDate,
) -> Result<GoalId, String> {
    let owner = committed(s, goal)?.owner.clone();
    let title = parse_title(title)?;
    let id = s.goals.add(Goal {
        parent: Some(goal),
        owner,
        ..Goal::new(Level::Initiative, &title, today)
    })?;
    s.workshop.action_mut(goal).initiative = Some(id);
    Ok(id)
}

/// One committed goal with what the room decided for it, as the Commit
/// step and the record show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    pub goal: GoalId,
    /// "Operational: Deploy daily".
    pub label: String,
    /// Its proposer, or "Facilitator".
    pub proposer: String,
    /// Blank until named.
    pub owner: String,
    pub first_check_in: Option<NaiveDate>,
    /// The first initiative's title.
    pub initiative: Option<String>,
    /// What is still to decide: "an owner", "a first check-in date",
    /// "a first initiative".
    pub missing: Vec<&'static str>,
}

impl ActionRow {
    /// "Ready." or "Still needs an owner and a first check-in date."
    pub fn status(&self) -> String {
        let missing: Vec<String> = self.missing.iter().map(|m| m.to_string()).collect();
        if missing.is_empty() {
            "Ready.".to_string()
        } else {
            format!("Still needs {}.", super::reveal::and_list(&missing))
        }
    }
}

/// The committed goals that still exist, in the order committed, with
/// their actions.
pub fn action_rows(s: &Scenario) -> Vec<ActionRow> {
    let w = &s.workshop;
    w.committed
        .iter()
        .filter_map(|&id| {
            let g = s.goals.get(id)?;
            let action = w.action(id);
            let first_check_in = action.and_then(|a| a.first_check_in);
            let initiative = action
                .and_then(|a| a.initiative)
                .and_then(|i| s.goals.get(i))
                .map(|i| i.title.clone());
            let mut missing = Vec::new();
            if g.owner.trim().is_empty() {
                missing.push("an owner");
            }
            if first_check_in.is_none() {
                missing.push("a first check-in date");
            }
            if initiative.is_none() {
                missing.push("a first initiative");
            }
            Some(ActionRow {
                goal: id,
                label: g.label(),
                proposer: w.credit(id).to_string(),
                owner: g.owner.trim().to_string(),
                first_check_in,
                initiative,
                missing,
            })
        })
        .collect()
}
