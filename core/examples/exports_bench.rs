//! Native benchmark of the exports import: builds realistic files of every
//! shape (GitHub deployments as `gh api --paginate` writes them, about 2 KB
//! an object with its creator; PagerDuty analytics pages; Jira, git log and
//! the rest), then times reading each and reports records per second, and
//! times the busy year end to end: 50,000 GitHub deployments and 5,000
//! PagerDuty incidents recognised, read, chosen, tied and reported.
//!
//!     cargo run --release -p flywheel-core --example exports_bench [scale]
//!
//! `scale` (default 1) multiplies every file's size.

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write;
use std::time::Instant;

use chrono::NaiveDate;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, Analysis, Choices, FileOptions, ParsedFile,
};
use flywheel_core::model::import::{Window, WindowChoice};
use serde_json::json;

/// 2026-01-01T00:00:00Z.
const START: i64 = 1_767_225_600;

fn stamp(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .expect("in range")
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// A deterministic stream of numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn user(login: &str) -> serde_json::Value {
    let u = format!("https://api.github.com/users/{login}");
    json!({"login": login, "id": 5821, "node_id": "MDQ6VXNlcjU4MjE=",
        "avatar_url": "https://avatars.githubusercontent.com/u/5821?v=4", "gravatar_id": "",
        "url": u, "html_url": format!("https://github.com/{login}"),
        "followers_url": format!("{u}/followers"), "following_url": format!("{u}/following{{/other_user}}"),
        "gists_url": format!("{u}/gists{{/gist_id}}"), "starred_url": format!("{u}/starred{{/owner}}{{/repo}}"),
        "subscriptions_url": format!("{u}/subscriptions"), "organizations_url": format!("{u}/orgs"),
        "repos_url": format!("{u}/repos"), "events_url": format!("{u}/events{{/privacy}}"),
        "received_events_url": format!("{u}/received_events"), "type": "User", "user_view_type": "public", "site_admin": false})
}

/// `n` deployments over a year, 100 to a page, pages one after another.
fn github_deployments(n: usize, rng: &mut Rng) -> String {
    let creator = user("octo-deployer");
    let mut out = String::new();
    for page in (0..n).collect::<Vec<_>>().chunks(100) {
        let objs: Vec<serde_json::Value> = page
            .iter()
            .map(|&k| {
                let repo = if k % 3 == 0 { "search" } else { "shop" };
                let env = if k % 10 == 0 { "staging" } else { "production" };
                let base = format!("https://api.github.com/repos/acme/{repo}");
                let at = START + (k as i64) * 630 + rng.next(300) as i64;
                json!({"url": format!("{base}/deployments/{k}"), "id": 1_000_000 + k, "node_id": format!("DE_kwDOAcme{k}"),
                    "task": "deploy", "original_environment": env, "environment": env,
                    "description": "Deploy request from GitHub Actions", "created_at": stamp(at), "updated_at": stamp(at + 60),
                    "statuses_url": format!("{base}/deployments/{k}/statuses"), "repository_url": base,
                    "creator": creator, "sha": format!("{:040x}", rng.next(u64::MAX)), "ref": "main",
                    "payload": {"web_url": format!("https://{repo}.acme.example")}, "transient_environment": false,
                    "production_environment": env == "production", "performed_via_github_app": null})
            })
            .collect();
        out.push_str(&serde_json::to_string_pretty(&objs).expect("json"));
    }
    out
}

