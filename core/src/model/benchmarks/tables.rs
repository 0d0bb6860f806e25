//! The 2025 benchmark rows exactly as DORA's data files store them
//! (domain.md §2): for each peer group, the mean and standard deviation of
//! each 0–10 score, in the files' column order. Nothing here is corrected
//! or turned round; [`super::figure`] does that, and says where.
//!
//! Source: dora-team/dora.dev, `svelte/quick-check/src/lib/data/editions/
//! 2025/industry_metrics.json` and `organization_size_metrics.json` (last
//! changed in commit 4ced7e4, 18 May 2026). `tests/fixtures/
//! dora-quick-check-2025/` holds copies of both files, and a test compares
//! every figure here with them.

use super::groups::{Industry, OrgSize};
use super::PeerGroup;

/// A mean and standard deviation of a 0–10 score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stat {
    pub mean: f64,
    pub sd: f64,
}

/// One peer group's row as stored: change failure, rework and instability
/// are "higher is worse"; the organisation-size file's recovery column is
/// inverted as well (see [`super::Adjustment::CorrectedInversion`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoredRow {
    /// `performance_average`.
    pub overall: Stat,
    /// `software_delivery_throughput`.
    pub throughput: Stat,
    /// `software_delivery_instability`.
    pub instability: Stat,
    /// `leadtime`.
    pub lead_time: Stat,
    /// `deployfreq`.
    pub deploy_frequency: Stat,
    /// `failurerecovery`.
    pub recovery_time: Stat,
    /// `changefailure`.
    pub change_failure: Stat,
    /// `rework`.
    pub rework: Stat,
}

type Pair = [f64; 2];

/// A row from its eight `[mean, sd]` columns, in the files' order.
const fn row(c: [Pair; 8]) -> StoredRow {
    const fn stat(p: Pair) -> Stat {
        Stat {
            mean: p[0],
            sd: p[1],
        }
    }
    StoredRow {
        overall: stat(c[0]),
        throughput: stat(c[1]),
        instability: stat(c[2]),
        lead_time: stat(c[3]),
        deploy_frequency: stat(c[4]),
        recovery_time: stat(c[5]),
        change_failure: stat(c[6]),
        rework: stat(c[7]),
    }
}

