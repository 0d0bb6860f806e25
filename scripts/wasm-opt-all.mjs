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
// Functions the code keeps out of line with `#[inline(never)]` because
// they run once per row of an import or once per simulated week: a
// browser compiles a function plainly at first and runs its optimised
// code from its next call, so a row's work inlined into the loop over
// 100,000 rows (or a week's into the loop over a year) would run plain
// throughout. Binaryen would inline them anyway (each has one caller).
// Matched by their mangled names; a pattern that matches nothing fails
// the build, so a renamed function cannot silently lose its place.
const OUT_OF_LINE = [
  "*6import3csv6Reader6record17h*",
  "*7exports8flywheel10deployment17h*",
  "*7exports8flywheel8incident17h*",
  "*7exports8analysis8deployed17h*",
  "*11monte_carlo8Lockstep7advance17h*",
];
const wildcard = (pattern) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\$]/g, "\\$&")).join(".*")}$`);
const outOfLine = OUT_OF_LINE.map((pattern) => [pattern, wildcard(pattern)]);
const matched = new Set();
const names = (module) =>
  Array.from({ length: module.getNumFunctions() }, (_, i) => binaryen.getFunctionInfo(module.getFunctionByIndex(i)).name);
for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(readFileSync(file));
  // The module's own target_features section (reference types for the
  // bindings' tables, and so on), as wasm-opt's command line reads it, and
  // the features the build enables.
  module.setFeatures(module.getFeatures() | features);
  const here = names(module);
  for (const [pattern, regex] of outOfLine) {
    if (!here.some((n) => regex.test(n))) continue;
    matched.add(pattern);
    binaryen.setPassArgument("no-inline", pattern);
    module.runPasses(["no-inline"]);
  }
  binaryen.clearPassArguments();
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
const unmatched = OUT_OF_LINE.filter((p) => !matched.has(p));
if (unmatched.length > 0 && process.argv.length > 2) {
  console.error(`wasm-opt-all: no function matches ${unmatched.join(", ")}: kept out of line by name, see OUT_OF_LINE`);
  process.exit(1);
}
