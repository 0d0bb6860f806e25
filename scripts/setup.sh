#!/usr/bin/env bash
# Installs whatever this project needs and is missing; quick when all is
# already there. Sourced by serve.sh and test.sh, so it also exports the
# environment Trunk needs to use the installed tools and never download one.
#
# `FLYWHEEL_SETUP=serve` (serve.sh) installs only what building and serving
# the site needs; the default also installs what the tests drive: Debian's
# Chromium and ChromeDriver, Firefox ESR with geckodriver, Prometheus's
# promtool, and the npm test packages.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

mode="${FLYWHEEL_SETUP:-test}"
trunk_version="0.21.14"
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
wasm_split_version="0.2.4"
geckodriver_version="0.37.1"

# Each step says how long the run has taken so far, so a slow stage shows.
step() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# Several shells may set up at once (parallel test runs): one installs, the
# others wait for it and then find everything there.
exec 9>"${TMPDIR:-/tmp}/flywheel-setup.lock"
flock 9

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
apt_updated=""
# Installs Debian packages, updating the package lists once per run.
apt_install() {
  if [ -z "$apt_updated" ]; then
    $sudo_cmd apt-get update
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  step "Installing Trunk $trunk_version (about 6 minutes on 2 cores)"
  # Trunk 0.22 needs a newer rustc; LTO off halves the build time.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked "trunk@$trunk_version"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  step "Installing wasm-bindgen-cli $wasm_bindgen_version (about 3 minutes)"
  # Not --locked: its lockfile wants a webpki-roots release the registry lacks.
  cargo install --force "wasm-bindgen-cli@$wasm_bindgen_version"
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$wasm_split_version:"; then
  step "Installing wasm-split-cli $wasm_split_version (code splitting; about 2 minutes)"
  cargo install --locked --features build-binary "wasm_split_cli_support@$wasm_split_version"
fi

if [ "$mode" = "serve" ]; then
  if [ ! -x node_modules/.bin/wasm-opt ]; then
    step "Installing binaryen's wasm-opt from npm"
    npm ci --no-audit --no-fund --omit=dev
  fi
  exec 9>&-
  return 0 2>/dev/null || exit 0
fi

missing=()
command -v chromium >/dev/null && command -v chromedriver >/dev/null || missing+=(chromium chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v promtool >/dev/null || missing+=(prometheus)
if [ "${#missing[@]}" -gt 0 ]; then
  step "Installing from Debian: ${missing[*]}"
  apt_install "${missing[@]}"
fi

if [ "$(geckodriver --version 2>/dev/null | head -n1 | cut -d' ' -f2)" != "$geckodriver_version" ]; then
  step "Installing geckodriver $geckodriver_version (Firefox's WebDriver; about 2 minutes)"
  cargo install --locked "geckodriver@$geckodriver_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
  || [ ! -d node_modules/@axe-core/playwright ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (Playwright, axe-core, binaryen's wasm-opt)"
  npm ci --no-audit --no-fund
fi

exec 9>&-
