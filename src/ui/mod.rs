//! Leptos components: the application shell and one module per screen.
//! Components bind model results to markup; the logic lives in `model`.

#[macro_use]
mod chunk;

mod baseline;
mod budget;
mod charts;
mod compare;
mod download;
mod field;
mod goals;
mod history;
mod import;
pub mod incremental;
mod library;
mod link;
mod prompt;
pub mod provenance;
mod reality;
mod report;
pub mod routes;
pub mod runs;
mod share;
mod simulate;
pub mod state;
mod status;
mod table;
mod team_set;
mod teams;
mod tier;
mod turn;
mod upload;
mod workshop;
mod workshop_record;

use leptos::prelude::*;

pub use baseline::BaselineScreen;
pub use budget::BudgetScreen;
use chunk::on_demand;
pub use compare::CompareScreen;
pub use goals::GoalsScreen;
pub use history::HistoryScreen;
use library::LibraryPanel;
use prompt::Prompt;
pub use report::ReportScreen;
use routes::Screen;
pub use simulate::SimulateScreen;
use state::{AppState, Start};
use status::StatusBar;
pub use teams::TeamsScreen;
pub use workshop::WorkshopScreen;

split_view!(goals_view, goals, GoalsScreen);
split_view!(simulate_view, simulate, SimulateScreen);
split_view!(budget_view, budget, BudgetScreen);
split_view!(report_view, report, ReportScreen);
split_fn!(fn library_view(found: Result<crate::model::library::Library, crate::storage::LibraryError>) -> AnyView as library {
    view! { <LibraryPanel found /> }.into_any()
});
split_view!(compare_view, compare, CompareScreen);
split_fn!(fn teams_view(stored: team_set::Stored) -> AnyView as teams {
    view! { <TeamsScreen stored /> }.into_any()
});
split_view!(history_view, history, HistoryScreen);
split_view!(workshop_view, workshop, WorkshopScreen);

/// The whole application: header, navigation and the current screen, over
/// the saved work this browser holds. Saved work is read before anything
/// is shown (its reader is fetched first; a first visit has none to read
/// and starts at once), so the page never shows an empty baseline in
/// place of the work.
#[component]
pub fn App() -> impl IntoView {
    if !crate::storage::holds_work() {
        return view! { <Shell start=Start::default() /> }.into_any();
    }
    let started = RwSignal::new(None::<Result<Start, String>>);
    leptos::task::spawn_local(async move { started.set(Some(state::start().await)) });
    (move || {
        started.get().map(|started| match started {
            Ok(start) => view! { <Shell start /> }.into_any(),
            Err(why) => chunk::alert(why),
        })
    })
    .into_any()
}

/// The application over what it starts from.
#[component]
fn Shell(
    /// The working scenario and the saved work kept aside.
    start: Start,
) -> impl IntoView {
    let state = AppState::provide_from(start);

    // Another tab saved over this scenario: stop autosaving until the user
    // chooses whose version to keep, so neither is silently overwritten.
    let conflict = RwSignal::new(false);
    let _other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(crate::storage::WORKING_KEY) {
            conflict.set(true);
        }
    });

    // Autosave: push every change of the scenario out to storage. The first
    // run is what was just loaded: saving it would only risk overwriting
    // saved work that could not be read. Saved work that could not be
    // opened and still sits where the work is saved holds saving until the
    // user chooses what becomes of it.
    Effect::new(move |loaded: Option<()>| {
        state.scenario.track();
        if loaded.is_some() && !conflict.get_untracked() && !state.saving_held() {
            let result = state.scenario.with_untracked(crate::storage::save);
            state.save_error.set(result.err());
        }
    });

    let library_open = RwSignal::new(false);

    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let screen = Screen::from_hash(&routes::current_hash());
        if screen != state.screen.get_untracked() {
            routes::settle_focus();
        }
        state.screen.set(screen);
    });

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true"></span>
                <span class="app-header__name">"Flywheel"</span>
            </div>
            <p class="app-header__team">
                {move || state.scenario.with(|s| s.team.clone())}
            </p>
            <share::ShareLink />
            <share::ScenarioFile />
            <button
                type="button"
                class="button button--quiet"
                aria-expanded=move || library_open.get().to_string()
                on:click=move |_| library_open.update(|open| *open = !*open)
            >
                "Saved scenarios"
            </button>
            <nav class="app-nav" aria-label="Screens">
                <ul class="app-nav__list">
                    {Screen::ALL
                        .into_iter()
                        .map(|screen| {
                            view! {
                                <li>
                                    <a
                                        class="app-nav__link"
                                        href=format!("#{}", screen.path())
                                        aria-current=move || {
                                            (state.screen.get() == screen).then_some("page")
                                        }
                                    >
                                        {screen.title()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <StatusBar />
        <OtherTab conflict />
        <share::LinkOpener />
        {move || {
            library_open
                .get()
                .then(|| on_demand(async { library_view(crate::storage::library().await).await }))
        }}
        <main id="main" class="app-main" tabindex="-1">
            {move || match state.screen.get() {
                Screen::Baseline => view! { <BaselineScreen /> }.into_any(),
                Screen::Goals => on_demand(goals_view()).into_any(),
                Screen::Simulate => on_demand(simulate_view()).into_any(),
                Screen::Budget => on_demand(budget_view()).into_any(),
                Screen::Report => on_demand(report_view()).into_any(),
                Screen::Compare => on_demand(compare_view()).into_any(),
                Screen::Teams => {
                    on_demand(async {
                        match team_set::load().await {
                            Ok(stored) => teams_view(stored).await,
                            Err(why) => Ok(chunk::alert(why)),
                        }
                    })
                        .into_any()
                }
                Screen::History => on_demand(history_view()).into_any(),
                Screen::Workshop => on_demand(workshop_view()).into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>
                "Everything you enter stays in this browser: nothing is sent to any server."
            </p>
        </footer>
    }
}

/// Tells the user that another tab changed the saved scenario, and lets
/// them choose which version to keep.
#[component]
fn OtherTab(conflict: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let load_theirs = move |()| {
        leptos::task::spawn_local(async move {
            match crate::storage::load().await {
                crate::storage::Loaded::Scenario(s) => {
                    state.replace_undoably(*s, "Opened the other tab's version");
                }
                crate::storage::Loaded::Unreadable(why) => state.load_notice.set(Some(why)),
                crate::storage::Loaded::Nothing => {}
            }
            conflict.set(false);
        });
    };
    let keep_mine = move |()| {
        if !state.saving_held() {
            let result = state.scenario.with_untracked(crate::storage::save);
            state.save_error.set(result.err());
        }
        conflict.set(false);
    };
    move || {
        conflict.get().then(|| {
            view! {
                <Prompt
                    id="other-tab-title"
                    title="Changed in another tab"
                    text="Flywheel is open in another tab, which saved its own version of this scenario. Until you choose, changes here are not saved, so neither version is lost.".to_string()
                    actions=vec![
                        ("Use the other tab's version", Callback::new(load_theirs)),
                        ("Keep this tab's version", Callback::new(keep_mine)),
                    ]
                />
            }
        })
    }
}
