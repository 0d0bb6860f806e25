//! The baseline history: keeping, replacing, re-dating and deleting
//! snapshots with every refusal in words (a future date, two on one day, a
//! full history), comparisons in words (2024's change-failure clusters
//! included), and the history kept in saved work. Check-ins filled from it
//! are in `model_checkins.rs`.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::benchmarks::Peers;
use flywheel_core::model::history::{History, Kept, Origin, Snapshot, Span, MAX_SNAPSHOTS};
use flywheel_core::model::import::Measured;
use flywheel_core::model::standing::lens::{Lens, LensView};
use flywheel_core::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource};
use flywheel_core::model::units::{Duration, TimeUnit};
use flywheel_core::model::{saved, Baseline, Edition, Metric, Scenario};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn snapshot(on: NaiveDate, lead_hours: f64, cfr: f64) -> Snapshot {
    Snapshot {
        date: on,
        baseline: Baseline {
            lead_time: Duration::new(lead_hours, TimeUnit::Hours),
            change_failure_rate: cfr,
            ..Baseline::default()
        },
        origin: Origin::Typed,
    }
}

fn tiers() -> LensView {
    LensView {
        lens: Lens::Tiers,
        edition: Edition::Y2024,
        peers: Peers::default(),
        units: Default::default(),
    }
}

#[test]
fn snapshots_are_kept_one_a_day_never_in_the_future() {
    let today = date(2026, 6, 1);
    let mut h = History::default();
    let (kept, words) = h
        .keep(snapshot(date(2026, 3, 1), 36.0, 18.0), today)
        .unwrap();
    assert_eq!(kept, Kept::Added);
    assert_eq!(words, "Kept the baseline as it stands on 1 Mar 2026.");
    // A second on the same day replaces the first, and says so.
    let (kept, words) = h
        .keep(snapshot(date(2026, 3, 1), 30.0, 18.0), today)
        .unwrap();
    assert_eq!(kept, Kept::Replaced(snapshot(date(2026, 3, 1), 36.0, 18.0)));
    assert_eq!(
        words,
        "Replaced the snapshot of 1 Mar 2026: a day keeps one snapshot, the last kept."
    );
    assert_eq!(h.snapshots.len(), 1);
    // Tomorrow is refused.
    assert_eq!(
        h.keep(snapshot(date(2026, 6, 2), 30.0, 18.0), today),
        Err("A snapshot records a baseline already in force, and 2 Jun 2026 is after today (1 Jun 2026).".to_string())
    );
    assert!(h
        .keep(snapshot(date(1999, 12, 31), 30.0, 18.0), today)
        .unwrap_err()
        .contains("from 2000 to 2100"));
    // A baseline measured up to 20 May cannot be dated 10 May.
    let mut measured = snapshot(date(2026, 5, 10), 30.0, 18.0);
    measured.origin = Origin::Measured(Span {
        from: date(2026, 2, 20),
        to: date(2026, 5, 20),
    });
    assert_eq!(
        h.keep(measured, today),
        Err(
            "This baseline was measured from data up to 20 May 2026: date it on or after that day."
                .to_string()
        )
    );
    // The plan's own start is never replaced.
    h.set_plan_start(Some(date(2026, 3, 1))).unwrap();
    assert!(h
        .keep(snapshot(date(2026, 3, 1), 20.0, 18.0), today)
        .unwrap_err()
        .starts_with("The plan started from the snapshot of 1 Mar 2026"));
    assert!(h.set_plan_start(Some(date(2026, 3, 2))).is_err());
    assert!(h.is_valid());
}

#[test]
fn a_full_history_refuses_one_more_in_words() {
    let mut h = History::default();
    let first = date(2020, 1, 1);
    for k in 0..MAX_SNAPSHOTS as i64 {
        let d = first + chrono::Duration::days(30 * k);
        h.keep(snapshot(d, 36.0, 18.0), date(2026, 6, 1)).unwrap();
    }
    assert_eq!(
        h.keep(snapshot(date(2026, 6, 1), 36.0, 18.0), date(2026, 6, 1)),
        Err("The history keeps at most 60 snapshots (five years of monthly ones): delete an old one first.".to_string())
    );
    assert!(h.is_valid());
    // One past the cap, as a hand-edited file might hold, is refused on
    // loading, and the refusal names the part.
    let mut s = Scenario {
        history: h.clone(),
        ..Scenario::default()
    };
    s.history
        .snapshots
        .push(snapshot(date(2026, 6, 1), 36.0, 18.0));
    assert!(!s.is_valid());
    assert_eq!(
        saved::problem(&s).as_deref(),
        Some("the baseline history (its snapshots, monthly trend or the plan's start) is out of range or out of order")
    );
}

