//! A metric goal's check-ins filled from the baseline history and the
//! monthly trend: measured readings beside typed ones (typed win on the
//! same day), thin and future months left out, a refill after a snapshot
//! is deleted, the pace verdict the readings give (worked by hand), and
//! every refusal in words.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::goals::smart::{pace, PaceStatus};
use flywheel_core::model::goals::{CheckIn, CheckInSource, Goal, Level, Measure, MetricTarget};
use flywheel_core::model::history::{History, Origin, Snapshot};
use flywheel_core::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource};
use flywheel_core::model::units::{Duration, TimeUnit};
use flywheel_core::model::{Baseline, Metric, Scenario};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn snapshot(on: NaiveDate, lead_hours: f64) -> Snapshot {
    Snapshot {
        date: on,
        baseline: Baseline {
            lead_time: Duration::new(lead_hours, TimeUnit::Hours),
            ..Baseline::default()
        },
        origin: Origin::Typed,
    }
}

fn lead_goal(start: NaiveDate) -> Goal {
    // 120 h (the default baseline's 5 days) to 24 h over 100 days.
    Goal {
        owner: "Payments".into(),
        target: Some(MetricTarget {
            measure: Measure::Baseline(Metric::LeadTime),
            target: 24.0,
        }),
        start: Some(start),
        deadline: Some(date(2026, 4, 11)),
        ..Goal::new(Level::Operational, "Ship within a day", start)
    }
}

fn month(m: u32, hours: f64, samples: u32) -> MonthlyPoint {
    MonthlyPoint {
        month: date(2026, m, 1),
        metric: Metric::LeadTime,
        value: hours,
        samples: Some(samples),
    }
}

#[test]
fn check_ins_fill_from_measurements_and_the_pace_follows() {
    let today = date(2026, 3, 20);
    let mut s = Scenario::default();
    s.history
        .keep(snapshot(date(2026, 2, 20), 80.0), today)
        .unwrap();
    s.history.trend = Some(MonthlyTrend {
        source: TrendSource::Data { offset_minutes: 0 },
        // January solid, February thin (3 changes), March not over yet.
        points: vec![month(1, 100.0, 10), month(2, 70.0, 3), month(3, 50.0, 12)],
    });
    let mut goal = lead_goal(date(2026, 1, 1));
    // A typed reading on 31 January wins over January's figure.
    goal.record(CheckIn::typed(date(2026, 1, 31), 90.0))
        .unwrap();
    let id = s.goals.add(goal).unwrap();
    let filled = s.fill_check_ins(id, today).unwrap();
    assert_eq!(filled.measured, 1);
    assert_eq!(filled.kept_typed, [date(2026, 1, 31)]);
    assert_eq!(filled.thin, 1);
    assert_eq!(
        filled.message,
        "Filled 1 measured check-in from the baseline history and the monthly trend. 1 month with too few samples was left out. Typed check-ins were kept on 31 Jan 2026: a typed reading wins over a measured one on the same day."
    );
    let goal = s.goals.get(id).unwrap();
    let sources: Vec<(NaiveDate, f64, CheckInSource)> = goal
        .check_ins
        .iter()
        .map(|c| (c.date, c.actual, c.source))
        .collect();
    assert_eq!(
        sources,
        [
            (date(2026, 1, 31), 90.0, CheckInSource::Typed),
            (date(2026, 2, 20), 80.0, CheckInSource::Measured)
        ]
    );
    // The linear path: 120 h on 1 Jan to 24 h on 11 Apr (100 days).
    // 31 Jan (day 30): due 96 × 0.3 = 28.8 h, made 30: 1.04, on track.
    // 20 Feb (day 50): due 48 h, made 40: 0.83, lagging.
    let verdicts: Vec<PaceStatus> = pace(goal, &s.baseline).iter().map(|r| r.status).collect();
    assert_eq!(verdicts, [PaceStatus::OnTrack, PaceStatus::Lagging]);
    assert!(s.is_valid());

    // Filling again after the snapshot is deleted drops its reading; the
    // typed one stays.
    s.history.delete(date(2026, 2, 20)).unwrap();
    let again = s.fill_check_ins(id, today).unwrap();
    assert_eq!(again.measured, 0);
    assert_eq!(
        again.message,
        "Every measurement falls on a day that has a typed check-in. 1 month with too few samples was left out. Typed check-ins were kept on 31 Jan 2026: a typed reading wins over a measured one on the same day."
    );
    assert_eq!(s.goals.get(id).unwrap().check_ins.len(), 1);
}

#[test]
fn filling_says_why_it_cannot() {
    let today = date(2026, 3, 20);
    let history = History::default();
    let mut custom = lead_goal(date(2026, 1, 1));
    custom.target = Some(MetricTarget {
        measure: Measure::Custom {
            name: "P95 API latency".into(),
            unit: "ms".into(),
            baseline: 300.0,
            higher_is_better: false,
        },
        target: 200.0,
    });
    assert!(custom
        .fill_check_ins(&history, today)
        .unwrap_err()
        .contains("P95 API latency, which the baseline history does not hold"));
    let mut no_start = lead_goal(date(2026, 1, 1));
    no_start.start = None;
    assert!(no_start
        .fill_check_ins(&history, today)
        .unwrap_err()
        .starts_with("Set the goal's start date first"));
    let mut empty = lead_goal(date(2026, 1, 1));
    assert_eq!(
        empty.fill_check_ins(&history, today).unwrap().message,
        "No measurement of lead time for changes after the goal's start (1 Jan 2026): keep a snapshot, or import data covering the months since."
    );
}
