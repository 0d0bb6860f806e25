#!/usr/bin/env bash
# Concatenates the stylesheets, in cascade order, into one file that the
# page loads: one request, and brotli compresses it about a quarter smaller
# than the same rules split across files. Run by Trunk before each build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="target/style/flywheel.css"
mkdir -p "$(dirname "$out")"
files=(tokens base layout share baseline import goals simulate budget report compare workshop print)
tmp="$(mktemp)"
for name in "${files[@]}"; do
  cat "style/$name.css" >> "$tmp"
done
# Only replace the bundle when it changed, so a watching `trunk serve` does
# not see a new file on every build.
if ! cmp -s "$tmp" "$out" 2>/dev/null; then
  mv "$tmp" "$out"
else
  rm -f "$tmp"
fi
