//! The Teams table: each row's cells and the reasons a team needs
//! attention, sorting and filtering.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod teams_fixture;

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, GoalId, Level, Measure, MetricTarget};
use flywheel_core::model::import::Measured;
use flywheel_core::model::slo::Incident;
use flywheel_core::model::teams::rows::{rows, Context, GoalSet, TeamRow};
use flywheel_core::model::teams::table::{compare, sort, visible, Column, Filter, Order};
use flywheel_core::model::teams::{Source, TeamId, Teams};
use flywheel_core::model::{Edition, Metric, Scenario};
use teams_fixture::scenario;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn goal(title: &str, measure: Option<Measure>, target: f64, deadline: Option<NaiveDate>) -> Goal {
    Goal {
        target: measure.map(|measure| MetricTarget { measure, target }),
        deadline,
        // Started well before: a deadline may not come before its start,
        // and one goal's deadline has already passed.
        start: Some(day(2026, 1, 5)),
        ..Goal::new(Level::Operational, title, today())
    }
}

/// A bad minute count `minutes` long at full share on 3 Nov 2026, in a
/// 30-day window from 1 Nov: a 99.9% SLO leaves 0.001 × 30 × 1,440 =
/// 43.2 minutes of budget.
fn with_incident(mut s: Scenario, minutes: f64) -> Scenario {
    s.slo.window_start = Some(day(2026, 11, 1));
    s.slo.incidents.push(Incident {
        start: day(2026, 11, 3).and_hms_opt(14, 5, 0).unwrap(),
        minutes,
        share: 100.0,
    });
    s
}

