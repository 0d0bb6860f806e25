//! Sorting and filtering the Teams table. Any column sorts ascending or
//! descending; a row without a value in that column (a metric left empty,
//! no known chance yet, an SLO that cannot be evaluated, a typed-in
//! baseline's date) goes last either way, and equal values fall back to the
//! name. Rows filter by name (a case-insensitive substring) and to those
//! that need attention.

use std::cmp::Ordering;

use super::rows::{TeamRow, TEAM_METRICS};
use crate::model::Metric;

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    /// A metric's value in its canonical unit.
    Metric(Metric),
    /// The lowest known chance among the team's goals.
    Chance,
    /// The share of the error budget spent.
    Budget,
    BaselineDate,
    /// How many reasons the team needs attention.
    Attention,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Metric(TEAM_METRICS[0]),
        Column::Metric(TEAM_METRICS[1]),
        Column::Metric(TEAM_METRICS[2]),
        Column::Metric(TEAM_METRICS[3]),
        Column::Metric(TEAM_METRICS[4]),
        Column::Chance,
        Column::Budget,
        Column::BaselineDate,
        Column::Attention,
    ];

    /// A stable key for URLs and storage; a metric's column uses the
    /// metric's key.
    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Metric(m) => m.key(),
            Column::Chance => "chance",
            Column::Budget => "budget",
            Column::BaselineDate => "baseline-date",
            Column::Attention => "attention",
        }
    }

    /// The column whose key is `key`.
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Team",
            Column::Metric(m) => m.name(),
            Column::Chance => "Lowest chance",
            Column::Budget => "Error budget",
            Column::BaselineDate => "Baseline date",
            Column::Attention => "Needs attention",
        }
    }
}

/// Which way a column sorts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Ascending,
    Descending,
}

impl Order {
    /// A stable key for URLs and storage.
    pub fn key(self) -> &'static str {
        match self {
            Order::Ascending => "ascending",
            Order::Descending => "descending",
        }
    }

    /// The order whose key is `key`.
    pub fn from_key(key: &str) -> Option<Order> {
        [Order::Ascending, Order::Descending]
            .into_iter()
            .find(|o| o.key() == key)
    }

    /// The other order, for a second click on the same heading.
    pub fn toggled(self) -> Order {
        match self {
            Order::Ascending => Order::Descending,
            Order::Descending => Order::Ascending,
        }
    }

    /// The `aria-sort` value of a sorted heading.
    pub fn aria(self) -> &'static str {
        self.key()
    }
}

/// Names compare without regard to case.
fn name_key(row: &TeamRow) -> String {
    row.name.to_lowercase()
}

/// A row's number in a numeric column; `None` when it has none.
fn number(row: &TeamRow, column: Column) -> Option<f64> {
    match column {
        Column::Name => None,
        Column::Metric(m) => row.metric(m).and_then(|c| c.value),
        Column::Chance => row.lowest_chance(),
        Column::Budget => row.budget.map(|b| b.spent_share()),
        Column::BaselineDate => row
            .baseline_date
            .map(|d| f64::from(chrono::Datelike::num_days_from_ce(&d))),
        Column::Attention => Some(row.attention.len() as f64),
    }
}

/// How two rows compare in `column` and `order`, missing values last.
pub fn compare(a: &TeamRow, b: &TeamRow, column: Column, order: Order) -> Ordering {
    let by_order = |o: Ordering| match order {
        Order::Ascending => o,
        Order::Descending => o.reverse(),
    };
    let primary = match column {
        Column::Name => by_order(name_key(a).cmp(&name_key(b))),
        _ => match (number(a, column), number(b, column)) {
            (Some(x), Some(y)) => by_order(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    };
    primary
        .then_with(|| name_key(a).cmp(&name_key(b)))
        .then(a.id.cmp(&b.id))
}

/// Sorts rows by `column` in `order`.
pub fn sort(rows: &mut [TeamRow], column: Column, order: Order) {
    rows.sort_by(|a, b| compare(a, b, column, order));
}

/// Which rows the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Shown when the team's name contains this, ignoring case and the
    /// text's surrounding spaces; blank shows every team.
    pub name: String,
    /// Show only teams that need attention.
    pub needs_attention: bool,
}

impl Filter {
    /// Whether `row` passes the filter.
    pub fn matches(&self, row: &TeamRow) -> bool {
        let wanted = self.name.trim().to_lowercase();
        (wanted.is_empty() || row.name.to_lowercase().contains(&wanted))
            && (!self.needs_attention || row.needs_attention())
    }

    /// "Showing 3 of 12 teams: those that need attention, named like
    /// “pay”." or "No team matches: …", for the table's caption.
    pub fn summary(&self, shown: usize, total: usize) -> String {
        let mut parts = Vec::new();
        if self.needs_attention {
            parts.push("those that need attention".to_string());
        }
        let name = self.name.trim();
        if !name.is_empty() {
            parts.push(format!("named like “{name}”"));
        }
        let teams = if total == 1 { "team" } else { "teams" };
        match (parts.is_empty(), shown) {
            (true, _) if total == 1 => "Showing the one team.".to_string(),
            (true, _) => format!("Showing all {total} teams."),
            (false, 0) => format!("No team matches: {}.", parts.join(", ")),
            (false, _) => format!("Showing {shown} of {total} {teams}: {}.", parts.join(", ")),
        }
    }
}

/// The rows the table shows: those passing `filter`, sorted.
pub fn visible(rows: &[TeamRow], filter: &Filter, column: Column, order: Order) -> Vec<TeamRow> {
    let mut shown: Vec<TeamRow> = rows.iter().filter(|r| filter.matches(r)).cloned().collect();
    sort(&mut shown, column, order);
    shown
}
