//! The vote on initiatives from devices: a late ballot waits for the vote
//! to re-open, the counts hide again until the next reveal, a ballot from
//! another workshop is named, and the record keeps what the vote decided.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::workshop::{
    candidates, choose_initiative, initiative_options, Record, Subject, VoteState,
};
use flywheel_core::model::Scenario;
use room::{cast, day, messages, room, today};

/// The initiatives' ranking as (initiative, dots, rank).
fn ranked(s: &Scenario) -> Vec<(u32, u32, usize)> {
    let ids = candidates(&s.goals, Subject::Initiatives);
    s.workshop
        .ranking(Subject::Initiatives, &ids)
        .unwrap()
        .iter()
        .map(|r| (r.goal, r.dots, r.rank))
        .collect()
}

#[test]
fn a_late_ballot_on_initiatives_counts_only_once_the_vote_is_reopened() {
    let mut s = room();
    assert_eq!(candidates(&s.goals, Subject::Initiatives), vec![3, 5]);
    let ana = cast(&s, "Ana", Subject::Initiatives, &[5, 5, 3]);
    let bo = cast(&s, "Bo", Subject::Initiatives, &[3, 5]);
    let reports = s.workshop.merge_ballots(&s.goals, &format!("{ana}\n{bo}"));
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Ana's ballot is in.", "Line 2: Bo's ballot is in."]
    );
    assert_eq!(
        s.workshop
            .dots_on(Subject::Initiatives, 5)
            .unwrap_err()
            .message(),
        "The dots on initiatives stay hidden until the reveal: 2 of 5 ballots in."
    );

    // Canary releases: Ana 2 + Bo 1 = 3; automate rollbacks: Ana 1 + Bo 1 = 2.
    s.workshop.reveal(Subject::Initiatives).unwrap();
    assert_eq!(ranked(&s), vec![(5, 3, 1), (3, 2, 2)]);

    // Cy opens a link made after the reveal: the device holds no counts,
    // so the vote is open there and shows no ranking of empty ballots.
    let invitation = s.workshop.invitation();
    assert_eq!(invitation.state(Subject::Initiatives), VoteState::Open);
    assert!(invitation.ranking(Subject::Initiatives, &[3, 5]).is_err());
    let cy = cast(&s, "Cy", Subject::Initiatives, &[3, 3, 3]);
    let reports = s.workshop.merge_ballots(&s.goals, &cy);
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Cy's ballot came after the reveal of the vote on initiatives, so it was not counted. Re-open the vote to take it."]
    );
    assert!(s.workshop.ballot("Cy").unwrap().initiatives.is_empty());
    assert_eq!(ranked(&s), vec![(5, 3, 1), (3, 2, 2)]);
    assert!(s
        .workshop
        .place_dot(&s.goals, "Dee", 3)
        .unwrap_err()
        .contains("re-open it"));
    // The vote on goals is its own: a ballot for it is still taken.
    let cy_goals = cast(&s, "Cy", Subject::Goals, &[1]);
    let reports = s.workshop.merge_ballots(&s.goals, &cy_goals);
    assert_eq!(messages(&reports), vec!["Line 1: Cy's ballot is in."]);

    // Re-opened: the ballot is taken and the counts hide again.
    s.workshop.reopen(Subject::Initiatives).unwrap();
    assert_eq!(s.workshop.state(Subject::Initiatives), VoteState::Reopened);
    assert!(s.workshop.reopen(Subject::Initiatives).is_err());
    let reports = s.workshop.merge_ballots(&s.goals, &cy);
    assert_eq!(messages(&reports), vec!["Line 1: Cy's ballot is in."]);
    let ids = candidates(&s.goals, Subject::Initiatives);
    let hidden = s.workshop.ranking(Subject::Initiatives, &ids).unwrap_err();
    assert_eq!(
        hidden.message(),
        "The dots on initiatives stay hidden until the reveal: 3 of 5 ballots in."
    );
    assert_eq!(
        s.workshop.progress(Subject::Initiatives).words(),
        "3 of 5 ballots in; waiting for Dee and Eve."
    );
    // While hidden, the first initiatives keep the chain's order.
    assert_eq!(initiative_options(&s, 2), vec![3]);

    // Revealed again, with Cy's dots: rollbacks 2 + 3 = 5, canary 3.
    s.workshop.reveal(Subject::Initiatives).unwrap();
    assert_eq!(ranked(&s), vec![(3, 5, 1), (5, 3, 2)]);
    assert_eq!(
        s.workshop.progress(Subject::Initiatives).words(),
        "Revealed: 3 of 5 ballots in."
    );
    assert!(s.is_valid());
}

