//! Component tests in headless Chromium: mount the app, put two scenarios in
//! the library (or a set of teams), compare them on the Compare screen, and
//! read the differences.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    choose, click_button, click_text, document, mount_at, settle, text_of, type_into, until_within,
};
use flywheel::model::library::Library;
use flywheel::model::teams::file::to_file;
use flywheel::model::teams::{Source, Teams};
use flywheel::model::Scenario;
use flywheel::storage::{save_library, Entry};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A scenario small enough to simulate quickly in a debug build.
fn entry(name: &str, change_failure_rate: f64) -> Entry {
    let mut scenario = Scenario {
        team: name.to_string(),
        ..Scenario::default()
    };
    scenario.baseline.change_failure_rate = change_failure_rate;
    scenario.simulation.trials = 200;
    scenario.simulation.horizon_weeks = 12;
    scenario.slo.policy.trials = 10;
    Entry {
        name: name.to_string(),
        saved: "2026-01-01 09:00".to_string(),
        scenario,
    }
}

/// The page's text once no run is pending.
async fn simulated_page() -> String {
    let text = || {
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    until_within(5_000, "the runs finishing", || {
        !text().contains("Simulating…")
    })
    .await;
    text()
}

#[wasm_bindgen_test]
async fn two_saved_scenarios_compare_with_differences_in_words() {
    let _app = mount_at("#/baseline").await;
    save_library(&Library(vec![entry("Spring", 22.0), entry("Autumn", 4.0)])).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/compare")
        .unwrap();
    TimeoutFuture::new(50).await;
    settle().await;
    assert_eq!(text_of("h1"), "Compare");
    assert!(text_of(".compare").contains("Add at least two scenarios"));

    click_button("Add saved scenario").await;
    choose("compare-saved", "Autumn").await;
    click_button("Add saved scenario").await;
    let page = simulated_page().await;
    assert!(!page.contains("Add at least two scenarios"));

    let tiers = text_of(".compare__table tbody");
    assert!(
        tiers.contains("High tier") && tiers.contains("Elite tier"),
        "{tiers}"
    );
    assert!(
        tiers.contains("Better than Spring: 82% lower; tier was High"),
        "{tiers}"
    );
    // Renaming a column renames it everywhere it is named.
    type_into("compare-label-1", "Last spring").await;
    assert!(text_of(".compare__table thead").contains("Last spring (reference)"));
    assert!(text_of(".compare__table tbody").contains("Better than Last spring"));

    let charts = document()
        .query_selector_all(".compare__charts svg")
        .unwrap();
    assert_eq!(charts.length(), 2);
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }

    // Both read through the reference's lens, the 2025 scores, with the
    // historical tiers named as such.
    assert!(
        text_of(".compare__table caption").starts_with(
            "Baseline and DORA's 2025 scores against all respondents, with DORA's 2024 tiers (historical)"
        ),
        "{}",
        text_of(".compare__table caption")
    );
    let tiers = text_of(".compare__table tbody");
    assert!(tiers.contains("Overall performance"), "{tiers}");
    assert!(
        tiers.contains("High tier (DORA 2024, historical)"),
        "{tiers}"
    );
    assert!(
        tiers.contains("Scores ") && tiers.contains(" of 10: about the "),
        "{tiers}"
    );

    // The comparison and its finished runs outlast a visit elsewhere: back
    // on the screen, nothing is simulated again.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/baseline")
        .unwrap();
    TimeoutFuture::new(50).await;
    settle().await;
    assert_eq!(text_of("h1"), "Baseline");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/compare")
        .unwrap();
    TimeoutFuture::new(50).await;
    settle().await;
    let back = text_of(".compare");
    assert!(back.contains("Last spring (reference)"), "{back}");
    assert!(!back.contains("Simulating…"), "{back}");
    assert_eq!(
        document()
            .query_selector_all(".compare__charts svg")
            .unwrap()
            .length(),
        2
    );
}

#[wasm_bindgen_test]
async fn ticked_teams_open_into_compare_as_its_columns() {
    let _app = mount_at("#/baseline").await;
    let mut teams = Teams::new();
    for (name, rate) in [("Spring", 22.0), ("Autumn", 4.0), ("Winter", 9.0)] {
        assert!(teams
            .add(entry(name, rate).scenario, Source::Link)
            .is_added());
    }
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item(flywheel::storage::TEAMS_KEY, &to_file(&teams))
        .unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/teams")
        .unwrap();
    TimeoutFuture::new(50).await;
    simulated_page().await;
    assert_eq!(text_of("h1"), "Teams");

    click_text("label", "Compare Autumn").await;
    click_text("label", "Compare Spring").await;
    assert_eq!(
        text_of(".teams__compare [role=status]"),
        "Compare “Autumn”, the reference, with “Spring”."
    );
    click_button("Compare the ticked teams").await;
    TimeoutFuture::new(50).await;
    let page = simulated_page().await;
    assert_eq!(text_of("h1"), "Compare");
    assert!(
        text_of(".compare__table thead").contains("Autumn (reference)"),
        "{page}"
    );
    assert!(
        text_of(".compare__table tbody").contains("Worse than Autumn: 450% higher"),
        "{}",
        text_of(".compare__table tbody")
    );
    assert!(page.contains("The team “Spring” from Teams"), "{page}");
}
