//! Choosing the units a baseline is shown in from anywhere that shows it:
//! a unit picker beside a lead-time target offers minutes, hours and days,
//! and choosing one re-expresses the baseline's lead time in it (5 days
//! becomes 120 hours), so every screen then shows lead time in that unit
//! while no value changes. The Baseline screen's own pickers instead say
//! what unit the typed number is in.

use crate::model::units::{RatePeriod, TimeUnit, Units};
use crate::model::{Baseline, Metric, Scenario};

impl Units {
    /// The units `metric` can be shown in, each as the whole set of units
    /// it makes with the others left as they are, and its name: the
    /// deployment frequency's periods, a duration's time units; empty for
    /// a percentage, which has one unit.
    pub fn choices(self, metric: Metric) -> Vec<(Units, &'static str)> {
        match metric {
            Metric::DeployFrequency => RatePeriod::ALL
                .into_iter()
                .map(|per| {
                    let u = Units { per, ..self };
                    (u, u.of(metric).label)
                })
                .collect(),
            Metric::LeadTime => TimeUnit::ALL
                .into_iter()
                .map(|lead| (Units { lead, ..self }, lead.label()))
                .collect(),
            Metric::RecoveryTime => TimeUnit::ALL
                .into_iter()
                .map(|recovery| (Units { recovery, ..self }, recovery.label()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl Baseline {
    /// Re-expresses the typed amounts in `units`, keeping their values
    /// (2 a month stays 2 a month when shown per week, as 0.46).
    pub fn set_units(&mut self, units: Units) {
        if self.deploy_frequency.per != units.per {
            self.deploy_frequency = self.deploy_frequency.to_period(units.per);
        }
        if self.lead_time.unit != units.lead {
            self.lead_time = self.lead_time.to_unit(units.lead);
        }
        if self.recovery_time.unit != units.recovery {
            self.recovery_time = self.recovery_time.to_unit(units.recovery);
        }
    }
}

impl Scenario {
    /// Shows the baseline in `units` ([`Baseline::set_units`]), converting
    /// the copy kept of what data measured the same way, so a value still
    /// as measured stays recognised as measured.
    pub fn set_units(&mut self, units: Units) {
        self.baseline.set_units(units);
        if let Some(m) = self.measured.as_mut() {
            m.baseline.set_units(units);
        }
    }
}
