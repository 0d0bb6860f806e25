//! Bad input gets words, never a panic: a file of no known shape says what
//! Flywheel reads and what the file holds; rows that cannot be read are
//! listed with their position and reason; an unknown CSV falls back to the
//! column-mapping step; oversized and binary files are refused before
//! parsing. A fuzz cuts and mutates every fixture and reads, analyses and
//! reports each result.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports_common;

use exports_common::*;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, read_mapped, Analysis, Choices, FileOptions, Mapping, Position, Shape,
};
use flywheel_core::model::import::{
    decode_export, DeployColumns, InputError, MAX_INPUT_BYTES, MAX_JSON_BYTES,
};

fn try_read(
    name: &str,
    body: &[u8],
) -> Result<flywheel_core::model::import::exports::ParsedFile, String> {
    read_file(name, body, &FileOptions::default(), time::offset(0)).map_err(|e| e.message)
}

#[test]
fn json_of_no_known_shape_says_what_is_read_and_what_was_found() {
    let e = try_read("package.json", br#"{"name":"shop","version":"1.0.0"}"#).unwrap_err();
    assert!(e.starts_with("This JSON is not an export Flywheel knows. It reads: GitHub deployments (REST API JSON);"), "{e}");
    assert!(
        e.contains("PagerDuty incidents (analytics API JSON)"),
        "{e}"
    );
    assert!(
        e.ends_with("This file holds an object with the keys \"name\", \"version\"."),
        "{e}"
    );
    let e = try_read("x.json", br#"[{"when":"2026-03-02","what":"deploy"}]"#).unwrap_err();
    assert!(
        e.ends_with("an array of objects with the keys \"what\", \"when\"."),
        "{e}"
    );
    let e = try_read("x.json", b"[1, 2, 3]").unwrap_err();
    assert!(e.ends_with("an array with no objects in it."), "{e}");
    let e = try_read("x.json", b"{\"a\": }").unwrap_err();
    assert!(
        e.starts_with(
            "This file starts like JSON, but the text is not valid JSON at line 1, column 7"
        ),
        "{e}"
    );
    let e = try_read("x.json", b"   \n").unwrap_err();
    assert_eq!(e, "The file is empty.");
}

#[test]
fn unreadable_records_are_listed_with_their_place_and_reason() {
    let body =
        br#"[{"id":1,"sha":"a","environment":"production","created_at":"2026-03-02T10:00:00Z"},
{"id":2,"sha":"b","environment":"production","created_at":"soon"},
{"sha":"c","environment":"production","created_at":"2026-03-03T10:00:00Z"},
"not an object",
{"id":5,"sha":"e","environment":"production","created_at":"1999-01-01T00:00:00Z"}]"#;
    let f = try_read("d.json", body).unwrap();
    assert_eq!(f.shape, Shape::GithubDeployments);
    let rows: Vec<(Position, &str)> = f
        .rejected
        .iter()
        .map(|r| (r.position, r.reason.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Position::Record(2), "unreadable timestamp \"soon\" in \"created_at\""),
            (Position::Record(3), "missing \"id\""),
            (
                Position::Record(5),
                "timestamp \"1999-01-01T00:00:00Z\" in \"created_at\" is outside the years 2000–2100"
            ),
            (Position::Record(4), "not an object: a record is a JSON object of fields"),
        ]
    );
    assert_eq!(f.deployments.len(), 1);
    assert!(f
        .details()
        .iter()
        .any(|d| d.starts_with("4 records could not be read (the first, record 2:")));
}

#[test]
fn a_cut_off_file_keeps_the_records_before_the_cut() {
    let full = bytes("gh_run_list.json");
    let cut = &full[..full.len() * 2 / 3];
    let f = try_read("runs.json", cut).unwrap();
    assert!(f.rows > 0 && f.rows < 12);
    let stopped = f.stopped.as_deref().unwrap();
    assert!(
        stopped.contains("cut off") && stopped.contains("records before that point are read"),
        "{stopped}"
    );
    assert!(f
        .details()
        .iter()
        .any(|d| d.starts_with("The file stops being readable")));
}

#[test]
fn an_unknown_csv_falls_back_to_mapping_its_columns() {
    let csv = "when,sha,ok\n2026-03-02 10:00,abc,yes\n2026-03-03 11:00,def,no\n";
    let f = try_read("mine.csv", csv.as_bytes()).unwrap();
    assert_eq!(f.shape, Shape::UnknownCsv);
    assert_eq!(f.headers, ["when", "sha", "ok"]);
    assert_eq!(
        f.summary(),
        "A CSV file (columns to map): 2 rows; choose which columns hold the deployment or incident times"
    );
    let mapping = Mapping::Deployments(DeployColumns {
        id: Some("sha".into()),
        deployed_at: Some("when".into()),
        failed: Some("ok".into()),
        ..DeployColumns::default()
    });
    let f = read_mapped("mine.csv", csv.as_bytes(), &mapping, time::offset(0)).unwrap();
    assert_eq!(f.shape, Shape::FlywheelDeployments);
    assert_eq!(f.deployments.len(), 2);
    assert!(f.deployments[0].failed);
    let none = Mapping::Deployments(DeployColumns::default());
    let e = read_mapped("mine.csv", csv.as_bytes(), &none, time::offset(0)).unwrap_err();
    assert!(e.message.contains("Choose the columns"));
}

