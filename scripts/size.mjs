// Reports the release bundle's size (raw, gzip, brotli) per file type and
// fails when the first load goes past the brotli budget.
// Usage: node scripts/size.mjs [dist-dir] [budget-bytes]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const budget = Number(process.argv[3] ?? 250 * 1000);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

// The first load is everything the page fetches before it is usable: the
// HTML, the app's JavaScript and WebAssembly, and its stylesheets.
const firstLoad = new Set([".html", ".js", ".wasm", ".css"]);
const totals = new Map();
let raw = 0, gz = 0, br = 0;
for (const path of files.sort()) {
  const kind = extname(path);
  if (!firstLoad.has(kind)) continue;
  const data = readFileSync(path);
  const sizes = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
  const t = totals.get(kind) ?? { raw: 0, gzip: 0, brotli: 0 };
  t.raw += sizes.raw; t.gzip += sizes.gzip; t.brotli += sizes.brotli;
  totals.set(kind, t);
  raw += sizes.raw; gz += sizes.gzip; br += sizes.brotli;
}

const fmt = (n) => n.toLocaleString("en-US").padStart(10);
console.log("type        raw bytes       gzip     brotli");
for (const [kind, t] of [...totals].sort()) {
  console.log(`${kind.padEnd(6)} ${fmt(t.raw)} ${fmt(t.gzip)} ${fmt(t.brotli)}`);
}
console.log(`total  ${fmt(raw)} ${fmt(gz)} ${fmt(br)}`);
console.log(`budget ${fmt(budget)} brotli for the first load`);
if (br > budget) {
  console.error(`Bundle over budget: ${br} B brotli > ${budget} B.`);
  process.exit(1);
}
