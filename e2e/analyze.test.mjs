// The paste analyser's time bounds: a 5 MB paste (an access log with one telling line buried in
// it) through the release build of fix502-analyze, and through the page's worker in Chromium.
// Prints the figures; fails above the bounds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, launch, openApp, serve } from "./support.mjs";

const BOUND_MS = 5_000;
// Where cargo put the release build (CARGO_TARGET_DIR moves it).
const ANALYZER = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "release/fix502-analyze");

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
  assert.equal(run.error, undefined, `${ANALYZER} did not start: ${run.error}`);
  assert.equal(run.status, 0, String(run.stderr));
  const found = JSON.parse(run.stdout);
  console.log(`analysed ${(paste.length / 1e6).toFixed(1)} MB in ${millis.toFixed(0)} ms (${(paste.length / 1e3 / millis).toFixed(1)} MB/s)`);
  assert.equal(found.cause, "upstream-refused");
  assert.ok(millis < BOUND_MS, `${millis.toFixed(0)} ms`);
});

// The same paste in the browser: the page hands it to its worker, so reading it never freezes
// the page. Prints how long the read took and the longest the page went without a frame.
const PAGE_BOUND_MS = 10_000;
const FROZEN_BOUND_MS = 500;

test(`in the browser, a 5 MB paste is read in under ${PAGE_BOUND_MS} ms without freezing the page`, async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await openApp(browser, server.url);
    await page.locator(".paste summary").click();
    await page.evaluate((size) => {
      const line = '203.0.113.7 - - [22/Nov/2026:03:00:00 +0000] "GET /products/1 HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n';
      const text = line.repeat(Math.ceil(size / line.length) >> 1) +
        "2026/11/22 03:17:56 [error] 1#1: *9 connect() failed (111: Connection refused) while connecting to upstream\n" +
        line.repeat(Math.ceil(size / line.length) >> 1);
      const box = document.querySelector("#paste-text");
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, 5_000_000);
    // Watch the page's frames from the click until the findings show.
    await page.evaluate(() => {
      window.longestGap = 0;
      let last = performance.now();
      const tick = (now) => {
        window.longestGap = Math.max(window.longestGap, now - last);
        last = now;
        if (!document.querySelector(".paste-findings")) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.locator(".paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-findings").waitFor({ timeout: PAGE_BOUND_MS });
    const millis = Date.now() - started;
    const gap = await page.evaluate(() => window.longestGap);
    console.log(`read 5 MB in the browser in ${millis} ms; the longest the page went without a frame: ${gap.toFixed(0)} ms`);
    assert.match(await page.locator(".paste-cause").innerText(), /upstream-refused/);
    assert.ok(gap < FROZEN_BOUND_MS, `the page froze for ${gap.toFixed(0)} ms`);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
