//! Adding teams: the working scenario, saved scenarios, pasted share links
//! (many at once, one per line) and scenario files (several at once). Each
//! addition says what it did, in words; a bad line or file changes nothing
//! but itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::saved::{self, Source as FileSource};
use crate::model::teams::{Source, MAX_TEAMS};
use crate::share::teams::add_links;
use crate::ui::field::{Choice, Field, TextArea};
use crate::ui::state::AppState;
use crate::ui::team_set::TeamsState;

/// The panel of ways to add teams.
#[component]
pub fn AddTeams(teams: TeamsState) -> impl IntoView {
    let state = AppState::expect();
    let pasted = RwSignal::new(String::new());
    let outcomes = RwSignal::new(Vec::<String>::new());
    // The library as the panel opened, to choose from; adding reads it
    // again, in case the header's library panel changed it since.
    let saved = RwSignal::new(Vec::new());
    leptos::task::spawn_local(async move {
        saved.set(crate::storage::load_library().await.unwrap_or_default());
    });
    let picked = RwSignal::new(0usize);
    let add_working = move |_| {
        let s = state.scenario.get_untracked();
        let mut words = String::new();
        teams.edit(|t| words = t.add(s, Source::Working).words());
        outcomes.set(vec![words]);
    };
    let add_saved = move |_| {
        leptos::task::spawn_local(async move {
            let library = crate::storage::load_library().await.unwrap_or_default();
            let Some(entry) = library.get(picked.get_untracked()).cloned() else {
                outcomes.set(vec!["Nothing is saved in this browser yet.".to_string()]);
                return;
            };
            let mut words = String::new();
            teams.edit(|t| words = t.add(entry.scenario, Source::Saved(entry.name)).words());
            outcomes.set(vec![words]);
        });
    };
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        let mut lines = Vec::new();
        teams.edit(|t| lines = add_links(t, &text));
        if lines.is_empty() {
            outcomes.set(vec!["Paste one link per line first.".to_string()]);
        } else {
            outcomes.set(lines.iter().map(|l| l.words()).collect());
            if lines
                .iter()
                .all(|l| l.result.as_ref().is_ok_and(|a| a.is_added()))
            {
                pasted.set(String::new());
            }
        }
    };
    let add_files = move |ev: leptos::ev::Event| {
        let Some(files) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
        else {
            return;
        };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        leptos::task::spawn_local(async move {
            let mut lines = Vec::new();
            for file in files {
                let name = file.name();
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let line = match crate::storage::decode(text).await {
                    Err(why) => format!("{name}: {why}"),
                    Ok(saved::Loaded::Scenario(s)) => {
                        let mut words = String::new();
                        teams.edit(|t| words = t.add(*s, Source::File(name.clone())).words());
                        format!("{name}: {words}")
                    }
                    Ok(other) => other.message(FileSource::File(&name)).unwrap_or_default(),
                };
                lines.push(line);
            }
            outcomes.set(lines);
        });
    };
    view! {
        <section class="panel teams__add" aria-labelledby="teams-add-title">
            <h2 class="panel__title" id="teams-add-title">"Add teams"</h2>
            <p class="footnote">
                {format!("Up to {MAX_TEAMS} teams. Each keeps its own plan, seed and trial count; the same scenario twice is refused.")}
            </p>
            <div class="teams__add-row">
                <button type="button" class="button" on:click=add_working>
                    "Add the working scenario"
                </button>
                {move || {
                    let list = saved.get();
                    (!list.is_empty()).then(|| {
                        let options: Vec<(usize, String)> = list.iter().enumerate().map(|(i, e)| (i, e.name.clone())).collect();
                        view! {
                            <Field id="teams-saved" label="Saved scenario">
                                <Choice options selected=picked on_change=Callback::new(move |i| picked.set(i)) />
                                <button type="button" class="button" on:click=add_saved>"Add as a team"</button>
                            </Field>
                        }
                    })
                }}
                <label class="button button--quiet">
                    "Add scenario files"
                    <input type="file" multiple accept=".json,application/json" class="visually-hidden" on:change=add_files />
                </label>
            </div>
            <Field
                id="teams-links"
                label="Share links, one per line"
                hint="A link to one scenario adds one team; a link to a set of teams adds each of them."
            >
                <TextArea text=pasted rows=4 />
            </Field>
            <button type="button" class="button" on:click=add_pasted>"Add these teams"</button>
            <ul class="teams__outcomes" aria-live="polite">
                {move || outcomes.get().into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
            </ul>
        </section>
    }
}
