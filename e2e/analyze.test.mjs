// The paste analyser's bounds: the release command-line analyser on realistic logs of 10 and
// 100 MB (scripts/loggen.mjs), and a 5 MB paste through the page's worker in Chromium. Prints the
// figures; fails below bounds that leave room for a slow machine (the goals, measured by
// scripts/bench-analyze, are 300 MB/s and at most twice grep's time).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { realisticLog } from "../scripts/loggen.mjs";
import { ROOT, launch, openApp, serve } from "./support.mjs";

// Where cargo put the release build (CARGO_TARGET_DIR moves it).
const ANALYZER = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "release/fix502-analyze");
const MIN_MB_PER_S = 50;
const MAX_PEAK_MB = 48;
/** How much more memory 100 MB may take than 10 MB: it reads in pieces, in constant memory. */
const MAX_GROWTH_MB = 4;

/** Runs the analyser on `file` with --stats: its JSON, its figures and its wall time. */
function analyse(file) {
  const started = process.hrtime.bigint();
  const run = spawnSync(ANALYZER, ["--stats", file], { encoding: "utf8", maxBuffer: 1 << 20 });
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(run.error, undefined, `${ANALYZER} did not start: ${run.error}`);
  assert.equal(run.status, 0, run.stderr);
  const stats = Object.fromEntries(run.stderr.trim().split(" ").map((pair) => pair.split("=")));
  return { found: JSON.parse(run.stdout), stats, millis };
}

test(`the command line reads a realistic log at ${MIN_MB_PER_S} MB/s or more, in under ${MAX_PEAK_MB} MB whatever its size`, () => {
  const folder = mkdtempSync(join(tmpdir(), "fix502-speed-"));
  try {
    const peaks = [];
    for (const megabytes of [10, 100]) {
      const file = join(folder, `${megabytes}.log`);
      const log = realisticLog(megabytes * 1_000_000);
      writeFileSync(file, log);
      const { found, stats, millis } = analyse(file);
      const speed = log.length / 1e6 / (millis / 1000);
      const peak = Number(stats.peak_kb) / 1024;
      console.log(`read ${megabytes} MB in ${millis.toFixed(0)} ms (${speed.toFixed(0)} MB/s), peak memory ${peak.toFixed(1)} MB`);
      assert.equal(Number(stats.bytes), log.length, "every byte was read");
      assert.equal(found.error_shown, true);
      assert.equal(found.gateway, "nginx");
      assert.ok(speed >= MIN_MB_PER_S, `${speed.toFixed(0)} MB/s`);
      assert.ok(peak < MAX_PEAK_MB, `${peak.toFixed(1)} MB at its peak`);
      peaks.push(peak);
    }
    assert.ok(peaks[1] - peaks[0] < MAX_GROWTH_MB, `100 MB took ${(peaks[1] - peaks[0]).toFixed(1)} MB more than 10 MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
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
