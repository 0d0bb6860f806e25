//! Chart geometry at the edges of `f64`: tick generation and every chart's
//! layout stay short, finite and ordered for any finite input, including
//! subnormal spans, single values and ranges as wide as all finite numbers.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::chart::burn_down::{self, burn_down};
use flywheel_core::chart::fan::{self, fan, Band, FanSeries, Marker};
use flywheel_core::chart::goal_progress::{self, layout};
use flywheel_core::chart::histogram::{self, bars, durations, Histogram};
use flywheel_core::chart::{nice_ticks, LinearScale};

/// Values whose pairs make the sweep's ranges: zero, subnormals, the
/// smallest normal, ordinary numbers, and the ends of `f64`.
const EDGES: [f64; 16] = [
    0.0,
    5e-324,
    1e-310,
    f64::MIN_POSITIVE,
    1e-300,
    1e-9,
    0.1,
    1.0,
    7.3,
    1e9,
    1e16 + 2.0,
    1e154,
    1e300,
    f64::MAX / 2.0,
    f64::MAX,
    -1.0,
];

fn ranges() -> Vec<(f64, f64)> {
    let mut values: Vec<f64> = EDGES.to_vec();
    values.extend(EDGES.iter().map(|v| -v));
    let mut out = Vec::new();
    for &a in &values {
        for &b in &values {
            out.push((a, b));
        }
    }
    out
}

#[test]
fn ticks_are_short_finite_ascending_and_cover_any_finite_range() {
    let mut checked = 0;
    for (a, b) in ranges() {
        for count in [1, 2, 4, 5, 6, 10, 1000] {
            let ticks = nice_ticks(a, b, count);
            let what = format!("nice_ticks({a:e}, {b:e}, {count}) = {ticks:?}");
            assert!(!ticks.is_empty(), "{what}");
            assert!(ticks.len() <= 2 * count.min(50) + 3, "{what}");
            assert!(ticks.iter().all(|t| t.is_finite()), "{what}");
            assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{what}");
            if b > a {
                assert!(ticks[0] <= a && *ticks.last().unwrap() >= b, "{what}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 32 * 32 * 7);
    assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
    assert!(nice_ticks(0.0, f64::INFINITY, 4).is_empty());
    assert!(nice_ticks(0.0, 1.0, 0).is_empty());
}

#[test]
fn the_issue_s_subnormal_percentage_gets_ticks() {
    // A 5e-324 percentage made a zero tick step and a capacity overflow.
    let ticks = nice_ticks(0.0, 5e-324, 5);
    assert_eq!(ticks, vec![0.0, 5e-324]);
}

#[test]
fn scales_map_finite_values_inside_even_the_widest_domains() {
    for (a, b) in ranges() {
        let s = LinearScale::new((a, b), (0.0, 100.0));
        for v in [a, b] {
            let p = s.map(v);
            assert!(p.is_finite(), "{a:e}..{b:e} maps {v:e} to {p}");
        }
    }
}

fn finite_path(d: &str) -> bool {
    !d.contains("NaN") && !d.contains("inf")
}

#[test]
fn every_chart_lays_out_extreme_values_with_finite_coordinates() {
    for (a, b) in ranges() {
        let (lo, hi) = (a.abs().min(b.abs()), a.abs().max(b.abs()));
        // Fan: a band from lo to hi for 157 weeks, a marker at hi.
        let bands = vec![
            Band {
                p10: lo,
                p50: (lo / 2.0 + hi / 2.0),
                p85: hi,
                p90: hi,
                p95: hi,
            };
            157
        ];
        let g = fan(
            &[FanSeries { bands: &bands }],
            1.0,
            Some(Marker {
                value: hi,
                week: 200,
            }),
            fan::FRAME,
        );
        assert!(finite_path(&g.band) && g.medians.iter().all(|m| finite_path(m)));
        assert!(!g.y_ticks.is_empty());
        assert!(g.y_ticks.iter().all(|t| t.0.is_finite() && t.1.is_finite()));
        // Burn-down from hi to −lo over 60 days.
        let t = 60.0 * 1440.0;
        let bd = burn_down(
            &[(0.0, hi), (t / 2.0, -lo), (t, -lo)],
            t,
            t / 2.0,
            hi,
            burn_down::FRAME.with_width(300.0),
        );
        assert!(finite_path(&bd.line), "burn-down {lo:e} {hi:e}");
        assert!(bd.budget_y.is_finite() && bd.zero_y.is_finite());
        assert!(bd.y_ticks.iter().all(|t| t.0.is_finite()));
        // Goal progress from lo to hi.
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let p = layout(
            lo,
            hi,
            start,
            end,
            &[(first, hi), (end, lo)],
            goal_progress::FRAME,
        )
        .unwrap();
        assert!(finite_path(&p.required) && finite_path(&p.actual));
        assert!(p.points.iter().all(|q| q.0.is_finite() && q.1.is_finite()));
        // Histograms of durations.
        let (h, _) = durations(&[lo, hi], 10).unwrap();
        assert!(h.step.is_finite() && h.step > 0.0);
        assert!(!h.counts.is_empty() && h.counts.len() <= 11);
        assert_eq!(h.counts.iter().sum::<u32>(), 2);
        assert!(Histogram::new(&[lo, hi], 3).is_some());
    }
    let g = bars(&[0, u32::MAX, 7], histogram::FRAME);
    assert!(g
        .bars
        .iter()
        .all(|b| [b.x, b.y, b.width, b.height].iter().all(|v| v.is_finite())));
}
