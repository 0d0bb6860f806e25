// Packs, for each part the split loader loads on demand (a screen, or a
// panel such as the importer), the WebAssembly files its code is in into
// one file, `<part>.pack`, and prints the parts' names as JSON for boot.js.
//
// A link that opens a screen directly, on a first visit, fetches that one
// pack alongside the main module, rather than the screen's dozens of small
// chunks one by one after it: over HTTP/1.1's few connections to a host
// those take far longer than their bytes. A pack is a little-endian u32,
// the length of its index; the index, JSON `[[file, length], ...]`; then
// the files back to back, in index order.
// Usage: node scripts/pack-screens.mjs <dir holding __wasm_split.js>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chunksOf, parts, readLoads } from "./split-loads.mjs";

const dir = process.argv[2];
const loads = readLoads(readFileSync(join(dir, "__wasm_split.js"), "utf8"));
for (const part of parts(loads)) {
  const files = [...chunksOf(loads, `__wasm_split_load_${part}`)].map((file) => [
    file,
    readFileSync(join(dir, file)),
  ]);
  const index = Buffer.from(JSON.stringify(files.map(([file, bytes]) => [file, bytes.length])));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  writeFileSync(join(dir, `${part}.pack`), Buffer.concat([length, index, ...files.map(([, bytes]) => bytes)]));
}
console.log(JSON.stringify(parts(loads).sort()));
