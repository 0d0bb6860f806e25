//! The files together, under the user's choices: the production
//! deployments counted (statuses applied, duplicates across files merged),
//! changes joined to them for lead time, the incidents counted and each
//! one's tie to a deployment, code churn, the defect escape rate and
//! GitLab's aggregated points. [`Analysis::report`] gives the existing
//! [`Report`] over a window, so an import from exports applies to the
//! baseline exactly as a CSV import does; [`Analysis::move_incident`] and
//! [`Analysis::detach`] correct a tie, and the next report follows it.

use std::borrow::Cow;

use chrono::{FixedOffset, NaiveDate};

use super::attribution::{attribute, Attribution, How};
use super::choices::{same, Selection};
use super::dora::combine;
use super::dora_figures::DoraFigures;
use super::escape::{incidents as jira_incidents, EscapeFigures, IncidentRule};
use super::file::{LeftOut, ParsedFile};
use super::github::{apply_statuses, StatusOutcome};
use super::gitlog::Churn;
use super::hash::{self, FastSet};
use super::lead::{join, LeadJoin};
use super::records::IssueRecord;
use super::records::{ChangeRecord, CommitStat, DeployRecord, DoraPoint, IncidentRecord};
use super::shape::{Shape, Yields};
use crate::model::date::timestamp as time;
use crate::model::import::{compute, Dataset, Deployment, ImportError, Incident, Report, Window};

/// A deployment counted.
#[derive(Clone, Debug, PartialEq)]
pub struct DeployedRef {
    /// Unique across files: the shape's key and the export's id.
    pub key: String,
    /// Index of its file.
    pub file: usize,
    pub id: String,
    pub at: i64,
    pub environment: Option<String>,
    pub service: Option<String>,
    pub sha: Option<String>,
    pub changes: Vec<String>,
    pub failed: bool,
    pub rework: Option<bool>,
    pub first_commit: Option<i64>,
}

/// An incident counted.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRef {
    /// Unique across files: the shape's key and the export's id.
    pub key: String,
    pub file: usize,
    pub id: String,
    pub title: Option<String>,
    pub started: i64,
    pub resolved: Option<i64>,
    pub service: Option<String>,
    /// Its severity, priority or urgency, the first it gives.
    pub level: Option<String>,
    /// The deployment the data names as its cause.
    pub deployment: Option<String>,
    /// Commits the data names as its cause.
    pub changes: Vec<String>,
    /// The data says no deployment caused it.
    pub unlinked: bool,
}

/// The files under a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub zone: FixedOffset,
    /// The choices applied, with the user's corrections of ties.
    pub selection: Selection,
    /// Counted production deployments, by time.
    pub deployments: Vec<DeployedRef>,
    /// Counted incidents, by start.
    pub incidents: Vec<IncidentRef>,
    /// One per incident, in the same order.
    pub attributions: Vec<Attribution>,
    /// Deployments the choices leave out, by reason.
    pub excluded_deployments: Vec<LeftOut>,
    /// Incidents the choices leave out, by reason.
    pub excluded_incidents: Vec<LeftOut>,
    /// Records repeated across files and counted once.
    pub merged: usize,
    pub statuses: StatusOutcome,
    pub lead: LeadJoin,
    pub commits: Vec<CommitStat>,
    pub issues: Vec<IssueRecord>,
    pub dora: Vec<DoraPoint>,
    /// What the user should know about the files together.
    pub notes: Vec<String>,
    pub(super) dataset: Dataset,
}

fn exclude(list: &mut Vec<LeftOut>, reason: &str) {
    match list.iter_mut().find(|l| l.reason == reason) {
        Some(l) => l.count += 1,
        None => list.push(LeftOut {
            reason: reason.to_string(),
            count: 1,
        }),
    }
}

/// Keeps the first of each key (a shape and an id); returns how many
/// repeated one.
fn unique<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (Shape, &str)) -> usize {
    let keep: Vec<bool> = {
        let mut seen: FastSet<(Shape, &str)> = hash::set(items.len());
        items.iter().map(|x| seen.insert(key(x))).collect()
    };
    let before = items.len();
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    before - items.len()
}

/// A record's key, unique across files: its shape's key and its id.
fn key(shape: Shape, id: &str) -> String {
    let shape = shape.key();
    let mut k = String::with_capacity(shape.len() + 1 + id.len());
    k.push_str(shape);
    k.push(':');
    k.push_str(id);
    k
}

