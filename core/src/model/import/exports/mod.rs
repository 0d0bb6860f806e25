//! The exports teams already have (exports.md), recognised and read in the
//! browser: GitHub deployments and statuses, Actions runs and merged pull
//! requests; GitLab deployments and DORA metrics; Four Keys' tables;
//! DevLake's webhook payloads; `git log --numstat`; PagerDuty, Opsgenie and
//! incident.io incidents; Jira issues; and Flywheel's own CSV columns.
//!
//! The flow: [`read_file`] checks each file's bytes, recognises its
//! [`Shape`] from its fields or headers and reads it into records
//! ([`ParsedFile`], with its summary in words, the rows it could not read
//! and the duplicates it merged). [`Choices::of`] lists what the user
//! chooses, with counts and preselections (production, the deploy workflow,
//! severities, services, test incidents); [`Analysis::build`] applies a
//! [`Selection`] (the preselection with the user's [`Picks`] laid over
//! it, [`Choices::select`]): it joins changes to deployments for lead time, ties each
//! incident to a deployment (by the id or SHA the data names, else by the
//! rule it states, listed for review and open to correction), and gives the
//! existing [`crate::model::import::Report`] over a window, which applies
//! to the baseline as a CSV import does. GitLab's DORA points, already
//! aggregated, give [`DoraFigures`] and a monthly trend instead.

mod actions;
mod analysis;
mod attribution;
mod choices;
mod corrections;
mod devlake;
mod dora;
mod dora_figures;
mod escape;
mod file;
mod flywheel;
mod fourkeys;
mod github;
mod gitlab;
mod gitlog;
mod hash;
mod incidentio;
mod jira;
mod json;
mod lead;
mod levels;
mod opsgenie;
mod pagerduty;
mod picks;
mod pulls;
mod recognise;
mod records;
mod shape;
mod sniff;
mod summary;
mod table;

use chrono::FixedOffset;

pub use analysis::{Analysis, DeployedRef, IncidentRef};
pub use attribution::{Attribution, How};
pub use choices::{Choices, LevelChoice, LevelKind, Opt, Override, Selection};
pub use corrections::{CANDIDATES_AFTER, CANDIDATES_BEFORE};
pub use dora_figures::{DoraFigures, MonthPoint};
pub use escape::{EscapeFigures, EscapeRule, IncidentRule, JiraChoices};
pub use file::{DoraMetric, FileOptions, LeftOut, ParsedFile, Position, Question, RowIssue};
pub use github::StatusOutcome;
pub use gitlog::Churn;
pub use lead::LeadJoin;
pub use picks::{Group, Picks};
pub use records::{
    ChangeRecord, CommitStat, DeployRecord, DoraPoint, IncidentRecord, IssueRecord, StatusRecord,
};
pub use shape::{Format, Shape, Yields};

use super::{decode_export, DeployColumns, IncidentColumns, InputError, MAX_JSON_BYTES};
use json::Layout;

/// Why a file could not be read at all, in words that say what was
/// expected and what was found.
#[derive(Clone, Debug, PartialEq)]
pub struct FileError {
    pub name: String,
    pub message: String,
}

impl FileError {
    fn new(name: &str, message: impl Into<String>) -> FileError {
        FileError {
            name: name.to_string(),
            message: message.into(),
        }
    }
}

/// Reads one file: recognises its shape and reads its records. `name` is
/// the file's name (or "pasted text"); GitLab DORA files are recognised by
/// it too. Timestamps without an offset are read in `zone`.
pub fn read_file(
    name: &str,
    bytes: &[u8],
    options: &FileOptions,
    zone: FixedOffset,
) -> Result<ParsedFile, FileError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|b| matches!(b, b'[' | b'{')) {
        if bytes.len() > MAX_JSON_BYTES {
            return Err(FileError::new(
                name,
                InputError::TooLargeJson(bytes.len()).message(),
            ));
        }
        // The JSON reader checks the strings it reads are UTF-8, and a NUL
        // byte stops it (JSON has none outside a string, nor raw inside
        // one). So a file is looked through for one, to be called binary,
        // only when its reading stopped: a 100 MB export is read once.
        let read = read_json(name, bytes, options, zone);
        let stopped = read.as_ref().map_or(true, |f| f.stopped.is_some());
        if stopped && bytes.contains(&0) {
            return Err(FileError::new(name, InputError::Binary.message()));
        }
        return read;
    }
    let text = decode_export(bytes).map_err(|e| FileError::new(name, e.message()))?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.is_empty() {
        return Err(FileError::new(name, "The file is empty."));
    }
    if recognise::is_git_log(body) {
        let mut out = ParsedFile::new(name, Shape::GitLog, Format::Text);
        gitlog::read(text, zone, &mut out);
        return Ok(out);
    }
    let Some(head) = super::csv::parse_head(text, 0) else {
        return Err(FileError::new(name, "The file has no header line."));
    };
    let shape = recognise::recognise_csv(&head.headers);
    let mut out = ParsedFile::new(name, shape, Format::Csv);
    match shape {
        Shape::Jira => {
            jira::read(text, options, zone, &mut out).map_err(|e| FileError::new(name, e))?
        }
        Shape::PagerdutyAnalytics | Shape::PagerdutyLegacy => {
            pagerduty::read_csv(text, zone, &mut out)
        }
        Shape::Opsgenie => opsgenie::read_csv(text, zone, &mut out),
        Shape::IncidentIo => incidentio::read_csv(text, zone, &mut out),
        Shape::FourKeysDeployments | Shape::FourKeysChanges | Shape::FourKeysIncidents => {
            fourkeys::read_csv(text, zone, &mut out)
        }
        Shape::FlywheelDeployments => {
            flywheel::read_deployments(text, &DeployColumns::guess(&head.headers), zone, &mut out)
        }
        Shape::FlywheelIncidents => {
            flywheel::read_incidents(text, &IncidentColumns::guess(&head.headers), zone, &mut out)
        }
        _ => {
            out.headers = head.headers;
            out.rows = super::csv::parse(text).map_or(0, |t| t.records.len());
        }
    }
    Ok(out)
}

