//! The goals and their chances under the chosen plan, with the freeze
//! policy's part when the plan runs under it.

use leptos::prelude::*;

use crate::model::units::format_percent;
use crate::sim::freeze::Contribution;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// Every goal, with the chosen plan's chance of meeting it.
#[component]
pub(super) fn GoalChances(
    /// The freeze policy's part in the chosen plan's results.
    freeze: Memo<Option<Contribution>>,
) -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        state.scenario.with(|s| {
            let plan = s.simulation.chosen;
            let units = s.baseline.units();
            s.goals
                .0
                .iter()
                .map(|g| {
                    let target = g.target.as_ref().map_or_else(
                        || "No metric target".to_string(),
                        |t| t.measure.describe(t.target, units),
                    );
                    let deadline = g.deadline.map_or_else(
                        || "No deadline".to_string(),
                        crate::model::date::format_date,
                    );
                    let outcome = state.runs().chance(plan, g.id);
                    let chance = outcome.map_or_else(
                        || "Not simulated".to_string(),
                        |o| format_percent(o.p_both, 0),
                    );
                    let part = freeze.with(|f| {
                        f.as_ref()
                            .and_then(|f| f.goal(g.id))
                            .map(|shift| format!("Freeze policy's part: {}", shift.describe()))
                    });
                    let guard = match (g.guard.as_ref(), outcome.and_then(|o| o.p_guard)) {
                        (Some(guard), Some(p)) => format!(
                            "{}: holds in {}",
                            guard.describe(units),
                            format_percent(p, 0)
                        ),
                        (Some(guard), None) => guard.describe(units),
                        (None, _) => "None".to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{target}</td>
                            <td>{deadline}</td>
                            <td>
                                {chance}
                                {part.map(|p| view! { <span class="report__part">{p}</span> })}
                            </td>
                            <td>{guard}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.scenario.with(|s| s.goals.0.is_empty());
    view! {
        <section class="panel report__section" aria-labelledby="report-goals">
            <h2 class="panel__title" id="report-goals">"Goals and their chances"</h2>
            <Show when=move || !empty() fallback=|| view! { <p>"No goals set yet."</p> }>
                <Table
                    class="report__table"
                    caption="Chance of meeting each goal by its deadline under the chosen plan"
                    columns=&["Goal", "Target", "Deadline", "Chance", "Guard"]
                >
                    {rows}
                </Table>
            </Show>
        </section>
    }
}
