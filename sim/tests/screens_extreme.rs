//! The native half of "no panic reachable from any input": every model and
//! simulation function a screen calls, run on scenarios at the edges the
//! limits allow (core's extreme and largest generators, the link fuzz's
//! seeds) and on the days a wrong browser clock can give. Nothing may
//! panic, every number a screen shows must be finite, and no text may read
//! "NaN" or "inf". Trial and quarter counts are cut so the unoptimised
//! build stays quick: the values are tested here, the sizes in
//! `model_bounds`.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Core's link tests use every generator; this file uses some of them.
#[allow(dead_code)]
#[path = "../../core/tests/links/mod.rs"]
mod links;

use chrono::NaiveDate;
use flywheel_core::chart::burn_down::{self, burn_down};
use flywheel_core::chart::fan::{self, axes, fan_on, table_weeks, FanSeries, Marker};
use flywheel_core::chart::goal_progress;
use flywheel_core::chart::histogram::{self, bars, durations};
use flywheel_core::model::compare::{
    chance_change, match_goals, metric_change, percent_difference,
};
use flywheel_core::model::dora::{profile_summary, ranges};
use flywheel_core::model::goals::lint::lint;
use flywheel_core::model::goals::smart::{check_all, pace, target_message, time_bound, Context};
use flywheel_core::model::goals::templates::templates;
use flywheel_core::model::limits;
use flywheel_core::model::plan::SIM_METRICS;
use flywheel_core::model::quick_check::{peer, versus_peer};
use flywheel_core::model::slo::{
    self, alert_table, bridge, describe_minutes, detection, freeze_periods, merge,
    postmortems_needed, short_minutes,
};
use flywheel_core::model::units::{describe_hours, format_number};
use flywheel_core::model::wording::{judge, remaining_budget, TierMove};
use flywheel_core::model::workshop::{duplicates, format_clock, Subject};
use flywheel_core::model::{Metric, Scenario};
use flywheel_core::share;
use flywheel_sim::budget::{draw_incidents, Rates};
use flywheel_sim::monte_carlo::results_csv;
use flywheel_sim::random::seeded;
use flywheel_sim::scenario::run_scenario;

/// Days a screen may take as today: the model's first and last, an
/// ordinary one, and what a broken or far-off clock gives.
fn todays() -> Vec<NaiveDate> {
    vec![
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
        NaiveDate::from_ymd_opt(2100, 12, 31).unwrap(),
        NaiveDate::MIN,
        NaiveDate::MAX,
    ]
}

fn finite(what: &str, v: f64) {
    assert!(v.is_finite(), "{what}: {v}");
}

fn readable(what: &str, text: &str) {
    assert!(
        !text.contains("NaN") && !text.contains("inf"),
        "{what}: {text}"
    );
}

/// The Baseline screen, and the tiers the Report and Compare show.
fn baseline_screen(s: &Scenario) {
    let b = &s.baseline;
    for (m, verdict) in b.tiers(s.edition) {
        readable("tier", &verdict.map(|v| v.label()).unwrap_or_default());
        let _ = ranges(s.edition, m);
    }
    readable("profile", &profile_summary(&b.tiers(s.edition)));
    for (m, score) in b.scores() {
        finite("score", score);
        if let Some(p) = peer(m) {
            readable("versus peer", versus_peer(score, p));
        }
    }
    let sub = b.sub_scores();
    finite("throughput", sub.throughput);
    finite("instability", sub.instability);
    for m in Metric::ALL {
        if let Some(v) = b.value(m) {
            finite("value", v);
            let j = judge(s.edition, m, v);
            readable("judgement", &format!("{} {}", j.label, j.basis));
            let unit = b.units().of(m);
            readable("display", &format_number(v * unit.factor, 2));
            readable("hours", &describe_hours(v));
        }
    }
}

