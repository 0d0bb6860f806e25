//! The user's picks over the preselection, as the Import panel keeps them:
//! boxes ticked and cleared, ties corrected, all surviving a rebuild and a
//! file read again; the deployments offered when an incident is moved; and
//! Flywheel's own CSV read with the mapping path's reasons and links.
//! Figures are `expected.py`'s (tests/fixtures/exports), quoted beside
//! them.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, Analysis, Choices, FileOptions, Group, How, LevelKind, ParsedFile, Picks,
    CANDIDATES_BEFORE,
};
use flywheel_core::model::import::{check_size, InputError, WindowChoice};
use flywheel_core::model::import::{MAX_INPUT_BYTES, MAX_JSON_BYTES};

/// The three files the panel's end-to-end test drops together.
fn dropped() -> Vec<ParsedFile> {
    vec![
        read("github_deployments.json"),
        read("gh_pr_list.json"),
        read("pagerduty_analytics.json"),
    ]
}

fn build(files: &[ParsedFile], picks: &Picks) -> Analysis {
    Analysis::build(files, &Choices::of(files).select(picks), time::offset(0))
}

fn incident(a: &Analysis, id: &str) -> usize {
    a.incidents.iter().position(|i| i.id == id).unwrap()
}

fn deployment(a: &Analysis, id: &str) -> usize {
    a.deployments.iter().position(|d| d.id == id).unwrap()
}

/// expected.py:
/// == github (no statuses) + pulls + pagerduty (high urgency)
/// deployments 10 per_week 5.0
/// lead n 7 median 25.0 p85 33.39999999999998
/// failed 6 cfr 60.0
/// recovery n 6 median 0.7916666666666667 p85 1.375
#[test]
fn no_picks_is_the_preselection() {
    let files = dropped();
    let c = Choices::of(&files);
    assert_eq!(c.select(&Picks::default()), c.defaults());
    let a = build(&files, &Picks::default());
    let r = report(&a);
    assert_eq!(r.deployments, 10);
    close(r.deploys_per_week, 5.0);
    let lead = r.lead.unwrap();
    assert_eq!(lead.n, 7);
    close(lead.median, 25.0);
    close(lead.p85, 33.39999999999998);
    assert_eq!(r.failed, 6);
    close_opt(r.change_failure_rate, 60.0);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 6);
    close(rec.median, 0.7916666666666667);
    close(rec.p85, 1.375);
    assert_eq!(
        c.groups(),
        [
            Group::Environment,
            Group::Level(LevelKind::Priority),
            Group::Level(LevelKind::Urgency),
            Group::Service,
            Group::Team
        ]
    );
    assert_eq!(Group::Level(LevelKind::Urgency).name(), "Urgencies counted");
}

#[test]
fn ticks_lay_over_the_preselection_and_survive_a_file_read_again() {
    let files = dropped();
    let c = Choices::of(&files);
    let urgency = Group::Level(LevelKind::Urgency);
    let s = c.select(&Picks::default());
    assert!(s.has(Group::Environment, "production"));
    assert!(!s.has(Group::Environment, "staging"));
    assert!(s.has(urgency, "high") && !s.has(urgency, "low"));

    let mut picks = Picks::default();
    picks.tick(Group::Environment, "Staging", true);
    picks.tick(urgency, "low", true);
    picks.tick(urgency, "LOW", false);
    picks.tick(urgency, "low", true);
    assert_eq!(picks.ticked(urgency, "Low"), Some(true));
    let s = c.select(&picks);
    assert!(s.has(Group::Environment, "staging") && s.has(Group::Environment, "production"));
    assert!(s.has(urgency, "low"));
    // Staging's deployments join production's: the count beside it.
    let staging = c
        .environments
        .iter()
        .find(|o| o.value == "staging")
        .unwrap()
        .count;
    let r = report(&build(&files, &picks));
    assert_eq!(r.deployments, 10 + staging);

    // Without the pages the urgency tick has nothing to act on; with them
    // read again it does once more.
    let two = vec![read("github_deployments.json"), read("gh_pr_list.json")];
    assert!(Choices::of(&two).select(&picks).levels.is_empty());
    assert!(Choices::of(&dropped()).select(&picks).has(urgency, "low"));

    // Clearing production leaves no deployment: the report says why.
    picks.tick(Group::Environment, "production", false);
    picks.tick(Group::Environment, "staging", false);
    let e = build(&files, &picks).report(window()).unwrap_err();
    assert!(
        e.0.contains("No production deployments are counted"),
        "{}",
        e.0
    );
}

