//! DORA performance tiers, one data table per report edition (domain.md §2).
//!
//! Each metric is classified on its own; the overall profile is stated, never
//! averaged. Published ranges leave gaps (2021 lead time jumps from "< 1 hour"
//! to "1 day – 1 week") and sometimes share a range between tiers (2021 CFR
//! 16–30% for High, Medium and Low; 2024 recovery "< 1 day" for High and
//! Medium). The rules here:
//!
//! * A value reaches a tier only when it is inside that tier's published
//!   range or better; a value in a gap between two ranges therefore takes the
//!   lower of the two tiers.
//! * A range shared by several tiers yields a verdict spanning them
//!   ("High – Low"), not an arbitrary pick.
//! * A value worse than the worst published range is the worst tier, flagged
//!   as beyond the published range.
//! * 2024 reports change failure rate as one value per cluster (5%, 20%, 10%,
//!   40%) and High's is above Medium's: that metric is classified by the
//!   nearest cluster value, so CFR is not assumed to fall across tiers.

use serde::{Deserialize, Serialize};

use crate::model::units::{DAYS_PER_MONTH, HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK};
use crate::model::Metric;

/// A DORA performance tier, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tier {
    Elite,
    High,
    Medium,
    Low,
}

impl Tier {
    /// The tier's name.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Elite => "Elite",
            Tier::High => "High",
            Tier::Medium => "Medium",
            Tier::Low => "Low",
        }
    }

    /// A lower-case key for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Tier::Elite => "elite",
            Tier::High => "high",
            Tier::Medium => "medium",
            Tier::Low => "low",
        }
    }
}

/// A DORA report edition whose thresholds can classify a baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Edition {
    Y2021,
    Y2022,
    Y2023,
    /// The last edition with tiers, and the default.
    #[default]
    Y2024,
}

/// How trustworthy an edition's figures are, as domain.md marks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Taken from the report itself.
    Primary,
    /// Elite column from the report, other columns from a secondary source.
    ElitePrimary,
    /// Taken from a secondary source.
    Secondary,
}

impl Edition {
    /// Every edition, oldest first.
    pub const ALL: [Edition; 4] = [
        Edition::Y2021,
        Edition::Y2022,
        Edition::Y2023,
        Edition::Y2024,
    ];

    /// The report year.
    pub fn year(self) -> u16 {
        match self {
            Edition::Y2021 => 2021,
            Edition::Y2022 => 2022,
            Edition::Y2023 => 2023,
            Edition::Y2024 => 2024,
        }
    }

    /// The edition for a report year.
    pub fn from_year(year: u16) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.year() == year)
    }

    /// Where the thresholds come from.
    pub fn provenance(self) -> Provenance {
        match self {
            Edition::Y2021 => Provenance::Primary,
            Edition::Y2022 | Edition::Y2024 => Provenance::Secondary,
            Edition::Y2023 => Provenance::ElitePrimary,
        }
    }

    /// A sentence on the source of this edition's thresholds, for the UI.
    pub fn source_note(self) -> &'static str {
        match self {
            Edition::Y2021 => "Thresholds from the 2021 State of DevOps report (p. 9).",
            Edition::Y2022 => {
                "2022 thresholds as reported by others, not checked against \
                 the report. 2022 found no Elite cluster."
            }
            Edition::Y2023 => {
                "Elite thresholds from the 2023 report; High, Medium and Low as Apache DevLake \
                 applies them (secondary source)."
            }
            Edition::Y2024 => {
                "The 2024 cluster table as reported by others. Change failure \
                 rate is one value per cluster, and High's (20%) is above Medium's (10%)."
            }
        }
    }

    /// The tiers this edition defines, best first.
    pub fn tiers(self) -> &'static [Tier] {
        match self {
            Edition::Y2022 => &[Tier::High, Tier::Medium, Tier::Low],
            _ => &[Tier::Elite, Tier::High, Tier::Medium, Tier::Low],
        }
    }
}

/// The outcome of classifying one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierVerdict {
    /// The best tier the value can be said to be in.
    pub best: Tier,
    /// The worst; equal to `best` unless the edition gives several tiers one
    /// shared range.
    pub worst: Tier,
    /// The value is worse than the worst range the edition publishes.
    pub beyond_range: bool,
}

