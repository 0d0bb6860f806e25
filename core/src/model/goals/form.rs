//! The goal editor's rules, so the Goals screen only binds them: what the
//! metric, guard, direction and parent pickers offer; the values a goal
//! starts with when one is picked; the rule a value obeys in the unit it is
//! shown in; the owner a new goal starts with; a refused deadline in the
//! SMART check's words; and each check-in beside its pace.

use chrono::NaiveDate;

use crate::model::goals::lint::is_stability;
use crate::model::goals::smart::{pace, time_bound, PaceReading};
use crate::model::goals::{CheckIn, Goal, GoalId, Goals, Guard, Measure, MetricTarget, MAX_VALUE};
use crate::model::scenario::{Baseline, RemovedGoal};
use crate::model::units::Units;
use crate::model::validate::NumberRule;
use crate::model::{limits, Metric, Scenario};

/// The limit a change-failure-rate guard starts at: the seed's top-quartile
/// change failure rate, "< 15%" (domain.md §1).
pub const DEFAULT_CFR_LIMIT: f64 = 15.0;

/// The parent picker's first option.
pub const TOP_OF_CHAIN: &str = "None: top of the chain";

/// The guard picker's first option.
pub const NO_GUARD: &str = "No guard";

/// Which way another measure improves, as its picker offers it: `true`
/// when higher is better.
pub const BETTER_IS: [(bool, &str); 2] = [(false, "lower"), (true, "higher")];

/// What a goal measures, as its metric picker offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureChoice {
    /// No metric: the goal is judged by its words alone.
    None,
    /// A metric whose starting value the baseline holds.
    Metric(Metric),
    /// Another measure, with its own name, unit and starting value.
    Other,
}

impl MeasureChoice {
    /// Every choice, in the order the picker lists them: none, each
    /// baseline metric, another measure.
    pub fn all() -> Vec<MeasureChoice> {
        std::iter::once(MeasureChoice::None)
            .chain(Metric::ALL.into_iter().map(MeasureChoice::Metric))
            .chain(std::iter::once(MeasureChoice::Other))
            .collect()
    }

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            MeasureChoice::None => "No metric",
            MeasureChoice::Metric(m) => m.name(),
            MeasureChoice::Other => "Another measure",
        }
    }

    /// The choice a goal's target stands for.
    pub fn of(target: Option<&MetricTarget>) -> MeasureChoice {
        match target.map(|t| &t.measure) {
            None => MeasureChoice::None,
            Some(Measure::Baseline(m)) => MeasureChoice::Metric(*m),
            Some(Measure::Custom { .. }) => MeasureChoice::Other,
        }
    }
}

impl Measure {
    /// The measure "Another measure" starts from: the seed's own example,
    /// P95 API response time at 300 ms, lower being better (domain.md §6),
    /// for the user to rewrite.
    pub fn example_custom() -> Measure {
        Measure::Custom {
            name: "P95 API response time".to_string(),
            unit: "ms".to_string(),
            baseline: 300.0,
            higher_is_better: false,
        }
    }

    /// The rule a value of this measure obeys as typed in its display unit
    /// ([`Measure::display_unit`]): a percentage from 0 to 100, anything
    /// else from 0 to [`MAX_VALUE`] canonical units, in the display unit.
    pub fn number_rule(&self, units: Units) -> NumberRule {
        match self {
            Measure::Baseline(m) if m.is_percent() => NumberRule::PERCENT,
            Measure::Baseline(m) => {
                let u = units.of(*m);
                NumberRule::non_negative(MAX_VALUE * u.factor, u.label)
            }
            Measure::Custom { .. } => NumberRule::non_negative(MAX_VALUE, ""),
        }
    }

    /// A canonical value in the display unit.
    pub fn to_display(&self, canonical: f64, units: Units) -> f64 {
        canonical * self.display_unit(units).1
    }

    /// A value typed in the display unit, in the canonical unit; kept
    /// within what [`Measure::value_ok`] accepts when the conversion
    /// rounds just past the top.
    pub fn from_display(&self, shown: f64, units: Units) -> f64 {
        let max = match self {
            Measure::Baseline(m) if m.is_percent() => 100.0,
            _ => MAX_VALUE,
        };
        (shown / self.display_unit(units).1).min(max)
    }
}

