//! Trends: months and ISO weeks bucketed in the chosen fixed offset
//! (across a DST change), every figure of a small fixture worked by hand, a
//! month with no deployments in words, the figures against the baseline's
//! own computation, and trends out of range or order refused. The charts
//! are in `chart_trend.rs`.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod trend_fixture;

use chrono::NaiveDate;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::{
    compute, read, DeployColumns, IncidentColumns, Window, WindowChoice,
};
use flywheel_core::model::trend::{from_data, MonthlyTrend, Status, TrendSource, MAX_MONTHS};
use flywheel_core::model::Metric;
use trend_fixture::{bucket, headers, DEPLOYS, INCIDENTS};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn value(t: &MonthlyTrend, y: i32, m: u32, metric: Metric) -> Option<f64> {
    t.point(date(y, m, 1), metric).map(|p| p.value)
}

/// Deployments by month in UTC, +01:00 and +02:00. Europe's clocks went
/// forward at 01:00 UTC on 29 March 2026: rows written with their own
/// offsets either side of it stay exact; the chosen zone only decides
/// where midnight falls.
const DST: &str = "\
id,deployed_at
a,2026-03-01T00:30:00+01:00
b,2026-03-29T01:30:00+01:00
c,2026-03-29T03:30:00+02:00
d,2026-04-01T00:30:00+02:00
e,2026-04-15T12:00:00+02:00
f,2026-04-01 00:30
";

#[test]
fn months_are_cut_at_midnight_in_the_chosen_offset_across_a_dst_change() {
    // a is 23:30 UTC on 28 Feb; d is 22:30 UTC on 31 Mar; f has no offset,
    // so it is read in the chosen zone and stays on 1 April.
    let per_month = |zone: i32| -> Vec<(u32, f64)> {
        let t = bucket(DST, "", zone).trend;
        t.points
            .iter()
            .filter(|p| p.metric == Metric::DeployFrequency)
            .map(|p| {
                use chrono::Datelike;
                // Deployments = rate × days covered.
                (
                    p.month.month(),
                    (p.value * f64::from(p.samples.unwrap())).round(),
                )
            })
            .collect()
    };
    // UTC: a in February; b, c, d in March; e and f in April.
    assert_eq!(per_month(0), [(2, 1.0), (3, 3.0), (4, 2.0)]);
    // +01:00: a moves to 1 March; d (23:30 on 31 Mar) stays in March.
    assert_eq!(per_month(60), [(3, 4.0), (4, 2.0)]);
    // +02:00: d is 00:30 on 1 April, as a clock in Berlin read it.
    assert_eq!(per_month(120), [(3, 3.0), (4, 3.0)]);
    // The rule is stated in words the screen shows.
    assert_eq!(
        bucket(DST, "", 120).trend.rule(),
        "Months and ISO weeks are cut at midnight UTC+02:00; daylight-saving changes are not applied."
    );
    assert_eq!(
        bucket(DST, "", 0).trend.rule(),
        "Months and ISO weeks are cut at midnight UTC."
    );
    // In UTC the data starts on 28 Feb: February's rate rests on one day.
    let utc = bucket(DST, "", 0).trend;
    let feb = &utc.rows()[0];
    let cell = feb.cell(Metric::DeployFrequency).unwrap();
    assert_eq!(cell.status, Status::Thin);
    assert_eq!(
        cell.note,
        "Too few to rely on: the data covers 1 day of this month: a month's rate needs at least 14 days"
    );
}

