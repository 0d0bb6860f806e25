//! Teams and links for the Teams tests.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use flywheel_core::model::teams::{Source, Teams};
use flywheel_core::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use flywheel_core::model::Scenario;

/// A default scenario for `team` with its four keyed metrics set, in
/// deploys per day and hours.
pub fn scenario(
    team: &str,
    per_day: f64,
    lead_hours: f64,
    cfr: f64,
    recovery_hours: f64,
) -> Scenario {
    let mut s = Scenario {
        team: team.into(),
        ..Scenario::default()
    };
    s.baseline.deploy_frequency = Rate::new(per_day, RatePeriod::Day);
    s.baseline.lead_time = Duration::new(lead_hours, TimeUnit::Hours);
    s.baseline.change_failure_rate = cfr;
    s.baseline.recovery_time = Duration::new(recovery_hours, TimeUnit::Hours);
    s
}

/// `n` different teams, "Team 1" to "Team n", added from links.
pub fn set(n: usize) -> Teams {
    let mut teams = Teams::new();
    for i in 1..=n {
        let x = i as f64;
        let s = scenario(
            &format!("Team {i}"),
            x / 10.0,
            10.0 + x,
            10.0,
            1.0 + x / 4.0,
        );
        assert!(teams.add(s, Source::Link).is_added());
    }
    teams
}

/// `link` with its middle character changed, as a bad copy leaves it.
pub fn damage(link: &str) -> String {
    let mut bytes = link.as_bytes().to_vec();
    let i = bytes.len() / 2;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

/// A teams file's text with a copy of its first team, renamed `name`,
/// inserted at the head of the list, as a hand-edited file might hold.
pub fn with_copy_of_first(file: &str, name: &str) -> String {
    let list_start = file.find("\"teams\": [\n").unwrap() + "\"teams\": [\n".len();
    let first_end = list_start + file[list_start..].find("\n    }").unwrap() + "\n    }".len();
    let first = &file[list_start..first_end];
    let old_name = first
        .lines()
        .find_map(|l| l.trim().strip_prefix("\"name\": "))
        .unwrap()
        .trim_end_matches(',');
    let copy = first.replacen(old_name, &format!("\"{name}\""), 1);
    format!("{}{copy},\n{}", &file[..list_start], &file[list_start..])
}

/// `n` teams as different as real ones: each with its own seed, two goals
/// in its own words with targets and deadlines, and an incident.
pub fn varied(n: usize) -> Teams {
    use chrono::NaiveDate;
    use flywheel_core::model::goals::{Goal, Level, Measure, MetricTarget};
    use flywheel_core::model::slo::Incident;
    use flywheel_core::model::Metric;
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut teams = Teams::new();
    for i in 1..=n {
        let x = i as f64;
        let mut s = scenario(
            &format!("Squad {i}"),
            x / 7.0,
            20.0 + 3.0 * x,
            5.0 + x / 2.0,
            0.5 + x / 3.0,
        );
        s.simulation.seed = 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(i as u64 + 1);
        for (k, metric, target) in [
            (1, Metric::LeadTime, 12.0 + x),
            (2, Metric::ChangeFailureRate, 4.0 + x / 5.0),
        ] {
            let mut g = Goal::new(
                Level::Operational,
                &format!("Squad {i} goal {k}: improve {}", metric.name()),
                today,
            );
            g.owner = format!("Lead of squad {i}");
            g.target = Some(MetricTarget {
                measure: Measure::Baseline(metric),
                target,
            });
            g.deadline = NaiveDate::from_ymd_opt(2027, 1 + (i % 12) as u32, 1 + k);
            s.goals.add(g).unwrap();
        }
        s.slo.incidents.push(Incident {
            start: today
                .and_hms_opt((i % 24) as u32, (i % 60) as u32, 0)
                .unwrap(),
            minutes: 5.0 + x,
            share: 10.0 + x,
        });
        assert!(teams.add(s, Source::Link).is_added());
    }
    teams
}
