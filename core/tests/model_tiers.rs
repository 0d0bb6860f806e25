//! Tier boundaries for every edition, both sides of each threshold
//! (domain.md §2), plus the profile sentence.

use flywheel_core::model::dora::{classify, profile_summary, ranges};
use flywheel_core::model::units::{DAYS_PER_MONTH, HOURS_PER_MONTH};
use flywheel_core::model::{Edition, Metric, Tier};

const EPS: f64 = 1e-9;
const MONTHLY: f64 = 1.0 / DAYS_PER_MONTH;
const SIX_MONTHLY: f64 = 1.0 / (6.0 * DAYS_PER_MONTH);
const MONTH_H: f64 = HOURS_PER_MONTH;

/// Asserts the verdict's label ("High" or "High – Low") and beyond flag.
fn check(edition: Edition, metric: Metric, value: f64, label: &str, beyond: bool) {
    let v = classify(edition, metric, value)
        .unwrap_or_else(|| panic!("{edition:?} {metric:?} {value} unclassified"));
    assert_eq!(v.label(), label, "{edition:?} {metric:?} at {value}");
    assert_eq!(
        v.beyond_range, beyond,
        "{edition:?} {metric:?} at {value} beyond"
    );
}

#[test]
fn edition_2021() {
    use Metric::*;
    let e = Edition::Y2021;
    check(e, DeployFrequency, 1.0 + EPS, "Elite", false);
    check(e, DeployFrequency, 1.0, "High", false);
    check(e, DeployFrequency, MONTHLY, "High", false);
    check(e, DeployFrequency, MONTHLY - EPS, "Medium", false);
    check(e, DeployFrequency, SIX_MONTHLY, "Medium", false);
    check(e, DeployFrequency, SIX_MONTHLY - EPS, "Low", false);
    check(e, DeployFrequency, 0.0, "Low", false);
    check(e, LeadTime, 1.0 - EPS, "Elite", false);
    check(e, LeadTime, 1.0, "High", false);
    check(e, LeadTime, 168.0, "High", false);
    check(e, LeadTime, 168.0 + EPS, "Medium", false);
    check(e, LeadTime, 6.0 * MONTH_H, "Medium", false);
    check(e, LeadTime, 6.0 * MONTH_H + EPS, "Low", false);
    check(e, RecoveryTime, 1.0 - EPS, "Elite", false);
    check(e, RecoveryTime, 1.0, "High", false);
    check(e, RecoveryTime, 24.0 - EPS, "High", false);
    check(e, RecoveryTime, 24.0, "Medium", false);
    check(e, RecoveryTime, 168.0, "Medium", false);
    check(e, RecoveryTime, 168.0 + EPS, "Low", false);
    check(e, ChangeFailureRate, 15.0, "Elite", false);
    check(e, ChangeFailureRate, 15.0 + EPS, "High – Low", false);
    check(e, ChangeFailureRate, 30.0, "High – Low", false);
    check(e, ChangeFailureRate, 30.0 + EPS, "Low", true);
}

#[test]
fn edition_2022_has_no_elite() {
    use Metric::*;
    let e = Edition::Y2022;
    assert!(!e.tiers().contains(&Tier::Elite));
    check(e, DeployFrequency, 50.0, "High", false);
    check(e, DeployFrequency, 1.0, "Medium", false);
    check(e, DeployFrequency, MONTHLY, "Medium", false);
    check(e, DeployFrequency, MONTHLY - EPS, "Low", false);
    check(e, DeployFrequency, SIX_MONTHLY - EPS, "Low", true);
    check(e, LeadTime, 0.1, "High", false);
    check(e, LeadTime, 168.0, "High", false);
    check(e, LeadTime, 168.0 + EPS, "Medium", false);
    check(e, LeadTime, MONTH_H, "Medium", false);
    check(e, LeadTime, MONTH_H + EPS, "Low", false);
    check(e, LeadTime, 6.0 * MONTH_H + EPS, "Low", true);
    check(e, RecoveryTime, 24.0 - EPS, "High", false);
    check(e, RecoveryTime, 24.0, "Medium", false);
    check(e, RecoveryTime, 168.0 + EPS, "Low", false);
    check(e, RecoveryTime, MONTH_H + EPS, "Low", true);
    check(e, ChangeFailureRate, 15.0, "High", false);
    check(e, ChangeFailureRate, 15.0 + EPS, "Medium", false);
    check(e, ChangeFailureRate, 30.0, "Medium", false);
    // 30–46% is a gap between Medium and Low: the lower tier.
    check(e, ChangeFailureRate, 40.0, "Low", false);
    check(e, ChangeFailureRate, 60.0, "Low", false);
    check(e, ChangeFailureRate, 60.0 + EPS, "Low", true);
}

