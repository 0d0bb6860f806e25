//! One row per team for the Teams table: its metrics in natural units with
//! their tier and Quick Check score, its goals with the chance of meeting
//! each, its error-budget status, the date of its baseline, and the reasons
//! it needs attention, each in words.
//!
//! Decisions the table rests on:
//!
//! * **Goals shown**: the workshop's committed set when the team committed
//!   any (in the order chosen); otherwise every goal with a metric target,
//!   in chain order.
//! * **Chance**: the share of trials meeting the target with its guard
//!   held (`p_both`, as the Goals screen shows), from the team's own plan,
//!   seed and trial count. A goal the simulation cannot count says why
//!   ([`not_simulated`]); one still running says so (see [`super::goals`]).
//! * **Baseline date**: the last day of the imported data (`measured.to`)
//!   when the baseline was measured; unknown when it was typed in, since a
//!   scenario keeps no date for typed values.
//! * **Tiers** come from one edition chosen for the whole table, so every
//!   team is judged by the same thresholds, whatever edition each scenario
//!   picked for itself.
//! * **Needs attention**, each reason listed ([`Attention`]): a goal whose
//!   known chance is under [`ACHIEVABLE_CHANCE`] (50%); the error budget
//!   spent in the team's window; a metric whose tier is certainly the
//!   edition's lowest (a range shared with better tiers does not count).

use chrono::NaiveDate;

use super::goals::goal_cells;
use super::{Team, TeamId, Teams};
use crate::model::date::format_date;
use crate::model::date::parse_date_lenient as parse_date;
use crate::model::dora::{self, Edition, Tier, TierVerdict};
use crate::model::goals::smart::ACHIEVABLE_CHANCE;
use crate::model::goals::GoalId;
use crate::model::quick_check;
use crate::model::units::{describe_hours, format_number, format_percent, DAYS_PER_MONTH};
use crate::model::Metric;

pub use super::budget::BudgetStatus;
pub use super::goals::{not_simulated, Chance, GoalCell, GoalSet};

/// The metrics each row shows, in column order.
pub const TEAM_METRICS: [Metric; 5] = Metric::DORA;

/// A finished simulation's chance for each goal it counted.
pub type Chances = Vec<(GoalId, f64)>;

/// What every row is built against.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The edition whose tiers classify every team.
    pub edition: Edition,
    pub today: NaiveDate,
    /// Finished simulations by team; a team not listed is still running.
    pub runs: &'a [(TeamId, Chances)],
}

/// A value in the unit people say it in: "3 per week", "5 days", "18%".
pub fn describe_value(metric: Metric, value: f64) -> String {
    match metric {
        Metric::DeployFrequency if value >= 1.0 => format!("{} per day", format_number(value, 1)),
        Metric::DeployFrequency if value * 7.0 >= 1.0 => {
            format!("{} per week", format_number(value * 7.0, 1))
        }
        Metric::DeployFrequency => {
            format!("{} per month", format_number(value * DAYS_PER_MONTH, 1))
        }
        Metric::LeadTime | Metric::RecoveryTime => describe_hours(value),
        _ => format!("{}%", format_number(value, 1)),
    }
}

/// One metric of one team.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricCell {
    pub metric: Metric,
    /// In the metric's canonical unit; `None` when the baseline leaves it empty.
    pub value: Option<f64>,
    /// Its tier in the table's edition (`None`: no value, or no tiers).
    pub tier: Option<TierVerdict>,
    /// Its Quick Check score, 0–10 (`None` outside the five DORA metrics).
    pub score: Option<f64>,
    pub edition: Edition,
}

impl MetricCell {
    fn new(metric: Metric, value: Option<f64>, edition: Edition) -> MetricCell {
        MetricCell {
            metric,
            value,
            tier: value.and_then(|v| dora::classify(edition, metric, v)),
            score: value.and_then(|v| quick_check::score(metric, v)),
            edition,
        }
    }

    /// The value in natural units, or "Not entered".
    pub fn value_words(&self) -> String {
        self.value.map_or("Not entered".to_string(), |v| {
            describe_value(self.metric, v)
        })
    }

    /// "High", "High – Low", "Low, beyond the published range", or why
    /// there is none.
    pub fn tier_words(&self) -> String {
        match self.tier {
            Some(t) if t.beyond_range => format!("{}, beyond the published range", t.label()),
            Some(t) => t.label(),
            None if self.value.is_none() => "No value".to_string(),
            None => format!("No {} tiers", self.edition.year()),
        }
    }

    /// "8 of 10, near peers" against the 2025 peer figures.
    pub fn score_words(&self) -> String {
        match (self.score, quick_check::peer(self.metric)) {
            (Some(s), Some(peer)) => format!(
                "{} of 10, {}",
                format_number(s, 1),
                quick_check::versus_peer(s, peer)
            ),
            (Some(s), None) => format!("{} of 10", format_number(s, 1)),
            (None, _) => "No score".to_string(),
        }
    }

