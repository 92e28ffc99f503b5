// Lighthouse 12.2.3 (npm, pinned) on the release build, for `/` and a deep step, on its mobile
// profile (a mid-range phone on a slow 4G link, simulated) and its desktop one. It prints the
// performance score and the metrics behind it; the goal is a score of 95 or more everywhere.
// Scores move with the machine's speed, so the suite fails only when Lighthouse
// cannot measure the page at all or the layout shifts by more than the budget's 0.1.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { serve } from "./support.mjs";

const LAYOUT_SHIFT = 0.1;
const PAGES = { "/": "", "a deep step": "?a=owner-site-check.owner-gateway.owner-platform.owner-fly.owner-fly-refused" };
const FORM_FACTORS = { mobile: undefined, desktop };
const METRICS = {
  "first-contentful-paint": "first paint",
  "largest-contentful-paint": "largest paint",
  "total-blocking-time": "blocking",
  "speed-index": "speed index",
  "cumulative-layout-shift": "layout shift",
};

let chrome;
let server;
before(async () => {
  server = await serve();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
});
after(async () => {
  await chrome?.kill();
  await server?.close();
});

describe("Lighthouse", () => {
  for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
    for (const [name, search] of Object.entries(PAGES)) {
      test(`${name} on ${formFactor}`, async () => {
        const { lhr } = await lighthouse(
          `${server.url}${search}`,
          { port: chrome.port, onlyCategories: ["performance"], logLevel: "error", output: "json" },
          config,
        );
        assert.equal(lhr.runtimeError, undefined, `Lighthouse could not measure the page: ${lhr.runtimeError?.message}`);
        const score = Math.round(100 * lhr.categories.performance.score);
        const shown = Object.entries(METRICS).map(([id, label]) => `${label} ${lhr.audits[id].displayValue}`);
        console.log(`Lighthouse ${formFactor}, ${name}: performance ${score} (goal 95); ${shown.join(", ")}`);
        const shift = lhr.audits["cumulative-layout-shift"].numericValue;
        assert.ok(shift <= LAYOUT_SHIFT, `the layout shifts by ${shift.toFixed(3)}; the budget is ${LAYOUT_SHIFT}`);
      });
    }
  }
});
