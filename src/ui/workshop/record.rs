//! A record to keep: the workshop's outcome as the report prints it, and
//! as files — Markdown for a wiki page, CSV for a spreadsheet, JSON — all
//! from the model's one `Record`, whose dots stay out until the reveal.

use leptos::prelude::*;

use crate::model::names::file_name;
use crate::model::workshop::Record as Outcome;
use crate::ui::download::download;
use crate::ui::state::AppState;
use crate::ui::workshop_record::WorkshopRecord;

/// A file format the record is offered in.
#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Csv,
    Json,
}

impl Format {
    const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    /// The file's name suffix, its type, and its text.
    fn file(self, record: &Outcome) -> (&'static str, &'static str, String) {
        match self {
            Format::Markdown => (".md", "text/markdown", record.markdown()),
            Format::Csv => (".csv", "text/csv", record.csv()),
            Format::Json => (".json", "application/json", record.json()),
        }
    }
}

/// The record on screen, and its exports.
#[component]
pub(super) fn Record() -> impl IntoView {
    let state = AppState::expect();
    let failed = RwSignal::new(false);
    let export = move |format: Format| {
        let record = state
            .scenario
            .with_untracked(|s| Outcome::of(s, state.today));
        let (suffix, mime, text) = format.file(&record);
        let name = file_name(&format!("{} workshop", record.title), suffix);
        failed.set(download(&name, &text, mime).is_none());
    };
    view! {
        <WorkshopRecord title="A record to keep" id="record-title" />
        <section class="panel" aria-labelledby="export-title">
            <h2 class="panel__title" id="export-title">"Export the record"</h2>
            <p>
                "The committed goals with their proposers, dots (once revealed), owners, first check-ins and first initiatives, and the parking lot. The leadership report prints the same."
            </p>
            <div class="workshop__exports">
                {Format::ALL
                    .into_iter()
                    .map(|f| {
                        view! {
                            <button type="button" class="button" on:click=move |_| export(f)>
                                {format!("Export {}", f.name())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p role="alert" class="workshop__status">
                {move || failed.get().then_some("This browser could not offer the file for download.")}
            </p>
        </section>
    }
}
