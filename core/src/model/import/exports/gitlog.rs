//! `git log --numstat` text: commits and the lines each added and deleted,
//! for code churn. Written with `--format='commit %H %cI'` (the hash and
//! the committer date, ISO 8601) or git's default header with
//! `--date=iso-strict` (`Date:` lines); the numstat lines are `added<TAB>
//! deleted<TAB>path`, `-` for a binary file (git-log(1), `--numstat`).
//!
//! Churn over a window is the seed's formula (exports.md, domain.md §1):
//! lines deleted ÷ lines added by the commits dated inside it. domain.md
//! describes churn as lines rewritten within 21 days of being added; a
//! numstat log cannot tell a line's age, so this is the whole-window ratio,
//! and the figure says so.

use chrono::FixedOffset;

use super::file::ParsedFile;
use super::records::{dedupe, optional_time, CommitStat};
use crate::model::import::Window;

/// Reads a log into `out`.
pub fn read(text: &str, zone: FixedOffset, out: &mut ParsedFile) {
    let mut list: Vec<CommitStat> = Vec::new();
    let mut current: Option<(CommitStat, bool)> = None;
    let finish =
        |c: Option<(CommitStat, bool)>, list: &mut Vec<CommitStat>, out: &mut ParsedFile| {
            if let Some((commit, dated)) = c {
                if dated {
                    list.push(commit);
                } else {
                    out.reject(
                        commit.position,
                        format!(
                            "commit {} has no date: write the log with --format='commit %H %cI'",
                            short(&commit.sha)
                        ),
                    );
                }
            }
        };
    let text = text.trim_start_matches('\u{feff}');
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some(rest) = line.strip_prefix("commit ") {
            finish(current.take(), &mut list, out);
            out.rows += 1;
            let mut words = rest.split_whitespace();
            let sha = words.next().unwrap_or("").to_string();
            let mut commit = CommitStat {
                sha,
                at: 0,
                added: 0,
                deleted: 0,
                binary: 0,
                position: n,
            };
            let mut dated = false;
            if let Some(word) = words.next().filter(|w| !w.starts_with('(')) {
                match optional_time(Some(word), "commit date", zone) {
                    Ok(Some(t)) => {
                        commit.at = t;
                        dated = true;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        out.reject(n, e);
                        current = None;
                        continue;
                    }
                }
            }
            current = Some((commit, dated));
            continue;
        }
        let Some((commit, dated)) = current.as_mut() else {
            continue;
        };
        let date_line = ["CommitDate:", "Date:"]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        if let Some(date) = date_line {
            if !*dated || line.starts_with("CommitDate:") {
                match optional_time(Some(date.trim()), "Date", zone) {
                    Ok(Some(t)) => {
                        commit.at = t;
                        *dated = true;
                    }
                    Ok(None) => {}
                    Err(_) => {
                        out.reject(
                            n,
                            format!(
                                "date \"{}\" is not ISO 8601: write the log with --date=iso-strict",
                                date.trim()
                            ),
                        );
                        current = None;
                    }
                }
            }
            continue;
        }
        // Numstat lines start with a count or "-"; message lines are
        // indented, so a tab in a message is never read as one.
        if !line.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            continue;
        }
        let mut parts = line.split('\t');
        if let (Some(a), Some(d), Some(_path)) = (parts.next(), parts.next(), parts.next()) {
            match (a, d) {
                ("-", "-") => commit.binary += 1,
                _ => match (a.parse::<u64>(), d.parse::<u64>()) {
                    (Ok(a), Ok(d)) => {
                        commit.added = commit.added.saturating_add(a);
                        commit.deleted = commit.deleted.saturating_add(d);
                    }
                    _ => out.reject(
                        n,
                        format!(
                            "\"{}\" is not a numstat line (added, deleted, path)",
                            line.trim()
                        ),
                    ),
                },
            }
        }
    }
    finish(current.take(), &mut list, out);
    // The same commit in two logs (overlapping ranges) counts once.
    out.merged += dedupe(&mut list, |c| &c.sha, |_, _| {});
    out.commits = list;
}

fn short(sha: &str) -> &str {
    sha.get(..sha.len().min(12)).unwrap_or(sha)
}

/// Code churn over a window: the counts behind it and the rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Churn {
    pub commits: usize,
    pub added: u64,
    pub deleted: u64,
    pub binary_files: u32,
    /// Deleted ÷ added × 100; `None` when nothing was added.
    pub percent: Option<f64>,
}

impl Churn {
    /// Churn of the commits dated inside `window`.
    pub fn over(commits: &[CommitStat], window: Window) -> Churn {
        let mut c = Churn {
            commits: 0,
            added: 0,
            deleted: 0,
            binary_files: 0,
            percent: None,
        };
        for s in commits.iter().filter(|s| window.contains(s.at)) {
            c.commits += 1;
            c.added = c.added.saturating_add(s.added);
            c.deleted = c.deleted.saturating_add(s.deleted);
            c.binary_files = c.binary_files.saturating_add(s.binary);
        }
        c.percent = (c.added > 0).then(|| c.deleted as f64 / c.added as f64 * 100.0);
        c
    }

    /// The figure in words, with the approximation it rests on.
    pub fn words(&self) -> String {
        match self.percent {
            Some(p) => format!(
                "Code churn {p:.1}%: {} lines deleted for {} added in {} commits (deleted ÷ added over the window; git cannot tell how old each deleted line was).",
                self.deleted, self.added, self.commits
            ),
            None => format!(
                "No code churn: the {} commits in the window add no lines.",
                self.commits
            ),
        }
    }
}