#[test]
fn a_ballot_on_initiatives_from_another_workshop_names_it() {
    let mut s = room();
    let mut other = room();
    other
        .workshop
        .start(0x0BAD_0000_0000_0001, "Checkout", "", day(2026, 11, 15))
        .unwrap();
    let dee = cast(&other, "Dee", Subject::Initiatives, &[3]);
    let reports = s.workshop.merge_ballots(&s.goals, &dee);
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Dee's ballot is for another workshop, “Checkout”, started on 15 Nov 2026, code 0BAD; this one is “Payments API”, started on 22 Nov 2026, code 3F9A."]
    );
    assert_eq!(
        s.workshop.progress(Subject::Initiatives).count(),
        "0 of 5 ballots in"
    );
}

/// The room after both votes: goals Ana 1,1,2 and Bo 1,1, the top two
/// committed; initiatives Ana 5,3 and Cy 3, revealed, each committed goal
/// starting with its top initiative.
fn voted() -> Scenario {
    let mut s = room();
    for (voter, goals) in [("Ana", &[1, 1, 2, 5, 3][..]), ("Bo", &[1, 1]), ("Cy", &[3])] {
        for &g in goals {
            s.workshop.place_dot(&s.goals, voter, g).unwrap();
        }
    }
    s.workshop.reveal(Subject::Goals).unwrap();
    s.workshop.commit_top(&[1, 2, 4], 2).unwrap();
    s.workshop.reveal(Subject::Initiatives).unwrap();
    choose_initiative(&mut s, 1, Some(5)).unwrap();
    choose_initiative(&mut s, 2, Some(3)).unwrap();
    s.goals.get_mut(3).unwrap().owner = "Bo".into();
    s
}

#[test]
fn the_record_ranks_the_initiatives_voted_on() {
    let s = voted();
    let record = Record::of(&s, today());
    assert_eq!(
        record.markdown(),
        "# Workshop: Payments API

- Date: 22 Nov 2026
- Facilitator: Fay
- Vote on goals: 2 of 5 ballots in, revealed
- Vote on initiatives: 2 of 5 ballots in, revealed

## Committed goals

| Goal | Proposed by | Dots | Owner | First check-in | First initiative |
| --- | --- | ---: | --- | --- | --- |
| Operational: Deploy daily | Facilitator | 4 | — | — | Canary releases |
| Operational: Recover within an hour | Bo | 1 | — | — | Automate rollbacks |

## Vote on initiatives

| Rank | Initiative | Under | Proposed by | Dots |
| ---: | --- | --- | --- | ---: |
| 1 | Automate rollbacks | Operational: Recover within an hour | Bo | 2 |
| 2 | Canary releases | Operational: Deploy daily | Facilitator | 1 |

## Parking lot

Nothing was parked.
"
    );
    assert_eq!(
        record.csv(),
        "Goal,Level,Proposed by,Dots,Owner,First check-in,First initiative\r\n\
         Deploy daily,Operational,Facilitator,4,,,Canary releases\r\n\
         Recover within an hour,Operational,Bo,1,,,Automate rollbacks\r\n\
         Automate rollbacks,Initiative,Bo,2,Bo,,\r\n\
         Canary releases,Initiative,Facilitator,1,,,\r\n"
    );
    let json: serde_json::Value = serde_json::from_str(&record.json()).unwrap();
    assert_eq!(
        json["initiative_vote"],
        serde_json::json!({
            "ballots": "2 of 5 ballots in",
            "revealed": true,
            "initiatives": [
                {
                    "title": "Automate rollbacks",
                    "under": "Operational: Recover within an hour",
                    "proposed_by": "Bo",
                    "rank": 1,
                    "dots": 2,
                    "owner": "Bo"
                },
                {
                    "title": "Canary releases",
                    "under": "Operational: Deploy daily",
                    "proposed_by": "Facilitator",
                    "rank": 2,
                    "dots": 1,
                    "owner": ""
                }
            ]
        })
    );
}

#[test]
fn a_reopened_vote_on_initiatives_keeps_its_dots_out_of_the_record() {
    let mut s = voted();
    s.workshop.reopen(Subject::Initiatives).unwrap();
    let record = Record::of(&s, today());
    let md = record.markdown();
    assert!(md.contains(
        "- Vote on initiatives: 2 of 5 ballots in, not revealed, so the dots are left out\n"
    ));
    // Unranked, in the chain's order.
    assert!(md.contains(
        "| — | Automate rollbacks | Operational: Recover within an hour | Bo | hidden |
| — | Canary releases | Operational: Deploy daily | Facilitator | hidden |
"
    ));
    assert!(record.csv().ends_with(
        "Automate rollbacks,Initiative,Bo,hidden,Bo,,\r\nCanary releases,Initiative,Facilitator,hidden,,,\r\n"
    ));

    // A room that never voted on initiatives has no such section.
    let mut s = room();
    s.workshop.place_dot(&s.goals, "Ana", 1).unwrap();
    let record = Record::of(&s, today());
    assert_eq!(record.initiative_vote, None);
    assert!(!record.markdown().contains("initiatives"));
    assert!(!record.json().contains("initiative_vote"));
}
