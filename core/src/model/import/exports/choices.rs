//! What counts, chosen by the user with the counts beside each choice
//! ("production (212)"): the environments that are production, the deploy
//! workflows (Actions runs), incident levels, services and teams, test
//! incidents, and Jira's rules. [`Choices::of`] lists them with their
//! preselection; [`Selection`] is what the user picked, which
//! [`super::Analysis::build`] applies.
//!
//! Preselected: environments the data marks as production (GitHub's
//! `production_environment`, GitLab's tier, DevLake's `PRODUCTION`), else
//! one named production, prod, prd or live, else the only one; workflows
//! named for deploying or releasing, else the only one; the highest levels
//! ([`super::levels`]); every service and team; never test or tutorial
//! incidents. Records that name no environment (Four Keys, Flywheel's CSV,
//! Actions runs) or no level, service or team are not filtered by it.

use super::escape::{EscapeRule, IncidentRule, JiraChoices};
use super::file::ParsedFile;
use super::hash::{self, FastMap};
use super::levels::order;
pub use super::levels::LevelKind;
use super::records::IncidentRecord;
use crate::model::text;

/// One value to choose, with how many records have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opt {
    pub value: String,
    pub count: usize,
    pub preselected: bool,
}

impl Opt {
    /// "production (212)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.value, self.count)
    }
}

/// The levels of one kind, highest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelChoice {
    pub kind: LevelKind,
    pub options: Vec<Opt>,
    /// Incidents that give no level of this kind (never filtered by it).
    pub unset: usize,
}

/// Everything the user chooses, with counts and preselections.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choices {
    /// Reached deployments per named environment, most first.
    pub environments: Vec<Opt>,
    /// Deployments that name no environment (always counted).
    pub unnamed_environment: usize,
    /// Successful runs per workflow (GitHub Actions).
    pub workflows: Vec<Opt>,
    pub levels: Vec<LevelChoice>,
    pub services: Vec<Opt>,
    pub teams: Vec<Opt>,
    /// Test and tutorial incidents.
    pub test_incidents: usize,
    pub jira: Option<JiraChoices>,
    /// What the user should know about the preselection.
    pub notes: Vec<String>,
}

/// A user's levels of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelPick {
    pub kind: LevelKind,
    pub values: Vec<String>,
}

/// An incident moved to another deployment, or detached (`None`), by key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub incident: String,
    pub deployment: Option<String>,
}

/// What the user picked.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Selection {
    pub environments: Vec<String>,
    pub workflows: Vec<String>,
    pub levels: Vec<LevelPick>,
    pub services: Vec<String>,
    pub teams: Vec<String>,
    pub count_tests: bool,
    pub jira_incidents: IncidentRule,
    pub bug_types: Vec<String>,
    pub escape: EscapeRule,
    pub overrides: Vec<Override>,
}

