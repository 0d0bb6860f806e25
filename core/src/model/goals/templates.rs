//! The seed's example goals (domain.md §6), offered as templates: its two
//! strong SMART examples, its three anti-patterns and a good learning goal.
//! Dates are relative to `today`, so a template is never born late; a
//! deadline that would fall outside the model's years is left empty.
//!
//! The seed's SMART examples carry no parent and no "so that"; a template
//! needs one of the two to be Relevant on its own, so each gets a short
//! "so that" the user is expected to rewrite.

use chrono::{Datelike, NaiveDate};

use crate::model::goals::{Goal, Level, Measure, MetricTarget};
use crate::model::{limits, Metric};

/// A template: the seed's verdict on it and the goal it creates.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// A stable key.
    pub key: &'static str,
    /// How the seed classifies it.
    pub verdict: &'static str,
    pub goal: Goal,
}

/// The next `month`/`day` at least `days` away: this year's, or next
/// year's. `None` when it falls outside the model's years.
fn next(today: NaiveDate, month: u32, day: u32, days: i64) -> Option<NaiveDate> {
    let soonest = limits::add_days(today, days)?;
    [today.year(), today.year().checked_add(1)?]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|&d| d >= soonest)
        .filter(|&d| limits::date_ok(d))
}

/// The next 30 September at least a quarter (91 days) away ("within Q3").
fn end_of_q3(today: NaiveDate) -> Option<NaiveDate> {
    next(today, 9, 30, 91)
}

/// The next 31 December at least half a year (182 days) away ("by EOY"):
/// late in a year, "by year end" means the next one.
fn end_of_year(today: NaiveDate) -> Option<NaiveDate> {
    next(today, 12, 31, 182)
}

/// The six seed examples, owned by `team`, dated from `today`.
pub fn templates(today: NaiveDate, team: &str) -> Vec<Template> {
    let goal = |level, title: &str, so_that: &str| Goal {
        owner: team.to_string(),
        so_that: so_that.to_string(),
        ..Goal::new(level, title, today)
    };
    vec![
        Template {
            key: "latency",
            verdict: "Strong: SMART",
            goal: Goal {
                target: Some(MetricTarget {
                    measure: Measure::Custom {
                        name: "P95 API response time".to_string(),
                        unit: "ms".to_string(),
                        baseline: 300.0,
                        higher_is_better: false,
                    },
                    target: 200.0,
                }),
                deadline: end_of_q3(today),
                ..goal(
                    Level::Operational,
                    "Reduce P95 API response time from 300ms to 200ms within Q3",
                    "users wait less on every request",
                )
            },
        },
        Template {
            key: "deploys",
            verdict: "Strong: SMART",
            goal: Goal {
                target: Some(MetricTarget {
                    measure: Measure::Baseline(Metric::DeployFrequency),
                    // 4 per week, in deploys per day. Against the seed
                    // baseline of 2 per month (2 / (365/12) per day) this is
                    // (4/7)·(365/24) = 8.69×, the "8.7× increase" of
                    // domain.md §4.
                    target: 4.0 / 7.0,
                }),
                deadline: end_of_year(today),
                ..goal(
                    Level::Operational,
                    "Increase deployment frequency from 2x/month to 4x/week by EOY by \
                     implementing a fully automated CI/CD pipeline",
                    "fixes and features reach customers within days",
                )
            },
        },
        Template {
            key: "streaming",
            verdict: "Weak: technology first",
            goal: goal(Level::Technical, "Migrate to a streaming platform", ""),
        },
        Template {
            key: "lead-time",
            verdict: "Weak: stops too soon",
            goal: goal(Level::Operational, "Reduce lead time for changes", ""),
        },
        Template {
            key: "requirements",
            verdict: "Weak: requirements, not a goal",
            goal: goal(
                Level::Business,
                "99.9% uptime, SOC 2 compliance, encryption at rest and single sign-on",
                "",
            ),
        },
        Template {
            key: "learning",
            verdict: "Good: learning goal",
            goal: Goal {
                deadline: limits::add_days(today, 42),
                ..goal(
                    Level::Learning,
                    "Decide whether trunk-based development cuts our lead time, from a \
                     six-week trial in two teams",
                    "we know whether to roll it out to every team",
                )
            },
        },
    ]
}
