//! What every shape is read into: deployments, deployment statuses,
//! changes, incidents, issues, commits and aggregated metric points, in
//! Unix seconds, with the file's rows that could not be read and the
//! duplicates merged. A [`ParsedFile`] owns its records, so the text can
//! go once it is read.

use std::collections::HashMap;

use chrono::{FixedOffset, NaiveDate};

use super::shape::{Format, Shape};
use crate::model::date::locale::DateForm;
use crate::model::date::timestamp as time;
use crate::model::import::flywheel_csv::{clip, outside_years};

/// A deployment that reached its environment.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeployRecord {
    /// The export's id (unique in the file once duplicates are merged).
    pub id: String,
    /// When it reached the environment, Unix seconds.
    pub at: i64,
    pub environment: Option<String>,
    /// What the data says about production: GitHub's
    /// `production_environment`, GitLab's tier, DevLake's `PRODUCTION`.
    pub production: Option<bool>,
    /// The repository or project deployed.
    pub service: Option<String>,
    /// The commit deployed.
    pub sha: Option<String>,
    /// The workflow that ran it (GitHub Actions).
    pub workflow: Option<String>,
    /// Commits the data lists as shipped by it (Four Keys, DevLake).
    pub changes: Vec<String>,
    /// Flagged as needing remediation in the data (Flywheel's CSV).
    pub failed: bool,
    pub rework: Option<bool>,
    /// First commit, when the data gives it per deployment.
    pub first_commit: Option<i64>,
    /// Position in the file.
    pub position: usize,
}

/// A GitHub deployment status: one update of one deployment.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusRecord {
    pub deployment: String,
    pub state: String,
    pub at: i64,
    pub environment: Option<String>,
    pub position: usize,
}

/// A change on its way to production: a merged pull request, or a commit.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRecord {
    pub id: String,
    /// The change's first commit, Unix seconds.
    pub first_commit: i64,
    /// When it was merged; `None` for a commit (its time is the first).
    pub merged: Option<i64>,
    /// The merge commit's SHA (for a commit, its own).
    pub merge_sha: Option<String>,
    /// Every commit SHA of the change.
    pub commits: Vec<String>,
    pub position: usize,
}

/// An incident, or a page.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IncidentRecord {
    pub id: String,
    pub title: Option<String>,
    pub started: i64,
    /// `None` while it is open.
    pub resolved: Option<i64>,
    pub severity: Option<String>,
    pub priority: Option<String>,
    pub urgency: Option<String>,
    /// The tool's own order of its severities or priorities, higher more
    /// severe (incident.io's severity rank, PagerDuty's priority order).
    pub rank: Option<i64>,
    pub service: Option<String>,
    pub team: Option<String>,
    /// A test, tutorial or drill: never counted unless the user says so.
    pub test: bool,
    /// Commits the data names as its cause (Four Keys' root causes).
    pub changes: Vec<String>,
    /// The deployment the data names as its cause.
    pub deployment: Option<String>,
    pub position: usize,
}

/// A Jira issue, for incidents and the defect escape rate.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IssueRecord {
    pub key: String,
    pub issue_type: String,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub created: i64,
    pub resolved: Option<i64>,
    pub labels: Vec<String>,
    pub environment: Option<String>,
    pub components: Vec<String>,
    pub position: usize,
}

/// One commit's line counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitStat {
    pub sha: String,
    pub at: i64,
    pub added: u64,
    pub deleted: u64,
    /// Files git counted as binary (no line counts).
    pub binary: u32,
    pub position: usize,
}

/// One point of an aggregated metric (GitLab's DORA API): the period's
/// first day and the value of each metric it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct DoraPoint {
    pub date: NaiveDate,
    /// Deployments in the period.
    pub deployments: Option<f64>,
    /// Median lead time, seconds.
    pub lead_seconds: Option<f64>,
    /// Median time to restore, seconds.
    pub restore_seconds: Option<f64>,
    /// Incidents ÷ deployments, a fraction.
    pub change_failure: Option<f64>,
    pub position: usize,
}

/// Where a row sits in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// A line of a CSV or text file (the header is line 1).
    Line(usize),
    /// The n-th record of a JSON file.
    Record(usize),
}

