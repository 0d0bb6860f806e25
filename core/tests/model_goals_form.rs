//! The goal editor's rules: picker options, the defaults a goal gets when a
//! metric or guard is picked, the owner a new goal starts with, the typing
//! rule in the unit shown, a refused deadline's words, check-ins beside
//! their pace, putting a deleted goal back, and showing the baseline in
//! other units without changing it.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::smart::PaceStatus;
use flywheel_core::model::goals::{
    CheckIn, Goal, Guard, Level, Measure, MeasureChoice, MetricTarget, BETTER_IS,
    DEFAULT_CFR_LIMIT, MAX_VALUE, NO_GUARD, TOP_OF_CHAIN,
};
use flywheel_core::model::units::{RatePeriod, TimeUnit, Units};
use flywheel_core::model::validate::{parse_number, InputError};
use flywheel_core::model::{Baseline, Duration, Metric, Scenario};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_metric_picker_offers_none_each_metric_and_another_measure() {
    let all = MeasureChoice::all();
    assert_eq!(all.len(), Metric::ALL.len() + 2);
    assert_eq!(all[0], MeasureChoice::None);
    assert_eq!(all[0].name(), "No metric");
    assert_eq!(all[1], MeasureChoice::Metric(Metric::ALL[0]));
    assert_eq!(all.last().unwrap().name(), "Another measure");
    assert_eq!(
        MeasureChoice::Metric(Metric::LeadTime).name(),
        "Lead time for changes"
    );
    assert_eq!(MeasureChoice::of(None), MeasureChoice::None);
    let b = Baseline::default();
    for choice in all {
        let t = MetricTarget::default_for(choice, &b);
        assert_eq!(MeasureChoice::of(t.as_ref()), choice);
    }
}

#[test]
fn a_picked_metric_starts_at_its_baseline_and_another_measure_at_the_seed_example() {
    let b = Baseline::default();
    assert_eq!(MetricTarget::default_for(MeasureChoice::None, &b), None);
    let lead = MetricTarget::default_for(MeasureChoice::Metric(Metric::LeadTime), &b).unwrap();
    assert_eq!(lead.measure, Measure::Baseline(Metric::LeadTime));
    assert_eq!(lead.target, 120.0, "5 days, in hours");
    // An optional metric left empty starts at 0.
    let churn = MetricTarget::default_for(MeasureChoice::Metric(Metric::CodeChurn), &b).unwrap();
    assert_eq!(churn.target, 0.0);
    let other = MetricTarget::default_for(MeasureChoice::Other, &b).unwrap();
    assert_eq!(
        other.measure,
        Measure::Custom {
            name: "P95 API response time".to_string(),
            unit: "ms".to_string(),
            baseline: 300.0,
            higher_is_better: false,
        }
    );
    assert_eq!(other.target, 300.0);
    assert_eq!(BETTER_IS, [(false, "lower"), (true, "higher")]);
}

#[test]
fn a_guard_starts_at_15_percent_cfr_or_else_at_the_baseline() {
    let b = Baseline {
        rework_rate: 9.5,
        availability: None,
        ..Baseline::default()
    };
    let cfr = Guard::default_for(Metric::ChangeFailureRate, &b);
    assert_eq!(cfr.limit, DEFAULT_CFR_LIMIT);
    assert_eq!(cfr.limit, 15.0);
    assert_eq!(cfr.bound_words(), "at most");
    assert_eq!(Guard::default_for(Metric::ReworkRate, &b).limit, 9.5);
    assert_eq!(Guard::default_for(Metric::RecoveryTime, &b).limit, 6.0);
    let uptime = Guard::default_for(Metric::Availability, &b);
    assert_eq!(uptime.limit, 0.0, "empty baseline");
    assert_eq!(uptime.bound_words(), "at least");

    let options = Guard::options();
    assert_eq!(options[0], (None, NO_GUARD));
    let metrics: Vec<_> = options.iter().filter_map(|(m, _)| *m).collect();
    assert!(metrics.contains(&Metric::ChangeFailureRate));
    assert!(!metrics.contains(&Metric::DeployFrequency));
    assert!(!metrics.contains(&Metric::LeadTime));
}

