//! Which deployment each incident is a failure of. An incident is tied to
//! a deployment the data names (its id, or a root-cause commit the
//! deployment shipped); otherwise it is attributed to the last counted
//! production deployment at or before its start — of its own service when
//! a deployment of that service is counted (DevLake's webhook rule,
//! exports.md). Every attribution by that rule is listed for review, in
//! words, and the user can move or detach any incident; nothing is tied
//! silently, and an incident before any deployment stays untied and says
//! so.

use std::borrow::Cow;

use chrono::FixedOffset;

use super::analysis::{DeployedRef, IncidentRef};
use super::choices::Override;
use super::hash::{self, FastMap};
use crate::model::date::format_datetime;
use crate::model::units::describe_hours;

/// How an incident came to be tied (or not).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// The data names the deployment by its id.
    NamedDeployment,
    /// The data names this commit as the cause; the deployment shipped it.
    NamedCommit(String),
    /// The last production deployment of its service before it started.
    LastOfService,
    /// The last production deployment before it started; the incident's
    /// service, if it names one, matches no counted deployment's.
    LastBefore { unmatched_service: Option<String> },
    /// Started before any counted deployment (of its service).
    NoneBefore,
    /// Names a deployment that is not among those counted.
    NamedElsewhere(String),
    /// Moved by the user.
    Moved,
    /// Detached by the user.
    Detached,
}

/// One incident's tie to a deployment.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Index into the analysis' incidents.
    pub incident: usize,
    /// Index into the analysis' deployments; `None`: a failure of no
    /// deployment (its recovery still counts).
    pub deployment: Option<usize>,
    pub how: How,
    /// The tie in words.
    pub words: String,
}

impl Attribution {
    /// Whether the tie was made by the rule, not named by the data or the
    /// user: these are listed for review.
    pub fn by_rule(&self) -> bool {
        matches!(self.how, How::LastOfService | How::LastBefore { .. })
    }
}

/// A name as services are matched: letters and digits only, lower case
/// ("Checkout API" and "checkout-api" match).
pub fn service_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A SHA as compared: lower case, copied only when it is not already.
pub fn lower(sha: &str) -> Cow<'_, str> {
    if sha.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(sha.to_ascii_lowercase())
    } else {
        Cow::Borrowed(sha)
    }
}

/// A moment in the chosen zone: "5 Mar 2026 10:00".
pub fn moment(t: i64, zone: FixedOffset) -> String {
    let local = t.saturating_add(i64::from(zone.local_minus_utc()));
    chrono::DateTime::from_timestamp(local, 0)
        .map_or_else(|| "—".to_string(), |d| format_datetime(d.naive_utc()))
}

/// Ties every incident (sorted by start) to a deployment (sorted by time).
pub fn attribute(
    incidents: &[IncidentRef],
    deployments: &[DeployedRef],
    overrides: &[Override],
    zone: FixedOffset,
) -> Vec<Attribution> {
    let n = deployments.len();
    let mut service_keys: FastMap<&str, String> = hash::map(8);
    let mut by_service: FastMap<String, Vec<usize>> = hash::map(8);
    let mut by_sha: FastMap<Cow<str>, usize> = hash::map(n);
    let mut by_id: FastMap<&str, usize> = hash::map(n);
    for (k, d) in deployments.iter().enumerate() {
        if let Some(s) = &d.service {
            let key = service_keys.entry(s).or_insert_with(|| service_key(s));
            match by_service.get_mut(key.as_str()) {
                Some(list) => list.push(k),
                None => {
                    by_service.insert(key.clone(), vec![k]);
                }
            }
        }
        for sha in d.sha.iter().chain(d.changes.iter()) {
            by_sha.entry(lower(sha)).or_insert(k);
        }
        by_id.entry(d.id.as_str()).or_insert(k);
    }
    // Only corrections need deployments by key.
    let by_key: FastMap<&str, usize> = if overrides.is_empty() {
        hash::map(0)
    } else {
        deployments
            .iter()
            .enumerate()
            .map(|(k, d)| (d.key.as_str(), k))
            .collect()
    };
    incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| {
            let (deployment, how) = match overrides.iter().find(|o| o.incident == inc.key) {
                Some(Override {
                    deployment: Some(d),
                    ..
                }) if by_key.contains_key(d.as_str()) => {
                    (by_key.get(d.as_str()).copied(), How::Moved)
                }
                Some(Override {
                    deployment: None, ..
                }) => (None, How::Detached),
                _ => tie(inc, deployments, &by_service, &by_sha, &by_id),
            };
            let words = describe(inc, deployment.map(|k| &deployments[k]), &how, zone);
            Attribution {
                incident: i,
                deployment,
                how,
                words,
            }
        })
        .collect()
}

