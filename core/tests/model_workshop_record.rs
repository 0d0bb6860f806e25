//! What the room takes away: actions for committed goals, the review of the
//! last round, and the record as Markdown, CSV and JSON.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::goals::{CheckIn, Goal, Level, Measure, MetricTarget};
use flywheel_core::model::workshop::{
    action_rows, add_initiative, choose_initiative, initiative_options, last_round, review_round,
    set_first_check_in, set_owner, Record, Subject, Verdict,
};
use flywheel_core::model::{Metric, Scenario};
use room::{day, room, today};

/// The room after the vote: Ana 1,1,2; Bo 1,4; Cy 2, revealed, with the
/// top two committed (goal 1 with 3 dots, goal 2 with 2).
fn committed() -> Scenario {
    let mut s = room();
    for (voter, goals) in [("Ana", &[1, 1, 2][..]), ("Bo", &[1, 4]), ("Cy", &[2])] {
        for &g in goals {
            s.workshop.place_dot(&s.goals, voter, g).unwrap();
        }
    }
    s.workshop.reveal(Subject::Goals).unwrap();
    s.workshop.commit_top(&[1, 2, 4], 2).unwrap();
    assert_eq!(s.workshop.committed, vec![1, 2]);
    s
}

#[test]
fn each_committed_goal_gets_an_owner_a_date_and_an_initiative() {
    let mut s = committed();
    s.goals.get_mut(1).unwrap().deadline = Some(day(2027, 3, 31));
    assert_eq!(
        set_owner(&mut s, 4, "Cy"),
        Err("“Halve rework” is not among the committed goals.".to_string())
    );
    set_owner(&mut s, 1, "  Checkout squad ").unwrap();
    assert_eq!(s.goals.get(1).unwrap().owner, "Checkout squad");
    for (text, why) in [
        (
            "21/11/2026",
            "Enter the date as YYYY-MM-DD, such as 2027-01-15.",
        ),
        (
            "2026-11-21",
            "The first check-in cannot be in the past: pick 22 Nov 2026 or later.",
        ),
        (
            "2027-04-01",
            "That is after the goal's deadline (31 Mar 2027): pick an earlier date.",
        ),
    ] {
        assert_eq!(
            set_first_check_in(&mut s, 1, text, today()),
            Err(why.to_string())
        );
    }
    set_first_check_in(&mut s, 1, "2026-12-06", today()).unwrap();
    assert_eq!(initiative_options(&s, 1), vec![5]);
    assert_eq!(
        choose_initiative(&mut s, 1, Some(3)),
        Err("Pick one of the initiatives under “Deploy daily”, or add one.".to_string())
    );
    choose_initiative(&mut s, 1, Some(5)).unwrap();
    let added = add_initiative(&mut s, 2, "Page the owner on rollback", today()).unwrap();
    let goal = s.goals.get(added).unwrap();
    assert_eq!((goal.level, goal.parent), (Level::Initiative, Some(2)));

    let rows = action_rows(&s);
    let status: Vec<(String, String)> =
        rows.iter().map(|r| (r.label.clone(), r.status())).collect();
    assert_eq!(
        status,
        vec![
            (
                "Operational: Deploy daily".to_string(),
                "Ready.".to_string()
            ),
            (
                "Operational: Recover within an hour".to_string(),
                "Still needs an owner and a first check-in date.".to_string()
            ),
        ]
    );
    assert_eq!(
        rows[1].initiative.as_deref(),
        Some("Page the owner on rollback")
    );
    assert_eq!(rows[1].proposer, "Bo");

    // Once the vote on initiatives is revealed, the options come by dots.
    s.workshop.place_dot(&s.goals, "Ana", added).unwrap();
    s.workshop.reveal(Subject::Initiatives).unwrap();
    assert_eq!(initiative_options(&s, 2), vec![added, 3]);

    // A goal taken out of the committed set loses its action.
    s.workshop.toggle_commit(1);
    assert!(s.workshop.action(1).is_none());
    assert!(s.is_valid());
}

