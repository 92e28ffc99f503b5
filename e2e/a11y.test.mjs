// End to end: usable by everyone. axe-core (WCAG 2.0-2.2 A and AA, and best practice)
// on every kind of screen in both colour schemes, then what axe cannot see, measured: the focus
// ring's contrast, target sizes, the step's h1 first, live regions that speak once, focus that
// never falls to the page, "Change" links that say what they change, 320 px without sideways
// scrolling, reduced motion and forced colours.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { answer, launch, openApp, reaches, ROOT, serve } from "./support.mjs";
import { startHarness } from "./harness.mjs";

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const SCHEMES = ["light", "dark"];
const PASTE = "HTTP/1.1 502 Bad Gateway\nServer: nginx/1.22.1\n\n2026/12/03 10:00:00 [error] 7#7: *1 connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://127.0.0.1:8000/\"";

let server;
let browser;
let sites;
before(async () => {
  server = await serve(undefined, new Map([["/502.html", { file: join(ROOT, "assets", "error-pages", "502.html") }]]));
  browser = await launch();
  sites = await startHarness();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sites?.stop();
});

const link = (params) => `${server.url}?${new URLSearchParams(params)}`;

/** axe's violations on `page`, one line each: rule, impact and the first elements. */
async function axe(page) {
  await page.evaluate(`${AXE};0`);
  const { violations } = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
}

const pasted = async (page) => {
  await page.locator("details.paste summary").click();
  await page.locator("#paste-text").fill(PASTE);
  await page.locator("details.paste button", { hasText: "Read it" }).click();
  await page.locator(".paste-findings").waitFor();
};
/** The question whose check asks whether the site at `url` answers, its check started. */
async function siteCheck(context, url) {
  const page = await openApp(context, link({ a: "visitor-other-sites.visitor-reload", url }));
  await answer(page, "No, it still says 502");
  return page;
}
/** A screen a link opens by itself: the app at `params`, once `shown` is on the page. */
const showing = (params, shown, options) => async (context) => {
  const page = await openApp(context, link(params));
  await page.locator(shown).first().waitFor(options);
  return page;
};
const WATCH = "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side";

/** Every kind of screen: how to reach it in a fresh browser context. */
const SCREENS = {
  "the start before the app takes over": async (context) => {
    const page = await context.newPage();
    // The app's wasm is held back, so the page stays as the HTML painted it.
    await page.route(/_bg\.wasm$/, () => {});
    await page.goto(server.url);
    await page.locator("h1").waitFor();
    return page;
  },
  "the start with the app": (context) => openApp(context, server.url),
  "a question after a check chose its answer": async (context) => {
    const page = await openApp(context, server.url);
    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page");
    return page;
  },
  "a guidance step with commands": showing({ from: "owner-nginx-backlog" }, ".guidance pre"),
  "an end step": showing({ from: "visitor-fixed" }, ".end, .step"),
  "a check running": async (context) => {
    const page = await siteCheck(context, sites.url("hang"));
    await page.locator(".check-running").waitFor();
    return page;
  },
  "a check cancelled": async (context) => {
    const page = await siteCheck(context, sites.url("hang"));
    await page.locator("button.cancel").click();
    await page.locator(".check .hint", { hasText: "Check stopped" }).waitFor();
    return page;
  },
  "a check that found no answer, on the step it chose": async (context) => {
    const page = await siteCheck(context, sites.url("down").replace(/:\d+\/$/, ":9/"));
    await reaches(page, "Refresh your DNS");
    return page;
  },
  // The harness's addresses are known only once it runs, so these two links are made then.
  "a check whose result leaves the choice to the reader": (context) =>
    showing({ from: "owner-gateway", url: sites.url("plain") }, ".check .finding, .picked-by", { timeout: 15_000 })(context),
  "the DNS check's result": (context) =>
    showing({ from: "owner-dns-check", url: "http://missing.test/", doh: sites.doh }, "[data-check=dns]", { state: "attached", timeout: 15_000 })(context),
  "the watch counting down": async (context) => {
    const page = await openApp(context, link({ a: WATCH, url: sites.url("down") }));
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    return page;
  },
  "paste findings": async (context) => {
    const page = await openApp(context, server.url);
    await pasted(page);
    return page;
  },
  "the report open": async (context) => {
    const page = await openApp(context, link({ from: "owner-nginx-backlog" }));
    await page.locator("details.report summary").click();
    await page.locator(".report-preview").waitFor();
    return page;
  },
  "the map": showing({ map: "" }, ".map"),
  "the context card with notes, open": async (context) => {
    const page = await openApp(context, link({ audience: "visitor", url: "https://shop.example/cart", status: "502", time: "2026-12-03T06:00:00Z", rid: "not valid because of spaces", via: "nginx" }));
    await page.locator(".context-line > summary").click();
    await page.locator("dl.context").waitFor();
    return page;
  },
  "the compact embed": showing({ embed: "https://help.example.com", compact: "1", from: "owner-nginx-backlog" }, ".guidance"),
  "the custom error page": async (context) => {
    const page = await context.newPage();
    await page.goto(`${server.url}502.html`);
    await page.locator("#fix502-wizard").waitFor();
    return page;
  },
};

