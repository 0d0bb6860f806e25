//! GitLab's own DORA figures (its DORA metrics API, already aggregated per
//! day or month) over the window, how they were combined, and their
//! monthly trend: what an import of those files measures and applies.

use leptos::prelude::*;

use crate::model::date::format_month;
use crate::model::import::exports::DoraFigures;
use crate::model::units::{describe_hours, format_number};
use crate::model::Metric;
use crate::ui::table::Table;

fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "—".to_string())
}

fn hours(h: Option<f64>) -> String {
    or_dash(h.map(describe_hours))
}

fn percent(p: Option<f64>) -> String {
    or_dash(p.map(|p| format!("{}%", format_number(p, 2))))
}

/// GitLab's figures and their months.
#[component]
pub fn DoraTable(
    /// The figures over the window.
    figures: DoraFigures,
) -> impl IntoView {
    let f = figures;
    let rows = [
        (
            Metric::DeployFrequency.name(),
            or_dash(
                f.deploys_per_week
                    .map(|w| format!("{} per week", format_number(w, 2))),
            ),
        ),
        (Metric::LeadTime.name(), hours(f.lead_hours)),
        (
            Metric::ChangeFailureRate.name(),
            percent(f.change_failure_rate),
        ),
        (Metric::RecoveryTime.name(), hours(f.restore_hours)),
    ];
    let months = f
        .months
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{format_month(m.month)}</th>
                    <td>{or_dash(m.deployments.map(|d| format_number(d, 0)))}</td>
                    <td>{hours(m.lead_hours)}</td>
                    <td>{percent(m.change_failure_rate)}</td>
                    <td>{hours(m.restore_hours)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="import-dora">
            <Table class="import-dora__table" caption="GitLab's DORA figures" columns=&["Metric", "Value"]>
                {rows
                    .into_iter()
                    .map(|(m, v)| view! { <tr><th scope="row">{m}</th><td>{v}</td></tr> })
                    .collect_view()}
            </Table>
            <ul class="import__notes">
                {f.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <Table
                class="data-table"
                caption="GitLab's DORA figures by month"
                columns=&["Month", "Deployments", "Lead time", "Change failure rate", "Recovery time"]
            >
                {months}
            </Table>
        </div>
    }
}
