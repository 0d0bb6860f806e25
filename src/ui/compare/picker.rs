//! Choosing, naming, ordering and removing the compared scenarios. The
//! list's rules (how many, which names) are `model::comparison`'s; this
//! binds them to controls and says what happened.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::comparison::{Comparison, Source, MAX_COLUMNS, MAX_LABEL_CHARS};
use crate::model::validate::parse_text;
use crate::storage::{self, Entry};
use crate::ui::field::{Choice, Field, TextInput};
use crate::ui::share::open_link;
use crate::ui::state::AppState;

/// Longest text the link box takes: the longest payload a link decodes,
/// with room for any address written before it.
const MAX_PASTED_CHARS: usize = crate::share::MAX_CHARS + crate::share::LONG_LINK_CHARS;

/// A column name as typed: one line of plain text within the limit.
fn parse_label(text: &str) -> Result<String, String> {
    parse_text(text, MAX_LABEL_CHARS)
}

/// The compared scenarios as cards, and the ways to add one.
#[component]
pub(super) fn Picker() -> impl IntoView {
    let state = AppState::expect();
    let columns = state.compared;
    let message = RwSignal::new(None::<String>);
    let saved = RwSignal::new(Vec::<Entry>::new());
    // Read again whenever the user reaches for the controls: the header's
    // library panel may have saved a scenario since the screen opened.
    let reload = move || {
        leptos::task::spawn_local(async move {
            match storage::load_library().await {
                Ok(list) => {
                    if saved.with_untracked(|l| *l != list) {
                        saved.set(list);
                    }
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    reload();
    let add_working = move |_| {
        if let Some(said) = columns.try_update(|c| c.add(Source::Working, "This scenario")) {
            message.set(Some(said.unwrap_or_else(|why| why)));
        }
    };
    let full = move || columns.with(Comparison::is_full);
    view! {
        <section class="panel compare__picker" aria-labelledby="compare-picker-title">
            <h2 class="panel__title" id="compare-picker-title">"Scenarios compared"</h2>
            <p class="field__hint">
                "Kept in this tab only while it is open; nothing is saved or sent anywhere."
            </p>
            <ol class="compare__columns">
                <For each=move || columns.with(|c| c.columns().to_vec()) key=|c| c.id let:col>
                    <ColumnCard id=col.id source=col.source message />
                </For>
            </ol>
            <Show
                when=move || !full()
                fallback=|| {
                    view! {
                        <p class="field__hint">
                            {format!(
                                "{MAX_COLUMNS} scenarios is the most compared at once: remove one to add another.",
                            )}
                        </p>
                    }
                }
            >
                <div
                    class="compare__add"
                    on:focusin=move |_| reload()
                    on:pointerenter=move |_| reload()
                >
                    <div class="compare__add-group">
                        <button
                            type="button"
                            class="button"
                            disabled=move || columns.with(Comparison::has_working)
                            on:click=add_working
                        >
                            "Add this scenario"
                        </button>
                    </div>
                    <AddSaved saved message />
                    <AddLink message />
                </div>
            </Show>
            <p role="status" class="compare__message">{move || message.get()}</p>
        </section>
    }
}

/// One compared scenario: its name, where it comes from, and its actions.
#[component]
fn ColumnCard(id: u32, source: Source, message: RwSignal<Option<String>>) -> impl IntoView {
    let state = AppState::expect();
    let columns = state.compared;
    let team = match &source {
        Source::Working => state.scenario.with_untracked(|s| s.team.clone()),
        Source::Saved(_, s) | Source::Link(s) | Source::Team(_, s) => s.team.clone(),
    };
    let hint = format!("{}; team “{team}”.", source.describe());
    let position = Memo::new(move |_| columns.with(|c| c.position(id).unwrap_or(0)));
    let label = Memo::new(move |_| {
        columns.with(|c| c.column(id).map(|c| c.label.clone()).unwrap_or_default())
    });
    let act = move |f: fn(&mut Comparison, u32) -> Option<String>| {
        if let Some(said) = columns.try_update(|c| f(c, id)).flatten() {
            message.set(Some(said));
        }
    };
    view! {
        <li class="compare__column">
            <Field
                id=format!("compare-label-{id}")
                label=Signal::derive(move || format!("Name of scenario {}", position.get() + 1))
                hint=hint
            >
                <TextInput
                    value=label
                    max_chars=MAX_LABEL_CHARS
                    parse=parse_label
                    on_change=Callback::new(move |text: String| columns.update(|c| c.rename(id, &text)))
                />
            </Field>
            <div class="compare__column-actions">
                <Show
                    when=move || { position.get() > 0 }
                    fallback=|| view! { <span class="compare__reference">"Reference"</span> }
                >
                    <button
                        type="button"
                        class="button button--quiet"
                        aria-label=move || format!("Use {} as the reference", label.get())
                        on:click=move |_| act(Comparison::make_reference)
                    >
                        "Use as reference"
                    </button>
                </Show>
                <button
                    type="button"
                    class="button button--quiet"
                    aria-label=move || format!("Remove {}", label.get())
                    on:click=move |_| act(Comparison::remove)
                >
                    "Remove"
                </button>
            </div>
        </li>
    }
}

/// Adds a scenario saved in the library.
#[component]
fn AddSaved(
    /// The library's entries.
    saved: RwSignal<Vec<Entry>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let columns = AppState::expect().compared;
    let picked = RwSignal::new(0usize);
    let options = Signal::derive(move || {
        saved.with(|l| {
            l.iter()
                .enumerate()
                .map(|(i, e)| (i, e.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let Some(e) = saved.with_untracked(|l| l.get(picked.get_untracked()).cloned()) else {
            return;
        };
        let source = Source::Saved(e.name.clone(), Arc::new(e.scenario));
        if let Some(said) = columns.try_update(|c| c.add(source, &e.name)) {
            message.set(Some(said.unwrap_or_else(|why| why)));
        }
    };
    view! {
        <div class="compare__add-group">
            <Show
                when=move || saved.with(|l| !l.is_empty())
                fallback=|| {
                    view! {
                        <p class="field__hint">
                            "No saved scenarios yet: save one from the header's Saved scenarios."
                        </p>
                    }
                }
            >
                <Field id="compare-saved" label="Saved scenario">
                    <Choice
                        options
                        selected=picked
                        on_change=Callback::new(move |i| picked.set(i))
                    />
                </Field>
                <button type="button" class="button" on:click=add>
                    "Add saved scenario"
                </button>
            </Show>
        </div>
    }
}

/// Adds a scenario from a share link.
#[component]
fn AddLink(message: RwSignal<Option<String>>) -> impl IntoView {
    let columns = AppState::expect().compared;
    let text = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let payload = crate::share::payload_in(&text.get_untracked()).to_string();
        if payload.is_empty() {
            message.set(Some("Paste a share link first.".into()));
            return;
        }
        leptos::task::spawn_local(async move {
            let said = match open_link(payload).await {
                Err(why) => Err(why),
                Ok(linked) => match columns.try_update(|c| c.add_link(linked)) {
                    Some(said) => said,
                    None => return,
                },
            };
            if said.is_ok() {
                let _ = text.try_set(String::new());
            }
            let _ = message.try_set(Some(said.unwrap_or_else(|why| why)));
        });
    };
    view! {
        <form class="compare__add-group" on:submit=add>
            <Field id="compare-link" label="Share link" hint="The whole link, or the part after “?s=”.">
                <TextInput
                    value=text
                    max_chars=MAX_PASTED_CHARS
                    on_change=Callback::new(move |t: String| text.set(t))
                />
            </Field>
            <button type="submit" class="button">
                "Add link"
            </button>
        </form>
    }
}
