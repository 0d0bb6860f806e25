//! What a trend chart draws behind its line, under the scenario's lens
//! (`standing::lens`): the DORA tiers of the chosen edition (domain.md §2),
//! or where a value's 2025 Quick Check score stands
//! against the chosen peers — above, near or below their mean, "near"
//! being within half a standard deviation as everywhere else
//! ([`quick_check::versus_peer`]).

use crate::model::benchmarks::{figure, Indicator};
use crate::model::dora::{self, Edition, Scale, Tier};
use crate::model::quick_check::{self, PeerScore};
use crate::model::standing::group_words;
use crate::model::standing::lens::{Lens, LensView};
use crate::model::units::{DAYS_PER_MONTH, HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK};
use crate::model::Metric;

/// A range of values drawn as a band, in the metric's canonical unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueBand {
    pub from: f64,
    /// May be infinite: the band reaches the top of the chart.
    pub to: f64,
    /// "Elite", "High – Medium", "Above peers".
    pub label: String,
    /// For CSS classes: a tier's key, or "above", "near", "below".
    pub key: &'static str,
}

/// The bands and a sentence saying what they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub bands: Vec<ValueBand>,
    pub legend: String,
}

/// The bands behind `metric` under `view`.
pub fn bands(view: LensView, metric: Metric) -> Bands {
    match view.lens {
        Lens::Tiers => tier_bands(view.edition, metric),
        Lens::Scores2025 => score_bands(view, metric),
    }
}

/// A tier's band: "Elite", or "High – Medium" for a shared range.
fn tier_band(best: Tier, worst: Tier, from: f64, to: f64) -> ValueBand {
    ValueBand {
        from,
        to,
        label: if best == worst {
            best.name().to_string()
        } else {
            format!("{} – {}", best.name(), worst.name())
        },
        key: best.key(),
    }
}

/// The value ranges of a metric's tiers under `edition`, lowest values
/// first, as [`dora::classify`] judges values: neighbouring ranges meet at
/// the published limit (a value in a gap between two published ranges
/// takes the lower tier, so the gap joins that tier's range), the worst
/// tier reaches past its published range, and 2024's change-failure
/// clusters each take the values nearer their own figure than any other —
/// so those bands run 5%, 10%, 20%, 40% (Elite, Medium, High, Low), not in
/// tier order.
fn tier_ranges(edition: Edition, metric: Metric) -> Vec<ValueBand> {
    match dora::scale(edition, metric) {
        None => Vec::new(),
        Some(Scale::Bands(ranges)) => {
            let last = ranges.len().saturating_sub(1);
            let mut out: Vec<ValueBand> = Vec::with_capacity(ranges.len());
            if metric.higher_is_better() {
                // Best first, each limit the range's lowest rate.
                let mut top = f64::INFINITY;
                for (i, b) in ranges.iter().enumerate() {
                    let from = if i == last { 0.0 } else { b.limit };
                    out.push(tier_band(b.best, b.worst, from, top));
                    top = b.limit;
                }
                out.reverse();
            } else {
                let mut bottom = 0.0;
                for (i, b) in ranges.iter().enumerate() {
                    let to = if i == last { f64::INFINITY } else { b.limit };
                    out.push(tier_band(b.best, b.worst, bottom, to));
                    bottom = b.limit;
                }
            }
            out
        }
        Some(Scale::Points(points)) => {
            let mut sorted = points.to_vec();
            sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
            let mid = |i: usize, j: usize| (sorted[i].1 + sorted[j].1) / 2.0;
            (0..sorted.len())
                .map(|i| {
                    let from = if i == 0 { 0.0 } else { mid(i - 1, i) };
                    let to = if i + 1 == sorted.len() {
                        f64::INFINITY
                    } else {
                        mid(i, i + 1)
                    };
                    tier_band(sorted[i].0, sorted[i].0, from, to)
                })
                .collect()
        }
    }
}

fn tier_bands(edition: Edition, metric: Metric) -> Bands {
    let year = edition.year();
    let bands = tier_ranges(edition, metric);
    let legend = if bands.is_empty() {
        format!(
            "DORA's {year} tiers (historical) have none for {}.",
            metric.name().to_ascii_lowercase()
        )
    } else {
        format!(
            "Bands: DORA's {year} tiers (historical). {}",
            edition.source_note()
        )
    };
    Bands { bands, legend }
}

/// The Quick Check's answer buckets as value ranges with their codes
/// (`quick_check::deploy_frequency_code`, `duration_code`), lowest values
/// first; a test checks each against the functions themselves.
fn buckets(metric: Metric) -> Option<Vec<(f64, f64, u8)>> {
    let inf = f64::INFINITY;
    match metric {
        Metric::DeployFrequency => Some(vec![
            (0.0, 1.0 / (6.0 * DAYS_PER_MONTH), 1),
            (1.0 / (6.0 * DAYS_PER_MONTH), 1.0 / DAYS_PER_MONTH, 2),
            (1.0 / DAYS_PER_MONTH, 1.0 / 7.0, 3),
            (1.0 / 7.0, 1.0, 4),
            // Exactly one a day is code 5, a band of no width.
            (1.0, inf, 6),
        ]),
        Metric::LeadTime | Metric::RecoveryTime => Some(vec![
            (0.0, 1.0, 6),
            (1.0, HOURS_PER_DAY, 5),
            (HOURS_PER_DAY, HOURS_PER_WEEK, 4),
            (HOURS_PER_WEEK, HOURS_PER_MONTH, 3),
            (HOURS_PER_MONTH, 6.0 * HOURS_PER_MONTH, 2),
            (6.0 * HOURS_PER_MONTH, inf, 1),
        ]),
        _ => None,
    }
}

