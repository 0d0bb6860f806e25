//! The lens choice: 2025 scores for fresh scenarios, tiers for everything
//! saved or shared before the choice existed, its travel in links, and the
//! words the report, the workshop and Compare show under it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use flywheel_core::model::benchmarks::{Industry, OrgSize, Peers};
use flywheel_core::model::compare::Change;
use flywheel_core::model::standing::lens::{Lens, LensChoice, LensView, MetricStanding};
use flywheel_core::model::{Baseline, Edition, Metric, Rate, RatePeriod, Scenario};
use flywheel_core::share::{decode, encode};

fn corpus() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/links/corpus");
    let mut links: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "link"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(&p).unwrap().trim().to_string(),
            )
        })
        .collect();
    links.sort();
    links
}

#[test]
fn fresh_scenarios_use_the_2025_scores_against_everyone() {
    let s = Scenario::default();
    assert_eq!(s.lens, Lens::Scores2025);
    assert_eq!(s.peers, Peers::default());
    assert_eq!(LensView::of(&s).choice(), LensChoice::Scores2025);
}

#[test]
fn version_1_and_2_links_open_with_the_tiers_lens() {
    let links = corpus();
    let versions: Vec<&str> = links.iter().map(|(_, l)| &l[..2]).collect();
    assert!(
        versions.contains(&"1.") && versions.contains(&"2."),
        "{versions:?}"
    );
    for (name, link) in &links {
        let s = decode(link).unwrap();
        assert_eq!(s.lens, Lens::Tiers, "{name}");
        assert_eq!(s.peers, Peers::default(), "{name}");
        // Their edition is the tiers' edition, as shared.
        assert_eq!(LensView::of(&s).choice(), LensChoice::Tiers(s.edition));
    }
}

#[test]
fn saved_work_without_the_field_keeps_the_tiers_lens() {
    let mut json = serde_json::to_value(Scenario::default()).unwrap();
    let fields = json.as_object_mut().unwrap();
    assert_eq!(fields.remove("lens"), Some("Scores2025".into()));
    fields.remove("peers");
    let restored: Scenario = serde_json::from_value(json).unwrap();
    assert_eq!(restored.lens, Lens::Tiers);
    assert_eq!(restored.peers, Peers::default());
    // A lens that was saved is kept.
    let saved = serde_json::to_string(&Scenario::default()).unwrap();
    let back: Scenario = serde_json::from_str(&saved).unwrap();
    assert_eq!(back.lens, Lens::Scores2025);
    // An unknown lens does not load.
    let bad = saved.replace("\"Scores2025\"", "\"Tiers2019\"");
    assert!(serde_json::from_str::<Scenario>(&bad).is_err());
}

#[test]
fn the_lens_and_peers_round_trip_in_links() {
    let mut s = Scenario {
        peers: Peers {
            industry: Industry::FinancialServices,
            size: OrgSize::FewerThan5000,
        },
        ..Scenario::default()
    };
    assert_eq!(decode(&encode(&s)), Ok(s.clone()));
    LensChoice::Tiers(Edition::Y2022).apply(&mut s);
    let back = decode(&encode(&s)).unwrap();
    assert_eq!((back.lens, back.edition), (Lens::Tiers, Edition::Y2022));
    assert_eq!(back, s);
    LensChoice::Scores2025.apply(&mut s);
    // Back to the scores, the tiers' edition is kept for the historical
    // section.
    assert_eq!((s.lens, s.edition), (Lens::Scores2025, Edition::Y2022));
    assert_eq!(decode(&encode(&s)), Ok(s));
}

#[test]
fn choices_have_keys_names_and_phrases() {
    for c in LensChoice::ALL {
        assert_eq!(LensChoice::from_key(c.key()), Some(c));
    }
    for l in Lens::ALL {
        assert_eq!(Lens::from_key(l.key()), Some(l));
    }
    assert_eq!(LensChoice::from_key("tiers-2025"), None);
    assert_eq!(
        LensChoice::Tiers(Edition::Y2024).name(),
        "2024 tiers (historical)"
    );
    let mut s = Scenario::default();
    let view = LensView::of(&s);
    assert_eq!(view.name(), "DORA's 2025 scores");
    assert_eq!(view.phrase(), "under the 2025 scores");
    LensChoice::Tiers(Edition::Y2024).apply(&mut s);
    let view = LensView::of(&s);
    assert_eq!(view.name(), "DORA's 2024 tiers (historical)");
    assert_eq!(view.phrase(), "under DORA's 2024 tiers (historical)");
    assert_eq!(Lens::Tiers.name(), "DORA's historical tiers");
}

