//! Comparing scenarios side by side: how a value stands against the
//! reference scenario's, stated in words (never by colour alone), and which
//! goals are the same goal across scenarios. The Compare screen only formats
//! what this decides.

use crate::model::TierVerdict;

/// Which way a difference counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    /// Neither is better (an SLO's window, say): only higher or lower.
    Neutral,
}

impl Direction {
    /// The direction of a quantity where `higher_is_better` says which way
    /// is better.
    pub fn of(higher_is_better: bool) -> Direction {
        if higher_is_better {
            Direction::HigherIsBetter
        } else {
            Direction::LowerIsBetter
        }
    }
}

/// How a value stands against the reference's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Better,
    Worse,
    Same,
    /// Different, where neither way is better.
    Higher,
    Lower,
}

impl Change {
    /// The change in words, capitalised to start a sentence.
    pub fn word(self) -> &'static str {
        match self {
            Change::Better => "Better",
            Change::Worse => "Worse",
            Change::Same => "Same",
            Change::Higher => "Higher",
            Change::Lower => "Lower",
        }
    }

    /// A lower-case key for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Change::Better => "better",
            Change::Worse => "worse",
            Change::Same => "same",
            Change::Higher => "higher",
            Change::Lower => "lower",
        }
    }
}

/// How `value` stands against `reference`; within `tolerance` of each other
/// they are the same. `None` when either is not a finite number, so nothing
/// is ever judged against NaN.
pub fn change(direction: Direction, reference: f64, value: f64, tolerance: f64) -> Option<Change> {
    if !(reference.is_finite() && value.is_finite()) {
        return None;
    }
    let delta = value - reference;
    if delta.abs() <= tolerance.abs() {
        return Some(Change::Same);
    }
    let up = delta > 0.0;
    Some(match direction {
        Direction::HigherIsBetter if up => Change::Better,
        Direction::HigherIsBetter => Change::Worse,
        Direction::LowerIsBetter if up => Change::Worse,
        Direction::LowerIsBetter => Change::Better,
        Direction::Neutral if up => Change::Higher,
        Direction::Neutral => Change::Lower,
    })
}

/// How a metric's `value` stands against `reference`: equal up to rounding
/// error is the same, any real difference counts, as both are shown.
pub fn metric_change(higher_is_better: bool, reference: f64, value: f64) -> Option<Change> {
    let tolerance = 1e-9 * reference.abs().max(value.abs()).max(1.0);
    change(Direction::of(higher_is_better), reference, value, tolerance)
}

/// How a chance (a share, 0–1) stands against the reference's, judged in
/// whole percentage points as both are shown: 61.6% and 62.4% both read
/// "62%", so they are the same.
pub fn chance_change(reference: f64, value: f64) -> Option<Change> {
    let points = |p: f64| (p * 100.0).round();
    change(
        Direction::HigherIsBetter,
        points(reference),
        points(value),
        0.0,
    )
}

/// The percentage difference from `reference` to `value` as a magnitude
/// (60 for 5 → 2), or `None` when the reference is zero or either is not a
/// finite number.
pub fn percent_difference(reference: f64, value: f64) -> Option<f64> {
    let d = (value - reference) / reference * 100.0;
    (reference != 0.0 && d.is_finite()).then_some(d.abs())
}

/// How a tier stands against the reference's: better when its best tier is
/// better, or, the best being equal, its worst is (a shared range such as
/// "High – Low" is less good than "High"). `None` when either value has no
/// tier.
pub fn tier_change(reference: Option<TierVerdict>, value: Option<TierVerdict>) -> Option<Change> {
    let (r, v) = (reference?, value?);
    // Tiers order best first: a smaller tier is a better one.
    Some(match (v.best, v.worst).cmp(&(r.best, r.worst)) {
        std::cmp::Ordering::Less => Change::Better,
        std::cmp::Ordering::Greater => Change::Worse,
        std::cmp::Ordering::Equal => Change::Same,
    })
}

/// One goal as it appears across the compared scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalRow {
    /// The title as the first scenario holding it writes it.
    pub title: String,
    /// For each scenario, the index of the goal in its list, if it has it.
    pub cells: Vec<Option<usize>>,
}

