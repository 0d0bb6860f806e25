//! The only module that touches `localStorage`. The working scenario is kept
//! under one key in a versioned envelope, so later releases can migrate what
//! earlier ones saved instead of discarding it. What is decided about the
//! stored text (the envelope, its version, migrations, limits) lives in
//! `model::saved` and `model::library`; this module moves the text in and
//! out of storage. Numbers are stored as JSON text: what a user typed comes
//! back exactly; a derived value may come back within one ULP (see
//! `serde_json` in Cargo.toml).
//!
//! Saved work that cannot be opened is never overwritten: unreadable or
//! out-of-range text is copied aside under a key of its own
//! ([`ASIDE_PREFIX`]) before anything is saved, and a newer version's text
//! stays where it is while this version saves nothing over it.
//!
//! Reading saved text back (serde's decoding of a scenario and the JSON
//! parser, a fifth of the app's code) loads as its own chunk, `saved`, the
//! first time saved work, the library, a set of teams or a file is read:
//! a first visit never needs it. So every read that decodes is `async`;
//! the text is read from storage and decoded in one step once the chunk
//! is there, so a read-change-write of the library cannot interleave with
//! another.

use crate::model::library::{self, Library, Refused};
use crate::model::saved::{self, Source};
use crate::model::teams::file::FileError;
use crate::model::teams::Teams;
use crate::model::Scenario;

pub use crate::model::library::{Entry, MAX_ENTRIES};

/// The key the working scenario lives under.
pub const WORKING_KEY: &str = "flywheel.working";

/// The keys saved work is set aside under: this prefix and a number.
pub const ASIDE_PREFIX: &str = "flywheel.aside.";

/// The envelope's current format version.
pub const STORAGE_VERSION: u32 = saved::VERSION;

/// Most pieces of saved work kept aside at once: each visit that finds
/// unreadable work sets aside at most one.
const MAX_ASIDE: usize = 20;

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser does not allow saving (local storage is off).".to_string())
}

/// What to say when the chunk that reads saved work could not be fetched.
pub const UNAVAILABLE: &str = "Saved work could not be read: part of Flywheel could not be loaded. Check the connection and reload the page; nothing was changed.";

split_fn!(fn decode_text(text: String) -> saved::Loaded as saved {
    saved::decode(&text)
});

split_fn!(fn read_library() -> Result<Library, LibraryError> as saved {
    library_now()
});

split_fn!(fn decode_teams_text(text: String) -> Result<Teams, FileError> as saved {
    crate::model::teams::file::from_file(&text)
});

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

/// The working scenario's text as saved, not yet read.
fn working_text() -> Option<String> {
    local_storage().ok()?.get_item(WORKING_KEY).ok()?
}

/// Whether this browser holds saved work to read at start-up: a working
/// scenario, or work an earlier visit kept aside. Decodes nothing, so a
/// first visit starts without fetching the reader.
pub fn holds_work() -> bool {
    working_text().is_some() || !aside().is_empty()
}

/// Parses saved text, the working scenario's or a scenario file's (see
/// `model::saved::decode`); `Err` with [`UNAVAILABLE`] when the reader's
/// chunk could not be fetched.
pub async fn decode(text: String) -> Result<saved::Loaded, String> {
    decode_text(text).await.map_err(|_| UNAVAILABLE.to_string())
}

/// Parses a teams file's text, a file chosen or the set kept in this
/// browser (see `model::teams::file::from_file`); `Err` with
/// [`UNAVAILABLE`] when the reader's chunk could not be fetched.
pub async fn decode_teams(text: String) -> Result<Result<Teams, FileError>, String> {
    decode_teams_text(text)
        .await
        .map_err(|_| UNAVAILABLE.to_string())
}

/// Reads the working scenario: `None` when nothing is saved, else what
/// `model::saved` made of it (the text itself kept in a refusal).
pub async fn load_working() -> Result<Option<saved::Loaded>, String> {
    match working_text() {
        None => Ok(None),
        Some(text) => decode(text).await.map(Some),
    }
}

/// Reads the working scenario, a refusal in words.
pub async fn load() -> Loaded {
    match load_working().await {
        Ok(None) => Loaded::Nothing,
        Ok(Some(saved::Loaded::Scenario(s))) => Loaded::Scenario(s),
        Ok(Some(other)) => Loaded::Unreadable(other.message(Source::SavedWork).unwrap_or_default()),
        Err(why) => Loaded::Unreadable(why),
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

/// The keys and texts of saved work kept aside, oldest first.
pub fn aside() -> Vec<(String, String)> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let mut found: Vec<(u32, String, String)> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let n = key.strip_prefix(ASIDE_PREFIX)?.parse().ok()?;
            let text = storage.get_item(&key).ok()??;
            Some((n, key, text))
        })
        .collect();
    found.sort_by_key(|(n, _, _)| *n);
    found
        .into_iter()
        .map(|(_, key, text)| (key, text))
        .collect()
}

