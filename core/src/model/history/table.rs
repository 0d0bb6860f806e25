//! The history as its table shows it: a row per snapshot, newest first,
//! with each of the eight metrics in words and its standing under the
//! scenario's lens, where the figures came from, and which row the plan
//! started from.

use chrono::NaiveDate;

use super::History;
use crate::model::date::format_date;
use crate::model::standing::lens::LensView;
use crate::model::trend::value_words;
use crate::model::wording::judge;
use crate::model::Metric;

/// One metric of one snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotCell {
    pub metric: Metric,
    /// "2.5 days", "12%", or "—" when not recorded.
    pub value: String,
    /// "High", "6.0 of 10", "Healthy", or "—".
    pub standing: String,
}

/// One snapshot's row.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotRow {
    pub date: NaiveDate,
    /// "5 Mar 2026", with "(plan start)" or "(after today)" added.
    pub label: String,
    /// Where the figures came from ([`super::Origin::words`]).
    pub origin: String,
    pub plan_start: bool,
    /// Dated after today: named by [`History::problems`].
    pub future: bool,
    /// In [`Metric::ALL`] order.
    pub cells: Vec<SnapshotCell>,
}

impl History {
    /// Every snapshot, newest first, under `view`'s lens.
    pub fn table(&self, view: LensView, today: NaiveDate) -> Vec<SnapshotRow> {
        self.snapshots
            .iter()
            .rev()
            .map(|s| {
                let plan_start = self.plan_start == Some(s.date);
                let future = s.date > today;
                let mut label = format_date(s.date);
                if plan_start {
                    label.push_str(" (plan start)");
                }
                if future {
                    label.push_str(" (after today)");
                }
                let cells = Metric::ALL
                    .into_iter()
                    .map(|metric| {
                        let value = s.baseline.value(metric);
                        let standing = view
                            .standing(&s.baseline, metric)
                            .map(|st| st.short())
                            .or_else(|| value.map(|v| judge(view.edition, metric, v).label))
                            .unwrap_or_else(|| "—".to_string());
                        SnapshotCell {
                            metric,
                            value: value
                                .map_or_else(|| "—".to_string(), |v| value_words(metric, v)),
                            standing,
                        }
                    })
                    .collect();
                SnapshotRow {
                    date: s.date,
                    label,
                    origin: s.origin.words(),
                    plan_start,
                    future,
                    cells,
                }
            })
            .collect()
    }
}
