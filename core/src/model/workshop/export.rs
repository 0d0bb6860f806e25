//! A record to keep: the workshop's outcome as a wiki page (Markdown), a
//! spreadsheet (CSV, through [`csv_out`]) and JSON, from one [`Record`].
//! The dots appear only once their vote is revealed, so an export taken
//! while it is open gives nothing away. When the room also voted on
//! initiatives, the record ranks them after the committed goals.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::csv_out;
use crate::model::date::{format_date, iso, parse_date_strict};
use crate::model::goals::GoalId;
use crate::model::Scenario;

use super::{action_rows, candidates, Subject, VoteState};

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
    /// The vote on initiatives, when the room held one; left out of the
    /// JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative_vote: Option<InitiativeVote>,
    pub parking_lot: Vec<String>,
}

/// The vote on initiatives in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InitiativeVote {
    /// "3 of 3 ballots in".
    pub ballots: String,
    /// Whether it was revealed; the ranks and dots are left out until it
    /// is.
    pub revealed: bool,
    /// Every initiative, ranked by dots once revealed (ties keep the
    /// chain's order), in the chain's order before.
    pub initiatives: Vec<RecordInitiative>,
}

/// One initiative in the vote on initiatives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordInitiative {
    pub title: String,
    /// The goal it serves, as "Operational: Deploy daily"; blank when it
    /// hangs under none.
    pub under: String,
    pub proposed_by: String,
    /// `None` until the reveal; ties share a rank.
    pub rank: Option<usize>,
    /// `None` until the reveal.
    pub dots: Option<u32>,
    /// Blank when not named.
    pub owner: String,
}

impl InitiativeVote {
    /// The vote on initiatives in `s`, once any ballot is in or it was
    /// revealed; `None` when the room never held one.
    pub fn of(s: &Scenario) -> Option<InitiativeVote> {
        let w = &s.workshop;
        let progress = w.progress(Subject::Initiatives);
        if progress.voted.is_empty() && progress.state == VoteState::Open {
            return None;
        }
        let ids = candidates(&s.goals, Subject::Initiatives);
        let ranked: Vec<(GoalId, Option<usize>, Option<u32>)> =
            match w.ranking(Subject::Initiatives, &ids) {
                Ok(r) => r
                    .into_iter()
                    .map(|r| (r.goal, Some(r.rank), Some(r.dots)))
                    .collect(),
                Err(_) => ids.into_iter().map(|g| (g, None, None)).collect(),
            };
        let initiatives = ranked
            .into_iter()
            .filter_map(|(id, rank, dots)| {
                let g = s.goals.get(id)?;
                let under = g.parent.and_then(|p| s.goals.get(p));
                Some(RecordInitiative {
                    title: g.title.clone(),
                    under: under.map_or(String::new(), |p| p.label()),
                    proposed_by: w.credit(id).to_string(),
                    rank,
                    dots,
                    owner: g.owner.trim().to_string(),
                })
            })
            .collect();
        Some(InitiativeVote {
            ballots: progress.count(),
            revealed: progress.state == VoteState::Revealed,
            initiatives,
        })
    }
}

/// "revealed", or why the dots are left out.
fn standing(revealed: bool) -> &'static str {
    if revealed {
        "revealed"
    } else {
        "not revealed, so the dots are left out"
    }
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
            initiative_vote: InitiativeVote::of(s),
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
        out.push_str(&format!(
            "- Vote on goals: {}, {}\n",
            self.ballots,
            standing(self.revealed)
        ));
        if let Some(vote) = &self.initiative_vote {
            out.push_str(&format!(
                "- Vote on initiatives: {}, {}\n",
                vote.ballots,
                standing(vote.revealed)
            ));
        }
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
        if let Some(vote) = &self.initiative_vote {
            out.push_str(&vote.markdown());
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
        // The initiatives voted on follow, each a row of its own level, so
        // a spreadsheet filters them by the Level column.
        for i in self.initiative_vote.iter().flat_map(|v| &v.initiatives) {
            out.push_str(&csv_out::record(&[
                i.title.as_str(),
                "Initiative",
                &i.proposed_by,
                &i.dots.map_or("hidden".to_string(), |d| d.to_string()),
                &i.owner,
                "",
                "",
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

impl InitiativeVote {
    /// The vote's section of the wiki page: the initiatives as a table,
    /// ranked once revealed.
    fn markdown(&self) -> String {
        let mut out = "\n## Vote on initiatives\n\n".to_string();
        out.push_str("| Rank | Initiative | Under | Proposed by | Dots |\n");
        out.push_str("| ---: | --- | --- | --- | ---: |\n");
        for i in &self.initiatives {
            let cells = [
                i.rank.map_or("—".to_string(), |r| r.to_string()),
                md(&i.title),
                or_dash(md(&i.under)),
                md(&i.proposed_by),
                i.dots.map_or("hidden".to_string(), |d| d.to_string()),
            ];
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
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
