//! Component tests in headless Chromium for "Import from data": open the
//! panel, load the sample, read the measured baseline, apply it, and see
//! bad rows reported.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{choose, document, fire, mount_at, settle, text_of, type_into};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn button(text: &str) -> Option<HtmlElement> {
    let buttons = document().query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
}

async fn click_button(text: &str) {
    button(text)
        .unwrap_or_else(|| panic!("no button {text}"))
        .click();
    settle().await;
}

/// Opens the panel as a user would, and waits for it to be shown.
async fn open_import() {
    assert!(
        button("Try with sample data").is_none(),
        "the panel is shown before it is asked for"
    );
    click_button("Import from data").await;
    for _ in 0..20 {
        if button("Try with sample data").is_some() {
            return;
        }
        settle().await;
    }
    panic!("the import panel did not open");
}

async fn paste(id: &str, text: &str) {
    let area: HtmlTextAreaElement = document().get_element_by_id(id).unwrap().unchecked_into();
    area.set_value(text);
    fire(&area, "input").await;
}

fn count(selector: &str) -> u32 {
    document().query_selector_all(selector).unwrap().length()
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
    let _app = mount_at("#/baseline").await;
    open_import().await;
    click_button("Try with sample data").await;
    // The figures pinned in core/tests/model_import.rs (SAMPLE_PINS).
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
    assert_eq!(count(".chart svg[role='img']"), 3);
    // Each chart has its figures as a table.
    assert_eq!(count(".chart .data-table"), 3);
    choose("import-window", "30").await;
    assert!(measured("Deployments").contains("(30 days)"));
    choose("import-window", "90").await;
    assert!(measured("Deployments").contains("(90 days)"));

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
    assert_eq!(count(".measured-badge"), 5);
    assert_eq!(
        text_of("li[aria-labelledby='card-lead-time'] .tier"),
        "Tier: Elite"
    );
    // Typing over a measured value removes its mark.
    type_into("lead-time", "30").await;
    assert_eq!(count(".measured-badge"), 4);

    // Closing the panel hides it but keeps what was loaded.
    click_button("Import from data").await;
    let panel = document().get_element_by_id("import-panel").unwrap();
    assert!(panel.has_attribute("hidden"));
    click_button("Import from data").await;
    assert!(!panel.has_attribute("hidden"));
    assert!(measured("Rework rate").contains("15.22%"));
}

#[wasm_bindgen_test]
async fn bad_rows_are_listed_and_nothing_usable_says_so() {
    let _app = mount_at("#/baseline").await;
    open_import().await;
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
    assert!(text_of(".import__error").contains("line 2"));
    let apply = button("Apply to baseline").unwrap();
    assert!(apply.has_attribute("disabled"));

    paste("import-deployments", "deployed_at\n2026-03-02\0\n").await;
    assert!(text_of("#import-deployments-error").contains("binary"));
    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
}
