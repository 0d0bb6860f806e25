//! A goal-setting workshop (domain.md §6: goals set together, with a
//! facilitator who makes sure everybody is heard and nobody dominates).
//!
//! Without a server, participants draft goals on their own devices and send
//! share links; [`merge`] folds each link's new goals into the facilitator's
//! scenario and records who proposed them. Dot-voting gives every
//! participant the same number of dots, so the loudest voice counts once;
//! [`Workshop::ranking`] orders the candidates by dots. The committed set
//! and the parking lot travel with the scenario.

use serde::{Deserialize, Serialize};

use crate::model::goals::{Goal, GoalId, Goals, MAX_GOALS, MAX_TEXT_CHARS};
use crate::model::{limits, validate, Scenario};

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

/// One participant's dots: a goal appears once per dot placed on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: String,
    pub dots: Vec<GoalId>,
}

impl Ballot {
    /// Dots this ballot placed on `goal`.
    pub fn dots_on(&self, goal: GoalId) -> u32 {
        self.dots.iter().filter(|&&g| g == goal).count() as u32
    }
}

/// Everything the workshop adds to a scenario.
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
    /// Dots each participant may place.
    pub dots_each: u32,
    pub ballots: Vec<Ballot>,
    /// The goals the room signed up for, in the order chosen.
    pub committed: Vec<GoalId>,
    /// Ideas raised that are out of scope for now.
    pub parking_lot: Vec<String>,
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
        }
    }
}

/// A goal's place in the dot-vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub goal: GoalId,
    pub dots: u32,
    /// 1 for the most dots; goals with equal dots share a rank.
    pub rank: usize,
}

/// Checks a participant's or voter's name: trimmed, non-empty, not too long.
pub fn parse_name(text: &str) -> Result<String, String> {
    validate::parse_name(text, MAX_NAME_CHARS)
}

impl Workshop {
    /// The time box of `step`, in minutes.
    pub fn minutes_for(&self, step: Step) -> u32 {
        self.minutes[step.index()]
    }

