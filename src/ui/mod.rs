//! Leptos components: the application shell and one module per screen.
//! Components bind model results to markup; the logic lives in `model`.

#[macro_use]
mod chunk;

mod baseline;
mod charts;
mod fields;
mod goals;
mod import;
pub mod routes;
pub mod runs;
mod simulate;
pub mod state;

use leptos::prelude::*;

pub use baseline::BaselineScreen;
use chunk::on_demand;
pub use goals::GoalsScreen;
use routes::Screen;
pub use simulate::SimulateScreen;
use state::AppState;

split_view!(goals_view, goals, GoalsScreen);
split_view!(simulate_view, simulate, SimulateScreen);

/// The whole application: header, navigation and the current screen.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();

    // Autosave: push every change of the scenario out to storage.
    Effect::new(move |_| {
        let result = state.scenario.with(crate::storage::save);
        state.save_error.set(result.err());
    });

    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        state.screen.set(Screen::from_hash(&routes::current_hash()));
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
        <main id="main" class="app-main" tabindex="-1">
            {move || match state.screen.get() {
                Screen::Baseline => view! { <BaselineScreen /> }.into_any(),
                Screen::Goals => on_demand(goals_view()).into_any(),
                Screen::Simulate => on_demand(simulate_view()).into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>
                "Everything you enter stays in this browser: nothing is sent to any server."
            </p>
        </footer>
    }
}

/// Messages about saving and loading, announced to screen readers.
#[component]
fn StatusBar() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || {
                state
                    .load_notice
                    .get()
                    .map(|text| {
                        view! {
                            <p class="status__message status__message--warning">
                                {text}
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    on:click=move |_| state.load_notice.set(None)
                                >
                                    "Dismiss"
                                </button>
                            </p>
                        }
                    })
            }}
            {move || {
                state
                    .save_error
                    .get()
                    .map(|text| view! { <p class="status__message status__message--error">{text}</p> })
            }}
        </div>
    }
}
