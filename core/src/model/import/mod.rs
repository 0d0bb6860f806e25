//! Baseline from real data: deployments and incidents read from CSV exports,
//! and the DORA metrics computed from them (domain.md §1, §2), with their
//! distributions, entirely in the browser.
//!
//! The flow is [`decode`] (size, binary and UTF-8 checks) → [`read`] (CSV,
//! column mapping, timestamps; every rejected row is kept with its line and
//! reason) → [`compute`] over a [`Window`] → [`Report`], which
//! [`Report::apply`] turns into baseline values and the [`Measured`] samples
//! kept in the Scenario.
//!
//! Default CSV format (README "Import from data"): deployments have
//! `id, deployed_at, first_commit_at, failed, rework`; incidents have
//! `id, started_at, resolved_at, deployment_id`. Only `deployed_at`,
//! `started_at` and `resolved_at` are required.

mod coverage;
pub mod csv;
mod measured;
pub mod stats;

use std::collections::HashMap;

use chrono::{FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::date::timestamp::{self as time, DAY};
pub use coverage::Coverage;
pub use measured::{
    Measured, MAX_DEPLOYMENTS, MAX_SAMPLES, MAX_SAMPLE_HOURS, MAX_WEEKLY_DEPLOYS, MAX_WEEKS,
};
use stats::Summary;

/// Largest input accepted, in bytes. 100,000 deployment rows take about
/// 7 MB; anything far larger is refused before it is parsed.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge(usize),
    /// Holds NUL bytes: a binary file, not CSV.
    Binary,
    /// Not valid UTF-8; the byte offset of the first bad byte.
    NotUtf8(usize),
}

impl InputError {
    /// A message fit to show to users.
    pub fn message(&self) -> String {
        match self {
            InputError::TooLarge(n) => format!(
                "This file is {:.1} MB; the limit is {} MB. Export a shorter period or fewer columns.",
                *n as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
            InputError::Binary => {
                "This looks like a binary file, not CSV text. Export the data as CSV and try again."
                    .to_string()
            }
            InputError::NotUtf8(at) => format!(
                "This file is not UTF-8 text (first invalid byte at position {at}). Save or export it as UTF-8 CSV."
            ),
        }
    }
}

/// Checks raw bytes before parsing: size cap first (so a huge file costs
/// nothing more), then NUL bytes, then UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge(bytes.len()));
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.valid_up_to()))
}

/// Which file a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Deployments,
    Incidents,
}

impl FileKind {
    /// "deployments" or "incidents".
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Deployments => "deployments",
            FileKind::Incidents => "incidents",
        }
    }
}

/// A row left out, with its line number (header = line 1) and the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub file: FileKind,
    pub line: usize,
    pub reason: String,
}

/// Which header column holds each field (`None`: not in the file).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DeployColumns {
    pub id: Option<String>,
    pub deployed_at: Option<String>,
    pub first_commit_at: Option<String>,
    pub failed: Option<String>,
    pub rework: Option<String>,
}

/// Which header column holds each incident field.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct IncidentColumns {
    pub id: Option<String>,
    pub started_at: Option<String>,
    pub resolved_at: Option<String>,
    pub deployment_id: Option<String>,
}

/// Field names and the header names recognised for them, the documented
/// default first (case and surrounding spaces are ignored).
pub const DEPLOY_FIELDS: [(&str, &[&str]); 5] = [
    ("id", &["id", "deployment_id", "deploy_id", "sha"]),
    (
        "deployed_at",
        &["deployed_at", "deploy_time", "timestamp", "time", "date"],
    ),
    (
        "first_commit_at",
        &["first_commit_at", "commit_at", "committed_at", "merged_at"],
    ),
    ("failed", &["failed", "failure", "change_failure"]),
    ("rework", &["rework", "unplanned", "hotfix"]),
];

