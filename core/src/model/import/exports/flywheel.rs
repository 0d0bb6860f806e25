//! Flywheel's own CSV columns (README "Import from data") as export
//! records, so a deployments file in Flywheel's columns (or any CSV once
//! its columns are mapped) joins incidents from another tool. The columns
//! and cells mean what they mean on the mapping path ([`crate::model::
//! import::read`]): `deployed_at` when it reached production, `failed` and
//! `rework` yes/no, `first_commit_at` the change's first commit; incidents
//! `started_at`, `resolved_at` and the `deployment_id` that caused them.
//! Rows are left out for the same reasons, in the same words, as on that
//! path (README "Import from data"): a repeated id is a row left out, and
//! an incident whose `deployment_id` cell is empty, in a file that has the
//! column, is one the file ties to no deployment.

use std::borrow::Cow;

use chrono::FixedOffset;

use super::file::ParsedFile;
use super::hash::{self, FastSet};
use super::records::{DeployRecord, IncidentRecord};
use crate::model::date::timestamp as time;
use crate::model::import::csv;
use crate::model::import::flywheel_csv::{clip, column_index, outside_years};
use crate::model::import::{parse_flag, DeployColumns, IncidentColumns};
use crate::model::text;

/// A timestamp cell as the mapping path reads it: blank is `None`; an
/// unreadable one or one outside the model's years is the row's reason to
/// be left out.
fn stamp(text: Option<&str>, column: &str, zone: FixedOffset) -> Result<Option<i64>, String> {
    let Some(t) = text else {
        return Ok(None);
    };
    let at = time::parse_timestamp(t, zone)
        .ok_or_else(|| format!("unparseable timestamp \"{}\" in \"{column}\"", clip(t)))?;
    if time::in_model_years(at, zone) {
        Ok(Some(at))
    } else {
        Err(outside_years(t, column))
    }
}

/// A required timestamp cell.
fn required(text: Option<&str>, column: &str, zone: FixedOffset) -> Result<i64, String> {
    stamp(text, column, zone)?.ok_or_else(|| format!("missing required column \"{column}\""))
}

/// Whether a row's id repeats one already read: the row is left out.
fn repeated<'a>(seen: &mut FastSet<&'a str>, id: Option<&'a str>) -> Option<String> {
    let id = id?;
    (!seen.insert(id)).then(|| format!("duplicate id \"{}\"", clip(id)))
}

/// Where a column is in the header, and its name (a row's reason names
/// it).
type Column<'a> = (Option<usize>, &'a str);

fn column<'a>(headers: &[String], c: &'a Option<String>) -> Column<'a> {
    (column_index(headers, c), c.as_deref().unwrap_or_default())
}

/// The columns of a deployments file, and the zone its timestamps
/// without an offset are read in.
struct DeployCells<'a> {
    at: Column<'a>,
    first: Column<'a>,
    failed: Column<'a>,
    rework: Column<'a>,
    id: Option<usize>,
    zone: FixedOffset,
}

