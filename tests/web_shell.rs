//! Component tests of the shell's shared pieces: the undo of a replaced
//! scenario, the baseline's provenance and its discard control, and saved
//! work that cannot be opened being set aside at start-up.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click_text, document, fire, settle, text_of};
use flywheel::model::import::Measured;
use flywheel::model::slo::Incident;
use flywheel::model::{Metric, Rate, RatePeriod, Scenario};
use flywheel::ui::provenance::BaselineProvenance;
use flywheel::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn measured() -> Scenario {
    let mut s = Scenario::default();
    s.baseline.deploy_frequency = Rate::new(9.0, RatePeriod::Week);
    s.measured = Some(Measured {
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
        deployments: 117,
        weekly_deploys: vec![9; 12],
        applied: vec![Metric::DeployFrequency, Metric::ChangeFailureRate],
        baseline: s.baseline.clone(),
        ..Measured::default()
    });
    s
}

#[wasm_bindgen_test]
async fn replacing_the_scenario_can_be_undone_and_redone() {
    storage().clear().unwrap();
    let owner = Owner::new();
    owner.set();
    let state = AppState::provide();
    let mine = state.scenario.get_untracked();
    let theirs = Scenario {
        team: "Payments API".into(),
        ..Scenario::default()
    };
    state.replace_undoably(theirs.clone(), "Opened a link");
    assert_eq!(state.scenario.get_untracked(), theirs);
    assert_eq!(
        state.undo.get_untracked().map(|u| u.label),
        Some("Opened a link".into())
    );
    // Work done after the replacement survives an undo and a redo.
    state.edit(|s| s.baseline.change_failure_rate = 7.0);
    state.undo_last();
    assert_eq!(state.scenario.get_untracked(), mine);
    assert!(state.undo.get_untracked().unwrap().undone);
    state.undo_last();
    assert_eq!(state.scenario.get_untracked().team, "Payments API");
    assert_eq!(
        state.scenario.get_untracked().baseline.change_failure_rate,
        7.0
    );
    // An edit that discards what the user had goes the same way.
    state.edit(|s| {
        s.slo.incidents.push(Incident {
            start: chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
            minutes: 45.0,
            share: 20.0,
        })
    });
    state.edit_undoably("Drew incidents from the baseline", |s| {
        s.slo.incidents.clear()
    });
    assert_eq!(
        state.undo.get_untracked().map(|u| u.label),
        Some("Drew incidents from the baseline".into())
    );
    // Replacing with the same scenario offers nothing to undo.
    state.undo.set(None);
    state.replace_undoably(state.scenario.get_untracked(), "Nothing");
    assert_eq!(state.undo.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn provenance_follows_the_figures_and_imported_data_can_be_discarded() {
    storage().clear().unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_id("provenance-host");
    document().body().unwrap().append_child(&host).unwrap();
    let state = RwSignal::new(None::<AppState>);
    let _handle = leptos::mount::mount_to(host, move || {
        let s = AppState::provide();
        s.replace(measured());
        state.set(Some(s));
        view! { <BaselineProvenance /> }
    });
    settle().await;
    let state = state.get_untracked().unwrap();
    let text = || text_of("#provenance-host .provenance__text");
    assert!(
        text().starts_with("Partly measured from data"),
        "{}",
        text()
    );
    assert!(text().contains("Deployment frequency and change failure rate measured"));
    state.edit(|s| {
        s.baseline.deploy_frequency = Rate::new(3.0, RatePeriod::Week);
        s.baseline.change_failure_rate = 4.0;
    });
    settle().await;
    assert!(text().starts_with("Typed in"), "{}", text());
    assert!(text().contains("still kept"));
    click_text("#provenance-host button", "Discard imported data").await;
    assert_eq!(state.scenario.with_untracked(|s| s.measured.clone()), None);
    assert_eq!(text(), "Typed in Every figure was typed in.");
    assert!(document()
        .query_selector("#provenance-host button")
        .unwrap()
        .is_none());
    // The discard is offered for undo.
    state.undo_last();
    settle().await;
    assert!(state.scenario.with_untracked(|s| s.measured.is_some()));
}

#[wasm_bindgen_test]
async fn unreadable_saved_work_is_set_aside_before_anything_is_saved() {
    let raw = "{\"version\":2,\"scenario\":{\"team\":\"Payme";
    storage().clear().unwrap();
    storage().set_item("flywheel.working", raw).unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone(), flywheel::ui::App);
    settle().await;
    assert_eq!(
        storage().get_item("flywheel.aside.1").unwrap().as_deref(),
        Some(raw)
    );
    let status = host
        .query_selector(".status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        status.contains("Your saved work was not opened: it could not be read"),
        "{status}"
    );
    // The first edit saves the new work; the old text stays aside.
    let team: web_sys::HtmlInputElement = host
        .query_selector("#team-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    team.set_value("Checkout");
    fire(&team, "input").await;
    settle().await;
    let working = storage().get_item("flywheel.working").unwrap().unwrap();
    assert!(working.contains("Checkout"), "{working}");
    assert_eq!(
        storage().get_item("flywheel.aside.1").unwrap().as_deref(),
        Some(raw)
    );
}

#[wasm_bindgen_test]
async fn a_newer_version_s_work_holds_saving() {
    let raw = "{\"version\":99,\"scenario\":{}}";
    storage().clear().unwrap();
    storage().set_item("flywheel.working", raw).unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone(), flywheel::ui::App);
    settle().await;
    let team: web_sys::HtmlInputElement = host
        .query_selector("#team-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    team.set_value("Checkout");
    fire(&team, "input").await;
    settle().await;
    assert_eq!(
        storage().get_item("flywheel.working").unwrap().as_deref(),
        Some(raw)
    );
    assert_eq!(storage().get_item("flywheel.aside.1").unwrap(), None);
    let status = host
        .query_selector(".status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        status.contains("changes made here are not saved"),
        "{status}"
    );
}
