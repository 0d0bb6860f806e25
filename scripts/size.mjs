// Reports the release bundle's size (raw, gzip, brotli) per file and fails
// when the first load goes past the brotli budget.
//
// The app is code-split (scripts/build-wasm.sh): the first load is the page,
// its stylesheet, boot.js and the main module, which shows the landing
// screen. Every other part (a screen, a panel such as the importer, or the
// reader of saved work, fetched before the app mounts when there is any) is
// fetched with the shared chunks it depends on, as named in the generated
// __wasm_split.js, the first time it is shown; those totals are reported
// too, with a warning when one passes the budget, and what a link that
// opens the part directly fetches on a first visit: the first load and the
// part's pack (see pack-screens.mjs).
// Usage: node scripts/size.mjs [dist-dir] [budget-bytes]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, basename, dirname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { chunksOf, readLoads } from "./split-loads.mjs";

const dist = process.argv[2] ?? "dist";
// Today's first load is 185,288 B (saved work's reader became its own
// part, `saved`, 228.4 → 183.7 KB; the way from Teams into Compare and
// the kept set's own message added 0.6 KB; reading a chosen file as a
// stream, 0.4 KB of bindings, and the service worker's registration once
// the first visit has settled, 0.4 KB; compiling a pack's chunks as it
// arrives, and registering at once on a page the worker serves, 0.4 KB);
// the budget leaves 0.6 KB for builds whose embedded source paths differ
// (another cargo home).
const budget = Number(process.argv[3] ?? 185_862);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

const sizes = new Map();
for (const path of files.sort()) {
  const data = readFileSync(path);
  sizes.set(relative(dist, path), {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  });
}

const fmt = (n) => n.toLocaleString("en-US").padStart(10);
console.log(`${"file".padEnd(44)}  raw bytes       gzip     brotli`);
for (const [name, s] of sizes) {
  console.log(`${name.padEnd(44)} ${fmt(s.raw)} ${fmt(s.gzip)} ${fmt(s.brotli)}`);
}

const loaderPath = [...sizes.keys()].find((name) => basename(name) === "__wasm_split.js");
if (!loaderPath) {
  console.error("No __wasm_split.js in the build: was it built by scripts/build-wasm.sh in release mode?");
  process.exit(1);
}
const pkg = dirname(loaderPath);
const loads = readLoads(readFileSync(join(dist, loaderPath), "utf8"));
const screens = [...loads.keys()].filter((name) => name.startsWith("__wasm_split_load_"));
if (screens.length === 0) {
  console.error("__wasm_split.js names no screen loaders: the build was not split.");
  process.exit(1);
}

const lazy = new Set([...loads.values()].map((l) => join(pkg, l.wasm)));
// A screen's pack holds the same chunks, fetched instead of them when a
// link opens that screen on a first visit (see pack-screens.mjs).
const landing = [...sizes.keys()].filter(
  (name) => !lazy.has(name) && !name.endsWith(".svg") && !name.endsWith(".pack"),
);
const total = (names) => names.reduce((sum, name) => sum + sizes.get(name).brotli, 0);

const line = (label, br, note = "") =>
  console.log(`${label.padEnd(44)} ${fmt(br)} brotli${note}`);
const first = total(landing);
console.log("");
line(`first load (budget ${budget.toLocaleString("en-US")})`, first, first > budget ? "  OVER BUDGET" : "");
for (const screen of screens.sort()) {
  const chunks = [...chunksOf(loads, screen)].map((wasm) => join(pkg, wasm));
  const br = first + total(chunks);
  const part = screen.replace("__wasm_split_load_", "");
  line(`  with ${part} and its chunks`, br, br > budget ? "  (above the first-load budget)" : "");
  const pack = join(pkg, `${part}.pack`);
  if (sizes.has(pack)) line(`    opened from a link (with its pack)`, first + sizes.get(pack).brotli);
}
if (first > budget) {
  console.error("First load over budget.");
  process.exit(1);
}
