//! Workshop mode: a large-type presentation that walks a room through the
//! steps of setting goals together — an optional review of the last round,
//! then Baseline, Goals, Simulate, Guardrails and Commit — with a time box
//! per step, keys a presentation clicker sends, participants' goals merged
//! from their share links, ballots from every device with the counts
//! hidden until the reveal, the committed goals' actions, a parking lot
//! and a record to keep. Everything but the pasted last round is kept in
//! the scenario, so the report and a share link carry it.

mod actions;
mod ballots;
mod baseline;
mod collect;
mod commit;
mod goals;
mod guardrails;
mod keys;
mod my_ballot;
mod parking;
mod record;
mod review;
mod room;
mod rules;
mod simulate;
mod timer;
mod vote;

use leptos::prelude::*;

use crate::model::workshop::Step;
use crate::ui::state::AppState;

/// Moves the room to a step (`None`: stay), and the focus to its heading so
/// a screen reader announces it.
pub(super) type Go = Callback<Option<Step>>;

/// The workshop screen.
#[component]
pub fn WorkshopScreen() -> impl IntoView {
    let state = AppState::expect();
    let step = Memo::new(move |_| state.scenario.with(|s| s.workshop.step));
    let steps = Memo::new(move |_| state.scenario.with(|s| s.workshop.steps()));
    let heading = NodeRef::<leptos::html::H1>::new();
    let go: Go = Callback::new(move |to: Option<Step>| {
        if let Some(to) = to {
            state.edit(|s| s.workshop.step = to);
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
    });
    keys::listen(go);
    keys::present();
    // The last round pasted on the review step: kept while the workshop is
    // shown, as it belongs to the previous round's scenario, not this one.
    let round = RwSignal::new(None::<review::Round>);

    let nav = move || {
        steps
            .get()
            .into_iter()
            .map(|s| {
                let label = move || {
                    let (n, _) = state.scenario.with(|w| w.workshop.position(s));
                    format!("{n} {}", s.title())
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="workshop__step"
                            aria-current=move || (step.get() == s).then_some("step")
                            on:click=move |_| go.run(Some(s))
                        >
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || {
        let (n, of) = state.scenario.with(|s| s.workshop.position(step.get()));
        format!("Step {n} of {of}")
    };
    let next = move || state.scenario.with(|s| s.workshop.next_step(step.get()));
    let previous = move || {
        state
            .scenario
            .with(|s| s.workshop.previous_step(step.get()))
    };

    view! {
        <div class="screen workshop">
            <header class="workshop__bar">
                <p class="workshop__label">"Workshop"</p>
                <nav aria-label="Workshop steps">
                    <ol class="workshop__steps">{nav}</ol>
                </nav>
                <timer::Timer step />
                <button type="button" class="button button--quiet" on:click=|_| keys::full_screen()>
                    "Full screen"
                </button>
                <a class="button button--quiet" href="#/baseline">"Leave the workshop"</a>
            </header>
            <section class="workshop__stage" aria-labelledby="workshop-step">
                <p class="workshop__count">{count}</p>
                <h1 class="workshop__title" id="workshop-step" tabindex="-1" node_ref=heading>
                    {move || step.get().title()}
                </h1>
                <p class="workshop__question">{move || step.get().question()}</p>
                {move || match step.get() {
                    Step::Review => view! { <review::ReviewStep round /> }.into_any(),
                    Step::Baseline => view! { <baseline::BaselineStep /> }.into_any(),
                    Step::Goals => view! { <goals::GoalsStep /> }.into_any(),
                    Step::Simulate => view! { <simulate::SimulateStep /> }.into_any(),
                    Step::Guardrails => view! { <guardrails::GuardrailsStep /> }.into_any(),
                    Step::Commit => view! { <commit::CommitStep /> }.into_any(),
                }}
            </section>
            <parking::ParkingLot />
            <footer class="workshop__footer">
                <button
                    type="button"
                    class="button"
                    disabled=move || previous().is_none()
                    on:click=move |_| go.run(previous())
                >
                    "← Previous step"
                </button>
                <p class="workshop__keys">
                    "Arrow keys, Page Up and Page Down, or the space bar move between steps."
                </p>
                <button
                    type="button"
                    class="button"
                    disabled=move || next().is_none()
                    on:click=move |_| go.run(next())
                >
                    "Next step →"
                </button>
            </footer>
        </div>
    }
}

/// `n` and the noun that goes with it: "1 dot", "3 dots".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
