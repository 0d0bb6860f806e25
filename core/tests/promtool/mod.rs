//! Helpers shared by the Prometheus tests: the SLO they export, and
//! promtool, run in a scratch directory of its own.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use flywheel_core::model::slo::{Label, Monitoring, Sli, Slo, WindowKind};

pub fn monitoring() -> Monitoring {
    Monitoring {
        service: "checkout".into(),
        name: "requests-availability".into(),
        sli: Sli::GoodTotal {
            good: r#"sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))"#
                .into(),
            total: r#"sum(rate(http_requests_total{job="checkout"}[{{.window}}]))"#.into(),
        },
        labels: vec![Label {
            name: "team".into(),
            value: "payments".into(),
        }],
    }
}

pub fn slo(target: f64, window: WindowKind, days: u32) -> Slo {
    Slo {
        target,
        window,
        rolling_days: days,
        monitoring: monitoring(),
        ..Slo::default()
    }
}

/// A scratch directory of its own for each test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flywheel-promtool-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs promtool, failing loudly (never skipping) when it is missing.
pub fn promtool(args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new("promtool")
        .args(args)
        .current_dir(dir)
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => panic!(
            "promtool could not be run ({e}). Install Debian's prometheus package, which \
             ships it: apt-get install prometheus"
        ),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

pub fn check_rules(name: &str, rules: &str) {
    let dir = scratch(name);
    std::fs::write(dir.join("rules.yml"), rules).unwrap();
    let (ok, out) = promtool(&["check", "rules", "rules.yml"], &dir);
    assert!(
        ok,
        "promtool check rules failed for {name}:\n{out}\n{rules}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

pub const CASES: [(WindowKind, u32, &str); 4] = [
    (WindowKind::Rolling, 30, "rolling-30d"),
    (WindowKind::Rolling, 28, "rolling-28d"),
    (WindowKind::Rolling, 7, "rolling-7d"),
    (WindowKind::CalendarMonth, 30, "calendar-month"),
];
pub const TARGETS: [f64; 4] = [99.9, 99.5, 99.0, 90.0];
