//! Ballots from devices: in a hybrid room one laptop collecting everyone's
//! dots is the bottleneck, so each participant places their dots on their
//! own device and sends a ballot link, and the facilitator pastes many at
//! once, one per line.
//!
//! A ballot payload is `b<version>.<body>`, the body framed as scenario
//! links are (postcard, DEFLATE against the share dictionary, CRC-32,
//! base64url; see `share`), so it is decoded with the same care. Its `b`
//! tells it apart from a scenario link (`3.…`) in both directions.
//!
//! Merging decides each ballot in words: added; replacing an earlier
//! ballot from the same voter (the later one counts); damaged; from another
//! workshop (named); after the reveal (refused until the vote is re-opened);
//! dots on goals that no longer exist (dropped, and said). A ballot that
//! breaks a rule (more dots than each person has, too many on one goal, a
//! proposer's dots on their own goal, a facilitator who does not vote) is
//! refused whole, saying which: only the voter can say where their dots go
//! instead, so nothing is trimmed on their behalf.

use serde::{Deserialize, Serialize};

use crate::model::goals::{GoalId, Goals};
use crate::share::{self, LinkError};

use super::rules::dots;
use super::{parse_name, Ballot, Identity, Subject, Workshop, MAX_DOTS, MAX_PARTICIPANTS};

/// The ballot format new ballots are written in.
pub const BALLOT_VERSION: u32 = 1;
/// Longest ballot payload accepted, in characters: a ballot holds two names
/// and at most [`MAX_DOTS`] dots, a few hundred characters.
pub const MAX_BALLOT_CHARS: usize = 4_096;
/// Most ballots read from one paste.
pub const MAX_BALLOT_LINES: usize = 2 * MAX_PARTICIPANTS;

/// Dots on one goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dots {
    pub goal: GoalId,
    pub count: u32,
}

/// What a ballot link carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentBallot {
    /// The workshop the voter's device was invited to.
    pub workshop: Identity,
    pub subject: Subject,
    pub voter: String,
    /// Each goal once, in the order the voter first put a dot on it.
    pub dots: Vec<Dots>,
}

impl SentBallot {
    /// Every dot on the ballot.
    pub fn total(&self) -> u32 {
        self.dots.iter().map(|d| d.count).sum()
    }

    /// Whether the values are ones Flywheel's own devices write.
    fn is_valid(&self) -> bool {
        let name_ok = |n: &str| parse_name(n).is_ok_and(|p| p == n);
        let facilitator = &self.workshop.facilitator;
        let mut goals: Vec<GoalId> = self.dots.iter().map(|d| d.goal).collect();
        goals.sort_unstable();
        goals.dedup();
        name_ok(&self.voter)
            && name_ok(&self.workshop.title)
            && (facilitator.is_empty() || name_ok(facilitator))
            && goals.len() == self.dots.len()
            && self.dots.len() <= MAX_DOTS as usize
            && self.dots.iter().all(|d| (1..=MAX_DOTS).contains(&d.count))
            && self.total() <= MAX_DOTS
    }
}

/// Why a pasted ballot could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotError {
    /// A scenario link, pasted where ballots go.
    ScenarioLink,
    /// Written by a newer Flywheel than this one.
    NewerVersion(u32),
    /// Truncated, altered or not a Flywheel ballot at all; the codec's
    /// reason.
    Damaged(&'static str),
    /// Well-formed, but out of range.
    Invalid,
}

impl BallotError {
    /// A message for the facilitator who pasted it.
    pub fn message(&self) -> String {
        match self {
            BallotError::ScenarioLink => "This is a scenario link, not a ballot: merge it under “Collect participants' goals”, or open it as a scenario.".to_string(),
            BallotError::NewerVersion(v) => format!(
                "This ballot was made by a newer version of Flywheel (ballot format {v}). Reload the page to get the latest version, then paste it again."
            ),
            BallotError::Damaged(why) => format!(
                "This ballot is damaged ({why}). Ask the voter to copy it again, in full."
            ),
            BallotError::Invalid => "This ballot holds values Flywheel cannot use, so it may have been altered.".to_string(),
        }
    }
}

/// The payload in a pasted line: a whole ballot link (`…#/workshop?b=b1.…`),
/// its fragment, or the payload alone. A scenario link's payload comes back
/// as it is, for [`decode_ballot`] to name.
pub fn ballot_payload_in(text: &str) -> &str {
    let text = text.trim();
    ["?b=", "?s="]
        .into_iter()
        .find_map(|key| text.split_once(key).map(|(_, p)| p.trim()))
        .unwrap_or(text)
}

/// The ballot payload for `ballot`: `b1.` and the packed body.
pub fn encode_ballot(ballot: &SentBallot) -> String {
    // Serializing plain data into a Vec cannot fail.
    let bytes = postcard::to_allocvec(ballot).unwrap_or_default();
    format!("b{BALLOT_VERSION}.{}", share::pack(&bytes))
}

