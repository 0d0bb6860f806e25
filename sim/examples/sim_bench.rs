//! Times the coupled flywheel Monte Carlo: 10,000 trials × 104 weeks, and
//! reports nanoseconds per trial-week.
//!
//! Run: `cargo run --release -p flywheel-sim --example sim_bench`

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::Metric;
use flywheel_sim::flywheel::Noise;
use flywheel_sim::monte_carlo::{run, Run, Target};

fn main() {
    let plan = Plan::preset(Preset::Kaizen);
    let noise = Noise::default();
    let targets = [Target {
        metric: Metric::LeadTime,
        threshold: 48.0,
        week: 52,
        guard: None,
    }];
    let (trials, weeks) = (10_000u32, 104u32);
    let spec = Run {
        plan: &plan,
        baseline: [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0],
        weeks,
        trials,
        seed: 1,
        targets: &targets,
        noise: &noise,
        freeze: None,
    };
    run(&spec);
    let repeats = 5;
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let start = Instant::now();
        let outcome = run(&spec);
        best = best.min(start.elapsed().as_secs_f64());
        assert_eq!(outcome.bands.len(), weeks as usize + 1);
    }
    let trial_weeks = f64::from(trials) * f64::from(weeks);
    println!(
        "{trials} trials × {weeks} weeks (coupled Kaizen plan): best of {repeats} {:.1} ms, {:.1} ns per trial-week",
        best * 1e3,
        best * 1e9 / trial_weeks
    );
}
