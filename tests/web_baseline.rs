//! Component tests in headless Chromium: mount the app, type into the
//! Baseline screen as a user would, and see the tiers respond.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{choose, document, mount_at, text_of, type_into};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn tier_of(metric_key: &str) -> String {
    text_of(&format!("li[aria-labelledby='card-{metric_key}'] .tier"))
}

#[wasm_bindgen_test]
async fn typing_a_lead_time_changes_its_tier() {
    let _app = mount_at("#/baseline").await;
    // The example baseline's lead time is 5 days: High in 2024.
    assert_eq!(tier_of("lead-time"), "Tier: High");
    type_into("lead-time", "0.5").await;
    assert_eq!(tier_of("lead-time"), "Tier: Elite");
    choose("lead-time-unit", "hours").await;
    assert_eq!(tier_of("lead-time"), "Tier: Elite");
    type_into("lead-time", "400").await;
    assert_eq!(tier_of("lead-time"), "Tier: Medium");
}

#[wasm_bindgen_test]
async fn invalid_input_shows_a_message_and_keeps_the_last_valid_value() {
    let _app = mount_at("#/baseline").await;
    type_into("change-failure-rate", "4").await;
    assert_eq!(tier_of("change-failure-rate"), "Tier: Elite");
    type_into("change-failure-rate", "140").await;
    assert_eq!(
        text_of("#change-failure-rate-error"),
        "Must be at most 100%."
    );
    let input = document().get_element_by_id("change-failure-rate").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(tier_of("change-failure-rate"), "Tier: Elite");
    type_into("change-failure-rate", "abc").await;
    assert_eq!(
        text_of("#change-failure-rate-error"),
        "Enter a number, such as 12 or 2.5."
    );
    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page: {page}");
    }
}

#[wasm_bindgen_test]
async fn changing_the_edition_reclassifies_and_names_it() {
    let _app = mount_at("#/baseline").await;
    type_into("change-failure-rate", "20").await;
    assert_eq!(tier_of("change-failure-rate"), "Tier: High");
    choose("edition", "2021 report").await;
    assert_eq!(tier_of("change-failure-rate"), "Tier: High – Low");
    assert!(text_of(".results__source").contains("2021 edition"));
    choose("edition", "2023 report (partly secondary)").await;
    assert_eq!(tier_of("change-failure-rate"), "Tier: Low");
    assert!(text_of(".results__source").contains("secondary"));
}
