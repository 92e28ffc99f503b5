// Embedding: assets/embed.js on a help-desk page of one origin, the wizard on another.
//
// Three loopback servers, so three origins: the wizard (dist/ with assets/embed.js beside it, as
// the release build ships it, and a stand-in wizard page), the help desk (assets/embed-demo.html
// and the test pages) and a stranger (a blank page the tests forge messages from). The first
// tests drive embed.js with the stand-in, which posts only what a test tells it to; the others
// embed the real wizard in the demo page and follow a reader's walk through the messages it sends.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, ROOT, contentNodeIds, launch, recordViolations, RECOMMENDED_HEADERS, serve, violations } from "./support.mjs";

const ASSETS = join(ROOT, "assets");
// The stand-in wizard: a page of known height that sends nothing by itself.
const STAND_IN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stand-in wizard</title></head>
<body style="margin:0"><div id="content" style="height:300px">A stand-in for the wizard.</div></body></html>`;

// Test pages on the help desk's origin record every fix502:* event that reaches `document`.
const EVENTS = ["resize", "walk-started", "step-shown", "check-finished", "walk-ended", "feedback-given"];
const RECORDER = `<script>
  window.seen = [];
  for (const name of ${JSON.stringify(EVENTS)})
    document.addEventListener("fix502:" + name, (e) => seen.push({ name: e.type, on: e.target.id, detail: e.detail }));
</script>`;
const pages = new Map();
let wizard, helpDesk, stranger, browser;
const standIn = () => `${wizard.url}stand-in/`;

/**
 * Serves `body` as a help-desk page at `/t/<name>.html`. WIZARD stands for the stand-in's
 * folder on the wizard's origin, where the page loads embed.js from.
 */
function hostPage(name, body, { embedScript = `<script src="WIZARDembed.js" defer></script>` } = {}) {
  const path = `/t/${name}.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${RECORDER}