#[test]
fn a_jira_file_without_its_created_column_says_so() {
    let e = try_read("jira.csv", b"Issue key,Issue Type,Summary\nA-1,Bug,x\n").unwrap_err();
    assert_eq!(
        e,
        "A Jira export needs its \"Created\" column; this one has \"Issue key\", \"Issue Type\", \"Summary\"."
    );
    let e = try_read(
        "jira.csv",
        b"Issue key,Issue Type,Created\nA-1,Bug,last tuesday\n",
    )
    .unwrap_err();
    assert!(
        e.starts_with(
            "No date form Flywheel reads fits every date in this file (such as \"last tuesday\")"
        ),
        "{e}"
    );
}

#[test]
fn oversized_and_binary_files_are_refused_before_parsing() {
    let big_csv = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert_eq!(
        decode_export(&big_csv),
        Err(InputError::TooLarge(MAX_INPUT_BYTES + 1))
    );
    // JSON may be larger, up to its own cap, stated in the message.
    let mut big_json = vec![b' '; MAX_INPUT_BYTES + 1];
    big_json[0] = b'[';
    assert!(decode_export(&big_json).is_ok());
    let m = InputError::TooLargeJson(MAX_JSON_BYTES + 1).message();
    assert!(m.contains("the limit for JSON is 160 MB"), "{m}");
    assert_eq!(decode_export(b"[\0]"), Err(InputError::Binary));
    assert_eq!(decode_export(b"[\xff]"), Err(InputError::NotUtf8(1)));
    let e = try_read("x.bin", b"\0\0").unwrap_err();
    assert!(e.contains("binary file"));
    // JSON with a NUL byte anywhere is called binary, as before it is read,
    // though it is only looked through once its reading stops.
    let json = bytes("github_deployments.json");
    assert!(try_read("github_deployments.json", &json).is_ok());
    let inside = json
        .windows(12)
        .position(|w| w == b"\"production\"")
        .expect("a quoted environment");
    let last = json.iter().rposition(|&b| b == b']').expect("an array");
    for at in [1, inside + 3, last, json.len()] {
        let mut body = json.clone();
        body.insert(at, 0);
        let e = try_read("github_deployments.json", &body).unwrap_err();
        assert!(e.contains("binary file"), "NUL at {at}: {e}");
    }
    let e = try_read("deployments.json", &vec![b'['; MAX_JSON_BYTES + 1]).unwrap_err();
    assert!(e.contains("the limit for JSON is 160 MB"), "{e}");
}

const FIXTURES: [&str; 26] = [
    "deployments_common.csv",
    "devlake_deployments.jsonl",
    "devlake_issues.jsonl",
    "fourkeys_changes.jsonl",
    "fourkeys_deployments.jsonl",
    "fourkeys_incidents.jsonl",
    "gh_pr_list.json",
    "gh_run_list.json",
    "github_deployment_statuses.json",
    "github_deployments.json",
    "github_workflow_runs.json",
    "gitlab_deployments.json",
    "gitlab_dora_deployment_frequency.json",
    "gitlab_dora_monthly.json",
    "gitlab_dora_unnamed.json",
    "gitlog.txt",
    "incidentio_incidents.csv",
    "incidentio_incidents.json",
    "incidents_common.csv",
    "jira_issues.csv",
    "opsgenie_incidents.csv",
    "opsgenie_incidents.json",
    "pagerduty_analytics.csv",
    "pagerduty_analytics.json",
    "pagerduty_incidents.json",
    "pagerduty_legacy.csv",
];

/// Reads, chooses, analyses and reports whatever the bytes give: an error
/// in words or figures, never a panic.
fn exercise(
    name: &str,
    body: &[u8],
    companion: &flywheel_core::model::import::exports::ParsedFile,
) {
    let Ok(f) = try_read(name, body) else {
        return;
    };
    let _ = (f.summary(), f.details());
    let files = vec![f, companion.clone()];
    let c = Choices::of(&files);
    let mut a = Analysis::build(&files, &c.defaults(), time::offset(0));
    let _ = a.report(window());
    let _ = (
        a.churn(window()),
        a.escape(window()),
        a.dora_figures(window()),
    );
    if !a.incidents.is_empty() && !a.deployments.is_empty() {
        a.move_incident(0, a.deployments.len() - 1).unwrap();
        a.detach(a.incidents.len() - 1).unwrap();
        let _ = a.report(window());
    }
}

#[test]
fn cut_and_mutated_fixtures_never_panic() {
    let companion = read("incidents_common.csv");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    let noise = b"{}[]\",:0-9 \n\tZ+.eE\\u\xc3\xa9";
    for name in FIXTURES {
        let full = bytes(name);
        for k in 0..24 {
            let cut = full.len() * k / 24 + next(7);
            exercise(name, &full[..cut.min(full.len())], &companion);
        }
        for _ in 0..24 {
            let mut m = full.clone();
            for _ in 0..1 + next(4) {
                let at = next(m.len());
                match next(3) {
                    0 => m[at] = noise[next(noise.len())],
                    1 => {
                        m.remove(at);
                    }
                    _ => m.insert(at, noise[next(noise.len())]),
                }
            }
            exercise(name, &m, &companion);
        }
    }
}