describe("axe-core finds nothing, in both colour schemes", () => {
  for (const [screen, open] of Object.entries(SCREENS)) {
    test(screen, async () => {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ colorScheme });
        const page = await open(context);
        assert.deepEqual(await axe(page), [], `${screen}, ${colorScheme}`);
        await context.close();
      }
    });
  }
});

/** In the page: the contrast ratio of two CSS colours (opaque `rgb()`), as WCAG defines it. */
const CONTRAST = `
  window.contrast = (a, b) => {
    const luminance = (colour) => {
      const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map((c) => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.behind = (element) => {
    for (let at = element; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (!/rgba\\(.*, 0\\)$|transparent/.test(colour)) return colour;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };`;

/** What the screen shows that a reader can press: links, buttons, summaries and fields, with
 * links inside a sentence left out (WCAG 2.5.8 exempts them). */
const TARGETS = `
  window.targets = () => [...document.querySelectorAll("a[href], button, summary, input, textarea, select")]
    .filter((element) => element.getClientRects().length && getComputedStyle(element).visibility !== "hidden")
    .filter((element) => !element.closest(".visually-hidden"))
    .filter((element) => {
      if (element.tagName !== "A" || getComputedStyle(element).display !== "inline") return true;
      const sentence = element.parentElement.textContent.trim();
      return sentence === element.textContent.trim();
    });`;

