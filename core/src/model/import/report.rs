//! The measured baseline over a window: deployment frequency with its
//! weekly counts and Four Keys bucket, lead and recovery times, change
//! failure and rework rates (domain.md §1, §2).

use chrono::{FixedOffset, NaiveDate};

use super::stats::{self, Summary};
use super::time::{self, DAY};
use super::{Coverage, Dataset, Deployment, ImportError, Window};

/// Google Four Keys' deployment-frequency bucket (domain.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FourKeysFrequency {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

impl FourKeysFrequency {
    /// The bucket's name.
    pub fn label(self) -> &'static str {
        match self {
            FourKeysFrequency::Daily => "Daily",
            FourKeysFrequency::Weekly => "Weekly",
            FourKeysFrequency::Monthly => "Monthly",
            FourKeysFrequency::Yearly => "Yearly",
        }
    }
}

/// One 7-day block of the window, ending at the window's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    /// Its first local day.
    pub start: NaiveDate,
    pub deploys: u32,
    /// Distinct local days with a deployment.
    pub days_with_deploys: u32,
}

/// The measured baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub window: Window,
    pub deployments: usize,
    /// Deployments ÷ days × 7.
    pub deploys_per_week: f64,
    /// Four Keys' rule over the full weeks; `None` for windows under 7 days.
    pub four_keys: Option<FourKeysFrequency>,
    /// Full 7-day blocks, oldest first (a shorter leading block is left out).
    pub weeks: Vec<Week>,
    /// Lead times in hours, sorted.
    pub lead_hours: Vec<f64>,
    pub lead: Option<Summary>,
    /// Deployments in the window that failed: flagged, or linked by an
    /// incident; each counted once however many incidents name it.
    pub failed: usize,
    /// Failed ÷ deployments × 100; `None` when the data cannot tell
    /// failures (no incidents or failed column imported).
    pub change_failure_rate: Option<f64>,
    /// Flagged failed but with no incident linked.
    pub failed_without_incident: usize,
    /// Incidents beyond the first linked to the same deployment.
    pub duplicate_incidents: usize,
    /// Incidents whose linked id is not in the deployments file.
    pub unknown_links: usize,
    /// Recovery times in hours, sorted: one per failed deployment with
    /// incidents (earliest start → latest resolution) and one per unlinked
    /// incident; incidents still open give none.
    pub recovery_hours: Vec<f64>,
    pub recovery: Option<Summary>,
    pub rework: usize,
    /// Rework ÷ deployments × 100; `None` when the data cannot tell rework.
    pub rework_rate: Option<f64>,
    /// How much of the window the data covers, when it reaches past it
    /// (see [`Report::coverage_note`]).
    pub coverage: Option<Coverage>,
    /// Lines deleted ÷ lines added, percent, when a git log was imported.
    pub code_churn: Option<f64>,
    /// Bugs found in production ÷ all bugs, percent, when issues were
    /// imported with a rule for "found in production".
    pub defect_escape_rate: Option<f64>,
}

