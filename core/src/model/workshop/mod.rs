//! A goal-setting workshop (domain.md §6: goals set together, with a
//! facilitator who makes sure everybody is heard and nobody dominates).
//!
//! The room walks five time-boxed steps (`steps`). Participants draft
//! goals on their own devices and send share links, which `collect` folds
//! into the facilitator's scenario with their proposers. Dot-voting
//! (`vote`) gives every participant the same number of dots, so the
//! loudest voice counts once; the counts stay hidden until the facilitator
//! reveals them (`reveal`), so nobody anchors on an early favourite.
//! Participants may vote on their own devices and send a ballot link
//! (`ballot`); the facilitator's rules (`rules`) hold for those ballots and
//! for dots entered on the facilitator's screen alike. Each committed goal
//! gets an owner, a first check-in date and a first initiative
//! (`actions`); the last round's goals are reviewed first (`review`); the
//! outcome is kept as Markdown, CSV or JSON (`export`). Every part's items
//! are re-exported here.
//!
//! Everything is keyed by the workshop's [`Identity`], whose id the
//! facilitator's device draws at random and hands in, so a ballot from
//! another workshop is recognised and named.

mod actions;
mod ballot;
mod collect;
mod export;
mod reveal;
mod review;
mod rules;
mod steps;
mod vote;

pub use actions::{
    action_rows, add_initiative, choose_initiative, initiative_options, set_first_check_in,
    set_owner, Action, ActionRow,
};
pub use ballot::{
    ballot_payload_in, decode_ballot, encode_ballot, summarise, BallotError, BallotReport, Dots,
    Outcome, SentBallot, BALLOT_VERSION, MAX_BALLOT_CHARS, MAX_BALLOT_LINES,
};
pub use collect::{duplicates, merge, same_goal, Merged};
pub use export::{InitiativeVote, Record, RecordGoal, RecordInitiative};
pub use reveal::{Hidden, Progress, Ranked};
pub use review::{last_round, review, review_round, Review, Verdict};
pub use rules::{dots_rule, parse_dots, Rules};
pub use steps::{format_clock, Step};
pub use vote::{candidates, Ballot, Subject, VoteState};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::date::{format_date, serde_date};
use crate::model::goals::{GoalId, Goals, MAX_GOALS, MAX_TEXT_CHARS};
use crate::model::{limits, validate};

/// Longest name a participant may give, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Most participants (voters) a workshop tracks.
pub const MAX_PARTICIPANTS: usize = 100;
/// Most ideas the parking lot keeps.
pub const MAX_PARKED: usize = 100;
/// Most dots one participant may be given.
pub const MAX_DOTS: u32 = 20;
/// Longest time box for one step, in minutes.
pub const MAX_STEP_MINUTES: u32 = 240;

/// Who proposed a goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub goal: GoalId,
    pub by: String,
}

/// Which workshop this is: what ballots carry, so one sent to another
/// workshop is recognised and named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Drawn at random by the facilitator's device when the workshop
    /// starts; the model never draws it.
    pub id: u64,
    /// The workshop's name, such as the team's.
    pub title: String,
    /// The facilitator's name; empty when not given.
    pub facilitator: String,
    #[serde(with = "serde_date")]
    pub started: NaiveDate,
}

impl Identity {
    /// Four hex digits of the id, to tell apart workshops with the same
    /// name and day: "3F9A".
    pub fn code(&self) -> String {
        format!("{:04X}", self.id >> 48)
    }

    /// "“Payments API”, started on 22 Nov 2026, code 3F9A".
    pub fn describe(&self) -> String {
        format!(
            "“{}”, started on {}, code {}",
            self.title,
            format_date(self.started),
            self.code()
        )
    }
}

/// Everything the workshop adds to a scenario. The votes, their rules and
/// the actions are read and changed through methods, so the counts stay
/// hidden until the reveal and every rule holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workshop {
    /// The step the room is on.
    pub step: Step,
    /// Each step's time box in minutes, in [`Step::ALL`] order.
    pub minutes: [u32; 5],
    /// On a participant's device: the name their proposals carry.
    pub participant: String,
    /// Who proposed each goal merged from a participant's link.
    pub proposals: Vec<Proposal>,
    /// Dots each participant may place in each vote.
    pub(crate) dots_each: u32,
    /// One per voter, in the order they joined: the expected voters, and
    /// the dots each has placed.
    pub(crate) ballots: Vec<Ballot>,
    /// The goals the room signed up for, in the order chosen.
    pub committed: Vec<GoalId>,
    /// Ideas raised that are out of scope for now.
    pub parking_lot: Vec<String>,
    /// Set when the facilitator starts the workshop.
    pub(crate) identity: Option<Identity>,
    pub(crate) rules: Rules,
    /// Where the vote on goals stands.
    pub(crate) goal_vote: VoteState,
    /// Where the vote on initiatives stands.
    pub(crate) initiative_vote: VoteState,
    /// Each committed goal's first check-in and initiative.
    pub(crate) actions: Vec<Action>,
    /// The review step's time box in minutes, when the room begins by
    /// reviewing the last round; `None`: no review step.
    pub(crate) review_minutes: Option<u32>,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            step: Step::Baseline,
            minutes: Step::ALL.map(Step::default_minutes),
            participant: String::new(),
            proposals: Vec::new(),
            dots_each: 3,
            ballots: Vec::new(),
            committed: Vec::new(),
            parking_lot: Vec::new(),
            identity: None,
            rules: Rules::default(),
            goal_vote: VoteState::Open,
            initiative_vote: VoteState::Open,
            actions: Vec::new(),
            review_minutes: None,
        }
    }
}

