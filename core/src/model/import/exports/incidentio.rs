//! incident.io incidents, from API v2 (`GET /v2/incidents`, `{"incidents":
//! [...]}`; incident.io's OpenAPI `IncidentV2`, as incident-io/singer-tap's
//! `client/openapi3.json` holds it: `id, reference, name, mode` (standard,
//! retrospective, test, tutorial), `severity {name, rank}` (a higher rank
//! is more severe), `incident_status {category}`, `created_at, reported_at,
//! incident_timestamp_values [{incident_timestamp {name}, value {value}}]`)
//! or a CSV export (`reference, name` or `title, severity, mode, status`,
//! and its timestamps by name; the export's exact headers are unverified,
//! so the names are read however they are capitalised or spaced).
//!
//! An incident starts at its "Impact started" timestamp, else when it was
//! reported or created, and is restored at "Resolved at" (else "Fixed",
//! else "Closed"). Test and tutorial incidents are marked (they never count
//! unless the user says so); declined, merged and canceled ones were never
//! incidents and are left out.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, List, Obj, Val};
use super::recognise::norm;
use super::records::{dedupe, optional_time, required_time, IncidentRecord};
use super::table::{cell, Table};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Incident<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    reference: Val<'a>,
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(borrow)]
    mode: Val<'a>,
    #[serde(borrow)]
    severity: Obj<Named<'a>>,
    #[serde(borrow)]
    incident_status: Obj<Named<'a>>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    updated_at: Val<'a>,
    #[serde(borrow)]
    reported_at: Val<'a>,
    #[serde(borrow)]
    incident_timestamp_values: List<Obj<Stamp<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Named<'a> {
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(borrow)]
    rank: Val<'a>,
    #[serde(borrow)]
    category: Val<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Stamp<'a> {
    #[serde(borrow)]
    incident_timestamp: Obj<Named<'a>>,
    #[serde(borrow)]
    value: Obj<StampValue<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StampValue<'a> {
    #[serde(borrow)]
    value: Val<'a>,
}

/// Timestamp names, normalised, in the order they are preferred.
const STARTS: [&str; 6] = [
    "impact_started",
    "impact_started_at",
    "started_at",
    "reported_at",
    "reported",
    "created_at",
];
const ENDS: [&str; 6] = [
    "resolved_at",
    "resolved",
    "fixed_at",
    "fixed",
    "closed_at",
    "closed",
];

struct Fields<'r> {
    id: Option<String>,
    title: Option<&'r str>,
    mode: Option<&'r str>,
    severity: Option<&'r str>,
    rank: Option<f64>,
    category: Option<&'r str>,
    updated: Option<&'r str>,
    /// Timestamps by normalised name.
    stamps: Vec<(String, &'r str)>,
}

/// Reads an API JSON file into `out`.
pub fn read_json(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list = Vec::new();
    let end = each::<Incident, _>(bytes, layout, |n, i| {
        let severity = i.severity.0.as_ref();
        let mut stamps: Vec<(String, &str)> = i
            .incident_timestamp_values
            .0
            .iter()
            .filter_map(|s| {
                let s = s.0.as_ref()?;
                let name = s.incident_timestamp.0.as_ref()?.name.str()?;
                Some((norm(name), s.value.0.as_ref()?.value.str()?))
            })
            .collect();
        stamps.extend(i.reported_at.str().map(|v| ("reported_at".to_string(), v)));
        stamps.extend(i.created_at.str().map(|v| ("created_at".to_string(), v)));
        let f = Fields {
            id: i.reference.text().or_else(|| i.id.text()),
            title: i.name.str(),
            mode: i.mode.str(),
            severity: severity.and_then(|s| s.name.str()),
            rank: severity.and_then(|s| s.rank.number()),
            category: i.incident_status.0.as_ref().and_then(|s| s.category.str()),
            updated: i.updated_at.str(),
            stamps,
        };
        convert(n, &f, zone, &mut list, out);
    });
    super::finish_stream(out, &end);
    keep(list, out);
}

