//! GitLab deployments, as `GET /projects/:id/deployments` returns them
//! (docs.gitlab.com/ee/api/deployments.html: `id, iid, ref, sha,
//! created_at, updated_at, status, environment {name, tier}, deployable
//! {status, started_at, finished_at, commit, pipeline}`).
//!
//! Only `status: success` reached its environment; `failed`, `canceled`,
//! `blocked`, `running` and `created` did not, and are counted apart by
//! status. The time it reached is the deployment's `finished_at` where the
//! API gives it, else its job's `finished_at`, else its last update. An
//! environment's `tier` of `production` marks it as production.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, Obj, Val};
use super::records::{dedupe, optional_time, DeployRecord};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Deployment<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    sha: Val<'a>,
    #[serde(borrow)]
    status: Val<'a>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    updated_at: Val<'a>,
    #[serde(borrow)]
    finished_at: Val<'a>,
    #[serde(borrow)]
    environment: Obj<Environment<'a>>,
    #[serde(borrow)]
    deployable: Obj<Job<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Environment<'a> {
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(borrow)]
    tier: Val<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Job<'a> {
    #[serde(borrow)]
    finished_at: Val<'a>,
}

/// Reads a deployments file into `out`.
pub fn read_deployments(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list: Vec<(DeployRecord, Option<&'static str>)> = Vec::new();
    let end = each::<Deployment, _>(bytes, layout, |n, d| {
        let Some(id) = d.id.text() else {
            return out.reject(n, "missing \"id\"");
        };
        let job_finished = d.deployable.0.as_ref().map(|j| &j.finished_at);
        let candidates = [
            (Some(&d.finished_at), "finished_at"),
            (job_finished, "deployable.finished_at"),
            (Some(&d.updated_at), "updated_at"),
            (Some(&d.created_at), "created_at"),
        ];
        let mut at = None;
        for (v, field) in candidates {
            match optional_time(v.and_then(Val::str), field, zone) {
                Ok(Some(t)) => {
                    at = Some(t);
                    break;
                }
                Ok(None) => {}
                Err(e) => return out.reject(n, e),
            }
        }
        let Some(at) = at else {
            return out.reject(
                n,
                "no time: none of \"finished_at\", \"updated_at\", \"created_at\"",
            );
        };
        let env = d.environment.0.as_ref();
        let left_out = match d.status.str().map(str::to_ascii_lowercase).as_deref() {
            Some("success") => None,
            Some("failed") => Some("failed before reaching the environment (not a failed change)"),
            Some("canceled" | "cancelled") => Some("canceled before reaching the environment"),
            Some("blocked") => Some("blocked, waiting for approval"),
            Some("running" | "created") => Some("still running"),
            _ => Some("without a status GitLab documents"),
        };
        list.push((
            DeployRecord {
                id,
                at,
                environment: env.and_then(|e| e.name.str()).map(str::to_string),
                production: env
                    .and_then(|e| e.tier.str())
                    .map(|t| t.eq_ignore_ascii_case("production")),
                sha: d.sha.str().map(str::to_string),
                position: n,
                ..DeployRecord::default()
            },
            left_out,
        ));
    });
    super::finish_stream(out, &end);
    // A deployment listed twice keeps its later state.
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
