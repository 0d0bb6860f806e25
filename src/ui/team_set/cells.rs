//! The cells the Teams table and the report's Teams section share: a
//! team's goals with their chances, and why it needs attention.

use leptos::prelude::*;

use crate::model::teams::rows::TeamRow;

/// The goals shown for the team, each with its chance (or why there is
/// none yet).
pub fn goals_cell(row: &TeamRow) -> AnyView {
    if row.goals.is_empty() {
        return view! { <td>"No goals with a metric target"</td> }.into_any();
    }
    view! {
        <td>
            <span class="teams__goal-set">{row.goal_set.words()}</span>
            <ul class="teams__goals">
                {row
                    .goals
                    .iter()
                    .map(|g| view! { <li>{g.label.clone()}": "<strong>{g.chance.words()}</strong></li> })
                    .collect_view()}
            </ul>
        </td>
    }
    .into_any()
}

/// "No", or every reason the team needs attention.
pub fn attention_cell(row: &TeamRow) -> AnyView {
    let attention = row.attention_words();
    if attention.is_empty() {
        return view! { <td>"No"</td> }.into_any();
    }
    view! {
        <td>
            <ul class="teams__attention">
                {attention.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
            </ul>
        </td>
    }
    .into_any()
}
