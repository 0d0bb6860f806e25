//! A file in words: what it was recognised as and what it holds ("GitHub
//! deployments (REST API JSON): 312 deployments in 4 environments"), then
//! what was merged, left out or could not be read.

use std::collections::BTreeSet;

use super::file::{ParsedFile, Question};
use super::shape::Yields;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> usize {
    values.map(str::to_lowercase).collect::<BTreeSet<_>>().len()
}

impl ParsedFile {
    /// What the file holds, in one line.
    pub fn summary(&self) -> String {
        let what = match self.shape.yields() {
            Yields::Deployments => {
                let n = self.deployments.len();
                let envs = distinct(
                    self.deployments
                        .iter()
                        .filter_map(|d| d.environment.as_deref()),
                );
                let flows = distinct(
                    self.deployments
                        .iter()
                        .filter_map(|d| d.workflow.as_deref()),
                );
                if flows > 0 {
                    format!(
                        "{} of {}",
                        plural(n, "successful run", "successful runs"),
                        plural(flows, "workflow", "workflows")
                    )
                } else if envs > 0 {
                    format!(
                        "{} in {}",
                        plural(n, "deployment", "deployments"),
                        plural(envs, "environment", "environments")
                    )
                } else {
                    plural(n, "deployment", "deployments")
                }
            }
            Yields::Statuses => {
                let deps = distinct(self.statuses.iter().map(|s| s.deployment.as_str()));
                format!(
                    "{} of {}",
                    plural(self.statuses.len(), "status", "statuses"),
                    plural(deps, "deployment", "deployments")
                )
            }
            Yields::Changes => plural(self.changes.len(), "change", "changes"),
            Yields::Incidents => {
                let n = self.incidents.len();
                let services = distinct(self.incidents.iter().filter_map(|i| i.service.as_deref()));
                if services > 0 {
                    format!(
                        "{}, {}",
                        plural(n, "incident", "incidents"),
                        plural(services, "service", "services")
                    )
                } else {
                    plural(n, "incident", "incidents")
                }
            }
            Yields::Issues => {
                let types = distinct(self.issues.iter().map(|i| i.issue_type.as_str()));
                format!(
                    "{} of {}",
                    plural(self.issues.len(), "issue", "issues"),
                    plural(types, "type", "types")
                )
            }
            Yields::Commits => {
                let added: u64 = self.commits.iter().map(|c| c.added).sum();
                let deleted: u64 = self.commits.iter().map(|c| c.deleted).sum();
                format!(
                    "{}, {added} lines added and {deleted} deleted",
                    plural(self.commits.len(), "commit", "commits")
                )
            }
            Yields::Metrics => {
                let span = match (self.dora.first(), self.dora.last()) {
                    (Some(a), Some(b)) => format!(" from {} to {}", a.date, b.date),
                    _ => String::new(),
                };
                let what = self.dora_metric.map_or("DORA metrics", |m| m.name());
                format!(
                    "{} of {what}{span}",
                    plural(self.dora.len(), "point", "points")
                )
            }
            Yields::Columns => format!(
                "{}; choose which columns hold the deployment or incident times",
                plural(self.rows, "row", "rows")
            ),
        };
        format!("{}: {what}", self.title())
    }

    /// Everything else worth saying, one sentence each: the question to
    /// answer, duplicates merged, rows left out and why, rows unreadable,
    /// where the reading stopped, and the file's own notes.
    pub fn details(&self) -> Vec<String> {
        let mut out = Vec::new();
        match &self.question {
            Some(Question::DateForm { candidates, sample }) => out.push(format!(
                "Choose how the dates are written: \"{sample}\" reads as {}.",
                candidates
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(" or as ")
            )),
            Some(Question::DoraMetric { candidates }) => out.push(format!(
                "Choose which metric these values are: {}.",
                candidates
                    .iter()
                    .map(|m| m.name())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            None => {}
        }
        if self.merged > 0 {
            out.push(format!(
                "{} repeated one already read (the same id) and counted once.",
                plural(self.merged, "record", "records")
            ));
        }
        for l in &self.left_out {
            out.push(l.words("record", "records"));
        }
        if !self.rejected.is_empty() {
            let first = &self.rejected[0];
            out.push(format!(
                "{} could not be read (the first, {}: {}).",
                plural(self.rejected.len(), "record", "records"),
                first.position.words(),
                first.reason
            ));
        }
        if let Some(s) = &self.stopped {
            out.push(format!("The file stops being readable: {s}."));
        }
        out.extend(self.notes.iter().cloned());
        out
    }
}
