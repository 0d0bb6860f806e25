#!/usr/bin/env bash
# Concatenates the stylesheets, in cascade order, into one file that the
# page loads: one request, and brotli compresses it about a quarter smaller
# than the same rules split across files. Run by Trunk before each build.
#
# Order: the shared layers first (tokens, base, layout, chart), every
# screen's own file after them in name order (each styles only its own
# area, so their order does not matter), print rules last. A stylesheet
# added to style/ is picked up without editing this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="target/style/flywheel.css"
mkdir -p "$(dirname "$out")"
first=(tokens base layout chart)
last=(print)
files=("${first[@]}")
for path in style/*.css; do
  name="$(basename "$path" .css)"
  case " ${first[*]} ${last[*]} " in
    *" $name "*) ;;
    *) files+=("$name") ;;
  esac
done
files+=("${last[@]}")
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
