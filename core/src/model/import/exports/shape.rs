//! Which export a file is, recognised from its fields (JSON), its headers
//! (CSV) or its first line (git log): every shape in exports.md, named in
//! words, with a stable key.

use super::json::Layout;
use super::sniff::Sniffed;

/// An export Flywheel reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    GithubDeployments,
    GithubDeploymentStatuses,
    GithubRunsCli,
    GithubRunsRest,
    GithubPulls,
    GitlabDeployments,
    GitlabDora,
    FourKeysDeployments,
    FourKeysChanges,
    FourKeysIncidents,
    DevlakeDeployments,
    DevlakeIssues,
    GitLog,
    PagerdutyAnalytics,
    PagerdutyLegacy,
    PagerdutyRest,
    Opsgenie,
    IncidentIo,
    Jira,
    FlywheelDeployments,
    FlywheelIncidents,
    /// A CSV with other columns: today's column-mapping step reads it.
    UnknownCsv,
}

/// How the file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Text,
}

/// What a shape's records are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Yields {
    Deployments,
    Statuses,
    Changes,
    Incidents,
    Issues,
    Commits,
    Metrics,
    Columns,
}

impl Shape {
    /// Every shape, in the order messages list them.
    pub const ALL: [Shape; 22] = [
        Shape::GithubDeployments,
        Shape::GithubDeploymentStatuses,
        Shape::GithubRunsCli,
        Shape::GithubRunsRest,
        Shape::GithubPulls,
        Shape::GitlabDeployments,
        Shape::GitlabDora,
        Shape::FourKeysDeployments,
        Shape::FourKeysChanges,
        Shape::FourKeysIncidents,
        Shape::DevlakeDeployments,
        Shape::DevlakeIssues,
        Shape::GitLog,
        Shape::PagerdutyAnalytics,
        Shape::PagerdutyLegacy,
        Shape::PagerdutyRest,
        Shape::Opsgenie,
        Shape::IncidentIo,
        Shape::Jira,
        Shape::FlywheelDeployments,
        Shape::FlywheelIncidents,
        Shape::UnknownCsv,
    ];

