//! The lens a scenario reads its baseline through: DORA's 2025 scores
//! against the chosen peers (the default), or DORA's historical tiers of
//! one report edition, 2021–2024 (domain.md §2: tiers are a historical
//! lens, labelled so). The choice travels in the scenario, so the report,
//! the workshop's Baseline step and Compare all show the same one; the
//! tiers' edition is the scenario's `edition`.

use serde::{Deserialize, Serialize};

use super::{group_words, Standing, TeamScores};
use crate::model::benchmarks::{Indicator, Peers};
use crate::model::compare::{change, tier_change, Change, Direction};
use crate::model::dora::{classify, Edition, TierVerdict};
use crate::model::scenario::{Baseline, Scenario};
use crate::model::units::Units;
use crate::model::Metric;

/// Which of DORA's frames "where you stand" uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lens {
    /// DORA's 2025 Quick Check scores against the chosen peers.
    #[default]
    Scores2025,
    /// DORA's historical tiers, under the scenario's report edition.
    Tiers,
}

impl Lens {
    /// Both lenses, the current one first.
    pub const ALL: [Lens; 2] = [Lens::Scores2025, Lens::Tiers];

    /// A stable key for form values.
    pub fn key(self) -> &'static str {
        match self {
            Lens::Scores2025 => "scores-2025",
            Lens::Tiers => "tiers",
        }
    }

    /// The lens whose key is `key`.
    pub fn from_key(key: &str) -> Option<Lens> {
        Lens::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Lens::Scores2025 => "DORA's 2025 scores",
            Lens::Tiers => "DORA's historical tiers",
        }
    }

    /// The lens of work saved before the choice existed (link versions 1
    /// and 2, saved scenarios without the field): tiers, the only lens
    /// they had, so an old link opens as it was shared.
    pub fn before_choice() -> Lens {
        Lens::Tiers
    }
}

/// The lens and, for tiers, the edition, as one menu of choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LensChoice {
    Scores2025,
    Tiers(Edition),
}

impl LensChoice {
    /// Every choice: the 2025 scores, then the tiers newest first.
    pub const ALL: [LensChoice; 5] = [
        LensChoice::Scores2025,
        LensChoice::Tiers(Edition::Y2024),
        LensChoice::Tiers(Edition::Y2023),
        LensChoice::Tiers(Edition::Y2022),
        LensChoice::Tiers(Edition::Y2021),
    ];

    /// A stable key for form values.
    pub fn key(self) -> &'static str {
        match self {
            LensChoice::Scores2025 => "scores-2025",
            LensChoice::Tiers(Edition::Y2021) => "tiers-2021",
            LensChoice::Tiers(Edition::Y2022) => "tiers-2022",
            LensChoice::Tiers(Edition::Y2023) => "tiers-2023",
            LensChoice::Tiers(Edition::Y2024) => "tiers-2024",
        }
    }

    /// The choice whose key is `key`.
    pub fn from_key(key: &str) -> Option<LensChoice> {
        LensChoice::ALL.into_iter().find(|c| c.key() == key)
    }

    /// "2025 scores", "2024 tiers (historical)".
    pub fn name(self) -> &'static str {
        match self {
            LensChoice::Scores2025 => "2025 scores",
            LensChoice::Tiers(Edition::Y2021) => "2021 tiers (historical)",
            LensChoice::Tiers(Edition::Y2022) => "2022 tiers (historical)",
            LensChoice::Tiers(Edition::Y2023) => "2023 tiers (historical)",
            LensChoice::Tiers(Edition::Y2024) => "2024 tiers (historical)",
        }
    }

    /// Sets the scenario's lens, and its edition for tiers. Choosing the
    /// 2025 scores keeps the edition, so the historical tiers shown beside
    /// them stay as they were.
    pub fn apply(self, scenario: &mut Scenario) {
        match self {
            LensChoice::Scores2025 => scenario.lens = Lens::Scores2025,
            LensChoice::Tiers(edition) => {
                scenario.lens = Lens::Tiers;
                scenario.edition = edition;
            }
        }
    }
}

/// What a view needs to read baselines through a scenario's lens. Compare
/// takes the reference scenario's, so every column is judged alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LensView {
    pub lens: Lens,
    /// The tiers' edition.
    pub edition: Edition,
    /// The peers the 2025 scores compare with.
    pub peers: Peers,
    /// The units quantities are shown in (the baseline's, as typed).
    pub units: Units,
}

