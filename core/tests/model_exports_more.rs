//! Four Keys' tables, DevLake's payloads, Jira issues, git log and GitLab's
//! DORA points, each with its figures over 2–15 March 2026 (January–March
//! for GitLab's monthly points). Every figure is `expected.py`'s
//! (tests/fixtures/exports), quoted beside it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use chrono::NaiveDate;
use exports_common::*;
use flywheel_core::model::date::locale::DateForm;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, Choices, DoraMetric, EscapeRule, FileOptions, IncidentRule, Question, Shape,
};
use flywheel_core::model::import::{Window, WindowChoice};
use flywheel_core::model::{Baseline, Metric};

/// expected.py: == four keys tables
/// deployments 4 per_week 2.0; lead n 7 median 13.0 p85 21.9
/// failed 3 cfr 75.0; recovery n 2 median 1.8333333333333333 p85 2.0666666666666664
/// ties 42->d-2(commit) 43->d-3(any) 44->d-4(any)
#[test]
fn four_keys_tables() {
    let files = vec![
        read("fourkeys_deployments.jsonl"),
        read("fourkeys_changes.jsonl"),
        read("fourkeys_incidents.jsonl"),
    ];
    let shapes: Vec<Shape> = files.iter().map(|f| f.shape).collect();
    assert_eq!(
        shapes,
        [
            Shape::FourKeysDeployments,
            Shape::FourKeysChanges,
            Shape::FourKeysIncidents
        ]
    );
    // d-2 twice, s11 twice, incident 42 twice (Four Keys #213): each once.
    assert_eq!(
        files.iter().map(|f| f.merged).collect::<Vec<_>>(),
        [1, 1, 1]
    );
    assert_eq!(
        files[0].summary(),
        "Four Keys deployments (BigQuery table JSON): 4 deployments"
    );
    let a = analyse(&files);
    let r = report(&a);
    assert_eq!(r.deployments, 4);
    close(r.deploys_per_week, 2.0);
    let lead = r.lead.unwrap();
    assert_eq!(lead.n, 7);
    close(lead.median, 13.0);
    close(lead.p85, 21.9);
    assert_eq!(r.failed, 3);
    close_opt(r.change_failure_rate, 75.0);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 2);
    close(rec.median, 1.8333333333333333);
    close(rec.p85, 2.0666666666666664);
    assert_eq!(ties(&a), "42->d-2(commit) 43->d-3(any) 44->d-4(any)");
    // The commit named as the cause is said, and only the rule's ties wait
    // for review.
    assert!(a.attributions[0].words.contains("names commit"));
    assert_eq!(a.to_review().count(), 2);
    // s41 was pushed after the last deployment: not deployed yet.
    assert_eq!((a.lead.by_sha, a.lead.not_deployed), (7, 1));
}

/// expected.py: == devlake payloads (SEV1, SEV2)
/// deployments 4 per_week 2.0; failed 3 cfr 75.0
/// recovery n 3 median 0.6666666666666666 p85 0.8999999999999999
/// ties DLK-5->-(none) DLK-1->p-100(service) DLK-3->p-103(service) DLK-4->p-106(any)
#[test]
fn devlake_payloads() {
    let files = vec![
        read("devlake_deployments.jsonl"),
        read("devlake_issues.jsonl"),
    ];
    let (d, i) = (&files[0], &files[1]);
    assert_eq!(d.shape, Shape::DevlakeDeployments);
    assert_eq!(i.shape, Shape::DevlakeIssues);
    // p-103 redelivered; DLK-1 sent three times as it was worked on.
    assert_eq!((d.merged, i.merged), (1, 2));
    let dlk1 = i.incidents.iter().find(|x| x.id == "DLK-1").unwrap();
    assert_eq!(dlk1.resolved, Some(1_772_449_200)); // 2026-03-02T11:00:00Z
    assert!(i
        .details()
        .iter()
        .any(|x| x.contains("another type than INCIDENT")));
    assert_eq!(
        d.summary(),
        "DevLake deployments (webhook payloads JSON): 5 deployments in 2 environments"
    );
    let a = analyse(&files);
    let r = report(&a);
    assert_eq!(r.deployments, 4);
    close(r.deploys_per_week, 2.0);
    assert!(r.lead.is_none());
    assert_eq!(r.failed, 3);
    close_opt(r.change_failure_rate, 75.0);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 3);
    close(rec.median, 0.6666666666666666);
    close(rec.p85, 0.8999999999999999);
    assert_eq!(
        ties(&a),
        "DLK-5->-(none) DLK-1->p-100(service) DLK-3->p-103(service) DLK-4->p-106(any)"
    );
}

