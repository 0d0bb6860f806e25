//! Reads the deployments and incidents files with their column mappings
//! into a [`Dataset`], keeping every rejected row with its line and reason.

use std::collections::HashMap;

use chrono::FixedOffset;

use super::{clip, column_index, outside_years, parse_flag, DeployColumns, IncidentColumns};
use super::{FileKind, Rejected};
use crate::model::import::{csv, time, Dataset, Deployment, ImportError, Incident};

/// Reads both files with their column mappings; `incidents` may be empty.
/// Every rejected row is listed; an error is returned only when nothing
/// usable remains.
pub fn read(
    deployments: &str,
    deploy_cols: &DeployColumns,
    incidents: &str,
    incident_cols: &IncidentColumns,
    zone: FixedOffset,
) -> Result<Dataset, ImportError> {
    let table = csv::parse(deployments).ok_or_else(|| {
        ImportError("The deployments file is empty. Paste CSV text or choose a .csv file.".into())
    })?;
    let mut out = Dataset {
        deploy_rows: table.records.len(),
        ..Dataset::default()
    };
    let at_col = column_index(&table.headers, &deploy_cols.deployed_at).ok_or_else(|| {
        ImportError(format!(
            "The deployments file has no deploy-time column{}. Choose which column holds the deploy time.",
            deploy_cols
                .deployed_at
                .as_ref()
                .map(|c| format!(" named \"{c}\""))
                .unwrap_or_default()
        ))
    })?;
    let id_col = column_index(&table.headers, &deploy_cols.id);
    let commit_col = column_index(&table.headers, &deploy_cols.first_commit_at);
    let failed_col = column_index(&table.headers, &deploy_cols.failed);
    let rework_col = column_index(&table.headers, &deploy_cols.rework);
    let name = |c: &Option<String>| c.clone().unwrap_or_default();

    let mut ids: HashMap<String, u32> = HashMap::new();
    let reject = |file, line, reason: String| Rejected { file, line, reason };
    let mut rejected = Vec::new();
    let mut list: Vec<Deployment> = Vec::with_capacity(table.records.len());
    for rec in &table.records {
        let cell = |i: Option<usize>| i.and_then(|i| rec.fields.get(i)).map(|c| c.as_ref());
        let line = rec.line;
        let Some(at_text) = cell(Some(at_col)).filter(|t| !t.trim().is_empty()) else {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                format!(
                    "missing required column \"{}\"",
                    name(&deploy_cols.deployed_at)
                ),
            ));
            continue;
        };
        let Some(at) = time::parse_timestamp(at_text, zone) else {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                format!(
                    "unparseable timestamp \"{}\" in \"{}\"",
                    clip(at_text),
                    name(&deploy_cols.deployed_at)
                ),
            ));
            continue;
        };
        if !time::in_model_years(at, zone) {
            rejected.push(reject(
                FileKind::Deployments,
                line,
                outside_years(at_text, &name(&deploy_cols.deployed_at)),
            ));
            continue;
        }
        let first_commit = match cell(commit_col).map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => match time::parse_timestamp(t, zone) {
                Some(c) if !time::in_model_years(c, zone) => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        outside_years(t, &name(&deploy_cols.first_commit_at)),
                    ));
                    continue;
                }
                Some(c) if c <= at => Some(c),
                Some(_) => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        "first commit is after the deployment".into(),
                    ));
                    continue;
                }
                None => {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        format!(
                            "unparseable timestamp \"{}\" in \"{}\"",
                            clip(t),
                            name(&deploy_cols.first_commit_at)
                        ),
                    ));
                    continue;
                }
            },
        };
        let mut flags = [false; 2];
        let mut bad = None;
        for (k, col, label) in [
            (0, failed_col, &deploy_cols.failed),
            (1, rework_col, &deploy_cols.rework),
        ] {
            if let Some(t) = cell(col) {
                match parse_flag(t) {
                    Some(v) => flags[k] = v,
                    None => {
                        bad = Some(format!(
                            "\"{}\" in \"{}\" is not yes/no",
                            clip(t),
                            name(label)
                        ))
                    }
                }
            }
        }
        if let Some(reason) = bad {
            rejected.push(reject(FileKind::Deployments, line, reason));
            continue;
        }
        let id = match cell(id_col).map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => {
                if ids.contains_key(t) {
                    rejected.push(reject(
                        FileKind::Deployments,
                        line,
                        format!("duplicate id \"{}\"", clip(t)),
                    ));
                    continue;
                }
                let n = ids.len() as u32;
                ids.insert(t.to_string(), n);
                Some(n)
            }
        };
        list.push(Deployment {
            at,
            first_commit,
            failed: flags[0],
            rework: flags[1],
            id,
        });
    }
    // An unterminated quote swallows the rest of the file, so its line
    // comes after every record: the rejected rows stay in file order.
    for line in &table.broken {
        rejected.push(reject(
            FileKind::Deployments,
            *line,
            "a quoted field is never closed".into(),
        ));
    }
    // No figure depends on the order of deployments at the same instant,
    // and the unstable sort is the smaller one in the bundle.
    list.sort_unstable_by_key(|d| d.at);
    if list.is_empty() {
        return Err(ImportError(if out.deploy_rows == 0 {
            "The deployments file has a header but no rows.".into()
        } else {
            let first = rejected
                .first()
                .map(|r| format!(" (line {}: {})", r.line, r.reason))
                .unwrap_or_default();
            format!(
                "None of the {} deployment rows could be used{first}. Check the column mapping and the timestamp format.",
                out.deploy_rows
            )
        }));
    }
    // id index → position in the sorted list.
    let mut by_id = vec![usize::MAX; ids.len()];
    for (i, d) in list.iter().enumerate() {
        if let Some(id) = d.id {
            by_id[id as usize] = i;
        }
    }
    out.deployments = list;

    if let Some(table) = csv::parse(incidents) {
        out.incident_rows = table.records.len();
        let need = |c: &Option<String>, what: &str| {
            column_index(&table.headers, c).ok_or_else(|| {
                ImportError(format!(
                    "The incidents file has no {what} column. Choose which column holds it, or clear the incidents."
                ))
            })
        };
        let start_col = need(&incident_cols.started_at, "start-time")?;
        let end_col = need(&incident_cols.resolved_at, "resolved-time")?;
        let iid_col = column_index(&table.headers, &incident_cols.id);
        let link_col = column_index(&table.headers, &incident_cols.deployment_id);
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for rec in &table.records {
            let cell = |i: Option<usize>| {
                i.and_then(|i| rec.fields.get(i))
                    .map(|c| c.as_ref().trim())
                    .filter(|t| !t.is_empty())
            };
            let line = rec.line;
            let stamp = |col: usize, label: &Option<String>| match cell(Some(col)) {
                None => Err(format!("missing required column \"{}\"", name(label))),
                Some(t) => time::parse_timestamp(t, zone)
                    .ok_or_else(|| {
                        format!(
                            "unparseable timestamp \"{}\" in \"{}\"",
                            clip(t),
                            name(label)
                        )
                    })
                    .and_then(|v| {
                        if time::in_model_years(v, zone) {
                            Ok(v)
                        } else {
                            Err(outside_years(t, &name(label)))
                        }
                    }),
            };
            let started = stamp(start_col, &incident_cols.started_at);
            let resolved = stamp(end_col, &incident_cols.resolved_at);
            let (started, resolved) = match (started, resolved) {
                (Ok(s), Ok(r)) => (s, r),
                (Err(e), _) | (_, Err(e)) => {
                    rejected.push(reject(FileKind::Incidents, line, e));
                    continue;
                }
            };
            if resolved < started {
                rejected.push(reject(
                    FileKind::Incidents,
                    line,
                    "resolved before start".into(),
                ));
                continue;
            }
            if let Some(iid) = cell(iid_col) {
                if !seen.insert(iid.to_string()) {
                    rejected.push(reject(
                        FileKind::Incidents,
                        line,
                        format!("duplicate id \"{}\"", clip(iid)),
                    ));
                    continue;
                }
            }
            let (deployment, unknown_link) = match cell(link_col) {
                None => (None, false),
                Some(link) => match ids.get(link) {
                    Some(&i) => (Some(by_id[i as usize]), false),
                    None => (None, true),
                },
            };
            out.incidents.push(Incident {
                started,
                resolved,
                open: false,
                deployment,
                unknown_link,
            });
        }
        for line in &table.broken {
            rejected.push(reject(
                FileKind::Incidents,
                *line,
                "a quoted field is never closed".into(),
            ));
        }
    }
    out.rejected = rejected;
    Ok(out)
}
