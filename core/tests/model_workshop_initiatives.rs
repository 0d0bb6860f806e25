//! The vote on initiatives from devices: a late ballot waits for the vote
//! to re-open, the counts hide again until the next reveal, and a ballot
//! from another workshop is named.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::workshop::{candidates, initiative_options, Subject, VoteState};
use flywheel_core::model::Scenario;
use room::{cast, day, messages, room};

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