/// The ballot a pasted line holds, judged as hostile input.
pub fn decode_ballot(text: &str) -> Result<SentBallot, BallotError> {
    let payload = ballot_payload_in(text);
    if payload.len() > MAX_BALLOT_CHARS {
        return Err(BallotError::Damaged("it is far longer than any ballot"));
    }
    if payload.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(BallotError::ScenarioLink);
    }
    let rest = payload
        .strip_prefix('b')
        .ok_or(BallotError::Damaged("a ballot starts with “b1.”"))?;
    let (version, body) = rest
        .split_once('.')
        .ok_or(BallotError::Damaged("it has no format version"))?;
    let damaged = |e: LinkError| match e {
        LinkError::Damaged(why) => BallotError::Damaged(why),
        _ => BallotError::Invalid,
    };
    let version = share::parse_version(version).map_err(damaged)?;
    if version > BALLOT_VERSION {
        return Err(BallotError::NewerVersion(version));
    }
    let bytes = share::unpack(body).map_err(damaged)?;
    let ballot: SentBallot = postcard::from_bytes(&bytes)
        .map_err(|_| BallotError::Damaged("its contents do not parse"))?;
    if ballot.is_valid() {
        Ok(ballot)
    } else {
        Err(BallotError::Invalid)
    }
}

/// What became of one pasted ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Counted; the voter had no ballot in this vote before.
    Added,
    /// Counted in place of the voter's earlier ballot.
    Replaced,
    /// Not counted; the message says why.
    Refused,
}

/// One pasted line's outcome, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotReport {
    /// 1-based, counting every line pasted, blank ones included.
    pub line: usize,
    /// The voter, when the ballot could be read.
    pub voter: Option<String>,
    pub outcome: Outcome,
    /// "Line 3: Ana's ballot is in."
    pub message: String,
}

/// One line over a paste: "4 ballots added, 1 replaced an earlier ballot,
/// 2 refused."
pub fn summarise(reports: &[BallotReport]) -> String {
    let n = |o: Outcome| reports.iter().filter(|r| r.outcome == o).count();
    let (added, replaced, refused) = (n(Outcome::Added), n(Outcome::Replaced), n(Outcome::Refused));
    if reports.is_empty() {
        return "Paste at least one ballot first.".to_string();
    }
    let ballots = |k: usize| format!("{k} {}", if k == 1 { "ballot" } else { "ballots" });
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("{} added", ballots(added)));
    }
    if replaced > 0 {
        let what = if replaced == 1 {
            "an earlier ballot"
        } else {
            "earlier ballots"
        };
        parts.push(format!("{} replaced {what}", ballots(replaced)));
    }
    if refused > 0 {
        parts.push(format!("{} refused", ballots(refused)));
    }
    format!("{}.", parts.join(", "))
}

impl Workshop {
    /// The ballot link payload `voter` sends from their device for the vote
    /// on `subject`.
    pub fn ballot_link(&self, subject: Subject, voter: &str) -> Result<String, String> {
        let identity = self.identity.clone().ok_or(
            "This workshop has not been started, so there is nowhere to send a ballot. Open the facilitator's link again.",
        )?;
        let ballot = self
            .ballot(voter)
            .ok_or_else(|| format!("{} is not among the voters.", voter.trim()))?;
        let placed = ballot.dots_for(subject);
        if placed.is_empty() {
            return Err("Place at least one dot before sending your ballot.".to_string());
        }
        let mut dots: Vec<Dots> = Vec::new();
        for &goal in placed {
            match dots.iter_mut().find(|d| d.goal == goal) {
                Some(d) => d.count += 1,
                None => dots.push(Dots { goal, count: 1 }),
            }
        }
        Ok(encode_ballot(&SentBallot {
            workshop: identity,
            subject,
            voter: ballot.voter.clone(),
            dots,
        }))
    }

    /// Merges pasted ballots, one per line (blank lines skipped), each with
    /// its outcome in words. A later line from the same voter replaces an
    /// earlier one, and says so.
    pub fn merge_ballots(&mut self, goals: &Goals, text: &str) -> Vec<BallotReport> {
        let mut reports = Vec::new();
        let mut earlier: Vec<(String, Subject, usize)> = Vec::new();
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        for (read, (i, line)) in lines.enumerate() {
            let n = i + 1;
            if read == MAX_BALLOT_LINES {
                reports.push(BallotReport {
                    line: n,
                    voter: None,
                    outcome: Outcome::Refused,
                    message: format!(
                        "Line {n} and those after it were not read: paste at most {MAX_BALLOT_LINES} ballots at once."
                    ),
                });
                break;
            }
            let report = match decode_ballot(line) {
                Err(e) => BallotReport {
                    line: n,
                    voter: None,
                    outcome: Outcome::Refused,
                    message: format!("Line {n}: {}", e.message()),
                },
                Ok(sent) => {
                    let (outcome, message) = self.take_ballot(goals, &sent, &earlier);
                    if outcome != Outcome::Refused {
                        earlier.push((sent.voter.clone(), sent.subject, n));
                    }
                    BallotReport {
                        line: n,
                        voter: Some(sent.voter),
                        outcome,
                        message: format!("Line {n}: {message}"),
                    }
                }
            };
            reports.push(report);
        }
        reports
    }

