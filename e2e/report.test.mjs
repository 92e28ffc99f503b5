// End to end: the report for support, the share link, the link's context (hostile values
// included) and the printed page, as a reader sees them in Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT, ROOT, answer, heading, launch, openApp, query, serve } from "./support.mjs";
import { startHarness } from "./harness.mjs";

let server;
let browser;
let sites;
before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  server = await serve();
  browser = await launch();
  sites = await startHarness();
});
after(async () => {
  await browser?.close();
  server?.close();
  await sites?.stop();
});

/** Waits until the step's heading starts with `text`. */
const reaches = (page, text) =>
  page.waitForFunction((text) => document.querySelector("h1").textContent.startsWith(text), text);

/** A new context (so clipboard grants stay in it) that never reaches past loopback. */
async function newContext(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname),
    (route) => route.abort("internetdisconnected"),
  );
  return context;
}

/** Opens `url` in `context` and waits for the app, collecting page errors and dialogs. */
async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("dialog", (dialog) => {
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(url);
  await page.waitForSelector("html[data-app=started]");
  return page;
}

const WRITING = "Writing the report…";
const preview = (page) => page.locator(".report-preview").textContent();

/** Opens the report (unless it is open already) and waits until the worker has written it. */
async function openReport(page) {
  const report = page.locator("details.report");
  if (!(await report.evaluate((details) => details.open))) await report.locator("summary").click();
  await page.waitForFunction(
    (writing) => {
      const text = document.querySelector(".report-preview")?.textContent ?? "";
      return text.startsWith("# ") && !text.includes(writing);
    },
    WRITING,
  );
  return preview(page);
}

/** Waits until the report's preview contains `text` (the worker rewrites it as the walk moves). */
const previewShows = (page, text) =>
  page.waitForFunction((text) => document.querySelector(".report-preview").textContent.includes(text), text);

/** The text a download link would save, read from its data: URL. */
async function linkedText(page, file) {
  const href = await page.locator(`a[download="${file}"]`).getAttribute("href");
  const comma = href.indexOf(",");
  return decodeURIComponent(href.slice(comma + 1));
}

/** Clicks a copy button and returns what landed on the clipboard. */
async function copy(page, button) {
  const before = "(nothing copied yet)";
  await page.evaluate((text) => navigator.clipboard.writeText(text), before);
  await page.locator(".report-actions button", { hasText: button }).click();
  await page.waitForFunction(async (before) => (await navigator.clipboard.readText()) !== before, before);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Saves what clicking the link for `file` downloads, and returns its name and text. */
async function download(page, file) {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.locator(`a[download="${file}"]`).click()]);
  const path = join(OUTPUT, `report-${saved.suggestedFilename()}`);
  await saved.saveAs(path);
  return { name: saved.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** The questions and answers the page lists under "Your answers", in order. */
const answeredOnPage = (page) =>
  page.locator(".answered li").evaluateAll((rows) =>
    rows.map((row) => ({
      question: row.querySelector(".question").textContent,
      answer: row.querySelector(".answer-given").textContent,
    })),
  );

/** The label and value of each fact in the context card. */
const contextFacts = (page) =>
  page.locator("dl.context").evaluateAll((lists) =>
    lists.flatMap((list) => [...list.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  );
const contextNotes = (page) => page.locator("ul.context-notes li").allTextContents();

/** A node's title, from its file's front matter in content/. */
async function titleOf(path) {
  const text = await readFile(join(ROOT, "content", path), "utf8");
  const front = text.split(/^\+\+\+\s*$/m)[1];
  return front.match(/^title\s*=\s*"(.*)"\s*$/m)[1];
}

const CONTEXT = {
  status: "502",
  time: "2026-11-22T04:53:44Z",
  rid: "8c1f2e3d4b5a6978-LHR",
  via: "nginx",
};

describe("the report for support", () => {
  test("what is copied and downloaded matches the walk, the context and the checks, and follows the walk", async () => {
    const context = await newContext();
    const origin = new URL(server.url).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    // A real nginx answering 502 is the failed address; the status page has an incident.
    const failed = sites.url("reset");
    const params = new URLSearchParams({ url: failed, ...CONTEXT, statuspage: sites.statuspage("down") });
    const page = await open(context, `${server.url}?${params}`);

    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page once"); // the online check answered "Do other websites open?"
    await answer(page, "No, it still says 502");
    await reaches(page, "Does the page open in another browser"); // the site-answers check answered
    await answer(page, "No, it fails everywhere I try");
    await reaches(page, "The fault is at the site");

    const walk = [
      ["start", "Who is seeing the 502 error?", "I was visiting a website and it showed the error"],
      ["visitor-other-sites", "Do other websites open normally right now?", "Yes, only this site shows the error"],
      ["visitor-reload", "Reload the page once. Does it open now?", "No, it still says 502"],
      ["visitor-site-answers", "Does the site answer your browser at all?", "Yes, it answers, but with the error"],
      [
        "visitor-other-browser",
        "Does the page open in another browser, on another device or on another network?",
        "No, it fails everywhere I try",
      ],
    ];
    assert.deepEqual(
      await answeredOnPage(page),
      walk.map(([, question, answer]) => ({ question, answer })),
      "the page lists the walk this test clicked",
    );

    const markdown = await openReport(page);
    assert.equal(await page.locator("details.report").evaluate((d) => d.open), true);
    const lines = markdown.split("\n");
    assert.equal(lines[0], "# 502 Bad Gateway: report for support");
    assert.ok(lines.includes("- Reached: **The fault is at the site: wait, check, tell them** `visitor-site-side`"), markdown);
    // The error, as the link gave it.
    const error = markdown.slice(markdown.indexOf("## The error"), markdown.indexOf("## Answers"));
    for (const line of [
      `- Failed address: \`${failed}\``,
      "- Status: `502`",
      "- Time: `2026-11-22T04:53:44Z`",
      "- Request id: `8c1f2e3d4b5a6978-LHR`",
      "- Gateway: `nginx`",
      "- `8c1f2e3d4b5a6978-LHR` (from the error page)",
    ]) {
      assert.ok(error.split("\n").includes(line), `${line} missing from:\n${error}`);
    }
    // Every answer, numbered, in the order given.
    const answers = markdown.slice(markdown.indexOf("## Answers"), markdown.indexOf("## Checks")).split("\n").filter((l) => /^\d+\. /.test(l));
    assert.deepEqual(answers, walk.map(([, question, answer], i) => `${i + 1}. ${question} → ${answer}`));
    // Both checks that ran, oldest first, with their raw details.
    const checks = markdown.slice(markdown.indexOf("## Checks")).split("\n");
    const online = checks.findIndex((l) => l.startsWith("- `online`"));
    assert.match(
      checks[online] ?? "",
      /^- `online` on `visitor-other-sites`: `online` \(ok\)\. Your browser is online: it reached this guide's own server in \d+ ms\.$/,
      markdown,
    );
    assert.equal(checks[online + 1], "  - navigator.onLine: `true`");
    assert.match(checks[online + 2], /^ {2}- time: `\d+ ms`$/);
    const siteAnswers = checks.findIndex((l) => l.startsWith("- `site-answers`"));
    assert.ok(siteAnswers > online, "the checks are listed oldest first");
    assert.match(checks[siteAnswers], /^- `site-answers` on `visitor-site-answers`: `answered` \(ok\)\. Your browser reached 127\.0\.0\.1 in \d+ ms/);
    assert.ok(checks.includes(`  - address: \`${failed}\``), markdown);

    // Copy as text: exactly the preview.
    assert.equal(await copy(page, "Copy as text"), markdown);
    assert.equal(await page.locator(".report-status").innerText(), "The report is copied: paste it into your message to support.");

    // Copy as JSON: the same facts, by machine.
    const jsonText = await copy(page, "Copy as JSON");
    const json = JSON.parse(jsonText);
    assert.equal(json.fix502_report, 1);
    assert.deepEqual(
      json.answers,
      walk.map(([question_id, question, answer]) => ({ question_id, question, answer })),
    );
    const url = new URL(page.url());
    const ids = ["start", ...url.searchParams.get("a").split(".")];
    assert.deepEqual(json.answers.map((a) => a.question_id), ids.slice(0, -1), "the questions are those of the walk in the address bar");
    assert.equal(json.reached.id, ids.at(-1));
    assert.equal(json.reached.title, await heading(page));
    assert.equal(json.reached.kind, "guidance");
    assert.equal(json.reached.ending, null);
    assert.deepEqual(json.context, { url: failed, status: "502", time: CONTEXT.time, rid: CONTEXT.rid, via: "nginx", lang: null });
    assert.deepEqual(json.checks.map((c) => [c.check, c.question_id, c.outcome, c.verdict]), [
      ["online", "visitor-other-sites", "online", "ok"],
      ["site-answers", "visitor-site-answers", "answered", "ok"],
    ]);
    assert.match(json.checks[0].summary, /^Your browser is online/);
    assert.deepEqual(json.checks[0].details[0], { name: "navigator.onLine", value: "true" });
    assert.deepEqual(json.request_ids, [{ id: CONTEXT.rid, source: "from the error page" }]);
    assert.match(json.browser.summary, /^Chrome \d+ on Linux$/);
    assert.equal(json.browser.user_agent, await page.evaluate(() => navigator.userAgent));
    assert.ok(!Number.isNaN(Date.parse(json.created)), `created is a date: ${json.created}`);
    assert.ok(json.guide.startsWith(server.url), json.guide);

    // Downloads: the same texts, under the names offered.
    const md = await download(page, "fix502-report.md");
    assert.equal(md.name, "fix502-report.md");
    assert.equal(md.text, markdown);
    const js = await download(page, "fix502-report.json");
    assert.equal(js.name, "fix502-report.json");
    assert.equal(js.text, jsonText);

    // One more answer with the report open: the status page check runs and the report follows.
    await answer(page, "No, the error is still there");
    await reaches(page, "The site knows");
    await previewShows(page, "`visitor-status-incident`");
    await previewShows(page, "`status-page` on `visitor-status-check`");
    const later = await preview(page);
    assert.ok(later.includes("- Reached: **The site knows: follow its updates and try again later** `visitor-status-incident`"), later);
    assert.ok(later.includes("6. The fault is at the site: wait, check, tell them → No, the error is still there\n"), later);
    assert.ok(later.includes("7. Does the site's status page report a problem? → Yes, it reports an incident\n"), later);
    assert.match(later, /^- `status-page` on `visitor-status-check`: `incident` \(problem\)\. .*Checkout errors/m);
    assert.equal(await copy(page, "Copy as text"), later);
    const laterJson = JSON.parse(await copy(page, "Copy as JSON"));
    assert.equal(laterJson.answers.length, 7);
    assert.equal(laterJson.reached.id, "visitor-status-incident");
    assert.deepEqual(laterJson.checks.map((c) => c.check), ["online", "site-answers", "status-page"]);
    assert.equal(await linkedText(page, "fix502-report.md"), later, "the download link follows too");
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("a walk that did not fix the error ends with the report open by itself", async () => {
    const context = await newContext();
    const page = await open(context, `${server.url}?step=visitor-status-page&rid=abc-123`);
    assert.equal(await heading(page), await titleOf("visitor/visitor-status-page.md"));
    assert.equal(await page.locator("details.report").evaluate((d) => d.open), false, "closed on a guidance step");
    await answer(page, "No, the error is still there");
    assert.equal(await heading(page), await titleOf("visitor/visitor-contact-site.md"));
    assert.equal(await page.locator("details.report").evaluate((d) => d.open), true, "open at the end of a walk that failed");
    await openReport(page);
    assert.ok(await page.locator(".report-preview").isVisible());
    const markdown = await preview(page);
    assert.ok(markdown.includes("- Reached: **Tell the site, with the details that help them** `visitor-contact-site` (not-fixed)"), markdown);
    assert.ok(markdown.includes("- Request id: `abc-123`"), markdown);
    const json = JSON.parse(await linkedText(page, "fix502-report.json"));
    assert.deepEqual(json.reached, {
      id: "visitor-contact-site",
      title: "Tell the site, with the details that help them",
      kind: "end",
      ending: "not-fixed",
    });
    assert.equal(json.answers.at(-1).question_id, "visitor-status-page");
    assert.equal(json.answers.at(-1).answer, "No, the error is still there");
    await page.close();

    // Opened straight from a link, an escalation is open too; a fixed ending is not.
    const escalated = await open(context, `${server.url}?step=owner-escalate`);
    assert.equal(await escalated.locator("details.report").evaluate((d) => d.open), true);
    await openReport(escalated);
    assert.equal(JSON.parse(await linkedText(escalated, "fix502-report.json")).reached.ending, "escalated");
    await escalated.close();
    const fixed = await open(context, `${server.url}?step=visitor-fixed`);
    assert.equal(await fixed.locator("details.report").evaluate((d) => d.open), false);
    await context.close();
  });
});

describe("sharing a step", () => {
  test("the link reproduces the walk, carries the error's details only when asked, and never the frame's settings", async () => {
    const context = await newContext();
    const params = new URLSearchParams({
      url: "https://shop.example/cart",
      time: CONTEXT.time,
      rid: CONTEXT.rid,
      via: CONTEXT.via,
      status: "5020",
      lang: "en-GB",
      embed: "https://help.example",
      theme: "dark",
      compact: "1",
      accent: "#aa0000",
    });
    const page = await open(context, `${server.url}?${params}`);
    await answer(page, "I was visiting a website");
    await reaches(page, "Reload the page once");
    const walk = new URL(page.url()).searchParams.get("a");
    assert.equal(walk, "visitor-other-sites.visitor-reload");

    await page.locator("details.report summary").click();
    const share = page.locator("input.share-link");
    assert.equal(await share.getAttribute("readonly"), "");
    const plain = new URL(await share.inputValue());
    assert.equal(`${plain.origin}${plain.pathname}`, server.url, "an absolute link to this guide");
    assert.deepEqual([...plain.searchParams.keys()], ["a"], `only the walk: ${plain}`);
    assert.equal(plain.searchParams.get("a"), walk);

    // Opened elsewhere, the link shows the same step after the same answers, and nothing else.
    const elsewhere = await open(context, plain.href);
    assert.equal(await heading(elsewhere), await heading(page));
    assert.deepEqual(await answeredOnPage(elsewhere), await answeredOnPage(page));
    assert.equal(await elsewhere.locator("section.context-card").count(), 0, "no details of the error went along");
    await elsewhere.close();

    // With the box ticked, the values that passed go along; the one left out and the frame's do not.
    await page.locator(".share-details input").check();
    await page.waitForFunction(() => document.querySelector("input.share-link").value.includes("rid="));
    const detailed = new URL(await share.inputValue());
    const given = Object.fromEntries(detailed.searchParams);
    assert.equal(given.a, walk);
    assert.equal(given.url, "https://shop.example/cart");
    assert.equal(given.rid, CONTEXT.rid);
    assert.equal(given.time, CONTEXT.time);
    assert.equal(given.via, CONTEXT.via);
    for (const never of ["embed", "theme", "compact", "accent", "status"]) {
      assert.ok(!detailed.searchParams.has(never), `${never} is not in ${detailed}`);
    }
    const withDetails = await open(context, detailed.href);
    assert.equal(await heading(withDetails), await heading(page));
    assert.deepEqual(await contextFacts(withDetails), [
      ["Failed address", "https://shop.example/cart"],
      ["Time", CONTEXT.time],
      ["Request id", CONTEXT.rid],
      ["Gateway", "nginx"],
    ]);
    await withDetails.close();

    // Unticked again, and after one more answer, the link is the walk alone, as it now stands.
    await page.locator(".share-details input").uncheck();
    await answer(page, "Yes, it works now");
    await page.waitForFunction(() => document.querySelector("input.share-link").value.includes("visitor-reload-worked"));
    const moved = new URL(await share.inputValue());
    assert.deepEqual([...moved.searchParams.keys()], ["a"], `${moved}`);
    assert.equal(moved.searchParams.get("a"), "visitor-other-sites.visitor-reload.visitor-reload-worked");
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});

describe("hostile link parameters", () => {
  const TEN_KB = 10_000;
  const longId = "a".repeat(TEN_KB);
  const longUrl = `https://shop.example/${"p".repeat(TEN_KB)}`;
  const cases = [
    {
      name: "markup, scripts, a javascript: address and an unknown step",
      query:
        "?rid=<script>window.pwned=1</script>&url=javascript:alert(1)&via=<img src=x onerror=window.pwned=1>" +
        "&step=%3Cscript%3E&lang=<b>&time=%FF%FE",
      notes: ["url", "time", "rid", "via", "lang"],
      shown: [],
      problem: "This link asks for a step called “<script>”, which this guide does not have.",
      never: ["<script", "javascript:", "<img", "onerror", "<b>"],
    },
    {
      name: "encoded markup",
      query: `?rid=${encodeURIComponent("<script>window.pwned=1</script>")}&via=${encodeURIComponent("<img src=x onerror=window.pwned=1>")}&url=${encodeURIComponent("javascript:alert(1)")}&status=502`,
      notes: ["url", "rid", "via"],
      shown: [["Status", "502"]],
      never: ["<script", "javascript:", "<img", "onerror"],
    },
    {
      // Each alone: together they pass the 16 kB request line a static server such as
      // support.mjs's (Node's default) accepts.
      name: "a 10 kB request id",
      query: `?rid=${longId}&time=2026-11-22T04:53:44Z`,
      notes: ["rid"],
      shown: [["Time", "2026-11-22T04:53:44Z"]],
      never: ["a".repeat(129)],
    },
    {
      name: "a 10 kB address",
      query: `?url=${encodeURIComponent(longUrl)}&rid=abc-123`,
      notes: ["url"],
      shown: [["Request id", "abc-123"]],
      never: ["p".repeat(100)],
    },
    {
      name: "broken UTF-8 escapes",
      query: "?rid=%E2%28%A1&time=%FF%FE&via=cloudflare",
      notes: ["time", "rid"],
      shown: [["Gateway", "cloudflare"]],
      never: ["\uFFFD"],
    },
  ];

  for (const { name, query: given, notes, shown, problem, never } of cases) {
    test(`${name}: left out with a note each, and the page still works`, async () => {
      const context = await newContext();
      const page = await open(context, `${server.url}${given}`);
      const app = page.locator("#app");
      assert.deepEqual(await contextFacts(page), shown, "the context card shows only the values that passed");
      const cardText = (await page.locator("section.context-card").count()) ? await page.locator("section.context-card").innerText() : "";
      for (const text of never) assert.ok(!cardText.includes(text), `the card shows ${JSON.stringify(text.slice(0, 20))}`);
      const said = await contextNotes(page);
      assert.deepEqual(
        said.map((note) => note.match(/^The link's “(\w+)” value was left out: /)?.[1]),
        notes,
        `one note per value left out: ${JSON.stringify(said)}`,
      );
      for (const note of said) {
        assert.ok(note.length < 200, `the note does not repeat the value: ${note.slice(0, 80)}…`);
        for (const text of never) assert.ok(!note.includes(text), `a note shows ${JSON.stringify(text.slice(0, 20))}`);
      }
      if (problem) {
        assert.match(await page.locator(".problem").innerText(), new RegExp(`^${problem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        assert.ok(!query(page).includes("step="), "the address bar shows the walk opened instead");
      }
      assert.equal(await heading(page), "Who is seeing the 502 error?");

      // The report holds none of it either.
      await openReport(page);
      const report = JSON.parse(await linkedText(page, "fix502-report.json"));
      const expected = Object.fromEntries(["url", "status", "time", "rid", "via", "lang"].map((k) => [k, null]));
      const param = { Status: "status", Time: "time", Gateway: "via", "Request id": "rid" };
      for (const [label, value] of shown) expected[param[label]] = value;
      assert.deepEqual(report.context, expected);
      const markdown = await preview(page);
      for (const text of never) assert.ok(!markdown.includes(text), `the report shows ${JSON.stringify(text.slice(0, 20))}`);

      // Inert: nothing ran, nothing was added, nothing failed; and the walk goes on.
      await answer(page, "I run or develop the site");
      assert.equal(await heading(page), "Is the site failing right now?");
      await page.locator(".answered li").first().waitFor();
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.equal(await app.locator("script, img, iframe, object, embed").count(), 0);
      assert.equal(await page.locator("b").count(), 0);
      assert.deepEqual(page.dialogs, []);
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }

  test("a valid address that looks hostile is shown as literal text", async () => {
    const context = await newContext();
    const hostile = "https://shop.example/?q=<script>window.pwned=1</script>&x=\"'><img src=x onerror=window.pwned=1>";
    const page = await open(context, `${server.url}?url=${encodeURIComponent(hostile)}&rid=a%3Cb`);
    assert.deepEqual(await contextFacts(page), [["Failed address", hostile]]);
    assert.equal(await page.locator("dl.context dd").innerText(), hostile, "seen as typed, not as markup");
    assert.equal(await page.locator("dl.context dd *").count(), 0);
    assert.deepEqual((await contextNotes(page)).map((n) => n.slice(0, 40)), ["The link's “rid” value was left out: a r"]);
    const markdown = await openReport(page);
    assert.ok(markdown.includes(`- Failed address: \`${hostile}\``), markdown);
    assert.equal(JSON.parse(await linkedText(page, "fix502-report.json")).context.url, hostile);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator("#app script, #app img").count(), 0);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});

describe("where a link begins", () => {
  test("audience=owner opens the owner's branch and the address bar then shows the walk", async () => {
    const page = await openApp(browser, `${server.url}?audience=owner&lang=fr`);
    assert.equal(await heading(page), await titleOf("owner/owner-site-check.md"));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("a"), "owner-site-check");
    assert.ok(!url.searchParams.has("audience"), `${url}`);
    assert.equal(url.searchParams.get("lang"), "fr", "the other parameters stay");
    assert.deepEqual(await answeredOnPage(page), [
      { question: "Who is seeing the 502 error?", answer: "I run or develop the site that shows it" },
    ]);
    assert.deepEqual(await contextNotes(page), ["This guide is only available in English for now."]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("audience=visitor opens the visitor's branch", async () => {
    const visitor = await openApp(browser, `${server.url}?audience=visitor`);
    await reaches(visitor, "Reload the page once"); // its first question checks itself
    assert.match(query(visitor), /^\?a=visitor-other-sites\.visitor-reload$/);
    await visitor.close();
  });

  test("an unknown audience opens the start, with a note like any value left out", async () => {
    const unknown = await openApp(browser, `${server.url}?audience=admin`);
    assert.equal(await heading(unknown), "Who is seeing the 502 error?");
    assert.deepEqual(await contextNotes(unknown), ["The link's “audience” value was left out: it is either visitor or owner."]);
    await unknown.close();
  });

  test("step=owner-gateway opens that step, with the answers that lead there", async () => {
    const page = await openApp(browser, `${server.url}?step=owner-gateway&lang=en-GB`);
    assert.equal(await heading(page), await titleOf("owner/owner-gateway.md"));
    const url = new URL(page.url());
    assert.deepEqual([...url.searchParams].sort(), [["a", "owner-site-check.owner-gateway"], ["lang", "en-GB"]]);
    assert.deepEqual(await answeredOnPage(page), [
      { question: await titleOf("start.md"), answer: "I run or develop the site that shows it" },
      { question: await titleOf("owner/owner-site-check.md"), answer: "Yes, it answers 502 or another server error" },
    ]);
    assert.equal(await page.locator("ul.context-notes").count(), 0, "English needs no note");
    assert.equal(await page.locator(".problem").count(), 0);
    await answer(page, "I can't tell");
    assert.equal(await heading(page), await titleOf("owner/owner-change.md"));
    await page.close();
  });

  test("lang=fr says the guide is in English only", async () => {
    const page = await openApp(browser, `${server.url}?lang=fr`);
    assert.deepEqual(await contextNotes(page), ["This guide is only available in English for now."]);
    assert.equal(await page.locator("section.context-card").count(), 0, "a language is not a detail of the error");
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    await page.close();
  });
});

describe("printing", () => {
  const params = new URLSearchParams({
    a: "visitor-other-sites.visitor-reload.visitor-site-answers.visitor-other-browser.visitor-site-side",
    url: "https://shop.example/cart",
    ...CONTEXT,
  });

  test("a guidance step prints its advice, the answers, the error and the open report, without buttons", async () => {
    const page = await openApp(browser, `${server.url}?${params}`, { viewport: { width: 900, height: 900 } });
    await page.locator(".guidance .markdown").waitFor();
    await openReport(page);
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".answers", ".walk-nav", ".report-actions", ".share", ".share-details", ".report summary", ".answered .change", ".watch"]) {
      const shown = await page.locator(hidden).evaluateAll((all) => all.filter((e) => e.checkVisibility()).length);
      assert.equal(shown, 0, `${hidden} is left off the paper`);
    }
    for (const visible of ["h1", ".guidance .markdown", ".report-preview", ".answered", "section.context-card"]) {
      assert.ok(await page.locator(visible).first().isVisible(), `${visible} is printed`);
    }
    assert.match(await page.locator(".guidance").innerText(), /Wait and try again/i);
    assert.match(await page.locator(".report-preview").innerText(), /^# 502 Bad Gateway: report for support/);
    await page.screenshot({ path: join(OUTPUT, "print.png"), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();

    // A question prints without its answers or the paste box.
    const question = await openApp(browser, server.url);
    await question.emulateMedia({ media: "print" });
    assert.ok(await question.locator("h1").isVisible());
    for (const hidden of [".answers", ".paste"]) {
      assert.equal(await question.locator(hidden).evaluate((e) => e.checkVisibility()), false, `${hidden} is left off the paper`);
    }
    await question.close();
  });

  test("a report that was never opened is not printed: no hint and no placeholder on paper", async () => {
    const closed = await openApp(browser, `${server.url}?${params}`, { viewport: { width: 900, height: 900 } });
    await closed.locator(".guidance .markdown").waitFor();
    await closed.emulateMedia({ media: "print" });
    assert.equal(await closed.locator("details.report").evaluate((d) => d.open), false);
    await closed.screenshot({ path: join(OUTPUT, "print-report-closed.png"), fullPage: true });
    for (const part of [".report-preview", ".report > .hint"]) {
      assert.equal(await closed.locator(part).evaluate((e) => e.checkVisibility()), false, `a closed report's ${part} is not printed`);
    }
    assert.ok(!(await closed.locator("body").innerText()).includes(WRITING), "no placeholder on paper");
    await closed.close();
  });
});
