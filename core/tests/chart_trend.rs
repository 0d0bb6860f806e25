//! Trend charts: solid figures joined over the lens's bands (pixel
//! positions worked by hand), thin figures apart, a missing month as a gap
//! with its reason, and nothing to draw said in words — every coordinate
//! finite.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod trend_fixture;

use chrono::NaiveDate;
use flywheel_core::chart::trend::{self, TrendGeometry, FRAME};
use flywheel_core::model::benchmarks::Peers;
use flywheel_core::model::standing::lens::{Lens, LensView};
use flywheel_core::model::trend::{gitlab_point, MonthlyPoint, MonthlyTrend, Status, TrendSource};
use flywheel_core::model::{Edition, Metric};
use trend_fixture::{bucket, DEPLOYS, INCIDENTS};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn view(lens: Lens) -> LensView {
    LensView {
        lens,
        edition: Edition::Y2024,
        peers: Peers::default(),
        units: Default::default(),
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
    // Deployment frequency: 2, 1 and 1 a day, joined, drawn in the unit the
    // baseline was typed in (per week unless it says otherwise).
    let g = trend::monthly(&t, Metric::DeployFrequency, view(Lens::Tiers), FRAME);
    assert_eq!(g.solid.matches('L').count(), 2);
    assert_eq!(g.unit, "deploys per week");
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
fn weeks_and_snapshots_draw_on_their_own_axes() {
    // Fourteen ISO weeks; the first (4 days) and last (2 days) are partial,
    // so the segments touching them are thin.
    let d = bucket(DEPLOYS, INCIDENTS, 0);
    let g = trend::weekly(&d.weeks, view(Lens::Tiers), FRAME);
    assert_drawable(&g);
    assert_eq!(g.marks.len(), 14);
    assert!(!g.marks[0].solid && g.marks[1].solid && !g.marks[13].solid);
    assert_eq!(g.thin.matches('M').count(), 2);
    assert_eq!(g.solid.matches('L').count(), 11);
    assert_eq!(
        g.marks[0].label,
        "2026-W01 (from Dec 29): 1 deployment, a partial week: 4 of 7 days in the data"
    );

    // Snapshots on 1 Jan, 1 Feb and 1 Apr: spaced by their dates (0, 31
    // and 90 days over 56 → 624 pixels).
    use flywheel_core::model::history::{History, Origin, Snapshot};
    let snap = |d| Snapshot {
        date: d,
        baseline: flywheel_core::model::Baseline::default(),
        origin: Origin::Typed,
    };
    let h = History {
        snapshots: vec![
            snap(date(2026, 1, 1)),
            snap(date(2026, 2, 1)),
            snap(date(2026, 4, 1)),
        ],
        ..History::default()
    };
    let g = trend::history(&h, Metric::LeadTime, view(Lens::Tiers), FRAME);
    assert_drawable(&g);
    let xs: Vec<String> = g.marks.iter().map(|m| format!("{:.1}", m.x)).collect();
    // 56 + 568 × 31 / 90 = 251.6.
    assert_eq!(xs, ["56.0", "251.6", "624.0"]);
    assert_eq!(g.marks[1].label, "1 Feb 2026: 5 days (Typed)");
    let empty = trend::history(
        &History::default(),
        Metric::LeadTime,
        view(Lens::Tiers),
        FRAME,
    );
    assert_drawable(&empty);
    assert!(empty.empty.is_some());
}
