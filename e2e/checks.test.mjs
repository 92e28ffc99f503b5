// End to end: the live checks in Chromium against real servers on loopback (see harness.mjs).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { answer, heading, launch, openApp, query, serve } from "./support.mjs";
import { startHarness } from "./harness.mjs";

let server;
let browser;
let sites;
before(async () => {
  server = await serve();
  browser = await launch();
  sites = await startHarness();
});
after(async () => {
  await browser?.close();
  server?.close();
  await sites?.stop();
});

const link = (params) => `${server.url}?${new URLSearchParams(params)}`;
/** The evidence a check left on the page: its outcome and its one-line summary. */
async function finding(page, where = ".finding") {
  const card = page.locator(where).first();
  await card.waitFor();
  return { outcome: await card.getAttribute("data-outcome"), summary: await card.locator(".finding-summary").innerText() };
}

describe("online check", () => {
  test("an online browser is sent past the connection question, and can say it is wrong", async () => {
    const page = await openApp(browser, server.url);
    await answer(page, "I was visiting a website");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Reload the page"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "online");
    assert.match(found.summary, /Your browser is online: it reached this guide's own server in \d+ ms/);
    assert.match(query(page), /^\?a=visitor-other-sites\.visitor-reload$/);
    await page.locator("a.override", { hasText: "That's not right, let me choose" }).click();
    assert.equal(await heading(page), "Do other websites open normally right now?");
    await answer(page, "No, other sites fail");
    assert.equal(await heading(page), "Restart your connection, and turn off VPN and proxy");
    await page.close();
  });

  test("an offline browser is sent to its connection", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-app=started]");
    await context.setOffline(true);
    await answer(page, "I was visiting a website");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Restart your connection"));
    assert.equal((await finding(page, ".picked-by .finding")).outcome, "offline");
    await context.close();
  });
});

describe("site answers check", () => {
  const reach = async (site) => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload", url: site }));
    await answer(page, "No, it still says 502");
    return page;
  };

  test("a real nginx 502 counts as an answer", async () => {
    const page = await reach(sites.url("reset"));
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Does the page open in another browser"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "answered");
    assert.match(found.summary, /^Your browser reached 127\.0\.0\.1 in \d+ ms/);
    await page.close();
  });

  test("a refused connection is no answer", async () => {
    const closed = sites.url("down").replace(/:\d+\/$/, ":9/");
    const page = await reach(closed);
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Refresh your DNS"));
    assert.equal((await finding(page, ".picked-by .finding")).outcome, "no-answer");
    await page.close();
  });

  test("a hanging server times out, and a check can be cancelled", async () => {
    const page = await reach(sites.url("hang"));
    await page.locator(".check-running").waitFor();
    await page.locator("button.cancel").click();
    assert.match(await page.locator(".check .hint").innerText(), /Check stopped/);
    assert.equal(await heading(page), "Does the site answer your browser at all?");
    await page.locator(".check button", { hasText: "run it again" }).click();
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Refresh your DNS"), null, { timeout: 15_000 });
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "timed-out");
    assert.match(found.summary, /did not answer within 8 seconds/);
    await page.close();
  });

  test("without an address the check asks for one and refuses what is not a web address", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload" }));
    await answer(page, "No, it still says 502");
    await page.locator("#check-address").fill("javascript:alert(1)");
    await page.locator(".address button").click();
    assert.match(await page.locator(".field-error").innerText(), /Only web addresses/);
    await page.locator("#check-address").fill(sites.url("reset"));
    await page.locator(".address button").click();
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Does the page open in another browser"));
    assert.match(decodeURIComponent(query(page)), new RegExp(`url=${sites.url("reset")}`), "the address is kept in the link");
    await page.close();
  });
});

