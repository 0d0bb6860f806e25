//! The alert table explained in words with the user's numbers, and the
//! budget in money: figures pinned against hand arithmetic in comments.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::slo::{
    burn_rate_sentence, duration_words, from_burn_rate, from_exhaustion, low_traffic,
    parse_currency, reachability, Cost, Incident, Method, Slo, WindowKind,
};
use flywheel_core::model::Scenario;

fn slo(target: f64, days: u32) -> Slo {
    Slo {
        target,
        rolling_days: days,
        ..Slo::default()
    }
}

#[test]
fn a_burn_rate_is_said_with_the_users_numbers() {
    // 30 days = 720 h; 720 / 14.4 = 50 h; 14.4 × 0.001 = 1.44% errors.
    assert_eq!(
        burn_rate_sentence(&slo(99.9, 30), 30, 14.4),
        "At 14.4× the whole 30-day budget lasts 50 hours: that is 1.44% of requests failing. \
         At 1× the budget lasts exactly the window."
    );
    // 28 days at 1×: 28 days; 0.1% errors.
    assert!(burn_rate_sentence(&slo(99.9, 28), 28, 1.0)
        .starts_with("At 1× the whole 28-day budget lasts 28 days: that is 0.1% of requests"));
    // A calendar month of 31 days at 6×: 744 h / 6 = 124 h = 5.2 days.
    let month = Slo {
        window: WindowKind::CalendarMonth,
        ..slo(99.9, 30)
    };
    assert!(burn_rate_sentence(&month, 31, 6.0)
        .starts_with("At 6× the whole budget of this 31-day month lasts 5.2 days"));
    // 90%: 14.4 × 0.1 = 144% errors; the fastest burn is 1 / 0.1 = 10×.
    assert_eq!(
        burn_rate_sentence(&slo(90.0, 30), 30, 14.4),
        "At 14.4× the whole 30-day budget lasts 50 hours; that would take 144% of requests \
         failing, and the fastest a 90% SLO's budget can burn is 10× (every request failing)."
    );
    assert_eq!(duration_words(0.864), "51.8 seconds");
    assert_eq!(duration_words(60.0), "60 minutes");
    assert_eq!(duration_words(3000.0), "50 hours");
    assert_eq!(duration_words(1440.0 * 5.0), "5 days");
}

#[test]
fn thresholds_a_low_slo_cannot_reach_are_named_with_the_nearest_that_can() {
    // 90% over 30 days: B = 0.1, fastest burn 10×. 14.4× needs 144%: out.
    // 6× needs 60%, 3× 30%, 1× 10%: reachable; the nearest below 14.4 is 6.
    let r = reachability(&slo(90.0, 30), 30);
    assert_eq!(
        r.iter().map(|x| x.reachable).collect::<Vec<_>>(),
        [false, true, true, true]
    );
    assert!((r[0].needed_error_ratio - 1.44).abs() < 1e-12);
    assert_eq!(r[0].nearest, Some(1));
    assert_eq!(
        r[0].message.as_deref().unwrap(),
        "The 1-hour page (14.4×) can never fire at a 90% SLO: it needs 144% of requests to \
         fail, and the fastest this budget can burn is 10× (every request failing). The \
         nearest threshold that can fire is the 6-hour page's 6× (60% errors)."
    );
    assert!(r[1..].iter().all(|x| x.message.is_none()));
    // 50%: B = 0.5, fastest 2×. 14.4× needs 720%, 6× 300%, 3× 150%: out;
    // 1× needs 50%: the 3-day ticket is the nearest for all three.
    let r = reachability(&slo(50.0, 30), 30);
    assert_eq!(
        r.iter().map(|x| x.reachable).collect::<Vec<_>>(),
        [false, false, false, true]
    );
    assert_eq!(
        r.iter().map(|x| x.nearest).collect::<Vec<_>>(),
        [Some(3), Some(3), Some(3), None]
    );
    assert!(r[2].message.as_deref().unwrap().contains(
        "The 1-day ticket (3×) can never fire at a 50% SLO: it needs 150% of requests to fail"
    ));
    assert!(r[0]
        .message
        .as_deref()
        .unwrap()
        .ends_with("The nearest threshold that can fire is the 3-day ticket's 1× (50% errors)."));
    // 50% over 90 days: factors 43.2 / 18 / 9 / 3, all above 2×.
    let r = reachability(&slo(50.0, 90), 90);
    assert!(r.iter().all(|x| !x.reachable && x.nearest.is_none()));
    assert!(r[3].message.as_deref().unwrap().ends_with(
        "None of the table's thresholds can fire here: a threshold must stay below 2×."
    ));
    // 99.9%: everything reachable.
    assert!(reachability(&slo(99.9, 30), 30).iter().all(|x| x.reachable));
}

