//! Export and import of the scenario as a JSON file, to move it between
//! machines and to survive browsers that clear storage. A file that cannot
//! be opened changes nothing, and says so; one that opens can be undone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::names::file_name;
use crate::model::saved::{self, Source};
use crate::model::Scenario;
use crate::ui::state::AppState;

split_fn!(fn file_text(scenario: Scenario) -> String as export {
    crate::storage::to_file(&scenario)
});

/// Largest scenario file read, in bytes: far above any real scenario.
const MAX_FILE_BYTES: f64 = 5_000_000.0;

/// What to say when the file writer's chunk could not be fetched.
const EXPORT_UNAVAILABLE: &str =
    "The file could not be written: check the connection and reload the page; your work is saved.";

/// What opening the file's `text` did, in words; opens it when it can.
async fn open_file(state: AppState, name: &str, text: Option<String>) -> String {
    let Some(text) = text else {
        return format!("“{name}” could not be read; nothing was changed.");
    };
    match crate::storage::decode(text).await {
        Err(why) => why,
        Ok(saved::Loaded::Scenario(s)) => {
            let team = s.team.clone();
            state.replace_undoably(*s, format!("Opened “{team}” from {name}"));
            format!("Opened “{team}” from {name}.")
        }
        Ok(refused) => refused.message(Source::File(name)).unwrap_or_default(),
    }
}

#[component]
pub fn ScenarioFile() -> impl IntoView {
    let state = AppState::expect();
    // The file's (pretty-printed) writer is its own chunk, fetched on the
    // first export: most visits never export.
    let export = move |_| {
        let (name, scenario) = state
            .scenario
            .with_untracked(|s| (file_name(&s.team, ".json"), s.clone()));
        leptos::task::spawn_local(async move {
            let notice = match file_text(scenario).await {
                Err(_) => Some(EXPORT_UNAVAILABLE),
                Ok(text) => crate::ui::download::download(&name, &text, "application/json")
                    .is_none()
                    .then_some("This browser could not offer the file for download."),
            };
            if let Some(notice) = notice {
                state.load_notice.set(Some(notice.into()));
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = crate::model::limits::tidy(&file.name(), 80);
        if file.size() > MAX_FILE_BYTES {
            state.load_notice.set(Some(format!(
                "“{name}” is too large to be a Flywheel scenario; nothing was changed."
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            state
                .load_notice
                .set(Some(open_file(state, &name, text).await));
        });
    };
    view! {
        <button type="button" class="button button--quiet" on:click=export>
            "Export file"
        </button>
        <label class="button button--quiet share__file">
            "Import file"
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
        </label>
    }
}
