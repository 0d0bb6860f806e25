//! SMART checks (domain.md §6): Specific, Measurable, Achievable, Relevant,
//! Time-bound, each a pure function returning pass or fail, one sentence of
//! reason and one of how to fix it. Also the required improvement rate
//! (domain.md §4) and progress pace against the linear path (UpRaise's
//! convention, domain.md §6).

use chrono::NaiveDate;

use crate::model::dora::{classify, Edition, Tier};
use crate::model::goals::{Goal, Goals, Level, Measure};
use crate::model::scenario::Baseline;
use crate::model::units::format_number;
use crate::model::Metric;

/// Weeks in a 365-day year, the year units.rs uses.
pub const WEEKS_PER_YEAR: f64 = 365.0 / 7.0;

/// Fewer weeks than this (a quarter) are too few to move a whole tier.
pub const MIN_WEEKS_PER_TIER: f64 = 13.0;

/// With a simulated chance of success, the goal counts as achievable at or
/// above this probability (an even-odds bar; the seed gives no figure).
pub const ACHIEVABLE_CHANCE: f64 = 0.5;

/// Pace at or above this share of the linear path is on track (UpRaise).
pub const ON_TRACK: f64 = 0.95;
/// Pace at or above this share, but below [`ON_TRACK`], is lagging; below
/// it a goal is at risk (UpRaise).
pub const LAGGING: f64 = 0.75;

/// A SMART criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl Criterion {
    /// In SMART order.
    pub const ALL: [Criterion; 5] = [
        Criterion::Specific,
        Criterion::Measurable,
        Criterion::Achievable,
        Criterion::Relevant,
        Criterion::TimeBound,
    ];

    /// The criterion's name.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Specific => "Specific",
            Criterion::Measurable => "Measurable",
            Criterion::Achievable => "Achievable",
            Criterion::Relevant => "Relevant",
            Criterion::TimeBound => "Time-bound",
        }
    }
}

/// One criterion's verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub criterion: Criterion,
    pub pass: bool,
    /// Why, in one sentence.
    pub reason: String,
    /// How to fix it; empty when it passes.
    pub fix: String,
}

impl Check {
    fn pass(criterion: Criterion, reason: String) -> Check {
        Check {
            criterion,
            pass: true,
            reason,
            fix: String::new(),
        }
    }

    fn fail(criterion: Criterion, reason: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            criterion,
            pass: false,
            reason: reason.into(),
            fix: fix.into(),
        }
    }
}

/// What the checks need besides the goal.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub baseline: &'a Baseline,
    pub edition: Edition,
    pub today: NaiveDate,
    pub goals: &'a Goals,
}

/// All five checks, in SMART order. `chance` is the simulated probability of
/// hitting the target by the deadline, when a simulation has produced one;
/// without it Achievable uses the ambition-anchor heuristic.
pub fn check_all(goal: &Goal, ctx: Context<'_>, chance: Option<f64>) -> Vec<Check> {
    vec![
        specific(goal, ctx.baseline),
        measurable(goal, ctx.baseline),
        achievable(goal, ctx.baseline, ctx.edition, ctx.today, chance),
        relevant(goal, ctx.goals),
        time_bound(goal, ctx.today),
    ]
}

pub use crate::model::date::format_date;

/// Whether the title says its output is a decision (a learning goal).
fn names_a_decision(goal: &Goal) -> bool {
    let t = goal.title.to_ascii_lowercase();
    ["decide", "decision", "whether"]
        .iter()
        .any(|w| t.contains(w))
}

/// Something wrong with a target relative to its baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetProblem {
    /// The baseline holds no value for the metric.
    NoBaseline,
    /// The target equals the baseline.
    Equal,
    /// The target moves the metric the wrong way.
    WrongDirection,
}

/// Checks a target against the baseline value.
pub fn target_problem(
    measure: &Measure,
    baseline: &Baseline,
    target: f64,
) -> Option<TargetProblem> {
    let Some(b) = measure.baseline(baseline) else {
        return Some(TargetProblem::NoBaseline);
    };
    let diff = target - b;
    if diff.abs() <= 1e-9 * b.abs().max(1.0) {
        Some(TargetProblem::Equal)
    } else if (diff > 0.0) != measure.higher_is_better() {
        Some(TargetProblem::WrongDirection)
    } else {
        None
    }
}

