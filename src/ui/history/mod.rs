//! The History screen: how the team's numbers actually moved. The monthly
//! trend of the last import, the baseline's dated snapshots (kept,
//! re-dated, deleted, compared in words), goals' check-ins filled from
//! those measurements, and the chosen plan held against what happened
//! since it started (`ui::reality`). The rules are the model's (`model::trend`,
//! `model::history`, `sim::reality`); this screen states them and binds
//! their results.

mod checkins;
mod compare;
mod edit;
mod snapshots;
mod trend;

use leptos::prelude::*;

use crate::model::history::Deleted;
use crate::model::trend::METRICS;
use crate::model::{Metric, Scenario};
use crate::ui::field::{Choice, Field};
use crate::ui::reality::PlanAgainstReality;
use crate::ui::state::AppState;

/// What the screen's parts share: the metric the charts show and the last
/// change's message.
#[derive(Clone, Copy)]
pub struct HistoryState {
    /// The metric every chart on the screen follows.
    pub metric: RwSignal<Metric>,
    /// A line about the last change, announced to screen readers.
    pub message: RwSignal<Option<String>>,
    /// The snapshot the last deletion removed, while it can be put back.
    pub undo: RwSignal<Option<Deleted>>,
}

impl HistoryState {
    /// Says what a change did; a new change ends the chance to undo an
    /// older deletion.
    pub fn say(self, text: String) {
        self.undo.set(None);
        self.message.set(Some(text));
    }
}

/// Makes a change to a copy of the scenario and keeps it only when the
/// model accepts it, so a refused change saves and redraws nothing.
pub fn change<T>(
    state: AppState,
    f: impl FnOnce(&mut Scenario) -> Result<T, String>,
) -> Result<T, String> {
    let mut copy = state.scenario.get_untracked();
    let result = f(&mut copy);
    if result.is_ok() {
        state.edit(|s| *s = copy);
    }
    result
}

/// The History screen.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = AppState::expect();
    let history = HistoryState {
        metric: RwSignal::new(Metric::LeadTime),
        message: RwSignal::new(None),
        undo: RwSignal::new(None),
    };
    let problems = Memo::new(move |_| state.scenario.with(|s| s.history.problems(state.today)));
    view! {
        <div class="screen screen--history">
            <header class="screen__header">
                <h1 class="screen__title">"History"</h1>
                <p class="screen__lede">
                    "How the team's numbers actually moved: month by month from imported data, and in the snapshots of the baseline kept along the way. Goals' check-ins can be filled from them, and the chosen plan held against what happened since it started."
                </p>
            </header>
            {move || {
                let list = problems.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <ul class="history__problems" aria-label="Problems with the history">
                                {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
            <Message history />
            <div class="history__metric">
                <Field id="history-metric" label="Metric in the charts">
                    <Choice
                        options=Signal::derive(|| {
                            METRICS.iter().map(|&m| (m, m.name().to_string())).collect::<Vec<_>>()
                        })
                        selected=history.metric
                        on_change=Callback::new(move |m| history.metric.set(m))
                    />
                </Field>
            </div>
            <trend::TrendSection history />
            <snapshots::Snapshots history />
            <compare::CompareSnapshots />
            <checkins::CheckIns history />
            <PlanAgainstReality id="history" metric=Some(history.metric.into()) />
        </div>
    }
}

/// The last change in words, with Undo after a deletion.
#[component]
fn Message(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let undo = move |_| {
        let Some(deleted) = history.undo.get_untracked() else {
            return;
        };
        let date = crate::model::date::format_date(deleted.snapshot.date);
        let mut result = Ok(());
        state.edit(|s| result = s.history.restore(deleted));
        history.undo.set(None);
        history.message.set(Some(match result {
            Ok(()) => format!("Put back the snapshot of {date}."),
            Err(why) => why,
        }));
    };
    view! {
        <div class="history__message" role="status" aria-live="polite">
            {move || history.message.get().map(|m| view! { <p>{m}</p> })}
            {move || {
                history
                    .undo
                    .with(Option::is_some)
                    .then(|| {
                        view! {
                            <button type="button" class="button button--quiet" on:click=undo>
                                "Undo"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
