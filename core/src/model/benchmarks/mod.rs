//! DORA Quick Check 2025 benchmarks (domain.md §2): the mean ± standard
//! deviation of each 0–10 score for 14 industries and 9 organisation sizes,
//! and the one place that turns the stored figures into ones a team's
//! scores can be set against.
//!
//! As stored ([`stored`]), change failure, rework and instability are
//! "higher is worse"; every other score is "higher is better". The Quick
//! Check shows the three as `10 − mean` ("stability"), and so does
//! [`figure`], since a team's scores are higher-is-better throughout
//! (`quick_check::percent_score` is `(100 − p) / 10`).
//!
//! Two figures are not used as stored, and [`PeerFigure::adjustment`] says
//! so wherever it happens:
//!
//! * The organisation-size file's recovery means (2.3–2.8) disagree with
//!   the industry file's (6.5–7.8) for the same "all" population (2.6
//!   against 7.4, which sum to 10), and that file's own throughput column
//!   (6.0 for "all") is the mean of lead time, deployment frequency and
//!   `10 −` its recovery mean, not of the recovery mean as stored (4.3).
//!   The column is stored inverted: Flywheel reads it as `10 − mean`.
//! * The stored overall score (`performance_average`, 4.3 for "all") is
//!   the mean of the five scores with change failure and rework still
//!   "higher is worse", so it is not on the scale of a team's overall
//!   score. The Quick Check recomputes the peers' overall mean as the mean
//!   of the five higher-is-better metric means and keeps the stored
//!   standard deviation (`DataService.transformMetrics`, step 3, in
//!   dora-team/dora.dev `svelte/quick-check/src/lib/data-service.ts`);
//!   Flywheel does the same, with the corrected recovery mean for sizes.

mod groups;
mod tables;

use serde::{Deserialize, Serialize};

pub use groups::{Industry, OrgSize};
pub use tables::{stored, Stat, StoredRow};

use crate::model::Metric;

/// Where the benchmark figures come from, for a footnote.
pub const SOURCE: &str = "DORA Quick Check 2025 benchmarks: mean ± standard deviation of \
    each 0–10 score, from DORA's data files industry_metrics.json and \
    organization_size_metrics.json (github.com/dora-team/dora.dev, \
    svelte/quick-check/src/lib/data/editions/2025/).";

/// The industry data file.
pub const INDUSTRY_SOURCE_URL: &str = "https://github.com/dora-team/dora.dev/blob/main/svelte/quick-check/src/lib/data/editions/2025/industry_metrics.json";

/// The organisation-size data file.
pub const ORG_SIZE_SOURCE_URL: &str = "https://github.com/dora-team/dora.dev/blob/main/svelte/quick-check/src/lib/data/editions/2025/organization_size_metrics.json";

/// The Quick Check's scoring code: the answer scores, the overall score as
/// the mean of the five metric scores, and the peers' figures turned round.
pub const QUICK_CHECK_SOURCE_URL: &str =
    "https://github.com/dora-team/dora.dev/blob/main/svelte/quick-check/src/lib/data-service.ts";

/// What a 0–10 score is of: the overall score, the two sub-scores, or one
/// of the five metrics. Every one is higher-is-better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indicator {
    /// The mean of the five metric scores.
    Overall,
    /// The mean of the lead time, deployment frequency and recovery scores.
    Throughput,
    LeadTime,
    DeployFrequency,
    RecoveryTime,
    /// The mean of the change failure and rework scores (the Quick Check's
    /// "stability"; DORA's data stores its complement, instability).
    Stability,
    ChangeFailureRate,
    ReworkRate,
}

impl Indicator {
    /// Every indicator, in the Quick Check's order: overall, then each
    /// sub-score followed by its metrics.
    pub const ALL: [Indicator; 8] = [
        Indicator::Overall,
        Indicator::Throughput,
        Indicator::LeadTime,
        Indicator::DeployFrequency,
        Indicator::RecoveryTime,
        Indicator::Stability,
        Indicator::ChangeFailureRate,
        Indicator::ReworkRate,
    ];

