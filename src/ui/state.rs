//! The one typed application state, provided once at the root and taken with
//! [`AppState::expect`].

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;

use crate::model::comparison::{Comparison, MAX_COLUMNS};
use crate::model::saved::{self, Source};
use crate::model::Scenario;
use crate::sim::scenario::ScenarioRun;
use crate::storage;
use crate::ui::incremental::Finished;
use crate::ui::routes::Screen;
use crate::ui::runs::Runs;

/// Shared state: the scenario being edited, the screen shown, and the status
/// messages about saving.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The working scenario. Edit it through [`AppState::edit`].
    pub scenario: RwSignal<Scenario>,
    /// Bumped whenever the scenario is replaced wholesale (not edited field
    /// by field), for forms that still re-read their text from it.
    pub revision: RwSignal<u64>,
    /// The screen shown, mirrored in the URL fragment.
    pub screen: RwSignal<Screen>,
    /// Why the last save failed, if it did.
    pub save_error: RwSignal<Option<String>>,
    /// A notice about a link, a file or saved work that could not be used.
    pub load_notice: RwSignal<Option<String>>,
    /// Saved work that could not be opened, kept until the user chooses.
    pub kept: RwSignal<Vec<Kept>>,
    /// The last replacement of the scenario, which the status bar offers
    /// to undo.
    pub undo: RwSignal<Option<Undo>>,
    /// Today's date in the browser's time zone, read once at start-up and
    /// passed into the model.
    pub today: NaiveDate,
    /// The simulation runs shared by every screen, set up by the first
    /// screen that asks for them ([`AppState::runs`]).
    runs: StoredValue<Option<Runs>>,
    /// The root's owner, which the runs belong to whichever screen sets
    /// them up, so they outlast it.
    owner: StoredValue<Option<WeakOwner>>,
    /// The scenarios on the Compare screen. Kept here, in this tab's memory
    /// only (never saved or sent), so the choice outlasts a visit to
    /// another screen.
    pub compared: RwSignal<Comparison>,
    /// Compare's finished runs, kept for the same reason: returning to the
    /// screen or reordering its columns does not simulate again.
    pub compared_runs: Finished<Scenario, ScenarioRun>,
}

/// Saved work that could not be opened: where it is kept and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// The storage key holding it: [`storage::WORKING_KEY`] while it stays
    /// in place (a newer version's work, or work that could not be copied
    /// aside), else a key under [`storage::ASIDE_PREFIX`].
    pub key: String,
    /// The text, exactly as it was found.
    pub raw: Arc<str>,
    /// What to tell the user.
    pub message: String,
    /// Hidden for this visit ("Keep it aside"); shown again next visit.
    pub hidden: bool,
}

impl Kept {
    /// Whether it sits where the working scenario is saved, so that saving
    /// must wait until the user chooses.
    pub fn blocks_saving(&self) -> bool {
        self.key == storage::WORKING_KEY
    }
}

/// A replacement the user can take back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// What was done, in words ("Applied imported data to the baseline").
    pub label: String,
    /// The scenario that [`AppState::undo_last`] brings back.
    other: Arc<Scenario>,
    /// Whether it has been undone (the status bar then offers to redo it).
    pub undone: bool,
}

/// The browser's local date and time, to the minute; the model only ever
/// receives it as a parameter.
pub fn browser_now() -> chrono::NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), 0))
        .unwrap_or_default()
}

/// Today's date in the browser's time zone.
pub fn browser_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(NaiveDate::MIN)
}

/// What the app starts from: the working scenario, and the saved work that
/// could not be opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Start {
    /// The working scenario.
    pub scenario: Scenario,
    /// Saved work that could not be opened, kept until the user chooses.
    pub kept: Vec<Kept>,
}