fn add(teams: &mut Teams, s: Scenario) -> TeamId {
    match teams.add(s, Source::Link) {
        flywheel_core::model::teams::Added::Added { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

fn context(runs: &[(TeamId, Vec<(GoalId, f64)>)]) -> Context<'_> {
    Context {
        edition: Edition::Y2024,
        today: today(),
        runs,
    }
}

#[test]
fn a_row_states_each_metric_in_natural_units_with_its_tier_and_score() {
    let mut teams = Teams::new();
    add(&mut teams, scenario("Fast", 2.0, 12.0, 5.0, 0.5));
    // 0.02 a day is 0.02 × 365/12 = 0.608 a month; 2,160 h is 90 days;
    // 200 h is 8.33 days.
    add(&mut teams, scenario("Slow", 0.02, 2160.0, 40.0, 200.0));
    let r = rows(&teams, &context(&[]));
    let cells = |row: &TeamRow| -> Vec<(String, String, String)> {
        row.metrics
            .iter()
            .map(|c| (c.value_words(), c.tier_words(), c.score_words()))
            .collect()
    };
    let w = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // Scores: bucket 6 → 10, bucket 5 → 8; (100 − 5)/10 = 9.5; rework
    // (100 − 12)/10 = 8.8. Peers (mean ± sd/2): 4.8 ± 1.4, 5.5 ± 1.2,
    // 8.1 ± 1.05, 7.4 ± 1.05, 7.8 ± 1.1 (DORA 2025's published sds), so
    // rework's 8.8 is within 7.8 ± 1.1: near peers.
    assert_eq!(
        cells(&r[0]),
        [
            w("2 per day", "Elite", "10 of 10, above peers"),
            w("12 hours", "Elite", "8 of 10, above peers"),
            w("5%", "Elite", "9.5 of 10, above peers"),
            w("30 minutes", "Elite", "10 of 10, above peers"),
            w("12%", "No 2024 tiers", "8.8 of 10, near peers"),
        ]
    );
    // Slow: 0.02 a day and 2,160 h are bucket 2 → score 2; 200 h is
    // bucket 3 (one week to one month) → 4; (100 − 40)/10 = 6.
    assert_eq!(
        cells(&r[1]),
        [
            w("0.6 per month", "Low", "2 of 10, below peers"),
            w("90 days", "Low", "2 of 10, below peers"),
            w("40%", "Low", "6 of 10, below peers"),
            w("8.3 days", "Low", "4 of 10, below peers"),
            w("12%", "No 2024 tiers", "8.8 of 10, near peers"),
        ]
    );
    assert_eq!(
        r[1].attention_words(),
        [
            "Deployment frequency is in the lowest 2024 tier, Low",
            "Lead time for changes is in the lowest 2024 tier, Low",
            "Change failure rate is in the lowest 2024 tier, Low",
            "Failed deployment recovery time is in the lowest 2024 tier, Low",
        ]
    );
    assert!(!r[0].needs_attention());
}

#[test]
fn a_shared_range_is_not_the_lowest_tier_but_a_value_beyond_the_worst_is() {
    let mut teams = Teams::new();
    // 2021 change failure rate: 16–30% is one range for High, Medium and
    // Low; 40% is beyond it.
    add(&mut teams, scenario("Shared", 2.0, 0.5, 20.0, 0.5));
    add(&mut teams, scenario("Beyond", 2.0, 0.5, 40.0, 0.5));
    let runs = [];
    let ctx = Context {
        edition: Edition::Y2021,
        ..context(&runs)
    };
    let r = rows(&teams, &ctx);
    let cfr = |row: &TeamRow| row.metric(Metric::ChangeFailureRate).unwrap().tier_words();
    assert_eq!(cfr(&r[0]), "High – Low");
    assert!(r[0].attention.is_empty());
    assert_eq!(cfr(&r[1]), "Low, beyond the published range");
    assert_eq!(
        r[1].attention_words(),
        ["Change failure rate is in the lowest 2021 tier, Low"]
    );
}

/// A team with six goals, one of each kind the table tells apart.
fn goal_kinds() -> Scenario {
    let lead = Some(Measure::Baseline(Metric::LeadTime));
    let mut s = scenario("Goals", 1.0, 120.0, 10.0, 2.0);
    for g in [
        goal(
            "Ship within three days",
            lead.clone(),
            72.0,
            Some(day(2027, 3, 1)),
        ),
        goal(
            "Ship within four days",
            lead.clone(),
            96.0,
            Some(day(2027, 3, 1)),
        ),
        goal(
            "Ship within a day",
            lead.clone(),
            24.0,
            Some(day(2026, 10, 1)),
        ),
        goal("Ship within two days", lead.clone(), 48.0, None),
        goal("Ship within an hour", lead, 1.0, Some(day(2028, 6, 1))),
        goal(
            "Less churn",
            Some(Measure::Baseline(Metric::CodeChurn)),
            20.0,
            Some(day(2027, 3, 1)),
        ),
        goal("Be the best", None, 0.0, Some(day(2027, 3, 1))),
    ] {
        s.goals.add(g).unwrap();
    }
    s
}

#[test]
fn goals_show_their_chance_or_why_there_is_none() {
    let mut teams = Teams::new();
    let id = add(&mut teams, goal_kinds());
    let running = rows(&teams, &context(&[]));
    let row = &running[0];
    // Nothing committed: every goal with a metric target, in chain order.
    assert_eq!(row.goal_set, GoalSet::WithTargets);
    assert_eq!(
        GoalSet::WithTargets.words(),
        "No goals committed: every goal with a metric target"
    );
    let chances =
        |row: &TeamRow| -> Vec<String> { row.goals.iter().map(|g| g.chance.words()).collect() };
    assert_eq!(
        chances(row),
        [
            "Simulating…",
            "Simulating…",
            "Not simulated: its deadline has passed",
            "Not simulated: it has no deadline",
            // 1 Jun 2028 is 83 weeks away; the default horizon is 52.
            "Not simulated: its deadline is beyond the simulated weeks",
            "Not simulated: the simulation does not model this metric",
        ]
    );
    assert_eq!(
        row.goals[0].target.as_deref(),
        Some("Lead time for changes to 72 hours by 1 Mar 2027")
    );
    assert!(row.is_running());
    assert_eq!(row.lowest_chance(), None);
    assert!(!row.needs_attention(), "a running goal is not judged");

    // The run finishes: 32% and exactly 50% (not under the bar).
    let runs = [(id, vec![(1, 0.32), (2, 0.5)])];
    let done = rows(&teams, &context(&runs));
    let row = &done[0];
    assert_eq!(chances(row)[..2], ["32%", "50%"]);
    assert_eq!(row.lowest_chance(), Some(0.32));
    assert_eq!(
        row.attention_words(),
        ["“Operational: Ship within three days” has a 32% chance, under 50%"]
    );

    // Committed goals replace the rest, in the order chosen.
    teams.remove(id);
    let mut s = goal_kinds();
    s.workshop.committed = vec![7, 2];
    let id = add(&mut teams, s);
    let runs = [(id, vec![(1, 0.1), (2, 0.9)])];
    let committed = rows(&teams, &context(&runs));
    let row = &committed[0];
    assert_eq!(row.goal_set, GoalSet::Committed);
    let labels: Vec<&str> = row.goals.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Operational: Be the best",
            "Operational: Ship within four days"
        ]
    );
    assert_eq!(
        chances(row),
        ["Not simulated: it has no metric target", "90%"]
    );
    assert!(row.attention.is_empty(), "goal 1 at 10% is not committed");
}

