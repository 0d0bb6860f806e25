//! Where a team stands in DORA's current terms (domain.md §2): its 0–10
//! Quick Check scores, throughput and stability sub-scores and overall
//! score, each set against the peers it picked as their mean ± standard
//! deviation and "about the Nth percentile" under a normal approximation.
//!
//! The parts: [`normal`] places a score among its peers, [`focus`] picks
//! the metric furthest behind them with the DORA capabilities that move it
//! ([`capabilities`]), [`profiles`] describes the 2025 team profiles, and
//! [`lens`] is the user's choice between these scores and the historical
//! tiers, which the report, the workshop and Compare all read.

pub mod capabilities;
pub mod focus;
pub mod lens;
pub mod normal;
pub mod profiles;

use crate::model::benchmarks::{figure, Indicator, PeerFigure, PeerGroup, Peers};
use crate::model::quick_check::{self, PeerScore};
use crate::model::scenario::Baseline;
use crate::model::Metric;

/// Said wherever a percentile is shown.
pub const APPROXIMATE_NOTE: &str = "Percentiles are approximate: they treat the peers' \
    scores as normally distributed with the published mean and standard deviation.";

/// A team's five metric scores on the Quick Check's 0–10 scale (domain.md
/// §2), from which the sub-scores and the overall score follow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamScores {
    pub lead_time: f64,
    pub deploy_frequency: f64,
    pub recovery_time: f64,
    pub change_failure_rate: f64,
    pub rework_rate: f64,
}

impl TeamScores {
    /// The scores of a baseline's five DORA metrics; `None` when one of
    /// them is not a finite number.
    pub fn of(baseline: &Baseline) -> Option<TeamScores> {
        let s = |m: Metric| quick_check::score(m, baseline.value(m)?);
        Some(TeamScores {
            lead_time: s(Metric::LeadTime)?,
            deploy_frequency: s(Metric::DeployFrequency)?,
            recovery_time: s(Metric::RecoveryTime)?,
            change_failure_rate: s(Metric::ChangeFailureRate)?,
            rework_rate: s(Metric::ReworkRate)?,
        })
    }

    /// The score for an indicator. Throughput is the mean of lead time,
    /// deployment frequency and recovery; stability the mean of change
    /// failure and rework (domain.md §2); overall the mean of all five, as
    /// the Quick Check's `calculatePerformanceAverage` computes it
    /// (dora-team/dora.dev, `svelte/quick-check/src/lib/data-service.ts`).
    pub fn get(&self, indicator: Indicator) -> f64 {
        match indicator {
            Indicator::Overall => {
                (self.lead_time
                    + self.deploy_frequency
                    + self.recovery_time
                    + self.change_failure_rate
                    + self.rework_rate)
                    / 5.0
            }
            Indicator::Throughput => {
                (self.lead_time + self.deploy_frequency + self.recovery_time) / 3.0
            }
            Indicator::LeadTime => self.lead_time,
            Indicator::DeployFrequency => self.deploy_frequency,
            Indicator::RecoveryTime => self.recovery_time,
            Indicator::Stability => (self.change_failure_rate + self.rework_rate) / 2.0,
            Indicator::ChangeFailureRate => self.change_failure_rate,
            Indicator::ReworkRate => self.rework_rate,
        }
    }
}

/// A score set against one peer group's figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    pub indicator: Indicator,
    pub group: PeerGroup,
    /// The team's 0–10 score.
    pub score: f64,
    /// The peers' mean and standard deviation, and how they were derived.
    pub peers: PeerFigure,
    /// `(score − mean) / sd` (domain.md §2).
    pub z: f64,
    /// Where `z` falls under a normal approximation, 1–99.
    pub percentile: u8,
}

impl Standing {
    /// The standing of `score` for `indicator` among `group`; `None` when
    /// the score is not a finite number.
    pub fn new(indicator: Indicator, group: PeerGroup, score: f64) -> Option<Standing> {
        if !score.is_finite() {
            return None;
        }
        let peers = figure(group, indicator);
        let z = (score - peers.mean) / peers.sd;
        Some(Standing {
            indicator,
            group,
            score,
            peers,
            z,
            percentile: normal::percentile(z)?,
        })
    }

    /// "above peers", "near peers" or "below peers": within half a
    /// standard deviation of the mean is near (`quick_check::versus_peer`).
    pub fn versus(&self) -> &'static str {
        quick_check::versus_peer(
            self.score,
            PeerScore {
                mean: self.peers.mean,
                sd: Some(self.peers.sd),
            },
        )
    }

    /// The peers' figure: "5.1 ± 2.6".
    pub fn peers_words(&self) -> String {
        format!("{:.1} ± {:.1}", self.peers.mean, self.peers.sd)
    }

    /// "about the 64th percentile".
    pub fn percentile_words(&self) -> String {
        format!("about the {} percentile", normal::ordinal(self.percentile))
    }

    /// "6.0 against 5.1 ± 2.6 for Financial Services: about the 64th
    /// percentile."
    pub fn sentence(&self) -> String {
        format!(
            "{:.1} against {} for {}: {}.",
            self.score,
            self.peers_words(),
            group_words(self.group),
            self.percentile_words()
        )
    }
}

/// A group named for a sentence: "all respondents", "Financial Services",
/// "organisations of 1,000 to 4,999 employees".
pub fn group_words(group: PeerGroup) -> String {
    match group {
        g if g.is_everyone() => "all respondents".to_string(),
        PeerGroup::Industry(i) => i.name().to_string(),
        PeerGroup::Size(s) => format!("organisations of {}", s.name()),
    }
}

/// A team's standings against one peer group, in [`Indicator::ALL`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStandings {
    pub group: PeerGroup,
    pub rows: Vec<Standing>,
}

/// The team's standing on every indicator against each group its peers
/// name ([`Peers::groups`]); empty when a baseline metric is not a finite
/// number.
pub fn standings(baseline: &Baseline, peers: Peers) -> Vec<GroupStandings> {
    let Some(scores) = TeamScores::of(baseline) else {
        return Vec::new();
    };
    peers
        .groups()
        .into_iter()
        .map(|group| GroupStandings {
            group,
            rows: Indicator::ALL
                .into_iter()
                .filter_map(|i| Standing::new(i, group, scores.get(i)))
                .collect(),
        })
        .collect()
}
