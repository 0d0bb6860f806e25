//! The list of saved scenarios, one row each with its actions. An entry
//! whose values this version cannot use stays listed, with the reason,
//! until it is deleted; a deletion can be undone.

use leptos::prelude::*;

use crate::model::library::{Entry, Library, MAX_NAME_CHARS};
use crate::storage;
use crate::ui::field::TextInput;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// A change to the library: what was done, in words, or why not.
type Change = Box<dyn FnOnce(&mut Library) -> Result<String, String>>;

/// The rows and their actions.
#[component]
pub fn Entries(
    /// The library as last read or written.
    library: RwSignal<Library>,
    /// The panel's status message.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    // The entry being renamed and the text typed for it.
    let renaming = RwSignal::new(None::<(usize, String)>);
    // The last deletion, to undo: where it was and what it was.
    let deleted = RwSignal::new(None::<(usize, Entry)>);

    // Applies `f` to the library as stored, then `after` when it was
    // written.
    let change = move |f: Change, after: Box<dyn FnOnce()>| {
        leptos::task::spawn_local(async move {
            match storage::change_library(f).await {
                Ok((lib, done)) => {
                    library.set(lib);
                    message.set(Some(done));
                    after();
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    let open = move |i: usize| {
        let opened = library.with_untracked(|lib| lib.open(i).map(|s| (lib.0[i].name.clone(), s)));
        match opened {
            Ok((name, scenario)) => {
                state.replace_undoably(scenario, format!("Opened “{name}” from Saved scenarios"));
                message.set(Some(format!("Opened “{name}”.")));
            }
            Err(why) => message.set(Some(why)),
        }
    };
    let duplicate = move |i: usize| {
        let stamp = super::stamp();
        change(
            Box::new(move |lib| {
                lib.duplicate(i, &stamp)
                    .map(|name| format!("Saved a copy as “{name}”."))
            }),
            Box::new(|| {}),
        );
    };
    let remove = move |i: usize| {
        let gone = library.with_untracked(|lib| lib.0.get(i).cloned());
        change(
            Box::new(move |lib| {
                lib.remove(i)
                    .map(|e| format!("Deleted “{}”.", e.name))
                    .ok_or_else(|| "That scenario is gone.".to_string())
            }),
            Box::new(move || deleted.set(gone.map(|e| (i, e)))),
        );
    };
    let restore = move |_| {
        if let Some((i, entry)) = deleted.get_untracked() {
            change(
                Box::new(move |lib| {
                    lib.room_for_one()?;
                    let name = entry.name.clone();
                    if lib.0.iter().any(|e| e.name == name) {
                        return Err(format!("Another saved scenario is now called “{name}”."));
                    }
                    lib.0.insert(i.min(lib.0.len()), entry);
                    Ok(format!("Restored “{name}”."))
                }),
                Box::new(move || deleted.set(None)),
            );
        }
    };
    let rename = move || {
        let Some((i, text)) = renaming.get_untracked() else {
            return;
        };
        change(
            Box::new(move |lib| {
                lib.rename(i, &text)
                    .map(|name| format!("Renamed to “{name}”."))
            }),
            Box::new(move || renaming.set(None)),
        );
    };

    let row = move |i: usize, e: Entry| {
        let editing = move || renaming.with(|r| r.as_ref().is_some_and(|(j, _)| *j == i));
        let problem = e.problem();
        let openable = problem.is_none();
        let (name, label) = (e.name.clone(), e.name.clone());
        let rename_text = Signal::derive(move || {
            renaming.with(|r| r.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
        });
        view! {
            <tr>
                <th scope="row">
                    <Show when=editing fallback=move || name.clone()>
                        <span
                            class="library__rename"
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    rename();
                                }
                            }
                        >
                            <TextInput
                                id=format!("rename-{i}")
                                aria_label=format!("New name for {label}")
                                value=rename_text
                                max_chars=MAX_NAME_CHARS
                                on_change=Callback::new(move |t| renaming.set(Some((i, t))))
                            />
                        </span>
                        <button type="button" class="button button--quiet" on:click=move |_| rename()>
                            "Save name"
                        </button>
                    </Show>
                </th>
                <td>
                    {match problem {
                        None => e.scenario.team.clone(),
                        Some(why) => format!("Cannot be opened by this version: {why}."),
                    }}
                </td>
                <td>{e.saved.clone()}</td>
                <td class="library__actions">
                    {openable
                        .then(|| {
                            view! {
                                <button type="button" class="button button--quiet" aria-label=format!("Open {}", e.name) on:click=move |_| open(i)>
                                    "Open"
                                </button>
                                <button type="button" class="button button--quiet" aria-label=format!("Duplicate {}", e.name) on:click=move |_| duplicate(i)>
                                    "Duplicate"
                                </button>
                            }
                        })}
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
    };

    view! {
        {move || {
            deleted
                .with(|d| d.as_ref().map(|(_, e)| e.name.clone()))
                .map(|name| {
                    view! {
                        <button type="button" class="button button--quiet" on:click=restore>
                            {format!("Undo deleting “{name}”")}
                        </button>
                    }
                })
        }}
        <Show
            when=move || library.with(|l| !l.0.is_empty())
            fallback=|| view! { <p>"Nothing saved yet."</p> }
        >
            <Table class="library__table" caption="Saved scenarios" columns=&["Name", "Team", "Saved", "Actions"]>
                {move || {
                    library
                        .get()
                        .0
                        .into_iter()
                        .enumerate()
                        .map(|(i, e)| row(i, e))
                        .collect_view()
                }}
            </Table>
        </Show>
    }
}
