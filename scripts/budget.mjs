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
const DIST = join(ROOT, "dist");

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Sizes of every file the first screen loads, and their total. */
export function measure(dist = DIST) {
  const files = readdirSync(dist)
    .filter((name) => /\.(html|js|css|wasm)$/.test(name) && statSync(join(dist, name)).isFile())
    .sort()
    .map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of ["raw", "gzip", "brotli"]) total[key] += file[key];
  return { files, total };
}

/** The decision tree embedded in the wasm (the part of it that grows with the content). */
export function embeddedTree() {
  const build = join(ROOT, "target/wasm32-unknown-unknown/release/build");
  const outs = readdirSync(build)
    .filter((dir) => dir.startsWith("fix502-"))
    .map((dir) => join(build, dir, "out/tree.txt"))
    .filter((file) => { try { return statSync(file).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!outs.length) return null;
  const text = readFileSync(outs[0]);
  const nodes = text.toString().split("\n").filter((line) => line.startsWith("N\t")).length;
  return { nodes, ...sizes(text) };
}

export function report({ files, total }, tree) {
  const row = (cells) => cells.map((cell, i) => (i ? String(cell).padStart(9) : cell.padEnd(36))).join("");
  const lines = [row(["file", "raw", "gzip", "brotli"])];
  for (const file of [...files, total]) lines.push(row([file.name, file.raw, file.gzip, file.brotli]));
  lines.push(`budget: ${total.brotli} of ${BUDGET} bytes brotli (${((100 * total.brotli) / BUDGET).toFixed(1)}%)`);
  if (tree) {
    lines.push(`of which the embedded tree: ${tree.nodes} nodes, ${tree.raw} bytes raw, ` +
      `${tree.brotli} brotli alone (about ${Math.round(tree.brotli / tree.nodes)} bytes brotli a node)`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measured = measure();
  console.log(report(measured, embeddedTree()));
  process.exit(measured.total.brotli <= BUDGET ? 0 : 1);
}
