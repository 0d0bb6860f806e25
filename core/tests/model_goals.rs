//! Goals: the chain (tree, moves, cycles, removal), every SMART criterion and
//! lint rule on both sides, the seed's six example goals, the required-rate
//! formula and progress pace.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::lint::{self, Lint};
use flywheel_core::model::goals::smart::{
    self, achievable, classify_pace, measurable, pace, relevant, required_rate, specific,
    time_bound, Context, Criterion, PaceStatus,
};
use flywheel_core::model::goals::templates::templates;
use flywheel_core::model::goals::{
    parse_title, CheckIn, Goal, Goals, Guard, Level, Measure, MetricTarget, MoveError, Node,
};
use flywheel_core::model::{Baseline, Edition, Metric, Scenario};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 280 days (40 weeks) before 31 Dec 2026.
fn today() -> NaiveDate {
    date(2026, 3, 26)
}

fn baseline() -> Baseline {
    // The seed's team: 2 deploys a month, 5-day lead time, 18% CFR, 6 h recovery.
    Baseline::default()
}

fn metric_goal(metric: Metric, target: f64, deadline: NaiveDate) -> Goal {
    Goal {
        owner: "Payments".to_string(),
        so_that: "customers get fixes sooner".to_string(),
        target: Some(MetricTarget {
            measure: Measure::Baseline(metric),
            target,
        }),
        deadline: Some(deadline),
        ..Goal::new(Level::Operational, "Improve it", today())
    }
}

fn ctx<'a>(b: &'a Baseline, goals: &'a Goals) -> Context<'a> {
    Context {
        baseline: b,
        edition: Edition::Y2024,
        today: today(),
        goals,
    }
}

// ---- the required rate (domain.md §4) ----

#[test]
fn two_a_month_to_four_a_week_is_the_seeds_8_7x() {
    // 2 per month is 2 / (365/12) per day; 4 per week is 4/7 per day. The
    // ratio is (4/7)·(365/24) = 1460/168 = 8.690…, which domain.md §4
    // states as "an 8.7× increase".
    let from = baseline().value(Metric::DeployFrequency).unwrap();
    let to = 4.0 / 7.0;
    let r = required_rate(from, to, 40.0).unwrap();
    assert!((r.factor - 1460.0 / 168.0).abs() < 1e-9, "{}", r.factor);
    assert_eq!(format!("{:.1}", r.factor), "8.7");
    // 8.690^(1/40) − 1 = 5.55…%
    assert!((r.weekly - 0.05554).abs() < 1e-4, "{}", r.weekly);
    assert_eq!(r.words(), "needs 8.7× in 40 weeks: 5.6% better every week");
}

#[test]
fn lower_is_better_rates_read_as_lower_every_week() {
    let r = required_rate(300.0, 200.0, 13.0).unwrap();
    assert!(r.weekly < 0.0);
    // (2/3)^(1/13) − 1 = −3.07%
    assert_eq!(
        r.words(),
        "needs 0.67× (33% lower) in 13 weeks: 3.1% lower every week"
    );
}

#[test]
fn required_rate_refuses_zero_and_nonsense() {
    assert!(required_rate(0.0, 1.0, 10.0).is_none());
    assert!(required_rate(1.0, 0.0, 10.0).is_none());
    assert!(required_rate(1.0, 2.0, 0.0).is_none());
    assert!(required_rate(f64::NAN, 2.0, 3.0).is_none());
    // Plain compounding check (domain.md §4): 1.01^52 = 1.678.
    let r = required_rate(1.0, 1.678, 52.0).unwrap();
    assert!((r.weekly - 0.01).abs() < 1e-4);
}

// ---- Specific ----

