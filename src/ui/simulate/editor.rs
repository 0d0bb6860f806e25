//! The chosen plan's editor: a slider per knob (`model::plan::Knob`, whose
//! ranges are the model's), the effects per metric, the advanced panel
//! (coupling, erosion, variation) and the reset. Every change goes through
//! `Simulation::set_knob` / `edit_plan`, which mark the plan edited.

use leptos::prelude::*;

use crate::model::plan::Knob;
use crate::ui::field::{Checkbox, Field, RangeInput};
use crate::ui::state::AppState;

/// Sliders for the chosen plan, with the effects and the advanced panel.
#[component]
pub fn PlanEditor() -> impl IntoView {
    let state = AppState::expect();
    let name = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    });
    let coupled = Signal::derive(move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().coupling.enabled)
    });
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">{move || format!("Plan: {}", name.get())}</legend>
            <Sliders knobs=&Knob::MAIN />
            <details class="details">
                <summary>"Effect of one successful cycle, per metric"</summary>
                <p class="footnote">
                    "Share of the remaining gap to the metric's bound that one successful cycle closes, at 10% capacity; more capacity closes proportionally more."
                </p>
                <Sliders knobs=&Knob::EFFECTS />
            </details>
            <details class="details">
                <summary>"Advanced: flywheel coupling, erosion and variation"</summary>
                <Checkbox
                    id="coupling-enabled"
                    label="Flywheel coupling on"
                    checked=coupled
                    on_change=Callback::new(move |on| {
                        state.edit(|s| {
                            let i = s.simulation.chosen;
                            s.simulation.edit_plan(i, |p| p.coupling.enabled = on);
                        })
                    })
                    hint="Off: each metric improves on its own, the uncoupled model. On: faster recovery makes deployment-frequency gains larger, more frequent deployments make lead-time and failure-rate gains larger, and freed firefighting hours are partly reinvested, each after the lag."
                />
                <Sliders knobs=&Knob::ADVANCED />
            </details>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    state.edit(|s| {
                        let i = s.simulation.chosen;
                        s.simulation.reset_to_preset(i);
                    })
                }
            >
                "Reset this plan to its preset"
            </button>
        </fieldset>
    }
}

/// A slider per knob, bound to the chosen plan.
#[component]
fn Sliders(
    /// The knobs, in display order.
    knobs: &'static [Knob],
) -> impl IntoView {
    knobs
        .iter()
        .map(|&knob| view! { <Slider knob /> })
        .collect_view()
}

/// One knob of the chosen plan as a slider over the model's range. While
/// the thumb moves the shared runs preview the chosen plan with fewer
/// trials (`Runs::dragging`), and run in full when it is released.
#[component]
fn Slider(
    /// The number it sets.
    knob: Knob,
) -> impl IntoView {
    let state = AppState::expect();
    let dragging = state.runs().dragging;
    let value = Memo::new(move |_| {
        state
            .scenario
            .with(|s| knob.get(s.simulation.chosen_plan()))
    });
    let range = knob.range();
    view! {
        <Field id=knob.key() label=knob.label().to_string() class="slider">
            <RangeInput
                value=value
                text=Signal::derive(move || knob.describe(value.get()))
                min=range.min
                max=range.max
                step=range.step
                on_input=Callback::new(move |v| {
                    dragging.set(true);
                    state.edit(|s| {
                        s.simulation.set_knob(knob, v);
                    });
                })
                on_release=Callback::new(move |()| dragging.set(false))
            />
        </Field>
    }
}
