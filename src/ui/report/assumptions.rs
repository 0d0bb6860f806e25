//! What the numbers rest on: the lens and its sources, the simulation's
//! settings and chosen plan, and where the baseline came from — typed in,
//! measured from imported data, or some of each, as it is now (a value
//! typed over a measured one counts as typed).

use leptos::prelude::*;

use crate::model::standing::lens::{Lens, LensView};
use crate::model::units::{format_count, format_number};
use crate::model::{Metric, Scenario};

/// Where the baseline's values came from, in one sentence.
fn provenance(s: &Scenario) -> String {
    let Some(measured) = &s.measured else {
        return "The baseline was entered by hand.".to_string();
    };
    let from_data: Vec<String> = Metric::ALL
        .into_iter()
        .filter(|&m| measured.is_measured(m, &s.baseline))
        .map(|m| m.name().to_ascii_lowercase())
        .collect();
    let window = format!("{} to {}", measured.from, measured.to);
    let resampled = "week-to-week variation in the simulation is resampled from the imported data";
    if from_data.is_empty() {
        return format!(
            "The baseline was typed in over data imported from {window}, which no value holds any more; {resampled}."
        );
    }
    let typed_over: Vec<String> = measured
        .applied
        .iter()
        .filter(|&&m| !measured.is_measured(m, &s.baseline))
        .map(|m| m.name().to_ascii_lowercase())
        .collect();
    let which = from_data.join(", ");
    if typed_over.is_empty() {
        format!("The baseline was measured from deployments and incidents imported from {window} ({which}); {resampled}.")
    } else {
        format!(
            "The baseline is partly measured: {which} from data imported from {window}, while {} was typed over the measured value; {resampled}.",
            typed_over.join(", ")
        )
    }
}

/// The lens's sources in one sentence.
fn lens_line(s: &Scenario) -> String {
    let lens = LensView::of(s);
    match lens.lens {
        Lens::Scores2025 => format!(
            "Where we stand is read {}: the DORA Quick Check's 0–10 scores against its published mean ± sd for {}, percentiles by a normal approximation. The historical tiers are DORA's {} report's: {}",
            lens.phrase(),
            lens.peers.describe(),
            s.edition.year(),
            s.edition.source_note()
        ),
        Lens::Tiers => format!(
            "Where we stand is read {}. {}",
            lens.phrase(),
            s.edition.source_note()
        ),
    }
}

/// What the numbers rest on.
#[component]
pub(super) fn Assumptions() -> impl IntoView {
    let state = crate::ui::state::AppState::expect();
    let lines = move || {
        state.scenario.with(|s| {
            let sim = &s.simulation;
            let plan = sim.chosen_plan();
            vec![
                lens_line(s),
                format!(
                    "Simulation: {} trials over {} weeks, seed {}; the same seed gives the same numbers in every browser.",
                    format_count(u64::from(sim.trials)),
                    sim.horizon_weeks,
                    sim.seed
                ),
                format!(
                    "Chosen plan “{}”: {}-week PDCA cycles, {}% of capacity on improvement, {}% of experiments succeed; flywheel coupling {}.",
                    plan.name,
                    plan.cycle_weeks,
                    format_number(plan.capacity_pct, 1),
                    format_number(plan.success_pct, 1),
                    if plan.coupling.enabled { "on" } else { "off" }
                ),
                provenance(s),
            ]
        })
    };
    view! {
        <section class="panel report__section" aria-labelledby="report-assumptions">
            <h2 class="panel__title" id="report-assumptions">"Assumptions"</h2>
            <ul class="report__list">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