    /// What the records are, in words: "GitHub deployments".
    pub fn noun(self) -> &'static str {
        match self {
            Shape::GithubDeployments => "GitHub deployments",
            Shape::GithubDeploymentStatuses => "GitHub deployment statuses",
            Shape::GithubRunsCli | Shape::GithubRunsRest => "GitHub Actions runs",
            Shape::GithubPulls => "GitHub merged pull requests",
            Shape::GitlabDeployments => "GitLab deployments",
            Shape::GitlabDora => "GitLab DORA metrics",
            Shape::FourKeysDeployments => "Four Keys deployments",
            Shape::FourKeysChanges => "Four Keys changes",
            Shape::FourKeysIncidents => "Four Keys incidents",
            Shape::DevlakeDeployments => "DevLake deployments",
            Shape::DevlakeIssues => "DevLake issues",
            Shape::GitLog => "git commits",
            Shape::PagerdutyAnalytics | Shape::PagerdutyLegacy | Shape::PagerdutyRest => {
                "PagerDuty incidents"
            }
            Shape::Opsgenie => "Opsgenie incidents",
            Shape::IncidentIo => "incident.io incidents",
            Shape::Jira => "Jira issues",
            Shape::FlywheelDeployments => "Deployments",
            Shape::FlywheelIncidents => "Incidents",
            Shape::UnknownCsv => "A CSV file",
        }
    }

    /// Where the records come from, in words, for a file of `format`.
    pub fn source(self, format: Format) -> &'static str {
        let csv = format == Format::Csv;
        match self {
            Shape::GithubDeployments
            | Shape::GithubDeploymentStatuses
            | Shape::GithubRunsRest
            | Shape::GitlabDeployments
            | Shape::PagerdutyRest => "REST API JSON",
            Shape::GithubRunsCli => "gh run list JSON",
            Shape::GithubPulls => "gh pr list JSON",
            Shape::GitlabDora => "DORA metrics API JSON",
            Shape::FourKeysDeployments | Shape::FourKeysChanges | Shape::FourKeysIncidents => {
                if csv {
                    "BigQuery table CSV"
                } else {
                    "BigQuery table JSON"
                }
            }
            Shape::DevlakeDeployments | Shape::DevlakeIssues => "webhook payloads JSON",
            Shape::GitLog => "git log --numstat",
            Shape::PagerdutyAnalytics => {
                if csv {
                    "analytics CSV"
                } else {
                    "analytics API JSON"
                }
            }
            Shape::PagerdutyLegacy => {
                if csv {
                    "legacy incident report CSV"
                } else {
                    "legacy incident report JSON"
                }
            }
            Shape::Opsgenie | Shape::IncidentIo => {
                if csv {
                    "CSV export"
                } else {
                    "API JSON"
                }
            }
            Shape::Jira => "CSV export",
            Shape::FlywheelDeployments | Shape::FlywheelIncidents => "Flywheel's CSV columns",
            Shape::UnknownCsv => "columns to map",
        }
    }

    /// The shape in words with its usual source: "GitHub deployments (REST
    /// API JSON)".
    pub fn name(self) -> String {
        let usual = match self {
            Shape::Jira
            | Shape::FlywheelDeployments
            | Shape::FlywheelIncidents
            | Shape::UnknownCsv => Format::Csv,
            Shape::GitLog => Format::Text,
            _ => Format::Json,
        };
        format!("{} ({})", self.noun(), self.source(usual))
    }

    /// A stable key for the shape.
    pub fn key(self) -> &'static str {
        match self {
            Shape::GithubDeployments => "github-deployments",
            Shape::GithubDeploymentStatuses => "github-deployment-statuses",
            Shape::GithubRunsCli => "github-runs-cli",
            Shape::GithubRunsRest => "github-runs-rest",
            Shape::GithubPulls => "github-pulls",
            Shape::GitlabDeployments => "gitlab-deployments",
            Shape::GitlabDora => "gitlab-dora",
            Shape::FourKeysDeployments => "fourkeys-deployments",
            Shape::FourKeysChanges => "fourkeys-changes",
            Shape::FourKeysIncidents => "fourkeys-incidents",
            Shape::DevlakeDeployments => "devlake-deployments",
            Shape::DevlakeIssues => "devlake-issues",
            Shape::GitLog => "git-log",
            Shape::PagerdutyAnalytics => "pagerduty-analytics",
            Shape::PagerdutyLegacy => "pagerduty-legacy",
            Shape::PagerdutyRest => "pagerduty-rest",
            Shape::Opsgenie => "opsgenie",
            Shape::IncidentIo => "incident-io",
            Shape::Jira => "jira",
            Shape::FlywheelDeployments => "flywheel-deployments",
            Shape::FlywheelIncidents => "flywheel-incidents",
            Shape::UnknownCsv => "csv",
        }
    }

    /// The shape a key names.
    pub fn from_key(key: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.key() == key)
    }

    /// What its records are.
    pub fn yields(self) -> Yields {
        match self {
            Shape::GithubDeployments
            | Shape::GithubRunsCli
            | Shape::GithubRunsRest
            | Shape::GitlabDeployments
            | Shape::FourKeysDeployments
            | Shape::DevlakeDeployments
            | Shape::FlywheelDeployments => Yields::Deployments,
            Shape::GithubDeploymentStatuses => Yields::Statuses,
            Shape::GithubPulls | Shape::FourKeysChanges => Yields::Changes,
            Shape::FourKeysIncidents
            | Shape::DevlakeIssues
            | Shape::PagerdutyAnalytics
            | Shape::PagerdutyLegacy
            | Shape::PagerdutyRest
            | Shape::Opsgenie
            | Shape::IncidentIo
            | Shape::FlywheelIncidents => Yields::Incidents,
            Shape::Jira => Yields::Issues,
            Shape::GitLog => Yields::Commits,
            Shape::GitlabDora => Yields::Metrics,
            Shape::UnknownCsv => Yields::Columns,
        }
    }

    /// The JSON shapes, in words, for a message about a file that is none
    /// of them.
    pub fn known_json() -> String {
        let names: Vec<String> = Shape::ALL
            .into_iter()
            .filter(|s| !matches!(s, Shape::GitLog | Shape::Jira | Shape::UnknownCsv))
            .filter(|s| !matches!(s, Shape::FlywheelDeployments | Shape::FlywheelIncidents))
            .map(Shape::name)
            .collect();
        names.join("; ")
    }
}

