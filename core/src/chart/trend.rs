//! Geometry of a trend chart: one metric's figures over months, ISO weeks
//! or the baseline history's snapshots, with the lens's bands behind the
//! line (DORA tiers, or the 2025 score against peers:
//! [`crate::model::trend::bands`]).
//!
//! Solid figures are joined by the solid line; a segment touching a thin
//! figure (too few samples) goes into a separate, fainter path, and its
//! mark says it is thin; a missing figure breaks the line and is listed as
//! a gap with its reason. Every number here is finite whatever the data:
//! no figures at all give an empty chart with a sentence saying why.

use std::fmt::Write;

use crate::chart::{nice_ticks, ticks, Frame, LinearScale, Tick};
use crate::model::date::{format_date, format_day_month, month};
use crate::model::history::History;
use crate::model::standing::lens::LensView;
use crate::model::trend::bands::{bands, Bands};
use crate::model::trend::{Block, MonthlyTrend, Status, WeekRow};
use crate::model::units::{format_number, Units};
use crate::model::Metric;

/// The standard frame for trend charts.
pub const FRAME: Frame = Frame {
    width: 640.0,
    height: 260.0,
    left: 56.0,
    right: 16.0,
    top: 12.0,
    bottom: 36.0,
};

/// One figure to plot, `x` in the chart's own unit (a month's or week's
/// index, days since the first snapshot).
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    /// Canonical unit; `None` for a gap.
    pub value: Option<f64>,
    /// Drawn as solid (enough samples, or none counted).
    pub solid: bool,
    /// What the mark or gap says: "March 2026: 2.5 days (median of 14
    /// changes)".
    pub label: String,
    /// The samples the figure rests on, when counted.
    pub samples: Option<u32>,
}

/// A plotted figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub solid: bool,
    pub label: String,
    /// "n=14" above the mark, when the figure's samples are counted and
    /// neighbouring marks leave room for it.
    pub count: Option<String>,
}

/// Pixels between neighbouring figures below which their counts would
/// collide: "n=1,234" at 12 px is about 45 pixels wide.
const COUNT_ROOM: f64 = 48.0;

/// A band behind the line, in pixels (`top` above `bottom`).
#[derive(Clone, Debug, PartialEq)]
pub struct BandRect {
    pub top: f64,
    pub bottom: f64,
    pub label: String,
    pub key: &'static str,
}

/// Everything a trend chart component binds.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendGeometry {
    /// `d` of the line between solid figures.
    pub solid: String,
    /// `d` of the segments touching a thin figure.
    pub thin: String,
    pub marks: Vec<Mark>,
    /// Where a figure is missing: its x pixel and why.
    pub gaps: Vec<(f64, String)>,
    pub bands: Vec<BandRect>,
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    /// The value axis's unit: "deploys per week", "days", "%".
    pub unit: &'static str,
    /// What the bands are, in a sentence.
    pub legend: String,
    /// Why nothing is plotted, when nothing is.
    pub empty: Option<String>,
}

/// Appends the segment `a`–`b` to `d`, continuing the path when it ends at
/// `a`.
fn segment(d: &mut String, end: &mut Option<(f64, f64)>, a: (f64, f64), b: (f64, f64)) {
    if *end != Some(a) {
        let _ = write!(d, "M{:.1} {:.1}", a.0, a.1);
    }
    let _ = write!(d, "L{:.1} {:.1}", b.0, b.1);
    *end = Some(b);
}

