//! The rules the facilitator sets for voting: dots per person, at most so
//! many on one goal, whether the facilitator votes, whether proposers may
//! vote for their own goals. Peers' tools ask for exactly these (per-person
//! and per-item caps, a facilitator who does not vote). They hold for dots
//! placed on the facilitator's screen and for ballots sent from devices
//! alike; a rule tightened after dots were placed takes back the dots that
//! break it, and says whose.

use serde::{Deserialize, Serialize};

use crate::model::goals::GoalId;
use crate::model::validate::NumberRule;

use super::{same_person, Subject, VoteState, Workshop, MAX_DOTS};

/// The range of the dots-per-person and dots-on-one-goal fields: 1 to
/// [`MAX_DOTS`]. Dots come whole, which [`parse_dots`] checks.
pub fn dots_rule() -> NumberRule {
    NumberRule {
        min: 1.0,
        min_inclusive: true,
        max: f64::from(MAX_DOTS),
        unit: "dots",
    }
}

/// A number of dots typed into a rules field: whole and within
/// [`dots_rule`], or refused with the reason.
pub fn parse_dots(value: f64) -> Result<u32, String> {
    if value.fract() != 0.0 {
        return Err("Dots come whole: enter a whole number, such as 3.".to_string());
    }
    if !(1.0..=f64::from(MAX_DOTS)).contains(&value) {
        return Err(format!("Enter a number of dots from 1 to {MAX_DOTS}."));
    }
    Ok(value as u32)
}

/// The voting rules besides the dots per person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// Most dots one voter may put on one goal; `None`: as many as they
    /// hold.
    pub per_goal: Option<u32>,
    /// Whether the facilitator votes too.
    pub facilitator_votes: bool,
    /// Whether a goal's proposer may put dots on it.
    pub own_goals: bool,
}

impl Default for Rules {
    /// As workshops ran before rules could be set: dots stack freely and
    /// everybody votes for anything.
    fn default() -> Self {
        Rules {
            per_goal: None,
            facilitator_votes: true,
            own_goals: true,
        }
    }
}

impl Rules {
    /// Whether every value is one the UI would accept.
    pub fn is_valid(&self) -> bool {
        self.per_goal.is_none_or(|n| (1..=MAX_DOTS).contains(&n))
    }
}

impl Workshop {
    /// The rules besides the dots per person.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Dots each voter may place in each vote.
    pub fn dots_each(&self) -> u32 {
        self.dots_each
    }

    /// The rules in words, for the room's screen and participants' devices:
    /// "3 dots per person", "At most 2 dots on one goal", …
    pub fn rules_in_words(&self) -> Vec<String> {
        let mut out = vec![format!("{} per person", dots(self.dots_each))];
        if let Some(n) = self.rules.per_goal.filter(|&n| n < self.dots_each) {
            out.push(format!("At most {} on one goal", dots(n)));
        }
        if !self.rules.facilitator_votes {
            out.push("The facilitator does not vote".to_string());
        }
        if !self.rules.own_goals {
            out.push("Nobody votes for a goal they proposed".to_string());
        }
        out
    }

    /// Sets the dots each voter may place (1 to [`MAX_DOTS`]). Returns
    /// whose dots were taken back to fit, in words.
    pub fn set_dots_each(&mut self, each: u32) -> Result<Vec<String>, String> {
        let each = each.clamp(1, MAX_DOTS);
        self.change_rules(&format!("{} per person", dots(each)), |w| {
            w.dots_each = each
        })
    }

    /// Sets the most dots one voter may put on one goal (`None`: no limit
    /// below their dots).
    pub fn set_per_goal(&mut self, limit: Option<u32>) -> Result<Vec<String>, String> {
        let limit = limit.map(|n| n.clamp(1, MAX_DOTS));
        let why = match limit {
            Some(n) => format!("at most {} on one goal", dots(n)),
            None => "no limit on one goal".to_string(),
        };
        self.change_rules(&why, |w| w.rules.per_goal = limit)
    }

    /// Sets whether the facilitator votes; when not, their ballot is taken
    /// off the voters list.
    pub fn set_facilitator_votes(&mut self, votes: bool) -> Result<Vec<String>, String> {
        let why = if votes {
            "the facilitator votes"
        } else {
            "the facilitator does not vote"
        };
        self.change_rules(why, |w| w.rules.facilitator_votes = votes)
    }

