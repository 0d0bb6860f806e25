//! The reveal: while a vote is open the workshop tells only who has voted
//! and how many ballots are in, never the counts, so nobody anchors on an
//! early favourite. After the reveal it ranks the candidates, ties sharing
//! a rank, and the room commits to the top ones.

use crate::model::goals::GoalId;

use super::{Ballot, Subject, VoteState, Workshop};

/// A goal's place in a revealed vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub goal: GoalId,
    pub dots: u32,
    /// 1 for the most dots; goals with equal dots share a rank.
    pub rank: usize,
}

/// Who has voted: all a room's screen shows while a vote is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub subject: Subject,
    pub state: VoteState,
    /// Voters whose ballot holds a dot, in the order they joined.
    pub voted: Vec<String>,
    /// Voters still to vote.
    pub waiting: Vec<String>,
}

impl Progress {
    /// "5 of 5 ballots in".
    pub fn count(&self) -> String {
        let expected = self.voted.len() + self.waiting.len();
        let noun = if expected == 1 { "ballot" } else { "ballots" };
        format!("{} of {expected} {noun} in", self.voted.len())
    }

    /// The line under the vote: "3 of 5 ballots in; waiting for Cy and
    /// Dee." while open, "Revealed: 5 of 5 ballots in." after.
    pub fn words(&self) -> String {
        if self.voted.is_empty() && self.waiting.is_empty() {
            return "No voters yet: add them by name, or paste their ballots.".to_string();
        }
        match self.state {
            VoteState::Revealed => format!("Revealed: {}.", self.count()),
            _ if self.waiting.is_empty() => format!("{}.", self.count()),
            _ => format!("{}; waiting for {}.", self.count(), and_list(&self.waiting)),
        }
    }
}

/// "Ana", "Ana and Bo", "Ana, Bo and Cy".
pub(crate) fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a vote's counts were not handed out: it has not been revealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hidden {
    pub progress: Progress,
}

impl Hidden {
    /// "The dots on goals stay hidden until the reveal: 3 of 5 ballots in."
    pub fn message(&self) -> String {
        format!(
            "The dots on {} stay hidden until the reveal: {}.",
            self.progress.subject.name(),
            self.progress.count()
        )
    }
}

impl Workshop {
    /// Where the vote on `subject` stands.
    pub fn state(&self, subject: Subject) -> VoteState {
        match subject {
            Subject::Goals => self.goal_vote,
            Subject::Initiatives => self.initiative_vote,
        }
    }

    fn state_mut(&mut self, subject: Subject) -> &mut VoteState {
        match subject {
            Subject::Goals => &mut self.goal_vote,
            Subject::Initiatives => &mut self.initiative_vote,
        }
    }

    /// Who has voted in the vote on `subject`, and who not yet.
    pub fn progress(&self, subject: Subject) -> Progress {
        let (voted, waiting) = self
            .ballots
            .iter()
            .partition::<Vec<&Ballot>, _>(|b| !b.dots_for(subject).is_empty());
        let names = |v: Vec<&Ballot>| v.into_iter().map(|b| b.voter.clone()).collect();
        Progress {
            subject,
            state: self.state(subject),
            voted: names(voted),
            waiting: names(waiting),
        }
    }

    /// Reveals the counts of the vote on `subject`; refused before any
    /// ballot is in.
    pub fn reveal(&mut self, subject: Subject) -> Result<(), String> {
        let progress = self.progress(subject);
        if progress.voted.is_empty() {
            return Err(format!(
                "No ballots are in yet for the vote on {}: nothing to reveal.",
                subject.name()
            ));
        }
        *self.state_mut(subject) = VoteState::Revealed;
        Ok(())
    }

    /// Opens a revealed vote again, for a late ballot or a second round;
    /// the counts are hidden again until the next reveal.
    pub fn reopen(&mut self, subject: Subject) -> Result<(), String> {
        if self.state(subject).is_open() {
            return Err(format!("The vote on {} is already open.", subject.name()));
        }
        *self.state_mut(subject) = VoteState::Reopened;
        Ok(())
    }

