//! "What would it take?": the effect per cycle the chosen plan needs for a
//! goal to reach a 50% and an 85% chance (`sim::scenario::seek_effect`,
//! built like every other run of the scenario).

use leptos::prelude::*;

use crate::model::goals::GoalId;
use crate::model::units::format_number;
use crate::sim::scenario::seek_effect;
use crate::ui::field::{Choice, Field};
use crate::ui::state::AppState;

/// Picks a goal and finds the effect it needs, on request.
#[component]
pub fn GoalSeek() -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    let picked = RwSignal::new(None::<GoalId>);
    let answer = RwSignal::new(None::<String>);
    let options = Memo::new(move |_| {
        let targets = runs.targets.get();
        state.scenario.with(|s| {
            targets
                .iter()
                .filter_map(|(id, _)| s.goals.get(*id).map(|g| (*id, g.title.clone())))
                .collect::<Vec<_>>()
        })
    });
    // The goal picked while it is still offered, else the first.
    let selected = Memo::new(move |_| {
        options.with(|o| {
            picked
                .get()
                .filter(|id| o.iter().any(|(g, _)| g == id))
                .or_else(|| o.first().map(|(g, _)| *g))
                .unwrap_or_default()
        })
    });
    let freeze = runs.freeze;
    let seek = move |_| {
        let id = selected.get_untracked();
        let Some(target) = runs
            .targets
            .with_untracked(|t| t.iter().find(|(g, _)| *g == id).map(|(_, t)| *t))
        else {
            return;
        };
        let freeze = freeze.get_untracked().map(|o| o.freeze());
        let text = state.scenario.with_untracked(|s| {
            let plan = s.simulation.chosen_plan();
            let current = plan.effect_pct.get(target.metric).unwrap_or(0.0);
            let title = s.goals.get(id).map(|g| g.title.clone()).unwrap_or_default();
            let describe = |p: Option<f64>| {
                p.map_or_else(
                    || "out of reach with this plan's cycle and capacity".to_string(),
                    |e| format!("{}% of the gap per successful cycle", format_number(e, 1)),
                )
            };
            format!(
                "“{title}”: a 50% chance needs {}; an 85% chance needs {}. {} now assumes {}%.",
                describe(seek_effect(s, target, freeze, 0.5)),
                describe(seek_effect(s, target, freeze, 0.85)),
                plan.name,
                format_number(current, 1),
            )
        });
        answer.set(Some(text));
    };
    view! {
        <div class="goal-seek">
            <Field id="seek-goal" label="What would it take?">
                <Choice
                    options
                    selected
                    on_change=Callback::new(move |id| picked.set(Some(id)))
                />
                <button type="button" class="button" on:click=seek>
                    "Find the effect needed"
                </button>
            </Field>
            <p class="goal-seek__answer" aria-live="polite">{move || answer.get()}</p>
        </div>
    }
}