/// The message for a target problem, naming the values.
pub fn target_message(measure: &Measure, baseline: &Baseline, target: f64) -> Option<String> {
    let problem = target_problem(measure, baseline, target)?;
    let name = measure.name();
    let b = measure.baseline(baseline);
    let units = baseline.units();
    Some(match problem {
        TargetProblem::NoBaseline => {
            format!("{name} has no baseline value: enter it on the Baseline screen.")
        }
        TargetProblem::Equal => format!(
            "The target equals the baseline ({}): set a target that improves on it.",
            measure.describe(b.unwrap_or(target), units)
        ),
        TargetProblem::WrongDirection => {
            let (better, worse) = if measure.higher_is_better() {
                ("higher", "below")
            } else {
                ("lower", "above")
            };
            format!(
                "{name} is better {better}, but the target ({}) is {worse} the baseline ({}).",
                measure.describe(target, units),
                measure.describe(b.unwrap_or(target), units)
            )
        }
    })
}

/// Specific: one metric, one team or service, a direction.
pub fn specific(goal: &Goal, baseline: &Baseline) -> Check {
    let c = Criterion::Specific;
    if goal.title.trim().is_empty() {
        return Check::fail(
            c,
            "The goal has no title.",
            "Say in one sentence what should change.",
        );
    }
    if goal.owner.trim().is_empty() {
        return Check::fail(
            c,
            "No team or service owns it.",
            "Name the one team or service accountable for it.",
        );
    }
    if goal.level == Level::Learning && goal.target.is_none() {
        return if names_a_decision(goal) {
            Check::pass(
                c,
                format!(
                    "One question, owned by {}, ending in a decision.",
                    goal.owner.trim()
                ),
            )
        } else {
            Check::fail(
                c,
                "A learning goal should end in a decision, and this one names none.",
                "Say what will be decided, e.g. \"Decide whether trunk-based development cuts our lead time\".",
            )
        };
    }
    let Some(t) = &goal.target else {
        return Check::fail(
            c,
            "It names no metric to move, so people can read it different ways.",
            "Pick one metric and the way it should move, e.g. \"Cut lead time for changes from 5 days to 2 days\".",
        );
    };
    if let Some(msg) = target_message(&t.measure, baseline, t.target) {
        return Check::fail(c, msg, "Set a target on the better side of the baseline.");
    }
    let way = if t.measure.higher_is_better() {
        "up"
    } else {
        "down"
    };
    Check::pass(
        c,
        format!(
            "One metric ({}), one owner ({}), one direction ({way}).",
            t.measure.name(),
            goal.owner.trim()
        ),
    )
}

/// Measurable: a metric with a baseline, a numeric target and a unit.
pub fn measurable(goal: &Goal, baseline: &Baseline) -> Check {
    let c = Criterion::Measurable;
    let Some(t) = &goal.target else {
        if goal.level == Level::Learning && names_a_decision(goal) {
            return Check::pass(
                c,
                "Its output is a decision, made or not made by the deadline.".to_string(),
            );
        }
        return Check::fail(
            c,
            "It has no metric and no numeric target, so nobody can tell when it is met.",
            "Pick a metric from the baseline and set a target value.",
        );
    };
    let Some(b) = t.measure.baseline(baseline) else {
        return Check::fail(
            c,
            format!(
                "{} has no baseline value to measure from.",
                t.measure.name()
            ),
            "Enter it on the Baseline screen.",
        );
    };
    Check::pass(
        c,
        format!(
            "{} from {} to {}.",
            t.measure.name(),
            t.measure.describe(b, baseline.units()),
            t.measure.describe(t.target, baseline.units())
        ),
    )
}

