//! The optional first step: the last round reviewed, so the room starts
//! from what it promised. The facilitator pastes the link shared at the end
//! of the last round; its committed goals are judged on their check-ins
//! and their chance now (met, on track, lagging, at risk, missed), in
//! words, by the model's rules.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::baseline::ReviewFirst;
use crate::model::date::format_date;
use crate::model::goals::GoalId;
use crate::model::units::format_percent;
use crate::model::workshop::{last_round, review_round, Review};
use crate::sim::scenario::run_scenario;
use crate::ui::field::{Field, TextArea};
use crate::ui::link::open_link;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The last round, reviewed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Round {
    /// The team the round was for.
    pub team: String,
    /// The day it was reviewed: the verdicts' "today".
    pub on: NaiveDate,
    pub reviews: Vec<Review>,
}

/// Paste the last round's link; see its goals' verdicts.
#[component]
pub(super) fn ReviewStep(
    /// The round reviewed, kept by the workshop screen across its steps.
    round: RwSignal<Option<Round>>,
) -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let open = move |_| {
        let pasted = text.get_untracked();
        let payload = crate::share::payload_in(&pasted).to_string();
        if payload.is_empty() {
            message.set(Some(
                "Paste the link shared at the end of the last round first.".into(),
            ));
            return;
        }
        let today = state.today;
        leptos::task::spawn_local(async move {
            let outcome = open_link(payload).await.and_then(|previous| {
                let goals = last_round(&previous);
                if goals.is_empty() {
                    return Err("That link's workshop committed to no goals, so there is nothing to review. Paste the link shared at the end of the last round.".to_string());
                }
                // Each goal's chance now, under that round's own plan.
                let run = run_scenario(&previous, today);
                let chances: Vec<(GoalId, f64)> = goals
                    .iter()
                    .filter_map(|g| Some((g.id, run.chance(g.id)?.p_both)))
                    .collect();
                Ok(Round {
                    team: previous.team.clone(),
                    on: today,
                    reviews: review_round(&goals, &previous.baseline, &chances, today),
                })
            });
            // The screen may have been left meanwhile: then there is
            // nowhere to show the outcome.
            match outcome {
                Ok(r) => {
                    round.try_set(Some(r));
                    message.try_set(None);
                }
                Err(why) => {
                    message.try_set(Some(why));
                }
            }
        });
    };
    let rows = move || {
        round.with(|r| {
            r.iter()
                .flat_map(|r| r.reviews.iter())
                .map(|r| {
                    let class = format!("verdict verdict--{}", r.verdict.key());
                    view! {
                        <tr>
                            <th scope="row">{r.label.clone()}</th>
                            <td><span class=class>{r.verdict.name()}</span></td>
                            <td>{r.chance.map_or_else(|| "—".to_string(), |p| format_percent(p, 0))}</td>
                            <td>{r.reason.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let caption = Signal::derive(move || {
        round.with(|r| {
            r.as_ref().map_or_else(String::new, |r| {
                format!(
                    "Last round's committed goals for “{}” and where each stands on {}",
                    r.team,
                    format_date(r.on)
                )
            })
        })
    });
    view! {
        <div class="workshop__stack">
            <section class="panel" aria-labelledby="last-round-title">
                <h2 class="panel__title" id="last-round-title">"The last round"</h2>
                <Field
                    id="last-round-link"
                    label="Last round's link"
                    hint="The share link from the end of the last workshop, with the check-ins added since."
                >
                    <TextArea text rows=2 class="workshop__links" />
                </Field>
                <button type="button" class="button" on:click=open>
                    "Review the last round"
                </button>
                <p role="status" class="workshop__status">{move || message.get()}</p>
            </section>
            <Show when=move || round.with(Option::is_some)>
                <Table
                    class="workshop__table"
                    caption
                    columns=&["Goal", "Verdict", "Chance now", "What it rests on"]
                >
                    {rows}
                </Table>
            </Show>
            <ReviewFirst />
        </div>
    }
}
