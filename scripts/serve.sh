#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080/ (installing
# what building needs first; nothing the tests use). Pass --dev for a
# faster, unoptimised build.
set -euo pipefail
FLYWHEEL_SETUP=serve source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

mode="--release"
[ "${1:-}" = "--dev" ] && mode=""
echo "Serving Flywheel at http://127.0.0.1:8080/ (Ctrl-C to stop)"
exec trunk serve $mode