/// Copies `text` aside under a key of its own and returns the key; text
/// already kept aside is not copied twice. Fails when storage refuses, and
/// then nothing may be saved over the original.
pub fn set_aside(text: &str) -> Result<String, String> {
    let storage = local_storage()?;
    let kept = aside();
    if let Some((key, _)) = kept.iter().find(|(_, t)| t == text) {
        return Ok(key.clone());
    }
    if kept.len() >= MAX_ASIDE {
        return Err(format!(
            "{MAX_ASIDE} pieces of saved work are already kept aside: download or discard some."
        ));
    }
    let key = (1..)
        .map(|n: u32| format!("{ASIDE_PREFIX}{n}"))
        .find(|k| !kept.iter().any(|(taken, _)| taken == k))
        .unwrap_or_default();
    storage.set_item(&key, text).map_err(|_| {
        "Your browser refused to keep the saved work aside (its storage may be full)."
    })?;
    Ok(key)
}

/// Deletes what `key` holds, at the user's word.
pub fn discard(key: &str) -> Result<(), String> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| "Your browser refused to delete it.".to_string())
}

/// The key the set of teams (the Teams screen's) lives under.
pub const TEAMS_KEY: &str = "flywheel.teams";

/// Reads the set of teams kept in this browser: `Ok(None)` when none is
/// kept, else what `model::teams::file` made of it (the kept text stays
/// in place either way); `Err` with [`UNAVAILABLE`] when the reader's
/// chunk could not be fetched.
pub async fn load_teams() -> Result<Option<Result<Teams, FileError>>, String> {
    let kept = local_storage()
        .ok()
        .and_then(|s| s.get_item(TEAMS_KEY).ok().flatten());
    match kept {
        None => Ok(None),
        Some(text) => decode_teams(text).await.map(Some),
    }
}

/// Keeps the set of teams, unless it is empty and none was kept before. A
/// browser that refuses (storage off or full) keeps what it held, and the
/// error says so in words.
pub fn save_teams(teams: &Teams) -> Result<(), String> {
    let storage = local_storage()?;
    if teams.is_empty() && !matches!(storage.get_item(TEAMS_KEY), Ok(Some(_))) {
        return Ok(());
    }
    storage
        .set_item(TEAMS_KEY, &crate::model::teams::file::to_file(teams))
        .map_err(|_| {
            "Your browser refused to keep the set of teams (its storage may be full). The \
             teams stay on this page until you reload; export them to keep them."
                .to_string()
        })
}

/// The key the library of named scenarios lives under.
pub const LIBRARY_KEY: &str = "flywheel.library";

/// Reads the whole library, entries that cannot be opened included; a
/// library this version cannot read is refused with its text, never
/// overwritten. `Ok` of an empty library when nothing is saved.
pub async fn library() -> Result<Library, LibraryError> {
    // Nothing to decode, nothing to fetch: most visits have no library.
    let storage = local_storage().map_err(LibraryError::Storage)?;
    if !matches!(storage.get_item(LIBRARY_KEY), Ok(Some(_))) {
        return Ok(Library::default());
    }
    read_library()
        .await
        .unwrap_or(Err(LibraryError::Unavailable))
}

/// [`library`], once the reader is loaded.
fn library_now() -> Result<Library, LibraryError> {
    let storage = local_storage().map_err(LibraryError::Storage)?;
    let Ok(Some(text)) = storage.get_item(LIBRARY_KEY) else {
        return Ok(Library::default());
    };
    library::decode(&text).map_err(LibraryError::Refused)
}

/// Why the library could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryError {
    /// Storage is off.
    Storage(String),
    /// The stored library was refused (see [`library::decode`]).
    Refused(Refused),
    /// The chunk that reads it could not be fetched.
    Unavailable,
}

impl LibraryError {
    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            LibraryError::Storage(why) => why.clone(),
            LibraryError::Refused(r) => r.message(),
            LibraryError::Unavailable => UNAVAILABLE.to_string(),
        }
    }
}

/// Reads the library's entries that can be opened (what another screen
/// offers to pick from); an unreadable library is reported in words.
pub async fn load_library() -> Result<Vec<Entry>, String> {
    library()
        .await
        .map(|lib| {
            lib.0
                .into_iter()
                .filter(|e| e.problem().is_none())
                .collect()
        })
        .map_err(|e| e.message())
}

/// Writes the library.
pub fn save_library(library: &Library) -> Result<(), String> {
    let storage = local_storage()?;
    storage
        .set_item(LIBRARY_KEY, &library::encode(library))
        .map_err(|_| {
            "Your browser refused to save the library (its storage may be full).".to_string()
        })
}

/// Reads the library, applies `change` and writes it back: the one way the
/// library is edited, so a library that cannot be read is never replaced.
/// Nothing runs between the read and the write: the reader's chunk loads
/// first, then the text is read, changed and written in one go.
pub async fn change_library<T>(
    change: impl FnOnce(&mut Library) -> Result<T, String>,
) -> Result<(Library, T), String> {
    let mut lib = library().await.map_err(|e| e.message())?;
    let done = change(&mut lib)?;
    save_library(&lib)?;
    Ok((lib, done))
}

/// Deletes the stored library, at the user's word (after it was refused).
pub fn discard_library() -> Result<(), String> {
    discard(LIBRARY_KEY)
}
