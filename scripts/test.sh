#!/usr/bin/env bash
# Runs every test: formatting and lints, the pure model natively, components
# in headless Chromium and then headless Firefox ESR (wasm-bindgen-test),
# then the release build, its size budget, and Playwright end-to-end tests
# against it (the browser fuzz and the Chromium/Firefox comparison among
# them). Installs anything
# missing first. Ends with one "N passed, N failed" line covering all of it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

log_dir="target/test-logs"
mkdir -p "$log_dir"
passed=0
failed=0

# Adds the passes of every "test result:" line in a cargo log, and its failed tests.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
  # One line per failed test: cargo writes "... FAILED", the wasm runner
  # "... FAIL" and no result line when a browser test fails.
  f=$(grep -Ec '^test .+ \.\.\. FAIL(ED)?$' "$1" || true)
  passed=$((passed + p))
  failed=$((failed + f))
}

finish() {
  local status=$?
  echo
  echo "Summary (cargo, wasm-bindgen-test and Playwright together):"
  echo "$passed passed, $failed failed, in $((SECONDS / 60))m$((SECONDS % 60))s"
  exit $status
}
trap finish EXIT

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --bin flywheel --features split -- -D warnings

step "Core tests: model, chart geometry and simulations (native; these crates have no browser dependency)"
cargo test -p flywheel-core -p flywheel-sim 2>&1 | tee "$log_dir/native.log"
count_cargo "$log_dir/native.log"

# wasm-bindgen-test-runner picks the first WebDriver it finds on PATH, and
# looks for geckodriver before chromedriver: each pass names its driver.
step "Component tests in headless Chromium (wasm-bindgen-test)"
wasm_tests=()
for f in tests/web_*.rs; do wasm_tests+=(--test "$(basename "$f" .rs)"); done
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown "${wasm_tests[@]}" 2>&1 | tee "$log_dir/wasm.log"
count_cargo "$log_dir/wasm.log"

step "The same component tests in headless Firefox ESR (geckodriver)"
GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown "${wasm_tests[@]}" 2>&1 | tee "$log_dir/wasm-firefox.log"
count_cargo "$log_dir/wasm-firefox.log"

step "Release build"
trunk build --release
node scripts/size.mjs dist

step "Extreme-but-accepted share links for the browser fuzz"
fuzz_cases="${FUZZ_CASES:-10}"
cargo run --quiet -p flywheel-core --example extreme_links "$fuzz_cases" 1 >"target/extreme-links-$fuzz_cases-1.txt"

step "End-to-end tests (Playwright, release build on 127.0.0.1; Firefox ESR through geckodriver)"
# Test data made with the current link format.
mkdir -p target/e2e
cargo run -q -p flywheel-sim --example team_links -- 50 > target/e2e/team-links.txt
cargo run -q -p flywheel-sim --example history_link > target/e2e/history-link.txt
e2e_status=0
npx playwright test || e2e_status=$?
read -r p f < <(node -e '
  const s = require("./test-results/e2e.json").stats;
  console.log(s.expected + s.flaky, s.unexpected);')
passed=$((passed + p))
failed=$((failed + f))
exit "$e2e_status"
