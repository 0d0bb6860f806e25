//! Where the baseline's figures came from (typed in, measured from data,
//! or a mix), in a badge and a sentence the model words, with the control
//! that discards imported data. Any screen that shows the baseline places
//! `<BaselineProvenance />`; it always tells the truth because it derives
//! from the scenario each time (`Scenario::provenance`).

use leptos::prelude::*;

use crate::model::Provenance;
use crate::ui::state::AppState;

/// The provenance badge, sentence and, while imported data is kept, the
/// button that discards it (undoable from the status bar).
#[component]
pub fn BaselineProvenance() -> impl IntoView {
    let state = AppState::expect();
    let provenance = Memo::new(move |_| state.scenario.with(|s| s.provenance()));
    let words = Memo::new(move |_| state.scenario.with(|s| s.provenance_words()));
    let has_data = Memo::new(move |_| state.scenario.with(|s| s.measured.is_some()));
    let discard = move |_| {
        state.edit_undoably("Discarded the imported data", |s| {
            s.discard_samples();
        });
    };
    view! {
        <div class="provenance" role="group" aria-label="Where the baseline comes from">
            <p class="provenance__text">
                <span
                    class="provenance__badge"
                    class:provenance__badge--measured=move || provenance.get() != Provenance::Typed
                >
                    {move || provenance.get().label()}
                </span>
                " "
                {move || words.get()}
            </p>
            <Show when=move || has_data.get()>
                <button type="button" class="button button--quiet" on:click=discard>
                    "Discard imported data"
                </button>
            </Show>
        </div>
    }
}
