//! Component tests in headless Chromium: mount the app on the Goals screen,
//! create a goal, and see its SMART check and the chain respond.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{choose, document, mount_at, settle, text_of, type_into};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

async fn click_button(text: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == text {
            b.click();
            settle().await;
            return;
        }
    }
    panic!("no button {text}");
}

fn smart_item(name: &str) -> String {
    let items = document().query_selector_all(".smart__item").unwrap();
    (0..items.length())
        .map(|i| items.item(i).unwrap().text_content().unwrap_or_default())
        .find(|t| t.contains(name))
        .unwrap_or_else(|| panic!("no SMART item {name}"))
}

#[wasm_bindgen_test]
async fn creating_a_goal_adds_it_to_the_chain_and_checks_it() {
    let _app = mount_at("#/goals").await;
    assert!(text_of("h1").contains("Goals"));
    assert!(text_of(".goals__detail").contains("Add a goal or pick an example"));

    // An empty title is refused with a message.
    click_button("Add goal").await;
    assert_eq!(
        text_of("#new-goal-title-error"),
        "Enter a title: what should change?"
    );

    type_into("new-goal-title", "Halve lead time for changes").await;
    click_button("Add goal").await;
    assert!(text_of(".chain").contains("Operational"));
    assert!(text_of(".chain").contains("Halve lead time for changes"));
    assert!(smart_item("Time-bound").contains("Fail"));
    assert!(smart_item("Time-bound").contains("It has no deadline."));

    // Give it a metric: the baseline (5 days = 120 hours) fills in, and a
    // target equal to it is named.
    choose("goal-metric", "lead-time").await;
    assert!(text_of(".goal-form__baseline").contains("120 hours"));
    assert_eq!(
        text_of("#goal-target-error"),
        "The target equals the baseline (120 hours): set a target that improves on it."
    );
    type_into("goal-target", "48").await;
    assert_eq!(text_of("#goal-target-error"), "");
    assert!(smart_item("Measurable").contains("Pass"));

    // A deadline far in the future makes it time-bound.
    type_into("goal-deadline", "2099-06-30").await;
    assert!(
        smart_item("Time-bound").contains("Pass"),
        "{}",
        smart_item("Time-bound")
    );
    // A past one is named beside the field.
    type_into("goal-deadline", "2001-01-31").await;
    assert!(text_of("#goal-deadline-error").contains("has passed"));

    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
    // Saved.
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("flywheel.working")
        .unwrap()
        .unwrap();
    assert!(saved.contains("Halve lead time for changes"));
}
