//! PagerDuty incidents, in the three forms teams export them (fields from
//! PagerDuty's OpenAPI, PagerDuty/api-schema `reference/REST/openapiv3.json`):
//!
//! - analytics raw incidents (`POST /analytics/raw/incidents`, `{"data":
//!   [...], "time_zone"}`; `AnalyticsRawIncident`: `id, incident_number,
//!   created_at, resolved_at, status, urgency, major, priority_name,
//!   priority_order, service_name, team_name, description,
//!   seconds_to_resolve`), as JSON or as a CSV with those names as headers
//!   (the Insights download's headers are unverified: any capitalisation or
//!   spacing of the same names is read);
//! - the legacy incident report (`created_on, urgency, service_name,
//!   seconds_to_resolve, auto_resolved`): resolved = created + seconds;
//! - REST `GET /incidents` (`{"incidents": [...]}`; `id, incident_number,
//!   title, created_at, resolved_at, last_status_change_at, status, urgency,
//!   service {summary}, priority {summary}, teams [{summary}]`): without
//!   `resolved_at`, a resolved incident's last status change is its
//!   resolution.
//!
//! Timestamps without an offset (the analytics API writes them in its
//! `time_zone`) are read in the chosen zone. The same incident twice keeps
//! its latest update.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, List, Obj, Val};
use super::records::{dedupe, optional_time, required_time, IncidentRecord};
use super::table::{cell, Table};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Incident<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    incident_number: Val<'a>,
    #[serde(borrow)]
    title: Val<'a>,
    #[serde(borrow)]
    description: Val<'a>,
    #[serde(borrow)]
    created_at: Val<'a>,
    #[serde(borrow)]
    created_on: Val<'a>,
    #[serde(borrow)]
    updated_at: Val<'a>,
    #[serde(borrow)]
    resolved_at: Val<'a>,
    #[serde(borrow)]
    last_status_change_at: Val<'a>,
    #[serde(borrow)]
    seconds_to_resolve: Val<'a>,
    #[serde(borrow)]
    status: Val<'a>,
    #[serde(borrow)]
    urgency: Val<'a>,
    #[serde(borrow)]
    priority_name: Val<'a>,
    #[serde(borrow)]
    priority_order: Val<'a>,
    #[serde(borrow)]
    service_name: Val<'a>,
    #[serde(borrow)]
    team_name: Val<'a>,
    #[serde(borrow)]
    service: Obj<Reference<'a>>,
    #[serde(borrow)]
    priority: Obj<Reference<'a>>,
    #[serde(borrow)]
    teams: List<Obj<Reference<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Reference<'a> {
    #[serde(borrow)]
    summary: Val<'a>,
}

/// One incident's fields as text, whichever form it came in.
#[derive(Default)]
struct Fields<'r> {
    id: Option<String>,
    title: Option<&'r str>,
    created: Option<&'r str>,
    updated: Option<&'r str>,
    resolved: Option<&'r str>,
    last_change: Option<&'r str>,
    seconds: Option<f64>,
    status: Option<&'r str>,
    urgency: Option<&'r str>,
    priority: Option<&'r str>,
    rank: Option<f64>,
    service: Option<&'r str>,
    team: Option<&'r str>,
}

fn summary<'r>(o: &'r Obj<Reference>) -> Option<&'r str> {
    o.0.as_ref().and_then(|r| r.summary.str())
}

/// Reads a JSON file of any of the three forms into `out`.
pub fn read_json(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list = Vec::new();
    let end = each::<Incident, _>(bytes, layout, |n, i| {
        let f = Fields {
            id: i.id.text().or_else(|| i.incident_number.text()),
            title: i.title.str().or(i.description.str()),
            created: i.created_at.str().or(i.created_on.str()),
            updated: i.updated_at.str(),
            resolved: i.resolved_at.str(),
            last_change: i.last_status_change_at.str(),
            seconds: i.seconds_to_resolve.number(),
            status: i.status.str(),
            urgency: i.urgency.str(),
            priority: i.priority_name.str().or(summary(&i.priority)),
            rank: i.priority_order.number(),
            service: i.service_name.str().or(summary(&i.service)),
            team: i
                .team_name
                .str()
                .or_else(|| i.teams.0.first().and_then(summary)),
        };
        match convert(n, &f, zone) {
            Ok(x) => list.push(x),
            Err(e) => out.reject(n, e),
        }
    });
    super::finish_stream(out, &end);
    keep(list, out);
}