    /// The edition's lowest tier, when the value is certainly in it.
    pub fn lowest_tier(&self) -> Option<Tier> {
        let lowest = *self.edition.tiers().last()?;
        self.tier.filter(|t| t.best == lowest).map(|_| lowest)
    }
}

/// A reason a team needs attention.
#[derive(Clone, Debug, PartialEq)]
pub enum Attention {
    /// A goal's known chance is under [`ACHIEVABLE_CHANCE`].
    GoalAtRisk {
        goal: GoalId,
        label: String,
        chance: f64,
    },
    /// The error budget is spent in the team's window.
    BudgetSpent(BudgetStatus),
    /// A metric is in the edition's lowest tier.
    LowestTier {
        metric: Metric,
        tier: Tier,
        edition: Edition,
    },
}

impl Attention {
    /// The reason in words.
    pub fn words(&self) -> String {
        match self {
            Attention::GoalAtRisk { label, chance, .. } => format!(
                "“{label}” has a {} chance, under {}",
                format_percent(*chance, 0),
                format_percent(ACHIEVABLE_CHANCE, 0)
            ),
            Attention::BudgetSpent(b) => format!("Error budget spent: {}", b.overspend_words()),
            Attention::LowestTier {
                metric,
                tier,
                edition,
            } => format!(
                "{} is in the lowest {} tier, {}",
                metric.name(),
                edition.year(),
                tier.name()
            ),
        }
    }
}

/// One team's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub id: TeamId,
    pub name: String,
    /// Where the team came from, in words.
    pub source: String,
    /// One cell per [`TEAM_METRICS`] entry, in that order.
    pub metrics: Vec<MetricCell>,
    pub goal_set: GoalSet,
    pub goals: Vec<GoalCell>,
    /// `None` when the SLO cannot be evaluated.
    pub budget: Option<BudgetStatus>,
    /// The last day of the imported data; `None` for a typed-in baseline.
    pub baseline_date: Option<NaiveDate>,
    pub attention: Vec<Attention>,
}

impl TeamRow {
    /// The cell of `metric`, if the row shows it.
    pub fn metric(&self, metric: Metric) -> Option<&MetricCell> {
        self.metrics.iter().find(|c| c.metric == metric)
    }

    /// The lowest known chance among the row's goals: its weakest goal.
    pub fn lowest_chance(&self) -> Option<f64> {
        self.goals
            .iter()
            .filter_map(|g| match g.chance {
                Chance::Known(p) => Some(p),
                _ => None,
            })
            .min_by(f64::total_cmp)
    }

    /// Whether any simulated goal is still running.
    pub fn is_running(&self) -> bool {
        self.goals.iter().any(|g| g.chance == Chance::Running)
    }

    /// "21 Nov 2026 (end of the imported data)" or why it is unknown.
    pub fn baseline_date_words(&self) -> String {
        self.baseline_date.map_or(
            "Unknown: typed in, not measured from data".to_string(),
            |d| format!("{} (end of the imported data)", format_date(d)),
        )
    }

    /// The error budget in words.
    pub fn budget_words(&self) -> String {
        self.budget.as_ref().map_or(
            "Unknown: the SLO holds values Flywheel cannot use".to_string(),
            BudgetStatus::words,
        )
    }

    /// Whether any rule of [`Attention`] applies.
    pub fn needs_attention(&self) -> bool {
        !self.attention.is_empty()
    }

    /// Each reason the team needs attention, in words.
    pub fn attention_words(&self) -> Vec<String> {
        self.attention.iter().map(Attention::words).collect()
    }
}

/// The row of one team.
pub fn row(team: &Team, ctx: &Context<'_>) -> TeamRow {
    let s = &team.scenario;
    let metrics: Vec<MetricCell> = TEAM_METRICS
        .into_iter()
        .map(|m| MetricCell::new(m, s.baseline.value(m), ctx.edition))
        .collect();
    let (goal_set, goals) = goal_cells(team, ctx);
    let budget = BudgetStatus::of(&s.slo, ctx.today);
    let mut attention: Vec<Attention> = goals
        .iter()
        .filter_map(|g| match g.chance {
            Chance::Known(p) if p < ACHIEVABLE_CHANCE => Some(Attention::GoalAtRisk {
                goal: g.id,
                label: g.label.clone(),
                chance: p,
            }),
            _ => None,
        })
        .collect();
    if let Some(b) = budget.filter(BudgetStatus::is_spent) {
        attention.push(Attention::BudgetSpent(b));
    }
    attention.extend(metrics.iter().filter_map(|c| {
        c.lowest_tier().map(|tier| Attention::LowestTier {
            metric: c.metric,
            tier,
            edition: ctx.edition,
        })
    }));
    TeamRow {
        id: team.id,
        name: team.name.clone(),
        source: team.source.words(),
        metrics,
        goal_set,
        goals,
        budget,
        baseline_date: s.measured.as_ref().and_then(|m| parse_date(&m.to)),
        attention,
    }
}

/// Every team's row, in the set's order.
pub fn rows(teams: &Teams, ctx: &Context<'_>) -> Vec<TeamRow> {
    teams.teams().iter().map(|t| row(t, ctx)).collect()
}
