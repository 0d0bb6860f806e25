//! Component tests in headless Chromium for "Import from data": open the
//! panel, load the sample, read the measured baseline, apply it; see bad
//! rows reported; paste exports of several shapes, each said in words,
//! choose what counts and correct a tie.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.

mod common;

use common::{
    choose, click_button, document, fire, mount_at, settle, text_of, type_into, with_text,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Opens the panel as a user would, and waits for it to be shown.
async fn open_import() {
    assert!(
        with_text("button", "Try with sample data").is_none(),
        "the panel is shown before it is asked for"
    );
    click_button("Import from data").await;
    for _ in 0..20 {
        if with_text("button", "Try with sample data").is_some() {
            return;
        }
        settle().await;
    }
    panic!("the import panel did not open");
}

/// Pastes `text` into the panel's box, as a user would, and lets it be
/// read.
async fn paste(text: &str) {
    let area: HtmlTextAreaElement = document()
        .get_element_by_id("import-paste")
        .unwrap()
        .unchecked_into();
    area.set_value(text);
    fire(&area, "input").await;
    read_through().await;
}

/// Waits until every file held has been read and its figures drawn.
async fn read_through() {
    for _ in 0..100 {
        settle().await;
        let list = document()
            .query_selector(".import-files")
            .unwrap()
            .and_then(|l| l.text_content())
            .unwrap_or_default();
        if !list.contains("reading…") {
            break;
        }
    }
    settle().await;
    settle().await;
}

/// Ticks or clears the checkbox whose visible label is `label`.
async fn tick(label: &str) {
    let labels = document().query_selector_all("label").unwrap();
    let id = (0..labels.length())
        .filter_map(|i| labels.item(i))
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .and_then(|l| l.unchecked_into::<web_sys::Element>().get_attribute("for"))
        .unwrap_or_else(|| panic!("no label {label}"));
    let input: HtmlInputElement = document().get_element_by_id(&id).unwrap().unchecked_into();
    input.click();
    read_through().await;
}

fn count(selector: &str) -> u32 {
    document().query_selector_all(selector).unwrap().length()
}

/// The text of the measured-baseline row whose header is `metric`.
fn measured(metric: &str) -> String {
    let rows = document()
        .query_selector_all(".measured__table tbody tr")
        .unwrap();
    let texts: Vec<String> = (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|r| r.text_content().unwrap_or_default())
        .collect();
    texts
        .iter()
        .find(|t| t.starts_with(metric))
        .cloned()
        .unwrap_or_else(|| {
            let panel = document()
                .get_element_by_id("import-panel")
                .and_then(|p| p.text_content())
                .unwrap_or_default();
            panic!("no row {metric} among {texts:?} in the panel: {panel}")
        })
}

#[wasm_bindgen_test]
async fn the_sample_gives_the_pinned_figures_and_applies() {
    let _app = mount_at("#/baseline").await;
    open_import().await;
    click_button("Try with sample data").await;
    read_through().await;
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
    choose("import-window", "Last 30 days").await;
    assert!(measured("Deployments").contains("(30 days)"));
    choose("import-window", "Last 90 days").await;
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
    paste("id,deployed_at\na,2026-03-02T10:00:00Z\nb,someday\na,2026-03-03T10:00:00Z\n").await;
    let report = text_of(".rejected");
    assert!(report.contains("2 of 3 rows left out"), "{report}");
    assert!(
        report.contains("unparseable timestamp \"someday\""),
        "{report}"
    );
    assert!(report.contains("duplicate id \"a\""), "{report}");
    assert!(measured("Deployments").contains('1'));

    paste("deployed_at\nnever\n").await;
    assert!(text_of(".import__error").contains("None of the 1 deployment rows could be used"));
    assert!(text_of(".import__error").contains("line 2"));
    let apply = with_text("button", "Apply to baseline").unwrap();
    assert!(apply.has_attribute("disabled"));

    paste("deployed_at\n2026-03-02\0\n").await;
    assert!(text_of(".import-files .import__error").contains("binary"));
    let page = document().body().unwrap().text_content().unwrap();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
}

/// The exports of core/tests/fixtures/exports, pasted one after another:
/// each said in words, the choices with their counts, a tie moved.
#[wasm_bindgen_test]
async fn exports_are_recognised_chosen_and_corrected() {
    let _app = mount_at("#/baseline").await;
    open_import().await;
    paste(include_str!(
        "../core/tests/fixtures/exports/github_deployments.json"
    ))
    .await;
    click_button("Paste another").await;
    paste(include_str!(
        "../core/tests/fixtures/exports/pagerduty_analytics.json"
    ))
    .await;
    let files = text_of(".import-files");
    assert!(
        files.contains(
            "pasted text: GitHub deployments (REST API JSON): 12 deployments in 3 environments"
        ),
        "{files}"
    );
    assert!(files.contains(
        "pasted text 2: PagerDuty incidents (analytics API JSON): 8 incidents, 3 services"
    ));
    assert!(files.contains("2 records repeated one already read (the same id) and counted once."));
    // expected.py, "github deployments alone" with the pages: production
    // (10) and high urgency preselected; 6 of the 10 failed.
    assert!(
        measured("Deployments").starts_with("Deployments10"),
        "{}",
        measured("Deployments")
    );
    assert!(measured("Change failure rate").contains("60%"));
    tick("staging (1)").await;
    assert!(measured("Deployments").starts_with("Deployments11"));
    tick("staging (1)").await;
    assert!(measured("Deployments").starts_with("Deployments10"));
    // Q1PD6 (payments, which no deployment is of) moved from 111 to 110:
    // 5 of 10 failed.
    choose(
        "import-tie-pagerduty-analytics-q1pd6",
        "110 at 11 Mar 2026 15:00 (production, shop)",
    )
    .await;
    read_through().await;
    assert!(
        measured("Change failure rate").contains("50%"),
        "{}",
        measured("Change failure rate")
    );
    assert!(text_of(".import-ties").contains("moved there by you"));
    click_button("Give Q1PD6 back to the rule").await;
    read_through().await;
    assert!(measured("Change failure rate").contains("60%"));
}
