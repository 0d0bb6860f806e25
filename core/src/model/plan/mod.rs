//! An improvement plan: PDCA cycles, the share of capacity spent on
//! improvement, the effect of a successful cycle on each metric, the bounds
//! metrics approach, and the flywheel couplings between them (domain.md §4).
//! Presets reproduce the strategies the seed material compares.

use serde::{Deserialize, Serialize};

use crate::model::Metric;

mod checks;
mod knobs;
mod list;

pub use knobs::{Knob, KnobRange};
pub use list::EDITED_MARK;

/// Most trials a run accepts.
pub const MAX_TRIALS: u32 = 100_000;
/// Longest horizon, in weeks.
pub const MAX_WEEKS: u32 = 156;
/// Most strategies compared side by side.
pub const MAX_PLANS: usize = 3;

/// The simulation's settings: the strategies compared, which one is the
/// team's chosen plan, and what makes a run reproducible (domain.md §5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Simulation {
    /// One to three plans, compared on the same axes.
    pub plans: Vec<Plan>,
    /// Index of the chosen plan in `plans`.
    pub chosen: usize,
    /// Monte Carlo trials for a full run.
    pub trials: u32,
    /// The generator's seed: the same seed gives the same numbers.
    pub seed: u64,
    /// Weeks simulated.
    pub horizon_weeks: u32,
    /// Run the plans under the Error budget screen's freeze policy: frozen
    /// time costs delivery and goes to reliability work.
    pub apply_freeze: bool,
}

impl Default for Simulation {
    fn default() -> Self {
        Simulation {
            plans: vec![
                Plan::preset(Preset::Kaizen),
                Plan::preset(Preset::QuarterlyOverhaul),
                Plan::preset(Preset::CapabilityTrap),
            ],
            chosen: 0,
            trials: 10_000,
            seed: 20_240_601,
            horizon_weeks: 52,
            apply_freeze: false,
        }
    }
}

impl Simulation {
    /// Why the settings cannot be simulated, if they cannot.
    pub fn problem(&self) -> Option<String> {
        if self.plans.is_empty() || self.plans.len() > MAX_PLANS {
            return Some(format!("Compare one to {MAX_PLANS} plans."));
        }
        if self.chosen >= self.plans.len() {
            return Some("The chosen plan does not exist.".into());
        }
        if !(100..=MAX_TRIALS).contains(&self.trials) {
            return Some(format!("Trials must be 100 to {MAX_TRIALS}."));
        }
        if !(4..=MAX_WEEKS).contains(&self.horizon_weeks) {
            return Some(format!("The horizon must be 4 to {MAX_WEEKS} weeks."));
        }
        self.plans.iter().find_map(Plan::problem)
    }

    /// The chosen plan.
    pub fn chosen_plan(&self) -> &Plan {
        &self.plans[self.chosen.min(self.plans.len().saturating_sub(1))]
    }
}

/// The five DORA metrics the flywheel simulates, in a fixed order.
pub const SIM_METRICS: [Metric; 5] = [
    Metric::DeployFrequency,
    Metric::LeadTime,
    Metric::ChangeFailureRate,
    Metric::RecoveryTime,
    Metric::ReworkRate,
];

/// The position of a metric in [`SIM_METRICS`].
pub fn sim_index(metric: Metric) -> Option<usize> {
    SIM_METRICS.iter().position(|&m| m == metric)
}

/// A value per simulated metric.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerMetric {
    pub deploy_frequency: f64,
    pub lead_time: f64,
    pub change_failure_rate: f64,
    pub recovery_time: f64,
    pub rework_rate: f64,
}

impl PerMetric {
    /// The same value for every metric.
    pub const fn splat(v: f64) -> Self {
        PerMetric {
            deploy_frequency: v,
            lead_time: v,
            change_failure_rate: v,
            recovery_time: v,
            rework_rate: v,
        }
    }

    /// The values in [`SIM_METRICS`] order.
    pub fn to_array(self) -> [f64; 5] {
        [
            self.deploy_frequency,
            self.lead_time,
            self.change_failure_rate,
            self.recovery_time,
            self.rework_rate,
        ]
    }

    /// The value for `metric`, if it is simulated.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        sim_index(metric).map(|i| self.to_array()[i])
    }

    /// Sets the value for `metric` (ignored for metrics not simulated).
    pub fn set(&mut self, metric: Metric, value: f64) {
        match metric {
            Metric::DeployFrequency => self.deploy_frequency = value,
            Metric::LeadTime => self.lead_time = value,
            Metric::ChangeFailureRate => self.change_failure_rate = value,
            Metric::RecoveryTime => self.recovery_time = value,
            Metric::ReworkRate => self.rework_rate = value,
            _ => {}
        }
    }
}

/// The best values a metric can reach: the floors (and the deployment-rate
/// ceiling) improvement approaches but never crosses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bounds {
    /// A pipeline cannot deploy faster than it builds and verifies.
    pub max_deploys_per_day: f64,
    /// Lead time cannot beat the pipeline's own duration.
    pub min_lead_time_hours: f64,
    pub min_change_failure_rate: f64,
    pub min_recovery_hours: f64,
    pub min_rework_rate: f64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            max_deploys_per_day: 20.0,
            min_lead_time_hours: 1.0,
            min_change_failure_rate: 1.0,
            min_recovery_hours: 0.25,
            min_rework_rate: 1.0,
        }
    }
}

