//! What the Error budget screen shows, from the model: the freeze periods
//! the report carries, moments within and past the window (checked, even
//! for a window starting on the model's last day), adding incidents, the
//! incident table's rows, the SLI forms and label rows, and the money line
//! the screen and the report share.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use flywheel_core::model::limits;
use flywheel_core::model::slo::{
    self, freeze_periods, incident_rows, merge, money_line, report, typed_expression,
    typed_label_name, typed_name, Cost, Field, Incident, Method, Monitoring, Placement, Sli,
    SliKind, Slo, WindowKind, MAX_INCIDENTS, MAX_LABELS,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn march() -> Slo {
    Slo {
        window_start: Some(day(2026, 3, 1)),
        ..Slo::default()
    }
}

fn incident(start: NaiveDateTime, minutes: f64, share: f64) -> Incident {
    Incident {
        start,
        minutes,
        share,
    }
}

#[test]
fn the_report_carries_the_freezes_of_the_incidents_it_counts() {
    let mut s = march();
    // 50 minutes at 100% on 5 March: the 43.2-minute budget is spent.
    s.incidents.push(incident(at(2026, 3, 5, 10), 50.0, 100.0));
    // One before the window, which does not count.
    s.incidents
        .push(incident(at(2026, 2, 20, 10), 500.0, 100.0));
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    let origin = r.origin();
    let counted: Vec<_> = s
        .segments(origin)
        .into_iter()
        .filter(|g| g.start >= 0.0 && g.start < r.window_minutes())
        .collect();
    let expected = freeze_periods(
        r.kind,
        &merge(&counted),
        r.budget_minutes,
        r.window_minutes(),
    );
    assert_eq!(r.freezes, expected);
    assert_eq!(r.freezes.len(), 1);
    // Frozen from when the budget ran out (43.2 minutes in) until the
    // bad minutes age out 30 days later.
    let (from, until) = r.freezes[0];
    assert_eq!(r.moment_text(from), "5 Mar 2026 10:43");
    assert!(until > r.window_minutes());
}

#[test]
fn moments_are_checked_and_worded() {
    let r = report(&march(), day(2026, 3, 10), at(2026, 3, 10, 12));
    assert_eq!(r.origin(), at(2026, 3, 1, 0));
    assert_eq!(
        r.moment(90.0),
        Some(at(2026, 3, 1, 0) + chrono::TimeDelta::minutes(90))
    );
    assert_eq!(r.moment_text(0.0), "1 Mar 2026 00:00");
    assert_eq!(r.moment(f64::NAN), None);
    assert_eq!(r.moment(1e12), None);
    assert_eq!(r.moment_text(f64::INFINITY), "—");
    assert!(r.counts(at(2026, 3, 1, 0)));
    assert!(r.counts(at(2026, 3, 30, 23)));
    assert!(!r.counts(at(2026, 3, 31, 0)));
    assert!(!r.counts(at(2026, 2, 28, 23)));
    assert_eq!(r.suggested_incident_start(), at(2026, 3, 2, 10));
}

#[test]
fn a_window_on_the_models_last_day_is_shown_without_overflow() {
    for window in [WindowKind::Rolling, WindowKind::CalendarMonth] {
        let mut s = Slo {
            window,
            rolling_days: *slo::ROLLING_DAYS.end(),
            window_start: Some(limits::last_date()),
            ..Slo::default()
        };
        s.incidents.push(incident(
            at(2100, 12, 31, 23),
            slo::MAX_INCIDENT_MINUTES,
            100.0,
        ));
        assert!(s.is_valid());
        let today = limits::last_date();
        let r = report(&s, today, at(2100, 12, 31, 23));
        // The burn-down runs into 2101: worded, not refused, never a panic.
        for &(x, y) in &r.burn_down {
            assert!(x.is_finite() && y.is_finite());
            assert_ne!(r.moment_text(x), "—", "{x}");
        }
        for &(a, b) in &r.freezes {
            assert_ne!(r.moment_text(a), "—");
            assert_ne!(r.moment_text(b), "—");
        }
        // The suggestion stays on a day the model stores.
        assert!(limits::datetime_ok(r.suggested_incident_start()));
        assert_eq!(incident_rows(&s, &r).len(), 1);
    }
}

#[test]
fn adding_an_incident_pins_the_window_and_says_where_it_fell() {
    let mut s = Slo::default();
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    assert_eq!(s.window_start, None);
    let inside = s.add_incident(incident(at(2026, 3, 5, 10), 30.0, 100.0), &r);
    assert_eq!(inside, Ok(Placement::Inside));
    assert_eq!(s.window_start, Some(day(2026, 3, 1)));
    let outside = s.add_incident(incident(at(2026, 5, 5, 10), 30.0, 100.0), &r);
    assert_eq!(outside, Ok(Placement::Outside));
    assert!(Placement::Outside
        .message()
        .contains("starts outside the window"));
    assert_eq!(s.incidents.len(), 2);
    // Out of the model's range: refused, the list untouched.
    let far = s.add_incident(incident(at(2101, 1, 1, 0), 30.0, 100.0), &r);
    assert!(far.unwrap_err().contains("from 2000 to 2100"));
    let long = s.add_incident(incident(at(2026, 3, 5, 10), 1e9, 100.0), &r);
    assert!(long.is_err());
    assert_eq!(s.incidents.len(), 2);
    s.remove_incident(7);
    s.remove_incident(0);
    assert_eq!(s.incidents.len(), 1);
    // A full list refuses more.
    s.incidents = vec![incident(at(2026, 3, 5, 10), 1.0, 1.0); MAX_INCIDENTS];
    let full = s.add_incident(incident(at(2026, 3, 5, 10), 1.0, 1.0), &r);
    assert_eq!(
        full,
        Err(format!(
            "At most {MAX_INCIDENTS} incidents: remove some first."
        ))
    );
}

#[test]
fn incident_rows_say_what_each_cost() {
    let mut s = march();
    s.cost = Some(Cost {
        amount: 2.0,
        currency: "€".into(),
    });
    s.incidents.push(incident(at(2026, 3, 5, 10), 20.0, 100.0));
    s.incidents.push(incident(at(2026, 3, 5, 10), 10.0, 50.0));
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    let rows = incident_rows(&s, &r);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].number, 1);
    assert!((rows[0].budget_share.unwrap() - 20.0 / 43.2).abs() < 1e-12);
    // 20 of 43.2 minutes is over the 20% postmortem share; 5 is not.
    assert!(rows[0].postmortem);
    assert!(!rows[1].postmortem);
    assert_eq!(rows[0].cost.as_ref().unwrap().text, "€40.00");
    assert_eq!(rows[1].cost.as_ref().unwrap().text, "€10.00");
    assert!(rows[1].notes[0].starts_with("Overlaps #1"));
    // A 100% SLO: no share, and every incident needs a postmortem.
    s.target = 100.0;
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    let rows = incident_rows(&s, &r);
    assert!(rows
        .iter()
        .all(|x| x.budget_share.is_none() && x.postmortem));
}

