//! Each deployment export read on its own and with the same three
//! incidents (`incidents_common.csv`, Flywheel's columns, no service): what
//! it is recognised as, what it holds, what the preselection counts, and
//! the figures over 2–15 March 2026. Every figure is `expected.py`'s
//! (tests/fixtures/exports), quoted beside it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::import::exports::{Choices, Shape};

fn with_common(name: &str) -> Vec<flywheel_core::model::import::exports::ParsedFile> {
    vec![read(name), read("incidents_common.csv")]
}

/// expected.py:
/// == github deployments alone (production)
/// deployments 10 per_week 5.0
/// failed 3 cfr 30.0
/// recovery n 3 median 1.5 p85 4.65
/// ties n1->103(any) n2->107(any) n3->111(any)
#[test]
fn github_deployments_alone_count_as_created() {
    let f = read("github_deployments.json");
    assert_eq!(f.shape, Shape::GithubDeployments);
    assert_eq!(
        f.summary(),
        "GitHub deployments (REST API JSON): 12 deployments in 3 environments"
    );
    // Deployment 106 is on both pages (`gh api --paginate` output, two
    // arrays one after another): counted once.
    assert_eq!(f.merged, 1);
    assert!(f
        .details()
        .iter()
        .any(|d| d.contains("unless a statuses file")));
    let c = Choices::of(std::slice::from_ref(&f));
    let labels: Vec<String> = c.environments.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["production (10)", "pr-42 (1)", "staging (1)"]);
    assert!(c.environments[0].preselected && !c.environments[1].preselected);

    let a = analyse(&with_common("github_deployments.json"));
    let r = report(&a);
    assert_eq!(r.deployments, 10);
    close(r.deploys_per_week, 5.0);
    assert!(r.lead.is_none());
    assert_eq!(r.failed, 3);
    close_opt(r.change_failure_rate, 30.0);
    let rec = r.recovery.unwrap();
    close(rec.median, 1.5);
    close(rec.p85, 4.65);
    assert_eq!(ties(&a), "n1->103(any) n2->107(any) n3->111(any)");
}

#[test]
fn statuses_decide_which_deployments_reached_production() {
    let files = vec![
        read("github_deployments.json"),
        read("github_deployment_statuses.json"),
    ];
    let s = &files[1];
    assert_eq!(s.shape, Shape::GithubDeploymentStatuses);
    // Status 15 was delivered twice.
    assert_eq!(s.merged, 1);
    assert_eq!(
        s.summary(),
        "GitHub deployment statuses (REST API JSON): 16 statuses of 11 deployments"
    );
    let c = Choices::of(&files);
    let labels: Vec<String> = c.environments.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["production (8)", "pr-42 (1)", "staging (1)"]);
    let a = analyse(&files);
    // 105 failed and 109 is pending: neither reached production; 112 has
    // no status and counts as created.
    assert_eq!(a.statuses.never_reached, 1);
    assert_eq!(a.statuses.unfinished, 1);
    assert_eq!(a.statuses.without_status, 1);
    assert_eq!(a.statuses.updates_merged, 5);
    let ids: Vec<&str> = a.deployments.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["101", "103", "104", "106", "107", "110", "111", "112"]
    );
    // 106 reached production at its first success, not its later
    // `inactive`.
    assert_eq!(a.deployments[3].at, 1_772_795_160); // 2026-03-06T11:06:00Z
    assert!(a.notes.iter().any(|n| n.contains("never reached")));
}

