//! Apache DevLake's incoming-webhook payloads, as teams send them (one
//! object per POST; saved as JSON Lines or an array). Fields are DevLake's
//! webhook docs (apache/incubator-devlake-website `docs/Plugins/webhook.md`):
//! deployments `pipeline_id, environment, repo_url, commit_sha, start_time,
//! end_time, result, deployment_commits[{commit_sha, repo_url}]`, and the
//! camelCase form newer versions accept (`id, startedDate, finishedDate,
//! deploymentCommits[{commitSha, repoUrl}]`); issues `issue_key, title,
//! type, status, created_date, updated_date, resolution_date, severity,
//! priority, component`.
//!
//! DevLake's defaults hold: a missing `environment` is `PRODUCTION`, a
//! missing `result` is `SUCCESS`, a missing `type` is an incident here
//! (the webhook is how teams send incidents). Only `SUCCESS` reached the
//! environment. An issue without a resolution date is open (even one
//! whose status is `DONE`). A payload delivered again (the same deployment id or
//! issue key) updates the first: DevLake stores it with create-or-update.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::fourkeys::union;
use super::json::{each, Layout, List, Obj, Val};
use super::records::IncidentRecord;
use super::records::{dedupe, optional_time, repo_name, required_time, DeployRecord};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Deployment<'a> {
    #[serde(borrow)]
    pipeline_id: Val<'a>,
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    environment: Val<'a>,
    #[serde(alias = "repoUrl", borrow)]
    repo_url: Val<'a>,
    #[serde(alias = "commitSha", borrow)]
    commit_sha: Val<'a>,
    #[serde(alias = "startedDate", borrow)]
    start_time: Val<'a>,
    #[serde(alias = "finishedDate", borrow)]
    end_time: Val<'a>,
    #[serde(alias = "createdDate", borrow)]
    create_time: Val<'a>,
    #[serde(borrow)]
    result: Val<'a>,
    #[serde(alias = "deploymentCommits", borrow)]
    deployment_commits: List<Obj<Commit<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Commit<'a> {
    #[serde(alias = "commitSha", borrow)]
    commit_sha: Val<'a>,
    #[serde(alias = "repoUrl", borrow)]
    repo_url: Val<'a>,
}

/// Reads deployment payloads into `out`.
pub fn read_deployments(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list: Vec<(DeployRecord, Option<&'static str>)> = Vec::new();
    let end = each::<Deployment, _>(bytes, layout, |n, d| {
        let Some(id) = d.pipeline_id.text().or_else(|| d.id.text()) else {
            return out.reject(n, "missing \"pipeline_id\" (or \"id\")");
        };
        let when = d
            .end_time
            .str()
            .or(d.start_time.str())
            .or(d.create_time.str());
        let at = match required_time(when, "end_time", zone) {
            Ok(t) => t,
            Err(e) => return out.reject(n, e),
        };
        let commits: Vec<&Commit> = d
            .deployment_commits
            .0
            .iter()
            .filter_map(|c| c.0.as_ref())
            .collect();
        let mut changes: Vec<String> = commits.iter().filter_map(|c| c.commit_sha.text()).collect();
        let sha = d.commit_sha.text().or_else(|| changes.first().cloned());
        union(&mut changes, sha.iter().cloned().collect());
        let repo = d
            .repo_url
            .str()
            .or_else(|| commits.iter().find_map(|c| c.repo_url.str()));
        let env = d.environment.str().unwrap_or("PRODUCTION");
        let left_out = match d.result.str().map(str::to_ascii_uppercase).as_deref() {
            None | Some("SUCCESS") => None,
            Some("FAILURE") => Some("failed before reaching the environment (not a failed change)"),
            Some("ABORT") => Some("aborted before reaching the environment"),
            Some("MANUAL") => Some("waiting for a manual step"),
            Some(_) => Some("with a result DevLake does not document"),
        };
        list.push((
            DeployRecord {
                id,
                at,
                environment: Some(env.to_string()),
                production: Some(env.eq_ignore_ascii_case("PRODUCTION")),
                service: repo.and_then(repo_name),
                sha,
                changes,
                position: n,
                ..DeployRecord::default()
            },
            left_out,
        ));
    });
    super::finish_stream(out, &end);
    out.merged += dedupe(
        &mut list,
        |d| &d.0.id,
        |kept, new| {
            let position = kept.0.position;
            *kept = new;
            kept.0.position = position;
        },
    );
    for (record, left_out) in list {
        match left_out {
            None => out.deployments.push(record),
            Some(reason) => out.leave_out(reason),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Issue<'a> {
    #[serde(alias = "issueKey", borrow)]
    issue_key: Val<'a>,
    #[serde(borrow)]
    title: Val<'a>,
    #[serde(rename = "type", borrow)]
    issue_type: Val<'a>,
    #[serde(alias = "createdDate", borrow)]
    created_date: Val<'a>,
    #[serde(alias = "updatedDate", borrow)]
    updated_date: Val<'a>,
    #[serde(alias = "resolutionDate", borrow)]
    resolution_date: Val<'a>,
    #[serde(borrow)]
    severity: Val<'a>,
    #[serde(borrow)]
    priority: Val<'a>,
    #[serde(borrow)]
    component: Val<'a>,
}

/// Reads issue payloads into `out`: the incidents among them.
pub fn read_issues(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list: Vec<(IncidentRecord, i64, bool)> = Vec::new();
    let end = each::<Issue, _>(bytes, layout, |n, i| {
        let Some(id) = i.issue_key.text() else {
            return out.reject(n, "missing \"issue_key\"");
        };
        let started = match required_time(i.created_date.str(), "created_date", zone) {
            Ok(t) => t,
            Err(e) => return out.reject(n, e),
        };
        let resolved = match optional_time(i.resolution_date.str(), "resolution_date", zone) {
            Ok(Some(r)) if r < started => return out.reject(n, "resolved before it was created"),
            Ok(r) => r,
            Err(e) => return out.reject(n, e),
        };
        let updated = optional_time(i.updated_date.str(), "updated_date", zone)
            .ok()
            .flatten()
            .unwrap_or(started);
        let incident = i
            .issue_type
            .str()
            .is_none_or(|t| t.eq_ignore_ascii_case("INCIDENT"));
        list.push((
            IncidentRecord {
                id,
                title: i.title.str().map(str::to_string),
                started,
                resolved,
                severity: i.severity.str().map(str::to_string),
                priority: i.priority.str().map(str::to_string),
                service: i.component.str().map(str::to_string),
                position: n,
                ..IncidentRecord::default()
            },
            updated,
            incident,
        ));
    });
    super::finish_stream(out, &end);
    // An issue sent again (updated, closed) keeps its latest state and its
    // first creation.
    out.merged += dedupe(
        &mut list,
        |i| &i.0.id,
        |kept, new| {
            let started = kept.0.started.min(new.0.started);
            let position = kept.0.position;
            if new.1 >= kept.1 {
                *kept = new;
            }
            kept.0.started = started;
            kept.0.position = position;
        },
    );
    for (incident, _, is_incident) in list {
        if is_incident {
            out.incidents.push(incident);
        } else {
            out.leave_out("issues of another type than INCIDENT");
        }
    }
}
