//! Trends: months and ISO weeks bucketed in the chosen fixed offset
//! (across a DST change), every figure of a small fixture worked by hand, a
//! month with no deployments and a metric missing in some months in words,
//! GitLab's monthly figures, the figures against the baseline's own
//! computation, and the chart's geometry with its bands — never a NaN.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::chart::trend::{self, TrendGeometry, FRAME};
use flywheel_core::model::benchmarks::Peers;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::{
    self, compute, read, DeployColumns, IncidentColumns, Window, WindowChoice,
};
use flywheel_core::model::standing::lens::{Lens, LensView};
use flywheel_core::model::trend::{
    from_data, gitlab_point, DataTrend, MonthlyPoint, MonthlyTrend, Status, TrendSource, MAX_MONTHS,
};
use flywheel_core::model::{Edition, Metric};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn headers(text: &str) -> Vec<String> {
    import::csv::parse(text).unwrap().headers
}

fn bucket(deploys: &str, incidents: &str, zone_min: i32) -> DataTrend {
    let zone = time::offset(zone_min);
    let data = read(
        deploys,
        &DeployColumns::guess(&headers(deploys)),
        incidents,
        &IncidentColumns::guess(&headers(if incidents.is_empty() { "x" } else { incidents })),
        zone,
    )
    .unwrap();
    assert!(data.rejected.is_empty(), "{:?}", data.rejected);
    from_data(&data, zone).unwrap()
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

const DEPLOYS: &str = "\
id,deployed_at,first_commit_at,failed,rework
j1,2026-01-01T10:00:00Z,2026-01-01T08:00:00Z,false,false
j2,2026-01-08T10:00:00Z,2026-01-08T06:00:00Z,true,false
j3,2026-01-15T10:00:00Z,2026-01-15T04:00:00Z,false,true
j4,2026-01-22T10:00:00Z,2026-01-22T00:00:00Z,false,false
m1,2026-03-02T10:00:00Z,2026-03-01T10:00:00Z,false,false
m2,2026-03-31T10:00:00Z,,false,false
";

const INCIDENTS: &str = "\
id,started_at,resolved_at,deployment_id
i1,2026-01-08T11:00:00Z,2026-01-08T12:30:00Z,j2
i2,2026-02-10T09:00:00Z,2026-02-10T13:00:00Z,
";

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

fn view(lens: Lens) -> LensView {
    LensView {
        lens,
        edition: Edition::Y2024,
        peers: Peers::default(),
    }
}

/// Every coordinate a chart binds is a finite number.
fn assert_drawable(g: &TrendGeometry) {
    for path in [&g.solid, &g.thin] {
        assert!(!path.contains("NaN") && !path.contains("inf"), "{path}");
    }
    let numbers = g
        .marks
        .iter()
        .flat_map(|m| [m.x, m.y])
        .chain(g.gaps.iter().map(|g| g.0))
        .chain(g.bands.iter().flat_map(|b| [b.top, b.bottom]))
        .chain(g.y_ticks.iter().chain(&g.x_ticks).map(|t| t.at));
    for v in numbers {
        assert!(v.is_finite());
    }
    for b in &g.bands {
        assert!(FRAME.top <= b.top && b.top < b.bottom && b.bottom <= FRAME.height - FRAME.bottom);
    }
}

#[test]
fn the_chart_draws_solid_figures_over_the_tier_bands() {
    let t = bucket(DEPLOYS, INCIDENTS, 0).trend;
    let g = trend::monthly(&t, Metric::DeployFrequency, view(Lens::Tiers), FRAME);
    assert_drawable(&g);
    // Per week: Jan 0.129 × 7 = 0.903, Feb 0, Mar 0.06452 × 7 = 0.45164.
    // Ticks 0–1 by 0.25 (0.903 × 1.05 = 0.948, step 0.25); y = 224 − 212 v.
    // x: 56, 340, 624 for three months.
    assert_eq!(g.unit, "deploys per week");
    assert_eq!(g.solid, "M56.0 32.6L340.0 224.0L624.0 128.3");
    assert!(g.thin.is_empty());
    assert_eq!(g.x_ticks[0].label, "Jan 2026");
    // 2024 tiers: Low below once a month (7/30.4167 = 0.2301 a week, y =
    // 224 − 48.8 = 175.2), Medium up to once a week (past the top, 12);
    // High and Elite lie above the chart and are not drawn.
    let bands: Vec<(String, String, String)> = g
        .bands
        .iter()
        .map(|b| {
            (
                b.label.clone(),
                format!("{:.1}", b.top),
                format!("{:.1}", b.bottom),
            )
        })
        .collect();
    assert_eq!(
        bands,
        [
            ("Low".to_string(), "175.2".to_string(), "224.0".to_string()),
            (
                "Medium".to_string(),
                "12.0".to_string(),
                "175.2".to_string()
            )
        ]
    );
    assert!(g
        .legend
        .starts_with("Bands: DORA's 2024 tiers (historical)."));

    // Lead time: January's 5 hours and March's 24 are both thin, and
    // February has none: two hollow marks, a gap between, no line.
    let g = trend::monthly(&t, Metric::LeadTime, view(Lens::Scores2025), FRAME);
    assert_drawable(&g);
    assert!(g.solid.is_empty() && g.thin.is_empty());
    assert_eq!(g.marks.len(), 2);
    assert!(g.marks.iter().all(|m| !m.solid));
    assert_eq!(g.gaps.len(), 1);
    assert_eq!(g.gaps[0].1, "February 2026: — (no deployments this month)");
    assert!(g.legend.contains("2025 Quick Check score"));
}

#[test]
fn a_metric_missing_in_some_months_breaks_the_line_with_words() {
    // GitLab's lead times for January and March, none for February;
    // deployment frequency every month.
    let mut points = Vec::new();
    for (m, deploys, lead) in [
        (1, 62.0, Some(36_000.0)),
        (2, 28.0, None),
        (3, 31.0, Some(18_000.0)),
    ] {
        let day = format!("2026-{m:02}-01");
        points.extend(gitlab_point("deployment_frequency", &day, Some(deploys)).unwrap());
        points.extend(gitlab_point("lead_time_for_changes", &day, lead).unwrap());
    }
    let t = MonthlyTrend::from_points(points, TrendSource::Aggregated)
        .unwrap()
        .trend;
    let rows = t.rows();
    let feb = rows[1].cell(Metric::LeadTime).unwrap();
    assert_eq!(
        (feb.status, feb.note.as_str()),
        (Status::Missing, "the export has no figure for this month")
    );
    let jan = rows[0].cell(Metric::LeadTime).unwrap();
    assert_eq!(jan.status, Status::Unjudged);
    assert_eq!(jan.text, "10 hours");
    assert!(t
        .rule()
        .starts_with("Months as the exporting tool cut them"));
    let g = trend::monthly(&t, Metric::LeadTime, view(Lens::Tiers), FRAME);
    assert_drawable(&g);
    // Unjudged figures draw solid, but nothing joins across the gap.
    assert!(g.solid.is_empty());
    assert_eq!((g.marks.len(), g.gaps.len()), (2, 1));
    // Deployment frequency: 2, 1 and 1 a day, joined.
    let g = trend::monthly(&t, Metric::DeployFrequency, view(Lens::Tiers), FRAME);
    assert_eq!(g.solid.matches('L').count(), 2);
    assert_eq!(g.unit, "deploys per day");
}

#[test]
fn nothing_to_draw_says_so_and_stays_finite() {
    let empty = MonthlyTrend {
        source: TrendSource::Aggregated,
        points: Vec::new(),
    };
    let g = trend::monthly(&empty, Metric::LeadTime, view(Lens::Tiers), FRAME);
    assert_drawable(&g);
    assert!(g.empty.is_some() && g.marks.is_empty());
    let only_rates = MonthlyTrend {
        source: TrendSource::Data { offset_minutes: 0 },
        points: vec![MonthlyPoint {
            month: date(2026, 5, 1),
            metric: Metric::DeployFrequency,
            value: 0.0,
            samples: Some(31),
        }],
    };
    let g = trend::monthly(
        &only_rates,
        Metric::ChangeFailureRate,
        view(Lens::Tiers),
        FRAME,
    );
    assert_drawable(&g);
    assert_eq!(
        g.empty.as_deref(),
        Some("No change failure rate figures to draw: every period shown lacks one.")
    );
    let g = trend::monthly(
        &only_rates,
        Metric::DeployFrequency,
        view(Lens::Tiers),
        FRAME.with_width(300.0),
    );
    assert_drawable(&g);
    assert_eq!(g.marks.len(), 1);
    let g = trend::weekly(&[], view(Lens::Tiers), FRAME);
    assert_drawable(&g);
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
