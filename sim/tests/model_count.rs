//! Counting a run's goals alone ([`count`], what the Teams screen runs):
//! the same chances as the full run ([`run`]) with the same seed, trials
//! and horizon, to the bit, whatever the plan, the variation, the freeze,
//! the trial count or where the targets fall.

use flywheel_core::model::import::Measured;
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::Metric;
use flywheel_sim::flywheel::{Freeze, Noise};
use flywheel_sim::monte_carlo::{count, run, Run, Target, MAX_TRIAL_WEEKS};

/// Deploys/day, lead hours, CFR %, recovery hours, rework %.
const BASELINE: [f64; 5] = [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0];

/// Targets of every kind the runner tells apart: at the baseline (week
/// 0), early, two on one week (one guarded), the horizon's last week, and
/// past it.
fn targets(horizon: u32) -> Vec<Target> {
    let target = |metric, threshold, week, guard| Target {
        metric,
        threshold,
        week,
        guard,
    };
    vec![
        target(Metric::LeadTime, 130.0, 0, None),
        target(Metric::LeadTime, 100.0, 3, None),
        target(
            Metric::ChangeFailureRate,
            15.0,
            9,
            Some((Metric::DeployFrequency, 0.07)),
        ),
        target(Metric::RecoveryTime, 5.0, 9, None),
        target(Metric::DeployFrequency, 0.1, horizon, None),
        target(
            Metric::ReworkRate,
            10.0,
            horizon,
            Some((Metric::LeadTime, 110.0)),
        ),
        target(Metric::LeadTime, 60.0, horizon + 1, None),
    ]
}

#[test]
fn counting_alone_gives_the_full_runs_chances_to_the_bit() {
    let measured = Noise::from_measured(&Measured {
        weekly_deploys: vec![2, 4, 0, 2, 7, 1],
        ..Measured::default()
    });
    let freeze = Freeze {
        frozen_fraction: 0.1,
        deploy_factor: 0.9,
        lead_factor: 1.2,
    };
    let mut lagged = Plan::preset(Preset::Kaizen);
    lagged.coupling.lag_weeks = 4;
    let mut plans: Vec<Plan> = Preset::ALL.iter().map(|&p| Plan::preset(p)).collect();
    plans.push(lagged);
    // A block left part empty and full blocks, for every plan, variation
    // and freeze.
    let mut cases = Vec::new();
    for plan in &plans {
        for (noise, freeze) in [
            (Noise::default(), None),
            (measured.clone(), None),
            (Noise::default(), Some(freeze)),
        ] {
            cases.push((plan, noise.clone(), freeze, 301, 26, 7));
            cases.push((plan, noise, freeze, 400, 52, 8));
        }
    }
    // A horizon so long that the trials asked for are cut to fit a run's
    // work.
    cases.push((&plans[0], Noise::default(), None, 25_000, 156, 9));
    for (plan, noise, freeze, trials, weeks, seed) in cases {
        let targets = targets(weeks);
        let spec = Run {
            plan,
            baseline: BASELINE,
            weeks,
            trials,
            seed,
            targets: &targets,
            noise: &noise,
            freeze,
        };
        let full = run(&spec);
        let counted = count(&spec);
        let what = format!("{} over {weeks} weeks, {trials} trials", plan.name);
        assert_eq!(full.trials, trials.min(MAX_TRIAL_WEEKS / weeks), "{what}");
        assert_eq!(counted.targets, full.targets, "{what}");
        assert_eq!(
            (counted.trials, counted.weeks),
            (full.trials, full.weeks),
            "{what}"
        );
        // Not a vacuous match: some chance lies strictly between.
        assert!(
            full.targets
                .iter()
                .any(|t| t.p_both > 0.0 && t.p_both < 1.0),
            "{what}: {:?}",
            full.targets
        );
    }
}
