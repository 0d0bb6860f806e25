//! The simulation in the browser, where WebAssembly's SIMD runs the trials
//! (`flywheel_sim::lanes`): a seed gives the very numbers the native tests
//! pin, so a shared link shows what the tests check.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

#[path = "../sim/tests/pinned/mod.rs"]
mod pinned;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_seed_gives_the_numbers_the_native_tests_pin() {
    pinned::assert_pinned_numbers(&pinned::pinned_run(42));
}

mod common;

use common::{appears, document, settle, until_within};
use flywheel::model::plan::{Plan, Preset};
use flywheel::model::Scenario;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement};

/// Mounts the app on the Simulate screen with `scenario` as the saved
/// work, as a reload after a shared link would.
async fn open_simulate(
    scenario: &Scenario,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    flywheel::storage::save(scenario).unwrap();
    window.location().set_hash("#/simulate").unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, flywheel::ui::App);
    settle().await;
    handle
}

/// The timing line once the chosen plan has run.
async fn timing() -> String {
    let text = || {
        document()
            .query_selector(".simulate__timing")
            .unwrap()
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    until_within(5_000, "the chosen plan's run", || {
        text().contains("Simulated")
    })
    .await;
    text()
}

fn selected_text(id: &str) -> String {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    select
        .selected_options()
        .item(0)
        .and_then(|o| o.text_content())
        .unwrap_or_default()
}

fn option_texts(id: &str) -> Vec<String> {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    let options = select.options();
    (0..options.length())
        .filter_map(|i| options.item(i).and_then(|o| o.text_content()))
        .collect()
}

/// One plan and few trials, so the debug build runs it quickly.
fn small(weeks: u32, trials: u32) -> Scenario {
    let mut s = Scenario::default();
    s.simulation.plans = vec![Plan::preset(Preset::Kaizen)];
    s.simulation.horizon_weeks = weeks;
    s.simulation.trials = trials;
    s
}

#[wasm_bindgen_test]
async fn a_78_week_horizon_shows_as_78_weeks_and_runs_78() {
    let _app = open_simulate(&small(78, 300)).await;
    assert!(timing().await.contains("300 trials × 78 weeks"));
    assert_eq!(selected_text("horizon"), "78 weeks");
    assert_eq!(
        option_texts("horizon"),
        ["26 weeks", "52 weeks", "78 weeks", "104 weeks", "156 weeks"]
    );
    assert_eq!(selected_text("trials"), "300 trials");
    assert!(document()
        .body()
        .unwrap()
        .text_content()
        .unwrap_or_default()
        .contains("Median at week 78"));
}

#[wasm_bindgen_test]
async fn fewer_trials_than_chosen_are_said_in_words() {
    let _app = open_simulate(&small(156, 50_000)).await;
    let text = timing().await;
    assert!(
        text.contains("Simulated 20,000 trials × 156 weeks"),
        "{text}"
    );
    assert!(
        text.contains("fewer than the 50,000 trials chosen"),
        "{text}"
    );
    assert_eq!(
        selected_text("trials"),
        "50,000 trials (20,000 run over 156 weeks)"
    );
}

#[wasm_bindgen_test]
async fn sliders_reach_the_model_s_range_and_read_in_words() {
    use flywheel::model::plan::Knob;
    let _app = open_simulate(&small(26, 200)).await;
    timing().await;
    for knob in Knob::MAIN.into_iter().chain(Knob::ADVANCED) {
        let input = document().get_element_by_id(knob.key()).unwrap();
        let range = knob.range();
        assert_eq!(
            input.get_attribute("max"),
            Some(range.max.to_string()),
            "{knob:?}"
        );
        assert_eq!(
            input.get_attribute("min"),
            Some(range.min.to_string()),
            "{knob:?}"
        );
        assert_eq!(
            input.get_attribute("step"),
            Some(range.step.to_string()),
            "{knob:?}"
        );
    }
    let capacity = document().get_element_by_id("capacity").unwrap();
    assert_eq!(
        capacity.get_attribute("aria-valuetext").as_deref(),
        Some("10%")
    );
}

#[wasm_bindgen_test]
async fn a_better_change_failure_rate_in_a_lower_tier_is_explained() {
    // A plan that takes change failure rate from the baseline's 18% (High
    // in 2024) to about 10% (Medium, whose published figure is better
    // than High's) and leaves nothing to chance: every cycle succeeds with
    // the same effect, and weeks do not vary.
    let mut s = small(12, 200);
    let plan = &mut s.simulation.plans[0];
    plan.cycle_weeks = 1;
    plan.success_pct = 100.0;
    plan.effect_spread_pct = 0.0;
    plan.noise_pct = 0.0;
    plan.erosion_pct_per_week = 0.0;
    plan.coupling.enabled = false;
    plan.effect_pct.change_failure_rate = 5.0;
    let _app = open_simulate(&s).await;
    timing().await;
    let notes = appears(".comparison__notes")
        .await
        .text_content()
        .unwrap_or_default();
    assert!(
        notes.contains("Change failure rate improved from 18% to"),
        "{notes}"
    );
    assert!(notes.contains("tier reads Medium after High"), "{notes}");
    let row = document()
        .query_selector(".comparison tbody tr")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(
        row.contains("the tier reads lower though the value improved"),
        "{row}"
    );
}
