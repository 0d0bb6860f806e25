// Prints, as JSON, the WebAssembly files each screen's code is in, keyed by
// the screen's route ("/simulate": ["split_simulate.wasm", "chunk_3.wasm"]),
// for boot.js: a link that opens a screen directly fetches that screen's
// files alongside the main module rather than after it.
// Usage: node scripts/preload-map.mjs <dir holding __wasm_split.js>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chunksOf, parts, readLoads } from "./split-loads.mjs";

const loads = readLoads(readFileSync(join(process.argv[2], "__wasm_split.js"), "utf8"));
const map = {};
for (const part of parts(loads)) {
  map[`/${part}`] = [...chunksOf(loads, `__wasm_split_load_${part}`)];
}
// The landing screen's own code is in the main module; its results are
// their own part, wanted at once.
if (map["/results"]) {
  for (const route of ["", "/", "/baseline"]) map[route] = map["/results"];
}
console.log(JSON.stringify(map));
