//! "Where to focus": the metric whose score is furthest behind the team's
//! peers, in words, with the DORA capabilities that move it, and a goal it
//! can start. The official Quick Check offered everyone the same three
//! capabilities (dora.dev #144); domain.md §2 asks for a recommendation
//! from the team's weakest score instead.
//!
//! The rules, so a screen can state them:
//!
//! * Only the five metric scores compete (the overall and sub-scores are
//!   means of them), and a metric already scoring 10 has nothing left to
//!   gain and is passed over.
//! * "Furthest behind" is the lowest `z`. With two peer groups picked, a
//!   metric counts by its lower `z` of the two (industry first on a tie).
//! * Standings within [`TIE`] of each other are equal. The first in DORA's
//!   order (lead time, deployment frequency, recovery, change failure,
//!   rework; dora.dev/guides/dora-metrics/) is named and the others listed
//!   as tied, so the same baseline always gives the same focus.

use chrono::{Days, NaiveDate};

use super::capabilities::{levers, Lever};
use super::{group_words, Standing, TeamScores};
use crate::model::benchmarks::{Indicator, Peers};
use crate::model::goals::{Goal, Level, Measure, MetricTarget};
use crate::model::quick_check::{deploy_frequency_code, duration_code};
use crate::model::scenario::Baseline;
use crate::model::units::{format_number, DAYS_PER_MONTH, HOURS_PER_MONTH, HOURS_PER_WEEK};
use crate::model::Metric;

/// Standard scores closer than this are a tie.
pub const TIE: f64 = 1e-9;

/// A goal started from a focus runs one quarter (91 days) by default.
pub const GOAL_DAYS: u64 = 91;

/// The metric to focus on.
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub metric: Metric,
    /// Its standing against the peer group it trails most.
    pub standing: Standing,
    /// Metrics equally far behind, in DORA's order.
    pub tied_with: Vec<Metric>,
    /// Its value in the canonical unit (deploys per day, hours, %).
    pub value: f64,
}

/// The metric furthest behind the team's peers; `None` when every metric
/// already scores 10 or a baseline value is not a finite number.
pub fn focus(baseline: &Baseline, peers: Peers) -> Option<Focus> {
    let scores = TeamScores::of(baseline)?;
    let groups = peers.groups();
    // Keeps the earlier of two standings unless the later is clearly lower.
    let lower = |a: Standing, b: Standing| if b.z < a.z - TIE { b } else { a };
    let candidates: Vec<Standing> = Indicator::METRICS
        .into_iter()
        .filter(|&i| scores.get(i) < 10.0 - TIE)
        .filter_map(|i| {
            groups
                .iter()
                .filter_map(|&g| Standing::new(i, g, scores.get(i)))
                .reduce(lower)
        })
        .collect();
    let standing = candidates.iter().copied().reduce(lower)?;
    let metric = standing.indicator.metric()?;
    let tied_with = candidates
        .iter()
        .filter(|c| c.indicator != standing.indicator && (c.z - standing.z).abs() <= TIE)
        .filter_map(|c| c.indicator.metric())
        .collect();
    Some(Focus {
        metric,
        standing,
        tied_with,
        value: baseline.value(metric)?,
    })
}

/// "Deployment frequency" as it reads mid-sentence. The model's names are
/// ASCII, and ASCII case keeps Unicode's case tables out of the first load.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| {
            std::iter::once(c.to_ascii_lowercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}

/// A goal a focus suggests: its title, target and "so that", ready for
/// the Goals screen.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeed {
    pub metric: Metric,
    /// In the metric's canonical unit.
    pub target: f64,
    pub title: String,
    pub so_that: String,
    /// Why this target, in one sentence.
    pub why: String,
}

impl Focus {
    /// "Focus on deployment frequency".
    pub fn headline(&self) -> String {
        format!("Focus on {}", lower_first(self.metric.name()))
    }

    /// Why this metric, in a sentence or two.
    pub fn explanation(&self) -> String {
        let s = &self.standing;
        let name = self.metric.name();
        let place = format!(
            "you score {:.1} against {} for {}, {}",
            s.score,
            s.peers_words(),
            group_words(s.group),
            s.percentile_words()
        );
        let mut text = if s.z < 0.0 {
            format!(
                "Of your five metric scores, {} is furthest below its peers: {place}.",
                lower_first(name)
            )
        } else {
            format!(
                "Every metric score is at or above its peers' mean; {} is the closest \
                 to it: {place}.",
                lower_first(name)
            )
        };
        if !self.tied_with.is_empty() {
            let others: Vec<String> = self
                .tied_with
                .iter()
                .map(|m| lower_first(m.name()))
                .collect();
            text.push_str(&format!(
                " {} {} equally far behind; {} comes first in DORA's order of the metrics.",
                capitalised(&others.join(" and ")),
                if others.len() == 1 { "is" } else { "are" },
                lower_first(name)
            ));
        }
        text
    }