/// expected.py: == jira incidents (type Incident; Highest, High) with common deployments
/// failed 2 cfr 28.57142857142857; recovery n 1 median 2.0 p85 2.0
/// ties SHOP-1->c1(any) SHOP-9->c6(any)
/// defect escape: bugs 5 in production 2 percent 40.0
#[test]
fn jira_issues_give_incidents_and_the_defect_escape_rate() {
    let j = read("jira_issues.csv");
    assert_eq!(j.shape, Shape::Jira);
    assert_eq!(
        j.summary(),
        "Jira issues (CSV export): 11 issues of 4 types"
    );
    assert!(j
        .details()
        .iter()
        .any(|d| d.contains("day/month name/year")));
    let shop2 = j.issues.iter().find(|i| i.key == "SHOP-2").unwrap();
    assert_eq!(shop2.labels, ["production", "customer"]);
    assert_eq!(shop2.components, ["shop", "cart"]);
    let c = Choices::of(std::slice::from_ref(&j));
    let jira = c.jira.as_ref().unwrap();
    assert_eq!(jira.incidents, IncidentRule::IssueType("Incident".into()));
    assert_eq!(jira.bug_types, ["Bug"]);
    assert_eq!(jira.escape, EscapeRule::Label("production".into()));
    assert_eq!(jira.issue_types[0].label(), "Bug (6)");

    let files = vec![read("deployments_common.csv"), j];
    let a = analyse(&files);
    let r = report(&a);
    assert_eq!(r.failed, 2);
    close_opt(r.change_failure_rate, 28.57142857142857);
    let rec = r.recovery.unwrap();
    assert_eq!(rec.n, 1);
    close(rec.median, 2.0);
    assert_eq!(ties(&a), "SHOP-1->c1(any) SHOP-9->c6(any)");
    let e = a.escape(window()).unwrap();
    assert_eq!((e.bugs, e.in_production), (5, 2));
    close_opt(e.percent, 40.0);
    assert_eq!(
        e.words(),
        "2 of 5 bugs were found in production (40.0%): bugs labelled \"production\"."
    );
    close_opt(r.defect_escape_rate, 40.0);
    let mut b = Baseline::default();
    let m = r.apply(&mut b);
    assert_eq!(b.defect_escape_rate, Some(40.0));
    assert!(m.applied.contains(&Metric::DefectEscapeRate));
    assert!(m.is_valid());
}

#[test]
fn ambiguous_jira_dates_are_asked_and_then_read() {
    let text = "Issue key,Issue Type,Priority,Created,Resolved\n\
                OPS-1,Incident,High,6/3/2026 10:00,6/3/2026 11:30\n\
                OPS-2,Bug,Low,1/3/2026 09:00,\n";
    let zone = time::offset(0);
    let f = read_file("ops.csv", text.as_bytes(), &FileOptions::default(), zone).unwrap();
    assert_eq!(
        f.question,
        Some(Question::DateForm {
            candidates: vec![DateForm::DayFirst, DateForm::MonthFirst],
            sample: "6/3/2026 10:00".into()
        })
    );
    assert!(f.issues.is_empty());
    assert!(f.details()[0].starts_with("Choose how the dates are written"));
    let options = FileOptions {
        date_form: Some(DateForm::DayFirst),
        ..FileOptions::default()
    };
    let f = read_file("ops.csv", text.as_bytes(), &options, zone).unwrap();
    assert_eq!(f.issues[0].created, 1_772_791_200); // 6 March 2026 10:00 UTC
    let options = FileOptions {
        date_form: Some(DateForm::MonthFirst),
        ..FileOptions::default()
    };
    let f = read_file("ops.csv", text.as_bytes(), &options, zone).unwrap();
    assert_eq!(f.issues[0].created, 1_780_480_800); // 3 June 2026 10:00 UTC
}