#[test]
fn a_metric_stands_in_the_words_of_the_chosen_lens() {
    let b = Baseline::default();
    let tiers = LensView {
        lens: Lens::Tiers,
        edition: Edition::Y2024,
        peers: Peers::default(),
        units: Default::default(),
    };
    // 2 deploys a month is at least monthly but below weekly: 2024 Medium.
    let deploy = tiers.standing(&b, Metric::DeployFrequency).unwrap();
    assert_eq!(deploy.short(), "Medium");
    assert_eq!(
        deploy.words(),
        "Medium under DORA's 2024 tiers (historical)."
    );
    let rework = tiers.standing(&b, Metric::ReworkRate).unwrap();
    assert_eq!(rework.short(), "No 2024 tier");
    assert_eq!(
        rework.words(),
        "DORA's 2024 tiers (historical) have none for rework rate."
    );

    let scores = LensView {
        lens: Lens::Scores2025,
        ..tiers
    };
    let deploy = scores.standing(&b, Metric::DeployFrequency).unwrap();
    assert_eq!(deploy.short(), "4.0 of 10");
    assert_eq!(
        deploy.words(),
        "Scores 4.0 of 10: about the 39th percentile for all respondents."
    );
    let both = LensView {
        peers: Peers {
            industry: Industry::FinancialServices,
            size: OrgSize::FewerThan5000,
        },
        ..scores
    };
    // (4 − 5.1)/2.6 → 34th; (4 − 4.7)/2.7 → 40th.
    assert_eq!(
        both.standing(&b, Metric::DeployFrequency).unwrap().words(),
        "Scores 4.0 of 10: about the 34th percentile for Financial Services; about the 40th \
         percentile for organisations of 1,000 to 4,999 employees."
    );
    assert!(matches!(
        both.standing(&b, Metric::LeadTime),
        Some(MetricStanding::Score { ref standings, .. }) if standings.len() == 2
    ));
    // Code churn has no 2025 score, and no value here for tiers either.
    assert_eq!(scores.standing(&b, Metric::CodeChurn), None);
    assert_eq!(tiers.standing(&b, Metric::CodeChurn), None);
}

#[test]
fn compare_judges_every_scenario_under_the_reference_lens() {
    let reference = Baseline::default();
    let scores = LensView::of(&Scenario::default());
    let tiers = LensView {
        lens: Lens::Tiers,
        ..scores
    };
    // Change failure 18% → 12%: the score rises 8.2 → 8.8, but 2024's
    // nearest cluster moves from High (20%) to Medium (10%).
    let fewer_failures = Baseline {
        change_failure_rate: 12.0,
        ..reference.clone()
    };
    let cfr = Metric::ChangeFailureRate;
    assert_eq!(
        scores.change(&reference, &fewer_failures, cfr),
        Some(Change::Better)
    );
    assert_eq!(
        tiers.change(&reference, &fewer_failures, cfr),
        Some(Change::Worse)
    );
    // 3 deploys a month stays in the same answer (score 4) and tier.
    let bit_more = Baseline {
        deploy_frequency: Rate::new(3.0, RatePeriod::Month),
        ..reference.clone()
    };
    let df = Metric::DeployFrequency;
    assert_eq!(scores.change(&reference, &bit_more, df), Some(Change::Same));
    assert_eq!(tiers.change(&reference, &bit_more, df), Some(Change::Same));
    // Weekly reaches the next answer (score 6) and 2024's High.
    let weekly = Baseline {
        deploy_frequency: Rate::new(1.0, RatePeriod::Week),
        ..reference.clone()
    };
    assert_eq!(scores.change(&reference, &weekly, df), Some(Change::Better));
    assert_eq!(tiers.change(&reference, &weekly, df), Some(Change::Better));
    // Rework has no 2024 tier to compare.
    assert_eq!(tiers.change(&reference, &weekly, Metric::ReworkRate), None);
}