/// `n` incidents in analytics pages of 1,000.
fn pagerduty(n: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    for page in (0..n).collect::<Vec<_>>().chunks(1000) {
        let data: Vec<serde_json::Value> = page
            .iter()
            .map(|&k| {
                let at = START + (k as i64) * 6300 + rng.next(3000) as i64;
                let secs = 600 + rng.next(20_000) as i64;
                json!({"id": format!("Q{k:06}"), "incident_number": k, "created_at": stamp(at), "resolved_at": stamp(at + secs),
                    "updated_at": stamp(at + secs), "status": "resolved", "urgency": if k % 4 == 0 { "low" } else { "high" },
                    "major": false, "priority_name": if k % 5 == 0 { "P1" } else { "P3" }, "priority_order": 1,
                    "service_name": if k % 3 == 0 { "search" } else { "shop" }, "team_name": "Platform",
                    "description": "Error rate above threshold", "seconds_to_resolve": secs, "auto_resolved": false,
                    "acknowledgement_count": 1, "assignment_count": 1, "engaged_seconds": 600, "escalation_count": 0,
                    "escalation_policy_name": "Primary", "incident_type_name": "incident_default", "total_notifications": 2})
            })
            .collect();
        let doc = json!({"data": data, "first": "", "last": "", "limit": 1000, "more": true, "order": "asc",
            "order_by": "created_at", "time_zone": "Etc/UTC"});
        out.push_str(&serde_json::to_string(&doc).expect("json"));
        out.push('\n');
    }
    out
}

fn json_lines(n: usize, mut f: impl FnMut(usize) -> serde_json::Value) -> String {
    let mut out = String::new();
    for k in 0..n {
        out.push_str(&serde_json::to_string(&f(k)).expect("json"));
        out.push('\n');
    }
    out
}

