//! Import from data: every metric pinned on small hand-computed fixtures
//! (window boundaries, a duplicate incident, a failed deploy without an
//! incident, DST change days), the parser's error cases, and the shipped
//! sample's figures (the same numbers the end-to-end test reads on screen).

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::{
    self, compute, decode, read, stats, DeployColumns, FileKind, FourKeysFrequency, ImportError,
    IncidentColumns, InputError, Report, Window, WindowChoice,
};
use flywheel_core::model::{Metric, RatePeriod, Scenario, TimeUnit};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn headers(text: &str) -> Vec<String> {
    import::csv::parse(text).unwrap().headers
}

fn run(
    deploys: &str,
    incidents: &str,
    choice: WindowChoice,
    end: NaiveDate,
    zone_min: i32,
) -> Report {
    let zone = time::offset(zone_min);
    let data = read(
        deploys,
        &DeployColumns::guess(&headers(deploys)),
        incidents,
        &IncidentColumns::guess(&headers(if incidents.is_empty() { "x" } else { incidents })),
        zone,
    )
    .unwrap();
    assert!(data.rejected.is_empty(), "{:?}", data.rejected);
    compute(&data, Window::resolve(choice, end, zone).unwrap(), zone).unwrap()
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

const DEPLOYS_A: &str = "\
id,deployed_at,first_commit_at,failed,rework
a,2026-03-01T23:59:59Z,2026-03-01T20:00:00Z,false,false
b,2026-03-02T00:00:00Z,2026-03-01T22:00:00Z,false,false
c,2026-03-03T10:00:00Z,2026-03-03T06:00:00Z,true,false
d,2026-03-04T10:00:00Z,2026-03-03T10:00:00Z,true,false
e,2026-03-05T12:00:00Z,,no,yes
f,2026-03-08T23:59:59Z,2026-03-08T15:59:59Z,0,0
g,2026-03-09T00:00:00Z,2026-03-08T00:00:00Z,false,false
";

const INCIDENTS_A: &str = "\
id,started_at,resolved_at,deployment_id
i1,2026-03-03T10:30:00Z,2026-03-03T11:30:00Z,c
i2,2026-03-03T10:45:00Z,2026-03-03T12:30:00Z,c
i3,2026-03-06T08:00:00Z,2026-03-06T08:30:00Z,
i4,2026-03-10T08:00:00Z,2026-03-10T09:00:00Z,
";

/// Window: the 7 days 2 – 8 March 2026 (UTC). `a` is one second early and
/// `g` exactly at the end, so both stay out; `b` at the first second and
/// `f` at the last are in: 5 deployments.
#[test]
fn fixture_a_pins_every_metric() {
    let r = run(
        DEPLOYS_A,
        INCIDENTS_A,
        WindowChoice::LastDays(7),
        date(2026, 3, 8),
        0,
    );
    assert_eq!(r.window.days(), 7);
    assert_eq!(r.deployments, 5);
    close(r.deploys_per_week, 5.0);
    // Lead times b 2 h, c 4 h, d 24 h, f 8 h (e has no commit time).
    assert_eq!(r.lead_hours, vec![2.0, 4.0, 8.0, 24.0]);
    let lead = r.lead.unwrap();
    close(lead.median, 6.0);
    close(lead.p85, 16.8); // rank 2.55: 8 + 0.55 × 16
    close(lead.quality, 0.6); // (4 − 1)/(4 + 1)
                              // c failed with two incidents (one failure), d failed with none.
    assert_eq!(r.failed, 2);
    close(r.change_failure_rate.unwrap(), 40.0);
    assert_eq!(r.duplicate_incidents, 1);
    assert_eq!(r.failed_without_incident, 1);
    // Recovery: c from 10:30 to 12:30 = 2 h; unlinked i3 = 0.5 h; i4 outside.
    assert_eq!(r.recovery_hours, vec![0.5, 2.0]);
    let rec = r.recovery.unwrap();
    close(rec.median, 1.25);
    close(rec.p85, 1.775);
    close(rec.quality, 1.0 / 3.0);
    assert_eq!(r.rework, 1);
    close(r.rework_rate.unwrap(), 20.0);
    // One full week with deploys on 5 distinct days: Four Keys "daily".
    assert_eq!(r.weeks.len(), 1);
    assert_eq!(r.weeks[0].start, date(2026, 3, 2));
    assert_eq!(r.weeks[0].deploys, 5);
    assert_eq!(r.weeks[0].days_with_deploys, 5);
    assert_eq!(r.four_keys, Some(FourKeysFrequency::Daily));
}

#[test]
fn a_date_range_includes_both_end_days() {
    let r = run(
        DEPLOYS_A,
        INCIDENTS_A,
        WindowChoice::Range(date(2026, 3, 1), date(2026, 3, 9)),
        date(2000, 1, 1),
        0,
    );
    assert_eq!(r.window.days(), 9);
    assert_eq!(r.deployments, 7);
    close(r.deploys_per_week, 7.0 / 9.0 * 7.0);
    close(r.change_failure_rate.unwrap(), 2.0 / 7.0 * 100.0);
}

#[test]
fn change_failure_rate_never_exceeds_100_percent() {
    let deploys = "id,deployed_at,failed\nx,2026-03-02T10:00:00Z,true\n";
    let incidents = "id,started_at,resolved_at,deployment_id\n\
        1,2026-03-02T10:10:00Z,2026-03-02T11:10:00Z,x\n\
        2,2026-03-02T10:20:00Z,2026-03-02T10:40:00Z,x\n\
        3,2026-03-02T10:30:00Z,2026-03-02T10:50:00Z,x\n";
    let r = run(
        deploys,
        incidents,
        WindowChoice::LastDays(30),
        date(2026, 3, 2),
        0,
    );
    assert_eq!(r.failed, 1);
    close(r.change_failure_rate.unwrap(), 100.0);
    assert_eq!(r.duplicate_incidents, 2);
    assert_eq!(r.recovery_hours, vec![1.0]);
    assert_eq!(r.failed_without_incident, 0);
}

/// Europe/Berlin moved from +01:00 to +02:00 at 02:00 on 29 March 2026 and
/// back at 03:00 on 25 October 2026. Timestamps carrying their offsets give
/// true elapsed times across the change.
#[test]
fn dst_change_days_keep_elapsed_times_true() {
    let deploys = "\
id,deployed_at,first_commit_at
s,2026-03-29T03:30:00+02:00,2026-03-29T01:30:00+01:00
w,2026-10-25T02:30:00+01:00,2026-10-25T02:30:00+02:00
";
    let incidents = "\
id,started_at,resolved_at,deployment_id
i,2026-10-25T01:00:00+02:00,2026-10-25T02:15:00+01:00,w
";
    let r = run(
        deploys,
        incidents,
        WindowChoice::Range(date(2026, 3, 1), date(2026, 10, 31)),
        date(2000, 1, 1),
        60,
    );
    // Wall clocks say 2 h and 0 h; the real lead times are 1 h each.
    assert_eq!(r.lead_hours, vec![1.0, 1.0]);
    // Wall clock says 1 h 15 min; 2 h 15 min really passed.
    assert_eq!(r.recovery_hours, vec![2.25]);
}

/// Per-day counting uses the chosen fixed offset; it does not follow DST.
#[test]
fn per_day_counting_uses_the_fixed_offset() {
    let deploys = "\
deployed_at
2026-03-29T00:30:00+01:00
2026-03-29T23:30:00+02:00
2026-03-30T00:30:00+02:00
2026-03-30T01:30:00+02:00
";
    // At +01:00 the first three fall on 29 March; the fourth (01:30 CEST on
    // the 30th) is 00:30 on the 30th at +01:00.
    let r = run(
        deploys,
        "",
        WindowChoice::LastDays(1),
        date(2026, 3, 29),
        60,
    );
    assert_eq!(r.deployments, 3);
    // At +02:00 the 29th holds two.
    let r = run(
        deploys,
        "",
        WindowChoice::LastDays(1),
        date(2026, 3, 29),
        120,
    );
    assert_eq!(r.deployments, 2);
    // Naive timestamps are read in the chosen zone.
    let naive = "deployed_at,first_commit_at\n2026-03-29 03:30,2026-03-29 01:30:00\n";
    let r = run(naive, "", WindowChoice::LastDays(1), date(2026, 3, 29), 120);
    assert_eq!(r.lead_hours, vec![2.0]);
    assert_eq!(r.window.start, 1_774_735_200); // 2026-03-28T22:00:00Z
}

fn weekly(days: &[u32], window_days: u32) -> Option<FourKeysFrequency> {
    let mut text = String::from("deployed_at\n");
    for d in days {
        let day = date(2026, 3, 29) - chrono::Duration::days(i64::from(*d));
        text.push_str(&format!("{day}T12:00:00Z\n"));
    }
    run(
        &text,
        "",
        WindowChoice::LastDays(window_days),
        date(2026, 3, 29),
        0,
    )
    .four_keys
}

#[test]
fn four_keys_frequency_buckets() {
    // Four weeks back from Sunday 29 March; days counted back from it.
    assert_eq!(
        weekly(&[0, 1, 2, 7, 8, 9, 14, 15, 16, 21], 28),
        Some(FourKeysFrequency::Daily)
    );
    // Deploys in three of four weeks: median week has one.
    assert_eq!(weekly(&[0, 7, 14], 28), Some(FourKeysFrequency::Weekly));
    // Two of four weeks: median 0.5 deploys; March has 2 weeks with deploys.
    assert_eq!(weekly(&[0, 14, 15], 28), Some(FourKeysFrequency::Monthly));
    // Eight weeks (four start in February, four in March), one deploy.
    assert_eq!(weekly(&[20], 56), Some(FourKeysFrequency::Yearly));
    // Under a week: no full week to judge.
    assert_eq!(weekly(&[0], 6), None);
}

const BAD_DEPLOYS: &str = "\
id,deployed_at,first_commit_at,failed,rework
x1,2026-03-02T10:00:00Z,,false,false
x2,not a date,,false,false
x1,2026-03-02T11:00:00Z,,false,false
x3,,,false,false
x4,2026-03-02T12:00:00Z,2026-03-02T13:00:00Z,false,false
x5,2026-03-02T12:00:00Z,,maybe,false
x6,2026-03-02T13:00:00Z
\"x7,2026-03-02T14:00:00Z
";

const BAD_INCIDENTS: &str = "\
id,started_at,resolved_at,deployment_id
n1,2026-03-02T12:00:00Z,2026-03-02T11:00:00Z,x1
n2,2026-03-02T12:00:00Z,,x1
n3,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,x1
n3,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,x1
n4,2026-03-02T13:00:00Z,2026-03-02T13:30:00Z,nope
";

#[test]
fn every_rejected_row_has_its_line_and_reason() {
    let zone = time::offset(0);
    let data = read(
        BAD_DEPLOYS,
        &DeployColumns::guess(&headers(BAD_DEPLOYS)),
        BAD_INCIDENTS,
        &IncidentColumns::guess(&headers(BAD_INCIDENTS)),
        zone,
    )
    .unwrap();
    let got: Vec<(FileKind, usize, &str)> = data
        .rejected
        .iter()
        .map(|r| (r.file, r.line, r.reason.as_str()))
        .collect();
    use FileKind::{Deployments as D, Incidents as I};
    assert_eq!(
        got,
        vec![
            (
                D,
                3,
                "unparseable timestamp \"not a date\" in \"deployed_at\""
            ),
            (D, 4, "duplicate id \"x1\""),
            (D, 5, "missing required column \"deployed_at\""),
            (D, 6, "first commit is after the deployment"),
            (D, 7, "\"maybe\" in \"failed\" is not yes/no"),
            (D, 9, "a quoted field is never closed"),
            (I, 2, "resolved before start"),
            (I, 3, "missing required column \"resolved_at\""),
            (I, 5, "duplicate id \"n3\""),
        ]
    );
    // Good rows still import: x1 and the short row x6; n3 and n4.
    assert_eq!(data.deployments.len(), 2);
    assert_eq!(data.incidents.len(), 2);
    let r = compute(
        &data,
        Window::resolve(WindowChoice::LastDays(1), date(2026, 3, 2), zone).unwrap(),
        zone,
    )
    .unwrap();
    assert_eq!(r.unknown_links, 1);
    assert_eq!(r.failed, 1);
}

#[test]
fn nothing_usable_gives_one_clear_message() {
    let zone = time::offset(0);
    let cols = |t: &str| DeployColumns::guess(&headers(t));
    let none = IncidentColumns::default();
    let all_bad = "deployed_at\nsoon\nlater\n";
    let err = read(all_bad, &cols(all_bad), "", &none, zone).unwrap_err();
    assert_eq!(
        err,
        ImportError(
            "None of the 2 deployment rows could be used (line 2: unparseable timestamp \"soon\" in \"deployed_at\"). Check the column mapping and the timestamp format.".into()
        )
    );
    let no_column = "when,who\n2026-03-02,me\n";
    let err = read(no_column, &cols(no_column), "", &none, zone).unwrap_err();
    assert!(err.0.contains("no deploy-time column"), "{}", err.0);
    assert!(read("", &DeployColumns::default(), "", &none, zone)
        .unwrap_err()
        .0
        .contains("empty"));
    let only_header = "deployed_at\n";
    assert!(read(only_header, &cols(only_header), "", &none, zone)
        .unwrap_err()
        .0
        .contains("no rows"));
    // Deployments exist but none in the window.
    let data = read(DEPLOYS_A, &cols(DEPLOYS_A), "", &none, zone).unwrap();
    let w = Window::resolve(WindowChoice::LastDays(30), date(2025, 1, 31), zone).unwrap();
    let err = compute(&data, w, zone).unwrap_err();
    assert!(err.0.contains("from 2026-03-01 to 2026-03-09"), "{}", err.0);
}

#[test]
fn binary_non_utf8_and_huge_input_are_refused_before_parsing() {
    assert_eq!(decode(b"a,b\n1,2\n"), Ok("a,b\n1,2\n"));
    assert_eq!(
        decode(b"deployed_at\n\xff\xfe2026"),
        Err(InputError::NotUtf8(12))
    );
    assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Err(InputError::Binary));
    let huge = vec![b'a'; 50 * 1024 * 1024];
    let err = decode(&huge).unwrap_err();
    assert_eq!(err, InputError::TooLarge(50 * 1024 * 1024));
    assert!(err.message().contains("50.0 MB"), "{}", err.message());
    for e in [InputError::Binary, InputError::NotUtf8(3)] {
        assert!(!e.message().is_empty());
    }
}

