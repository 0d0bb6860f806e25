//! Share links in and out, for every screen that makes or opens one (the
//! header's Share panel, Compare, the Workshop). The codec
//! (`flywheel_core::share`) loads as its own chunk, the first time a link is
//! made or opened.

use crate::model::Scenario;
use crate::share::{self, LinkError};
use crate::ui::routes::{self, Screen};

split_fn!(fn encode_link(scenario: Scenario) -> String as share {
    share::encode(&scenario)
});

split_fn!(fn decode_link(payload: String) -> Result<Scenario, LinkError> as share {
    share::decode(&payload)
});

/// What to say when the codec's chunk could not be fetched.
pub const UNAVAILABLE: &str =
    "Links could not be loaded. Check the connection and reload the page; your work is saved.";

/// Decodes a link's payload: the scenario, or the words to show instead (the
/// codec's own for a damaged link, or that the codec's chunk did not load).
pub async fn open_link(payload: String) -> Result<Scenario, String> {
    match decode_link(payload).await {
        Err(_) => Err(UNAVAILABLE.into()),
        Ok(decoded) => decoded.map_err(|e| e.message()),
    }
}

/// A link to `screen` holding `scenario`, at the page's own address (so it
/// works wherever the app is hosted), or the words to show instead.
pub async fn make_link(scenario: Scenario, screen: Screen) -> Result<String, String> {
    encode_link(scenario)
        .await
        .map(|payload| format!("{}{}", page_address(), routes::link_hash(screen, &payload)))
        .map_err(|_| UNAVAILABLE.to_string())
}

/// The page's address without its fragment.
fn page_address() -> String {
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
