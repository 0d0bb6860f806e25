//! The [`Scenario`]: everything a user enters, in one serde type. It is what
//! autosaves, and what later travels in share links. New fields always get a
//! `#[serde(default)]` so older saved scenarios keep loading.

use serde::{Deserialize, Serialize};

use crate::model::benchmarks::Peers;
use crate::model::dora::{self, Edition, TierVerdict};
use crate::model::goals::{GoalId, Goals};
use crate::model::history::History;
use crate::model::import::Measured;
use crate::model::plan::Simulation;
use crate::model::quick_check::{self, SubScores};
use crate::model::slo::Slo;
use crate::model::standing::lens::Lens;
use crate::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use crate::model::validate::NumberRule;
use crate::model::workshop::Workshop;
use crate::model::Metric;

/// Largest amount accepted for a rate or a duration, in the unit typed.
pub const MAX_AMOUNT: f64 = 100_000.0;

/// The team's measured starting point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Baseline {
    pub deploy_frequency: Rate,
    pub lead_time: Duration,
    /// Percent of deployments needing remediation.
    pub change_failure_rate: f64,
    pub recovery_time: Duration,
    /// Percent of deployments that were unplanned fixes.
    pub rework_rate: f64,
    /// Percent of new lines rewritten within 21 days; optional.
    pub code_churn: Option<f64>,
    /// Percent of bugs found in production; optional.
    pub defect_escape_rate: Option<f64>,
    /// Percent good time or requests; optional.
    pub availability: Option<f64>,
}

impl Default for Baseline {
    /// A plausible mid-table team, so the screen is never empty on first
    /// visit; the seed's example team deploys twice a month.
    fn default() -> Self {
        Baseline {
            deploy_frequency: Rate::new(2.0, RatePeriod::Month),
            lead_time: Duration::new(5.0, TimeUnit::Days),
            change_failure_rate: 18.0,
            recovery_time: Duration::new(6.0, TimeUnit::Hours),
            rework_rate: 12.0,
            code_churn: None,
            defect_escape_rate: None,
            availability: None,
        }
    }
}

impl Baseline {
    /// The metric's value in its canonical unit (deploys per day, hours, %),
    /// or `None` for an optional metric left empty.
    pub fn value(&self, metric: Metric) -> Option<f64> {
        match metric {
            Metric::DeployFrequency => Some(self.deploy_frequency.per_day()),
            Metric::LeadTime => Some(self.lead_time.hours()),
            Metric::ChangeFailureRate => Some(self.change_failure_rate),
            Metric::RecoveryTime => Some(self.recovery_time.hours()),
            Metric::ReworkRate => Some(self.rework_rate),
            Metric::CodeChurn => self.code_churn,
            Metric::DefectEscapeRate => self.defect_escape_rate,
            Metric::Availability => self.availability,
        }
    }

    /// The units the team typed its numbers in, which every screen shows
    /// them in.
    pub fn units(&self) -> crate::model::units::Units {
        crate::model::units::Units {
            per: self.deploy_frequency.per,
            lead: self.lead_time.unit,
            recovery: self.recovery_time.unit,
        }
    }

    /// The tier of each metric the edition classifies.
    pub fn tiers(&self, edition: Edition) -> Vec<(Metric, Option<TierVerdict>)> {
        let values: Vec<(Metric, f64)> = Metric::DORA
            .into_iter()
            .filter(|&m| dora::has_tiers(edition, m))
            .filter_map(|m| self.value(m).map(|v| (m, v)))
            .collect();
        dora::profile(edition, &values)
    }

    /// The Quick Check score of each DORA metric.
    pub fn scores(&self) -> Vec<(Metric, f64)> {
        Metric::DORA
            .into_iter()
            .filter_map(|m| Some((m, quick_check::score(m, self.value(m)?)?)))
            .collect()
    }

    /// Throughput and instability sub-scores.
    pub fn sub_scores(&self) -> SubScores {
        let s = |m| {
            self.value(m)
                .and_then(|v| quick_check::score(m, v))
                .unwrap_or(0.0)
        };
        quick_check::sub_scores(
            s(Metric::LeadTime),
            s(Metric::DeployFrequency),
            s(Metric::RecoveryTime),
            s(Metric::ChangeFailureRate),
            s(Metric::ReworkRate),
        )
    }

    /// Whether every stored value is a finite number inside its field's rule:
    /// what a loaded scenario must satisfy before it is trusted.
    pub fn is_valid(&self) -> bool {
        use crate::model::limits::{above, in_range, percent_ok};
        in_range(self.deploy_frequency.count, 0.0, MAX_AMOUNT)
            && above(self.lead_time.amount, 0.0, MAX_AMOUNT)
            && above(self.recovery_time.amount, 0.0, MAX_AMOUNT)
            && percent_ok(self.change_failure_rate)
            && percent_ok(self.rework_rate)
            && [self.code_churn, self.defect_escape_rate, self.availability]
                .into_iter()
                .flatten()
                .all(percent_ok)
    }
}

/// The input rule for a metric's field.
pub fn rule(metric: Metric) -> NumberRule {
    match metric {
        Metric::DeployFrequency => NumberRule::non_negative(MAX_AMOUNT, "deploys"),
        Metric::LeadTime | Metric::RecoveryTime => NumberRule::positive(MAX_AMOUNT, ""),
        _ => NumberRule::PERCENT,
    }
}