#[test]
fn a_new_goal_is_owned_by_the_team() {
    let mut s = Scenario {
        team: "Payments".to_string(),
        ..Scenario::default()
    };
    let today = date(2026, 3, 1);
    let id = s
        .add_goal(Goal {
            owner: "someone else".to_string(),
            ..Goal::new(Level::Operational, "Ship smaller changes", today)
        })
        .unwrap();
    let g = s.goals.get(id).unwrap();
    assert_eq!(g.owner, "Payments");
    assert_eq!(g.start, Some(today));
}

#[test]
fn values_are_typed_in_the_unit_they_are_shown_in() {
    let days = Units {
        lead: TimeUnit::Days,
        ..Units::default()
    };
    let lead = Measure::Baseline(Metric::LeadTime);
    assert_eq!(lead.to_display(96.0, days), 4.0);
    assert_eq!(lead.from_display(4.0, days), 96.0);
    let rule = lead.number_rule(days);
    assert_eq!(rule.unit, "days");
    assert_eq!(rule.max, MAX_VALUE / 24.0);
    assert!(parse_number("41666666", rule).is_ok());
    assert!(matches!(
        parse_number("41666667", rule),
        Err(InputError::TooLarge(_))
    ));
    // Rounding at the very top never leaves the model's range.
    assert!(lead.from_display(rule.max, days) <= MAX_VALUE);

    let cfr = Measure::Baseline(Metric::ChangeFailureRate);
    assert_eq!(cfr.number_rule(days).max, 100.0);
    assert_eq!(cfr.from_display(12.5, days), 12.5);
    let custom = Measure::example_custom();
    assert_eq!(custom.number_rule(days).max, MAX_VALUE);
    assert_eq!(custom.to_display(300.0, days), 300.0);
}

#[test]
fn parents_offered_are_the_top_of_the_chain_and_goals_outside_the_subtree() {
    let mut s = Scenario::default();
    let today = date(2026, 3, 1);
    let top = s
        .add_goal(Goal::new(Level::Strategy, "Be trusted", today))
        .unwrap();
    let mid = s
        .add_goal(Goal {
            parent: Some(top),
            ..Goal::new(Level::Operational, "Ship weekly", today)
        })
        .unwrap();
    let low = s
        .add_goal(Goal {
            parent: Some(mid),
            ..Goal::new(Level::Technical, "Automate releases", today)
        })
        .unwrap();
    let for_new = s.goals.parent_choices(None);
    assert_eq!(for_new[0], (None, TOP_OF_CHAIN.to_string()));
    assert_eq!(for_new.len(), 4);
    assert_eq!(for_new[1], (Some(top), "Strategy: Be trusted".to_string()));
    let for_mid = s.goals.parent_choices(Some(mid));
    let ids: Vec<_> = for_mid.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, vec![None, Some(top)], "not itself, not {low} below it");
}

#[test]
fn a_deadline_before_the_start_is_refused_in_the_smart_checks_words_when_past() {
    let today = date(2026, 3, 1);
    let mut g = Goal::new(Level::Operational, "Ship weekly", today);
    assert_eq!(
        g.change_deadline(Some(date(2001, 1, 31)), today),
        Err("The deadline (31 Jan 2001) has passed. Pick a date in the future.".to_string())
    );
    assert_eq!(g.deadline, None, "refused: nothing changed");
    // A start in the future: a deadline after today but before it.
    g.set_start(Some(date(2026, 6, 1))).unwrap();
    assert_eq!(
        g.change_deadline(Some(date(2026, 5, 1)), today),
        Err("The deadline cannot be before the start (1 Jun 2026).".to_string())
    );
    assert_eq!(g.change_deadline(Some(date(2026, 12, 31)), today), Ok(()));
    assert_eq!(g.deadline, Some(date(2026, 12, 31)));
    // A start in the past lets a past deadline stand (the SMART check
    // then fails it).
    g.set_start(Some(date(2000, 6, 1))).unwrap();
    assert_eq!(g.change_deadline(Some(date(2001, 1, 31)), today), Ok(()));
    assert_eq!(g.change_deadline(None, today), Ok(()));
    assert_eq!(g.deadline, None);
}

