//! Turns the goal chain into the targets the Monte Carlo runner counts: each
//! metric goal on a simulated metric, with its deadline as a week from today
//! and its guard, if any.

use chrono::NaiveDate;

use crate::monte_carlo::Target;
use flywheel_core::model::goals::{GoalId, Goals, Measure};
use flywheel_core::model::plan::sim_index;

/// Whole weeks from `today` until `deadline`, rounded up so a goal due in
/// three days is judged at the end of week 1; `None` for a past deadline.
pub fn deadline_week(today: NaiveDate, deadline: NaiveDate) -> Option<u32> {
    let days = (deadline - today).num_days();
    (days > 0).then(|| u32::try_from((days + 6) / 7).unwrap_or(u32::MAX))
}

/// The simulated targets of every goal that has one, in chain order.
pub fn targets(goals: &Goals, today: NaiveDate) -> Vec<(GoalId, Target)> {
    goals
        .0
        .iter()
        .filter_map(|g| {
            let t = g.target.as_ref()?;
            let Measure::Baseline(metric) = t.measure else {
                return None;
            };
            sim_index(metric)?;
            let week = deadline_week(today, g.deadline?)?;
            let guard = g
                .guard
                .filter(|gd| sim_index(gd.metric).is_some())
                .map(|gd| (gd.metric, gd.limit));
            Some((
                g.id,
                Target {
                    metric,
                    threshold: t.target,
                    week,
                    guard,
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flywheel_core::model::goals::{Goal, Guard, Level, MetricTarget};
    use flywheel_core::model::Metric;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn deadlines_become_weeks_rounded_up() {
        let today = day(2026, 1, 1);
        assert_eq!(deadline_week(today, day(2026, 1, 4)), Some(1));
        assert_eq!(deadline_week(today, day(2026, 1, 8)), Some(1));
        assert_eq!(deadline_week(today, day(2026, 1, 9)), Some(2));
        assert_eq!(deadline_week(today, day(2026, 12, 31)), Some(52));
        assert_eq!(deadline_week(today, today), None);
        assert_eq!(deadline_week(today, day(2025, 6, 1)), None);
    }

    #[test]
    fn only_simulated_metric_goals_with_deadlines_become_targets() {
        let today = day(2026, 1, 1);
        let mut goals = Goals::default();
        let mut with_target = Goal::new(Level::Operational, "Deploy more often", today);
        with_target.target = Some(MetricTarget {
            measure: Measure::Baseline(Metric::DeployFrequency),
            target: 4.0 / 7.0,
        });
        with_target.deadline = Some(day(2026, 10, 1));
        with_target.guard = Some(Guard {
            metric: Metric::ChangeFailureRate,
            limit: 15.0,
        });
        let id = goals.add(with_target).unwrap();
        goals
            .add(Goal::new(Level::Strategy, "Win the market", today))
            .unwrap();
        let mut churn = Goal::new(Level::Technical, "Less churn", today);
        churn.target = Some(MetricTarget {
            measure: Measure::Baseline(Metric::CodeChurn),
            target: 20.0,
        });
        churn.deadline = Some(day(2026, 6, 1));
        goals.add(churn).unwrap();
        let t = targets(&goals, today);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, id);
        assert_eq!(t[0].1.week, 39);
        assert_eq!(t[0].1.guard, Some((Metric::ChangeFailureRate, 15.0)));
    }
}
