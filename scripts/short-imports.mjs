// Gives the functions a wasm module imports from its wasm-bindgen glue short names, in both,
// and the closures' entry points it exports to the glue too (shortenExports, below).
// wasm-bindgen names each import after its binding with a 16-digit hash appended
// (`__wbg_observe_0bd2cd721b4e32da`), and both the wasm's import section and the glue's import
// object spell every name out: some 200 random hashes, twice, which Brotli cannot shrink. Short
// names (`_0`, `_1`, … `_5r`) cut the first screen by about 4,800 bytes Brotli (2,800 of wasm,
// 2,000 of glue). Binaryen's own `--minify-imports` only renames imports from `env`, and its
// variant that renames modules renames the exports too, which the glue and the split loader
// call by name; so this edits the import section itself, which the wasm format keeps simple: a
// count, then per import a module name, a field name and a description copied as it is.
// Used by split-wasm.mjs between wasm-bindgen and wasm-opt.

/**
 * `wasm` and `glue` with every import of `module` renamed, in the wasm's import section and in
 * the glue's import object, whose keys must each occur once in the glue and nowhere else.
 * The module itself is renamed `a`.
 */
export function shortenImports(wasm, glue, module) {
  const renamed = new Map();
  const shortName = (field) => {
    if (!renamed.has(field)) renamed.set(field, `_${renamed.size.toString(36)}`);
    return renamed.get(field);
  };
  const renamedWasm = withSection(wasm, IMPORT_SECTION, (reader) => renameIn(reader, module, shortName));
  if (!renamed.size) throw new Error(`the wasm imports nothing from ${module}`);
  for (const [from, to] of renamed) glue = replaceOnce(glue, `${from}:`, `${to}:`, from);
  glue = replaceOnce(glue, `"${module}": `, `"a": `, `"${module}"`);
  return { wasm: renamedWasm, glue, count: renamed.size };
}

/** `wasm` with the body of its section `id` replaced by what `rewrite` makes of it (given a
 * reader of the body), and every other section as it is. */
function withSection(wasm, id, rewrite) {
  const sections = [wasm.subarray(0, 8)];
  const reader = new Reader(wasm, 8);
  while (!reader.done()) {
    const start = reader.at;
    const found = reader.byte();
    const end = reader.uleb() + reader.at;
    const body = wasm.subarray(reader.at, end);
    sections.push(found === id ? section(id, rewrite(new Reader(body, 0))) : wasm.subarray(start, end));
    reader.at = end;
  }
  return Buffer.concat(sections);
}

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

/**
 * `wasm` and `glue` with the closures' entry points that the wasm exports to the glue renamed
 * `$0`, `$1`, … in both. wasm-bindgen exports each under its mangled Rust symbol
 * (`_RINvNvNtNtCs…closures…invoke…`, 100 to 160 characters), which the glue then spells out
 * again: 540 bytes Brotli of the first screen. Only those names change; the glue and the split
 * loader call the others by name.
 */
export function shortenExports(wasm, glue) {
  const renamed = new Map();
  const renamedWasm = withSection(wasm, EXPORT_SECTION, (exports) => {
    const count = exports.uleb();
    const out = [uleb(count)];
    for (let i = 0; i < count; i++) {
      let name = exports.string();
      const kind = exports.byte();
      const index = exports.uleb();
      if (name.startsWith("_RIN")) {
        renamed.set(name, `$${renamed.size.toString(36)}`);
        name = renamed.get(name);
      }
      out.push(string(name), Buffer.from([kind]), uleb(index));
    }
    if (!exports.done()) throw new Error("the export section has bytes after its last export");
    return Buffer.concat(out);
  });
  // Whole names only: one mangled name can begin another.
  for (const [from, to] of renamed) {
    const whole = new RegExp(`(?<![\\w$])${from.replaceAll("$", "\\$")}(?![\\w$])`, "g");
    if (!whole.test(glue)) throw new Error(`the glue never calls the export ${from}`);
    glue = glue.replace(whole, to);
  }
  return { wasm: renamedWasm, glue, count: renamed.size };
}

/** The import section read by `reader`, with the field names of `module`'s imports renamed. */
function renameIn(reader, module, shortName) {
  const count = reader.uleb();
  const out = [uleb(count)];
  for (let i = 0; i < count; i++) {
    const from = reader.string();
    const field = reader.string();
    const descriptor = reader.at;
    reader.skipImportDescriptor();
    out.push(string(from === module ? "a" : from), string(from === module ? shortName(field) : field));
    out.push(reader.bytes.subarray(descriptor, reader.at));
  }
  if (!reader.done()) throw new Error("the import section has bytes after its last import");
  return Buffer.concat(out);
}

/** `text` with `from` replaced by `to`, where `name` occurs there exactly once, in `from`. */
function replaceOnce(text, from, to, name) {
  const seen = text.split(name).length - 1;
  if (seen !== 1 || !text.includes(from)) throw new Error(`the glue names ${name} ${seen} times, expected once as ${from}`);
  return text.replace(from, to);
}

/** Reads the wasm binary format's integers, names and import descriptions. */
export class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }
  done() {
    return this.at >= this.bytes.length;
  }
  byte() {
    if (this.done()) throw new Error("the wasm ends too soon");
    return this.bytes[this.at++];
  }
  uleb() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  }
  string() {
    const length = this.uleb();
    const text = this.bytes.subarray(this.at, this.at + length).toString("utf8");
    this.at += length;
    return text;
  }
  limits() {
    const flags = this.byte();
    this.uleb();
    if (flags & 1) this.uleb();
  }
  skipImportDescriptor() {
    const kind = this.byte();
    if (kind === 0) this.uleb(); // a function: its type's index
    else if (kind === 1) (this.byte(), this.limits()); // a table: its element type and limits
    else if (kind === 2) this.limits(); // a memory
    else if (kind === 3) (this.byte(), this.byte()); // a global: its type and mutability
    else if (kind === 4) (this.byte(), this.uleb()); // a tag: its attribute and type's index
    else throw new Error(`unknown import kind ${kind}`);
  }
}

function uleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function string(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([uleb(bytes.length), bytes]);
}

function section(id, body) {
  return Buffer.concat([Buffer.from([id]), uleb(body.length), body]);
}