/// Relevant: linked to a parent goal, or says what it unlocks.
pub fn relevant(goal: &Goal, goals: &Goals) -> Check {
    let c = Criterion::Relevant;
    if let Some(parent) = goal.parent.and_then(|p| goals.get(p)) {
        return Check::pass(
            c,
            format!(
                "It serves the {} goal \"{}\".",
                parent.level.name().to_ascii_lowercase(),
                parent.title
            ),
        );
    }
    if !goal.so_that.trim().is_empty() {
        return Check::pass(
            c,
            format!(
                "It says what it unlocks: so that {}.",
                goal.so_that.trim().trim_end_matches('.')
            ),
        );
    }
    Check::fail(
        c,
        "It is not linked to a parent goal and does not say what it unlocks.",
        "Put it under the goal it serves, or add a \"so that\".",
    )
}

/// Time-bound: a deadline after `today`.
pub fn time_bound(goal: &Goal, today: NaiveDate) -> Check {
    let c = Criterion::TimeBound;
    let Some(deadline) = goal.deadline else {
        return Check::fail(
            c,
            "It has no deadline.",
            "Pick the date by which it should be met.",
        );
    };
    let days = (deadline - today).num_days();
    if days <= 0 {
        let when = if days == 0 { "is today" } else { "has passed" };
        return Check::fail(
            c,
            format!("The deadline ({}) {when}.", format_date(deadline)),
            "Pick a date in the future.",
        );
    }
    Check::pass(
        c,
        format!(
            "Due {}, {} from today.",
            format_date(deadline),
            describe_span(days)
        ),
    )
}

/// "3 days", "1 week", "40 weeks".
fn describe_span(days: i64) -> String {
    if days < 14 {
        if days == 1 {
            "1 day".to_string()
        } else {
            format!("{days} days")
        }
    } else {
        format!("{} weeks", format_number(days as f64 / 7.0, 0))
    }
}

/// The compound weekly change needed to move a baseline to a target
/// (domain.md §4: `r = (target / baseline)^(1/n) − 1`, n in weeks).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RequiredRate {
    /// target / baseline.
    pub factor: f64,
    /// Weeks available.
    pub weeks: f64,
    /// `factor^(1/weeks) − 1`: positive for growth, negative for decline.
    pub weekly: f64,
}

/// The rate needed; `None` unless baseline, target and weeks are positive
/// and finite (a zero baseline cannot grow by a rate; a zero target is a
/// floor no steady rate reaches).
pub fn required_rate(baseline: f64, target: f64, weeks: f64) -> Option<RequiredRate> {
    if !(baseline > 0.0 && target > 0.0 && weeks > 0.0) {
        return None;
    }
    let factor = target / baseline;
    let weekly = factor.powf(1.0 / weeks) - 1.0;
    (factor.is_finite() && weekly.is_finite()).then_some(RequiredRate {
        factor,
        weeks,
        weekly,
    })
}

impl RequiredRate {
    /// "needs 8.7× in 40 weeks: 5.6% better every week", or for a falling
    /// metric "needs 0.67× (33% lower) in 13 weeks: 3.1% lower every week".
    pub fn words(&self) -> String {
        let weeks = format_number(self.weeks, if self.weeks < 10.0 { 1 } else { 0 });
        let unit = if weeks == "1" { "week" } else { "weeks" };
        if self.factor >= 1.0 {
            format!(
                "needs {}× in {weeks} {unit}: {}% better every week",
                format_number(self.factor, 1),
                format_number(self.weekly * 100.0, 1)
            )
        } else {
            format!(
                "needs {}× ({}% lower) in {weeks} {unit}: {}% lower every week",
                format_number(self.factor, 2),
                format_number((1.0 - self.factor) * 100.0, 0),
                format_number(-self.weekly * 100.0, 1)
            )
        }
    }
}

/// The improvement a goal asks for, as a factor ≥ 1 whatever the direction:
/// target/baseline for a rising metric, baseline/target for a falling one.
/// Availability is judged on downtime (100 − %), which falls.
fn improvement(measure: &Measure, b: f64, t: f64) -> f64 {
    match measure {
        Measure::Baseline(Metric::Availability) => (100.0 - b) / (100.0 - t).max(1e-9),
        m if m.higher_is_better() => t / b,
        _ => b / t,
    }
}

