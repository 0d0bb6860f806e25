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

if [ -f "$work/pkg/__wasm_split.js" ]; then
  # The split loader fetches each chunk by its URL and instantiates what
  # arrives; this lets boot.js hand it a chunk from its screen's pack
  # instead, already compiled (a module rather than a response).
  { echo 'const fetch = (url) => globalThis.__flywheelChunk?.(url.pathname.split("/").pop()) ?? globalThis.fetch(url);'
    echo 'const WebAssembly = Object.create(globalThis.WebAssembly, { instantiateStreaming: { value: async (source, imports) => { const got = await source; return got instanceof globalThis.WebAssembly.Module ? { module: got, instance: await globalThis.WebAssembly.instantiate(got, imports) } : globalThis.WebAssembly.instantiateStreaming(got, imports); } } });'
    cat "$work/pkg/__wasm_split.js"; } > "$work/split.js"
  mv "$work/split.js" "$work/pkg/__wasm_split.js"
fi

hash="$(cat "$work"/pkg/* | sha256sum | cut -c1-16)"
parts="[]"
scripts='["flywheel.js"]'
if [ -f "$work/pkg/__wasm_split.js" ]; then
  parts="$(node scripts/pack-screens.mjs "$work/pkg")"
  scripts='["flywheel.js", "__wasm_split.js"]'
fi
mv "$work/pkg" "$out/$hash"
# Fetches the main module at once, and without the service worker the pack
# of the screen a link opens (see pack-screens.mjs) and, when the browser
# holds saved work, the pack of its reader. Each of a pack's chunks is
# compiled as soon as the pack arrives, while the main module is still
# compiling and starting, and handed to the split loader as it asks for
# it; then starts the app, and announces the
# instance's exports (tests read its memory size from them). Once the
# service worker serves this build's files from its cache, the loader
# fetches each chunk from there.
cat > target/boot.js <<JS
const dir = "./app/$hash/";
const url = (file) => new URL(dir + file, import.meta.url).href;
for (const file of $scripts) {
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = url(file);
  document.head.append(link);
}
const wasm = document.createElement("link");
wasm.rel = "preload";
wasm.as = "fetch";
wasm.crossOrigin = "anonymous";
wasm.href = url("flywheel_bg.wasm");
document.head.append(wasm);
// Baseline's own code is in the main module; its results are their own
// part, wanted at once. Saved work in this browser is read before the app
// mounts (src/storage.rs), so its reader's part is wanted at once too.
const route = location.hash.slice(1).split("?")[0].replace(/^\/?(baseline)?$/, "/results");
let holdsWork = false;
try {
  holdsWork = Object.keys(localStorage).some((k) => k === "flywheel.working" || k.startsWith("flywheel.aside."));
} catch {}
const wanted = $parts.filter((p) => "/" + p === route || (holdsWork && p === "saved"));
if (wanted.length > 0 && !navigator.serviceWorker?.controller) {
  // A chunk two packs share is compiled once, from the first to arrive.
  const started = new Set();
  const packs = wanted.map((part) => {
    const pack = fetch(url(part + ".pack"))
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.statusText))))
      .then((bytes) => {
        const length = new DataView(bytes).getUint32(0, true);
        const index = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, length)));
        const chunks = new Map();
        let offset = 4 + length;
        for (const [file, size] of index) {
          if (!started.has(file)) {
            started.add(file);
            const module = WebAssembly.compile(new Uint8Array(bytes, offset, size));
            module.catch(() => {});
            chunks.set(file, module);
          }
          offset += size;
        }
        return chunks;
      });
    pack.catch(() => {});
    return pack;
  });
  // Each chunk once, from the pack that compiled it; one in no pack, in
  // packs that did not arrive, or that did not compile, leaves the loader
  // to fetch it itself.
  const take = async (file) => {
    for (const pack of packs) {
      const chunks = await pack.catch(() => new Map());
      const module = chunks.get(file);
      if (module) {
        chunks.delete(file);
        return module;
      }
    }
    throw new Error(file);
  };
  globalThis.__flywheelChunk = (file) => take(file).catch(() => fetch(url(file)));
}
const app = await import(dir + "flywheel.js");
app.default().then((wasm) => dispatchEvent(new CustomEvent("flywheel-started", { detail: { wasm } })));
JS
rm -rf "$work"
