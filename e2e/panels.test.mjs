// End to end: the panels' module (docs/arch/0003). The first screen does without it and fetches
// it once it works, unless the browser asks to save data; then the live checks, the watch, the
// report, the reading of a paste and the list of answers fetch it the first time one of them
// runs, once; and a module that cannot be fetched says so where the panel would be, with a way
// to try again that works once the network is back.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { answer, openApp, reaches, servedBuild } from "./support.mjs";

const served = servedBuild();

const PANELS = /\/fix502-panels-[0-9a-f]+\.wasm$/;
const NOT_LOADED = "This part of the guide could not load. Check your connection, then try again.";
const NOT_READ = "The paste could not be read: the part of the guide that reads it could not load. Check your connection, then press Read it again.";

/** A page, with Save-Data on, whose requests for the modules matching `modules` (the panels'
 * by default) are counted, refused while `network.refuse` and held until `network.held` settles, if set. The
 * service worker is blocked so that every request reaches the route. */
async function watchedPage(network = { refuse: false, held: null }, modules = PANELS, search = "") {
  const context = await served.browser.newContext({ serviceWorkers: "block" });
  // Save-Data keeps the page from fetching the module ahead, so that the tests see each use.
  await context.addInitScript(() => Object.defineProperty(navigator, "connection", { value: { saveData: true } }));
  const fetched = [];
  await context.route(modules, async (route) => {
    fetched.push(route.request().url());
    await network.held;
    return network.refuse ? route.abort("internetdisconnected") : route.continue();
  });
  if (search) {
    const page = await context.newPage();
    await page.goto(`${served.server.url}${search}`);
    return { context, page, fetched };
  }
  const page = await openApp(context, served.server.url);
  return { context, page, fetched };
}

const openReport = (page) => page.locator("details.report summary").click();

describe("the panels' module", () => {
  test("the first screen does without it, and fetches it once it works", async () => {
    const context = await served.browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const fetched = [];
    page.on("request", (request) => {
      if (PANELS.test(request.url())) fetched.push(page.evaluate(() => document.documentElement.dataset.app ?? "not started"));
    });
    await page.goto(served.server.url);
    await page.waitForSelector("html[data-app=started]");
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => /fix502-panels-/.test(entry.name)));
    assert.deepEqual(await Promise.all(fetched), ["started"], "once, after the app has started");
    // Its stylesheet comes with it, once.
    await page.locator("html[data-panels=in]").waitFor({ state: "attached" });
    assert.equal(await page.locator("link[rel=stylesheet][href*='/panels-']").count(), 1, "the panels' stylesheet, added once");
    // Offline now, the visitor's next step still runs its check, which says so.
    await context.setOffline(true);
    await answer(page, "I was visiting a website");
    await reaches(page, "Restart your connection");
    await context.close();
  });

  test("with Save-Data it is fetched on first use only: the report fetches it once, and a check step then needs no other", async () => {
    const { context, page, fetched } = await watchedPage();
    await page.waitForTimeout(500);
    assert.deepEqual(fetched, [], "the start needs only the first screen's module");
    assert.equal(await page.locator("link[href*='/panels-']").count(), 0, "nor the panels' stylesheet");
    await openReport(page);
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway: report for support"));
    assert.equal(fetched.length, 1);
    // The report is drawn as the panels' stylesheet says: a box of its own that scrolls.
    assert.equal(await page.locator(".report-preview").evaluate((preview) => getComputedStyle(preview).overflowY), "auto");
    // The online check runs from the module already in.
    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page");
    assert.equal(fetched.length, 1, "fetched once for the page");
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("the list of answers comes with it: a walk with answers asks for it, even with Save-Data, and shows the list once it is in", async () => {
    const { context, page, fetched } = await watchedPage(undefined, PANELS, "?a=visitor-other-sites.visitor-reload");
    const rows = page.locator(".answered li");
    await rows.first().waitFor({ state: "attached" });
    assert.equal(await rows.count(), 2, "both answers the link gives");
    assert.equal(fetched.length, 1, "the module, once");
    await page.locator("html[data-panels=in]").waitFor({ state: "attached" });
    await context.close();
  });

  test("a paste read while the module cannot be fetched says so, and is read once it can", async () => {
    const network = { refuse: true };
    const { context, page, fetched } = await watchedPage(network);
    await page.locator("details.paste summary").click();
    await page.locator("#paste-text").fill("HTTP/1.1 502 Bad Gateway\nServer: nginx\n\nconnect() failed (111: Connection refused) while connecting to upstream");
    await page.locator("details.paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-result .load-error", { hasText: NOT_READ }).waitFor();
    network.refuse = false;
    await page.locator("details.paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-result", { hasText: "nothing accepted the connection at the upstream's address" }).waitFor();
    assert.equal(await page.locator(".paste-result .load-error").count(), 0);
    assert.equal(fetched.length, 2, "the failed fetch, then the one that worked");
    await context.close();
  });

  test("a panel says it is loading while the module comes, and if it cannot come offers to try again, which shows it once the network is back", async () => {
    let release;
    const network = { refuse: true, held: new Promise((resolve) => (release = resolve)) };
    const { context, page } = await watchedPage(network);
    await openReport(page);
    const slot = page.locator("details.report .panel-slot");
    await slot.waitFor();
    assert.equal(await slot.evaluate((element) => element.childElementCount), 0);
    assert.equal(await slot.evaluate((element) => getComputedStyle(element, "::before").content), '"Loading…"');
    release();
    const failed = page.locator("details.report .load-error[role=alert]");
    await failed.locator("p", { hasText: NOT_LOADED }).waitFor();
    network.refuse = false;
    await failed.locator("button", { hasText: "Try again" }).click();
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway: report for support"));
    assert.equal(await page.locator("details.report .load-error").count(), 0);
    await context.close();
  });

  test("a panel whose stylesheet cannot load says so like a module that cannot, and shows, drawn, once it can", async () => {
    const network = { refuse: true };
    const { context, page, fetched } = await watchedPage(network, /\/panels-[0-9a-f]+\.css$/);
    await openReport(page);
    const failed = page.locator("details.report .load-error[role=alert]");
    await failed.locator("p", { hasText: NOT_LOADED }).waitFor();
    assert.equal(await page.locator("link[href*='/panels-']").count(), 0, "the stylesheet that failed is not left in the page");
    network.refuse = false;
    await failed.locator("button", { hasText: "Try again" }).click();
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway: report for support"));
    assert.equal(await page.locator(".report-preview").evaluate((preview) => getComputedStyle(preview).overflowY), "auto");
    assert.equal(fetched.length, 2, "the failed fetch, then the one that worked");
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("the map of every step has a module of its own, and says so if it cannot be fetched", async () => {
    const split = /\/fix502-(panels|map)-[0-9a-f]+\.wasm$/;
    let { context, page, fetched } = await watchedPage(undefined, split, "?map");
    await page.locator(".map-tree li").first().waitFor();
    assert.equal(fetched.length, 1);
    assert.match(fetched[0], /fix502-map-/, "the map's module, not the panels'");
    await context.close();
    ({ context, page } = await watchedPage({ refuse: true }, split, "?map"));
    await page.locator("#app .load-error[role=alert]", { hasText: "The map could not load. Check your connection, then reload the page." }).waitFor();
    await context.close();
  });
});
