//! The serialized shapes of released link versions, frozen: postcard is
//! not self-describing, so a link decodes only into the exact field order
//! and types it was written from. When a type inside the scenario changes,
//! its old shape is copied here first and the older versions below switch
//! to the copy, with a `From` into today's type.

use serde::Deserialize;

use crate::model::goals::Goals;
use crate::model::import::Measured;
use crate::model::plan::Simulation;
use crate::model::standing::lens::Lens;
use crate::model::workshop::Workshop;
use crate::model::{Baseline, Edition, Scenario, Slo};

/// A version-1 scenario: the fields before workshops, in their order.
#[derive(Deserialize)]
pub(super) struct ScenarioV1 {
    team: String,
    edition: Edition,
    baseline: Baseline,
    goals: Goals,
    simulation: Simulation,
    measured: Option<Measured>,
    slo: Slo,
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
            slo: v.slo,
            lens: Lens::before_choice(),
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
    slo: Slo,
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
            slo: v.slo,
            workshop: v.workshop,
            lens: Lens::before_choice(),
            ..Scenario::default()
        }
    }
}
