//! Deployments per week as the scenario keeps them: the applied import's
//! full 7-day blocks, counted back from its window's last day
//! ([`Measured::weekly_deploys`], the counts simulations resample).
//!
//! The ISO weeks [`super::from_data`] cuts exist only while the rows are
//! loaded; a scenario, a saved file and a share link keep the months and
//! these blocks, so a reopened scenario shows its weeks from them. Each
//! block is a whole week of data (the import leaves out a shorter block at
//! the window's start), so none is thin.

use chrono::NaiveDate;

use crate::model::date::{format_date, format_day_month, parse_date_strict};
use crate::model::import::Measured;
use crate::model::limits::add_days;

/// One 7-day block of the import's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub deploys: u32,
}

impl Block {
    /// "Dec 29 – Jan 4".
    pub fn label(&self) -> String {
        format!(
            "{} – {}",
            format_day_month(self.first),
            format_day_month(self.last)
        )
    }

    /// Deployments a day over the block, the trend's canonical unit.
    pub fn per_day(&self) -> f64 {
        f64::from(self.deploys) / 7.0
    }
}

/// The blocks of `measured`, oldest first; empty when it has none or its
/// last day cannot be read.
pub fn blocks(measured: &Measured) -> Vec<Block> {
    let Some(end) = parse_date_strict(&measured.to) else {
        return Vec::new();
    };
    let n = measured.weekly_deploys.len() as i64;
    measured
        .weekly_deploys
        .iter()
        .enumerate()
        .filter_map(|(k, &deploys)| {
            let last = add_days(end, -7 * (n - 1 - k as i64))?;
            Some(Block {
                first: add_days(last, -6)?,
                last,
                deploys,
            })
        })
        .collect()
}

/// How the blocks were cut, in words shown beside them.
pub fn blocks_rule(measured: &Measured) -> String {
    let end = parse_date_strict(&measured.to).map_or_else(|| measured.to.clone(), format_date);
    format!(
        "Weeks are the imported window's 7-day blocks, counted back from its last day ({end}), \
         as the baseline's weekly counts are; a shorter block at the window's start is left out."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_on_the_windows_last_day() {
        let m = Measured {
            from: "2025-12-27".into(),
            to: "2026-03-26".into(),
            weekly_deploys: vec![3, 0, 7],
            ..Measured::default()
        };
        let b = blocks(&m);
        let day = |s: &str| parse_date_strict(s).unwrap();
        assert_eq!(b.len(), 3);
        assert_eq!(
            (b[2].first, b[2].last),
            (day("2026-03-20"), day("2026-03-26"))
        );
        assert_eq!(
            (b[0].first, b[0].last),
            (day("2026-03-06"), day("2026-03-12"))
        );
        assert_eq!(b[2].per_day(), 1.0);
        assert_eq!(b[1].per_day(), 0.0);
        assert_eq!(b[2].label(), "Mar 20 – Mar 26");
        assert!(blocks_rule(&m).contains("(26 Mar 2026)"));
        let unreadable = Measured {
            to: "soon".into(),
            weekly_deploys: vec![1],
            ..Measured::default()
        };
        assert!(blocks(&unreadable).is_empty());
    }
}