/// The shape of a JSON file from its first records' keys, and where its
/// records sit.
pub fn recognise_json(s: &Sniffed) -> Option<(Shape, Layout)> {
    let shape = if s.wrapper == Some("workflow_runs")
        || (s.has("head_sha") && s.any(&["run_number", "workflow_id", "run_started_at"]))
    {
        Shape::GithubRunsRest
    } else if s.any(&["databaseId", "workflowName", "headSha"]) && s.any(&["conclusion", "status"])
    {
        Shape::GithubRunsCli
    } else if s.any(&["mergedAt", "mergeCommit"])
        || (s.has("number") && s.has("commits") && s.any(&["baseRefName", "headRefName"]))
    {
        Shape::GithubPulls
    } else if s.has("deployment_url") && s.has("state") {
        Shape::GithubDeploymentStatuses
    } else if s.has("sha") && s.any(&["iid", "deployable"]) {
        Shape::GitlabDeployments
    } else if s.has("date")
        && s.any(&[
            "value",
            "deployment_frequency",
            "lead_time_for_changes",
            "time_to_restore_service",
            "change_failure_rate",
        ])
    {
        Shape::GitlabDora
    } else if s.has("deploy_id") {
        Shape::FourKeysDeployments
    } else if s.has("change_id") {
        Shape::FourKeysChanges
    } else if s.has("incident_id") && s.has("time_created") {
        Shape::FourKeysIncidents
    } else if s.any(&["pipeline_id", "deployment_commits", "deploymentCommits"])
        || (s.has("commit_sha") && s.has("repo_url"))
    {
        Shape::DevlakeDeployments
    } else if s.any(&["issue_key", "issueKey"]) {
        Shape::DevlakeIssues
    } else if s.has("created_on") && s.has("seconds_to_resolve") {
        Shape::PagerdutyLegacy
    } else if s.has("seconds_to_resolve") || (s.has("urgency") && s.has("service_name")) {
        Shape::PagerdutyAnalytics
    } else if s.has("incident_number") && s.has("urgency") {
        Shape::PagerdutyRest
    } else if s.any(&["tinyId", "impactStartDate", "impact_start_date", "tiny_id"]) {
        Shape::Opsgenie
    } else if s.has("reference") && s.any(&["mode", "incident_status", "severity"]) {
        Shape::IncidentIo
    } else if s.has("sha") && s.has("environment") && s.has("created_at") {
        Shape::GithubDeployments
    } else {
        return None;
    };
    let layout = s.wrapper.map_or(Layout::Plain, Layout::Wrapped);
    Some((shape, layout))
}

/// A header as shapes compare it: lower case, every run of other
/// characters one underscore ("Issue key" → `issue_key`, "Component/s" →
/// `component_s`).
pub fn norm(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The shape of a CSV file from its headers.
pub fn recognise_csv(headers: &[String]) -> Shape {
    let h: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    let has = |k: &str| h.iter().any(|x| x == k);
    let any = |ks: &[&str]| ks.iter().any(|k| has(k));
    if has("issue_key") && has("issue_type") {
        Shape::Jira
    } else if has("created_on") && has("seconds_to_resolve") {
        Shape::PagerdutyLegacy
    } else if has("urgency") && any(&["incident_number", "seconds_to_resolve", "service_name"]) {
        Shape::PagerdutyAnalytics
    } else if any(&["tinyid", "tiny_id", "impact_start_date", "impactstartdate"]) {
        Shape::Opsgenie
    } else if has("reference") && any(&["mode", "severity"]) {
        Shape::IncidentIo
    } else if has("deploy_id") && has("time_created") {
        Shape::FourKeysDeployments
    } else if has("change_id") && has("time_created") {
        Shape::FourKeysChanges
    } else if has("incident_id") && has("time_created") {
        Shape::FourKeysIncidents
    } else if has("deployed_at") {
        Shape::FlywheelDeployments
    } else if has("started_at") && has("resolved_at") {
        Shape::FlywheelIncidents
    } else {
        Shape::UnknownCsv
    }
}

/// Whether text is `git log` output: its first line names a commit by a
/// hexadecimal hash.
pub fn is_git_log(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .lines()
        .next();
    first.is_some_and(|line| {
        line.strip_prefix("commit ").is_some_and(|rest| {
            let hash = rest.split_whitespace().next().unwrap_or("");
            hash.len() >= 7 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_names_read() {
        for s in Shape::ALL {
            assert_eq!(Shape::from_key(s.key()), Some(s));
        }
        assert_eq!(
            Shape::GithubDeployments.name(),
            "GitHub deployments (REST API JSON)"
        );
        assert_eq!(
            format!(
                "{} ({})",
                Shape::PagerdutyAnalytics.noun(),
                Shape::PagerdutyAnalytics.source(Format::Csv)
            ),
            "PagerDuty incidents (analytics CSV)"
        );
        assert!(Shape::known_json().contains("Opsgenie incidents"));
    }

    #[test]
    fn headers_normalise_and_recognise() {
        assert_eq!(norm(" Issue key "), "issue_key");
        assert_eq!(norm("Component/s"), "component_s");
        assert_eq!(norm("Custom field (Severity)"), "custom_field_severity");
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            recognise_csv(&h(&["Summary", "Issue key", "Issue Type"])),
            Shape::Jira
        );
        assert_eq!(
            recognise_csv(&h(&["id", "deployed_at"])),
            Shape::FlywheelDeployments
        );
        assert_eq!(recognise_csv(&h(&["when", "what"])), Shape::UnknownCsv);
        assert!(is_git_log("commit 0123abcd 2026-03-01T10:00:00Z\n"));
        assert!(!is_git_log("committed,yes\n"));
    }
}
