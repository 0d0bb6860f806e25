//! The mistakes DORA tools make on exports (exports.md "Rules that peers
//! get wrong"), each on a few hand-written records whose figures are
//! worked out in the comments: a redelivered deployment event, an incident
//! updated three times, a test incident, a page on a low severity, a
//! failed pipeline that never deployed, an incident before any deployment,
//! and two services. The window is 2–15 March 2026, UTC (14 days).

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, Analysis, Choices, FileOptions, How, LevelKind, ParsedFile,
};

fn text(name: &str, body: &str) -> ParsedFile {
    read_file(
        name,
        body.as_bytes(),
        &FileOptions::default(),
        time::offset(0),
    )
    .unwrap_or_else(|e| panic!("{}", e.message))
}

/// Two production deployments, 2 and 9 March, in Flywheel's columns.
const TWO_DEPLOYS: &str = "id,deployed_at\nd1,2026-03-02T10:00:00Z\nd2,2026-03-09T10:00:00Z\n";

/// DevLake stores a redelivered payload once (create-or-update): the same
/// pipeline twice is one deployment. 2 deployments in 14 days = 1 a week,
/// not 1.5.
#[test]
fn a_redelivered_deployment_event_counts_once() {
    let one = r#"{"pipeline_id":"p1","repo_url":"https://github.com/acme/shop","commit_sha":"abc","start_time":"2026-03-02T10:00:00Z","end_time":"2026-03-02T10:05:00Z","result":"SUCCESS"}"#;
    let two = r#"{"pipeline_id":"p2","repo_url":"https://github.com/acme/shop","commit_sha":"def","start_time":"2026-03-09T10:00:00Z","end_time":"2026-03-09T10:05:00Z"}"#;
    let f = text("devlake.json", &format!("{one}\n{two}\n{one}\n"));
    assert_eq!((f.deployments.len(), f.merged), (2, 1));
    assert!(f.details()[0].contains("counted once"));
    let r = report(&analyse(&[f]));
    assert_eq!(r.deployments, 2);
    close(r.deploys_per_week, 1.0);
}

/// PagerDuty's REST list exported three times while incident Q1 was
/// triggered, acknowledged and resolved: one incident, with its final
/// resolution (10:00 → 11:30 = 1.5 h), tied to d2, deployed 9 March 10:00,
/// the second the incident starts ("at or before" its start).
#[test]
fn an_incident_updated_three_times_counts_once_with_its_last_state() {
    let rec = |status: &str, updated: &str, resolved: &str| {
        format!(
            r#"{{"id":"Q1","incident_number":1,"title":"Checkout down","created_at":"2026-03-09T10:00:00Z","updated_at":"{updated}","status":"{status}","urgency":"high","resolved_at":{resolved},"service":{{"summary":"shop"}}}}"#
        )
    };
    let body = format!(
        "{{\"incidents\":[{}]}}\n{{\"incidents\":[{}]}}\n{{\"incidents\":[{}]}}",
        rec("triggered", "2026-03-09T10:00:00Z", "null"),
        rec("acknowledged", "2026-03-09T10:05:00Z", "null"),
        rec(
            "resolved",
            "2026-03-09T11:30:00Z",
            "\"2026-03-09T11:30:00Z\""
        ),
    );
    let pd = text("incidents.json", &body);
    assert_eq!((pd.incidents.len(), pd.merged), (1, 2));
    let a = analyse(&[text("d.csv", TWO_DEPLOYS), pd]);
    let r = report(&a);
    // 1 failed of 2: 50%. One recovery sample of 1.5 h.
    assert_eq!(r.failed, 1);
    close_opt(r.change_failure_rate, 50.0);
    assert_eq!(r.recovery_hours, [1.5]);
    assert_eq!(ties(&a), "Q1->d2(any)");
}

/// incident.io's test incident is never counted by default: 0 failed of 2.
/// Counted when the user asks, it fails d1 (3 March is after d1): 50%.
#[test]
fn a_test_incident_never_counts_unless_asked() {
    let body = r#"{"incidents":[{"id":"01A","reference":"INC-9","name":"Failover drill","mode":"test","severity":{"name":"Critical","rank":3},"incident_status":{"category":"closed"},"created_at":"2026-03-03T10:00:00Z","incident_timestamp_values":[{"incident_timestamp":{"name":"Resolved at"},"value":{"value":"2026-03-03T10:30:00Z"}}]}]}"#;
    let files = vec![text("d.csv", TWO_DEPLOYS), text("io.json", body)];
    let c = Choices::of(&files);
    assert_eq!(c.test_incidents, 1);
    let mut sel = c.defaults();
    assert!(!sel.count_tests);
    let a = Analysis::build(&files, &sel, time::offset(0));
    assert!(a.incidents.is_empty());
    assert_eq!(a.exclusions(), ["1 incident left out: a test or tutorial."]);
    let r = report(&a);
    close_opt(r.change_failure_rate, 0.0);
    sel.count_tests = true;
    let r = report(&Analysis::build(&files, &sel, time::offset(0)));
    close_opt(r.change_failure_rate, 50.0);
}