#[test]
fn specific_needs_one_metric_one_owner_and_a_direction() {
    let b = baseline();
    let good = metric_goal(Metric::LeadTime, 48.0, date(2026, 12, 31));
    let c = specific(&good, &b);
    assert!(c.pass, "{c:?}");
    assert_eq!(c.criterion, Criterion::Specific);
    assert!(c.reason.contains("Lead time for changes"));
    assert!(c.fix.is_empty());

    let mut no_owner = good.clone();
    no_owner.owner = "  ".to_string();
    let c = specific(&no_owner, &b);
    assert!(!c.pass);
    assert_eq!(c.reason, "No team or service owns it.");

    let mut no_metric = good.clone();
    no_metric.target = None;
    assert!(!specific(&no_metric, &b).pass);

    let mut untitled = good.clone();
    untitled.title = " ".to_string();
    assert_eq!(specific(&untitled, &b).reason, "The goal has no title.");
}

#[test]
fn a_target_equal_to_the_baseline_or_the_wrong_way_is_named() {
    let b = baseline();
    // Lead time baseline is 5 days = 120 hours, typed in days, so the
    // messages speak in days: 200 h = 8.33 days.
    let equal = metric_goal(Metric::LeadTime, 120.0, date(2026, 12, 31));
    let c = specific(&equal, &b);
    assert!(!c.pass);
    assert_eq!(
        c.reason,
        "The target equals the baseline (5 days): set a target that improves on it."
    );
    let wrong = metric_goal(Metric::LeadTime, 200.0, date(2026, 12, 31));
    let c = specific(&wrong, &b);
    assert_eq!(
        c.reason,
        "Lead time for changes is better lower, but the target (8.33 days) is above the baseline (5 days)."
    );
    let a = achievable(&wrong, &b, Edition::Y2024, today(), None);
    assert!(!a.pass);
    assert!(!a.reason.contains("NaN"));
    let fewer_deploys = metric_goal(Metric::DeployFrequency, 0.01, date(2026, 12, 31));
    assert!(specific(&fewer_deploys, &b)
        .reason
        .contains("is better higher, but the target (0.3 deploys per month) is below"));
}

// ---- Measurable ----

#[test]
fn measurable_needs_metric_baseline_target_and_unit() {
    let b = baseline();
    let good = metric_goal(Metric::DeployFrequency, 4.0 / 7.0, date(2026, 12, 31));
    let c = measurable(&good, &b);
    assert!(c.pass);
    // Typed as 2 a month, so read per month: 4 a week is 4 ÷ 7 × 365 ÷ 12
    // = 17.38 a month.
    assert_eq!(
        c.reason,
        "Deployment frequency from 2 deploys per month to 17.38 deploys per month."
    );

    let no_baseline = metric_goal(Metric::CodeChurn, 20.0, date(2026, 12, 31));
    let c = measurable(&no_baseline, &b);
    assert!(!c.pass);
    assert_eq!(c.fix, "Enter it on the Baseline screen.");

    let mut vague = good.clone();
    vague.target = None;
    assert!(!measurable(&vague, &b).pass);
}

// ---- Achievable ----

#[test]
fn achievable_within_the_hsbc_anchor_passes() {
    let b = baseline();
    // CFR 18% → 9% within a year: halving, inside "quarter every year".
    let g = metric_goal(Metric::ChangeFailureRate, 9.0, date(2026, 12, 31));
    let c = achievable(&g, &b, Edition::Y2024, today(), None);
    assert!(c.pass, "{c:?}");
    assert!(
        c.reason.contains("within HSBC's anchor of quartering"),
        "{}",
        c.reason
    );
}

#[test]
fn achievable_one_tier_up_passes_but_a_leap_fails() {
    let b = baseline();
    // 2/month → 4/week: 8.7×, beyond doubling, but Medium → High in 2024.
    let g = metric_goal(Metric::DeployFrequency, 4.0 / 7.0, date(2026, 12, 31));
    let c = achievable(&g, &b, Edition::Y2024, today(), None);
    assert!(c.pass, "{c:?}");
    assert!(c
        .reason
        .starts_with("Needs 8.7× in 40 weeks: 5.6% better every week"));
    assert!(c.reason.contains("Medium → High"));

    // 2/month → 3 a day in 8 weeks: Medium → Elite, two tiers.
    let leap = metric_goal(Metric::DeployFrequency, 3.0, date(2026, 5, 21));
    let c = achievable(&leap, &b, Edition::Y2024, today(), None);
    assert!(!c.pass, "{c:?}");
    assert!(
        c.reason.contains("2 tiers up (Medium → Elite)"),
        "{}",
        c.reason
    );
    assert!(!c.fix.is_empty());

    // One tier in under a quarter is too fast: 2/month → 4/week in 6 weeks.
    let rushed = metric_goal(Metric::DeployFrequency, 4.0 / 7.0, date(2026, 5, 7));
    let c = achievable(&rushed, &b, Edition::Y2024, today(), None);
    assert!(!c.pass, "{c:?}");
    assert!(
        c.reason.contains("1 tiers up") || c.reason.contains("tier"),
        "{}",
        c.reason
    );

    // The same leap is a stretch a strategy goal may hold.
    let mut stretch = leap.clone();
    stretch.level = Level::Strategy;
    assert!(achievable(&stretch, &b, Edition::Y2024, today(), None).pass);
}