#[test]
fn budget_status_and_baseline_date_are_stated_in_words() {
    let mut teams = Teams::new();
    add(
        &mut teams,
        with_incident(scenario("Within", 1.0, 30.0, 10.0, 2.0), 30.0),
    );
    add(
        &mut teams,
        with_incident(scenario("Spent", 1.0, 30.0, 10.0, 2.0), 60.0),
    );
    let mut clear = scenario("Clear", 1.0, 30.0, 10.0, 2.0);
    clear.measured = Some(Measured {
        from: "2026-08-24".into(),
        to: "2026-11-21".into(),
        ..Measured::default()
    });
    clear.measured.as_mut().unwrap().baseline = clear.baseline.clone();
    clear.slo.window_start = Some(day(2026, 11, 1));
    add(&mut teams, clear);
    let mut perfect = scenario("No budget", 1.0, 30.0, 10.0, 2.0);
    perfect.slo.target = 100.0;
    add(&mut teams, perfect.clone());
    perfect.team = "No budget, spent".into();
    // 10 minutes at 50% of traffic: 5 bad minutes.
    let mut perfect = with_incident(perfect, 10.0);
    perfect.slo.incidents[0].share = 50.0;
    add(&mut teams, perfect);
    let r = rows(&teams, &context(&[]));
    let words: Vec<String> = r.iter().map(TeamRow::budget_words).collect();
    assert_eq!(
        words,
        [
            // 30 / 43.2 = 69.4%; 43.2 − 30 = 13.2.
            "69% spent: 30 min of 43.2 min, 13.2 min left",
            "Spent: 60 min of bad time against a 43.2 min budget",
            "Nothing spent: 43.2 min left",
            "Nothing spent; a 100% SLO leaves no budget",
            "Spent: 5 min of bad time, and a 100% SLO leaves no budget",
        ]
    );
    assert_eq!(
        r[0].budget.unwrap().window_words(),
        "the 30 days from 1 Nov 2026"
    );
    let needs: Vec<bool> = r.iter().map(TeamRow::needs_attention).collect();
    assert_eq!(needs, [false, true, false, false, true]);
    assert_eq!(
        r[1].attention_words(),
        ["Error budget spent: 60 min of bad time against a 43.2 min budget"]
    );
    assert_eq!(r[2].baseline_date, Some(day(2026, 11, 21)));
    assert_eq!(
        r[2].baseline_date_words(),
        "21 Nov 2026 (end of the imported data)"
    );
    assert_eq!(r[0].baseline_date, None);
    assert_eq!(
        r[0].baseline_date_words(),
        "Unknown: typed in, not measured from data"
    );
}

