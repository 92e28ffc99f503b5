// End to end: the live checks in Chromium against real servers on loopback (see harness.mjs).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { answer, finding, heading, launch, openApp, query, reaches, serve } from "./support.mjs";
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
/** The evidence of the check that answered the last question, in "How you got here". */
const chose = (page) => finding(page, ".answered .finding");

describe("online check", () => {
  test("an online browser is sent past the connection question, says so once, and the reader can choose instead", async () => {
    const page = await openApp(browser, server.url);
    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page");
    const found = await chose(page);
    assert.equal(found.outcome, "online");
    assert.match(found.summary, /Your browser is online: it reached this guide's own server in \d+ ms/);
    assert.equal(query(page), "?a=visitor-other-sites.~visitor-reload", "the URL marks the answer the check chose");
    assert.match(await page.locator(".picked-by").innerText(), /The guide's check answered “Do other websites open normally right now\?” for you: Yes, only this site/);
    assert.equal(await page.locator(".step .finding").count(), 0, "the result is not repeated under the next question");
    assert.match(await page.locator(".answered").textContent(), /chosen by the check/);
    // The question's own answers, in place.
    await page.locator(".picked-by button", { hasText: "Not right? Choose yourself" }).click();
    assert.equal(await heading(page), "Reload the page once. Does it open now?", "still the same step");
    await page.locator(".picked-by .answers a", { hasText: "No, other sites fail" }).click();
    assert.equal(await heading(page), "Restart your connection, and turn off VPN and proxy");
    assert.equal(query(page), "?a=visitor-other-sites.visitor-connection", "now the reader's own answer");
    await page.close();
  });

  test("an offline browser is sent to its connection", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-app=started]");
    // The page fetches the checks' module once it has started: the network drops after that.
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => /fix502-panels-/.test(entry.name)));
    await context.setOffline(true);
    await answer(page, "I was visiting a website");
    await reaches(page, "Restart your connection");
    assert.equal((await chose(page)).outcome, "offline");
    await context.close();
  });
});

describe("site answers check", () => {
  const reach = async (site) => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload", url: site }));
    await answer(page, "No, it still says 502");
    return page;
  };

  test("a real nginx 502 on another origin counts as an answer, without claiming it is fine", async () => {
    const page = await reach(sites.url("reset"));
    await reaches(page, "Does the page open in another browser");
    const found = await chose(page);
    assert.equal(found.outcome, "answered");
    assert.match(found.summary, /^Something at 127\.0\.0\.1 answered your browser in \d+ ms\. From here this guide cannot see whether it was the page or an error page\.$/);
    assert.equal(await page.locator(".answered .finding").getAttribute("class"), "finding finding-unknown", "neutral, never a green OK");
    await page.close();
  });

  test("a refused connection is no answer", async () => {
    const closed = sites.url("down").replace(/:\d+\/$/, ":9/");
    const page = await reach(closed);
    await reaches(page, "Refresh your DNS");
    assert.equal((await chose(page)).outcome, "no-answer");
    await page.close();
  });

  test("a hanging server times out, and a check can be cancelled", async () => {
    const page = await reach(sites.url("hang"));
    await page.locator(".check-running").waitFor();
    assert.match(await page.locator(".checking").innerText(), new RegExp(`Checking ${sites.url("hang")}`));
    await page.locator("button.cancel").click();
    assert.match(await page.locator(".check .hint").first().innerText(), /Check stopped/);
    assert.equal(await heading(page), "Does the site answer your browser at all?");
    await page.locator(".check button", { hasText: "Run it again" }).click();
    await reaches(page, "Refresh your DNS", 15_000);
    const found = await chose(page);
    assert.equal(found.outcome, "timed-out");
    assert.match(found.summary, /did not answer within 8 seconds/);
    await page.close();
  });

  test("without an address the check asks for one and refuses what is not a web address", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload" }));
    await answer(page, "No, it still says 502");
    const field = page.locator(".check .address input");
    await field.fill("javascript:alert(1)");
    await page.locator(".check .address button").click();
    assert.match(await page.locator(".field-error").innerText(), /Only web addresses/);
    await field.fill(sites.url("reset"));
    await page.locator(".check .address button").click();
    await reaches(page, "Does the page open in another browser");
    assert.match(decodeURIComponent(query(page)), new RegExp(`url=${sites.url("reset")}`), "the address is kept in the link");
    await page.close();
  });
});

