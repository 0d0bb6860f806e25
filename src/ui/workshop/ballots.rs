//! Ballots from every device, on the facilitator's screen: the workshop is
//! started under an id its ballots carry, participants get a link holding
//! the workshop without anyone's dots, and their ballot links are pasted
//! back, many at once, each line's outcome in words.

use leptos::prelude::*;

use crate::model::workshop::{summarise, BallotReport, Outcome, Subject, MAX_NAME_CHARS};
use crate::model::Scenario;
use crate::ui::field::{Field, TextArea, TextInput};
use crate::ui::link::{make_link, LinkBox};
use crate::ui::routes::Screen;
use crate::ui::state::AppState;

/// Starting the workshop, inviting devices and merging their ballots.
#[component]
pub(super) fn Ballots() -> impl IntoView {
    let state = AppState::expect();
    // A memo, so the panel below is rebuilt only when the workshop is
    // started (again), not on every ballot merged.
    let identity = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.workshop.identity().map(|i| i.describe()))
    });
    view! {
        <section class="panel" aria-labelledby="ballots-title">
            <h2 class="panel__title" id="ballots-title">"Ballots from devices"</h2>
            {move || match identity.get() {
                None => view! { <Start /> }.into_any(),
                Some(named) => {
                    view! {
                        <p>{format!("This workshop is {named}.")}</p>
                        <Invite />
                        <Merge />
                        <details class="workshop__restart">
                            <summary>"Start again"</summary>
                            <Start />
                        </details>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The workshop's name and facilitator, and the button that starts it.
#[component]
fn Start() -> impl IntoView {
    let state = AppState::expect();
    let (title, facilitator) = state
        .scenario
        .with_untracked(|s| match s.workshop.identity() {
            Some(i) => (i.title.clone(), i.facilitator.clone()),
            None => (s.team.trim().to_string(), String::new()),
        });
    let title = RwSignal::new(title);
    let facilitator = RwSignal::new(facilitator);
    let error = RwSignal::new(None::<String>);
    let placed = move || {
        state.scenario.with(|s| {
            Subject::ALL
                .into_iter()
                .any(|v| !s.workshop.progress(v).voted.is_empty())
        })
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = random_id();
        let mut result = Ok(());
        state.edit(|s| {
            result = s.workshop.start(
                id,
                &title.get_untracked(),
                &facilitator.get_untracked(),
                state.today,
            )
        });
        error.set(result.err());
    };
    view! {
        <form class="workshop__form" on:submit=start>
            <p>
                "Start the workshop to take ballots from participants' devices: each ballot carries its code, so one meant for another workshop is recognised."
            </p>
            <Field id="workshop-title" label="Workshop name">
                <TextInput value=title max_chars=MAX_NAME_CHARS on_change=Callback::new(move |t| title.set(t)) />
            </Field>
            <Field id="workshop-facilitator" label="Facilitator" optional=true>
                <TextInput
                    value=facilitator
                    max_chars=MAX_NAME_CHARS
                    on_change=Callback::new(move |t| facilitator.set(t))
                />
            </Field>
            <p class="field__hint">
                {move || placed().then_some("Starting clears the dots placed so far: ballots belong to one workshop.")}
            </p>
            <button type="submit" class="button">"Start the workshop"</button>
            <p role="alert" class="workshop__status">{move || error.get()}</p>
        </form>
    }
}

/// The link participants open on their own devices: the workshop without
/// anyone's dots or the facilitator's own name.
#[component]
fn Invite() -> impl IntoView {
    let state = AppState::expect();
    let link = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let make = move |_| {
        let invited = state.scenario.with_untracked(|s| Scenario {
            workshop: s.workshop.invitation(),
            ..s.clone()
        });
        leptos::task::spawn_local(async move {
            match make_link(invited, Screen::Workshop).await {
                Ok(text) => {
                    link.try_set(text);
                    error.try_set(None);
                }
                Err(why) => {
                    error.try_set(Some(why));
                }
            }
        });
    };
    view! {
        <button type="button" class="button" on:click=make>
            "Make the link for participants' devices"
        </button>
        <p role="alert" class="workshop__status">{move || error.get()}</p>
        <Show when=move || link.with(|l| !l.is_empty())>
            <LinkBox id="invitation-link" label="Link for participants' devices" text=link />
        </Show>
    }
}

/// Ballot links pasted one per line, merged with each line's outcome.
#[component]
fn Merge() -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let reports = RwSignal::new(None::<Vec<BallotReport>>);
    let merge = move |_| {
        let pasted = text.get_untracked();
        let mut out = Vec::new();
        state.edit(|s| out = s.workshop.merge_ballots(&s.goals, &pasted));
        // Every line counted: the box is cleared for the next ones. A refused
        // line stays, to be fixed or asked for again.
        if !out.is_empty() && out.iter().all(|r| r.outcome != Outcome::Refused) {
            text.set(String::new());
        }
        reports.set(Some(out));
    };
    let lines = move || {
        reports.with(|r| {
            r.iter()
                .flatten()
                .map(|r| view! { <li>{r.message.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <Field id="ballot-links" label="Ballot links, one per line" hint="Paste as many as you have; a later ballot from the same person replaces the earlier one.">
            <TextArea text rows=5 class="workshop__links" />
        </Field>
        <button type="button" class="button" on:click=merge>
            "Merge the ballots"
        </button>
        <div role="status" class="workshop__results">
            <p class="workshop__status">{move || reports.with(|r| r.as_deref().map(summarise))}</p>
            <ul aria-label="Each ballot">{lines}</ul>
        </div>
    }
}

/// A workshop id from the browser's Web Crypto, so two workshops started on
/// one day under one name are told apart.
fn random_id() -> u64 {
    let mut bytes = [0u8; 8];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    let id = u64::from_le_bytes(bytes);
    // Without Web Crypto, the moment the workshop starts.
    if id == 0 {
        js_sys::Date::now() as u64
    } else {
        id
    }
}