fn metric_goal(metric: Metric, target: f64, title: &str, check_in: Option<(u32, f64)>) -> Goal {
    Goal {
        target: Some(MetricTarget {
            measure: Measure::Baseline(metric),
            target,
        }),
        deadline: Some(day(2027, 1, 31)),
        check_ins: check_in
            .map(|(d, actual)| CheckIn::typed(day(2026, 11, d), actual))
            .into_iter()
            .collect(),
        ..Goal::new(Level::Operational, title, day(2026, 8, 1))
    }
}

#[test]
fn the_last_round_is_reviewed_first() {
    // The default baseline: change failure rate 18%, lead time 5 days
    // (120 hours), rework 12%, recovery 6 hours, 2 deploys a month. Each
    // goal starts 1 Aug 2026 and ends 31 Jan 2027: 183 days, 92 of them
    // gone by the 1 Nov check-ins, so 92/183 = 0.5027 of the way is due.
    let mut previous = Scenario::default();
    let goals = [
        metric_goal(
            Metric::ChangeFailureRate,
            15.0,
            "Fewer failed changes",
            Some((15, 14.5)),
        ),
        // (85 − 120)/(48 − 120) = 0.4861 made; 0.4861/0.5027 = 0.967.
        metric_goal(
            Metric::LeadTime,
            48.0,
            "Ship within two days",
            Some((1, 85.0)),
        ),
        // (9.5 − 12)/(6 − 12) = 0.4167; 0.4167/0.5027 = 0.829.
        metric_goal(Metric::ReworkRate, 6.0, "Halve rework", Some((1, 9.5))),
        // (5 − 6)/(1 − 6) = 0.2; 0.2/0.5027 = 0.398.
        metric_goal(
            Metric::RecoveryTime,
            1.0,
            "Recover within the hour",
            Some((1, 5.0)),
        ),
        Goal {
            deadline: Some(day(2026, 10, 31)),
            check_ins: vec![CheckIn::typed(day(2026, 10, 30), 0.5)],
            ..metric_goal(Metric::DeployFrequency, 1.0, "Deploy daily", None)
        },
        metric_goal(
            Metric::ChangeFailureRate,
            10.0,
            "Halve failed changes",
            None,
        ),
        Goal::new(Level::Business, "Delight merchants", day(2026, 8, 1)),
        metric_goal(Metric::ReworkRate, 4.0, "Rework below 4%", None),
    ];
    for g in goals {
        let id = previous.goals.add(g).unwrap();
        previous.workshop.toggle_commit(id);
    }
    // A goal the round did not commit to is not reviewed.
    previous
        .goals
        .add(Goal::new(Level::Technical, "Not committed", today()))
        .unwrap();
    let round = last_round(&previous);
    assert_eq!(round.len(), 8);
    let reviews = review_round(&round, &previous.baseline, &[(4, 0.3), (6, 0.62)], today());
    let got: Vec<(Verdict, &str)> = reviews
        .iter()
        .map(|r| (r.verdict, r.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Verdict::Met, "Met: 14.5% on 15 Nov 2026 reaches the target of 15%."),
            (Verdict::OnTrack, "On track: 3.54 days on 1 Nov 2026 is 97% of the progress due by then on a straight line to the target of 2 days (on track from 95%, lagging from 75%)."),
            (Verdict::Lagging, "Lagging: 9.5% on 1 Nov 2026 is 83% of the progress due by then on a straight line to the target of 6% (on track from 95%, lagging from 75%)."),
            (Verdict::AtRisk, "At risk: 5 hours on 1 Nov 2026 is 40% of the progress due by then on a straight line to the target of 1 hour (on track from 95%, lagging from 75%). 30% of simulated futures reach it by the deadline."),
            (Verdict::Missed, "Missed: the deadline, 31 Oct 2026, has passed, and the last check-in read 15.21 deploys per month on 30 Oct 2026, against a target of 30.42 deploys per month."),
            (Verdict::OnTrack, "On track: no check-in yet; 62% of simulated futures reach it by the deadline, even odds or better."),
            (Verdict::NotJudged, "Not judged: it has no metric target to measure it by."),
            (Verdict::NotJudged, "Not judged: no check-in yet, and no simulation of it."),
        ]
    );
    assert_eq!(reviews[3].chance, Some(0.3));
    assert_eq!(reviews[0].label, "Operational: Fewer failed changes");
    assert_eq!(Verdict::AtRisk.name(), "At risk");
}

