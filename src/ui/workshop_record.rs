//! What a workshop decided, as the room takes it away: the committed
//! goals with their proposers, dots (once revealed), owners, first
//! check-ins, first initiatives and chances, the initiatives ranked when
//! the room voted on them, and the parking lot. The
//! workshop's Commit step shows it above its exports, and the leadership
//! report includes it as its workshop section.

use leptos::prelude::*;

use crate::model::date::format_date;
use crate::model::units::{format_count, format_percent};
use crate::model::workshop::{action_rows, InitiativeVote, Subject};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The workshop's outcome; nothing is shown until a goal is committed or
/// an idea parked.
#[component]
pub fn WorkshopRecord(
    /// The section's heading.
    #[prop(into)]
    title: String,
    /// The heading's element id, which names the section.
    #[prop(into)]
    id: String,
    /// The screen's own section class, for its layout and print rules.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let initiative_vote = Memo::new(move |_| state.scenario.with(InitiativeVote::of));
    let shown = move || {
        state
            .scenario
            .with(|s| !s.workshop.committed.is_empty() || !s.workshop.parking_lot.is_empty())
            || initiative_vote.with(Option::is_some)
    };
    let rows = move || {
        state.scenario.with(|s| {
            let w = &s.workshop;
            let dash = |t: Option<String>| t.filter(|t| !t.is_empty()).unwrap_or("—".into());
            action_rows(s)
                .into_iter()
                .map(|row| {
                    let dots = w.dots_on(Subject::Goals, row.goal).map_or_else(
                        |_| "Hidden until the reveal".to_string(),
                        |d| format_count(u64::from(d)),
                    );
                    let chance = state
                        .runs()
                        .chance(s.simulation.chosen, row.goal)
                        .map_or_else(
                            || "Not simulated".to_string(),
                            |o| format_percent(o.p_both, 0),
                        );
                    view! {
                        <tr>
                            <th scope="row">{row.label}</th>
                            <td>{row.proposer}</td>
                            <td>{dots}</td>
                            <td>{dash(Some(row.owner))}</td>
                            <td>{dash(row.first_check_in.map(format_date))}</td>
                            <td>{dash(row.initiative)}</td>
                            <td>{chance}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let initiative_rows = move || {
        initiative_vote.with(|v| {
            v.iter()
                .flat_map(|v| &v.initiatives)
                .map(|i| {
                    let rank = i.rank.map_or("—".to_string(), |r| r.to_string());
                    let dots = i.dots.map_or_else(
                        || "Hidden until the reveal".to_string(),
                        |d| format_count(u64::from(d)),
                    );
                    let under = if i.under.is_empty() {
                        "—".to_string()
                    } else {
                        i.under.clone()
                    };
                    view! {
                        <tr>
                            <td>{rank}</td>
                            <th scope="row">{i.title.clone()}</th>
                            <td>{under}</td>
                            <td>{i.proposed_by.clone()}</td>
                            <td>{dots}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let initiative_caption = Signal::derive(move || {
        initiative_vote.with(|v| {
            let ballots = v.as_ref().map_or(String::new(), |v| v.ballots.clone());
            format!("The vote on initiatives: {ballots}")
        })
    });
    let parked = move || {
        state.scenario.with(|s| {
            s.workshop
                .parking_lot
                .iter()
                .map(|i| view! { <li>{i.clone()}</li> })
                .collect_view()
        })
    };
    let has_parked = move || state.scenario.with(|s| !s.workshop.parking_lot.is_empty());
    let heading_id = id.clone();
    view! {
        <Show when=shown>
            <section class=format!("panel workshop-record {class}") aria-labelledby=id.clone()>
                <h2 class="panel__title" id=heading_id.clone()>{title.clone()}</h2>
                <Table
                    class="workshop-record__table"
                    caption="The goals the room signed up for, with their dot-votes, owners and first steps"
                    columns=&["Goal", "Proposed by", "Dots", "Owner", "First check-in", "First initiative", "Chance"]
                >
                    {rows}
                </Table>
                <Show when=move || initiative_vote.with(Option::is_some)>
                    <Table
                        class="workshop-record__table"
                        caption=initiative_caption
                        columns=&["Rank", "Initiative", "Under", "Proposed by", "Dots"]
                    >
                        {initiative_rows}
                    </Table>
                </Show>
                <Show when=has_parked>
                    <h3>"Parking lot"</h3>
                    <ul class="workshop-record__list" aria-label="Parking lot">{parked}</ul>
                </Show>
            </section>
        </Show>
    }
}
