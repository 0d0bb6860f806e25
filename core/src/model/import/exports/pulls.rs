//! Merged pull requests for lead time, as `gh pr list --state merged
//! --limit 1000 --json number,title,createdAt,mergedAt,mergeCommit,
//! commits,baseRefName,labels` writes them (cli/cli's pull request JSON
//! fields: `mergeCommit {oid}`, `commits [{oid, authoredDate,
//! committedDate}]`).
//!
//! A change's first commit is the earliest date among its commits, authored
//! or committed (a rebase can move the committed date later, never the
//! authored one earlier than the work began). Without commits the pull
//! request's creation stands for it, and the file's summary says how many.
//! A pull request not merged (no `mergedAt`) is left out.

use chrono::FixedOffset;
use serde::Deserialize;

use super::file::ParsedFile;
use super::json::{each, Layout, List, Obj, Val};
use super::records::{dedupe, optional_time, required_time, ChangeRecord};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Pull<'a> {
    #[serde(borrow)]
    number: Val<'a>,
    #[serde(rename = "createdAt", borrow)]
    created_at: Val<'a>,
    #[serde(rename = "mergedAt", borrow)]
    merged_at: Val<'a>,
    #[serde(rename = "mergeCommit", borrow)]
    merge_commit: Obj<Oid<'a>>,
    #[serde(borrow)]
    commits: List<Obj<Commit<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Oid<'a> {
    #[serde(borrow)]
    oid: Val<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Commit<'a> {
    #[serde(borrow)]
    oid: Val<'a>,
    #[serde(rename = "authoredDate", borrow)]
    authored_date: Val<'a>,
    #[serde(rename = "committedDate", borrow)]
    committed_date: Val<'a>,
}

/// Reads a `gh pr list --json` file into `out`.
pub fn read(bytes: &[u8], layout: Layout, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list = Vec::new();
    let mut without_commits = 0;
    let end = each::<Pull, _>(bytes, layout, |n, p| {
        let Some(id) = p.number.text() else {
            return out.reject(n, "missing \"number\"");
        };
        let merged = match optional_time(p.merged_at.str(), "mergedAt", zone) {
            Ok(Some(t)) => t,
            Ok(None) => return out.leave_out("not merged"),
            Err(e) => return out.reject(n, e),
        };
        let mut first: Option<i64> = None;
        let mut commits = Vec::new();
        for c in p.commits.0.iter().filter_map(|c| c.0.as_ref()) {
            for (v, field) in [
                (&c.authored_date, "authoredDate"),
                (&c.committed_date, "committedDate"),
            ] {
                match optional_time(v.str(), field, zone) {
                    Ok(Some(t)) => first = Some(first.map_or(t, |f| f.min(t))),
                    Ok(None) => {}
                    Err(e) => return out.reject(n, format!("a commit's {e}")),
                }
            }
            commits.extend(c.oid.str().map(str::to_string));
        }
        let first = match first {
            Some(f) => f,
            None => {
                without_commits += 1;
                match required_time(p.created_at.str(), "createdAt", zone) {
                    Ok(t) => t,
                    Err(e) => return out.reject(n, format!("no commit dates, and {e}")),
                }
            }
        };
        list.push(ChangeRecord {
            id,
            first_commit: first.min(merged),
            merged: Some(merged),
            merge_sha: p
                .merge_commit
                .0
                .as_ref()
                .and_then(|m| m.oid.str())
                .map(str::to_string),
            commits,
            position: n,
        });
    });
    super::finish_stream(out, &end);
    out.merged += dedupe(&mut list, |c| &c.id, |_, _| {});
    out.changes = list;
    if without_commits > 0 {
        out.notes.push(format!(
            "{without_commits} pull request{} had no commit dates (export with --json commits); their creation stands for the first commit.",
            if without_commits == 1 { "" } else { "s" }
        ));
    }
}
