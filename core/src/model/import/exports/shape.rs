//! Which export a file is, recognised from its fields (JSON), its headers
//! (CSV) or its first line (git log): every shape in exports.md, named in
//! words, with a stable key.

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
}