/// A cell of a row, trimmed; `None` when the column is absent or the cell
/// empty.
fn cell<'r>(fields: &'r [Cow<'_, str>], i: Option<usize>) -> Option<&'r str> {
    i.and_then(|i| fields.get(i))
        .map(|c| text::trim(c))
        .filter(|c| !c.is_empty())
}

/// Reads a CSV's rows into a list, `row` called once a row with the
/// columns `cells` finds in the header; a row it refuses is left out with
/// its reason, as is a row whose quote never closes.
fn read_rows<C, T>(
    text: &str,
    out: &mut ParsedFile,
    cells: impl FnOnce(&[String]) -> C,
    row: impl for<'t> Fn(&'t [Cow<'t, str>], usize, &C, &mut FastSet<&'t str>) -> Result<T, String>,
) -> Vec<T> {
    let Some(t) = csv::parse(text) else {
        return Vec::new();
    };
    out.rows = t.records.len();
    out.headers.clone_from(&t.headers);
    for line in &t.broken {
        out.reject(*line, "a quoted field is never closed");
    }
    let cells = cells(&t.headers);
    let mut list = Vec::with_capacity(t.records.len());
    let mut seen: FastSet<&str> = hash::set(t.records.len());
    for rec in &t.records {
        match row(&rec.fields, rec.line, &cells, &mut seen) {
            Ok(r) => list.push(r),
            Err(reason) => out.reject(rec.line, reason),
        }
    }
    list
}

/// Reads deployments with their column mapping into `out`.
pub fn read_deployments(
    text: &str,
    columns: &DeployColumns,
    zone: FixedOffset,
    out: &mut ParsedFile,
) {
    let cells = |h: &[String]| DeployCells {
        at: column(h, &columns.deployed_at),
        first: column(h, &columns.first_commit_at),
        failed: column(h, &columns.failed),
        rework: column(h, &columns.rework),
        id: column_index(h, &columns.id),
        zone,
    };
    out.deployments = read_rows(text, out, cells, deployment);
}

/// One row of a deployments file, or why it is left out. A function of
/// its own, called once a row, because a browser compiles a function's
/// first calls quickly and plainly and only a function called again runs
/// its optimised code: a loop over 100,000 rows inside one call would
/// never leave the plain code.
#[inline(never)]
fn deployment<'t>(
    fields: &'t [Cow<'t, str>],
    n: usize,
    cells: &DeployCells,
    seen: &mut FastSet<&'t str>,
) -> Result<DeployRecord, String> {
    let zone = cells.zone;
    let deployed = required(cell(fields, cells.at.0), cells.at.1, zone)?;
    let first_commit = match stamp(cell(fields, cells.first.0), cells.first.1, zone)? {
        Some(c) if c > deployed => return Err("first commit is after the deployment".into()),
        c => c,
    };
    let mut flags = [Some(false), None];
    let mut bad = None;
    for (k, (c, label)) in [cells.failed, cells.rework].into_iter().enumerate() {
        if let Some(text) = cell(fields, c) {
            match parse_flag(text) {
                Some(v) => flags[k] = Some(v),
                None => bad = Some(format!("\"{}\" in \"{label}\" is not yes/no", clip(text))),
            }
        } else if c.is_some() && k == 1 {
            flags[1] = Some(false);
        }
    }
    let id = cell(fields, cells.id);
    if let Some(reason) = bad.or_else(|| repeated(seen, id)) {
        return Err(reason);
    }
    Ok(DeployRecord {
        id: id.map_or_else(|| format!("line {n}"), str::to_string),
        at: deployed,
        failed: flags[0].unwrap_or(false),
        rework: flags[1],
        first_commit,
        position: n,
        ..DeployRecord::default()
    })
}

/// The columns of an incidents file, as [`DeployCells`].
struct IncidentCells<'a> {
    start: Column<'a>,
    end: Column<'a>,
    id: Option<usize>,
    link: Option<usize>,
    zone: FixedOffset,
}

/// Reads incidents with their column mapping into `out`.
pub fn read_incidents(
    text: &str,
    columns: &IncidentColumns,
    zone: FixedOffset,
    out: &mut ParsedFile,
) {
    let cells = |h: &[String]| IncidentCells {
        start: column(h, &columns.started_at),
        end: column(h, &columns.resolved_at),
        id: column_index(h, &columns.id),
        link: column_index(h, &columns.deployment_id),
        zone,
    };
    out.incidents = read_rows(text, out, cells, incident);
}

/// One row of an incidents file, or why it is left out; out of line for
/// the reason [`deployment`] is.
#[inline(never)]
fn incident<'t>(
    fields: &'t [Cow<'t, str>],
    n: usize,
    cells: &IncidentCells,
    seen: &mut FastSet<&'t str>,
) -> Result<IncidentRecord, String> {
    let zone = cells.zone;
    let started = required(cell(fields, cells.start.0), cells.start.1, zone);
    let resolved = required(cell(fields, cells.end.0), cells.end.1, zone);
    let (started, resolved) = match (started, resolved) {
        (Err(e), _) | (_, Err(e)) => return Err(e),
        (Ok(s), Ok(r)) if r < s => return Err("resolved before start".into()),
        (Ok(s), Ok(r)) => (s, r),
    };
    let id = cell(fields, cells.id);
    if let Some(reason) = repeated(seen, id) {
        return Err(reason);
    }
    let deployment = cell(fields, cells.link).map(str::to_string);
    Ok(IncidentRecord {
        id: id.map_or_else(|| format!("line {n}"), str::to_string),
        started,
        resolved: Some(resolved),
        // With the column, an empty cell is the file's own word: no
        // deployment caused it.
        unlinked: cells.link.is_some() && deployment.is_none(),
        deployment,
        position: n,
        ..IncidentRecord::default()
    })
}