    /// The five metrics, in DORA's order (throughput, then instability;
    /// dora.dev/guides/dora-metrics/).
    pub const METRICS: [Indicator; 5] = [
        Indicator::LeadTime,
        Indicator::DeployFrequency,
        Indicator::RecoveryTime,
        Indicator::ChangeFailureRate,
        Indicator::ReworkRate,
    ];

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Indicator::Overall => "Overall performance",
            Indicator::Throughput => "Software delivery throughput",
            Indicator::Stability => "Software delivery stability",
            _ => self.metric().map_or("", Metric::name),
        }
    }

    /// A stable key for element ids.
    pub fn key(self) -> &'static str {
        match self {
            Indicator::Overall => "overall",
            Indicator::Throughput => "throughput",
            Indicator::Stability => "stability",
            _ => self.metric().map_or("", Metric::key),
        }
    }

    /// The metric the score is of, for the five metrics.
    pub fn metric(self) -> Option<Metric> {
        match self {
            Indicator::LeadTime => Some(Metric::LeadTime),
            Indicator::DeployFrequency => Some(Metric::DeployFrequency),
            Indicator::RecoveryTime => Some(Metric::RecoveryTime),
            Indicator::ChangeFailureRate => Some(Metric::ChangeFailureRate),
            Indicator::ReworkRate => Some(Metric::ReworkRate),
            _ => None,
        }
    }

    /// The indicator for a metric the Quick Check scores.
    pub fn from_metric(metric: Metric) -> Option<Indicator> {
        Indicator::METRICS
            .into_iter()
            .find(|i| i.metric() == Some(metric))
    }
}

/// A group of peers with published figures: one industry, or one
/// organisation size. DORA publishes the two as separate tables, never
/// crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeerGroup {
    Industry(Industry),
    Size(OrgSize),
}

impl PeerGroup {
    /// Every respondent, as the industry file gives them (the two files'
    /// "all" rows agree once the recovery column is corrected).
    pub const EVERYONE: PeerGroup = PeerGroup::Industry(Industry::All);

    /// The group's name as the data gives it.
    pub fn name(self) -> &'static str {
        match self {
            PeerGroup::Industry(i) => i.name(),
            PeerGroup::Size(s) => s.name(),
        }
    }

    /// What kind of group it is, in words.
    pub fn kind(self) -> &'static str {
        match self {
            PeerGroup::Industry(_) => "industry",
            PeerGroup::Size(_) => "organisation size",
        }
    }

    /// Whether it is every respondent rather than a subset.
    pub fn is_everyone(self) -> bool {
        matches!(
            self,
            PeerGroup::Industry(Industry::All) | PeerGroup::Size(OrgSize::All)
        )
    }
}

/// How a peer figure differs from what DORA's data stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adjustment {
    /// Used as stored.
    AsPublished,
    /// Stored "higher is worse"; shown as `10 − mean`, as the Quick Check
    /// shows it. The standard deviation is unchanged.
    TurnedRound,
    /// The organisation-size recovery column, stored inverted; read as
    /// `10 − mean`. A correction of DORA's data, not the Quick Check's.
    CorrectedInversion,
    /// The overall mean recomputed as the Quick Check does, from the five
    /// metric means; `corrected` when one of them was the corrected
    /// recovery mean. The standard deviation is the stored one.
    Recomputed { corrected: bool },
}

impl Adjustment {
    /// Whether the figure corrects DORA's data (beyond the Quick Check's
    /// own conventions), so a screen must say so.
    pub fn is_correction(self) -> bool {
        matches!(
            self,
            Adjustment::CorrectedInversion | Adjustment::Recomputed { corrected: true }
        )
    }

    /// A sentence saying what was done, for a footnote; `None` for a
    /// figure used as stored.
    pub fn note(self) -> Option<&'static str> {
        match self {
            Adjustment::AsPublished => None,
            Adjustment::TurnedRound => Some(
                "DORA's data stores this as a \"higher is worse\" score; like the Quick \
                 Check, Flywheel shows 10 minus its mean, so higher is better.",
            ),
            Adjustment::CorrectedInversion => Some(
                "Corrected: DORA's organisation-size data stores recovery inverted (2.6 \
                 for all organisations against 7.4 for all industries, the same people), \
                 so Flywheel shows 10 minus the stored mean.",
            ),
            Adjustment::Recomputed { corrected: false } => Some(
                "Recomputed as the Quick Check does: the mean of the five metric means, \
                 each higher-is-better. The spread is DORA's published one, so the \
                 percentile is rougher than the others.",
            ),
            Adjustment::Recomputed { corrected: true } => Some(
                "Recomputed as the Quick Check does (the mean of the five metric means), \
                 using the corrected recovery mean. The spread is DORA's published one, \
                 so the percentile is rougher than the others.",
            ),
        }
    }
}

