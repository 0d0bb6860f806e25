//! Opsgenie incidents, from the Incident API (`GET /v1/incidents`,
//! `{"data": [...]}`; docs.opsgenie.com/docs/incident-api: `id, tinyId,
//! message, status` (open, resolved, closed), `priority` (P1–P5),
//! `createdAt, updatedAt, impactStartDate, impactEndDate, ownerTeam,
//! impactedServices, tags`) or an export tool's JSON or CSV, which write the
//! same names in snake_case (`tiny_id, impact_start_date`...).
//!
//! An incident starts at its impact start (else its creation) and is
//! restored at its impact end; without one it is open.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, List, Val};
use super::records::{dedupe, optional_time, required_time, IncidentRecord};
use super::table::{cell, list_cell, Table};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Incident<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(rename = "tinyId", alias = "tiny_id", borrow)]
    tiny_id: Val<'a>,
    #[serde(borrow)]
    message: Val<'a>,
    #[serde(borrow)]
    priority: Val<'a>,
    #[serde(rename = "createdAt", alias = "created_at", borrow)]
    created_at: Val<'a>,
    #[serde(rename = "updatedAt", alias = "updated_at", borrow)]
    updated_at: Val<'a>,
    #[serde(rename = "impactStartDate", alias = "impact_start_date", borrow)]
    impact_start: Val<'a>,
    #[serde(rename = "impactEndDate", alias = "impact_end_date", borrow)]
    impact_end: Val<'a>,
    #[serde(rename = "ownerTeam", alias = "owner_team", borrow)]
    owner_team: Val<'a>,
    #[serde(rename = "impactedServices", alias = "impacted_services", borrow)]
    impacted_services: List<Val<'a>>,
}

struct Fields<'r> {
    id: Option<String>,
    title: Option<&'r str>,
    priority: Option<&'r str>,
    created: Option<&'r str>,
    updated: Option<&'r str>,
    start: Option<&'r str>,
    end: Option<&'r str>,
    team: Option<&'r str>,
    service: Option<String>,
}

/// Reads a JSON file into `out`.
pub fn read_json(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list = Vec::new();
    let end = each::<Incident, _>(bytes, layout, |n, i| {
        let f = Fields {
            id: i.id.text().or_else(|| i.tiny_id.text()),
            title: i.message.str(),
            priority: i.priority.str(),
            created: i.created_at.str(),
            updated: i.updated_at.str(),
            start: i.impact_start.str(),
            end: i.impact_end.str(),
            team: i.owner_team.str(),
            service: i.impacted_services.0.iter().find_map(Val::text),
        };
        match convert(n, &f, zone) {
            Ok(x) => list.push(x),
            Err(e) => out.reject(n, e),
        }
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
    let (id, tiny) = (c(&["id"]), c(&["tinyid", "tiny_id"]));
    let title = c(&["message", "title"]);
    let priority = c(&["priority"]);
    let created = c(&["createdat", "created_at"]);
    let updated = c(&["updatedat", "updated_at"]);
    let start = c(&["impactstartdate", "impact_start_date"]);
    let end = c(&["impactenddate", "impact_end_date"]);
    let team = c(&["ownerteam", "owner_team"]);
    let services = c(&["impactedservices", "impacted_services"]);
    let mut list = Vec::new();
    for rec in &t.records {
        let f = Fields {
            id: cell(rec, id).or(cell(rec, tiny)).map(str::to_string),
            title: cell(rec, title),
            priority: cell(rec, priority),
            created: cell(rec, created),
            updated: cell(rec, updated),
            start: cell(rec, start),
            end: cell(rec, end),
            team: cell(rec, team),
            service: cell(rec, services).and_then(|s| list_cell(s).into_iter().next()),
        };
        match convert(rec.line, &f, zone) {
            Ok(x) => list.push(x),
            Err(e) => out.reject(rec.line, e),
        }
    }
    keep(list, out);
}

fn convert(n: usize, f: &Fields, zone: FixedOffset) -> Result<(IncidentRecord, i64), String> {
    let started = match optional_time(f.start, "impactStartDate", zone)? {
        Some(t) => t,
        None => required_time(f.created, "createdAt", zone)?,
    };
    let resolved = optional_time(f.end, "impactEndDate", zone)?;
    if resolved.is_some_and(|r| r < started) {
        return Err("impact ended before it started".into());
    }
    let updated = optional_time(f.updated, "updatedAt", zone)
        .ok()
        .flatten()
        .unwrap_or(started);
    Ok((
        IncidentRecord {
            id: f.id.clone().unwrap_or_else(|| format!("row {n}")),
            title: f.title.map(str::to_string),
            started,
            resolved,
            priority: f.priority.map(str::to_ascii_uppercase),
            team: f.team.map(str::to_string),
            service: f.service.clone(),
            position: n,
            ..IncidentRecord::default()
        },
        updated,
    ))
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
