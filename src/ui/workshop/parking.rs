//! Ideas raised that are out of scope, kept on every step.

use leptos::prelude::*;

use crate::model::goals::MAX_TEXT_CHARS;
use crate::ui::field::{Field, TextInput};
use crate::ui::state::AppState;

/// The parking lot, folded away until opened.
#[component]
pub(super) fn ParkingLot() -> impl IntoView {
    let state = AppState::expect();
    let idea = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let park = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = Ok(());
        state.edit(|s| result = s.workshop.park(&idea.get_untracked()));
        match result {
            Ok(()) => {
                idea.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let count = move || state.scenario.with(|s| s.workshop.parking_lot.len());
    let items = move || {
        state.scenario.with(|s| {
            s.workshop
                .parking_lot
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let label = format!("Remove “{text}” from the parking lot");
                    view! {
                        <li>
                            {text.clone()}
                            <button
                                type="button"
                                class="button button--quiet"
                                aria-label=label
                                on:click=move |_| {
                                    state.edit(|s| {
                                        if i < s.workshop.parking_lot.len() {
                                            s.workshop.parking_lot.remove(i);
                                        }
                                    })
                                }
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="panel workshop__parking">
            <summary>{move || format!("Parking lot ({})", count())}</summary>
            <form class="workshop__inline" on:submit=park>
                <Field id="parking-idea" label="Idea for later" message=error>
                    <TextInput
                        value=idea
                        max_chars=MAX_TEXT_CHARS
                        on_change=Callback::new(move |t| {
                            idea.set(t);
                            error.set(None);
                        })
                    />
                    <button type="submit" class="button">"Park it"</button>
                </Field>
            </form>
            <ul class="workshop__list">{items}</ul>
        </details>
    }
}
