//! The goal chain as nested lists, levels named, and the seed's examples
//! to start from.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::checks::checks_for;
use crate::model::goals::lint;
use crate::model::goals::templates::templates;
use crate::model::goals::{GoalId, Node};
use crate::model::Scenario;
use crate::ui::runs::Runs;
use crate::ui::state::AppState;

/// The chain as nested lists, each goal a button that shows it.
#[component]
pub(super) fn GoalTree(
    /// The goal shown in the editor.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs();
    move || {
        state.scenario.with(|s| {
            if s.goals.is_empty() {
                view! { <p class="goals__empty">"No goals yet."</p> }.into_any()
            } else {
                tree_list(s, &s.goals.tree(), selected, today, runs, true)
            }
        })
    }
}

fn tree_list(
    s: &Scenario,
    nodes: &[Node],
    selected: RwSignal<Option<GoalId>>,
    today: NaiveDate,
    runs: Runs,
    top: bool,
) -> AnyView {
    let items = nodes
        .iter()
        .filter_map(|n| {
            let g = s.goals.get(n.id)?;
            let id = g.id;
            let passed = checks_for(s, g, today, runs)
                .iter()
                .filter(|c| c.pass)
                .count();
            let findings = lint::lint(g).len();
            let children = (!n.children.is_empty())
                .then(|| tree_list(s, &n.children, selected, today, runs, false));
            let summary = match findings {
                0 => format!("{passed} of 5 SMART"),
                1 => format!("{passed} of 5 SMART · 1 finding"),
                n => format!("{passed} of 5 SMART · {n} findings"),
            };
            Some(view! {
                <li class="chain__item">
                    <div class="chain__row">
                        <span class=format!("level level--{}", g.level.key())>{g.level.name()}</span>
                        <button
                            type="button"
                            class="chain__goal"
                            aria-current=move || (selected.get() == Some(id)).then_some("true")
                            on:click=move |_| selected.set(Some(id))
                        >
                            {g.title.clone()}
                        </button>
                        <span class="chain__summary">{summary}</span>
                    </div>
                    {children}
                </li>
            })
        })
        .collect_view();
    let class = if top { "chain" } else { "chain chain--nested" };
    view! { <ul class=class>{items}</ul> }.into_any()
}

/// The seed's examples, each added with one click.
#[component]
pub(super) fn Templates(
    /// The goal shown in the editor; set to the new goal.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let team = state.scenario.with_untracked(|s| s.team.clone());
    let items = templates(today, &team)
        .into_iter()
        .map(|t| {
            let title = t.goal.title.clone();
            let label = format!("Use this example: {title}");
            let goal = t.goal;
            let add = move |_| {
                let mut added = None;
                state.edit(|s| added = s.add_goal(goal.clone()).ok());
                if added.is_some() {
                    selected.set(added);
                }
            };
            view! {
                <li class="templates__item">
                    <p class="templates__verdict">{t.verdict}</p>
                    <p class="templates__title">{title}</p>
                    <button type="button" class="button button--quiet" aria-label=label on:click=add>
                        "Use this example"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="templates">{items}</ul> }
}