/// The committed room with actions decided and two ideas parked.
fn decided() -> Scenario {
    let mut s = committed();
    set_owner(&mut s, 1, "Checkout squad").unwrap();
    set_first_check_in(&mut s, 1, "2026-12-06", today()).unwrap();
    choose_initiative(&mut s, 1, Some(5)).unwrap();
    set_owner(&mut s, 2, "-Bo, on call").unwrap();
    add_initiative(&mut s, 2, "Page the owner on rollback", today()).unwrap();
    s.workshop.park("Move to trunk-based development").unwrap();
    s.workshop.park("<script> | *wild* idea").unwrap();
    s
}

#[test]
fn the_record_reads_as_a_wiki_page() {
    let record = Record::of(&decided(), day(2026, 12, 1));
    assert_eq!(
        record.markdown(),
        "# Workshop: Payments API

- Date: 22 Nov 2026
- Facilitator: Fay
- Vote on goals: 3 of 5 ballots in, revealed

## Committed goals

| Goal | Proposed by | Dots | Owner | First check-in | First initiative |
| --- | --- | ---: | --- | --- | --- |
| Operational: Deploy daily | Facilitator | 3 | Checkout squad | 6 Dec 2026 | Canary releases |
| Operational: Recover within an hour | Bo | 2 | \\-Bo, on call | — | Page the owner on rollback |

## Parking lot

- Move to trunk-based development
- \\<script\\> \\| \\*wild\\* idea
"
    );

    // Before the reveal and before anything is committed or parked.
    let mut s = room();
    s.workshop.place_dot(&s.goals, "Ana", 1).unwrap();
    s.team = "Payments".into();
    assert_eq!(
        Record::of(&s, today()).markdown(),
        "# Workshop: Payments API

- Date: 22 Nov 2026
- Team: Payments
- Facilitator: Fay
- Vote on goals: 1 of 5 ballots in, not revealed, so the dots are left out

## Committed goals

No goals were committed.

## Parking lot

Nothing was parked.
"
    );
}

#[test]
fn the_record_reads_as_a_spreadsheet_and_as_json() {
    let record = Record::of(&decided(), today());
    assert_eq!(
        record.csv(),
        "Goal,Level,Proposed by,Dots,Owner,First check-in,First initiative\r\n\
         Deploy daily,Operational,Facilitator,3,Checkout squad,2026-12-06,Canary releases\r\n\
         Recover within an hour,Operational,Bo,2,\"'-Bo, on call\",,Page the owner on rollback\r\n"
    );
    assert_eq!(
        record.json(),
        r#"{
  "title": "Payments API",
  "team": "Payments API",
  "date": "2026-11-22",
  "facilitator": "Fay",
  "ballots": "3 of 5 ballots in",
  "revealed": true,
  "goals": [
    {
      "title": "Deploy daily",
      "level": "Operational",
      "proposed_by": "Facilitator",
      "dots": 3,
      "owner": "Checkout squad",
      "first_check_in": "2026-12-06",
      "first_initiative": "Canary releases"
    },
    {
      "title": "Recover within an hour",
      "level": "Operational",
      "proposed_by": "Bo",
      "dots": 2,
      "owner": "-Bo, on call",
      "first_check_in": null,
      "first_initiative": "Page the owner on rollback"
    }
  ],
  "parking_lot": [
    "Move to trunk-based development",
    "<script> | *wild* idea"
  ]
}"#
    );
}