fn others(scale: usize, rng: &mut Rng) -> Vec<(&'static str, String)> {
    let t = |k: usize, step: i64| START + k as i64 * step;
    let mut v = Vec::new();
    v.push(("gh_run_list.json", serde_json::to_string(&(0..10_000 * scale).map(|k| json!({
        "databaseId": k, "number": k, "attempt": 1, "status": "completed",
        "conclusion": if k % 7 == 0 { "failure" } else { "success" }, "createdAt": stamp(t(k, 3000)),
        "updatedAt": stamp(t(k, 3000) + 600), "startedAt": stamp(t(k, 3000)), "headSha": format!("{k:040x}"),
        "headBranch": "main", "event": "push", "name": "Deploy", "workflowName": "Deploy",
        "displayTitle": "Merge pull request", "url": format!("https://github.com/acme/shop/actions/runs/{k}")})).collect::<Vec<_>>()).expect("json")));
    v.push(("gh_pr_list.json", serde_json::to_string(&(0..5_000 * scale).map(|k| json!({
        "number": k, "title": "Change", "createdAt": stamp(t(k, 6000)), "mergedAt": stamp(t(k, 6000) + 7200),
        "mergeCommit": {"oid": format!("{k:040x}")}, "baseRefName": "main", "labels": [],
        "commits": [{"oid": format!("{:040x}", k + 1), "authoredDate": stamp(t(k, 6000) - 3600), "committedDate": stamp(t(k, 6000) - 3600),
                     "messageHeadline": "Work", "messageBody": "", "authors": [{"login": "dev", "name": "Dev", "email": "dev@acme.example", "id": "1"}]}]})).collect::<Vec<_>>()).expect("json")));
    v.push(("gitlab_deployments.json", serde_json::to_string(&(0..20_000 * scale).map(|k| json!({
        "id": k, "iid": k, "ref": "main", "sha": format!("{k:040x}"), "created_at": stamp(t(k, 1500)),
        "updated_at": stamp(t(k, 1500) + 600), "status": if k % 9 == 0 { "failed" } else { "success" },
        "user": {"id": 1, "username": "root", "name": "Administrator"},
        "environment": {"id": 9, "name": "production", "tier": "production", "external_url": "https://shop.acme.example"},
        "deployable": {"id": k, "status": "success", "stage": "deploy", "name": "deploy", "finished_at": stamp(t(k, 1500) + 590),
                       "commit": {"id": format!("{k:040x}"), "title": "Merge"}, "pipeline": {"id": k, "sha": format!("{k:040x}")}}})).collect::<Vec<_>>()).expect("json")));
    v.push(("fourkeys_deployments.jsonl", json_lines(20_000 * scale, |k| json!({"source": "github", "deploy_id": format!("d{k}"),
        "time_created": format!("{} UTC", stamp(t(k, 1500)).replace('T', " ").trim_end_matches('Z')), "changes": [format!("{k:040x}"), format!("{:040x}", k + 1)]}))));
    v.push(("devlake_deployments.jsonl", json_lines(20_000 * scale, |k| json!({"pipeline_id": format!("p{k}"), "environment": "PRODUCTION",
        "repo_url": "https://github.com/acme/shop", "commit_sha": format!("{k:040x}"), "start_time": stamp(t(k, 1500)),
        "end_time": stamp(t(k, 1500) + 300), "result": "SUCCESS"}))));
    v.push(("opsgenie.json", serde_json::to_string(&json!({"data": (0..5_000 * scale).map(|k| json!({
        "id": format!("og-{k}"), "tinyId": k.to_string(), "message": "Errors", "status": "resolved", "priority": format!("P{}", 1 + k % 5),
        "createdAt": stamp(t(k, 6000)), "updatedAt": stamp(t(k, 6000) + 900), "impactStartDate": stamp(t(k, 6000)),
        "impactEndDate": stamp(t(k, 6000) + 900), "ownerTeam": "team-1", "impactedServices": ["svc-1"], "tags": []})).collect::<Vec<_>>()})).expect("json")));
    v.push(("incidentio.json", serde_json::to_string(&json!({"incidents": (0..5_000 * scale).map(|k| json!({
        "id": format!("01I{k}"), "reference": format!("INC-{k}"), "name": "Errors", "mode": "standard",
        "severity": {"name": "Major", "rank": 2}, "incident_status": {"category": "closed", "name": "Closed"},
        "created_at": stamp(t(k, 6000)), "updated_at": stamp(t(k, 6000) + 900),
        "incident_timestamp_values": [{"incident_timestamp": {"name": "Impact started"}, "value": {"value": stamp(t(k, 6000))}},
                                      {"incident_timestamp": {"name": "Resolved at"}, "value": {"value": stamp(t(k, 6000) + 900)}}]})).collect::<Vec<_>>()})).expect("json")));
    let mut jira = String::from("Summary,Issue key,Issue Type,Status,Priority,Created,Resolved,Labels,Labels,Environment,Component/s\n");
    for k in 0..20_000 * scale {
        let d = chrono::DateTime::from_timestamp(t(k, 1500), 0).expect("in range");
        let when = d.format("%d/%b/%y %I:%M %p");
        let kind = ["Bug", "Incident", "Story", "Task"][k % 4];
        let _ = writeln!(jira, "\"Issue, number {k}\",SHOP-{k},{kind},Done,High,{when},{when},production,,Production,shop");
    }
    v.push(("jira.csv", jira));
    let mut log = String::new();
    for k in 0..20_000 * scale {
        let _ = writeln!(
            log,
            "commit {:040x} {}\n\n{}\t{}\tsrc/a.rs\n3\t1\tsrc/b.rs\n",
            k,
            stamp(t(k, 1500)),
            rng.next(100),
            rng.next(50)
        );
    }
    v.push(("gitlog.txt", log));
    let mut csv = String::from("id,deployed_at,first_commit_at,failed,rework\n");
    for k in 0..100_000 * scale {
        let at = t(k, 300);
        let _ = writeln!(
            csv,
            "d{k},{},{},{},{}",
            stamp(at),
            stamp(at - 3600 - rng.next(300_000) as i64),
            k % 20 == 0,
            k % 9 == 0
        );
    }
    v.push(("deployments.csv", csv));
    v
}

/// This thread's CPU time in seconds (Linux: `/proc/thread-self/stat`,
/// user + system at 100 ticks a second), so a figure does not count time
/// other processes on a busy machine took; `None` elsewhere.
fn cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn read(name: &str, text: &str) -> (ParsedFile, f64) {
    let t0 = Instant::now();
    let f = read_file(
        name,
        text.as_bytes(),
        &FileOptions::default(),
        time::offset(0),
    )
    .expect("readable");
    (f, t0.elapsed().as_secs_f64())
}