/// expected.py:
/// == gh run list (Deploy production)
/// deployments 5 per_week 2.5
/// failed 3 cfr 60.0
/// recovery n 3 median 1.5 p85 4.65
/// ties n1->7003(any) n2->7005(any) n3->7008(any)
#[test]
fn gh_run_list_counts_successful_runs_of_the_deploy_workflow() {
    let f = read("gh_run_list.json");
    assert_eq!(f.shape, Shape::GithubRunsCli);
    // 7005's first attempt failed and its re-run succeeded: one run.
    assert_eq!(f.merged, 1);
    assert_eq!(
        f.summary(),
        "GitHub Actions runs (gh run list JSON): 7 successful runs of 2 workflows"
    );
    let details = f.details().join(" | ");
    assert!(
        details.contains("2 records left out: failed before deploying"),
        "{details}"
    );
    assert!(details.contains("cancelled before deploying"), "{details}");
    assert!(details.contains("still running"), "{details}");
    let c = Choices::of(std::slice::from_ref(&f));
    let labels: Vec<(String, bool)> = c
        .workflows
        .iter()
        .map(|o| (o.label(), o.preselected))
        .collect();
    assert_eq!(
        labels,
        [
            ("Deploy production (5)".to_string(), true),
            ("CI (2)".to_string(), false)
        ]
    );

    let a = analyse(&with_common("gh_run_list.json"));
    let r = report(&a);
    assert_eq!(r.deployments, 5);
    close(r.deploys_per_week, 2.5);
    assert_eq!(r.failed, 3);
    close_opt(r.change_failure_rate, 60.0);
    let rec = r.recovery.unwrap();
    close(rec.median, 1.5);
    close(rec.p85, 4.65);
    assert_eq!(ties(&a), "n1->7003(any) n2->7005(any) n3->7008(any)");
}

/// expected.py:
/// == REST workflow runs (Release)
/// deployments 4 per_week 2.0
/// failed 2 cfr 50.0
/// recovery n 2 median 43.25 p85 72.475
/// ties n1->8001(any) n2->8005(any) n3->8005(any)
#[test]
fn rest_workflow_runs_read_their_wrapped_pages() {
    let f = read("github_workflow_runs.json");
    assert_eq!(f.shape, Shape::GithubRunsRest);
    assert_eq!(f.merged, 1);
    assert_eq!(
        f.summary(),
        "GitHub Actions runs (REST API JSON): 5 successful runs of 2 workflows"
    );
    let a = analyse(&with_common("github_workflow_runs.json"));
    let r = report(&a);
    assert_eq!(r.deployments, 4);
    close(r.deploys_per_week, 2.0);
    assert_eq!(r.failed, 2);
    close_opt(r.change_failure_rate, 50.0);
    let rec = r.recovery.unwrap();
    close(rec.median, 43.25);
    close(rec.p85, 72.475);
    assert_eq!(ties(&a), "n1->8001(any) n2->8005(any) n3->8005(any)");
    assert_eq!(a.deployments[0].service.as_deref(), Some("shop"));
}

/// expected.py:
/// == gitlab deployments (production)
/// deployments 4 per_week 2.0
/// failed 3 cfr 75.0
/// recovery n 3 median 1.5 p85 4.65
/// ties n1->44(any) n2->46(any) n3->48(any)
#[test]
fn gitlab_deployments_count_successes_in_the_production_tier() {
    let f = read("gitlab_deployments.json");
    assert_eq!(f.shape, Shape::GitlabDeployments);
    assert_eq!(f.merged, 1);
    assert_eq!(
        f.summary(),
        "GitLab deployments (REST API JSON): 6 deployments in 3 environments"
    );
    let c = Choices::of(std::slice::from_ref(&f));
    let pre: Vec<&str> = c
        .environments
        .iter()
        .filter(|o| o.preselected)
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(pre, ["production"]);
    let a = analyse(&with_common("gitlab_deployments.json"));
    let r = report(&a);
    assert_eq!(r.deployments, 4);
    close(r.deploys_per_week, 2.0);
    assert_eq!(r.failed, 3);
    close_opt(r.change_failure_rate, 75.0);
    let rec = r.recovery.unwrap();
    close(rec.median, 1.5);
    close(rec.p85, 4.65);
    assert_eq!(ties(&a), "n1->44(any) n2->46(any) n3->48(any)");
    // 48 has no job finish: its last update (16:00 at +09:00) stands for it.
    let d48 = a.deployments.iter().find(|d| d.id == "48").unwrap();
    assert_eq!(d48.at, 1_773_298_800); // 2026-03-12T07:00:00Z
}

#[test]
fn deployments_without_incidents_leave_failure_rate_unknown() {
    let a = analyse(&[read("gitlab_deployments.json")]);
    let r = report(&a);
    assert_eq!(r.change_failure_rate, None);
    assert_eq!(r.rework_rate, None);
    assert!(a.notes.iter().any(|n| n.contains("unknown, not zero")));
}
