// End to end: the service worker (assets/sw.js, written into dist/ by the build). After one
// visit the whole guide works with the server gone: a reload, a deep link never opened before,
// the paste box and the report. A new build deployed on the same origin is taken up on the
// next visit, entirely. With Save-Data, no step texts are fetched ahead. A reader of another
// language gets that language's texts kept, and no other's.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, heading, launch, messagesOf, serve, titleOf, waitUntil } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Serves a copy of the build, which the test `t` may change or stop, to a fresh browser
 * context; both go when the test ends, even when it fails. */
async function servedCopy(t) {
  const root = await mkdtemp(join(tmpdir(), "fix502-offline-"));
  await cp(DIST, root, { recursive: true });
  const server = await serve(root);
  const context = await browser.newContext();
  const site = { root, server, context, stop: () => server.close() };
  t.after(() => Promise.all([context.close(), site.stop()]).then(() => rm(root, { recursive: true, force: true })));
  return site;
}

/** Whether the service worker has the bundles of step texts of `audiences` in its cache. */
const prefetched = (page, audiences) =>
  page.evaluate(async (audiences) => {
    const names = await caches.keys();
    const urls = (await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat();
    return audiences.every((audience) => urls.some((url) => url.includes(`bodies-${audience}.json?v=`)));
  }, audiences);

describe("offline after one visit", () => {
  test("with the server gone, a reload, a new deep link, the paste box and the report all work", async (t) => {
    const site = await servedCopy(t);
    const { context } = site;
    const page = await context.newPage();
    const bundles = [];
    context.on("request", (request) => request.url().includes("/content/bodies-") && bundles.push(new URL(request.url()).pathname));
    await page.goto(site.server.url);
    await page.waitForSelector("html[data-app=started]");
    await waitUntil(() => prefetched(page, ["everyone", "visitor"]), "the service worker has the visitors' texts", 30_000);
    assert.deepEqual(bundles.sort(), ["/content/bodies-everyone.json", "/content/bodies-visitor.json"], "a visitor is not sent the owners' texts");
    // An owner's first step brings the owners' texts too.
    await page.goto(`${site.server.url}?a=owner-site-check`);
    await page.waitForSelector("html[data-app=started]");
    await waitUntil(() => prefetched(page, ["owner"]), "the service worker has the owners' texts", 30_000);
    await site.stop();

    // A reload, then a deep step this browser never opened, whose text comes from the bundle.
    await page.reload();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), "Is the site failing right now?");
    await page.goto(`${site.server.url}?a=owner-site-check.owner-gateway.owner-platform.owner-fly.owner-fly-refused`);
    await page.waitForSelector("html[data-app=started]");
    await page.locator(".guidance .markdown").waitFor();
    assert.match(await heading(page), /^Fly\.io: the Machine refused/);
    assert.match(await page.locator(".guidance").innerText(), /internal_port/);

    // The paste box: the worker and the signatures come from the cache too.
    await page.goto(site.server.url);
    await page.waitForSelector("html[data-app=started]");
    await page.locator(".paste summary").click();
    await page.locator("#paste-text").fill("2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1");
    await page.locator(".paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-findings").waitFor();
    assert.match(await page.locator(".paste-cause").innerText(), /upstream-refused/);

    // The report for support.
    await page.locator("details.report summary").click();
    await page.locator(".report-preview").waitFor();
    assert.match(await page.locator(".report-preview").innerText(), /502/);
  });

  test("a new build on the same origin is used entirely on the next visit", async (t) => {
    const site = await servedCopy(t);
    const { context } = site;
    const first = await context.newPage();
    await first.goto(site.server.url);
    await first.waitForSelector("html[data-app=started]");
    // Cached and active: a cache exists as soon as the worker starts installing, and a reload
    // while it still is would not look for a newer build.
    const settled = (builds) =>
      first.evaluate(async (builds) => {
        const registration = await navigator.serviceWorker.getRegistration();
        return (await caches.keys()).length === builds && !!registration?.active && !registration.installing && !registration.waiting;
      }, builds);
    await waitUntil(() => settled(1), "the first build is cached and active", 60_000);

    // Deploy a second build: a changed tree, and so another service worker.
    const tree = join(site.root, "content/tree.txt");
    await writeFile(tree, (await readFile(tree, "utf8")).replace("Who is seeing the 502 error?", "Who met the 502 error?"));
    const sw = join(site.root, "sw.js");
    await writeFile(sw, (await readFile(sw, "utf8")).replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "$1-2"'));
    // Their precompressed copies would still be the first build's.
    for (const file of [tree, sw]) for (const copy of [".br", ".gz"]) await rm(file + copy, { force: true });

    // The page open since before the deploy keeps its build; the next visit takes the new one.
    await first.reload();
    await first.waitForSelector("html[data-app=started]");
    await waitUntil(() => settled(2), "the second build is cached and active", 60_000);
    await first.close();
    const next = await context.newPage();
    await next.goto(site.server.url);
    await next.waitForSelector("html[data-app=started]");
    assert.equal(await heading(next), "Who met the 502 error?");
  });

  test("in another language, after one visit its steps work offline too, and only its texts were fetched", async (t) => {
    const site = await servedCopy(t);
    const { context } = site;
    const page = await context.newPage();
    const bundles = [];
    context.on("request", (request) => request.url().includes("/bodies-") && bundles.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.url}?lang=de`);
    await page.waitForSelector("html[data-app=started]");
    await waitUntil(() => prefetched(page, ["everyone", "visitor"]), "the service worker has the German visitors' texts", 30_000);
    const german = bundles.filter((path) => path.startsWith("/content/de/"));
    assert.deepEqual(german.sort(), ["/content/de/bodies-everyone.json", "/content/de/bodies-visitor.json"]);
    assert.ok(!bundles.some((path) => /\/content\/(es|fr|pt-BR|ja|ar)\//.test(path)), `no other language's texts: ${bundles}`);
    await site.stop();

    // A reload and a deep step never opened, both in German, with the server gone.
    await page.reload();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), titleOf("start.md", "de"));
    await page.goto(`${site.server.url}?lang=de&a=visitor-other-sites.visitor-reload.visitor-site-answers.visitor-dns`);
    await page.waitForSelector("html[data-app=started]");
    await page.locator(".guidance .markdown").waitFor();
    assert.equal(await heading(page), titleOf("visitor/visitor-dns.md", "de"));
    assert.equal(await page.locator(".walk-nav .back").innerText(), messagesOf("de").back);
  });

  test("with Save-Data, no step texts are fetched ahead, and the guide still works step by step", async (t) => {
    const site = await servedCopy(t);
    const { context } = site;
    await context.addInitScript(() => Object.defineProperty(navigator, "connection", { value: { saveData: true } }));
    const page = await context.newPage();
    const bundles = [];
    page.on("request", (request) => request.url().includes("bodies-") && bundles.push(request.url()));
    context.on("request", (request) => request.url().includes("bodies-") && bundles.push(request.url()));
    await page.goto(`${site.server.url}?a=owner-site-check.owner-gateway.owner-platform.owner-fly.owner-fly-refused`);
    await page.waitForSelector("html[data-app=started]");
    await page.locator(".guidance .markdown").waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1000);
    assert.deepEqual(bundles, [], "no bundle of step texts was fetched");
    assert.equal(await page.evaluate(async () => (await caches.keys()).length), 1, "the app itself is still kept for offline use");
  });
});
