//! Collecting participants' goals: without a server, participants draft
//! goals on their own devices and send share links; [`merge`] folds each
//! link's new goals into the facilitator's scenario and records who
//! proposed them, and [`duplicates`] flags goals that say the same thing.

use crate::model::goals::{Goal, GoalId, Goals, MAX_GOALS};
use crate::model::Scenario;

use super::{parse_name, Proposal};

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
}
