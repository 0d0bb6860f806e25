//! The delivery metrics Flywheel knows (domain.md §1): what each is called,
//! which direction is better, and the unit its canonical value is kept in.

use serde::{Deserialize, Serialize};

/// A delivery metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Metric {
    /// Deployments to production per period (DORA throughput).
    DeployFrequency,
    /// First commit to running in production (DORA throughput).
    LeadTime,
    /// Share of deployments that needed remediation (DORA instability).
    ChangeFailureRate,
    /// Median time to recover from a failed deployment.
    RecoveryTime,
    /// Share of deployments that were unplanned bug fixes (DORA 2024+).
    ReworkRate,
    /// Share of lines rewritten or deleted within 21 days of being added.
    CodeChurn,
    /// Production bugs as a share of all bugs found.
    DefectEscapeRate,
    /// Share of good time or good requests.
    Availability,
}

impl Metric {
    /// Every metric, in the order screens list them.
    pub const ALL: [Metric; 8] = [
        Metric::DeployFrequency,
        Metric::LeadTime,
        Metric::ChangeFailureRate,
        Metric::RecoveryTime,
        Metric::ReworkRate,
        Metric::CodeChurn,
        Metric::DefectEscapeRate,
        Metric::Availability,
    ];

    /// The five metrics DORA publishes (tiers for the first four, scores for
    /// all five).
    pub const DORA: [Metric; 5] = [
        Metric::DeployFrequency,
        Metric::LeadTime,
        Metric::ChangeFailureRate,
        Metric::RecoveryTime,
        Metric::ReworkRate,
    ];

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Metric::DeployFrequency => "Deployment frequency",
            Metric::LeadTime => "Lead time for changes",
            Metric::ChangeFailureRate => "Change failure rate",
            Metric::RecoveryTime => "Failed deployment recovery time",
            Metric::ReworkRate => "Rework rate",
            Metric::CodeChurn => "Code churn",
            Metric::DefectEscapeRate => "Defect escape rate",
            Metric::Availability => "Availability",
        }
    }

    /// A stable identifier, used for element ids and storage keys.
    pub fn key(self) -> &'static str {
        match self {
            Metric::DeployFrequency => "deploy-frequency",
            Metric::LeadTime => "lead-time",
            Metric::ChangeFailureRate => "change-failure-rate",
            Metric::RecoveryTime => "recovery-time",
            Metric::ReworkRate => "rework-rate",
            Metric::CodeChurn => "code-churn",
            Metric::DefectEscapeRate => "defect-escape-rate",
            Metric::Availability => "availability",
        }
    }

    /// Whether a larger value is better.
    pub fn higher_is_better(self) -> bool {
        matches!(self, Metric::DeployFrequency | Metric::Availability)
    }

    /// Whether the metric is a percentage (0–100).
    pub fn is_percent(self) -> bool {
        !matches!(
            self,
            Metric::DeployFrequency | Metric::LeadTime | Metric::RecoveryTime
        )
    }

    /// The canonical unit the model keeps this metric's value in.
    pub fn canonical_unit(self) -> &'static str {
        match self {
            Metric::DeployFrequency => "deploys per day",
            Metric::LeadTime | Metric::RecoveryTime => "hours",
            _ => "%",
        }
    }

    /// One sentence saying what the metric measures.
    pub fn definition(self) -> &'static str {
        match self {
            Metric::DeployFrequency => "How often the team deploys to production.",
            Metric::LeadTime => "Time from first commit to the change running in production.",
            Metric::ChangeFailureRate => {
                "Share of deployments that needed remediation (a rollback, hotfix or patch)."
            }
            Metric::RecoveryTime => "Median time to restore service after a failed deployment.",
            Metric::ReworkRate => "Share of deployments that were unplanned fixes for bugs.",
            Metric::CodeChurn => {
                "Share of lines rewritten or deleted within 21 days of being added."
            }
            Metric::DefectEscapeRate => "Production bugs as a share of all bugs found.",
            Metric::Availability => "Share of good time (or good requests) in the period.",
        }
    }
}