/// Incident field names and recognised header names.
pub const INCIDENT_FIELDS: [(&str, &[&str]); 4] = [
    ("id", &["id", "incident_id"]),
    (
        "started_at",
        &["started_at", "start", "opened_at", "created_at"],
    ),
    (
        "resolved_at",
        &["resolved_at", "end", "closed_at", "restored_at"],
    ),
    (
        "deployment_id",
        &["deployment_id", "deploy_id", "caused_by"],
    ),
];

/// The first header that is one of `names` (a field's recognised names).
pub fn guess_column(headers: &[String], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        headers
            .iter()
            .find(|h| h.trim().eq_ignore_ascii_case(n))
            .cloned()
    })
}

impl DeployColumns {
    /// The mapping a header suggests.
    pub fn guess(headers: &[String]) -> Self {
        let g = |i: usize| guess_column(headers, DEPLOY_FIELDS[i].1);
        DeployColumns {
            id: g(0),
            deployed_at: g(1),
            first_commit_at: g(2),
            failed: g(3),
            rework: g(4),
        }
    }

    /// The column chosen for field `i` of [`DEPLOY_FIELDS`].
    pub fn get(&self, i: usize) -> Option<&String> {
        [
            &self.id,
            &self.deployed_at,
            &self.first_commit_at,
            &self.failed,
            &self.rework,
        ]
        .get(i)
        .and_then(|c| c.as_ref())
    }

    /// Sets the column for field `i` of [`DEPLOY_FIELDS`].
    pub fn set(&mut self, i: usize, column: Option<String>) {
        let slot = match i {
            0 => &mut self.id,
            1 => &mut self.deployed_at,
            2 => &mut self.first_commit_at,
            3 => &mut self.failed,
            _ => &mut self.rework,
        };
        *slot = column;
    }
}

impl IncidentColumns {
    /// The mapping a header suggests.
    pub fn guess(headers: &[String]) -> Self {
        let g = |i: usize| guess_column(headers, INCIDENT_FIELDS[i].1);
        IncidentColumns {
            id: g(0),
            started_at: g(1),
            resolved_at: g(2),
            deployment_id: g(3),
        }
    }

    /// The column chosen for field `i` of [`INCIDENT_FIELDS`].
    pub fn get(&self, i: usize) -> Option<&String> {
        [
            &self.id,
            &self.started_at,
            &self.resolved_at,
            &self.deployment_id,
        ]
        .get(i)
        .and_then(|c| c.as_ref())
    }

    /// Sets the column for field `i` of [`INCIDENT_FIELDS`].
    pub fn set(&mut self, i: usize, column: Option<String>) {
        let slot = match i {
            0 => &mut self.id,
            1 => &mut self.started_at,
            2 => &mut self.resolved_at,
            _ => &mut self.deployment_id,
        };
        *slot = column;
    }
}

/// A deployment read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// Unix seconds.
    pub at: i64,
    /// First commit (or merge), Unix seconds.
    pub first_commit: Option<i64>,
    pub failed: bool,
    pub rework: bool,
    /// Index into [`Dataset::ids`] when the row had an id.
    pub id: Option<u32>,
}

/// An incident read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub started: i64,
    pub resolved: i64,
    /// The deployment it is linked to, as an index into
    /// [`Dataset::deployments`], when the id matched one.
    pub deployment: Option<usize>,
    /// The linked id did not match any deployment in the file.
    pub unknown_link: bool,
}

/// Everything read from the two files.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dataset {
    /// Sorted by deploy time.
    pub deployments: Vec<Deployment>,
    pub incidents: Vec<Incident>,
    pub rejected: Vec<Rejected>,
    /// Data rows seen in each file (accepted or not).
    pub deploy_rows: usize,
    pub incident_rows: usize,
}

impl Dataset {
    /// The local date of the latest deployment, the default window end.
    pub fn last_date(&self, zone: FixedOffset) -> Option<NaiveDate> {
        self.deployments
            .last()
            .map(|d| time::local_date(d.at, zone))
    }

