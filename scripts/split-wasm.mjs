#!/usr/bin/env node
// Splits the app's wasm after Trunk has built it (docs/arch/0003): the first screen's module,
// the panels' module (src/app/deferred.rs) that the page fetches the first time a reader opens
// a check, the watch, the report or a paste, and the map's. Trunk cannot do this itself: the
// split must read the wasm as the linker wrote it, with its relocations (build.rs asks for
// them), and wasm-bindgen must then keep the exports the second module calls, which Trunk has
// no setting for. So this script takes the wasm Trunk's cargo build left in target/, splits it
// with wasm-split-cli (crates.io's wasm_split_cli_support, the splitter Leptos's own build
// uses; scripts/setup installs it), runs wasm-bindgen, gives the first module's imports short
// names, and its closures' exports too (short-imports.mjs), drops the classes no one makes (unused-classes.mjs), runs
// wasm-opt on both halves in release as Trunk would, and puts the results in place of Trunk's
// glue and wasm, under names that carry a hash of their content, with index.html naming them
// and their integrity. Trunk runs it after every build (Trunk.toml), before the glue is
// minified and the files precompressed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { shortenExports, shortenImports } from "./short-imports.mjs";
import { dropUnusedClasses } from "./unused-classes.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: split-wasm.mjs STAGING (or set TRUNK_STAGING_DIR)");
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, "target");
const linked = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "fix502.wasm");

const staged = (pattern) => {
  const name = readdirSync(dir).find((file) => pattern.test(file));
  if (!name) throw new Error(`no file matching ${pattern} in ${dir}`);
  return name;
};
const trunkGlue = staged(/^fix502-[0-9a-f]+\.js$/);
const trunkWasm = staged(/^fix502-[0-9a-f]+_bg\.wasm$/);
const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const hashed = (stem, ext, bytes) => `${stem}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${ext}`;
const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"] });