#[test]
fn the_money_line_is_shared_by_the_screen_and_the_report() {
    let mut s = march();
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    assert_eq!(money_line(&s, &r), None);
    s.cost = Some(Cost {
        amount: 2.0,
        currency: "€".into(),
    });
    s.incidents.push(incident(at(2026, 3, 5, 10), 30.0, 100.0));
    let r = report(&s, day(2026, 3, 10), at(2026, 3, 10, 12));
    assert_eq!(
        money_line(&s, &r).unwrap(),
        "At €2.00 per bad minute the budget is worth €86.40, and the incidents in this \
         window cost €60.00."
    );
    s.method = Method::RequestBased;
    s.requests_per_day = 1440.0;
    s.cost = Some(Cost {
        amount: 0.5,
        currency: "USD".into(),
    });
    assert_eq!(
        money_line(&s, &r).unwrap(),
        "At 0.50 USD per failed request the budget is worth 21.60 USD, and the incidents \
         in this window cost 15.00 USD."
    );
}

#[test]
fn the_sli_changes_form_keeping_the_total() {
    let sli = Sli::GoodTotal {
        good: "sum(rate(ok[{{.window}}]))".into(),
        total: "sum(rate(all[{{.window}}]))".into(),
    };
    assert_eq!(sli.kind(), SliKind::GoodTotal);
    let bad = sli.with_kind(SliKind::BadTotal);
    assert_eq!(
        bad,
        Sli::BadTotal {
            bad: String::new(),
            total: "sum(rate(all[{{.window}}]))".into()
        }
    );
    assert_eq!(sli.with_kind(SliKind::GoodTotal), sli);
    let mut ratio = bad.with_kind(SliKind::ErrorRatio);
    assert_eq!(ratio.expression(Field::Total), None);
    ratio.set_expression(Field::Ratio, "x[{{.window}}]".into());
    ratio.set_expression(Field::Good, "ignored".into());
    assert_eq!(ratio.expression(Field::Ratio), Some("x[{{.window}}]"));
    assert_eq!(SliKind::ALL.map(SliKind::label).len(), 3);
}