impl MetricTarget {
    /// The target a goal gets when `choice` is picked: none for no metric;
    /// a baseline metric's target starts at its baseline value (0 when the
    /// baseline leaves it empty), which the editor then names as not yet
    /// improving on it; another measure starts from
    /// [`Measure::example_custom`] at its own baseline.
    pub fn default_for(choice: MeasureChoice, baseline: &Baseline) -> Option<MetricTarget> {
        let measure = match choice {
            MeasureChoice::None => return None,
            MeasureChoice::Metric(m) => Measure::Baseline(m),
            MeasureChoice::Other => Measure::example_custom(),
        };
        Some(MetricTarget {
            target: measure.baseline(baseline).unwrap_or(0.0),
            measure,
        })
    }
}

impl Guard {
    /// The guard a goal gets when `metric` is picked: a change failure rate
    /// at [`DEFAULT_CFR_LIMIT`], any other metric at its baseline value
    /// ("no worse than today"), 0 when the baseline leaves it empty.
    pub fn default_for(metric: Metric, baseline: &Baseline) -> Guard {
        let limit = if metric == Metric::ChangeFailureRate {
            DEFAULT_CFR_LIMIT
        } else {
            baseline.value(metric).unwrap_or(0.0)
        };
        Guard { metric, limit }
    }

    /// The guard picker's options: no guard, then each stability metric
    /// ([`is_stability`]).
    pub fn options() -> Vec<(Option<Metric>, &'static str)> {
        std::iter::once((None, NO_GUARD))
            .chain(
                Metric::ALL
                    .into_iter()
                    .filter(|m| is_stability(*m))
                    .map(|m| (Some(m), m.name())),
            )
            .collect()
    }

    /// "at most" for a metric better lower, "at least" otherwise.
    pub fn bound_words(&self) -> &'static str {
        if self.metric.higher_is_better() {
            "at least"
        } else {
            "at most"
        }
    }
}

impl Goals {
    /// The parent picker's options for goal `id` (`None`: a goal not yet
    /// added): the top of the chain, then every goal it may sit under
    /// ([`Goals::parent_options`]), by label.
    pub fn parent_choices(&self, id: Option<GoalId>) -> Vec<(Option<GoalId>, String)> {
        std::iter::once((None, TOP_OF_CHAIN.to_string()))
            .chain(
                self.parent_options(id)
                    .into_iter()
                    .map(|g| (Some(g.id), g.label())),
            )
            .collect()
    }
}

impl Goal {
    /// [`Goal::set_deadline`], with a refused date that has already come
    /// named as the SMART check names it ("has passed. Pick a date in the
    /// future."), since that is why it is wrong.
    pub fn change_deadline(
        &mut self,
        deadline: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<(), String> {
        self.set_deadline(deadline).map_err(|why| match deadline {
            Some(d) if d <= today && limits::date_ok(d) => {
                let probe = Goal {
                    deadline: Some(d),
                    ..Goal::default()
                };
                let c = time_bound(&probe, today);
                format!("{} {}", c.reason, c.fix)
            }
            _ => why,
        })
    }

    /// Every check-in, in date order, with its pace against the required
    /// path when the goal has what pace needs (see [`pace`]).
    pub fn readings(&self, baseline: &Baseline) -> Vec<(CheckIn, Option<PaceReading>)> {
        let paced = pace(self, baseline);
        self.check_ins
            .iter()
            .map(|c| (*c, paced.iter().find(|r| r.date == c.date).copied()))
            .collect()
    }
}

impl Scenario {
    /// Adds `goal` to the chain, owned by the team: a new goal names who is
    /// accountable from the start (Doran's "Assignable"), and the user
    /// rewrites it when another team or service owns it.
    pub fn add_goal(&mut self, goal: Goal) -> Result<GoalId, String> {
        let owner = limits::tidy(&self.team, crate::model::goals::MAX_TEXT_CHARS);
        self.goals.add(Goal { owner, ..goal })
    }

    /// Undoes [`Scenario::remove_goal`] ([`Scenario::restore_goal`]) and
    /// says under which id the goal came back (`None` when the scenario
    /// has no room for it).
    pub fn restore_goal_as(&mut self, removed: RemovedGoal) -> Option<GoalId> {
        let index = removed.index.min(self.goals.len());
        let before = self.goals.len();
        self.restore_goal(removed);
        (self.goals.len() > before)
            .then(|| self.goals.0.get(index).map(|g| g.id))
            .flatten()
    }
}