/// The Goals screen: checks, lints, pace, the progress chart, templates.
fn goals_screen(s: &Scenario, today: NaiveDate, chance: Option<f64>) {
    let ctx = Context {
        baseline: &s.baseline,
        edition: s.edition,
        today,
        goals: &s.goals,
    };
    let _ = s.goals.tree();
    // The editor offers parents for the goal shown: the chain's ends.
    for g in [s.goals.0.first(), s.goals.0.last()].into_iter().flatten() {
        let _ = s.goals.parent_options(Some(g.id));
    }
    for g in &s.goals.0 {
        readable("label", &g.label());
        for c in check_all(g, ctx, chance) {
            readable("check", &format!("{} {}", c.reason, c.fix));
        }
        readable("time-bound", &time_bound(g, today).reason);
        for f in lint(g) {
            readable("lint", &format!("{f:?}"));
        }
        let Some(t) = &g.target else { continue };
        if let Some(msg) = target_message(&t.measure, &s.baseline, t.target) {
            readable("target message", &msg);
        }
        readable("target", &t.measure.describe(t.target, s.baseline.units()));
        for r in pace(g, &s.baseline) {
            finite("expected", r.expected);
            finite("ratio", r.ratio);
        }
        let (Some(b), Some(start), Some(deadline)) =
            (t.measure.baseline(&s.baseline), g.start, g.deadline)
        else {
            continue;
        };
        let (_, factor) = t.measure.display_unit(s.baseline.units());
        let points: Vec<_> = g
            .check_ins
            .iter()
            .map(|c| (c.date, c.actual * factor))
            .collect();
        if let Some(geo) = goal_progress::layout(
            b * factor,
            t.target * factor,
            start,
            deadline,
            &points,
            goal_progress::FRAME,
        ) {
            readable("required path", &geo.required);
            readable("actual path", &geo.actual);
            assert!(geo
                .y_ticks
                .iter()
                .all(|y| y.0.is_finite() && y.1.is_finite()));
        }
    }
    for t in templates(today, &s.team) {
        let mut goals = s.goals.clone();
        goals.0.clear();
        goals.add(t.goal.clone()).unwrap();
        assert!(goals.is_valid(), "template {} at {today}", t.key);
    }
}

/// The Error budget screen and the Report's account of it.
fn budget_screen(s: &Scenario, today: NaiveDate) {
    let slo = &s.slo;
    let start = slo.start_date(today);
    let origin = start.and_hms_opt(0, 0, 0).unwrap();
    for as_of in [origin, today.and_hms_opt(12, 0, 0).unwrap()] {
        let r = slo::report(slo, today, as_of);
        for v in [
            r.budget_minutes,
            r.spent_minutes,
            r.remaining_minutes,
            r.as_of,
        ] {
            finite("budget figure", v);
        }
        for v in [
            r.burn_rate,
            r.exhausted_at,
            r.projected_exhaustion,
            r.spent_percent(),
        ]
        .into_iter()
        .flatten()
        {
            finite("budget option", v);
        }
        readable("remaining", &remaining_budget(r.remaining_minutes));
        readable("spent", &describe_minutes(r.spent_minutes));
        readable("window", &short_minutes(r.window_minutes()));
        let t = r.window_minutes();
        let g = burn_down(&r.burn_down, 2.0 * t, t, r.budget_minutes, burn_down::FRAME);
        readable("burn-down", &g.line);
        finite("budget line", g.budget_y);
        let merged = merge(&slo.segments(origin));
        for (a, b) in freeze_periods(r.kind, &merged, r.budget_minutes, t) {
            finite("freeze from", a);
            finite("freeze until", b);
            // The Budget screen words these as dates: checked, never a panic.
            let _ = limits::add_minutes(origin, a).map(slo::format_datetime);
        }
        let _ = postmortems_needed(slo, r.budget_minutes);
        for alert in alert_table(r.days) {
            finite("factor", alert.factor);
            if let Some(d) = detection(&alert, slo.alert_error_rate / 100.0, slo.budget_ratio(), t)
            {
                finite("detection", d.minutes);
                finite("spent by detection", d.budget_spent);
            }
        }
        let br = bridge(slo, &s.baseline, r.days);
        finite("expected bad minutes", br.expected_bad_minutes);
        readable("month", &slo::format_month(r.start));
        let drawn = draw_incidents(
            Rates::from(&s.baseline, slo),
            origin,
            r.days,
            &mut seeded(slo.seed),
        );
        assert!(drawn.iter().all(|i| i.is_valid()));
    }
}

