//! Where a team stands against its peers: the normal approximation, the
//! Quick Check scores, standings against chosen peer groups, the 2025 team
//! profiles and the capability guides offered for each metric.
//!
//! Expected percentiles come from Python's `math.erf`, independent of the
//! Abramowitz–Stegun approximation under test:
//! `Φ(z) = 0.5 * (1 + math.erf(z / math.sqrt(2)))`.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use flywheel_core::model::benchmarks::{Indicator, Industry, OrgSize, PeerGroup, Peers};
use flywheel_core::model::quick_check::{bucket_score, percent_score, score};
use flywheel_core::model::standing::capabilities::levers;
use flywheel_core::model::standing::normal::{erf, normal_cdf, ordinal, percentile};
use flywheel_core::model::standing::profiles::{FACTORS, PROFILES, WHY_NOT_PLACED};
use flywheel_core::model::standing::{standings, Standing, TeamScores};
use flywheel_core::model::{Baseline, Metric};

#[test]
fn the_normal_distribution_matches_tabulated_values() {
    // Φ from math.erf: Φ(1) = 0.8413447460685429, Φ(−1) =
    // 0.15865525393145707, Φ(1.96) = 0.9750021048517796, Φ(−2) =
    // 0.02275013194817921, Φ(3) = 0.9986501019683699. A&S 7.1.26 is
    // within 1.5e-7 on erf, so within 0.75e-7 on Φ.
    let table = [
        (0.0, 0.5),
        (1.0, 0.841_344_746_068_542_9),
        (-1.0, 0.158_655_253_931_457_07),
        (1.96, 0.975_002_104_851_779_6),
        (-2.0, 0.022_750_131_948_179_21),
        (3.0, 0.998_650_101_968_369_9),
    ];
    for (z, p) in table {
        assert!((normal_cdf(z) - p).abs() < 0.75e-7, "Φ({z})");
    }
    // erf is odd, and reaches ±1 far out.
    assert!((erf(0.5) + erf(-0.5)).abs() < 1e-15);
    assert_eq!(erf(f64::INFINITY), 1.0);
    assert_eq!(erf(f64::NEG_INFINITY), -1.0);
}

#[test]
fn percentiles_are_whole_and_kept_within_1_to_99() {
    assert_eq!(percentile(0.0), Some(50));
    assert_eq!(percentile(1.0), Some(84));
    assert_eq!(percentile(-1.0), Some(16));
    // Φ(3) = 0.99865 would round to 100, Φ(−3) = 0.00135 to 0.
    assert_eq!(percentile(3.0), Some(99));
    assert_eq!(percentile(-3.0), Some(1));
    assert_eq!(percentile(f64::INFINITY), Some(99));
    assert_eq!(percentile(f64::NAN), None);
    let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 50, 99]
        .into_iter()
        .map(ordinal)
        .collect();
    assert_eq!(
        words,
        [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "50th",
            "99th"
        ]
    );
}

#[test]
fn every_answer_bucket_and_the_pinned_percentages_score_by_the_formula() {
    // domain.md §2: a bucket scores (code − 1) / 5 × 10.
    for (code, want) in (1..=6).zip([0.0, 2.0, 4.0, 6.0, 8.0, 10.0]) {
        assert_eq!(bucket_score(code), want, "code {code}");
    }
    // A percentage scores (100 − p) / 10: 0% → 10, 5% → 9.5, 15% → 8.5,
    // 45% → 5.5, 100% → 0.
    for (p, want) in [
        (0.0, 10.0),
        (5.0, 9.5),
        (15.0, 8.5),
        (45.0, 5.5),
        (100.0, 0.0),
    ] {
        assert_eq!(percent_score(p), want, "{p}%");
        assert_eq!(score(Metric::ChangeFailureRate, p), Some(want));
        assert_eq!(score(Metric::ReworkRate, p), Some(want));
    }
    // A value inside each answer, in canonical units, scores its bucket.
    // Deploys per day: one a year, one in 60 days, one a fortnight, one
    // every two days, one a day, three a day.
    let deploys = [1.0 / 365.0, 1.0 / 60.0, 1.0 / 14.0, 0.5, 1.0, 3.0];
    // Hours: 5000 (> six months), 1000, 300, 48, 5, half an hour.
    let hours = [5000.0, 1000.0, 300.0, 48.0, 5.0, 0.5];
    for (i, want) in [0.0, 2.0, 4.0, 6.0, 8.0, 10.0].into_iter().enumerate() {
        assert_eq!(score(Metric::DeployFrequency, deploys[i]), Some(want));
        assert_eq!(score(Metric::LeadTime, hours[i]), Some(want));
        assert_eq!(score(Metric::RecoveryTime, hours[i]), Some(want));
    }
}

/// The default baseline: 2 deploys a month (bucket 3, score 4), lead time
/// 5 days (bucket 4, score 6), recovery 6 hours (bucket 5, score 8),
/// change failure 18% (8.2), rework 12% (8.8).
fn typical() -> Baseline {
    Baseline::default()
}

#[test]
fn team_scores_follow_the_quick_check() {
    let s = TeamScores::of(&typical()).unwrap();
    let got: Vec<f64> = Indicator::ALL.iter().map(|&i| s.get(i)).collect();
    // Overall (6 + 4 + 8 + 8.2 + 8.8) / 5 = 7; throughput (6 + 4 + 8) / 3
    // = 6; stability (8.2 + 8.8) / 2 = 8.5.
    let want = [7.0, 6.0, 6.0, 4.0, 8.0, 8.5, 8.2, 8.8];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-12, "{got:?}");
    }
    let broken = Baseline {
        change_failure_rate: f64::NAN,
        ..typical()
    };
    assert_eq!(TeamScores::of(&broken), None);
    assert!(standings(&broken, Peers::default()).is_empty());
}

