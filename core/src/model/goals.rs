//! Goals and the goal chain (domain.md §6): what a goal holds, the
//! collection that keeps them in a tree (strategy → business → operational →
//! technical → initiative), moving a goal under another parent without
//! creating a cycle, and removing one without orphaning its children.
//!
//! The SMART checks live in [`smart`], the anti-pattern lints in [`lint`],
//! the seed's example goals in [`templates`]. Everything here is pure: "today"
//! is always a parameter and a metric's starting value is read from the
//! scenario's [`Baseline`], never copied into the goal.

mod checks;
pub mod lint;
pub mod smart;
pub mod templates;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::scenario::Baseline;
use crate::model::units::Units;
use crate::model::{limits, Metric};

/// A goal's stable identifier; never reused within a [`Goals`] collection.
pub type GoalId = u32;

/// Longest title, owner or "so that" accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most goals a scenario may hold.
pub const MAX_GOALS: usize = 200;
/// Most check-ins one goal may hold.
pub const MAX_CHECK_INS: usize = 200;
/// Largest target, guard limit, custom starting value or reading accepted,
/// in the measure's canonical unit (percentages stop at 100).
pub const MAX_VALUE: f64 = 1e9;
/// Largest goal id: ids are never reused, and this leaves room for far more
/// additions than anyone makes while keeping `id + 1` in range.
pub const MAX_GOAL_ID: GoalId = 10_000_000;

/// Where a goal sits in the chain (domain.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Strategy,
    Business,
    Operational,
    Technical,
    Initiative,
    /// Time-bound; its output is a decision.
    Learning,
}

impl Level {
    /// Every level, top of the chain first.
    pub const ALL: [Level; 6] = [
        Level::Strategy,
        Level::Business,
        Level::Operational,
        Level::Technical,
        Level::Initiative,
        Level::Learning,
    ];

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Level::Strategy => "Strategy",
            Level::Business => "Business",
            Level::Operational => "Operational",
            Level::Technical => "Technical",
            Level::Initiative => "Initiative",
            Level::Learning => "Learning",
        }
    }

    /// A stable key for form values and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Level::Strategy => "strategy",
            Level::Business => "business",
            Level::Operational => "operational",
            Level::Technical => "technical",
            Level::Initiative => "initiative",
            Level::Learning => "learning",
        }
    }

    /// The level whose key is `key`.
    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// One sentence on what a goal at this level is for.
    pub fn help(self) -> &'static str {
        match self {
            Level::Strategy => "Where the organisation is heading; stretch belongs here.",
            Level::Business => "An outcome for users or the business.",
            Level::Operational => {
                "The sweet spot: measurable, outcome-oriented and technology-agnostic."
            }
            Level::Technical => "An enabling change, worth it for the \"so that\" it unlocks.",
            Level::Initiative => "A piece of work that moves a goal above it.",
            Level::Learning => "A time-bound experiment whose output is a decision.",
        }
    }
}

/// What a metric goal measures: a metric from the baseline, or another
/// measure with its own starting value (such as P95 API response time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// A baseline metric; its starting value is read from the baseline.
    Baseline(Metric),
    /// A measure the baseline does not hold.
    Custom {
        name: String,
        unit: String,
        /// Its value today, in `unit`.
        baseline: f64,
        higher_is_better: bool,
    },
}

impl Measure {
    /// Whether `value` (canonical unit) is one a target, guard or reading of
    /// this measure may hold: 0 to [`MAX_VALUE`], percentages to 100.
    pub fn value_ok(&self, value: f64) -> bool {
        let max = match self {
            Measure::Baseline(m) if m.is_percent() => 100.0,
            _ => MAX_VALUE,
        };
        limits::in_range(value, 0.0, max)
    }

    /// The name shown to users.
    pub fn name(&self) -> String {
        match self {
            Measure::Baseline(m) => m.name().to_string(),
            Measure::Custom { name, .. } => name.clone(),
        }
    }