    /// Sets whether proposers may put dots on their own goals.
    pub fn set_own_goals(&mut self, allowed: bool) -> Result<Vec<String>, String> {
        let why = if allowed {
            "proposers may vote for their own goals"
        } else {
            "nobody votes for a goal they proposed"
        };
        self.change_rules(why, |w| w.rules.own_goals = allowed)
    }

    /// Applies a rule change and takes back the dots it breaks, unless
    /// that would change a revealed vote: the ranking the room saw stays
    /// as it was until the facilitator re-opens the vote.
    fn change_rules(
        &mut self,
        why: &str,
        change: impl FnOnce(&mut Workshop),
    ) -> Result<Vec<String>, String> {
        let mut next = self.clone();
        change(&mut next);
        let notes = next.enforce(why);
        for subject in Subject::ALL {
            let changed = self.ballots.iter().any(|b| {
                let after = next
                    .ballot(&b.voter)
                    .map_or(&[][..], |n| n.dots_for(subject));
                b.dots_for(subject) != after
            });
            if changed && self.state(subject) == VoteState::Revealed {
                return Err(format!(
                    "That rule would take back dots counted in the revealed vote on {}: re-open it first.",
                    subject.name()
                ));
            }
        }
        *self = next;
        Ok(notes)
    }

    /// Takes back every dot the rules forbid, the latest placed first, and
    /// takes the facilitator off the list when they do not vote. One
    /// sentence per voter affected.
    fn enforce(&mut self, why: &str) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(name) = self
            .facilitator_name()
            .filter(|_| !self.rules.facilitator_votes)
        {
            if let Some(b) = self.ballot(&name) {
                notes.push(format!("{} is off the voters list: {why}.", b.voter));
                self.ballots.retain(|b| !same_person(&b.voter, &name));
            }
        }
        let limit = self.per_goal_limit();
        let each = self.dots_each as usize;
        let owned: Vec<(usize, Vec<GoalId>)> = (0..self.ballots.len())
            .map(|i| {
                let voter = &self.ballots[i].voter;
                let all = self.ballots[i]
                    .dots
                    .iter()
                    .chain(&self.ballots[i].initiatives);
                (i, all.copied().filter(|&g| self.owns(voter, g)).collect())
            })
            .collect();
        for (i, own) in owned {
            let ballot = &mut self.ballots[i];
            let mut taken = 0;
            for subject in Subject::ALL {
                let list = ballot.dots_for_mut(subject);
                let before = list.len();
                list.retain(|g| !own.contains(g));
                // Keep each goal's earliest dots up to the limit.
                let mut kept: Vec<GoalId> = Vec::with_capacity(list.len());
                for &g in list.iter() {
                    if kept.iter().filter(|&&k| k == g).count() < limit as usize {
                        kept.push(g);
                    }
                }
                kept.truncate(each);
                taken += before - kept.len();
                *list = kept;
            }
            if taken > 0 {
                notes.push(format!(
                    "{}: {} taken back ({why}).",
                    ballot.voter,
                    dots(taken as u32)
                ));
            }
        }
        notes
    }

    /// The most dots one voter may put on one goal, in effect.
    pub(crate) fn per_goal_limit(&self) -> u32 {
        self.rules
            .per_goal
            .map_or(self.dots_each, |n| n.min(self.dots_each))
    }

    fn facilitator_name(&self) -> Option<String> {
        self.identity
            .as_ref()
            .map(|i| i.facilitator.clone())
            .filter(|f| !f.is_empty())
    }

    /// Whether `name` is the facilitator.
    pub(crate) fn is_facilitator(&self, name: &str) -> bool {
        self.facilitator_name()
            .is_some_and(|f| same_person(&f, name))
    }

    /// Why `voter` may not vote at all, if the rules say so.
    pub(crate) fn refuse_voter(&self, voter: &str) -> Option<String> {
        (!self.rules.facilitator_votes && self.is_facilitator(voter)).then(|| {
            format!(
                "{} facilitates, and in this workshop the facilitator does not vote.",
                voter.trim()
            )
        })
    }

    /// Whether the rules forbid `voter` dots on `goal` because they
    /// proposed it. Goals that came from no participant's link are the
    /// facilitator's, as [`Workshop::credit`] says.
    pub(crate) fn owns(&self, voter: &str, goal: GoalId) -> bool {
        if self.rules.own_goals {
            return false;
        }
        match self.proposer(goal) {
            Some(by) => same_person(by, voter),
            None => self.is_facilitator(voter),
        }
    }
}

/// "1 dot", "3 dots".
pub(crate) fn dots(n: u32) -> String {
    format!("{n} {}", if n == 1 { "dot" } else { "dots" })
}
