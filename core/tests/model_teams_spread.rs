//! The distribution of a metric across teams: counts per tier band and
//! the median team, with odd and even numbers of teams and teams without a
//! value.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod teams_fixture;

use flywheel_core::model::teams::spread::{spread, NOTE};
use flywheel_core::model::teams::{Added, Source, TeamId, Teams};
use flywheel_core::model::{Edition, Metric, Scenario};
use teams_fixture::scenario;

fn add(teams: &mut Teams, s: Scenario) -> TeamId {
    match teams.add(s, Source::Link) {
        Added::Added { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_distribution_counts_teams_per_band_and_finds_the_median_team() {
    let mut teams = Teams::new();
    // Added out of order, so the median must sort.
    let t200 = add(&mut teams, scenario("A", 1.0, 200.0, 10.0, 2.0));
    let t2 = add(&mut teams, scenario("B", 1.0, 2.0, 10.0, 2.0));
    let t30 = add(&mut teams, scenario("C", 1.0, 30.0, 10.0, 2.0));
    let odd = spread(&teams, Metric::LeadTime, Edition::Y2024);
    assert_eq!(odd.unit, "hours");
    let values: Vec<f64> = odd.dots.iter().map(|d| d.value).collect();
    assert_eq!(values, [200.0, 2.0, 30.0]);
    let m = odd.median.as_ref().unwrap();
    // 2, 30, 200: the middle team is C.
    assert_eq!((m.value, m.of, m.middle.clone()), (30.0, 3, vec![t30]));
    assert_eq!(odd.median_words(), "Median of 3 teams: 30 hours");

    // Even: 2, 30, 100, 200 → (30 + 100) / 2 = 65 h = 2.71 days.
    let t100 = add(&mut teams, scenario("D", 1.0, 100.0, 10.0, 2.0));
    let even = spread(&teams, Metric::LeadTime, Edition::Y2024);
    let m = even.median.as_ref().unwrap();
    assert_eq!(
        (m.value, m.of, m.middle.clone()),
        (65.0, 4, vec![t30, t100])
    );
    assert_eq!(even.median_words(), "Median of 4 teams: 2.7 days");

    // 2024 lead time: Elite < 24 h, High ≤ 168 h, Medium ≤ 730 h, Low ≤
    // 4,380 h; 5,000 h is beyond the worst range and counts in it.
    let t5000 = add(&mut teams, scenario("E", 1.0, 5000.0, 10.0, 2.0));
    let s = spread(&teams, Metric::LeadTime, Edition::Y2024);
    let bands: Vec<(&str, Vec<TeamId>, usize)> = s
        .bands
        .iter()
        .map(|b| (b.label.as_str(), b.teams.clone(), b.beyond))
        .collect();
    assert_eq!(
        bands,
        [
            ("Elite", vec![t2], 0),
            ("High", vec![t30, t100], 0),
            ("Medium", vec![t200], 0),
            ("Low", vec![t5000], 1),
        ]
    );
    assert_eq!(
        s.bands_words(),
        "Teams in each 2024 tier: Elite: 1 team, High: 2 teams, Medium: 1 team, \
         Low: 1 team (1 beyond the published range)"
    );
    assert_eq!(s.median.as_ref().unwrap().middle, vec![t100]);
    assert!(s.missing.is_empty() && s.missing_words().is_none());
    assert!(NOTE.contains("no organisation score"));
}

#[test]
fn teams_without_a_value_are_counted_apart_from_the_median() {
    let mut teams = Teams::new();
    let mut ids = Vec::new();
    for (i, churn) in [Some(40.0), None, Some(10.0), None, Some(25.0)]
        .into_iter()
        .enumerate()
    {
        let mut s = scenario(&format!("T{i}"), 1.0, 30.0, 10.0, 2.0);
        s.baseline.code_churn = churn;
        ids.push(add(&mut teams, s));
    }
    let s = spread(&teams, Metric::CodeChurn, Edition::Y2024);
    assert_eq!(s.missing, vec![ids[1], ids[3]]);
    assert_eq!(s.missing_words().as_deref(), Some("2 teams have no value"));
    // 10, 25, 40 → 25.
    assert_eq!(s.median_words(), "Median of 3 teams: 25%");
    assert!(s.bands.is_empty());
    assert_eq!(
        s.bands_words(),
        "The 2024 edition has no tiers for code churn"
    );
    // Two values left: (10 + 40) / 2 = 25, between two teams.
    teams.remove(ids[4]);
    let s = spread(&teams, Metric::CodeChurn, Edition::Y2024);
    let m = s.median.unwrap();
    assert_eq!((m.value, m.of, m.middle), (25.0, 2, vec![ids[2], ids[0]]));
    // No values at all.
    let s = spread(&Teams::new(), Metric::LeadTime, Edition::Y2024);
    assert_eq!(s.median_words(), "No median: no team has a value");
    assert!(s.bands.iter().all(|b| b.teams.is_empty()));
}

#[test]
fn a_shared_range_counts_as_one_band_with_values_beyond_it() {
    let mut teams = Teams::new();
    // 2021 change failure rate: Elite 0–15%, then one range for High,
    // Medium and Low (16–30%); 40% is beyond it.
    for cfr in [10.0, 20.0, 40.0] {
        add(
            &mut teams,
            scenario(&format!("CFR {cfr}"), 1.0, 30.0, cfr, 2.0),
        );
    }
    let s = spread(&teams, Metric::ChangeFailureRate, Edition::Y2021);
    let words: Vec<String> = s.bands.iter().map(|b| b.words()).collect();
    assert_eq!(
        words,
        [
            "Elite: 1 team",
            "High – Low: 2 teams (1 beyond the published range)"
        ]
    );
}