#[test]
fn custom_column_names_are_mapped() {
    let text = "When,Started,Broke\n2026-03-02 10:00,2026-03-02 08:00,yes\n";
    let h = headers(text);
    let mut cols = DeployColumns::guess(&h);
    assert_eq!(cols.deployed_at, None);
    cols.set(1, Some("When".into()));
    cols.set(2, Some("Started".into()));
    cols.set(3, Some("Broke".into()));
    let zone = time::offset(0);
    let data = read(text, &cols, "", &IncidentColumns::default(), zone).unwrap();
    let w = Window::resolve(WindowChoice::LastDays(1), date(2026, 3, 2), zone).unwrap();
    let r = compute(&data, w, zone).unwrap();
    assert_eq!(r.lead_hours, vec![2.0]);
    close(r.change_failure_rate.unwrap(), 100.0);
}

const SAMPLE_DEPLOYS: &str = include_str!("../../examples/deployments.csv");
const SAMPLE_INCIDENTS: &str = include_str!("../../examples/incidents.csv");

fn sample() -> Report {
    let zone = time::offset(0);
    let data = read(
        SAMPLE_DEPLOYS,
        &DeployColumns::guess(&headers(SAMPLE_DEPLOYS)),
        SAMPLE_INCIDENTS,
        &IncidentColumns::guess(&headers(SAMPLE_INCIDENTS)),
        zone,
    )
    .unwrap();
    assert!(data.rejected.is_empty());
    let end = data.last_date(zone).unwrap();
    compute(
        &data,
        Window::resolve(WindowChoice::LastDays(90), end, zone).unwrap(),
        zone,
    )
    .unwrap()
}

