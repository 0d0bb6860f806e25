//! DORA Quick Check scores on a 0–10 scale and the 2025 peer figures they are
//! compared with (domain.md §2, "DORA Quick Check").
//!
//! The Quick Check asks for answer buckets (1 = worst … 6 = best). A bucket
//! metric scores `(code − 1) / 5 × 10`; a percentage metric `(100 − p) / 10`.
//! Throughput is the mean of lead time, deployment frequency and recovery
//! time; instability the mean of change failure rate and rework rate.
//!
//! Its two best deployment-frequency answers overlap ("between once per hour
//! and once per day", "on demand (multiple per day)"); a measured rate is
//! mapped to the best answer it satisfies: more than once a day is on demand,
//! at least once a day the next one down.

use crate::model::benchmarks::{self, Indicator, PeerGroup};
use crate::model::units::{DAYS_PER_MONTH, HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK};
use crate::model::Metric;

/// The 2025 "all industries" peer mean and standard deviation for a
/// metric's score, as [`benchmarks::figure`] gives it (higher is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeerScore {
    pub mean: f64,
    pub sd: Option<f64>,
}

/// 2025 peer figure for a metric's score, for the five metrics the Quick
/// Check scores.
pub fn peer(metric: Metric) -> Option<PeerScore> {
    let f = benchmarks::figure(PeerGroup::EVERYONE, Indicator::from_metric(metric)?);
    Some(PeerScore {
        mean: f.mean,
        sd: Some(f.sd),
    })
}

/// The 2025 overall score as DORA's data stores it, 4.3 ± 1.2: the mean
/// of the five scores with change failure and rework still "higher is
/// worse", so not on a team's overall scale. [`benchmarks::figure`] gives
/// the Quick Check's recomputed figure a team's overall score is set
/// against.
pub const PEER_OVERALL: PeerScore = PeerScore {
    mean: 4.3,
    sd: Some(1.2),
};

/// The Quick Check answer bucket (1–6) for a deployment rate per day.
pub fn deploy_frequency_code(per_day: f64) -> u8 {
    if per_day > 1.0 {
        6
    } else if per_day >= 1.0 {
        5
    } else if per_day >= 1.0 / 7.0 {
        4
    } else if per_day >= 1.0 / DAYS_PER_MONTH {
        3
    } else if per_day >= 1.0 / (6.0 * DAYS_PER_MONTH) {
        2
    } else {
        1
    }
}

/// The Quick Check answer bucket (1–6) for a lead or recovery time in hours.
pub fn duration_code(hours: f64) -> u8 {
    if hours < 1.0 {
        6
    } else if hours < HOURS_PER_DAY {
        5
    } else if hours <= HOURS_PER_WEEK {
        4
    } else if hours <= HOURS_PER_MONTH {
        3
    } else if hours <= 6.0 * HOURS_PER_MONTH {
        2
    } else {
        1
    }
}

/// A bucket code's 0–10 score: `(code − 1) / 5 × 10`.
pub fn bucket_score(code: u8) -> f64 {
    f64::from(code.clamp(1, 6) - 1) / 5.0 * 10.0
}

/// A percentage metric's 0–10 score: `(100 − p) / 10`.
pub fn percent_score(percent: f64) -> f64 {
    (100.0 - percent.clamp(0.0, 100.0)) / 10.0
}

/// The 0–10 score of a metric value in its canonical unit, for the five
/// metrics the Quick Check covers.
pub fn score(metric: Metric, value: f64) -> Option<f64> {
    if !value.is_finite() {
        return None;
    }
    match metric {
        Metric::DeployFrequency => Some(bucket_score(deploy_frequency_code(value))),
        Metric::LeadTime | Metric::RecoveryTime => Some(bucket_score(duration_code(value))),
        Metric::ChangeFailureRate | Metric::ReworkRate => Some(percent_score(value)),
        _ => None,
    }
}

/// Throughput and instability sub-scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SubScores {
    /// Mean of lead time, deployment frequency and recovery time scores.
    pub throughput: f64,
    /// Mean of change failure rate and rework rate scores. Both are
    /// higher-is-better, so this is the Quick Check's "stability", the
    /// complement of what DORA calls instability.
    pub instability: f64,
}

/// The sub-scores from the five metric scores.
pub fn sub_scores(lead: f64, deploy: f64, recovery: f64, cfr: f64, rework: f64) -> SubScores {
    SubScores {
        throughput: (lead + deploy + recovery) / 3.0,
        instability: (cfr + rework) / 2.0,
    }
}

/// How a score compares with the peer mean, in words.
pub fn versus_peer(score: f64, peer: PeerScore) -> &'static str {
    let margin = peer.sd.map_or(0.5, |sd| sd / 2.0);
    if score > peer.mean + margin {
        "above peers"
    } else if score < peer.mean - margin {
        "below peers"
    } else {
        "near peers"
    }
}