/// Computes the metrics over the window.
pub fn compute(data: &Dataset, window: Window, zone: FixedOffset) -> Result<Report, ImportError> {
    let lo = data.deployments.partition_point(|d| d.at < window.start);
    let hi = data.deployments.partition_point(|d| d.at < window.end);
    let deps = &data.deployments[lo..hi];
    if deps.is_empty() {
        let span = match (data.first_date(zone), data.last_date(zone)) {
            (Some(a), Some(b)) => format!(" The file's deployments run from {a} to {b}."),
            _ => String::new(),
        };
        return Err(ImportError(format!(
            "No deployments fall between {} and {}.{span}",
            window.first_day, window.last_day
        )));
    }
    let n = deps.len();
    let days = window.days().max(1);
    let deploys_per_week = n as f64 / days as f64 * 7.0;

    // Lead times (domain.md §1: first commit → production).
    // Per deployment where the data gives its first commit, per change
    // where changes were joined to deployments.
    let per_change = data
        .changes
        .iter()
        .filter(|c| (lo..hi).contains(&c.deployment))
        .map(|c| (data.deployments[c.deployment].at - c.first_commit) as f64 / 3600.0);
    let mut lead_hours: Vec<f64> = deps
        .iter()
        .filter_map(|d| d.first_commit.map(|c| (d.at - c) as f64 / 3600.0))
        .chain(per_change)
        .collect();
    lead_hours.sort_unstable_by(f64::total_cmp);

    // Incidents: grouped per linked deployment (by its position in the
    // window), so duplicates count once. A group with an incident still
    // open has no recovery time yet.
    let mut linked: Vec<Option<(i64, i64, usize, bool)>> = vec![None; n];
    let mut recovery_hours = Vec::new();
    let mut unknown_links = 0;
    for inc in &data.incidents {
        match inc.deployment {
            Some(i) if (lo..hi).contains(&i) => {
                let e = linked[i - lo].get_or_insert((inc.started, inc.resolved, 0, false));
                e.0 = e.0.min(inc.started);
                e.1 = e.1.max(inc.resolved);
                e.2 += 1;
                e.3 |= inc.open;
            }
            Some(_) => {}
            None => {
                if window.contains(inc.started) {
                    unknown_links += usize::from(inc.unknown_link);
                    if !inc.open {
                        recovery_hours.push((inc.resolved - inc.started) as f64 / 3600.0);
                    }
                }
            }
        }
    }
    let duplicate_incidents = linked.iter().flatten().map(|v| v.2 - 1).sum();
    recovery_hours.extend(
        linked
            .iter()
            .flatten()
            .filter(|v| !v.3)
            .map(|v| (v.1 - v.0) as f64 / 3600.0),
    );
    recovery_hours.sort_unstable_by(f64::total_cmp);

    // Change failure rate: failed deployments ÷ deployments (domain.md §2,
    // "known confusions": denominator is deployments; never over 100%).
    let mut failed = 0;
    let mut failed_without_incident = 0;
    let mut rework = 0;
    for (k, d) in deps.iter().enumerate() {
        let has_incident = linked[k].is_some();
        if d.failed || has_incident {
            failed += 1;
        }
        if d.failed && !has_incident {
            failed_without_incident += 1;
        }
        rework += usize::from(d.rework);
    }
    let pct = |k: usize| k as f64 / n as f64 * 100.0;

    let weeks = weeks(deps, window, zone);
    Ok(Report {
        window,
        deployments: n,
        deploys_per_week,
        four_keys: four_keys(&weeks),
        weeks,
        lead: Summary::of(&lead_hours),
        lead_hours,
        failed,
        change_failure_rate: (!data.failures_unknown).then(|| pct(failed)),
        failed_without_incident,
        duplicate_incidents,
        unknown_links,
        recovery: Summary::of(&recovery_hours),
        recovery_hours,
        rework,
        rework_rate: (!data.rework_unknown).then(|| pct(rework)),
        code_churn: None,
        defect_escape_rate: None,
        coverage: data.coverage(window, zone),
    })
}

/// Full 7-day blocks counted back from the window's end.
fn weeks(deps: &[Deployment], window: Window, zone: FixedOffset) -> Vec<Week> {
    let full = (window.days() / 7) as usize;
    let mut out: Vec<Week> = (0..full)
        .map(|k| Week {
            start: crate::model::limits::add_days(window.last_day, 1 - 7 * (full - k) as i64)
                .unwrap_or(window.first_day),
            deploys: 0,
            days_with_deploys: 0,
        })
        .collect();
    let mut last_day = vec![None; full];
    for d in deps {
        let back = ((window.end - 1 - d.at) / (7 * DAY)) as usize;
        if back >= full {
            continue;
        }
        let k = full - 1 - back;
        out[k].deploys += 1;
        let day = time::local_date(d.at, zone);
        if last_day[k] != Some(day) {
            // Deployments are sorted, so a new day shows up once.
            last_day[k] = Some(day);
            out[k].days_with_deploys += 1;
        }
    }
    out
}

/// Four Keys (domain.md §2): "daily" when the median week has deploys on
/// ≥ 3 days, "weekly" when the median week has ≥ 1 deploy, "monthly" when
/// the median month has ≥ 1 week with deploys. A week belongs to the
/// calendar month it starts in.
fn four_keys(weeks: &[Week]) -> Option<FourKeysFrequency> {
    if weeks.is_empty() {
        return None;
    }
    let median =
        |mut v: Vec<f64>| -> f64 { stats::percentile_unsorted(&mut v, 50.0).unwrap_or(0.0) };
    if median(
        weeks
            .iter()
            .map(|w| f64::from(w.days_with_deploys))
            .collect(),
    ) >= 3.0
    {
        return Some(FourKeysFrequency::Daily);
    }
    if median(weeks.iter().map(|w| f64::from(w.deploys)).collect()) >= 1.0 {
        return Some(FourKeysFrequency::Weekly);
    }
    let mut months: Vec<(i32, u32, f64)> = Vec::new();
    for w in weeks {
        use chrono::Datelike;
        let key = (w.start.year(), w.start.month());
        let hit = f64::from(u8::from(w.deploys > 0));
        match months.last_mut() {
            Some(m) if (m.0, m.1) == key => m.2 += hit,
            _ => months.push((key.0, key.1, hit)),
        }
    }
    if median(months.iter().map(|m| m.2).collect()) >= 1.0 {
        Some(FourKeysFrequency::Monthly)
    } else {
        Some(FourKeysFrequency::Yearly)
    }
}