#[test]
fn standings_against_all_respondents() {
    let all = standings(&typical(), Peers::default());
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].group, PeerGroup::EVERYONE);
    let got: Vec<(Indicator, u8)> = all[0]
        .rows
        .iter()
        .map(|s| (s.indicator, s.percentile))
        .collect();
    // z and Φ by hand: overall (7 − 6.72)/1.2 = +0.233 → 0.592; throughput
    // 0 → 0.5; lead (6 − 5.5)/2.4 = +0.208 → 0.583; deploy (4 − 4.8)/2.8 =
    // −0.286 → 0.388; recovery (8 − 7.4)/2.1 = +0.286 → 0.612; stability
    // (8.5 − 7.9)/2 = +0.3 → 0.618; change failure (8.2 − 8.1)/2.1 =
    // +0.048 → 0.519; rework (8.8 − 7.8)/2.2 = +0.455 → 0.675.
    use Indicator::*;
    assert_eq!(
        got,
        vec![
            (Overall, 59),
            (Throughput, 50),
            (LeadTime, 58),
            (DeployFrequency, 39),
            (RecoveryTime, 61),
            (Stability, 62),
            (ChangeFailureRate, 52),
            (ReworkRate, 68),
        ]
    );
    let deploy = all[0].rows[3];
    assert!((deploy.z + 0.8 / 2.8).abs() < 1e-12);
    assert_eq!(deploy.versus(), "near peers");
    assert_eq!(deploy.peers_words(), "4.8 ± 2.8");
    assert_eq!(
        deploy.sentence(),
        "4.0 against 4.8 ± 2.8 for all respondents: about the 39th percentile."
    );
}

#[test]
fn standings_against_an_industry_and_a_size_in_turn() {
    let peers = Peers {
        industry: Industry::FinancialServices,
        size: OrgSize::FewerThan5000,
    };
    let both = standings(&typical(), peers);
    let groups: Vec<PeerGroup> = both.iter().map(|g| g.group).collect();
    assert_eq!(
        groups,
        [
            PeerGroup::Industry(Industry::FinancialServices),
            PeerGroup::Size(OrgSize::FewerThan5000)
        ]
    );
    let percentiles = |i: usize| -> Vec<u8> { both[i].rows.iter().map(|s| s.percentile).collect() };
    // Financial Services: overall (7 − 6.92)/1.1 → 53; throughput
    // (6 − 6.1)/1.9 → 48; lead (6 − 5.4)/2.3 → 60; deploy (4 − 5.1)/2.6 →
    // 34; recovery (8 − 7.7)/1.9 → 56; stability (8.5 − 8.2)/1.8 → 57;
    // change failure (8.2 − 8.3)/2.1 → 48; rework (8.8 − 8.1)/1.9 → 64.
    assert_eq!(percentiles(0), [53, 48, 60, 34, 56, 57, 48, 64]);
    // 1,000 to 4,999 employees, recovery corrected to 7.4 ± 2.2: overall
    // (7 − 6.68)/1.2 → 61; throughput (6 − 5.8)/2.1 → 54; lead
    // (6 − 5.3)/2.4 → 61; deploy (4 − 4.7)/2.7 → 40; recovery
    // (8 − 7.4)/2.2 → 61; stability (8.5 − 8.0)/1.9 → 60; change failure
    // (8.2 − 8.1)/2.1 → 52; rework (8.8 − 7.9)/2.1 → 67.
    assert_eq!(percentiles(1), [61, 54, 61, 40, 61, 60, 52, 67]);
    let recovery = both[1].rows[4];
    assert!(recovery.peers.adjustment.is_correction());
    assert_eq!(
        recovery.sentence(),
        "8.0 against 7.4 ± 2.2 for organisations of 1,000 to 4,999 employees: about the \
         61st percentile."
    );
}

#[test]
fn a_standing_needs_a_finite_score() {
    assert!(Standing::new(Indicator::LeadTime, PeerGroup::EVERYONE, f64::NAN).is_none());
    let top = Standing::new(Indicator::LeadTime, PeerGroup::EVERYONE, 10.0).unwrap();
    // (10 − 5.5)/2.4 = 1.875 → Φ = 0.970.
    assert_eq!((top.percentile, top.versus()), (97, "above peers"));
}

#[test]
fn seven_profiles_from_eight_factors_and_no_placement() {
    let names: Vec<&str> = PROFILES.iter().map(|p| p.name).collect();
    assert_eq!(
        names,
        [
            "Foundational challenges",
            "The legacy bottleneck",
            "Constrained by process",
            "High impact, low cadence",
            "Stable and methodical",
            "Pragmatic performers",
            "Harmonious high-achievers"
        ]
    );
    assert!(PROFILES.iter().all(|p| p.summary.ends_with('.')));
    assert_eq!(FACTORS.len(), 8);
    assert!(FACTORS.contains(&"Burnout") && FACTORS.contains(&"Friction"));
    assert!(WHY_NOT_PLACED.contains("does not place"));
}

#[test]
fn every_scored_metric_has_three_capability_guides_on_dora_dev() {
    for m in Metric::DORA {
        let offered = levers(m);
        assert_eq!(offered.len(), 3, "{m:?}");
        for lever in offered {
            let url = lever.capability.url();
            assert!(url.starts_with("https://dora.dev/capabilities/") && url.ends_with('/'));
            assert!(!lever.evidence.is_empty());
        }
    }
    assert!(levers(Metric::CodeChurn).is_empty());
    assert_eq!(
        levers(Metric::RecoveryTime)[0].capability.url(),
        "https://dora.dev/capabilities/monitoring-and-observability/"
    );
}
