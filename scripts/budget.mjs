#!/usr/bin/env node
// The initial-load budget: what the first screen needs (index.html with its inlined CSS, the JS
// glue and the wasm) must stay under BUDGET bytes brotli-compressed in the release build.
// Guidance bodies in content/ are fetched later and are not counted. Run after
// `trunk build --release`; prints raw, gzip and brotli sizes per file and the total.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const BUDGET = 150_000;
const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
// Shipped beside the app for help desks that embed it (assets/embed.js and its demo page); the
// first screen never loads them, so they are not part of its budget.
const NOT_FIRST_SCREEN = new Set(["embed.js", "embed-demo.html"]);

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Sizes of every file the first screen loads, and their total. */
export function measure(dist = DIST) {
  const files = readdirSync(dist)
    .filter((name) => /\.(html|js|css|wasm)$/.test(name) && !NOT_FIRST_SCREEN.has(name) && statSync(join(dist, name)).isFile())
    .sort()
    .map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of ["raw", "gzip", "brotli"]) total[key] += file[key];
  return { files, total };
}

/** The decision tree (content/tree.txt), which the app fetches beside the wasm instead of
 * carrying it, so that the budget does not grow with the number of nodes. */
export function fetchedTree(dist = DIST) {
  const text = readFileSync(join(dist, "content/tree.txt"));
  const lines = text.toString().split("\n");
  const ids = lines.filter((line) => line.startsWith("N\t")).map((line) => line.split("\t")[1]);
  return { ids, nodes: ids.length, ...sizes(text) };
}

export function report({ files, total }, tree) {
  const row = (cells) => cells.map((cell, i) => (i ? String(cell).padStart(9) : cell.padEnd(36))).join("");
  const lines = [row(["file", "raw", "gzip", "brotli"])];
  for (const file of [...files, total]) lines.push(row([file.name, file.raw, file.gzip, file.brotli]));
  lines.push(`budget: ${total.brotli} of ${BUDGET} bytes brotli (${((100 * total.brotli) / BUDGET).toFixed(1)}%)`);
  if (tree) {
    lines.push(`not counted, fetched beside it: the tree (content/tree.txt), ${tree.nodes} nodes, ` +
      `${tree.raw} bytes raw, ${tree.brotli} brotli`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measured = measure();
  console.log(report(measured, fetchedTree()));
  process.exit(measured.total.brotli <= BUDGET ? 0 : 1);
}