fn tie(
    inc: &IncidentRef,
    deployments: &[DeployedRef],
    by_service: &FastMap<String, Vec<usize>>,
    by_sha: &FastMap<Cow<str>, usize>,
    by_id: &FastMap<&str, usize>,
) -> (Option<usize>, How) {
    if let Some(named) = &inc.deployment {
        return match by_id.get(named.as_str()) {
            Some(&k) => (Some(k), How::NamedDeployment),
            None => (None, How::NamedElsewhere(named.clone())),
        };
    }
    if let Some((sha, &k)) = inc
        .changes
        .iter()
        .find_map(|s| by_sha.get(&lower(s)).map(|k| (s, k)))
    {
        return (Some(k), How::NamedCommit(sha.clone()));
    }
    let own = inc
        .service
        .as_ref()
        .and_then(|s| by_service.get(&service_key(s)));
    match own {
        Some(list) => {
            let n = list.partition_point(|&k| deployments[k].at <= inc.started);
            match n.checked_sub(1).and_then(|i| list.get(i)) {
                Some(&k) => (Some(k), How::LastOfService),
                None => (None, How::NoneBefore),
            }
        }
        None => {
            let n = deployments.partition_point(|d| d.at <= inc.started);
            if n == 0 {
                (None, How::NoneBefore)
            } else {
                (
                    Some(n - 1),
                    How::LastBefore {
                        unmatched_service: inc.service.clone(),
                    },
                )
            }
        }
    }
}

pub(super) fn describe(
    inc: &IncidentRef,
    d: Option<&DeployedRef>,
    how: &How,
    zone: FixedOffset,
) -> String {
    let who = format!("{} (started {})", inc.id, moment(inc.started, zone));
    let dep = |d: &DeployedRef| {
        let gap = describe_hours((inc.started - d.at) as f64 / 3600.0);
        let place = match (&d.environment, &d.service) {
            (Some(e), Some(s)) => format!(" to {e}, {s},"),
            (Some(e), None) => format!(" to {e}"),
            (None, Some(s)) => format!(" of {s}"),
            (None, None) => String::new(),
        };
        if inc.started >= d.at {
            format!(
                "deployment {}{place} at {}, {gap} before it",
                d.id,
                moment(d.at, zone)
            )
        } else {
            format!(
                "deployment {}{place} at {}, {gap} after it started",
                d.id,
                moment(d.at, zone)
            )
        }
    };
    match (how, d) {
        (How::NamedDeployment, Some(d)) => format!("{who} → {}: the data names this deployment.", dep(d)),
        (How::NamedCommit(sha), Some(d)) => format!(
            "{who} → {}: the data names commit {} as its cause, and this deployment shipped it.",
            dep(d),
            sha.get(..sha.len().min(12)).unwrap_or(sha)
        ),
        (How::LastOfService, Some(d)) => format!(
            "{who} → {}: the last production deployment of its service before it started. Check this guess.",
            dep(d)
        ),
        (How::LastBefore { unmatched_service: Some(s) }, Some(d)) => format!(
            "{who} → {}: the last production deployment before it started (no counted deployment is of its service \"{s}\"). Check this guess.",
            dep(d)
        ),
        (How::LastBefore { .. }, Some(d)) => format!(
            "{who} → {}: the last production deployment before it started. Check this guess.",
            dep(d)
        ),
        (How::Moved, Some(d)) => format!("{who} → {}: moved there by you.", dep(d)),
        (How::NamedElsewhere(id), _) => format!(
            "{who} names deployment {id}, which is not among the production deployments counted: tied to none."
        ),
        (How::Detached, _) => format!("{who}: detached by you, a failure of no deployment."),
        _ => format!("{who} started before any production deployment in the files: tied to none."),
    }
}