#[test]
fn check_ins_are_listed_with_their_pace_or_without_when_it_cannot_be_judged() {
    let b = Baseline::default();
    let mut g = Goal {
        target: Some(MetricTarget {
            measure: Measure::Baseline(Metric::ChangeFailureRate),
            target: 8.0,
        }),
        ..Goal::new(Level::Operational, "Fewer failed changes", date(2026, 1, 1))
    };
    g.record(CheckIn::typed(date(2026, 2, 1), 17.0)).unwrap();
    // No deadline yet: listed, not judged.
    let rows = g.readings(&b);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, None);
    g.set_deadline(Some(date(2026, 12, 31))).unwrap();
    let rows = g.readings(&b);
    assert_eq!(rows[0].0.actual, 17.0);
    assert_eq!(rows[0].1.unwrap().status, PaceStatus::OnTrack);
    // Edited, then deleted.
    g.edit_check_in(date(2026, 2, 1), CheckIn::typed(date(2026, 3, 1), 18.0))
        .unwrap();
    assert_eq!(g.readings(&b)[0].1.unwrap().status, PaceStatus::AtRisk);
    assert!(g
        .record(CheckIn::typed(date(2025, 12, 1), 18.0))
        .unwrap_err()
        .contains("cannot come before the goal's start"));
    assert!(g.remove_check_in(date(2026, 3, 1)).is_some());
    assert!(g.readings(&b).is_empty());
}

#[test]
fn a_deleted_goal_comes_back_where_it_was_with_its_children() {
    let mut s = Scenario::default();
    let today = date(2026, 3, 1);
    let a = s.add_goal(Goal::new(Level::Strategy, "A", today)).unwrap();
    let b = s
        .add_goal(Goal {
            parent: Some(a),
            ..Goal::new(Level::Operational, "B", today)
        })
        .unwrap();
    let c = s
        .add_goal(Goal {
            parent: Some(b),
            ..Goal::new(Level::Technical, "C", today)
        })
        .unwrap();
    let before = s.goals.clone();
    let removed = s.remove_goal(b).unwrap();
    assert_eq!(s.goals.get(c).unwrap().parent, Some(a));
    assert_eq!(s.restore_goal_as(removed.clone()), Some(b));
    assert_eq!(s.goals, before);
    // Its id taken meanwhile: back under a fresh one, still in place.
    s.remove_goal(c).unwrap();
    let removed = s.remove_goal(b).unwrap();
    let d = s
        .add_goal(Goal::new(Level::Initiative, "D", today))
        .unwrap();
    assert_eq!(d, b, "the largest id is free again");
    let back = s.restore_goal_as(removed).unwrap();
    assert_ne!(back, d);
    assert_eq!(s.goals.0[1].id, back);
    assert_eq!(s.goals.get(back).unwrap().title, "B");
}

#[test]
fn the_baseline_is_shown_in_other_units_without_changing_its_values() {
    let mut s = Scenario::default();
    s.baseline.lead_time = Duration::new(4.0, TimeUnit::Days);
    let units = s.baseline.units();
    let offered = units.choices(Metric::LeadTime);
    let names: Vec<_> = offered.iter().map(|(_, n)| *n).collect();
    assert_eq!(names, ["minutes", "hours", "days"]);
    assert!(offered.iter().any(|(u, _)| *u == units));
    assert!(units.choices(Metric::ChangeFailureRate).is_empty());
    let periods: Vec<_> = units
        .choices(Metric::DeployFrequency)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(
        periods,
        ["deploys per day", "deploys per week", "deploys per month"]
    );

    // A lead time typed as 4 days reads "4 days"; shown in hours, 96.
    let lead = Measure::Baseline(Metric::LeadTime);
    assert_eq!(lead.describe(96.0, units), "4 days");
    let hours = offered[1].0;
    s.set_units(hours);
    assert_eq!(s.baseline.lead_time, Duration::new(96.0, TimeUnit::Hours));
    assert_eq!(s.baseline.value(Metric::LeadTime), Some(96.0));
    assert_eq!(lead.describe(96.0, s.baseline.units()), "96 hours");
    // Deployment frequency keeps its value too.
    let per_day = s.baseline.value(Metric::DeployFrequency).unwrap();
    let weekly = Units {
        per: RatePeriod::Week,
        ..s.baseline.units()
    };
    s.set_units(weekly);
    assert_eq!(s.baseline.deploy_frequency.per, RatePeriod::Week);
    let now = s.baseline.value(Metric::DeployFrequency).unwrap();
    assert!((now - per_day).abs() < 1e-12);
}
