//! A file as read: its records, the rows that could not be read (with
//! their position and reason), what was left out or merged, and the
//! questions only the user can answer before it is read (a date form, a
//! DORA metric).

use super::records::{ChangeRecord, CommitStat, DeployRecord, DoraPoint, IncidentRecord};
use super::records::{IssueRecord, StatusRecord};
use super::shape::{Format, Shape};
use crate::model::date::locale::DateForm;

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

impl LeftOut {
    /// "2 records left out: not merged." with the noun for one and many.
    pub fn words(&self, one: &str, many: &str) -> String {
        let noun = if self.count == 1 { one } else { many };
        format!("{} {noun} left out: {}.", self.count, self.reason)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_metrics_have_words_and_keys() {
        assert_eq!(Position::Record(3).words(), "record 3");
        assert_eq!(Position::of(Format::Csv, 4), Position::Line(4));
        for m in DoraMetric::ALL {
            assert_eq!(DoraMetric::from_key(m.key()), Some(m));
        }
        let mut f = ParsedFile::new("x", Shape::Opsgenie, Format::Json);
        f.leave_out("a");
        f.leave_out("a");
        f.reject(2, "bad");
        assert_eq!(f.left_out[0].count, 2);
        assert_eq!(f.rejected[0].position, Position::Record(2));
        assert_eq!(f.title(), "Opsgenie incidents (API JSON)");
    }
}