    /// The local date of the earliest deployment.
    pub fn first_date(&self, zone: FixedOffset) -> Option<NaiveDate> {
        self.deployments
            .first()
            .map(|d| time::local_date(d.at, zone))
    }
}

/// Why nothing could be computed: one message for the whole import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError(pub String);

fn column_index(headers: &[String], column: &Option<String>) -> Option<usize> {
    let c = column.as_ref()?;
    headers.iter().position(|h| h == c)
}

/// Reads a yes/no cell: `true/false`, `yes/no`, `y/n`, `1/0`; empty is no.
pub fn parse_flag(text: &str) -> Option<bool> {
    let t = text.trim();
    const YES: [&str; 4] = ["true", "yes", "y", "1"];
    const NO: [&str; 5] = ["false", "no", "n", "0", ""];
    if YES.iter().any(|y| t.eq_ignore_ascii_case(y)) {
        Some(true)
    } else if NO.iter().any(|n| t.eq_ignore_ascii_case(n)) {
        Some(false)
    } else {
        None
    }
}

/// Reads both files with their column mappings; `incidents` may be empty.
/// Every rejected row is listed; an error is returned only when nothing
/// usable remains.
pub fn read(
    deployments: &str,
    deploy_cols: &DeployColumns,
    incidents: &str,
    incident_cols: &IncidentColumns,
    zone: FixedOffset,
) -> Result<Dataset, ImportError> {
    let table = csv::parse(deployments).ok_or_else(|| {
        ImportError("The deployments file is empty. Paste CSV text or choose a .csv file.".into())
    })?;
    let mut out = Dataset {
        deploy_rows: table.records.len(),
        ..Dataset::default()
    };
    let at_col = column_index(&table.headers, &deploy_cols.deployed_at).ok_or_else(|| {
        ImportError(format!(
            "The deployments file has no deploy-time column{}. Choose which column holds the deploy time.",
            deploy_cols
                .deployed_at
                .as_ref()
                .map(|c| format!(" named \"{c}\""))
                .unwrap_or_default()
        ))
    })?;
    let id_col = column_index(&table.headers, &deploy_cols.id);
    let commit_col = column_index(&table.headers, &deploy_cols.first_commit_at);
    let failed_col = column_index(&table.headers, &deploy_cols.failed);
    let rework_col = column_index(&table.headers, &deploy_cols.rework);
    let name = |c: &Option<String>| c.clone().unwrap_or_default();

    let mut ids: HashMap<String, u32> = HashMap::new();
    let reject = |file, line, reason: String| Rejected { file, line, reason };
    let mut rejected = Vec::new();
    let mut list: Vec<Deployment> = Vec::with_capacity(table.records.len());
    for rec in &table.records {
        let cell = |i: Option<usize>| i.and_then(|i| rec.fields.get(i)).map(|c| c.as_ref());
        let line = rec.line;
        let Some(at_text) = cell(Some(at_col)).filter(|t| !t.trim().is_empty()) else {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                format!(
                    "missing required column \"{}\"",
                    name(&deploy_cols.deployed_at)
                ),
            ));
            continue;
        };
        let Some(at) = time::parse_timestamp(at_text, zone) else {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                format!(
                    "unparseable timestamp \"{}\" in \"{}\"",
                    clip(at_text),
                    name(&deploy_cols.deployed_at)
                ),
            ));
            continue;
        };
        if !time::in_model_years(at, zone) {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                outside_years(at_text, &name(&deploy_cols.deployed_at)),
            ));
            continue;
        }
        let first_commit = match cell(commit_col).map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => match time::parse_timestamp(t, zone) {
                Some(c) if !time::in_model_years(c, zone) => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        outside_years(t, &name(&deploy_cols.first_commit_at)),
                    ));
                    continue;
                }
                Some(c) if c <= at => Some(c),
                Some(_) => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        "first commit is after the deployment".into(),
                    ));
                    continue;
                }
                None => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        format!(
                            "unparseable timestamp \"{}\" in \"{}\"",
                            clip(t),
                            name(&deploy_cols.first_commit_at)
                        ),
                    ));
                    continue;
                }
            },
        };
        let mut flags = [false; 2];
        let mut bad = None;
        for (k, col, label) in [
            (0, failed_col, &deploy_cols.failed),
            (1, rework_col, &deploy_cols.rework),
        ] {
            if let Some(t) = cell(col) {
                match parse_flag(t) {
                    Some(v) => flags[k] = v,
                    None => {
                        bad = Some(format!(
                            "\"{}\" in \"{}\" is not yes/no",
                            clip(t),
                            name(label)
                        ))
                    }
                }
            }
        }
        if let Some(reason) = bad {
            rejected.push(reject(FileKind::Deployments, line, reason));
            continue;
        }
        let id = match cell(id_col).map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => {
                if ids.contains_key(t) {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        format!("duplicate id \"{}\"", clip(t)),
                    ));
                    continue;
                }
                let n = ids.len() as u32;
                ids.insert(t.to_string(), n);
                Some(n)
            }
        };
        list.push(Deployment {
            at,
            first_commit,
            failed: flags[0],
            rework: flags[1],
            id,
        });
    }
    // An unterminated quote swallows the rest of the file, so its line
    // comes after every record: the rejected rows stay in file order.
    for line in &table.broken {
        rejected.push(reject(
            FileKind::Deployments,
            *line,
            "a quoted field is never closed".into(),
        ));
    }
    // No figure depends on the order of deployments at the same instant,
    // and the unstable sort is the smaller one in the bundle.
    list.sort_unstable_by_key(|d| d.at);
    if list.is_empty() {
        return Err(ImportError(if out.deploy_rows == 0 {
            "The deployments file has a header but no rows.".into()
        } else {
            let first = rejected
                .first()
                .map(|r| format!(" (line {}: {})", r.line, r.reason))
                .unwrap_or_default();
            format!(
                "None of the {} deployment rows could be used{first}. Check the column mapping and the timestamp format.",
                out.deploy_rows
            )
        }));
    }
    // id index → position in the sorted list.
    let mut by_id = vec![usize::MAX; ids.len()];
    for (i, d) in list.iter().enumerate() {
        if let Some(id) = d.id {
            by_id[id as usize] = i;
        }
    }
    out.deployments = list;

    if let Some(table) = csv::parse(incidents) {
        out.incident_rows = table.records.len();
        let need = |c: &Option<String>, what: &str| {
            column_index(&table.headers, c).ok_or_else(|| {
                ImportError(format!(
                    "The incidents file has no {what} column. Choose which column holds it, or clear the incidents."
                ))
            })
        };
        let start_col = need(&incident_cols.started_at, "start-time")?;
        let end_col = need(&incident_cols.resolved_at, "resolved-time")?;
        let iid_col = column_index(&table.headers, &incident_cols.id);
        let link_col = column_index(&table.headers, &incident_cols.deployment_id);
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for rec in &table.records {
            let cell = |i: Option<usize>| {
                i.and_then(|i| rec.fields.get(i))
                    .map(|c| c.as_ref().trim())
                    .filter(|t| !t.is_empty())
            };
            let line = rec.line;
            let stamp = |col: usize, label: &Option<String>| match cell(Some(col)) {
                None => Err(format!("missing required column \"{}\"", name(label))),
                Some(t) => time::parse_timestamp(t, zone)
                    .ok_or_else(|| {
                        format!(
                            "unparseable timestamp \"{}\" in \"{}\"",
                            clip(t),
                            name(label)
                        )
                    })
                    .and_then(|v| {
                        if time::in_model_years(v, zone) {
                            Ok(v)
                        } else {
                            Err(outside_years(t, &name(label)))
                        }
                    }),
            };
            let started = stamp(start_col, &incident_cols.started_at);
            let resolved = stamp(end_col, &incident_cols.resolved_at);
            let (started, resolved) = match (started, resolved) {
                (Ok(s), Ok(r)) => (s, r),
                (Err(e), _) | (_, Err(e)) => {
                    rejected.push(reject(FileKind::Incidents, line, e));
                    continue;
                }
            };
            if resolved < started {
                rejected.push(reject(
                    FileKind::Incidents,
                    line,
                    "resolved before start".into(),
                ));
                continue;
            }
            if let Some(iid) = cell(iid_col) {
                if !seen.insert(iid.to_string()) {
                    rejected.push(reject(
                        FileKind::Incidents,
                        line,
                        format!("duplicate id \"{}\"", clip(iid)),
                    ));
                    continue;
                }
            }
            let (deployment, unknown_link) = match cell(link_col) {
                None => (None, false),
                Some(link) => match ids.get(link) {
                    Some(&i) => (Some(by_id[i as usize]), false),
                    None => (None, true),
                },
            };
            out.incidents.push(Incident {
                started,
                resolved,
                deployment,
                unknown_link,
            });
        }
        for line in &table.broken {
            rejected.push(reject(
                FileKind::Incidents,
                *line,
                "a quoted field is never closed".into(),
            ));
        }
    }
    out.rejected = rejected;
    Ok(out)
}

