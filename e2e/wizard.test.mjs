// End to end: the release build served on loopback, driven in Chromium as a reader would.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT, answer, contentNodeIds, heading, launch, openApp, query, reaches, serve, waitUntil } from "./support.mjs";

let server;
let browser;
before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens "How you got here", where each answer can be changed. */
async function openAnswers(page) {
  const details = page.locator("details.answered");
  if (!(await details.evaluate((element) => element.open))) await details.locator("> summary").click();
}

describe("walking the trees", () => {
  test("a visitor is checked online, reaches guidance, the next cause, then the hand-over", async () => {
    const page = await openApp(browser, server.url);
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    await answer(page, "I was visiting a website");
    // The online check answers "Do other websites open?" by itself.
    await reaches(page, "Reload the page once");
    await answer(page, "No, it still says 502");
    assert.equal(await heading(page), "Does the site answer your browser at all?");
    await answer(page, "Yes, it answers, but with the error");
    await answer(page, "No, it fails everywhere");
    assert.equal(await heading(page), "The fault is at the site: wait, check, tell them");
    await page.locator(".guidance .markdown h2").first().waitFor();
    assert.match(await page.locator(".guidance").innerText(), /Wait and try again/i);
    assert.equal(query(page), "?a=visitor-other-sites.~visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side");
    assert.equal(await page.locator(".answered li").count(), 5);
    assert.match(await page.locator(".answered > summary").innerText(), /How you got here: from the start · 5 answers/);
    assert.equal(await page.locator(".progress").innerText(), "What to do");
    assert.equal(await page.locator(".outcome h2").innerText(), "Did this fix it?");

    await answer(page, "No, the error is still there");
    assert.equal(await heading(page), "Does the site's status page report a problem?");
    await answer(page, "I can't find a status page");
    assert.equal(await heading(page), "Look for news from the site: status page and social media");
    assert.equal(await page.locator(".progress").innerText(), "The next most likely cause");
    await answer(page, "No, the error is still there");
    assert.equal(await heading(page), "Tell the site, with the details that help them");
    await page.locator(".guidance .markdown").waitFor();
    assert.equal(await page.locator(".outcome").count(), 0, "the walk ends here");
    assert.equal(await page.locator(".answers a").count(), 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("an owner names the gateway, reaches nginx guidance with commands, and it fixes it", async () => {
    const page = await openApp(browser, server.url, { viewport: { width: 1000, height: 900 } });
    await answer(page, "I run or develop the site");
    assert.match(await page.locator(".progress").innerText(), /^Question 2 of up to \d+$/);
    await answer(page, "Yes, it answers 502");
    await answer(page, "A web server we run");
    await answer(page, "nginx (the page ends with");
    await answer(page, "connect() failed (111: Connection refused)");
    assert.equal(await heading(page), "nginx: nothing accepts connections on the upstream address");
    await page.locator(".guidance .markdown").waitFor();
    assert.ok(await page.locator(".guidance pre code").count() > 0, "commands and config are code blocks");
    await page.screenshot({ path: join(OUTPUT, "guidance-owner.png"), fullPage: true });
    await answer(page, "Yes, that fixed it");
    assert.equal(await heading(page), "Fixed: write it down so it does not come back");
    assert.equal(query(page), "?a=owner-site-check.owner-gateway.owner-web-server.owner-nginx.owner-nginx-refused.owner-fixed");
    await page.close();
  });

  test("keyboard alone walks on, and focus follows each step", async () => {
    const page = await openApp(browser, server.url);
    await page.keyboard.press("Tab"); // the brand link
    await page.keyboard.press("Tab"); // the language switcher
    assert.equal(await page.evaluate(() => document.activeElement.closest(".languages") !== null), true);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "I was visiting a website and it showed the error");
    await page.keyboard.press("Enter");
    await reaches(page, "Reload the page once");
    assert.equal(await page.evaluate(() => document.activeElement.id), "step-title");
    await page.close();
  });
});

describe("moving around a walk", () => {
  test("Back returns to the previous question, whose check does not run again", async () => {
    const page = await openApp(browser, `${server.url}?a=visitor-other-sites.visitor-reload`);
    assert.equal(await heading(page), "Reload the page once. Does it open now?");
    await page.locator(".walk-nav a", { hasText: "Back" }).click();
    assert.equal(await heading(page), "Do other websites open normally right now?");
    assert.equal(query(page), "?a=visitor-other-sites");
    await page.waitForTimeout(500);
    assert.equal(await heading(page), "Do other websites open normally right now?", "still here");
    await page.locator(".walk-nav a", { hasText: "Start over" }).click();
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    assert.equal(query(page), "");
    await page.close();
  });

  test("the browser's back and forward buttons move through the steps", async () => {
    const page = await openApp(browser, server.url);
    await answer(page, "I run or develop the site");
    await answer(page, "Yes, it answers 502");
    await answer(page, "I can't tell");
    await answer(page, "Traffic grew");
    assert.equal(await heading(page), "The server is overloaded: relieve it, then add headroom");
    await page.goBack();
    assert.equal(await heading(page), "What changed shortly before the 502s started?");
    await page.goBack();
    await page.goBack();
    await page.goBack();
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    for (let i = 0; i < 4; i++) await page.goForward();
    assert.equal(await heading(page), "The server is overloaded: relieve it, then add headroom");
    await page.close();
  });

  test("changing an earlier answer keeps the later answers that still apply", async () => {
    const page = await openApp(browser, `${server.url}?a=visitor-other-sites.visitor-reload.visitor-site-answers`);
    await openAnswers(page);
    const change = page.locator(".answered li", { hasText: "Reload the page once" }).locator("a.change");
    await change.click();
    assert.match(await page.locator(".progress").innerText(), /Changing an earlier answer/);
    assert.equal(await heading(page), "Reload the page once. Does it open now?");
    assert.equal(await page.locator(".answers a[aria-current]").innerText(), "No, it still says 502\nYour answer");
    await answer(page, "Yes, it works now");
    assert.equal(await heading(page), "It was a passing hiccup");
    assert.equal(query(page), "?a=visitor-other-sites.visitor-reload.visitor-reload-worked");

    // Changing the first answer to the same one keeps every later answer.
    await openAnswers(page);
    await page.locator(".answered li", { hasText: "Who is seeing" }).locator("a.change").click();
    await answer(page, "I was visiting a website");
    assert.equal(await heading(page), "It was a passing hiccup");
    await page.close();
  });

  test("reloading a deep step lands on the same step", async () => {
    const page = await openApp(browser, server.url);
    await answer(page, "I run or develop the site");
    await answer(page, "Yes, it answers 502");
    await answer(page, "I can't tell");
    await answer(page, "Traffic grew");
    const before = [await heading(page), query(page)];
    await page.reload();
    await page.waitForSelector("html[data-app=started]");
    assert.deepEqual([await heading(page), query(page)], before);
    assert.equal(await page.locator(".answered li").count(), 4);
    await page.close();
  });
});

describe("links that do not make sense", () => {
  test("an unknown step shows a message and the furthest valid step", async () => {
    const page = await openApp(browser, `${server.url}?a=owner-site-check.owner-gateway.owner-nonsense.owner-cdn`);
    assert.match(await page.locator(".problem").innerText(), /“owner-nonsense”, which this guide does not have/);
    assert.equal(await heading(page), "Which server sent the 502 page?");
    assert.equal(query(page), "?a=owner-site-check.owner-gateway", "the address bar shows the step really shown");
    await answer(page, "I can't tell");
    assert.equal(await page.locator(".problem").count(), 0, "the message goes once the reader moves on");
    await page.close();
  });

  test("an answer that does not belong to the question is refused the same way", async () => {
    const page = await openApp(browser, `${server.url}?a=visitor-other-sites.owner-cdn&url=https%3A%2F%2Fshop.example`);
    assert.match(await page.locator(".problem").innerText(), /not one of its answers/);
    assert.equal(await heading(page), "Do other websites open normally right now?");
    assert.equal(query(page), "?a=visitor-other-sites&url=https%3A%2F%2Fshop.example");
    await page.close();
  });

  test("hostile text in the link is shown inert", async () => {
    const page = await openApp(browser, `${server.url}?a=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
    assert.match(await page.locator(".problem").innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator(".problem img").count(), 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

/** Holds the app's wasm until the function it returns is called, so that a test sees the page
 * as it is before the app starts. */
async function holdApp(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe("before and without the app", () => {
  test("a click on a painted answer before the app starts is taken over by the app, without a page load", async () => {
    const page = await browser.newPage();
    const release = await holdApp(page);
    await page.goto(server.url, { waitUntil: "domcontentloaded" });
    await page.evaluate(() => (window.sameDocument = true));
    await page.locator(".static-start a.answer", { hasText: "I run or develop the site" }).click();
    assert.equal(await page.locator(".static-step h1").innerText(), "Is the site failing right now?", "the click shows its step at once");
    assert.ok(await page.locator(".static-step .answers a").count() >= 2, "with its answers");
    release();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), "Is the site failing right now?");
    assert.equal(query(page), "?a=owner-site-check");
    assert.equal(await page.evaluate(() => window.sameDocument), true, "the page was not loaded again");
    await page.close();
  });

  test("a deep link paints its step before the app starts, and the app takes it over unchanged", async () => {
    const page = await browser.newPage();
    const release = await holdApp(page);
    await page.goto(`${server.url}?a=owner-site-check&rid=abc-123`, { waitUntil: "domcontentloaded" });
    const step = (selector) =>
      page.locator(selector).evaluate((step) => ({
        heading: step.querySelector("h1").textContent,
        answers: [...step.querySelectorAll(".answers a")].map((a) => [a.textContent, new URL(a.href).search]),
      }));
    await page.locator(".static-step h1").waitFor();
    const painted = await step(".static-step");
    assert.equal(painted.heading, "Is the site failing right now?");
    assert.ok(painted.answers.length >= 2, "its answers");
    for (const [, search] of painted.answers) assert.match(search, /^\?a=owner-site-check\.[a-z0-9-]+&rid=abc-123$/);
    assert.equal(await page.locator(".static-loading").isVisible(), false, "no “Loading your step…” in its place");
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
    assert.ok(fetched.some((path) => path.endsWith("/content/steps/owner-site-check.txt")), "its part of the tree");
    assert.ok(!fetched.some((path) => path.endsWith("/content/tree.txt")), "not the whole tree");
    release();
    await page.waitForSelector("html[data-app=started]");
    const live = await step(".step");
    assert.deepEqual(live, painted);
    await page.close();
  });

  test("a custom 502 page's link paints its reader's first step, and the app starts from its parts alone", async () => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const release = await holdApp(page);
    await page.route("**/content/tree.txt*", (route) => route.abort());
    await page.goto(`${server.url}?audience=visitor&url=https%3A%2F%2Fshop.example%2F&status=502`, { waitUntil: "domcontentloaded" });
    // Each answer as its label and its link's parameters, in order of name: the app and the
    // page's script may write them in different orders.
    const step = (selector) =>
      page.locator(selector).evaluate((step) => ({
        heading: step.querySelector("h1").textContent,
        answers: [...step.querySelectorAll(".answers a")].map((a) => [a.textContent, [...new URL(a.href).searchParams].sort()]),
      }));
    await page.locator(".static-step h1").waitFor();
    const painted = await step(".static-step");
    assert.ok(painted.answers.length >= 2, "its answers, which a visitor can tap before the app starts");
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname.replace(/.*\/content\//, "")));
    assert.ok(fetched.includes("steps/start.txt") && fetched.includes("steps/visitor-other-sites.txt"), fetched.join(" "));
    release();
    await page.waitForSelector("html[data-app=started]");
    const live = await step(".step");
    assert.deepEqual(live, painted, "the app opens the step that was painted, with the same links, without the whole tree");
    await context.close();
  });

  test("a link that changes an answer paints the question's heading before the app starts, and no “Loading your step…”", async () => {
    const page = await browser.newPage();
    const release = await holdApp(page);
    await page.goto(`${server.url}?a=visitor-other-sites.visitor-reload&change=visitor-other-sites`, { waitUntil: "domcontentloaded" });
    await page.locator(".static-step h1").waitFor();
    const painted = await page.locator(".static-step h1").innerText();
    assert.equal(painted, "Do other websites open normally right now?");
    assert.equal(await page.locator(".static-loading").isVisible(), false);
    release();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), painted, "the app opens the question being changed");
    await page.close();
  });

  test("without the whole tree, a deep link's step works, and a step beyond its part waits for the tree", async () => {
    // No service worker, whose cache would hand the tree over past the blocked route.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    let blocked = true;
    await page.route("**/content/tree.txt*", (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${server.url}?a=owner-site-check`);
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), "Is the site failing right now?");
    const first = page.locator(".answers a").first();
    const next = new URL(await first.evaluate((a) => a.href)).search;
    await first.click();
    await page.waitForTimeout(1500);
    assert.equal(await heading(page), "Is the site failing right now?", "the next step waits for the tree");
    blocked = false;
    await first.click();
    await waitUntil(async () => query(page) === next, "the next step opens once the tree can be had");
    assert.notEqual(await heading(page), "Is the site failing right now?");
    await context.close();
  });

  test("a deep link to a guidance step does not shift the page as the app and the text arrive", async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const page = await browser.newPage({ viewport });
      await page.addInitScript(() => {
        window.shifted = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifted += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${server.url}?a=owner-site-check.owner-gateway.owner-platform.owner-fly.owner-fly-refused`);
      await page.waitForSelector("html[data-app=started]");
      await page.locator(".guidance .markdown").waitFor();
      await page.waitForTimeout(300);
      const shifted = await page.evaluate(() => window.shifted);
      console.log(`layout shift on a deep guidance link at ${viewport.width} px: ${shifted.toFixed(3)}`);
      assert.ok(shifted < 0.1, `cumulative layout shift ${shifted.toFixed(3)} at ${viewport.width} px`);
      await page.close();
    }
  });

  test("the first screen is plain HTML and the app takes it over unchanged", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(server.url);
    const painted = await page.locator(".static-start").evaluate((step) => ({
      heading: step.querySelector("h1").textContent,
      answers: [...step.querySelectorAll(".answers a")].map((a) => [a.textContent, a.getAttribute("href")]),
    }));
    await page.close();
    const app = await openApp(browser, server.url);
    const live = await app.locator(".step").evaluate((step) => ({
      heading: step.querySelector("h1").textContent,
      answers: [...step.querySelectorAll(".answers a")].map((a) => [a.textContent, a.getAttribute("href")]),
    }));
    assert.deepEqual(live, painted);
    await app.close();
  });

  test("with the wasm blocked, the start question and a plain note remain", async () => {
    const page = await browser.newPage();
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(server.url);
    await page.locator(".no-app").waitFor({ state: "visible" });
    assert.match(await page.locator(".no-app").innerText(), /could not start/);
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    assert.equal(await page.locator(".answers a").count(), 4);
    await page.close();
  });

  test("without the network and before the step texts are kept, the step says so and can retry", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = /\/content\/.*\.html/;
    await page.route(bodies, (route) => route.abort());
    await page.goto(`${server.url}?a=owner-site-check.owner-gateway.owner-change.owner-plugins`);
    await page.waitForSelector("html[data-app=started]");
    assert.match(await page.locator(".load-error").innerText(), /could not be loaded: you may be offline/);
    await page.unroute(bodies);
    await page.locator(".load-error button", { hasText: "Try again" }).click();
    await page.locator(".guidance .markdown").waitFor();
    assert.match(await page.locator(".guidance").innerText(), /wp plugin deactivate --all/);
    await context.close();
  });
});

describe("without the decision tree", () => {
  test("the page says so, keeps the start question, and Try again recovers", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tree = /\/content\/(tree\.txt|steps\/)/;
    await page.route(tree, (route) => route.abort());
    await page.goto(`${server.url}?a=owner-site-check`);
    await page.waitForSelector("html[data-app=no-tree]");
    assert.match(await page.locator(".no-tree").innerText(), /could not be loaded\. You may be offline/);
    assert.ok(await page.locator(".static-start").isVisible(), "the start question stays");
    assert.ok(!(await page.locator(".no-app").isVisible()), "no claim that the script was blocked");
    await page.unroute(tree);
    await page.locator(".no-tree a", { hasText: "Try again" }).click();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), "Is the site failing right now?");
    await context.close();
  });
});

describe("layout", () => {
  test("a phone-sized screen has no sideways scrolling, and dark mode follows the system", async () => {
    const page = await openApp(browser, `${server.url}?a=owner-site-check.owner-gateway.owner-change.owner-log.owner-php-limits`, {
      viewport: { width: 360, height: 740 },
      colorScheme: "dark",
    });
    await page.locator(".guidance .markdown").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(22, 24, 28)");
    await page.screenshot({ path: join(OUTPUT, "guidance-phone-dark.png"), fullPage: true });
    await page.close();
  });
});

describe("the map of every step", () => {
  test("shows every node once, folded, finds a step by its id, and opens it as a walk the map began", async () => {
    const page = await openApp(browser, `${server.url}?map`, { viewport: { width: 360, height: 640 } });
    assert.equal(await heading(page), "Map of every step");
    await page.locator(".map-tree").waitFor();
    const nodes = (await contentNodeIds()).length;
    assert.equal(await page.locator(".map-tree li[id]").count(), nodes);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the map is ${overflow}px wider than a 360px screen`);
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(folded < 12_000, `folded, the map is ${folded}px tall on a phone`);
    await page.locator("#map-search").fill("owner-nginx-refused");
    assert.equal(await page.locator(".map-count").innerText(), "1 step matches.");
    const step = page.locator("#map-owner-nginx-refused > .map-step a");
    assert.ok(await step.isVisible(), "the branches above the match open");
    assert.ok(!(await page.locator("#map-visitor-reload").isVisible()), "other steps are hidden");
    await page.locator("#map-search").fill("connection refused");
    assert.match(await page.locator(".map-count").innerText(), /^\d+ steps match\.$/, "answer labels are searched too");
    await page.locator("#map-search").fill("owner-nginx-refused");
    await step.click();
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), "nginx: nothing accepts connections on the upstream address");
    assert.equal(query(page), "?from=owner-nginx-refused&by=map");
    assert.equal(await page.locator(".answered li").count(), 0, "no answer the reader never gave");
    assert.match(await page.locator(".answered > summary").innerText(), /opened from the map · no answers yet/);
    await page.close();
  });
});