/// The flywheel's couplings (domain.md §4, the seed's flywheel): faster
/// recovery builds deployment confidence; more frequent, smaller deployments
/// cut lead time and change failure rate; hours freed from firefighting are
/// partly reinvested in improvement. Each acts after `lag_weeks`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Coupling {
    /// Off: each metric improves on its own (the uncoupled model).
    pub enabled: bool,
    /// Weeks before an improvement feeds the others.
    pub lag_weeks: u32,
    /// Deployment-frequency gains grow by this × the relative recovery-time
    /// improvement (1.0: 30% faster recovery makes them 30% larger).
    pub recovery_to_frequency: f64,
    /// Lead-time and change-failure gains grow by this × the relative
    /// shortening of the interval between deployments.
    pub frequency_to_flow: f64,
    /// Share of firefighting hours freed that is reinvested as improvement
    /// capacity.
    pub reinvest_share: f64,
}

impl Default for Coupling {
    fn default() -> Self {
        Coupling {
            enabled: true,
            lag_weeks: 4,
            recovery_to_frequency: 1.0,
            frequency_to_flow: 0.5,
            reinvest_share: 0.5,
        }
    }
}

/// Which preset a plan started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    Kaizen,
    QuarterlyOverhaul,
    CapabilityTrap,
    CanaryPilot,
    Custom,
}

impl Preset {
    /// The presets offered, in order.
    pub const ALL: [Preset; 4] = [
        Preset::Kaizen,
        Preset::QuarterlyOverhaul,
        Preset::CapabilityTrap,
        Preset::CanaryPilot,
    ];

    /// A one-line description with its source.
    pub fn description(self) -> &'static str {
        match self {
            Preset::Kaizen => {
                "Small steady gains every two-week cycle, with 10% of capacity held back for \
                 improvement (the seed's \"1% better\" style)."
            }
            Preset::QuarterlyOverhaul => {
                "A large change once a quarter (the seed's \"massive 30% overhaul\"): bigger steps, \
                 a higher chance of failing, and setbacks when one fails."
            }
            Preset::CapabilityTrap => {
                "No improvement capacity under delivery pressure: teams work harder, not smarter, \
                 and capability erodes (Repenning & Sterman 2001)."
            }
            Preset::CanaryPilot => {
                "Automated canary releases: the seed's pilot took change failure rate from 20% to \
                 2%, so 2% is its floor here."
            }
            Preset::Custom => "Your own plan.",
        }
    }
}

/// An improvement plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub name: String,
    pub preset: Preset,
    /// PDCA cycle length in weeks.
    pub cycle_weeks: u32,
    /// Share of capacity spent on improvement, %. Effects are stated at the
    /// seed's 10% and scale in proportion.
    pub capacity_pct: f64,
    /// Chance one cycle's experiment on a metric succeeds, %. Failed
    /// experiments are abandoned (PDCA's Act step).
    pub success_pct: f64,
    /// Share of the remaining gap to the bound that one successful cycle
    /// closes at 10% capacity, % per metric.
    pub effect_pct: PerMetric,
    /// Spread of a successful cycle's effect around its expected size
    /// (log-normal coefficient of variation), %.
    pub effect_spread_pct: f64,
    /// Share of the gap a failed experiment adds back, % (disruption).
    pub setback_pct: f64,
    /// Weekly erosion of every metric when nothing maintains it, %.
    pub erosion_pct_per_week: f64,
    /// Week-to-week variation of measured values (coefficient of variation), %.
    pub noise_pct: f64,
    pub bounds: Bounds,
    pub coupling: Coupling,
}

impl Default for Plan {
    fn default() -> Self {
        Plan::preset(Preset::Kaizen)
    }
}

impl Plan {
    /// Longest PDCA cycle accepted, in weeks.
    pub const MAX_CYCLE_WEEKS: u32 = 26;
    /// The plan a preset describes.
    pub fn preset(preset: Preset) -> Plan {
        let base = Plan {
            name: String::new(),
            preset,
            cycle_weeks: 2,
            capacity_pct: 10.0,
            success_pct: 70.0,
            effect_pct: PerMetric::splat(4.0),
            effect_spread_pct: 50.0,
            setback_pct: 0.0,
            erosion_pct_per_week: 0.1,
            noise_pct: 10.0,
            bounds: Bounds::default(),
            coupling: Coupling::default(),
        };
        match preset {
            Preset::Kaizen | Preset::Custom => Plan {
                name: "Kaizen".into(),
                ..base
            },
            Preset::QuarterlyOverhaul => Plan {
                name: "Quarterly overhaul".into(),
                cycle_weeks: 13,
                success_pct: 50.0,
                effect_pct: PerMetric::splat(30.0),
                setback_pct: 10.0,
                ..base
            },
            Preset::CapabilityTrap => Plan {
                name: "Capability trap".into(),
                capacity_pct: 0.0,
                erosion_pct_per_week: 0.5,
                ..base
            },
            Preset::CanaryPilot => Plan {
                name: "Canary pilot".into(),
                success_pct: 80.0,
                effect_pct: PerMetric {
                    deploy_frequency: 3.0,
                    lead_time: 2.0,
                    change_failure_rate: 20.0,
                    recovery_time: 8.0,
                    rework_rate: 4.0,
                },
                bounds: Bounds {
                    min_change_failure_rate: 2.0,
                    ..Bounds::default()
                },
                ..base
            },
        }
    }

    /// The plan with every coupling switched off.
    pub fn uncoupled(&self) -> Plan {
        Plan {
            coupling: Coupling {
                enabled: false,
                ..self.coupling
            },
            ..self.clone()
        }
    }
}