/// Lays out `points` (in order along x) over `x_domain`, with x ticks at
/// the given positions and labels, the metric's values in its natural
/// display unit, and `bands` behind.
pub fn layout(
    points: &[Point],
    x_domain: (f64, f64),
    x_labels: &[(f64, String)],
    metric: Metric,
    bands: &Bands,
    units: Units,
    frame: Frame,
) -> TrendGeometry {
    let mut present: Vec<f64> = points
        .iter()
        .filter_map(|p| p.value)
        .filter(|v| v.is_finite())
        .collect();
    present.sort_by(f64::total_cmp);
    let unit = units.of(metric);
    let hi = present.last().map_or(1.0, |&v| v * unit.factor).max(0.0);
    let y_ticks = nice_ticks(0.0, if hi > 0.0 { hi * 1.05 } else { 1.0 }, 4);
    let y_domain = (
        y_ticks.first().copied().unwrap_or(0.0),
        y_ticks.last().copied().unwrap_or(1.0),
    );
    let x = LinearScale::new(x_domain, frame.x_range());
    let y = LinearScale::new(y_domain, frame.y_range());
    let at = |p: &Point, v: f64| (x.map(p.x), y.map(v * unit.factor));
    let room = points
        .windows(2)
        .map(|w| (x.map(w[1].x) - x.map(w[0].x)).abs())
        .fold(f64::INFINITY, f64::min)
        >= COUNT_ROOM;

    let (mut solid, mut thin) = (String::new(), String::new());
    let (mut solid_end, mut thin_end) = (None, None);
    let mut marks = Vec::new();
    let mut gaps = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let Some(v) = p.value.filter(|v| v.is_finite()) else {
            gaps.push((x.map(p.x), p.label.clone()));
            continue;
        };
        let here = at(p, v);
        marks.push(Mark {
            x: here.0,
            y: here.1,
            solid: p.solid,
            label: p.label.clone(),
            count: p
                .samples
                .filter(|_| room)
                .map(|n| format!("n={}", crate::model::units::format_count(u64::from(n)))),
        });
        let Some(next) = points.get(i + 1) else {
            continue;
        };
        if let Some(w) = next.value.filter(|w| w.is_finite()) {
            if p.solid && next.solid {
                segment(&mut solid, &mut solid_end, here, at(next, w));
            } else {
                segment(&mut thin, &mut thin_end, here, at(next, w));
            }
        }
    }
    let clip = |v: f64| v.clamp(y_domain.0, y_domain.1);
    let band_rects = bands
        .bands
        .iter()
        .filter_map(|b| {
            let (lo, hi) = (clip(b.from * unit.factor), clip(b.to * unit.factor));
            (hi > lo).then(|| BandRect {
                top: y.map(hi),
                bottom: y.map(lo),
                label: b.label.clone(),
                key: b.key,
            })
        })
        .collect();
    let x_ticks = x_labels
        .iter()
        .map(|(v, label)| Tick {
            at: x.map(*v),
            label: label.clone(),
        })
        .collect();
    let y_positions: Vec<(f64, f64)> = y_ticks.iter().map(|&v| (y.map(v), v)).collect();
    TrendGeometry {
        solid,
        thin,
        empty: marks.is_empty().then(|| {
            format!(
                "No {} figures to draw: every period shown lacks one.",
                metric.name().to_ascii_lowercase()
            )
        }),
        marks,
        gaps,
        bands: band_rects,
        y_ticks: ticks(&y_positions, |v| format_number(v, 2)),
        x_ticks,
        unit: unit.label,
        legend: bands.legend.clone(),
    }
}

/// Every `stride`-th index of `n`, so about `count` labels fit.
fn label_indices(n: usize, count: usize) -> impl Iterator<Item = usize> {
    let stride = n.div_ceil(count.max(1)).max(1);
    (0..n).step_by(stride)
}

/// A monthly trend's chart for `metric` under `view`'s lens.
pub fn monthly(
    trend: &MonthlyTrend,
    metric: Metric,
    view: LensView,
    frame: Frame,
) -> TrendGeometry {
    let rows = trend.rows();
    let points: Vec<Point> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cell = row.cell(metric);
            let (value, solid, text) = match cell {
                Some(c) => (
                    c.value,
                    matches!(c.status, Status::Solid | Status::Unjudged),
                    format!("{} ({})", c.text, c.note),
                ),
                None => (None, false, "not followed".to_string()),
            };
            Point {
                x: i as f64,
                value,
                solid,
                label: format!("{}: {text}", row.label),
                samples: cell.and_then(|c| c.samples),
            }
        })
        .collect();
    let n = rows.len();
    let labels: Vec<(f64, String)> = label_indices(n, frame.x_tick_count())
        .map(|i| (i as f64, month::format_month_short(rows[i].month)))
        .collect();
    layout(
        &points,
        (0.0, n.saturating_sub(1) as f64),
        &labels,
        metric,
        &bands(view, metric),
        view.units,
        frame,
    )
}

