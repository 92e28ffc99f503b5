// End to end: the report for support, the share link, the link's context (hostile values
// included) and the printed page, as a reader sees them in Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT, answer, heading, launch, messagesOf, openApp, query, reaches, serve, titleOf } from "./support.mjs";
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
      return text.startsWith("502 Bad Gateway: report for support") && !text.includes(writing);
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
  await page.locator(".report button", { hasText: button }).click();
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

/** The questions and answers the page lists under "How you got here", in order. */
const answeredOnPage = (page) =>
  page.locator(".answered li").evaluateAll((rows) =>
    rows.map((row) => ({
      question: row.querySelector(".question").textContent,
      answer: row.querySelector(".answer-given").textContent,
    })),
  );

/** The label and value of each fact in the context card. */
/** Opens the context card's folded line, if there is one, as a reader does to see what the
 * link said: what it opens to comes with the panels' module. */
async function openCard(page) {
  const line = page.locator("details.context-line");
  if (!(await line.count())) return;
  if (!(await line.evaluate((details) => details.open))) await line.locator("summary").click();
  await line.locator("dl.context").waitFor({ state: "attached" });
}
const contextFacts = async (page) => {
  await openCard(page);
  return page.locator("dl.context").evaluateAll((lists) =>
    lists.flatMap((list) => [...list.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  );
};
/** A time as the card shows it: in the page's language and this device's time zone. */
const shownTime = (page, iso) =>
  page.evaluate((iso) => new Date(iso).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "medium" }), iso);
