//! Teams: a set of up to [`MAX_TEAMS`] teams an engineering leader looks at
//! side by side, each a name and its own [`Scenario`], never blended into
//! one number (dora.dev's guide lists comparing teams by one blended figure
//! among the pitfalls of DORA metrics).
//!
//! This module owns the set: adding a team (refusing a duplicate, a full
//! set or invalid values, in words), renaming and removing one. The table's
//! rows and their sorting and filtering live in [`rows`] and [`table`], the
//! distribution across teams in [`spread`], the teams file in [`file`]; the
//! teams link and reading many pasted links at once live with the other
//! links in `share::teams`.
//!
//! Two teams are **duplicates** when their scenarios are equal as a link
//! carries them ([`same_scenario`]): every value entered is the same, the
//! scenario's own team name included, and only the raw import samples a
//! link leaves out are ignored, so a scenario added from the library and
//! again from its link is one team. The name a team has in the set is a
//! label and plays no part.

pub mod budget;
pub mod compare;
pub mod file;
pub mod goals;
pub mod rows;
pub mod spread;
pub mod table;

use serde::{Deserialize, Serialize};

use crate::model::validate;
use crate::model::Scenario;

/// Most teams one set holds: beyond this a table of teams stops being
/// readable side by side.
pub const MAX_TEAMS: usize = 50;
/// Longest team name, as for a scenario's team.
pub const MAX_NAME_CHARS: usize = Scenario::MAX_TEAM_CHARS;

/// A team's identifier within its set; never reused while the set lives.
/// Not saved: a set read from a file or a link numbers its teams afresh.
pub type TeamId = u32;

/// Where a team's scenario came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The working scenario, as it was when added.
    Working,
    /// A scenario saved in this browser, by the name it was saved under.
    Saved(String),
    /// A share link (of one scenario, or of a set of teams).
    Link,
    /// A scenario file, by its file name.
    File(String),
}

impl Source {
    /// Where the team came from, in words: "Saved scenario “Q3 plan”".
    pub fn words(&self) -> String {
        match self {
            Source::Working => "The working scenario".to_string(),
            Source::Saved(name) => format!("Saved scenario “{name}”"),
            Source::Link => "A share link".to_string(),
            Source::File(name) => format!("The file “{name}”"),
        }
    }
}

/// One team in the set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    #[serde(skip)]
    pub id: TeamId,
    /// The name the table shows; unique in the set, ignoring case.
    pub name: String,
    pub source: Source,
    pub scenario: Scenario,
}

/// What adding one scenario did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// Added under `name`; `taken` holds the name it asked for when another
    /// team already had it.
    Added {
        id: TeamId,
        name: String,
        taken: Option<String>,
    },
    /// Not added: the set already holds the same scenario.
    Duplicate { of: TeamId, name: String },
    /// Not added: the set holds [`MAX_TEAMS`] teams.
    Full,
    /// Not added: the scenario holds values Flywheel cannot use.
    Invalid,
}

impl Added {
    /// Whether a team was added.
    pub fn is_added(&self) -> bool {
        matches!(self, Added::Added { .. })
    }

    /// What happened, in words, to follow a label such as "Link 3: ".
    pub fn words(&self) -> String {
        match self {
            Added::Added {
                name, taken: None, ..
            } => format!("added as “{name}”."),
            Added::Added {
                name,
                taken: Some(asked),
                ..
            } => format!("added as “{name}”, since another team is already named “{asked}”."),
            Added::Duplicate { name, .. } => {
                format!("not added: it is the same scenario as “{name}”, already in the set.")
            }
            Added::Full => format!(
                "not added: a set holds at most {MAX_TEAMS} teams. Remove one to make room."
            ),
            Added::Invalid => "not added: it holds values Flywheel cannot use.".to_string(),
        }
    }
}

/// Whether two scenarios are the same team (the module's duplicate rule):
/// equal as a share link carries them.
pub fn same_scenario(a: &Scenario, b: &Scenario) -> bool {
    crate::share::for_link(a) == crate::share::for_link(b)
}

/// "1 team", "3 teams".
pub fn count_teams(n: usize) -> String {
    if n == 1 {
        "1 team".to_string()
    } else {
        format!("{n} teams")
    }
}

/// Team names compare without regard to case or surrounding spaces.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Up to `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The set of teams.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Teams {
    teams: Vec<Team>,
    next_id: TeamId,
}

impl Teams {
    /// An empty set.
    pub fn new() -> Teams {
        Teams::default()
    }

    /// The teams in the order they were added.
    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    /// How many teams the set holds.
    pub fn len(&self) -> usize {
        self.teams.len()
    }

    /// Whether the set holds no team.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }

