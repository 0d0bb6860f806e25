//! The serialized shapes of released link versions, frozen: postcard is
//! not self-describing, so a link decodes only into the exact field order
//! and types it was written from. When a type inside the scenario changes,
//! its old shape is copied here first and the older versions below switch
//! to the copy, with a `From` into today's type.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::goals::{CheckIn, Goal, GoalId, Goals, Guard, Level, MetricTarget};
use crate::model::import::Measured;
use crate::model::plan::Simulation;
use crate::model::slo::{Incident, Method, Policy, WindowKind};
use crate::model::standing::lens::Lens;
use crate::model::workshop::{Ballot, Proposal, Step, Workshop};
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
    #[serde(with = "crate::model::date::serde_opt_date")]
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
    goals: GoalsV2,
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
            goals: v.goals.into(),
            simulation: v.simulation,
            measured: v.measured,
            slo: v.slo.into(),
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
    goals: GoalsV2,
    simulation: Simulation,
    measured: Option<Measured>,
    slo: SloV2,
    workshop: WorkshopV2,
}

impl From<ScenarioV2> for Scenario {
    fn from(v: ScenarioV2) -> Scenario {
        Scenario {
            team: v.team,
            edition: v.edition,
            baseline: v.baseline,
            goals: v.goals.into(),
            simulation: v.simulation,
            measured: v.measured,
            slo: v.slo.into(),
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

/// The goals as versions 1 and 2 carry them: check-ins without their
/// source.
#[derive(Deserialize)]
#[serde(transparent)]
pub(super) struct GoalsV2(Vec<GoalV2>);

/// A version-2 goal, in version 2's field order.
#[derive(Deserialize)]
struct GoalV2 {
    id: GoalId,
    level: Level,
    title: String,
    owner: String,
    so_that: String,
    parent: Option<GoalId>,
    target: Option<MetricTarget>,
    #[serde(with = "crate::model::date::serde_opt_date")]
    start: Option<NaiveDate>,
    #[serde(with = "crate::model::date::serde_opt_date")]
    deadline: Option<NaiveDate>,
    guard: Option<Guard>,
    check_ins: Vec<CheckInV2>,
}

/// A version-2 check-in: a date and a value, before check-ins said whether
/// they were typed or measured from data.
#[derive(Deserialize)]
struct CheckInV2 {
    #[serde(with = "crate::model::date::serde_date")]
    date: NaiveDate,
    actual: f64,
}

impl From<GoalsV2> for Goals {
    /// Every reading a version-2 link holds was typed: filling from data
    /// came later.
    fn from(v: GoalsV2) -> Goals {
        Goals(
            v.0.into_iter()
                .map(|g| Goal {
                    id: g.id,
                    level: g.level,
                    title: g.title,
                    owner: g.owner,
                    so_that: g.so_that,
                    parent: g.parent,
                    target: g.target,
                    start: g.start,
                    deadline: g.deadline,
                    guard: g.guard,
                    check_ins: g
                        .check_ins
                        .into_iter()
                        .map(|c| CheckIn::typed(c.date, c.actual))
                        .collect(),
                })
                .collect(),
        )
    }
}
