//! Component tests in headless Chromium: mount the app on the Goals screen,
//! create a goal, and see its SMART check and the chain respond; switch
//! goals and see each one's own values; quantities in the baseline's
//! units; Undo after Delete; check-ins edited and deleted; text boxes
//! capped at the model's limit.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click_button, document, fire, mount_at, settle, text_of, type_into};
use flywheel::model::goals::MAX_TEXT_CHARS;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Picks the option whose visible text is `label` in the select `id`
/// (options are identified by position, so tests pick them by name as a
/// user does).
async fn choose(id: &str, label: &str) {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    let options = select.options();
    let index = (0..options.length())
        .find(|&i| {
            options
                .item(i)
                .and_then(|o| o.text_content())
                .is_some_and(|t| t.trim() == label)
        })
        .unwrap_or_else(|| panic!("no option {label} in {id}"));
    select.set_selected_index(index as i32);
    fire(&select, "change").await;
}

/// The value shown in the input `id`.
fn value_of(id: &str) -> String {
    let input: HtmlInputElement = document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into();
    input.value()
}

/// The visible text of the option selected in the select `id`.
fn chosen(id: &str) -> String {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    let index = select.selected_index();
    select
        .options()
        .item(index as u32)
        .and_then(|o| o.text_content())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Adds a goal titled `title` through the "Add a goal" form.
async fn add_goal(title: &str) {
    type_into("new-goal-title", title).await;
    click_button("Add goal").await;
    assert_eq!(value_of("goal-title"), title);
}

/// Shows another screen, as a click on its link does.
async fn go_to(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    for _ in 0..4 {
        settle().await;
    }
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

    // Give it a metric: the baseline fills in, in the unit it was typed in
    // (5 days); shown in hours (120), and a target equal to it is named.
    choose("goal-metric", "Lead time for changes").await;
    assert!(text_of(".goal-form__baseline").contains("5 days"));
    assert_eq!(chosen("goal-target-unit"), "days");
    choose("goal-target-unit", "hours").await;
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

#[wasm_bindgen_test]
async fn every_field_shows_the_selected_goals_own_values() {
    let _app = mount_at("#/goals").await;
    add_goal("Goal A: ship weekly").await;
    type_into("goal-owner", "Payments").await;
    type_into("goal-so-that", "customers get fixes within a week").await;
    type_into("goal-deadline", "2099-03-31").await;
    choose("goal-level", "Business").await;
    choose("goal-metric", "Change failure rate").await;
    type_into("goal-target", "9").await;
    choose("goal-guard", "Failed deployment recovery time").await;

    add_goal("Goal B: recover in an hour").await;
    type_into("goal-owner", "Platform").await;
    type_into("goal-so-that", "outages stay short").await;
    type_into("goal-start", "2098-01-01").await;
    type_into("goal-deadline", "2098-12-31").await;
    // Text the model refuses stays in the box with its reason, until
    // another goal is shown.
    type_into("goal-title", "   ").await;
    assert_eq!(
        text_of("#goal-title-error"),
        "Enter a title: what should change?"
    );

    let a = [
        ("goal-title", "Goal A: ship weekly"),
        ("goal-owner", "Payments"),
        ("goal-so-that", "customers get fixes within a week"),
        ("goal-deadline", "2099-03-31"),
        ("goal-target", "9"),
        ("goal-guard-limit", "6"),
    ];
    let a_choices = [
        ("goal-level", "Business"),
        ("goal-metric", "Change failure rate"),
        ("goal-guard", "Failed deployment recovery time"),
        ("goal-parent", "None: top of the chain"),
    ];
    let b = [
        ("goal-title", "Goal B: recover in an hour"),
        ("goal-owner", "Platform"),
        ("goal-so-that", "outages stay short"),
        ("goal-start", "2098-01-01"),
        ("goal-deadline", "2098-12-31"),
    ];
    let b_choices = [
        ("goal-level", "Operational"),
        ("goal-metric", "No metric"),
        ("goal-guard", "No guard"),
    ];
    for round in 0..2 {
        click_button("Goal A: ship weekly").await;
        for (id, want) in a {
            assert_eq!(value_of(id), want, "{id} of goal A, round {round}");
        }
        for (id, want) in a_choices {
            assert_eq!(chosen(id), want, "{id} of goal A, round {round}");
        }
        assert_eq!(text_of("#goal-title-error"), "");
        assert!(text_of("#goal-detail-title").contains("Business goal"));

        click_button("Goal B: recover in an hour").await;
        for (id, want) in b {
            assert_eq!(value_of(id), want, "{id} of goal B, round {round}");
        }
        for (id, want) in b_choices {
            assert_eq!(chosen(id), want, "{id} of goal B, round {round}");
        }
        assert!(document().get_element_by_id("goal-target").is_none());
        assert!(document().get_element_by_id("goal-guard-limit").is_none());
    }
}

#[wasm_bindgen_test]
async fn quantities_read_in_the_units_the_baseline_was_typed_in() {
    let _app = mount_at("#/baseline").await;
    type_into("lead-time", "4").await;
    choose("lead-time-unit", "days").await;
    go_to("#/goals").await;
    add_goal("Ship within two days").await;
    choose("goal-metric", "Lead time for changes").await;
    let line = text_of(".goal-form__baseline");
    assert!(line.contains("Baseline: 4 days"), "{line}");
    assert!(!line.contains("96 hours"), "{line}");
    assert_eq!(value_of("goal-target"), "4");
    assert_eq!(chosen("goal-target-unit"), "days");
    assert!(text_of("#goal-target-hint").contains("Baseline screen"));
    type_into("goal-target", "2").await;
    assert_eq!(text_of("#goal-target-error"), "");

    // The picker is the Baseline screen's own setting: hours here shows
    // the same values in hours, there too.
    choose("goal-target-unit", "hours").await;
    assert!(text_of(".goal-form__baseline").contains("Baseline: 96 hours"));
    assert_eq!(value_of("goal-target"), "48");
    go_to("#/baseline").await;
    assert_eq!(value_of("lead-time"), "96");
    assert_eq!(chosen("lead-time-unit"), "hours");
}

#[wasm_bindgen_test]
async fn a_deleted_goal_comes_back_with_undo() {
    let _app = mount_at("#/goals").await;
    add_goal("Be trusted to ship").await;
    add_goal("Deploy every day").await;
    choose("goal-parent", "Operational: Be trusted to ship").await;
    add_goal("Automate the pipeline").await;
    choose("goal-parent", "Operational: Deploy every day").await;

    click_button("Deploy every day").await;
    type_into("goal-owner", "Delivery").await;
    click_button("Delete goal").await;
    assert!(!text_of(".chain").contains("Deploy every day"));
    assert!(text_of(".goals__undo").contains("Deleted \u{201c}Deploy every day\u{201d}."));
    click_button("Undo").await;
    assert!(text_of(".chain").contains("Deploy every day"));
    assert_eq!(value_of("goal-title"), "Deploy every day");
    assert_eq!(value_of("goal-owner"), "Delivery");
    assert_eq!(chosen("goal-parent"), "Operational: Be trusted to ship");
    // Its child is back under it.
    let nested = document()
        .query_selector(".chain--nested .chain--nested")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(nested.contains("Automate the pipeline"), "{nested}");
    assert!(document().query_selector(".goals__undo").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn check_ins_are_refused_before_the_start_and_can_be_edited_and_deleted() {
    let _app = mount_at("#/goals").await;
    add_goal("Fewer failed changes").await;
    choose("goal-metric", "Change failure rate").await;
    type_into("goal-target", "8").await;
    type_into("goal-start", "2098-01-01").await;
    type_into("goal-deadline", "2098-12-31").await;

    type_into("checkin-date", "2097-12-01").await;
    type_into("checkin-value", "17").await;
    click_button("Record check-in").await;
    assert!(
        text_of("#checkin-value-error").contains("cannot come before the goal's start"),
        "{}",
        text_of("#checkin-value-error")
    );
    assert!(document().query_selector(".checkins").unwrap().is_none());

    type_into("checkin-date", "2098-02-01").await;
    click_button("Record check-in").await;
    assert_eq!(text_of("#checkin-value-error"), "");
    assert!(text_of(".checkins").contains("1 Feb 2098"));
    assert!(text_of(".checkins").contains("17%"));
    assert_eq!(value_of("checkin-value"), "");

    // Edit: the form takes the reading; saving replaces it.
    click_button("Edit").await;
    assert_eq!(value_of("checkin-date"), "2098-02-01");
    assert_eq!(value_of("checkin-value"), "17");
    type_into("checkin-value", "16").await;
    type_into("checkin-date", "2098-03-01").await;
    click_button("Save check-in").await;
    let table = text_of(".checkins");
    assert!(
        table.contains("1 Mar 2098") && table.contains("16%"),
        "{table}"
    );
    assert!(!table.contains("1 Feb 2098"), "{table}");

    // Delete, then Undo.
    click_button("Delete").await;
    assert!(document().query_selector(".checkins").unwrap().is_none());
    click_button("Undo").await;
    assert!(text_of(".checkins").contains("1 Mar 2098"));
}

#[wasm_bindgen_test]
async fn every_text_box_stops_at_the_models_limit() {
    let _app = mount_at("#/goals").await;
    add_goal("Measure what users wait for").await;
    choose("goal-metric", "Another measure").await;
    let limit = MAX_TEXT_CHARS.to_string();
    for id in [
        "new-goal-title",
        "goal-title",
        "goal-owner",
        "goal-so-that",
        "goal-measure-name",
        "goal-measure-unit",
    ] {
        let input: HtmlElement = document().get_element_by_id(id).unwrap().unchecked_into();
        assert_eq!(
            input.get_attribute("maxlength"),
            Some(limit.clone()),
            "{id}"
        );
    }
    // Text past the limit that reaches the box anyway (pasted by a script)
    // is refused with the model's message, the last title kept.
    type_into("goal-title", &"x".repeat(MAX_TEXT_CHARS + 1)).await;
    assert!(text_of("#goal-title-error").contains(&limit));
    assert!(text_of(".chain").contains("Measure what users wait for"));
}
