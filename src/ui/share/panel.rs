//! The "Share link" control in the header: makes a link to this scenario
//! and screen, shows it with its length, and copies it. The panel takes
//! focus when it opens (the link selected, ready to copy) and closes on
//! Escape, giving focus back to the button that opened it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::share::{LONG_LINK_CHARS, MAX_CHARS};
use crate::ui::field::{Field, TextInput};
use crate::ui::link::make_link;
use crate::ui::state::AppState;

/// The id of the box holding the link.
const LINK_ID: &str = "share-link";

/// Focuses the link box and selects its text.
fn focus_link() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(LINK_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        // The box's value is bound after it is drawn: select once it is in.
        set_timeout(move || input.select(), std::time::Duration::ZERO);
    }
}

/// The hint under the link: its length, a warning when chat tools may cut
/// it, and where the scenario travels.
fn length_words(chars: usize) -> String {
    let long = if chars > LONG_LINK_CHARS {
        "Longer than 2,000 characters: some chat and e-mail tools cut links this long. "
    } else {
        ""
    };
    format!(
        "{chars} characters. {long}The scenario travels in the part after #, which browsers never send to a server."
    )
}

#[component]
pub fn ShareLink() -> impl IntoView {
    let state = AppState::expect();
    let link = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Div>::new();
    // The panel is drawn after the link arrives: take focus once it is.
    Effect::new(move || {
        if panel.get().is_some() {
            focus_link();
        }
    });
    let close = move || {
        link.set(None);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    let make = move |_| {
        copied.set(false);
        let scenario = state.scenario.get_untracked();
        let screen = state.screen.get_untracked();
        leptos::task::spawn_local(async move {
            let made = make_link(scenario, screen).await;
            link.set(Some(made));
            focus_link();
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
    let text =
        Signal::derive(move || link.with(|l| l.clone().and_then(Result::ok).unwrap_or_default()));
    let hint = Signal::derive(move || length_words(text.with(|t| t.chars().count())));
    view! {
        <button
            type="button"
            class="button button--quiet"
            node_ref=opener
            aria-expanded=move || link.with(|l| matches!(l, Some(Ok(_)))).to_string()
            on:click=make
        >
            "Share link"
        </button>
        {move || {
            link.with(|made| match made {
                None => None,
                Some(Err(why)) => Some(
                    view! {
                        <p class="status__message status__message--error" role="alert">{why.clone()}</p>
                    }
                    .into_any(),
                ),
                Some(Ok(_)) => Some(
                    view! {
                        <div
                            class="share__panel"
                            role="dialog"
                            aria-label="Share link"
                            node_ref=panel
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    ev.prevent_default();
                                    close();
                                }
                            }
                        >
                            <Field id=LINK_ID label="Link to this scenario and screen" hint=hint>
                                <TextInput
                                    value=text
                                    max_chars=MAX_CHARS + 2_000
                                    readonly=true
                                    class="share__link"
                                    on_change=Callback::new(|_: String| {})
                                />
                            </Field>
                            <div class="share__actions">
                                <button type="button" class="button" on:click=copy>
                                    "Copy link"
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| close()>
                                    "Close"
                                </button>
                                <span role="status" class="share__copied">
                                    {move || copied.get().then_some("Copied.")}
                                </span>
                            </div>
                        </div>
                    }
                    .into_any(),
                ),
            })
        }}
    }
}
