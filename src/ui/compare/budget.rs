//! The SLO, error budget and freeze policy of each compared scenario, in
//! the Budget screen's words (`model::wording::remaining_budget`, the
//! budget in money when a cost is set).

use leptos::prelude::*;

use crate::model::compare::{change, Direction};
use crate::model::slo::{self, describe_minutes, BudgetReport, WindowKind};
use crate::model::units::{format_number, format_percent};
use crate::model::wording::remaining_budget;
use crate::model::Scenario;
use crate::sim::scenario::ScenarioRun;
use crate::ui::compare::panel::{difference, ComparisonPanel};
use crate::ui::compare::Compared;
use crate::ui::state::{browser_now, AppState};

/// One scenario's cell: its text, and the number its difference is judged
/// on. `None` when its SLO needs fixing.
type Cell = Option<(String, Option<f64>)>;

/// The rows' cells for scenario `s` (with its budget report `r`, `None`
/// when the SLO is invalid, and its run, `None` while simulating).
fn cells(s: &Scenario, r: Option<&BudgetReport>, run: Option<&ScenarioRun>) -> [Cell; 6] {
    let Some(r) = r else {
        return Default::default();
    };
    let slo = &s.slo;
    let window = match r.kind {
        WindowKind::Rolling => format!("Rolling {} days", r.days),
        WindowKind::CalendarMonth => format!("Calendar month ({} days)", r.days),
    };
    let budget = match slo.budget_money(r.days) {
        Some(money) => format!("{} ({})", describe_minutes(r.budget_minutes), money.text),
        None => describe_minutes(r.budget_minutes),
    };
    let consumed = match r.spent_percent() {
        Some(p) => (
            format!(
                "{}% of the budget ({})",
                format_number(p, 1),
                describe_minutes(r.spent_minutes)
            ),
            Some(p),
        ),
        None => ("No budget to spend".to_string(), None),
    };
    let policy = if !slo.policy.freeze {
        ("No deployment freeze".to_string(), None)
    } else {
        match run.and_then(|r| r.policy.as_ref()) {
            None => ("Simulating…".to_string(), None),
            Some(o) => (
                format!(
                    "Freezes about {} days a quarter; the budget runs out in {} of windows",
                    format_number(o.days_frozen_per_quarter, 1),
                    format_percent(o.p_exhaust_per_window, 0)
                ),
                Some(o.days_frozen_per_quarter),
            ),
        }
    };
    [
        Some((
            format!("{}%", format_number(slo.target, 5)),
            Some(slo.target),
        )),
        Some((window, Some(f64::from(r.days)))),
        Some((budget, Some(r.budget_minutes))),
        Some(consumed),
        Some((
            remaining_budget(r.remaining_minutes),
            Some(r.remaining_minutes),
        )),
        Some(policy),
    ]
}

/// The rows: name, which way is better, and how close counts as the same.
const ROWS: [(&str, Direction, f64); 6] = [
    ("SLO target", Direction::Neutral, 1e-9),
    ("Window", Direction::Neutral, 0.0),
    ("Budget", Direction::Neutral, 1e-9),
    ("Consumed", Direction::LowerIsBetter, 0.05),
    ("Left", Direction::HigherIsBetter, 0.05),
    ("Freeze policy", Direction::LowerIsBetter, 0.05),
];

/// The SLO, budget and policy of each scenario.
#[component]
pub(super) fn BudgetTable(compared: Compared) -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let today = state.today;
    let rows = move || {
        let reference = compared.reference();
        let done = compared.runs.get();
        let table: Vec<[Cell; 6]> = compared.scenarios.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, s)| {
                    let r = s.slo.is_valid().then(|| slo::report(&s.slo, today, now));
                    let run = done.get(i).cloned().flatten();
                    cells(s, r.as_ref(), run.as_deref())
                })
                .collect()
        });
        ROWS.iter()
            .enumerate()
            .map(|(row, &(name, direction, tolerance))| {
                let first = table
                    .first()
                    .and_then(|c| c[row].as_ref())
                    .and_then(|(_, v)| *v);
                let cells = table
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match &c[row] {
                        None => {
                            view! { <td>"The SLO needs fixing on the Error budget screen."</td> }
                                .into_any()
                        }
                        Some((text, value)) => {
                            let diff = first.zip(*value).filter(|_| i > 0).map(|(r, v)| {
                                difference(change(direction, r, v, tolerance), &reference, None)
                            });
                            view! {
                                <td>
                                    <span class="compare__value">{text.clone()}</span>
                                    {diff}
                                </td>
                            }
                            .into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let caption = Signal::derive(move || {
        format!(
            "SLO, error budget and freeze policy, each compared with {}",
            compared.reference()
        )
    });
    let note = || {
        view! {
            <p class="footnote">
                "Consumed: the share of the current window's budget the recorded incidents used; Left: what remains at the window's end. The freeze policy's days are simulated over many quarters from each scenario's baseline."
            </p>
        }
    };
    view! {
        <ComparisonPanel id="compare-budget" title="Error budget" caption first="Measure" compared note>
            {rows}
        </ComparisonPanel>
    }
}
