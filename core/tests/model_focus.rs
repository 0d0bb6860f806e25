//! "Where to focus": the metric furthest behind the team's peers, ties,
//! the words a screen shows, and the goal a focus seeds.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::benchmarks::{Industry, OrgSize, PeerGroup, Peers};
use flywheel_core::model::goals::smart::target_problem;
use flywheel_core::model::goals::{Level, Measure};
use flywheel_core::model::quick_check::score;
use flywheel_core::model::standing::focus::{focus, GOAL_DAYS};
use flywheel_core::model::standing::{standings, Standing};
use flywheel_core::model::{Baseline, Duration, Metric, Rate, RatePeriod, TimeUnit};

/// A team at the top of the scale on every metric: three deploys a day,
/// half-hour lead and recovery times, no failures and no rework.
fn top() -> Baseline {
    Baseline {
        deploy_frequency: Rate::new(3.0, RatePeriod::Day),
        lead_time: Duration::new(30.0, TimeUnit::Minutes),
        change_failure_rate: 0.0,
        recovery_time: Duration::new(30.0, TimeUnit::Minutes),
        rework_rate: 0.0,
        ..Baseline::default()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn the_typical_team_should_focus_on_deployment_frequency() {
    // Default baseline against all respondents: deploy (4 − 4.8)/2.8 =
    // −0.286 is the only negative z (lead +0.208, recovery +0.286, change
    // failure +0.048, rework +0.455).
    let b = Baseline::default();
    let f = focus(&b, Peers::default()).unwrap();
    assert_eq!(f.metric, Metric::DeployFrequency);
    assert!(f.tied_with.is_empty());
    assert_eq!(f.standing.group, PeerGroup::EVERYONE);
    assert_eq!(f.headline(), "Focus on deployment frequency");
    assert_eq!(
        f.explanation(),
        "Of your five metric scores, deployment frequency is furthest below its peers: you \
         score 4.0 against 4.8 ± 2.8 for all respondents, about the 39th percentile."
    );
    let names: Vec<&str> = f.capabilities().iter().map(|l| l.capability.name).collect();
    assert_eq!(
        names,
        [
            "Continuous integration",
            "Loosely coupled teams",
            "Continuous delivery"
        ]
    );
}

#[test]
fn with_two_groups_a_metric_counts_by_the_group_it_trails_most() {
    // Deploy: Financial Services (4 − 5.1)/2.6 = −0.423 (34th) is lower
    // than 1,000–4,999 employees (4 − 4.7)/2.7 = −0.259 (40th).
    let peers = Peers {
        industry: Industry::FinancialServices,
        size: OrgSize::FewerThan5000,
    };
    let f = focus(&Baseline::default(), peers).unwrap();
    assert_eq!(f.metric, Metric::DeployFrequency);
    assert_eq!(
        f.standing.group,
        PeerGroup::Industry(Industry::FinancialServices)
    );
    assert_eq!(f.standing.percentile, 34);
}

#[test]
fn equal_standings_name_the_first_in_dora_order_and_list_the_rest() {
    // Change failure 40% scores 6.0: z = (6.0 − 8.1)/2.1 = −1; rework 44%
    // scores 5.6: z = (5.6 − 7.8)/2.2 = −1. In floating point rework's z
    // comes out a hair lower, so without the tie rule rework would win.
    let b = Baseline {
        deploy_frequency: Rate::new(2.0, RatePeriod::Week),
        lead_time: Duration::new(5.0, TimeUnit::Hours),
        change_failure_rate: 40.0,
        recovery_time: Duration::new(6.0, TimeUnit::Hours),
        rework_rate: 44.0,
        ..Baseline::default()
    };
    let rows = &standings(&b, Peers::default())[0].rows;
    let z = |m| {
        rows.iter()
            .find(|s: &&Standing| s.indicator.metric() == Some(m))
            .unwrap()
            .z
    };
    assert!(z(Metric::ReworkRate) < z(Metric::ChangeFailureRate));
    assert!((z(Metric::ReworkRate) - z(Metric::ChangeFailureRate)).abs() < 1e-12);

    let f = focus(&b, Peers::default()).unwrap();
    assert_eq!(f.metric, Metric::ChangeFailureRate);
    assert_eq!(f.tied_with, [Metric::ReworkRate]);
    assert!(f.explanation().ends_with(
        " Rework rate is equally far behind; change failure rate comes first in DORA's \
         order of the metrics."
    ));
    // The same baseline gives the same focus every time.
    assert_eq!(focus(&b, Peers::default()), Some(f));
}

#[test]
fn a_team_at_the_top_of_every_scale_has_no_focus() {
    assert_eq!(focus(&top(), Peers::default()), None);
    let broken = Baseline {
        rework_rate: f64::INFINITY,
        ..top()
    };
    assert_eq!(focus(&broken, Peers::default()), None);
}

#[test]
fn ahead_of_peers_everywhere_the_closest_to_the_mean_is_named() {
    // Change failure 5% scores 9.5: z = (9.5 − 8.1)/2.1 = +0.667; rework
    // 2% scores 9.8: z = (9.8 − 7.8)/2.2 = +0.909; the rest score 10.
    let b = Baseline {
        change_failure_rate: 5.0,
        rework_rate: 2.0,
        ..top()
    };
    let f = focus(&b, Peers::default()).unwrap();
    assert_eq!(f.metric, Metric::ChangeFailureRate);
    assert!(f.explanation().starts_with(
        "Every metric score is at or above its peers' mean; change failure rate is the \
         closest to it: you score 9.5"
    ));
    // Already better than the peers' 19%, so the seed halves the rate.
    let seed = f.seed().unwrap();
    assert_eq!(seed.target, 2.5);
    assert_eq!(seed.title, "Cut change failure rate to 2.5%");
}

#[test]
fn a_focus_seeds_a_goal_the_goals_screen_accepts() {
    let b = Baseline::default();
    let f = focus(&b, Peers::default()).unwrap();
    let seed = f.seed().unwrap();
    // Bucket 3 (2 a month) → the next answer up, once a week: 1/7 a day,
    // scoring 6 against today's 4.
    assert_eq!(seed.target, 1.0 / 7.0);
    assert_eq!(seed.title, "Deploy at least once a week");
    assert_eq!(
        seed.so_that,
        "deployment frequency moves up from about the 39th percentile for all respondents"
    );
    assert_eq!(score(Metric::DeployFrequency, seed.target), Some(6.0));

    let goal = f.goal("  Payments API ", today()).unwrap();
    assert_eq!(goal.level, Level::Operational);
    assert_eq!(goal.owner, "Payments API");
    assert_eq!(goal.title, seed.title);
    assert_eq!(goal.start, Some(today()));
    // 22 November 2026 + 91 days = 21 February 2027.
    assert_eq!(GOAL_DAYS, 91);
    assert_eq!(goal.deadline, NaiveDate::from_ymd_opt(2027, 2, 21));
    let target = goal.target.as_ref().unwrap();
    assert_eq!(target.measure, Measure::Baseline(Metric::DeployFrequency));
    assert_eq!(target_problem(&target.measure, &b, target.target), None);
    assert!(goal.is_valid());
}

#[test]
fn a_percentage_target_is_the_peers_mean_rate() {
    // Change failure 40% against all respondents' 8.1 → 100 − 81 = 19%;
    // against Financial Services' 10 − 1.7 = 8.3 → 17%.
    let b = Baseline {
        change_failure_rate: 40.0,
        ..top()
    };
    let seed = focus(&b, Peers::default()).unwrap().seed().unwrap();
    assert_eq!(
        (seed.target, seed.title.as_str()),
        (19.0, "Cut change failure rate to 19%")
    );
    assert_eq!(seed.why, "19% scores 8.1, the peers' mean.");
    let finance = Peers {
        industry: Industry::FinancialServices,
        ..Peers::default()
    };
    let seed = focus(&b, finance).unwrap().seed().unwrap();
    assert_eq!(seed.target, 17.0);
}

#[test]
fn every_answer_bucket_steps_to_the_next_one_up() {
    // Lead time alone below the top: each bucket's target lies in the
    // next answer up and scores two points more.
    let lead = [
        (
            5000.0,
            4380.0,
            "Cut lead time for changes to six months or less",
        ),
        (
            1000.0,
            730.0,
            "Cut lead time for changes to one month or less",
        ),
        (
            300.0,
            168.0,
            "Cut lead time for changes to one week or less",
        ),
        (48.0, 12.0, "Cut lead time for changes to 12 hours"),
        (5.0, 0.5, "Cut lead time for changes to 30 minutes"),
    ];
    for (hours, target, title) in lead {
        let b = Baseline {
            lead_time: Duration::new(hours, TimeUnit::Hours),
            ..top()
        };
        let seed = focus(&b, Peers::default()).unwrap().seed().unwrap();
        assert_eq!((seed.target, seed.title.as_str()), (target, title));
        let now = score(Metric::LeadTime, hours).unwrap();
        assert_eq!(
            score(Metric::LeadTime, target),
            Some(now + 2.0),
            "{hours} h"
        );
    }
    let recovery = Baseline {
        recovery_time: Duration::new(2.0, TimeUnit::Days),
        ..top()
    };
    let seed = focus(&recovery, Peers::default()).unwrap().seed().unwrap();
    assert_eq!(
        seed.title,
        "Cut failed deployment recovery time to 12 hours"
    );
    // Deploys per day: one a year, one in 60 days, one a fortnight, one
    // every two days, one a day.
    let deploys = [
        (1.0 / 365.0, "Deploy at least once every six months"),
        (1.0 / 60.0, "Deploy at least once a month"),
        (1.0 / 14.0, "Deploy at least once a week"),
        (0.5, "Deploy at least once a day"),
        (1.0, "Deploy on demand, several times a day"),
    ];
    for (per_day, title) in deploys {
        let b = Baseline {
            deploy_frequency: Rate::new(per_day, RatePeriod::Day),
            ..top()
        };
        let seed = focus(&b, Peers::default()).unwrap().seed().unwrap();
        assert_eq!(seed.title, title);
        let now = score(Metric::DeployFrequency, per_day).unwrap();
        assert_eq!(
            score(Metric::DeployFrequency, seed.target),
            Some(now + 2.0),
            "{per_day} a day"
        );
        assert!(seed
            .why
            .starts_with("It reaches the Quick Check's next answer up"));
    }
}
