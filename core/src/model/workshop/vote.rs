//! Dot-voting: every voter gets the same number of dots, so the loudest
//! voice counts once. A vote runs on goals or on initiatives; each voter
//! sees their own ballot and the dots they have left, and the room's
//! counts wait for the reveal (`reveal`).
//!
//! The expected voters are the voters list: everyone added by name on the
//! facilitator's screen, or whose ballot arrived by link. A voter has voted
//! once their ballot holds a dot.

use serde::{Deserialize, Serialize};

use crate::model::goals::{Goal, GoalId, Goals, Level};

use super::{parse_name, same_person, Workshop, MAX_PARTICIPANTS};

/// What a vote runs on. Initiatives are goals at the chain's
/// [`Level::Initiative`]; every other goal is a candidate of the vote on
/// goals. A dot's target is a [`GoalId`] either way, and its goal's level
/// says which vote it belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    #[default]
    Goals,
    Initiatives,
}

impl Subject {
    /// Both subjects, goals first.
    pub const ALL: [Subject; 2] = [Subject::Goals, Subject::Initiatives];

    /// The vote `goal` is a candidate in.
    pub fn of(goal: &Goal) -> Subject {
        if goal.level == Level::Initiative {
            Subject::Initiatives
        } else {
            Subject::Goals
        }
    }

    /// "goals", "initiatives".
    pub fn name(self) -> &'static str {
        match self {
            Subject::Goals => "goals",
            Subject::Initiatives => "initiatives",
        }
    }

    /// "Goals", "Initiatives": the vote's name in a list of votes.
    pub fn title(self) -> &'static str {
        match self {
            Subject::Goals => "Goals",
            Subject::Initiatives => "Initiatives",
        }
    }

    /// "goal", "initiative".
    pub fn one(self) -> &'static str {
        match self {
            Subject::Goals => "goal",
            Subject::Initiatives => "initiative",
        }
    }
}

/// The candidates of the vote on `subject`, in the goals' order.
pub fn candidates(goals: &Goals, subject: Subject) -> Vec<GoalId> {
    goals
        .0
        .iter()
        .filter(|g| Subject::of(g) == subject)
        .map(|g| g.id)
        .collect()
}

/// Where a vote stands: open → revealed → (re-opened → revealed …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteState {
    /// Dots may be placed; the counts are hidden.
    #[default]
    Open,
    /// The counts are shown; no dot moves and no ballot is taken.
    Revealed,
    /// Open again after a reveal, for a late ballot or a second round;
    /// the counts are hidden again until the next reveal.
    Reopened,
}

impl VoteState {
    /// Whether dots may be placed and ballots taken.
    pub fn is_open(self) -> bool {
        self != VoteState::Revealed
    }

    /// The state in words.
    pub fn name(self) -> &'static str {
        match self {
            VoteState::Open => "Open",
            VoteState::Revealed => "Revealed",
            VoteState::Reopened => "Re-opened",
        }
    }
}

/// One voter's dots: a goal appears once per dot placed on it, goals and
/// initiatives in their own lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: String,
    /// Dots in the vote on goals.
    pub dots: Vec<GoalId>,
    /// Dots in the vote on initiatives.
    #[serde(default)]
    pub initiatives: Vec<GoalId>,
}

impl Ballot {
    /// Dots this ballot placed on `goal`.
    pub fn dots_on(&self, goal: GoalId) -> u32 {
        let n = self.dots.iter().chain(&self.initiatives);
        n.filter(|&&g| g == goal).count() as u32
    }

    /// The dots placed in the vote on `subject`.
    pub fn dots_for(&self, subject: Subject) -> &[GoalId] {
        match subject {
            Subject::Goals => &self.dots,
            Subject::Initiatives => &self.initiatives,
        }
    }

    pub(crate) fn dots_for_mut(&mut self, subject: Subject) -> &mut Vec<GoalId> {
        match subject {
            Subject::Goals => &mut self.dots,
            Subject::Initiatives => &mut self.initiatives,
        }
    }
}

impl Workshop {
    /// The voters, in the order they joined.
    pub fn voters(&self) -> Vec<&str> {
        self.ballots.iter().map(|b| b.voter.as_str()).collect()
    }

    /// `voter`'s own ballot, for the screen where that voter places dots;
    /// the room's totals stay behind [`Workshop::ranking`].
    pub fn ballot(&self, voter: &str) -> Option<&Ballot> {
        self.ballots.iter().find(|b| same_person(&b.voter, voter))
    }

    pub(crate) fn ballot_mut(&mut self, voter: &str) -> Option<&mut Ballot> {
        self.ballots
            .iter_mut()
            .find(|b| same_person(&b.voter, voter))
    }

    /// Adds a voter with no dots placed yet; a name already voting is kept.
    /// The facilitator is refused when the rules say they do not vote.
    pub fn add_voter(&mut self, name: &str) -> Result<(), String> {
        let name = parse_name(name)?;
        if self.ballot(&name).is_some() {
            return Ok(());
        }
        if let Some(why) = self.refuse_voter(&name) {
            return Err(why);
        }
        if self.ballots.len() >= MAX_PARTICIPANTS {
            return Err(format!(
                "A workshop counts at most {MAX_PARTICIPANTS} voters."
            ));
        }
        self.ballots.push(Ballot {
            voter: name,
            ..Ballot::default()
        });
        Ok(())
    }