describe("the address, as people type it", () => {
  test("without a scheme, https is tried, then http, and the check says which answered", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload" }));
    await answer(page, "No, it still says 502");
    const typed = `${sites.url("reset").replace("http://", "")}shop `;
    await page.locator(".check .address input").fill(typed);
    await page.locator(".check .address button").click();
    await reaches(page, "Does the page open in another browser");
    const found = await chose(page);
    assert.equal(found.outcome, "answered");
    assert.match(found.summary, /That was over http:\/\/, as https:\/\/ did not answer\.$/);
    assert.equal(new URL(page.url()).searchParams.get("url"), `${sites.url("reset")}shop`, "the address that answered is kept");
    await page.close();
  });

  test("an international address is taken, shown in its own script, and can be corrected at any step", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload" }));
    await answer(page, "No, it still says 502");
    await page.locator(".check .address input").fill("https://бутик.example/корзина");
    await page.locator(".check .address button").click();
    await reaches(page, "Refresh your DNS");
    assert.equal(await page.locator(".field-error").count(), 0);
    assert.match(await page.locator(".context-line summary").innerText(), /бутик\.example/);
    // Correct it from the error's line, on a step with no check.
    await page.locator(".context-line summary").click();
    await page.locator(".context-line .address input").fill(sites.url("reset"));
    await page.locator(".context-line .address button").click();
    assert.equal(new URL(page.url()).searchParams.get("url"), sites.url("reset"));
    assert.match(await page.locator(".context-line summary").innerText(), /127\.0\.0\.1/);
    await page.locator(".guidance .markdown").waitFor();
    assert.match(await page.locator(".guidance").innerText(), /nslookup 127\.0\.0\.1/, "the advice names the corrected site");
    await page.close();
  });

  test("Start over forgets an address the reader typed, and keeps one the link gave", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload" }));
    await answer(page, "No, it still says 502");
    await page.locator(".check .address input").fill(sites.url("reset"));
    await page.locator(".check .address button").click();
    await reaches(page, "Does the page open in another browser");
    await page.locator(".walk-nav a", { hasText: "Start over" }).click();
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    assert.equal(query(page), "", "the typed address is gone");
    const given = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload", url: sites.url("reset") }));
    await given.locator(".walk-nav a", { hasText: "Start over" }).click();
    assert.equal(new URL(given.url()).searchParams.get("url"), sites.url("reset"), "the link's own address stays");
    await page.close();
    await given.close();
  });
});

describe("site status check", () => {
  const ownerCheck = (site) => openApp(browser, link({ a: "owner-site-check", url: site }));

  test("with CORS, the real 502 and the headers that name the hop are read, and lead to nginx's steps", async () => {
    const page = await ownerCheck(sites.url("cors"));
    // The status check answers "Is the site failing?", then the site-hop check, asked once,
    // answers "Which server sent the 502 page?" and "Which web server or proxy is it?".
    await reaches(page, "What does the nginx error log say");
    const [status, hop] = await Promise.all([finding(page, ".answered .finding[data-outcome=bad-gateway]"), chose(page)]);
    assert.match(status.summary, /answered 502 Bad Gateway \(status 502\)\. Its headers say server: nginx\/[\d.]+, via: 1\.1 fix502-test-proxy\./);
    assert.equal(hop.outcome, "nginx");
    assert.match(hop.summary, /headers say that nginx answered/);
    assert.match(query(page), /^\?a=owner-site-check\.~owner-gateway\.~owner-web-server\.~owner-nginx(&|$)/, "the URL marks each answer the checks chose");
    await page.close();
  });

  test("a platform's own headers lead to its branch, and the reader can still choose", async () => {
    const page = await ownerCheck(sites.url("platform"));
    await page.waitForFunction(() => /Fly/.test(document.querySelector("h1")?.textContent ?? ""));
    assert.match(query(page), /^\?a=owner-site-check\.~owner-gateway\.~owner-platform\.~owner-fly(&|$)/);
    const hop = await chose(page);
    assert.equal(hop.outcome, "fly");
    assert.match(hop.summary, /headers say that Fly\.io answered/);
    assert.match(await page.locator(".answered").textContent(), /Our hosting platform[\s\S]*Fly\.io/);
    await page.close();
  });

  test("a healthy site with CORS reads as working", async () => {
    const page = await ownerCheck(sites.url("healthy"));
    await reaches(page, "The 502s come and go");
    assert.equal((await chose(page)).outcome, "working");
    await page.close();
  });

  test("without CORS the browser hides the status, and the page says why and lets the reader choose", async () => {
    const page = await ownerCheck(sites.url("nocors"));
    const found = await finding(page, ".check .finding");
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
    await reaches(page, "The name does not resolve");
    assert.equal((await chose(page)).outcome, "nxdomain");
    const asked = sites.queries.filter((q) => q.name === "missing.test");
    assert.deepEqual(asked.map((q) => q.type).sort(), ["A", "AAAA"]);
    assert.ok(sites.queries.every((q) => !JSON.stringify(q).includes("secret")), "the path never leaves the browser");
    await page.close();
  });

  test("a name behind a CDN resolves and names the CDN", async () => {
    const page = await dnsCheck("cdn.test");
    await answer(page, "We moved hosting");
    await reaches(page, "Check that every name points");
    const found = await chose(page);
    assert.equal(found.outcome, "resolves");
    assert.equal(found.summary, "cdn.test resolves to 104.16.0.1. It points to Cloudflare.");
    await page.close();
  });

  test("a failing name server is a SERVFAIL", async () => {
    const page = await dnsCheck("broken.test");
    await answer(page, "We moved hosting");
    await reaches(page, "The name does not resolve");
    assert.equal((await chose(page)).outcome, "servfail");
    await page.close();
  });
});

