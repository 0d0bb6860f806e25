//! The leadership report: a read-only summary a manager can read in two
//! minutes — where the team stands under the lens it chose, the goals and
//! their chances, the chosen strategy's outlook (with the freeze policy's
//! part when the plan runs under it), the error budget and its policy, the
//! set of teams kept in this browser, and the assumptions behind the
//! numbers. It prints to a short, clean PDF
//! (style/print.css, style/report.css).

mod assumptions;
mod goals;
mod outlook;
mod standing;
mod teams;

use leptos::prelude::*;

use crate::model::Metric;
use crate::ui::reality::PlanAgainstReality;
use crate::ui::state::{browser_now, AppState};
use crate::ui::workshop_record::WorkshopRecord;

/// The report screen.
#[component]
pub fn ReportScreen() -> impl IntoView {
    let state = AppState::expect();
    // One comparison with and without the freeze policy, read by the goals'
    // chances and by the outlook's charts.
    let freeze = state.runs().contribution();
    let team = move || state.scenario.with(|s| s.team.clone());
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="screen report">
            <header class="screen__header">
                <h1 class="screen__title">"Report"</h1>
                <p class="report__team">{team}</p>
                <p class="screen__lede">
                    "Where the team stands, the goals it has set and their chances, the chosen strategy's outlook and the error budget, with the assumptions behind every number. Nothing here can be edited: change the inputs on the other screens."
                </p>
                <div class="report__actions">
                    <button type="button" class="button" on:click=print>
                        "Print or save as PDF"
                    </button>
                </div>
            </header>
            <standing::Standing />
            <goals::GoalChances freeze />
            <WorkshopRecord title="Committed in the workshop" id="report-committed" class="report__section" />
            <outlook::Outlook freeze />
            <Reality />
            <Budget />
            <teams::Teams />
            <assumptions::Assumptions />
        </div>
    }
}

/// The plan against reality, run as the report opens, with a fan chart for
/// every metric that has actuals (a printed page has no picker); left out
/// until a plan's start is marked on History.
#[component]
fn Reality() -> impl IntoView {
    let state = AppState::expect();
    let started = Memo::new(move |_| state.scenario.with(|s| s.history.plan_start.is_some()));
    let every_metric: Option<Signal<Metric>> = None;
    view! {
        <Show when=move || started.get()>
            <PlanAgainstReality id="report" metric=every_metric auto=true class="report__section" />
        </Show>
    }
}

/// The SLO, the budget left and the policy.
#[component]
fn Budget() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let lines = move || {
        state
            .scenario
            .with(|s| state.runs().budget_lines(s, state.today, now))
    };
    view! {
        <section class="panel report__section" aria-labelledby="report-budget">
            <h2 class="panel__title" id="report-budget">"Error budget"</h2>
            <ul class="report__list">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
