//! Jira issues from its CSV export (Filters → Export CSV, all fields):
//! `Issue key, Issue Type, Status, Priority, Created, Resolved`, one
//! `Labels` column per label and one `Component/s` column per component,
//! `Environment`, and custom fields as `Custom field (Name)`. Which issues
//! are incidents, and which bugs were found in production, the user
//! chooses ([`super::escape`]).
//!
//! Dates are written in the exporting user's format; [`forms_reading`]
//! finds the forms that read every date in the file. One form is used;
//! day-first and month-first together (no day past the 12th) is asked.

use chrono::FixedOffset;

use super::file::{FileOptions, ParsedFile, Question};
use super::records::{dedupe, IssueRecord};
use super::table::{cell, cells, Table};
use crate::model::date::locale::{forms_reading, parse_in_form};
use crate::model::date::timestamp::in_model_years;
use crate::model::import::flywheel_csv::{clip, outside_years};

/// Reads a Jira CSV into `out`; an error when a column it needs is
/// missing or no form reads its dates.
pub fn read(
    text: &str,
    options: &FileOptions,
    zone: FixedOffset,
    out: &mut ParsedFile,
) -> Result<(), String> {
    let Some(t) = Table::read(text, out) else {
        return Err("The Jira file is empty.".into());
    };
    let key = t.col(&["issue_key"]);
    let issue_type = t.col(&["issue_type"]);
    let created = t.col(&["created"]);
    let Some(created_col) = created else {
        return Err(format!(
            "A Jira export needs its \"Created\" column; this one has {}.",
            t.headers
                .iter()
                .take(12)
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    };
    let resolved = t.col(&["resolved", "resolution_date"]);
    let status = t.col(&["status"]);
    let priority = t.col(&["priority"]);
    let environment = t.col(&["environment"]);
    let labels = t.cols("labels");
    let components = t.cols("component_s");
    let form = match options.date_form {
        Some(f) => f,
        None => {
            let samples = t
                .records
                .iter()
                .flat_map(|r| [cell(r, Some(created_col)), cell(r, resolved)])
                .flatten();
            let forms = forms_reading(samples);
            match forms.as_slice() {
                [one] => *one,
                [] => {
                    let sample = t
                        .records
                        .iter()
                        .find_map(|r| cell(r, Some(created_col)))
                        .unwrap_or("");
                    return Err(format!(
                        "No date form Flywheel reads fits every date in this file (such as \"{}\"). Export with dates like 14/Jul/25 3:42 PM, 21/06/2025 16:14 or 2025-06-21 16:14.",
                        clip(sample)
                    ));
                }
                _ => {
                    let sample = t
                        .records
                        .iter()
                        .find_map(|r| cell(r, Some(created_col)))
                        .unwrap_or("");
                    out.question = Some(Question::DateForm {
                        candidates: forms,
                        sample: sample.to_string(),
                    });
                    return Ok(());
                }
            }
        }
    };
    let stamp = |text: Option<&str>, field: &str| -> Result<Option<i64>, String> {
        let Some(text) = text else { return Ok(None) };
        let at = parse_in_form(text, form, zone).ok_or_else(|| {
            format!(
                "\"{}\" in \"{field}\" is not a date in the chosen form ({})",
                clip(text),
                form.name()
            )
        })?;
        if in_model_years(at, zone) {
            Ok(Some(at))
        } else {
            Err(outside_years(text, field))
        }
    };
    let mut list = Vec::new();
    for rec in &t.records {
        let n = rec.line;
        let Some(k) = cell(rec, key) else {
            out.reject(n, "missing \"Issue key\"");
            continue;
        };
        let created = match stamp(cell(rec, created), "Created") {
            Ok(Some(c)) => c,
            Ok(None) => {
                out.reject(n, "missing \"Created\"");
                continue;
            }
            Err(e) => {
                out.reject(n, e);
                continue;
            }
        };
        let resolved = match stamp(cell(rec, resolved), "Resolved") {
            Ok(Some(r)) if r < created => {
                out.reject(n, "resolved before it was created");
                continue;
            }
            Ok(r) => r,
            Err(e) => {
                out.reject(n, e);
                continue;
            }
        };
        let own = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
        list.push(IssueRecord {
            key: k.to_string(),
            issue_type: cell(rec, issue_type).unwrap_or("").to_string(),
            status: cell(rec, status).map(str::to_string),
            priority: cell(rec, priority).map(str::to_string),
            created,
            resolved,
            labels: own(cells(rec, &labels)),
            environment: cell(rec, environment).map(str::to_string),
            components: own(cells(rec, &components)),
            position: n,
        });
    }
    // An issue exported twice (two exports pasted together) keeps its
    // later row.
    out.merged += dedupe(
        &mut list,
        |i| &i.key,
        |kept, new| {
            let position = kept.position;
            *kept = new;
            kept.position = position;
        },
    );
    out.issues = list;
    out.notes.push(format!("Dates read as {}.", form.name()));
    Ok(())
}