describe("paste to diagnose", () => {
  test("a recorded nginx error page and log line lead to the right guidance, with the line that shows it", async () => {
    const page = await openApp(browser, server.url);
    await page.locator(".paste summary").click();
    const paste = [
      "<html>",
      "<head><title>502 Bad Gateway</title></head>",
      "<body>",
      "<center><h1>502 Bad Gateway</h1></center>",
      "<hr><center>nginx/1.22.1</center>",
      "</body>",
      "</html>",
      '2026/11/22 03:17:54 [error] 17160#17160: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 127.0.0.1, server: , request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:42515/"',
    ].join("\n");
    await page.locator("#paste-text").fill(paste);
    await page.locator(".paste button", { hasText: "Read it" }).click();
    const findings = page.locator(".paste-findings");
    assert.equal(await findings.getAttribute("data-confidence"), "high");
    assert.equal(await findings.locator(".paste-gateway").innerText(), "nginx 1.22.1");
    assert.match(await findings.locator(".paste-cause").innerText(), /reset the connection \(upstream-reset\)/);
    assert.match(await findings.locator(".paste-evidence li").first().innerText(), /^line 8 .*Connection reset by peer/);
    await findings.locator("a.paste-go").click();
    await reaches(page, "nginx");
    assert.equal(query(page), "?from=owner-nginx-reset&by=paste&found=nginx.upstream-reset");
    assert.equal(await page.locator(".answered li").count(), 0, "no answer the reader never gave");
    await openAnswers(page);
    assert.match(await page.locator(".answered .began").innerText(), /from your paste, which showed nginx: the upstream reset the connection\./);
    await page.locator(".walk-nav a", { hasText: "Back" }).click();
    assert.equal(await heading(page), "Who is seeing the 502 error?", "Back returns to where the paste was read");
    await page.close();
  });

  test("the hop chain shows each hop's request id under its name", async () => {
    const page = await openApp(browser, server.url);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator(".paste summary").click();
    const paste = [
      "Bad gateway Error code 502",
      "Cloudflare Ray ID: 8a1b2c3d4e5f6789",
      '2026/11/22 03:20:11 [error] 812#812: *40 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.7, server: shop.example, upstream: "http://127.0.0.1:8000/", host: "shop.example"',
    ].join("\n");
    await page.locator("#paste-text").fill(paste);
    await page.locator(".paste button", { hasText: "Read it" }).click();
    const hops = page.locator(".paste-hops .hop");
    await hops.first().waitFor();
    assert.deepEqual(await hops.evaluateAll((items) => items.map((item) => item.dataset.component ?? "browser")), ["browser", "cloudflare", "nginx"]);
    const cloudflare = page.locator('.paste-hops [data-component="cloudflare"] .hop-id');
    assert.equal(await cloudflare.innerText(), "8a1b2c3d4e5f6789");
    assert.equal(await cloudflare.getAttribute("title"), "Cloudflare Ray ID");
    assert.equal(await page.locator('.paste-hops [data-component="nginx"] .hop-id').count(), 0, "nginx showed no id of its own");
    await page.locator(".paste-findings").screenshot({ path: join(OUTPUT, "paste-hop-ids-360.png") });
    await page.close();
  });

  test("text with no known error says so and keeps the questions", async () => {
    const page = await openApp(browser, `${server.url}?a=owner-site-check.owner-gateway`);
    await page.locator(".paste summary").click();
    await page.locator("#paste-text").fill("Lorem ipsum dolor sit amet.\n<script>alert(1)</script>");
    await page.locator(".paste button", { hasText: "Read it" }).click();
    const none = await page.locator(".paste-none").innerText();
    assert.match(none, /This text shows no gateway error/);
    assert.match(none, /Answer the questions instead/);
    assert.equal(await heading(page), "Which server sent the 502 page?");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
