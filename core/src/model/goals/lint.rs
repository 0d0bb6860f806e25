//! Goal anti-patterns, named as the seed names them (domain.md §6): each
//! finding says why it matters and suggests a rewrite.

use crate::model::goals::{Goal, Level};
use crate::model::Metric;

/// An anti-pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lint {
    /// Names a solution with no outcome: "Migrate to a streaming platform".
    TechnologyFirst,
    /// Says neither by how much nor what it unlocks.
    StopsTooSoon,
    /// A list of constraints (uptime, security, …) rather than an outcome.
    Requirements,
    /// A throughput goal with no stability guard (Goodhart's law).
    Goodhart,
}

impl Lint {
    /// The seed's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Lint::TechnologyFirst => "technology first",
            Lint::StopsTooSoon => "stops too soon",
            Lint::Requirements => "requirements, not a goal",
            Lint::Goodhart => "Goodhart warning",
        }
    }
}

/// One finding on a goal.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub lint: Lint,
    /// Why it matters, in one sentence.
    pub why: String,
    /// A suggested rewrite.
    pub rewrite: String,
}

/// Verbs that name a solution rather than an outcome.
const SOLUTION_VERBS: &[&str] = &[
    "migrate",
    "migrating",
    "adopt",
    "adopting",
    "rewrite",
    "rewriting",
    "implement",
    "implementing",
    "introduce",
    "introducing",
    "replatform",
    "replace",
    "upgrade",
    "install",
    "build",
    "buy",
    "deploy",
    "roll",
    "move",
    "switch",
];

/// Words that mark a constraint list.
const CONSTRAINT_WORDS: &[&str] = &[
    "uptime",
    "security",
    "secure",
    "compliance",
    "compliant",
    "encryption",
    "encrypted",
    "must",
    "shall",
    "sla",
    "gdpr",
    "soc",
    "pci",
    "iso",
    "sso",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether the goal states an outcome: a target or a "so that".
fn has_outcome(goal: &Goal) -> bool {
    goal.target.is_some() || !goal.so_that.trim().is_empty()
}

/// The items of a list-like title: split on commas, semicolons and "and".
fn list_items(title: &str) -> usize {
    title
        .split([',', ';', '+', '&'])
        .flat_map(|part| part.split(" and "))
        .filter(|p| !p.trim().is_empty())
        .count()
}

/// "technology first": the title opens with (or centres on) a solution verb
/// and the goal states no outcome.
pub fn technology_first(goal: &Goal) -> Option<Finding> {
    let w = words(&goal.title);
    let names_solution = w
        .iter()
        .take(3)
        .any(|x| SOLUTION_VERBS.contains(&x.as_str()));
    (names_solution && !has_outcome(goal)).then(|| Finding {
        lint: Lint::TechnologyFirst,
        why: "It names a solution, not the outcome it should bring: if the technical approach \
              changed entirely, nothing would be left of the goal."
            .to_string(),
        rewrite: format!(
            "State the outcome and keep the solution as an initiative under it: e.g. \"Cut lead \
             time for changes from 5 days to 1 day by year end so that customers get fixes the \
             same week\", with \"{}\" as the initiative.",
            goal.title.trim()
        ),
    })
}

/// "stops too soon": says neither by how much (no target) nor what it
/// unlocks (no "so that"). Learning goals are exempt when they name a
/// decision, which is their output.
pub fn stops_too_soon(goal: &Goal) -> Option<Finding> {
    let decision = goal.level == Level::Learning
        && ["decide", "decision", "whether"]
            .iter()
            .any(|d| goal.title.to_ascii_lowercase().contains(d));
    (goal.target.is_none() && goal.so_that.trim().is_empty() && !decision).then(|| Finding {
        lint: Lint::StopsTooSoon,
        why: "It stops before saying for whom, by how much, or what it unlocks, so nobody can \
              tell when it is done or why it matters."
            .to_string(),
        rewrite: format!(
            "Add a number and a \"so that\": e.g. \"{} from its baseline to a target by a date, \
             so that …\".",
            goal.title.trim().trim_end_matches('.')
        ),
    })
}

/// "requirements, not a goal": a list of three or more constraints, or a
/// title made of constraint words such as uptime, security or compliance,
/// with no outcome.
pub fn requirements(goal: &Goal) -> Option<Finding> {
    let w = words(&goal.title);
    let constraint_words = w
        .iter()
        .filter(|x| CONSTRAINT_WORDS.contains(&x.as_str()))
        .count();
    let items = list_items(&goal.title);
    let listy = items >= 3 || (items >= 2 && constraint_words >= 1) || constraint_words >= 2;
    (listy && goal.so_that.trim().is_empty()).then(|| Finding {
        lint: Lint::Requirements,
        why: "It lists constraints the system must meet; they bound the work but do not say \
              what should get better."
            .to_string(),
        rewrite: "Keep the constraints as guards and write the outcome: e.g. \"Raise deployment \
                  frequency from 2 per month to 4 per week by year end while availability stays \
                  at or above 99.9%\"."
            .to_string(),
    })
}

/// Stability metrics that can guard a throughput goal.
pub fn is_stability(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::ChangeFailureRate
            | Metric::ReworkRate
            | Metric::RecoveryTime
            | Metric::DefectEscapeRate
            | Metric::Availability
    )
}

/// The Goodhart warning: a throughput target (deployment frequency or lead
/// time) without a stability guard (domain.md §6).
pub fn goodhart(goal: &Goal) -> Option<Finding> {
    let metric = goal.target.as_ref()?.measure.metric()?;
    let throughput = matches!(metric, Metric::DeployFrequency | Metric::LeadTime);
    let guarded = goal.guard.is_some_and(|g| is_stability(g.metric));
    (throughput && !guarded).then(|| Finding {
        lint: Lint::Goodhart,
        why: format!(
            "A {} target alone invites gaming it (Goodhart's law; DORA lists \"setting metrics \
             as a goal\" as a pitfall): speed can rise while failures do too.",
            metric.name().to_ascii_lowercase()
        ),
        rewrite: "Add a stability guard, e.g. \"while change failure rate stays at or below 15%\" \
                  or a rework-rate limit."
            .to_string(),
    })
}

/// Every finding on a goal, in a fixed order.
pub fn lint(goal: &Goal) -> Vec<Finding> {
    [
        technology_first(goal),
        stops_too_soon(goal),
        requirements(goal),
        goodhart(goal),
    ]
    .into_iter()
    .flatten()
    .collect()
}