/// Reads a CSV export into `out`.
pub fn read_csv(text: &str, zone: FixedOffset, out: &mut ParsedFile) {
    let Some(t) = Table::read(text, out) else {
        return;
    };
    let c = |names: &[&str]| t.col(names);
    let (id, reference) = (c(&["id"]), c(&["reference"]));
    let title = c(&["name", "title"]);
    let mode = c(&["mode"]);
    let severity = c(&["severity"]);
    let rank = c(&["severity_rank"]);
    let category = c(&["status_category", "incident_status", "status"]);
    let updated = c(&["updated_at"]);
    let stamp_cols: Vec<(String, usize)> = STARTS
        .iter()
        .chain(ENDS.iter())
        .filter_map(|n| c(&[n]).map(|i| (n.to_string(), i)))
        .collect();
    let mut list = Vec::new();
    for rec in &t.records {
        let f = Fields {
            id: cell(rec, reference).or(cell(rec, id)).map(str::to_string),
            title: cell(rec, title),
            mode: cell(rec, mode),
            severity: cell(rec, severity),
            rank: cell(rec, rank).and_then(|r| r.parse().ok()),
            category: cell(rec, category),
            updated: cell(rec, updated),
            stamps: stamp_cols
                .iter()
                .filter_map(|(n, i)| cell(rec, Some(*i)).map(|v| (n.clone(), v)))
                .collect(),
        };
        convert(rec.line, &f, zone, &mut list, out);
    }
    keep(list, out);
}

fn convert(
    n: usize,
    f: &Fields,
    zone: FixedOffset,
    list: &mut Vec<(IncidentRecord, i64)>,
    out: &mut ParsedFile,
) {
    let find = |names: &[&str]| {
        names.iter().find_map(|want| {
            f.stamps
                .iter()
                .find(|(k, _)| k == want)
                .map(|(k, v)| (k.as_str(), *v))
        })
    };
    let category = f.category.map(str::to_ascii_lowercase);
    if matches!(
        category.as_deref(),
        Some("declined" | "merged" | "canceled" | "cancelled")
    ) {
        return out.leave_out("declined, merged or canceled (never an incident)");
    }
    let Some(id) = f.id.clone() else {
        return out.reject(n, "missing \"reference\" (or \"id\")");
    };
    let (start_field, start_text) = find(&STARTS).unzip();
    let started = match required_time(start_text, start_field.unwrap_or("created_at"), zone) {
        Ok(t) => t,
        Err(e) => return out.reject(n, e),
    };
    let resolved = match find(&ENDS) {
        None => None,
        Some((field, text)) => match optional_time(Some(text), field, zone) {
            Ok(r) => r,
            Err(e) => return out.reject(n, e),
        },
    };
    if resolved.is_some_and(|r| r < started) {
        return out.reject(n, "resolved before it started");
    }
    let updated = optional_time(f.updated, "updated_at", zone)
        .ok()
        .flatten()
        .unwrap_or(started);
    let mode = f.mode.map(str::to_ascii_lowercase);
    list.push((
        IncidentRecord {
            id,
            title: f.title.map(str::to_string),
            started,
            resolved,
            severity: f.severity.map(str::to_string),
            rank: f
                .rank
                .filter(|r| r.is_finite() && r.abs() < 1e9)
                .map(|r| r as i64),
            test: matches!(mode.as_deref(), Some("test" | "tutorial")),
            position: n,
            ..IncidentRecord::default()
        },
        updated,
    ));
}

fn keep(mut list: Vec<(IncidentRecord, i64)>, out: &mut ParsedFile) {
    out.merged += dedupe(
        &mut list,
        |i| &i.0.id,
        |kept, new| {
            let position = kept.0.position;
            if new.1 >= kept.1 {
                *kept = new;
            }
            kept.0.position = position;
        },
    );
    out.incidents = list.into_iter().map(|i| i.0).collect();
}