#[test]
fn every_figure_of_a_small_fixture_by_hand() {
    let d = bucket(DEPLOYS, INCIDENTS, 0);
    let t = &d.trend;
    // January, all 31 days in the data: 4 deployments, 4/31 = 0.1290 a day.
    assert_eq!(value(t, 2026, 1, Metric::DeployFrequency), Some(0.129));
    // Lead times 2, 4, 6 and 10 hours: median (4 + 6) / 2 = 5.
    assert_eq!(value(t, 2026, 1, Metric::LeadTime), Some(5.0));
    // j2 failed (flagged, and i1 names it): 1 of 4.
    assert_eq!(value(t, 2026, 1, Metric::ChangeFailureRate), Some(25.0));
    // i1: 11:00 → 12:30, 1.5 hours.
    assert_eq!(value(t, 2026, 1, Metric::RecoveryTime), Some(1.5));
    assert_eq!(value(t, 2026, 1, Metric::ReworkRate), Some(25.0));
    // February: no deployments over its 28 days, a rate of 0; the
    // unlinked i2 (09:00 → 13:00) still recovers in February.
    assert_eq!(value(t, 2026, 2, Metric::DeployFrequency), Some(0.0));
    assert_eq!(value(t, 2026, 2, Metric::LeadTime), None);
    assert_eq!(value(t, 2026, 2, Metric::RecoveryTime), Some(4.0));
    // March: 2 of 31 days = 0.06452 a day; one lead time of 24 hours (m2
    // has no first commit); no failure, so no recovery.
    assert_eq!(value(t, 2026, 3, Metric::DeployFrequency), Some(0.06452));
    assert_eq!(value(t, 2026, 3, Metric::LeadTime), Some(24.0));
    assert_eq!(value(t, 2026, 3, Metric::ChangeFailureRate), Some(0.0));
    assert_eq!(value(t, 2026, 3, Metric::RecoveryTime), None);
    assert!(t.is_valid());

    // The table: a month without deployments says so, never NaN.
    let rows = t.rows();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1].note.as_deref(),
        Some("No deployments in February 2026, so no lead time, change failure or rework figure for it.")
    );
    let feb_lead = rows[1].cell(Metric::LeadTime).unwrap();
    assert_eq!(
        (feb_lead.status, feb_lead.text.as_str()),
        (Status::Missing, "—")
    );
    assert_eq!(feb_lead.note, "no deployments this month");
    let feb_rate = rows[1].cell(Metric::DeployFrequency).unwrap();
    assert_eq!(feb_rate.status, Status::Solid);
    assert_eq!(feb_rate.text, "0 deploys per week");
    assert_eq!(feb_rate.note, "over 28 days");
    // Thin figures are marked with the count and what is needed.
    let jan = &rows[0];
    assert_eq!(jan.cell(Metric::LeadTime).unwrap().text, "5 hours");
    assert_eq!(
        jan.cell(Metric::LeadTime).unwrap().note,
        "Too few to rely on: 4 changes: a median needs at least 6"
    );
    assert_eq!(
        jan.cell(Metric::ChangeFailureRate).unwrap().note,
        "Too few to rely on: 4 deployments: a rate needs at least 20"
    );
    assert_eq!(
        rows[2].cell(Metric::RecoveryTime).unwrap().note,
        "no failure was recovered from this month"
    );
    for row in &rows {
        for c in &row.cells {
            assert!(!c.text.contains("NaN") && !c.note.contains("NaN"));
        }
    }

    // ISO weeks: Thursday 1 Jan 2026 starts a partial week 1 (Mon 29 Dec:
    // 4 of its days are in the data); Tuesday 31 Mar ends a partial week.
    let w = &d.weeks;
    assert_eq!(w.len(), 14);
    assert_eq!(
        (w[0].label.as_str(), w[0].days, w[0].deploys),
        ("2026-W01", 4, 1)
    );
    assert!(w[0].partial);
    // One deployment over 4 days is 1.75 a week.
    assert_eq!(w[0].per_week, 1.75);
    assert_eq!(
        (w[13].label.as_str(), w[13].days, w[13].deploys),
        ("2026-W14", 2, 1)
    );
    assert_eq!(w.iter().map(|w| w.deploys).sum::<u32>(), 6);
}

#[test]
fn a_month_s_figures_are_the_baseline_s_over_that_month() {
    // The shipped sample (5 Jan – 26 Mar 2026): February is whole, so its
    // figures must be what the import computes over a 1–28 February window.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let deploys = std::fs::read_to_string(dir.join("deployments.csv")).unwrap();
    let incidents = std::fs::read_to_string(dir.join("incidents.csv")).unwrap();
    let zone = time::offset(0);
    let data = read(
        &deploys,
        &DeployColumns::guess(&headers(&deploys)),
        &incidents,
        &IncidentColumns::guess(&headers(&incidents)),
        zone,
    )
    .unwrap();
    let t = from_data(&data, zone).unwrap().trend;
    let window = Window::resolve(
        WindowChoice::Range(date(2026, 2, 1), date(2026, 2, 28)),
        date(2026, 2, 28),
        zone,
    )
    .unwrap();
    let r = compute(&data, window, zone).unwrap();
    let four = |v: f64| format!("{v:.3e}").parse::<f64>().unwrap();
    let feb = |m| value(&t, 2026, 2, m).unwrap();
    assert_eq!(
        four(feb(Metric::DeployFrequency) * 7.0),
        four(r.deploys_per_week)
    );
    assert_eq!(feb(Metric::LeadTime), four(r.lead.unwrap().median));
    assert_eq!(
        feb(Metric::ChangeFailureRate),
        four(r.change_failure_rate.unwrap())
    );
    assert_eq!(feb(Metric::RecoveryTime), four(r.recovery.unwrap().median));
    assert_eq!(feb(Metric::ReworkRate), four(r.rework_rate.unwrap()));
    let p = t.point(date(2026, 2, 1), Metric::LeadTime).unwrap();
    assert_eq!(p.samples, Some(r.lead.unwrap().n as u32));
}

#[test]
fn trends_out_of_range_or_order_are_invalid() {
    let good = bucket(DEPLOYS, INCIDENTS, 0).trend;
    assert!(good.is_valid());
    let mut swapped = good.clone();
    swapped.points.swap(0, 1);
    assert!(!swapped.is_valid());
    let mut twice = good.clone();
    twice.points.insert(1, twice.points[0]);
    assert!(!twice.is_valid());
    let mut nan = good.clone();
    nan.points[0].value = f64::NAN;
    assert!(!nan.is_valid());
    let mut over = good.clone();
    assert_eq!(over.points[2].metric, Metric::ChangeFailureRate);
    over.points[2].value = 100.5;
    assert!(!over.is_valid());
    let mut mid_month = good.clone();
    mid_month.points[0].month = date(2026, 1, 2);
    assert!(!mid_month.is_valid());
    let mut far = good.clone();
    far.points.last_mut().unwrap().month = date(2036, 1, 1);
    assert!(!far.is_valid(), "more than {MAX_MONTHS} months");
    let mut zone = good;
    zone.source = TrendSource::Data {
        offset_minutes: 24 * 60,
    };
    assert!(!zone.is_valid());
}