/// Why a row whose timestamp lies outside the model's years is left out.
fn outside_years(text: &str, column: &str) -> String {
    format!(
        "timestamp \"{}\" in \"{column}\" is outside the years {}–{}",
        clip(text),
        crate::model::limits::MIN_YEAR,
        crate::model::limits::MAX_YEAR
    )
}

/// Shortens a cell quoted in a message.
fn clip(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}

/// Most days from a window's first day to its last: about ten years.
pub const MAX_WINDOW_DAYS: i64 = 3_660;

/// Which period the metrics are computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowChoice {
    /// The last `n` days up to and including the end date.
    LastDays(u32),
    /// From the first date to the last, both included.
    Range(NaiveDate, NaiveDate),
}

/// A resolved window: `[start, end)` in Unix seconds, and its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub end: i64,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl Window {
    /// Resolves a choice. `end_date` is the last day of a "last n days"
    /// window (the app uses the latest deployment's date, so a file's
    /// figures do not drift as the calendar moves). Days are whole local
    /// days of the fixed offset.
    ///
    /// `None` for an empty window, one longer than [`MAX_WINDOW_DAYS`], or
    /// one reaching outside the model's years.
    pub fn resolve(choice: WindowChoice, end_date: NaiveDate, zone: FixedOffset) -> Option<Window> {
        let (first, last) = match choice {
            WindowChoice::LastDays(n) if n > 0 => (
                crate::model::limits::add_days(end_date, 1 - i64::from(n))?,
                end_date,
            ),
            WindowChoice::Range(a, b) if a <= b => (a, b),
            _ => return None,
        };
        let ok = crate::model::limits::date_ok(first) && crate::model::limits::date_ok(last);
        if !ok || (last - first).num_days() > MAX_WINDOW_DAYS {
            return None;
        }
        Some(Window {
            start: time::local_midnight(first, zone),
            end: time::local_midnight(last, zone) + DAY,
            first_day: first,
            last_day: last,
        })
    }

    /// Whole days in the window.
    pub fn days(&self) -> i64 {
        (self.end - self.start) / DAY
    }

    /// Whether an instant lies inside.
    pub fn contains(&self, t: i64) -> bool {
        self.start <= t && t < self.end
    }
}

