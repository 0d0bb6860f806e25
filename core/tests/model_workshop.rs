//! The workshop's vote on the facilitator's screen: counts hidden until
//! the reveal, the rules the facilitator sets, and the workshop's identity.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::workshop::{Record, Subject, VoteState, Workshop};
use flywheel_core::model::Scenario;
use room::{day, room, today, ID};

/// Ana 1,1,2; Bo 1,4; Cy 2.
fn voted() -> Scenario {
    let mut s = room();
    for (voter, goals) in [("Ana", &[1, 1, 2][..]), ("Bo", &[1, 4]), ("Cy", &[2])] {
        for &g in goals {
            s.workshop.place_dot(&s.goals, voter, g).unwrap();
        }
    }
    s
}

#[test]
fn counts_stay_hidden_until_the_reveal() {
    let mut s = voted();
    let w = &s.workshop;
    let hidden = w.ranking(Subject::Goals, &[1, 2, 4]).unwrap_err();
    assert_eq!(
        hidden.message(),
        "The dots on goals stay hidden until the reveal: 3 of 5 ballots in."
    );
    assert!(w.dots_on(Subject::Goals, 1).is_err());
    assert_eq!(
        w.progress(Subject::Goals).words(),
        "3 of 5 ballots in; waiting for Dee and Eve."
    );
    assert_eq!(
        w.progress(Subject::Goals).voted,
        vec!["Ana".to_string(), "Bo".into(), "Cy".into()]
    );
    // A voter sees their own ballot, never the room's.
    assert_eq!(w.ballot("Ana").unwrap().dots_on(1), 2);
    assert_eq!(w.dots_left("Ana", Subject::Goals), Some(0));
    let mut committing = s.clone();
    assert!(committing.workshop.commit_top(&[1, 2, 4], 1).is_err());
    assert!(committing.workshop.committed.is_empty());
    // Nor does the record, while the vote is open.
    s.workshop.toggle_commit(1);
    let record = Record::of(&s, today());
    assert_eq!(record.goals[0].dots, None);
    assert!(!record.json().contains("\"dots\": 3"));

    s.workshop.reveal(Subject::Goals).unwrap();
    assert_eq!(s.workshop.state(Subject::Goals), VoteState::Revealed);
    assert_eq!(
        s.workshop.progress(Subject::Goals).words(),
        "Revealed: 3 of 5 ballots in."
    );
    // Goal 1: Ana 2 + Bo 1 = 3; goal 2: Ana 1 + Cy 1 = 2; goal 4: Bo 1.
    let ranked = s.workshop.ranking(Subject::Goals, &[1, 2, 4]).unwrap();
    let got: Vec<(u32, u32)> = ranked.iter().map(|r| (r.goal, r.dots)).collect();
    assert_eq!(got, vec![(1, 3), (2, 2), (4, 1)]);
    assert_eq!(Record::of(&s, today()).goals[0].dots, Some(3));

    // Re-opened: hidden again until the next reveal.
    s.workshop.reopen(Subject::Goals).unwrap();
    assert_eq!(s.workshop.state(Subject::Goals), VoteState::Reopened);
    assert!(s.workshop.ranking(Subject::Goals, &[1]).is_err());
    assert!(s.workshop.reopen(Subject::Goals).is_err());
}

#[test]
fn a_revealed_vote_does_not_change_behind_the_room() {
    let mut s = voted();
    let mut empty = room();
    assert_eq!(
        empty.workshop.reveal(Subject::Goals),
        Err("No ballots are in yet for the vote on goals: nothing to reveal.".to_string())
    );
    s.workshop.reveal(Subject::Goals).unwrap();
    let revealed = "The vote on goals has been revealed: re-open it to change dots.";
    assert_eq!(
        s.workshop.place_dot(&s.goals, "Dee", 1),
        Err(revealed.to_string())
    );
    assert_eq!(s.workshop.take_dot("Ana", 1), Err(revealed.to_string()));
    assert_eq!(
        s.workshop.remove_voter("Bo"),
        Err("Bo's dots are counted in the revealed vote on goals: re-open it first.".to_string())
    );
    assert_eq!(
        s.workshop.set_dots_each(1),
        Err("That rule would take back dots counted in the revealed vote on goals: re-open it first.".to_string())
    );
    // A rule that takes nothing back may change.
    assert_eq!(s.workshop.set_dots_each(5), Ok(vec![]));
    // The vote on initiatives is still open.
    empty.workshop.place_dot(&empty.goals, "Ana", 3).unwrap();
    assert!(s.workshop.remove_voter("Dee").is_ok());
}

