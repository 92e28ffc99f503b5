// The paste analyser's time bound: a 5 MB paste (an access log with one telling line buried in
// it) through the release build of fix502-analyze. Prints the figures; fails above the bound.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./support.mjs";

const BOUND_MS = 5_000;
const ANALYZER = join(ROOT, "target/release/fix502-analyze");

test(`a 5 MB paste is analysed in under ${BOUND_MS} ms`, () => {
  const lines = [];
  for (let i = 0, size = 0; size < 5_000_000; i++) {
    const line = `203.0.113.${i % 250} - - [22/Nov/2026:03:00:${String(i % 60).padStart(2, "0")} +0000] "GET /products/${i} HTTP/1.1" 200 5120 "-" "Mozilla/5.0"`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.splice(lines.length >> 1, 0, "2026/11/22 03:17:56 [error] 1#1: *9 connect() failed (111: Connection refused) while connecting to upstream");
  const paste = lines.join("\n");
  const started = performance.now();
  const run = spawnSync(ANALYZER, [], { input: paste, maxBuffer: 1 << 20 });
  const millis = performance.now() - started;
  assert.equal(run.status, 0, String(run.stderr));
  const found = JSON.parse(run.stdout);
  console.log(`analysed ${(paste.length / 1e6).toFixed(1)} MB in ${millis.toFixed(0)} ms (${(paste.length / 1e3 / millis).toFixed(1)} MB/s)`);
  assert.equal(found.cause, "upstream-refused");
  assert.ok(millis < BOUND_MS, `${millis.toFixed(0)} ms`);
});