${embedScript.replaceAll("WIZARD", standIn())}</head><body>${body.replaceAll("WIZARD", standIn())}</body></html>`;
  pages.set(path, { text: html });
  return `${helpDesk.origin}${path}`;
}

before(async () => {
  wizard = await serve(
    DIST,
    new Map([
      ["/embed.js", { file: join(ASSETS, "embed.js") }],
      ["/stand-in/", { text: STAND_IN }],
      ["/stand-in/embed.js", { file: join(ASSETS, "embed.js") }],
    ]),
    // As a host that lets a help desk embed the guide would send them: its origin (a loopback
    // port here) added to frame-ancestors.
    { ...RECOMMENDED_HEADERS, "Content-Security-Policy": RECOMMENDED_HEADERS["Content-Security-Policy"].replace("frame-ancestors 'self'", "frame-ancestors 'self' http://127.0.0.1:*") },
  );
  helpDesk = await serve(null, pages);
  // The demo as a help desk with a strict policy of its own serves it: the guide's origin is
  // allowed for embed.js and the frame, and nothing is allowed inline.
  const wizardOrigin = new URL(wizard.url).origin;
  const headers = {
    "Content-Security-Policy": `default-src 'self'; script-src 'self' ${wizardOrigin}; style-src 'self'; frame-src ${wizardOrigin}; base-uri 'none'; object-src 'none'`,
  };
  for (const file of ["embed-demo.html", "embed-demo.css", "embed-demo.js"]) pages.set(`/${file}`, { file: join(ASSETS, file), headers });
  stranger = await serve(null, new Map([["/blank.html", { text: "<!doctype html><title>stranger</title><p>Another site." }]]));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([wizard, helpDesk, stranger].map((server) => server?.close()));
});

/** Opens `url`, collecting console warnings and page errors. */
async function open(url, options) {
  const page = await browser.newPage(options);
  page.warnings = [];
  page.errors = [];
  page.on("console", (message) => message.type() === "warning" && page.warnings.push(message.text()));
  page.on("pageerror", (error) => page.errors.push(error.message));
  await page.goto(url);
  return page;
}

/** The document inside the iframe `selector`, once it has loaded from `origin`. */
async function inner(page, selector, origin = wizard.origin) {
  await page.locator(selector).waitFor({ state: "attached" });
  const frame = await (await page.locator(selector).elementHandle()).contentFrame();
  await frame.waitForURL((url) => url.origin === origin);
  await frame.waitForLoadState("load");
  return frame;
}

/** Posts `messages` to the parent from inside `frame`, to the origin the frame was given. */
const post = (frame, ...messages) =>
  frame.evaluate((messages) => {
    const target = new URLSearchParams(location.search).get("embed") ?? "*";
    for (const message of messages) parent.postMessage(message, target);
  }, messages);

const v1 = (event, payload = {}) => ({ type: "fix502", version: 1, event, ...payload });
const seen = (page) => page.evaluate(() => window.seen);
const heightOf = (page, selector) => page.locator(selector).evaluate((frame) => frame.getBoundingClientRect().height);
const untilSeen = (page, count) => page.waitForFunction((count) => window.seen.length >= count, count);

describe("embed.js with a stand-in wizard", () => {
  test("makes one frame per div, with the protocol's parameters and nothing more", async () => {
    const url = hostPage(
      "params",
      `<div id="full" data-fix502 data-src="WIZARD?url=https%3A%2F%2Fshop.example%2F#ignored" data-step="owner-nginx"
          data-audience="owner" data-theme="dark" data-compact data-statuspage="https://status.shop.example"
          data-accent="#2ec4a0" data-radius="6" data-font="serif" data-title="Help with 502 errors"></div>
       <div id="plain" data-fix502 data-src="WIZARD"><a href="WIZARD">Fallback content, replaced</a></div>
       <div id="themed-default" data-fix502 data-theme="dark"></div>
       <div id="defaulted" data-fix502></div>
       <div id="odd" data-fix502 data-src="WIZARD" data-theme="neon" data-accent="red;x" data-radius="99"
          data-font="comic" data-audience="robot" data-step="Bad Id" data-statuspage="javascript:alert(1)" data-compact="0"></div>`,
    );
    const page = await open(url);
    await page.locator("#odd iframe").waitFor({ state: "attached" });
    const frames = await page.locator("iframe").evaluateAll((frames) =>
      frames.map((frame) => ({
        host: frame.parentElement.id,
        src: frame.src,
        title: frame.title,
        loading: frame.getAttribute("loading"),
        referrer: frame.getAttribute("referrerpolicy"),
        allow: frame.getAttribute("allow"),
        sandbox: frame.getAttribute("sandbox"),
        width: frame.getBoundingClientRect().width,
        hostWidth: frame.parentElement.getBoundingClientRect().width,
        border: getComputedStyle(frame).borderTopWidth,
        height: frame.getBoundingClientRect().height,
        siblings: frame.parentElement.childNodes.length,
      })),
    );
    assert.deepEqual(frames.map((frame) => frame.host), ["full", "plain", "themed-default", "defaulted", "odd"]);
    const params = (frame) => Object.fromEntries(new URL(frame.src).searchParams);
    assert.deepEqual(params(frames[0]), {
      url: "https://shop.example/",
      step: "owner-nginx",
      audience: "owner",
      theme: "dark",
      compact: "1",
      statuspage: "https://status.shop.example",
      accent: "#2ec4a0",
      radius: "6",
      font: "serif",
      embed: helpDesk.origin,
    });
    assert.equal(new URL(frames[0].src).hash, "");
    assert.equal(frames[0].title, "Help with 502 errors");
    assert.equal(frames[1].src, `${standIn()}?embed=${encodeURIComponent(helpDesk.origin)}`);
    assert.deepEqual(params(frames[2]), { theme: "dark", embed: helpDesk.origin });
    assert.equal(frames[3].src, frames[1].src, "without data-src, the wizard is where embed.js came from, and one div's settings never reach the next");
    assert.deepEqual(params(frames[4]), { embed: helpDesk.origin }, "values out of range are left out");
    for (const name of ["theme", "accent", "radius", "font", "audience", "step", "statuspage"]) {
      assert.ok(page.warnings.some((text) => text.includes(`data-${name}=`)), `a warning names data-${name}`);
    }
    for (const frame of frames) {
      assert.equal(frame.loading, "eager");
      assert.equal(frame.referrer, "no-referrer");
      assert.equal(frame.allow, "clipboard-write");
      assert.equal(frame.sandbox, "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads");
      assert.equal(frame.width, frame.hostWidth, "full width");
      assert.equal(frame.border, "0px");
      assert.equal(frame.height, 560, "the initial height");
      assert.equal(frame.siblings, 1, "the frame replaces the div's fallback content");
    }
    assert.ok(frames.slice(1).every((frame) => frame.title === "Fix a 502 Bad Gateway error, step by step"));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("resize sets the frame's height in whole pixels within a sane range, leaving no inner scrollbar", async () => {
    const page = await open(hostPage("resize", `<div id="w" data-fix502 data-src="WIZARD"></div>`));
    const frame = await inner(page, "#w iframe");
    const expect = async (height, want, count) => {
      await post(frame, v1("resize", { height }));
      await untilSeen(page, count);
      assert.equal(await heightOf(page, "#w iframe"), want, `resize to ${height}`);
    };
    await expect(777, 777, 1);
    await expect(640.2, 641, 2);
    await expect(5, 120, 3);
    await expect(1e9, 20000, 4);
    assert.deepEqual((await seen(page)).map((event) => [event.name, event.on, event.detail.height]), [
      ["fix502:resize", "w", 777],
      ["fix502:resize", "w", 640.2],
      ["fix502:resize", "w", 5],
      ["fix502:resize", "w", 1e9],
    ]);

    // The stand-in reports the height of its content, as the wizard does (not the root's
    // scrollHeight, which never falls below the frame's own height): then nothing is left to scroll.
    await frame.evaluate(() => (document.getElementById("content").style.height = "913px"));
    await frame.evaluate(() => {
      const target = new URLSearchParams(location.search).get("embed");
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      parent.postMessage({ type: "fix502", version: 1, event: "resize", height }, target);
    });
    await untilSeen(page, 5);
    assert.equal(await heightOf(page, "#w iframe"), 913);
    const inside = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    assert.ok(inside[0] <= inside[1], `the frame's document is ${inside[0]}px in a ${inside[1]}px frame`);
    assert.equal(await page.locator("#w iframe").getAttribute("scrolling"), "no");
    await page.close();
  });

  test("each message is re-dispatched on its own div, in order, with the message as detail", async () => {
    const page = await open(
      hostPage("events", `<div id="a" data-fix502 data-src="WIZARD"></div><div id="b" data-fix502 data-src="WIZARD"></div>`),
    );
    const [a, b] = [await inner(page, "#a iframe"), await inner(page, "#b iframe")];
    const walk = [
      v1("walk-started", { step: "start" }),
      v1("step-shown", { step: "start", kind: "question", audience: "everyone" }),
      v1("resize", { height: 612 }),
      v1("step-shown", { step: "visitor-other-sites", kind: "question", audience: "visitor" }),
      v1("check-finished", { step: "visitor-other-sites", check: "online", outcome: "online" }),
      v1("walk-ended", { step: "visitor-fixed", outcome: "fixed" }),
      v1("feedback-given", { step: "visitor-fixed" }), // a later event name passes through too
    ];
    await post(b, ...walk);
    await untilSeen(page, walk.length);
    const events = await seen(page);
    assert.deepEqual(events.map((event) => event.name), walk.map((message) => `fix502:${message.event}`));
    assert.deepEqual(events.map((event) => event.detail), walk);
    assert.ok(events.every((event) => event.on === "b"), "dispatched on the div of the frame that sent it");
    assert.equal(await heightOf(page, "#b iframe"), 612);
    assert.equal(await heightOf(page, "#a iframe"), 560, "the other frame keeps its height");

    await post(a, v1("walk-ended", { step: "owner-escalate", outcome: "escalated" }));
    await untilSeen(page, walk.length + 1);
    assert.deepEqual((await seen(page)).at(-1), { name: "fix502:walk-ended", on: "a", detail: v1("walk-ended", { step: "owner-escalate", outcome: "escalated" }) });
    await page.close();
  });

  test("messages from any other window or origin, and malformed ones, are ignored", async () => {
    const page = await open(
      hostPage(
        "forged",
        `<div id="w" data-fix502 data-src="WIZARD"></div>
         <iframe id="stranger" src="${stranger.url}blank.html"></iframe>
         <iframe id="lookalike" src="WIZARD"></iframe>`,
      ),
    );
    const frame = await inner(page, "#w iframe");
    const forged = v1("resize", { height: 5 });
    const forgedStep = v1("step-shown", { step: "owner-escalate", kind: "end", audience: "owner" });

    // The help desk's own page posting to itself.
    await page.evaluate(([forged, forgedStep]) => { window.postMessage(forged, "*"); window.postMessage(forgedStep, "*"); }, [forged, forgedStep]);
    // A frame of a third origin posting to its parent.
    const strangerFrame = await inner(page, "#stranger", stranger.origin);
    await strangerFrame.evaluate(([forged, forgedStep]) => { parent.postMessage(forged, "*"); parent.postMessage(forgedStep, "*"); }, [forged, forgedStep]);
    // A frame of the wizard's own origin that embed.js did not make.
    const lookalike = await inner(page, "#lookalike");
    await lookalike.evaluate(([forged, forgedStep]) => { parent.postMessage(forged, "*"); parent.postMessage(forgedStep, "*"); }, [forged, forgedStep]);
    // The real frame, with messages that do not follow the protocol.
    await post(
      frame,
      { ...forged, type: "other" },
      { ...forged, version: 2 },
      { ...forged, version: "1" },
      { ...forged, event: 42 },
      { ...forged, event: "Resize Now" },
      v1("resize", { height: "5" }),
      v1("resize", { height: Number.NaN }),
      v1("resize"),
      "fix502 resize 5",
      [forged],
      null,
    );
    // Then one good message: once it is here, the others have been and gone.
    await post(frame, v1("walk-started", { step: "start" }));
    await untilSeen(page, 1);
    await page.waitForTimeout(300);
    assert.deepEqual(await seen(page), [{ name: "fix502:walk-started", on: "w", detail: v1("walk-started", { step: "start" }) }]);
    assert.equal(await heightOf(page, "#w iframe"), 560);

    // The wizard's frame sent somewhere else: the same window, but no longer the wizard's origin.
    await page.locator("#w iframe").evaluate((iframe, url) => (iframe.src = url), `${stranger.url}blank.html`);
    const moved = await inner(page, "#w iframe", stranger.origin);
    await moved.evaluate(([forged, forgedStep]) => { parent.postMessage(forged, "*"); parent.postMessage(forgedStep, "*"); }, [forged, forgedStep]);
    await page.waitForTimeout(300);
    assert.equal((await seen(page)).length, 1, "nothing more was dispatched");
    assert.equal(await heightOf(page, "#w iframe"), 560);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("a data-src that is not an http(s) address gives a warning and a plain link, not a frame", async () => {
    const bad = ["javascript:alert(1)", "ftp://wizard.example/", "http://[oops/", "https://user:secret@wizard.example/"];
    const page = await open(
      hostPage("fallback", bad.map((src, i) => `<div id="bad${i}" data-fix502 data-src="${src}" data-title="Our 502 guide"></div>`).join("")),
    );
    await page.locator(`#bad${bad.length - 1} a`).waitFor();
    assert.equal(await page.locator("iframe").count(), 0);
    for (let i = 0; i < bad.length; i++) {
      const link = page.locator(`#bad${i} a`);
      assert.equal(await link.getAttribute("href"), standIn(), "the link opens the wizard beside embed.js");
      assert.equal(await link.innerText(), "Our 502 guide");
      assert.equal(await page.locator(`#bad${i}`).getAttribute("data-fix502-state"), "fallback");
    }
    const warnings = page.warnings.filter((text) => text.startsWith("fix502 embed: data-src must be an http(s) URL"));
    assert.equal(warnings.length, bad.length, page.warnings.join("\n"));
    await page.close();
  });

  test("the frame and its plain-link fallback speak the help-desk page's language", async () => {
    const page = await open(
      hostPage(
        "languages",
        `<div id="de" data-fix502 data-src="WIZARD" data-lang="de-AT"></div>
         <section lang="ja"><div id="ja" data-fix502 data-src="WIZARD"></div></section>
         <section lang="sv"><div id="sv" data-fix502 data-src="WIZARD"></div></section>
         <div id="broken" data-fix502 data-src="ftp://wizard.example/" data-lang="fr"></div>`,
      ),
    );
    await page.locator("#de iframe").waitFor({ state: "attached" });
    const frameOf = async (id) => {
      const frame = page.locator(`#${id} iframe`);
      return { title: await frame.getAttribute("title"), lang: new URL(await frame.getAttribute("src")).searchParams.get("lang") };
    };
    assert.deepEqual(await frameOf("de"), { title: "Einen Fehler 502 Bad Gateway Schritt für Schritt beheben", lang: "de" });
    assert.deepEqual(await frameOf("ja"), { title: "502 Bad Gateway エラーを順を追って解決する", lang: "ja" });
    assert.deepEqual(await frameOf("sv"), { title: "Fix a 502 Bad Gateway error, step by step", lang: null });
    assert.equal(await page.locator("#broken a").innerText(), "Corriger une erreur 502 Bad Gateway pas à pas");
    await page.close();
  });

  test("scan() embeds divs added later, once each; loading embed.js twice changes nothing", async () => {
    const page = await open(
      hostPage("scan", `<div id="first" data-fix502 data-src="WIZARD"></div>`, {
        // In <head>, without defer: it waits for the document before looking for divs.
        embedScript: `<script src="WIZARDembed.js"></script><script src="WIZARDembed.js"></script>`,
      }),
    );
    await page.locator("#first iframe").waitFor({ state: "attached" });
    assert.deepEqual(await page.evaluate(() => Object.keys(window.fix502Embed)), ["scan"]);
    assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((key) => /fix502/i.test(key))), ["fix502Embed"]);
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.id = "later";
      div.setAttribute("data-fix502", "");
      div.setAttribute("data-src", document.querySelector("#first iframe").src.split("?")[0]);
      document.body.append(div);
      window.fix502Embed.scan();
      window.fix502Embed.scan();
    });
    assert.equal(await page.locator("#first iframe").count(), 1);
    assert.equal(await page.locator("#later iframe").count(), 1);
    const frame = await inner(page, "#later iframe");
    await post(frame, v1("resize", { height: 345 }));
    await untilSeen(page, 1);
    assert.equal(await heightOf(page, "#later iframe"), 345, "a frame added later is listened to");
    await page.close();
  });
});

