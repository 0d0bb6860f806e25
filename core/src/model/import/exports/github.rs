//! GitHub deployments and their statuses, as the REST API returns them
//! (`gh api repos/OWNER/REPO/deployments --paginate`, and
//! `.../deployments/ID/statuses`; docs.github.com/en/rest/deployments,
//! github/rest-api-description `deployment` and `deployment-status`).
//!
//! A deployment object alone does not say whether it reached its
//! environment; its statuses do (`success`, later `inactive` when a newer
//! one replaced it; `error` and `failure` never reached it). With a
//! statuses file beside it, [`apply_statuses`] keeps the deployments that
//! reached their environment, at the time of their first success; without
//! one, every deployment counts as reached when it was created, and the
//! file's summary says so.

use std::borrow::Cow;

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::hash::{self, FastMap};
use super::json::{each, Layout, Val};
use super::records::StatusRecord;
use super::records::{dedupe, repo_name, required_time, DeployRecord};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Deployment<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    sha: Val<'a>,
    #[serde(borrow)]
    environment: Val<'a>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    production_environment: Val<'a>,
    #[serde(borrow)]
    repository_url: Val<'a>,
}

/// Reads a deployments file into `out`.
pub fn read_deployments(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list = Vec::new();
    let end = each::<Deployment, _>(bytes, layout, |n, d| {
        let at = required_time(d.created_at.str(), "created_at", zone);
        match (d.id.text(), at) {
            (None, _) => out.reject(n, "missing \"id\""),
            (_, Err(e)) => out.reject(n, e),
            (Some(id), Ok(at)) => list.push(DeployRecord {
                id,
                at,
                environment: d.environment.str().map(str::to_string),
                production: d.production_environment.flag(),
                service: d.repository_url.str().and_then(repo_name),
                sha: d.sha.str().map(str::to_string),
                position: n,
                ..DeployRecord::default()
            }),
        }
    });
    super::finish_stream(out, &end);
    // The same deployment on two pages (a list that moved while it was
    // paged) counts once.
    out.merged += dedupe(&mut list, |d| &d.id, |_, _| {});
    out.deployments = list;
    out.notes.push(
        "A deployment counts as reached when it was created, unless a statuses file says otherwise."
            .to_string(),
    );
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Status<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    state: Val<'a>,
    #[serde(borrow)]
    environment: Val<'a>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    deployment_url: Val<'a>,
}

/// Reads a deployment statuses file into `out`.
pub fn read_statuses(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list: Vec<(String, StatusRecord)> = Vec::new();
    let end = each::<Status, _>(bytes, layout, |n, s| {
        let deployment = s.deployment_url.str().and_then(|u| {
            let id = u.trim_end_matches('/').rsplit("/deployments/").next()?;
            (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_string())
        });
        let at = required_time(s.created_at.str(), "created_at", zone);
        match (deployment, s.state.str(), at) {
            (None, _, _) => out.reject(
                n,
                "no deployment id in \"deployment_url\": cannot tell which deployment it updates",
            ),
            (_, None, _) => out.reject(n, "missing \"state\""),
            (_, _, Err(e)) => out.reject(n, e),
            (Some(deployment), Some(state), Ok(at)) => list.push((
                s.id.text()
                    .unwrap_or_else(|| format!("{deployment}@{at}@{state}")),
                StatusRecord {
                    deployment,
                    state: state.to_ascii_lowercase(),
                    at,
                    environment: s.environment.str().map(str::to_string),
                    position: n,
                },
            )),
        }
    });
    super::finish_stream(out, &end);
    // A redelivered status (the same status id) counts once.
    out.merged += dedupe(&mut list, |s| &s.0, |_, _| {});
    out.statuses = list.into_iter().map(|s| s.1).collect();
}

/// What applying statuses did, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusOutcome {
    /// Status updates beyond a deployment's first, merged into it.
    pub updates_merged: usize,
    /// Deployments whose statuses show they never reached the environment
    /// (`error` or `failure` only).
    pub never_reached: usize,
    /// Deployments still pending, queued or in progress.
    pub unfinished: usize,
    /// Deployments with no status in the statuses files.
    pub without_status: usize,
    /// Deployments known only from their statuses.
    pub from_statuses: usize,
}