    /// Adds `extra` minutes to `step`'s time box, up to the longest allowed.
    pub fn extend(&mut self, step: Step, extra: u32) {
        let m = &mut self.minutes[step.index()];
        *m = (*m + extra).min(MAX_STEP_MINUTES);
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

    /// The ballot of `voter`, if they have one.
    pub fn ballot(&self, voter: &str) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.voter == voter)
    }

    fn ballot_mut(&mut self, voter: &str) -> Option<&mut Ballot> {
        self.ballots.iter_mut().find(|b| b.voter == voter)
    }

    /// Adds a voter with no dots placed yet; a name already voting is kept.
    pub fn add_voter(&mut self, name: &str) -> Result<(), String> {
        let name = parse_name(name)?;
        if self.ballot(&name).is_some() {
            return Ok(());
        }
        if self.ballots.len() >= MAX_PARTICIPANTS {
            return Err(format!(
                "A workshop counts at most {MAX_PARTICIPANTS} voters."
            ));
        }
        self.ballots.push(Ballot {
            voter: name,
            dots: Vec::new(),
        });
        Ok(())
    }

    /// Places one of `voter`'s dots on `goal`. Dots may stack on one goal.
    pub fn place_dot(&mut self, voter: &str, goal: GoalId) -> Result<(), String> {
        match self.dots_left(voter) {
            None => Err(format!("{voter} is not among the voters.")),
            Some(0) => Err(format!(
                "{voter} has placed all {} dots. Take one back to move it.",
                self.dots_each
            )),
            Some(_) => {
                if let Some(b) = self.ballot_mut(voter) {
                    b.dots.push(goal);
                }
                Ok(())
            }
        }
    }

    /// How many of `voter`'s dots are still to place (`None`: not voting).
    pub fn dots_left(&self, voter: &str) -> Option<u32> {
        self.ballot(voter)
            .map(|b| self.dots_each.saturating_sub(b.dots.len() as u32))
    }

    /// Takes one of `voter`'s dots back off `goal`, if there is one.
    pub fn take_dot(&mut self, voter: &str, goal: GoalId) {
        if let Some(ballot) = self.ballot_mut(voter) {
            if let Some(i) = ballot.dots.iter().rposition(|&g| g == goal) {
                ballot.dots.remove(i);
            }
        }
    }

    /// Changes the dots each participant may place; ballots holding more
    /// lose their latest dots.
    pub fn set_dots_each(&mut self, each: u32) {
        self.dots_each = each.clamp(1, MAX_DOTS);
        for ballot in &mut self.ballots {
            ballot.dots.truncate(self.dots_each as usize);
        }
    }

    /// Dots on `goal` across all ballots.
    pub fn dots_on(&self, goal: GoalId) -> u32 {
        self.ballots.iter().map(|b| b.dots_on(goal)).sum()
    }

    /// The candidates ranked by dots, most first; ties keep the goals'
    /// order and share a rank ("standard competition" ranking: 1, 1, 3).
    pub fn ranking(&self, candidates: &[GoalId]) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = candidates
            .iter()
            .map(|&goal| Ranked {
                goal,
                dots: self.dots_on(goal),
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
        ranked
    }

    /// Adds or removes `goal` from the committed set.
    pub fn toggle_commit(&mut self, goal: GoalId) {
        match self.committed.iter().position(|&g| g == goal) {
            Some(i) => {
                self.committed.remove(i);
            }
            None => self.committed.push(goal),
        }
    }

    /// Commits the goals holding the top `n` ranks that received any dots
    /// (ties at the cut all come in), replacing the committed set.
    pub fn commit_top(&mut self, candidates: &[GoalId], n: usize) {
        self.committed = self
            .ranking(candidates)
            .into_iter()
            .filter(|r| r.dots > 0 && r.rank <= n)
            .map(|r| r.goal)
            .collect();
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
        }
    }

    /// Whether every stored value is one the UI would accept. References to
    /// goals that no longer exist are tolerated (the screens skip them), so
    /// a stale id never makes saved work unreadable.
    pub fn is_valid(&self) -> bool {
        let name_ok = |n: &str| limits::name_ok(n.trim(), MAX_NAME_CHARS);
        self.minutes
            .iter()
            .all(|m| (1..=MAX_STEP_MINUTES).contains(m))
            && limits::text_ok(&self.participant, MAX_NAME_CHARS)
            && self.proposals.len() <= MAX_GOALS
            && self.proposals.iter().all(|p| name_ok(&p.by))
            && (1..=MAX_DOTS).contains(&self.dots_each)
            && self.ballots.len() <= MAX_PARTICIPANTS
            && self
                .ballots
                .iter()
                .all(|b| name_ok(&b.voter) && b.dots.len() <= self.dots_each as usize)
            && self.committed.len() <= MAX_GOALS
            && self.parking_lot.len() <= MAX_PARKED
            && self
                .parking_lot
                .iter()
                .all(|i| limits::name_ok(i, MAX_TEXT_CHARS))
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

/// Words of a title, lowercased, without punctuation: "Cut lead-time!" and
/// "cut lead time" compare equal.
fn normalise(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two goals say the same thing: the same words in the title, or
/// the same measure aimed at the same target.
pub fn same_goal(a: &Goal, b: &Goal) -> bool {
    let same_target = match (&a.target, &b.target) {
        (Some(x), Some(y)) => x.measure == y.measure && (x.target - y.target).abs() < 1e-9,
        _ => false,
    };
    same_target || normalise(&a.title) == normalise(&b.title)
}

/// Goals that look like an earlier goal, each paired with the first goal
/// it duplicates. Flagged for the room to decide, never removed silently.
pub fn duplicates(goals: &Goals) -> Vec<(GoalId, GoalId)> {
    let all = &goals.0;
    all.iter()
        .enumerate()
        .filter_map(|(i, g)| {
            all[..i]
                .iter()
                .find(|earlier| same_goal(earlier, g))
                .map(|earlier| (g.id, earlier.id))
        })
        .collect()
}

/// What merging one participant's link did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// The name the proposals were recorded under.
    pub by: String,
    /// Ids, in the workshop scenario, of the goals added.
    pub added: Vec<GoalId>,
    /// Goals left out because the workshop already holds them unchanged
    /// (typically the facilitator's own goals, sent back).
    pub unchanged: usize,
    /// Goals left out because the workshop is full.
    pub dropped: usize,
    /// Ideas added to the parking lot.
    pub parked: usize,
}

/// Folds a participant's scenario into the workshop's: each goal the
/// workshop does not already hold, identically, is added with a fresh id
/// and recorded as proposed by the participant's name (or `fallback` when
/// they gave none). Parent links survive when they point at a goal that
/// came along or at one the workshop already holds; check-ins stay on the
/// participant's device. Their parking-lot ideas join the workshop's.
pub fn merge(workshop: &mut Scenario, participant: &Scenario, fallback: &str) -> Merged {
    let by = parse_name(&participant.workshop.participant)
        .or_else(|_| parse_name(fallback))
        .unwrap_or_else(|_| "A participant".to_string());
    let mut merged = Merged {
        by: by.clone(),
        ..Merged::default()
    };
    let mut ids: Vec<(GoalId, GoalId)> = Vec::new();
    for goal in &participant.goals.0 {
        let existing = workshop.goals.0.iter().find(|g| {
            Goal {
                id: goal.id,
                parent: goal.parent,
                check_ins: goal.check_ins.clone(),
                ..(*g).clone()
            } == *goal
        });
        if let Some(g) = existing {
            ids.push((goal.id, g.id));
            merged.unchanged += 1;
            continue;
        }
        if workshop.goals.len() >= MAX_GOALS {
            merged.dropped += 1;
            continue;
        }
        let parent = goal
            .parent
            .and_then(|p| ids.iter().find(|(from, _)| *from == p).map(|&(_, to)| to));
        let copy = Goal {
            parent,
            check_ins: Vec::new(),
            ..goal.clone()
        };
        if let Ok(id) = workshop.goals.add(copy) {
            ids.push((goal.id, id));
            merged.added.push(id);
            workshop.workshop.proposals.push(Proposal {
                goal: id,
                by: by.clone(),
            });
        }
    }
    for idea in &participant.workshop.parking_lot {
        if !workshop.workshop.parking_lot.contains(idea) && workshop.workshop.park(idea).is_ok() {
            merged.parked += 1;
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goals::Level;
    use chrono::NaiveDate;

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

    #[test]
    fn each_voter_places_at_most_their_dots() {
        let mut w = Workshop {
            dots_each: 2,
            ..Workshop::default()
        };
        w.add_voter(" Ana ").unwrap();
        assert!(w.add_voter("  ").is_err());
        w.place_dot("Ana", 1).unwrap();
        assert_eq!(w.dots_left("Ana"), Some(1));
        w.place_dot("Ana", 1).unwrap();
        assert_eq!(w.dots_left("Ana"), Some(0));
        assert_eq!(w.dots_left("Bo"), None);
        assert!(w.place_dot("Ana", 2).unwrap_err().contains("all 2 dots"));
        assert!(w.place_dot("Bo", 2).is_err());
        w.take_dot("Ana", 1);
        w.place_dot("Ana", 2).unwrap();
        assert_eq!((w.dots_on(1), w.dots_on(2)), (1, 1));
        w.set_dots_each(1);
        assert_eq!(w.ballot("Ana").unwrap().dots, vec![1]);
    }

    #[test]
    fn ranking_orders_by_dots_and_ties_share_a_rank() {
        let mut w = Workshop::default();
        for (voter, dots) in [("Ana", [3, 3, 1]), ("Bo", [1, 2, 3]), ("Cy", [2, 4, 4])] {
            w.add_voter(voter).unwrap();
            for g in dots {
                w.place_dot(voter, g).unwrap();
            }
        }
        let r = w.ranking(&[1, 2, 3, 4, 5]);
        let got: Vec<(GoalId, u32, usize)> = r.iter().map(|r| (r.goal, r.dots, r.rank)).collect();
        assert_eq!(
            got,
            vec![(3, 3, 1), (1, 2, 2), (2, 2, 2), (4, 2, 2), (5, 0, 5)]
        );
        w.commit_top(&[1, 2, 3, 4, 5], 2);
        assert_eq!(w.committed, vec![3, 1, 2, 4]);
        w.commit_top(&[1, 2, 3, 4, 5], 1);
        assert_eq!(w.committed, vec![3]);
        w.toggle_commit(5);
        w.toggle_commit(3);
        assert_eq!(w.committed, vec![5]);
    }

    #[test]
    fn duplicates_are_flagged_by_words_or_by_target() {
        let mut g = goals(&[
            "Cut lead time to two days",
            "Deploy daily",
            "cut LEAD-time, to two days!",
        ]);
        assert_eq!(duplicates(&g), vec![(3, 1)]);
        use crate::model::goals::{Measure, MetricTarget};
        use crate::model::Metric;
        let target = Some(MetricTarget {
            measure: Measure::Baseline(Metric::ChangeFailureRate),
            target: 10.0,
        });
        g.get_mut(2).unwrap().target = target.clone();
        g.add(Goal {
            target,
            ..Goal::new(Level::Technical, "Fewer failed changes", today())
        })
        .unwrap();
        assert_eq!(duplicates(&g), vec![(3, 1), (4, 2)]);
    }

    #[test]
    fn merging_adds_new_goals_with_their_proposer_and_skips_unchanged_ones() {
        let mut room = Scenario {
            goals: goals(&["Deploy daily"]),
            ..Scenario::default()
        };
        // The participant opened the facilitator's link, kept its goal, and
        // added two of their own, one under the other.
        let mut mine = room.clone();
        mine.workshop.participant = "Ana".into();
        let first = mine
            .goals
            .add(Goal::new(
                Level::Operational,
                "Recover within an hour",
                today(),
            ))
            .unwrap();
        mine.goals
            .add(Goal {
                parent: Some(first),
                ..Goal::new(Level::Initiative, "Automate rollbacks", today())
            })
            .unwrap();
        mine.workshop.park("Rewrite the billing service").unwrap();

        let merged = merge(&mut room, &mine, "Link 1");
        assert_eq!(merged.by, "Ana");
        assert_eq!(
            (merged.added.len(), merged.unchanged, merged.parked),
            (2, 1, 1)
        );
        assert_eq!(room.goals.len(), 3);
        let (a, b) = (merged.added[0], merged.added[1]);
        assert_eq!(room.goals.get(b).unwrap().parent, Some(a));
        assert_eq!(room.workshop.proposer(a), Some("Ana"));
        assert_eq!(room.workshop.proposer(1), None);
        assert_eq!(room.workshop.credit(1), "Facilitator");
        assert_eq!(room.workshop.credit(a), "Ana");
        assert!(room.is_valid());

        // Merging the same link again flags nothing new as unchanged twice:
        // its goals are now all held.
        let again = merge(&mut room, &mine, "Link 1");
        assert_eq!(
            (again.added.len(), again.unchanged, again.parked),
            (0, 3, 0)
        );

        // No name given: the fallback label is used.
        let mut anon = Scenario {
            goals: goals(&["Halve rework"]),
            ..Scenario::default()
        };
        anon.workshop.participant.clear();
        let merged = merge(&mut room, &anon, "Link 3");
        assert_eq!(room.workshop.proposer(merged.added[0]), Some("Link 3"));
    }

    #[test]
    fn forgetting_a_removed_goal_clears_its_votes_and_commitment() {
        let mut g = goals(&["A", "B"]);
        let mut w = Workshop::default();
        w.add_voter("Ana").unwrap();
        w.place_dot("Ana", 2).unwrap();
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
