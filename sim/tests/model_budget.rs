//! Error budgets (domain.md §3): figures pinned against hand calculation.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use flywheel_core::model::slo::{
    self, alert_table, bad_between, bridge, describe_minutes, detection, freeze_periods, merge,
    postmortems_needed, report, Incident, IncidentNote, Segment, Slo, WindowKind,
};
use flywheel_core::model::{Baseline, Rate, RatePeriod, Scenario, TimeUnit};
use flywheel_sim::budget::{draw_incidents, redraw, simulate_freeze, FreezeOutcome, Rates};
use flywheel_sim::random::seeded;

const DAY: f64 = 1440.0;

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} is not within {tol} of {b}");
}

fn slo(target: f64, days: u32) -> Slo {
    Slo {
        target,
        rolling_days: days,
        window_start: NaiveDate::from_ymd_opt(2026, 3, 1),
        ..Slo::default()
    }
}

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn incident(day: u32, h: u32, minutes: f64, share: f64) -> Incident {
    Incident {
        start: at(day, h, 0),
        minutes,
        share,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

#[test]
fn budgets_follow_the_thirty_day_convention() {
    close(slo(99.9, 30).budget_minutes(30), 43.2, 1e-9);
    assert_eq!(describe_minutes(43.2), "43.2 minutes (43 m 12 s)");
    close(slo(99.9, 28).budget_minutes(28), 40.32, 1e-9);
    close(slo(99.95, 30).budget_minutes(30), 21.6, 1e-9);
    // Request-based: B × valid requests.
    let mut s = slo(99.9, 30);
    s.requests_per_day = 1_000_000.0;
    close(s.budget_requests(30), 30_000.0, 1e-6);
}

#[test]
fn extreme_targets_never_divide_by_zero() {
    let full = slo(100.0, 30);
    assert!(full.zero_budget());
    assert_eq!(full.budget_minutes(30), 0.0);
    assert!(slo::target_message(100.0)
        .unwrap()
        .contains("no error budget"));
    let r = report(&full, today(), at(15, 0, 0));
    assert_eq!(r.burn_rate, None);
    assert_eq!(r.projected_exhaustion, None);
    assert_eq!(r.spent_percent(), None);
    // 99.99999% over 30 days is 0.00432 minutes: shown in seconds.
    let tiny = slo(99.99999, 30).budget_minutes(30);
    close(tiny, 0.00432, 1e-9);
    assert_eq!(describe_minutes(tiny), "0.26 seconds");
    // Out of range targets are not valid scenarios.
    for bad in [0.0, -1.0, 100.5, f64::NAN] {
        let mut s = Scenario::default();
        s.slo.target = bad;
        assert!(!s.is_valid(), "{bad} accepted");
    }
    let mut s = Scenario::default();
    s.slo.target = 100.0;
    assert!(s.is_valid());
}

#[test]
fn alert_factors_are_recomputed_from_the_window() {
    let f = |days| -> Vec<f64> { alert_table(days).iter().map(|a| a.factor).collect() };
    let thirty = f(30);
    for (got, want) in thirty.iter().zip([14.4, 6.0, 3.0, 1.0]) {
        close(*got, want, 1e-9);
    }
    let twenty_eight: Vec<String> = f(28).iter().map(|v| format!("{v:.2}")).collect();
    assert_eq!(twenty_eight, ["13.44", "5.60", "2.80", "0.93"]);
    // Seven days never keeps 14.4×: 2% of 168 h in 1 h is 3.36×.
    close(f(7)[0], 3.36, 1e-9);
    let table = alert_table(30);
    close(table[0].long, 60.0, 1e-9);
    close(table[0].short, 5.0, 1e-9);
    close(table[3].short, 360.0, 1e-9);
    // A 1-day window cannot hold the 3-day alert.
    assert!(!alert_table(1)[3].applies);
    assert!(alert_table(1)[2].applies);
}

#[test]
fn detection_times_match_hand_calculation() {
    // 99.9% over 30 days: B = 0.001, T = 43,200 min (see slo::detection).
    let table = alert_table(30);
    let b = 0.001;
    let t = 30.0 * DAY;
    let outage: Vec<f64> = table
        .iter()
        .map(|a| detection(a, 1.0, b, t).unwrap().minutes)
        .collect();
    for (got, want) in outage.iter().zip([0.864, 2.16, 4.32, 4.32]) {
        close(*got, want, 1e-9);
    }
    let two_pct: Vec<f64> = table
        .iter()
        .map(|a| detection(a, 0.02, b, t).unwrap().minutes)
        .collect();
    for (got, want) in two_pct.iter().zip([43.2, 108.0, 216.0, 216.0]) {
        close(*got, want, 1e-9);
    }
    // Budget spent at detection is the alert's budget share.
    for (a, share) in table.iter().zip([0.02, 0.05, 0.10, 0.10]) {
        close(detection(a, 1.0, b, t).unwrap().budget_spent, share, 1e-12);
        close(detection(a, 0.02, b, t).unwrap().budget_spent, share, 1e-12);
    }
    // 1% errors never reach the 14.4× page (needs > 1.44%), but reach 6×.
    assert_eq!(detection(&table[0], 0.01, b, t), None);
    close(
        detection(&table[1], 0.01, b, t).unwrap().minutes,
        216.0,
        1e-9,
    );
}

#[test]
fn overlapping_incidents_count_once_at_the_larger_share() {
    let merged = merge(&[
        Segment {
            start: 0.0,
            end: 60.0,
            weight: 1.0,
        },
        Segment {
            start: 30.0,
            end: 90.0,
            weight: 0.5,
        },
        Segment {
            start: 200.0,
            end: 210.0,
            weight: 0.2,
        },
    ]);
    // 0–60 at 100%, 60–90 at 50%, 200–210 at 20%.
    close(bad_between(&merged, 0.0, 1000.0), 60.0 + 15.0 + 2.0, 1e-9);
    close(bad_between(&merged, 45.0, 75.0), 15.0 + 7.5, 1e-9);
    // Identical incidents entered twice count once.
    let twice = merge(&[
        Segment {
            start: 0.0,
            end: 10.0,
            weight: 1.0,
        },
        Segment {
            start: 0.0,
            end: 10.0,
            weight: 1.0,
        },
    ]);
    close(bad_between(&twice, 0.0, 100.0), 10.0, 1e-9);

    let mut s = slo(99.9, 30);
    s.incidents = vec![incident(2, 10, 20.0, 100.0), incident(2, 10, 10.0, 100.0)];
    let r = report(&s, today(), at(15, 0, 0));
    close(r.spent_minutes, 20.0, 1e-9);
    assert_eq!(r.notes[0], vec![IncidentNote::Overlaps(vec![2])]);
}

#[test]
fn incidents_outside_the_window_are_flagged_and_not_counted() {
    let mut s = slo(99.9, 30);
    s.incidents = vec![
        Incident {
            start: NaiveDate::from_ymd_opt(2026, 2, 27)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            minutes: 10.0,
            share: 100.0,
        },
        incident(30, 23, 120.0, 100.0),
        Incident {
            start: NaiveDate::from_ymd_opt(2026, 4, 2)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            minutes: 10.0,
            share: 100.0,
        },
    ];
    let r = report(&s, today(), at(15, 0, 0));
    assert_eq!(r.notes[0], vec![IncidentNote::OutsideWindow]);
    assert_eq!(r.notes[1], vec![IncidentNote::PastWindowEnd]);
    assert_eq!(r.notes[2], vec![IncidentNote::OutsideWindow]);
    // Window is 1–30 March; the 30 March 23:00 incident has 60 minutes inside.
    close(r.spent_minutes, 60.0, 1e-9);
    // Negative and zero durations are not valid.
    for bad in [-5.0, 0.0, f64::NAN] {
        let mut sc = Scenario::default();
        sc.slo.incidents.push(Incident {
            start: at(3, 0, 0),
            minutes: bad,
            share: 100.0,
        });
        assert!(!sc.is_valid());
    }
}

#[test]
fn rolling_windows_earn_budget_back_and_calendar_windows_reset() {
    // 99.9% over 30 rolling days, one 20-minute outage on day 2 (1 March is
    // day 1, so it starts 1,440 + 600 minutes in).
    let mut s = slo(99.9, 30);
    s.incidents = vec![incident(2, 10, 20.0, 100.0)];
    let r = report(&s, today(), at(15, 0, 0));
    close(r.remaining_minutes, 23.2, 1e-9);
    let value_at = |x: f64| {
        let pts = &r.burn_down;
        let i = pts.iter().rposition(|p| p.0 <= x).unwrap();
        let (a, b) = (pts[i], pts[(i + 1).min(pts.len() - 1)]);
        if b.0 == a.0 {
            a.1
        } else {
            a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
        }
    };
    let start = DAY + 600.0;
    close(value_at(start + 10.0), 33.2, 1e-9);
    close(value_at(29.0 * DAY), 23.2, 1e-9);
    // 30 days after it happened, the outage ages out and the budget is back.
    close(value_at(start + 30.0 * DAY + 10.0), 33.2, 1e-9);
    close(value_at(start + 30.0 * DAY + 20.0), 43.2, 1e-9);

    // The same outage in a calendar month (March, 31 days: 44.64 minutes).
    s.window = WindowKind::CalendarMonth;
    let r = report(&s, today(), at(15, 0, 0));
    assert_eq!(r.days, 31);
    close(r.budget_minutes, 44.64, 1e-9);
    close(r.remaining_minutes, 24.64, 1e-9);
    // It stays spent to the end of March, then April starts with 30 days'
    // budget: 43.2 minutes.
    let before_reset = r
        .burn_down
        .iter()
        .filter(|p| p.0 == 31.0 * DAY)
        .collect::<Vec<_>>();
    assert_eq!(before_reset.len(), 2);
    close(before_reset[0].1, 24.64, 1e-9);
    close(before_reset[1].1, 43.2, 1e-9);
    // February's calendar window is 28 days.
    s.window_start = NaiveDate::from_ymd_opt(2026, 2, 14);
    let feb = report(&s, today(), at(15, 0, 0));
    assert_eq!(feb.start, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    close(feb.budget_minutes, 40.32, 1e-9);
}

#[test]
fn burn_rate_and_projected_exhaustion() {
    let mut s = slo(99.9, 30);
    // 8.64 bad minutes in the first 2 days: error ratio 8.64 / 2,880 = 0.003,
    // burn rate 3; at 3× the budget lasts 30 / 3 = 10 days.
    s.incidents = vec![Incident {
        start: at(1, 6, 0),
        minutes: 17.28,
        share: 50.0,
    }];
    let r = report(&s, today(), at(3, 0, 0));
    close(r.burn_rate.unwrap(), 3.0, 1e-9);
    close(r.projected_exhaustion.unwrap(), 10.0 * DAY, 1e-6);
    assert_eq!(r.exhausted_at, None);
}

#[test]
fn freeze_policy_on_a_crafted_sequence() {
    // 99.9% over 30 rolling days = 43.2 minutes. Outages: 30 min on day 1
    // at 00:00, 5 min on day 3, 20 min on day 5 at 00:00.
    let mut s = slo(99.9, 30);
    s.incidents = vec![
        incident(1, 0, 30.0, 100.0),
        incident(3, 0, 5.0, 100.0),
        incident(5, 0, 20.0, 100.0),
    ];
    let origin = at(1, 0, 0);
    let merged = merge(&s.segments(origin));
    let t = 30.0 * DAY;
    let periods = freeze_periods(WindowKind::Rolling, &merged, 43.2, t);
    // 35 minutes are spent before day 5; the budget runs out 8.2 minutes into
    // the third outage. The trailing window is back within 43.2 minutes when
    // the first outage has aged out by 55 − 43.2 = 11.8 minutes: day 31 at
    // 00:11.8 (30 days after it started, plus 11.8 minutes).
    assert_eq!(periods.len(), 1);
    close(periods[0].0, 4.0 * DAY + 8.2, 1e-6);
    close(periods[0].1, 30.0 * DAY + 11.8, 1e-6);
    // Calendar: frozen from the same moment until the month resets.
    let cal = freeze_periods(WindowKind::CalendarMonth, &merged, 43.2, t);
    assert_eq!(cal, vec![(4.0 * DAY + 8.2, t)]);
    // 20% of 43.2 is 8.64 minutes: outages 1 (30) and 3 (20) need a
    // postmortem, the 5-minute one does not.
    assert_eq!(postmortems_needed(&s, 43.2), vec![1, 3]);
}

#[test]
fn dora_bridge_from_the_baseline() {
    // 1 deploy a day, CFR 10%, recovery 1 hour, 25% of traffic affected:
    // 30 deploys × 0.1 × 60 min × 0.25 = 45 bad minutes per 30 days.
    let baseline = Baseline {
        deploy_frequency: Rate::new(1.0, RatePeriod::Day),
        change_failure_rate: 10.0,
        recovery_time: flywheel_core::model::Duration::new(1.0, TimeUnit::Hours),
        ..Baseline::default()
    };
    let s = slo(99.9, 30);
    let b = bridge(&s, &baseline, 30);
    close(b.deploys, 30.0, 1e-9);
    close(b.failures, 3.0, 1e-9);
    close(b.expected_bad_minutes, 45.0, 1e-9);
    close(b.expected_budget_use.unwrap(), 45.0 / 43.2, 1e-9);
    // Max recovery: 43.2 / (3 × 0.25) = 57.6 minutes.
    close(b.max_recovery_minutes.unwrap(), 57.6, 1e-9);
}

#[test]
fn drawn_incidents_are_seeded_and_follow_the_baseline() {
    let baseline = Baseline {
        deploy_frequency: Rate::new(10.0, RatePeriod::Day),
        change_failure_rate: 20.0,
        recovery_time: flywheel_core::model::Duration::new(1.0, TimeUnit::Hours),
        ..Baseline::default()
    };
    let s = slo(99.9, 30);
    let rates = Rates::from(&baseline, &s);
    let draw = |seed| draw_incidents(rates, at(1, 0, 0), 30, &mut seeded(seed));
    assert_eq!(draw(7), draw(7));
    assert_ne!(draw(7), draw(8));
    // 300 deploys × 20% = 60 incidents expected per window; average many.
    let mut n = 0;
    let mut minutes = Vec::new();
    for seed in 0..50 {
        let inc = draw(seed);
        n += inc.len();
        minutes.extend(inc.iter().map(|i| i.minutes));
        assert!(inc
            .iter()
            .all(|i| i.is_valid() && i.start >= at(1, 0, 0) && i.start < at(31, 0, 0)));
    }
    close(n as f64 / 50.0, 60.0, 3.0);
    // The median recovery is the baseline's 60 minutes (Weibull, shape 1.5).
    minutes.sort_by(f64::total_cmp);
    close(minutes[minutes.len() / 2], 60.0, 5.0);
}

#[test]
fn monte_carlo_freezes_cost_deploys_and_lead_time() {
    let baseline = Baseline::default(); // 2 / month, CFR 18%, 6 h recovery
    let mut s = Scenario::default().slo;
    s.policy.trials = 300;
    let run = |s: &Slo| simulate_freeze(s, &baseline, 30, &mut seeded(42));
    let a = run(&s);
    assert_eq!(a, run(&s), "same seed, same result");
    assert!(a.p_exhaust_per_window > 0.0 && a.p_exhaust_per_window < 1.0);
    assert!(a.days_frozen_per_quarter > 0.0);
    assert!(a.deploys_per_day_with_freeze < a.deploys_per_day);
    assert!(a.lead_time_hours_with_freeze > a.lead_time_hours);
    assert!(a.days_frozen_p85 >= a.days_frozen_per_quarter * 0.5);
    // No failures: nothing is ever frozen.
    let calm = Baseline {
        change_failure_rate: 0.0,
        ..Baseline::default()
    };
    let c = simulate_freeze(&s, &calm, 30, &mut seeded(1));
    assert_eq!(c.days_frozen_per_quarter, 0.0);
    assert_eq!(c.p_exhaust_per_window, 0.0);
    close(c.lead_time_hours_with_freeze, c.lead_time_hours, 1e-12);
    // A lax SLO (90%) is rarely exhausted.
    s.target = 90.0;
    let lax = run(&s);
    assert!(lax.p_exhaust_per_window < a.p_exhaust_per_window);
}

#[test]
fn scenario_round_trips_and_old_saves_load() {
    let mut s = Scenario::default();
    s.slo.incidents.push(incident(2, 10, 12.5, 40.0));
    s.slo.window = WindowKind::CalendarMonth;
    let json = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // A scenario saved before the SLO existed loads with the default SLO.
    let old = r#"{"team":"A","edition":"Y2024","baseline":{}}"#;
    if let Ok(sc) = serde_json::from_str::<Scenario>(old) {
        assert_eq!(sc.slo, Slo::default());
    }
    let v: serde_json::Value = serde_json::to_value(Scenario::default()).unwrap();
    let mut obj = v.as_object().unwrap().clone();
    obj.remove("slo");
    let sc: Scenario = serde_json::from_value(serde_json::Value::Object(obj)).unwrap();
    assert_eq!(sc.slo, Slo::default());
    // Rolling days out of 1–90 are rejected.
    let mut bad = Scenario::default();
    bad.slo.rolling_days = 91;
    assert!(!bad.is_valid());
}

#[test]
fn dates_read_and_print_without_format_strings() {
    let t = slo::parse_datetime_local("2026-03-05T09:07").unwrap();
    assert_eq!(t, at(5, 9, 7));
    assert_eq!(slo::format_datetime_local(t), "2026-03-05T09:07");
    assert_eq!(slo::format_datetime(t), "5 Mar 2026 09:07");
    assert_eq!(slo::format_month(t.date()), "March 2026");
    assert_eq!(slo::parse_datetime_local("2026-02-30T10:00"), None);
    assert_eq!(slo::parse_datetime_local(""), None);
    assert_eq!(
        flywheel_core::model::date::parse_date_lenient("2026-13-01"),
        None
    );
    assert_eq!(
        slo::days_in_month(NaiveDate::from_ymd_opt(2024, 2, 10).unwrap()),
        29
    );
    assert_eq!(
        slo::days_in_month(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
        31
    );
}

#[test]
fn a_freeze_outcome_becomes_the_improvement_model_input() {
    let outcome = FreezeOutcome {
        trials: 10,
        p_exhaust_per_window: 0.25,
        days_frozen_per_quarter: 9.1,
        days_frozen_p85: 14.0,
        frozen_fraction: 0.1,
        deploys_per_day: 2.0,
        deploys_per_day_with_freeze: 1.8,
        lead_time_hours: 24.0,
        lead_time_hours_with_freeze: 30.0,
        incidents_per_quarter: 6.0,
        postmortems_per_quarter: 1.0,
    };
    let f = outcome.freeze();
    assert_eq!(f.frozen_fraction, 0.1);
    close(f.deploy_factor, 0.9, 1e-12);
    close(f.lead_factor, 1.25, 1e-12);
    // A team that never deploys has no delivery to lose.
    let idle = FreezeOutcome {
        deploys_per_day: 0.0,
        deploys_per_day_with_freeze: 0.0,
        lead_time_hours: 0.0,
        lead_time_hours_with_freeze: 0.0,
        ..outcome
    };
    assert_eq!(
        (idle.freeze().deploy_factor, idle.freeze().lead_factor),
        (1.0, 1.0)
    );
}

#[test]
fn drawing_from_the_baseline_pins_the_window_and_moves_the_seed() {
    let mut s = Scenario {
        baseline: Baseline {
            deploy_frequency: Rate::new(10.0, RatePeriod::Day),
            change_failure_rate: 20.0,
            ..Baseline::default()
        },
        ..Scenario::default()
    };
    let r = report(&s.slo, today(), at(10, 12, 0));
    let seed = s.slo.seed;
    let n = redraw(&mut s.slo, &s.baseline, &r);
    assert_eq!(s.slo.seed, seed + 1);
    assert_eq!(s.slo.window_start, Some(r.start));
    assert_eq!(s.slo.incidents.len(), n);
    assert!(n > 0, "two failed deployments a day");
    // The seed in the scenario redraws the same list, so a shared link
    // shows the same incidents.
    let again = draw_incidents(
        Rates::from(&s.baseline, &s.slo),
        r.origin(),
        r.days,
        &mut seeded(seed + 1),
    );
    assert_eq!(again, s.slo.incidents);
    assert!(s.slo.incidents.iter().all(|i| r.counts(i.start)));
    // Pressed again: a new draw replaces the list.
    redraw(&mut s.slo, &s.baseline, &r);
    assert_eq!(s.slo.seed, seed + 2);
}
