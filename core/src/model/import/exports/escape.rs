//! What a Jira export says, by the user's rules: which issues are
//! incidents (an issue type, a label or priorities), and the defect escape
//! rate — bugs found in production ÷ all bugs created in the window
//! (domain.md §1; exports.md "Defect escape rate"), where "found in
//! production" is a label, a value of the Environment field, priorities,
//! or an issue type (an Incident is a bug that reached production). The
//! counts behind the rate are kept, to be shown beside it.

use super::choices::{same, tally, Opt};
use super::records::{IncidentRecord, IssueRecord};
use crate::model::import::Window;

/// Which issues are incidents.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum IncidentRule {
    /// None: the file gives no incidents.
    #[default]
    None,
    IssueType(String),
    Label(String),
    Priorities(Vec<String>),
}

/// Which bugs were found in production.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum EscapeRule {
    /// Not chosen: no defect escape rate.
    #[default]
    Unset,
    Label(String),
    Environment(String),
    Priorities(Vec<String>),
    /// Issues of this type count as bugs found in production.
    IssueType(String),
}

impl EscapeRule {
    /// The rule in words: "labelled \"prod-bug\"".
    pub fn words(&self) -> String {
        match self {
            EscapeRule::Unset => "not chosen".to_string(),
            EscapeRule::Label(l) => format!("labelled \"{l}\""),
            EscapeRule::Environment(e) => format!("with Environment \"{e}\""),
            EscapeRule::Priorities(p) => format!("with priority {}", p.join(" or ")),
            EscapeRule::IssueType(t) => format!("of type \"{t}\""),
        }
    }
}

/// What a Jira file offers to choose from, each value with its count, and
/// the preselection.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct JiraChoices {
    pub issue_types: Vec<Opt>,
    pub labels: Vec<Opt>,
    pub priorities: Vec<Opt>,
    pub environments: Vec<Opt>,
    pub incidents: IncidentRule,
    pub bug_types: Vec<String>,
    pub escape: EscapeRule,
}

impl JiraChoices {
    /// The choices a set of issues offers. Preselected: issues of type
    /// Incident (else labelled "incident") are incidents; types Bug and
    /// Defect are bugs; a label, else an Environment value, that names
    /// production ("production", "prod", "prd", "live") marks a bug found in
    /// production. Otherwise the user chooses.
    pub fn of(issues: &[IssueRecord]) -> JiraChoices {
        let mut c = JiraChoices {
            issue_types: tally(issues.iter().map(|i| i.issue_type.as_str())),
            labels: tally(
                issues
                    .iter()
                    .flat_map(|i| i.labels.iter().map(String::as_str)),
            ),
            priorities: tally(issues.iter().filter_map(|i| i.priority.as_deref())),
            environments: tally(issues.iter().filter_map(|i| i.environment.as_deref())),
            ..JiraChoices::default()
        };
        let find = |opts: &[Opt], want: &[&str]| {
            opts.iter()
                .find(|o| want.iter().any(|w| same(&o.value, w)))
                .map(|o| o.value.clone())
        };
        let prod = [
            "production",
            "prod",
            "prd",
            "live",
            "in-production",
            "found-in-production",
        ];
        c.incidents = match (
            find(&c.issue_types, &["incident"]),
            find(&c.labels, &["incident"]),
        ) {
            (Some(t), _) => IncidentRule::IssueType(t),
            (None, Some(l)) => IncidentRule::Label(l),
            (None, None) => IncidentRule::None,
        };
        c.bug_types = c
            .issue_types
            .iter()
            .filter(|o| same(&o.value, "bug") || same(&o.value, "defect"))
            .map(|o| o.value.clone())
            .collect();
        c.escape = match (find(&c.labels, &prod), find(&c.environments, &prod)) {
            (Some(l), _) => EscapeRule::Label(l),
            (None, Some(e)) => EscapeRule::Environment(e),
            (None, None) => EscapeRule::Unset,
        };
        for o in &mut c.issue_types {
            o.preselected = c.bug_types.contains(&o.value);
        }
        c
    }
}

/// Whether an issue is an incident under `rule`.
pub fn is_incident(issue: &IssueRecord, rule: &IncidentRule) -> bool {
    match rule {
        IncidentRule::None => false,
        IncidentRule::IssueType(t) => same(&issue.issue_type, t),
        IncidentRule::Label(l) => issue.labels.iter().any(|x| same(x, l)),
        IncidentRule::Priorities(p) => issue
            .priority
            .as_deref()
            .is_some_and(|x| p.iter().any(|w| same(x, w))),
    }
}

/// The incidents among `issues`: created → resolved, the priority as
/// level, the first component as service.
pub fn incidents(issues: &[IssueRecord], rule: &IncidentRule) -> Vec<IncidentRecord> {
    issues
        .iter()
        .filter(|i| is_incident(i, rule))
        .map(|i| IncidentRecord {
            id: i.key.clone(),
            started: i.created,
            resolved: i.resolved,
            priority: i.priority.clone(),
            service: i.components.first().cloned(),
            position: i.position,
            ..IncidentRecord::default()
        })
        .collect()
}

/// The defect escape rate over a window, with the counts behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct EscapeFigures {
    /// Bugs created in the window (the rule's issue type included).
    pub bugs: usize,
    /// Of them, found in production.
    pub in_production: usize,
    /// In production ÷ bugs × 100; `None` without bugs or a rule.
    pub percent: Option<f64>,
    pub rule: EscapeRule,
}

impl EscapeFigures {
    /// The rate over `window` by `rule`, bugs being the issues of
    /// `bug_types`.
    pub fn over(
        issues: &[IssueRecord],
        bug_types: &[String],
        rule: &EscapeRule,
        window: Window,
    ) -> EscapeFigures {
        let mut f = EscapeFigures {
            bugs: 0,
            in_production: 0,
            percent: None,
            rule: rule.clone(),
        };
        if *rule == EscapeRule::Unset {
            return f;
        }
        for i in issues.iter().filter(|i| window.contains(i.created)) {
            let typed = |t: &str| same(&i.issue_type, t);
            let escaped = match rule {
                EscapeRule::Unset => false,
                EscapeRule::Label(l) => i.labels.iter().any(|x| same(x, l)),
                EscapeRule::Environment(e) => i.environment.as_deref().is_some_and(|x| same(x, e)),
                EscapeRule::Priorities(p) => i
                    .priority
                    .as_deref()
                    .is_some_and(|x| p.iter().any(|w| same(x, w))),
                EscapeRule::IssueType(t) => typed(t),
            };
            let bug = bug_types.iter().any(|t| typed(t))
                || matches!(rule, EscapeRule::IssueType(t) if typed(t));
            if bug {
                f.bugs += 1;
                f.in_production += usize::from(escaped);
            }
        }
        f.percent = (f.bugs > 0).then(|| f.in_production as f64 / f.bugs as f64 * 100.0);
        f
    }

    /// "9 of 60 bugs were found in production (15.0%): bugs labelled
    /// \"prod\"."
    pub fn words(&self) -> String {
        match self.percent {
            Some(p) => format!(
                "{} of {} bugs were found in production ({p:.1}%): bugs {}.",
                self.in_production,
                self.bugs,
                self.rule.words()
            ),
            None if self.rule == EscapeRule::Unset => {
                "Choose which bugs count as found in production to see the defect escape rate."
                    .to_string()
            }
            None => "No bugs were created in the window.".to_string(),
        }
    }
}