/// expected.py: == git log churn
/// commits 5 added 153 deleted 41 binary 1 percent 26.797385620915033
#[test]
fn git_log_gives_code_churn() {
    let g = read("gitlog.txt");
    assert_eq!(g.shape, Shape::GitLog);
    assert_eq!(g.merged, 1);
    let files = vec![read("deployments_common.csv"), g];
    let a = analyse(&files);
    let c = a.churn(window()).unwrap();
    assert_eq!(
        (c.commits, c.added, c.deleted, c.binary_files),
        (5, 153, 41, 1)
    );
    close_opt(c.percent, 26.797385620915033);
    assert!(c.words().contains("git cannot tell how old"));
    let r = report(&a);
    close_opt(r.code_churn, 26.797385620915033);
    let mut b = Baseline::default();
    r.apply(&mut b);
    assert_eq!(b.code_churn, Some(26.8));
}

/// expected.py: == gitlab dora daily deployment frequency, 2-15 March
/// deployments 24 per_week 12.0 weeks [11, 13]
/// == gitlab dora monthly, January-March
/// deployments 150 per_week 11.666666666666668 lead 24.0 restore 1.5 cfr 6.0
#[test]
fn gitlab_dora_points_give_the_baseline_and_a_monthly_trend() {
    let daily = read("gitlab_dora_deployment_frequency.json");
    assert_eq!(daily.shape, Shape::GitlabDora);
    assert_eq!(daily.dora_metric, Some(DoraMetric::DeploymentFrequency));
    let a = analyse(std::slice::from_ref(&daily));
    assert!(a
        .report(window())
        .unwrap_err()
        .0
        .contains("aggregated DORA"));
    let f = a.dora_figures(window()).unwrap();
    assert!(!f.monthly);
    close_opt(f.deployments, 24.0);
    close_opt(f.deploys_per_week, 12.0);
    assert_eq!(f.weekly_deploys, [11, 13]);
    assert_eq!(f.months.len(), 1);
    close_opt(f.months[0].deployments, 24.0);

    let monthly = read("gitlab_dora_monthly.json");
    let a = analyse(std::slice::from_ref(&monthly));
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let q1 = Window::resolve(
        WindowChoice::Range(d(1, 1), d(3, 31)),
        d(3, 31),
        time::offset(0),
    )
    .unwrap();
    assert_eq!(a.last_date(), Some(d(3, 1)));
    let f = a.dora_figures(q1).unwrap();
    assert!(f.monthly);
    close_opt(f.deployments, 150.0);
    close_opt(f.deploys_per_week, 11.666666666666668);
    close_opt(f.lead_hours, 24.0);
    close_opt(f.restore_hours, 1.5);
    close_opt(f.change_failure_rate, 6.0);
    let months: Vec<(NaiveDate, Option<f64>)> =
        f.months.iter().map(|m| (m.month, m.lead_hours)).collect();
    assert_eq!(
        months,
        [
            (d(1, 1), Some(48.0)),
            (d(2, 1), Some(24.0)),
            (d(3, 1), Some(12.0))
        ]
    );
    assert_eq!(f.months[2].restore_hours, None);
    let mut b = Baseline::default();
    let m = f.apply(&mut b);
    assert!(m.is_valid());
    assert_eq!(m.deployments, 150);
    assert!(m.lead_hours.is_empty());
    assert_eq!(b.change_failure_rate, 6.0);
    assert_eq!(m.applied.len(), 4);
}

#[test]
fn an_unnamed_dora_file_asks_which_metric_it_is() {
    let f = read("gitlab_dora_unnamed.json");
    // 0.25 and 0.5: not counts of deployments; any of the other three.
    assert_eq!(
        f.question,
        Some(Question::DoraMetric {
            candidates: vec![
                DoraMetric::LeadTime,
                DoraMetric::TimeToRestore,
                DoraMetric::ChangeFailureRate
            ]
        })
    );
    let f = read_with(
        "gitlab_dora_unnamed.json",
        FileOptions {
            dora_metric: Some(DoraMetric::ChangeFailureRate),
            ..FileOptions::default()
        },
    );
    assert_eq!(f.dora.len(), 3);
    assert_eq!(f.dora[1].change_failure, None);
    assert_eq!(f.dora[2].change_failure, Some(0.5));
}