fn names(rows: &[TeamRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn any_column_sorts_both_ways_with_missing_values_last() {
    let mut teams = Teams::new();
    let b = add(&mut teams, scenario("beta", 1.0, 48.0, 10.0, 2.0));
    let a = add(&mut teams, scenario("Alpha", 1.0, 12.0, 10.0, 2.0));
    add(&mut teams, scenario("Gamma", 1.0, 200.0, 10.0, 2.0));
    add(&mut teams, scenario("delta", 1.0, 48.0, 10.0, 2.0));
    let mut measured = scenario("Epsilon", 1.0, 30.0, 10.0, 2.0);
    measured.measured = Some(Measured {
        from: "2026-08-24".into(),
        to: "2026-11-21".into(),
        baseline: measured.baseline.clone(),
        ..Measured::default()
    });
    add(&mut teams, measured);
    let mut r = rows(&teams, &context(&[]));
    let lead = Column::Metric(Metric::LeadTime);
    sort(&mut r, lead, Order::Ascending);
    // beta and delta tie at 48 h: the name decides, ignoring case.
    assert_eq!(names(&r), ["Alpha", "Epsilon", "beta", "delta", "Gamma"]);
    sort(&mut r, lead, Order::Descending);
    assert_eq!(names(&r), ["Gamma", "beta", "delta", "Epsilon", "Alpha"]);
    sort(&mut r, Column::Name, Order::Ascending);
    assert_eq!(names(&r), ["Alpha", "beta", "delta", "Epsilon", "Gamma"]);
    sort(&mut r, Column::Name, Order::Descending);
    assert_eq!(names(&r), ["Gamma", "Epsilon", "delta", "beta", "Alpha"]);
    // Only Epsilon has a baseline date: first both ways.
    for order in [Order::Ascending, Order::Descending] {
        sort(&mut r, Column::BaselineDate, order);
        assert_eq!(names(&r)[0], "Epsilon", "{order:?}");
    }
    // Chances known for two teams; the rest are still running.
    let g = goal(
        "Ship within six hours",
        Some(Measure::Baseline(Metric::LeadTime)),
        6.0,
        Some(day(2027, 3, 1)),
    );
    let mut with_goals = Teams::new();
    let mut ids = Vec::new();
    for t in teams.teams() {
        let mut s = t.scenario.clone();
        s.goals.add(g.clone()).unwrap();
        ids.push((t.id, add(&mut with_goals, s)));
    }
    let id_of = |old: TeamId| ids.iter().find(|(o, _)| *o == old).unwrap().1;
    let runs = [(id_of(a), vec![(1, 0.8)]), (id_of(b), vec![(1, 0.3)])];
    let mut r = rows(&with_goals, &context(&runs));
    sort(&mut r, Column::Chance, Order::Ascending);
    assert_eq!(names(&r), ["beta", "Alpha", "delta", "Epsilon", "Gamma"]);
    sort(&mut r, Column::Chance, Order::Descending);
    assert_eq!(names(&r), ["Alpha", "beta", "delta", "Epsilon", "Gamma"]);
    sort(&mut r, Column::Attention, Order::Descending);
    assert_eq!(names(&r)[0], "beta", "its goal at 30% needs attention");
    assert_eq!(
        compare(&r[0], &r[0], Column::Budget, Order::Ascending),
        std::cmp::Ordering::Equal
    );
}

#[test]
fn columns_and_orders_have_keys_that_read_back() {
    for c in Column::ALL {
        assert_eq!(Column::from_key(c.key()), Some(c), "{c:?}");
        assert!(!c.title().is_empty());
    }
    assert_eq!(
        Column::from_key("lead-time"),
        Some(Column::Metric(Metric::LeadTime))
    );
    assert_eq!(Column::from_key("code-churn"), None);
    assert_eq!(Column::from_key("Name"), None);
    for o in [Order::Ascending, Order::Descending] {
        assert_eq!(Order::from_key(o.key()), Some(o));
        assert_eq!(o.toggled().toggled(), o);
        assert_ne!(o.toggled(), o);
    }
    assert_eq!(Order::Descending.aria(), "descending");
}

#[test]
fn rows_filter_by_name_and_by_needing_attention() {
    let mut teams = Teams::new();
    add(&mut teams, scenario("Payments API", 2.0, 12.0, 5.0, 0.5));
    add(&mut teams, scenario("payroll", 0.02, 2160.0, 40.0, 200.0));
    add(&mut teams, scenario("Search", 0.02, 2160.0, 40.0, 200.0));
    let r = rows(&teams, &context(&[]));
    let by_name = Filter {
        name: "  PAY ".into(),
        needs_attention: false,
    };
    let shown = visible(&r, &by_name, Column::Name, Order::Ascending);
    assert_eq!(names(&shown), ["Payments API", "payroll"]);
    assert_eq!(
        by_name.summary(shown.len(), r.len()),
        "Showing 2 of 3 teams: named like “PAY”."
    );
    let both = Filter {
        needs_attention: true,
        ..by_name
    };
    let shown = visible(&r, &both, Column::Name, Order::Ascending);
    assert_eq!(names(&shown), ["payroll"]);
    assert_eq!(
        both.summary(shown.len(), r.len()),
        "Showing 1 of 3 teams: those that need attention, named like “PAY”."
    );
    let none = Filter {
        name: "ops".into(),
        needs_attention: true,
    };
    assert!(visible(&r, &none, Column::Name, Order::Ascending).is_empty());
    assert_eq!(
        none.summary(0, 3),
        "No team matches: those that need attention, named like “ops”."
    );
    let all = Filter::default();
    assert_eq!(visible(&r, &all, Column::Name, Order::Descending).len(), 3);
    assert_eq!(all.summary(3, 3), "Showing all 3 teams.");
    assert_eq!(all.summary(1, 1), "Showing the one team.");
}
