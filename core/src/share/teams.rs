//! Teams in links: a whole set of teams as one link, and adding teams from
//! many pasted links at once.
//!
//! A teams link payload is `t<version>.<body>`: the same body as a scenario
//! link (raw DEFLATE against the preset dictionary, a CRC-32, base64url),
//! holding the postcard serialization of each team's name and scenario (as
//! [`for_link`] trims it). The version is the scenario link version whose
//! scenario shape it carries, so `t3.` holds version-3 scenarios; the `t`
//! keeps a teams link from ever being read as a scenario link or the other
//! way round. It travels after `?s=` as a scenario link does, so
//! [`payload_in`] finds either. A set whose link would pass
//! [`LONG_LINK_CHARS`] is not offered as a link: [`encode`] says why, so the
//! screen can offer the teams file instead.
//!
//! [`add_links`] reads one link per line, as the workshop's merge does:
//! each line gets its own outcome in words, and a damaged or refused line
//! never stops the others.

use serde::{Deserialize, Serialize};

use super::{
    for_link, pack, parse_version, payload_in, split, unpack, LinkError, LONG_LINK_CHARS, VERSION,
};
use crate::model::teams::{count_teams, Added, Source, Team, Teams};
use crate::model::units::format_count;
use crate::model::Scenario;

/// What starts a teams link's version.
pub const PREFIX: char = 't';
/// The first link version that has teams links: scenario links 1 and 2
/// shipped without them.
pub const FIRST_VERSION: u32 = 3;

/// A team as its link carries it.
#[derive(Serialize, Deserialize)]
struct LinkTeam {
    name: String,
    scenario: Scenario,
}

/// Why a set of teams is not offered as a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamsLinkError {
    /// There is no team to share.
    Empty,
    /// The link would pass [`LONG_LINK_CHARS`].
    TooLong { chars: usize, teams: usize },
}

impl TeamsLinkError {
    /// The reason, in words, with what to do instead.
    pub fn message(&self) -> String {
        match self {
            TeamsLinkError::Empty => "Add a team first: there is nothing to share.".to_string(),
            TeamsLinkError::TooLong { chars, teams } => format!(
                "A link to these {} would be {} characters long, and links over {} characters \
                 break in chat and e-mail tools. Export the teams as a file instead.",
                count_teams(*teams),
                format_count(*chars as u64),
                format_count(LONG_LINK_CHARS as u64)
            ),
        }
    }
}

/// The payload for every team in the set, whatever its length.
pub fn encode_any(teams: &Teams) -> String {
    let list: Vec<LinkTeam> = teams
        .teams()
        .iter()
        .map(|t| LinkTeam {
            name: t.name.clone(),
            scenario: for_link(&t.scenario),
        })
        .collect();
    // Serializing plain data into a Vec cannot fail.
    let bytes = postcard::to_allocvec(&list).unwrap_or_default();
    format!("{PREFIX}{VERSION}.{}", pack(&bytes))
}

/// The whole link to the set, `base` (the page's address and route up to
/// and including `?s=`) followed by the payload, when it travels: not for
/// an empty set, nor when the link would pass [`LONG_LINK_CHARS`]
/// characters.
pub fn encode(teams: &Teams, base: &str) -> Result<String, TeamsLinkError> {
    if teams.is_empty() {
        return Err(TeamsLinkError::Empty);
    }
    let link = format!("{base}{}", encode_any(teams));
    let chars = link.chars().count();
    if chars > LONG_LINK_CHARS {
        return Err(TeamsLinkError::TooLong {
            chars,
            teams: teams.len(),
        });
    }
    Ok(link)
}

/// The set of teams a teams payload holds, each with [`Source::Link`].
/// Hostile text is treated as scenario links' is (length cap, strict
/// base64url, checksum, inflation cap); a set breaking a rule of
/// [`Teams::from_teams`] is [`LinkError::Invalid`].
pub fn decode(text: &str) -> Result<Teams, LinkError> {
    let (version, body) = split(text)?;
    let Some(digits) = version.strip_prefix(PREFIX) else {
        return match parse_version(version) {
            Ok(_) => Err(LinkError::ScenarioLink),
            Err(e) => Err(e),
        };
    };
    let version = parse_version(digits)?;
    if version > VERSION {
        return Err(LinkError::NewerVersion(version));
    }
    if version < FIRST_VERSION {
        return Err(LinkError::Damaged(
            "its format version is not one Flywheel ever wrote",
        ));
    }
    let bytes = unpack(body)?;
    // Every version so far is today's shape; a later scenario version adds
    // a branch here through the frozen shapes, as `share::decode` does.
    let list: Vec<LinkTeam> = postcard::from_bytes(&bytes)
        .map_err(|_| LinkError::Damaged("its contents do not parse"))?;
    if list.is_empty() {
        return Err(LinkError::Invalid);
    }
    let teams = list
        .into_iter()
        .map(|t| Team {
            id: 0,
            name: t.name,
            source: Source::Link,
            scenario: t.scenario,
        })
        .collect();
    Teams::from_teams(teams).map_err(|_| LinkError::Invalid)
}

/// What one pasted line did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOutcome {
    /// The line's number among the non-blank lines, from 1.
    pub line: usize,
    /// "Link 3", or "Link 3, team “Payments”" for a team of a teams link.
    pub label: String,
    /// What adding did, or the link's own words when it could not be read.
    pub result: Result<Added, String>,
}

impl LineOutcome {
    /// "Link 3: added as “Payments”." or "Link 2: This link is damaged …".
    pub fn words(&self) -> String {
        match &self.result {
            Ok(added) => format!("{}: {}", self.label, added.words()),
            Err(why) => format!("{}: {why}", self.label),
        }
    }
}

/// Adds the team in each non-blank line of `text` (a whole link, its
/// fragment or the payload alone). A scenario link adds one team; a teams
/// link adds each of its teams, each with its own outcome. Returns nothing
/// for blank text.
pub fn add_links(teams: &mut Teams, text: &str) -> Vec<LineOutcome> {
    let mut out = Vec::new();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        let n = i + 1;
        let label = format!("Link {n}");
        let payload = payload_in(line);
        let opened = if payload.starts_with(PREFIX) {
            decode(payload).map(|set| set.teams().to_vec())
        } else {
            super::decode(payload).map(|s| {
                vec![Team {
                    id: 0,
                    name: s.team.clone(),
                    source: Source::Link,
                    scenario: s,
                }]
            })
        };
        match opened {
            Err(e) => out.push(LineOutcome {
                line: n,
                label,
                result: Err(e.message()),
            }),
            Ok(list) => {
                let whole_set = payload.starts_with(PREFIX);
                for team in list {
                    let label = if whole_set {
                        format!("{label}, team “{}”", team.name)
                    } else {
                        label.clone()
                    };
                    out.push(LineOutcome {
                        line: n,
                        label,
                        result: Ok(teams.add_named(&team.name, team.scenario, Source::Link)),
                    });
                }
            }
        }
    }
    out
}
