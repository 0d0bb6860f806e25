//! The status bar under the header: notices about links and files, why a
//! save failed, the offer to undo the last replacement of the scenario, and
//! saved work that could not be opened, each with its choices. Announced
//! to screen readers as it changes.

use leptos::prelude::*;

use crate::model::names::file_name;
use crate::storage;
use crate::ui::state::{AppState, Kept};

/// Offers `kept` as a file.
fn download(state: AppState, kept: &Kept) {
    let name = file_name("saved work not opened", ".json");
    if crate::ui::download::download(&name, &kept.raw, "application/json").is_none() {
        state.load_notice.set(Some(
            "This browser could not offer the file for download.".into(),
        ));
    }
}

/// Saves the working scenario now (after saving was held).
fn save_now(state: AppState) {
    let result = state.scenario.with_untracked(storage::save);
    state.save_error.set(result.err());
}

/// Keeps `kept` aside: hidden for this visit if it already is; moved
/// aside (and saving resumed) if it sat where the work is saved.
fn keep_aside(state: AppState, kept: &Kept) {
    if !kept.blocks_saving() {
        state.kept.update(|list| {
            if let Some(k) = list.iter_mut().find(|k| k.key == kept.key) {
                k.hidden = true;
            }
        });
        return;
    }
    match storage::set_aside(&kept.raw) {
        Ok(key) => {
            state.kept.update(|list| {
                list.retain(|k| k.key != key);
                if let Some(k) = list.iter_mut().find(|k| k.key == kept.key) {
                    k.key = key;
                    k.hidden = true;
                }
            });
            save_now(state);
        }
        Err(why) => state.load_notice.set(Some(why)),
    }
}

/// Deletes `kept`, at the user's word.
fn discard(state: AppState, kept: &Kept) {
    match storage::discard(&kept.key) {
        Ok(()) => {
            state.kept.update(|list| list.retain(|k| k.key != kept.key));
            if kept.blocks_saving() {
                save_now(state);
            }
        }
        Err(why) => state.load_notice.set(Some(why)),
    }
}

/// One piece of saved work that could not be opened, and the choices.
#[component]
fn KeptWork(kept: Kept) -> impl IntoView {
    let state = AppState::expect();
    let keep_label = if kept.blocks_saving() {
        "Set it aside and save my new work"
    } else {
        "Keep it aside"
    };
    let held = kept
        .blocks_saving()
        .then_some(" Until you choose, changes made here are not saved.");
    let (a, b, c) = (kept.clone(), kept.clone(), kept.clone());
    view! {
        <div class="status__message status__message--warning">
            <p>{kept.message.clone()} {held}</p>
            <button type="button" class="button" on:click=move |_| download(state, &a)>
                "Download it"
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| keep_aside(state, &b)>
                {keep_label}
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| discard(state, &c)>
                "Discard it"
            </button>
        </div>
    }
}

/// The offer to undo (or redo) the last replacement of the scenario.
#[component]
fn UndoOffer() -> impl IntoView {
    let state = AppState::expect();
    move || {
        state.undo.get().map(|undo| {
            let (text, action) = if undo.undone {
                (format!("Undone: {}.", undo.label), "Redo")
            } else {
                (format!("{}.", undo.label), "Undo")
            };
            view! {
                <p class="status__message status__message--info">
                    {text}
                    <button type="button" class="button" on:click=move |_| state.undo_last()>
                        {action}
                    </button>
                    <button type="button" class="button button--quiet" on:click=move |_| state.undo.set(None)>
                        "Dismiss"
                    </button>
                </p>
            }
        })
    }
}

/// Messages about saving and loading.
#[component]
pub fn StatusBar() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || {
                state
                    .kept
                    .get()
                    .into_iter()
                    .filter(|k| !k.hidden)
                    .map(|kept| view! { <KeptWork kept /> })
                    .collect_view()
            }}
            <UndoOffer />
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
