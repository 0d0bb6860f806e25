//! Pure chart geometry: linear scales, "nice" axis ticks and SVG path
//! strings. Components only bind what these compute to attributes.

/// A linear map from a data domain onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    /// A scale from `domain` to `range`; a zero-width domain is widened so
    /// nothing divides by zero.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        let (a, b) = domain;
        let domain = if (b - a).abs() < f64::EPSILON * a.abs().max(1.0) {
            (a - 1.0, a + 1.0)
        } else {
            domain
        };
        Scale { domain, range }
    }

    /// The pixel position of `v`.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values covering `[min, max]`, about `count` of them, on steps
/// of 1, 2 or 5 × 10ⁿ.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || count == 0 {
        return Vec::new();
    }
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if hi - lo <= 0.0 {
        return vec![lo];
    }
    let step = nice_step((hi - lo) / count as f64);
    // Tick i is i·step; when the step is below 1, divide by a power of ten
    // instead of multiplying by a fraction, so 3 × 0.1 prints as 0.3.
    let exp = step.log10().floor() as i32;
    let value = |i: i64| {
        if exp < 0 {
            i as f64 * (step * 10f64.powi(-exp)).round() / 10f64.powi(-exp)
        } else {
            i as f64 * step
        }
    };
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(value).map(|v| v + 0.0).collect()
}

/// The 1, 2 or 5 × 10ⁿ step nearest above `raw`.
pub fn nice_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// An SVG path through `points` (data coordinates) mapped by the scales:
/// "M x y L x y …", with two decimals.
pub fn line_path(points: &[(f64, f64)], x: &Scale, y: &Scale) -> String {
    let mut d = String::new();
    for &(px, py) in points {
        if !px.is_finite() || !py.is_finite() {
            continue;
        }
        let cmd = if d.is_empty() { 'M' } else { 'L' };
        if !d.is_empty() {
            d.push(' ');
        }
        d.push_str(&format!("{cmd}{} {}", fmt(x.map(px)), fmt(y.map(py))));
    }
    d
}

/// A closed area between the line through `points` and the baseline value
/// `base`.
pub fn area_path(points: &[(f64, f64)], x: &Scale, y: &Scale, base: f64) -> String {
    if points.is_empty() {
        return String::new();
    }
    let line = line_path(points, x, y);
    let first = points[0].0;
    let last = points[points.len() - 1].0;
    format!(
        "{line} L{} {} L{} {} Z",
        fmt(x.map(last)),
        fmt(y.map(base)),
        fmt(x.map(first)),
        fmt(y.map(base))
    )
}

fn fmt(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A tick: its pixel position and its label.
pub type Tick = (f64, String);

/// Everything the burn-down chart draws, in pixels of a `WIDTH × HEIGHT`
/// view box.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnDown {
    /// The remaining-budget line.
    pub line: String,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// Vertical position of the full budget and of zero.
    pub budget_y: f64,
    pub zero_y: f64,
    /// Horizontal position of the end of the first window.
    pub window_end_x: f64,
    /// The plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
}

/// View-box width and height of the burn-down chart.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 280.0;

/// Lays out the burn-down: `points` are (minutes since the window start,
/// budget remaining in the display unit); `span` is the x extent in minutes,
/// `window` where the first window ends, `budget` the full budget in the
/// display unit. The x axis is labelled in days.
pub fn burn_down(points: &[(f64, f64)], span: f64, window: f64, budget: f64) -> BurnDown {
    let plot = (56.0, 12.0, WIDTH - 16.0, HEIGHT - 40.0);
    let lowest = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let highest = points.iter().map(|p| p.1).fold(budget, f64::max);
    // Round the axis outwards to whole steps so the budget line sits under
    // the top tick.
    let step = nice_step(((highest - lowest) / 5.0).max(f64::MIN_POSITIVE));
    let (y_lo, y_hi) = if highest > lowest {
        (
            (lowest / step).floor() * step,
            (highest / step).ceil() * step,
        )
    } else {
        (lowest - 1.0, lowest + 1.0)
    };
    let y_ticks_v = nice_ticks(y_lo, y_hi, 5);
    let x = Scale::new((0.0, span), (plot.0, plot.2));
    let y = Scale::new((y_lo, y_hi), (plot.3, plot.1));
    let days = span / 1440.0;
    let x_ticks = nice_ticks(0.0, days, 6)
        .into_iter()
        .map(|d| (x.map(d * 1440.0), fmt(d)))
        .collect();
    let y_ticks = y_ticks_v.into_iter().map(|v| (y.map(v), fmt(v))).collect();
    BurnDown {
        line: line_path(points, &x, &y),
        x_ticks,
        y_ticks,
        budget_y: y.map(budget),
        zero_y: y.map(0.0),
        window_end_x: x.map(window),
        plot,
    }
}
