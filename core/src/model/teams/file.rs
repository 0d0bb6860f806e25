//! The teams file: one JSON file holding every team's name, source and
//! whole scenario, in a versioned envelope like the scenario file's
//! (`{"version": 1, "scenario": …}`), with a format name of its own so
//! neither file can be taken for the other:
//!
//! ```json
//! {"format": "flywheel-teams", "version": 1, "teams": [
//!   {"name": "Payments", "source": "Link", "scenario": {…}}
//! ]}
//! ```
//!
//! Each scenario is written as the saved scenario is (serde JSON, new
//! fields defaulted), so its shape follows the scenario file's version; a
//! change that needs the scenario file to migrate moves [`VERSION`] on too.
//! Reading is all or nothing: [`from_file`] returns a whole set or words
//! saying why not, never part of one.

use serde::{Deserialize, Serialize};

use super::{Team, Teams};

/// The format name that marks a teams file.
pub const FORMAT: &str = "flywheel-teams";
/// The envelope's current version.
pub const VERSION: u32 = 1;
/// Largest file read, in bytes: fifty teams with a full import's samples
/// each come to a few megabytes.
pub const MAX_FILE_BYTES: usize = 20_000_000;

/// Why a file could not be read as a set of teams.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not a teams file (another JSON file, or a scenario file when
    /// `scenario_file`).
    NotTeamsFile { scenario_file: bool },
    /// Written by a newer Flywheel.
    NewerVersion(u32),
    /// Not JSON, cut short, too large, or not shaped like a teams file.
    Unreadable(String),
    /// Well-formed, but holding values Flywheel cannot use.
    Invalid(String),
}

impl FileError {
    /// A message for the person who chose the file.
    pub fn message(&self) -> String {
        let keep = "Nothing was changed.";
        match self {
            FileError::NotTeamsFile {
                scenario_file: true,
            } => format!(
                "This is a scenario file, not a teams file: add it as a team instead. {keep}"
            ),
            FileError::NotTeamsFile {
                scenario_file: false,
            } => format!("This is not a Flywheel teams file. {keep}"),
            FileError::NewerVersion(v) => format!(
                "This teams file was written by a newer version of Flywheel (format {v}). Reload the page to get the latest version, then open it again. {keep}"
            ),
            FileError::Unreadable(why) => {
                format!("This teams file could not be read ({why}). {keep}")
            }
            FileError::Invalid(why) => format!(
                "This teams file holds values Flywheel cannot use ({why}), so it may have been altered. {keep}"
            ),
        }
    }
}

impl FileError {
    /// Why the set kept in this browser did not open, and that it is left
    /// in place: the Teams screen starts empty and overwrites it only once
    /// the set is changed.
    pub fn stored_message(&self) -> String {
        let why = match self {
            FileError::NewerVersion(v) => format!(
                "it was saved by a newer version of Flywheel (format {v}); reload the page to get the latest version"
            ),
            FileError::NotTeamsFile { .. } => "it is not a set of teams".to_string(),
            FileError::Unreadable(why) => format!("it could not be read ({why})"),
            FileError::Invalid(why) => {
                format!("it holds values Flywheel cannot use ({why})")
            }
        };
        format!(
            "The set of teams kept in this browser was not opened: {why}. It is left as it is until you add a team or import a set."
        )
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    teams: &'a [Team],
}

/// The fields that say what a JSON file is, read leniently so a file of
/// another kind is named as such rather than reported as broken.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    scenario: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct Body {
    teams: Vec<Team>,
}

/// The set as a teams file.
pub fn to_file(teams: &Teams) -> String {
    // Serializing plain data into a String cannot fail.
    serde_json::to_string_pretty(&Envelope {
        format: FORMAT,
        version: VERSION,
        teams: teams.teams(),
    })
    .unwrap_or_default()
}

/// The set a teams file holds, checked in the order a person would want
/// to hear about it: is it a file Flywheel reads at all, is it a teams
/// file, is it from a newer version, does it parse, are its values usable.
pub fn from_file(text: &str) -> Result<Teams, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::Unreadable(format!(
            "it is over {} MB, larger than any set of {} teams",
            MAX_FILE_BYTES / 1_000_000,
            super::MAX_TEAMS
        )));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            FileError::NotTeamsFile {
                scenario_file: false,
            }
        } else {
            FileError::Unreadable("it is not JSON text, or it was cut short".to_string())
        }
    })?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(FileError::NotTeamsFile {
            scenario_file: header.format.is_none()
                && header.version.is_some()
                && header.scenario.is_some(),
        });
    }
    let version = header
        .version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .filter(|&v| v >= 1)
        .ok_or_else(|| {
            FileError::Unreadable("it does not say which version of the format it is".to_string())
        })?;
    if version > u64::from(VERSION) {
        return Err(FileError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let body: Body = serde_json::from_str(text).map_err(|e| {
        FileError::Unreadable(format!(
            "its teams are not shaped as a teams file's are, at line {} column {}",
            e.line(),
            e.column()
        ))
    })?;
    Teams::from_teams(body.teams).map_err(FileError::Invalid)
}
