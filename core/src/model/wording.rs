//! Words for figures more than one screen shows, each from one function so
//! the Baseline, Budget, Simulate, Compare and Report screens never tell a
//! reader two different things about the same number:
//!
//! - [`judge`]: how a metric's value is judged — its DORA tier under the
//!   chosen edition, the seed's thresholds for code churn and defect escape
//!   (domain.md §1), or nothing published to judge it by;
//! - [`remaining_budget`]: what is left of an error budget, or by how much
//!   it is overspent;
//! - [`TierMove`]: how a metric moved between two values, judged by the
//!   value first, with the tier alongside — and why, when the two disagree
//!   (2024's change-failure clusters are not in order, domain.md §2);
//! - [`budget_lines`]: the SLO, its budget, what incidents spent and the
//!   policy, as the Report and the workshop's Guardrails step list them.

use crate::model::compare::{metric_change, tier_change, Change};
use crate::model::dora::{self, Edition, TierVerdict};
use crate::model::goals::Measure;
use crate::model::scenario::seed_assessment;
use crate::model::slo::{self, describe_minutes, Slo};
use crate::model::units::Units;
use crate::model::units::{format_count, format_number};
use crate::model::Metric;

/// How one metric's value is judged.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// "High", "High – Low", "Healthy", "Good", or "Not classified".
    pub label: String,
    /// What it is judged against: "DORA 2024 tiers", "seed threshold:
    /// healthy is below 25%", or why nothing is.
    pub basis: String,
    /// The DORA verdict, when the edition has tiers for the metric.
    pub tier: Option<TierVerdict>,
}

/// Judges `value` (canonical unit) of `metric`: by the edition's DORA tiers
/// when it publishes them for the metric, by the seed's thresholds for code
/// churn and defect escape rate, otherwise "Not classified" with the reason.
pub fn judge(edition: Edition, metric: Metric, value: f64) -> Judgement {
    if let Some(tier) = dora::classify(edition, metric, value) {
        let beyond = if tier.beyond_range {
            ", beyond the worst published range"
        } else {
            ""
        };
        return Judgement {
            label: tier.label(),
            basis: format!("DORA {} tiers{beyond}", edition.year()),
            tier: Some(tier),
        };
    }
    if let Some((label, threshold)) = value
        .is_finite()
        .then(|| seed_assessment(metric, value))
        .flatten()
    {
        return Judgement {
            label: label.to_string(),
            basis: format!("seed threshold: {threshold}"),
            tier: None,
        };
    }
    let basis = if value.is_finite() {
        format!(
            "DORA {} publishes no tiers for {}",
            edition.year(),
            metric.name().to_ascii_lowercase()
        )
    } else {
        "no value to judge".to_string()
    };
    Judgement {
        label: "Not classified".to_string(),
        basis,
        tier: None,
    }
}

/// What is left of an error budget at the window's end, `remaining`
/// minutes (negative when overspent): "21.6 minutes (21 m 36 s) left",
/// "Overspent by 23.3 minutes (23 m 18 s)", or "Exactly spent".
pub fn remaining_budget(remaining_minutes: f64) -> String {
    if !remaining_minutes.is_finite() {
        return "—".to_string();
    }
    if remaining_minutes < 0.0 {
        format!("Overspent by {}", describe_minutes(-remaining_minutes))
    } else if remaining_minutes == 0.0 {
        "Exactly spent: nothing left".to_string()
    } else {
        format!("{} left", describe_minutes(remaining_minutes))
    }
}

/// How a metric moved between two values, by value and by tier.
#[derive(Clone, Debug, PartialEq)]
pub struct TierMove {
    pub edition: Edition,
    pub metric: Metric,
    /// The earlier and later values, canonical units.
    pub from: f64,
    pub to: f64,
    pub from_tier: Option<TierVerdict>,
    pub to_tier: Option<TierVerdict>,
    /// Better, worse or the same, by value: what counts.
    pub value_change: Option<Change>,
    /// Better, worse or the same, by tier.
    pub tier_change: Option<Change>,
}

impl TierMove {
    /// The move of `metric` from `from` to `to` under `edition`.
    pub fn new(edition: Edition, metric: Metric, from: f64, to: f64) -> TierMove {
        let from_tier = dora::classify(edition, metric, from);
        let to_tier = dora::classify(edition, metric, to);
        TierMove {
            edition,
            metric,
            from,
            to,
            from_tier,
            to_tier,
            value_change: metric_change(metric.higher_is_better(), from, to),
            tier_change: tier_change(from_tier, to_tier),
        }
    }

    /// Whether the tier moves against the value: a better value in a lower
    /// tier, or a worse one in a higher tier.
    pub fn tiers_disagree(&self) -> bool {
        matches!(
            (self.value_change, self.tier_change),
            (Some(Change::Better), Some(Change::Worse))
                | (Some(Change::Worse), Some(Change::Better))
        )
    }

