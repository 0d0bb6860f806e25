//! The burn-down chart and its table alternative.

use leptos::prelude::*;

use crate::model::slo::{self, BudgetReport, WindowKind, MINUTES_PER_DAY};
use crate::model::units::format_number;
use crate::ui::charts::burn_down::{BurnDownChart, BurnDownData};
use crate::ui::table::{Columns, Table};

/// Budgets under a minute are drawn in seconds, so the line never sits on
/// zero: the factor from minutes and the unit's name.
fn unit(budget_minutes: f64) -> (f64, &'static str) {
    if budget_minutes > 0.0 && budget_minutes < 1.0 {
        (60.0, "seconds")
    } else {
        (1.0, "minutes")
    }
}

/// The burn-down chart and its table alternative.
#[component]
pub fn BurnDownPanel(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let unit = Memo::new(move |_| report.with(|r| unit(r.budget_minutes)));
    let data = Memo::new(move |_| {
        let (k, name) = unit.get();
        report.with(|r| {
            let points: Vec<(f64, f64)> = r.burn_down.iter().map(|&(x, y)| (x, y * k)).collect();
            BurnDownData {
                span: points.last().map_or(2.0 * r.window_minutes(), |p| p.0),
                points,
                window: r.window_minutes(),
                budget: r.budget_minutes * k,
                unit: name,
            }
        })
    });
    let caption = move || {
        let r = report.get();
        match r.kind {
            WindowKind::Rolling => format!(
                "Budget remaining over this {}-day window and the next. In a rolling window, bad minutes age out {} days after they happened and the budget is earned back.",
                r.days, r.days
            ),
            WindowKind::CalendarMonth => format!(
                "Budget remaining over {} and the month after. A calendar window resets on the 1st.",
                slo::format_month(r.start)
            ),
        }
    };
    let table = move || {
        let (k, name) = unit.get();
        let columns = Columns::from(vec![
            "Day".to_string(),
            "Date and time".to_string(),
            format!("Budget remaining ({name})"),
        ]);
        view! {
            <Table class="burn-table" caption="Budget remaining at each change" columns>
                {move || {
                    report.with(|r| {
                        r.burn_down
                            .iter()
                            .map(|&(x, y)| view! {
                                <tr>
                                    <th scope="row">{format_number(x / MINUTES_PER_DAY, 2)}</th>
                                    <td>{r.moment_text(x)}</td>
                                    <td>{format_number(y * k, 3)}</td>
                                </tr>
                            })
                            .collect_view()
                    })
                }}
            </Table>
        }
    };
    view! {
        <section class="panel budget__section" aria-labelledby="burn-down-panel-title">
            <h2 class="panel__title" id="burn-down-panel-title">"Burn-down"</h2>
            <p class="footnote">{caption}</p>
            <BurnDownChart data />
            <details class="budget__details">
                <summary>"Burn-down as a table"</summary>
                {table}
            </details>
        </section>
    }
}