/// Google Four Keys' deployment-frequency bucket (domain.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FourKeysFrequency {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

impl FourKeysFrequency {
    /// The bucket's name.
    pub fn label(self) -> &'static str {
        match self {
            FourKeysFrequency::Daily => "Daily",
            FourKeysFrequency::Weekly => "Weekly",
            FourKeysFrequency::Monthly => "Monthly",
            FourKeysFrequency::Yearly => "Yearly",
        }
    }
}

/// One 7-day block of the window, ending at the window's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    /// Its first local day.
    pub start: NaiveDate,
    pub deploys: u32,
    /// Distinct local days with a deployment.
    pub days_with_deploys: u32,
}

/// The measured baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub window: Window,
    pub deployments: usize,
    /// Deployments ÷ days × 7.
    pub deploys_per_week: f64,
    /// Four Keys' rule over the full weeks; `None` for windows under 7 days.
    pub four_keys: Option<FourKeysFrequency>,
    /// Full 7-day blocks, oldest first (a shorter leading block is left out).
    pub weeks: Vec<Week>,
    /// Lead times in hours, sorted.
    pub lead_hours: Vec<f64>,
    pub lead: Option<Summary>,
    /// Deployments in the window that failed: flagged, or linked by an
    /// incident; each counted once however many incidents name it.
    pub failed: usize,
    /// Failed ÷ deployments × 100; `None` without deployments.
    pub change_failure_rate: Option<f64>,
    /// Flagged failed but with no incident linked.
    pub failed_without_incident: usize,
    /// Incidents beyond the first linked to the same deployment.
    pub duplicate_incidents: usize,
    /// Incidents whose linked id is not in the deployments file.
    pub unknown_links: usize,
    /// Recovery times in hours, sorted: one per failed deployment with
    /// incidents (earliest start → latest resolution) and one per unlinked
    /// incident.
    pub recovery_hours: Vec<f64>,
    pub recovery: Option<Summary>,
    pub rework: usize,
    pub rework_rate: Option<f64>,
    /// How much of the window the data covers, when it reaches past it
    /// (see [`Report::coverage_note`]).
    pub coverage: Option<Coverage>,
}

