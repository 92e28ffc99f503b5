// The initial-load budget of the release build (see scripts/budget.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGET, embeddedTree, measure, report } from "../scripts/budget.mjs";

test(`the first screen needs at most ${BUDGET} bytes brotli`, () => {
  const measured = measure();
  console.log(report(measured, embeddedTree()));
  assert.ok(measured.files.some((file) => file.name.endsWith(".wasm")), "the release build is in dist/");
  assert.ok(measured.total.brotli <= BUDGET, `${measured.total.brotli} bytes brotli is over the budget`);
});