describe("the demo page with the real wizard", () => {
  /** The demo on the help desk's origin, embedding the wizard from the other origin. */
  async function demo(options) {
    const page = await browser.newPage(options);
    await recordViolations(page);
    page.errors = [];
    page.on("pageerror", (error) => page.errors.push(error.message));
    // Records every fix502:* event on the demo page (not in the frames).
    await page.addInitScript((events) => {
      if (window !== window.top) return;
      window.seen = [];
      for (const name of events)
        document.addEventListener("fix502:" + name, (e) => window.seen.push({ name: e.type, on: e.target.id, detail: e.detail }));
    }, EVENTS);
    await page.goto(`${helpDesk.url}embed-demo.html?wizard=${encodeURIComponent(wizard.url)}`);
    return page;
  }
  /** Waits for the wizard's app to start in `frame`, naming the page's errors if it does not. */
  const started = (page, frame) =>
    frame.waitForSelector("html[data-app=started]", { timeout: 15_000 }).catch((error) => {
      throw new Error(`the wizard did not start in the frame; page errors: ${JSON.stringify(page.errors)}`, { cause: error });
    });
  const heading = (frame) => frame.locator("h1").innerText();
  const answer = (frame, label) => frame.locator(".answers a", { hasText: label }).click();
  const events = async (page, on = "main-embed") => (await seen(page)).filter((event) => event.on === on);
  const walkEvents = async (page) => (await events(page)).filter((event) => event.name !== "fix502:resize").map((event) => event.detail);

  test("embeds the wizard in the article and, themed, in the sidebar; the wizard runs in the frame", async () => {
    const page = await demo();
    await page.locator("#sidebar-embed iframe").waitFor({ state: "attached" });
    const main = new URL(await page.locator("#main-embed iframe").getAttribute("src"));
    assert.equal(main.origin, wizard.origin);
    assert.deepEqual(Object.fromEntries(main.searchParams), { embed: helpDesk.origin });
    assert.equal(await page.locator("#main-embed iframe").getAttribute("title"), "502 troubleshooting guide");
    const side = new URL(await page.locator("#sidebar-embed iframe").getAttribute("src"));
    assert.deepEqual(Object.fromEntries(side.searchParams), {
      audience: "owner",
      theme: "dark",
      compact: "1",
      accent: "#2ec4a0",
      radius: "4",
      font: "sans",
      embed: helpDesk.origin,
    });

    const frame = await inner(page, "#main-embed iframe");
    await started(page, frame);
    assert.equal(await heading(frame), "Who is seeing the 502 error?");
    // The sandbox leaves the wizard what it needs: its links, its own origin for the online check.
    await answer(frame, "I was visiting a website");
    await frame.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Reload the page once"));
    assert.equal(new URL(page.url()).pathname, "/embed-demo.html", "the help desk's page stays where it was");
    assert.deepEqual(page.errors, []);
    // The help desk's page and the frame each run under their own policy without a violation.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("header.site")).display), "flex", "the demo's stylesheet applies");
    assert.deepEqual(await violations(page), [], "the help desk's page");
    assert.deepEqual(await frame.evaluate(() => window.violations), [], "the wizard's frame");
    await page.close();
  });

  test("the demo's log shows what messages say as text", async () => {
    const page = await demo();
    const frame = await inner(page, "#main-embed iframe");
    const step = '<img src=x onerror="window.injected=1">';
    await frame.evaluate((step) => parent.postMessage({ type: "fix502", version: 1, event: "step-shown", step, kind: "question", audience: "everyone" }, "*"), step);
    await page.locator("#fix502-log li", { hasText: "<img src=x" }).waitFor();
    assert.equal(await page.locator("#fix502-log img").count(), 0);
    assert.equal(await page.evaluate(() => window.injected), undefined);
    await page.close();
  });

  test("the frame's height follows the wizard's resize messages from step to step, with no inner scrollbar", async () => {
    const page = await demo({ viewport: { width: 1100, height: 800 } });
    const frame = await inner(page, "#main-embed iframe");
    /** Waits until the frame is as tall as the wizard last said and its document fits in it. */
    const settled = async () => {
      await page.waitForFunction(
        () => {
          const resizes = window.seen.filter((event) => event.on === "main-embed" && event.name === "fix502:resize");
          const frame = document.querySelector("#main-embed iframe");
          const last = resizes.at(-1);
          return last && Math.round(frame.getBoundingClientRect().height) === Math.max(120, Math.min(20000, last.detail.height));
        },
        null,
        { timeout: 10_000 },
      );
      const height = await heightOf(page, "#main-embed iframe");
      const inside = await frame.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(inside <= height, `the wizard's document is ${inside}px in a ${height}px frame`);
      return height;
    };
    await started(page, frame);
    const start = await settled();
    await answer(frame, "I was visiting a website");
    await frame.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Reload the page once"));
    // A resize after `count` earlier ones that is taller (or shorter) than `than`.
    const resizeAfter = (count, than, taller) =>
      page.waitForFunction(
        ([count, than, taller]) =>
          window.seen
            .filter((event) => event.on === "main-embed" && event.name === "fix502:resize")
            .slice(count)
            .some((event) => (taller ? event.detail.height > than : event.detail.height < than)),
        [count, than, taller],
        { timeout: 10_000 },
      );
    const resizeCount = async () => (await events(page)).filter((event) => event.name === "fix502:resize").length;
    await answer(frame, "Yes, it works now");
    await frame.locator(".guidance .markdown details.for").first().waitFor();
    await resizeAfter(0, start, true); // the wizard reports the guidance's full height
    const guidance = await settled();
    assert.ok(guidance > start, `the guidance (${guidance}px) is taller than the first question (${start}px)`);
    // And it shrinks again: the wizard measures its content, not a document the frame stretched.
    const before = await resizeCount();
    await frame.locator(".walk-nav a", { hasText: "Start over" }).click();
    await frame.waitForFunction(() => document.querySelector("h1").textContent === "Who is seeing the 502 error?");
    await resizeAfter(before, guidance, false);
    const again = await settled();
    assert.ok(again < guidance, `back at the first question the frame is ${again}px, not ${guidance}px`);
    const resizes = (await events(page)).filter((event) => event.name === "fix502:resize");
    assert.ok(resizes.every((event) => Number.isInteger(event.detail.height)), "heights are whole pixels");
    assert.ok(new Set(resizes.map((event) => event.detail.height)).size >= 2, "the height was reported again as it changed");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("a reader's walk arrives as walk-started, step-shown, check-finished and walk-ended, in order", async () => {
    const page = await demo();
    const frame = await inner(page, "#main-embed iframe");
    await started(page, frame);
    await page.waitForFunction(() => window.seen.some((event) => event.on === "main-embed" && event.name === "fix502:step-shown"), null, { timeout: 10_000 });
    const first = await events(page);
    const walkStarted = first.findIndex((event) => event.name === "fix502:walk-started");
    const stepShown = first.findIndex((event) => event.name === "fix502:step-shown");
    assert.ok(walkStarted >= 0 && walkStarted < stepShown, "walk-started comes before the first step-shown");
    assert.deepEqual(first[walkStarted].detail, v1("walk-started", { step: "start" }));
    assert.deepEqual(first[stepShown].detail, v1("step-shown", { step: "start", kind: "question", audience: "everyone" }));
    await page.waitForFunction(() => window.seen.some((event) => event.on === "main-embed" && event.name === "fix502:resize"), null, { timeout: 10_000 });

    await answer(frame, "I was visiting a website");
    await frame.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Reload the page once"));
    await answer(frame, "Yes, it works now");
    await frame.waitForFunction(() => document.querySelector("h1").textContent === "It was a passing hiccup");
    await answer(frame, "Yes, that fixed it");
    await frame.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Fixed: the page opens again"));
    await page.waitForFunction(() => window.seen.some((event) => event.name === "fix502:walk-ended"), null, { timeout: 10_000 });
    await page.waitForTimeout(300);

    assert.deepEqual(await walkEvents(page), [
      v1("walk-started", { step: "start" }),
      v1("step-shown", { step: "start", kind: "question", audience: "everyone" }),
      v1("step-shown", { step: "visitor-other-sites", kind: "question", audience: "visitor" }),
      v1("check-finished", { step: "visitor-other-sites", check: "online", outcome: "online" }),
      v1("step-shown", { step: "visitor-reload", kind: "question", audience: "visitor" }),
      v1("step-shown", { step: "visitor-reload-worked", kind: "guidance", audience: "visitor" }),
      v1("step-shown", { step: "visitor-fixed", kind: "end", audience: "visitor" }),
      v1("walk-ended", { step: "visitor-fixed", outcome: "fixed" }),
    ]);
    // Only the protocol's fields, from both frames, so nothing personal: no address, nothing typed.
    const ids = new Set(await contentNodeIds());
    const fields = {
      resize: ["height"],
      "walk-started": ["step"],
      "step-shown": ["audience", "kind", "step"],
      "check-finished": ["check", "outcome", "step"],
      "walk-ended": ["outcome", "step"],
    };
    for (const { detail } of await seen(page)) {
      assert.deepEqual(Object.keys(detail).sort(), [...fields[detail.event], "event", "type", "version"].sort(), JSON.stringify(detail));
      if (detail.event !== "resize") assert.ok(ids.has(detail.step), `${detail.step} is a node id`);
    }
    assert.equal(await page.locator("#count-fixed").innerText(), "1", "the demo counts the outcome");
    assert.match(await page.locator("#fix502-log").innerText(), /main-embed walk-ended \{"step":"visitor-fixed","outcome":"fixed"\}/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("the sidebar's wizard takes the dark theme, accent and radius it was given", async () => {
    const page = await demo({ viewport: { width: 1100, height: 800 } });
    const frame = await inner(page, "#sidebar-embed iframe");
    await started(page, frame);
    const style = await frame.evaluate(() => {
      const body = getComputedStyle(document.body);
      return {
        background: body.backgroundColor,
        accent: body.getPropertyValue("--fix502-accent").trim(),
        radius: body.getPropertyValue("--fix502-radius").trim(),
      };
    });
    assert.deepEqual(style, { background: "rgb(22, 24, 28)", accent: "#2ec4a0", radius: "4px" });
    await page.waitForFunction(() => window.seen.some((event) => event.on === "sidebar-embed" && event.name === "fix502:resize"), null, { timeout: 10_000 });
    const width = await page.locator("#sidebar-embed iframe").evaluate((frame) => frame.getBoundingClientRect().width);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the compact wizard is ${overflow}px wider than its ${width}px frame`);
    await page.close();
  });
});

describe("the release build", () => {
  test("ships embed.js unchanged beside index.html, and not the demo page", async () => {
    const shipped = await readFile(join(DIST, "embed.js")).catch(() => null);
    assert.ok(shipped, `dist/embed.js exists (index.html copies assets/embed.js with data-trunk rel="copy-file")`);
    assert.ok(shipped.equals(await readFile(join(ASSETS, "embed.js"))), "dist/embed.js is assets/embed.js");
    // The demo loads embed.js from the address in its ?wizard= parameter: on a real site that
    // would let any link run any script there.
    assert.equal(await readFile(join(DIST, "embed-demo.html")).catch(() => null), null);
  });
});