/// HSBC's "double, half and quarter every year" (domain.md §6) as a yearly
/// factor per metric: throughput doubles, times and downtime halve, failure
/// shares quarter. Returns the factor and its verb.
pub fn anchor(measure: &Measure) -> (f64, &'static str) {
    match measure.metric() {
        Some(
            Metric::ChangeFailureRate
            | Metric::ReworkRate
            | Metric::DefectEscapeRate
            | Metric::CodeChurn,
        ) => (4.0, "quartering"),
        Some(Metric::DeployFrequency) => (2.0, "doubling"),
        Some(_) => (2.0, "halving"),
        None if measure.higher_is_better() => (2.0, "doubling"),
        None => (2.0, "halving"),
    }
}

fn tier_rank(t: Tier) -> i32 {
    match t {
        Tier::Elite => 0,
        Tier::High => 1,
        Tier::Medium => 2,
        Tier::Low => 3,
    }
}

/// Achievable: the required weekly rate in words, judged against HSBC's
/// yearly anchor and the tier the target lands in.
///
/// * Within a year the whole change is compared with one year's anchor (a
///   single change such as a cache can land at once); beyond a year the
///   anchor compounds per year.
/// * A target faster than the anchor still passes when it moves the metric
///   at most one DORA tier per year (under `edition`) and leaves at least a
///   quarter to do it: published teams make that step. The seed's own example (2/month → 4/week by year end, 8.7×)
///   is such a step, Medium → High.
/// * Otherwise it fails, except at strategy level, where stretch belongs.
///
/// `chance` is the seam for a simulation: when given, the simulated
/// probability of reaching the target replaces the heuristic.
pub fn achievable(
    goal: &Goal,
    baseline: &Baseline,
    edition: Edition,
    today: NaiveDate,
    chance: Option<f64>,
) -> Check {
    let c = Criterion::Achievable;
    let Some(t) = &goal.target else {
        if goal.level == Level::Learning && goal.deadline.is_some_and(|d| d > today) {
            return Check::pass(
                c,
                "A time-boxed experiment ending in a decision.".to_string(),
            );
        }
        return Check::fail(
            c,
            "Without a target there is no pace to judge.",
            "Set a metric target and a deadline.",
        );
    };
    if let Some(msg) = target_message(&t.measure, baseline, t.target) {
        return Check::fail(c, msg, "Set a target on the better side of the baseline.");
    }
    let Some(deadline) = goal.deadline.filter(|d| *d > today) else {
        return Check::fail(
            c,
            "Without a future deadline the pace needed cannot be worked out.",
            "Pick a deadline in the future.",
        );
    };
    let b = t.measure.baseline(baseline).unwrap_or(f64::NAN);
    let weeks = (deadline - today).num_days() as f64 / 7.0;
    let Some(rate) = required_rate(b, t.target, weeks) else {
        return Check::fail(
            c,
            "A zero baseline or target cannot be reached by steady improvement.",
            "Aim for a small non-zero value: metrics approach a floor, they do not reach it.",
        );
    };
    let words = capitalise(&rate.words());
    if let Some(p) = chance.filter(|p| p.is_finite()) {
        let pct = format_number(p.clamp(0.0, 1.0) * 100.0, 0);
        let reason = format!("{words}; {pct}% of simulated futures reach it by the deadline.");
        return if p >= ACHIEVABLE_CHANCE {
            Check::pass(c, reason)
        } else {
            Check::fail(
                c,
                reason,
                "Move the deadline out or aim for a nearer target.",
            )
        };
    }
    let imp = improvement(&t.measure, b, t.target);
    let years = weeks / WEEKS_PER_YEAR;
    let (yearly, verb) = anchor(&t.measure);
    let allowed = if years <= 1.0 {
        yearly
    } else {
        yearly.powf(years)
    };
    if imp <= allowed * (1.0 + 1e-9) {
        return Check::pass(
            c,
            format!("{words}; within HSBC's anchor of {verb} it every year."),
        );
    }
    let tiers = t.measure.metric().and_then(|m| {
        let from = classify(edition, m, b)?;
        let to = classify(edition, m, t.target)?;
        Some((from, to))
    });
    if let Some((from, to)) = tiers {
        let steps = tier_rank(from.worst) - tier_rank(to.best);
        let step_text = format!("{} → {}", from.label(), to.label());
        let allowed_steps = if weeks < MIN_WEEKS_PER_TIER {
            0
        } else {
            (years.floor() as i32).max(1)
        };
        if steps <= allowed_steps {
            return Check::pass(
                c,
                format!(
                    "{words}: faster than HSBC's anchor of {verb} every year, but one tier a year ({step_text}, {} edition) is a step teams make.",
                    edition.year()
                ),
            );
        }
        if goal.level == Level::Strategy {
            return Check::pass(
                c,
                format!("{words} ({step_text}): a stretch, which belongs at strategy level."),
            );
        }
        return Check::fail(
            c,
            format!(
                "{words}: beyond HSBC's anchor of {verb} every year, and {steps} tier{} up ({step_text}) in {}.",
                if steps == 1 { "" } else { "s" },
                describe_span((weeks * 7.0).round() as i64)
            ),
            "Aim for the next tier first, move the deadline out, or keep this as a strategy-level stretch with a nearer goal under it.",
        );
    }
    if goal.level == Level::Strategy {
        return Check::pass(
            c,
            format!("{words}: a stretch, which belongs at strategy level."),
        );
    }
    Check::fail(
        c,
        format!("{words}: beyond HSBC's anchor of {verb} it every year."),
        "Move the deadline out or aim for a nearer target; keep stretch for strategy goals.",
    )
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// How a check-in compares with the linear path from baseline to target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceStatus {
    OnTrack,
    Lagging,
    AtRisk,
}