#[test]
fn snapshots_move_and_go_with_the_plan_s_start() {
    let today = date(2026, 6, 1);
    let mut h = History::default();
    for (m, lead) in [(1, 40.0), (3, 30.0), (5, 20.0)] {
        h.keep(snapshot(date(2026, m, 1), lead, 18.0), today)
            .unwrap();
    }
    h.set_plan_start(Some(date(2026, 1, 1))).unwrap();
    assert_eq!(
        h.redate(date(2026, 1, 1), date(2026, 1, 5), today),
        Ok("Moved the snapshot of 1 Jan 2026 to 5 Jan 2026.".to_string())
    );
    assert_eq!(h.plan_start, Some(date(2026, 1, 5)));
    assert_eq!(
        h.redate(date(2026, 1, 5), date(2026, 3, 1), today),
        Err(
            "There is already a snapshot of 1 Mar 2026: delete it first, or pick another day."
                .to_string()
        )
    );
    assert!(h.redate(date(2026, 1, 5), date(2026, 7, 1), today).is_err());
    assert!(h.redate(date(2026, 2, 2), date(2026, 2, 3), today).is_err());
    // Re-dating keeps the order.
    h.redate(date(2026, 5, 1), date(2026, 2, 1), today).unwrap();
    let dates: Vec<u32> = h
        .snapshots
        .iter()
        .map(|s| chrono::Datelike::month(&s.date))
        .collect();
    assert_eq!(dates, [1, 2, 3]);
    // Deleting the plan's start clears it, and an undo brings both back.
    let gone = h.delete(date(2026, 1, 5)).unwrap();
    assert_eq!(
        gone.message(),
        "Deleted the snapshot of 5 Jan 2026. The plan started from it: choose another snapshot to hold the plan against."
    );
    assert_eq!(h.plan_start, None);
    h.restore(gone).unwrap();
    assert_eq!(h.plan_start, Some(date(2026, 1, 5)));
    assert!(h.is_valid());
}

#[test]
fn two_snapshots_compare_in_words() {
    let mut h = History::default();
    let today = date(2026, 6, 1);
    // Lead time 36 h → 21.24 h: (36 − 21.24) / 36 = 41% lower, High (one
    // day to one week) → Elite (under a day). Change failure 18% → 9%:
    // 2024's nearest clusters are High's 20% and Medium's 10%.
    h.keep(snapshot(date(2026, 3, 1), 36.0, 18.0), today)
        .unwrap();
    h.keep(snapshot(date(2026, 6, 1), 21.24, 9.0), today)
        .unwrap();
    let c = h
        .compare(date(2026, 6, 1), date(2026, 3, 1), tiers())
        .unwrap();
    assert_eq!(c.earlier, date(2026, 3, 1));
    let lead = &c.moves[1];
    assert_eq!(
        lead.short,
        "lead time for changes 41% lower (36 hours → 21.2 hours), tier High → Elite"
    );
    let cfr = &c.moves[2];
    assert_eq!(
        cfr.short,
        "change failure rate 9 points lower (18% → 9%), tier High → Medium (DORA 2024's tiers are not in order for this metric: judge by the value)"
    );
    assert!(cfr.sentence.starts_with(
        "Change failure rate improved from 18% to 9%; its DORA 2024 tier reads Medium after High. In the DORA 2024 report the Medium cluster's change failure rate (10%) is better than the High cluster's (20%)"
    ));
    assert!(c.summary.starts_with(
        "Since 1 Mar 2026 (3 months before 1 Jun 2026): deployment frequency unchanged (0.46 deploys per week), still Medium; lead time for changes 41% lower"
    ));
    assert_eq!(c.moves[5].short, "code churn not recorded on 1 Mar 2026");
    assert!(!c.summary.contains("code churn"));
    // Under the 2025 scores the score moves instead: 18% scores 8.2, 9% 9.1.
    let scores = LensView {
        lens: Lens::Scores2025,
        ..tiers()
    };
    let c = h
        .compare(date(2026, 3, 1), date(2026, 6, 1), scores)
        .unwrap();
    assert_eq!(
        c.moves[2].short,
        "change failure rate 9 points lower (18% → 9%), score 8.2 → 9.1 of 10"
    );
    assert!(h
        .compare(date(2026, 3, 1), date(2026, 3, 1), tiers())
        .is_err());
    assert!(h
        .compare(date(2026, 3, 1), date(2026, 4, 1), tiers())
        .unwrap_err()
        .contains("no snapshot of 1 Apr 2026"));
}