#[test]
fn typed_text_is_bounded_and_on_one_line_and_labels_are_capped() {
    assert_eq!(typed_name(""), Ok(String::new()));
    assert_eq!(typed_name("checkout"), Ok("checkout".into()));
    assert!(typed_name("a\u{7}b")
        .unwrap_err()
        .contains("control character at character 2"));
    assert!(typed_name(&"x".repeat(101)).is_err());
    assert_eq!(typed_expression("a\tb"), Ok("a\tb".into()));
    assert!(typed_label_name("a\u{2028}").is_err());
    let mut m = Monitoring::default();
    for _ in 0..MAX_LABELS {
        assert!(m.add_label());
    }
    assert!(!m.add_label());
    m.remove_label(MAX_LABELS + 3);
    m.remove_label(0);
    assert_eq!(m.labels.len(), MAX_LABELS - 1);
    // Each problem is found by its field.
    let problems = m.problems();
    assert_eq!(
        Monitoring::message_for(&problems, Field::Service).as_deref(),
        Some("Enter the service name.")
    );
    assert_eq!(
        Monitoring::message_for(&problems, Field::LabelName(2)).as_deref(),
        Some("Enter the label name.")
    );
    assert_eq!(Monitoring::message_for(&problems, Field::Ratio), None);
}

#[test]
fn the_fields_rules_and_the_models_checks_agree() {
    use flywheel_core::model::slo::{
        rolling_days_rule, trials_rule, FAILURE_SHARE_RULE, INCIDENT_MINUTES_RULE, REQUESTS_RULE,
        SHARE_RULE, TARGET_RULE,
    };
    use flywheel_core::model::validate::parse_number;
    let ok = |f: &dyn Fn(&mut Slo)| {
        let mut s = Slo::default();
        f(&mut s);
        s.is_valid()
    };
    // Each rule's edges: accepted by the rule exactly when the model keeps
    // the value.
    for text in ["0", "0.5", "100", "100.5"] {
        let typed = parse_number(text, TARGET_RULE).ok();
        let kept = text.parse::<f64>().is_ok_and(|v| ok(&|s| s.target = v));
        assert_eq!(typed.is_some(), kept, "target {text}");
        let typed = parse_number(text, SHARE_RULE).ok();
        let kept = text
            .parse::<f64>()
            .is_ok_and(|v| ok(&|s| s.alert_error_rate = v));
        assert_eq!(typed.is_some(), kept, "share {text}");
        let typed = parse_number(text, FAILURE_SHARE_RULE).ok();
        let kept = text
            .parse::<f64>()
            .is_ok_and(|v| ok(&|s| s.failure_share = v));
        assert_eq!(typed.is_some(), kept, "failure share {text}");
    }
    for text in ["0", "1000000000000", "1000000000001"] {
        let typed = parse_number(text, REQUESTS_RULE).ok();
        let kept = text
            .parse::<f64>()
            .is_ok_and(|v| ok(&|s| s.requests_per_day = v));
        assert_eq!(typed.is_some(), kept, "requests {text}");
    }
    let days = rolling_days_rule();
    assert_eq!((days.min, days.max), (1.0, 90.0));
    assert!(parse_number("0", days).is_err() && parse_number("91", days).is_err());
    let mut s = Slo::default();
    s.set_rolling_days(27.6);
    assert_eq!(s.rolling_days, 28);
    s.set_rolling_days(1e9);
    assert_eq!(s.rolling_days, *slo::ROLLING_DAYS.end());
    s.policy.set_trials(0.2);
    assert_eq!(s.policy.trials, 1);
    let trials = trials_rule();
    assert_eq!(trials.max, f64::from(slo::MAX_TRIALS));
    let minutes = parse_number("129600", INCIDENT_MINUTES_RULE).unwrap();
    assert!(incident(at(2026, 3, 5, 10), minutes, 100.0).is_valid());
    assert!(parse_number("129601", INCIDENT_MINUTES_RULE).is_err());
}

#[test]
fn each_monitoring_field_is_read_and_written_by_its_name() {
    let mut m = Monitoring::default();
    assert!(m.add_label());
    for (field, text) in [
        (Field::Service, "checkout"),
        (Field::Name, "Requests availability"),
        (Field::Good, "sum(rate(ok[{{.window}}]))"),
        (Field::Total, "sum(rate(all[{{.window}}]))"),
        (Field::LabelName(0), "team"),
        (Field::LabelValue(0), "payments"),
    ] {
        assert_eq!(field.typed()(text), Ok(text.to_string()));
        assert!(text.chars().count() <= field.max_chars());
        m.set_text(field, text.to_string());
        assert_eq!(m.text(field), Some(text));
    }
    // Fields the form does not have are neither read nor written.
    m.set_text(Field::Bad, "x".into());
    m.set_text(Field::LabelName(4), "x".into());
    assert_eq!(m.text(Field::Bad), None);
    assert_eq!(m.text(Field::LabelName(4)), None);
    assert_eq!(m.text(Field::Target), None);
    assert!(m.problems().is_empty(), "{:?}", m.problems());
}

#[test]
fn each_sli_form_names_its_expressions() {
    for kind in SliKind::ALL {
        let sli = Sli::default().with_kind(kind);
        let parts: Vec<Field> = sli.expressions().into_iter().map(|(f, _)| f).collect();
        assert_eq!(parts, kind.parts());
    }
}
