//! Native benchmark of the import as the Import panel runs it: builds
//! 100,000 deployment rows in Flywheel's CSV columns (and 5,000
//! incidents), then recognises and reads both files, chooses, joins and
//! reports over the last 90 days, and prints each step's time.
//!
//!     cargo run --release -p flywheel-core --example import_bench [rows]

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{read_file, Analysis, Choices, FileOptions};
use flywheel_core::model::import::{Window, WindowChoice};

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let (deploys, incidents) = synthetic(rows);
    let zone = time::offset(0);
    let runs = 5;
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        let files = vec![
            read_file(
                "deployments.csv",
                deploys.as_bytes(),
                &FileOptions::default(),
                zone,
            )
            .expect("readable"),
            read_file(
                "incidents.csv",
                incidents.as_bytes(),
                &FileOptions::default(),
                zone,
            )
            .expect("readable"),
        ];
        let t_read = t0.elapsed().as_secs_f64();
        let choices = Choices::of(&files);
        let a = Analysis::build(&files, &choices.defaults(), zone);
        let t_build = t0.elapsed().as_secs_f64();
        let end = a.last_date().expect("dated");
        let w = Window::resolve(WindowChoice::DEFAULT, end, zone).expect("window");
        let r = a.report(w).expect("report");
        let total = t0.elapsed().as_secs_f64();
        if total < best {
            best = total;
            last = Some((r, [t_read, t_build - t_read, total - t_build]));
        }
    }
    let (r, steps) = last.expect("ran");
    println!(
        "{rows} deployment rows ({:.1} MB) and {} incidents read, joined and reported in {:.1} ms (best of {runs}): {:.0} rows per second",
        deploys.len() as f64 / 1_048_576.0,
        incidents.lines().count() - 1,
        best * 1000.0,
        rows as f64 / best
    );
    println!(
        "  read {:.0} ms, choices and analysis {:.0} ms, report {:.0} ms",
        steps[0] * 1000.0,
        steps[1] * 1000.0,
        steps[2] * 1000.0
    );
    println!(
        "  window deployments {}, lead samples {}, recovery samples {}",
        r.deployments,
        r.lead_hours.len(),
        r.recovery_hours.len()
    );
}

/// Deterministic synthetic exports: `rows` deployments a few minutes apart,
/// lead times of up to four days, every 20th failed with an incident.
pub fn synthetic(rows: usize) -> (String, String) {
    let mut d = String::with_capacity(rows * 70);
    let mut i = String::new();
    d.push_str("id,deployed_at,first_commit_at,failed,rework\n");
    i.push_str("id,started_at,resolved_at,deployment_id\n");
    let start = 1_760_000_000i64;
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for k in 0..rows {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = start + k as i64 * 150;
        let lead = (x % 345_600) as i64;
        let failed = k % 20 == 0;
        let fmt = |t: i64| {
            chrono::DateTime::from_timestamp(t, 0)
                .expect("in range")
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        };
        d.push_str(&format!(
            "d{k},{},{},{},{}\n",
            fmt(at),
            fmt(at - lead),
            failed,
            k % 9 == 0
        ));
        if failed {
            let s = at + 600;
            i.push_str(&format!(
                "i{k},{},{},d{k}\n",
                fmt(s),
                fmt(s + (x % 20_000) as i64)
            ));
        }
    }
    (d, i)
}
