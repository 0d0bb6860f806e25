//! The serialized shapes of released link versions, frozen: postcard is
//! not self-describing, so a link decodes only into the exact field order
//! and types it was written from. When a type inside the scenario changes,
//! its old shape is copied here first and the older versions below switch
//! to the copy, with a `From` into today's type.

use serde::Deserialize;

use crate::model::goals::{GoalId, Goals};
use crate::model::import::Measured;
use crate::model::plan::Simulation;
use crate::model::standing::lens::Lens;
use crate::model::workshop::{Ballot, Proposal, Step, Workshop};
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
    workshop: WorkshopV2,
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
            workshop: v.workshop.into(),
            lens: Lens::before_choice(),
            ..Scenario::default()
        }
    }
}

/// A version-2 workshop: the steps, proposers, one dot-vote on goals and
/// what the room committed to, before workshop ids, voting rules, the
/// reveal, initiative votes and actions.
#[derive(Deserialize)]
pub(super) struct WorkshopV2 {
    step: StepV2,
    minutes: [u32; 5],
    participant: String,
    proposals: Vec<ProposalV2>,
    dots_each: u32,
    ballots: Vec<BallotV2>,
    committed: Vec<GoalId>,
    parking_lot: Vec<String>,
}

/// A version-2 workshop step, in version 2's order.
#[derive(Deserialize)]
enum StepV2 {
    Baseline,
    Goals,
    Simulate,
    Guardrails,
    Commit,
}

impl From<StepV2> for Step {
    fn from(v: StepV2) -> Step {
        match v {
            StepV2::Baseline => Step::Baseline,
            StepV2::Goals => Step::Goals,
            StepV2::Simulate => Step::Simulate,
            StepV2::Guardrails => Step::Guardrails,
            StepV2::Commit => Step::Commit,
        }
    }
}

/// A version-2 proposal: who proposed which goal.
#[derive(Deserialize)]
struct ProposalV2 {
    goal: GoalId,
    by: String,
}

/// A version-2 ballot: a voter and the goals they put dots on.
#[derive(Deserialize)]
struct BallotV2 {
    voter: String,
    dots: Vec<GoalId>,
}

impl From<WorkshopV2> for Workshop {
    /// The rules take their defaults, which are version 2's behaviour
    /// (dots stack freely, the facilitator and proposers may vote), and
    /// the vote is open: its counts stay hidden until the facilitator
    /// reveals them.
    fn from(v: WorkshopV2) -> Workshop {
        Workshop {
            step: v.step.into(),
            minutes: v.minutes,
            participant: v.participant,
            proposals: v
                .proposals
                .into_iter()
                .map(|p| Proposal {
                    goal: p.goal,
                    by: p.by,
                })
                .collect(),
            dots_each: v.dots_each,
            ballots: v
                .ballots
                .into_iter()
                .map(|b| Ballot {
                    voter: b.voter,
                    dots: b.dots,
                    initiatives: Vec::new(),
                })
                .collect(),
            committed: v.committed,
            parking_lot: v.parking_lot,
            ..Workshop::default()
        }
    }
}