/// Reads an analytics or legacy-report CSV into `out`.
pub fn read_csv(text: &str, zone: FixedOffset, out: &mut ParsedFile) {
    let Some(t) = Table::read(text, out) else {
        return;
    };
    let c = |names: &[&str]| t.col(names);
    let (id, number) = (c(&["id", "incident_id"]), c(&["incident_number", "number"]));
    let title = c(&["description", "title", "summary"]);
    let created = c(&["created_at", "created_on", "created"]);
    let updated = c(&["updated_at"]);
    let resolved = c(&["resolved_at", "resolved_on", "resolved"]);
    let seconds = c(&["seconds_to_resolve"]);
    let status = c(&["status"]);
    let urgency = c(&["urgency"]);
    let priority = c(&["priority_name", "priority"]);
    let rank = c(&["priority_order"]);
    let service = c(&["service_name", "service"]);
    let team = c(&["team_name", "team", "teams"]);
    let mut list = Vec::new();
    for rec in &t.records {
        let n = rec.line;
        let f = Fields {
            id: cell(rec, id).or(cell(rec, number)).map(str::to_string),
            title: cell(rec, title),
            created: cell(rec, created),
            updated: cell(rec, updated),
            resolved: cell(rec, resolved),
            last_change: None,
            seconds: cell(rec, seconds).and_then(|s| s.parse().ok()),
            status: cell(rec, status),
            urgency: cell(rec, urgency),
            priority: cell(rec, priority),
            rank: cell(rec, rank).and_then(|s| s.parse().ok()),
            service: cell(rec, service),
            team: cell(rec, team),
        };
        match convert(n, &f, zone) {
            Ok(x) => list.push(x),
            Err(e) => out.reject(n, e),
        }
    }
    keep(list, out);
}

fn convert(n: usize, f: &Fields, zone: FixedOffset) -> Result<(IncidentRecord, i64), String> {
    let started = required_time(f.created, "created_at", zone)?;
    let mut resolved = optional_time(f.resolved, "resolved_at", zone)?;
    if resolved.is_none() {
        if let Some(s) = f
            .seconds
            .filter(|s| s.is_finite() && *s >= 0.0 && *s < 1e10)
        {
            resolved = Some(started + s.round() as i64);
        }
    }
    let is_resolved = f.status.is_some_and(|s| s.eq_ignore_ascii_case("resolved"));
    if resolved.is_none() && is_resolved {
        resolved = optional_time(f.last_change, "last_status_change_at", zone)?;
    }
    if resolved.is_some_and(|r| r < started) {
        return Err("resolved before it was created".into());
    }
    let updated = optional_time(f.updated, "updated_at", zone)
        .ok()
        .flatten()
        .unwrap_or(started);
    let text = |v: Option<&str>| v.map(str::to_string);
    Ok((
        IncidentRecord {
            id: f.id.clone().unwrap_or_else(|| format!("row {n}")),
            title: text(f.title),
            started,
            resolved,
            urgency: f.urgency.map(str::to_ascii_lowercase),
            priority: text(f.priority),
            rank: f
                .rank
                .filter(|r| r.is_finite() && r.abs() < 1e9)
                .map(|r| r as i64),
            service: text(f.service),
            team: text(f.team),
            position: n,
            ..IncidentRecord::default()
        },
        updated,
    ))
}

/// Merges repeats (the latest update wins) into `out`.
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
