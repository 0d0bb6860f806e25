//! The plan against reality, on History, Simulate and the Report: where
//! each measurement since the plan's start falls among the plan's
//! simulated futures, and each goal's chance as planned beside the chance
//! re-computed from the latest actuals at the pace observed
//! (`sim::reality`), with both methods stated.
//!
//! The two runs take up to about a second at the largest settings, so they
//! never run while the page draws: "Simulating…" shows, the browser paints
//! it, then they run once — on the button, or when the section opens where
//! it runs by itself (the Report). The result keeps the scenario it
//! was computed from, so an edit since is said rather than silently shown
//! against old numbers.

use leptos::prelude::*;
use leptos::task::spawn_local;

mod view;

use self::view::RealityView;
use crate::model::date::format_date;
use crate::model::{Metric, Scenario};
use crate::sim::reality::{plan_against_reality, Reality};
use crate::ui::runs::now_ms;
use crate::ui::state::AppState;
use crate::ui::turn::after_paint;

/// Where the comparison stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Held {
    /// Not run since the screen opened.
    Idle,
    /// Running: "Simulating…" is shown.
    Running,
    /// Run over `scenario`, in `millis`.
    Done {
        scenario: Box<Scenario>,
        result: Result<Box<Reality>, String>,
        millis: f64,
    },
}

/// The plan-against-reality section. `id` prefixes its element ids (one
/// section per screen); `metric` is the metric its fan chart follows, or
/// `None` for one chart per metric with actuals (the printed Report).
/// `auto` runs it as soon as it opens; `class` is the screen's own section
/// class, for its layout and print rules.
#[component]
pub fn PlanAgainstReality(
    id: &'static str,
    #[prop(into)] metric: Option<Signal<Metric>>,
    #[prop(optional)] auto: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today;
    let held = RwSignal::new(Held::Idle);
    let start = Memo::new(move |_| state.scenario.with(|s| s.history.plan_start));
    let stale = Memo::new(move |_| {
        held.with(|h| match h {
            Held::Done { scenario, .. } => state.scenario.with(|s| s != scenario.as_ref()),
            _ => false,
        })
    });
    let run = move || {
        if held.with_untracked(|h| *h == Held::Running) {
            return;
        }
        held.set(Held::Running);
        spawn_local(async move {
            after_paint().await;
            let Some(scenario) = state.scenario.try_get_untracked() else {
                return;
            };
            let began = now_ms();
            let result = plan_against_reality(&scenario, today).map(Box::new);
            let millis = now_ms() - began;
            let _ = held.try_set(Held::Done {
                scenario: Box::new(scenario),
                result,
                millis,
            });
        });
    };
    if auto && start.get_untracked().is_some() {
        run();
    }
    let title = format!("{id}-reality-title");
    let labelled_by = title.clone();
    let label = move || {
        if matches!(held.get(), Held::Done { .. }) {
            "Simulate again"
        } else {
            "Hold the plan against what happened"
        }
    };
    view! {
        <section class=format!("panel reality {class}") aria-labelledby=labelled_by>
            <h2 class="panel__title" id=title>"Plan against reality"</h2>
            {move || match start.get() {
                None => {
                    view! {
                        <p class="reality__empty">
                            "Mark the snapshot the chosen plan started from (“Mark as the plan's start” under Baseline history, on the History screen): the plan is then run again from that baseline, and every measurement kept since is placed among its simulated futures."
                        </p>
                    }
                        .into_any()
                }
                Some(d) => {
                    view! {
                        <p>
                            {format!(
                                "The chosen plan started from the snapshot of {}. Measurements since then — later snapshots and complete months of the trend — are held against it.",
                                format_date(d),
                            )}
                        </p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| run()
                            disabled=move || held.with(|h| *h == Held::Running)
                        >
                            {label}
                        </button>
                    }
                        .into_any()
                }
            }}
            <div class="reality__status" role="status" aria-live="polite">
                {move || match held.get() {
                    Held::Running => Some("Simulating…".to_string()),
                    Held::Done { millis, result: Ok(_), .. } => {
                        Some(format!("Simulated in {} ms.", millis.round()))
                    }
                    _ => None,
                }}
                {move || {
                    stale
                        .get()
                        .then_some(
                            " The scenario has changed since: simulate again to see it against the current history and plan.",
                        )
                }}
            </div>
            {move || match held.get() {
                Held::Done { result: Err(why), .. } => {
                    view! { <p class="reality__empty">{why}</p> }.into_any()
                }
                Held::Done { result: Ok(reality), scenario, .. } => {
                    view! { <RealityView id reality=*reality scenario=*scenario metric /> }
                        .into_any()
                }
                _ => ().into_any(),
            }}
        </section>
    }
}
