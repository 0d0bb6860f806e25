//! The only module that touches `localStorage`. The working scenario is kept
//! under one key in a versioned envelope, so later releases can migrate what
//! earlier ones saved instead of discarding it. What is decided about the
//! stored text (the envelope, its version, migrations, limits) lives in
//! `model::saved`; this module moves the text in and out of storage. Numbers
//! are stored as JSON text: what a user typed comes back exactly; a derived
//! value may come back within one ULP (see `serde_json` in Cargo.toml).

use serde::{Deserialize, Serialize};

use crate::model::saved::{self, Source};
use crate::model::Scenario;

/// The key the working scenario lives under.
pub const WORKING_KEY: &str = "flywheel.working";

/// The envelope's current format version.
pub const STORAGE_VERSION: u32 = saved::VERSION;

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser does not allow saving (local storage is off).".to_string())
}

/// What loading the working scenario found.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// A valid saved scenario.
    Scenario(Box<Scenario>),
    /// Something was saved but could not be used; it is left in place.
    Unreadable(String),
}

/// Reads the working scenario.
pub fn load() -> Loaded {
    let Ok(storage) = local_storage() else {
        return Loaded::Nothing;
    };
    let Ok(Some(text)) = storage.get_item(WORKING_KEY) else {
        return Loaded::Nothing;
    };
    decode(&text)
}

/// Parses a stored envelope (see `model::saved::decode`): newer versions,
/// unreadable text and invalid values are refused with the words to show.
pub fn decode(text: &str) -> Loaded {
    match saved::decode(text) {
        saved::Loaded::Scenario(s) => Loaded::Scenario(s),
        other => Loaded::Unreadable(other.message(Source::SavedWork).unwrap_or_default()),
    }
}

/// The scenario as a file to keep or move to another machine: the same
/// versioned envelope as the saved work, so [`decode`] reads it back.
pub fn to_file(scenario: &Scenario) -> String {
    saved::encode_pretty(scenario)
}

/// Writes the working scenario; the error says why it could not be saved
/// (storage off, or the quota is full).
pub fn save(scenario: &Scenario) -> Result<(), String> {
    let storage = local_storage()?;
    let text = saved::encode(scenario);
    storage.set_item(WORKING_KEY, &text).map_err(|_| {
        "Your browser refused to save (its storage may be full). Your changes are kept on this \
         page until you reload."
            .to_string()
    })
}

/// The key the library of named scenarios lives under.
pub const LIBRARY_KEY: &str = "flywheel.library";

/// A named scenario kept in the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    /// When it was last saved, as the browser's local date and time
    /// ("2026-11-22 14:05").
    pub saved: String,
    pub scenario: Scenario,
}

#[derive(Serialize, Deserialize)]
struct LibraryEnvelope {
    version: u32,
    entries: Vec<Entry>,
}

/// Most scenarios the library keeps.
pub const MAX_ENTRIES: usize = 100;

/// Reads the library; an unreadable one is reported, never overwritten
/// silently (saving refuses until the user clears it).
pub fn load_library() -> Result<Vec<Entry>, String> {
    let storage = local_storage()?;
    let Ok(Some(text)) = storage.get_item(LIBRARY_KEY) else {
        return Ok(Vec::new());
    };
    match serde_json::from_str::<LibraryEnvelope>(&text) {
        Ok(env) if env.version > STORAGE_VERSION => Err(
            "The library was saved by a newer version of Flywheel; reload to get it.".to_string(),
        ),
        Ok(env) => {
            let version = env.version;
            Ok(env
                .entries
                .into_iter()
                .map(|mut e| {
                    saved::upgrade(version, &mut e.scenario);
                    e
                })
                .filter(|e| e.scenario.is_valid())
                .collect())
        }
        Err(_) => Err("The library could not be read; it was left untouched.".to_string()),
    }
}

/// Writes the library.
pub fn save_library(entries: &[Entry]) -> Result<(), String> {
    let storage = local_storage()?;
    let text = serde_json::to_string(&LibraryEnvelope {
        version: STORAGE_VERSION,
        entries: entries.to_vec(),
    })
    .map_err(|e| format!("Could not prepare the library for saving: {e}"))?;
    storage.set_item(LIBRARY_KEY, &text).map_err(|_| {
        "Your browser refused to save the library (its storage may be full).".to_string()
    })
}
