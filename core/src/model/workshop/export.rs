//! A record to keep: the workshop's outcome as a wiki page (Markdown), a
//! spreadsheet (CSV, through [`csv_out`]) and JSON, from one [`Record`].
//! The dots appear only once the vote on goals is revealed, so an export
//! taken while it is open gives nothing away.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::csv_out;
use crate::model::date::{format_date, iso, parse_date_strict};
use crate::model::Scenario;

use super::{action_rows, Subject, VoteState};

/// The workshop's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The workshop's name, or the team's before it was started.
    pub title: String,
    pub team: String,
    /// The day it started (or the export's day), as "YYYY-MM-DD".
    pub date: String,
    /// Blank when not given.
    pub facilitator: String,
    /// "5 of 5 ballots in".
    pub ballots: String,
    /// Whether the vote on goals was revealed; the dots are left out
    /// until it is.
    pub revealed: bool,
    /// The committed goals, in the order committed.
    pub goals: Vec<RecordGoal>,
    pub parking_lot: Vec<String>,
}

/// One committed goal in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordGoal {
    pub title: String,
    pub level: String,
    pub proposed_by: String,
    /// `None` until the reveal.
    pub dots: Option<u32>,
    pub owner: String,
    /// "YYYY-MM-DD".
    pub first_check_in: Option<String>,
    pub first_initiative: Option<String>,
}

impl Record {
    /// The record of `s`'s workshop; `today` dates it when the workshop
    /// was never started.
    pub fn of(s: &Scenario, today: NaiveDate) -> Record {
        let w = &s.workshop;
        let identity = w.identity();
        let revealed = w.state(Subject::Goals) == VoteState::Revealed;
        let goals = action_rows(s)
            .into_iter()
            .map(|row| RecordGoal {
                title: s
                    .goals
                    .get(row.goal)
                    .map_or(String::new(), |g| g.title.clone()),
                level: s
                    .goals
                    .get(row.goal)
                    .map_or(String::new(), |g| g.level.name().to_string()),
                proposed_by: row.proposer,
                dots: w.dots_on(Subject::Goals, row.goal).ok(),
                owner: row.owner,
                first_check_in: row.first_check_in.map(iso),
                first_initiative: row.initiative,
            })
            .collect();
        Record {
            title: identity.map_or(s.team.clone(), |i| i.title.clone()),
            team: s.team.clone(),
            date: iso(identity.map_or(today, |i| i.started)),
            facilitator: identity.map_or(String::new(), |i| i.facilitator.clone()),
            ballots: w.progress(Subject::Goals).count(),
            revealed,
            goals,
            parking_lot: w.parking_lot.clone(),
        }
    }

    /// A wiki page: heading, date, the committed goals as a table, the
    /// parking lot as a list.
    pub fn markdown(&self) -> String {
        let mut out = format!("# Workshop: {}\n\n", md(&self.title));
        out.push_str(&format!("- Date: {}\n", long_date(&self.date)));
        if self.title != self.team {
            out.push_str(&format!("- Team: {}\n", md(&self.team)));
        }
        if !self.facilitator.is_empty() {
            out.push_str(&format!("- Facilitator: {}\n", md(&self.facilitator)));
        }
        let state = if self.revealed {
            "revealed"
        } else {
            "not revealed, so the dots are left out"
        };
        out.push_str(&format!("- Vote on goals: {}, {state}\n", self.ballots));
        out.push_str("\n## Committed goals\n\n");
        if self.goals.is_empty() {
            out.push_str("No goals were committed.\n");
        } else {
            out.push_str(
                "| Goal | Proposed by | Dots | Owner | First check-in | First initiative |\n",
            );
            out.push_str("| --- | --- | ---: | --- | --- | --- |\n");
            for g in &self.goals {
                let cells = [
                    md(&format!("{}: {}", g.level, g.title)),
                    md(&g.proposed_by),
                    g.dots.map_or("hidden".to_string(), |d| d.to_string()),
                    or_dash(md(&g.owner)),
                    g.first_check_in
                        .as_deref()
                        .map_or("—".to_string(), long_date),
                    or_dash(g.first_initiative.as_deref().map(md).unwrap_or_default()),
                ];
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
        }
        out.push_str("\n## Parking lot\n\n");
        if self.parking_lot.is_empty() {
            out.push_str("Nothing was parked.\n");
        }
        for idea in &self.parking_lot {
            out.push_str(&format!("- {}\n", md(idea)));
        }
        out
    }

    /// The committed goals as CSV: one record per goal under a header.
    pub fn csv(&self) -> String {
        let mut out = csv_out::record(&[
            "Goal",
            "Level",
            "Proposed by",
            "Dots",
            "Owner",
            "First check-in",
            "First initiative",
        ]);
        for g in &self.goals {
            out.push_str(&csv_out::record(&[
                g.title.as_str(),
                &g.level,
                &g.proposed_by,
                &g.dots.map_or("hidden".to_string(), |d| d.to_string()),
                &g.owner,
                g.first_check_in.as_deref().unwrap_or(""),
                g.first_initiative.as_deref().unwrap_or(""),
            ]));
        }
        out
    }

    /// The record as pretty-printed JSON.
    pub fn json(&self) -> String {
        // Plain data with string keys serializes without error.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// "2026-11-22" as "22 Nov 2026".
fn long_date(iso_date: &str) -> String {
    parse_date_strict(iso_date).map_or(iso_date.to_string(), format_date)
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "—".to_string()
    } else {
        text
    }
}

/// Text as Markdown shows it literally (CommonMark allows a backslash
/// before any ASCII punctuation): inline markup, table pipes, HTML and
/// entities escaped, line breaks folded, and a leading character that
/// would start a heading, list or quote escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '#' | '-' | '+' | '=');
        if starts_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
            )
        {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    // "1. Item" would start a numbered list.
    if let Some(end) = out.find(|c: char| !c.is_ascii_digit()) {
        if end > 0 && matches!(out[end..].chars().next(), Some('.' | ')')) {
            out.insert(end, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn markdown_shows_text_literally() {
        assert_eq!(
            md("Cut P95 to <200ms | fast"),
            "Cut P95 to \\<200ms \\| fast"
        );
        assert_eq!(md("snake_case *bold*"), "snake\\_case \\*bold\\*");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("- not a list"), "\\- not a list");
        assert_eq!(md("2026. A year"), "2026\\. A year");
        assert_eq!(md("lead-time"), "lead-time");
        assert_eq!(md("two\nlines"), "two lines");
    }
}
