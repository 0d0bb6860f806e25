//! Quick Check scores, sub-scores, unit handling and input validation.

use flywheel_core::model::quick_check::{
    bucket_score, deploy_frequency_code, duration_code, peer, percent_score, score, versus_peer,
};
use flywheel_core::model::scenario::{rule, seed_assessment};
use flywheel_core::model::validate::{
    parse_name, parse_number, parse_optional, InputError, NumberRule,
};
use flywheel_core::model::{Baseline, Duration, Metric, Rate, RatePeriod, Scenario, TimeUnit};

#[test]
fn bucket_scores_follow_the_quick_check_formula() {
    let expected = [0.0, 2.0, 4.0, 6.0, 8.0, 10.0];
    for (code, want) in (1..=6).zip(expected) {
        assert_eq!(bucket_score(code), want, "code {code}");
    }
    assert_eq!(percent_score(15.0), 8.5);
    assert_eq!(percent_score(0.0), 10.0);
    assert_eq!(percent_score(100.0), 0.0);
}

#[test]
fn deploy_frequency_buckets() {
    assert_eq!(deploy_frequency_code(3.0), 6);
    assert_eq!(deploy_frequency_code(1.0), 5);
    assert_eq!(deploy_frequency_code(1.0 / 7.0), 4);
    assert_eq!(deploy_frequency_code(1.0 / 7.0 - 1e-9), 3);
    assert_eq!(deploy_frequency_code(12.0 / 365.0), 3);
    assert_eq!(deploy_frequency_code(12.0 / 365.0 - 1e-9), 2);
    assert_eq!(deploy_frequency_code(2.0 / 365.0), 2);
    assert_eq!(deploy_frequency_code(1.0 / 365.0), 1);
}

#[test]
fn duration_buckets() {
    assert_eq!(duration_code(0.5), 6);
    assert_eq!(duration_code(1.0), 5);
    assert_eq!(duration_code(23.9), 5);
    assert_eq!(duration_code(24.0), 4);
    assert_eq!(duration_code(168.0), 4);
    assert_eq!(duration_code(168.1), 3);
    assert_eq!(duration_code(730.0), 3);
    assert_eq!(duration_code(730.1), 2);
    assert_eq!(duration_code(4380.0), 2);
    assert_eq!(duration_code(4380.1), 1);
}

#[test]
fn scores_and_sub_scores_of_a_baseline() {
    let b = Baseline {
        deploy_frequency: Rate::new(2.0, RatePeriod::Week), // code 4 → 6
        lead_time: Duration::new(3.0, TimeUnit::Hours),     // code 5 → 8
        change_failure_rate: 10.0,                          // 9
        recovery_time: Duration::new(30.0, TimeUnit::Minutes), // code 6 → 10
        rework_rate: 20.0,                                  // 8
        ..Baseline::default()
    };
    let scores = b.scores();
    assert_eq!(
        scores,
        vec![
            (Metric::DeployFrequency, 6.0),
            (Metric::LeadTime, 8.0),
            (Metric::ChangeFailureRate, 9.0),
            (Metric::RecoveryTime, 10.0),
            (Metric::ReworkRate, 8.0),
        ]
    );
    let sub = b.sub_scores();
    assert_eq!(sub.throughput, 8.0);
    assert_eq!(sub.instability, 8.5);
    assert!(score(Metric::CodeChurn, 10.0).is_none());
}

#[test]
fn peer_figures_are_the_2025_means() {
    let lead = peer(Metric::LeadTime).unwrap();
    assert_eq!((lead.mean, lead.sd), (5.5, Some(2.4)));
    assert_eq!(peer(Metric::DeployFrequency).unwrap().mean, 4.8);
    assert_eq!(peer(Metric::RecoveryTime).unwrap().sd, Some(2.1));
    assert_eq!(peer(Metric::ChangeFailureRate).unwrap().mean, 8.1);
    assert_eq!(peer(Metric::ReworkRate).unwrap().mean, 7.8);
    assert_eq!(versus_peer(8.0, lead), "above peers");
    assert_eq!(versus_peer(5.0, lead), "near peers");
    assert_eq!(versus_peer(2.0, lead), "below peers");
}

