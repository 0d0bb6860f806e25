//! Step 5: the vote — on goals or on initiatives — with ballots from every
//! device and dots entered for people in the room, the goals the room
//! commits to, what each committed goal's owner does first, and the record
//! to keep.

use leptos::prelude::*;

use super::actions::Actions;
use super::ballots::Ballots;
use super::my_ballot::MyBallot;
use super::record::Record;
use super::room::Room;
use super::rules::RulesPanel;
use super::vote::Vote;
use crate::model::goals::MAX_GOALS;
use crate::model::validate::NumberRule;
use crate::model::workshop::{candidates, Subject};
use crate::ui::field::{Choice, Field, NumberInput, Suffix};
use crate::ui::share::ShareLink;
use crate::ui::state::AppState;

/// Ranks "Commit the top" may take: up to every goal there is.
const TOP_RULE: NumberRule = NumberRule {
    min: 1.0,
    min_inclusive: true,
    max: MAX_GOALS as f64,
    unit: "ranks",
};

/// The vote, the commitments and the record.
#[component]
pub(super) fn CommitStep() -> impl IntoView {
    let subject = RwSignal::new(Subject::Goals);
    let room = Room::new(subject.into());
    let options = Signal::derive(|| {
        Subject::ALL
            .into_iter()
            .map(|s| (s, s.title().to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="workshop__stack">
            <Field id="vote-on" label="Vote on" hint="Initiatives are the goals at the chain's Initiative level.">
                <Choice options selected=subject on_change=Callback::new(move |s| subject.set(s)) />
            </Field>
            <div class="workshop__columns">
                <Vote room />
                <div>
                    <MyBallot subject=subject.into() />
                    <Ballots />
                    <RulesPanel />
                </div>
            </div>
            <Committed />
            <Actions />
            <Record />
        </div>
    }
}

/// The goals the room signs up for: the top ranks at once, or one by one
/// from the vote's table.
#[component]
fn Committed() -> impl IntoView {
    let state = AppState::expect();
    let top = RwSignal::new(3.0f64);
    let message = RwSignal::new(None::<String>);
    let commit_top = move |_| {
        let mut result = Ok(());
        state.edit(|s| {
            let ids = candidates(&s.goals, Subject::Goals);
            result = s.workshop.commit_top(&ids, top.get_untracked() as usize);
        });
        message.set(result.err().map(|hidden| hidden.message()));
    };
    let whole = move || {
        (top.get().fract() != 0.0).then(|| "Enter a whole number of ranks, such as 2.".to_string())
    };
    let committed = move || {
        state.scenario.with(|s| {
            s.workshop
                .committed
                .iter()
                .filter_map(|&id| s.goals.get(id))
                .map(|g| view! { <li>{g.label()}</li> })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="committed-title">
            <h2 class="panel__title" id="committed-title">"The goals we commit to"</h2>
            <div class="workshop__inline">
                <Field id="commit-top" label="Commit the top" message=Signal::derive(whole)>
                    <NumberInput
                        value=Signal::derive(move || Some(top.get()))
                        rule=TOP_RULE
                        digits=3
                        class="field__input--short"
                        on_change=Callback::new(move |v: Option<f64>| {
                            if let Some(v) = v {
                                top.set(v);
                            }
                        })
                    />
                    <Suffix text="ranks" />
                </Field>
                <button
                    type="button"
                    class="button"
                    disabled=move || whole().is_some()
                    on:click=commit_top
                >
                    "Commit the top-ranked goals"
                </button>
            </div>
            <p role="status" class="workshop__status">{move || message.get()}</p>
            <ol class="workshop__list workshop__list--big" aria-label="Committed goals">
                {committed}
            </ol>
            <p>
                <a class="button" href="#/report">"Open the leadership report"</a>
            </p>
            <ShareLink />
        </section>
    }
}
