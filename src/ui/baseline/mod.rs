//! The Baseline screen: the team enters its numbers and sees where it
//! stands — first in DORA's current terms (2025 scores against the peers it
//! picks, and where to focus), then against DORA's historical tiers under a
//! chosen edition.

mod form;
mod scores;
mod standing;
mod tiers;

use leptos::prelude::*;

use crate::ui::chunk::on_demand;
use crate::ui::import::ImportPanel;

split_view!(import_view, import, ImportPanel);
split_view!(results_view, results, Results);

/// The Baseline screen.
#[component]
pub fn BaselineScreen() -> impl IntoView {
    view! {
        <div class="screen screen--baseline">
            <header class="screen__header">
                <h1 class="screen__title">"Baseline"</h1>
                <p class="screen__lede">
                    "Enter where your team stands today. Each metric is judged on its own, against DORA's 2025 peer scores and its historical tiers; nothing is averaged into one grade."
                </p>
            </header>
            <div class="baseline">
                <section class="panel baseline__form" aria-labelledby="baseline-form-title">
                    <h2 class="panel__title" id="baseline-form-title">"Your numbers"</h2>
                    <form::BaselineForm />
                </section>
                <section class="panel baseline__results" aria-labelledby="baseline-results-title">
                    <h2 class="panel__title" id="baseline-results-title">"Where you stand"</h2>
                    {on_demand(results_view())}
                </section>
            </div>
            <ImportDisclosure />
        </div>
    }
}

/// Where the team stands: DORA's 2025 scores first, then its historical
/// tiers. Its own chunk, which boot.js fetches alongside the main module
/// when the page opens on Baseline, so the form takes input first.
#[component]
fn Results() -> impl IntoView {
    view! {
        <standing::Standing />
        <section class="baseline__tiers" aria-labelledby="tiers-title">
            <h3 class="baseline__tiers-title" id="tiers-title">"DORA's historical tiers"</h3>
            <tiers::Tiers />
        </section>
    }
}

/// "Import from data", closed until asked for: Baseline is the landing
/// screen, so the import code stays out of the first load and is fetched
/// on first open. Once loaded the panel stays mounted while hidden, so
/// closing it keeps what was pasted.
#[component]
fn ImportDisclosure() -> impl IntoView {
    let expanded = RwSignal::new(false);
    let loaded = RwSignal::new(false);
    view! {
        <section class="panel import" aria-labelledby="import-title">
            <h2 class="panel__title" id="import-title">
                <button
                    type="button"
                    class="import__toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="import-panel"
                    on:click=move |_| {
                        expanded.update(|e| *e = !*e);
                        loaded.set(true);
                    }
                >
                    "Import from data"
                </button>
            </h2>
            <p class="import__lede">
                "Measure your baseline from the exports you already have. The files are read in this browser; nothing is uploaded."
            </p>
            <div id="import-panel" hidden=move || !expanded.get()>
                {move || loaded.get().then(|| on_demand(import_view()))}
            </div>
        </section>
    }
}
