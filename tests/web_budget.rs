//! Component tests in headless Chromium: mount the app on the Error budget
//! screen, change the SLO as a user would, and see the budget respond.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the whole app into a fresh container with empty storage.
async fn mount_app_at_root() -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, flywheel::ui::App);
    settle().await;
    handle
}

async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}

/// Types `text` into the input with `id`, firing a bubbling input event as a
/// browser does (Leptos delegates events to the document).
async fn type_into(id: &str, text: &str) {
    let input: HtmlInputElement = document().get_element_by_id(id).unwrap().unchecked_into();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
}

async fn choose(id: &str, value: &str) {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts the app with the URL on the Error budget screen.
async fn mount_budget() -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/budget")
        .unwrap();
    settle().await;
    mount_app_at_root().await
}

fn budget_text() -> String {
    text_of("#budget-total")
}

#[wasm_bindgen_test]
async fn changing_the_slo_changes_the_budget() {
    let _app = mount_budget().await;
    assert_eq!(text_of("h1"), "Error budget");
    assert_eq!(budget_text(), "43.2 minutes (43 m 12 s)");
    type_into("slo-target", "99.95").await;
    assert_eq!(budget_text(), "21.6 minutes (21 m 36 s)");
    type_into("slo-target", "99.9").await;
    type_into("slo-days", "28").await;
    assert_eq!(budget_text(), "40.32 minutes (40 m 19 s)");
    let alerts = text_of("table.alerts tbody");
    assert!(
        alerts.contains("13.44×") && alerts.contains("0.93×"),
        "{alerts}"
    );
    assert!(!alerts.contains("14.4×"), "{alerts}");
}

#[wasm_bindgen_test]
async fn a_calendar_month_states_its_days_and_a_full_slo_has_no_budget() {
    let _app = mount_budget().await;
    let start: HtmlInputElement = document()
        .get_element_by_id("slo-start")
        .unwrap()
        .unchecked_into();
    start.set_value("2026-02-10");
    let init = EventInit::new();
    init.set_bubbles(true);
    start
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
    choose("slo-window", "calendar").await;
    // February 2026 has 28 days: 40.32 minutes at 99.9%.
    assert_eq!(budget_text(), "40.32 minutes (40 m 19 s)");
    assert!(text_of(".budget__summary .footnote").contains("28 days of February 2026"));
    type_into("slo-target", "100").await;
    assert_eq!(budget_text(), "0 minutes");
    assert!(text_of(".budget__form").contains("leaves no error budget"));
    type_into("slo-target", "-3").await;
    assert_eq!(text_of("#slo-target-error"), "Cannot be negative.");
    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
}
