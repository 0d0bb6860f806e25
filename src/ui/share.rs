//! Share links: copying the whole scenario into a link, and opening one.
//! The codec (`flywheel_core::share`) loads as its own chunk, the first
//! time a link is made or opened.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Scenario;
use crate::share::{self, LinkError, LONG_LINK_CHARS};
use crate::ui::library::keep_in_library;
use crate::ui::prompt::Prompt;
use crate::ui::routes::{self, Screen};
use crate::ui::state::AppState;

split_fn!(fn encode_link(scenario: Scenario) -> String as share {
    share::encode(&scenario)
});

split_fn!(fn decode_link(payload: String) -> Result<Scenario, LinkError> as share {
    share::decode(&payload)
});

const UNAVAILABLE: &str =
    "Links could not be loaded. Check the connection and reload the page; your work is saved.";

/// Decodes a link's payload: the scenario, or the words to show instead (the
/// codec's own for a damaged link, or that the codec's chunk did not load).
pub(crate) async fn open_link(payload: String) -> Result<Scenario, String> {
    match decode_link(payload).await {
        Err(_) => Err(UNAVAILABLE.into()),
        Ok(decoded) => decoded.map_err(|e| e.message()),
    }
}

/// The page's address without its fragment, so a link works wherever the
/// app is hosted.
fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Shows `screen` in the address bar without the link payload, so a reload
/// does not open the link again.
fn forget_payload(screen: Screen) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = format!("#{}", screen.path());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The "Share" control in the header: makes a link to this scenario and
/// screen, shows it with its length, and copies it.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = AppState::expect();
    let link = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    let make = move |_| {
        copied.set(false);
        let scenario = state.scenario.get_untracked();
        let screen = state.screen.get_untracked();
        leptos::task::spawn_local(async move {
            let made = encode_link(scenario)
                .await
                .map(|payload| format!("{}{}", page_address(), routes::link_hash(screen, &payload)))
                .map_err(|_| UNAVAILABLE.to_string());
            link.set(Some(made));
        });
    };
    let copy = move |_| {
        let Some(Ok(text)) = link.get_untracked() else {
            return;
        };
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
            copied.set(true);
        }
    };
    view! {
        <button type="button" class="button button--quiet" on:click=make>
            "Share link"
        </button>
            {move || {
                link.get()
                    .map(|made| match made {
                        Ok(text) => {
                            let chars = text.chars().count();
                            view! {
                                <div class="share__panel" role="group" aria-label="Share link">
                                    <label class="field__label" for="share-link">
                                        "Link to this scenario and screen"
                                    </label>
                                    <input
                                        id="share-link"
                                        class="field__input"
                                        readonly
                                        prop:value=text
                                        on:focus=|ev| {
                                            if let Some(input) = ev
                                                .target()
                                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                            {
                                                input.select();
                                            }
                                        }
                                    />
                                    <p class="field__hint" id="share-length">
                                        {format!("{chars} characters. ")}
                                        {(chars > LONG_LINK_CHARS)
                                            .then_some(
                                                "Longer than 2,000 characters: some chat and e-mail tools cut links this long. ",
                                            )}
                                        "The scenario travels in the part after #, which browsers never send to a server."
                                    </p>
                                    <div class="share__actions">
                                        <button type="button" class="button" on:click=copy>
                                            "Copy link"
                                        </button>
                                        <button type="button" class="button button--quiet" on:click=move |_| link.set(None)>
                                            "Close"
                                        </button>
                                        <span role="status" class="share__copied">
                                            {move || copied.get().then_some("Copied.")}
                                        </span>
                                    </div>
                                </div>
                            }
                                .into_any()
                        }
                        Err(why) => view! { <p class="status__message status__message--error" role="alert">{why}</p> }
                            .into_any(),
                    })
            }}
    }
}

/// Opens a share link found in the address: decodes it, and when the
/// current work differs, asks before replacing it. A damaged link explains
/// itself and changes nothing.
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
            state.replace(linked);
            state.screen.set(screen);
        }
        pending.set(None);
    };
    let as_copy = move |()| {
        let name = state
            .scenario
            .with_untracked(|s| format!("{} (before opening a link)", s.team.trim()));
        match keep_in_library(state, &name) {
            Ok(()) => {
                replace(());
                state.load_notice.set(Some(format!(
                    "Your previous work is in Saved scenarios as “{name}”."
                )));
            }
            Err(why) => state.load_notice.set(Some(why)),
        }
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

/// Largest scenario file read, in bytes: far above any real scenario.
const MAX_FILE_BYTES: f64 = 5_000_000.0;

/// Export and import of the scenario as a JSON file, to move it between
/// machines and to survive browsers that clear storage.
#[component]
pub fn ScenarioFile() -> impl IntoView {
    let state = AppState::expect();
    let export = move |_| {
        let (name, text) = state.scenario.with_untracked(|s| {
            (
                crate::model::names::file_name(&s.team, ".json"),
                crate::storage::to_file(s),
            )
        });
        if crate::ui::download::download(&name, &text, "application/json").is_none() {
            state.load_notice.set(Some(
                "This browser could not offer the file for download.".into(),
            ));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_FILE_BYTES {
            state.load_notice.set(Some(format!(
                "“{}” is too large to be a Flywheel scenario; nothing was changed.",
                file.name()
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let notice = match text.as_deref().map(crate::storage::decode) {
                Some(crate::storage::Loaded::Scenario(s)) => {
                    let team = s.team.clone();
                    state.replace(*s);
                    format!("Opened “{team}” from {}.", file.name())
                }
                Some(crate::storage::Loaded::Unreadable(why)) => format!(
                    "“{}” could not be opened: {}",
                    file.name(),
                    why.replace("Your saved work", "the file")
                ),
                _ => format!(
                    "“{}” is not a Flywheel scenario file; nothing was changed.",
                    file.name()
                ),
            };
            state.load_notice.set(Some(notice));
        });
    };
    view! {
        <button type="button" class="button button--quiet" on:click=export>
            "Export file"
        </button>
        <label class="button button--quiet share__file">
            "Import file"
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
        </label>
    }
}
