//! Helpers shared by the browser component tests: mount the app on a screen
//! with empty storage, and act on elements as a user's browser would.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, EventInit, EventTarget, HtmlElement, HtmlInputElement, HtmlSelectElement,
};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the whole app into a fresh container on the screen `hash` names
/// (`#/goals`), with empty storage.
pub async fn mount_at(
    hash: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, flywheel::ui::App);
    settle().await;
    handle
}

/// Lets effects and re-renders run.
pub async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}

/// Fires a bubbling event, as a browser does (Leptos delegates events to
/// the document).
pub async fn fire(target: &EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
    settle().await;
}

/// Types `text` into the input with `id`.
pub async fn type_into(id: &str, text: &str) {
    let input: HtmlInputElement = document().get_element_by_id(id).unwrap().unchecked_into();
    input.set_value(text);
    fire(&input, "input").await;
}

/// Picks the option whose visible text is `label` in the select with
/// `id`, as a user would (options carry no meaning in their values).
pub async fn choose(id: &str, label: &str) {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    let options = select.options();
    let index = (0..options.length())
        .find(|&i| {
            options
                .item(i)
                .and_then(|o| o.text_content())
                .is_some_and(|t| t.trim() == label)
        })
        .unwrap_or_else(|| panic!("no option {label:?} in #{id}"));
    select.set_selected_index(index as i32);
    fire(&select, "change").await;
}

/// The text of the first element matching `selector`.
pub fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .text_content()
        .unwrap_or_default()
}

/// Waits until `check` holds, looking every 20 ms; fails the test, naming
/// `what` was awaited, when it does not within `limit_ms`.
pub async fn until_within(limit_ms: u32, what: &str, check: impl Fn() -> bool) {
    for _ in 0..limit_ms.div_ceil(20) {
        if check() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("{what}: not within {limit_ms} ms");
}

/// Waits (up to two seconds) until `check` holds.
pub async fn until(check: impl Fn() -> bool) {
    until_within(2_000, "timed out", check).await;
}

/// The first element matching `selector`, once the page has built it (parts
/// below a screen's first chart are built after it has painted).
pub async fn appears(selector: &str) -> web_sys::Element {
    let found = || document().query_selector(selector).unwrap();
    until(|| found().is_some()).await;
    found().unwrap_or_else(|| panic!("{selector} went away"))
}

/// The first element matching `selector` whose text, trimmed, is `text`.
pub fn with_text(selector: &str, text: &str) -> Option<HtmlElement> {
    let found = document().query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|e| e.text_content().unwrap_or_default().trim() == text)
}

/// Clicks the element matching `selector` whose text is `text` (a label
/// ticks its checkbox), and lets the page answer.
pub async fn click_text(selector: &str, text: &str) {
    with_text(selector, text)
        .unwrap_or_else(|| panic!("no {selector} “{text}”"))
        .click();
    settle().await;
}

/// Clicks the button whose text is `text`.
pub async fn click_button(text: &str) {
    click_text("button", text).await;
}