    /// Whether a larger value is better.
    pub fn higher_is_better(&self) -> bool {
        match self {
            Measure::Baseline(m) => m.higher_is_better(),
            Measure::Custom {
                higher_is_better, ..
            } => *higher_is_better,
        }
    }

    /// The starting value in the canonical unit, `None` when the baseline
    /// leaves the metric empty.
    pub fn baseline(&self, baseline: &Baseline) -> Option<f64> {
        match self {
            Measure::Baseline(m) => baseline.value(*m).filter(|v| v.is_finite()),
            Measure::Custom { baseline, .. } => Some(*baseline).filter(|v| v.is_finite()),
        }
    }

    /// The baseline metric, if it is one.
    pub fn metric(&self) -> Option<Metric> {
        match self {
            Measure::Baseline(m) => Some(*m),
            Measure::Custom { .. } => None,
        }
    }

    /// The unit goals show this measure in, and how many of that unit one
    /// canonical unit is: a baseline metric in the units its baseline was
    /// typed in ([`Units`]), another measure in its own unit.
    pub fn display_unit(&self, units: Units) -> (String, f64) {
        match self {
            Measure::Baseline(m) => {
                let u = units.of(*m);
                (u.label.to_string(), u.factor)
            }
            Measure::Custom { unit, .. } => (unit.clone(), 1.0),
        }
    }

    /// A canonical value formatted in the display unit: "4 deploys per week".
    pub fn describe(&self, canonical: f64, units: Units) -> String {
        let (unit, factor) = self.display_unit(units);
        let n = crate::model::units::format_number(canonical * factor, 2);
        crate::model::units::amount_with_unit(&n, &unit)
    }
}

/// A metric goal's number: what it measures and where it should get to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricTarget {
    pub measure: Measure,
    /// The target in the measure's canonical unit (deploys per day, hours,
    /// % for baseline metrics, as [`Baseline::value`] gives them).
    pub target: f64,
}

/// A limit another metric must not cross while the goal is pursued
/// (domain.md §6, Goodhart's law).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guard {
    pub metric: Metric,
    /// In the metric's canonical unit; "stays at or better than".
    pub limit: f64,
}

impl Guard {
    /// "Change failure rate stays at or below 15%".
    pub fn describe(&self, units: Units) -> String {
        let m = Measure::Baseline(self.metric);
        let dir = if self.metric.higher_is_better() {
            "at or above"
        } else {
            "at or below"
        };
        format!(
            "{} stays {dir} {}",
            self.metric.name(),
            m.describe(self.limit, units)
        )
    }
}

/// Where a check-in's value came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckInSource {
    /// Typed by a person.
    #[default]
    Typed,
    /// Filled from the scenario's baseline history or monthly trend
    /// (`model::history`); filling again replaces it.
    Measured,
}

impl CheckInSource {
    /// "typed" or "measured", as a check-in's table cell and chart legend
    /// say it.
    pub fn word(self) -> &'static str {
        match self {
            CheckInSource::Typed => "typed",
            CheckInSource::Measured => "measured",
        }
    }
}

/// A progress reading: the measure's actual value on a date.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(with = "crate::model::date::serde_date")]
    pub date: NaiveDate,
    /// In the measure's canonical unit.
    pub actual: f64,
    /// Typed, or measured from data. Saved work from before the choice
    /// holds typed readings only.
    #[serde(default)]
    pub source: CheckInSource,
}

impl CheckIn {
    /// A reading typed by a person.
    pub fn typed(date: NaiveDate, actual: f64) -> CheckIn {
        CheckIn {
            date,
            actual,
            source: CheckInSource::Typed,
        }
    }

    /// A reading filled from measurements.
    pub fn measured(date: NaiveDate, actual: f64) -> CheckIn {
        CheckIn {
            date,
            actual,
            source: CheckInSource::Measured,
        }
    }
}