/// The Simulate screen, the Report's outlook and Compare's columns: the
/// chosen plan's run, the freeze's part, charts, the CSV and the words.
fn simulate_screen(s: &Scenario, today: NaiveDate) {
    let mut quick = s.clone();
    quick.simulation.trials = 100;
    quick.slo.policy.trials = quick.slo.policy.trials.min(10);
    let run = run_scenario(&quick, today);
    if let Some(p) = &run.policy {
        for v in [
            p.frozen_fraction,
            p.days_frozen_per_quarter,
            p.lead_time_hours_with_freeze,
        ] {
            finite("policy", v);
        }
    }
    let Some(outcome) = &run.outcome else {
        return;
    };
    for (goal, _) in &run.targets {
        let c = run.chance(*goal).unwrap();
        assert!((0.0..=1.0).contains(&c.p_both));
        readable("chance", &format!("{:?}", chance_change(c.p_both, 0.5)));
    }
    for (i, &m) in SIM_METRICS.iter().enumerate() {
        let series = outcome.series(m);
        assert!(series.iter().all(|b| [b.p10, b.p50, b.p85, b.p90, b.p95]
            .iter()
            .all(|v| v.is_finite())));
        let typical = series.last().unwrap().p50;
        let unit = quick.baseline.units().of(m);
        let marker = Some(Marker {
            value: typical * unit.factor,
            week: outcome.weeks / 2,
        });
        let fans = [FanSeries { bands: &series }];
        let a = axes(&fans, unit.factor, marker);
        let geo = fan_on(&fans, unit.factor, marker, &a, fan::FRAME.with_width(300.0));
        readable("band", &geo.band);
        assert!(geo
            .y_ticks
            .iter()
            .all(|t| t.0.is_finite() && t.1.is_finite()));
        let _ = table_weeks(a.weeks);
        let baseline = outcome.bands[0][i].p50;
        readable(
            "tier move",
            &TierMove::new(s.edition, m, baseline, typical).describe(s.baseline.units()),
        );
        readable(
            "change",
            &format!(
                "{:?}",
                metric_change(m.higher_is_better(), baseline, typical)
            ),
        );
        if let Some(d) = percent_difference(baseline, typical) {
            finite("percent difference", d);
        }
    }
    if let Some(c) = run.freeze_contribution(&quick.baseline) {
        readable("freeze summary", &c.summary());
        for m in &c.metrics {
            readable("freeze shift", &m.describe(s.baseline.units()));
        }
        for g in &c.goals {
            readable("freeze goal", &g.describe());
        }
    }
    let plan = &quick.simulation.chosen_plan().name;
    readable("csv", &results_csv(&[(plan.as_str(), outcome)]));
}

/// The Workshop screen and Compare's goal rows.
fn workshop_screen(s: &Scenario) {
    let w = &s.workshop;
    let ids = s.goals.ids();
    readable("progress", &w.progress(Subject::Goals).words());
    let mut revealed = w.clone();
    if revealed.state(Subject::Goals).is_open() {
        let _ = revealed.reveal(Subject::Goals);
    }
    for r in revealed.ranking(Subject::Goals, &ids).unwrap_or_default() {
        assert!(r.rank >= 1);
        let _ = w.credit(r.goal);
    }
    for voter in w.voters() {
        let _ = w.dots_left(voter, Subject::Goals);
    }
    let _ = duplicates(&s.goals);
    readable(
        "clock",
        &format_clock(f64::from(w.minutes[0]) * 60.0, 1e300),
    );
    let titles: Vec<&str> = s.goals.0.iter().map(|g| g.title.as_str()).collect();
    let _ = match_goals(&[titles.clone(), titles]);
}

fn every_screen(s: &Scenario) {
    assert!(
        s.is_valid(),
        "{:?}",
        flywheel_core::model::saved::problem(s)
    );
    baseline_screen(s);
    workshop_screen(s);
    for today in todays() {
        goals_screen(s, today, Some(0.5));
        budget_screen(s, today);
    }
    simulate_screen(s, NaiveDate::from_ymd_opt(2026, 3, 15).unwrap());
    if let Some(m) = &s.measured {
        let hours: Vec<f64> = m.lead_hours.iter().map(|&v| f64::from(v)).collect();
        if let Some((h, _)) = durations(&hours, 12) {
            assert!(h.step.is_finite() && h.step > 0.0);
        }
        let g = bars(&m.weekly_deploys, histogram::FRAME);
        assert!(g.bars.iter().all(|b| b.height.is_finite()));
    }
}

#[test]
fn every_screen_survives_extreme_but_accepted_scenarios() {
    let mut g = links::Gen::new(15);
    let mut checked = 0;
    for _ in 0..16 {
        let s = links::extreme(&mut g);
        every_screen(&s);
        // What a link of it opens must be as safe.
        every_screen(&share::decode(&share::encode(&s)).unwrap());
        checked += 2;
    }
    println!("{checked} extreme scenarios through every screen's functions");
}

#[test]
fn every_screen_survives_the_largest_scenario() {
    // One goal's chain is 200 deep and every list is full.
    every_screen(&links::maximal(2));
}

#[test]
fn every_screen_survives_the_typical_scenario_on_any_day() {
    every_screen(&links::typical());
}
