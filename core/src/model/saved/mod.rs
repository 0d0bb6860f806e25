//! Saved work: the versioned JSON envelope the working scenario is kept in
//! (and that scenario files hold), read and written without touching the
//! browser. The storage module in the app only moves text in and out of
//! `localStorage`; everything decided about that text is decided here.
//!
//! The contract: saved work is never lost and never overwritten by an older
//! version. [`decode`] returns the scenario, or says why not — written by a
//! newer version ([`Loaded::Newer`]), not readable as an envelope
//! ([`Loaded::Unreadable`]), or holding values out of range
//! ([`Loaded::Invalid`]) — and each refusal keeps the text it was given,
//! so the app can set it aside under its own key and offer it as a
//! download before it saves anything else.
//!
//! Envelope formats, oldest first (each keeps decoding):
//!
//! 1. `{"version": 1, "scenario": …}`, written until the model-wide limits
//!    ([`crate::model::limits`]). Its scenario grew field by field, each
//!    with a default, so every shape it had still reads: team, edition and
//!    baseline only; then goals, the simulation's plans, imported data
//!    (`measured`), the SLO, and the workshop. Decoding one applies
//!    [`repair::older`].
//! 2. The same shape, written by versions that keep to the limits.

pub mod repair;

use serde::{Deserialize, Serialize};

use crate::model::{limits, Scenario};

/// The envelope format this version writes.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u32,
    scenario: &'a Scenario,
}

#[derive(Deserialize)]
struct Envelope {
    scenario: Scenario,
}

#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// What decoding saved text found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// A scenario within every limit.
    Scenario(Box<Scenario>),
    /// Written by a newer version of Flywheel, in envelope `version`: this
    /// version must neither use nor overwrite it.
    Newer { version: u32, raw: String },
    /// Not a Flywheel envelope, or not JSON at all.
    Unreadable { reason: String, raw: String },
    /// A well-formed envelope holding values out of range.
    Invalid { reason: String, raw: String },
}

/// Where the text came from, for the words of a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    /// The working scenario this browser saved.
    SavedWork,
    /// A scenario file the user chose, by its name.
    File(&'a str),
}

impl Loaded {
    /// The text a refusal kept, to set aside and offer as a download.
    pub fn raw(&self) -> Option<&str> {
        match self {
            Loaded::Scenario(_) => None,
            Loaded::Newer { raw, .. }
            | Loaded::Unreadable { raw, .. }
            | Loaded::Invalid { raw, .. } => Some(raw),
        }
    }

    /// What to tell the user about a refusal (`None` for a scenario). For
    /// saved work, the app keeps the text aside and starts afresh; a file
    /// changes nothing at all, and the words say exactly that.
    pub fn message(&self, source: Source<'_>) -> Option<String> {
        let why = match self {
            Loaded::Scenario(_) => return None,
            Loaded::Newer { version, .. } => format!(
                "it was written by a newer version of Flywheel (format {version}; this version reads up to {VERSION}). Reload the page to get the newest version"
            ),
            Loaded::Unreadable { reason, .. } => format!("it could not be read: {reason}"),
            Loaded::Invalid { reason, .. } => {
                format!("it holds values this version cannot use: {reason}")
            }
        };
        Some(match (source, self) {
            (Source::SavedWork, Loaded::Newer { .. }) => format!(
                "Your saved work was not opened: {why}. It is kept exactly as it was, and this version will not save over it."
            ),
            (Source::SavedWork, _) => format!(
                "Your saved work was not opened: {why}. It is kept aside, unchanged, for you to download; Flywheel opened a new scenario."
            ),
            (Source::File(name), _) => {
                let name = limits::tidy(name, 80);
                format!("“{name}” was not opened: {why}. Nothing was changed.")
            }
        })
    }
}

/// The saved-work text of `scenario`: the current envelope, compact.
pub fn encode(scenario: &Scenario) -> String {
    serde_json::to_string(&EnvelopeOut {
        version: VERSION,
        scenario,
    })
    .unwrap_or_default()
}

/// The text of a scenario file: the same envelope, indented for people.
pub fn encode_pretty(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(&EnvelopeOut {
        version: VERSION,
        scenario,
    })
    .unwrap_or_default()
}

/// Reads saved text: the envelope's version first (so a newer one is never
/// misread), then the scenario, its migration from an older envelope, and
/// its limits.
pub fn decode(text: &str) -> Loaded {
    let raw = || text.to_string();
    let header = match serde_json::from_str::<Header>(text) {
        Ok(h) => h,
        Err(e) => {
            let reason = if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
                format!("it is not JSON (line {}, column {})", e.line(), e.column())
            } else {
                "it is not a Flywheel scenario: it has no format version".to_string()
            };
            return Loaded::Unreadable { reason, raw: raw() };
        }
    };
    if header.version > VERSION {
        return Loaded::Newer {
            version: header.version,
            raw: raw(),
        };
    }
    if header.version == 0 {
        return Loaded::Unreadable {
            reason: "it claims format 0, which no version of Flywheel wrote".to_string(),
            raw: raw(),
        };
    }
    let mut scenario = match serde_json::from_str::<Envelope>(text) {
        Ok(env) => env.scenario,
        Err(e) => {
            return Loaded::Unreadable {
                reason: format!(
                    "its scenario does not have the shape Flywheel writes ({})",
                    limits::tidy(&e.to_string(), 200)
                ),
                raw: raw(),
            }
        }
    };
    upgrade(header.version, &mut scenario);
    match problem(&scenario) {
        None => Loaded::Scenario(Box::new(scenario)),
        Some(reason) => Loaded::Invalid { reason, raw: raw() },
    }
}

/// Brings a scenario read from envelope `version` to today's: −0 becomes 0
/// always, and what format 1 accepted is repaired ([`repair::older`]).
pub fn upgrade(version: u32, scenario: &mut Scenario) {
    repair::zeros(scenario);
    if version < 2 {
        repair::older(scenario);
    }
}

/// Which part of a scenario is out of range, in words; `None` when it is
/// valid ([`Scenario::is_valid`] decides, this only names the part).
pub fn problem(s: &Scenario) -> Option<String> {
    if s.is_valid() {
        return None;
    }
    let goal = s.goals.0.iter().find(|g| !g.is_valid());
    Some(
        if !limits::name_ok(s.team.trim(), Scenario::MAX_TEAM_CHARS) {
            format!(
                "the team name must be one line of 1 to {} characters",
                Scenario::MAX_TEAM_CHARS
            )
        } else if !s.baseline.is_valid() {
            "a baseline figure is out of range".to_string()
        } else if let Some(g) = goal {
            format!(
                "the goal “{}” holds a date, number or text out of range",
                limits::tidy(&g.title, 60)
            )
        } else if !s.goals.is_valid() {
            "the goal chain repeats a goal or loops".to_string()
        } else if let Some(p) = s.simulation.problem() {
            format!("the simulation settings: {p}")
        } else if s.measured.as_ref().is_some_and(|m| !m.is_valid()) {
            "the summary of imported data is out of range".to_string()
        } else if !s.slo.is_valid() {
            "the error budget's settings or incidents are out of range".to_string()
        } else if !s.workshop.is_valid() {
            "the workshop's names, votes or parked ideas are out of range".to_string()
        } else if !s.history.is_valid() {
            "the baseline history (its snapshots, monthly trend or the plan's start) is out of range or out of order".to_string()
        } else {
            "a value is out of range".to_string()
        },
    )
}
