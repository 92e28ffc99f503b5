// End to end: the walk as people live it. Every step of the tree opened the hard way on a small
// phone (the question first), every form of link still opening its step without inventing the
// past, honest progress, advice that uses what the guide knows (the site, the device), and
// screenshots of the main screens in both colour schemes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT, ROOT, heading, launch, openApp, serve } from "./support.mjs";

let server;
let browser;
/** Every node: id, kind, title, the nodes its answers lead to, and its longest walk's query. */
let nodes;
before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  server = await serve();
  browser = await launch();
  const lines = execFileSync("cargo", ["run", "--quiet", "--bin", "fix502-content", "--", "--longest-walks"], { cwd: ROOT, encoding: "utf8" });
  nodes = new Map(lines.trim().split("\n").map((line) => JSON.parse(line)).map((node) => [node.id, node]));
});
after(async () => {
  await browser?.close();
  server?.close();
});

const PHONE = { width: 360, height: 640 };
const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** The details a custom 502 page sends, 25 minutes ago. */
const errorContext = () =>
  new URLSearchParams({
    url: "https://shop.example/cart?id=7",
    status: "502",
    time: new Date(Date.now() - 25 * 60_000).toISOString(),
    rid: "8c1f2e3d4b5a6978-LHR",
    via: "nginx",
  });

/** A context whose live checks never finish (their requests get no answer), so a question stays
 * on screen as the reader first sees it, instead of being answered by its check. */
async function stillContext(options = {}) {
  const context = await browser.newContext(options);
  await context.route("**/*", (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // The online check asks for the guide's own page; every other check asks another site.
    const online = url.origin === new URL(server.url).origin && url.pathname === "/" && request.resourceType() === "fetch";
    if (online || url.origin !== new URL(server.url).origin) return; // left hanging
    return route.continue();
  });
  return context;
}

/** Waits until the app shows `node`'s step, its answers or text in place. */
async function shows(page, node) {
  await page.waitForSelector("html[data-app=started]");
  await page.waitForFunction((title) => document.querySelector("h1")?.textContent === title, node.title);
  if (node.kind === "question") await page.locator(".step > ul.answers a").first().waitFor();
  else await page.locator(".step .markdown").first().waitFor();
}

