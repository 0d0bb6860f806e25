// Reads the split loader wasm-split-cli writes (__wasm_split.js): which
// WebAssembly file each lazily loaded part fetches, and the shared chunks
// it waits for. Used by size.mjs (what each screen adds to the first load)
// and by build-wasm.sh (which files to fetch early when a link opens a
// screen directly).
//
// The loader declares, for example:
//   const __chunk_3 = makeLoad(() => { ... "./chunk_3.wasm" ... }, []);
//   export const __wasm_split_load_goals = wrapAsyncCb(makeLoad(() => { ... "./split_goals.wasm" ... }, [__chunk_3]));

const decl = /(?:export )?const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)"[\s\S]*?\n, \[([\w, ]*)\]\)/g;

/** Every load the loader declares: name → { wasm, deps }. */
export function readLoads(loader) {
  const loads = new Map();
  for (const [, name, wasm, deps] of loader.matchAll(decl)) {
    loads.set(name, { wasm, deps: deps.split(",").map((d) => d.trim()).filter(Boolean) });
  }
  return loads;
}

/** The WebAssembly files load `name` fetches, its own and its chunks'. */
export function chunksOf(loads, name, seen = new Set()) {
  const load = loads.get(name);
  if (!load || seen.has(load.wasm)) return seen;
  seen.add(load.wasm);
  for (const dep of load.deps) chunksOf(loads, dep, seen);
  return seen;
}

/** The parts a screen or panel loads on demand, by their split name. */
export function parts(loads) {
  return [...loads.keys()]
    .filter((name) => name.startsWith("__wasm_split_load_"))
    .map((name) => name.replace("__wasm_split_load_", ""));
}