/// Reads a file five times: the least wall-clock and CPU time.
fn timed(name: &str, text: &str) -> (ParsedFile, f64, Option<f64>) {
    let mut wall = f64::INFINITY;
    let mut cpu_best: Option<f64> = None;
    let mut file = None;
    for _ in 0..5 {
        let c0 = cpu();
        let (f, secs) = read(name, text);
        wall = wall.min(secs);
        if let (Some(a), Some(b)) = (c0, cpu()) {
            cpu_best = Some(cpu_best.map_or(b - a, |c: f64| c.min(b - a)));
        }
        file = Some(f);
    }
    (file.expect("read"), wall, cpu_best)
}

fn records(f: &ParsedFile) -> usize {
    f.rows.max(
        f.deployments.len()
            + f.incidents.len()
            + f.changes.len()
            + f.issues.len()
            + f.commits.len(),
    )
}

fn main() {
    let scale: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let gh = github_deployments(50_000 * scale, &mut rng);
    let pd = pagerduty(5_000 * scale, &mut rng);
    println!(
        "{:<28} {:>7} {:>9} {:>8} {:>8} {:>12}",
        "file", "MB", "records", "wall ms", "CPU ms", "records/s"
    );
    let mut files = vec![
        ("github_deployments.json", gh.clone()),
        ("pagerduty_analytics.json", pd.clone()),
    ];
    files.extend(others(scale, &mut rng));
    for (name, text) in &files {
        let (f, wall, cpu_secs) = timed(name, text);
        let n = records(&f);
        // Records a second of CPU time where it is known (a busy machine
        // makes wall-clock time wait on other processes).
        let per = cpu_secs.filter(|c| *c > 0.0).unwrap_or(wall);
        println!(
            "{:<28} {:>7.1} {:>9} {:>8.0} {:>8} {:>12.0}   {}",
            name,
            text.len() as f64 / 1_048_576.0,
            n,
            wall * 1000.0,
            cpu_secs.map_or("-".to_string(), |c| format!("{:.0}", c * 1000.0)),
            n as f64 / per,
            f.summary()
        );
    }

    // The busy year, end to end, best of three, with each step's share.
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut last = None;
    for _ in 0..3 {
        let c0 = cpu();
        let t0 = Instant::now();
        let parsed = vec![
            read("github_deployments.json", &gh).0,
            read("pagerduty_analytics.json", &pd).0,
        ];
        let t_read = t0.elapsed().as_secs_f64();
        let choices = Choices::of(&parsed);
        let t_choices = t0.elapsed().as_secs_f64();
        let a = Analysis::build(&parsed, &choices.defaults(), time::offset(0));
        let t_build = t0.elapsed().as_secs_f64();
        let end = a.last_date().expect("dated");
        let w = Window::resolve(
            WindowChoice::Range(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"), end),
            end,
            time::offset(0),
        )
        .expect("window");
        let r = a.report(w).expect("report");
        let total = t0.elapsed().as_secs_f64();
        if let (Some(a), Some(b)) = (c0, cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
        if total < best {
            best = total;
            let steps = [
                t_read,
                t_choices - t_read,
                t_build - t_choices,
                total - t_build,
            ];
            last = Some((r, a.to_review().count(), steps));
        }
    }
    let (r, review, steps) = last.expect("ran");
    println!(
        "\nbusy year: {:.1} MB GitHub deployments + {:.1} MB PagerDuty incidents recognised, read, chosen, tied and reported in {:.0} ms (best of 3)",
        gh.len() as f64 / 1_048_576.0,
        pd.len() as f64 / 1_048_576.0,
        best * 1000.0
    );
    println!(
        "  {} production deployments, {:.1} a week, change failure rate {:.1}%, {} ties to review",
        r.deployments,
        r.deploys_per_week,
        r.change_failure_rate.unwrap_or(f64::NAN),
        review
    );
    if best_cpu.is_finite() {
        println!(
            "  CPU time of the best run: {:.0} ms (wall-clock time includes waiting on a busy machine)",
            best_cpu * 1000.0
        );
    }
    println!(
        "  read {:.0} ms, choices {:.0} ms, analysis {:.0} ms, report {:.0} ms",
        steps[0] * 1000.0,
        steps[1] * 1000.0,
        steps[2] * 1000.0,
        steps[3] * 1000.0
    );
}