#[test]
fn a_simulated_chance_replaces_the_heuristic() {
    let b = baseline();
    let g = metric_goal(Metric::DeployFrequency, 4.0 / 7.0, date(2026, 12, 31));
    let low = achievable(&g, &b, Edition::Y2024, today(), Some(0.2));
    assert!(!low.pass);
    assert!(low.reason.contains("20% of simulated futures"));
    assert!(achievable(&g, &b, Edition::Y2024, today(), Some(0.8)).pass);
}

#[test]
fn achievable_needs_a_target_and_a_future_deadline() {
    let b = baseline();
    let past = metric_goal(Metric::LeadTime, 48.0, date(2026, 1, 1));
    assert!(!achievable(&past, &b, Edition::Y2024, today(), None).pass);
    let zero = metric_goal(Metric::ChangeFailureRate, 0.0, date(2026, 12, 31));
    let c = achievable(&zero, &b, Edition::Y2024, today(), None);
    assert!(!c.pass);
    assert!(c.reason.contains("zero"));
}

// ---- Relevant ----

#[test]
fn relevant_needs_a_parent_or_a_so_that() {
    let mut goals = Goals::default();
    let parent = goals
        .add(Goal::new(
            Level::Business,
            "Win the enterprise market",
            today(),
        ))
        .unwrap();
    let mut g = metric_goal(Metric::LeadTime, 48.0, date(2026, 12, 31));
    assert!(relevant(&g, &goals).pass);
    g.so_that.clear();
    let c = relevant(&g, &goals);
    assert!(!c.pass);
    assert_eq!(
        c.fix,
        "Put it under the goal it serves, or add a \"so that\"."
    );
    g.parent = Some(parent);
    let c = relevant(&g, &goals);
    assert!(c.pass);
    assert_eq!(
        c.reason,
        "It serves the business goal \"Win the enterprise market\"."
    );
}

// ---- Time-bound ----

#[test]
fn time_bound_needs_a_future_deadline() {
    let mut g = metric_goal(Metric::LeadTime, 48.0, date(2026, 12, 31));
    let c = time_bound(&g, today());
    assert!(c.pass);
    assert_eq!(c.reason, "Due 31 Dec 2026, 40 weeks from today.");
    g.deadline = Some(today());
    assert_eq!(
        time_bound(&g, today()).reason,
        "The deadline (26 Mar 2026) is today."
    );
    g.deadline = Some(date(2025, 12, 31));
    let c = time_bound(&g, today());
    assert!(!c.pass);
    assert_eq!(c.reason, "The deadline (31 Dec 2025) has passed.");
    assert_eq!(c.fix, "Pick a date in the future.");
    g.deadline = None;
    assert!(!time_bound(&g, today()).pass);
}

// ---- lints ----

#[test]
fn technology_first_flags_a_solution_without_an_outcome() {
    let g = Goal::new(Level::Technical, "Adopt Kubernetes", today());
    let f = lint::technology_first(&g).unwrap();
    assert_eq!(f.lint.name(), "technology first");
    assert!(f.rewrite.contains("\"Adopt Kubernetes\" as the initiative"));
    let mut with_outcome = g.clone();
    with_outcome.so_that = "teams can ship without waiting for ops".to_string();
    assert!(lint::technology_first(&with_outcome).is_none());
    let outcome_title = Goal::new(Level::Operational, "Halve lead time", today());
    assert!(lint::technology_first(&outcome_title).is_none());
}

