//! "Import from data" on the Baseline screen: paste or drop the exports a
//! team already has (GitHub, GitLab, Four Keys, DevLake, git, PagerDuty,
//! Opsgenie, incident.io, Jira, or CSV in Flywheel's columns), see each
//! recognised in words, choose what counts with the counts beside each
//! choice, review how incidents were tied to deployments and correct any,
//! see the measured baseline with its distributions, and apply it.
//! Everything is read and computed in the browser by
//! `model::import::exports`; nothing is uploaded, and nothing in the
//! scenario changes until Apply. The panel is its own WebAssembly chunk
//! (see `ui::baseline`), fetched the first time it is opened.

mod choices;
mod dora;
mod figures;
mod files;
mod list;
mod load;
mod mapping;
mod rejected;
mod settings;
mod sources;
mod state;
mod ties;

use leptos::prelude::*;

use crate::model::date::timestamp;
use crate::model::trend;
use crate::ui::state::AppState;
use state::Import;

/// The import panel.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let import = Import::new();
    leptos::task::spawn_local(async {
        crate::ui::turn::next_turn().await;
        load::warm();
    });

    let apply = move |_| {
        // Copied out first: the scenario is edited with no memo borrowed.
        let figures = import.figures.with_untracked(|f| {
            f.as_ref()
                .map(|f| (f.value.report.clone().ok(), f.value.dora.clone()))
        });
        let Some((report, dora)) = figures.filter(|(r, d)| r.is_some() || d.is_some()) else {
            return;
        };
        // The whole data's months, not only the window's: the History
        // screen's trend.
        let zone = timestamp::offset(import.zone_minutes.get_untracked());
        let trend = import
            .analysis
            .with_untracked(|a| trend::from_data(a.value.dataset(), zone).ok())
            .map(|t| t.trend);
        let months = trend.as_ref().map_or(0, |t| t.rows().len());
        let mut measured = None;
        // Applying replaces what was typed, so the status bar offers Undo.
        state.edit_undoably("Applied imported data to the baseline", |s| {
            let m = match (report, dora) {
                (Some(report), _) => report.apply(&mut s.baseline),
                (None, Some(dora)) => dora.apply(&mut s.baseline),
                (None, None) => return,
            };
            if trend.is_some() {
                s.history.trend = trend;
            }
            s.measured = Some(m.clone());
            measured = Some(m);
        });
        let Some(measured) = measured else {
            return;
        };
        // Metric names are ASCII: `to_lowercase` would bring Unicode's
        // case tables (7 KB) into the chunk.
        let names: Vec<String> = measured
            .applied
            .iter()
            .map(|m| m.name().to_ascii_lowercase())
            .collect();
        let history = match months {
            0 => String::new(),
            1 => " The data's monthly trend (1 month) is on the History screen.".to_string(),
            n => format!(" The data's monthly trend ({n} months) is on the History screen."),
        };
        import.applied.set(Some(format!(
            "Applied to the baseline: {}. The fields are marked \u{201c}measured from data\u{201d}.{history}",
            names.join(", ")
        )));
    };
    let applicable = move || {
        import
            .figures
            .with(|f| f.as_ref().is_some_and(|f| f.value.applicable()))
    };

    view! {
        <div class="import__body">
            <div class="import__actions">
                <button type="button" class="button" on:click=move |_| import.sample()>
                    "Try with sample data"
                </button>
            </div>
            <sources::Sources import />
            <list::FileList import />
            <settings::Settings import />
            <choices::ChoicesPanel import />
            <div class="import__result" aria-live="polite">
                <figures::Figures import />
                <ties::Ties import />
                <rejected::RejectedRows import />
            </div>
            <div class="import__apply">
                <button type="button" class="button" disabled=move || !applicable() on:click=apply>
                    "Apply to baseline"
                </button>
                <p class="import__applied" role="status">{move || import.applied.get()}</p>
            </div>
        </div>
    }
}
