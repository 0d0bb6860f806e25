//! The simulation in the browser, where WebAssembly's SIMD runs the trials
//! (`flywheel_sim::lanes`): a seed gives the very numbers the native tests pin
//! (`sim/tests/model_sim.rs`, `a_fixed_seed_reproduces_exact_numbers`), so
//! a shared link shows what the tests check.
#![cfg(target_arch = "wasm32")]

use flywheel::sim::flywheel::Noise;
use flywheel::sim::monte_carlo::{run, Run, Target};
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::Metric;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_seed_gives_the_numbers_the_native_tests_pin() {
    let plan = Plan::preset(Preset::Kaizen);
    let targets = [Target {
        metric: Metric::LeadTime,
        threshold: 72.0,
        week: 40,
        guard: None,
    }];
    let outcome = run(&Run {
        plan: &plan,
        baseline: [2.0 * 12.0 / 365.0, 120.0, 18.0, 6.0, 12.0],
        weeks: 52,
        trials: 1000,
        seed: 42,
        targets: &targets,
        noise: &Noise::default(),
        freeze: None,
    });
    let lead = outcome.series(Metric::LeadTime)[52];
    assert_eq!(format!("{:.6}", lead.p50), "49.414349");
    assert_eq!(format!("{:.4}", outcome.targets[0].p_meet), "0.8030");
}
