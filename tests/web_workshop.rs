//! Component tests in headless Chromium: the workshop's keys, which must
//! move between steps from anywhere but a field, and its presentation
//! mode, which must end when the room leaves the workshop.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{document, mount_at, settle, text_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{EventTarget, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn press(target: &EventTarget, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

async fn shown() {
    // The screen's chunk resolves through a Suspense boundary.
    for _ in 0..20 {
        if document()
            .query_selector("#workshop-step")
            .unwrap()
            .is_some()
        {
            return;
        }
        settle().await;
    }
    panic!("the workshop never showed");
}

fn presenting() -> bool {
    document()
        .document_element()
        .unwrap()
        .class_list()
        .contains("presenting")
}

#[wasm_bindgen_test]
async fn keys_move_between_steps_except_inside_a_field() {
    let _app = mount_at("#/workshop").await;
    shown().await;
    assert!(presenting());
    let body: EventTarget = document().body().unwrap().unchecked_into();
    assert_eq!(text_of("#workshop-step"), "Baseline");
    press(&body, "ArrowRight", false).await;
    assert_eq!(text_of("#workshop-step"), "Goals");
    // Focus follows the step, so a screen reader announces it.
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("workshop-step")
    );

    let links: HtmlElement = document()
        .get_element_by_id("workshop-links")
        .unwrap()
        .unchecked_into();
    for key in [" ", "ArrowRight", "PageDown", "End"] {
        press(&links, key, false).await;
        assert_eq!(text_of("#workshop-step"), "Goals", "{key} in a field");
    }
    press(&body, " ", false).await;
    assert_eq!(text_of("#workshop-step"), "Simulate");
    press(&body, " ", true).await;
    assert_eq!(text_of("#workshop-step"), "Goals");
    press(&body, "End", false).await;
    assert_eq!(text_of("#workshop-step"), "Commit");
    assert_eq!(text_of(".workshop__count"), "Step 5 of 5");
    press(&body, "PageDown", false).await;
    assert_eq!(text_of("#workshop-step"), "Commit");

    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/baseline")
        .unwrap();
    for _ in 0..20 {
        if !presenting() {
            break;
        }
        settle().await;
    }
    assert!(!presenting(), "leaving the workshop ends the presentation");
    press(&body, "ArrowLeft", false).await;
    assert_eq!(text_of("h1"), "Baseline");
}