    /// The team with id `id`.
    pub fn get(&self, id: TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The team already holding `scenario`, if any ([`same_scenario`]).
    pub fn duplicate_of(&self, scenario: &Scenario) -> Option<&Team> {
        let wanted = crate::share::for_link(scenario);
        self.teams
            .iter()
            .find(|t| crate::share::for_link(&t.scenario) == wanted)
    }

    /// A name no other team has: `base`, or `base (2)`, `base (3)`…,
    /// shortened to fit [`MAX_NAME_CHARS`]; "Team" when `base` is blank.
    fn free_name(&self, base: &str, except: Option<TeamId>) -> String {
        let base = match base.trim() {
            "" => "Team",
            b => b,
        };
        let taken = |name: &str| {
            self.teams
                .iter()
                .any(|t| Some(t.id) != except && name_key(&t.name) == name_key(name))
        };
        // More names are tried than there can be teams, so one is free.
        crate::model::names::free_name(base, MAX_NAME_CHARS, MAX_TEAMS + 1, taken)
            .unwrap_or_default()
    }

    /// Adds `scenario` as a team named after the scenario's team (see
    /// [`Teams::add_named`]).
    pub fn add(&mut self, scenario: Scenario, source: Source) -> Added {
        let name = scenario.team.clone();
        self.add_named(&name, scenario, source)
    }

    /// Adds `scenario` as a team called `name`, made unique in the set
    /// ("Payments (2)"). A duplicate ([`same_scenario`]) is refused before
    /// a full set, so the words name the team it repeats.
    pub fn add_named(&mut self, name: &str, scenario: Scenario, source: Source) -> Added {
        if !scenario.is_valid() {
            return Added::Invalid;
        }
        if let Some(t) = self.duplicate_of(&scenario) {
            return Added::Duplicate {
                of: t.id,
                name: t.name.clone(),
            };
        }
        if self.teams.len() >= MAX_TEAMS {
            return Added::Full;
        }
        let asked = first_chars(name.trim(), MAX_NAME_CHARS).to_string();
        let name = self.free_name(&asked, None);
        let taken = (name != asked).then_some(asked);
        self.next_id += 1;
        let id = self.next_id;
        self.teams.push(Team {
            id,
            name: name.clone(),
            source,
            scenario,
        });
        Added::Added { id, name, taken }
    }

    /// Removes a team, returning it.
    pub fn remove(&mut self, id: TeamId) -> Option<Team> {
        let i = self.teams.iter().position(|t| t.id == id)?;
        Some(self.teams.remove(i))
    }

    /// Renames a team; the name is trimmed and must be new to the set
    /// (ignoring case) and 1 to [`MAX_NAME_CHARS`] characters.
    pub fn rename(&mut self, id: TeamId, text: &str) -> Result<(), String> {
        let name = validate::parse_name(text, MAX_NAME_CHARS)?;
        if self
            .teams
            .iter()
            .any(|t| t.id != id && name_key(&t.name) == name_key(&name))
        {
            return Err(format!("Another team is already named “{name}”."));
        }
        let team = self
            .teams
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or_else(|| "That team is no longer in the set.".to_string())?;
        team.name = name;
        Ok(())
    }

    /// Pairs of teams holding the same scenario, each later team with the
    /// first one it repeats. Adding refuses duplicates, so only a hand-made
    /// file brings them in; they are flagged, never dropped silently.
    pub fn duplicates(&self) -> Vec<(TeamId, TeamId)> {
        let keys: Vec<Scenario> = self
            .teams
            .iter()
            .map(|t| crate::share::for_link(&t.scenario))
            .collect();
        (0..keys.len())
            .filter_map(|i| {
                let earlier = keys[..i].iter().position(|k| *k == keys[i])?;
                Some((self.teams[i].id, self.teams[earlier].id))
            })
            .collect()
    }

    /// A set from teams read back from a file or a link, numbered afresh;
    /// the words say which team breaks which rule (at most [`MAX_TEAMS`],
    /// names 1 to [`MAX_NAME_CHARS`] characters and unique ignoring case,
    /// every scenario valid).
    pub fn from_teams(teams: Vec<Team>) -> Result<Teams, String> {
        if teams.len() > MAX_TEAMS {
            return Err(format!(
                "it holds {} teams, and a set holds at most {MAX_TEAMS}",
                teams.len()
            ));
        }
        let mut set = Teams::new();
        for (i, mut team) in teams.into_iter().enumerate() {
            let n = i + 1;
            team.name = validate::parse_name(&team.name, MAX_NAME_CHARS).map_err(|_| {
                format!("team {n} has no name, or one over {MAX_NAME_CHARS} characters")
            })?;
            if set
                .teams
                .iter()
                .any(|t| name_key(&t.name) == name_key(&team.name))
            {
                return Err(format!("two teams are named “{}”", team.name));
            }
            if !team.scenario.is_valid() {
                return Err(format!(
                    "team {n} (“{}”) holds values Flywheel cannot use",
                    team.name
                ));
            }
            set.next_id += 1;
            team.id = set.next_id;
            set.teams.push(team);
        }
        Ok(set)
    }
}