#[test]
fn stops_too_soon_flags_no_target_and_no_so_that() {
    let g = Goal::new(Level::Operational, "Improve reliability", today());
    assert_eq!(lint::stops_too_soon(&g).unwrap().lint, Lint::StopsTooSoon);
    let mut told = g.clone();
    told.so_that = "on-call sleeps through the night".to_string();
    assert!(lint::stops_too_soon(&told).is_none());
    let numbered = metric_goal(Metric::RecoveryTime, 1.0, date(2026, 12, 31));
    assert!(lint::stops_too_soon(&numbered).is_none());
}

#[test]
fn requirements_flags_a_constraint_list() {
    let g = Goal::new(
        Level::Business,
        "99.95% uptime; PCI compliance; audit logs",
        today(),
    );
    let f = lint::requirements(&g).unwrap();
    assert_eq!(f.lint.name(), "requirements, not a goal");
    assert!(f.rewrite.contains("guards"));
    let single = Goal::new(
        Level::Operational,
        "Cut lead time for changes to one day",
        today(),
    );
    assert!(lint::requirements(&single).is_none());
}

#[test]
fn goodhart_warns_on_an_unguarded_throughput_goal() {
    let mut g = metric_goal(Metric::DeployFrequency, 1.0, date(2026, 12, 31));
    let f = lint::goodhart(&g).unwrap();
    assert_eq!(f.lint, Lint::Goodhart);
    assert!(f
        .rewrite
        .contains("change failure rate stays at or below 15%"));
    g.guard = Some(Guard {
        metric: Metric::ChangeFailureRate,
        limit: 15.0,
    });
    assert!(lint::goodhart(&g).is_none());
    // A guard on another throughput metric does not count.
    g.guard = Some(Guard {
        metric: Metric::LeadTime,
        limit: 24.0,
    });
    assert!(lint::goodhart(&g).is_some());
    // Stability goals need no guard.
    let cfr = metric_goal(Metric::ChangeFailureRate, 10.0, date(2026, 12, 31));
    assert!(lint::goodhart(&cfr).is_none());
    assert_eq!(
        Guard {
            metric: Metric::ChangeFailureRate,
            limit: 15.0
        }
        .describe(Default::default()),
        "Change failure rate stays at or below 15%"
    );
}

// ---- the seed's six examples ----

fn verdicts(goal: &Goal) -> (Vec<(Criterion, bool)>, Vec<Lint>) {
    let b = baseline();
    let goals = Goals::default();
    let checks = smart::check_all(goal, ctx(&b, &goals), None);
    (
        checks.iter().map(|c| (c.criterion, c.pass)).collect(),
        lint::lint(goal).iter().map(|f| f.lint).collect(),
    )
}

fn all_pass(checks: &[(Criterion, bool)]) -> bool {
    checks.iter().all(|(_, p)| *p)
}

#[test]
fn the_seeds_six_examples_are_classified_as_the_seed_classifies_them() {
    let t = templates(today(), "Payments");
    assert_eq!(t.len(), 6);
    let by = |key: &str| t.iter().find(|x| x.key == key).unwrap().goal.clone();

    // "Reduce P95 API response time from 300ms to 200ms within Q3": SMART.
    let (checks, lints) = verdicts(&by("latency"));
    assert!(all_pass(&checks), "{checks:?}");
    assert!(lints.is_empty(), "{lints:?}");

    // "Increase deployment frequency from 2x/month to 4x/week by EOY by
    // implementing a fully automated CI/CD pipeline": SMART, and not
    // technology first (it states the outcome); being a throughput goal it
    // carries the Goodhart warning until a guard is added.
    let deploys = by("deploys");
    let (checks, lints) = verdicts(&deploys);
    assert!(all_pass(&checks), "{checks:?}");
    assert_eq!(lints, vec![Lint::Goodhart]);
    assert_eq!(deploys.deadline, Some(date(2026, 12, 31)));

    // "Migrate to a streaming platform": technology first.
    let (checks, lints) = verdicts(&by("streaming"));
    assert!(lints.contains(&Lint::TechnologyFirst));
    assert!(!all_pass(&checks));

    // Stops too soon.
    let (checks, lints) = verdicts(&by("lead-time"));
    assert_eq!(lints, vec![Lint::StopsTooSoon]);
    assert!(!all_pass(&checks));

    // Requirements, not a goal.
    let (checks, lints) = verdicts(&by("requirements"));
    assert!(lints.contains(&Lint::Requirements));
    assert!(!lints.contains(&Lint::TechnologyFirst));
    assert!(!all_pass(&checks));

    // A learning goal: time-bound, its output is a decision.
    let (checks, lints) = verdicts(&by("learning"));
    assert!(all_pass(&checks), "{checks:?}");
    assert!(lints.is_empty(), "{lints:?}");
}