const work = mkdtempSync(join(tmpdir(), "fix502-split-"));
try {
  run("wasm-split-cli", ["--target", "web", "--out-name", "fix502", linked, join(work, "split")]);
  run("wasm-bindgen", [
    "--target=web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
    `--out-dir=${join(work, "bindgen")}`, "--out-name=fix502", join(work, "split", "fix502.wasm"),
  ]);
  const mainWasm = join(work, "bindgen", "fix502_bg.wasm");
  const mainGlue = join(work, "bindgen", "fix502.js");
  const imported = shortenImports(readFileSync(mainWasm), readFileSync(mainGlue, "utf8"), "./fix502_bg.js");
  const short = shortenExports(imported.wasm, imported.glue);
  writeFileSync(mainWasm, short.wasm);
  writeFileSync(mainGlue, dropUnusedClasses(mainWasm, short.glue, work));
  // One module per name of split point in src/app/deferred.rs (split_panels.wasm, …), and one
  // per piece of code that two of them share and the first screen does not (chunk_3.wasm, …),
  // which the loader fetches beside each.
  const modules = readdirSync(join(work, "split"))
    .filter((file) => /^(split_[a-z_]+|chunk_[0-9]+)\.wasm$/.test(file))
    .map((file) => ({ file, path: join(work, "split", file) }));
  if (!modules.length) throw new Error("wasm-split-cli found no split point: is the `split` feature on?");
  // wasm-opt as Trunk would, and two things more: the low 1 KB of memory is the far end of the
  // stack, which the linker puts below the data, so no pointer the code adds to lands there
  // (--low-memory-unused, which lets wasm-opt fold those additions into the loads' offsets);
  // and the sections that only name the compiler and its target's features go (300 bytes
  // brotli in all).
  const optimise = ["-Oz", "--converge", "--low-memory-unused", "-aimfs", "4", "--strip-target-features", "--strip-producers"];
  if (release) for (const file of [mainWasm, ...modules.map((module) => module.path)]) run("wasm-opt", [...optimise, file, "-o", file]);
  for (const module of modules) {
    module.bytes = readFileSync(module.path);
    const stem = module.file.replace(/^split_/, "").replace(/\.wasm$/, "").replaceAll("_", "-");
    module.name = hashed(`fix502-${stem}`, "wasm", module.bytes);
  }

  // The panels' stylesheet, which Trunk has hashed and linked from index.html: it leaves the
  // page, and the loader brings it with the panels' and the map's modules instead.
  const index = join(dir, "index.html");
  let html = readFileSync(index, "utf8");
  const styleLink = html.match(/<link[^>]*href="?\.\/(panels-[0-9a-f]+\.css)"?[^>]*>/);
  if (!styleLink) throw new Error("index.html does not link the panels' stylesheet (assets/panels.css)");
  const styleName = styleLink[1];
  html = html.replace(styleLink[0], "");
  const loaderText = withStylesheet(readFileSync(join(work, "split", "__wasm_split.js"), "utf8"), styleName, integrity(readFileSync(join(dir, styleName))));
  const glueText = readFileSync(mainGlue, "utf8");
  const wasm = readFileSync(mainWasm);
  // The glue and the loader import each other, so neither can be named by its own content:
  // both are named by a hash of everything the first screen's module is made of, which changes
  // whenever any of it does, as a name that is cached for a year must.
  const hash = createHash("sha256").update(wasm).update(glueText).update(loaderText);
  for (const module of modules) hash.update(module.bytes);
  const build = hash.digest("hex").slice(0, 16);
  const [glueName, loaderName] = [`fix502-${build}.js`, `fix502-split-${build}.js`];
  const loader = rewrite(loaderText, {
    'from "./fix502.js"': `from "./${glueName}"`,
    ...Object.fromEntries(modules.map((module) => [`new URL("./${module.file}"`, `new URL("./${module.name}"`])),
  });
  // Only the import: the wasm's imports keep the module name the splitter wrote. Trunk starts
  // the app from an inline module script, which a Content-Security-Policy without
  // 'unsafe-inline' blocks: the glue starts it instead, in its last line, and index.html runs
  // the glue as its module script, so the start needs no file or request of its own.
  if (!glueText.includes("async function __wbg_init(")) throw new Error("the glue has no __wbg_init");
  const glue = `${rewrite(glueText, { 'from "./__wasm_split.js"': `from "./${loaderName}"` })}
await __wbg_init({ module_or_path: "./fix502-${build}_bg.wasm" });
`;

  for (const [name, bytes] of [[trunkGlue, glue], [trunkWasm, wasm]]) {
    const before = integrity(readFileSync(join(dir, name)));
    if (!html.includes(before)) throw new Error(`index.html does not name ${name} by its integrity hash`);
    html = html.replaceAll(before, integrity(bytes));
    rmSync(join(dir, name));
  }
  // Trunk's names for the glue and the wasm differ only in their ends.
  html = html.replaceAll(trunkGlue.replace(/\.js$/, ""), `fix502-${build}`);
  // The glue is the page's module script, so Trunk's preload of it has nothing left to do; the
  // glue imports the loader, which the browser would find only once the glue is in: a preload
  // of the loader in its place saves that round trip.
  const preload = `<link rel=modulepreload href=./${loaderName} crossorigin integrity=${integrity(loader)}>`;
  const gluePreload = /<link[^>]*rel="?modulepreload[^>]*>/;
  if (!gluePreload.test(html)) throw new Error("index.html has no modulepreload link for the glue");
  html = html.replace(gluePreload, preload);
  const inline = /<script type="?module"?>[\s\S]*?<\/script>/;
  if (!inline.test(html)) throw new Error("index.html has no inline module script from Trunk");
  html = html.replace(inline, `<script type=module src=./${glueName} crossorigin integrity=${integrity(glue)}></script>`);
  writeFileSync(index, html);
  writeFileSync(join(dir, glueName), glue);
  writeFileSync(join(dir, `fix502-${build}_bg.wasm`), wasm);
  writeFileSync(join(dir, loaderName), loader);
  for (const module of modules) writeFileSync(join(dir, module.name), module.bytes);
  const split = modules.map((module) => `${module.name} ${module.bytes.length} bytes`).join(", ");
  console.log(`split: fix502-${build}_bg.wasm ${wasm.length} bytes; ${split}; loaded by ${loaderName}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The loader `text`, whose panels' and map's modules also wait for the stylesheet `name`,
 * which it adds to the page once, checked against `integrity`; a stylesheet that cannot load
 * fails the module's load as a failed fetch does, and the next load tries again. */
function withStylesheet(text, name, integrity) {
  const style = `
/* The panels' stylesheet (assets/panels.css), added by scripts/split-wasm.mjs. */
let panelsStyle;
const __panels_style = () => (panelsStyle ??= new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("./${name}", import.meta.url).href;
    link.integrity = "${integrity}";
    link.onload = () => resolve();
    link.onerror = () => {
        link.remove();
        panelsStyle = undefined;
        reject(new Error("the panels' stylesheet did not load"));
    };
    document.head.append(link);
}));
`;
  let waiting = 0;
  const loads = /(export const __wasm_split_load_(?:panels|map) = wrapAsyncCb\(makeLoad\([\s\S]*?\n, \[)([^\]]*)(\]\)\);)/g;
  text = text.replace(loads, (_, head, deps, end) => {
    waiting += 1;
    return `${head}${deps ? `${deps}, ` : ""}__panels_style${end}`;
  });
  if (waiting !== 2) throw new Error(`expected the panels' and the map's loads in the loader, found ${waiting}`);
  return text.replace(/(\nexport const __wasm_split_load_)/, `${style}$1`);
}

/** `text` with each key of `names` (which must occur) replaced by its value. */
function rewrite(text, names) {
  for (const [from, to] of Object.entries(names)) {
    if (!text.includes(from)) throw new Error(`expected ${from}`);
    text = text.replaceAll(from, to);
  }
  return text;
}
