//! What every shape is read into: deployments, deployment statuses,
//! changes, incidents, issues, commits and aggregated metric points, in
//! Unix seconds, with the file's rows that could not be read and the
//! duplicates merged. A [`ParsedFile`] owns its records, so the text can
//! go once it is read.

use chrono::{FixedOffset, NaiveDate};

use super::hash::{self, FastMap};

use crate::model::date::timestamp as time;
use crate::model::import::flywheel_csv::{clip, outside_years};
use crate::model::text;

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
    /// The data says no deployment caused it (Flywheel's CSV with an empty
    /// `deployment_id`): it is tied to none, not by the rule.
    pub unlinked: bool,
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
    let Some(t) = text.map(crate::model::text::trim).filter(|t| !t.is_empty()) else {
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
/// order; returns how many were merged. Keys are borrowed, never copied:
/// the first occurrence of every record is found before any moves.
pub fn dedupe<T>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> &str,
    mut merge: impl FnMut(&mut T, T),
) -> usize {
    let first: Vec<usize> = {
        let mut seen: FastMap<&str, usize> = hash::map(items.len());
        items
            .iter()
            .enumerate()
            .map(|(i, x)| *seen.entry(key(x)).or_insert(i))
            .collect()
    };
    let mut slot = vec![0; items.len()];
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let mut merged = 0;
    for (i, item) in items.drain(..).enumerate() {
        let f = first[i];
        if f == i {
            slot[i] = out.len();
            out.push(item);
        } else {
            merge(&mut out[slot[f]], item);
            merged += 1;
        }
    }
    *items = out;
    merged
}

/// The last path segment of a repository URL or path: how deployments
/// name their service ("https://github.com/acme/shop" → "shop").
pub fn repo_name(url: &str) -> Option<String> {
    let t = text::trim(url)
        .trim_end_matches('/')
        .trim_end_matches(".git");
    // Bytes, not characters: both separators are ASCII, and this runs for
    // every deployment of a large export.
    let cut = t
        .bytes()
        .rposition(|b| b == b'/' || b == b':')
        .map_or(0, |i| i + 1);
    let last = text::trim(&t[cut..]);
    (!last.is_empty()).then(|| last.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repository_is_named_by_its_last_segment() {
        for (url, name) in [
            ("https://github.com/acme/shop", Some("shop")),
            ("https://github.com/acme/shop.git", Some("shop")),
            ("git@gitlab.com:acme/api/", Some("api")),
            ("https://api.github.com/repos/acme/shop/", Some("shop")),
            (" git@github.com:acme/shop.git ", Some("shop")),
            ("git@host:shop", Some("shop")),
            ("shop", Some("shop")),
            ("acme/ café ", Some("café")),
            ("https://github.com/acme/", Some("acme")),
            ("", None),
            ("/", None),
            ("acme/ /", None),
        ] {
            assert_eq!(repo_name(url).as_deref(), name, "{url:?}");
        }
    }

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
    }
}
