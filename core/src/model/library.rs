//! The library of named scenarios a browser keeps beside the working one:
//! its versioned envelope, its entries and the rules of saving, duplicating,
//! renaming and deleting them. The app's storage module only moves the text
//! in and out of `localStorage`.
//!
//! Like [`crate::model::saved`], nothing is lost: a library written by a
//! newer version, or one that cannot be read, is refused with its text kept
//! (the app offers it as a download and never saves over it), and an entry
//! whose scenario is out of range stays in the list, marked as one that
//! cannot be opened, until the user deletes it.

use serde::{Deserialize, Serialize};

use crate::model::names::free_name;
use crate::model::saved::{self, VERSION};
use crate::model::{validate, Scenario};

/// Most scenarios the library keeps.
pub const MAX_ENTRIES: usize = 100;

/// Longest name of a saved scenario: a team name's length.
pub const MAX_NAME_CHARS: usize = Scenario::MAX_TEAM_CHARS;

/// A named scenario kept in the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    /// When it was last saved, as the browser's local date and time
    /// ("2026-11-22 14:05").
    pub saved: String,
    pub scenario: Scenario,
}

impl Entry {
    /// Why the entry's scenario cannot be opened (a value out of range),
    /// or `None` when it can.
    pub fn problem(&self) -> Option<String> {
        saved::problem(&self.scenario)
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u32,
    entries: &'a [Entry],
}

#[derive(Deserialize)]
struct Header {
    version: u32,
}

#[derive(Deserialize)]
struct Envelope {
    entries: Vec<Entry>,
}

/// The saved scenarios, in the order the user sees them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library(pub Vec<Entry>);

/// Why a stored library was not read; each keeps the text it was given.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Written by a newer version of Flywheel, in envelope `version`.
    Newer { version: u32, raw: String },
    /// Not a library envelope.
    Unreadable { raw: String },
}

impl Refused {
    /// The text refused, to offer as a download.
    pub fn raw(&self) -> &str {
        match self {
            Refused::Newer { raw, .. } | Refused::Unreadable { raw } => raw,
        }
    }

    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            Refused::Newer { version, .. } => format!(
                "The saved scenarios were written by a newer version of Flywheel (format {version}; this version reads up to {VERSION}). Reload the page to get the newest version; this version will not save over them."
            ),
            Refused::Unreadable { .. } => "The saved scenarios could not be read. They are kept, unchanged, and nothing will be saved over them until you download or discard them.".to_string(),
        }
    }
}

/// Reads a stored library: the version first, so a newer one is never
/// misread, then the entries, each brought to today's format.
pub fn decode(text: &str) -> Result<Library, Refused> {
    let unreadable = || Refused::Unreadable {
        raw: text.to_string(),
    };
    let header = serde_json::from_str::<Header>(text).map_err(|_| unreadable())?;
    if header.version > VERSION {
        return Err(Refused::Newer {
            version: header.version,
            raw: text.to_string(),
        });
    }
    if header.version == 0 {
        return Err(unreadable());
    }
    let envelope = serde_json::from_str::<Envelope>(text).map_err(|_| unreadable())?;
    let mut entries = envelope.entries;
    for e in &mut entries {
        saved::upgrade(header.version, &mut e.scenario);
    }
    Ok(Library(entries))
}

/// The stored text of a library: the current envelope, compact.
pub fn encode(library: &Library) -> String {
    serde_json::to_string(&EnvelopeOut {
        version: VERSION,
        entries: &library.0,
    })
    .unwrap_or_default()
}

/// The model's rule for a saved scenario's name: one line, not blank, at
/// most [`MAX_NAME_CHARS`].
pub fn parse_name(text: &str) -> Result<String, String> {
    validate::parse_name(text, MAX_NAME_CHARS)
}

fn full() -> String {
    format!("The library keeps at most {MAX_ENTRIES} scenarios; delete one first.")
}

