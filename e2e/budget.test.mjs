// The initial-load budget of the release build (see scripts/budget.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BUDGET, DIST, LANGUAGE_BUDGET, fetchedTree, languages, measure, report, sizes, worker } from "../scripts/budget.mjs";

/** The most a step's part of the tree (content/steps/) may weigh, in bytes brotli. */
const PART_BUDGET = 6_000;

test(`the first screen needs at most ${BUDGET} bytes brotli`, () => {
  const measured = measure();
  console.log(report(measured, fetchedTree(), worker()));
  assert.ok(measured.files.some((file) => file.name.endsWith(".wasm")), "the release build is in dist/");
  assert.ok(measured.total.brotli <= BUDGET, `${measured.total.brotli} bytes brotli is over the budget`);
});

test(`in every other language the first screen needs at most ${LANGUAGE_BUDGET} bytes brotli, and only that language's files`, () => {
  const found = languages();
  assert.deepEqual(found.sort(), ["ar", "de", "es", "fr", "ja", "pt-BR"]);
  for (const lang of found) {
    const { files, total } = measure(DIST, lang);
    console.log(`in ${lang}: ${total.brotli} bytes brotli (${files.filter((file) => file.name.startsWith("content/")).map((file) => `${file.name} ${file.brotli}`).join(", ")})`);
    assert.ok(total.brotli <= LANGUAGE_BUDGET, `${lang}: ${total.brotli} bytes brotli is over the budget`);
  }
});

test("the first screen's bytes do not grow with the content: no node is built into the wasm", () => {
  const { files } = measure();
  const wasm = readFileSync(join(DIST, files.find((file) => file.name.endsWith(".wasm")).name)).toString("latin1");
  const { ids } = fetchedTree();
  assert.ok(ids.length > 100, "content/tree.txt lists the nodes");
  // Single-word ids such as "start" also occur in code; every other id has a dash.
  const built = ids.filter((id) => id.includes("-") && wasm.includes(id));
  assert.deepEqual(built, [], "node ids found in the wasm");
});

test("the content's version is in the tree the app fetches, not in the wasm or the JS: a text fix rebuilds no code", () => {
  const tree = readFileSync(join(DIST, "content/tree.txt"), "utf8");
  const version = /^V\t([0-9a-f]{16})\n/.exec(tree)?.[1];
  assert.ok(version, "content/tree.txt starts with the content's version");
  // The service worker is written with each build to list its files: it must name the version.
  const code = readdirSync(DIST).filter((name) => /\.(wasm|js)$/.test(name) && name !== "sw.js");
  assert.ok(code.length >= 4, code.join(", "));
  const carrying = code.filter((name) => readFileSync(join(DIST, name)).toString("latin1").includes(version));
  assert.deepEqual(carrying, [], "files that carry the content's version");
  assert.match(readFileSync(join(DIST, "sw.js"), "utf8"), new RegExp(`const CONTENT = "${version}"`), "the service worker asks for this content");
});

test("the panels are split out: their module is not part of the first screen, which loads the one that fetches it", () => {
  const names = readdirSync(DIST);
  const panels = names.filter((name) => /^fix502-panels-[0-9a-f]{16}\.wasm$/.test(name));
  assert.equal(panels.length, 1, "one panels' module in dist/");
  const { files } = measure();
  assert.ok(!files.some((file) => file.name.startsWith("fix502-panels")), "not counted in the first screen");
  const loader = files.find((file) => /^fix502-split-[0-9a-f]+\.js$/.test(file.name));
  assert.ok(loader, "the loader is part of the first screen");
  assert.match(readFileSync(join(DIST, loader.name), "utf8"), new RegExp(`"\\./${panels[0]}"`), "the loader fetches the panels' module by its name");
  // Every module the loader fetches (a split point's, or code two of them share) is in dist/.
  const fetched = [...readFileSync(join(DIST, loader.name), "utf8").matchAll(/new URL\("\.\/([^"]+\.wasm)"/g)].map((found) => found[1]);
  assert.ok(fetched.length >= 2, `the loader fetches ${fetched.join(", ")}`);
  assert.deepEqual(fetched.filter((name) => !names.includes(name)), [], "no module the loader fetches is missing from dist/");
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  // The panels' stylesheet comes with their modules, not with the first screen.
  const style = readFileSync(join(DIST, loader.name), "utf8").match(/new URL\("\.\/(panels-[0-9a-f]+\.css)"/);
  assert.ok(style && names.includes(style[1]), "the loader adds the panels' stylesheet, which is in dist/");
  assert.ok(!index.includes(style[1]), "index.html does not link the panels' stylesheet");
  assert.ok(index.includes(`href=./${loader.name}`), "index.html preloads the loader");
  // The panels' code is in their module: its size is what the first screen no longer carries.
  console.log(`the panels' module: ${sizes(readFileSync(join(DIST, panels[0]))).brotli} bytes brotli`);
});

test("a deep link's part of the tree stays small however many nodes there are", () => {
  const { largest, parts, nodes } = fetchedTree();
  assert.equal(parts, nodes, "one part per node in content/steps/");
  // A part holds a step's shortest way from the start, the start's answers and its own: it
  // grows with the depth of the tree and the answers of a step, not with the number of nodes.
  assert.ok(largest <= PART_BUDGET, `the largest part is ${largest} bytes brotli`);
});

test("the first screen's wasm imports its glue's functions by short names, which the glue gives them", () => {
  const { files } = measure();
  const wasmName = files.find((file) => file.name.endsWith(".wasm")).name;
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(DIST, wasmName))));
  const fromGlue = imports.filter((entry) => entry.module === "a");
  assert.ok(fromGlue.length > 100, `${fromGlue.length} imports from the glue`);
  const long = fromGlue.filter((entry) => entry.name.length > 4).map((entry) => entry.name);
  assert.deepEqual(long, [], "no import keeps wasm-bindgen's hashed name");
  const glue = readFileSync(join(DIST, files.find((file) => /^fix502-[0-9a-f]+\.js$/.test(file.name)).name), "utf8");
  const missing = fromGlue.filter((entry) => !glue.includes(`${entry.name}:`)).map((entry) => entry.name);
  assert.deepEqual(missing, [], "the glue defines every import the wasm asks for");
});

test("the first screen carries no class for a Rust struct it never hands to JavaScript (wasm-streams' sources and sink)", () => {
  const { files } = measure();
  const wasmName = files.find((file) => file.name.endsWith(".wasm")).name;
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(DIST, wasmName)))).map((entry) => entry.name);
  assert.deepEqual(exported.filter((name) => /intounderlying/i.test(name)), [], "no export of wasm-streams' classes");
  assert.ok(exported.length > 10, `${exported.length} exports: the ones the glue and the split modules call are kept`);
  const glue = readFileSync(join(DIST, files.find((file) => /^fix502-[0-9a-f]+\.js$/.test(file.name)).name), "utf8");
  assert.doesNotMatch(glue, /\bclass\s+IntoUnderlying/, "no class of them in the glue");
});