impl Position {
    /// "line 14", "record 3".
    pub fn words(self) -> String {
        match self {
            Position::Line(n) => format!("line {n}"),
            Position::Record(n) => format!("record {n}"),
        }
    }

    /// The position from a record's number in a file of `format`.
    pub fn of(format: Format, n: usize) -> Position {
        match format {
            Format::Json => Position::Record(n),
            Format::Csv | Format::Text => Position::Line(n),
        }
    }
}

/// A row left out because it could not be read, with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct RowIssue {
    pub position: Position,
    pub reason: String,
}

/// A count of rows left out for one reason that is not an error (a
/// pipeline that never deployed, a declined incident).
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    pub reason: String,
    pub count: usize,
}

/// A choice only the user can make before the file can be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// The dates read in more than one form; `sample` is one of them.
    DateForm {
        candidates: Vec<DateForm>,
        sample: String,
    },
    /// The file does not say which metric its values are.
    DoraMetric { candidates: Vec<DoraMetric> },
}

/// A metric of GitLab's DORA API (its `metric` parameter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DoraMetric {
    DeploymentFrequency,
    LeadTime,
    TimeToRestore,
    ChangeFailureRate,
}

impl DoraMetric {
    pub const ALL: [DoraMetric; 4] = [
        DoraMetric::DeploymentFrequency,
        DoraMetric::LeadTime,
        DoraMetric::TimeToRestore,
        DoraMetric::ChangeFailureRate,
    ];

    /// GitLab's name for it, also the stable key.
    pub fn key(self) -> &'static str {
        match self {
            DoraMetric::DeploymentFrequency => "deployment_frequency",
            DoraMetric::LeadTime => "lead_time_for_changes",
            DoraMetric::TimeToRestore => "time_to_restore_service",
            DoraMetric::ChangeFailureRate => "change_failure_rate",
        }
    }

    /// The metric a key names.
    pub fn from_key(key: &str) -> Option<DoraMetric> {
        DoraMetric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// In words, with the unit GitLab gives it in.
    pub fn name(self) -> &'static str {
        match self {
            DoraMetric::DeploymentFrequency => "deployment frequency (deployments per period)",
            DoraMetric::LeadTime => "lead time for changes (median seconds)",
            DoraMetric::TimeToRestore => "time to restore service (median seconds)",
            DoraMetric::ChangeFailureRate => "change failure rate (a fraction)",
        }
    }
}

/// Answers to a file's questions, given when it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FileOptions {
    pub date_form: Option<DateForm>,
    pub dora_metric: Option<DoraMetric>,
}

/// One file, read.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    /// The file's name, or "pasted text".
    pub name: String,
    pub shape: Shape,
    pub format: Format,
    pub deployments: Vec<DeployRecord>,
    pub statuses: Vec<StatusRecord>,
    pub changes: Vec<ChangeRecord>,
    pub incidents: Vec<IncidentRecord>,
    pub issues: Vec<IssueRecord>,
    pub commits: Vec<CommitStat>,
    pub dora: Vec<DoraPoint>,
    /// The metric [`ParsedFile::dora`]'s `value`s are, when one was chosen.
    pub dora_metric: Option<DoraMetric>,
    /// Records or rows seen, read or not.
    pub rows: usize,
    pub rejected: Vec<RowIssue>,
    /// Records that repeated one already read (the same id), merged into it.
    pub merged: usize,
    pub left_out: Vec<LeftOut>,
    /// Things worth saying about the file (how a time was read, what was
    /// assumed).
    pub notes: Vec<String>,
    /// Why the reading stopped before the end of the file (JSON cut off or
    /// broken); the records before that point are kept.
    pub stopped: Option<String>,
    /// What must be answered before the file is read.
    pub question: Option<Question>,
    /// A CSV's headers (for the column-mapping step).
    pub headers: Vec<String>,
}

impl ParsedFile {
    /// An empty file of `shape`.
    pub fn new(name: &str, shape: Shape, format: Format) -> ParsedFile {
        ParsedFile {
            name: name.to_string(),
            shape,
            format,
            deployments: Vec::new(),
            statuses: Vec::new(),
            changes: Vec::new(),
            incidents: Vec::new(),
            issues: Vec::new(),
            commits: Vec::new(),
            dora: Vec::new(),
            dora_metric: None,
            rows: 0,
            rejected: Vec::new(),
            merged: 0,
            left_out: Vec::new(),
            notes: Vec::new(),
            stopped: None,
            question: None,
            headers: Vec::new(),
        }
    }

