//! The multi-window multi-burn-rate alert table for the window, with the
//! explanations beside it.

use leptos::prelude::*;

use super::explain::Explanations;
use crate::model::slo::{self, alert_table, reachability, short_minutes, BudgetReport, SHARE_RULE};
use crate::model::units::{format_number, format_percent};
use crate::ui::field::{Field, NumberInput, Suffix};
use crate::ui::state::AppState;
use crate::ui::table::{Columns, Table};

/// The multi-window multi-burn-rate alert table for the window.
#[component]
pub fn AlertsPanel(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let rate = Memo::new(move |_| state.scenario.with(|s| s.slo.alert_error_rate));
    let ratio = Memo::new(move |_| state.scenario.with(|s| s.slo.budget_ratio()));
    let days = Memo::new(move |_| report.with(|r| r.days));
    let reach = Memo::new(move |_| {
        let days = days.get();
        state.scenario.with(|s| reachability(&s.slo, days))
    });
    let rows = move || {
        let (b, e) = (ratio.get(), rate.get() / 100.0);
        let window = report.with(BudgetReport::window_minutes);
        let reach = reach.get();
        alert_table(days.get())
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let reachable = reach.get(i).is_none_or(|r| r.reachable);
                let (fires, spent) = match slo::detection(&a, e, b, window) {
                    _ if !a.applies => (
                        "Not used: longer than the SLO window".to_string(),
                        "—".to_string(),
                    ),
                    _ if b <= 0.0 => ("No budget".to_string(), "—".to_string()),
                    _ if !reachable => (
                        "Never: this SLO cannot burn that fast (see beside)".to_string(),
                        "—".to_string(),
                    ),
                    Some(d) => (short_minutes(d.minutes), format_percent(d.budget_spent, 1)),
                    None => (
                        "Never: the error rate is below the threshold".to_string(),
                        "—".to_string(),
                    ),
                };
                view! {
                    <tr>
                        <th scope="row">{a.severity.label()}</th>
                        <td>{short_minutes(a.long)}</td>
                        <td>{short_minutes(a.short)}</td>
                        <td>{format!("{}×", format_number(a.factor, 2))}</td>
                        <td>{format_percent(a.budget_share, 1)}</td>
                        <td>{fires}</td>
                        <td>{spent}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let table = move || {
        let columns = Columns::from(vec![
            "Severity".to_string(),
            "Long window".to_string(),
            "Short window".to_string(),
            "Burn rate".to_string(),
            "Budget share".to_string(),
            format!("Fires after (at {}% errors)", format_number(rate.get(), 4)),
            "Budget gone by then".to_string(),
        ]);
        view! {
            <Table class="alerts" caption="Alert table for this window" columns>
                {rows}
            </Table>
        }
    };
    view! {
        <section class="panel budget__section" aria-labelledby="alerts-title">
            <h2 class="panel__title" id="alerts-title">"Alerts"</h2>
            <p class="footnote">
                {move || format!(
                    "Multi-window, multi-burn-rate alerts (Google SRE Workbook), with the burn-rate factors recomputed for your {}-day window as r = budget share × window ÷ long window. An alert fires when both its long and short window burn faster than r.",
                    days.get()
                )}
            </p>
            {move || (ratio.get() <= 0.0).then(|| view! {
                <p class="budget__warning">"A 100% SLO has no budget, so no burn-rate alert can be set: every failure is already a breach."</p>
            })}
            <Field
                id="alert-error-rate"
                label="Incident error rate"
                hint="Share of requests failing during an incident (100% is a full outage)."
            >
                <NumberInput
                    value=Signal::derive(move || Some(rate.get()))
                    rule=SHARE_RULE
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.alert_error_rate = v);
                        }
                    })
                />
                <Suffix text="%" />
            </Field>
            <div class="budget__alerts">
                <div class="budget__alerts-table">{table}</div>
                <Explanations days reach />
            </div>
        </section>
    }
}