    /// The DORA capabilities that move this metric, with their guides.
    pub fn capabilities(&self) -> &'static [Lever] {
        levers(self.metric)
    }

    /// The goal this focus suggests: for an answer-bucket metric, reaching
    /// the Quick Check's next answer up (two points on its score); for a
    /// percentage, reaching the peers' mean rate, or halving the rate when
    /// the team is already there.
    pub fn seed(&self) -> Option<GoalSeed> {
        let (target, title, why) = match self.metric {
            Metric::DeployFrequency => deploy_step(self.value)?,
            Metric::LeadTime | Metric::RecoveryTime => duration_step(self.metric, self.value)?,
            Metric::ChangeFailureRate | Metric::ReworkRate => self.percent_step()?,
            _ => return None,
        };
        let s = &self.standing;
        Some(GoalSeed {
            metric: self.metric,
            target,
            title,
            so_that: format!(
                "{} moves up from {} for {}",
                lower_first(self.metric.name()),
                s.percentile_words(),
                group_words(s.group)
            ),
            why,
        })
    }

    /// The seeded goal, owned by `team`, starting `today` and due a quarter
    /// later.
    pub fn goal(&self, team: &str, today: NaiveDate) -> Option<Goal> {
        let seed = self.seed()?;
        Some(Goal {
            owner: team.trim().to_string(),
            so_that: seed.so_that,
            target: Some(MetricTarget {
                measure: Measure::Baseline(seed.metric),
                target: seed.target,
            }),
            deadline: today.checked_add_days(Days::new(GOAL_DAYS)),
            ..Goal::new(Level::Operational, &seed.title, today)
        })
    }

    fn percent_step(&self) -> Option<(f64, String, String)> {
        let peer_rate = ((100.0 - 10.0 * self.standing.peers.mean) * 10.0).round() / 10.0;
        let (target, why) = if peer_rate < self.value - TIE {
            (
                peer_rate,
                format!(
                    "{}% scores {:.1}, the peers' mean.",
                    format_number(peer_rate, 1),
                    self.standing.peers.mean
                ),
            )
        } else if self.value > 0.0 {
            (
                self.value / 2.0,
                "You already match or beat the peers' mean rate, so the target halves yours."
                    .to_string(),
            )
        } else {
            return None;
        };
        let title = format!(
            "Cut {} to {}%",
            lower_first(self.metric.name()),
            format_number(target, 2)
        );
        Some((target, title, why))
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| {
            std::iter::once(c.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}

/// The next deployment-frequency answer up: its lowest rate (a rate that
/// is inside it), the goal's title and the answer's words. Answers from
/// domain.md §2; "on demand (multiple per day)" needs more than one a day,
/// so its target is two.
fn deploy_step(per_day: f64) -> Option<(f64, String, String)> {
    let (target, title, answer) = match deploy_frequency_code(per_day) {
        1 => (
            1.0 / (6.0 * DAYS_PER_MONTH),
            "Deploy at least once every six months",
            "between once per month and once every six months",
        ),
        2 => (
            1.0 / DAYS_PER_MONTH,
            "Deploy at least once a month",
            "between once per week and once per month",
        ),
        3 => (
            1.0 / 7.0,
            "Deploy at least once a week",
            "between once per day and once per week",
        ),
        4 => (
            1.0,
            "Deploy at least once a day",
            "between once per hour and once per day",
        ),
        5 => (
            2.0,
            "Deploy on demand, several times a day",
            "on demand (multiple deploys per day)",
        ),
        _ => return None,
    };
    Some((target, title.to_string(), next_answer(answer)))
}

/// The next lead- or recovery-time answer up: its longest time (inside
/// it), the goal's title and the answer's words. "Less than one day" and
/// "less than one hour" exclude their edge, so their targets are 12 hours
/// and 30 minutes.
fn duration_step(metric: Metric, hours: f64) -> Option<(f64, String, String)> {
    let (target, to, answer) = match duration_code(hours) {
        1 => (
            6.0 * HOURS_PER_MONTH,
            "six months or less",
            "one to six months",
        ),
        2 => (
            HOURS_PER_MONTH,
            "one month or less",
            "one week to one month",
        ),
        3 => (HOURS_PER_WEEK, "one week or less", "one day to one week"),
        4 => (12.0, "12 hours", "less than one day"),
        5 => (0.5, "30 minutes", "less than one hour"),
        _ => return None,
    };
    let title = format!("Cut {} to {to}", lower_first(metric.name()));
    Some((target, title, next_answer(answer)))
}

fn next_answer(answer: &str) -> String {
    format!(
        "It reaches the Quick Check's next answer up, \"{answer}\", two points higher on its \
         0–10 score."
    )
}