/// Reads what the app starts from. Saved work that could not be opened is
/// set aside under its own key when it can be, so the new work can be
/// saved without overwriting it; left in place (and saving held) when it
/// was written by a newer version or cannot be copied. Fetches the reader
/// of saved work when there is any (see [`storage::holds_work`]); `Err`
/// when it could not be fetched, and then nothing may start over the work.
pub async fn start() -> Result<Start, String> {
    let unavailable = |_| {
        "Your saved work was not opened: part of Flywheel could not be loaded. Check the connection and reload the page; your work is kept, unchanged.".to_string()
    };
    let mut kept = Vec::new();
    for (key, raw) in storage::aside() {
        let found = storage::decode(raw.clone()).await.map_err(unavailable)?;
        kept.push(Kept {
            message: found.message(Source::KeptAside).unwrap_or_default(),
            key,
            raw: raw.into(),
            hidden: false,
        });
    }
    let scenario = match storage::load_working().await.map_err(unavailable)? {
        None => Scenario::default(),
        Some(saved::Loaded::Scenario(s)) => *s,
        Some(refused) => {
            let raw = refused.raw().unwrap_or_default().to_string();
            let mut message = refused.message(Source::SavedWork).unwrap_or_default();
            let key = match refused {
                saved::Loaded::Newer { .. } => storage::WORKING_KEY.to_string(),
                _ => storage::set_aside(&raw).unwrap_or_else(|why| {
                    message = format!("{message} {why} Until then nothing is saved over it.");
                    storage::WORKING_KEY.to_string()
                }),
            };
            kept.retain(|k| k.key != key);
            kept.push(Kept {
                key,
                raw: raw.into(),
                message,
                hidden: false,
            });
            Scenario::default()
        }
    };
    Ok(Start { scenario, kept })
}

impl AppState {
    /// Creates a fresh state, nothing read from storage, and provides it as
    /// context; the app provides what [`start`] read instead
    /// ([`AppState::provide_from`]).
    pub fn provide() -> AppState {
        Self::provide_from(Start::default())
    }

    /// Creates the state from what [`start`] read and provides it as
    /// context.
    pub fn provide_from(start: Start) -> AppState {
        let Start { scenario, kept } = start;
        let scenario = RwSignal::new(scenario);
        let today = browser_today();
        let state = AppState {
            scenario,
            revision: RwSignal::new(0),
            screen: RwSignal::new(Screen::from_hash(&crate::ui::routes::current_hash())),
            save_error: RwSignal::new(None),
            load_notice: RwSignal::new(None),
            kept: RwSignal::new(kept),
            undo: RwSignal::new(None),
            today,
            runs: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().map(|o| o.downgrade())),
            compared: RwSignal::new(Comparison::default()),
            // The columns' runs and as many again, for columns just removed
            // or reordered.
            compared_runs: Finished::new(2 * MAX_COLUMNS),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The simulation runs shared by every screen. Set up on first use,
    /// not at start-up, so the simulation's code loads with the screens
    /// that show runs rather than in the first load.
    pub fn runs(&self) -> Runs {
        if let Some(runs) = self.runs.get_value() {
            return runs;
        }
        let (scenario, today) = (self.scenario, self.today);
        let root = self
            .owner
            .with_value(|o| o.as_ref().and_then(WeakOwner::upgrade));
        let runs = match root {
            Some(root) => root.with(|| Runs::new(scenario, today)),
            None => Runs::new(scenario, today),
        };
        self.runs.set_value(Some(runs));
        runs
    }

    /// Applies a field-level edit to the scenario.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }

    /// Replaces the whole scenario and refreshes every form. Prefer
    /// [`AppState::replace_undoably`] for anything the user asked for.
    pub fn replace(&self, scenario: Scenario) {
        self.scenario.set(scenario);
        self.revision.update(|r| *r += 1);
    }

    /// Replaces the whole scenario and offers to undo it from the status
    /// bar, saying `label` ("Applied imported data to the baseline"). Every
    /// action that discards what the user had goes through here (or
    /// [`AppState::edit_undoably`]).
    pub fn replace_undoably(&self, scenario: Scenario, label: impl Into<String>) {
        let previous = self.scenario.get_untracked();
        if previous == scenario {
            return;
        }
        self.replace(scenario);
        self.undo.set(Some(Undo {
            label: label.into(),
            other: Arc::new(previous),
            undone: false,
        }));
    }

    /// Applies an edit that discards what the user had ("Draw from
    /// baseline" replacing the incidents), offering to undo it.
    pub fn edit_undoably(&self, label: impl Into<String>, f: impl FnOnce(&mut Scenario)) {
        let mut next = self.scenario.get_untracked();
        f(&mut next);
        self.replace_undoably(next, label);
    }

    /// Undoes the last replacement, or redoes it once undone: the two
    /// scenarios swap, so work done in between is never lost either.
    pub fn undo_last(&self) {
        let Some(undo) = self.undo.get_untracked() else {
            return;
        };
        let current = self.scenario.get_untracked();
        self.replace(Arc::unwrap_or_clone(undo.other));
        self.undo.set(Some(Undo {
            label: undo.label,
            other: Arc::new(current),
            undone: !undo.undone,
        }));
    }

    /// Whether saving the working scenario must wait: saved work that could
    /// not be opened still sits where it would be saved.
    pub fn saving_held(&self) -> bool {
        self.kept.with(|k| k.iter().any(Kept::blocks_saving))
    }
}
