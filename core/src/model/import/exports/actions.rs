//! GitHub Actions workflow runs as deployments, from the CLI (`gh run list
//! --json conclusion,createdAt,updatedAt,startedAt,headSha,headBranch,
//! event,name,workflowName,databaseId,number,status,url,displayTitle`; its
//! fields are cli/cli's `gh run list --json` list) or the REST API
//! (`gh api repos/OWNER/REPO/actions/runs`: `{"total_count", "workflow_runs":
//! [...]}`, docs.github.com/en/rest/actions/workflow-runs).
//!
//! A run is a deployment only when it completed with conclusion `success`:
//! a failed, cancelled, skipped or timed-out pipeline never reached
//! production, so it is not a failed change (exports.md). Runs carry no
//! finish time; the last update of a completed run stands for it, and the
//! summary says so. A run re-run keeps its id: the latest attempt counts.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, Obj, Val};
use super::records::{dedupe, required_time, DeployRecord};

#[derive(Deserialize, Default)]
#[serde(default)]
struct CliRun<'a> {
    #[serde(rename = "databaseId", borrow)]
    database_id: Val<'a>,
    #[serde(borrow)]
    number: Val<'a>,
    #[serde(borrow)]
    attempt: Val<'a>,
    #[serde(borrow)]
    status: Val<'a>,
    #[serde(borrow)]
    conclusion: Val<'a>,
    #[serde(rename = "createdAt", borrow)]
    created_at: Val<'a>,
    #[serde(rename = "updatedAt", borrow)]
    updated_at: Val<'a>,
    #[serde(rename = "headSha", borrow)]
    head_sha: Val<'a>,
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(rename = "workflowName", borrow)]
    workflow_name: Val<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RestRun<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    run_number: Val<'a>,
    #[serde(borrow)]
    run_attempt: Val<'a>,
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(borrow)]
    status: Val<'a>,
    #[serde(borrow)]
    conclusion: Val<'a>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    updated_at: Val<'a>,
    #[serde(borrow)]
    head_sha: Val<'a>,
    #[serde(borrow)]
    repository: Obj<Repository<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Repository<'a> {
    #[serde(borrow)]
    name: Val<'a>,
}

/// A run, whichever form it came in.
struct Run {
    record: DeployRecord,
    attempt: f64,
    /// `None` when it deployed; otherwise why it did not count.
    left_out: Option<&'static str>,
}

/// Why a run that is not a success is left out.
fn outcome(status: Option<&str>, conclusion: Option<&str>) -> Option<&'static str> {
    match (status, conclusion) {
        (_, Some("success")) => None,
        (_, Some("failure" | "timed_out" | "startup_failure")) => {
            Some("failed before deploying (a failed pipeline is not a failed change)")
        }
        (_, Some("cancelled")) => Some("cancelled before deploying"),
        (_, Some("skipped" | "neutral" | "stale" | "action_required")) => {
            Some("skipped, neutral or waiting for approval")
        }
        (Some(s), _) if s != "completed" => Some("still running"),
        _ => Some("finished without a conclusion"),
    }
}

/// Reads a `gh run list --json` file into `out`.
pub fn read_cli(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut runs = Vec::new();
    let end = each::<CliRun, _>(bytes, layout, |n, r| {
        let id = r.database_id.text().or_else(|| r.number.text());
        match (
            id,
            required_time(r.updated_at.str().or(r.created_at.str()), "updatedAt", zone),
        ) {
            (None, _) => out.reject(n, "missing \"databaseId\""),
            (_, Err(e)) => out.reject(n, e),
            (Some(id), Ok(at)) => runs.push(Run {
                record: DeployRecord {
                    id,
                    at,
                    sha: r.head_sha.str().map(str::to_string),
                    workflow: r.workflow_name.str().or(r.name.str()).map(str::to_string),
                    position: n,
                    ..DeployRecord::default()
                },
                attempt: r.attempt.number().unwrap_or(1.0),
                left_out: outcome(r.status.str(), r.conclusion.str()),
            }),
        }
    });
    super::finish_stream(out, &end);
    keep(runs, out);
}

/// Reads a REST `workflow_runs` file into `out`.
pub fn read_rest(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut runs = Vec::new();
    let end = each::<RestRun, _>(bytes, layout, |n, r| {
        let id = r.id.text().or_else(|| r.run_number.text());
        match (
            id,
            required_time(
                r.updated_at.str().or(r.created_at.str()),
                "updated_at",
                zone,
            ),
        ) {
            (None, _) => out.reject(n, "missing \"id\""),
            (_, Err(e)) => out.reject(n, e),
            (Some(id), Ok(at)) => runs.push(Run {
                record: DeployRecord {
                    id,
                    at,
                    sha: r.head_sha.str().map(str::to_string),
                    workflow: r.name.str().map(str::to_string),
                    service: r
                        .repository
                        .0
                        .as_ref()
                        .and_then(|x| x.name.str())
                        .map(str::to_string),
                    position: n,
                    ..DeployRecord::default()
                },
                attempt: r.run_attempt.number().unwrap_or(1.0),
                left_out: outcome(r.status.str(), r.conclusion.str()),
            }),
        }
    });
    super::finish_stream(out, &end);
    keep(runs, out);
}

/// Merges re-runs (the latest attempt wins) and keeps the successful ones.
fn keep(mut runs: Vec<Run>, out: &mut ParsedFile) {
    out.merged += dedupe(
        &mut runs,
        |r| &r.record.id,
        |kept, new| {
            if new.attempt >= kept.attempt {
                let position = kept.record.position;
                *kept = new;
                kept.record.position = position;
            }
        },
    );
    for run in runs {
        match run.left_out {
            None => out.deployments.push(run.record),
            Some(reason) => out.leave_out(reason),
        }
    }
    out.notes.push(
        "A run's last update stands for when it finished deploying: runs carry no finish time."
            .to_string(),
    );
}