/// The column mapping the user chose for a CSV Flywheel did not recognise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mapping {
    Deployments(DeployColumns),
    Incidents(IncidentColumns),
}

/// Reads a CSV with the user's column mapping (today's mapping step), so
/// it joins the other files.
pub fn read_mapped(
    name: &str,
    bytes: &[u8],
    mapping: &Mapping,
    zone: FixedOffset,
) -> Result<ParsedFile, FileError> {
    let text = super::decode(bytes).map_err(|e| FileError::new(name, e.message()))?;
    let (shape, needed) = match mapping {
        Mapping::Deployments(c) => (Shape::FlywheelDeployments, c.deployed_at.is_some()),
        Mapping::Incidents(c) => (
            Shape::FlywheelIncidents,
            c.started_at.is_some() && c.resolved_at.is_some(),
        ),
    };
    if !needed {
        return Err(FileError::new(
            name,
            "Choose the columns that hold the required times before reading the file.",
        ));
    }
    let mut out = ParsedFile::new(name, shape, Format::Csv);
    match mapping {
        Mapping::Deployments(c) => flywheel::read_deployments(text, c, zone, &mut out),
        Mapping::Incidents(c) => flywheel::read_incidents(text, c, zone, &mut out),
    }
    Ok(out)
}

fn read_json(
    name: &str,
    bytes: &[u8],
    options: &FileOptions,
    zone: FixedOffset,
) -> Result<ParsedFile, FileError> {
    let sniffed = sniff::sniff(bytes);
    if let Some(e) = &sniffed.error {
        return Err(FileError::new(
            name,
            format!("This file starts like JSON, but {e}."),
        ));
    }
    let Some((shape, layout)) = recognise::recognise_json(&sniffed) else {
        return Err(FileError::new(
            name,
            format!(
                "This JSON is not an export Flywheel knows. It reads: {}. This file holds {}.",
                Shape::known_json(),
                sniffed.found()
            ),
        ));
    };
    let mut out = ParsedFile::new(name, shape, Format::Json);
    let f: fn(&[u8], Layout, FixedOffset, &mut ParsedFile) = match shape {
        Shape::GithubDeployments => github::read_deployments,
        Shape::GithubDeploymentStatuses => github::read_statuses,
        Shape::GithubRunsCli => actions::read_cli,
        Shape::GithubRunsRest => actions::read_rest,
        Shape::GithubPulls => pulls::read,
        Shape::GitlabDeployments => gitlab::read_deployments,
        Shape::GitlabDora => {
            dora::read(bytes, layout, options, zone, &mut out);
            return finished(out);
        }
        Shape::FourKeysDeployments | Shape::FourKeysChanges | Shape::FourKeysIncidents => {
            fourkeys::read_json
        }
        Shape::DevlakeDeployments => devlake::read_deployments,
        Shape::DevlakeIssues => devlake::read_issues,
        Shape::PagerdutyAnalytics | Shape::PagerdutyLegacy | Shape::PagerdutyRest => {
            pagerduty::read_json
        }
        Shape::Opsgenie => opsgenie::read_json,
        Shape::IncidentIo => incidentio::read_json,
        _ => return Err(FileError::new(name, "This shape is not read from JSON.")),
    };
    f(bytes, layout, zone, &mut out);
    finished(out)
}

/// A file whose JSON broke before its first record is an error, not an
/// empty file.
fn finished(out: ParsedFile) -> Result<ParsedFile, FileError> {
    match &out.stopped {
        Some(why) if out.rows == 0 => Err(FileError::new(
            &out.name,
            format!("This file is not readable JSON: {why}."),
        )),
        _ => Ok(out),
    }
}

/// Records how a JSON read ended: items that were not objects are
/// rejected, and a stop before the end is kept with its reason.
fn finish_stream(out: &mut ParsedFile, end: &json::StreamEnd) {
    out.rows += end.records;
    for &n in &end.not_objects {
        out.reject(n, "not an object: a record is a JSON object of fields");
    }
    if let Some(why) = &end.stopped {
        out.stopped = Some(format!(
            "{why}; the {} records before that point are read",
            end.records
        ));
    }
}
