//! Flywheel's own CSV columns (README "Import from data") as export
//! records, so a deployments file in Flywheel's columns (or any CSV once
//! its columns are mapped) joins incidents from another tool. The columns
//! and cells mean what they mean on the mapping path ([`crate::model::
//! import::read`]): `deployed_at` when it reached production, `failed` and
//! `rework` yes/no, `first_commit_at` the change's first commit; incidents
//! `started_at`, `resolved_at` and the `deployment_id` that caused them.

use chrono::FixedOffset;

use super::file::ParsedFile;
use super::records::{dedupe, optional_time, required_time, DeployRecord, IncidentRecord};
use crate::model::import::csv;
use crate::model::import::flywheel_csv::{clip, column_index};
use crate::model::import::{parse_flag, DeployColumns, IncidentColumns};

/// Reads deployments with their column mapping into `out`.
pub fn read_deployments(
    text: &str,
    columns: &DeployColumns,
    zone: FixedOffset,
    out: &mut ParsedFile,
) {
    let Some(t) = csv::parse(text) else {
        return;
    };
    out.rows = t.records.len();
    out.headers.clone_from(&t.headers);
    for line in &t.broken {
        out.reject(*line, "a quoted field is never closed");
    }
    let col = |c: &Option<String>| column_index(&t.headers, c);
    let name = |c: &Option<String>| c.clone().unwrap_or_default();
    let (at, first, failed, rework, id) = (
        col(&columns.deployed_at),
        col(&columns.first_commit_at),
        col(&columns.failed),
        col(&columns.rework),
        col(&columns.id),
    );
    let mut list = Vec::new();
    for rec in &t.records {
        let n = rec.line;
        let cell = |i: Option<usize>| {
            i.and_then(|i| rec.fields.get(i))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
        };
        let deployed = match required_time(cell(at), &name(&columns.deployed_at), zone) {
            Ok(t) => t,
            Err(e) => {
                out.reject(n, e);
                continue;
            }
        };
        let first_commit = match optional_time(cell(first), &name(&columns.first_commit_at), zone) {
            Ok(Some(c)) if c > deployed => {
                out.reject(n, "first commit is after the deployment");
                continue;
            }
            Ok(c) => c,
            Err(e) => {
                out.reject(n, e);
                continue;
            }
        };
        let mut flags = [Some(false), None];
        let mut bad = None;
        for (k, c, label) in [(0, failed, &columns.failed), (1, rework, &columns.rework)] {
            if let Some(text) = cell(c) {
                match parse_flag(text) {
                    Some(v) => flags[k] = Some(v),
                    None => {
                        bad = Some(format!(
                            "\"{}\" in \"{}\" is not yes/no",
                            clip(text),
                            name(label)
                        ))
                    }
                }
            } else if c.is_some() && k == 1 {
                flags[1] = Some(false);
            }
        }
        if let Some(reason) = bad {
            out.reject(n, reason);
            continue;
        }
        list.push(DeployRecord {
            id: cell(id).map_or_else(|| format!("line {n}"), str::to_string),
            at: deployed,
            failed: flags[0].unwrap_or(false),
            rework: flags[1],
            first_commit,
            position: n,
            ..DeployRecord::default()
        });
    }
    out.merged += dedupe(&mut list, |d| &d.id, |_, _| {});
    out.deployments = list;
}

/// Reads incidents with their column mapping into `out`.
pub fn read_incidents(
    text: &str,
    columns: &IncidentColumns,
    zone: FixedOffset,
    out: &mut ParsedFile,
) {
    let Some(t) = csv::parse(text) else {
        return;
    };
    out.rows = t.records.len();
    out.headers.clone_from(&t.headers);
    for line in &t.broken {
        out.reject(*line, "a quoted field is never closed");
    }
    let col = |c: &Option<String>| column_index(&t.headers, c);
    let name = |c: &Option<String>| c.clone().unwrap_or_default();
    let (start, end, id, link) = (
        col(&columns.started_at),
        col(&columns.resolved_at),
        col(&columns.id),
        col(&columns.deployment_id),
    );
    let mut list = Vec::new();
    for rec in &t.records {
        let n = rec.line;
        let cell = |i: Option<usize>| {
            i.and_then(|i| rec.fields.get(i))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
        };
        let started = required_time(cell(start), &name(&columns.started_at), zone);
        let resolved = required_time(cell(end), &name(&columns.resolved_at), zone);
        match (started, resolved) {
            (Err(e), _) | (_, Err(e)) => out.reject(n, e),
            (Ok(s), Ok(r)) if r < s => out.reject(n, "resolved before start"),
            (Ok(started), Ok(resolved)) => list.push(IncidentRecord {
                id: cell(id).map_or_else(|| format!("line {n}"), str::to_string),
                started,
                resolved: Some(resolved),
                deployment: cell(link).map(str::to_string),
                position: n,
                ..IncidentRecord::default()
            }),
        }
    }
    out.merged += dedupe(&mut list, |i| &i.id, |_, _| {});
    out.incidents = list;
}