/** The calm lines the page says about the link (values left out, the language). */
const contextNotes = async (page) => {
  await openCard(page);
  return page.locator(".context-line .hint, .context-note").allTextContents();
};
/** The report's lines about values left out of the link. */
const leftOut = (text) => [...text.matchAll(/^Left out of the link: The link's “(\w+)” value was left out: .*$/gm)].map((m) => m[1]);

const CONTEXT = {
  status: "502",
  time: "2026-11-22T04:53:44Z",
  rid: "8c1f2e3d4b5a6978-LHR",
  via: "nginx",
};

describe("the report for support", () => {
  test("it opens with what support asks first, copies as plain text, Markdown and JSON, and follows the walk", async () => {
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
      ["start", "Who is seeing the 502 error?", "I was visiting a website and it showed the error", false],
      ["visitor-other-sites", "Do other websites open normally right now?", "Yes, only this site shows the error", true],
      ["visitor-reload", "Reload the page once. Does it open now?", "No, it still says 502", false],
      ["visitor-site-answers", "Does the site answer your browser at all?", "Yes, it answers, but with the error", true],
      [
        "visitor-other-browser",
        "Does the page open in another browser, on another device or on another network?",
        "No, it fails everywhere I try",
        false,
      ],
    ];
    assert.deepEqual(
      (await answeredOnPage(page)).map(({ question, answer }) => ({ question, answer: answer.replace(" · chosen by the check", "") })),
      walk.map(([, question, answer]) => ({ question, answer })),
      "the page lists the walk this test clicked",
    );

    const text = await openReport(page);
    assert.equal(await page.locator("details.report").evaluate((d) => d.open), true);
    const lines = text.split("\n");
    assert.equal(lines[0], "502 Bad Gateway: report for support");
    // What support asks for first, in this order.
    assert.deepEqual(lines.slice(2, 8), [
      "THE ERROR",
      `Failed address: ${failed}`,
      `When it failed: ${CONTEXT.time}`,
      `Request id: ${CONTEXT.rid} (from the error page)`,
      "The reader got status 502 from nginx. The guide reached “The fault is at the site: wait, check, tell them”.",
      "",
    ]);
    assert.ok(text.indexOf("WHAT WAS TRIED") < text.indexOf("THE WALK"), text);
    assert.ok(text.indexOf("THE WALK") < text.indexOf("TECHNICAL DETAILS"), text);
    assert.ok(!text.includes("\\["), "plain text, nothing escaped");
    // Every answer, numbered, in the order given, with those a check chose marked.
    const answers = lines.filter((l) => /^\d+\. /.test(l)).slice(0, walk.length);
    assert.deepEqual(
      answers,
      walk.map(([, question, answer, byCheck], i) => `${i + 1}. ${question} → ${answer}${byCheck ? " (chosen by the guide's check)" : ""}`),
    );
    // Both checks that ran, oldest first, with their raw details.
    const online = lines.findIndex((l) => /^\d+\. online on visitor-other-sites: online \(ok\)\. Your browser is online/.test(l));
    const siteAnswers = lines.findIndex((l) => /^\d+\. site-answers on visitor-site-answers: answered \(unknown\)\. Something at 127\.0\.0\.1 answered/.test(l));
    assert.ok(online > 0 && siteAnswers > online, `the checks are listed oldest first:\n${text}`);
    assert.ok(lines.includes(`   address: ${failed}`), text);
    assert.match(text, /^Browser: Chrome \d+ on Linux$/m);

    // Copy as text: exactly the preview; Markdown and JSON are there too.
    assert.equal(await copy(page, "Copy as text"), text);
    assert.equal(await page.locator(".report-status").innerText(), "The report is copied: paste it into your message to support.");
    const markdown = await copy(page, "Copy as Markdown");
    assert.ok(markdown.startsWith("# 502 Bad Gateway: report for support\n\n## The error\n\n"), markdown);
    assert.ok(markdown.includes(`- Failed address: \`${failed}\``), markdown);

    // Copy as JSON: the same facts, by machine.
    const jsonText = await copy(page, "Copy as JSON");
    const json = JSON.parse(jsonText);
    assert.equal(json.fix502_report, 2);
    assert.deepEqual(
      json.answers.map(({ question_id, question, answer, by_check }) => [question_id, question, answer, by_check]),
      walk,
    );
    assert.deepEqual(json.began, { at: "start", how: "start", found: null });
    assert.equal(json.reached.id, "visitor-site-side");
    assert.equal(json.reached.title, await heading(page));
    assert.equal(json.reached.kind, "guidance");
    assert.equal(json.reached.ending, null);
    assert.deepEqual(json.context, { url: failed, status: "502", time: CONTEXT.time, rid: CONTEXT.rid, via: "nginx", lang: null });
    assert.deepEqual(json.checks.map((c) => [c.check, c.question_id, c.outcome, c.verdict]), [
      ["online", "visitor-other-sites", "online", "ok"],
      ["site-answers", "visitor-site-answers", "answered", "unknown"],
    ]);
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
    await previewShows(page, "The guide reached “The site knows");
    await previewShows(page, "status-page on visitor-status-check");
    const later = await preview(page);
    assert.ok(later.includes("The fault is at the site: wait, check, tell them: the error stayed."), later);
    assert.ok(later.includes("6. The fault is at the site: wait, check, tell them → No, the error is still there\n"), later);
    assert.ok(later.includes("7. Does the site's status page report a problem? → Yes, it reports an incident (chosen by the guide's check)\n"), later);
    assert.match(later, /^\d+\. status-page on visitor-status-check: incident \(problem\)\. .*Checkout errors/m);
    assert.equal(await copy(page, "Copy as text"), later);
    const laterJson = JSON.parse(await copy(page, "Copy as JSON"));
    assert.equal(laterJson.answers.length, 7);
    assert.equal(laterJson.reached.id, "visitor-status-incident");
    assert.deepEqual(laterJson.checks.map((c) => c.check), ["online", "site-answers", "status-page"]);
    assert.equal(await linkedText(page, "fix502-report.md"), await copy(page, "Copy as Markdown"), "the download link follows too");
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("secret-looking parts of the address stay out of the report and the share link unless the reader includes them", async () => {
    const context = await newContext();
    const failed = "https://user:hunter2@shop.example/cart?id=7&token=s3cr3t&X-Amz-Signature=f00d";
    const page = await open(context, `${server.url}?${new URLSearchParams({ step: "visitor-contact-site", url: failed })}`);
    const text = await openReport(page);
    assert.ok(text.includes("Failed address: https://***@shop.example/cart?id=7&token=***&X-Amz-Signature=***"), text);
    for (const secret of ["hunter2", "s3cr3t", "f00d"]) {
      assert.ok(!text.includes(secret), `${secret} is in the report`);
      assert.ok(!(await linkedText(page, "fix502-report.json")).includes(secret), `${secret} is in the JSON`);
    }
    await page.locator(".share-details input").check();
    await page.waitForFunction(() => document.querySelector("input.share-link").value.includes("url="));
    const shared = await page.locator("input.share-link").inputValue();
    assert.ok(!shared.includes("s3cr3t") && !shared.includes("hunter2"), shared);
    await page.locator(".report-option input").check();
    await previewShows(page, "token=s3cr3t");
    await page.waitForFunction(() => document.querySelector("input.share-link").value.includes("s3cr3t"));
    assert.ok(!(await preview(page)).includes("hidden as ***"));
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
    const text = await openReport(page);
    assert.ok(await page.locator(".report-preview").isVisible());
    assert.ok(text.includes("The guide reached “Tell the site, with the details that help them” (not-fixed)."), text);
    assert.ok(text.includes("Request id: abc-123 (from the error page)"), text);
    assert.ok(text.includes("Opened at “Look for news from the site: status page and social media” from a link."), text);
    const json = JSON.parse(await linkedText(page, "fix502-report.json"));
    assert.deepEqual(json.reached, {
      id: "visitor-contact-site",
      title: "Tell the site, with the details that help them",
      kind: "end",
      ending: "not-fixed",
    });
    assert.deepEqual(json.began, { at: "visitor-status-page", how: "link", found: null });
    assert.equal(json.answers.length, 1, "only the answer the reader gave");
    assert.equal(json.answers[0].question_id, "visitor-status-page");
    assert.equal(json.answers[0].answer, "No, the error is still there");
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
    assert.equal(walk, "visitor-other-sites.~visitor-reload");

    await page.locator("details.report summary").click();
    const share = page.locator("input.share-link");
    await share.waitFor();
    assert.equal(await share.getAttribute("readonly"), "");
    const plain = new URL(await share.inputValue());
    assert.equal(`${plain.origin}${plain.pathname}`, server.url, "an absolute link to this guide");
    assert.deepEqual([...plain.searchParams.keys()], ["a"], `only the walk: ${plain}`);
    assert.equal(plain.searchParams.get("a"), walk);

    // Opened elsewhere, the link shows the same step after the same answers, and nothing else.
    const elsewhere = await open(context, plain.href);
    assert.equal(await heading(elsewhere), await heading(page));
    assert.deepEqual(await answeredOnPage(elsewhere), await answeredOnPage(page));
    assert.equal(await elsewhere.locator(".context-line").count(), 0, "no details of the error went along");
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
      ["Time", await shownTime(withDetails, CONTEXT.time)],
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
    assert.equal(moved.searchParams.get("a"), "visitor-other-sites.~visitor-reload.visitor-reload-worked");
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
      // A time shows as the reader's language and clock write it.
      const facts = await Promise.all(shown.map(async ([label, value]) => [label, label === "Time" ? await shownTime(page, value) : value]));
      assert.deepEqual(await contextFacts(page), facts, "the context card shows only the values that passed");
      const cardText = (await page.locator(".context-line").count()) ? await page.locator(".context-line").textContent() : "";
      for (const text of never) assert.ok(!cardText.includes(text), `the card shows ${JSON.stringify(text.slice(0, 20))}`);
      assert.deepEqual(
        await contextNotes(page),
        ["Some details in the link that brought you here could not be used."],
        "one calm line, whatever was left out",
      );
      const bar = new URL(page.url()).searchParams;
      for (const param of notes) assert.ok(!bar.has(param), `${param} left the address bar: ${page.url()}`);
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
      const text = await preview(page);
      assert.deepEqual(leftOut(text), notes, `the report says why each value was left out:\n${text}`);
      for (const line of text.split("\n").filter((l) => l.startsWith("Left out of the link"))) {
        assert.ok(line.length < 250, `the note does not repeat the value: ${line.slice(0, 80)}…`);
      }
      for (const hostile of never) assert.ok(!text.includes(hostile), `the report shows ${JSON.stringify(hostile.slice(0, 20))}`);

      // Inert: nothing ran, nothing was added, nothing failed; and the walk goes on.
      await answer(page, "I run or develop the site");
      assert.equal(await heading(page), "Is the site failing right now?");
      await page.locator(".answered li").first().waitFor({ state: "attached" });
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
    assert.equal(await page.locator("dl.context dd").textContent(), hostile, "seen as typed, not as markup");
    assert.equal(await page.locator("dl.context dd *").count(), 0);
    assert.deepEqual(await contextNotes(page), ["Some details in the link that brought you here could not be used."]);
    const text = await openReport(page);
    assert.ok(text.includes(`Failed address: ${hostile}\n`), text);
    assert.deepEqual(leftOut(text), ["rid"]);
    assert.equal(JSON.parse(await linkedText(page, "fix502-report.json")).context.url, hostile);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator("#app script, #app img").count(), 0);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});

describe("where a link begins", () => {
  test("audience=owner opens the owner's branch without an answer the reader never gave", async () => {
    const page = await openApp(browser, `${server.url}?audience=owner&lang=en-GB`);
    assert.equal(await heading(page), await titleOf("owner/owner-site-check.md"));
    const url = new URL(page.url());
    assert.deepEqual([...url.searchParams], [["lang", "en-GB"], ["from", "owner-site-check"], ["by", "link"]], `${url}`);
    assert.deepEqual(await answeredOnPage(page), []);
    assert.match(await page.locator(".answered > summary").innerText(), /opened from a link · no answers yet/);
    assert.deepEqual(await contextNotes(page), []);
    // Back goes up to the question above, not into an invented past.
    await page.locator(".walk-nav a", { hasText: "Back" }).click();
    assert.equal(await heading(page), "Who is seeing the 502 error?");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("audience=visitor opens the visitor's branch, and its check answers its first question", async () => {
    const visitor = await openApp(browser, `${server.url}?audience=visitor`);
    await reaches(visitor, "Reload the page once");
    assert.equal(query(visitor), "?from=visitor-other-sites&by=link&a=~visitor-reload");
    await visitor.close();
  });

  test("an unknown audience opens the start, with the one calm line for values left out", async () => {
    const unknown = await openApp(browser, `${server.url}?audience=admin`);
    assert.equal(await heading(unknown), "Who is seeing the 502 error?");
    assert.deepEqual(await contextNotes(unknown), ["Some details in the link that brought you here could not be used."]);
    assert.equal(query(unknown), "", "the value left the address bar");
    await unknown.close();
  });

  test("step=owner-gateway opens that step by itself, and Back leads up the tree", async () => {
    const page = await openApp(browser, `${server.url}?step=owner-gateway&lang=en-GB`);
    assert.equal(await heading(page), await titleOf("owner/owner-gateway.md"));
    const url = new URL(page.url());
    assert.deepEqual([...url.searchParams].sort(), [["by", "link"], ["from", "owner-gateway"], ["lang", "en-GB"]]);
    assert.deepEqual(await answeredOnPage(page), []);
    assert.deepEqual(await contextNotes(page), [], "English needs no note");
    assert.equal(await page.locator(".problem").count(), 0);
    await answer(page, "I can't tell");
    assert.equal(await heading(page), await titleOf("owner/owner-change.md"));
    assert.deepEqual(await answeredOnPage(page), [{ question: await titleOf("owner/owner-gateway.md"), answer: "Something else, or I can't tell" }]);
    await page.locator(".walk-nav a", { hasText: "Back" }).click();
    await page.locator(".walk-nav a", { hasText: "Back" }).click();
    assert.equal(await heading(page), await titleOf("owner/owner-site-check.md"), "the step above, as a walk that begins there");
    assert.deepEqual(await answeredOnPage(page), []);
    await page.close();
  });

  test("lang=sv, a language the guide does not speak, says so and goes on in English", async () => {
    const page = await openApp(browser, `${server.url}?lang=sv`, { locale: "sv-SE" });
    assert.deepEqual(await contextNotes(page), ["This guide is not available in your language yet, so it is shown in English."]);
    assert.equal(await page.locator(".context-line").count(), 0, "a language is not a detail of the error");
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
    for (const visible of ["h1", ".guidance .markdown", ".report-preview", ".answered", ".context-line"]) {
      assert.ok(await page.locator(visible).first().isVisible(), `${visible} is printed`);
    }
    assert.match(await page.locator(".guidance").innerText(), /Wait and try again/i);
    assert.match(await page.locator(".report-preview").innerText(), /^502 Bad Gateway: report for support/);
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
      const shown = await closed.locator(part).evaluateAll((all) => all.filter((e) => e.checkVisibility()).length);
      assert.equal(shown, 0, `a closed report's ${part} is not printed`);
    }
    assert.ok(!(await closed.locator("body").innerText()).includes(WRITING), "no placeholder on paper");
    await closed.close();
  });
});
