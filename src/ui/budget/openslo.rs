//! OpenSLO v1 out and in: the SLO and its alert policies saved as YAML,
//! and an OpenSLO `SLO` document pasted or chosen as a file, which the
//! whole screen then follows. An import that fails changes nothing and
//! names what it could not take.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::slo::yaml::MAX_YAML_BYTES;
use crate::model::slo::{export_openslo, import_openslo};
use crate::ui::download::download;
use crate::ui::field::{Field, TextArea};
use crate::ui::state::AppState;
use crate::ui::upload::{chosen_file, file_text};

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Imported, with what was left aside.
    Done { name: String, notes: Vec<String> },
    /// Refused, with every reason; nothing changed.
    Refused(Vec<String>),
}

/// OpenSLO export and import.
#[component]
pub fn OpenSloPanel(
    /// Places a calendar month the user has not chosen.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let export = Memo::new(move |_| state.scenario.with(|s| export_openslo(&s.slo, today)));
    let file = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.slo.monitoring.file_name("openslo.yaml"))
    });
    let saved = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);

    let import = move |text: &str, source: String| {
        let base = state.scenario.with_untracked(|s| s.slo.clone());
        match import_openslo(text, &base) {
            Ok(got) => {
                let name = got.slo.monitoring.name.clone();
                outcome.set(Some(Outcome::Done {
                    name: if name.is_empty() { source } else { name },
                    notes: got.notes,
                }));
                state.edit(|s| s.slo = got.slo);
            }
            Err(e) => outcome.set(Some(Outcome::Refused(e.problems))),
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        // Refused before reading: the reader would refuse it anyway.
        if file.size() > MAX_YAML_BYTES as f64 {
            outcome.set(Some(Outcome::Refused(vec![format!(
                "{name} is larger than {} KB, too large for an OpenSLO document.",
                MAX_YAML_BYTES / 1024
            )])));
            return;
        }
        leptos::task::spawn_local(async move {
            match file_text(&file).await {
                Some(text) => import(&text, name),
                None => outcome.set(Some(Outcome::Refused(vec![format!(
                    "{name} could not be read as text."
                )]))),
            }
        });
    };
    let out = move || match export.get() {
        // The same needs as the rules, listed there once.
        Err(_) => view! {
            <p>"The OpenSLO file needs what the Prometheus rules need, listed above."</p>
        }
        .into_any(),
        Ok(doc) => {
            let notes = doc.notes.clone();
            view! {
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        let name = file.get_untracked();
                        saved.set(Some(match download(&name, &doc.text, "application/yaml") {
                            Some(()) => format!("Saved {name}."),
                            None => "This browser did not allow saving the file.".to_string(),
                        }));
                    }
                >
                    "Save as OpenSLO YAML"
                </button>
                <ul class="budget__notes">
                    {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let result = move || {
        outcome.get().map(|o| match o {
            Outcome::Done { name, notes } => view! {
                <div class="budget__imported">
                    <p>{format!("Imported “{name}”: the screen now shows its SLO.")}</p>
                    <ul class="budget__notes">
                        {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Outcome::Refused(problems) => view! {
                <div class="budget__warning">
                    <p>"This file could not be imported, and nothing was changed:"</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section class="panel budget__section" aria-labelledby="openslo-title">
            <h2 class="panel__title" id="openslo-title">"OpenSLO"</h2>
            <p class="footnote">
                "OpenSLO v1: the SLO with its indicator and one alert policy per alert-table row. An imported SLO document replaces the target, window, budgeting method, names, labels and (for PromQL queries) the SLI; incidents, traffic and the policy stay."
            </p>
            <h3 class="budget__subtitle">"Export"</h3>
            {out}
            <p class="budget__note" role="status">{move || saved.get()}</p>
            <h3 class="budget__subtitle">"Import"</h3>
            <Field id="openslo-text" label="OpenSLO document" hint="Paste the YAML of an SLO document, or choose a file.">
                <TextArea text=pasted rows=8 max_chars=MAX_YAML_BYTES />
            </Field>
            <div class="budget__export-actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || pasted.with(|t| t.trim().is_empty())
                    on:click=move |_| import(&pasted.get_untracked(), "the pasted document".to_string())
                >
                    "Import pasted YAML"
                </button>
                <label class="button button--quiet budget__file">
                    "Choose an OpenSLO file"
                    <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" class="visually-hidden" on:change=choose />
                </label>
            </div>
            <div role="status" aria-live="polite">{result}</div>
        </section>
    }
}
