//! The user's changes to the preselected choices, kept by value: a box
//! ticked or cleared, the test incidents counted, Jira's rules, and ties
//! corrected. [`Choices::select`] lays them over the preselection, so the
//! picks survive a file added, removed or read again (a value no file has
//! any more is simply not offered), and a value never touched keeps its
//! preselection as files come and go.

use super::choices::{same, Choices, Opt, Override, Selection};
use super::escape::{EscapeRule, IncidentRule};
use super::levels::LevelKind;

/// A list of values to tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Environments that are production.
    Environment,
    /// Workflows that deploy (GitHub Actions).
    Workflow,
    /// Incident severities, priorities or urgencies counted.
    Level(LevelKind),
    Service,
    Team,
    /// Jira issue types that are bugs (for the defect escape rate).
    BugType,
}

impl Group {
    /// The list's name: "Production environments", "Urgencies counted".
    pub fn name(self) -> &'static str {
        match self {
            Group::Environment => "Production environments",
            Group::Workflow => "Workflows that deploy",
            Group::Level(LevelKind::Severity) => "Severities counted",
            Group::Level(LevelKind::Priority) => "Priorities counted",
            Group::Level(LevelKind::Urgency) => "Urgencies counted",
            Group::Service => "Services counted",
            Group::Team => "Teams counted",
            Group::BugType => "Issue types that are bugs",
        }
    }
}

/// What the user changed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Picks {
    /// Boxes ticked (`true`) or cleared, the last word on each value.
    ticks: Vec<(Group, String, bool)>,
    /// Count test and tutorial incidents; `None`: as preselected (never).
    pub count_tests: Option<bool>,
    /// Which Jira issues are incidents; `None`: as preselected.
    pub jira_incidents: Option<IncidentRule>,
    /// Which bugs were found in production; `None`: as preselected.
    pub escape: Option<EscapeRule>,
    /// Incidents moved or detached.
    overrides: Vec<Override>,
}

impl Picks {
    /// Ticks (or clears) `value` in `group`.
    pub fn tick(&mut self, group: Group, value: &str, on: bool) {
        self.ticks
            .retain(|(g, v, _)| !(*g == group && same(v, value)));
        self.ticks.push((group, value.to_string(), on));
    }

    /// The user's word on `value` in `group`, if any.
    pub fn ticked(&self, group: Group, value: &str) -> Option<bool> {
        self.ticks
            .iter()
            .rev()
            .find(|(g, v, _)| *g == group && same(v, value))
            .map(|t| t.2)
    }

    /// Ties the incident with key `incident` to the deployment with key
    /// `deployment`, or to none.
    pub fn tie(&mut self, incident: &str, deployment: Option<&str>) {
        self.untie(incident);
        self.overrides.push(Override {
            incident: incident.to_string(),
            deployment: deployment.map(str::to_string),
        });
    }

    /// Gives the incident back the tie the data or the rule makes.
    pub fn untie(&mut self, incident: &str) {
        self.overrides.retain(|o| o.incident != incident);
    }

    /// How many ties the user corrected.
    pub fn corrections(&self) -> usize {
        self.overrides.len()
    }
}

impl Choices {
    /// The options of `group`.
    pub fn options(&self, group: Group) -> &[Opt] {
        match group {
            Group::Environment => &self.environments,
            Group::Workflow => &self.workflows,
            Group::Level(kind) => self
                .levels
                .iter()
                .find(|l| l.kind == kind)
                .map_or(&[], |l| l.options.as_slice()),
            Group::Service => &self.services,
            Group::Team => &self.teams,
            Group::BugType => self.jira.as_ref().map_or(&[], |j| j.issue_types.as_slice()),
        }
    }

    /// The groups that have something to choose, in the order they are
    /// shown.
    pub fn groups(&self) -> Vec<Group> {
        let mut all = vec![Group::Environment, Group::Workflow];
        all.extend(self.levels.iter().map(|l| Group::Level(l.kind)));
        all.extend([Group::Service, Group::Team, Group::BugType]);
        all.retain(|g| !self.options(*g).is_empty());
        all
    }

    /// The preselection with the user's picks laid over it.
    pub fn select(&self, picks: &Picks) -> Selection {
        let mut s = self.defaults();
        let chosen = |group: Group| -> Vec<String> {
            self.options(group)
                .iter()
                .filter(|o| picks.ticked(group, &o.value).unwrap_or(o.preselected))
                .map(|o| o.value.clone())
                .collect()
        };
        s.environments = chosen(Group::Environment);
        s.workflows = chosen(Group::Workflow);
        for pick in &mut s.levels {
            pick.values = chosen(Group::Level(pick.kind));
        }
        s.services = chosen(Group::Service);
        s.teams = chosen(Group::Team);
        if self.jira.is_some() {
            s.bug_types = chosen(Group::BugType);
        }
        if let Some(c) = picks.count_tests {
            s.count_tests = c;
        }
        if let Some(r) = &picks.jira_incidents {
            s.jira_incidents = r.clone();
        }
        if let Some(r) = &picks.escape {
            s.escape = r.clone();
        }
        s.overrides = picks.overrides.clone();
        s
    }
}

impl Selection {
    /// Whether `value` of `group` is chosen.
    pub fn has(&self, group: Group, value: &str) -> bool {
        let list: &[String] = match group {
            Group::Environment => &self.environments,
            Group::Workflow => &self.workflows,
            Group::Level(kind) => self
                .levels
                .iter()
                .find(|l| l.kind == kind)
                .map_or(&[], |l| l.values.as_slice()),
            Group::Service => &self.services,
            Group::Team => &self.teams,
            Group::BugType => &self.bug_types,
        };
        list.iter().any(|v| same(v, value))
    }
}
