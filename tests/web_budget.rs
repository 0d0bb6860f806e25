//! Component tests in headless Chromium: mount the app on the Error budget
//! screen, change the SLO as a user would, and see the budget respond; the
//! limits the fields take from the model, a window on the model's last day
//! opened from a link, the cost, the burn-rate explanations, the
//! Prometheus rules and an OpenSLO import.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.

mod common;

use common::{click_button, document, fire, mount_at, text_of, type_into, until};
use flywheel::model::limits;
use flywheel::model::slo::{self, Incident};
use flywheel::model::Scenario;
use flywheel::ui::routes::{link_hash, Screen};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn budget_text() -> String {
    text_of("#budget-total")
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

/// Picks the option whose visible name is `label` in the select `id`.
async fn choose_option(id: &str, label: &str) {
    let select: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    let options = select.options();
    let index = (0..options.length())
        .find(|&i| options.item(i).unwrap().text_content().unwrap_or_default() == label)
        .unwrap_or_else(|| panic!("no option {label} in #{id}"));
    select.set_selected_index(index as i32);
    fire(&select, "change").await;
}

fn page_text() -> String {
    document().body().unwrap().text_content().unwrap()
}

fn no_nonsense() {
    let page = page_text();
    for nonsense in ["NaN", "Infinity", "∞", "undefined"] {
        assert!(!page.contains(nonsense), "{nonsense} on the page");
    }
}

#[wasm_bindgen_test]
async fn changing_the_slo_changes_the_budget() {
    let _app = mount_at("#/budget").await;
    assert_eq!(text_of("h1"), "Error budget");
    assert_eq!(budget_text(), "43.2 minutes (43 m 12 s)");
    type_into("slo-target", "99.95").await;
    assert_eq!(budget_text(), "21.6 minutes (21 m 36 s)");
    type_into("slo-target", "99.9").await;
    type_into("slo-days", "28").await;
    assert_eq!(budget_text(), "40.32 minutes (40 m 19 s)");
    let alerts = text_of("table.alerts tbody");
    assert!(
        alerts.contains("13.44×") && alerts.contains("0.93×"),
        "{alerts}"
    );
    assert!(!alerts.contains("14.4×"), "{alerts}");
}

#[wasm_bindgen_test]
async fn a_calendar_month_states_its_days_and_a_full_slo_has_no_budget() {
    let _app = mount_at("#/budget").await;
    let start = input("slo-start");
    start.set_value("2026-02-10");
    fire(&start, "input").await;
    choose_option("slo-window", "Calendar month").await;
    // February 2026 has 28 days: 40.32 minutes at 99.9%.
    assert_eq!(budget_text(), "40.32 minutes (40 m 19 s)");
    assert!(text_of(".budget__summary .footnote").contains("28 days of February 2026"));
    type_into("slo-target", "100").await;
    assert_eq!(budget_text(), "0 minutes");
    assert!(text_of(".budget__form").contains("leaves no error budget"));
    type_into("slo-target", "-3").await;
    assert_eq!(text_of("#slo-target-error"), "Cannot be negative.");
    no_nonsense();
}

#[wasm_bindgen_test]
async fn the_rolling_window_takes_its_range_from_the_model() {
    let _app = mount_at("#/budget").await;
    let (lo, hi) = (slo::ROLLING_DAYS.start(), slo::ROLLING_DAYS.end());
    assert!(text_of("#slo-days-hint").contains(&format!("{lo} to {hi}")));
    type_into("slo-days", &(hi + 1).to_string()).await;
    assert_eq!(
        text_of("#slo-days-error"),
        format!("Must be at most {hi} days.")
    );
    // The last valid length stays in force.
    assert_eq!(budget_text(), "43.2 minutes (43 m 12 s)");
    type_into("slo-days", &hi.to_string()).await;
    assert_eq!(budget_text(), "129.6 minutes (2 h 9 m 36 s)");
    // A date outside the model's years is refused, with its words.
    let start = input("slo-start");
    assert_eq!(start.min(), limits::first_date().to_string());
    assert_eq!(start.max(), limits::last_date().to_string());
    start.set_value("2101-01-01");
    fire(&start, "input").await;
    assert_eq!(
        text_of("#slo-start-error"),
        "Choose a date from 2000 to 2100."
    );
}

#[wasm_bindgen_test]
async fn a_window_on_the_models_last_day_opens_from_a_link_without_a_panic() {
    let mut s = Scenario::default();
    s.slo.rolling_days = *slo::ROLLING_DAYS.end();
    s.slo.window_start = Some(limits::last_date());
    s.slo.incidents.push(Incident {
        start: limits::last_date().and_hms_opt(23, 0, 0).unwrap(),
        minutes: slo::MAX_INCIDENT_MINUTES,
        share: 100.0,
    });
    assert!(s.slo.is_valid());
    let payload = flywheel::share::encode(&s);
    let _app = mount_at(&link_hash(Screen::Budget, &payload)).await;
    until(|| input("slo-start").value() == "2100-12-31").await;
    assert_eq!(input("slo-days").value(), "90");
    assert!(text_of("table.incidents tbody").contains("31 Dec 2100"));
    // The burn-down runs into 2101, worded as dates.
    assert!(text_of("table.burn-table tbody").contains("2101"));
    assert!(text_of("#burn-down-figure").contains("Error budget remaining"));
    no_nonsense();
}

#[wasm_bindgen_test]
async fn what_is_left_is_worded_once_and_a_cost_turns_it_into_money() {
    let _app = mount_at("#/budget").await;
    type_into("slo-start", "2026-03-01").await;
    type_into("incident-start", "2026-03-05T10:00").await;
    type_into("incident-minutes", "50").await;
    click_button("Add incident").await;
    assert!(page_text().contains("Overspent by 6.8 minutes (6 m 48 s)"));
    type_into("slo-cost", "2").await;
    assert!(page_text().contains("86.40 EUR"), "{}", page_text());
    type_into("slo-currency", "€").await;
    let table = text_of("table.incidents");
    assert!(
        table.contains("Cost") && table.contains("€100.00"),
        "{table}"
    );
    type_into("slo-currency", "E U").await;
    assert!(text_of("#slo-currency-error").contains("no spaces or digits"));
    // The cost stays in force with its last valid currency.
    assert!(text_of("table.incidents").contains("€100.00"));
    no_nonsense();
}

#[wasm_bindgen_test]
async fn a_bad_duration_is_not_added_as_the_last_good_one() {
    let _app = mount_at("#/budget").await;
    type_into("incident-minutes", "-5").await;
    click_button("Add incident").await;
    assert_eq!(text_of("#incident-minutes-error"), "Cannot be negative.");
    assert!(document()
        .query_selector("table.incidents")
        .unwrap()
        .is_none());
    type_into("incident-start", "").await;
    assert!(text_of("#incident-start-error").contains("Enter a date and time"));
}

#[wasm_bindgen_test]
async fn burn_rates_are_explained_with_the_users_numbers() {
    let _app = mount_at("#/budget").await;
    assert_eq!(
        text_of("#burn-sentence"),
        "At 14.4× the whole 30-day budget lasts 50 hours: that is 1.44% of requests failing. \
         At 1× the budget lasts exactly the window."
    );
    // Time to exhaustion entered: the burn rate follows.
    type_into("burn-exhaustion", "100").await;
    assert_eq!(input("burn-rate").value(), "7.2");
    assert!(text_of("#burn-sentence").starts_with("At 7.2× the whole 30-day budget lasts 4.2 days"));
    // A 90% SLO cannot burn at 14.4×: the warning names the nearest that can.
    type_into("slo-target", "90").await;
    let page = page_text();
    assert!(
        page.contains("The 1-hour page (14.4×) can never fire at a 90% SLO"),
        "{page}"
    );
    assert!(page.contains("The nearest threshold that can fire is the 6-hour page's 6×"));
    assert!(text_of("table.alerts tbody").contains("cannot burn that fast"));
    // Request-based at low traffic: how few failed requests page someone.
    type_into("slo-target", "99.9").await;
    choose_option("slo-method", "Request-based (good requests)").await;
    type_into("slo-requests", "1000").await;
    assert!(page_text().contains("Low traffic: at 1,000 requests a day"));
    no_nonsense();
}

#[wasm_bindgen_test]
async fn metric_names_give_prometheus_rules() {
    let _app = mount_at("#/budget").await;
    assert!(text_of("#prometheus-rules-title").contains("Prometheus rules"));
    assert!(page_text().contains("To write the rules, Flywheel still needs:"));
    type_into("slo-service", "checkout").await;
    type_into("slo-name", "Requests availability").await;
    type_into("sli-good", "sum(rate(ok[5m]))").await;
    assert!(text_of("#sli-good-error").contains("has no {{.window}} placeholder"));
    type_into("sli-good", "sum(rate(ok[{{.window}}]))").await;
    type_into("sli-total", "sum(rate(all[{{.window}}]))").await;
    click_button("Add label").await;
    type_into("label-name-0", "1team").await;
    assert!(text_of("#label-name-0-error").contains("not one Prometheus accepts"));
    type_into("label-name-0", "team").await;
    type_into("label-value-0", "payments").await;
    let rules = text_of("pre.budget__yaml");
    assert!(
        rules.contains("record: slo:sli_error:ratio_rate5m"),
        "{rules}"
    );
    assert!(rules.contains("sum(rate(ok[5m]))"));
    assert!(rules.contains("checkout") && rules.contains("Requests availability"));
    assert!(rules.contains("\"team\": \"payments\""), "{rules}");
    // Switching the SLI's form keeps the total and asks for the rest.
    choose_option("sli-kind", "Bad and total events").await;
    assert_eq!(input("sli-total").value(), "sum(rate(all[{{.window}}]))");
    assert_eq!(input("sli-bad").value(), "");
    assert!(page_text().contains("Enter the bad-events expression."));
}

const OCCURRENCES: &str =
    include_str!("../core/tests/fixtures/openslo/budgeting-method--occurences-slo.yaml");
const CALENDAR_MINUTE: &str =
    include_str!("../core/tests/fixtures/openslo/budgeting-method--timeslices-slo.yaml");

async fn paste_openslo(text: &str) {
    let area: HtmlTextAreaElement = document()
        .get_element_by_id("openslo-text")
        .unwrap()
        .unchecked_into();
    area.set_value(text);
    fire(&area, "input").await;
    click_button("Import pasted YAML").await;
}

#[wasm_bindgen_test]
async fn an_openslo_document_is_imported_and_the_screen_follows() {
    let _app = mount_at("#/budget").await;
    // Refused: named, and nothing changes.
    paste_openslo(CALENDAR_MINUTE).await;
    let page = page_text();
    assert!(page.contains("could not be imported, and nothing was changed"));
    assert!(
        page.contains("spec.timeWindow[0].duration (line 27)"),
        "{page}"
    );
    assert_eq!(input("slo-target").value(), "99.9");
    // Accepted: every field shows the imported SLO.
    paste_openslo(OCCURRENCES).await;
    assert_eq!(input("slo-target").value(), "99");
    assert_eq!(input("slo-days").value(), "14");
    assert_eq!(input("slo-service").value(), "web-shop");
    assert_eq!(input("slo-name").value(), "Searching time");
    let method: HtmlSelectElement = document()
        .get_element_by_id("slo-method")
        .unwrap()
        .unchecked_into();
    assert_eq!(method.selected_index(), 1);
    assert!(page_text().contains("Imported “Searching time”"));
    assert!(page_text().contains("thresholdMetric"));
    // 1% of 14 days.
    assert_eq!(budget_text(), "201.6 minutes (3 h 21 m 36 s)");
}