describe("what axe cannot see", () => {
  test("the focus ring has a contrast of 3:1 or more with what is behind it, in both schemes", async () => {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ colorScheme });
      const page = await openApp(context, link({ from: "owner-nginx-backlog" }));
      await page.locator(".guidance pre").first().waitFor();
      await page.evaluate(CONTRAST);
      const seen = [];
      for (let press = 0; press < 25; press++) {
        await page.keyboard.press("Tab");
        const ring = await page.evaluate(() => {
          const focused = document.activeElement;
          if (!focused || focused === document.body || !focused.matches(":focus-visible")) return null;
          const style = getComputedStyle(focused);
          return {
            what: `${focused.tagName.toLowerCase()}.${focused.className}`,
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            ratio: window.contrast(style.outlineColor, window.behind(focused.parentElement)),
          };
        });
        if (ring) seen.push(ring);
      }
      assert.ok(seen.length >= 10, `${seen.length} controls took focus`);
      for (const ring of seen) {
        assert.notEqual(ring.style, "none", `${ring.what} shows a focus ring (${colorScheme})`);
        assert.ok(ring.width >= 2, `${ring.what}'s ring is ${ring.width}px wide (${colorScheme})`);
        assert.ok(ring.ratio >= 3, `${ring.what}'s ring has a contrast of ${ring.ratio.toFixed(2)}:1 (${colorScheme})`);
      }
      await context.close();
    }
  });

  test("every target is at least 24 by 24 CSS pixels, and the step's h1 is the first heading", async () => {
    for (const screen of ["the start with the app", "a guidance step with commands", "paste findings", "the report open", "the map", "the context card with notes, open", "a check cancelled", "the watch counting down"]) {
      const context = await browser.newContext();
      const page = await SCREENS[screen](context);
      await page.evaluate(TARGETS);
      const small = await page.evaluate(() =>
        window.targets()
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ element, box }) => `${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 30)}” ${Math.round(box.width)}x${Math.round(box.height)}`),
      );
      assert.deepEqual(small, [], `targets under 24 px on ${screen}`);
      const first = await page.evaluate(() => document.querySelector("h1, h2, h3, h4, h5, h6")?.tagName);
      assert.equal(first, "H1", `the first heading on ${screen}`);
      await context.close();
    }
  });

  test("focus never falls to the page: answering, Back, Read it, a check and its Cancel, the watch", async () => {
    const page = await openApp(browser, server.url);
    const focused = () => page.evaluate(() => (document.activeElement === document.body || !document.activeElement ? "body" : `${document.activeElement.tagName.toLowerCase()} ${document.activeElement.textContent.trim().slice(0, 40)}`));
    const notBody = async (after) => {
      await page.waitForTimeout(150); // a frame or two, for the redraw
      const now = await focused();
      assert.notEqual(now, "body", `focus fell to the page after ${after}`);
      return now;
    };
    await page.locator("details.paste summary").click();
    await page.locator("#paste-text").fill(PASTE);
    await page.locator("details.paste button", { hasText: "Read it" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".paste-findings").waitFor();
    assert.match(await notBody("Read it"), /^button Read it/);
    await page.locator("a.answer", { hasText: "I was visiting a website" }).focus();
    await page.keyboard.press("Enter");
    await reaches(page, "Reload the page");
    assert.match(await notBody("an answer"), /^h1/);
    await page.goto(link({ a: "visitor-other-sites.visitor-reload", url: sites.url("hang") }));
    await page.waitForSelector("html[data-app=started]");
    await page.locator("a.answer", { hasText: "No, it still says 502" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("button.cancel").focus();
    await page.keyboard.press("Enter");
    await page.locator(".check .hint", { hasText: "Check stopped" }).waitFor();
    assert.match(await notBody("Cancel"), /^button/);
    await page.locator(".walk-nav a.back").focus();
    await page.keyboard.press("Enter");
    assert.match(await notBody("Back"), /^h1/);
    await page.goto(link({ a: WATCH, url: sites.url("down") }));
    await page.waitForSelector("html[data-app=started]");
    await page.locator(".watch button", { hasText: "Watch the site for me" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".countdown").waitFor();
    assert.match(await notBody("Watch the site for me"), /^button Stop watching/);
    await page.keyboard.press("Enter");
    await page.locator(".watch", { hasText: "Stopped watching" }).waitFor();
    await notBody("Stop watching");
    await page.close();
  });

  test("a check's result and the paste's findings are announced once, by live regions there before them", async () => {
    const page = await openApp(browser, server.url);
    /** Records the texts that `selector`, a live region already in the page, takes. */
    const listen = (selector) =>
      page.evaluate((selector) => {
        const region = document.querySelector(selector);
        if (!region) return false;
        window.said = [];
        new MutationObserver(() => {
          const text = region.textContent.trim();
          if (text && text !== window.said.at(-1)) window.said.push(text);
        }).observe(region, { childList: true, subtree: true, characterData: true });
        return region.getAttribute("aria-live") ?? region.getAttribute("role");
      }, selector);
    const said = () => page.evaluate(() => window.said);

    await page.locator("details.paste summary").click();
    assert.equal(await listen(".paste-result"), "polite");
    await page.locator("#paste-text").fill(PASTE);
    await page.locator("details.paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-findings").waitFor();
    await page.waitForTimeout(300);
    const findings = await said();
    assert.equal(findings.length, 1, `the findings are announced once: ${JSON.stringify(findings)}`);
    assert.match(findings[0], /^What the paste shows/);
    assert.equal(await page.locator(".paste-result [role=status], .paste-result [aria-live]").count(), 0, "no live region inside another");

    assert.equal(await listen("#fix502-news"), "status");
    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page");
    await page.waitForTimeout(300);
    const news = await said();
    assert.equal(news.length, 1, `announced once: ${JSON.stringify(news)}`);
    assert.match(news[0], /^Your browser is online.*The check answered for you: Yes, only this site\b.*\.$/);
    await page.close();
  });

  test("the watch announces what changed, not its countdown's every second", async () => {
    const page = await openApp(browser, link({ a: WATCH, url: sites.url("down") }));
    await page.locator(".watch button", { hasText: "Watch the site for me" }).click();
    await page.locator(".countdown").waitFor();
    await page.evaluate(() => {
      window.counts = { news: 0, countdown: 0 };
      const news = document.querySelector(".watch-news");
      new MutationObserver(() => window.counts.news++).observe(news, { childList: true, subtree: true, characterData: true });
      new MutationObserver(() => window.counts.countdown++).observe(document.querySelector(".watch"), { childList: true, subtree: true, characterData: true });
    });
    await page.waitForTimeout(3500);
    const counts = await page.evaluate(() => window.counts);
    assert.ok(counts.countdown >= 3, `the countdown ticked (${counts.countdown} changes)`);
    assert.ok(counts.news <= 2, `the live region changed ${counts.news} times in 3.5 s`);
    const live = await page.evaluate(() => !!document.querySelector(".countdown").closest("[aria-live], [role=status], [role=alert]"));
    assert.equal(live, false, "the countdown is not in a live region");
    await page.close();
  });

  test("every Change link says which answer it changes", async () => {
    const page = await openApp(browser, link({ a: "visitor-other-sites.visitor-reload.visitor-site-answers" }));
    const names = await page.locator(".answered a.change").evaluateAll((links) => links.map((a) => a.textContent.replace(/\s+/g, " ").trim()));
    assert.ok(names.length >= 2, `${names.length} Change links`);
    for (const name of names) assert.match(name, /^Change your answer to: \S.+\?$/);
    await page.close();
  });

  test("at 320 px wide (400% zoom) nothing scrolls sideways, the map included", async () => {
    for (const screen of ["the start with the app", "a guidance step with commands", "paste findings", "the report open", "the map", "the context card with notes, open", "the watch counting down", "the custom error page"]) {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await SCREENS[screen](context);
      if (screen === "the map") await page.locator(".map details").evaluateAll((all) => all.forEach((details) => (details.open = true)));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${screen} is ${width}px wide at 320px`);
      await context.close();
    }
  });

  test("with reduced motion nothing moves, a running check included", async () => {
    const context = await browser.newContext({ reducedMotion: "reduce" });
    const page = await SCREENS["a check running"](context);
    const moving = await page.evaluate(() => document.getAnimations().map((animation) => animation.animationName ?? animation.constructor.name));
    assert.deepEqual(moving, []);
    await context.close();
  });

  test("in forced colours (Windows high contrast) every control keeps a visible edge or underline", async () => {
    for (const screen of ["the start with the app", "a guidance step with commands", "paste findings", "a check cancelled", "the report open"]) {
      const context = await browser.newContext({ forcedColors: "active" });
      const page = await SCREENS[screen](context);
      await page.evaluate(TARGETS);
      const invisible = await page.evaluate(() =>
        window.targets()
          .filter((element) => {
            const style = getComputedStyle(element);
            const edge = ["Top", "Right", "Bottom", "Left"].some((side) => style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) > 0);
            const underline = style.textDecorationLine.includes("underline");
            // A summary that keeps its disclosure triangle shows it in forced colours, and a file
            // field, a checkbox or a radio button its own native frame.
            const marker = element.tagName === "SUMMARY" && style.display === "list-item";
            const native = ["file", "checkbox", "radio"].includes(element.type);
            return !edge && !underline && !marker && !native;
          })
          .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${element.textContent.trim().slice(0, 30)}”`),
      );
      assert.deepEqual(invisible, [], `controls with no edge in forced colours on ${screen}`);
      await context.close();
    }
  });
});