#[test]
fn templates_are_never_born_late() {
    let late = date(2026, 11, 22);
    let t = templates(late, "Team");
    for x in &t {
        if let Some(d) = x.goal.deadline {
            assert!(d > late, "{} due {d}", x.key);
        }
    }
    // Late in the year "by EOY" is next year's end, and still SMART.
    let deploys = t.iter().find(|x| x.key == "deploys").unwrap();
    assert_eq!(deploys.goal.deadline, Some(date(2027, 12, 31)));
    let latency = t.iter().find(|x| x.key == "latency").unwrap();
    assert_eq!(latency.goal.deadline, Some(date(2027, 9, 30)));
    let b = baseline();
    let goals = Goals::default();
    let c = Context {
        today: late,
        ..ctx(&b, &goals)
    };
    assert!(smart::check_all(&deploys.goal, c, None)
        .iter()
        .all(|c| c.pass));
}

// ---- the chain ----

fn chain() -> (Goals, u32, u32, u32) {
    let mut goals = Goals::default();
    let s = goals
        .add(Goal::new(
            Level::Strategy,
            "Be the fastest bank to ship",
            today(),
        ))
        .unwrap();
    let o = goals
        .add(Goal {
            parent: Some(s),
            ..Goal::new(Level::Operational, "Deploy weekly", today())
        })
        .unwrap();
    let t = goals
        .add(Goal {
            parent: Some(o),
            ..Goal::new(Level::Technical, "Automate the pipeline", today())
        })
        .unwrap();
    (goals, s, o, t)
}

#[test]
fn the_chain_is_a_tree_in_insertion_order() {
    let (goals, s, o, t) = chain();
    assert_eq!((s, o, t), (1, 2, 3));
    assert_eq!(
        goals.tree(),
        vec![Node {
            id: s,
            children: vec![Node {
                id: o,
                children: vec![Node {
                    id: t,
                    children: vec![]
                }]
            }]
        }]
    );
    assert_eq!(goals.ancestors(t), vec![o, s]);
    assert!(goals.is_valid());
}

#[test]
fn moving_under_a_descendant_is_a_cycle_and_is_refused() {
    let (mut goals, s, o, t) = chain();
    assert_eq!(goals.move_under(s, Some(t)), Err(MoveError::Cycle));
    assert_eq!(goals.move_under(o, Some(o)), Err(MoveError::OwnParent));
    assert_eq!(goals.move_under(o, Some(99)), Err(MoveError::UnknownParent));
    assert!(MoveError::Cycle.message().contains("loop"));
    // Nothing changed.
    assert_eq!(goals.get(s).unwrap().parent, None);
    // Moving sideways is fine; the options exclude the goal and those below it.
    assert_eq!(goals.move_under(t, Some(s)), Ok(()));
    assert_eq!(goals.get(t).unwrap().parent, Some(s));
    let options: Vec<u32> = goals.parent_options(Some(o)).iter().map(|g| g.id).collect();
    assert_eq!(options, vec![s, t]);
    let options: Vec<u32> = goals.parent_options(Some(s)).iter().map(|g| g.id).collect();
    assert!(options.is_empty());
}

