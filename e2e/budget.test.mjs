// The initial-load budget of the release build (see scripts/budget.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUDGET, DIST, fetchedTree, measure, report, worker } from "../scripts/budget.mjs";

test(`the first screen needs at most ${BUDGET} bytes brotli`, () => {
  const measured = measure();
  console.log(report(measured, fetchedTree(), worker()));
  assert.ok(measured.files.some((file) => file.name.endsWith(".wasm")), "the release build is in dist/");
  assert.ok(measured.total.brotli <= BUDGET, `${measured.total.brotli} bytes brotli is over the budget`);
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