impl TierVerdict {
    fn single(tier: Tier) -> Self {
        TierVerdict {
            best: tier,
            worst: tier,
            beyond_range: false,
        }
    }

    /// Whether the verdict names exactly one tier.
    pub fn is_single(&self) -> bool {
        self.best == self.worst
    }

    /// "High", or "High – Low" for a shared range.
    pub fn label(&self) -> String {
        if self.is_single() {
            self.best.name().to_string()
        } else {
            format!("{} – {}", self.best.name(), self.worst.name())
        }
    }
}

/// One published range: the tiers it belongs to and its worse end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Band {
    pub(crate) best: Tier,
    pub(crate) worst: Tier,
    /// The worse end of the range in the metric's canonical unit.
    pub(crate) limit: f64,
    /// Whether a value equal to `limit` is inside the range.
    inclusive: bool,
    /// The range as the report words it.
    text: &'static str,
}

const fn band(tier: Tier, limit: f64, inclusive: bool, text: &'static str) -> Band {
    Band {
        best: tier,
        worst: tier,
        limit,
        inclusive,
        text,
    }
}

const fn shared(best: Tier, worst: Tier, limit: f64, inclusive: bool, text: &'static str) -> Band {
    Band {
        best,
        worst,
        limit,
        inclusive,
        text,
    }
}

/// How an edition classifies one metric.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scale {
    /// Ranges from best to worst; the last range's limit may be infinite.
    Bands(&'static [Band]),
    /// One value per tier; a value takes the tier whose value is nearest.
    Points(&'static [(Tier, f64, &'static str)]),
}

const INF: f64 = f64::INFINITY;
/// "On demand (multiple deploys per day)": more than one deploy a day.
const ON_DEMAND: f64 = 1.0;
const WEEKLY: f64 = 1.0 / 7.0;
const MONTHLY: f64 = 1.0 / DAYS_PER_MONTH;
const SIX_MONTHLY: f64 = 1.0 / (6.0 * DAYS_PER_MONTH);
const HOUR: f64 = 1.0;
const DAY: f64 = HOURS_PER_DAY;
const WEEK: f64 = HOURS_PER_WEEK;
const MONTH: f64 = HOURS_PER_MONTH;
const SIX_MONTHS: f64 = 6.0 * HOURS_PER_MONTH;

use Tier::{Elite, High, Low, Medium};

// Deployment frequency is higher-is-better: a band's limit is its lowest
// rate and `inclusive` means a rate equal to it is inside.
const DF_2021: &[Band] = &[
    band(
        Elite,
        ON_DEMAND,
        false,
        "on demand (multiple deploys per day)",
    ),
    band(
        High,
        MONTHLY,
        true,
        "between once per week and once per month",
    ),
    band(
        Medium,
        SIX_MONTHLY,
        true,
        "between once per month and once every six months",
    ),
    band(Low, 0.0, true, "fewer than once every six months"),
];
const LT_2021: &[Band] = &[
    band(Elite, HOUR, false, "less than one hour"),
    band(High, WEEK, true, "between one day and one week"),
    band(Medium, SIX_MONTHS, true, "between one month and six months"),
    band(Low, INF, true, "more than six months"),
];
const TR_2021: &[Band] = &[
    band(Elite, HOUR, false, "less than one hour"),
    band(High, DAY, false, "less than one day"),
    band(Medium, WEEK, true, "between one day and one week"),
    band(Low, INF, true, "more than six months"),
];
const CFR_2021: &[Band] = &[
    band(Elite, 15.0, true, "0–15%"),
    shared(
        High,
        Low,
        30.0,
        true,
        "16–30% (one range for High, Medium and Low)",
    ),
];