#[test]
fn removing_a_goal_moves_its_children_up() {
    let (mut goals, s, o, t) = chain();
    goals.remove(o).unwrap();
    assert_eq!(goals.get(t).unwrap().parent, Some(s));
    assert_eq!(goals.len(), 2);
    // Ids are never reused while a higher one exists.
    let n = goals
        .add(Goal::new(Level::Initiative, "x", today()))
        .unwrap();
    assert_eq!(n, 4);
}

#[test]
fn a_corrupt_loop_is_invalid_but_still_drawn() {
    let (mut goals, s, _, t) = chain();
    goals.get_mut(s).unwrap().parent = Some(t);
    assert!(!goals.is_valid());
    let drawn = goals.tree();
    assert_eq!(drawn.len(), 3, "every goal in the loop surfaces: {drawn:?}");
    // ancestors() terminates.
    assert_eq!(goals.ancestors(s).len(), 2);
}

#[test]
fn scenario_validation_covers_goals() {
    let mut s = Scenario::default();
    assert!(s.is_valid());
    let (goals, _, _, t) = chain();
    s.goals = goals;
    assert!(s.is_valid());
    s.goals
        .get_mut(t)
        .unwrap()
        .check_ins
        .push(CheckIn::typed(today(), f64::NAN));
    assert!(!s.is_valid());
    s.goals.get_mut(t).unwrap().check_ins.clear();
    s.goals.get_mut(t).unwrap().title = "   ".to_string();
    assert!(!s.is_valid());
    s.goals.get_mut(t).unwrap().title = "ok".to_string();
    s.goals.get_mut(t).unwrap().target = Some(MetricTarget {
        measure: Measure::Baseline(Metric::ChangeFailureRate),
        target: 140.0,
    });
    assert!(!s.is_valid());
}

#[test]
fn scenarios_without_goals_still_load_and_goals_round_trip() {
    let old = r#"{"team":"A","edition":"Y2024","baseline":{}}"#;
    let s: Scenario = serde_json::from_str(old).unwrap();
    assert!(s.goals.is_empty());
    let mut s = Scenario::default();
    for t in templates(today(), "A") {
        s.goals.add(t.goal).unwrap();
    }
    let text = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    assert!(back.is_valid());
}

#[test]
fn titles_are_checked() {
    assert_eq!(
        parse_title("   "),
        Err("Enter a title: what should change?".to_string())
    );
    assert_eq!(parse_title(" Ship ").unwrap(), "Ship");
    assert!(parse_title(&"x".repeat(201)).is_err());
}

// ---- progress pace (UpRaise, domain.md §6) ----

#[test]
fn pace_thresholds_are_upraises() {
    assert_eq!(classify_pace(1.2), PaceStatus::OnTrack);
    assert_eq!(classify_pace(0.95), PaceStatus::OnTrack);
    assert_eq!(classify_pace(0.9499), PaceStatus::Lagging);
    assert_eq!(classify_pace(0.75), PaceStatus::Lagging);
    assert_eq!(classify_pace(0.7499), PaceStatus::AtRisk);
    assert_eq!(classify_pace(-1.0), PaceStatus::AtRisk);
}

#[test]
fn check_ins_are_judged_against_the_linear_path() {
    let b = baseline();
    // Lead time 120 h → 24 h over 100 days from 1 Jan 2026.
    let mut g = metric_goal(Metric::LeadTime, 24.0, date(2026, 4, 11));
    g.start = Some(date(2026, 1, 1));
    let mid = date(2026, 2, 20); // day 50: the path is at 72 h
    g.record(CheckIn::typed(mid, 72.0)).unwrap();
    let r = pace(&g, &b);
    assert_eq!(r.len(), 1);
    assert!((r[0].expected - 72.0).abs() < 1e-9);
    assert_eq!(r[0].status, PaceStatus::OnTrack);
    // 80 h: 40 of the 48 hours due, 0.83 of pace.
    g.record(CheckIn::typed(mid, 80.0)).unwrap();
    let r = pace(&g, &b);
    assert_eq!(r.len(), 1, "same date replaces");
    assert!((r[0].ratio - 40.0 / 48.0).abs() < 1e-9);
    assert_eq!(r[0].status, PaceStatus::Lagging);
    // 100 h: 20 of 48, at risk.
    g.record(CheckIn::typed(mid, 100.0)).unwrap();
    assert_eq!(pace(&g, &b)[0].status, PaceStatus::AtRisk);
    // Check-ins stay sorted; nonsense is refused.
    g.record(CheckIn::typed(date(2026, 1, 15), 110.0)).unwrap();
    assert_eq!(g.check_ins[0].date, date(2026, 1, 15));
    assert!(g.record(CheckIn::typed(mid, f64::NAN)).is_err());
    // No pace without a valid target.
    g.target.as_mut().unwrap().target = 120.0;
    assert!(pace(&g, &b).is_empty());
}