impl LensView {
    /// The lens a scenario chose.
    pub fn of(scenario: &Scenario) -> LensView {
        LensView {
            lens: scenario.lens,
            edition: scenario.edition,
            peers: scenario.peers,
            units: scenario.baseline.units(),
        }
    }

    /// The choice it amounts to.
    pub fn choice(self) -> LensChoice {
        match self.lens {
            Lens::Scores2025 => LensChoice::Scores2025,
            Lens::Tiers => LensChoice::Tiers(self.edition),
        }
    }

    /// "DORA's 2025 scores", "DORA's 2024 tiers (historical)".
    pub fn name(self) -> String {
        match self.lens {
            Lens::Scores2025 => Lens::Scores2025.name().to_string(),
            Lens::Tiers => format!("DORA's {} tiers (historical)", self.edition.year()),
        }
    }

    /// "under the 2025 scores", "under DORA's 2024 tiers (historical)".
    pub fn phrase(self) -> String {
        match self.lens {
            Lens::Scores2025 => "under the 2025 scores".to_string(),
            Lens::Tiers => format!("under {}", self.name()),
        }
    }

    /// A metric's standing under this lens; `None` when the baseline has no
    /// value for it, or the 2025 scores do not cover it.
    pub fn standing(self, baseline: &Baseline, metric: Metric) -> Option<MetricStanding> {
        let value = baseline.value(metric).filter(|v| v.is_finite())?;
        match self.lens {
            Lens::Tiers => Some(MetricStanding::Tier {
                metric,
                edition: self.edition,
                verdict: classify(self.edition, metric, value),
            }),
            Lens::Scores2025 => {
                let indicator = Indicator::from_metric(metric)?;
                let score = TeamScores::of(baseline)?.get(indicator);
                Some(MetricStanding::Score {
                    score,
                    standings: self
                        .peers
                        .groups()
                        .into_iter()
                        .filter_map(|g| Standing::new(indicator, g, score))
                        .collect(),
                })
            }
        }
    }

    /// How `value`'s standing on a metric compares with `reference`'s under
    /// this lens: by tier, or by score. `None` when either has none.
    pub fn change(self, reference: &Baseline, value: &Baseline, metric: Metric) -> Option<Change> {
        match (
            self.standing(reference, metric)?,
            self.standing(value, metric)?,
        ) {
            (MetricStanding::Tier { verdict: r, .. }, MetricStanding::Tier { verdict: v, .. }) => {
                tier_change(r, v)
            }
            (MetricStanding::Score { score: r, .. }, MetricStanding::Score { score: v, .. }) => {
                change(Direction::HigherIsBetter, r, v, 1e-9)
            }
            _ => None,
        }
    }
}

/// A metric's standing under a lens.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricStanding {
    /// Its tier under an edition; `None` when the edition has no tiers for
    /// the metric.
    Tier {
        metric: Metric,
        edition: Edition,
        verdict: Option<TierVerdict>,
    },
    /// Its 0–10 score and where that falls in each chosen peer group.
    Score {
        score: f64,
        standings: Vec<Standing>,
    },
}

impl MetricStanding {
    /// For a table cell: "High", "No 2024 tier", "6.0 of 10".
    pub fn short(&self) -> String {
        match self {
            MetricStanding::Tier {
                verdict: Some(v), ..
            } => v.label(),
            MetricStanding::Tier { edition, .. } => format!("No {} tier", edition.year()),
            MetricStanding::Score { score, .. } => format!("{score:.1} of 10"),
        }
    }

    /// A sentence: "High under DORA's 2024 tiers (historical).", "Scores
    /// 6.0 of 10: about the 64th percentile for Financial Services."
    pub fn words(&self) -> String {
        match self {
            MetricStanding::Tier {
                verdict: Some(v),
                edition,
                ..
            } => {
                let beyond = if v.beyond_range {
                    ", beyond the worst published range"
                } else {
                    ""
                };
                format!(
                    "{}{beyond} under DORA's {} tiers (historical).",
                    v.label(),
                    edition.year()
                )
            }
            MetricStanding::Tier {
                metric, edition, ..
            } => format!(
                "DORA's {} tiers (historical) have none for {}.",
                edition.year(),
                metric.name().to_ascii_lowercase()
            ),
            MetricStanding::Score { score, standings } => {
                let places: Vec<String> = standings
                    .iter()
                    .map(|s| format!("{} for {}", s.percentile_words(), group_words(s.group)))
                    .collect();
                format!("Scores {score:.1} of 10: {}.", places.join("; "))
            }
        }
    }
}
