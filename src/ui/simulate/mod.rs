//! The Simulate screen: how small improvements compound. The chosen plan's
//! fan charts, the strategies compared on the same axes, and the controls
//! that re-run the Monte Carlo live (domain.md §4–5).
//!
//! Parts: [`plans`] (the strategies compared), [`editor`] (the chosen
//! plan's sliders and advanced panel), [`settings`] (horizon, trials, seed
//! and the freeze policy), [`outlook`] (fan chart, timing and export),
//! [`tables`] (the numbers by week and the comparison at the horizon),
//! [`freeze`] (what the freeze policy contributes), [`goals`] (each goal's
//! chance) and [`seek`] (what it would take); below them the chosen plan
//! held against what happened since it started (`ui::reality`). Every rule they follow lives
//! in the model (`model::plan`) or the simulation (`sim::scenario`,
//! `sim::settings`); the runs themselves are shared (`ui::runs`). The
//! parts below the fan chart are built once it has painted (`AfterPaint`).

mod editor;
mod freeze;
mod goals;
mod outlook;
mod plans;
mod seek;
mod settings;
mod tables;

use leptos::prelude::*;

use crate::model::Metric;
use crate::ui::reality::PlanAgainstReality;
use crate::ui::state::AppState;
use crate::ui::turn::AfterPaint;

/// The Simulate screen.
#[component]
pub fn SimulateScreen() -> impl IntoView {
    let metric = RwSignal::new(Metric::LeadTime);
    view! {
        <div class="screen screen--simulate">
            <header class="screen__header">
                <h1 class="screen__title">"Simulate"</h1>
                <p class="screen__lede">
                    "Small improvements, cycle after cycle, each bounded by what the pipeline can do and feeding the others: the flywheel. Each chart shows the range of outcomes across many simulated futures."
                </p>
            </header>
            <div class="simulate">
                <section class="panel simulate__controls" aria-labelledby="plan-title">
                    <h2 class="panel__title" id="plan-title">"Plans"</h2>
                    <plans::PlanList />
                    <editor::PlanEditor />
                    <settings::RunSettings />
                    <settings::FreezePolicy />
                </section>
                <section class="panel simulate__results" aria-labelledby="outlook-title">
                    <h2 class="panel__title" id="outlook-title">"Outlook"</h2>
                    <outlook::Outlook metric />
                    <AfterPaint>
                        <freeze::FreezeContribution />
                        <goals::GoalChances />
                    </AfterPaint>
                </section>
            </div>
            <AfterPaint>
                <PlanAgainstReality id="simulate" metric=Some(metric.into()) />
            </AfterPaint>
        </div>
    }
}

/// The compared plans' names, in list order.
fn plan_names(state: AppState) -> Vec<String> {
    state
        .scenario
        .with(|s| s.simulation.plans.iter().map(|p| p.name.clone()).collect())
}