/// One goal in the chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: GoalId,
    pub level: Level,
    pub title: String,
    /// The person or team accountable (Doran's "Assignable").
    pub owner: String,
    /// The outcome the goal unlocks: for whom, by how much, what for.
    pub so_that: String,
    pub parent: Option<GoalId>,
    pub target: Option<MetricTarget>,
    /// When the baseline was taken and the pace starts.
    #[serde(with = "crate::model::date::serde_opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(with = "crate::model::date::serde_opt_date")]
    pub deadline: Option<NaiveDate>,
    pub guard: Option<Guard>,
    /// Progress readings, kept sorted by date.
    pub check_ins: Vec<CheckIn>,
}

impl Default for Goal {
    fn default() -> Self {
        Goal {
            id: 0,
            level: Level::Operational,
            title: String::new(),
            owner: String::new(),
            so_that: String::new(),
            parent: None,
            target: None,
            start: None,
            deadline: None,
            guard: None,
            check_ins: Vec::new(),
        }
    }
}

impl Goal {
    /// A new goal at `level` titled `title`, starting `today` (no start
    /// when `today` lies outside the model's years, as a wrong clock gives).
    pub fn new(level: Level, title: &str, today: NaiveDate) -> Goal {
        Goal {
            level,
            title: title.trim().to_string(),
            start: limits::date_ok(today).then_some(today),
            ..Goal::default()
        }
    }

    /// "Operational: Ship changes within three days": the level and title
    /// together, as lists and tables name a goal.
    pub fn label(&self) -> String {
        format!("{}: {}", self.level.name(), self.title)
    }
}

pub use checks::{parse_goal_text, parse_title};

/// A goal with its children, for drawing the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: GoalId,
    pub children: Vec<Node>,
}

/// Why a goal cannot be moved under a parent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    UnknownGoal,
    UnknownParent,
    OwnParent,
    /// The parent sits under the goal: moving would close a loop.
    Cycle,
}

impl MoveError {
    /// The message shown beside the parent picker.
    pub fn message(&self) -> &'static str {
        match self {
            MoveError::UnknownGoal => "That goal no longer exists.",
            MoveError::UnknownParent => "The chosen parent goal no longer exists.",
            MoveError::OwnParent => "A goal cannot be its own parent.",
            MoveError::Cycle => {
                "That goal sits under this one, so the chain would loop. Pick a goal \
                 above or beside it."
            }
        }
    }
}

/// Every goal of a scenario, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Goals(pub Vec<Goal>);

impl Goals {
    /// The goal with `id`.
    pub fn get(&self, id: GoalId) -> Option<&Goal> {
        self.0.iter().find(|g| g.id == id)
    }

    /// The goal with `id`, to edit.
    pub fn get_mut(&mut self, id: GoalId) -> Option<&mut Goal> {
        self.0.iter_mut().find(|g| g.id == id)
    }

    /// Every goal's id, in order.
    pub fn ids(&self) -> Vec<GoalId> {
        self.0.iter().map(|g| g.id).collect()
    }

    /// Number of goals.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// An id no goal has ever had (one above the largest in use).
    pub fn next_id(&self) -> GoalId {
        self.0
            .iter()
            .map(|g| g.id)
            .max()
            .map_or(1, |m| m.saturating_add(1))
    }

    /// Adds a goal with a fresh id and returns the id. A parent that does
    /// not exist is dropped.
    pub fn add(&mut self, mut goal: Goal) -> Result<GoalId, String> {
        if self.0.len() >= MAX_GOALS {
            return Err(format!("A scenario keeps at most {MAX_GOALS} goals."));
        }
        goal.id = self.next_id();
        if goal.id > MAX_GOAL_ID {
            return Err("This scenario has used up its goal numbers: copy the goals you keep into a new scenario.".to_string());
        }
        if goal.parent.is_some_and(|p| self.get(p).is_none()) {
            goal.parent = None;
        }
        let id = goal.id;
        self.0.push(goal);
        Ok(id)
    }

