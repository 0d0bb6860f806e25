//! The column-mapping step of a CSV read in Flywheel's columns, or in
//! columns Flywheel does not know: what the file holds, the column of each
//! field (suggested from the header), and its first rows.

use std::sync::Arc;

use leptos::prelude::*;

use super::files::Preview;
use super::state::Import;
use crate::model::import::exports::Mapping;
use crate::model::import::{
    DeployColumns, FileKind, IncidentColumns, DEPLOY_FIELDS, INCIDENT_FIELDS,
};
use crate::ui::field::{Choice, Field};
use crate::ui::table::Table;

/// What the step shows, compared cheaply.
#[derive(Clone, PartialEq)]
struct Step {
    name: String,
    preview: Arc<Preview>,
    columns: Mapping,
}

fn kind(m: &Mapping) -> FileKind {
    match m {
        Mapping::Deployments(_) => FileKind::Deployments,
        Mapping::Incidents(_) => FileKind::Incidents,
    }
}

/// The mapping step of entry `id`, when it is a CSV that has one.
#[component]
pub fn ColumnMapping(
    /// The panel's state.
    import: Import,
    /// The entry mapped.
    id: u32,
) -> impl IntoView {
    let step = Memo::new(move |_| {
        import.entries.with(|l| {
            let e = l.iter().find(|e| e.id == id)?;
            Some(Step {
                name: e.name.clone(),
                preview: e.preview.clone()?,
                columns: e.columns()?,
            })
        })
    });
    move || step.with(|s| s.as_ref().map(|s| view_step(import, id, s)))
}

fn view_step(import: Import, id: u32, s: &Step) -> impl IntoView {
    let headers = s.preview.headers.clone();
    let title = match kind(&s.columns) {
        FileKind::Deployments => "Deployment columns",
        FileKind::Incidents => "Incident columns",
    };
    let kinds: Vec<(FileKind, String)> = [FileKind::Deployments, FileKind::Incidents]
        .into_iter()
        .map(|k| (k, k.label().to_string()))
        .collect();
    let current = s.columns.clone();
    let switch = {
        let headers = headers.clone();
        Callback::new(move |k: FileKind| {
            let m = match k {
                FileKind::Deployments => Mapping::Deployments(DeployColumns::guess(&headers)),
                FileKind::Incidents => Mapping::Incidents(IncidentColumns::guess(&headers)),
            };
            import.map(id, m);
        })
    };
    let fields: Vec<&'static str> = match &current {
        Mapping::Deployments(_) => DEPLOY_FIELDS.iter().map(|f| f.0).collect(),
        Mapping::Incidents(_) => INCIDENT_FIELDS.iter().map(|f| f.0).collect(),
    };
    let options: Vec<(Option<String>, String)> =
        std::iter::once((None, "(not in the file)".to_string()))
            .chain(headers.iter().map(|h| (Some(h.clone()), h.clone())))
            .collect();
    let pickers = fields
        .into_iter()
        .enumerate()
        .map(|(i, field)| {
            let chosen = match &current {
                Mapping::Deployments(c) => c.get(i).cloned(),
                Mapping::Incidents(c) => c.get(i).cloned(),
            };
            let base = current.clone();
            let pick = Callback::new(move |column: Option<String>| {
                let mut m = base.clone();
                match &mut m {
                    Mapping::Deployments(c) => c.set(i, column),
                    Mapping::Incidents(c) => c.set(i, column),
                }
                import.map(id, m);
            });
            let options = options.clone();
            view! {
                <Field id=format!("map-{id}-{field}") label=format!("Column for {field}")>
                    <Choice options selected=chosen on_change=pick />
                </Field>
            }
        })
        .collect_view();
    let rows = s
        .preview
        .rows
        .iter()
        .map(|row| {
            view! { <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> }
        })
        .collect_view();
    view! {
        <details class="import-mapping" open>
            <summary class="import-mapping__title">{format!("{title} of {}", s.name)}</summary>
            <div class="import-mapping__pickers">
                <Field id=format!("map-{id}-kind") label="This file holds">
                    <Choice options=kinds selected=kind(&current) on_change=switch />
                </Field>
                {pickers}
            </div>
            <Table class="import-preview" caption=format!("{title}: first rows") columns=headers>
                {rows}
            </Table>
        </details>
    }
}