/// A deployment counted, or why the choices leave it out. Out of line,
/// called once a deployment, so a browser runs it optimised after the
/// first few (see `flywheel::deployment`).
#[inline(never)]
fn deployed(
    file: usize,
    shape: Shape,
    d: &DeployRecord,
    selection: &Selection,
) -> Result<DeployedRef, &'static str> {
    if d.environment
        .as_deref()
        .is_some_and(|e| !selection.environments.iter().any(|s| same(s, e)))
    {
        return Err("environment not chosen as production");
    }
    if d.workflow
        .as_deref()
        .is_some_and(|w| !selection.workflows.iter().any(|s| same(s, w)))
    {
        return Err("workflow not chosen as deploying");
    }
    Ok(DeployedRef {
        key: key(shape, &d.id),
        file,
        id: d.id.clone(),
        at: d.at,
        environment: d.environment.clone(),
        service: d.service.clone(),
        sha: d.sha.clone(),
        changes: d.changes.clone(),
        failed: d.failed,
        rework: d.rework,
        first_commit: d.first_commit,
    })
}

/// Every deployment of `files` that reached its environment, with its
/// file's index: GitHub's after their statuses, then every other kind.
/// Records are borrowed; only those the statuses change are copied.
pub(super) type Reached<'a> = Vec<(usize, Cow<'a, DeployRecord>)>;

/// See [`Reached`].
pub(super) fn reached(files: &[ParsedFile]) -> (Reached<'_>, StatusOutcome) {
    let mut github: Reached = Vec::new();
    let mut all: Reached = Vec::new();
    for (k, f) in files.iter().enumerate() {
        let list = f.deployments.iter().map(|d| (k, Cow::Borrowed(d)));
        if f.shape == Shape::GithubDeployments {
            github.extend(list);
        } else {
            all.extend(list);
        }
    }
    let statuses: Vec<_> = files.iter().flat_map(|f| f.statuses.iter()).collect();
    let status_file = files
        .iter()
        .position(|f| !f.statuses.is_empty())
        .unwrap_or(0);
    let outcome = apply_statuses(&mut github, &statuses, status_file);
    all.extend(github);
    (all, outcome)
}