    /// Counts one decoded ballot, or says why not.
    fn take_ballot(
        &mut self,
        goals: &Goals,
        sent: &SentBallot,
        earlier: &[(String, Subject, usize)],
    ) -> (Outcome, String) {
        let refuse = |why: String| (Outcome::Refused, why);
        let voter = sent.voter.as_str();
        let subject = sent.subject;
        let Some(identity) = &self.identity else {
            return refuse(format!("{voter}'s ballot was not counted: this workshop has not been started, so it takes no ballots yet. Start it, then send participants its link."));
        };
        if identity.id != sent.workshop.id {
            return refuse(format!(
                "{voter}'s ballot is for another workshop, {}; this one is {}.",
                sent.workshop.describe(),
                identity.describe()
            ));
        }
        if !self.state(subject).is_open() {
            return refuse(format!(
                "{voter}'s ballot came after the reveal of the vote on {}, so it was not counted. Re-open the vote to take it.",
                subject.name()
            ));
        }
        if let Some(why) = self.refuse_voter(voter) {
            return refuse(format!("{voter}'s ballot was not counted: {why}"));
        }
        let (mut gone, mut elsewhere) = (0, 0);
        let mut kept: Vec<Dots> = Vec::new();
        for d in &sent.dots {
            match goals.get(d.goal) {
                None => gone += d.count,
                Some(g) if Subject::of(g) != subject => elsewhere += d.count,
                Some(_) => kept.push(*d),
            }
        }
        let mut notes = Vec::new();
        if gone > 0 {
            notes.push(match gone {
                1 => "1 dot on a removed goal was dropped.".to_string(),
                n => format!("{n} dots on removed goals were dropped."),
            });
        }
        if elsewhere > 0 {
            let vote = subject.name();
            notes.push(match elsewhere {
                1 => format!("1 dot on a goal outside the vote on {vote} was dropped."),
                n => format!("{n} dots on goals outside the vote on {vote} were dropped."),
            });
        }
        let total: u32 = kept.iter().map(|d| d.count).sum();
        let ask = format!("Ask {voter} to change it and send it again.");
        if total == 0 {
            return refuse(if notes.is_empty() {
                format!("{voter}'s ballot holds no dots.")
            } else {
                format!(
                    "{voter}'s ballot was not counted: every dot was on goals removed since, or outside the vote on {}. Ask {voter} to vote again.",
                    subject.name()
                )
            });
        }
        if total > self.dots_each {
            return refuse(format!(
                "{voter}'s ballot was not counted: it holds {}, and each person has {} here. {ask}",
                dots(total),
                dots(self.dots_each)
            ));
        }
        let title = |g: GoalId| goals.get(g).map_or(String::new(), |g| g.title.clone());
        let limit = self.per_goal_limit();
        if let Some(d) = kept.iter().find(|d| d.count > limit) {
            return refuse(format!(
                "{voter}'s ballot was not counted: it puts {} on “{}”, and at most {} may go on one {} here. {ask}",
                dots(d.count),
                title(d.goal),
                dots(limit),
                subject.one()
            ));
        }
        if let Some(d) = kept.iter().find(|d| self.owns(voter, d.goal)) {
            return refuse(format!(
                "{voter}'s ballot was not counted: {voter} proposed “{}”, and in this workshop nobody votes for a goal they proposed. {ask}",
                title(d.goal)
            ));
        }
        let placed: Vec<GoalId> = kept
            .iter()
            .flat_map(|d| std::iter::repeat_n(d.goal, d.count as usize))
            .collect();
        let full = self.ballots.len() >= MAX_PARTICIPANTS;
        let (outcome, name, joined) = match self.ballot_mut(voter) {
            Some(b) => {
                let had = !b.dots_for(subject).is_empty();
                *b.dots_for_mut(subject) = placed;
                let outcome = if had {
                    Outcome::Replaced
                } else {
                    Outcome::Added
                };
                (outcome, b.voter.clone(), false)
            }
            None if full => {
                return refuse(format!(
                    "{voter}'s ballot was not counted: a workshop counts at most {MAX_PARTICIPANTS} voters."
                ));
            }
            None => {
                let mut b = Ballot {
                    voter: voter.to_string(),
                    ..Ballot::default()
                };
                *b.dots_for_mut(subject) = placed;
                self.ballots.push(b);
                (Outcome::Added, voter.to_string(), true)
            }
        };
        let mut message = match outcome {
            Outcome::Replaced => {
                let line = earlier
                    .iter()
                    .rev()
                    .find(|(v, s, _)| *s == subject && super::same_person(v, voter));
                match line {
                    Some((_, _, l)) => format!("{name}'s ballot replaces the one on line {l}."),
                    None => format!("{name}'s ballot replaces their earlier one."),
                }
            }
            _ if joined => format!("{name}'s ballot is in; {name} joins the voters."),
            _ => format!("{name}'s ballot is in."),
        };
        for note in notes {
            message.push(' ');
            message.push_str(&note);
        }
        (outcome, message)
    }
}