/** Where the step's heading and first answer stand on screen, and which heading comes first. */
const measure = (page) =>
  page.evaluate(() => {
    const first = document.querySelector("h1, h2, h3, h4, h5, h6");
    const h1 = document.querySelector("h1").getBoundingClientRect();
    const answer = document.querySelector(".step > ul.answers a")?.getBoundingClientRect();
    return {
      firstHeading: `${first.tagName} ${first.id}`,
      headingTop: h1.top,
      answerBottom: answer?.bottom ?? null,
      progress: document.querySelector(".progress")?.textContent ?? null,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });

describe("the question first, on every step", () => {
  test("at 360×640 with the error's details and the longest walk, every step's heading leads and a question's first answer is in view", async () => {
    const context = await stillContext({ viewport: PHONE, colorScheme: "dark" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const problems = [];
    let measured = 0;
    for (const node of nodes.values()) {
      if (node.kind === "end" || node.id === "start") continue;
      const params = new URLSearchParams(`${node.query}&${errorContext()}`);
      await page.goto(`${server.url}?${params}`);
      await shows(page, node);
      const at = await measure(page);
      measured++;
      const say = (what) => problems.push(`${node.id}: ${what}`);
      if (at.firstHeading !== "H1 step-title") say(`the first heading is ${at.firstHeading}`);
      if (at.headingTop > PHONE.height / 2) say(`the heading starts at ${Math.round(at.headingTop)} px`);
      if (node.kind === "question" && !(at.answerBottom <= PHONE.height)) say(`the first answer ends at ${Math.round(at.answerBottom)} px`);
      if (at.overflow > 0) say(`the page is ${at.overflow} px wider than the screen`);
      // Honest progress: "the last before advice" only where every answer leads to advice.
      if (node.kind === "question" && at.progress) {
        const last = /the last before advice/.test(at.progress);
        const more = node.next.some((id) => nodes.get(id)?.kind === "question");
        if (last && more) say(`"${at.progress}", yet another question may follow`);
        const counted = at.progress.match(/Question (\d+) of up to (\d+)/);
        if (counted && +counted[1] > +counted[2]) say(`"${at.progress}"`);
      }
    }
    assert.ok(measured > 200, `every question and guidance node was opened (${measured})`);
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("links open their step, in every form, without an invented past", () => {
  const rid = "8c1f2e3d4b5a6978-LHR";
  const forms = [
    ["version 1 answers", "?a=owner-site-check.owner-gateway", "owner-gateway", 2],
    ["an answer being changed", "?a=owner-site-check.owner-gateway&change=owner-site-check", "owner-site-check", 2],
    ["version 1 step", "?step=owner-nginx-refused", "owner-nginx-refused", 0],
    ["version 1 audience", "?audience=owner", "owner-site-check", 0],
    ["a custom 502 page", `?audience=visitor&url=https%3A%2F%2Fshop.example%2Fcart&status=502&time=2026-11-22T04%3A53%3A44Z&rid=${rid}&via=nginx`, "visitor-other-sites", 0],
    ["the README's example", `/_fix502/?audience=visitor&url=https%3A%2F%2Fshop.example%2Fcart&status=502&time=2026-11-22T04%3A53%3A44Z&rid=${rid}&via=nginx`, "visitor-other-sites", 0],
    ["version 2, from a link", "?from=owner-gateway&by=link", "owner-gateway", 0],
    ["version 2, from the map", "?from=owner-nginx-refused&by=map", "owner-nginx-refused", 0],
    ["version 2, from a paste", "?from=owner-nginx-reset&by=paste&found=nginx.upstream-reset", "owner-nginx-reset", 0],
    ["version 2 with answers", "?from=owner-gateway&by=link&a=owner-web-server.owner-nginx", "owner-nginx", 2],
    ["version 2, a check's answer", "?a=visitor-other-sites.~visitor-reload", "visitor-reload", 2],
  ];
  for (const [name, link, id, answers] of forms) {
    test(`${name}: ${link}`, async () => {
      const context = await stillContext();
      const page = await context.newPage();
      const url = link.startsWith("/_fix502/") ? `${server.url}?${link.split("?")[1]}` : `${server.url}${link}`;
      await page.goto(url);
      const node = nodes.get(id);
      await shows(page, node);
      assert.equal(await heading(page), node.title);
      assert.equal(await page.locator(".answered li").count(), answers, "only the answers the link gives");
      if (answers === 0) assert.match(await page.locator(".answered > summary").innerText(), /· no answers yet$/);
      await context.close();
    });
  }

  test("the report says how a walk began and holds only the answers given", async () => {
    const page = await openApp(browser, `${server.url}?from=owner-nginx-reset&by=paste&found=nginx.upstream-reset`);
    await page.locator("details.report summary").click();
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway"));
    const text = await page.locator(".report-preview").textContent();
    assert.ok(text.includes("Opened at “nginx: the upstream reset the connection” from a paste, which showed nginx: the upstream reset the connection."), text);
    assert.ok(text.includes("No questions answered yet."), text);
    await page.close();
  });
});

describe("advice that uses what the guide knows", () => {
  test("commands name the reader's site, and a neutral example when the guide does not know it", async () => {
    const known = await openApp(browser, `${server.url}?step=visitor-dns&url=https%3A%2F%2Fshop.example%2Fcart`);
    await known.locator(".guidance .markdown").waitFor();
    assert.match(await known.locator(".guidance").innerText(), /nslookup shop\.example\b/);
    assert.doesNotMatch(await known.locator(".guidance").innerText(), /\{\{/);
    await known.close();
    const unknown = await openApp(browser, `${server.url}?step=visitor-dns`);
    await unknown.locator(".guidance .markdown").waitFor();
    assert.match(await unknown.locator(".guidance").innerText(), /nslookup example\.com\b/);
    await unknown.close();
    const international = await openApp(browser, `${server.url}?step=visitor-dns&url=${encodeURIComponent("https://бутик.example/корзина")}`);
    await international.locator(".guidance .markdown").waitFor();
    assert.match(await international.locator(".guidance").innerText(), /nslookup xn--[a-z0-9-]+\.example\b/, "commands get the name's ASCII form");
    await international.close();
  });

  test("a visitor told to try again gets a link to the site, never 'press F5'", async () => {
    const page = await openApp(browser, `${server.url}?step=visitor-reload&url=https%3A%2F%2Fshop.example%2Fcart`);
    const open = page.locator(".step .retry a");
    assert.equal(await open.textContent(), "Open shop.example again (opens a new tab)");
    assert.equal(await open.getAttribute("href"), "https://shop.example/cart");
    assert.equal(await open.getAttribute("target"), "_blank");
    assert.doesNotMatch(await page.locator(".step").innerText(), /F5|⌘ ?R|its own tab/);
    await page.close();
    const unknown = await openApp(browser, `${server.url}?step=visitor-reload`);
    assert.match(await unknown.locator(".step .retry").innerText(), /Go back to the tab or app that showed the error/);
    await unknown.close();
  });

  test("the steps for the reader's device and browser come first and open, the others folded", async () => {
    const phone = await openApp(browser, `${server.url}?step=visitor-clear-cache`, {
      viewport: { width: 390, height: 844 },
      userAgent: IPHONE_UA,
      isMobile: true,
      hasTouch: true,
    });
    await phone.locator(".guidance .markdown").waitFor();
    const sections = (page) =>
      page.locator(".guidance .for-group").first().locator("details.for").evaluateAll((all) =>
        all.map((section) => ({ for: section.dataset.for, open: section.open, title: section.querySelector("summary").textContent })),
      );
    const onPhone = await sections(phone);
    assert.ok(onPhone.length > 2, JSON.stringify(onPhone));
    assert.ok(onPhone[0].open && /iphone|ios/i.test(`${onPhone[0].for} ${onPhone[0].title}`), `first on an iPhone: ${JSON.stringify(onPhone)}`);
    assert.ok(onPhone.filter((s) => s.open).every((s) => !/desktop/.test(s.for)), "no desktop steps open on a phone");
    assert.doesNotMatch(
      await phone.locator(".guidance").evaluate((g) => [...g.querySelectorAll("details.for[open]")].map((d) => d.innerText).join("\n")),
      /Ctrl\+Shift/,
      "no desktop shortcuts among the phone's steps",
    );
    await phone.screenshot({ path: join(OUTPUT, "walk-advice-iphone.png") });
    await phone.close();
    const desktop = await openApp(browser, `${server.url}?step=visitor-clear-cache`);
    await desktop.locator(".guidance .markdown").waitFor();
    const onDesktop = await sections(desktop);
    assert.ok(onDesktop[0].open && /chrome/.test(onDesktop[0].for), `first in desktop Chrome: ${JSON.stringify(onDesktop)}`);
    assert.ok(onDesktop.filter((s) => s.open).every((s) => !/phone/.test(s.for)));
    await desktop.close();
  });

  test("every code block has a Copy button that copies it", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(`${server.url}?step=owner-nginx-refused`);
    await page.locator(".guidance .markdown pre").first().waitFor();
    const blocks = await page.locator(".guidance pre").count();
    assert.equal(await page.locator(".guidance .code-block .copy-code").count(), blocks);
    const block = page.locator(".guidance .code-block").nth(1);
    await block.locator(".copy-code").click();
    await page.waitForFunction(() => [...document.querySelectorAll(".copy-code")].some((b) => b.textContent === "Copied"));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await block.locator("pre").textContent());
    assert.equal(await block.locator("pre").getAttribute("tabindex"), "0", "a block that scrolls can be reached by keyboard");
    await context.close();
  });

  test("a page read to learn ends with a way on", async () => {
    const page = await openApp(browser, `${server.url}?a=learn-502.about-502`);
    const wayOn = page.locator(".way-on");
    assert.equal(await wayOn.locator("h2").innerText(), "Meeting a 502 now?");
    await wayOn.locator("a", { hasText: "I was visiting a website" }).click();
    assert.equal(await heading(page), nodes.get("visitor-other-sites").title);
    await page.close();
  });

  test("a 'what does the log say' question offers the paste box", async () => {
    const page = await openApp(browser, `${server.url}?from=owner-log&by=link`);
    assert.equal(await page.locator(".paste summary").count(), 1);
    await page.close();
  });
});

describe("how it looks", () => {
  const screens = [
    ["question", () => `?${errorContext()}&audience=visitor`],
    ["guidance", () => `?${nodes.get("visitor-site-side").query}&${errorContext()}`],
    ["map", () => "?map"],
    ["report", () => `?${nodes.get("visitor-contact-site").query}&${errorContext()}`],
  ];
  for (const [scheme, viewport] of [["dark", PHONE], ["light", { width: 1280, height: 800 }]]) {
    test(`the main screens at ${viewport.width}×${viewport.height} in the ${scheme} scheme, saved to look at`, async () => {
      const context = await stillContext({ viewport, colorScheme: scheme });
      for (const [name, link] of screens) {
        const page = await context.newPage();
        await page.goto(`${server.url}${link()}`);
        await page.waitForSelector("html[data-app=started]");
        if (name === "report") await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502"));
        else if (name === "map") await page.locator(".map-tree").waitFor();
        else await page.locator(".step h1").waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} is ${overflow} px too wide`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, scheme === "dark" ? "rgb(22, 24, 28)" : "rgb(255, 255, 255)");
        await page.screenshot({ path: join(OUTPUT, `screen-${name}-${viewport.width}-${scheme}.png`), fullPage: name !== "map" });
        await page.close();
      }
      await context.close();
    });
  }
});
