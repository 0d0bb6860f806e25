//! Links in and out of the page: a scenario made into a link or opened
//! from one (the codec loads as the `share` chunk, the first time either is
//! needed), a workshop ballot's link, and the box that shows a link with
//! a Copy button.

use leptos::prelude::*;

use crate::model::Scenario;
use crate::share::{self, LinkError};
use crate::ui::field::{Field, TextArea};
use crate::ui::routes::{self, Screen};

split_fn!(fn encode_scenario(scenario: Scenario) -> String as share {
    share::encode(&scenario)
});

split_fn!(fn decode_scenario(payload: String) -> Result<Scenario, LinkError> as share {
    share::decode(&payload)
});

/// What to say when the codec's chunk could not be fetched.
pub const UNAVAILABLE: &str =
    "Links could not be loaded. Check the connection and reload the page; your work is saved.";

/// Decodes a link's payload: the scenario, or the words to show instead (the
/// codec's own for a damaged link, or that the codec's chunk did not load).
pub async fn open_link(payload: String) -> Result<Scenario, String> {
    match decode_scenario(payload).await {
        Err(_) => Err(UNAVAILABLE.into()),
        Ok(decoded) => decoded.map_err(|e| e.message()),
    }
}

/// A link that opens `scenario` on `screen`, wherever the app is hosted.
pub async fn make_link(scenario: Scenario, screen: Screen) -> Result<String, String> {
    encode_scenario(scenario)
        .await
        .map(|payload| format!("{}{}", page_address(), routes::link_hash(screen, &payload)))
        .map_err(|_| UNAVAILABLE.to_string())
}

/// The link a participant sends with their ballot (`model::workshop`'s
/// `b1.…` payload): it names the workshop screen, where ballots are merged.
pub fn ballot_link(payload: &str) -> String {
    format!("{}#{}?b={payload}", page_address(), Screen::Workshop.path())
}

/// The page's address without its fragment, so a link works wherever the
/// app is hosted.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Shows `screen` in the address bar without the link payload, so a reload
/// does not open the link again.
pub fn forget_payload(screen: Screen) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = format!("#{}", screen.path());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A link made for someone else, in a box to select or copy, with its
/// length.
#[component]
pub fn LinkBox(
    /// The box's element id.
    #[prop(into)]
    id: String,
    /// Its visible label.
    #[prop(into)]
    label: String,
    /// The link.
    text: RwSignal<String>,
) -> impl IntoView {
    // The text last copied: "Copied." stands only while it is the link
    // shown.
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let link = text.get_untracked();
            let _ = w.navigator().clipboard().write_text(&link);
            copied.set(Some(link));
        }
    };
    let is_copied = move || copied.with(|c| c.as_ref().is_some_and(|c| text.with(|t| c == t)));
    let hint = Signal::derive(move || {
        let chars = text.with(|t| t.chars().count());
        let long = if chars > share::LONG_LINK_CHARS {
            " Longer than 2,000 characters: some chat and e-mail tools cut links this long."
        } else {
            ""
        };
        format!("{chars} characters.{long} It travels in the part after #, which browsers never send to a server.")
    });
    view! {
        <Field id label hint>
            <TextArea text rows=3 class="link-box" />
        </Field>
        <p class="link-box__actions">
            <button type="button" class="button" on:click=copy>
                "Copy link"
            </button>
            <span role="status">{move || is_copied().then_some(" Copied.")}</span>
        </p>
    }
}