const DF_2022: &[Band] = &[
    band(
        High,
        ON_DEMAND,
        false,
        "on demand (multiple deploys per day)",
    ),
    band(
        Medium,
        MONTHLY,
        true,
        "between once per week and once per month",
    ),
    band(
        Low,
        SIX_MONTHLY,
        true,
        "between once per month and once every six months",
    ),
];
const LT_2022: &[Band] = &[
    band(High, WEEK, true, "between one day and one week"),
    band(Medium, MONTH, true, "between one week and one month"),
    band(Low, SIX_MONTHS, true, "between one month and six months"),
];
const TR_2022: &[Band] = &[
    band(High, DAY, false, "less than one day"),
    band(Medium, WEEK, true, "between one day and one week"),
    band(Low, MONTH, true, "between one week and one month"),
];
const CFR_2022: &[Band] = &[
    band(High, 15.0, true, "0–15%"),
    band(Medium, 30.0, true, "16–30%"),
    band(Low, 60.0, true, "46–60%"),
];

const DF_2023: &[Band] = &[
    band(
        Elite,
        ON_DEMAND,
        false,
        "on demand (multiple deploys per day)",
    ),
    band(High, WEEKLY, true, "between once per day and once per week"),
    band(
        Medium,
        MONTHLY,
        true,
        "between once per week and once per month",
    ),
    band(Low, 0.0, true, "less than once per month"),
];
const LT_2023: &[Band] = &[
    band(Elite, DAY, false, "less than one day"),
    band(High, WEEK, true, "between one day and one week"),
    band(Medium, MONTH, true, "between one week and one month"),
    band(Low, INF, true, "more than one month"),
];
const TR_2023: &[Band] = &[
    band(Elite, HOUR, false, "less than one hour"),
    band(High, DAY, false, "less than one day"),
    band(Medium, WEEK, true, "between one day and one week"),
    band(Low, INF, true, "more than one week"),
];
const CFR_2023: &[Band] = &[
    band(Elite, 5.0, true, "0–5%"),
    band(High, 10.0, true, "5–10%"),
    band(Medium, 15.0, true, "10–15%"),
    band(Low, INF, true, "more than 15%"),
];

const DF_2024: &[Band] = &[
    band(
        Elite,
        ON_DEMAND,
        false,
        "on demand (multiple deploys per day)",
    ),
    band(High, WEEKLY, true, "between once per day and once per week"),
    band(
        Medium,
        MONTHLY,
        true,
        "between once per week and once per month",
    ),
    band(
        Low,
        SIX_MONTHLY,
        true,
        "between once per month and once every six months",
    ),
];
const LT_2024: &[Band] = &[
    band(Elite, DAY, false, "less than one day"),
    band(High, WEEK, true, "between one day and one week"),
    band(Medium, MONTH, true, "between one week and one month"),
    band(Low, SIX_MONTHS, true, "between one month and six months"),
];
const TR_2024: &[Band] = &[
    band(Elite, HOUR, false, "less than one hour"),
    shared(
        High,
        Medium,
        DAY,
        false,
        "less than one day (one range for High and Medium)",
    ),
    band(Low, MONTH, true, "between one week and one month"),
];
const CFR_2024: &[(Tier, f64, &str)] = &[
    (Elite, 5.0, "5%"),
    (High, 20.0, "20%"),
    (Medium, 10.0, "10%"),
    (Low, 40.0, "40%"),
];

pub(crate) fn scale(edition: Edition, metric: Metric) -> Option<Scale> {
    use Edition::*;
    use Metric::*;
    let bands = match (edition, metric) {
        (Y2021, DeployFrequency) => DF_2021,
        (Y2021, LeadTime) => LT_2021,
        (Y2021, RecoveryTime) => TR_2021,
        (Y2021, ChangeFailureRate) => CFR_2021,
        (Y2022, DeployFrequency) => DF_2022,
        (Y2022, LeadTime) => LT_2022,
        (Y2022, RecoveryTime) => TR_2022,
        (Y2022, ChangeFailureRate) => CFR_2022,
        (Y2023, DeployFrequency) => DF_2023,
        (Y2023, LeadTime) => LT_2023,
        (Y2023, RecoveryTime) => TR_2023,
        (Y2023, ChangeFailureRate) => CFR_2023,
        (Y2024, DeployFrequency) => DF_2024,
        (Y2024, LeadTime) => LT_2024,
        (Y2024, RecoveryTime) => TR_2024,
        (Y2024, ChangeFailureRate) => return Some(Scale::Points(CFR_2024)),
        _ => return None,
    };
    Some(Scale::Bands(bands))
}

