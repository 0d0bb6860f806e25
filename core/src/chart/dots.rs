//! Geometry of a dot plot across teams: one row per metric on the Quick
//! Check's 0–10 scale, one dot per team, the peers' mean ± one standard
//! deviation as a band behind each row. Teams with the same score are
//! spread up and down their row so no dot hides another.

use crate::chart::{Frame, LinearScale};

/// One row's input: the teams' scores and the peers' figure.
#[derive(Clone, Debug, PartialEq)]
pub struct DotRow {
    /// Each team's score, 0–10; `None` for a team with no value.
    pub scores: Vec<Option<f64>>,
    pub peer_mean: f64,
    pub peer_sd: f64,
}

/// One row's marks.
#[derive(Clone, Debug, PartialEq)]
pub struct DotRowGeometry {
    /// The row's centre line.
    pub y: f64,
    /// The band, left edge and width.
    pub band_x: f64,
    pub band_width: f64,
    pub mean_x: f64,
    /// (team's position in the input, x, y) of each team with a score.
    pub dots: Vec<(usize, f64, f64)>,
}

/// The whole plot.
#[derive(Clone, Debug, PartialEq)]
pub struct DotsGeometry {
    pub rows: Vec<DotRowGeometry>,
    /// (x, score) of the ticks along the bottom.
    pub x_ticks: Vec<(f64, f64)>,
    /// (y, row index) of each row's label.
    pub y_ticks: Vec<(f64, f64)>,
}

/// Height of one row.
pub const ROW_HEIGHT: f64 = 44.0;

/// The plot's frame for `rows` rows at its widest.
pub fn frame(rows: usize) -> Frame {
    Frame {
        width: 720.0,
        height: 48.0 + ROW_HEIGHT * rows as f64,
        left: 150.0,
        right: 16.0,
        top: 8.0,
        bottom: 40.0,
    }
}

/// Lays out `rows` in `frame`.
pub fn dots(rows: &[DotRow], frame: Frame) -> DotsGeometry {
    let x = LinearScale::new((0.0, 10.0), frame.x_range());
    let at = |v: f64| {
        x.map(if v.is_finite() {
            v.clamp(0.0, 10.0)
        } else {
            0.0
        })
    };
    let out = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let y = frame.top + ROW_HEIGHT * (r as f64 + 0.5);
            let sd = if row.peer_sd.is_finite() {
                row.peer_sd.abs()
            } else {
                0.0
            };
            let (lo, hi) = (at(row.peer_mean - sd), at(row.peer_mean + sd));
            // Dots sharing a score stack alternately above and below the
            // line, 6 px apart, within the row.
            let mut seen: Vec<(f64, usize)> = Vec::new();
            let dots = row
                .scores
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let s = (*s).filter(|v| v.is_finite())?;
                    let dx = at(s);
                    let n = match seen.iter_mut().find(|(v, _)| (*v - dx).abs() < 4.0) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            seen.push((dx, 0));
                            0
                        }
                    };
                    let step = n.div_ceil(2) as f64 * 6.0;
                    let offset = if n % 2 == 1 { -step } else { step };
                    let limit = ROW_HEIGHT / 2.0 - 5.0;
                    Some((i, dx, y + offset.clamp(-limit, limit)))
                })
                .collect();
            DotRowGeometry {
                y,
                band_x: lo,
                band_width: hi - lo,
                mean_x: at(row.peer_mean),
                dots,
            }
        })
        .collect::<Vec<_>>();
    DotsGeometry {
        y_ticks: out
            .iter()
            .enumerate()
            .map(|(i, r)| (r.y, i as f64))
            .collect(),
        rows: out,
        x_ticks: (0..=5)
            .map(|k| (x.map(2.0 * f64::from(k)), 2.0 * f64::from(k)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teams_sit_on_their_rows_and_never_hide_each_other() {
        let f = frame(2);
        let g = dots(
            &[
                DotRow {
                    scores: vec![Some(4.0), Some(4.0), None, Some(10.0), Some(4.0)],
                    peer_mean: 4.8,
                    peer_sd: 2.8,
                },
                DotRow {
                    scores: vec![Some(f64::NAN), Some(-3.0)],
                    peer_mean: 7.4,
                    peer_sd: 2.1,
                },
            ],
            f,
        );
        let (x0, x1) = f.x_range();
        let row = &g.rows[0];
        // The team with no value has no dot; the three at 4 are spread.
        assert_eq!(
            row.dots.iter().map(|d| d.0).collect::<Vec<_>>(),
            [0, 1, 3, 4]
        );
        let ys: Vec<f64> = row.dots.iter().filter(|d| d.0 != 3).map(|d| d.2).collect();
        assert_eq!(ys, [row.y, row.y - 6.0, row.y + 6.0]);
        assert_eq!(row.dots[2].1, x1);
        // 4.8 ± 2.8 on 0–10 across the plot.
        let unit = (x1 - x0) / 10.0;
        assert!((row.band_x - (x0 + 2.0 * unit)).abs() < 1e-9);
        assert!((row.band_width - 5.6 * unit).abs() < 1e-9);
        // Odd scores stay on the scale; the second row sits lower.
        assert_eq!(g.rows[1].dots, vec![(1, x0, g.rows[1].y)]);
        assert!(g.rows[1].y > row.y);
        assert_eq!(g.x_ticks.first().map(|t| t.1), Some(0.0));
        assert_eq!(g.x_ticks.last().map(|t| t.1), Some(10.0));
    }
}
