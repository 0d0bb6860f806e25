//! Component tests in headless Chromium: mount the app on the Error budget
//! screen, change the SLO as a user would, and see the budget respond.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{choose, document, fire, mount_at, text_of, type_into};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

fn budget_text() -> String {
    text_of("#budget-total")
}

#[wasm_bindgen_test]
async fn changing_the_slo_changes_the_budget() {
    let _app = mount_at("#/budget").await;
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
    let _app = mount_at("#/budget").await;
    let start: HtmlInputElement = document()
        .get_element_by_id("slo-start")
        .unwrap()
        .unchecked_into();
    start.set_value("2026-02-10");
    fire(&start, "change").await;
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