#[test]
fn edition_2023() {
    use Metric::*;
    let e = Edition::Y2023;
    check(e, DeployFrequency, 1.0 + EPS, "Elite", false);
    check(e, DeployFrequency, 1.0, "High", false);
    check(e, DeployFrequency, 1.0 / 7.0, "High", false);
    check(e, DeployFrequency, 1.0 / 7.0 - EPS, "Medium", false);
    check(e, DeployFrequency, MONTHLY, "Medium", false);
    check(e, DeployFrequency, MONTHLY - EPS, "Low", false);
    check(e, LeadTime, 24.0 - EPS, "Elite", false);
    check(e, LeadTime, 24.0, "High", false);
    check(e, LeadTime, 168.0, "High", false);
    check(e, LeadTime, 168.0 + EPS, "Medium", false);
    check(e, LeadTime, MONTH_H, "Medium", false);
    check(e, LeadTime, MONTH_H + EPS, "Low", false);
    check(e, RecoveryTime, 1.0 - EPS, "Elite", false);
    check(e, RecoveryTime, 1.0, "High", false);
    check(e, RecoveryTime, 24.0, "Medium", false);
    check(e, RecoveryTime, 168.0 + EPS, "Low", false);
    check(e, ChangeFailureRate, 5.0, "Elite", false);
    check(e, ChangeFailureRate, 5.0 + EPS, "High", false);
    check(e, ChangeFailureRate, 10.0, "High", false);
    check(e, ChangeFailureRate, 10.0 + EPS, "Medium", false);
    check(e, ChangeFailureRate, 15.0, "Medium", false);
    check(e, ChangeFailureRate, 15.0 + EPS, "Low", false);
}

#[test]
fn edition_2024() {
    use Metric::*;
    let e = Edition::Y2024;
    check(e, DeployFrequency, 1.0 + EPS, "Elite", false);
    check(e, DeployFrequency, 1.0 / 7.0, "High", false);
    check(e, DeployFrequency, 1.0 / 7.0 - EPS, "Medium", false);
    check(e, DeployFrequency, MONTHLY, "Medium", false);
    check(e, DeployFrequency, MONTHLY - EPS, "Low", false);
    check(e, DeployFrequency, SIX_MONTHLY, "Low", false);
    check(e, DeployFrequency, SIX_MONTHLY - EPS, "Low", true);
    check(e, LeadTime, 24.0 - EPS, "Elite", false);
    check(e, LeadTime, 24.0, "High", false);
    check(e, LeadTime, 168.0 + EPS, "Medium", false);
    check(e, LeadTime, MONTH_H + EPS, "Low", false);
    check(e, LeadTime, 6.0 * MONTH_H + EPS, "Low", true);
    check(e, RecoveryTime, 1.0 - EPS, "Elite", false);
    check(e, RecoveryTime, 1.0, "High – Medium", false);
    check(e, RecoveryTime, 24.0 - EPS, "High – Medium", false);
    // 1 day – 1 week is a gap before Low's "1 week – 1 month".
    check(e, RecoveryTime, 24.0, "Low", false);
    check(e, RecoveryTime, MONTH_H, "Low", false);
    check(e, RecoveryTime, MONTH_H + EPS, "Low", true);
}

#[test]
fn change_failure_rate_2024_is_not_monotone() {
    use Metric::ChangeFailureRate as Cfr;
    let e = Edition::Y2024;
    // Cluster values 5 (Elite), 10 (Medium), 20 (High), 40 (Low):
    // boundaries sit halfway between neighbouring values.
    check(e, Cfr, 0.0, "Elite", false);
    check(e, Cfr, 7.5 - EPS, "Elite", false);
    check(e, Cfr, 7.5 + EPS, "Medium", false);
    check(e, Cfr, 15.0 - EPS, "Medium", false);
    check(e, Cfr, 15.0 + EPS, "High", false);
    check(e, Cfr, 30.0 - EPS, "High", false);
    check(e, Cfr, 30.0 + EPS, "Low", false);
    check(e, Cfr, 100.0, "Low", false);
    // A tie goes to the better tier.
    check(e, Cfr, 7.5, "Elite", false);
}

#[test]
fn rework_rate_has_no_tiers_and_nan_is_never_classified() {
    for e in Edition::ALL {
        assert!(classify(e, Metric::ReworkRate, 10.0).is_none());
        assert!(classify(e, Metric::LeadTime, f64::NAN).is_none());
        assert!(classify(e, Metric::LeadTime, f64::INFINITY).is_none());
        for m in [
            Metric::DeployFrequency,
            Metric::LeadTime,
            Metric::RecoveryTime,
        ] {
            assert!(!ranges(e, m).is_empty(), "{e:?} {m:?} has a legend");
        }
    }
}

#[test]
fn editions_round_trip_through_their_year() {
    for e in Edition::ALL {
        assert_eq!(Edition::from_year(e.year()), Some(e));
    }
    assert_eq!(Edition::default(), Edition::Y2024);
    assert_eq!(Edition::from_year(2025), None);
}

#[test]
fn profile_is_stated_per_tier_not_averaged() {
    let e = Edition::Y2024;
    let verdicts: Vec<_> = [
        (Metric::DeployFrequency, 3.0),
        (Metric::LeadTime, 2.0),
        (Metric::RecoveryTime, 5.0),
        (Metric::ChangeFailureRate, 40.0),
    ]
    .into_iter()
    .map(|(m, v)| (m, classify(e, m, v)))
    .collect();
    assert_eq!(
        profile_summary(&verdicts),
        "Elite on 2 of 4, Low on 1 of 4, a shared range on 1 of 4 metrics."
    );
}
