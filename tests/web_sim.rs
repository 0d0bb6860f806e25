//! The simulation in the browser, where WebAssembly's SIMD runs the trials
//! (`flywheel_sim::lanes`): a seed gives the very numbers the native tests
//! pin, so a shared link shows what the tests check.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

#[path = "../sim/tests/pinned/mod.rs"]
mod pinned;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_seed_gives_the_numbers_the_native_tests_pin() {
    pinned::assert_pinned_numbers(&pinned::pinned_run(42));
}