describe("site status check", () => {
  const ownerCheck = (site) => openApp(browser, link({ a: "owner-site-check", url: site }));

  test("with CORS, the real 502 and the headers that name the hop are read", async () => {
    const page = await ownerCheck(sites.url("cors"));
    await page.waitForFunction(() => document.querySelector("h1").textContent === "Which server sent the 502 page?");
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "bad-gateway");
    assert.match(found.summary, /answered 502 Bad Gateway \(status 502\)\. Its headers say server: nginx\/[\d.]+, via: 1\.1 fix502-test-proxy\./);
    await page.close();
  });

  test("a healthy site with CORS reads as working", async () => {
    const page = await ownerCheck(sites.url("healthy"));
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("The 502s come and go"));
    assert.equal((await finding(page, ".picked-by .finding")).outcome, "working");
    await page.close();
  });

  test("without CORS the browser hides the status, and the page says why and lets the reader choose", async () => {
    const page = await ownerCheck(sites.url("nocors"));
    const found = await finding(page);
    assert.equal(found.outcome, "hidden");
    assert.match(found.summary, /CORS/);
    assert.equal(await heading(page), "Is the site failing right now?");
    await answer(page, "Yes, it answers 502");
    assert.equal(await heading(page), "Which server sent the 502 page?");
    await page.close();
  });
});

describe("DNS check", () => {
  const dnsCheck = (host) =>
    openApp(browser, link({ a: "owner-site-check.owner-gateway.owner-change", url: `http://${host}/some/path?secret=1`, doh: sites.doh }));

  test("a name that does not exist leads to restoring its records, and only the host name is sent", async () => {
    const page = await dnsCheck("missing.test");
    await answer(page, "We moved hosting");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("The name does not resolve"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "nxdomain");
    const asked = sites.queries.filter((q) => q.name === "missing.test");
    assert.deepEqual(asked.map((q) => q.type).sort(), ["A", "AAAA"]);
    assert.ok(sites.queries.every((q) => !JSON.stringify(q).includes("secret")), "the path never leaves the browser");
    await page.close();
  });

  test("a name behind a CDN resolves and names the CDN", async () => {
    const page = await dnsCheck("cdn.test");
    await answer(page, "We moved hosting");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Check that every name points"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "resolves");
    assert.equal(found.summary, "cdn.test resolves to 104.16.0.1. It points to Cloudflare.");
    await page.close();
  });

  test("a failing name server is a SERVFAIL", async () => {
    const page = await dnsCheck("broken.test");
    await answer(page, "We moved hosting");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("The name does not resolve"));
    assert.equal((await finding(page, ".picked-by .finding")).outcome, "servfail");
    await page.close();
  });
});

describe("status page check", () => {
  const statusCheck = (page) =>
    openApp(browser, link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side", statuspage: page }));

  test("an incident on the status page is reported and leads to following it", async () => {
    const page = await statusCheck(sites.statuspage("down"));
    await answer(page, "No, the error is still there");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("The site knows"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "incident");
    assert.match(found.summary, /Partial System Outage.*Current incidents: Checkout errors\./);
    await page.close();
  });

  test("a page that refuses to be read is reported with a link to open it", async () => {
    const page = await statusCheck(sites.statuspage("nocors"));
    await answer(page, "No, the error is still there");
    await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Look for news from the site"));
    const found = await finding(page, ".picked-by .finding");
    assert.equal(found.outcome, "unreadable");
    assert.match(found.summary, new RegExp(`Open it yourself: ${sites.statuspage("nocors")}`));
    const open = page.locator(".picked-by .finding a", { hasText: "Open the status page" });
    assert.equal(await open.getAttribute("href"), sites.statuspage("nocors"));
    assert.equal(await open.getAttribute("rel"), "noopener noreferrer");
    await page.close();
  });
});

describe("watching a site", () => {
  test("the watch counts down, notices when the upstream comes back, and can be stopped", async () => {
    const page = await openApp(
      browser,
      link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side", url: sites.url("down") }),
    );
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    assert.match(await page.locator(".countdown").innerText(), /Still failing after 1 check\. Next check in [1-5] s\./);
    assert.equal((await finding(page, ".watch .finding")).outcome, "bad-gateway");
    await sites.revive();
    await page.locator(".back-notice").waitFor({ timeout: 15_000 });
    const found = await finding(page, ".watch .finding");
    assert.equal(found.outcome, "working");
    assert.match(found.summary, /status 200/);
    assert.match(await page.title(), /^Back up · /);
    await page.close();
  });

  test("stop ends the watch", async () => {
    const page = await openApp(
      browser,
      link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side", url: sites.url("cors") }),
    );
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    await page.locator(".watch button.stop").click();
    assert.match(await page.locator(".watch").innerText(), /Stopped watching/);
    await page.waitForTimeout(1500);
    assert.match(await page.locator(".watch").innerText(), /Stopped watching/, "no check after stopping");
    await page.close();
  });
});
