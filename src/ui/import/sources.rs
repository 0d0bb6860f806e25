//! Where files come in: a box to paste an export into, a picker for one or
//! more files, and the whole box as a drop zone for several at once.

use leptos::prelude::*;

use super::state::Import;
use crate::model::import::{MAX_INPUT_BYTES, MAX_JSON_BYTES};
use crate::ui::field::{Field, TextArea};

fn megabytes(bytes: usize) -> usize {
    bytes / (1024 * 1024)
}

/// The files in a file list, in order.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The paste box, the file picker and the drop zone.
#[component]
pub fn Sources(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let on_file = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(target.files());
        if !files.is_empty() {
            import.add_files(files);
        }
        // The same file chosen again is read again.
        target.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            import.add_files(files);
        }
    };
    let hint = format!(
        "JSON or CSV as the tool wrote it (GitHub, GitLab, Four Keys, DevLake, PagerDuty, Opsgenie, incident.io, Jira, git log --numstat) or CSV in Flywheel's columns. JSON files up to {} MB, others up to {} MB.",
        megabytes(MAX_JSON_BYTES),
        megabytes(MAX_INPUT_BYTES)
    );
    view! {
        <div
            class="import-source"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            // The box's text reaches the panel as the input event bubbles.
            <div on:input=move |ev| import.paste(event_target_value(&ev))>
                <Field id="import-paste" label="Paste an export" hint>
                    <TextArea
                        text=import.pasted
                        rows=5
                        class="import-source__text"
                        placeholder="Paste JSON or CSV here, or drop files on this box"
                    />
                </Field>
            </div>
            <div class="import-source__file">
                // The picker comes first so its focus ring can be drawn on
                // the label that stands in for it.
                <input
                    id="import-files"
                    class="import-source__picker"
                    type="file"
                    multiple
                    accept=".json,.jsonl,.ndjson,.csv,.txt,.log,application/json,text/csv,text/plain"
                    on:change=on_file
                />
                <label class="button button--quiet" for="import-files">
                    "Choose files"
                </label>
                {move || {
                    import
                        .pasted
                        .with(|t| !t.trim().is_empty())
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    on:click=move |_| import.paste_another()
                                >
                                    "Paste another"
                                </button>
                            }
                        })
                }}
            </div>
        </div>
    }
}