/// A low-urgency page is not a failed change by default: only the high one
/// (on 9 March, after d2) counts, 1 of 2 = 50%. Choosing low as well adds
/// the 3 March page, after d1: 2 of 2 = 100%.
#[test]
fn a_page_on_a_low_urgency_is_left_out_by_default() {
    let csv = "id,incident_number,created_at,resolved_at,urgency,service_name\n\
               P1,1,2026-03-03T10:00:00Z,2026-03-03T10:10:00Z,low,shop\n\
               P2,2,2026-03-09T12:00:00Z,2026-03-09T13:00:00Z,high,shop\n";
    let files = vec![text("d.csv", TWO_DEPLOYS), text("pd.csv", csv)];
    let c = Choices::of(&files);
    let mut sel = c.defaults();
    let a = Analysis::build(&files, &sel, time::offset(0));
    close_opt(report(&a).change_failure_rate, 50.0);
    assert_eq!(a.exclusions(), ["1 incident left out: urgency not chosen."]);
    let urgency = sel
        .levels
        .iter_mut()
        .find(|l| l.kind == LevelKind::Urgency)
        .unwrap();
    urgency.values.push("low".into());
    let r = report(&Analysis::build(&files, &sel, time::offset(0)));
    close_opt(r.change_failure_rate, 100.0);
}

/// Run 2 failed on 4 March and never deployed: it is not a deployment, so
/// not a failed change, and the incident on 4 March 12:00 is the last
/// successful deployment's (run 1, 2 March). 2 deployments (runs 1 and 3),
/// 1 failed: 50%; counting the failed run as a failed deployment would give
/// 2 of 3.
#[test]
fn a_failed_pipeline_that_never_deployed_is_not_a_failed_change() {
    let run = |id: u32, concl: &str, at: &str| {
        format!(
            r#"{{"databaseId":{id},"number":{id},"workflowName":"Deploy","status":"completed","conclusion":"{concl}","createdAt":"{at}","updatedAt":"{at}","headSha":"s{id}"}}"#
        )
    };
    let body = format!(
        "[{},{},{}]",
        run(1, "success", "2026-03-02T10:00:00Z"),
        run(2, "failure", "2026-03-04T11:00:00Z"),
        run(3, "success", "2026-03-09T10:00:00Z")
    );
    let incidents = "id,started_at,resolved_at\nn1,2026-03-04T12:00:00Z,2026-03-04T13:00:00Z\n";
    let a = analyse(&[text("runs.json", &body), text("i.csv", incidents)]);
    let r = report(&a);
    assert_eq!(r.deployments, 2);
    close_opt(r.change_failure_rate, 50.0);
    assert_eq!(ties(&a), "n1->1(any)");
}

/// An incident on 2 March at 08:00 started before d1 (10:00): tied to
/// none, and it says so. Its 30 minutes still count as a recovery time (an
/// untied incident in the window); no deployment failed.
#[test]
fn an_incident_before_any_deployment_stays_untied_and_says_so() {
    let incidents = "id,started_at,resolved_at\nearly,2026-03-02T08:00:00Z,2026-03-02T08:30:00Z\n";
    let a = analyse(&[text("d.csv", TWO_DEPLOYS), text("i.csv", incidents)]);
    assert_eq!(a.attributions[0].how, How::NoneBefore);
    assert!(a.attributions[0]
        .words
        .contains("before any production deployment"));
    assert!(!a.attributions[0].by_rule());
    let r = report(&a);
    close_opt(r.change_failure_rate, 0.0);
    assert_eq!(r.recovery_hours, [0.5]);
}

/// Two services: search deployed last (9 March 12:00), but the checkout
/// incident at 9 March 13:00 is tied to checkout's last deployment (d-shop,
/// 2 March), the rule of its own service. The search incident goes to
/// search's deployment. Both deployments failed: 2 of 2.
#[test]
fn two_services_tie_incidents_to_their_own_deployments() {
    let deploys = r#"{"pipeline_id":"d-shop","repo_url":"https://github.com/acme/checkout","commit_sha":"a","end_time":"2026-03-02T10:00:00Z"}
{"pipeline_id":"d-search","repo_url":"https://github.com/acme/search","commit_sha":"b","end_time":"2026-03-09T12:00:00Z"}"#;
    let incidents = "id,incident_number,created_at,resolved_at,urgency,service_name\n\
                     P1,1,2026-03-09T13:00:00Z,2026-03-09T14:00:00Z,high,Checkout\n\
                     P2,2,2026-03-10T09:00:00Z,2026-03-10T09:30:00Z,high,search\n";
    let a = analyse(&[text("d.json", deploys), text("pd.csv", incidents)]);
    assert_eq!(ties(&a), "P1->d-shop(service) P2->d-search(service)");
    assert!(a.attributions[0].words.contains("of its service"));
    let r = report(&a);
    close_opt(r.change_failure_rate, 100.0);
    // Recovery: 1 h and 0.5 h.
    assert_eq!(r.recovery_hours, [0.5, 1.0]);
}
