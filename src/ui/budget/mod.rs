//! The Error budget screen: the SLO and the budget it leaves, incidents
//! entered by hand or drawn from the baseline, the burn-down, the alert
//! table with what it means at this SLO, the bridge from DORA metrics, the
//! freeze policy with its Monte Carlo, and the SLO's way to the monitoring
//! stack and back (Prometheus rules, OpenSLO). The figures, limits and
//! words come from `model::slo`, `sim::budget` and `chart`; these modules
//! only bind them.

mod alerts;
mod bridge;
mod burn_down;
mod explain;
mod figures;
mod form;
mod incident_table;
mod incidents;
mod money;
mod monitoring;
mod openslo;
mod policy;
mod rules;
mod summary;
mod verdict;

use leptos::prelude::*;

use alerts::AlertsPanel;
use bridge::BridgePanel;
use burn_down::BurnDownPanel;
use form::SloForm;
use incidents::IncidentsPanel;
use monitoring::MonitoringPanel;
use openslo::OpenSloPanel;
use policy::PolicyPanel;
use rules::RulesPanel;
use summary::BudgetSummary;

use crate::model::slo;
use crate::ui::state::{browser_now, AppState};

/// The Error budget screen.
#[component]
pub fn BudgetScreen() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let today = now.date();
    // The report measures the burn rate as of now while the window runs and
    // as of its end once it is over: it clamps `now` into the window itself.
    let report = Memo::new(move |_| state.scenario.with(|s| slo::report(&s.slo, today, now)));
    view! {
        <div class="screen screen--budget">
            <header class="screen__header">
                <h1 class="screen__title">"Error budget"</h1>
                <p class="screen__lede">
                    "Set a service level objective, see the error budget it leaves, and how incidents, alerts, your delivery metrics and a freeze policy spend and protect it. Take it to Prometheus and OpenSLO, or bring an OpenSLO file in."
                </p>
            </header>
            <div class="budget">
                <section class="panel budget__form" aria-labelledby="slo-form-title">
                    <h2 class="panel__title" id="slo-form-title">"Your SLO"</h2>
                    <SloForm report />
                </section>
                <section class="panel budget__summary" aria-labelledby="budget-summary-title">
                    <h2 class="panel__title" id="budget-summary-title">"Budget"</h2>
                    <BudgetSummary report />
                </section>
            </div>
            <IncidentsPanel report />
            <BurnDownPanel report />
            <AlertsPanel report />
            <BridgePanel report />
            <PolicyPanel report />
            <MonitoringPanel />
            <RulesPanel />
            <OpenSloPanel today />
        </div>
    }
}
