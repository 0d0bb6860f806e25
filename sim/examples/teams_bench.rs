//! Times the Teams screen's simulations: 50 typical teams, each running its
//! own Kaizen plan at 10,000 trials × 52 weeks with its own seed, one team
//! after another, and prints the total. The browser has 5 s for all 50.
//! A second figure has every team's plan run under the error-budget
//! freeze, which adds each team's policy Monte Carlo. Each is given for
//! the runs the screen makes (the goals' chances alone) and, beside it,
//! for the full runs with every week's percentiles that the scenario's
//! own screens make.
//!
//! Run: `cargo run --release -p flywheel-sim --example teams_bench`
//!
//! Given a file of share links, one per line (the end-to-end tests'
//! `target/e2e/team-links.txt`), it times those teams instead:
//! `cargo run --release -p flywheel-sim --example teams_bench -- target/e2e/team-links.txt`

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::NaiveDate;
use flywheel_core::model::goals::templates::templates;
use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::slo::Incident;
use flywheel_core::model::teams::{Source, Team, Teams, MAX_TEAMS};
use flywheel_core::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use flywheel_core::model::{Metric, Scenario};
use flywheel_core::share::teams::add_links;
use flywheel_sim::budget::FreezeOutcome;
use flywheel_sim::goals::targets;
use flywheel_sim::scenario::{freeze_applies, plan_outcome, policy_outcome};
use flywheel_sim::teams::run_team;

/// A typical team: a varied baseline, three of the seed's example goals
/// and two of its own with deadlines inside the year, one plan, the
/// default 10,000 trials × 52 weeks, and an SLO with three incidents.
fn typical(i: usize, today: NaiveDate, freeze: bool) -> Scenario {
    let x = i as f64;
    let mut s = Scenario {
        team: format!("Team {i}"),
        ..Scenario::default()
    };
    s.baseline.deploy_frequency = Rate::new(1.0 + x % 7.0, RatePeriod::Week);
    s.baseline.lead_time = Duration::new(1.0 + x % 9.0, TimeUnit::Days);
    s.baseline.change_failure_rate = 5.0 + x % 30.0;
    s.baseline.recovery_time = Duration::new(1.0 + x % 12.0, TimeUnit::Hours);
    s.baseline.rework_rate = 4.0 + x % 15.0;
    for t in templates(today, &s.team).into_iter().take(3) {
        s.goals.add(t.goal).unwrap();
    }
    for (title, metric, target, month) in [
        ("Ship within two days", Metric::LeadTime, 48.0, 6),
        ("Halve failed changes", Metric::ChangeFailureRate, 8.0, 10),
    ] {
        s.goals
            .add(Goal {
                target: Some(MetricTarget {
                    measure: Measure::Baseline(metric),
                    target,
                }),
                deadline: NaiveDate::from_ymd_opt(2027, month, 1),
                ..Goal::new(Level::Operational, title, today)
            })
            .unwrap();
    }
    s.simulation.plans = vec![Plan::preset(Preset::Kaizen)];
    s.simulation.seed = 1_000 + i as u64;
    s.simulation.apply_freeze = freeze;
    s.slo.window_start = NaiveDate::from_ymd_opt(2026, 11, 1);
    for (d, minutes, share) in [(3, 42.0, 100.0), (9, 15.5, 25.0), (17, 120.0, 5.0)] {
        s.slo.incidents.push(Incident {
            start: NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(14, 5, 0)
                .unwrap(),
            minutes,
            share,
        });
    }
    assert!(s.is_valid());
    s
}

/// The best of `repeats` runs of `run` over every team, in seconds, and
/// the slowest team of the last.
fn time(teams: &Teams, repeats: usize, run: impl Fn(&Team) -> bool) -> (f64, f64) {
    let mut best = f64::INFINITY;
    let mut slowest = 0.0f64;
    for _ in 0..repeats {
        let start = Instant::now();
        let mut last = start;
        slowest = 0.0;
        for team in teams.teams() {
            assert!(run(team), "{} runs", team.name);
            let now = Instant::now();
            slowest = slowest.max((now - last).as_secs_f64());
            last = now;
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, slowest)
}

/// Prints the times of the screen's runs and of the full runs.
fn report(teams: &Teams, today: NaiveDate, what: &str) {
    let chances = time(teams, 3, |t| run_team(t, today).trials.is_some());
    // The full run, freeze included, as the scenario's own screens make it.
    let full = time(teams, 3, |t| {
        let s = &t.scenario;
        let freeze = freeze_applies(s)
            .then(|| FreezeOutcome::freeze(&policy_outcome(&s.slo, &s.baseline, today)));
        plan_outcome(s, &targets(&s.goals, today), freeze).is_some()
    });
    for ((best, slowest), how) in [(chances, "goals' chances"), (full, "full runs")] {
        println!(
            "{} {what}, {how}: best of 3 {:.2} s in all, {:.1} ms a team on average, slowest team {:.1} ms",
            teams.len(),
            best,
            best * 1e3 / teams.len() as f64,
            slowest * 1e3
        );
    }
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    if let Some(path) = std::env::args().nth(1) {
        let mut teams = Teams::new();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in add_links(&mut teams, &text) {
            assert!(line.result.is_ok(), "{}", line.words());
        }
        // The links' goals fall due counted from the day they were made,
        // as in the browser that opens them.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let today = chrono::DateTime::from_timestamp(now as i64, 0)
            .unwrap()
            .date_naive();
        report(&teams, today, &format!("teams from {path}"));
        return;
    }
    for freeze in [false, true] {
        let mut teams = Teams::new();
        for i in 1..=MAX_TEAMS {
            assert!(teams
                .add(typical(i, today, freeze), Source::Link)
                .is_added());
        }
        let what = if freeze {
            "teams × 10,000 trials × 52 weeks, every plan under the freeze"
        } else {
            "teams × 10,000 trials × 52 weeks"
        };
        report(&teams, today, what);
    }
}
