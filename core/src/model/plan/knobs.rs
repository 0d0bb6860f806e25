//! The numbers of a plan a person sets by hand (the Simulate screen's
//! sliders), each with the range the model accepts and the step a slider
//! moves by. [`Plan::problem`] judges a plan by the same ranges, so a
//! slider can reach every value a plan may hold — one from a shared link
//! included — and no value a plan may not.

use crate::model::limits;
use crate::model::plan::Plan;
use crate::model::units::format_number;
use crate::model::Metric;

/// A number of a plan that is set by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    CycleWeeks,
    Capacity,
    Success,
    /// The effect of one successful cycle on a simulated metric.
    Effect(Metric),
    RecoveryToFrequency,
    FrequencyToFlow,
    Reinvest,
    LagWeeks,
    Erosion,
    Setback,
    Noise,
}

/// The values a knob takes, in the unit it is shown in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KnobRange {
    pub min: f64,
    pub max: f64,
    /// What one step of a slider (an arrow key) changes.
    pub step: f64,
}

impl Knob {
    /// The knobs every plan shows: cycle, capacity and success.
    pub const MAIN: [Knob; 3] = [Knob::CycleWeeks, Knob::Capacity, Knob::Success];
    /// One successful cycle's effect, per simulated metric.
    pub const EFFECTS: [Knob; 5] = [
        Knob::Effect(Metric::DeployFrequency),
        Knob::Effect(Metric::LeadTime),
        Knob::Effect(Metric::ChangeFailureRate),
        Knob::Effect(Metric::RecoveryTime),
        Knob::Effect(Metric::ReworkRate),
    ];
    /// The flywheel's couplings, erosion, setbacks and variation.
    pub const ADVANCED: [Knob; 7] = [
        Knob::RecoveryToFrequency,
        Knob::FrequencyToFlow,
        Knob::Reinvest,
        Knob::LagWeeks,
        Knob::Erosion,
        Knob::Setback,
        Knob::Noise,
    ];

