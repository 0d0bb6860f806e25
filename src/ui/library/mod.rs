//! The library of saved scenarios: save the working scenario under a name,
//! open, duplicate, rename and delete. Loaded on demand from the header.
//! The rules (names, the size limit, copies' names) are
//! `model::library`'s; this panel shows the list and reports the outcome.
//! A library this version cannot read is never saved over: it is offered
//! as a download and kept until the user discards it.

mod rows;

use leptos::prelude::*;

use crate::model::library::{Library, Refused, MAX_NAME_CHARS};
use crate::model::names::file_name;
use crate::storage::{self, LibraryError};
use crate::ui::field::{Field, TextInput};
use crate::ui::state::{browser_now, AppState};

/// The browser's local date and time, as entries record it.
pub(crate) fn stamp() -> String {
    crate::model::date::iso_minute(browser_now())
}

/// The library panel.
#[component]
pub fn LibraryPanel(
    /// The library as read when the panel opened.
    found: Result<Library, LibraryError>,
) -> impl IntoView {
    let state = AppState::expect();
    let library = RwSignal::new(Library::default());
    let refused = RwSignal::new(None::<Refused>);
    let message = RwSignal::new(None::<String>);
    match found {
        Ok(lib) => library.set(lib),
        Err(LibraryError::Refused(r)) => refused.set(Some(r)),
        Err(e) => message.set(Some(e.message())),
    }
    let name = RwSignal::new(state.scenario.with_untracked(|s| s.team.clone()));
    let name_problem =
        Signal::derive(move || name.with(|n| crate::model::library::parse_name(n).err()));

    let save_current = move |_| {
        let scenario = state.scenario.get_untracked();
        let chosen = name.get_untracked();
        leptos::task::spawn_local(async move {
            match storage::change_library(|lib| lib.keep(&chosen, &stamp(), scenario)).await {
                Ok((lib, kept)) => {
                    library.set(lib);
                    message.set(Some(format!("Saved “{kept}” in the library.")));
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    let download = move |_| {
        if let Some(r) = refused.get_untracked() {
            let name = file_name("saved scenarios not opened", ".json");
            if crate::ui::download::download(&name, r.raw(), "application/json").is_none() {
                message.set(Some(
                    "This browser could not offer the file for download.".into(),
                ));
            }
        }
    };
    let discard = move |_| match storage::discard_library() {
        Ok(()) => {
            refused.set(None);
            library.set(Library::default());
            message.set(Some(
                "The saved scenarios that could not be read were discarded.".into(),
            ));
        }
        Err(why) => message.set(Some(why)),
    };

    view! {
        <section class="panel library" aria-labelledby="library-title">
            <h2 class="panel__title" id="library-title">"Saved scenarios"</h2>
            <p class="library__note">
                "Kept in this browser only. Opening one replaces the working scenario; Undo in the status bar brings it back."
            </p>
            {move || {
                refused
                    .get()
                    .map(|r| {
                        view! {
                            <div class="status__message status__message--warning">
                                <p>{r.message()}</p>
                                <button type="button" class="button" on:click=download>
                                    "Download them"
                                </button>
                                <button type="button" class="button button--quiet" on:click=discard>
                                    "Discard them"
                                </button>
                            </div>
                        }
                    })
            }}
            <div class="library__save">
                <Field
                    id="library-name"
                    label="Name for the working scenario"
                    message=name_problem
                >
                    <TextInput
                        value=name
                        max_chars=MAX_NAME_CHARS
                        on_change=Callback::new(move |text| name.set(text))
                    />
                </Field>
                <button
                    type="button"
                    class="button"
                    disabled=move || refused.with(Option::is_some)
                    on:click=save_current
                >
                    "Save in library"
                </button>
            </div>
            <p role="status" class="library__message">{move || message.get()}</p>
            <rows::Entries library message />
        </section>
    }
}
