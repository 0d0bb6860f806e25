//! The strategies compared: choose one, add a preset, remove one. The list
//! operations are the model's (`Simulation::add_preset`, `remove`,
//! `choose`).

use leptos::prelude::*;

use crate::model::plan::{Preset, MAX_PLANS};
use crate::ui::field::{Choice, Field, Radio};
use crate::ui::state::AppState;

/// The plans compared, the chosen one marked, with a way to add a preset.
#[component]
pub fn PlanList() -> impl IntoView {
    let state = AppState::expect();
    let adding = RwSignal::new(Preset::Kaizen);
    let presets: Vec<(Preset, String)> = Preset::ALL
        .iter()
        .map(|p| (*p, p.title().to_string()))
        .collect();
    let count = Memo::new(move |_| state.scenario.with(|s| s.simulation.plans.len()));
    let can_add = Memo::new(move |_| state.scenario.with(|s| s.simulation.can_add()));
    let can_remove = Memo::new(move |_| state.scenario.with(|s| s.simulation.can_remove()));
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Strategies compared"</legend>
            <ul class="plan-list">
                {move || (0..count.get()).map(|i| view! { <PlanItem i can_remove /> }).collect_view()}
            </ul>
            <Field
                id="add-plan"
                label="Add a strategy"
                hint=format!("Compare up to {MAX_PLANS} strategies on the same axes.")
            >
                <Choice
                    options=presets
                    selected=adding
                    on_change=Callback::new(move |p| adding.set(p))
                />
                <button
                    type="button"
                    class="button"
                    disabled=move || !can_add.get()
                    on:click=move |_| {
                        state.edit(|s| {
                            s.simulation.add_preset(adding.get_untracked());
                        })
                    }
                >
                    "Add to comparison"
                </button>
            </Field>
        </fieldset>
    }
}

/// Plan `i` of the list: its name and description, chosen or not, and a
/// button removing it.
#[component]
fn PlanItem(
    /// Its position in the list.
    i: usize,
    /// Whether a plan may be removed (one always stays).
    can_remove: Memo<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let plan = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.simulation
                .plans
                .get(i)
                .map(|p| (p.name.clone(), p.description()))
                .unwrap_or_default()
        })
    });
    let chosen = Memo::new(move |_| state.scenario.with(|s| s.simulation.chosen == i));
    view! {
        <li class="plan-list__item" class:plan-list__item--chosen=move || chosen.get()>
            <Radio
                id=format!("plan-choice-{i}")
                group="chosen-plan"
                checked=chosen
                on_select=Callback::new(move |()| {
                    state.edit(|s| {
                        s.simulation.choose(i);
                    })
                })
            >
                <span class="plan-list__name">{move || plan.with(|p| p.0.clone())}</span>
                <span class="plan-list__desc">{move || plan.with(|p| p.1.clone())}</span>
            </Radio>
            <button
                type="button"
                class="button button--quiet"
                aria-label=move || plan.with(|p| format!("Remove {}", p.0))
                disabled=move || !can_remove.get()
                on:click=move |_| {
                    state.edit(|s| {
                        s.simulation.remove(i);
                    })
                }
            >
                "Remove"
            </button>
        </li>
    }
}
