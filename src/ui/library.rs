//! The library of saved scenarios: save the working scenario under a name,
//! open, duplicate, rename and delete. Loaded on demand from the header.

use leptos::prelude::*;

use crate::model::names::free_name;
use crate::model::Scenario;
use crate::storage::{self, Entry, MAX_ENTRIES};
use crate::ui::state::{browser_now, AppState};

fn stamp() -> String {
    crate::model::date::iso_minute(browser_now())
}

/// Refuses a new entry when the library is full.
fn room_for_one(entries: &[Entry]) -> Result<(), String> {
    if entries.len() >= MAX_ENTRIES {
        Err(format!(
            "The library keeps at most {MAX_ENTRIES} scenarios; delete one first."
        ))
    } else {
        Ok(())
    }
}

/// Saves the working scenario into the library under `name` (replacing an
/// entry of the same name).
pub fn keep_in_library(state: AppState, name: &str) -> Result<(), String> {
    let mut entries = storage::load_library()?;
    let scenario = state.scenario.get_untracked();
    let entry = Entry {
        name: name.to_string(),
        saved: stamp(),
        scenario,
    };
    match entries.iter().position(|e| e.name == name) {
        Some(i) => entries[i] = entry,
        None => {
            room_for_one(&entries)?;
            entries.push(entry);
        }
    }
    storage::save_library(&entries)
}

/// The library panel.
#[component]
pub fn LibraryPanel() -> impl IntoView {
    let state = AppState::expect();
    let entries = RwSignal::new(Vec::<Entry>::new());
    let message = RwSignal::new(None::<String>);
    let reload = move || match storage::load_library() {
        Ok(list) => entries.set(list),
        Err(why) => message.set(Some(why)),
    };
    reload();
    let name = RwSignal::new(state.scenario.with_untracked(|s| s.team.clone()));
    let renaming = RwSignal::new(None::<(usize, String)>);

    let store = move |list: Vec<Entry>, done: String| match storage::save_library(&list) {
        Ok(()) => {
            entries.set(list);
            message.set(Some(done));
        }
        Err(why) => message.set(Some(why)),
    };
    let save_current = move |_| {
        let chosen = name.get_untracked().trim().to_string();
        if chosen.is_empty() {
            message.set(Some("Give the scenario a name to save it.".into()));
            return;
        }
        match keep_in_library(state, &chosen) {
            Ok(()) => {
                reload();
                message.set(Some(format!("Saved “{chosen}” in the library.")));
            }
            Err(why) => message.set(Some(why)),
        }
    };
    let open = move |i: usize| {
        if let Some(e) = entries.with_untracked(|l| l.get(i).cloned()) {
            state.replace(e.scenario);
            message.set(Some(format!("Opened “{}”.", e.name)));
        }
    };
    let duplicate = move |i: usize| {
        let mut list = entries.get_untracked();
        if let Err(why) = room_for_one(&list) {
            message.set(Some(why));
            return;
        }
        if let Some(e) = list.get(i).cloned() {
            let copy = Entry {
                name: free_name(
                    &format!("{} copy", e.name),
                    Scenario::MAX_TEAM_CHARS,
                    MAX_ENTRIES + 1,
                    |n| list.iter().any(|e| e.name == n),
                )
                .unwrap_or_default(),
                saved: stamp(),
                ..e
            };
            let done = format!("Saved a copy as “{}”.", copy.name);
            list.insert(i + 1, copy);
            store(list, done);
        }
    };
    let remove = move |i: usize| {
        let mut list = entries.get_untracked();
        if i < list.len() {
            let gone = list.remove(i);
            store(list, format!("Deleted “{}”.", gone.name));
        }
    };
    let rename = move || {
        let Some((i, text)) = renaming.get_untracked() else {
            return;
        };
        let text = text.trim().to_string();
        let mut list = entries.get_untracked();
        if text.is_empty()
            || list
                .iter()
                .enumerate()
                .any(|(j, e)| j != i && e.name == text)
        {
            message.set(Some("Choose a name no other saved scenario has.".into()));
            return;
        }
        if let Some(e) = list.get_mut(i) {
            e.name = text.clone();
        }
        renaming.set(None);
        store(list, format!("Renamed to “{text}”."));
    };

    view! {
        <section class="panel library" aria-labelledby="library-title">
            <h2 class="panel__title" id="library-title">"Saved scenarios"</h2>
            <p class="field__hint">
                "Kept in this browser only. Opening one replaces the working scenario: save that first to keep it."
            </p>
            <div class="library__save">
                <label class="field__label" for="library-name">"Name for the working scenario"</label>
                <input
                    id="library-name"
                    class="field__input"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="button" class="button" on:click=save_current>
                    "Save in library"
                </button>
            </div>
            <p role="status" class="library__message">{move || message.get()}</p>
            <Show
                when=move || entries.with(|l| !l.is_empty())
                fallback=|| view! { <p>"Nothing saved yet."</p> }
            >
                <table class="report__table">
                    <caption>"Saved scenarios"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Saved"</th>
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            entries
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, e)| {
                                    let editing = move || renaming.with(|r| r.as_ref().is_some_and(|(j, _)| *j == i));
                                    let label = e.name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <Show
                                                    when=editing
                                                    fallback={
                                                        let name = e.name.clone();
                                                        move || name.clone()
                                                    }
                                                >
                                                    <label class="visually-hidden" for=format!("rename-{i}")>
                                                        {format!("New name for {label}")}
                                                    </label>
                                                    <input
                                                        id=format!("rename-{i}")
                                                        class="field__input"
                                                        prop:value=move || renaming.with(|r| r.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
                                                        on:input=move |ev| renaming.set(Some((i, event_target_value(&ev))))
                                                        on:keydown=move |ev| {
                                                            if ev.key() == "Enter" {
                                                                rename();
                                                            }
                                                        }
                                                    />
                                                    <button type="button" class="button button--quiet" on:click=move |_| rename()>
                                                        "Save name"
                                                    </button>
                                                </Show>
                                            </th>
                                            <td>{e.scenario.team.clone()}</td>
                                            <td>{e.saved.clone()}</td>
                                            <td class="library__actions">
                                                <button type="button" class="button button--quiet" aria-label=format!("Open {}", e.name) on:click=move |_| open(i)>
                                                    "Open"
                                                </button>
                                                <button type="button" class="button button--quiet" aria-label=format!("Duplicate {}", e.name) on:click=move |_| duplicate(i)>
                                                    "Duplicate"
                                                </button>
                                                <button
                                                    type="button"
                                                    class="button button--quiet"
                                                    aria-label=format!("Rename {}", e.name)
                                                    on:click={
                                                        let name = e.name.clone();
                                                        move |_| renaming.set(Some((i, name.clone())))
                                                    }
                                                >
                                                    "Rename"
                                                </button>
                                                <button type="button" class="button button--quiet" aria-label=format!("Delete {}", e.name) on:click=move |_| remove(i)>
                                                    "Delete"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