describe("status page check", () => {
  const statusCheck = (page) =>
    openApp(browser, link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side", statuspage: page }));

  test("an incident on the status page is reported and leads to following it", async () => {
    const page = await statusCheck(sites.statuspage("down"));
    await answer(page, "No, the error is still there");
    await reaches(page, "The site knows");
    const found = await chose(page);
    assert.equal(found.outcome, "incident");
    assert.match(found.summary, /Partial System Outage.*Current incidents: Checkout errors\./);
    await page.close();
  });

  test("a page that refuses to be read is reported with a link to open it", async () => {
    const page = await statusCheck(sites.statuspage("nocors"));
    await answer(page, "No, the error is still there");
    await reaches(page, "Look for news from the site");
    const found = await chose(page);
    assert.equal(found.outcome, "unreadable");
    assert.match(found.summary, new RegExp(`Open it yourself: ${sites.statuspage("nocors")}`));
    const open = page.locator(".answered .finding a", { hasText: "Open the status page" });
    assert.equal(await open.getAttribute("href"), sites.statuspage("nocors"));
    assert.equal(await open.getAttribute("rel"), "noopener noreferrer");
    await page.close();
  });
});

describe("watching a site", () => {
  const wait = (site) =>
    openApp(browser, link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side", url: site }));

  test("with its status readable, the watch counts down, notices when the upstream comes back, and links to it", async () => {
    const page = await wait(sites.url("down"));
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    assert.match(await page.locator(".countdown").innerText(), /^Next check in [1-5] s\./);
    assert.equal(await page.locator(".watch-news").innerText(), "Still failing after 1 check.");
    assert.equal((await finding(page, ".watch .finding")).outcome, "bad-gateway");
    await sites.revive("down");
    await page.locator(".back-notice").waitFor({ timeout: 15_000 });
    const found = await finding(page, ".watch .finding");
    assert.equal(found.outcome, "working");
    assert.match(found.summary, /status 200/);
    assert.match(await page.title(), /^Back up · /);
    const open = page.locator(".watch .retry a");
    assert.equal(await open.getAttribute("href"), sites.url("down"));
    assert.equal(await open.getAttribute("target"), "_blank");
    await page.close();
  });

  test("from another origin, the site's icon tells when a page that hides its status is back", async () => {
    const page = await wait(sites.url("plain"));
    const offer = page.locator(".watch button", { hasText: "Watch the site for me" });
    await offer.waitFor();
    assert.equal(await page.locator(".watch .finding").getAttribute("class"), "finding finding-unknown");
    await offer.click();
    await page.locator(".countdown").waitFor();
    await sites.revive("plain");
    await page.locator(".back-notice").waitFor({ timeout: 15_000 });
    assert.match(await page.locator(".back-notice").innerText(), /The site is back\. Its files load again/);
    await page.close();
  });

  test("where nothing it can see would change, the watch is not offered", async () => {
    const page = await wait(sites.url("icon"));
    await page.locator(".watch .hint").waitFor();
    assert.match(await page.locator(".watch").innerText(), /From here this page cannot tell when the site is fixed/);
    assert.equal(await page.locator(".watch button", { hasText: "Watch the site for me" }).count(), 0);
    await page.close();
  });

  test("stop ends the watch", async () => {
    const page = await wait(sites.url("cors"));
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    await page.locator(".watch button.stop").click();
    assert.match(await page.locator(".watch").innerText(), /Stopped watching/);
    await page.waitForTimeout(1500);
    assert.match(await page.locator(".watch").innerText(), /Stopped watching/, "no check after stopping");
    await page.close();
  });
});
