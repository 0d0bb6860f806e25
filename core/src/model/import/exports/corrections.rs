//! Corrections of incident ties: the ties made by the rule listed for
//! review, an incident moved to another deployment or detached from any,
//! each kept in the selection so it survives a rebuild under other
//! choices.

use std::collections::HashMap;

use super::analysis::Analysis;
use super::attribution::{describe, Attribution, How};
use super::choices::Override;
use crate::model::import::ImportError;

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
