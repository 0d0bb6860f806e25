//! The files held, each said in the model's words: what it was recognised
//! as and what it holds, what was merged, left out or unreadable, the
//! question it raises (how its dates are written, which metric it holds),
//! its column-mapping step when it is a CSV, and a button to remove it.

use leptos::prelude::*;

use super::files::{Entry, Status};
use super::mapping::ColumnMapping;
use super::state::Import;
use crate::model::date::locale::DateForm;
use crate::model::import::exports::{DoraMetric, FileOptions, Question};
use crate::ui::field::{Choice, Field};

/// What a file's item shows, compared cheaply (never its bytes).
#[derive(Clone, PartialEq)]
struct Shown {
    name: String,
    status: Status,
    asked: Option<Question>,
    options: FileOptions,
}

fn shown(e: &Entry) -> Shown {
    Shown {
        name: e.name.clone(),
        status: e.status.clone(),
        asked: e.asked.clone(),
        options: e.options,
    }
}

/// Every file held.
#[component]
pub fn FileList(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let ids = Memo::new(move |_| {
        import
            .entries
            .with(|l| l.iter().map(|e| e.id).collect::<Vec<u32>>())
    });
    view! {
        <Show when=move || ids.with(|i| !i.is_empty())>
            <ul class="import-files" aria-label="Files read">
                <For each=move || ids.get() key=|id| *id let:id>
                    <FileItem import id />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn FileItem(import: Import, id: u32) -> impl IntoView {
    let item = Memo::new(move |_| {
        import
            .entries
            .with(|l| l.iter().find(|e| e.id == id).map(shown))
    });
    let name = move || item.with(|i| i.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let body = move || {
        item.with(|i| {
            let i = i.as_ref()?;
            Some(match &i.status {
                Status::Reading => view! { <p class="import-file__summary">{format!("{}: reading…", i.name)}</p> }.into_any(),
                Status::Refused(m) => {
                    view! {
                        <p class="import-file__summary">{i.name.clone()}</p>
                        <p class="import__error" role="alert">{m.clone()}</p>
                    }
                        .into_any()
                }
                Status::Read(r) => {
                    view! {
                        <p class="import-file__summary">{format!("{}: {}", i.name, r.summary)}</p>
                        {r.unusable.clone().map(|u| view! { <p class="import__error" role="alert">{u}</p> })}
                        <ul class="import-file__details">
                            {r.details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            })
        })
    };
    let question = move || {
        item.with(|i| {
            let i = i.as_ref()?;
            Some(match i.asked.clone()? {
                Question::DateForm { candidates, .. } => {
                    date_form(import, id, &i.name, candidates).into_any()
                }
                Question::DoraMetric { candidates } => {
                    metric(import, id, &i.name, candidates).into_any()
                }
            })
        })
    };
    view! {
        <li class="import-file">
            {body}
            {question}
            <ColumnMapping import id />
            <button type="button" class="button button--quiet" on:click=move |_| import.remove(id)>
                {move || format!("Remove {}", name())}
            </button>
        </li>
    }
}

/// "How are the dates written?" for a file whose dates read more than one
/// way.
fn date_form(import: Import, id: u32, name: &str, candidates: Vec<DateForm>) -> impl IntoView {
    let options: Vec<(Option<DateForm>, String)> = std::iter::once((None, "Choose…".to_string()))
        .chain(
            candidates
                .into_iter()
                .map(|f| (Some(f), f.name().to_string())),
        )
        .collect();
    let selected = Signal::derive(move || {
        import.entries.with(|l| {
            l.iter()
                .find(|e| e.id == id)
                .and_then(|e| e.options.date_form)
        })
    });
    let choose = Callback::new(move |f: Option<DateForm>| {
        if f.is_some() {
            import.answer(id, |o| o.date_form = f);
        }
    });
    view! {
        <Field id=format!("import-question-{id}") label=format!("How {name} writes its dates")>
            <Choice options selected on_change=choose />
        </Field>
    }
}

/// "Which metric does it hold?" for a GitLab DORA file that does not say.
fn metric(import: Import, id: u32, name: &str, candidates: Vec<DoraMetric>) -> impl IntoView {
    let options: Vec<(Option<DoraMetric>, String)> = std::iter::once((None, "Choose…".to_string()))
        .chain(
            candidates
                .into_iter()
                .map(|m| (Some(m), m.name().to_string())),
        )
        .collect();
    let selected = Signal::derive(move || {
        import.entries.with(|l| {
            l.iter()
                .find(|e| e.id == id)
                .and_then(|e| e.options.dora_metric)
        })
    });
    let choose = Callback::new(move |m: Option<DoraMetric>| {
        if m.is_some() {
            import.answer(id, |o| o.dora_metric = m);
        }
    });
    view! {
        <Field id=format!("import-question-{id}") label=format!("Which metric {name} holds")>
            <Choice options selected on_change=choose />
        </Field>
    }
}