#[test]
fn a_goal_is_named_by_its_level_and_title() {
    let g = Goal::new(Level::Operational, "  Ship within three days ", today());
    assert_eq!(g.label(), "Operational: Ship within three days");
}

// ---- dates and check-ins kept consistent ----

#[test]
fn a_check_in_before_the_goal_s_start_is_refused_with_a_reason() {
    let mut g = metric_goal(Metric::LeadTime, 24.0, date(2026, 12, 31));
    assert_eq!(g.start, Some(today()));
    let early = CheckIn::typed(date(2026, 3, 1), 100.0);
    assert_eq!(
        g.record(early),
        Err("A check-in cannot come before the goal's start (26 Mar 2026): a reading from before then belongs to the baseline. Move the start date first if it was earlier.".to_string())
    );
    assert!(g.check_ins.is_empty());
    // On the start date itself it is fine.
    g.record(CheckIn::typed(today(), 110.0)).unwrap();
    // A percentage beyond 100, a subnormal or a date past 2100 is refused.
    let mut cfr = metric_goal(Metric::ChangeFailureRate, 10.0, date(2026, 12, 31));
    let on = |actual| CheckIn::typed(date(2026, 6, 1), actual);
    assert!(cfr.record(on(140.0)).unwrap_err().contains("0 to 100"));
    assert!(cfr.record(on(5e-324)).is_err());
    assert!(cfr
        .record(CheckIn::typed(date(2101, 1, 1), 5.0))
        .unwrap_err()
        .contains("from 2000 to 2100"));
    assert!(cfr.record(on(12.5)).is_ok());
}

#[test]
fn check_ins_can_be_edited_moved_and_deleted() {
    let mut g = metric_goal(Metric::LeadTime, 24.0, date(2026, 12, 31));
    for (m, v) in [(4, 110.0), (5, 100.0), (6, 90.0)] {
        g.record(CheckIn::typed(date(2026, m, 1), v)).unwrap();
    }
    // Edit the value in place.
    g.edit_check_in(date(2026, 5, 1), CheckIn::typed(date(2026, 5, 1), 95.0))
        .unwrap();
    assert_eq!(g.check_ins[1].actual, 95.0);
    // Move it to a later date: the order follows.
    g.edit_check_in(date(2026, 5, 1), CheckIn::typed(date(2026, 7, 1), 95.0))
        .unwrap();
    let dates: Vec<_> = g.check_ins.iter().map(|c| c.date).collect();
    assert_eq!(
        dates,
        vec![date(2026, 4, 1), date(2026, 6, 1), date(2026, 7, 1)]
    );
    // Not onto another reading's date, not before the start, not a ghost.
    let onto = g.edit_check_in(date(2026, 7, 1), CheckIn::typed(date(2026, 6, 1), 1.0));
    assert_eq!(
        onto,
        Err(
            "There is already a check-in on 1 Jun 2026: edit that one, or delete it first."
                .to_string()
        )
    );
    assert!(g
        .edit_check_in(date(2026, 7, 1), CheckIn::typed(date(2026, 1, 1), 1.0))
        .is_err());
    assert_eq!(
        g.edit_check_in(date(2026, 8, 1), g.check_ins[0]),
        Err("There is no check-in on 1 Aug 2026 any more.".to_string())
    );
    // Delete one, and get it back for an undo.
    let removed = g.remove_check_in(date(2026, 6, 1)).unwrap();
    assert_eq!(removed.actual, 90.0);
    assert_eq!(g.check_ins.len(), 2);
    assert_eq!(g.remove_check_in(date(2026, 6, 1)), None);
    g.record(removed).unwrap();
    assert_eq!(g.check_ins.len(), 3);
    assert!(g.is_valid());
}