/// The shipped sample, as "Try with sample data" shows it (last 90 days,
/// UTC). tests/e2e/import.spec.ts reads the same figures on screen.
#[test]
fn the_sample_files_give_the_documented_baseline() {
    let r = sample();
    SAMPLE_PINS.check(&r);
}

struct Pins {
    deployments: usize,
    per_week: f64,
    lead_median: f64,
    lead_p85: f64,
    cfr: f64,
    recovery_median: f64,
    recovery_p85: f64,
    rework: f64,
    four_keys: FourKeysFrequency,
}

impl Pins {
    fn check(&self, r: &Report) {
        assert_eq!(r.deployments, self.deployments);
        close((r.deploys_per_week * 100.0).round() / 100.0, self.per_week);
        close(
            (r.lead.unwrap().median * 100.0).round() / 100.0,
            self.lead_median,
        );
        close((r.lead.unwrap().p85 * 100.0).round() / 100.0, self.lead_p85);
        close(
            (r.change_failure_rate.unwrap() * 100.0).round() / 100.0,
            self.cfr,
        );
        close(
            (r.recovery.unwrap().median * 100.0).round() / 100.0,
            self.recovery_median,
        );
        close(
            (r.recovery.unwrap().p85 * 100.0).round() / 100.0,
            self.recovery_p85,
        );
        close(
            (r.rework_rate.unwrap() * 100.0).round() / 100.0,
            self.rework,
        );
        assert_eq!(r.four_keys, Some(self.four_keys));
    }
}

