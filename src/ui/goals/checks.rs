//! A goal's SMART check and its anti-pattern findings, each in words.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::goals::lint::{self, Finding};
use crate::model::goals::smart::{self, Check, Context};
use crate::model::goals::Goal;
use crate::model::Scenario;
use crate::ui::runs::Runs;

/// The SMART checks of `goal`; Achievable uses the chosen plan's simulated
/// chance of meeting the goal (and its guard) when the goal has a
/// simulated target, and the heuristic otherwise.
pub(super) fn checks_for(s: &Scenario, goal: &Goal, today: NaiveDate, runs: Runs) -> Vec<Check> {
    let ctx = Context {
        baseline: &s.baseline,
        edition: s.edition,
        today,
        goals: &s.goals,
    };
    let chance = runs.chance(s.simulation.chosen, goal.id).map(|o| o.p_both);
    smart::check_all(goal, ctx, chance)
}

/// The five SMART criteria, each passed or failed with its reason and fix.
#[component]
pub(super) fn SmartCheck(
    /// The checks of the goal shown.
    #[prop(into)]
    checks: Signal<Vec<Check>>,
) -> impl IntoView {
    let title = move || {
        let n = checks.with(|c| c.iter().filter(|c| c.pass).count());
        format!("SMART check: {n} of 5 pass")
    };
    let items = move || {
        checks
            .get()
            .into_iter()
            .map(|c| {
                let (class, verdict) = if c.pass {
                    ("smart__item smart__item--pass", "Pass")
                } else {
                    ("smart__item smart__item--fail", "Fail")
                };
                let fix = (!c.fix.is_empty())
                    .then(|| view! { <span class="smart__fix">" How to fix: " {c.fix}</span> });
                view! {
                    <li class=class>
                        <span class="smart__verdict">{verdict}</span>
                        <span class="smart__body">
                            <strong class="smart__name">{c.criterion.name()}</strong>
                            ": "
                            {c.reason}
                            {fix}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="goal-check" aria-labelledby="smart-title">
            <h3 id="smart-title" class="goal-check__title">{title}</h3>
            <ul class="smart">{items}</ul>
        </section>
    }
}

/// The seed's anti-patterns found in the goal, each with a rewrite.
#[component]
pub(super) fn Findings(
    /// The findings of the goal shown.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    let body = move || {
        let list = findings.get();
        if list.is_empty() {
            return view! { <p class="goals__empty">"No anti-patterns found."</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|f| {
                view! {
                    <li class="findings__item">
                        <strong class="findings__name">{format!("Warning: {}", f.lint.name())}</strong>
                        <p class="findings__why">{f.why}</p>
                        <p class="findings__rewrite">"Try: " {f.rewrite}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="findings">{items}</ul> }.into_any()
    };
    view! {
        <section class="goal-findings" aria-labelledby="findings-title">
            <h3 id="findings-title" class="goal-check__title">"Findings"</h3>
            {body}
        </section>
    }
}

/// The findings of `goal`.
pub(super) fn findings_of(goal: &Goal) -> Vec<Finding> {
    lint::lint(goal)
}
