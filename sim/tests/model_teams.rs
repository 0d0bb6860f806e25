//! Many teams' simulations: each team runs its own plan, seed and trials,
//! one team at a time, and its chances are the ones its own screens show.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::slo::Incident;
use flywheel_core::model::teams::rows::{not_simulated, rows, Chance, Context};
use flywheel_core::model::teams::{Source, Team, Teams};
use flywheel_core::model::{Edition, Metric, Scenario};
use flywheel_sim::budget::FreezeOutcome;
use flywheel_sim::goals::targets;
use flywheel_sim::monte_carlo::Counted;
use flywheel_sim::scenario::{freeze_applies, plan_count, policy_outcome, run_scenario};
use flywheel_sim::teams::{chances, run_team, run_teams};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 1, 1)
}

fn goal(title: &str, metric: Option<Metric>, target: f64, deadline: Option<NaiveDate>) -> Goal {
    Goal {
        target: metric.map(|m| MetricTarget {
            measure: Measure::Baseline(m),
            target,
        }),
        deadline,
        // Started well before: a deadline may not come before its start,
        // and one goal's deadline has already passed.
        start: Some(NaiveDate::from_ymd_opt(2025, 6, 2).unwrap()),
        ..Goal::new(Level::Operational, title, today())
    }
}

/// A team with goals of every kind the simulation tells apart, and few
/// trials so the unoptimised test build stays quick.
fn team(name: &str, seed: u64, trials: u32) -> Scenario {
    let mut s = Scenario {
        team: name.into(),
        ..Scenario::default()
    };
    s.simulation.seed = seed;
    s.simulation.trials = trials;
    s.simulation.horizon_weeks = 26;
    s.slo.policy.trials = 20;
    for g in [
        goal(
            "Three-day lead time",
            Some(Metric::LeadTime),
            72.0,
            Some(day(2026, 5, 1)),
        ),
        goal(
            "Fewer failures",
            Some(Metric::ChangeFailureRate),
            12.0,
            Some(day(2026, 6, 1)),
        ),
        goal(
            "Lead time, past",
            Some(Metric::LeadTime),
            72.0,
            Some(day(2025, 12, 1)),
        ),
        goal("Lead time, undated", Some(Metric::LeadTime), 72.0, None),
        // Week 35 of a 26-week horizon.
        goal(
            "Lead time, later",
            Some(Metric::LeadTime),
            72.0,
            Some(day(2026, 9, 1)),
        ),
        // 1 Jul 2026 is 181 days away: week 26, the horizon's last.
        goal(
            "Recovery by the horizon",
            Some(Metric::RecoveryTime),
            3.0,
            Some(day(2026, 7, 1)),
        ),
        goal(
            "Less churn",
            Some(Metric::CodeChurn),
            20.0,
            Some(day(2026, 5, 1)),
        ),
        goal("No target", None, 0.0, Some(day(2026, 5, 1))),
    ] {
        s.goals.add(g).unwrap();
    }
    s.goals.0[1].guard = Some(flywheel_core::model::goals::Guard {
        metric: Metric::DeployFrequency,
        limit: 0.05,
    });
    s
}

/// The counts of a team's run as the Teams screen makes it: its chosen
/// plan, under the freeze when its scenario says so, goals alone.
fn run_count(t: &Team) -> Counted {
    let s = &t.scenario;
    let freeze = freeze_applies(s)
        .then(|| FreezeOutcome::freeze(&policy_outcome(&s.slo, &s.baseline, today())));
    plan_count(s, &targets(&s.goals, today()), freeze).unwrap()
}