    /// Why the tier moves against the value, when it does: the published
    /// figures of the two tiers, from the edition's own table.
    pub fn explanation(&self) -> Option<String> {
        if !self.tiers_disagree() {
            return None;
        }
        let (from, to) = (self.from_tier?, self.to_tier?);
        let ranges = dora::ranges(self.edition, self.metric);
        let range = |t: &TierVerdict| {
            ranges
                .iter()
                .find(|(name, _)| *name == t.label())
                .map_or_else(String::new, |(_, text)| format!(" ({text})"))
        };
        let (better, worse) = if self.value_change == Some(Change::Better) {
            (to, from)
        } else {
            (from, to)
        };
        Some(format!(
            "In the DORA {} report the {} cluster's {}{} is better than the {} cluster's{}, so the tiers are not in order for this metric: judge the change by the value, which {}.",
            self.edition.year(),
            better.label(),
            self.metric.name().to_ascii_lowercase(),
            range(&better),
            worse.label(),
            range(&worse),
            if self.value_change == Some(Change::Better) {
                "improved"
            } else {
                "got worse"
            }
        ))
    }

    /// The move in one or two sentences: "Change failure rate improved from
    /// 18% to 7.9%; its DORA 2024 tier reads Medium after High. In the DORA
    /// 2024 report …".
    pub fn describe(&self, units: Units) -> String {
        let m = Measure::Baseline(self.metric);
        let (from, to) = (m.describe(self.from, units), m.describe(self.to, units));
        let name = self.metric.name();
        let year = self.edition.year();
        let verb = match self.value_change {
            None => return format!("{name}: no value to compare."),
            Some(Change::Same) => {
                return match self.to_tier {
                    Some(t) => format!("{name} is unchanged at {to}: {} (DORA {year}).", t.label()),
                    None => format!("{name} is unchanged at {to}."),
                }
            }
            Some(Change::Better) => "improved",
            Some(_) => "worsened",
        };
        let moved = format!("{name} {verb} from {from} to {to}");
        match (self.from_tier, self.to_tier, self.tier_change) {
            (Some(a), Some(b), _) if self.tiers_disagree() => format!(
                "{moved}; its DORA {year} tier reads {} after {}. {}",
                b.label(),
                a.label(),
                self.explanation().unwrap_or_default()
            ),
            (Some(_), Some(b), Some(Change::Same)) => {
                format!("{moved}; still {} (DORA {year}).", b.label())
            }
            (Some(a), Some(b), _) => {
                format!(
                    "{moved}: from {} to {} (DORA {year}).",
                    a.label(),
                    b.label()
                )
            }
            _ => format!("{moved}."),
        }
    }
}

/// What the freeze policy's simulation found, for [`budget_lines`]: the
/// share of the time deployments were frozen, and the days that makes in a
/// quarter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrozenTime {
    /// 0 to 1.
    pub fraction: f64,
    pub days_per_quarter: f64,
}

/// The SLO, its budget, what its incidents spent, what is left (or by how
/// much it is overspent, as [`remaining_budget`] says) and the policy, one
/// sentence a line. `frozen` is the policy simulation's result, read only
/// when the policy freezes; `plan_under_freeze` says whether the chosen
/// plan's simulation runs under it.
pub fn budget_lines(
    slo: &Slo,
    today: chrono::NaiveDate,
    now: chrono::NaiveDateTime,
    frozen: Option<FrozenTime>,
    plan_under_freeze: bool,
) -> Vec<String> {
    if !slo.is_valid() {
        return vec!["The SLO on the Error budget screen needs fixing.".to_string()];
    }
    let r = slo::report(slo, today, now);
    let n = slo.incidents.len();
    let mut lines = vec![
        format!(
            "SLO {}% over {} days: a budget of {}.",
            format_number(slo.target, 5),
            r.days,
            describe_minutes(r.budget_minutes)
        ),
        format!(
            "{} incident{} spent {}. {}.",
            format_count(n as u64),
            if n == 1 { "" } else { "s" },
            describe_minutes(r.spent_minutes),
            remaining_budget(r.remaining_minutes)
        ),
    ];
    if let (Some(budget), Some(spent)) = (slo.budget_money(r.days), slo.money(r.spent_minutes)) {
        lines.push(format!(
            "In money: the budget is worth {}; the incidents cost {}.",
            budget.text, spent.text
        ));
    }
    let freeze = "Policy: when the budget is spent, feature deployments freeze (P0 and security fixes excepted) until the trailing window is back within the SLO";
    lines.push(match (slo.policy.freeze, frozen) {
        (true, Some(f)) => format!(
            "{freeze}: simulated, frozen {}% of the time, about {} days a quarter.",
            format_number(f.fraction * 100.0, 1),
            format_number(f.days_per_quarter, 1)
        ),
        (true, None) => format!("{freeze}."),
        (false, _) => "Policy: no deployment freeze.".to_string(),
    });
    lines.push(format!(
        "A single incident using more than {}% of the budget requires a postmortem (wording unverified).",
        format_number(slo.policy.postmortem_share, 1)
    ));
    if plan_under_freeze {
        lines.push("The plan's simulation runs under the freeze policy.".to_string());
    }
    lines
}