/// The row DORA's data stores for a peer group. Columns: overall,
/// throughput, instability, lead time, deployment frequency, recovery
/// time, change failure, rework; each `[mean, sd]`.
#[rustfmt::skip]
pub fn stored(group: PeerGroup) -> StoredRow {
    match group {
        PeerGroup::Industry(i) => match i {
            Industry::All => row([[4.3, 1.2], [6.0, 2.1], [2.1, 2.0], [5.5, 2.4], [4.8, 2.8], [7.4, 2.1], [1.9, 2.1], [2.2, 2.2]]),
            Industry::Consumer => row([[4.5, 1.1], [6.3, 2.0], [1.8, 1.7], [5.9, 2.3], [5.3, 2.7], [7.8, 1.8], [1.7, 2.0], [2.0, 1.9]]),
            Industry::MediaEntertainment => row([[4.4, 1.2], [6.2, 2.2], [1.8, 1.6], [5.8, 2.4], [5.2, 2.7], [7.6, 2.1], [1.8, 1.8], [1.8, 1.7]]),
            Industry::NonProfit => row([[4.4, 1.2], [6.1, 2.0], [2.2, 2.7], [5.9, 2.7], [4.5, 2.6], [7.5, 1.8], [2.2, 2.8], [2.1, 2.5]]),
            Industry::Technology => row([[4.4, 1.2], [6.1, 2.1], [2.1, 2.0], [5.7, 2.4], [4.9, 2.8], [7.4, 2.1], [1.9, 2.0], [2.3, 2.2]]),
            Industry::Telecommunications => row([[4.4, 1.3], [5.7, 2.1], [2.5, 2.4], [5.2, 2.4], [4.7, 2.6], [7.2, 2.3], [2.4, 2.5], [2.6, 2.5]]),
            Industry::Other => row([[4.3, 1.2], [6.1, 2.1], [1.8, 1.7], [5.7, 2.4], [5.0, 2.7], [7.6, 2.0], [1.6, 1.9], [2.0, 2.0]]),
            Industry::Education => row([[4.3, 1.3], [5.6, 2.3], [2.7, 2.1], [5.5, 2.6], [4.5, 2.9], [6.6, 2.6], [2.7, 2.4], [2.9, 2.3]]),
            Industry::FinancialServices => row([[4.3, 1.1], [6.1, 1.9], [1.8, 1.8], [5.4, 2.3], [5.1, 2.6], [7.7, 1.9], [1.7, 2.1], [1.9, 1.9]]),
            Industry::HealthcarePharmaceuticals => row([[4.2, 1.4], [5.6, 2.2], [2.5, 2.2], [5.0, 2.6], [4.3, 2.8], [7.1, 2.2], [2.5, 2.3], [2.6, 2.4]]),
            Industry::Energy => row([[4.1, 1.1], [5.8, 2.0], [1.9, 1.6], [5.4, 2.5], [4.5, 2.7], [7.2, 1.9], [1.8, 1.8], [2.1, 1.9]]),
            Industry::Government => row([[4.1, 1.3], [5.4, 2.3], [2.3, 2.0], [4.8, 2.6], [4.3, 3.0], [7.0, 2.1], [2.1, 2.2], [2.4, 2.2]]),
            Industry::Insurance => row([[4.0, 1.2], [5.7, 1.8], [1.8, 1.8], [4.8, 2.2], [4.4, 2.5], [7.5, 1.8], [1.7, 2.0], [1.8, 1.9]]),
            Industry::IndustrialsManufacturing => row([[3.9, 1.3], [5.1, 2.3], [2.2, 2.0], [4.9, 2.6], [3.7, 2.7], [6.5, 2.3], [2.0, 1.9], [2.4, 2.3]]),
        },
        PeerGroup::Size(s) => match s {
            OrgSize::All => row([[4.3, 1.2], [6.0, 2.1], [2.1, 2.0], [5.5, 2.4], [4.8, 2.8], [2.6, 2.1], [1.9, 2.1], [2.2, 2.2]]),
            OrgSize::Solo => row([[4.9, 1.6], [6.3, 2.1], [3.1, 3.0], [6.4, 2.7], [5.1, 3.4], [2.8, 2.6], [3.0, 3.1], [3.3, 3.1]]),
            OrgSize::FewerThan10 => row([[4.6, 1.4], [6.3, 2.3], [2.1, 2.0], [6.4, 2.7], [4.8, 2.9], [2.3, 2.2], [1.9, 2.2], [2.3, 2.3]]),
            OrgSize::FewerThan100 => row([[4.4, 1.1], [5.9, 1.9], [2.1, 1.9], [5.8, 2.3], [4.4, 2.4], [2.4, 1.9], [1.7, 1.8], [2.3, 2.1]]),
            OrgSize::FewerThan500 => row([[4.4, 1.2], [6.0, 2.0], [2.1, 2.0], [5.6, 2.4], [4.8, 2.7], [2.6, 2.1], [1.9, 2.0], [2.3, 2.2]]),
            OrgSize::FewerThan1000 => row([[4.3, 1.3], [6.0, 2.0], [2.1, 2.0], [5.5, 2.4], [4.7, 2.6], [2.7, 2.1], [1.8, 2.1], [2.2, 2.2]]),
            OrgSize::FewerThan5000 => row([[4.3, 1.2], [5.8, 2.1], [2.0, 1.9], [5.3, 2.4], [4.7, 2.7], [2.6, 2.2], [1.9, 2.1], [2.1, 2.1]]),
            OrgSize::FewerThan10000 => row([[4.3, 1.2], [6.0, 2.0], [1.9, 1.8], [5.4, 2.4], [4.8, 2.8], [2.5, 1.9], [1.8, 2.1], [2.0, 1.9]]),
            OrgSize::MoreThan9999 => row([[4.2, 1.2], [5.9, 2.2], [2.0, 2.0], [5.2, 2.5], [4.9, 2.8], [2.8, 2.2], [1.9, 2.2], [2.1, 2.2]]),
        },
    }
}
