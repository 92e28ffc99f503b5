#!/usr/bin/env node
// Minifies the app's JS glue (wasm-bindgen's fix502-<hash>.js) in the build's staging folder
// and puts its new integrity hash into index.html, which Trunk wrote for the file as it was.
// Trunk's own minifier cannot parse this file, so it ships as written: 8.4 KB Brotli, 6.6 KB
// once minified with terser (npm, pinned in package.json). Trunk runs this after every build
// (Trunk.toml), before fix502-content precompresses the files.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: minify-glue.mjs DIST (or set TRUNK_STAGING_DIR)");
const glue = readdirSync(dir).find((name) => /^fix502-[0-9a-f]+\.js$/.test(name));
if (!glue) throw new Error(`no fix502-<hash>.js in ${dir}`);
const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

const path = join(dir, glue);
const original = readFileSync(path, "utf8");
const { code } = await minify(original, { module: true, compress: true, mangle: true });
const index = join(dir, "index.html");
const html = readFileSync(index, "utf8");
if (!html.includes(integrity(original))) throw new Error(`index.html does not name ${glue} by its integrity hash`);
writeFileSync(path, code);
writeFileSync(index, html.replaceAll(integrity(original), integrity(code)));
console.log(`${glue}: ${original.length} -> ${code.length} bytes`);
