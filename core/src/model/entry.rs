//! How each baseline metric is typed on the Baseline screen: the amount in
//! the unit the team chose, that unit, the field's rule and help text. The
//! form is one loop over [`Metric::ALL`] reading these, so no metric's
//! field is written out by hand.

use crate::model::scenario::{rule, Baseline};
use crate::model::units::{RatePeriod, TimeUnit};
use crate::model::validate::NumberRule;
use crate::model::Metric;

/// The unit a metric is typed in, and the choice beside its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryUnit {
    /// Deployments per day, week or month.
    Period(RatePeriod),
    /// Minutes, hours or days.
    Time(TimeUnit),
    /// A percentage.
    Percent,
}

/// Whether the metric may be left empty (churn, defect escape,
/// availability; domain.md §1 lists them as optional extras).
pub fn is_optional(metric: Metric) -> bool {
    !Metric::DORA.contains(&metric)
}

/// The field's help text.
pub fn hint(metric: Metric) -> &'static str {
    match metric {
        Metric::DeployFrequency => "Deployments to production.",
        Metric::LeadTime => "First commit to running in production.",
        Metric::ChangeFailureRate => {
            "Share of deployments that needed a rollback, hotfix or patch."
        }
        Metric::RecoveryTime => "Median time to restore service after a failed deployment.",
        Metric::ReworkRate => "Share of deployments that were unplanned bug fixes.",
        Metric::CodeChurn => "Lines rewritten or deleted within 21 days of being added.",
        Metric::DefectEscapeRate => "Production bugs as a share of all bugs found.",
        Metric::Availability => "Share of good time or good requests.",
    }
}

/// The rule the typed amount obeys (in the unit chosen).
pub fn entry_rule(metric: Metric) -> NumberRule {
    rule(metric)
}

/// The amount as typed, in its unit; `None` for an optional metric left
/// empty.
pub fn amount(b: &Baseline, metric: Metric) -> Option<f64> {
    match metric {
        Metric::DeployFrequency => Some(b.deploy_frequency.count),
        Metric::LeadTime => Some(b.lead_time.amount),
        Metric::RecoveryTime => Some(b.recovery_time.amount),
        other => b.value(other),
    }
}

/// Sets the typed amount. `None` empties an optional metric and leaves a
/// required one as it was (its field keeps saying why).
pub fn set_amount(b: &mut Baseline, metric: Metric, value: Option<f64>) {
    let Some(v) = value else {
        match metric {
            Metric::CodeChurn => b.code_churn = None,
            Metric::DefectEscapeRate => b.defect_escape_rate = None,
            Metric::Availability => b.availability = None,
            _ => {}
        }
        return;
    };
    match metric {
        Metric::DeployFrequency => b.deploy_frequency.count = v,
        Metric::LeadTime => b.lead_time.amount = v,
        Metric::RecoveryTime => b.recovery_time.amount = v,
        Metric::ChangeFailureRate => b.change_failure_rate = v,
        Metric::ReworkRate => b.rework_rate = v,
        Metric::CodeChurn => b.code_churn = Some(v),
        Metric::DefectEscapeRate => b.defect_escape_rate = Some(v),
        Metric::Availability => b.availability = Some(v),
    }
}

/// The unit the metric is typed in.
pub fn unit(b: &Baseline, metric: Metric) -> EntryUnit {
    match metric {
        Metric::DeployFrequency => EntryUnit::Period(b.deploy_frequency.per),
        Metric::LeadTime => EntryUnit::Time(b.lead_time.unit),
        Metric::RecoveryTime => EntryUnit::Time(b.recovery_time.unit),
        _ => EntryUnit::Percent,
    }
}

/// Sets the unit a time metric is typed in. The amount is kept as typed
/// (a team switching "5 hours" to days means 5 days), as the screen has
/// always done.
pub fn set_time_unit(b: &mut Baseline, metric: Metric, unit: TimeUnit) {
    match metric {
        Metric::LeadTime => b.lead_time.unit = unit,
        Metric::RecoveryTime => b.recovery_time.unit = unit,
        _ => {}
    }
}

/// Sets deployment frequency's period, the amount kept as typed.
pub fn set_period(b: &mut Baseline, per: RatePeriod) {
    b.deploy_frequency.per = per;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_reads_and_writes_its_typed_amount() {
        let mut b = Baseline::default();
        for (i, m) in Metric::ALL.into_iter().enumerate() {
            let v = 1.0 + i as f64;
            set_amount(&mut b, m, Some(v));
            assert_eq!(amount(&b, m), Some(v), "{m:?}");
        }
        // Lead time was typed in days: 2 days is 48 hours to the model.
        assert_eq!(unit(&b, Metric::LeadTime), EntryUnit::Time(TimeUnit::Days));
        assert_eq!(b.value(Metric::LeadTime), Some(48.0));
        set_time_unit(&mut b, Metric::LeadTime, TimeUnit::Hours);
        assert_eq!(amount(&b, Metric::LeadTime), Some(2.0));
        assert_eq!(b.value(Metric::LeadTime), Some(2.0));
        set_period(&mut b, RatePeriod::Day);
        assert_eq!(
            unit(&b, Metric::DeployFrequency),
            EntryUnit::Period(RatePeriod::Day)
        );
        // Emptying: optional metrics empty, required ones stay.
        set_amount(&mut b, Metric::CodeChurn, None);
        assert_eq!(amount(&b, Metric::CodeChurn), None);
        set_amount(&mut b, Metric::ReworkRate, None);
        assert_eq!(amount(&b, Metric::ReworkRate), Some(5.0));
        assert!(is_optional(Metric::Availability) && !is_optional(Metric::ReworkRate));
        assert_eq!(unit(&b, Metric::ReworkRate), EntryUnit::Percent);
    }
}
