//! How one metric is spread across the teams: one value per team for a
//! strip (dot) plot, how many teams fall in each tier band of the chosen
//! edition, and the median team. These are counts and a median *of teams*,
//! labelled so; no figure here is an average of teams presented as the
//! organisation's score (dora.dev's guide warns that blending teams'
//! metrics into one number misleads).
//!
//! The median is the middle value of the teams that have one (the mean of
//! the two middle values when their number is even), in the metric's
//! canonical unit; teams without a value are counted apart and left out.

use super::rows::describe_value;
use super::{count_teams, TeamId, Teams};
use crate::model::dora::{self, Edition};
use crate::model::Metric;

/// What the distribution's figures are, for the chart's caption.
pub const NOTE: &str = "Each dot is one team. Counts and the median are of teams; \
    Flywheel gives no organisation score, since averaging teams hides the ones that need help.";

/// One team's dot.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub team: TeamId,
    pub name: String,
    /// In the metric's canonical unit.
    pub value: f64,
}

/// The teams in one of the edition's published ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct BandCount {
    /// "High", or "High – Low" for a range the edition shares.
    pub label: String,
    /// The range as the report words it.
    pub range: &'static str,
    pub teams: Vec<TeamId>,
    /// How many of them are beyond the edition's worst published range.
    pub beyond: usize,
}

impl BandCount {
    /// "Low: 3 teams (1 beyond the published range)".
    pub fn words(&self) -> String {
        let beyond = match self.beyond {
            0 => String::new(),
            n => format!(" ({n} beyond the published range)"),
        };
        format!("{}: {}{beyond}", self.label, count_teams(self.teams.len()))
    }
}

/// The median team.
#[derive(Clone, Debug, PartialEq)]
pub struct Median {
    /// In the metric's canonical unit.
    pub value: f64,
    /// How many teams it is the median of.
    pub of: usize,
    /// The middle team, or the two middle teams when `of` is even.
    pub middle: Vec<TeamId>,
}

/// One metric across the teams.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub metric: Metric,
    pub edition: Edition,
    /// The canonical unit the values are in.
    pub unit: &'static str,
    /// One dot per team with a value, in the set's order.
    pub dots: Vec<Dot>,
    /// Teams with no value for the metric.
    pub missing: Vec<TeamId>,
    /// One count per published range, best first; empty when the edition
    /// has no tiers for the metric.
    pub bands: Vec<BandCount>,
    pub median: Option<Median>,
}

impl Spread {
    /// "Median of 7 teams: 5 days" (or why there is none).
    pub fn median_words(&self) -> String {
        match &self.median {
            Some(m) => format!(
                "Median of {}: {}",
                count_teams(m.of),
                describe_value(self.metric, m.value)
            ),
            None => "No median: no team has a value".to_string(),
        }
    }

    /// "Teams in each 2024 tier: Elite: 1 team, High: 3 teams, …", or
    /// that the edition has no tiers for the metric.
    pub fn bands_words(&self) -> String {
        if self.bands.is_empty() {
            return format!(
                "The {} edition has no tiers for {}",
                self.edition.year(),
                self.metric.name().to_ascii_lowercase()
            );
        }
        let counts: Vec<String> = self.bands.iter().map(BandCount::words).collect();
        format!(
            "Teams in each {} tier: {}",
            self.edition.year(),
            counts.join(", ")
        )
    }

    /// "2 teams have no value", when any have none.
    pub fn missing_words(&self) -> Option<String> {
        match self.missing.len() {
            0 => None,
            1 => Some("1 team has no value".to_string()),
            n => Some(format!("{n} teams have no value")),
        }
    }
}

/// The median of `dots` by value.
fn median(dots: &[Dot]) -> Option<Median> {
    let mut sorted: Vec<&Dot> = dots.iter().collect();
    sorted.sort_by(|a, b| a.value.total_cmp(&b.value));
    let n = sorted.len();
    let upper = *sorted.get(n / 2)?;
    let middle: Vec<&Dot> = if n % 2 == 1 {
        vec![upper]
    } else {
        vec![sorted[n / 2 - 1], upper]
    };
    Some(Median {
        value: middle.iter().map(|d| d.value).sum::<f64>() / middle.len() as f64,
        of: n,
        middle: middle.iter().map(|d| d.team).collect(),
    })
}

/// How `metric` is spread across `teams`, classified by `edition`.
pub fn spread(teams: &Teams, metric: Metric, edition: Edition) -> Spread {
    let mut dots = Vec::new();
    let mut missing = Vec::new();
    for t in teams.teams() {
        match t.scenario.baseline.value(metric).filter(|v| v.is_finite()) {
            Some(value) => dots.push(Dot {
                team: t.id,
                name: t.name.clone(),
                value,
            }),
            None => missing.push(t.id),
        }
    }
    let mut bands: Vec<BandCount> = dora::ranges(edition, metric)
        .into_iter()
        .map(|(label, range)| BandCount {
            label,
            range,
            teams: Vec::new(),
            beyond: 0,
        })
        .collect();
    for dot in &dots {
        let Some(verdict) = dora::classify(edition, metric, dot.value) else {
            continue;
        };
        // A value beyond the worst range is counted in it; its verdict names
        // only the range's worst tier, which a shared range's label does not.
        let band = if verdict.beyond_range {
            bands.last_mut()
        } else {
            bands.iter_mut().find(|b| b.label == verdict.label())
        };
        if let Some(band) = band {
            band.teams.push(dot.team);
            band.beyond += usize::from(verdict.beyond_range);
        }
    }
    Spread {
        metric,
        edition,
        unit: metric.canonical_unit(),
        median: median(&dots),
        dots,
        missing,
        bands,
    }
}