/// Deployment frequency per ISO week, partial weeks marked thin.
pub fn weekly(weeks: &[WeekRow], view: LensView, frame: Frame) -> TrendGeometry {
    let metric = Metric::DeployFrequency;
    let points: Vec<Point> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let partial = if w.partial {
                format!(", a partial week: {} of 7 days in the data", w.days)
            } else {
                String::new()
            };
            Point {
                x: i as f64,
                value: Some(w.per_week / 7.0),
                solid: !w.partial,
                label: format!(
                    "{} (from {}): {} deployment{}{partial}",
                    w.label,
                    format_day_month(w.monday),
                    w.deploys,
                    if w.deploys == 1 { "" } else { "s" }
                ),
                samples: None,
            }
        })
        .collect();
    let labels: Vec<(f64, String)> = label_indices(weeks.len(), frame.x_tick_count())
        .map(|i| (i as f64, format_day_month(weeks[i].monday)))
        .collect();
    layout(
        &points,
        (0.0, weeks.len().saturating_sub(1) as f64),
        &labels,
        metric,
        &bands(view, metric),
        view.units,
        frame,
    )
}

/// Deployment frequency per 7-day block of the applied import's window
/// ([`crate::model::trend::blocks`]): whole weeks, so every mark is solid.
pub fn blocks(blocks: &[Block], view: LensView, frame: Frame) -> TrendGeometry {
    let metric = Metric::DeployFrequency;
    let points: Vec<Point> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Point {
            x: i as f64,
            value: Some(b.per_day()),
            solid: true,
            label: format!(
                "{}: {} deployment{}",
                b.label(),
                b.deploys,
                if b.deploys == 1 { "" } else { "s" }
            ),
            samples: None,
        })
        .collect();
    let labels: Vec<(f64, String)> = label_indices(blocks.len(), frame.x_tick_count())
        .map(|i| (i as f64, format_day_month(blocks[i].first)))
        .collect();
    layout(
        &points,
        (0.0, blocks.len().saturating_sub(1) as f64),
        &labels,
        metric,
        &bands(view, metric),
        view.units,
        frame,
    )
}

/// The baseline history's snapshots of `metric` as a timeline, spaced by
/// their dates.
pub fn history(history: &History, metric: Metric, view: LensView, frame: Frame) -> TrendGeometry {
    let snaps = &history.snapshots;
    let first = snaps.first().map(|s| s.date);
    let day = |d: chrono::NaiveDate| first.map_or(0.0, |f| (d - f).num_days() as f64);
    let points: Vec<Point> = snaps
        .iter()
        .map(|s| {
            let value = s.baseline.value(metric);
            let text = value.map_or_else(
                || "not recorded".to_string(),
                |v| crate::model::trend::value_words(metric, v),
            );
            Point {
                x: day(s.date),
                value,
                solid: true,
                label: format!("{}: {text} ({})", format_date(s.date), s.origin.words()),
                samples: None,
            }
        })
        .collect();
    let labels: Vec<(f64, String)> = label_indices(snaps.len(), frame.x_tick_count())
        .map(|i| (day(snaps[i].date), format_date(snaps[i].date)))
        .collect();
    let last = snaps.last().map_or(0.0, |s| day(s.date));
    layout(
        &points,
        (0.0, last),
        &labels,
        metric,
        &bands(view, metric),
        view.units,
        frame,
    )
}