impl PaceStatus {
    /// The status in words.
    pub fn name(self) -> &'static str {
        match self {
            PaceStatus::OnTrack => "On track",
            PaceStatus::Lagging => "Lagging",
            PaceStatus::AtRisk => "At risk",
        }
    }

    /// A key for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            PaceStatus::OnTrack => "on-track",
            PaceStatus::Lagging => "lagging",
            PaceStatus::AtRisk => "at-risk",
        }
    }
}

/// UpRaise's thresholds: ≥ 0.95 of the linear pace on track, 0.75–0.95
/// lagging, below at risk (domain.md §6).
pub fn classify_pace(ratio: f64) -> PaceStatus {
    if ratio >= ON_TRACK {
        PaceStatus::OnTrack
    } else if ratio >= LAGGING {
        PaceStatus::Lagging
    } else {
        PaceStatus::AtRisk
    }
}

/// One check-in judged against the required path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaceReading {
    pub date: NaiveDate,
    pub actual: f64,
    /// Where the linear path from baseline (at the start) to target (at the
    /// deadline) is on that date.
    pub expected: f64,
    /// Progress made over progress expected.
    pub ratio: f64,
    pub status: PaceStatus,
}

/// The linear path's value on `date`, clamped to the goal's span.
pub fn expected_on(b: f64, t: f64, start: NaiveDate, deadline: NaiveDate, date: NaiveDate) -> f64 {
    let span = (deadline - start).num_days() as f64;
    if span <= 0.0 {
        return t;
    }
    let frac = ((date - start).num_days() as f64 / span).clamp(0.0, 1.0);
    b + (t - b) * frac
}

/// Every check-in of a metric goal judged against the linear pace; empty
/// when the goal has no target, start, deadline or valid baseline.
pub fn pace(goal: &Goal, baseline: &Baseline) -> Vec<PaceReading> {
    let (Some(t), Some(start), Some(deadline)) = (&goal.target, goal.start, goal.deadline) else {
        return Vec::new();
    };
    let Some(b) = t.measure.baseline(baseline) else {
        return Vec::new();
    };
    if deadline <= start || target_problem(&t.measure, baseline, t.target).is_some() {
        return Vec::new();
    }
    goal.check_ins
        .iter()
        .map(|c| {
            let expected = expected_on(b, t.target, start, deadline, c.date);
            let made = (c.actual - b) / (t.target - b);
            let due = (expected - b) / (t.target - b);
            let ratio = if due <= 0.0 {
                if made >= 0.0 {
                    1.0
                } else {
                    0.0
                }
            } else {
                made / due
            };
            PaceReading {
                date: c.date,
                actual: c.actual,
                expected,
                ratio,
                status: classify_pace(ratio),
            }
        })
        .collect()
}