#[test]
fn seed_thresholds_for_churn_and_defect_escape() {
    assert_eq!(
        seed_assessment(Metric::CodeChurn, 24.9).unwrap().0,
        "Healthy"
    );
    assert_eq!(
        seed_assessment(Metric::CodeChurn, 25.0).unwrap().0,
        "Above healthy"
    );
    assert_eq!(
        seed_assessment(Metric::DefectEscapeRate, 4.9).unwrap().0,
        "Elite"
    );
    assert_eq!(
        seed_assessment(Metric::DefectEscapeRate, 5.0).unwrap().0,
        "Good"
    );
    assert_eq!(
        seed_assessment(Metric::DefectEscapeRate, 15.0).unwrap().0,
        "Needs attention"
    );
}

#[test]
fn validation_rejects_empty_negative_non_numeric_and_out_of_range() {
    let pct = NumberRule::PERCENT;
    assert_eq!(parse_number("", pct), Err(InputError::Empty));
    assert_eq!(parse_number("   ", pct), Err(InputError::Empty));
    assert_eq!(parse_number("abc", pct), Err(InputError::NotANumber));
    assert_eq!(parse_number("NaN", pct), Err(InputError::NotANumber));
    assert_eq!(parse_number("inf", pct), Err(InputError::NotANumber));
    assert_eq!(parse_number("1e3", pct), Err(InputError::NotANumber));
    assert_eq!(parse_number("1.2.3", pct), Err(InputError::NotANumber));
    assert_eq!(parse_number("-5", pct), Err(InputError::Negative));
    assert_eq!(
        parse_number("100.5", pct),
        Err(InputError::TooLarge("100%".into()))
    );
    assert_eq!(parse_number("100", pct), Ok(100.0));
    assert_eq!(parse_number(" 12.5 % ", pct), Ok(12.5));
    assert_eq!(parse_number(".5", pct), Ok(0.5));
    let positive = rule(Metric::LeadTime);
    assert_eq!(parse_number("0", positive), Err(InputError::NotPositive));
    assert_eq!(parse_number("2", positive), Ok(2.0));
    assert_eq!(
        parse_number("100001", positive),
        Err(InputError::TooLarge("100000".into()))
    );
    assert_eq!(parse_number("0", rule(Metric::DeployFrequency)), Ok(0.0));
    assert_eq!(parse_optional("", pct), Ok(None));
    assert_eq!(parse_optional("7", pct), Ok(Some(7.0)));
    assert!(parse_optional("x", pct).is_err());
    for e in [
        InputError::Empty,
        InputError::NotANumber,
        InputError::Negative,
    ] {
        assert!(e.message().ends_with('.'));
    }
}

#[test]
fn names_are_trimmed_and_bounded() {
    assert_eq!(parse_name("  Payments  ", 80), Ok("Payments".to_string()));
    assert!(parse_name("   ", 80).is_err());
    assert!(parse_name(&"x".repeat(81), 80).is_err());
}

#[test]
fn scenario_validity_guards_loaded_data() {
    let mut s = Scenario::default();
    assert!(s.is_valid());
    s.baseline.change_failure_rate = f64::NAN;
    assert!(!s.is_valid());
    s.baseline.change_failure_rate = 120.0;
    assert!(!s.is_valid());
    s = Scenario::default();
    s.baseline.lead_time.amount = 0.0;
    assert!(!s.is_valid());
    s = Scenario::default();
    s.team = "  ".into();
    assert!(!s.is_valid());
}

#[test]
fn scenario_survives_json_and_fills_missing_fields() {
    let s = Scenario::default();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Scenario>(&text).unwrap(), s);
    let partial: Scenario = serde_json::from_str(r#"{"team":"Payments"}"#).unwrap();
    assert_eq!(partial.team, "Payments");
    assert_eq!(partial.baseline, Baseline::default());
}
