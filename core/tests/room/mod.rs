//! The workshop room the workshop tests share: a facilitator's scenario
//! with goals, initiatives, proposers and voters, and participants'
//! devices that open its invitation and send ballots.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Each workshop test file uses its own share of these helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, GoalId, Level};
use flywheel_core::model::workshop::{Proposal, Subject};
use flywheel_core::model::Scenario;

/// The room's workshop id, as the facilitator's device drew it.
pub const ID: u64 = 0x3F9A_1234_5678_9ABC;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the room meets.
pub fn today() -> NaiveDate {
    day(2026, 11, 22)
}

/// Goals 1 "Deploy daily" (the facilitator's), 2 "Recover within an
/// hour" (Bo's), 4 "Halve rework" (Ana's); initiatives 3 "Automate
/// rollbacks" under 2 (Bo's) and 5 "Canary releases" under 1. Started by
/// Fay, with no voters yet.
pub fn empty_room() -> Scenario {
    let mut s = Scenario {
        team: "Payments API".into(),
        ..Scenario::default()
    };
    for (level, title, parent) in [
        (Level::Operational, "Deploy daily", None),
        (Level::Operational, "Recover within an hour", None),
        (Level::Initiative, "Automate rollbacks", Some(2)),
        (Level::Operational, "Halve rework", None),
        (Level::Initiative, "Canary releases", Some(1)),
    ] {
        s.goals
            .add(Goal {
                parent,
                ..Goal::new(level, title, today())
            })
            .unwrap();
    }
    for (goal, by) in [(2, "Bo"), (3, "Bo"), (4, "Ana")] {
        s.workshop.proposals.push(Proposal {
            goal,
            by: by.into(),
        });
    }
    s.workshop
        .start(ID, "Payments API", "Fay", today())
        .unwrap();
    s
}

/// [`empty_room`] with five expected voters: Ana, Bo, Cy, Dee and Eve.
pub fn room() -> Scenario {
    let mut s = empty_room();
    for v in ["Ana", "Bo", "Cy", "Dee", "Eve"] {
        s.workshop.add_voter(v).unwrap();
    }
    s
}

/// A participant's device: opens the room's invitation, places `dots`
/// under the rules it carries, and sends the ballot link for `subject`.
pub fn cast(room: &Scenario, voter: &str, subject: Subject, dots: &[GoalId]) -> String {
    let mut device = room.clone();
    device.workshop = room.workshop.invitation();
    device.workshop.participant = voter.into();
    device.workshop.add_voter(voter).unwrap();
    for &goal in dots {
        device
            .workshop
            .place_dot(&device.goals, voter, goal)
            .unwrap();
    }
    device.workshop.ballot_link(subject, voter).unwrap()
}

/// The messages of a merge, for pinning.
pub fn messages(reports: &[flywheel_core::model::workshop::BallotReport]) -> Vec<&str> {
    reports.iter().map(|r| r.message.as_str()).collect()
}
