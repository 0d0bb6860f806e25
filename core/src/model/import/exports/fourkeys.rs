//! Google Four Keys' BigQuery tables, exported as JSON (newline-delimited,
//! BigQuery's JSON export, or an array) or CSV. Their schemas are Four
//! Keys' `setup/*_schema.json` and `queries/*.sql`
//! (GoogleCloudPlatform/fourkeys): `deployments (source, deploy_id,
//! time_created, changes[])`, `changes (source, event_type, change_id,
//! time_created)`, `incidents (source, incident_id, time_created,
//! time_resolved, changes[])`. A deployment's `changes` are the commits it
//! shipped; an incident's `changes` its root-cause commits, which tie it to
//! a deployment explicitly. BigQuery cannot write repeated fields to CSV,
//! so a CSV's `changes` cell may hold a JSON array or a list.
//!
//! The same incident repeated (Four Keys #213: every issue event adds a
//! row) counts once: its earliest creation, latest resolution and every
//! root cause together. Deployments and changes repeated by id count once.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, List, Val};
use super::records::IncidentRecord;
use super::records::{dedupe, optional_time, required_time, ChangeRecord, DeployRecord};
use super::shape::Shape;
use super::table::{cell, list_cell, Table};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Row<'a> {
    #[serde(borrow)]
    deploy_id: Val<'a>,
    #[serde(borrow)]
    change_id: Val<'a>,
    #[serde(borrow)]
    incident_id: Val<'a>,
    #[serde(borrow)]
    time_created: Val<'a>,
    #[serde(borrow)]
    time_resolved: Val<'a>,
    #[serde(borrow)]
    changes: List<Val<'a>>,
}

/// One row of any of the three tables, as text.
struct Fields<'r> {
    id: Option<String>,
    created: Option<&'r str>,
    resolved: Option<&'r str>,
    changes: Vec<String>,
}

/// Reads a JSON table into `out`.
pub fn read_json(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let shape = out.shape;
    let mut rows = Vec::new();
    let end = each::<Row, _>(bytes, layout, |n, r| {
        let id = match shape {
            Shape::FourKeysDeployments => r.deploy_id.text(),
            Shape::FourKeysChanges => r.change_id.text(),
            _ => r.incident_id.text(),
        };
        let changes = r.changes.0.iter().filter_map(Val::text).collect();
        let f = Fields {
            id,
            created: r.time_created.str(),
            resolved: r.time_resolved.str(),
            changes,
        };
        rows.push(convert(n, f, shape, zone));
    });
    super::finish_stream(out, &end);
    collect(rows, out);
}

/// Reads a CSV table into `out`.
pub fn read_csv(text: &str, zone: FixedOffset, out: &mut ParsedFile) {
    let Some(t) = Table::read(text, out) else {
        return;
    };
    let shape = out.shape;
    let id = t.col(&["deploy_id", "change_id", "incident_id"]);
    let created = t.col(&["time_created"]);
    let resolved = t.col(&["time_resolved"]);
    let changes = t.col(&["changes"]);
    let rows: Vec<_> = t
        .records
        .iter()
        .map(|rec| {
            let f = Fields {
                id: cell(rec, id).map(str::to_string),
                created: cell(rec, created),
                resolved: cell(rec, resolved),
                changes: cell(rec, changes).map(list_cell).unwrap_or_default(),
            };
            convert(rec.line, f, shape, zone)
        })
        .collect();
    collect(rows, out);
}

enum Converted {
    Deployment(DeployRecord),
    Change(ChangeRecord),
    Incident(IncidentRecord),
    Rejected(usize, String),
}

fn convert(n: usize, f: Fields, shape: Shape, zone: FixedOffset) -> Converted {
    let id_field = match shape {
        Shape::FourKeysDeployments => "deploy_id",
        Shape::FourKeysChanges => "change_id",
        _ => "incident_id",
    };
    let Some(id) = f.id else {
        return Converted::Rejected(n, format!("missing \"{id_field}\""));
    };
    let created = match required_time(f.created, "time_created", zone) {
        Ok(t) => t,
        Err(e) => return Converted::Rejected(n, e),
    };
    match shape {
        Shape::FourKeysDeployments => Converted::Deployment(DeployRecord {
            id,
            at: created,
            changes: f.changes,
            position: n,
            ..DeployRecord::default()
        }),
        Shape::FourKeysChanges => Converted::Change(ChangeRecord {
            merge_sha: Some(id.clone()),
            commits: vec![id.clone()],
            id,
            first_commit: created,
            merged: None,
            position: n,
        }),
        _ => match optional_time(f.resolved, "time_resolved", zone) {
            Err(e) => Converted::Rejected(n, e),
            Ok(Some(r)) if r < created => {
                Converted::Rejected(n, "resolved before it was created".into())
            }
            Ok(resolved) => Converted::Incident(IncidentRecord {
                id,
                started: created,
                resolved,
                changes: f.changes,
                position: n,
                ..IncidentRecord::default()
            }),
        },
    }
}

fn collect(rows: Vec<Converted>, out: &mut ParsedFile) {
    let (mut deps, mut changes, mut incidents) = (Vec::new(), Vec::new(), Vec::new());
    for row in rows {
        match row {
            Converted::Deployment(d) => deps.push(d),
            Converted::Change(c) => changes.push(c),
            Converted::Incident(i) => incidents.push(i),
            Converted::Rejected(n, reason) => out.reject(n, reason),
        }
    }
    out.merged += dedupe(
        &mut deps,
        |d| &d.id,
        |kept, new| {
            union(&mut kept.changes, new.changes);
        },
    );
    out.merged += dedupe(
        &mut changes,
        |c| &c.id,
        |kept, new| {
            kept.first_commit = kept.first_commit.min(new.first_commit);
        },
    );
    out.merged += dedupe(
        &mut incidents,
        |i| &i.id,
        |kept, new| {
            kept.started = kept.started.min(new.started);
            kept.resolved = match (kept.resolved, new.resolved) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            union(&mut kept.changes, new.changes);
        },
    );
    out.deployments = deps;
    out.changes = changes;
    out.incidents = incidents;
}

/// Adds the values of `more` not already in `list`.
pub fn union(list: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !list.contains(&m) {
            list.push(m);
        }
    }
}
