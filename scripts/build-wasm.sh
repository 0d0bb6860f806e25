#!/usr/bin/env bash
# Builds the app's WebAssembly and its JavaScript glue into target/app/, which
# index.html copies into the site. Run by Trunk before each build.
#
# Release builds are code-split: cargo links with relocations kept, then
# wasm-split-cli cuts every `#[wasm_split]` screen (see src/ui/mod.rs) into a
# chunk the page fetches on first visit, so the first load stays within its
# budget. Trunk's own Rust pipeline cannot split (trunk-rs/trunk#1022), so
# this script runs cargo, wasm-split-cli, wasm-bindgen and wasm-opt itself.
# The files go into a directory named by a hash of their contents, so a
# browser never mixes a cached chunk with a newer main module.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target=wasm32-unknown-unknown
cargo_out="${CARGO_TARGET_DIR:-target}/$target"
work="target/app-build"
out="target/app"
rm -rf "$work" "$out"
mkdir -p "$work/pkg" "$out"

if [ "${TRUNK_PROFILE:-release}" = "release" ]; then
  # The flags live in .cargo/config.toml alone; cargo appends this array
  # to them (RUSTFLAGS would replace them).
  cargo build --release --target "$target" --bin flywheel --features split \
    --config 'target.wasm32-unknown-unknown.rustflags = ["-C", "link-arg=--emit-relocs"]'
  wasm-split-cli "$cargo_out/release/flywheel.wasm" "$work/pkg" --out-name flywheel --target web
  wasm-bindgen --target web --keep-lld-exports --no-typescript \
    --out-dir "$work/pkg" --out-name flywheel "$work/pkg/flywheel.wasm"
  rm "$work/pkg/flywheel.wasm"
  # wasm-opt -Oz over every module, binaryen started once for them all.
  node scripts/wasm-opt-all.mjs "$work"/pkg/*.wasm
else
  cargo build --target "$target" --bin flywheel
  wasm-bindgen --target web --no-typescript \
    --out-dir "$work/pkg" --out-name flywheel "$cargo_out/debug/flywheel.wasm"
fi

hash="$(cat "$work"/pkg/* | sha256sum | cut -c1-16)"
preload="{}"
[ -f "$work/pkg/__wasm_split.js" ] && preload="$(node scripts/preload-map.mjs "$work/pkg")"
mv "$work/pkg" "$out/$hash"
# Fetches the code of the screen a link opens alongside the main module
# (as the split loader will ask for it), starts the app, then announces the
# instance's exports (tests read its memory size from them).
cat > target/boot.js <<JS
const dir = "./app/$hash/";
const screens = $preload;
const route = location.hash.slice(1).split("?")[0];
for (const file of screens[route] ?? []) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = new URL(dir + file, import.meta.url).href;
  document.head.append(link);
}
const app = await import(dir + "flywheel.js");
app.default().then((wasm) => dispatchEvent(new CustomEvent("flywheel-started", { detail: { wasm } })));
JS
rm -rf "$work"