/// Counts values, case and surrounding spaces aside, keeping the first
/// spelling met; most first, then by name.
pub(super) fn tally<'a>(values: impl Iterator<Item = &'a str>) -> Vec<Opt> {
    // Exact spellings first (no copies), then the few distinct ones merged.
    let mut exact: FastMap<&str, (usize, usize)> = hash::map(16);
    for (i, v) in values.map(str::trim).filter(|v| !v.is_empty()).enumerate() {
        exact.entry(v).or_insert((i, 0)).1 += 1;
    }
    let mut spellings: Vec<(&str, (usize, usize))> = exact.into_iter().collect();
    spellings.sort_unstable_by_key(|s| s.1 .0);
    let mut out: Vec<Opt> = Vec::new();
    for (v, (_, n)) in spellings {
        match out.iter_mut().find(|o| same(&o.value, v)) {
            Some(o) => o.count += n,
            None => out.push(Opt {
                value: v.to_string(),
                count: n,
                preselected: false,
            }),
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

/// An incident's level of `kind`.
pub fn level(i: &IncidentRecord, kind: LevelKind) -> Option<&str> {
    match kind {
        LevelKind::Severity => i.severity.as_deref(),
        LevelKind::Priority => i.priority.as_deref(),
        LevelKind::Urgency => i.urgency.as_deref(),
    }
}

/// Whether two names are the same value (case and spaces aside).
pub fn same(a: &str, b: &str) -> bool {
    text::trim(a).eq_ignore_ascii_case(text::trim(b))
}

const PRODUCTION_NAMES: [&str; 4] = ["production", "prod", "prd", "live"];

impl Choices {
    /// The choices `files` offer: deployments counted once their statuses
    /// are applied, incidents of every file (Jira's by its preselected
    /// rule).
    pub fn of(files: &[ParsedFile]) -> Choices {
        let mut c = Choices::default();
        let (reached, _) = super::analysis::reached(files);
        let deployments = || reached.iter().map(|(_, d)| d);
        c.environments = tally(deployments().filter_map(|d| d.environment.as_deref()));
        c.unnamed_environment = deployments().filter(|d| d.environment.is_none()).count();
        for o in &mut c.environments {
            o.preselected = deployments().any(|d| {
                d.production == Some(true)
                    && d.environment.as_deref().is_some_and(|e| same(e, &o.value))
            });
        }
        if !c.environments.iter().any(|o| o.preselected) {
            for o in &mut c.environments {
                o.preselected = PRODUCTION_NAMES.iter().any(|p| same(&o.value, p));
            }
        }
        if !c.environments.iter().any(|o| o.preselected) {
            if let [only] = c.environments.as_mut_slice() {
                only.preselected = true;
                c.notes.push(format!(
                    "Only one environment, \"{}\": taken as production.",
                    only.value
                ));
            } else if !c.environments.is_empty() {
                c.notes
                    .push("No environment is marked or named production: choose which are.".into());
            }
        }
        c.workflows = tally(deployments().filter_map(|d| d.workflow.as_deref()));
        for o in &mut c.workflows {
            let n = o.value.to_lowercase();
            o.preselected = n.contains("deploy") || n.contains("release");
        }
        if !c.workflows.iter().any(|o| o.preselected) {
            if let [only] = c.workflows.as_mut_slice() {
                only.preselected = true;
            } else if !c.workflows.is_empty() {
                c.notes
                    .push("No workflow is named for deploying: choose which runs deploy.".into());
            }
        }
        let jira_issues: Vec<_> = files
            .iter()
            .flat_map(|f| f.issues.iter().cloned())
            .collect();
        let jira = (!jira_issues.is_empty()).then(|| JiraChoices::of(&jira_issues));
        let mut incidents: Vec<(usize, IncidentRecord)> = files
            .iter()
            .enumerate()
            .flat_map(|(k, f)| f.incidents.iter().map(move |i| (k, i.clone())))
            .collect();
        if let Some(j) = &jira {
            incidents.extend(
                super::escape::incidents(&jira_issues, &j.incidents)
                    .into_iter()
                    .map(|i| (usize::MAX, i)),
            );
        }
        c.test_incidents = incidents.iter().filter(|i| i.1.test).count();
        c.levels = levels(&incidents);
        c.services = tally(incidents.iter().filter_map(|i| i.1.service.as_deref()));
        c.teams = tally(incidents.iter().filter_map(|i| i.1.team.as_deref()));
        for o in c.services.iter_mut().chain(c.teams.iter_mut()) {
            o.preselected = true;
        }
        c.jira = jira;
        c
    }

    /// The preselection as a [`Selection`].
    pub fn defaults(&self) -> Selection {
        let picked = |v: &[Opt]| {
            v.iter()
                .filter(|o| o.preselected)
                .map(|o| o.value.clone())
                .collect()
        };
        Selection {
            environments: picked(&self.environments),
            workflows: picked(&self.workflows),
            levels: self
                .levels
                .iter()
                .map(|l| LevelPick {
                    kind: l.kind,
                    values: picked(&l.options),
                })
                .collect(),
            services: picked(&self.services),
            teams: picked(&self.teams),
            count_tests: false,
            jira_incidents: self
                .jira
                .as_ref()
                .map(|j| j.incidents.clone())
                .unwrap_or_default(),
            bug_types: self
                .jira
                .as_ref()
                .map(|j| j.bug_types.clone())
                .unwrap_or_default(),
            escape: self
                .jira
                .as_ref()
                .map(|j| j.escape.clone())
                .unwrap_or_default(),
            overrides: Vec::new(),
        }
    }
}

/// Level choices: for each kind given, its values highest first. The top
/// levels are preselected for the kinds that are some file's main one (the
/// kind most of its incidents give); other kinds keep every value, so one
/// file's levels never filter another's twice.
fn levels(incidents: &[(usize, IncidentRecord)]) -> Vec<LevelChoice> {
    let mut files: Vec<usize> = incidents.iter().map(|i| i.0).collect();
    files.sort_unstable();
    files.dedup();
    let main: Vec<LevelKind> = files
        .iter()
        .filter_map(|&f| {
            let mine = || incidents.iter().filter(move |i| i.0 == f);
            LevelKind::ALL
                .into_iter()
                .map(|k| (mine().filter(|i| level(&i.1, k).is_some()).count(), k))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, k)| (*n, std::cmp::Reverse(*k)))
                .map(|(_, k)| k)
        })
        .collect();
    LevelKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let counts = tally(incidents.iter().filter_map(|i| level(&i.1, kind)));
            if counts.is_empty() {
                return None;
            }
            let with_rank: Vec<(String, Option<i64>)> = counts
                .iter()
                .map(|o| {
                    let rank = incidents
                        .iter()
                        .filter(|i| level(&i.1, kind).is_some_and(|l| same(l, &o.value)))
                        .find_map(|i| i.1.rank.filter(|_| kind != LevelKind::Urgency));
                    (o.value.clone(), rank)
                })
                .collect();
            let ordered = order(kind, &with_rank);
            let options = ordered
                .into_iter()
                .map(|(value, pre)| Opt {
                    count: counts
                        .iter()
                        .find(|o| o.value == value)
                        .map_or(0, |o| o.count),
                    preselected: pre || !main.contains(&kind),
                    value,
                })
                .collect();
            Some(LevelChoice {
                kind,
                options,
                unset: incidents
                    .iter()
                    .filter(|i| level(&i.1, kind).is_none())
                    .count(),
            })
        })
        .collect()
}

impl Selection {
    /// Whether an incident passes the level, service, team and test
    /// choices; the reason it does not, otherwise.
    pub fn admits(&self, i: &IncidentRecord) -> Result<(), String> {
        if i.test && !self.count_tests {
            return Err("a test or tutorial".into());
        }
        for pick in &self.levels {
            if let Some(l) = level(i, pick.kind) {
                if !pick.values.iter().any(|v| same(v, l)) {
                    return Err(format!("{} not chosen", pick.kind.name()));
                }
            }
        }
        if let Some(s) = &i.service {
            if !self.services.iter().any(|v| same(v, s)) {
                return Err("service not chosen".into());
            }
        }
        if let Some(t) = &i.team {
            if !self.teams.iter().any(|v| same(v, t)) {
                return Err("team not chosen".into());
            }
        }
        Ok(())
    }
}
