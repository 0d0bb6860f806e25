#!/usr/bin/env bash
# Installs whatever this project needs and is missing; quick when all is
# already there. Sourced by serve.sh and test.sh, so it also exports the
# environment Trunk needs to use the installed tools and never download one.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

trunk_version="0.21.14"
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"

step() { printf '\n==> %s\n' "$*"; }

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

wasm_split_version="0.2.4"
if ! cargo install --list | grep -qx "wasm_split_cli_support v$wasm_split_version:"; then
  step "Installing wasm-split-cli $wasm_split_version (code splitting; about 2 minutes)"
  cargo install --locked --features build-binary "wasm_split_cli_support@$wasm_split_version"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "Installing Chromium and ChromeDriver from Debian"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends chromium chromium-driver
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (Playwright, binaryen's wasm-opt)"
  npm ci --no-audit --no-fund
fi
