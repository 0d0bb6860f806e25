//! Component tests in headless Chromium for "Import from data": load the
//! sample, read the measured baseline, apply it, and see bad rows reported.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the whole app into a fresh container with empty storage.
async fn mount_app() -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
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

async fn click_button(text: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"));
    button.click();
    settle().await;
}

async fn paste(id: &str, text: &str) {
    let area: HtmlTextAreaElement = document().get_element_by_id(id).unwrap().unchecked_into();
    area.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
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

/// The text of the measured-baseline row whose header is `metric`.
fn measured(metric: &str) -> String {
    let rows = document()
        .query_selector_all(".measured__table tbody tr")
        .unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|r| r.text_content().unwrap_or_default())
        .find(|t| t.starts_with(metric))
        .unwrap_or_else(|| panic!("no row {metric}"))
}

#[wasm_bindgen_test]
async fn the_sample_gives_the_pinned_figures_and_applies() {
    let _app = mount_app().await;
    click_button("Try with sample data").await;
    // The figures pinned in tests/model_import.rs (SAMPLE_PINS).
    assert!(
        measured("Deployments").contains("46"),
        "{}",
        measured("Deployments")
    );
    assert!(measured("Deployment frequency").contains("3.58 per week"));
    assert!(measured("Deployment frequency").contains("Four Keys: Daily."));
    assert!(measured("Lead time").contains("median 21 hours · P85 47.2 hours"));
    assert!(measured("Change failure rate").contains("10.87%"));
    assert!(measured("Change failure rate")
        .contains("1 duplicate incident of the same deployment counted once"));
    assert!(measured("Failed deployment recovery time").contains("median 1.6 hours · P85 4 hours"));
    assert!(measured("Rework rate").contains("15.22%"));
    assert_eq!(
        document()
            .query_selector_all(".chart svg[role='img']")
            .unwrap()
            .length(),
        3
    );

    click_button("Apply to baseline").await;
    let lead: HtmlInputElement = document()
        .get_element_by_id("lead-time")
        .unwrap()
        .unchecked_into();
    assert_eq!(lead.value(), "21");
    let cfr: HtmlInputElement = document()
        .get_element_by_id("change-failure-rate")
        .unwrap()
        .unchecked_into();
    assert_eq!(cfr.value(), "10.87");
    assert_eq!(
        document()
            .query_selector_all(".measured-badge")
            .unwrap()
            .length(),
        5
    );
    assert_eq!(
        text_of("li[aria-labelledby='card-lead-time'] .tier"),
        "Tier: Elite"
    );
    // Typing over a measured value removes its mark.
    lead.set_value("30");
    let init = EventInit::new();
    init.set_bubbles(true);
    lead.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        document()
            .query_selector_all(".measured-badge")
            .unwrap()
            .length(),
        4
    );
}

#[wasm_bindgen_test]
async fn bad_rows_are_listed_and_nothing_usable_says_so() {
    let _app = mount_app().await;
    paste(
        "import-deployments",
        "id,deployed_at\na,2026-03-02T10:00:00Z\nb,someday\na,2026-03-03T10:00:00Z\n",
    )
    .await;
    let report = text_of(".rejected");
    assert!(report.contains("2 of 3 rows left out"), "{report}");
    assert!(
        report.contains("unparseable timestamp \"someday\""),
        "{report}"
    );
    assert!(report.contains("duplicate id \"a\""), "{report}");
    assert!(measured("Deployments").contains('1'));

    paste("import-deployments", "deployed_at\nnever\n").await;
    assert!(text_of(".import__error").contains("None of the 1 deployment rows could be used"));
    let apply = document()
        .query_selector(".import__apply button")
        .unwrap()
        .unwrap();
    assert!(apply.has_attribute("disabled"));
    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
}