#[test]
fn low_traffic_says_how_few_errors_page() {
    let mut s = slo(99.9, 30);
    s.method = Method::RequestBased;
    s.requests_per_day = 1_000.0;
    // 1,000 a day = 0.694 a minute. Budget over 30 days: 0.001 × 30,000 = 30
    // requests. Errors to trip a row = more than p × 30:
    // 1 h page: 2% → 0.6 → 1; 6 h page: 5% → 1.5 → 2; 1 d and 3 d tickets:
    // 10% → 3 exactly → 4. Short windows see 3.47 / 20.8 / 83.3 / 250
    // requests against 1 / (r × B) = 69.4 / 166.7 / 333.3 / 1,000.
    let w = low_traffic(&s, 30);
    assert_eq!(w.iter().map(|x| x.row).collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(
        w.iter().map(|x| x.errors_to_trip).collect::<Vec<_>>(),
        [1, 2, 4, 4]
    );
    assert!((w[0].short_window_requests - 1000.0 * 5.0 / 1440.0).abs() < 1e-9);
    assert!((w[0].needed_requests - 1.0 / 0.0144).abs() < 1e-9);
    assert_eq!(
        w[0].message,
        "Low traffic: at 1,000 requests a day the 5-minute window sees about 3.5 requests, \
         fewer than the 70 it takes for one failed request to stay under 14.4×. As few as 1 \
         failed request within 5 minutes trip the 1-hour page."
    );
    assert!(w[3]
        .message
        .contains("As few as 4 failed requests within 6 hours trip the 3-day ticket."));
    // 100,000 a day: the 5-minute window sees 347 requests, above 69.4: no
    // warning for the 1-hour page; the 6-hour page's 30 minutes see 2,083,
    // above 166.7; none warn. (1 h page would trip at more than
    // 0.02 × 0.001 × 3,000,000 = 60, i.e. 61 errors.)
    s.requests_per_day = 100_000.0;
    assert!(low_traffic(&s, 30).is_empty());
    // 10,000 a day: 34.7 in 5 minutes < 69.4 (warns, 7 errors: more than
    // 0.02 × 0.001 × 300,000 = 6); 208 in 30 minutes > 166.7 (quiet).
    s.requests_per_day = 10_000.0;
    let w = low_traffic(&s, 30);
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].row, w[0].errors_to_trip), (0, 7));
    // Time-based budgets have no request counts.
    s.method = Method::TimeBased;
    assert!(low_traffic(&s, 30).is_empty());
}

#[test]
fn burn_rate_and_time_to_exhaustion_convert_both_ways() {
    let s = slo(99.9, 30);
    // 43,200 min / 14.4 = 3,000 min.
    let a = from_burn_rate(&s, 30, 14.4).unwrap();
    assert!((a.exhaustion_minutes - 3000.0).abs() < 1e-9);
    let b = from_exhaustion(&s, 30, 3000.0).unwrap();
    assert!((b.burn_rate - 14.4).abs() < 1e-12);
    assert_eq!(a.sentence, b.sentence);
    // Limits: 0.01× (a hundred windows, 3,000 days) to 1 / B = 1,000×
    // (every request failing: 43.2 minutes).
    assert_eq!(
        from_burn_rate(&s, 30, 0.001).unwrap_err(),
        "Enter a burn rate of at least 0.01×: slower, the budget outlasts a hundred windows."
    );
    assert_eq!(
        from_burn_rate(&s, 30, 1000.5).unwrap_err(),
        "At a 99.9% SLO the budget cannot burn faster than 1000× (every request failing)."
    );
    assert!(from_burn_rate(&s, 30, 1000.0).is_ok());
    assert_eq!(
        from_exhaustion(&s, 30, 40.0).unwrap_err(),
        "The budget cannot run out in less than 43.2 minutes at a 99.9% SLO: that is every \
         request failing."
    );
    assert_eq!(
        from_exhaustion(&s, 30, 5_000_000.0).unwrap_err(),
        "Enter at most 3000 days: a hundred windows."
    );
    assert!(from_exhaustion(&s, 30, 0.0).is_err());
    assert!(from_burn_rate(&s, 30, f64::NAN).is_err());
    assert!(from_burn_rate(&slo(100.0, 30), 30, 1.0)
        .unwrap_err()
        .contains("no budget"));
}