/// Titles compared without regard to case or spacing: "Ship  faster" and
/// "ship faster" are the same goal.
fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines up the goals of several scenarios by title: one row per goal, in
/// the order they first appear (the reference's first). Each goal lands in
/// exactly one row; a scenario holding a title twice gets a row for each.
pub fn match_goals<S: AsRef<str>>(columns: &[Vec<S>]) -> Vec<GoalRow> {
    let mut rows: Vec<(String, GoalRow)> = Vec::new();
    for (c, titles) in columns.iter().enumerate() {
        for (i, title) in titles.iter().enumerate() {
            let title = title.as_ref();
            let key = title_key(title);
            match rows
                .iter_mut()
                .find(|(k, row)| *k == key && row.cells[c].is_none())
            {
                Some((_, row)) => row.cells[c] = Some(i),
                None => {
                    let mut cells = vec![None; columns.len()];
                    cells[c] = Some(i);
                    rows.push((
                        key,
                        GoalRow {
                            title: title.trim().to_string(),
                            cells,
                        },
                    ));
                }
            }
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dora::{classify, Edition};
    use crate::model::{Metric, Tier};

    #[test]
    fn changes_follow_the_better_direction() {
        use Direction::*;
        assert_eq!(change(HigherIsBetter, 2.0, 3.0, 0.0), Some(Change::Better));
        assert_eq!(change(HigherIsBetter, 3.0, 2.0, 0.0), Some(Change::Worse));
        assert_eq!(change(LowerIsBetter, 3.0, 2.0, 0.0), Some(Change::Better));
        assert_eq!(change(LowerIsBetter, 2.0, 3.0, 0.0), Some(Change::Worse));
        assert_eq!(change(Neutral, 30.0, 28.0, 0.0), Some(Change::Lower));
        assert_eq!(change(Neutral, 28.0, 30.0, 0.0), Some(Change::Higher));
        assert_eq!(change(LowerIsBetter, 2.0, 2.4, 0.5), Some(Change::Same));
        assert_eq!(change(LowerIsBetter, f64::NAN, 2.0, 0.0), None);
        assert_eq!(change(LowerIsBetter, 2.0, f64::INFINITY, 0.0), None);
    }

    #[test]
    fn metrics_differ_by_any_real_amount_and_chances_by_whole_points() {
        // Lead time is better lower; deployment frequency higher.
        assert_eq!(metric_change(false, 120.0, 24.0), Some(Change::Better));
        assert_eq!(metric_change(true, 0.5, 0.25), Some(Change::Worse));
        assert_eq!(metric_change(false, 18.0, 18.05), Some(Change::Worse));
        assert_eq!(metric_change(true, 0.1 + 0.2, 0.3), Some(Change::Same));
        assert_eq!(chance_change(0.616, 0.624), Some(Change::Same));
        assert_eq!(chance_change(0.40, 0.62), Some(Change::Better));
        assert_eq!(chance_change(0.62, 0.40), Some(Change::Worse));
        assert_eq!(chance_change(f64::NAN, 0.4), None);
    }

    #[test]
    fn percent_differences_are_magnitudes_and_never_divide_by_zero() {
        assert_eq!(percent_difference(5.0, 2.0), Some(60.0));
        assert_eq!(percent_difference(2.0, 4.0), Some(100.0));
        assert_eq!(percent_difference(0.0, 4.0), None);
        assert_eq!(percent_difference(f64::NAN, 4.0), None);
    }

    #[test]
    fn tiers_compare_best_first_and_shared_ranges_rank_below_single_tiers() {
        let tier = |m, v| classify(Edition::Y2024, m, v);
        let elite = tier(Metric::LeadTime, 2.0);
        let medium = tier(Metric::LeadTime, 24.0 * 20.0);
        assert_eq!(elite.unwrap().best, Tier::Elite);
        assert_eq!(tier_change(medium, elite), Some(Change::Better));
        assert_eq!(tier_change(elite, medium), Some(Change::Worse));
        assert_eq!(tier_change(elite, elite), Some(Change::Same));
        assert_eq!(tier_change(None, elite), None);
        let shared = TierVerdict {
            best: Tier::High,
            worst: Tier::Low,
            beyond_range: false,
        };
        let high = TierVerdict {
            best: Tier::High,
            worst: Tier::High,
            beyond_range: false,
        };
        assert_eq!(tier_change(Some(high), Some(shared)), Some(Change::Worse));
    }

    #[test]
    fn goals_match_by_title_regardless_of_case_and_spacing() {
        let rows = match_goals(&[
            vec!["Ship within three days", "Halve failures"],
            vec!["Deploy daily", "ship  within THREE days"],
            vec!["Halve failures", "Halve failures"],
        ]);
        let cells: Vec<_> = rows.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(
            cells,
            vec![
                vec![Some(0), Some(1), None],
                vec![Some(1), None, Some(0)],
                vec![None, Some(0), None],
                vec![None, None, Some(1)],
            ]
        );
        assert_eq!(rows[0].title, "Ship within three days");
        assert_eq!(rows[2].title, "Deploy daily");
        assert!(match_goals::<&str>(&[vec![], vec![]]).is_empty());
    }
}