    fn hidden(&self, subject: Subject) -> Result<(), Hidden> {
        if self.state(subject) == VoteState::Revealed {
            Ok(())
        } else {
            Err(Hidden {
                progress: self.progress(subject),
            })
        }
    }

    /// Dots on `goal` across all ballots, once the vote on `subject` is
    /// revealed.
    pub fn dots_on(&self, subject: Subject, goal: GoalId) -> Result<u32, Hidden> {
        self.hidden(subject)?;
        Ok(self.count(subject, goal))
    }

    fn count(&self, subject: Subject, goal: GoalId) -> u32 {
        let all = self.ballots.iter().flat_map(|b| b.dots_for(subject));
        all.filter(|&&g| g == goal).count() as u32
    }

    /// Once the vote on `subject` is revealed, its candidates ranked by
    /// dots, most first; ties keep the candidates' order and share a rank
    /// ("standard competition" ranking: 1, 1, 3).
    pub fn ranking(&self, subject: Subject, candidates: &[GoalId]) -> Result<Vec<Ranked>, Hidden> {
        self.hidden(subject)?;
        let mut ranked: Vec<Ranked> = candidates
            .iter()
            .map(|&goal| Ranked {
                goal,
                dots: self.count(subject, goal),
                rank: 0,
            })
            .collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.dots));
        for i in 0..ranked.len() {
            ranked[i].rank = if i > 0 && ranked[i].dots == ranked[i - 1].dots {
                ranked[i - 1].rank
            } else {
                i + 1
            };
        }
        Ok(ranked)
    }

    /// Adds or removes `goal` from the committed set; a goal taken out
    /// loses its action.
    pub fn toggle_commit(&mut self, goal: GoalId) {
        match self.committed.iter().position(|&g| g == goal) {
            Some(i) => {
                self.committed.remove(i);
                self.actions.retain(|a| a.goal != goal);
            }
            None => self.committed.push(goal),
        }
    }

    /// Once the vote on goals is revealed, commits the goals holding the
    /// top `n` ranks that received any dots (ties at the cut all come in),
    /// replacing the committed set; goals that stay keep their actions.
    pub fn commit_top(&mut self, candidates: &[GoalId], n: usize) -> Result<(), Hidden> {
        self.committed = self
            .ranking(Subject::Goals, candidates)?
            .into_iter()
            .filter(|r| r.dots > 0 && r.rank <= n)
            .map(|r| r.goal)
            .collect();
        let committed = self.committed.clone();
        self.actions.retain(|a| committed.contains(&a.goal));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goals::{Goal, Goals, Level};
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
    fn ranking_orders_by_dots_and_ties_share_a_rank() {
        let g = goals(5);
        let mut w = Workshop::default();
        for (voter, dots) in [("Ana", [3, 3, 1]), ("Bo", [1, 2, 3]), ("Cy", [2, 4, 4])] {
            w.add_voter(voter).unwrap();
            for goal in dots {
                w.place_dot(&g, voter, goal).unwrap();
            }
        }
        w.reveal(Subject::Goals).unwrap();
        let r = w.ranking(Subject::Goals, &[1, 2, 3, 4, 5]).unwrap();
        let got: Vec<(GoalId, u32, usize)> = r.iter().map(|r| (r.goal, r.dots, r.rank)).collect();
        assert_eq!(
            got,
            vec![(3, 3, 1), (1, 2, 2), (2, 2, 2), (4, 2, 2), (5, 0, 5)]
        );
        w.commit_top(&[1, 2, 3, 4, 5], 2).unwrap();
        assert_eq!(w.committed, vec![3, 1, 2, 4]);
        w.commit_top(&[1, 2, 3, 4, 5], 1).unwrap();
        assert_eq!(w.committed, vec![3]);
        w.toggle_commit(5);
        w.toggle_commit(3);
        assert_eq!(w.committed, vec![5]);
    }

    #[test]
    fn names_join_with_and() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&names(&[])), "");
        assert_eq!(and_list(&names(&["Ana"])), "Ana");
        assert_eq!(and_list(&names(&["Ana", "Bo", "Cy"])), "Ana, Bo and Cy");
    }
}