#[test]
fn a_snapshot_remembers_where_its_figures_came_from() {
    let mut s = Scenario::default();
    assert_eq!(Snapshot::of(&s, date(2026, 6, 1)).origin, Origin::Typed);
    let measured = Measured {
        from: "2026-03-01".into(),
        to: "2026-05-29".into(),
        applied: Metric::DORA.to_vec(),
        baseline: s.baseline.clone(),
        ..Measured::default()
    };
    s.measured = Some(measured);
    let span = Span {
        from: date(2026, 3, 1),
        to: date(2026, 5, 29),
    };
    let snap = Snapshot::of(&s, date(2026, 6, 1));
    assert_eq!(snap.origin, Origin::Measured(span));
    assert_eq!(
        snap.origin.words(),
        "Measured from data (1 Mar 2026 – 29 May 2026)"
    );
    // Typing over one figure makes it mixed.
    s.baseline.rework_rate = 3.0;
    assert_eq!(
        Snapshot::of(&s, date(2026, 6, 1)).origin,
        Origin::Mixed(span)
    );
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
fn a_snapshot_from_the_future_is_named_and_left_out() {
    // A file saved by a machine whose clock ran a year ahead.
    let mut h = History {
        snapshots: vec![
            snapshot(date(2026, 2, 1), 60.0, 18.0),
            snapshot(date(2027, 2, 1), 30.0, 18.0),
        ],
        ..History::default()
    };
    assert!(h.is_valid(), "valid in itself: only today tells");
    let today = date(2026, 3, 1);
    assert_eq!(
        h.problems(today),
        ["The snapshot dated 1 Feb 2027 is after today (1 Mar 2026): the clock that kept it may have been wrong. Re-date or delete it; until then it is left out of check-ins and of the plan's actuals."]
    );
    let readings = h.readings(Metric::LeadTime, date(2026, 1, 1), today);
    assert_eq!(readings.len(), 1);
    // Two on one day, as no operation writes them, is refused on loading.
    h.snapshots[1].date = date(2026, 2, 1);
    assert!(!h.is_valid());
}

#[test]
fn saved_work_keeps_the_history_exactly() {
    let mut s = Scenario::default();
    s.history
        .keep(snapshot(date(2026, 2, 20), 80.25, 12.5), date(2026, 3, 1))
        .unwrap();
    s.history.trend = Some(MonthlyTrend {
        source: TrendSource::Data {
            offset_minutes: 120,
        },
        points: vec![month(1, 100.0, 10)],
    });
    s.history.plan_start = Some(date(2026, 2, 20));
    let text = saved::encode(&s);
    assert!(text.contains("\"plan_start\":\"2026-02-20\""));
    assert!(text.contains("\"month\":\"2026-01\""));
    assert_eq!(saved::decode(&text), saved::Loaded::Scenario(Box::new(s)));
}

#[test]
fn the_table_lists_snapshots_newest_first_in_words() {
    let today = date(2026, 6, 1);
    let mut s = Scenario::default();
    s.keep_snapshot(date(2026, 3, 1), today).unwrap();
    s.baseline.lead_time = Duration::new(20.0, TimeUnit::Hours);
    s.keep_snapshot(date(2026, 6, 1), today).unwrap();
    s.history.set_plan_start(Some(date(2026, 3, 1))).unwrap();
    let rows = s.history.table(tiers(), today);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].label, "1 Jun 2026");
    assert_eq!(rows[1].label, "1 Mar 2026 (plan start)");
    assert_eq!(rows[1].origin, "Typed");
    // Lead time 5 days (High in 2024), then 20 hours (Elite).
    let lead = |r: usize| {
        (
            rows[r].cells[1].value.clone(),
            rows[r].cells[1].standing.clone(),
        )
    };
    assert_eq!(lead(1), ("5 days".to_string(), "High".to_string()));
    assert_eq!(lead(0), ("20 hours".to_string(), "Elite".to_string()));
    // Rework has no 2024 tier; code churn is not recorded.
    assert_eq!(rows[0].cells[4].standing, "No 2024 tier");
    assert_eq!(
        (
            rows[0].cells[5].value.as_str(),
            rows[0].cells[5].standing.as_str()
        ),
        ("—", "—")
    );
}