/// expected.py:
/// == ... Q1PD6 moved to 110
/// failed 5 cfr 50.0
/// recovery n 5 median 1.0 p85 9.2
#[test]
fn a_tie_corrected_in_the_picks_survives_a_rebuild_and_can_be_undone() {
    let files = dropped();
    let a = build(&files, &Picks::default());
    let q6 = incident(&a, "Q1PD6");
    let d110 = deployment(&a, "110");
    assert_eq!(a.attributions[q6].deployment, Some(deployment(&a, "111")));
    let offered = a.candidates(q6);
    assert!(offered.contains(&d110), "{offered:?}");
    assert!(offered.len() <= CANDIDATES_BEFORE + 3);
    assert!(offered.windows(2).all(|w| w[0] < w[1]));
    let words = a.deployment_words(d110);
    assert!(words.starts_with("110 at "), "{words}");
    assert!(words.ends_with("(production, shop)"), "{words}");
    let before = a.to_review().count();

    let mut picks = Picks::default();
    let key = a.deployments[d110].key.clone();
    picks.tie(&a.incidents[q6].key, Some(&key));
    assert_eq!(picks.corrections(), 1);
    // Other picks later do not lose it.
    picks.tick(Group::Environment, "staging", false);
    let moved = build(&files, &picks);
    assert_eq!(moved.attributions[q6].how, How::Moved);
    assert!(moved.attributions[q6].reviewable());
    assert_eq!(moved.to_review().count(), before - 1);
    let r = report(&moved);
    assert_eq!(r.failed, 5);
    close_opt(r.change_failure_rate, 50.0);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 5);
    close(rec.median, 1.0);
    close(rec.p85, 9.2);

    // Detached: a failure of no deployment; then given back to the rule.
    picks.tie(&a.incidents[q6].key, None);
    let detached = build(&files, &picks);
    assert_eq!(detached.attributions[q6].how, How::Detached);
    assert_eq!(report(&detached).failed, 5);
    picks.untie(&a.incidents[q6].key);
    assert_eq!(picks.corrections(), 0);
    let back = build(&files, &picks);
    assert!(back.attributions[q6].by_rule());
    close_opt(report(&back).change_failure_rate, 60.0);
}

fn csv(name: &str, text: &str) -> ParsedFile {
    read_file(
        name,
        text.as_bytes(),
        &FileOptions::default(),
        time::offset(0),
    )
    .unwrap()
}

/// Flywheel's own CSV reads as the mapping path does: a repeated id is a
/// row left out, with the same words; an empty `deployment_id` ties the
/// incident to none (1 failed of 2 deployments: 50%, not 100%); a file
/// whose every row is left out says so.
#[test]
fn flywheel_csv_keeps_the_mapping_paths_reasons_and_links() {
    let d = csv(
        "d.csv",
        "id,deployed_at\nd1,2026-03-02T10:00:00Z\nd2,2026-03-09T10:00:00Z\nd1,2026-03-10T10:00:00Z\nd3,03/02/2026\nd4,\n",
    );
    assert_eq!((d.deployments.len(), d.merged), (2, 0));
    let reasons: Vec<(String, &str)> = d
        .rejected
        .iter()
        .map(|r| (r.position.words(), r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("line 4".to_string(), "duplicate id \"d1\""),
            (
                "line 5".to_string(),
                "unparseable timestamp \"03/02/2026\" in \"deployed_at\""
            ),
            (
                "line 6".to_string(),
                "missing required column \"deployed_at\""
            ),
        ]
    );
    assert_eq!(d.unusable(), None);
    let i = csv(
        "i.csv",
        "id,started_at,resolved_at,deployment_id\n\
         i1,2026-03-02T11:00:00Z,2026-03-02T12:00:00Z,d1\n\
         i2,2026-03-09T12:00:00Z,2026-03-09T13:00:00Z,\n\
         i1,2026-03-09T12:00:00Z,2026-03-09T13:00:00Z,\n",
    );
    assert_eq!(i.rejected[0].reason, "duplicate id \"i1\"");
    let files = vec![d, i];
    let a = Analysis::build(&files, &Choices::of(&files).defaults(), time::offset(0));
    assert_eq!(a.attributions[1].how, How::NamedNone);
    assert!(a.attributions[1]
        .words
        .ends_with("the data ties it to no deployment."));
    assert_eq!(a.to_review().count(), 0);
    let r = report(&a);
    assert_eq!((r.deployments, r.failed), (2, 1));
    // Recovery: d1's incident (1 h) and the untied one (1 h).
    assert_eq!(r.recovery.unwrap().n, 2);

    let none = csv("x.csv", "deployed_at\nlater\nsoon\n");
    assert_eq!(
        none.unusable().unwrap(),
        "None of the 2 deployment rows could be used (line 2: unparseable timestamp \"later\" in \"deployed_at\"). Check the column mapping and the timestamp format."
    );
}

#[test]
fn sizes_are_checked_from_the_head_and_windows_read_in_words() {
    let json = b"\xEF\xBB\xBF \n[{\"id\":1}]";
    assert_eq!(check_size(json, MAX_INPUT_BYTES + 1), Ok(()));
    assert_eq!(
        check_size(b"id,deployed_at\n", MAX_INPUT_BYTES + 1),
        Err(InputError::TooLarge(MAX_INPUT_BYTES + 1))
    );
    assert_eq!(
        check_size(json, MAX_JSON_BYTES + 1),
        Err(InputError::TooLargeJson(MAX_JSON_BYTES + 1))
    );
    assert_eq!(
        check_size(&[0; 16], 50 * 1024 * 1024)
            .unwrap_err()
            .message(),
        "This file is 50.0 MB; the limit is 20 MB. Export a shorter period or fewer columns."
    );
    let labels: Vec<String> = WindowChoice::OFFERED
        .into_iter()
        .map(WindowChoice::label)
        .collect();
    assert_eq!(labels, ["Last 30 days", "Last 90 days", "Last 180 days"]);
    assert!(WindowChoice::OFFERED.contains(&WindowChoice::DEFAULT));
}