fn incident(minutes: f64, share: f64) -> Incident {
    Incident {
        start: NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
        minutes,
        share,
    }
}

#[test]
fn the_budget_and_each_incident_in_money() {
    let mut s = slo(99.9, 30);
    assert_eq!(s.budget_money(30), None);
    s.cost = Some(Cost {
        amount: 250.0,
        currency: "€".into(),
    });
    s.incidents = vec![incident(30.0, 50.0), incident(2.0, 100.0)];
    // 43.2 min × €250 = €10,800; 15 bad minutes = €3,750; 2 = €500.
    assert_eq!(s.budget_money(30).unwrap().text, "€10,800");
    let each: Vec<String> = s
        .incident_money()
        .into_iter()
        .map(|m| m.unwrap().text)
        .collect();
    assert_eq!(each, ["€3,750", "€500.00"]);
    // Request-based: 1,000,000 a day; 30,000 failed requests in the budget
    // × 0.002 USD = 60 USD; 15 bad minutes × 694.4 a minute = 10,416.7
    // requests = 20.83 USD.
    s.method = Method::RequestBased;
    s.cost = Some(Cost {
        amount: 0.002,
        currency: "USD".into(),
    });
    assert_eq!(s.budget_money(30).unwrap().text, "60.00 USD");
    assert_eq!(s.incident_money()[0].as_ref().unwrap().text, "20.83 USD");
    assert_eq!(Cost::unit(Method::RequestBased), "per failed request");
    let c = Cost {
        amount: 1.0,
        currency: "kr".into(),
    };
    assert_eq!(c.format(-1234.4), "−1,234 kr");
    assert_eq!(c.format(-0.001), "0.00 kr");
}

#[test]
fn costs_and_currencies_are_validated() {
    assert_eq!(parse_currency(" EUR ").unwrap(), "EUR");
    assert_eq!(parse_currency("R$").unwrap(), "R$");
    assert!(parse_currency("")
        .unwrap_err()
        .starts_with("Enter a currency code"));
    assert!(parse_currency("US D").is_err());
    assert!(parse_currency("EUR1").is_err());
    assert_eq!(
        parse_currency("DOLLARSSS").unwrap_err(),
        "Keep the currency to 8 characters or fewer (it has 9)."
    );
    for (amount, currency, ok) in [
        (1.0, "EUR", true),
        (0.0, "EUR", false),
        (-1.0, "EUR", false),
        (f64::NAN, "EUR", false),
        (2e9, "EUR", false),
        (1.0, " EUR", false),
        (1.0, "", false),
    ] {
        let mut s = Scenario::default();
        s.slo.cost = Some(Cost {
            amount,
            currency: currency.into(),
        });
        assert_eq!(s.is_valid(), ok, "{amount} {currency:?}");
    }
}

#[test]
fn a_scenario_with_a_cost_and_monitoring_travels_in_a_link() {
    use flywheel_core::model::slo::{Label, Sli};
    let mut s = Scenario::default();
    s.slo.cost = Some(Cost {
        amount: 12.5,
        currency: "£".into(),
    });
    s.slo.monitoring.service = "checkout".into();
    s.slo.monitoring.sli = Sli::ErrorRatio {
        ratio: "x[{{.window}}]".into(),
    };
    s.slo.monitoring.labels.push(Label {
        name: "team".into(),
        value: "payments".into(),
    });
    let back = flywheel_core::share::decode(&flywheel_core::share::encode(&s)).unwrap();
    assert_eq!(back, s);
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Scenario>(&json).unwrap(), s);
    // A saved scenario from before these fields loads with their defaults.
    let mut old: serde_json::Value = serde_json::to_value(Scenario::default()).unwrap();
    let slo = old["slo"].as_object_mut().unwrap();
    slo.remove("cost");
    slo.remove("monitoring");
    assert_eq!(
        serde_json::from_value::<Scenario>(old).unwrap(),
        Scenario::default()
    );
    // Stored monitoring text with a line break is not a valid scenario.
    s.slo.monitoring.name = "a\nb".into();
    assert!(!s.is_valid());
}