impl Library {
    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.0
    }

    /// Refuses a new entry when the library is full.
    pub fn room_for_one(&self) -> Result<(), String> {
        if self.0.len() >= MAX_ENTRIES {
            Err(full())
        } else {
            Ok(())
        }
    }

    fn taken(&self, name: &str) -> bool {
        self.0.iter().any(|e| e.name == name)
    }

    /// Saves `scenario` under `name` (the user's text, checked by
    /// [`parse_name`]), replacing an entry of the same name. Returns the
    /// name used.
    pub fn keep(&mut self, name: &str, saved: &str, scenario: Scenario) -> Result<String, String> {
        let name = parse_name(name)?;
        let entry = Entry {
            name: name.clone(),
            saved: saved.to_string(),
            scenario,
        };
        match self.0.iter().position(|e| e.name == name) {
            Some(i) => self.0[i] = entry,
            None => {
                self.room_for_one()?;
                self.0.push(entry);
            }
        }
        Ok(name)
    }

    /// Saves `scenario` as a new entry named after `base` ("Checkout
    /// (before opening a link)"), shortened or numbered until it is a free
    /// name. Returns the name used.
    pub fn keep_new(
        &mut self,
        base: &str,
        saved: &str,
        scenario: Scenario,
    ) -> Result<String, String> {
        self.room_for_one()?;
        let base = crate::model::limits::tidy(base, MAX_NAME_CHARS);
        let base = if base.is_empty() {
            "Scenario".to_string()
        } else {
            base
        };
        let name = free_name(&base, MAX_NAME_CHARS, MAX_ENTRIES + 1, |n| self.taken(n))
            .ok_or_else(full)?;
        self.0.push(Entry {
            name: name.clone(),
            saved: saved.to_string(),
            scenario,
        });
        Ok(name)
    }

    /// Copies entry `i` just after it, as "<name> copy" (numbered when that
    /// is taken). Returns the copy's name.
    pub fn duplicate(&mut self, i: usize, saved: &str) -> Result<String, String> {
        self.room_for_one()?;
        let original = self.0.get(i).cloned().ok_or("That scenario is gone.")?;
        let base = format!("{} copy", original.name);
        let name = free_name(&base, MAX_NAME_CHARS, MAX_ENTRIES + 1, |n| self.taken(n))
            .ok_or_else(full)?;
        self.0.insert(
            i + 1,
            Entry {
                name: name.clone(),
                saved: saved.to_string(),
                ..original
            },
        );
        Ok(name)
    }

    /// Renames entry `i` to `text`, which must be a valid name no other
    /// entry has. Returns the new name.
    pub fn rename(&mut self, i: usize, text: &str) -> Result<String, String> {
        let name = parse_name(text)?;
        let clash = self
            .0
            .iter()
            .enumerate()
            .any(|(j, e)| j != i && e.name == name);
        if clash {
            return Err("Choose a name no other saved scenario has.".to_string());
        }
        let entry = self.0.get_mut(i).ok_or("That scenario is gone.")?;
        entry.name = name.clone();
        Ok(name)
    }

    /// Deletes entry `i`, returning it.
    pub fn remove(&mut self, i: usize) -> Option<Entry> {
        (i < self.0.len()).then(|| self.0.remove(i))
    }

    /// Entry `i`'s scenario, if it can be opened (its values are in range).
    pub fn open(&self, i: usize) -> Result<Scenario, String> {
        let entry = self.0.get(i).ok_or("That scenario is gone.")?;
        match entry.problem() {
            None => Ok(entry.scenario.clone()),
            Some(why) => Err(format!("“{}” cannot be opened: {why}.", entry.name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: &str = "2026-11-22 14:05";

    fn scenario(team: &str) -> Scenario {
        Scenario {
            team: team.to_string(),
            ..Scenario::default()
        }
    }

    #[test]
    fn keeping_replaces_the_same_name_and_checks_it() {
        let mut lib = Library::default();
        assert_eq!(
            lib.keep(" Q3 plan ", AT, scenario("A")),
            Ok("Q3 plan".into())
        );
        assert_eq!(lib.keep("Q3 plan", AT, scenario("B")), Ok("Q3 plan".into()));
        assert_eq!(lib.0.len(), 1);
        assert_eq!(lib.0[0].scenario.team, "B");
        assert!(lib.keep("  ", AT, scenario("C")).is_err());
        assert!(lib
            .keep(&"x".repeat(MAX_NAME_CHARS + 1), AT, scenario("C"))
            .is_err());
        assert!(lib.keep("a\u{202E}b", AT, scenario("C")).is_err());
    }

    #[test]
    fn a_full_library_refuses_new_entries_but_replaces() {
        let mut lib = Library::default();
        for n in 0..MAX_ENTRIES {
            lib.keep(&format!("S{n}"), AT, scenario("A")).unwrap();
        }
        assert!(lib
            .keep("one more", AT, scenario("A"))
            .unwrap_err()
            .contains("at most 100"));
        assert!(lib.duplicate(0, AT).is_err());
        assert!(lib.keep_new("copy", AT, scenario("A")).is_err());
        assert!(lib.keep("S3", AT, scenario("B")).is_ok());
        assert_eq!(lib.0.len(), MAX_ENTRIES);
    }

    #[test]
    fn copies_take_free_names_within_the_limit() {
        let mut lib = Library::default();
        lib.keep("Q3 plan", AT, scenario("A")).unwrap();
        assert_eq!(lib.duplicate(0, AT), Ok("Q3 plan copy".into()));
        assert_eq!(lib.duplicate(0, AT), Ok("Q3 plan copy (2)".into()));
        assert_eq!(lib.0[1].name, "Q3 plan copy (2)");
        let long = "y".repeat(MAX_NAME_CHARS);
        lib.keep(&long, AT, scenario("A")).unwrap();
        let copy = lib.duplicate(3, AT).unwrap();
        assert_eq!(copy.chars().count(), MAX_NAME_CHARS);
        let kept = lib
            .keep_new(
                &format!("{long} (before opening a link)"),
                AT,
                scenario("B"),
            )
            .unwrap();
        assert!(kept.chars().count() <= MAX_NAME_CHARS);
        assert_ne!(kept, long);
        assert_eq!(lib.keep_new("\n", AT, scenario("B")), Ok("Scenario".into()));
    }

    #[test]
    fn renaming_refuses_clashes_and_bad_names() {
        let mut lib = Library::default();
        lib.keep("A", AT, scenario("A")).unwrap();
        lib.keep("B", AT, scenario("B")).unwrap();
        assert!(lib.rename(1, "A").is_err());
        assert!(lib.rename(1, "").is_err());
        assert_eq!(lib.rename(1, "B"), Ok("B".into()));
        assert_eq!(lib.rename(1, " C "), Ok("C".into()));
        assert!(lib.rename(5, "D").is_err());
        assert_eq!(lib.remove(0).map(|e| e.name), Some("A".into()));
        assert_eq!(lib.remove(5), None);
        assert_eq!(lib.0.len(), 1);
    }

    #[test]
    fn the_envelope_round_trips_and_refuses_what_it_cannot_read() {
        let mut lib = Library::default();
        lib.keep("Q3 plan", AT, scenario("Payments")).unwrap();
        let text = encode(&lib);
        assert_eq!(decode(&text), Ok(lib));
        let newer = text.replacen(&format!("\"version\":{VERSION}"), "\"version\":99", 1);
        let refused = decode(&newer).unwrap_err();
        assert!(matches!(refused, Refused::Newer { version: 99, .. }));
        assert_eq!(refused.raw(), newer);
        assert!(refused.message().contains("newer version"));
        for bad in [
            "{",
            "[]",
            "{\"version\":0,\"entries\":[]}",
            "{\"version\":1}",
        ] {
            let refused = decode(bad).unwrap_err();
            assert_eq!(refused, Refused::Unreadable { raw: bad.into() }, "{bad}");
        }
    }

    #[test]
    fn an_entry_out_of_range_is_kept_but_not_opened() {
        let mut lib = Library::default();
        lib.keep("Good", AT, scenario("A")).unwrap();
        let mut bad = scenario("B");
        bad.baseline.change_failure_rate = 140.0;
        lib.0.push(Entry {
            name: "Bad".into(),
            saved: AT.into(),
            scenario: bad,
        });
        let back = decode(&encode(&lib)).unwrap();
        assert_eq!(back.0.len(), 2);
        assert!(back.open(0).is_ok());
        let why = back.open(1).unwrap_err();
        assert!(why.contains("“Bad” cannot be opened"), "{why}");
        assert!(back.0[1].problem().is_some());
    }
}