#[test]
fn dates_move_only_where_they_keep_a_span_and_every_reading() {
    let mut g = metric_goal(Metric::LeadTime, 24.0, date(2026, 12, 31));
    g.record(CheckIn::typed(date(2026, 5, 1), 100.0)).unwrap();
    assert_eq!(
        g.set_deadline(Some(date(2026, 3, 1))),
        Err("The deadline cannot be before the start (26 Mar 2026).".to_string())
    );
    assert_eq!(
        g.set_start(Some(date(2027, 1, 1))),
        Err(
            "The start cannot be after the deadline (31 Dec 2026): move the deadline first."
                .to_string()
        )
    );
    assert_eq!(
        g.set_start(Some(date(2026, 6, 1))),
        Err(
            "The first check-in is on 1 May 2026: the start cannot be later than a reading."
                .to_string()
        )
    );
    assert!(g
        .set_start(Some(date(1999, 1, 1)))
        .unwrap_err()
        .contains("out of range"));
    g.set_start(Some(date(2026, 4, 30))).unwrap();
    g.set_deadline(Some(date(2026, 4, 29))).unwrap_err();
    g.set_deadline(Some(date(2026, 4, 30))).unwrap();
    g.set_deadline(None).unwrap();
    g.set_start(None).unwrap();
    assert!(g.is_valid());
    // What the checks keep out, is_valid refuses when it arrives otherwise.
    let mut bad = metric_goal(Metric::LeadTime, 24.0, date(2026, 3, 1));
    assert!(!bad.is_valid(), "deadline before start");
    bad.deadline = Some(date(2026, 12, 31));
    bad.check_ins.push(CheckIn::typed(date(2026, 1, 1), 1.0));
    assert!(!bad.is_valid(), "check-in before start");
    bad.check_ins[0].date = date(2026, 5, 1);
    bad.check_ins.push(CheckIn::typed(date(2026, 4, 1), 1.0));
    assert!(!bad.is_valid(), "out of order");
    bad.check_ins.pop();
    assert!(bad.is_valid());
    bad.start = Some(date(1999, 12, 31));
    assert!(!bad.is_valid(), "start before 2000");
}

#[test]
fn a_wrong_clock_gives_a_goal_no_start_rather_than_an_invalid_one() {
    let g = Goal::new(Level::Operational, "Ship", NaiveDate::MIN);
    assert_eq!(g.start, None);
    assert!(g.is_valid());
}

#[test]
fn goal_texts_are_one_line_without_reordering_characters() {
    assert!(parse_title("Ship\u{202E}faster")
        .unwrap_err()
        .contains("U+202E"));
    assert!(parse_title("Ship\nfaster")
        .unwrap_err()
        .contains("a line break"));
    let mut g = Goal::new(Level::Operational, "Ship", today());
    g.owner = "Ops\u{2066}team".to_string();
    assert!(!g.is_valid());
    g.owner = "Ops team".to_string();
    assert!(g.is_valid());
    assert_eq!(
        flywheel_core::model::goals::parse_goal_text("  the squad "),
        Ok("the squad".to_string())
    );
}

#[test]
fn goal_ids_never_overflow() {
    let mut goals = Goals::default();
    let mut g = Goal::new(Level::Operational, "Last", today());
    goals.add(g.clone()).unwrap();
    goals.0[0].id = u32::MAX;
    assert_eq!(goals.next_id(), u32::MAX);
    assert!(!goals.is_valid(), "an id past the cap is refused");
    goals.0[0].id = flywheel_core::model::goals::MAX_GOAL_ID;
    assert!(goals.is_valid());
    g.title = "One more".to_string();
    assert!(goals
        .add(g)
        .unwrap_err()
        .contains("used up its goal numbers"));
}
