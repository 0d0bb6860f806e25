//! Opening a share link found in the address: decode it, and when the
//! current work differs, ask before replacing it. A damaged link explains
//! itself and changes nothing; opening one can be undone from the status
//! bar.

use leptos::prelude::*;

use crate::model::Scenario;
use crate::storage;
use crate::ui::link::{forget_payload, open_link};
use crate::ui::prompt::Prompt;
use crate::ui::routes::{self, Screen};
use crate::ui::state::{browser_now, AppState};

/// Saves the working scenario in the library as a new entry named after
/// `base`; returns the name it got.
pub async fn keep_copy(state: AppState, base: &str) -> Result<String, String> {
    let scenario = state.scenario.get_untracked();
    let stamp = crate::model::date::iso_minute(browser_now());
    storage::change_library(|lib| lib.keep_new(base, &stamp, scenario))
        .await
        .map(|(_, name)| name)
}

/// What the undo offer says after a link replaced the work.
fn opened_words(team: &str) -> String {
    format!("Opened the link’s scenario for “{team}”")
}

#[component]
pub fn LinkOpener() -> impl IntoView {
    let state = AppState::expect();
    let pending = RwSignal::new(None::<(Scenario, Screen)>);
    let open = move |hash: String| {
        let Some(payload) = routes::link_payload(&hash).map(str::to_string) else {
            return;
        };
        let screen = Screen::from_hash(&hash);
        forget_payload(screen);
        leptos::task::spawn_local(async move {
            match open_link(payload).await {
                Err(message) => state.load_notice.set(Some(message)),
                Ok(linked) => {
                    let unchanged = state
                        .scenario
                        .with_untracked(|s| *s == linked || *s == Scenario::default());
                    if unchanged {
                        state.replace(linked);
                        state.screen.set(screen);
                    } else {
                        pending.set(Some((linked, screen)));
                    }
                }
            }
        });
    };
    open(routes::current_hash());
    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        open(routes::current_hash());
    });
    let replace = move |()| {
        if let Some((linked, screen)) = pending.get_untracked() {
            let words = opened_words(&linked.team);
            state.replace_undoably(linked, words);
            state.screen.set(screen);
        }
        pending.set(None);
    };
    let as_copy = move |()| {
        let base = state
            .scenario
            .with_untracked(|s| format!("{} (before opening a link)", s.team.trim()));
        leptos::task::spawn_local(async move {
            match keep_copy(state, &base).await {
                Ok(name) => {
                    replace(());
                    state.load_notice.set(Some(format!(
                        "Your previous work is in Saved scenarios as “{name}”."
                    )));
                }
                Err(why) => state.load_notice.set(Some(why)),
            }
        });
    };
    move || {
        pending.get().map(|(linked, _)| {
            view! {
                <Prompt
                    id="link-prompt-title"
                    title="Open this link?"
                    text=format!(
                        "The link holds a scenario for “{}”, which differs from the work in this browser. Open it as a copy to keep your current work in Saved scenarios, or replace your current work with it.",
                        linked.team,
                    )
                    actions=vec![
                        ("Open as a copy", Callback::new(as_copy)),
                        ("Replace my work", Callback::new(replace)),
                        ("Keep my work", Callback::new(move |()| pending.set(None))),
                    ]
                />
            }
        })
    }
}