/// Keeps the deployments (each with its file's index) that reached their
/// environment according to their statuses, timed at their first success;
/// statuses of deployments not in `deployments` add those deployments, as
/// of the file `status_file`.
pub fn apply_statuses(
    deployments: &mut Vec<(usize, Cow<'_, DeployRecord>)>,
    statuses: &[&StatusRecord],
    status_file: usize,
) -> StatusOutcome {
    let mut out = StatusOutcome::default();
    if statuses.is_empty() {
        return out;
    }
    let mut by_deployment: FastMap<&str, Vec<&StatusRecord>> = hash::map(statuses.len());
    for s in statuses {
        by_deployment.entry(&s.deployment).or_default().push(s);
    }
    out.updates_merged = statuses.len() - by_deployment.len();
    let verdict = |list: &[&StatusRecord]| -> Result<(i64, Option<String>), bool> {
        let reached = list
            .iter()
            .filter(|s| s.state == "success")
            .min_by_key(|s| s.at)
            .or_else(|| {
                list.iter()
                    .filter(|s| s.state == "inactive")
                    .min_by_key(|s| s.at)
            });
        match reached {
            Some(s) => Ok((s.at, s.environment.clone())),
            None => Err(list
                .iter()
                .any(|s| matches!(s.state.as_str(), "error" | "failure"))),
        }
    };
    let mut kept = Vec::with_capacity(deployments.len());
    for (file, mut d) in deployments.drain(..) {
        match by_deployment.remove(d.id.as_str()) {
            None => {
                out.without_status += 1;
                kept.push((file, d));
            }
            Some(list) => match verdict(&list) {
                Ok((at, env)) => {
                    // Only a success says when it reached; `inactive`
                    // alone says it did, at some time after creation.
                    if list.iter().any(|s| s.state == "success") {
                        d.to_mut().at = at;
                    }
                    if env.is_some() {
                        d.to_mut().environment = env;
                    }
                    kept.push((file, d));
                }
                Err(true) => out.never_reached += 1,
                Err(false) => out.unfinished += 1,
            },
        }
    }
    let mut rest: Vec<(&str, Vec<&StatusRecord>)> = by_deployment.into_iter().collect();
    rest.sort_unstable_by_key(|r| r.1.iter().map(|s| s.position).min());
    for (id, list) in rest {
        match verdict(&list) {
            Ok((at, environment)) => {
                out.from_statuses += 1;
                kept.push((
                    status_file,
                    Cow::Owned(DeployRecord {
                        id: id.to_string(),
                        at,
                        environment,
                        position: list.iter().map(|s| s.position).min().unwrap_or(0),
                        ..DeployRecord::default()
                    }),
                ));
            }
            Err(true) => out.never_reached += 1,
            Err(false) => out.unfinished += 1,
        }
    }
    *deployments = kept;
    out
}

impl StatusOutcome {
    /// What the statuses did, one sentence each.
    pub fn words(&self) -> Vec<String> {
        let mut out = Vec::new();
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        if self.updates_merged > 0 {
            out.push(format!(
                "{} of a deployment already counted merged into it.",
                n(self.updates_merged, "status update", "status updates")
            ));
        }
        if self.never_reached > 0 {
            out.push(format!(
                "{} never reached {} environment (error or failure statuses only): not counted, and no failed change.",
                n(self.never_reached, "deployment", "deployments"),
                if self.never_reached == 1 { "its" } else { "their" }
            ));
        }
        if self.unfinished > 0 {
            out.push(format!(
                "{} still pending or in progress: not counted.",
                n(self.unfinished, "deployment", "deployments")
            ));
        }
        if self.without_status > 0 {
            out.push(format!(
                "{} with no status in the statuses files: counted as reached when created.",
                n(self.without_status, "deployment", "deployments")
            ));
        }
        if self.from_statuses > 0 {
            out.push(format!(
                "{} known only from their statuses.",
                n(self.from_statuses, "deployment", "deployments")
            ));
        }
        out
    }
}