#[test]
fn a_team_runs_as_its_scenario_does_on_its_own_screens() {
    let plain = team("Payments", 7, 300);
    let mut frozen = team("Search", 8, 400);
    // An unreliable team with a tight SLO whose plan runs under the freeze.
    frozen.baseline.change_failure_rate = 60.0;
    frozen.slo.target = 99.99;
    frozen.simulation.apply_freeze = true;
    frozen.slo.incidents.push(Incident {
        start: day(2026, 1, 1).and_hms_opt(9, 0, 0).unwrap(),
        minutes: 30.0,
        share: 100.0,
    });
    let mut teams = Teams::new();
    teams.add(plain, Source::Link);
    teams.add(frozen, Source::Working);
    for t in teams.teams() {
        let alone = run_scenario(&t.scenario, today());
        let run = run_team(t, today());
        assert_eq!(run.team, t.id);
        assert_eq!(run.chances, chances(&alone), "{}", t.name);
        // The same run: its trials, and every goal's figures, not only the
        // chance the table shows (`model_count` holds this for any run).
        let alone_outcome = alone.outcome.as_ref().unwrap();
        assert_eq!(run.trials, Some(alone_outcome.trials), "{}", t.name);
        let counted = run_count(t);
        assert_eq!(counted.targets, alone_outcome.targets, "{}", t.name);
        // Goals 1, 2, 5 and 6 are counted (5 past the horizon, at 0).
        let counted: Vec<u32> = run.chances.iter().map(|(g, _)| *g).collect();
        assert_eq!(counted, [1, 2, 5, 6], "{}", t.name);
    }
    let without_freeze = {
        let mut s = teams.teams()[1].clone();
        s.scenario.simulation.apply_freeze = false;
        run_team(&s, today())
    };
    assert_ne!(
        without_freeze.chances,
        run_team(&teams.teams()[1], today()).chances,
        "the freeze policy shapes the frozen team's run"
    );
}

#[test]
fn teams_run_one_at_a_time_each_with_its_own_settings() {
    let mut teams = Teams::new();
    for (i, trials) in [300, 500, 1_000].into_iter().enumerate() {
        teams.add(
            team(&format!("Team {i}"), 100 + i as u64, trials),
            Source::Link,
        );
    }
    let mut runs = run_teams(&teams, today());
    let first = runs.next().unwrap();
    assert_eq!(first.team, teams.teams()[0].id);
    let rest: Vec<_> = runs.collect();
    assert_eq!(rest.len(), 2);
    let trials: Vec<u32> = std::iter::once(&first)
        .chain(&rest)
        .map(|r| r.trials.unwrap())
        .collect();
    assert_eq!(trials, [300, 500, 1_000]);
    // Same settings but another seed: other numbers.
    let mut reseeded = teams.teams()[0].clone();
    reseeded.scenario.simulation.seed += 1;
    assert_ne!(run_team(&reseeded, today()).chances, first.chances);
}

#[test]
fn the_table_says_not_simulated_exactly_where_the_simulation_has_no_figure() {
    let s = team("Payments", 1, 300);
    let horizon = s.simulation.horizon_weeks;
    let counted = targets(&s.goals, today());
    for g in &s.goals.0 {
        let within = counted
            .iter()
            .any(|(id, t)| *id == g.id && t.week <= horizon);
        assert_eq!(
            not_simulated(g, horizon, today()).is_none(),
            within,
            "{}",
            g.title
        );
    }
}

#[test]
fn chances_fill_the_rows_in_as_runs_finish() {
    let mut teams = Teams::new();
    teams.add(team("A", 1, 300), Source::Link);
    teams.add(team("B", 2, 300), Source::Link);
    let mut finished = Vec::new();
    let mut running = Vec::new();
    for run in run_teams(&teams, today()) {
        finished.push((run.team, run.chances.clone()));
        let ctx = Context {
            edition: Edition::Y2024,
            today: today(),
            runs: &finished,
        };
        running.push(rows(&teams, &ctx).iter().filter(|r| r.is_running()).count());
        let row = rows(&teams, &ctx)
            .into_iter()
            .find(|r| r.id == run.team)
            .unwrap();
        let shown: Vec<(u32, f64)> = row
            .goals
            .iter()
            .filter_map(|g| match g.chance {
                Chance::Known(p) => Some((g.id, p)),
                _ => None,
            })
            .collect();
        // Goal 5's deadline is past the horizon: the row says so rather
        // than show the simulation's 0%.
        let expected: Vec<(u32, f64)> = run
            .chances
            .iter()
            .copied()
            .filter(|(g, _)| *g != 5)
            .collect();
        assert_eq!(shown, expected);
        assert!(shown.iter().all(|(_, p)| (0.0..=1.0).contains(p)));
    }
    assert_eq!(running, [1, 0]);
}