/// The other rules the user may choose, on `jira_issues.csv` (bugs in the
/// window: SHOP-2 High, Environment "Production", labels production and
/// customer; SHOP-3 Medium, "staging"; SHOP-4 Low, qa; SHOP-7 High,
/// "Production", production; SHOP-8 Medium):
/// - Environment "Production": SHOP-2 and SHOP-7 of 5, 40%;
/// - priority High: SHOP-2 and SHOP-7 of 5, 40%; Medium: SHOP-3, SHOP-8, 40%;
/// - issue type Incident counts as a bug found in production: the window's
///   incidents SHOP-1, SHOP-5 and SHOP-9 join the 5 bugs, 3 of 8 = 37.5%.
///
/// Incidents by label "production": SHOP-1, SHOP-2, SHOP-5, SHOP-7, SHOP-9
/// (SHOP-10 too, before the window); by priority Highest: SHOP-1.
#[test]
fn jira_rules_the_user_may_choose() {
    use flywheel_core::model::import::exports::Analysis;
    let files = vec![read("jira_issues.csv")];
    let mut sel = defaults(&files);
    let rate = |sel: &flywheel_core::model::import::exports::Selection| {
        Analysis::build(&files, sel, time::offset(0))
            .escape(window())
            .unwrap()
    };
    sel.escape = EscapeRule::Environment("production".into());
    let e = rate(&sel);
    assert_eq!((e.bugs, e.in_production), (5, 2));
    sel.escape = EscapeRule::Priorities(vec!["Medium".into()]);
    let e = rate(&sel);
    assert_eq!((e.bugs, e.in_production), (5, 2));
    sel.escape = EscapeRule::IssueType("Incident".into());
    let e = rate(&sel);
    assert_eq!((e.bugs, e.in_production), (8, 3));
    close_opt(e.percent, 37.5);
    sel.escape = EscapeRule::Unset;
    let e = rate(&sel);
    assert_eq!(e.percent, None);
    assert!(e.words().starts_with("Choose which bugs"));

    sel.levels.clear();
    sel.jira_incidents = IncidentRule::Label("production".into());
    let ids: Vec<String> = Analysis::build(&files, &sel, time::offset(0))
        .incidents
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["SHOP-10", "SHOP-1", "SHOP-2", "SHOP-5", "SHOP-7", "SHOP-9"]
    );
    sel.jira_incidents = IncidentRule::Priorities(vec!["Highest".into()]);
    let a = Analysis::build(&files, &sel, time::offset(0));
    assert_eq!(a.incidents.len(), 1);
    sel.jira_incidents = IncidentRule::None;
    let a = Analysis::build(&files, &sel, time::offset(0));
    assert!(a.incidents.is_empty());
}

/// Services and teams are all preselected; leaving one out leaves its
/// incidents out. `pagerduty_analytics.json` names shop four times ("Shop"
/// once, the same service), search three times, payments once; with
/// "payments" unchosen it keeps 6 of its 7 high-urgency incidents.
#[test]
fn a_service_left_out_leaves_its_incidents_out() {
    use flywheel_core::model::import::exports::Analysis;
    let files = vec![
        read("github_deployments.json"),
        read("pagerduty_analytics.json"),
    ];
    let c = Choices::of(&files);
    let labels: Vec<String> = c.services.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["shop (4)", "search (3)", "payments (1)"]);
    assert!(c.services.iter().all(|o| o.preselected));
    let teams: Vec<String> = c.teams.iter().map(|o| o.label()).collect();
    assert_eq!(teams, ["Payments (4)", "Discovery (3)"]);
    let mut sel = c.defaults();
    assert_eq!(
        Analysis::build(&files, &sel, time::offset(0))
            .incidents
            .len(),
        7
    );
    sel.services.retain(|s| s != "payments");
    let a = Analysis::build(&files, &sel, time::offset(0));
    assert_eq!(a.incidents.len(), 6);
    assert_eq!(
        a.exclusions(),
        [
            "2 deployments left out: environment not chosen as production.",
            "1 incident left out: urgency not chosen.",
            "1 incident left out: service not chosen."
        ]
    );
    // The data's own span, as a window the coverage note offers.
    let span = a.dataset().span_choice(time::offset(0)).unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    assert_eq!(span, WindowChoice::Range(d(3, 2), d(3, 13)));
}