/// Computes the metrics over the window.
pub fn compute(data: &Dataset, window: Window, zone: FixedOffset) -> Result<Report, ImportError> {
    let lo = data.deployments.partition_point(|d| d.at < window.start);
    let hi = data.deployments.partition_point(|d| d.at < window.end);
    let deps = &data.deployments[lo..hi];
    if deps.is_empty() {
        let span = match (data.first_date(zone), data.last_date(zone)) {
            (Some(a), Some(b)) => format!(" The file's deployments run from {a} to {b}."),
            _ => String::new(),
        };
        return Err(ImportError(format!(
            "No deployments fall between {} and {}.{span}",
            window.first_day, window.last_day
        )));
    }
    let n = deps.len();
    let days = window.days().max(1);
    let deploys_per_week = n as f64 / days as f64 * 7.0;

    // Lead times (domain.md §1: first commit → production).
    let mut lead_hours: Vec<f64> = deps
        .iter()
        .filter_map(|d| d.first_commit.map(|c| (d.at - c) as f64 / 3600.0))
        .collect();
    lead_hours.sort_unstable_by(f64::total_cmp);

    // Incidents: grouped per linked deployment (by its position in the
    // window), so duplicates count once.
    let mut linked: Vec<Option<(i64, i64, usize)>> = vec![None; n];
    let mut recovery_hours = Vec::new();
    let mut unknown_links = 0;
    for inc in &data.incidents {
        match inc.deployment {
            Some(i) if (lo..hi).contains(&i) => {
                let e = linked[i - lo].get_or_insert((inc.started, inc.resolved, 0));
                e.0 = e.0.min(inc.started);
                e.1 = e.1.max(inc.resolved);
                e.2 += 1;
            }
            Some(_) => {}
            None => {
                if window.contains(inc.started) {
                    unknown_links += usize::from(inc.unknown_link);
                    recovery_hours.push((inc.resolved - inc.started) as f64 / 3600.0);
                }
            }
        }
    }
    let duplicate_incidents = linked.iter().flatten().map(|v| v.2 - 1).sum();
    recovery_hours.extend(linked.iter().flatten().map(|v| (v.1 - v.0) as f64 / 3600.0));
    recovery_hours.sort_unstable_by(f64::total_cmp);

    // Change failure rate: failed deployments ÷ deployments (domain.md §2,
    // "known confusions": denominator is deployments; never over 100%).
    let mut failed = 0;
    let mut failed_without_incident = 0;
    let mut rework = 0;
    for (k, d) in deps.iter().enumerate() {
        let has_incident = linked[k].is_some();
        if d.failed || has_incident {
            failed += 1;
        }
        if d.failed && !has_incident {
            failed_without_incident += 1;
        }
        rework += usize::from(d.rework);
    }
    let pct = |k: usize| k as f64 / n as f64 * 100.0;

    let weeks = weeks(deps, window, zone);
    Ok(Report {
        window,
        deployments: n,
        deploys_per_week,
        four_keys: four_keys(&weeks),
        weeks,
        lead: Summary::of(&lead_hours),
        lead_hours,
        failed,
        change_failure_rate: Some(pct(failed)),
        failed_without_incident,
        duplicate_incidents,
        unknown_links,
        recovery: Summary::of(&recovery_hours),
        recovery_hours,
        rework,
        rework_rate: Some(pct(rework)),
        coverage: data.coverage(window, zone),
    })
}