    /// Takes a voter off the list, with their dots; refused while a
    /// revealed vote counts their dots.
    pub fn remove_voter(&mut self, name: &str) -> Result<(), String> {
        let Some(ballot) = self.ballot(name) else {
            return Err(format!("{} is not among the voters.", name.trim()));
        };
        if let Some(s) = Subject::ALL
            .into_iter()
            .find(|&s| !self.state(s).is_open() && !ballot.dots_for(s).is_empty())
        {
            return Err(format!(
                "{}'s dots are counted in the revealed vote on {}: re-open it first.",
                ballot.voter,
                s.name()
            ));
        }
        self.ballots.retain(|b| !same_person(&b.voter, name));
        Ok(())
    }

    /// Places one of `voter`'s dots on `goal`, in the vote its level
    /// belongs to. Dots may stack on one goal up to the rules' limit.
    pub fn place_dot(&mut self, goals: &Goals, voter: &str, goal: GoalId) -> Result<(), String> {
        let Some(target) = goals.get(goal) else {
            return Err("That goal no longer exists.".to_string());
        };
        let subject = Subject::of(target);
        let Some(ballot) = self.ballot(voter) else {
            return Err(format!("{} is not among the voters.", voter.trim()));
        };
        let voter = ballot.voter.clone();
        if !self.state(subject).is_open() {
            return Err(format!(
                "The vote on {} has been revealed: re-open it to change dots.",
                subject.name()
            ));
        }
        if let Some(why) = self.refuse_voter(&voter) {
            return Err(why);
        }
        let placed = ballot.dots_for(subject).len() as u32;
        if placed >= self.dots_each {
            return Err(format!(
                "{voter} has placed all {} dots. Take one back to move it.",
                self.dots_each
            ));
        }
        let limit = self.per_goal_limit();
        if ballot.dots_on(goal) >= limit {
            return Err(format!(
                "{voter} has {limit} dots on “{}”, the most one goal may take here.",
                target.title
            ));
        }
        if self.owns(&voter, goal) {
            return Err(format!(
                "{voter} proposed “{}”; in this workshop proposers do not vote for their own goals.",
                target.title
            ));
        }
        if let Some(b) = self.ballot_mut(&voter) {
            b.dots_for_mut(subject).push(goal);
        }
        Ok(())
    }

    /// On a participant's own device: places one of the participant's
    /// dots on `goal`, adding them to the voters with their first dot.
    /// Typing a name changes no ballot, so a half-typed name never becomes
    /// a voter.
    pub fn place_own_dot(&mut self, goals: &Goals, goal: GoalId) -> Result<(), String> {
        let me = self.participant.clone();
        if me.trim().is_empty() {
            return Err("Enter your name first, as the facilitator will see it.".to_string());
        }
        self.add_voter(&me)?;
        self.place_dot(goals, &me, goal)
    }

    /// How many of `voter`'s dots in the vote on `subject` are still to
    /// place (`None`: not voting).
    pub fn dots_left(&self, voter: &str, subject: Subject) -> Option<u32> {
        self.ballot(voter).map(|b| {
            self.dots_each
                .saturating_sub(b.dots_for(subject).len() as u32)
        })
    }

    /// Takes one of `voter`'s dots back off `goal`; refused once its vote
    /// is revealed, so the ranking the room saw does not change behind it.
    pub fn take_dot(&mut self, voter: &str, goal: GoalId) -> Result<(), String> {
        let Some(ballot) = self.ballot(voter) else {
            return Err(format!("{} is not among the voters.", voter.trim()));
        };
        let Some(subject) = Subject::ALL
            .into_iter()
            .find(|&s| ballot.dots_for(s).contains(&goal))
        else {
            return Err(format!("{} has no dot there to take back.", ballot.voter));
        };
        if !self.state(subject).is_open() {
            return Err(format!(
                "The vote on {} has been revealed: re-open it to change dots.",
                subject.name()
            ));
        }
        if let Some(dots) = self.ballot_mut(voter).map(|b| b.dots_for_mut(subject)) {
            if let Some(i) = dots.iter().rposition(|&g| g == goal) {
                dots.remove(i);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goals::Level;
    use chrono::NaiveDate;

    fn goals(n: usize) -> Goals {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut g = Goals::default();
        for i in 0..n {
            g.add(Goal::new(Level::Operational, &format!("Goal {i}"), today))
                .unwrap();
        }
        g
    }

    #[test]
    fn each_voter_places_at_most_their_dots() {
        let g = goals(2);
        let mut w = Workshop {
            dots_each: 2,
            ..Workshop::default()
        };
        w.add_voter(" Ana ").unwrap();
        assert!(w.add_voter("  ").is_err());
        w.place_dot(&g, "Ana", 1).unwrap();
        assert_eq!(w.dots_left("Ana", Subject::Goals), Some(1));
        w.place_dot(&g, "Ana", 1).unwrap();
        assert_eq!(w.dots_left("Ana", Subject::Goals), Some(0));
        assert_eq!(w.dots_left("Bo", Subject::Goals), None);
        assert!(w
            .place_dot(&g, "Ana", 2)
            .unwrap_err()
            .contains("all 2 dots"));
        assert!(w.place_dot(&g, "Bo", 2).is_err());
        w.take_dot("Ana", 1).unwrap();
        w.place_dot(&g, "Ana", 2).unwrap();
        w.reveal(Subject::Goals).unwrap();
        assert_eq!(
            (
                w.dots_on(Subject::Goals, 1).unwrap(),
                w.dots_on(Subject::Goals, 2).unwrap()
            ),
            (1, 1)
        );
        w.reopen(Subject::Goals).unwrap();
        w.set_dots_each(1).unwrap();
        assert_eq!(w.ballot("Ana").unwrap().dots, vec![1]);
    }
}
