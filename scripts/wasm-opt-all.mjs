// Optimises every WebAssembly module of a build for size, in one process:
// binaryen's `wasm-opt -Oz` passes (optimize level 2, shrink level 2), with
// the features the app is built with. A split build has over a hundred
// small modules, and starting binaryen once rather than once per module
// takes minutes off a build on two cores.
// Usage: node scripts/wasm-opt-all.mjs <file.wasm>...
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
const F = binaryen.Features;
const features =
  F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.SIMD128;
for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(readFileSync(file));
  // The module's own target_features section (reference types for the
  // bindings' tables, and so on), as wasm-opt's command line reads it, and
  // the features the build enables.
  module.setFeatures(module.getFeatures() | features);
  // A second round finds what the first one's inlining and merging
  // opened up (about 0.1% more, as wasm-opt's --converge would).
  module.optimize();
  module.optimize();
  if (!module.validate()) {
    console.error(`${file}: not valid after optimisation`);
    process.exit(1);
  }
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