    /// The chain above `id`, nearest first. Stops at a loop rather than
    /// running forever on corrupt data.
    pub fn ancestors(&self, id: GoalId) -> Vec<GoalId> {
        let mut out = Vec::new();
        let mut current = self.get(id).and_then(|g| g.parent);
        while let Some(p) = current {
            if p == id || out.contains(&p) {
                break;
            }
            out.push(p);
            current = self.get(p).and_then(|g| g.parent);
        }
        out
    }

    /// Whether `ancestor` is somewhere above `id` in the chain.
    pub fn is_under(&self, id: GoalId, ancestor: GoalId) -> bool {
        self.ancestors(id).contains(&ancestor)
    }

    /// Whether moving `id` under `parent` is allowed.
    pub fn check_move(&self, id: GoalId, parent: Option<GoalId>) -> Result<(), MoveError> {
        if self.get(id).is_none() {
            return Err(MoveError::UnknownGoal);
        }
        let Some(p) = parent else { return Ok(()) };
        if p == id {
            return Err(MoveError::OwnParent);
        }
        if self.get(p).is_none() {
            return Err(MoveError::UnknownParent);
        }
        if self.is_under(p, id) {
            return Err(MoveError::Cycle);
        }
        Ok(())
    }

    /// Moves `id` under `parent` (`None`: to the top of the chain).
    pub fn move_under(&mut self, id: GoalId, parent: Option<GoalId>) -> Result<(), MoveError> {
        self.check_move(id, parent)?;
        if let Some(g) = self.get_mut(id) {
            g.parent = parent;
        }
        Ok(())
    }

    /// Goals `id` may be moved under: every goal except itself and those
    /// below it.
    pub fn parent_options(&self, id: Option<GoalId>) -> Vec<&Goal> {
        self.0
            .iter()
            .filter(|g| match id {
                Some(id) => g.id != id && !self.is_under(g.id, id),
                None => true,
            })
            .collect()
    }

    /// Removes `id`; its children move up to its parent, so nothing is
    /// orphaned. Returns the removed goal.
    pub fn remove(&mut self, id: GoalId) -> Option<Goal> {
        let index = self.0.iter().position(|g| g.id == id)?;
        let removed = self.0.remove(index);
        for g in &mut self.0 {
            if g.parent == Some(id) {
                g.parent = removed.parent;
            }
        }
        Some(removed)
    }

    /// The chain as a forest, each level in insertion order. A goal whose
    /// parent is missing, or that sits in a loop, is shown at the top so no
    /// goal is ever hidden.
    pub fn tree(&self) -> Vec<Node> {
        let is_root = |g: &Goal| match g.parent {
            None => true,
            Some(p) => self.get(p).is_none() || self.is_under(p, g.id) || p == g.id,
        };
        let mut seen = Vec::new();
        self.0
            .iter()
            .filter(|g| is_root(g))
            .map(|g| self.node(g.id, &mut seen))
            .collect()
    }

    fn node(&self, id: GoalId, seen: &mut Vec<GoalId>) -> Node {
        seen.push(id);
        let children = self
            .0
            .iter()
            .filter(|c| c.parent == Some(id) && !seen.contains(&c.id))
            .map(|c| c.id)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|c| self.node(c, seen))
            .collect();
        Node { id, children }
    }

    /// Whether every goal is valid, ids are unique and no parent chain
    /// loops or points nowhere.
    pub fn is_valid(&self) -> bool {
        let mut ids = self.ids();
        ids.sort_unstable();
        ids.dedup();
        ids.len() == self.0.len()
            && self.0.len() <= MAX_GOALS
            && self.0.iter().all(|g| {
                g.is_valid()
                    && g.parent.is_none_or(|p| self.get(p).is_some())
                    && !self.is_under(g.id, g.id)
                    && g.parent.is_none_or(|p| !self.ancestors(p).contains(&g.id))
            })
    }
}
