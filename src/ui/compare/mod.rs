//! The Compare screen: two or three scenarios side by side — the working
//! one, saved ones, or ones from share links — with where each stands
//! under the reference's lens, goal chances, fan charts on shared axes and
//! error budgets, every difference against the first (reference) scenario
//! stated in words.
//!
//! What is compared lives in the app state (`AppState::compared`), in this
//! tab's memory only: never saved or sent, but kept across visits to other
//! screens. Everything shown derives from it: the scenarios are a memo of
//! the columns, and their runs fill in as each finishes
//! (`ui::incremental`).

mod budget;
mod goals;
mod outlook;
mod panel;
mod picker;
mod standing;

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::comparison::Comparison;
use crate::model::Scenario;
use crate::sim::scenario::{run_scenario, ScenarioRun};
use crate::ui::state::AppState;

/// The compared scenarios, their headers and their runs, as every part of
/// the screen reads them.
#[derive(Clone, Copy)]
struct Compared {
    /// The scenarios, reference first.
    scenarios: Memo<Vec<Arc<Scenario>>>,
    /// Their column headers.
    headers: Memo<Vec<String>>,
    /// Their runs, `None` while simulating.
    runs: Memo<Vec<Option<Arc<ScenarioRun>>>>,
}

impl Compared {
    /// The reference's header, which every difference names.
    fn reference(self) -> String {
        self.headers
            .with(|h| h.first().cloned())
            .unwrap_or_default()
    }

    /// Scenario `i`'s header.
    fn header(self, i: usize) -> String {
        self.headers.with(|h| h.get(i).cloned()).unwrap_or_default()
    }
}

/// The Compare screen.
#[component]
pub fn CompareScreen() -> impl IntoView {
    let state = AppState::expect();
    let columns = state.compared;
    let scenarios = Memo::new(move |_| columns.with(|c| state.scenario.with(|w| c.scenarios(w))));
    let headers = Memo::new(move |_| columns.with(Comparison::headers));
    let today = state.today;
    let runs = state
        .compared_runs
        .follow(scenarios, move |s| run_scenario(s, today));
    let compared = Compared {
        scenarios,
        headers,
        runs,
    };
    let ready = move || columns.with(Comparison::is_ready);
    view! {
        <div class="screen compare">
            <header class="screen__header">
                <h1 class="screen__title">"Compare"</h1>
                <p class="screen__lede">
                    "Two or three scenarios side by side — this one, saved ones, or ones from share links — to see what changed since last quarter or which plan fares better. The first is the reference: every difference is stated against it."
                </p>
            </header>
            <picker::Picker />
            <Show
                when=ready
                fallback=|| {
                    view! {
                        <p class="panel compare__empty">
                            "Add at least two scenarios to compare them. Pick one you saved in Saved scenarios (save the working scenario there first, from the header), or paste a share link: one a colleague sent, or one you made last quarter with Share link. “Add this scenario” adds the one you are working on."
                        </p>
                    }
                }
            >
                <standing::Standing compared />
                <goals::GoalTable compared />
                <outlook::Outlook compared />
                <budget::BudgetTable compared />
            </Show>
        </div>
    }
}
