//! Flywheel's own CSV columns and the column-mapping step: which header
//! holds each field, yes/no cells, and the reader of the two files
//! ([`read`]).

mod read;

pub use read::read;

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

pub(crate) fn column_index(headers: &[String], column: &Option<String>) -> Option<usize> {
    let c = column.as_ref()?;
    headers.iter().position(|h| h == c)
}

/// Reads a yes/no cell: `true/false`, `yes/no`, `y/n`, `1/0`; empty is no.
pub fn parse_flag(text: &str) -> Option<bool> {
    let t = crate::model::text::trim(text);
    // Lower-cased into a small buffer: no word longer than "false" is one.
    let mut lower = [0u8; 5];
    let word = lower.get_mut(..t.len())?;
    word.copy_from_slice(t.as_bytes());
    word.make_ascii_lowercase();
    match &*word {
        b"true" | b"yes" | b"y" | b"1" => Some(true),
        b"false" | b"no" | b"n" | b"0" | b"" => Some(false),
        _ => None,
    }
}

/// Why a row whose timestamp lies outside the model's years is left out.
pub(crate) fn outside_years(text: &str, column: &str) -> String {
    format!(
        "timestamp \"{}\" in \"{column}\" is outside the years {}–{}",
        clip(text),
        crate::model::limits::MIN_YEAR,
        crate::model::limits::MAX_YEAR
    )
}

/// Shortens a cell quoted in a message.
pub(crate) fn clip(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::parse_flag;

    #[test]
    fn flags_are_read_in_any_case_with_spaces_around() {
        for (text, flag) in [
            ("true", Some(true)),
            (" TRUE ", Some(true)),
            ("Yes", Some(true)),
            ("y", Some(true)),
            ("1", Some(true)),
            ("False", Some(false)),
            ("no", Some(false)),
            ("N", Some(false)),
            ("0", Some(false)),
            ("", Some(false)),
            ("  ", Some(false)),
            ("falsey", None),
            ("tru", None),
            ("2", None),
            ("oui", None),
            ("yés", None),
            ("\u{a0}yes\u{a0}", Some(true)),
        ] {
            assert_eq!(parse_flag(text), flag, "{text:?}");
        }
    }
}
