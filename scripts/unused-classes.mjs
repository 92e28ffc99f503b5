// Takes out of the first screen's module the classes wasm-bindgen writes for Rust structs that
// JavaScript could hold, when this app never hands one to JavaScript. Leptos always brings
// server_fn with its `browser` feature, and server_fn brings wasm-streams, whose
// IntoUnderlyingSource, IntoUnderlyingByteSource and IntoUnderlyingSink (for streaming a
// server function's body) are #[wasm_bindgen] structs: their methods are exports of the wasm and
// classes in the glue, so no optimiser may drop them, though a client-rendered app with no
// server functions never makes one. Nothing on the page imports a class (it imports the glue's
// `init` only) and no import of the wasm makes one, so the classes go from the glue, their
// methods from the wasm's exports (Binaryen's wasm-metadce, which then drops the code only they
// reached), and wasm-opt after it takes the rest: 730 bytes Brotli of the first screen (420 of
// wasm, 310 of glue).
// Used by split-wasm.mjs between wasm-bindgen and wasm-opt.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Reader } from "./short-imports.mjs";

/**
 * `glue` without its exported classes, and the wasm at `wasmPath` (rewritten in place) without
 * the exports only they call. Fails if the rest of the glue makes or calls one of them.
 */
export function dropUnusedClasses(wasmPath, glue, work) {
  const dropped = new Set();
  for (const [, name] of glue.matchAll(/^export class (\w+) \{$/gm)) {
    // The class, up to the line after it that makes `free` its disposer, and its finaliser.
    const pieces = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, "m"),
      new RegExp(`^const ${name}Finalization = [\\s\\S]*?;\\n`, "m"),
    ];
    for (const piece of pieces) {
      const found = glue.match(piece);
      if (!found) throw new Error(`the glue's class ${name} is not laid out as expected (${piece})`);
      for (const [, exported] of found[0].matchAll(/\bwasm\.(\w+)/g)) dropped.add(exported);
      glue = glue.replace(piece, "");
    }
    if (new RegExp(`\\b${name}\\b`).test(glue)) throw new Error(`the glue still uses the class ${name}`);
  }
  if (!dropped.size) return glue;
  for (const name of dropped) {
    if (new RegExp(`\\bwasm\\.${name}\\b`).test(glue)) throw new Error(`the glue still calls ${name}`);
  }
  // Every other export stays a root: the glue, the split modules and the loader call them.
  const kept = exportsOf(readFileSync(wasmPath)).filter((name) => !dropped.has(name));
  const graph = [
    { name: "page", root: true, reaches: kept.map((_, i) => `kept${i}`) },
    ...kept.map((name, i) => ({ name: `kept${i}`, export: name })),
    ...[...dropped].map((name, i) => ({ name: `dropped${i}`, export: name })),
  ];
  const graphFile = join(work, "exports-graph.json");
  writeFileSync(graphFile, JSON.stringify(graph));
  execFileSync("wasm-metadce", [wasmPath, "--graph-file", graphFile, "-o", wasmPath], { stdio: ["ignore", "ignore", "inherit"] });
  const left = exportsOf(readFileSync(wasmPath));
  for (const name of kept) if (!left.includes(name)) throw new Error(`wasm-metadce dropped the export ${name}`);
  for (const name of dropped) if (left.includes(name)) throw new Error(`wasm-metadce kept the export ${name}`);
  return glue;
}

const EXPORT_SECTION = 7;

/** The names of a wasm module's exports. */
function exportsOf(wasm) {
  const reader = new Reader(wasm, 8);
  while (!reader.done()) {
    const id = reader.byte();
    const end = reader.uleb() + reader.at;
    if (id === EXPORT_SECTION) {
      const names = [];
      for (let count = reader.uleb(); count > 0; count--) {
        names.push(reader.string());
        reader.byte(); // what it exports: a function, a table, a memory, a global or a tag
        reader.uleb(); // its index
      }
      return names;
    }
    reader.at = end;
  }
  return [];
}
