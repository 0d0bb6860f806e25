//! The one typed application state, provided once at the root and taken with
//! [`AppState::expect`].

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::comparison::{Comparison, MAX_COLUMNS};
use crate::model::Scenario;
use crate::sim::scenario::ScenarioRun;
use crate::storage::{self, Loaded};
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
    /// by field), so forms re-read their text from it.
    pub revision: RwSignal<u64>,
    /// The screen shown, mirrored in the URL fragment.
    pub screen: RwSignal<Screen>,
    /// Why the last save failed, if it did.
    pub save_error: RwSignal<Option<String>>,
    /// A notice about saved work found at start-up that could not be used.
    pub load_notice: RwSignal<Option<String>>,
    /// Today's date in the browser's time zone, read once at start-up and
    /// passed into the model.
    pub today: NaiveDate,
    /// The simulation runs shared by every screen.
    pub runs: Runs,
    /// The scenarios on the Compare screen. Kept here, in this tab's memory
    /// only (never saved or sent), so the choice outlasts a visit to
    /// another screen.
    pub compared: RwSignal<Comparison>,
    /// Compare's finished runs, kept for the same reason: returning to the
    /// screen or reordering its columns does not simulate again.
    pub compared_runs: Finished<Scenario, ScenarioRun>,
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

impl AppState {
    /// Creates the state from saved work (if any) and provides it as context.
    pub fn provide() -> AppState {
        let (scenario, notice) = match storage::load() {
            Loaded::Nothing => (Scenario::default(), None),
            Loaded::Scenario(s) => (*s, None),
            Loaded::Unreadable(why) => (Scenario::default(), Some(why)),
        };
        let scenario = RwSignal::new(scenario);
        let today = browser_today();
        let state = AppState {
            scenario,
            revision: RwSignal::new(0),
            screen: RwSignal::new(Screen::from_hash(&crate::ui::routes::current_hash())),
            save_error: RwSignal::new(None),
            load_notice: RwSignal::new(notice),
            today,
            runs: Runs::new(scenario, today),
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

    /// Applies a field-level edit to the scenario.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }

    /// Replaces the whole scenario (reset, import) and refreshes every form.
    pub fn replace(&self, scenario: Scenario) {
        self.scenario.set(scenario);
        self.revision.update(|r| *r += 1);
    }
}