#[test]
fn rules_hold_on_the_facilitators_screen() {
    let mut s = room();
    s.workshop.set_per_goal(Some(2)).unwrap();
    s.workshop.place_dot(&s.goals, "Ana", 1).unwrap();
    s.workshop.place_dot(&s.goals, "Ana", 1).unwrap();
    assert_eq!(
        s.workshop.place_dot(&s.goals, "Ana", 1),
        Err("Ana has 2 dots on “Deploy daily”, the most one goal may take here.".to_string())
    );
    assert_eq!(
        s.workshop.place_dot(&s.goals, "Ana", 99),
        Err("That goal no longer exists.".to_string())
    );
    assert_eq!(
        s.workshop.place_dot(&s.goals, "Zoe", 1),
        Err("Zoe is not among the voters.".to_string())
    );
    assert_eq!(
        s.workshop.rules_in_words(),
        vec!["3 dots per person", "At most 2 dots on one goal"]
    );

    // Proposers may not vote for their own goals; the facilitator's are
    // the goals from no participant's link.
    s.workshop.set_own_goals(false).unwrap();
    assert_eq!(
        s.workshop.place_dot(&s.goals, "ana", 4),
        Err("Ana proposed “Halve rework”; in this workshop proposers do not vote for their own goals.".to_string())
    );
    s.workshop.add_voter("Fay").unwrap();
    assert!(s.workshop.place_dot(&s.goals, "Fay", 1).is_err());
    s.workshop.place_dot(&s.goals, "Fay", 2).unwrap();

    // The facilitator stops voting: their ballot leaves, and they cannot
    // join again.
    assert_eq!(
        s.workshop.set_facilitator_votes(false),
        Ok(vec![
            "Fay is off the voters list: the facilitator does not vote.".to_string()
        ])
    );
    assert_eq!(
        s.workshop.add_voter(" fay "),
        Err("fay facilitates, and in this workshop the facilitator does not vote.".to_string())
    );
    assert_eq!(s.workshop.voters(), vec!["Ana", "Bo", "Cy", "Dee", "Eve"]);
    assert_eq!(
        s.workshop.rules_in_words(),
        vec![
            "3 dots per person",
            "At most 2 dots on one goal",
            "The facilitator does not vote",
            "Nobody votes for a goal they proposed",
        ]
    );
    assert!(s.is_valid());
}

#[test]
fn tightening_a_rule_takes_back_dots_and_says_whose() {
    let mut s = room();
    for (voter, goals) in [("Ana", &[1, 1, 2][..]), ("Bo", &[1, 1, 2]), ("Cy", &[4, 2])] {
        for &g in goals {
            s.workshop.place_dot(&s.goals, voter, g).unwrap();
        }
    }
    // The latest dots over each limit go: Ana and Bo keep 1, 2.
    assert_eq!(
        s.workshop.set_per_goal(Some(1)),
        Ok(vec![
            "Ana: 1 dot taken back (at most 1 dot on one goal).".to_string(),
            "Bo: 1 dot taken back (at most 1 dot on one goal).".to_string(),
        ])
    );
    assert_eq!(s.workshop.ballot("Ana").unwrap().dots, vec![1, 2]);
    // Bo proposed goal 2.
    assert_eq!(
        s.workshop.set_own_goals(false),
        Ok(vec![
            "Bo: 1 dot taken back (nobody votes for a goal they proposed).".to_string()
        ])
    );
    assert_eq!(s.workshop.ballot("Bo").unwrap().dots, vec![1]);
    assert_eq!(
        s.workshop.set_dots_each(1),
        Ok(vec![
            "Ana: 1 dot taken back (1 dot per person).".to_string(),
            "Cy: 1 dot taken back (1 dot per person).".to_string(),
        ])
    );
    assert_eq!(s.workshop.ballot("Ana").unwrap().dots, vec![1]);
    assert_eq!(s.workshop.ballot("Cy").unwrap().dots, vec![4]);
    assert!(s.is_valid());
}

#[test]
fn starting_names_the_workshop_and_clears_old_dots() {
    let mut s = voted();
    let mut w = s.workshop.clone();
    assert_eq!(
        w.start(7, "  ", "", today()),
        Err("Workshop name: Enter a name.".to_string())
    );
    w.start(0x0BAD_0000_0000_0001, "Checkout", "", day(2027, 2, 1))
        .unwrap();
    assert_eq!(
        w.identity().unwrap().describe(),
        "“Checkout”, started on 1 Feb 2027, code 0BAD"
    );
    assert_eq!(w.progress(Subject::Goals).count(), "0 of 5 ballots in");
    assert_eq!(s.workshop.identity().unwrap().id, ID);

    // The invitation carries names, rules and identity, never dots.
    let invitation = s.workshop.invitation();
    assert_eq!(invitation.voters(), s.workshop.voters());
    assert_eq!(
        invitation.progress(Subject::Goals).count(),
        "0 of 5 ballots in"
    );
    assert_eq!(invitation.identity(), s.workshop.identity());
    s.workshop = invitation;
    assert!(s.is_valid());
    assert_eq!(Workshop::default().identity(), None);
}