/// Whether the edition publishes tiers for this metric.
pub fn has_tiers(edition: Edition, metric: Metric) -> bool {
    scale(edition, metric).is_some()
}

/// Classifies `value` (in the metric's canonical unit: deploys per day,
/// hours, or percent) under `edition`. `None` when the edition has no tiers
/// for the metric or the value is not a finite number.
pub fn classify(edition: Edition, metric: Metric, value: f64) -> Option<TierVerdict> {
    if !value.is_finite() {
        return None;
    }
    match scale(edition, metric)? {
        Scale::Bands(bands) => Some(classify_bands(bands, value, metric.higher_is_better())),
        Scale::Points(points) => {
            let nearest = points.iter().min_by(|a, b| {
                let da = (a.1 - value).abs();
                let db = (b.1 - value).abs();
                // On an exact tie the better tier wins: it is listed first.
                da.total_cmp(&db).then(a.0.cmp(&b.0))
            })?;
            Some(TierVerdict::single(nearest.0))
        }
    }
}

fn classify_bands(bands: &[Band], value: f64, higher_is_better: bool) -> TierVerdict {
    let inside = |b: &Band| match (higher_is_better, b.inclusive) {
        (true, true) => value >= b.limit,
        (true, false) => value > b.limit,
        (false, true) => value <= b.limit,
        (false, false) => value < b.limit,
    };
    match bands.iter().find(|b| inside(b)) {
        Some(b) => TierVerdict {
            best: b.best,
            worst: b.worst,
            beyond_range: false,
        },
        // Beyond the last published band: its worst tier (every scale has
        // at least one band; Low if one ever had none).
        None => {
            let worst = bands.last().map_or(Tier::Low, |b| b.worst);
            TierVerdict {
                best: worst,
                worst,
                beyond_range: true,
            }
        }
    }
}

/// The published range of each tier for a metric, as the report words it,
/// best first: the legend shown beside a classification.
pub fn ranges(edition: Edition, metric: Metric) -> Vec<(String, &'static str)> {
    match scale(edition, metric) {
        None => Vec::new(),
        Some(Scale::Bands(bands)) => bands
            .iter()
            .map(|b| {
                let tiers = if b.best == b.worst {
                    b.best.name().to_string()
                } else {
                    format!("{} – {}", b.best.name(), b.worst.name())
                };
                (tiers, b.text)
            })
            .collect(),
        Some(Scale::Points(points)) => points
            .iter()
            .map(|(t, _, text)| (t.name().to_string(), *text))
            .collect(),
    }
}

/// The team's profile across the four keyed metrics: each metric's verdict,
/// stated side by side (never averaged into one tier).
pub fn profile(edition: Edition, values: &[(Metric, f64)]) -> Vec<(Metric, Option<TierVerdict>)> {
    values
        .iter()
        .map(|&(m, v)| (m, classify(edition, m, v)))
        .collect()
}

/// A sentence stating the profile: "Elite on 2 of 4 metrics, …".
pub fn profile_summary(verdicts: &[(Metric, Option<TierVerdict>)]) -> String {
    let mut counts: Vec<(Tier, usize)> = Vec::new();
    let mut mixed = 0;
    let mut total = 0;
    for (_, verdict) in verdicts {
        let Some(v) = verdict else { continue };
        total += 1;
        if !v.is_single() {
            mixed += 1;
            continue;
        }
        match counts.iter_mut().find(|(t, _)| *t == v.best) {
            Some((_, n)) => *n += 1,
            None => counts.push((v.best, 1)),
        }
    }
    if total == 0 {
        return "No metric could be classified.".to_string();
    }
    counts.sort();
    let mut parts: Vec<String> = counts
        .iter()
        .map(|(t, n)| format!("{} on {n} of {total}", t.name()))
        .collect();
    if mixed > 0 {
        parts.push(format!("a shared range on {mixed} of {total}"));
    }
    let mut sentence = parts.join(", ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_ascii_uppercase() + &sentence[1..];
    }
    sentence + " metrics."
}
