//! The Prometheus rules for the SLO on screen: what they still need, or
//! the YAML itself to copy or save as a `.yml` file.

use leptos::prelude::*;

use crate::model::slo::{prometheus_rules, Field, Problem};
use crate::ui::download::download;
use crate::ui::state::AppState;

/// What keeps the rules from being written, one item per problem. At a
/// 100% SLO the form already explains there is no budget, so the target's
/// problem is said briefly here rather than repeated.
#[component]
fn ProblemList(
    /// The problems, in field order.
    problems: Vec<Problem>,
    /// Whether the SLO is 100%.
    zero_budget: bool,
) -> impl IntoView {
    let listed: Vec<Problem> = problems
        .into_iter()
        .filter(|p| !(zero_budget && p.field == Field::Target))
        .collect();
    view! {
        {zero_budget.then(|| view! {
            <p>"No rules at a 100% SLO: there is no budget to alert on. Lower the target to write them."</p>
        })}
        {(!listed.is_empty()).then(|| view! {
            <p>"To write the rules, Flywheel still needs:"</p>
            <ul class="budget__problems">
                {listed.into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// Copies `text` to the clipboard; whether the browser took it.
pub fn copy(text: &str) -> bool {
    web_sys::window().is_some_and(|w| {
        // The promise settles later; a refusal leaves the text on screen
        // to select by hand.
        let _ = w.navigator().clipboard().write_text(text);
        true
    })
}

/// The rules file, or what it needs first.
#[component]
pub fn RulesPanel() -> impl IntoView {
    let state = AppState::expect();
    let rules = Memo::new(move |_| state.scenario.with(|s| prometheus_rules(&s.slo)));
    let file = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.slo.monitoring.file_name("rules.yml"))
    });
    let zero_budget = Memo::new(move |_| state.scenario.with(|s| s.slo.zero_budget()));
    let status = RwSignal::new(None::<String>);
    let body = move || match rules.get() {
        Err(problems) => {
            view! { <ProblemList problems zero_budget=zero_budget.get() /> }.into_any()
        }
        Ok(text) => {
            let (copied, saved) = (text.clone(), text.clone());
            view! {
                <div class="budget__export-actions">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            status.set(Some(if copy(&copied) {
                                "Copied the rules to the clipboard.".to_string()
                            } else {
                                "This browser did not allow copying: select the rules below.".to_string()
                            }));
                        }
                    >
                        "Copy rules"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            let name = file.get_untracked();
                            status.set(Some(match download(&name, &saved, "application/yaml") {
                                Some(()) => format!("Saved {name}."),
                                None => "This browser did not allow saving the file.".to_string(),
                            }));
                        }
                    >
                        "Save as .yml"
                    </button>
                </div>
                <pre class="budget__yaml" tabindex="0" aria-label="Rules file (YAML)">{text}</pre>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel budget__section" aria-labelledby="prometheus-rules-title">
            <h2 class="panel__title" id="prometheus-rules-title">"Prometheus rules"</h2>
            <p class="footnote">
                "Recording rules for the error ratio over every window the alert table uses, and one multi-window burn-rate alert per row, with the factors recomputed for your window, page and ticket severities, and words that say what fired. They pass promtool check rules."
            </p>
            {body}
            <p class="budget__note" role="status">{move || status.get()}</p>
        </section>
    }
}
