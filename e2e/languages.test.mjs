// End to end: the guide in the visitor's language (Spanish, German, French, Brazilian Portuguese,
// Japanese, Arabic). Each is chosen by the `lang` parameter and by the browser's languages, is
// painted before the app starts, and walks the visitor's tree to an end in that language; the
// owners' steps stay in English with one note; the switcher keeps the reader's place; Arabic is
// laid out right to left; the pages pass axe in Arabic and Japanese, and their phone screenshots
// are kept in test-output/ to be looked at. What a test expects to read comes from the build
// (dist/content/<lang>/), not from a second copy of the translations.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, ROOT, heading, launch, messagesOf, openApp, serve, titleOf } from "./support.mjs";

const LANGUAGES = ["es", "de", "fr", "pt-BR", "ja", "ar"];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks the answer of the step on screen that leads to `next`, by where it leads. */
const choose = (page, next) => page.locator(`main .answers a[href*="${next}"]`).first().click();
const pageLanguage = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

describe("in the visitor's language", () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: chosen by the lang parameter, painted before the app, then walked to an end`, async () => {
      const words = messagesOf(lang);
      // Before the app: without its wasm, the page still paints the start question in the language.
      const context = await browser.newContext({ locale: "en-US" });
      const early = await context.newPage();
      await early.route(/\.wasm$/, (route) => route.abort());
      await early.goto(`${server.url}?lang=${lang}`);
      await early.locator(".static-step h1").waitFor();
      assert.equal(await early.locator(".static-step h1").innerText(), titleOf("start.md", lang));
      assert.deepEqual(await pageLanguage(early), [lang, lang === "ar" ? "rtl" : "ltr"]);
      assert.equal(await early.locator(".tagline").innerText(), words.tagline);
      assert.equal(await early.title(), words["page-title"]);
      await context.close();

      const page = await openApp(browser, `${server.url}?lang=${lang}`, { locale: "en-US" });
      assert.deepEqual(await pageLanguage(page), [lang, lang === "ar" ? "rtl" : "ltr"]);
      assert.equal(await heading(page), titleOf("start.md", lang));
      assert.equal(await page.locator(".paste summary").innerText(), words["paste-summary"]);
      // A visitor: the browser is online, so the first question answers itself.
      await choose(page, "visitor-other-sites");
      await page.waitForFunction((title) => document.querySelector("h1")?.textContent === title, titleOf("visitor/visitor-reload.md", lang));
      assert.match(await page.locator(".picked-by").innerText(), new RegExp(words["choose-yourself"].replace(/[?.]/g, "\\$&")));
      // What the check found is said in the language too (the panels' own words).
      const panels = messagesOf(lang, "panels.txt");
      await page.locator(".answered > summary").click();
      assert.equal(await page.locator(".answered .finding-verdict").textContent(), panels["verdict-ok"]);
      const online = new RegExp(`^${panels.online.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{millis}", "\\d+")}$`);
      assert.match(await page.locator(".answered .finding-summary").innerText(), online);
      await page.locator(".answered > summary").click();
      assert.equal(await page.locator(".walk-nav .back").innerText(), words.back);
      assert.ok(new URL(page.url()).searchParams.get("lang") === lang, "the walk's links keep the language");
      await choose(page, "visitor-reload-worked");
      assert.equal(await heading(page), titleOf("visitor/visitor-reload-worked.md", lang));
      await page.locator(".guidance .markdown").waitFor();
      assert.equal(await page.locator("#outcome-title").innerText(), words["did-this-fix-it"]);
      assert.equal(await page.locator(".outcome .answers a").first().innerText(), words.fixed);
      await choose(page, "visitor-fixed");
      assert.equal(await heading(page), titleOf("visitor/visitor-fixed.md", lang));
      await page.locator(".guidance.end .markdown").waitFor();
      assert.equal(await page.locator(".language-note").count(), 0, "every visitor step is translated");
      assert.match(await page.locator(".answered > summary").innerText(), new RegExp(`^${words["how-you-got-here"].split("{")[0].trim()}`));
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  test("without a parameter, the browser's languages choose, best match first; the parameter wins", async () => {
    const cases = [
      ["pt", "pt-BR"],
      ["es-MX", "es"],
      ["de-AT", "de"],
      ["fr-CA", "fr"],
      ["ja-JP", "ja"],
      ["ar-EG", "ar"],
      ["sv-SE", "en"],
    ];
    for (const [locale, lang] of cases) {
      const page = await openApp(browser, server.url, { locale });
      assert.deepEqual(await pageLanguage(page), [lang, lang === "ar" ? "rtl" : "ltr"], locale);
      assert.equal(await heading(page), titleOf("start.md", lang), locale);
      await page.close();
    }
    const chosen = await openApp(browser, `${server.url}?lang=ja`, { locale: "de-DE" });
    assert.equal(await heading(chosen), titleOf("start.md", "ja"));
    await chosen.close();
  });

  test("the switcher opens the same step in the language chosen", async () => {
    const page = await openApp(browser, `${server.url}?a=visitor-other-sites.visitor-reload`, { locale: "en-US" });
    assert.equal(await heading(page), titleOf("visitor/visitor-reload.md"));
    await page.locator(".languages summary").click();
    await page.locator('.languages a[hreflang="fr"]').click();
    await page.waitForURL(/lang=fr/);
    await page.waitForSelector("html[data-app=started]");
    assert.equal(await heading(page), titleOf("visitor/visitor-reload.md", "fr"));
    assert.equal(new URL(page.url()).searchParams.get("a"), "visitor-other-sites.visitor-reload");
    assert.equal(await page.locator(".languages .current-language").innerText(), "Français");
    await page.close();
  });

  test("the owners' steps stay in English, said once in the reader's language", async () => {
    const words = messagesOf("de");
    const page = await openApp(browser, `${server.url}?lang=de`, { locale: "de-DE" });
    await choose(page, "owner-site-check");
    assert.equal(await heading(page), titleOf("owner/owner-site-check.md"));
    assert.equal(await page.locator(".language-note").innerText(), words["owner-in-english"]);
    assert.equal(await page.locator("section.step").getAttribute("lang"), "en");
    // The interface around the English step stays German.
    assert.equal(await page.locator(".walk-nav .back").innerText(), words.back);
    await page.locator(".walk-nav .back").click();
    assert.equal(await heading(page), titleOf("start.md", "de"));
    assert.equal(await page.locator("section.step").getAttribute("lang"), null);
    await page.close();
  });

  test("a link that cannot be followed is explained in the reader's language", async () => {
    const words = messagesOf("de");
    const page = await openApp(browser, `${server.url}?lang=de&a=nowhere`, { locale: "de-DE" });
    const note = await page.locator(".problem").innerText();
    assert.ok(note.startsWith(words["link-unknown-step"].replace("{given}", "nowhere")), note);
    assert.ok(note.endsWith(words["last-right-step"]), note);
    await page.close();
  });

  test("the report for support is in English on a German page, for the support team, or in German as the reader chooses", async () => {
    const words = messagesOf("de");
    const page = await openApp(browser, `${server.url}?lang=de&a=visitor-other-sites.visitor-reload.visitor-site-answers`, { locale: "de-DE" });
    await page.locator("details.report summary", { hasText: words["report-for-support"] }).click();
    await page.locator(".report-preview").waitFor();
    const report = await page.locator(".report-preview").innerText();
    assert.match(report, /Content version: [0-9a-f]{16}/);
    // The walk's questions and answers too: the English tree's words, not the page's.
    assert.ok(report.includes(titleOf("visitor/visitor-other-sites.md")), report);
    assert.ok(!report.includes(titleOf("visitor/visitor-other-sites.md", "de")), report);
    // The panel around it speaks the page's language: its choices and its buttons.
    const panels = messagesOf("de", "panels.txt");
    assert.equal((await page.locator(".report .share-details").innerText()).trim(), panels["share-details"]);
    assert.equal(await page.locator("#report-share + button").innerText(), panels["copy-link"]);
    assert.equal(await page.locator("#report-share").getAttribute("aria-label"), panels["share-link-label"]);
    // Or, as the reader chooses, in the page's language, with the German tree's titles.
    await page.getByRole("radio", { name: "Deutsch" }).check();
    await page.waitForFunction((title) => document.querySelector(".report-preview")?.textContent.startsWith(title), panels["report-title"]);
    const german = await page.locator(".report-preview").innerText();
    assert.ok(german.includes(titleOf("visitor/visitor-other-sites.md", "de")), german);
    assert.ok(german.includes(`${panels["report-content-version"]}: `), german);
    assert.match(german, /[0-9a-f]{16}/, "values stay as they are");
    // And back to English.
    await page.getByRole("radio", { name: "English" }).check();
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway: report for support"));
    await page.close();
  });

  test("a walk opened from a paste names its cause in the reader's language, as does a report in it", async () => {
    const [words, panels] = [messagesOf("de"), messagesOf("de", "panels.txt")];
    const page = await openApp(browser, `${server.url}?lang=de&from=owner-nginx-reset&by=paste&found=nginx.upstream-reset&status=5020`, { locale: "de-DE" });
    await page.locator(".answered > summary").click();
    assert.ok((await page.locator(".answered").innerText()).includes(`nginx: ${words["cause-upstream-reset"]}`));
    // The report in English says the cause and why the link's status was left out in English;
    // in German, both in German.
    await page.locator("details.report summary", { hasText: words["report-for-support"] }).click();
    await page.waitForFunction(() => document.querySelector(".report-preview")?.textContent.startsWith("502 Bad Gateway"));
    const english = await page.locator(".report-preview").innerText();
    for (const said of ["which showed nginx: the upstream reset the connection.", "value was left out: a status is a number from 100 to 599."]) {
      assert.ok(english.includes(said), `${said} in ${english}`);
    }
    await page.getByRole("radio", { name: "Deutsch" }).check();
    await page.waitForFunction((title) => document.querySelector(".report-preview")?.textContent.startsWith(title), panels["report-title"]);
    const german = await page.locator(".report-preview").innerText();
    for (const said of [words["cause-upstream-reset"], panels["link-bad-status"]]) {
      assert.ok(german.includes(said), `${said} in ${german}`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("what a paste shows is said in the reader's language, what was pasted as it is", async () => {
    const [words, panels] = [messagesOf("de"), messagesOf("de", "panels.txt")];
    const page = await openApp(browser, `${server.url}?lang=de`, { locale: "de-DE" });
    await page.locator(".paste summary").click();
    const log = "<hr><center>nginx/1.22.1</center>\n2026/11/22 03:17:54 [error] 17160#17160: *5 connect() failed (111: Connection refused) while connecting to upstream";
    await page.locator("#paste-text").fill(log);
    await page.locator(".paste button", { hasText: words["read-it"] }).click();
    const findings = page.locator(".paste-findings");
    await findings.waitFor();
    assert.equal(await findings.locator("h2").innerText(), panels["paste-shows"]);
    assert.equal(await findings.locator(".paste-cause").innerText(), `${words["cause-upstream-refused"]} (upstream-refused)`);
    assert.equal(await findings.locator(".paste-hops .hop").first().innerText(), panels["hop-browser"]);
    assert.equal(await findings.locator(".paste-line").first().innerText(), panels["paste-line"].replace("{number}", "2"));
    assert.match(await findings.locator(".paste-evidence code").first().innerText(), /connect\(\) failed \(111: Connection refused\)/);
    assert.equal(await findings.locator("a.paste-go").innerText(), panels["paste-open-guidance"]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("Arabic reads right to left: mirrored answers, code kept left to right", async () => {
    const page = await openApp(browser, `${server.url}?lang=ar&a=visitor-other-sites.visitor-reload.visitor-site-answers.visitor-dns`, PHONE);
    await page.locator(".guidance .markdown").waitFor();
    const layout = await page.evaluate(() => {
      const answer = document.querySelector(".answer");
      const code = document.querySelector(".markdown pre, .markdown code");
      return {
        chevron: getComputedStyle(answer, "::after").content,
        answerDirection: getComputedStyle(answer).direction,
        codeDirection: code && getComputedStyle(code).direction,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    assert.deepEqual(layout, { chevron: '"‹"', answerDirection: "rtl", codeDirection: "ltr", overflow: 0 });
    await page.close();
  });

  test("long German words wrap at 320 px without overflowing", async () => {
    for (const step of ["visitor-other-sites.visitor-reload.visitor-site-answers.visitor-dns", "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-clear-cache"]) {
      const page = await openApp(browser, `${server.url}?lang=de&a=${step}`, { viewport: { width: 320, height: 640 } });
      await page.locator(".guidance .markdown").waitFor();
      await page.locator(".guidance details").evaluateAll((all) => all.forEach((details) => (details.open = true)));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, step);
      await page.close();
    }
  });

  for (const lang of ["ar", "ja"]) {
    test(`${lang} on a phone: axe finds nothing, in both colour schemes, and the screenshots are kept`, async () => {
      for (const colorScheme of ["light", "dark"]) {
        for (const [name, query] of [["start", ""], ["guidance", "&a=visitor-other-sites.visitor-reload.visitor-site-answers.visitor-dns"]]) {
          const page = await openApp(browser, `${server.url}?lang=${lang}${query}`, { ...PHONE, colorScheme });
          if (name === "guidance") await page.locator(".guidance .markdown").waitFor();
          await page.evaluate(`${AXE};0`);
          const { violations } = await page.evaluate(() =>
            window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
          );
          const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
          assert.deepEqual(found, [], `${lang} ${name} ${colorScheme}`);
          await page.screenshot({ path: join(OUTPUT, `language-${lang}-${name}-${colorScheme}.png`) });
          await page.close();
        }
      }
    });
  }
});
