//! The words several screens share: how a metric is judged, what is left
//! of a budget, and how a metric moved — including 2024's change-failure
//! clusters, where a better rate can read as a lower tier.

use flywheel_core::model::compare::Change;
use flywheel_core::model::dora::classify;
use flywheel_core::model::scenario::seed_assessment;
use flywheel_core::model::units::Units;
use flywheel_core::model::wording::{judge, remaining_budget, TierMove};
use flywheel_core::model::{Edition, Metric, Tier};

#[test]
fn churn_and_defect_escape_are_judged_by_the_seed_everywhere() {
    let j = judge(Edition::Y2024, Metric::CodeChurn, 30.0);
    assert_eq!(j.label, "Above healthy");
    assert_eq!(j.basis, "seed threshold: healthy is below 25%");
    assert_eq!(
        judge(Edition::Y2021, Metric::CodeChurn, 10.0).label,
        "Healthy"
    );
    assert_eq!(
        judge(Edition::Y2024, Metric::DefectEscapeRate, 4.0).label,
        "Elite"
    );
    assert_eq!(
        judge(Edition::Y2024, Metric::DefectEscapeRate, 14.9).label,
        "Good"
    );
    assert_eq!(
        judge(Edition::Y2024, Metric::DefectEscapeRate, 15.0).label,
        "Needs attention"
    );
    // Exactly what the seed thresholds and the tier tables say, for every
    // metric and edition over a sweep of values.
    for edition in Edition::ALL {
        for metric in Metric::ALL {
            for v in [0.0, 0.5, 4.99, 5.0, 15.0, 24.9, 25.0, 60.0, 100.0, 5000.0] {
                let j = judge(edition, metric, v);
                let want = classify(edition, metric, v)
                    .map(|t| t.label())
                    .or_else(|| seed_assessment(metric, v).map(|(l, _)| l.to_string()))
                    .unwrap_or_else(|| "Not classified".to_string());
                assert_eq!(j.label, want, "{edition:?} {metric:?} {v}");
            }
        }
    }
}

#[test]
fn tiers_and_unjudged_metrics_say_what_they_rest_on() {
    let cfr = judge(Edition::Y2024, Metric::ChangeFailureRate, 18.0);
    assert_eq!(
        (cfr.label.as_str(), cfr.basis.as_str()),
        ("High", "DORA 2024 tiers")
    );
    assert_eq!(cfr.tier.unwrap().best, Tier::High);
    let slow = judge(Edition::Y2021, Metric::RecoveryTime, 24.0 * 400.0);
    assert_eq!(slow.basis, "DORA 2021 tiers");
    let beyond = judge(Edition::Y2024, Metric::LeadTime, 24.0 * 365.0);
    assert_eq!(beyond.label, "Low");
    assert_eq!(
        beyond.basis,
        "DORA 2024 tiers, beyond the worst published range"
    );
    let rework = judge(Edition::Y2024, Metric::ReworkRate, 12.0);
    assert_eq!(rework.label, "Not classified");
    assert_eq!(rework.basis, "DORA 2024 publishes no tiers for rework rate");
    assert_eq!(
        judge(Edition::Y2024, Metric::Availability, 99.9).label,
        "Not classified"
    );
    assert_eq!(
        judge(Edition::Y2024, Metric::CodeChurn, f64::NAN).basis,
        "no value to judge"
    );
}

#[test]
fn the_remaining_budget_reads_the_same_on_every_screen() {
    // 99.9% over 30 days is 43.2 minutes; 66.5 spent leaves −23.3.
    assert_eq!(
        remaining_budget(43.2 - 66.5),
        "Overspent by 23.3 minutes (23 m 18 s)"
    );
    assert_eq!(remaining_budget(21.6), "21.6 minutes (21 m 36 s) left");
    assert_eq!(remaining_budget(0.0), "Exactly spent: nothing left");
    assert_eq!(remaining_budget(0.5), "30 seconds left");
    assert_eq!(remaining_budget(f64::NAN), "—");
}

#[test]
fn a_better_change_failure_rate_in_a_lower_2024_tier_is_explained_as_better() {
    // 18% is nearest the High cluster's 20% (2 points, against Medium's 8);
    // 7.9% is nearest Medium's 10% (2.1 points, against Elite's 2.9).
    let m = TierMove::new(Edition::Y2024, Metric::ChangeFailureRate, 18.0, 7.9);
    assert_eq!(m.from_tier.unwrap().best, Tier::High);
    assert_eq!(m.to_tier.unwrap().best, Tier::Medium);
    assert_eq!(m.value_change, Some(Change::Better));
    assert_eq!(m.tier_change, Some(Change::Worse));
    assert!(m.tiers_disagree());
    assert_eq!(
        m.describe(Units::default()),
        "Change failure rate improved from 18% to 7.9%; its DORA 2024 tier reads Medium after High. \
         In the DORA 2024 report the Medium cluster's change failure rate (10%) is better than the \
         High cluster's (20%), so the tiers are not in order for this metric: judge the change by \
         the value, which improved."
    );
    // And back: a worse rate that reads as a higher tier.
    let back = TierMove::new(Edition::Y2024, Metric::ChangeFailureRate, 7.9, 18.0);
    assert_eq!(back.value_change, Some(Change::Worse));
    assert!(back.explanation().unwrap().ends_with("which got worse."));
}

#[test]
fn moves_that_agree_with_the_tiers_read_plainly() {
    let lead = TierMove::new(Edition::Y2024, Metric::LeadTime, 120.0, 20.0);
    assert!(!lead.tiers_disagree());
    assert_eq!(lead.explanation(), None);
    assert_eq!(
        lead.describe(Units::default()),
        "Lead time for changes improved from 120 hours to 20 hours: from High to Elite (DORA 2024)."
    );
    let cfr = TierMove::new(Edition::Y2023, Metric::ChangeFailureRate, 12.0, 11.0);
    assert_eq!(
        cfr.describe(Units::default()),
        "Change failure rate improved from 12% to 11%; still Medium (DORA 2023)."
    );
    let same = TierMove::new(Edition::Y2024, Metric::ChangeFailureRate, 18.0, 18.0);
    assert_eq!(
        same.describe(Units::default()),
        "Change failure rate is unchanged at 18%: High (DORA 2024)."
    );
    let rework = TierMove::new(Edition::Y2024, Metric::ReworkRate, 12.0, 8.0);
    assert_eq!(
        rework.describe(Units::default()),
        "Rework rate improved from 12% to 8%."
    );
    let worse = TierMove::new(
        Edition::Y2024,
        Metric::DeployFrequency,
        1.0 / 7.0,
        1.0 / 30.0,
    );
    assert_eq!(
        worse.describe(Units::default()),
        "Deployment frequency worsened from 1 deploy per week to 0.23 deploys per week: from High to Medium (DORA 2024)."
    );
    assert_eq!(
        TierMove::new(Edition::Y2024, Metric::LeadTime, f64::NAN, 3.0).describe(Units::default()),
        "Lead time for changes: no value to compare."
    );
}
