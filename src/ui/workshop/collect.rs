//! Goals from participants' devices: the facilitator pastes their share
//! links and each one's new goals join the workshop; a participant names
//! themselves so their goals and ballot carry their name.

use leptos::prelude::*;

use super::counted;
use crate::model::workshop::{merge, parse_participant, Merged, MAX_NAME_CHARS};
use crate::ui::field::{Field, TextArea, TextInput};
use crate::ui::link::open_link;
use crate::ui::state::AppState;

/// The facilitator pastes participants' links; each one's new goals join
/// the workshop.
#[component]
pub(super) fn Collect() -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<String>::new());
    let merge_links = move |_| {
        let lines: Vec<String> = text
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if lines.is_empty() {
            results.set(vec!["Paste at least one link first.".to_string()]);
            return;
        }
        leptos::task::spawn_local(async move {
            let mut out = Vec::new();
            let mut merged_any = false;
            for (n, line) in lines.into_iter().enumerate() {
                let label = format!("Link {}", n + 1);
                let payload = crate::share::payload_in(&line).to_string();
                match open_link(payload).await {
                    Err(why) => out.push(format!("{label}: {why}")),
                    Ok(theirs) => {
                        let mut report = None;
                        state.edit(|s| report = Some(merge(s, &theirs, &label)));
                        if let Some(m) = report {
                            merged_any = true;
                            out.push(describe_merge(&m));
                        }
                    }
                }
            }
            // The screen may have been left while the links were decoded:
            // its own signals are then gone, and nothing is left to show.
            if merged_any {
                text.try_set(String::new());
            }
            results.try_set(out);
        });
    };
    view! {
        <section class="panel" aria-labelledby="collect-title">
            <h2 class="panel__title" id="collect-title">"Collect participants' goals"</h2>
            <Field id="workshop-links" label="Participants' links, one per line">
                <TextArea text class="workshop__links" />
            </Field>
            <button type="button" class="button" on:click=merge_links>
                "Merge their goals"
            </button>
            <ul class="workshop__results" role="status">
                {move || results.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// One line on what merging a link did.
fn describe_merge(m: &Merged) -> String {
    let mut parts = vec![format!("{} added", counted(m.added.len(), "goal", "goals"))];
    if m.unchanged > 0 {
        parts.push(format!("{} already here", m.unchanged));
    }
    if m.dropped > 0 {
        parts.push(format!("{} left out: the scenario is full", m.dropped));
    }
    if m.parked > 0 {
        parts.push(format!(
            "{} for the parking lot",
            counted(m.parked, "idea", "ideas")
        ));
    }
    format!("{}: {}.", m.by, parts.join(", "))
}

/// The name a participant's goals and ballot carry, kept in the model as
/// it is typed: nothing waits for the box to lose focus, so leaving the
/// screen (Back, an edited address) finds no edit still pending.
#[component]
pub(super) fn ParticipantName() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Field id="workshop-name" label="Your name, as the facilitator will see it">
            <TextInput
                value=Signal::derive(move || state.scenario.with(|s| s.workshop.participant.clone()))
                max_chars=MAX_NAME_CHARS
                parse=parse_participant
                on_change=Callback::new(move |name| state.edit(|s| s.workshop.participant = name))
            />
        </Field>
    }
}

/// For a participant on their own device: the name their goals carry, and
/// how to send them.
#[component]
pub(super) fn Participate() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="participate-title">
            <h2 class="panel__title" id="participate-title">"Drafting on your own device?"</h2>
            <ParticipantName />
            <p>
                "Add your goals on the "
                <a href="#/goals">"Goals screen"</a>
                ", then press Share link at the top of that screen and send the link to the facilitator. Nothing is sent anywhere else."
            </p>
        </section>
    }
}