/// The band label and key of a standing in words
/// ([`quick_check::versus_peer`]).
fn standing(word: &str) -> (&'static str, &'static str) {
    match word {
        "above peers" => ("Above peers", "above"),
        "below peers" => ("Below peers", "below"),
        _ => ("Near peers", "near"),
    }
}

fn score_bands(view: LensView, metric: Metric) -> Bands {
    let Some(indicator) = Indicator::from_metric(metric) else {
        return Bands {
            bands: Vec::new(),
            legend: format!(
                "DORA's 2025 scores do not cover {}.",
                metric.name().to_ascii_lowercase()
            ),
        };
    };
    let group = view.peers.groups()[0];
    let f = figure(group, indicator);
    let peer = PeerScore {
        mean: f.mean,
        sd: Some(f.sd),
    };
    let mut bands: Vec<ValueBand> = Vec::new();
    // Neighbouring ranges with the same standing make one band.
    let mut push = |from: f64, to: f64, word: &str| {
        if from >= to {
            return;
        }
        let (label, key) = standing(word);
        match bands.last_mut() {
            Some(last) if last.key == key => last.to = to,
            _ => bands.push(ValueBand {
                from,
                to,
                label: label.to_string(),
                key,
            }),
        }
    };
    match buckets(metric) {
        Some(list) => {
            for (from, to, code) in list {
                push(
                    from,
                    to,
                    quick_check::versus_peer(quick_check::bucket_score(code), peer),
                );
            }
        }
        None => {
            // score = (100 − p) / 10, so a score s is the percentage 100 − 10 s.
            let at = |score: f64| (100.0 - 10.0 * score).clamp(0.0, 100.0);
            let (hi_score, lo_score) = (f.mean + f.sd / 2.0, f.mean - f.sd / 2.0);
            push(0.0, at(hi_score), "above peers");
            push(at(hi_score), at(lo_score), "near peers");
            push(at(lo_score), 100.0, "below peers");
        }
    }
    Bands {
        bands,
        legend: format!(
            "Bands: where a value's 2025 Quick Check score stands against {} ({:.1} ± {:.1} of 10); near is within half a standard deviation.",
            group_words(group),
            f.mean,
            f.sd
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::benchmarks::Peers;
    use crate::model::standing::lens::Lens;

    fn view(lens: Lens, edition: Edition) -> LensView {
        LensView {
            lens,
            edition,
            peers: Peers::default(),
            units: Default::default(),
        }
    }

    #[test]
    fn buckets_agree_with_the_quick_check_codes() {
        for metric in [Metric::DeployFrequency, Metric::LeadTime] {
            for (from, to, code) in buckets(metric).unwrap() {
                let mid = if to.is_finite() {
                    (from + to) / 2.0
                } else {
                    from * 2.0
                };
                let got = match metric {
                    Metric::DeployFrequency => quick_check::deploy_frequency_code(mid),
                    _ => quick_check::duration_code(mid),
                };
                assert_eq!(got, code, "{metric:?} {from}–{to}");
            }
        }
    }

    #[test]
    fn the_2024_change_failure_bands_run_in_value_order() {
        // Clusters 5% Elite, 10% Medium, 20% High, 40% Low: each band holds
        // the values nearest its own figure (domain.md §2).
        let b = bands(view(Lens::Tiers, Edition::Y2024), Metric::ChangeFailureRate).bands;
        let labels: Vec<&str> = b.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Elite", "Medium", "High", "Low"]);
        let edges: Vec<f64> = b.iter().map(|b| b.from).collect();
        assert_eq!(edges, [0.0, 7.5, 15.0, 30.0]);
        assert!(b[3].to.is_infinite());
    }

    #[test]
    fn score_bands_split_at_the_peers_mean_and_half_a_deviation() {
        // All respondents' change-failure score: 10 − 1.9 = 8.1 ± 2.1, so
        // near peers is 7.05–9.15 of 10: 8.5% to 29.5% of deployments.
        let b = bands(
            view(Lens::Scores2025, Edition::Y2024),
            Metric::ChangeFailureRate,
        );
        let edges: Vec<(f64, f64)> = b.bands.iter().map(|b| (b.from, b.to)).collect();
        let close = |a: f64, e: f64| (a - e).abs() < 1e-9;
        assert!(
            close(edges[0].1, 8.5) && close(edges[1].1, 29.5),
            "{edges:?}"
        );
        assert!(b.legend.contains("all respondents (8.1 ± 2.1 of 10)"));
        // Lead time: 5.5 ± 2.4, near is 4.3–6.7. Codes 6 and 5 (scores 10
        // and 8, under a day) are above, code 4 (6, up to a week) near,
        // codes 3 to 1 (4, 2, 0) below.
        let lead = bands(view(Lens::Scores2025, Edition::Y2024), Metric::LeadTime).bands;
        let got: Vec<(&str, f64)> = lead.iter().map(|b| (b.key, b.to)).collect();
        assert_eq!(
            got,
            [
                ("above", HOURS_PER_DAY),
                ("near", HOURS_PER_WEEK),
                ("below", f64::INFINITY)
            ]
        );
        assert!(bands(view(Lens::Tiers, Edition::Y2024), Metric::ReworkRate)
            .bands
            .is_empty());
    }
}
