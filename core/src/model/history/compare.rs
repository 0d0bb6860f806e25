//! Two snapshots compared in words: "Since 5 Mar 2026 (3 months earlier):
//! lead time for changes 41% lower, tier High → Elite; …". Each metric's
//! move is judged by its value first, with the tier under the scenario's
//! edition (or the 2025 score, under that lens) alongside, through
//! [`TierMove`], so 2024's change-failure clusters, which are not in tier
//! order (domain.md §2), read right: a better value that lands in a
//! "lower" cluster says so and why.

use chrono::NaiveDate;

use super::{History, Snapshot};
use crate::model::compare::{percent_difference, Change};
use crate::model::date::format_date;
use crate::model::quick_check;
use crate::model::standing::lens::{Lens, LensView};
use crate::model::units::format_number;
use crate::model::wording::TierMove;
use crate::model::Metric;

/// One metric between two snapshots.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricMove {
    pub metric: Metric,
    /// Canonical values on the earlier and later day (`None`: not
    /// recorded).
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// The move by value and by tier, when both days have a value.
    pub tier_move: Option<TierMove>,
    /// For the summary: "lead time for changes 41% lower (5 days → 2.95
    /// days), tier High → Elite".
    pub short: String,
    /// For the table: [`TierMove::describe`] under the tiers lens, the
    /// score's move under the 2025 scores, or what is missing.
    pub sentence: String,
}

/// Two snapshots compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub earlier: NaiveDate,
    pub later: NaiveDate,
    /// Every metric, in [`Metric::ALL`] order.
    pub moves: Vec<MetricMove>,
    /// One paragraph: the period, then each metric recorded on both days.
    pub summary: String,
}

/// "12 days", "5 weeks", "3 months".
fn period(days: i64) -> String {
    let (n, unit) = if days < 14 {
        (days, "day")
    } else if days < 60 {
        ((days as f64 / 7.0).round() as i64, "week")
    } else {
        ((days as f64 / 30.44).round() as i64, "month")
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn value_words(metric: Metric, v: f64) -> String {
    crate::model::trend::value_words(metric, v)
}

/// "41% lower (5 days → 2.95 days)", "9 points lower (18% → 9%)".
fn by_value(metric: Metric, from: f64, to: f64, change: Option<Change>) -> String {
    let values = format!(
        "{} → {}",
        value_words(metric, from),
        value_words(metric, to)
    );
    let way = if to > from { "higher" } else { "lower" };
    match change {
        Some(Change::Same) => format!("unchanged ({})", value_words(metric, to)),
        _ if metric.is_percent() => format!(
            "{} points {way} ({values})",
            format_number((to - from).abs(), 1)
        ),
        _ => match percent_difference(from, to) {
            Some(p) => format!("{}% {way} ({values})", format_number(p, 0)),
            None => format!("{way} ({values})"),
        },
    }
}

fn compare_metric(metric: Metric, a: &Snapshot, b: &Snapshot, view: LensView) -> MetricMove {
    let (from, to) = (a.baseline.value(metric), b.baseline.value(metric));
    let name = metric.name();
    let lower = name.to_lowercase();
    let (Some(x), Some(y)) = (from, to) else {
        let missing = if from.is_none() { a.date } else { b.date };
        return MetricMove {
            metric,
            from,
            to,
            tier_move: None,
            short: format!("{lower} not recorded on {}", format_date(missing)),
            sentence: format!("{name}: no figure on {}.", format_date(missing)),
        };
    };
    let m = TierMove::new(view.edition, metric, x, y);
    let mut short = format!("{lower} {}", by_value(metric, x, y, m.value_change));
    let sentence = match view.lens {
        Lens::Tiers => {
            if let (Some(ft), Some(tt)) = (m.from_tier, m.to_tier) {
                if m.tiers_disagree() {
                    short.push_str(&format!(
                        ", tier {} → {} (DORA {}'s tiers are not in order for this metric: judge by the value)",
                        ft.label(),
                        tt.label(),
                        view.edition.year()
                    ));
                } else if m.tier_change == Some(Change::Same) {
                    short.push_str(&format!(", still {}", tt.label()));
                } else {
                    short.push_str(&format!(", tier {} → {}", ft.label(), tt.label()));
                }
            }
            m.describe(view.units)
        }
        Lens::Scores2025 => match (quick_check::score(metric, x), quick_check::score(metric, y)) {
            (Some(sx), Some(sy)) => {
                short.push_str(&format!(", score {sx:.1} → {sy:.1} of 10"));
                format!(
                    "{name} {}: its 2025 score moved from {sx:.1} to {sy:.1} of 10.",
                    by_value(metric, x, y, m.value_change)
                )
            }
            _ => m.describe(view.units),
        },
    };
    MetricMove {
        metric,
        from,
        to,
        tier_move: Some(m),
        short,
        sentence,
    }
}

impl History {
    /// Compares the snapshots dated `a` and `b` (in either order) under
    /// `view`'s lens and edition.
    pub fn compare(
        &self,
        a: NaiveDate,
        b: NaiveDate,
        view: LensView,
    ) -> Result<Comparison, String> {
        if a == b {
            return Err("Pick two different snapshots to compare.".to_string());
        }
        let (earlier, later) = (a.min(b), a.max(b));
        let find = |d: NaiveDate| {
            self.get(d)
                .ok_or_else(|| format!("There is no snapshot of {} any more.", format_date(d)))
        };
        let (x, y) = (find(earlier)?, find(later)?);
        let moves: Vec<MetricMove> = Metric::ALL
            .into_iter()
            .map(|m| compare_metric(m, x, y, view))
            .collect();
        let recorded: Vec<&str> = moves
            .iter()
            .filter(|m| m.tier_move.is_some())
            .map(|m| m.short.as_str())
            .collect();
        let summary = format!(
            "Since {} ({} before {}): {}.",
            format_date(earlier),
            period((later - earlier).num_days()),
            format_date(later),
            recorded.join("; ")
        );
        Ok(Comparison {
            earlier,
            later,
            moves,
            summary,
        })
    }
}
