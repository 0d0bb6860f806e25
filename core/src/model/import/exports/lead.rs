//! Lead time from changes in one file and deployments in another. A change
//! is joined to the deployment the data says shipped it (its merge commit
//! is the deployment's SHA, or one of its commits is in the deployment's
//! list), else to the first counted production deployment at or after its
//! merge (exports.md: the approximation to state, since a deployment
//! usually ships what was merged before it). Its lead time is from its
//! first commit to that deployment (domain.md §1).

use std::borrow::Cow;

use super::analysis::DeployedRef;
use super::attribution::lower;
use super::hash::{self, FastMap};
use super::records::ChangeRecord;
use crate::model::import::ChangeLead;

/// How changes were joined to deployments.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LeadJoin {
    /// Changes read.
    pub changes: usize,
    /// Joined by a SHA the deployment names.
    pub by_sha: usize,
    /// Joined to the first deployment at or after the merge.
    pub by_time: usize,
    /// Merged after the last counted deployment: not deployed yet.
    pub not_deployed: usize,
    pub samples: Vec<ChangeLead>,
}

impl LeadJoin {
    /// How lead time was measured, in words, with the approximation.
    pub fn words(&self) -> String {
        if self.changes == 0 {
            return String::new();
        }
        let mut s = format!(
            "Lead time from {} changes: first commit to the production deployment that shipped them.",
            self.changes
        );
        if self.by_sha > 0 {
            s.push_str(&format!(
                " {} joined by the commit the deployment names.",
                self.by_sha
            ));
        }
        if self.by_time > 0 {
            s.push_str(&format!(
                " {} joined to the first production deployment at or after their merge — an approximation: the files do not say which deployment shipped them.",
                self.by_time
            ));
        }
        if self.not_deployed > 0 {
            s.push_str(&format!(
                " {} merged after the last deployment: not counted yet.",
                self.not_deployed
            ));
        }
        s
    }
}

/// Joins `changes` to `deployments` (sorted by time). A named deployment
/// earlier than the change's first commit cannot have shipped it, so only
/// later ones count; a merge is never before its first commit, so the
/// deployment found by time is never earlier either.
pub fn join(changes: &[&ChangeRecord], deployments: &[DeployedRef]) -> LeadJoin {
    let mut out = LeadJoin {
        changes: changes.len(),
        ..LeadJoin::default()
    };
    if changes.is_empty() {
        return out;
    }
    let mut by_sha: FastMap<Cow<str>, Vec<usize>> = hash::map(deployments.len());
    for (k, d) in deployments.iter().enumerate() {
        for sha in d.sha.iter().chain(d.changes.iter()) {
            by_sha.entry(lower(sha)).or_default().push(k);
        }
    }
    for c in changes {
        let named = c
            .merge_sha
            .iter()
            .chain(c.commits.iter())
            .filter_map(|s| by_sha.get(&lower(s)))
            .flatten()
            .copied()
            .filter(|&k| deployments[k].at >= c.first_commit)
            .min();
        let deployment = match named {
            Some(k) => {
                out.by_sha += 1;
                k
            }
            None => {
                let t = c.merged.unwrap_or(c.first_commit);
                let k = deployments.partition_point(|d| d.at < t);
                if k == deployments.len() {
                    out.not_deployed += 1;
                    continue;
                }
                out.by_time += 1;
                k
            }
        };
        out.samples.push(ChangeLead {
            first_commit: c.first_commit,
            deployment,
        });
    }
    out
}