/// Checks a participant's or voter's name: trimmed, non-empty, not too long.
pub fn parse_name(text: &str) -> Result<String, String> {
    validate::parse_name(text, MAX_NAME_CHARS)
}

/// Checks the name a participant's device sends its goals and ballot
/// under: blank (no name yet) or a valid name.
pub fn parse_participant(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Ok(String::new())
    } else {
        parse_name(text)
    }
}

/// Whether two names are one person's: spaces around them and letter case
/// are ignored, as people type their name differently on two devices.
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Workshop {
    /// Starts the workshop under `id` (drawn at random by the caller),
    /// named `title`, run by `facilitator` (may be blank), on `today`.
    /// Dots placed before are cleared and both votes open: ballots belong
    /// to one workshop. Voters, proposals, commitments and the parking lot
    /// stay.
    pub fn start(
        &mut self,
        id: u64,
        title: &str,
        facilitator: &str,
        today: NaiveDate,
    ) -> Result<(), String> {
        let title = parse_name(title).map_err(|e| format!("Workshop name: {e}"))?;
        let facilitator = if facilitator.trim().is_empty() {
            String::new()
        } else {
            parse_name(facilitator).map_err(|e| format!("Facilitator: {e}"))?
        };
        if !self.rules.facilitator_votes && !facilitator.is_empty() {
            self.ballots
                .retain(|b| !same_person(&b.voter, &facilitator));
        }
        for ballot in &mut self.ballots {
            ballot.dots.clear();
            ballot.initiatives.clear();
        }
        self.goal_vote = VoteState::Open;
        self.initiative_vote = VoteState::Open;
        self.identity = Some(Identity {
            id,
            title,
            facilitator,
            started: today,
        });
        Ok(())
    }

    /// The workshop's identity, once started.
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// The workshop as participants receive it in the facilitator's link:
    /// the voters' names without their dots, so nobody's device holds
    /// another person's ballot. Without the dots a device has no counts to
    /// reveal, so both votes are open there, even in a link made after a
    /// reveal: a device never shows a ranking of empty ballots, and a
    /// ballot cast on it after the reveal is refused, in words, when the
    /// facilitator merges it (until they re-open the vote).
    pub fn invitation(&self) -> Workshop {
        let mut w = self.clone();
        w.participant.clear();
        for ballot in &mut w.ballots {
            ballot.dots.clear();
            ballot.initiatives.clear();
        }
        w.goal_vote = VoteState::Open;
        w.initiative_vote = VoteState::Open;
        w
    }

    /// Who proposed `goal`, if it came from a participant's link.
    pub fn proposer(&self, goal: GoalId) -> Option<&str> {
        self.proposals
            .iter()
            .find(|p| p.goal == goal)
            .map(|p| p.by.as_str())
    }

    /// Who to credit with `goal` on screen: its proposer, or the
    /// facilitator for goals that did not come from a participant's link.
    pub fn credit(&self, goal: GoalId) -> &str {
        self.proposer(goal).unwrap_or("Facilitator")
    }

    /// Parks an idea; blank text is refused.
    pub fn park(&mut self, idea: &str) -> Result<(), String> {
        let idea = idea.trim();
        if idea.is_empty() {
            return Err("Write the idea first.".to_string());
        }
        let idea = validate::parse_text(idea, MAX_TEXT_CHARS)?;
        if self.parking_lot.len() >= MAX_PARKED {
            return Err(format!("The parking lot holds at most {MAX_PARKED} ideas."));
        }
        self.parking_lot.push(idea);
        Ok(())
    }

    /// Drops every reference to a goal that was removed.
    pub fn forget(&mut self, goals: &Goals) {
        let known = |id: &GoalId| goals.get(*id).is_some();
        self.proposals.retain(|p| known(&p.goal));
        self.committed.retain(known);
        for ballot in &mut self.ballots {
            ballot.dots.retain(known);
            ballot.initiatives.retain(known);
        }
        self.actions.retain(|a| known(&a.goal));
        for action in &mut self.actions {
            action.initiative = action.initiative.filter(known);
        }
    }

    /// Whether every stored value is one the UI would accept. References to
    /// goals that no longer exist are tolerated (the screens skip them), so
    /// a stale id never makes saved work unreadable.
    pub fn is_valid(&self) -> bool {
        let name_ok = |n: &str| limits::name_ok(n.trim(), MAX_NAME_CHARS);
        let identity_ok = self.identity.as_ref().is_none_or(|i| {
            name_ok(&i.title)
                && limits::text_ok(&i.facilitator, MAX_NAME_CHARS)
                && limits::date_ok(i.started)
        });
        let per_goal = self.per_goal_limit();
        let ballot_ok = |b: &Ballot| {
            name_ok(&b.voter)
                && [&b.dots, &b.initiatives].into_iter().all(|dots| {
                    dots.len() <= self.dots_each as usize
                        && dots.iter().all(|&g| b.dots_on(g) <= per_goal)
                })
        };
        let mut action_goals: Vec<GoalId> = self.actions.iter().map(|a| a.goal).collect();
        action_goals.sort_unstable();
        action_goals.dedup();
        let review_ok = match self.review_minutes {
            Some(m) => (1..=MAX_STEP_MINUTES).contains(&m),
            None => self.step != Step::Review,
        };
        self.minutes
            .iter()
            .all(|m| (1..=MAX_STEP_MINUTES).contains(m))
            && review_ok
            && limits::text_ok(&self.participant, MAX_NAME_CHARS)
            && self.proposals.len() <= MAX_GOALS
            && self.proposals.iter().all(|p| name_ok(&p.by))
            && (1..=MAX_DOTS).contains(&self.dots_each)
            && self.rules.is_valid()
            && identity_ok
            && self.ballots.len() <= MAX_PARTICIPANTS
            && self.ballots.iter().all(ballot_ok)
            && self.committed.len() <= MAX_GOALS
            && action_goals.len() == self.actions.len()
            && self.actions.len() <= MAX_GOALS
            && self.parking_lot.len() <= MAX_PARKED
            && self
                .parking_lot
                .iter()
                .all(|i| limits::name_ok(i, MAX_TEXT_CHARS))
            && self
                .actions
                .iter()
                .all(|a| a.first_check_in.is_none_or(limits::date_ok))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goals::{Goal, Level};
    use crate::model::Scenario;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn goals(titles: &[&str]) -> Goals {
        let mut g = Goals::default();
        for t in titles {
            g.add(Goal::new(Level::Operational, t, today())).unwrap();
        }
        g
    }

    #[test]
    fn forgetting_a_removed_goal_clears_its_votes_and_commitment() {
        let mut g = goals(&["A", "B"]);
        let mut w = Workshop::default();
        w.add_voter("Ana").unwrap();
        w.place_dot(&g, "Ana", 2).unwrap();
        w.committed = vec![1, 2];
        w.proposals.push(Proposal {
            goal: 2,
            by: "Ana".into(),
        });
        g.remove(2);
        w.forget(&g);
        assert!(w.is_valid());
        assert!(w.proposals.is_empty());
        assert_eq!(w.committed, vec![1]);
        assert!(w.ballot("Ana").unwrap().dots.is_empty());
    }

    #[test]
    fn a_removed_goal_comes_back_where_it_was() {
        let mut s = Scenario {
            goals: goals(&["A", "B", "C"]),
            ..Scenario::default()
        };
        s.goals.get_mut(3).unwrap().parent = Some(2);
        s.workshop.proposals.push(Proposal {
            goal: 2,
            by: "Ana".into(),
        });
        let before = s.clone();
        let removed = s.remove_goal(2).unwrap();
        assert_eq!(s.goals.get(3).unwrap().parent, None);
        assert!(s.workshop.proposals.is_empty());
        s.restore_goal(removed);
        assert_eq!(s, before);

        // Its id was taken meanwhile: it comes back under a new one.
        let removed = s.remove_goal(3).unwrap();
        s.goals
            .add(Goal::new(Level::Business, "D", today()))
            .unwrap();
        s.restore_goal(removed);
        let titles: Vec<(GoalId, &str)> =
            s.goals.0.iter().map(|g| (g.id, g.title.as_str())).collect();
        assert_eq!(titles, vec![(1, "A"), (2, "B"), (4, "C"), (3, "D")]);
        assert_eq!(s.goals.get(4).unwrap().parent, Some(2));
        assert!(s.remove_goal(99).is_none());
    }

    #[test]
    fn parking_refuses_blank_and_overlong_ideas() {
        let mut w = Workshop::default();
        assert!(w.park("   ").is_err());
        assert!(w.park(&"x".repeat(MAX_TEXT_CHARS + 1)).is_err());
        w.park("  Move to a monorepo ").unwrap();
        assert_eq!(w.parking_lot, vec!["Move to a monorepo".to_string()]);
    }
}
