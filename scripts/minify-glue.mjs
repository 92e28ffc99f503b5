#!/usr/bin/env node
// Minifies the app's JS glue (wasm-bindgen's fix502-<hash>.js), the loader of the split
// modules (fix502-split-<hash>.js, scripts/split-wasm.mjs) and the page's script
// (boot-<hash>.js) in the build's staging folder, and puts their new integrity hashes into
// index.html, which names them as they were written. Trunk's own minifier cannot parse the
// glue and never sees the loader: the glue would ship at 8.4 KB Brotli, 6.6 KB once minified
// with terser (npm, pinned in package.json), the loader at 1,080 bytes, 670 minified. Trunk
// runs this after every build (Trunk.toml), before fix502-content precompresses the files.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: minify-glue.mjs DIST (or set TRUNK_STAGING_DIR)");
const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const index = join(dir, "index.html");
let html = readFileSync(index, "utf8");

// The glue and the loader are modules; the page's script (assets/boot.js) is a classic script,
// which Trunk copies as written (data-no-minify) because terser makes it smaller than Trunk's
// minifier does (1,870 bytes brotli against 1,990).
const scripts = [
  { pattern: /^fix502-[0-9a-f]+\.js$/, module: true },
  { pattern: /^fix502-split-[0-9a-f]+\.js$/, module: true },
  { pattern: /^boot-[0-9a-f]+\.js$/, module: false },
];
for (const { pattern, module } of scripts) {
  const name = readdirSync(dir).find((file) => pattern.test(file));
  if (!name) throw new Error(`no file matching ${pattern} in ${dir}`);
  const path = join(dir, name);
  const original = readFileSync(path, "utf8");
  const { code } = await minify(original, { module, compress: true, mangle: true });
  if (!html.includes(integrity(original))) throw new Error(`index.html does not name ${name} by its integrity hash`);
  writeFileSync(path, code);
  html = html.replaceAll(integrity(original), integrity(code));
  console.log(`${name}: ${original.length} -> ${code.length} bytes`);
}
writeFileSync(index, html);