/// Full 7-day blocks counted back from the window's end.
fn weeks(deps: &[Deployment], window: Window, zone: FixedOffset) -> Vec<Week> {
    let full = (window.days() / 7) as usize;
    let mut out: Vec<Week> = (0..full)
        .map(|k| Week {
            start: crate::model::limits::add_days(window.last_day, 1 - 7 * (full - k) as i64)
                .unwrap_or(window.first_day),
            deploys: 0,
            days_with_deploys: 0,
        })
        .collect();
    let mut last_day = vec![None; full];
    for d in deps {
        let back = ((window.end - 1 - d.at) / (7 * DAY)) as usize;
        if back >= full {
            continue;
        }
        let k = full - 1 - back;
        out[k].deploys += 1;
        let day = time::local_date(d.at, zone);
        if last_day[k] != Some(day) {
            // Deployments are sorted, so a new day shows up once.
            last_day[k] = Some(day);
            out[k].days_with_deploys += 1;
        }
    }
    out
}

/// Four Keys (domain.md §2): "daily" when the median week has deploys on
/// ≥ 3 days, "weekly" when the median week has ≥ 1 deploy, "monthly" when
/// the median month has ≥ 1 week with deploys. A week belongs to the
/// calendar month it starts in.
fn four_keys(weeks: &[Week]) -> Option<FourKeysFrequency> {
    if weeks.is_empty() {
        return None;
    }
    let median =
        |mut v: Vec<f64>| -> f64 { stats::percentile_unsorted(&mut v, 50.0).unwrap_or(0.0) };
    if median(
        weeks
            .iter()
            .map(|w| f64::from(w.days_with_deploys))
            .collect(),
    ) >= 3.0
    {
        return Some(FourKeysFrequency::Daily);
    }
    if median(weeks.iter().map(|w| f64::from(w.deploys)).collect()) >= 1.0 {
        return Some(FourKeysFrequency::Weekly);
    }
    let mut months: Vec<(i32, u32, f64)> = Vec::new();
    for w in weeks {
        use chrono::Datelike;
        let key = (w.start.year(), w.start.month());
        let hit = f64::from(u8::from(w.deploys > 0));
        match months.last_mut() {
            Some(m) if (m.0, m.1) == key => m.2 += hit,
            _ => months.push((key.0, key.1, hit)),
        }
    }
    if median(months.iter().map(|m| m.2).collect()) >= 1.0 {
        Some(FourKeysFrequency::Monthly)
    } else {
        Some(FourKeysFrequency::Yearly)
    }
}
