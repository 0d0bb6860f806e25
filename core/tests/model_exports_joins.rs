//! Exports joined across files: GitHub deployments with their statuses,
//! merged pull requests for lead time and PagerDuty incidents, under the
//! preselected choices (production, high urgency), then an attributed
//! incident moved to another deployment and detached. Every figure is
//! `expected.py`'s (tests/fixtures/exports), quoted beside it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::import::exports::How;
use flywheel_core::model::{Baseline, Metric};

fn files() -> Vec<flywheel_core::model::import::exports::ParsedFile> {
    vec![
        read("github_deployments.json"),
        read("github_deployment_statuses.json"),
        read("gh_pr_list.json"),
        read("pagerduty_analytics.json"),
    ]
}

/// expected.py:
/// == github + statuses + pulls + pagerduty (high urgency)
/// deployments 8 per_week 4.0
/// lead n 7 median 25.1 p85 55.07166666666665
/// failed 6 cfr 75.0
/// recovery n 6 median 0.7916666666666667 p85 1.375
/// ties Q1PD7->-(none) Q1PD1->103(service) Q1PD9->104(service) Q1PD4->107(service)
///      Q1PD5->110(service) Q1PD6->111(any) Q1PD8->112(service)
#[test]
fn deployments_pulls_and_pages_join() {
    let files = files();
    let a = analyse(&files);
    let r = report(&a);
    assert_eq!(r.deployments, 8);
    close(r.deploys_per_week, 4.0);
    let lead = r.lead.unwrap();
    assert_eq!(lead.n, 7);
    close(lead.median, 25.1);
    close(lead.p85, 55.07166666666665);
    assert_eq!(r.failed, 6);
    close_opt(r.change_failure_rate, 75.0);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 6);
    close(rec.median, 0.7916666666666667);
    close(rec.p85, 1.375);
    assert_eq!(
        ties(&a),
        "Q1PD7->-(none) Q1PD1->103(service) Q1PD9->104(service) Q1PD4->107(service) \
         Q1PD5->110(service) Q1PD6->111(any) Q1PD8->112(service)"
    );
    // Every tie made by the rule is listed for review, with its reason.
    assert_eq!(a.to_review().count(), 6);
    let q6 = &a.attributions[5];
    assert!(q6.words.contains("\"payments\""), "{}", q6.words);
    assert!(a.attributions[0]
        .words
        .contains("before any production deployment"));
    // The pull requests: two joined by SHA, five by time, one not deployed.
    assert_eq!(
        (a.lead.by_sha, a.lead.by_time, a.lead.not_deployed),
        (2, 5, 1)
    );
    assert!(a.lead.words().contains("an approximation"));
}

/// expected.py:
/// == ... Q1PD6 moved to 110
/// failed 5 cfr 62.5
/// recovery n 5 median 1.0 p85 9.2
/// == ... Q1PD6 detached
/// failed 5 cfr 62.5
/// recovery n 6 median 0.7916666666666667 p85 1.375
#[test]
fn a_moved_or_detached_incident_changes_the_figures() {
    let files = files();
    let mut a = analyse(&files);
    let q6 = a.incidents.iter().position(|i| i.id == "Q1PD6").unwrap();
    let d110 = a.deployments.iter().position(|d| d.id == "110").unwrap();
    a.move_incident(q6, d110).unwrap();
    assert_eq!(a.attributions[q6].how, How::Moved);
    let r = report(&a);
    assert_eq!(r.failed, 5);
    close_opt(r.change_failure_rate, 62.5);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 5);
    close(rec.median, 1.0);
    close(rec.p85, 9.2);
    assert_eq!(a.ties().get("github-deployments:110"), Some(&2));

    // The correction survives a rebuild under the same choices.
    let again = flywheel_core::model::import::exports::Analysis::build(
        &files,
        &a.selection,
        flywheel_core::model::date::timestamp::offset(0),
    );
    assert_eq!(again.attributions[q6].deployment, Some(d110));

    a.detach(q6).unwrap();
    let r = report(&a);
    assert_eq!(r.failed, 5);
    close_opt(r.change_failure_rate, 62.5);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 6);
    close(rec.median, 0.7916666666666667);
    close(rec.p85, 1.375);
    assert!(a.attributions[q6].words.contains("detached by you"));

    assert!(a.move_incident(99, 0).is_err());
    assert!(a.move_incident(0, 99).is_err());
    assert!(a.detach(99).is_err());
}

#[test]
fn the_applied_report_sets_the_baseline_and_keeps_only_the_summary() {
    let a = analyse(&files());
    let r = report(&a);
    let mut b = Baseline::default();
    let m = r.apply(&mut b);
    assert!(m.is_valid());
    assert_eq!(m.deployments, 8);
    assert_eq!(m.lead_hours.len(), 7);
    assert_eq!(
        m.applied,
        vec![
            Metric::DeployFrequency,
            Metric::LeadTime,
            Metric::ChangeFailureRate,
            Metric::RecoveryTime
        ]
    );
    // No rework data: the baseline's rework rate stays as it was.
    assert_eq!(b.rework_rate, Baseline::default().rework_rate);
    assert_eq!(b.change_failure_rate, 75.0);
}