/// Seed thresholds outside DORA's tiers (domain.md §1): churn is healthy
/// below 25%; defect escape is good below 15% and elite below 5%.
pub fn seed_assessment(metric: Metric, value: f64) -> Option<(&'static str, &'static str)> {
    match metric {
        Metric::CodeChurn if value < 25.0 => Some(("Healthy", "below 25%")),
        Metric::CodeChurn => Some(("Above healthy", "healthy is below 25%")),
        Metric::DefectEscapeRate if value < 5.0 => Some(("Elite", "below 5%")),
        Metric::DefectEscapeRate if value < 15.0 => Some(("Good", "below 15%")),
        Metric::DefectEscapeRate => Some(("Needs attention", "good is below 15%")),
        _ => None,
    }
}

/// A goal taken out of a scenario, with what it takes to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedGoal {
    /// Its position among the goals.
    pub index: usize,
    pub goal: crate::model::goals::Goal,
    /// Goals that sat directly under it.
    pub children: Vec<GoalId>,
    /// Who proposed it in a workshop.
    pub proposer: Option<String>,
}

/// Everything a user enters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// The team (or service) the scenario is about.
    pub team: String,
    /// The DORA report edition that classifies the baseline.
    pub edition: Edition,
    pub baseline: Baseline,
    /// The goal chain (domain.md §6).
    #[serde(default)]
    pub goals: Goals,
    /// Improvement plans and the settings that make a run reproducible.
    #[serde(default)]
    pub simulation: Simulation,
    /// Samples and figures measured from imported deployments and
    /// incidents, when the baseline came from data.
    #[serde(default)]
    pub measured: Option<Measured>,
    /// The SLO, its incidents and error-budget policy (domain.md §3).
    #[serde(default)]
    pub slo: Slo,
    /// The goal-setting workshop: proposers, dot-votes, the committed set
    /// and the parking lot.
    #[serde(default)]
    pub workshop: Workshop,
    /// Whether "where you stand" reads the baseline through DORA's 2025
    /// scores or the historical tiers of `edition`. Saved work without it
    /// predates the choice and keeps the tiers it had.
    #[serde(default = "Lens::before_choice")]
    pub lens: Lens,
    /// The industry and organisation size the 2025 scores compare with.
    #[serde(default)]
    pub peers: Peers,
    /// Dated snapshots of the baseline, the last import's monthly trend,
    /// and where the chosen plan started (`model::history`).
    #[serde(default)]
    pub history: History,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            team: "My team".to_string(),
            edition: Edition::default(),
            baseline: Baseline::default(),
            goals: Goals::default(),
            simulation: Simulation::default(),
            measured: None,
            slo: Slo::default(),
            workshop: Workshop::default(),
            lens: Lens::default(),
            peers: Peers::default(),
            history: History::default(),
        }
    }
}

impl Scenario {
    /// Longest team name accepted.
    pub const MAX_TEAM_CHARS: usize = 80;

    /// Whether every field holds a value the UI would have accepted.
    pub fn is_valid(&self) -> bool {
        crate::model::limits::name_ok(self.team.trim(), Self::MAX_TEAM_CHARS)
            && self.baseline.is_valid()
            && self.goals.is_valid()
            && self.simulation.problem().is_none()
            && self.measured.as_ref().is_none_or(Measured::is_valid)
            && self.slo.is_valid()
            && self.workshop.is_valid()
            && self.history.is_valid()
    }

    /// Removes a goal (its children move up to its parent) and every
    /// workshop reference to it, so a later goal reusing its id inherits
    /// none of its votes. Returns what [`Scenario::restore_goal`] needs to
    /// undo it.
    pub fn remove_goal(&mut self, id: GoalId) -> Option<RemovedGoal> {
        let index = self.goals.0.iter().position(|g| g.id == id)?;
        let children = self
            .goals
            .0
            .iter()
            .filter(|g| g.parent == Some(id))
            .map(|g| g.id)
            .collect();
        let proposer = self.workshop.proposer(id).map(str::to_string);
        let goal = self.goals.remove(id)?;
        self.workshop.forget(&self.goals);
        Some(RemovedGoal {
            index,
            goal,
            children,
            proposer,
        })
    }

    /// Puts a removed goal back where it was, under a fresh id if its own
    /// was taken meanwhile, with its children and proposer. Dots placed on
    /// it are not restored.
    pub fn restore_goal(&mut self, removed: RemovedGoal) {
        let RemovedGoal {
            index,
            mut goal,
            children,
            proposer,
        } = removed;
        if self.goals.len() >= crate::model::goals::MAX_GOALS {
            return;
        }
        if self.goals.get(goal.id).is_some() {
            goal.id = self.goals.next_id();
        }
        if goal.parent.is_some_and(|p| self.goals.get(p).is_none()) {
            goal.parent = None;
        }
        let id = goal.id;
        self.goals.0.insert(index.min(self.goals.len()), goal);
        for child in children {
            if let Some(c) = self.goals.get_mut(child) {
                c.parent = Some(id);
            }
        }
        if let Some(by) = proposer {
            self.workshop
                .proposals
                .push(crate::model::workshop::Proposal { goal: id, by });
        }
    }
}