    /// "GitHub deployments (REST API JSON)".
    pub fn title(&self) -> String {
        format!("{} ({})", self.shape.noun(), self.shape.source(self.format))
    }

    /// Records a row that could not be read.
    pub fn reject(&mut self, n: usize, reason: impl Into<String>) {
        self.rejected.push(RowIssue {
            position: Position::of(self.format, n),
            reason: reason.into(),
        });
    }

    /// Counts a row left out for `reason`.
    pub fn leave_out(&mut self, reason: &str) {
        match self.left_out.iter_mut().find(|l| l.reason == reason) {
            Some(l) => l.count += 1,
            None => self.left_out.push(LeftOut {
                reason: reason.to_string(),
                count: 1,
            }),
        }
    }
}

/// A required timestamp field: missing, unreadable or outside the model's
/// years each give their reason.
pub fn required_time(text: Option<&str>, field: &str, zone: FixedOffset) -> Result<i64, String> {
    optional_time(text, field, zone)?.ok_or_else(|| format!("missing \"{field}\""))
}

/// An optional timestamp field: blank is `None`; unreadable or outside the
/// model's years is the row's reason to be left out.
pub fn optional_time(
    text: Option<&str>,
    field: &str,
    zone: FixedOffset,
) -> Result<Option<i64>, String> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let at = time::parse_timestamp(t, zone)
        .ok_or_else(|| format!("unreadable timestamp \"{}\" in \"{field}\"", clip(t)))?;
    if time::in_model_years(at, zone) {
        Ok(Some(at))
    } else {
        Err(outside_years(t, field))
    }
}

/// Merges records with the same key into the first of them, keeping file
/// order; returns how many were merged.
pub fn dedupe<T>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> &str,
    mut merge: impl FnMut(&mut T, T),
) -> usize {
    let mut first: HashMap<String, usize> = HashMap::with_capacity(items.len());
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let mut merged = 0;
    for item in items.drain(..) {
        match first.get(key(&item)) {
            Some(&i) => {
                merge(&mut out[i], item);
                merged += 1;
            }
            None => {
                first.insert(key(&item).to_string(), out.len());
                out.push(item);
            }
        }
    }
    *items = out;
    merged
}

/// The last path segment of a repository URL or path: how deployments
/// name their service ("https://github.com/acme/shop" → "shop").
pub fn repo_name(url: &str) -> Option<String> {
    let t = url.trim().trim_end_matches('/').trim_end_matches(".git");
    let last = t.rsplit(['/', ':']).next()?.trim();
    (!last.is_empty()).then(|| last.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedupe_keeps_the_first_and_counts_the_rest() {
        let mut v = vec![("a", 1), ("b", 2), ("a", 3), ("a", 4)];
        let n = dedupe(&mut v, |x| x.0, |kept, new| kept.1 += new.1);
        assert_eq!(n, 2);
        assert_eq!(v, vec![("a", 8), ("b", 2)]);
    }

    #[test]
    fn times_and_names_read_with_reasons() {
        let utc = time::offset(0);
        assert_eq!(
            required_time(Some("2026-03-01T00:00:00Z"), "at", utc),
            Ok(1_772_323_200)
        );
        assert_eq!(required_time(None, "at", utc), Err("missing \"at\"".into()));
        assert!(optional_time(Some("soon"), "at", utc)
            .unwrap_err()
            .contains("unreadable"));
        assert!(optional_time(Some("1999-12-31T00:00:00Z"), "at", utc)
            .unwrap_err()
            .contains("outside the years"));
        assert_eq!(optional_time(Some(" "), "at", utc), Ok(None));
        assert_eq!(
            repo_name("https://github.com/acme/shop.git").as_deref(),
            Some("shop")
        );
        assert_eq!(
            repo_name("git@gitlab.com:acme/api/").as_deref(),
            Some("api")
        );
        assert_eq!(repo_name(""), None);
        assert_eq!(Position::Record(3).words(), "record 3");
        for m in DoraMetric::ALL {
            assert_eq!(DoraMetric::from_key(m.key()), Some(m));
        }
    }
}
