#!/usr/bin/env node
// The initial-load budget: what the first screen needs (index.html, its stylesheet and script,
// the JS glue and loaders, the wasm, and the start's part of the tree, content/steps/start.txt)
// must stay under BUDGET bytes brotli-compressed in the release build in English, and under
// LANGUAGE_BUDGET in another language, which also loads its words. The rest of the content
// (the whole tree, the signatures, the bodies) grows with every node and is fetched when
// needed, so it is printed but not counted, and neither is the worker, loaded on demand. Run
// after `trunk build --release`; prints raw, gzip and brotli sizes per file and the total.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// The start's part of the tree (0.6 KB) and the page's script that paints a deep link's step
// (0.8 KB) came in when the whole tree (20 KB) stopped coming first; the minified JS glue
// (1.8 KB less) made room for them. Splitting the panels out of the wasm (docs/arch/0003)
// brought the total from 149,100 to 132,800, and the step's body and the panels' slots without
// Leptos's async machinery to 123,000, the imports' short names (scripts/short-imports.mjs) to
// 118,100. Speaking the visitor's language (docs/arch/0017) cost the first screen 4,900 bytes,
// whichever language and however many: the interface's words and the code that takes in
// another language's (3,800 in the wasm), the page script's choice of language (400), the
// language switcher (300) and the right-to-left and line-breaking rules (300): 123,400 in
// English since. A reader of another language loads its words (content/<lang>/messages.txt,
// about 2,100) and its start part instead of the English one: 125,800 at most, in Japanese.
// The live checks' findings in the reader's language (kept as words, not English text, in the
// walk's state) and the address form's refusals as messages added 800 in English and 850-900
// in another language: 124,200 in English, 126,700 at most; a broken link's note in the reader's
// language (four more messages) 150 more in English and 300 in another: 124,300 in English,
// 127,100 at most. Without wasm-streams' classes, which no one makes (scripts/unused-classes.mjs),
// 730 less; with the list of answers in the panels' module, 2,150 less; with what the link's
// line opens to there too, 3,040 less: 117,900 in English, 121,150 at most (Japanese). With
// the standard library built with the app (docs/arch/0018), 15,000 less: 102,900 in English,
// 106,150 at most. Then the panels' slots sharing one copy of their code (500), the panels'
// stylesheet leaving the first screen with them (1,050), the loader and the page's script
// minified by terser (530), two settings of wasm-opt (810), the closures' exports named short
// (540) and the start in the glue (220): 99,700 in English, 102,950 at most (Japanese). The
// goal, 100,000, is the budget
// in English; another language adds its words (2,700 to 3,000) and its own start part.
export const BUDGET = 100_000;
export const LANGUAGE_BUDGET = 103_500;
const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
// Files the first screen never loads, so they are not part of its budget: the worker, started
// when someone pastes or opens the report (fix502-worker*), the panels' module, fetched when
// one of them is first used (fix502-panels-*), the map's (fix502-map-*), the code those two
// share, fetched with either (fix502-chunk-*), the stylesheet that comes with those modules
// (panels-*.css), the script for help desks that embed the guide (assets/embed.js), and the
// service worker, registered once the page has loaded (sw.js).
const START_PART = "steps/start.txt";
const notFirstScreen = (name) =>
  name.startsWith("fix502-worker") || /^fix502-(panels|map|chunk-[0-9]+)-/.test(name) || /^panels-[0-9a-f]+\.css$/.test(name) || name === "embed.js" || name === "sw.js";

export const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** The languages of the build besides English: its folders of content with their words. */
export const languages = (dist = DIST) =>
  readdirSync(join(dist, "content"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, "content", entry.name, "messages.txt")))
    .map((entry) => entry.name);

/** Sizes of every file the first screen loads for a reader of `lang`, and their total: a
 * language but English brings its words and its own start part. */
export function measure(dist = DIST, lang = "en") {
  const files = readdirSync(dist)
    .filter((name) => /\.(html|js|css|wasm)$/.test(name) && !notFirstScreen(name) && statSync(join(dist, name)).isFile())
    .sort()
    .map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
  const folder = lang === "en" ? "content" : `content/${lang}`;
  const fetched = lang === "en" ? [START_PART] : [START_PART, "messages.txt"];
  for (const name of fetched) files.push({ name: `${folder}/${name}`, ...sizes(readFileSync(join(dist, folder, name))) });
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of ["raw", "gzip", "brotli"]) total[key] += file[key];
  return { files, total };
}

/** The worker's files, loaded when someone pastes or opens the report. */
export function worker(dist = DIST) {
  const files = readdirSync(dist).filter((name) => name.startsWith("fix502-worker") && !/\.(br|gz)$/.test(name)).sort();
  return files.map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
}

/** The decision tree (content/tree.txt), which the app fetches beside the wasm instead of
 * carrying it, so that the budget does not grow with the number of nodes. */
export function fetchedTree(dist = DIST) {
  const text = readFileSync(join(dist, "content/tree.txt"));
  const lines = text.toString().split("\n");
  const ids = lines.filter((line) => line.startsWith("N\t")).map((line) => line.split("\t")[1]);
  const steps = join(dist, "content/steps");
  const parts = readdirSync(steps).filter((name) => name.endsWith(".txt"));
  const largest = Math.max(...parts.map((name) => sizes(readFileSync(join(steps, name))).brotli));
  return { ids, nodes: ids.length, ...sizes(text), parts: parts.length, largest };
}

export function report({ files, total }, tree, workerFiles = []) {
  const row = (cells) => cells.map((cell, i) => (i ? String(cell).padStart(9) : cell.padEnd(36))).join("");
  const lines = [row(["file", "raw", "gzip", "brotli"])];
  for (const file of [...files, total]) lines.push(row([file.name, file.raw, file.gzip, file.brotli]));
  lines.push(`budget: ${total.brotli} of ${BUDGET} bytes brotli (${((100 * total.brotli) / BUDGET).toFixed(1)}%)`);
  for (const file of workerFiles) {
    lines.push(`not counted, loaded on demand: ${file.name}, ${file.raw} bytes raw, ${file.brotli} brotli`);
  }
  if (tree) {
    lines.push(`not counted, fetched once the app has started: the tree (content/tree.txt), ${tree.nodes} nodes, ` +
      `${tree.raw} bytes raw, ${tree.brotli} brotli`);
    lines.push(`not counted, fetched for a deep link: its steps' parts of the tree (content/steps/, ${tree.parts} of them), ` +
      `the largest ${tree.largest} bytes brotli`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measured = measure();
  console.log(report(measured, fetchedTree(), worker()));
  const others = languages().map((lang) => ({ lang, total: measure(DIST, lang).total.brotli }));
  for (const { lang, total } of others) console.log(`in ${lang}: ${total} of ${LANGUAGE_BUDGET} bytes brotli`);
  process.exit(measured.total.brotli <= BUDGET && others.every((other) => other.total <= LANGUAGE_BUDGET) ? 0 : 1);
}
