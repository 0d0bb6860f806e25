//! A participant's own device: the name it votes under, its dots placed
//! without a half-typed name ever joining the voters, and the ballot it
//! sends; the rules' number fields; and the optional review step walked
//! first.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::workshop::{
    parse_dots, parse_participant, Outcome, Step, Subject, Workshop,
};
use room::room;

#[test]
fn a_device_votes_under_its_participants_name_once_a_dot_is_placed() {
    let facilitator = room();
    let mut device = facilitator.clone();
    device.workshop = facilitator.workshop.invitation();
    let goals = device.goals.clone();
    assert_eq!(
        device.workshop.place_own_dot(&goals, 1),
        Err("Enter your name first, as the facilitator will see it.".to_string())
    );
    // Typed letter by letter: no ballot changes until a dot is placed.
    for typed in ["G", "Gu", "Gus"] {
        device.workshop.participant = parse_participant(typed).unwrap();
    }
    assert_eq!(device.workshop.voters().len(), 5);
    device.workshop.place_own_dot(&goals, 1).unwrap();
    device.workshop.place_own_dot(&goals, 4).unwrap();
    assert_eq!(
        device.workshop.voters(),
        vec!["Ana", "Bo", "Cy", "Dee", "Eve", "Gus"]
    );
    assert_eq!(device.workshop.dots_left("Gus", Subject::Goals), Some(1));
    // An invited voter's name takes over their (empty) ballot.
    device.workshop.participant = "ana".into();
    device.workshop.place_own_dot(&goals, 2).unwrap();
    assert_eq!(device.workshop.voters().len(), 6);
    assert_eq!(device.workshop.ballot("Ana").unwrap().dots, vec![2]);
    // A proposer's own goal is refused under the rules they were sent.
    let mut strict = facilitator.clone();
    strict.workshop.set_own_goals(false).unwrap();
    let mut device = strict.clone();
    device.workshop = strict.workshop.invitation();
    device.workshop.participant = "Ana".into();
    let refused = device.workshop.place_own_dot(&goals, 4).unwrap_err();
    assert!(refused.contains("Ana proposed “Halve rework”"), "{refused}");

    // The ballot the device sends is counted on the facilitator's screen.
    let mut device = facilitator.clone();
    device.workshop = facilitator.workshop.invitation();
    device.workshop.participant = "Cy".into();
    device.workshop.place_own_dot(&goals, 2).unwrap();
    let link = device.workshop.ballot_link(Subject::Goals, "Cy").unwrap();
    let mut room = facilitator;
    let reports = room.workshop.merge_ballots(&room.goals, &link);
    assert_eq!(reports[0].outcome, Outcome::Added);
    assert_eq!(reports[0].message, "Line 1: Cy's ballot is in.");
}

#[test]
fn a_participants_name_may_be_blank_but_not_bad() {
    assert_eq!(parse_participant("  "), Ok(String::new()));
    assert_eq!(parse_participant(" Ana "), Ok("Ana".to_string()));
    assert!(parse_participant(&"x".repeat(81)).is_err());
}

#[test]
fn dots_typed_into_the_rules_come_whole_and_in_range() {
    assert_eq!(parse_dots(3.0), Ok(3));
    assert_eq!(parse_dots(20.0), Ok(20));
    assert_eq!(
        parse_dots(2.5),
        Err("Dots come whole: enter a whole number, such as 3.".to_string())
    );
    assert_eq!(
        parse_dots(21.0),
        Err("Enter a number of dots from 1 to 20.".to_string())
    );
    assert!(parse_dots(0.0).is_err());
}

#[test]
fn a_workshop_on_the_review_step_walks_one() {
    let mut w = Workshop::default();
    w.set_review_first(true);
    w.step = Step::Review;
    assert!(w.is_valid());
    // A link claiming the review step without one is refused.
    let mut odd = w.clone();
    odd.set_review_first(false);
    odd.step = Step::Review;
    assert!(!odd.is_valid());
    // Its time box stays within the model's range.
    for _ in 0..100 {
        w.extend(Step::Review, 5);
    }
    assert_eq!(w.minutes_for(Step::Review), 240);
    assert!(w.is_valid());
}
