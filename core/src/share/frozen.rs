//! The serialized shapes of released link versions, frozen: postcard is
//! not self-describing, so a link decodes only into the exact field order
//! and types it was written from. When a type inside the scenario changes,
//! its old shape is copied here first and the older versions below switch
//! to the copy, with a `From` into today's type.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::goals::Goals;
use crate::model::import::Measured;
use crate::model::plan::Simulation;
use crate::model::slo::{Incident, Method, Policy, WindowKind};
use crate::model::workshop::Workshop;
use crate::model::{Baseline, Edition, Scenario, Slo};

/// The SLO as versions 1 and 2 carry it: before the monitoring settings and
/// the cost of bad time.
#[derive(Deserialize)]
pub(super) struct SloV2 {
    target: f64,
    window: WindowKind,
    rolling_days: u32,
    method: Method,
    requests_per_day: f64,
    #[serde(with = "crate::model::goals::date::serde_opt_date")]
    window_start: Option<NaiveDate>,
    incidents: Vec<Incident>,
    alert_error_rate: f64,
    failure_share: f64,
    policy: Policy,
    seed: u64,
}

impl From<SloV2> for Slo {
    fn from(v: SloV2) -> Slo {
        Slo {
            target: v.target,
            window: v.window,
            rolling_days: v.rolling_days,
            method: v.method,
            requests_per_day: v.requests_per_day,
            window_start: v.window_start,
            incidents: v.incidents,
            alert_error_rate: v.alert_error_rate,
            failure_share: v.failure_share,
            policy: v.policy,
            seed: v.seed,
            ..Slo::default()
        }
    }
}

/// A version-1 scenario: the fields before workshops, in their order.
#[derive(Deserialize)]
pub(super) struct ScenarioV1 {
    team: String,
    edition: Edition,
    baseline: Baseline,
    goals: Goals,
    simulation: Simulation,
    measured: Option<Measured>,
    slo: SloV2,
}

impl From<ScenarioV1> for Scenario {
    fn from(v: ScenarioV1) -> Scenario {
        Scenario {
            team: v.team,
            edition: v.edition,
            baseline: v.baseline,
            goals: v.goals,
            simulation: v.simulation,
            measured: v.measured,
            slo: v.slo.into(),
            ..Scenario::default()
        }
    }
}

/// A version-2 scenario: version 1 with the workshop at the end.
#[derive(Deserialize)]
pub(super) struct ScenarioV2 {
    team: String,
    edition: Edition,
    baseline: Baseline,
    goals: Goals,
    simulation: Simulation,
    measured: Option<Measured>,
    slo: SloV2,
    workshop: Workshop,
}

impl From<ScenarioV2> for Scenario {
    fn from(v: ScenarioV2) -> Scenario {
        Scenario {
            team: v.team,
            edition: v.edition,
            baseline: v.baseline,
            goals: v.goals,
            simulation: v.simulation,
            measured: v.measured,
            slo: v.slo.into(),
            workshop: v.workshop,
        }
    }
}
