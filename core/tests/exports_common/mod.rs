//! Shared helpers of the exports tests: the fixtures under
//! `tests/fixtures/exports/` (their sources in its README), read in UTC,
//! analysed under the preselected choices over the window the independent
//! script (`expected.py`) uses, 2 to 15 March 2026.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use chrono::NaiveDate;
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{
    read_file, Analysis, Choices, FileOptions, How, ParsedFile, Selection,
};
use flywheel_core::model::import::{Report, Window, WindowChoice};

pub fn bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/exports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn read(name: &str) -> ParsedFile {
    read_with(name, FileOptions::default())
}

pub fn read_with(name: &str, options: FileOptions) -> ParsedFile {
    read_file(name, &bytes(name), &options, time::offset(0))
        .unwrap_or_else(|e| panic!("{name}: {}", e.message))
}

pub fn window() -> Window {
    let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
    Window::resolve(WindowChoice::Range(d(2), d(15)), d(15), time::offset(0)).unwrap()
}

pub fn defaults(files: &[ParsedFile]) -> Selection {
    Choices::of(files).defaults()
}

pub fn analyse(files: &[ParsedFile]) -> Analysis {
    Analysis::build(files, &defaults(files), time::offset(0))
}

pub fn report(a: &Analysis) -> Report {
    a.report(window()).unwrap_or_else(|e| panic!("{}", e.0))
}

pub fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

pub fn close_opt(a: Option<f64>, b: f64) {
    close(a.unwrap_or(f64::NAN), b);
}

/// The ties as `expected.py` prints them: `incident->deployment(how)`.
pub fn ties(a: &Analysis) -> String {
    a.attributions
        .iter()
        .map(|t| {
            let how = match t.how {
                How::NamedDeployment | How::Moved | How::Detached | How::NamedElsewhere(_) => {
                    "named"
                }
                How::NamedCommit(_) => "commit",
                How::LastOfService => "service",
                How::LastBefore { .. } => "any",
                How::NoneBefore => "none",
            };
            let d = t
                .deployment
                .map_or("-".to_string(), |d| a.deployments[d].id.clone());
            format!("{}->{d}({how})", a.incidents[t.incident].id)
        })
        .collect::<Vec<_>>()
        .join(" ")
}