/// Worked out independently of this code from the CSV files: 46
/// deployments between 27 December 2025 and 26 March 2026 (46 ÷ 90 × 7 =
/// 3.58 a week); lead-time median 21 h and P85 47.19 h; 5 failed (one
/// flagged without an incident, one failure reported twice) = 10.87%;
/// recovery samples 25 min, 70 min, 95 min, 130 min (unlinked) and 6 h 40
/// min (the duplicate pair, 13:05 → 19:45): median 1.58 h, P85 3.97 h;
/// 7 rework = 15.22%; the median of twelve weeks has deploys on 3 days.
const SAMPLE_PINS: Pins = Pins {
    deployments: 46,
    per_week: 3.58,
    lead_median: 21.0,
    lead_p85: 47.19,
    cfr: 10.87,
    recovery_median: 1.58,
    recovery_p85: 3.97,
    rework: 15.22,
    four_keys: FourKeysFrequency::Daily,
};

#[test]
fn applying_fills_the_baseline_and_keeps_the_samples() {
    let r = sample();
    let mut s = Scenario::default();
    let m = r.apply(&mut s.baseline);
    s.measured = Some(m.clone());
    assert!(s.is_valid());
    assert_eq!(s.baseline.deploy_frequency.per, RatePeriod::Week);
    assert_eq!(m.applied, Metric::DORA.to_vec());
    assert_eq!(m.deployments as usize, r.deployments);
    assert_eq!(m.lead_hours.len(), r.lead_hours.len());
    assert_eq!(
        m.weekly_deploys.iter().sum::<u32>() as usize,
        r.weeks.iter().map(|w| w.deploys as usize).sum::<usize>()
    );
    assert!(m.is_measured(Metric::LeadTime, &s.baseline));
    s.baseline.lead_time.amount += 1.0;
    assert!(!m.is_measured(Metric::LeadTime, &s.baseline));
    // Round-trips through JSON, and bad samples make the scenario invalid.
    let json = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let mut bad = s.clone();
    bad.measured.as_mut().unwrap().lead_hours.push(f32::NAN);
    assert!(!bad.is_valid());
    let mut bad = s.clone();
    bad.measured.as_mut().unwrap().recovery_hours.push(-1.0);
    assert!(!bad.is_valid());
    let mut bad = s.clone();
    bad.measured.as_mut().unwrap().from = "2026-02-30".into();
    assert!(!bad.is_valid());
    assert_eq!(m.from, "2025-12-27");
    assert_eq!(m.to, "2026-03-26");
    // Older saved scenarios without the field still load.
    let old: Scenario = serde_json::from_str(r#"{"team":"T"}"#).unwrap();
    assert_eq!(old.measured, None);
}

#[test]
fn large_sample_sets_are_thinned_but_keep_their_shape() {
    let mut text = String::from("deployed_at,first_commit_at\n");
    for k in 0..5_000u32 {
        let t = 1_772_000_000 + i64::from(k) * 60;
        text.push_str(&format!("{t},{}\n", t - i64::from(k % 100) * 36));
    }
    let zone = time::offset(0);
    let data = read(
        &text,
        &DeployColumns::guess(&headers(&text)),
        "",
        &IncidentColumns::default(),
        zone,
    )
    .unwrap();
    let end = data.last_date(zone).unwrap();
    let r = compute(
        &data,
        Window::resolve(WindowChoice::LastDays(30), end, zone).unwrap(),
        zone,
    )
    .unwrap();
    let mut b = Scenario::default().baseline;
    let m = r.apply(&mut b);
    assert_eq!(m.lead_hours.len(), import::MAX_SAMPLES);
    let thinned: Vec<f64> = m.lead_hours.iter().map(|&v| f64::from(v)).collect();
    let a = stats::percentile(&r.lead_hours, 85.0).unwrap();
    let t = stats::percentile(&thinned, 85.0).unwrap();
    assert!((a - t).abs() <= 0.01 * 1.0 + 0.0101, "{a} vs {t}");
    assert_eq!(b.lead_time.unit, TimeUnit::Minutes);
}

// ---- the window and the data's span ----

/// Eleven days of data (1–11 March 2026): five deployments and an
/// incident resolved on the 11th.
const ELEVEN_DAYS: &str = "\
deployed_at
2026-03-01T10:00:00Z
2026-03-03T10:00:00Z
2026-03-05T10:00:00Z
2026-03-08T10:00:00Z
2026-03-10T10:00:00Z
";
const ELEVEN_DAYS_INCIDENTS: &str = "\
started_at,resolved_at
2026-03-10T23:00:00Z,2026-03-11T01:00:00Z
";

#[test]
fn a_window_longer_than_the_data_says_so_and_offers_the_data_s_span() {
    let zone = time::offset(0);
    let data = read(
        ELEVEN_DAYS,
        &DeployColumns::guess(&headers(ELEVEN_DAYS)),
        ELEVEN_DAYS_INCIDENTS,
        &IncidentColumns::guess(&headers(ELEVEN_DAYS_INCIDENTS)),
        zone,
    )
    .unwrap();
    assert_eq!(data.span(zone), Some((date(2026, 3, 1), date(2026, 3, 11))));
    // The default 90 days ending on the last deployment (10 March): the
    // window runs 11 Dec 2025 – 10 Mar 2026; the data covers 1–10 March.
    let end = data.last_date(zone).unwrap();
    let w = Window::resolve(WindowChoice::LastDays(90), end, zone).unwrap();
    let r = compute(&data, w, zone).unwrap();
    // 5 ÷ 90 × 7 = 0.39 a week, as chosen, but no longer silently.
    close(r.deploys_per_week, 5.0 / 90.0 * 7.0);
    let c = r.coverage.unwrap();
    assert_eq!((c.covered_days, c.window_days), (10, 90));
    assert_eq!(
        r.coverage_note().unwrap(),
        "The data covers 10 days of the 90 days chosen (1 Mar 2026 to 11 Mar 2026). These figures \
         count the other 80 days as days without deployments; if the export only spans the data, \
         choose its span as the window instead."
    );
    // The data's own span: 5 ÷ 11 × 7 = 3.18 a week, and nothing to say.
    let span = data.span_choice(zone).unwrap();
    assert_eq!(
        span,
        WindowChoice::Range(date(2026, 3, 1), date(2026, 3, 11))
    );
    let r = compute(&data, Window::resolve(span, end, zone).unwrap(), zone).unwrap();
    close(r.deploys_per_week, 5.0 / 11.0 * 7.0);
    assert_eq!(r.coverage, None);
    assert_eq!(r.coverage_note(), None);
}

#[test]
fn the_sample_s_window_reaches_nine_days_before_its_data() {
    // The sample's first row is 5 January 2026; the 90-day window starts on
    // 27 December 2025: 81 of its 90 days hold data.
    let r = sample();
    let c = r.coverage.unwrap();
    assert_eq!(
        (c.data_first, c.covered_days, c.window_days),
        (date(2026, 1, 5), 81, 90)
    );
}

#[test]
fn rows_outside_the_model_s_years_are_left_out_with_their_reason() {
    let deploys = "\
id,deployed_at,first_commit_at
a,2026-03-02T10:00:00Z,
b,1999-12-31T23:00:00Z,
c,2026-03-02T11:00:00Z,1995-01-01T00:00:00Z
d,2101-01-01T00:00:00Z,
e,86400,
";
    let incidents = "started_at,resolved_at\n1999-06-01T00:00:00Z,2026-03-02T12:00:00Z\n";
    let zone = time::offset(0);
    let data = read(
        deploys,
        &DeployColumns::guess(&headers(deploys)),
        incidents,
        &IncidentColumns::guess(&headers(incidents)),
        zone,
    )
    .unwrap();
    let reasons: Vec<(usize, &str)> = data
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (3, "timestamp \"1999-12-31T23:00:00Z\" in \"deployed_at\" is outside the years 2000–2100"),
            (4, "timestamp \"1995-01-01T00:00:00Z\" in \"first_commit_at\" is outside the years 2000–2100"),
            (5, "timestamp \"2101-01-01T00:00:00Z\" in \"deployed_at\" is outside the years 2000–2100"),
            (6, "timestamp \"86400\" in \"deployed_at\" is outside the years 2000–2100"),
            (2, "timestamp \"1999-06-01T00:00:00Z\" in \"started_at\" is outside the years 2000–2100"),
        ]
    );
    assert_eq!(data.deployments.len(), 1);
}

#[test]
fn windows_stay_within_ten_years_and_the_model_s_years() {
    let zone = time::offset(0);
    let end = date(2026, 3, 1);
    assert!(Window::resolve(WindowChoice::LastDays(u32::MAX), end, zone).is_none());
    assert!(Window::resolve(WindowChoice::LastDays(3_661), end, zone).is_some());
    assert!(Window::resolve(WindowChoice::LastDays(3_662), end, zone).is_none());
    assert!(Window::resolve(
        WindowChoice::Range(date(2000, 1, 1), date(2011, 1, 1)),
        end,
        zone
    )
    .is_none());
    assert!(Window::resolve(
        WindowChoice::Range(date(1999, 12, 31), date(2000, 1, 1)),
        end,
        zone
    )
    .is_none());
    assert!(Window::resolve(WindowChoice::LastDays(1), date(2101, 1, 1), zone).is_none());
    assert!(Window::resolve(WindowChoice::LastDays(0), end, zone).is_none());
}
