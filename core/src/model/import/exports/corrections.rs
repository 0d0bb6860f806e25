//! Corrections of incident ties: the ties made by the rule listed for
//! review, an incident moved to another deployment or detached from any,
//! each kept in the selection so it survives a rebuild under other
//! choices; and what a reviewer is offered: the deployments near an
//! incident's start, each in words.

use std::collections::HashMap;

use super::analysis::Analysis;
use super::attribution::{describe, moment, Attribution, How};
use super::choices::Override;
use crate::model::import::ImportError;

/// Counted deployments at or before an incident's start offered as places
/// to move it: its cause is almost always among the last few.
pub const CANDIDATES_BEFORE: usize = 6;
/// Deployments just after its start, offered in case its start was
/// recorded early.
pub const CANDIDATES_AFTER: usize = 2;

impl Attribution {
    /// Whether the tie is one a reviewer looks at: made by the rule, or
    /// corrected by the user (so the correction stays in view, to undo).
    pub fn reviewable(&self) -> bool {
        self.by_rule() || matches!(self.how, How::Moved | How::Detached)
    }
}

impl Analysis {
    /// The ties made by the rule, for review.
    pub fn to_review(&self) -> impl Iterator<Item = &Attribution> {
        self.attributions.iter().filter(|a| a.by_rule())
    }

    /// Ties incident `incident` to deployment `deployment` (indices into
    /// [`Analysis::incidents`] and [`Analysis::deployments`]).
    pub fn move_incident(&mut self, incident: usize, deployment: usize) -> Result<(), ImportError> {
        if deployment >= self.deployments.len() {
            return Err(ImportError(format!(
                "There is no deployment number {} of the {} counted.",
                deployment + 1,
                self.deployments.len()
            )));
        }
        self.set_tie(incident, Some(deployment), How::Moved)
    }

    /// Unties incident `incident`: a failure of no deployment (its
    /// recovery time still counts).
    pub fn detach(&mut self, incident: usize) -> Result<(), ImportError> {
        self.set_tie(incident, None, How::Detached)
    }

    fn set_tie(
        &mut self,
        incident: usize,
        deployment: Option<usize>,
        how: How,
    ) -> Result<(), ImportError> {
        let Some(inc) = self.incidents.get(incident) else {
            return Err(ImportError(format!(
                "There is no incident number {} of the {} counted.",
                incident + 1,
                self.incidents.len()
            )));
        };
        let over = Override {
            incident: inc.key.clone(),
            deployment: deployment.map(|d| self.deployments[d].key.clone()),
        };
        let words = describe(
            inc,
            deployment.map(|d| &self.deployments[d]),
            &how,
            self.zone,
        );
        self.selection
            .overrides
            .retain(|o| o.incident != over.incident);
        self.selection.overrides.push(over);
        self.attributions[incident] = Attribution {
            incident,
            deployment,
            how,
            words,
        };
        let d = &mut self.dataset.incidents[incident];
        d.deployment = deployment;
        d.unknown_link = false;
        Ok(())
    }

    /// The deployments incident `incident` may be tied to, oldest first:
    /// the [`CANDIDATES_BEFORE`] last at or before its start, the
    /// [`CANDIDATES_AFTER`] first after it, and the one it is tied to now.
    pub fn candidates(&self, incident: usize) -> Vec<usize> {
        let Some(inc) = self.incidents.get(incident) else {
            return Vec::new();
        };
        let split = self.deployments.partition_point(|d| d.at <= inc.started);
        let from = split.saturating_sub(CANDIDATES_BEFORE);
        let to = (split + CANDIDATES_AFTER).min(self.deployments.len());
        let mut out: Vec<usize> = (from..to).collect();
        let tied = self.attributions.get(incident).and_then(|a| a.deployment);
        if let Some(k) = tied.filter(|k| !out.contains(k)) {
            out.push(k);
            out.sort_unstable();
        }
        out
    }

    /// A counted deployment in words: "104 at 5 Mar 2026 10:00
    /// (production, shop)".
    pub fn deployment_words(&self, deployment: usize) -> String {
        let Some(d) = self.deployments.get(deployment) else {
            return String::new();
        };
        let place: Vec<&str> = [d.environment.as_deref(), d.service.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let place = if place.is_empty() {
            String::new()
        } else {
            format!(" ({})", place.join(", "))
        };
        format!("{} at {}{place}", d.id, moment(d.at, self.zone))
    }

    /// How many incidents each counted deployment is tied to, by key.
    pub fn ties(&self) -> HashMap<&str, usize> {
        let mut out = HashMap::new();
        for a in &self.attributions {
            if let Some(d) = a.deployment {
                *out.entry(self.deployments[d].key.as_str()).or_insert(0) += 1;
            }
        }
        out
    }
}