    /// A stable identifier, used as the control's element id.
    pub fn key(self) -> &'static str {
        match self {
            Knob::CycleWeeks => "cycle-weeks",
            Knob::Capacity => "capacity",
            Knob::Success => "success",
            Knob::Effect(Metric::DeployFrequency) => "effect-deploy-frequency",
            Knob::Effect(Metric::LeadTime) => "effect-lead-time",
            Knob::Effect(Metric::ChangeFailureRate) => "effect-change-failure-rate",
            Knob::Effect(Metric::RecoveryTime) => "effect-recovery-time",
            Knob::Effect(Metric::ReworkRate) => "effect-rework-rate",
            Knob::Effect(_) => "effect",
            Knob::RecoveryToFrequency => "recovery-to-frequency",
            Knob::FrequencyToFlow => "frequency-to-flow",
            Knob::Reinvest => "reinvest",
            Knob::LagWeeks => "lag",
            Knob::Erosion => "erosion",
            Knob::Setback => "setback",
            Knob::Noise => "noise",
        }
    }

    /// Its name on screen.
    pub fn label(self) -> &'static str {
        match self {
            Knob::CycleWeeks => "PDCA cycle length",
            Knob::Capacity => "Capacity spent on improvement",
            Knob::Success => "Chance an experiment succeeds",
            Knob::Effect(Metric::DeployFrequency) => "Deployment frequency effect",
            Knob::Effect(Metric::LeadTime) => "Lead time effect",
            Knob::Effect(Metric::ChangeFailureRate) => "Change failure rate effect",
            Knob::Effect(Metric::RecoveryTime) => "Recovery time effect",
            Knob::Effect(Metric::ReworkRate) => "Rework rate effect",
            Knob::Effect(_) => "Effect",
            Knob::RecoveryToFrequency => "Recovery → deployment confidence",
            Knob::FrequencyToFlow => "Smaller batches → lead time and failures",
            Knob::Reinvest => "Freed firefighting time reinvested",
            Knob::LagWeeks => "Coupling lag",
            Knob::Erosion => "Erosion when nothing is maintained",
            Knob::Setback => "Setback when an experiment fails",
            Knob::Noise => "Week-to-week variation",
        }
    }

    /// The unit after the number ("%", " weeks").
    pub fn unit(self) -> &'static str {
        match self {
            Knob::CycleWeeks | Knob::LagWeeks => " weeks",
            Knob::Capacity | Knob::Success | Knob::Reinvest | Knob::Noise => "%",
            Knob::Effect(_) | Knob::Setback => "% of gap",
            Knob::RecoveryToFrequency | Knob::FrequencyToFlow => "×",
            Knob::Erosion => "% a week",
        }
    }

    /// The values the model accepts, in the unit shown.
    pub fn range(self) -> KnobRange {
        let r = |min, max, step| KnobRange { min, max, step };
        match self {
            Knob::CycleWeeks => r(1.0, f64::from(Plan::MAX_CYCLE_WEEKS), 1.0),
            Knob::Capacity | Knob::Setback | Knob::Noise => r(0.0, 100.0, 1.0),
            Knob::Success | Knob::Reinvest => r(0.0, 100.0, 5.0),
            Knob::Effect(_) => r(0.0, 100.0, 0.5),
            Knob::RecoveryToFrequency | Knob::FrequencyToFlow => r(0.0, Plan::MAX_COUPLING, 0.1),
            Knob::LagWeeks => r(0.0, f64::from(Plan::MAX_LAG_WEEKS), 1.0),
            Knob::Erosion => r(0.0, Plan::MAX_EROSION_PCT_PER_WEEK, 0.05),
        }
    }

    /// The plan's value, in the unit shown.
    pub fn get(self, p: &Plan) -> f64 {
        match self {
            Knob::CycleWeeks => f64::from(p.cycle_weeks),
            Knob::Capacity => p.capacity_pct,
            Knob::Success => p.success_pct,
            Knob::Effect(m) => p.effect_pct.get(m).unwrap_or(0.0),
            Knob::RecoveryToFrequency => p.coupling.recovery_to_frequency,
            Knob::FrequencyToFlow => p.coupling.frequency_to_flow,
            Knob::Reinvest => p.coupling.reinvest_share * 100.0,
            Knob::LagWeeks => f64::from(p.coupling.lag_weeks),
            Knob::Erosion => p.erosion_pct_per_week,
            Knob::Setback => p.setback_pct,
            Knob::Noise => p.noise_pct,
        }
    }

    /// Sets the plan's value to `v` (unit shown), brought into the range
    /// (whole weeks for the week counts); a value that is not a number
    /// changes nothing.
    pub fn set(self, p: &mut Plan, v: f64) {
        if v.is_nan() {
            return;
        }
        let KnobRange { min, max, .. } = self.range();
        let v = v.clamp(min, max);
        // Never store a subnormal or −0 (crate::model::limits).
        let v = if v.abs() < limits::SMALLEST { 0.0 } else { v };
        // The week counts are small whole numbers within u32 after the clamp.
        let weeks = v.round() as u32;
        match self {
            Knob::CycleWeeks => p.cycle_weeks = weeks,
            Knob::Capacity => p.capacity_pct = v,
            Knob::Success => p.success_pct = v,
            Knob::Effect(m) => p.effect_pct.set(m, v),
            Knob::RecoveryToFrequency => p.coupling.recovery_to_frequency = v,
            Knob::FrequencyToFlow => p.coupling.frequency_to_flow = v,
            Knob::Reinvest => {
                let share = v / 100.0;
                p.coupling.reinvest_share = if share < limits::SMALLEST { 0.0 } else { share };
            }
            Knob::LagWeeks => p.coupling.lag_weeks = weeks,
            Knob::Erosion => p.erosion_pct_per_week = v,
            Knob::Setback => p.setback_pct = v,
            Knob::Noise => p.noise_pct = v,
        }
    }

    /// `v` with its unit, as a slider shows it: "20%", "2 weeks", "1.5×".
    pub fn describe(self, v: f64) -> String {
        format!("{}{}", format_number(v, 2), self.unit())
    }
}
