//! Component tests in headless Chromium: the History screen keeps, replaces,
//! deletes and restores snapshots with the model's words, refuses a future
//! date beside its field, says what a trend lacks month by month without a
//! NaN, and holds the plan against reality off the render path.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::NaiveDate;
use common::{choose, click_button, document, settle, text_of, type_into, until_within};
use flywheel::model::history::{Origin, Snapshot};
use flywheel::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource};
use flywheel::model::{Metric, Scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Mounts the app on the History screen over `scenario`, saved as the
/// working scenario.
async fn mount_with(
    scenario: &Scenario,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    flywheel::storage::save(scenario).unwrap();
    window.location().set_hash("#/history").unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host, flywheel::ui::App);
    settle().await;
    settle().await;
    handle
}

/// The screen's text (the test runner's own script sits in the body too).
fn body_text() -> String {
    document()
        .query_selector("main")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn snapshot_rows() -> u32 {
    document()
        .query_selector_all(".history__snapshot-table tbody tr")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn snapshots_are_kept_replaced_deleted_and_put_back() {
    let _app = mount_with(&Scenario::default()).await;
    assert!(text_of("h1").contains("History"));
    assert!(text_of(".history__empty").contains("No trend yet"));

    click_button("Keep today's baseline as a snapshot").await;
    assert!(text_of(".history__message").contains("Kept the baseline as it stands on"));
    assert_eq!(snapshot_rows(), 1);

    click_button("Keep today's baseline as a snapshot").await;
    assert!(text_of(".history__message").contains("a day keeps one snapshot"));
    assert_eq!(snapshot_rows(), 1);

    click_button("Delete snapshot").await;
    assert!(text_of(".history__message").contains("Deleted the snapshot of"));
    assert_eq!(snapshot_rows(), 0);
    click_button("Undo").await;
    assert!(text_of(".history__message").contains("Put back the snapshot of"));
    assert_eq!(snapshot_rows(), 1);

    // A date after today is refused beside its field, and nothing is kept.
    type_into("history-keep-date", "2100-12-31").await;
    click_button("Keep today's baseline as a snapshot").await;
    assert!(text_of("#history-keep-date-error").contains("after today"));
    assert_eq!(snapshot_rows(), 1);
}

#[wasm_bindgen_test]
async fn a_trend_says_what_each_month_lacks() {
    let point = |month: NaiveDate, metric, value, samples| MonthlyPoint {
        month,
        metric,
        value,
        samples: Some(samples),
    };
    let mut s = Scenario::default();
    s.history.trend = Some(MonthlyTrend {
        source: TrendSource::Data {
            offset_minutes: 120,
        },
        points: vec![
            point(day(2026, 1, 1), Metric::DeployFrequency, 0.5, 31),
            point(day(2026, 1, 1), Metric::LeadTime, 10.0, 12),
            point(day(2026, 2, 1), Metric::DeployFrequency, 0.0, 28),
            point(day(2026, 3, 1), Metric::DeployFrequency, 0.4, 31),
            point(day(2026, 3, 1), Metric::LeadTime, 12.0, 3),
        ],
    });
    let _app = mount_with(&s).await;
    let text = body_text();
    assert!(text.contains("Months and ISO weeks are cut at midnight UTC+02:00"));
    assert!(text.contains("No deployments in February 2026"));
    assert!(text.contains("Too few samples to rely on in March 2026"));
    assert!(text.contains("No lead time for changes figure for February 2026"));
    let rows = document()
        .query_selector_all(".history__trend-table tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 3);

    choose("history-metric", "Deployment frequency").await;
    assert!(text_of("#history-monthly-title").contains("Deployment frequency per calendar month"));
    let text = body_text();
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
}

#[wasm_bindgen_test]
async fn the_plan_is_held_against_a_later_snapshot_off_the_render_path() {
    let today = flywheel::ui::state::browser_today();
    let mut s = Scenario::default();
    s.simulation.trials = 1_000;
    let earlier = today - chrono::Days::new(84);
    s.history.snapshots.push(Snapshot {
        date: earlier,
        baseline: s.baseline.clone(),
        origin: Origin::Typed,
    });
    let mut later = s.baseline.clone();
    later.change_failure_rate = 8.0;
    s.history.snapshots.push(Snapshot {
        date: today,
        baseline: later,
        origin: Origin::Typed,
    });
    s.history.plan_start = Some(earlier);
    let _app = mount_with(&s).await;

    click_button("Hold the plan against what happened").await;
    // The screen says what it is doing before the run takes the thread.
    let status = text_of(".reality__status");
    assert!(
        status.contains("Simulating…") || status.contains("Simulated in"),
        "{status}"
    );
    until_within(5_000, "the run finishing", || {
        text_of(".reality__status").contains("Simulated in")
    })
    .await;
    let text = body_text();
    assert!(text.contains("after 12 weeks (the snapshot of"), "{text}");
    assert!(text.contains("Where an actual falls"));
    assert!(text.contains("The chance now"));

    // An edit since is said, not silently shown against old numbers.
    click_button("Mark as the plan's start").await;
    assert!(text_of(".reality__status").contains("The scenario has changed since"));
}
