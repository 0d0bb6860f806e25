//! The incidents entered, with what each used of the budget, what it cost,
//! whether it needs a postmortem and where it falls against the window.

use leptos::prelude::*;

use crate::model::slo::{self, incident_rows, short_minutes, BudgetReport};
use crate::model::units::{format_number, format_percent};
use crate::ui::state::AppState;
use crate::ui::table::{Columns, Table};

/// The table's columns; "Cost" only when the SLO has a cost.
fn columns(priced: bool) -> Columns {
    let mut names = vec![
        "#",
        "Start",
        "Duration",
        "Traffic affected",
        "Budget used alone",
    ];
    if priced {
        names.push("Cost");
    }
    names.extend(["Notes", "Actions"]);
    Columns::from(&names[..])
}

/// The incidents entered, with what each cost and any note.
#[component]
pub fn IncidentTable(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        let r = report.get();
        state.scenario.with(|s| incident_rows(&s.slo, &r))
    });
    let priced = Memo::new(move |_| state.scenario.with(|s| s.slo.cost.is_some()));
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let i = row.number - 1;
                let cost = priced.get_untracked().then(|| {
                    view! { <td>{row.cost.map_or_else(|| "—".to_string(), |m| m.text)}</td> }
                });
                view! {
                    <tr>
                        <th scope="row">{row.number}</th>
                        <td>{slo::format_datetime(row.incident.start)}</td>
                        <td>{short_minutes(row.incident.minutes)}</td>
                        <td>{format!("{}%", format_number(row.incident.share, 1))}</td>
                        <td>{row.budget_share.map_or_else(|| "—".to_string(), |s| format_percent(s, 1))}</td>
                        {cost}
                        <td>
                            {row.postmortem.then(|| view! { <span class="badge badge--caution">"Postmortem needed"</span> " " })}
                            {row.notes.into_iter().map(|n| view! { <span class="incidents__note">{n}</span> }).collect_view()}
                        </td>
                        <td>
                            <button
                                type="button"
                                class="button button--quiet"
                                aria-label=format!("Remove incident {}", row.number)
                                on:click=move |_| state.edit(|s| s.slo.remove_incident(i))
                            >
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    move || {
        if empty.get() {
            view! { <p class="budget__empty">"No incidents yet: the whole budget is left."</p> }
                .into_any()
        } else {
            view! {
                <Table class="incidents" caption="Incidents in the scenario" columns=columns(priced.get())>
                    {body}
                </Table>
            }
            .into_any()
        }
    }
}