/// A peer group's figure for one indicator, on the team's
/// higher-is-better scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeerFigure {
    pub mean: f64,
    /// Standard deviation; positive for every published row (a test pins
    /// it).
    pub sd: f64,
    /// The mean exactly as DORA's data stores it.
    pub stored_mean: f64,
    pub adjustment: Adjustment,
}

/// The figure a team's score for `indicator` is set against, for `group`.
pub fn figure(group: PeerGroup, indicator: Indicator) -> PeerFigure {
    let row = stored(group);
    let inverted_recovery = matches!(group, PeerGroup::Size(_));
    let plain = |s: Stat| PeerFigure {
        mean: s.mean,
        sd: s.sd,
        stored_mean: s.mean,
        adjustment: Adjustment::AsPublished,
    };
    let turned = |s: Stat, adjustment| PeerFigure {
        mean: 10.0 - s.mean,
        sd: s.sd,
        stored_mean: s.mean,
        adjustment,
    };
    let recovery = if inverted_recovery {
        turned(row.recovery_time, Adjustment::CorrectedInversion)
    } else {
        plain(row.recovery_time)
    };
    match indicator {
        Indicator::Overall => {
            let five = [
                row.lead_time.mean,
                row.deploy_frequency.mean,
                recovery.mean,
                10.0 - row.change_failure.mean,
                10.0 - row.rework.mean,
            ];
            PeerFigure {
                mean: five.iter().sum::<f64>() / 5.0,
                sd: row.overall.sd,
                stored_mean: row.overall.mean,
                adjustment: Adjustment::Recomputed {
                    corrected: inverted_recovery,
                },
            }
        }
        Indicator::Throughput => plain(row.throughput),
        Indicator::LeadTime => plain(row.lead_time),
        Indicator::DeployFrequency => plain(row.deploy_frequency),
        Indicator::RecoveryTime => recovery,
        Indicator::Stability => turned(row.instability, Adjustment::TurnedRound),
        Indicator::ChangeFailureRate => turned(row.change_failure, Adjustment::TurnedRound),
        Indicator::ReworkRate => turned(row.rework, Adjustment::TurnedRound),
    }
}

/// The peers a team picks to be compared with: an industry and an
/// organisation size, "All" by default. Travels in the scenario.
///
/// DORA publishes the two as separate tables, never crossed: there is no
/// figure for, say, financial-services firms of 1,000 to 4,999 people. So
/// two picks are not merged into one made-up group: the team is shown
/// against each picked group in turn, industry first ([`Peers::groups`]).
/// With neither picked it is shown against every respondent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Peers {
    pub industry: Industry,
    pub size: OrgSize,
}

impl Peers {
    /// How two picks combine, in words, for the screen.
    pub const HOW_THEY_COMBINE: &'static str = "DORA publishes figures by industry and by \
        organisation size separately, not for the two together, so Flywheel shows your \
        team against each group you pick in turn.";

    /// The groups to compare with, industry first; every respondent when
    /// neither an industry nor a size is picked.
    pub fn groups(self) -> Vec<PeerGroup> {
        let mut groups = Vec::with_capacity(2);
        if self.industry != Industry::All {
            groups.push(PeerGroup::Industry(self.industry));
        }
        if self.size != OrgSize::All {
            groups.push(PeerGroup::Size(self.size));
        }
        if groups.is_empty() {
            groups.push(PeerGroup::EVERYONE);
        }
        groups
    }

    /// "Financial Services and 1,000 to 4,999 employees", or "all
    /// respondents".
    pub fn describe(self) -> String {
        let groups = self.groups();
        if groups == [PeerGroup::EVERYONE] {
            return "all respondents".to_string();
        }
        groups
            .iter()
            .map(|g| g.name())
            .collect::<Vec<_>>()
            .join(" and ")
    }
}