impl Analysis {
    /// Applies `selection` to `files`.
    pub fn build(files: &[ParsedFile], selection: &Selection, zone: FixedOffset) -> Analysis {
        let mut notes = Vec::new();
        let mut excluded_deployments = Vec::new();
        let mut excluded_incidents = Vec::new();
        let mut merged = 0;

        let (mut all, status_outcome) = reached(files);
        notes.extend(status_outcome.words());
        merged += unique(&mut all, |(f, d)| (files[*f].shape, d.id.as_str()));
        let sources: Vec<Shape> = {
            let mut s: Vec<Shape> = all.iter().map(|(f, _)| files[*f].shape).collect();
            s.sort_unstable();
            s.dedup();
            s
        };
        if sources.len() > 1 {
            notes.push(format!(
                "Deployments come from {} kinds of file; if they describe the same deployments, remove all but one.",
                sources.len()
            ));
        }
        let mut deployments: Vec<DeployedRef> = Vec::with_capacity(all.len());
        for (file, d) in &all {
            match deployed(*file, files[*file].shape, d, selection) {
                Ok(d) => deployments.push(d),
                Err(reason) => exclude(&mut excluded_deployments, reason),
            }
        }
        deployments.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));

        // Changes, joined for lead time.
        let mut changes: Vec<(usize, &ChangeRecord)> = files
            .iter()
            .enumerate()
            .flat_map(|(k, f)| f.changes.iter().map(move |c| (k, c)))
            .collect();
        merged += unique(&mut changes, |(f, c)| (files[*f].shape, c.id.as_str()));
        let change_refs: Vec<&ChangeRecord> = changes.iter().map(|c| c.1).collect();
        let lead = join(&change_refs, &deployments);

        // Incidents, by the choices.
        let mut issues: Vec<IssueRecord> = files
            .iter()
            .flat_map(|f| f.issues.iter().cloned())
            .collect();
        merged += unique(&mut issues, |i| (Shape::Jira, i.key.as_str()));
        let jira_file = files
            .iter()
            .position(|f| f.shape == Shape::Jira)
            .unwrap_or(0);
        let mut incidents: Vec<(usize, IncidentRecord)> = files
            .iter()
            .enumerate()
            .flat_map(|(k, f)| f.incidents.iter().map(move |i| (k, i.clone())))
            .chain(
                jira_incidents(&issues, &selection.jira_incidents)
                    .into_iter()
                    .map(|i| (jira_file, i)),
            )
            .collect();
        merged += unique(&mut incidents, |(f, i)| (files[*f].shape, i.id.as_str()));
        let mut counted: Vec<IncidentRef> = Vec::new();
        for (file, i) in incidents {
            if let Err(reason) = selection.admits(&i) {
                exclude(&mut excluded_incidents, &reason);
                continue;
            }
            counted.push(IncidentRef {
                key: key(files[file].shape, &i.id),
                file,
                level: i.severity.or(i.priority).or(i.urgency),
                id: i.id,
                title: i.title,
                started: i.started,
                resolved: i.resolved,
                service: i.service,
                deployment: i.deployment,
                changes: i.changes,
                unlinked: i.unlinked,
            });
        }
        counted.sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.key.cmp(&b.key)));
        let attributions = attribute(&counted, &deployments, &selection.overrides, zone);

        let failures_known = files.iter().any(|f| {
            f.shape.yields() == Yields::Incidents
                || f.shape == Shape::FlywheelDeployments
                || (f.shape == Shape::Jira && selection.jira_incidents != IncidentRule::None)
        });
        if !failures_known && !deployments.is_empty() {
            notes.push("No incidents were imported: change failure rate and recovery time are unknown, not zero.".into());
        }
        let mut commits: Vec<CommitStat> = files
            .iter()
            .flat_map(|f| f.commits.iter().cloned())
            .collect();
        merged += unique(&mut commits, |c| (Shape::GitLog, c.sha.as_str()));
        let dora = combine(files.iter().map(|f| f.dora.as_slice()));
        let dataset = Dataset {
            deployments: deployments
                .iter()
                .map(|d| Deployment {
                    at: d.at,
                    first_commit: d.first_commit,
                    failed: d.failed,
                    rework: d.rework.unwrap_or(false),
                    id: None,
                })
                .collect(),
            incidents: counted
                .iter()
                .zip(&attributions)
                .map(|(i, a)| Incident {
                    started: i.started,
                    resolved: i.resolved.unwrap_or(i.started),
                    open: i.resolved.is_none(),
                    deployment: a.deployment,
                    unknown_link: matches!(a.how, How::NamedElsewhere(_)),
                })
                .collect(),
            changes: lead.samples.clone(),
            failures_unknown: !failures_known,
            rework_unknown: !deployments.iter().any(|d| d.rework.is_some()),
            deploy_rows: deployments.len(),
            incident_rows: counted.len(),
            ..Dataset::default()
        };
        Analysis {
            zone,
            selection: selection.clone(),
            deployments,
            incidents: counted,
            attributions,
            excluded_deployments,
            excluded_incidents,
            merged,
            statuses: status_outcome,
            lead,
            commits,
            issues,
            dora,
            notes,
            dataset,
        }
    }

    /// What the choices leave out, one sentence each: "2 deployments left
    /// out: environment not chosen as production."
    pub fn exclusions(&self) -> Vec<String> {
        let d = self
            .excluded_deployments
            .iter()
            .map(|l| l.words("deployment", "deployments"));
        let i = self
            .excluded_incidents
            .iter()
            .map(|l| l.words("incident", "incidents"));
        d.chain(i).collect()
    }

    /// The deployments and incidents as the existing import reads them.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The local date of the latest record of any kind: the default end of
    /// the window.
    pub fn last_date(&self) -> Option<NaiveDate> {
        let latest = self
            .deployments
            .iter()
            .map(|d| d.at)
            .chain(self.commits.iter().map(|c| c.at))
            .chain(self.issues.iter().map(|i| i.created))
            .max();
        let from_times = latest.map(|t| time::local_date(t, self.zone));
        let from_dora = self.dora.last().map(|p| p.date);
        from_times.max(from_dora)
    }

    /// The measured baseline over `window`: the existing report, with code
    /// churn and the defect escape rate where the files give them.
    pub fn report(&self, window: Window) -> Result<Report, ImportError> {
        if self.deployments.is_empty() {
            return Err(ImportError(if self.dora.is_empty() {
                "No production deployments are counted: add a deployments file, or choose the environments or workflows that deploy to production.".into()
            } else {
                "These files hold GitLab's aggregated DORA figures, not deployments: their figures are in the DORA summary.".into()
            }));
        }
        let mut r = compute(&self.dataset, window, self.zone)?;
        r.code_churn = self.churn(window).and_then(|c| c.percent);
        r.defect_escape_rate = self.escape(window).and_then(|e| e.percent);
        Ok(r)
    }

    /// Code churn over `window`, when a git log was imported.
    pub fn churn(&self, window: Window) -> Option<Churn> {
        (!self.commits.is_empty()).then(|| Churn::over(&self.commits, window))
    }

    /// The defect escape rate over `window`, when Jira issues were
    /// imported.
    pub fn escape(&self, window: Window) -> Option<EscapeFigures> {
        (!self.issues.is_empty()).then(|| {
            EscapeFigures::over(
                &self.issues,
                &self.selection.bug_types,
                &self.selection.escape,
                window,
            )
        })
    }

    /// GitLab's aggregated figures over `window`, when its DORA points
    /// were imported.
    pub fn dora_figures(&self, window: Window) -> Option<DoraFigures> {
        DoraFigures::over(&self.dora, window)
    }
}
