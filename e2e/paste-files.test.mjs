// Files in the paste box, in Chromium on the release build: a HAR file dropped on it and a log
// chosen with its file button are read in the worker, show the hop chain with the failing hop
// marked, and open the guidance; no secret of the HAR file shows. A 50 MB log is read with
// progress and the page never goes 200 ms without a frame (the figures are printed). Files it
// cannot read get a clear message, and the box still works after.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { heading, launch, openApp, query, reaches, serve } from "./support.mjs";

const FRAME_BOUND_MS = 200;
const LARGE_BOUND_MS = 60_000;

let server;
let browser;
const folder = mkdtempSync(join(tmpdir(), "fix502-files-"));
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser.close();
  server.close();
});

/** A HAR file as Chrome exports it: a page that loaded, then an API call that got Cloudflare's
 * 502 page, with a cookie, a bearer token, a token in the query and a Set-Cookie. */
const HAR = JSON.stringify({
  log: {
    version: "1.2",
    creator: { name: "WebInspector", version: "537.36" },
    pages: [{ id: "page_1", title: "https://shop.example/" }],
    entries: [
      {
        request: { method: "GET", url: "https://shop.example/", headers: [{ name: "Cookie", value: "session=COOKIESECRET" }] },
        response: { status: 200, statusText: "OK", httpVersion: "http/2.0", headers: [{ name: "server", value: "cloudflare" }], content: { size: 5, text: "hello" } },
        timings: { blocked: 1, dns: 2, connect: 10, ssl: 8, send: 0.1, wait: 40, receive: 1 },
      },
      {
        request: {
          method: "POST",
          url: "https://shop.example/api/cart?token=QUERYSECRET&id=7",
          headers: [{ name: "Authorization", value: "Bearer BEARERSECRET" }, { name: "Cookie", value: "sid=COOKIESECRET2" }],
        },
        response: {
          status: 502,
          statusText: "Bad Gateway",
          httpVersion: "http/2.0",
          headers: [
            { name: "server", value: "cloudflare" },
            { name: "cf-ray", value: "8a1b2c3d4e5f6789-AMS" },
            { name: "set-cookie", value: "__cf_bm=SETCOOKIESECRET; path=/" },
          ],
          content: {
            size: 160,
            mimeType: "text/html",
            text: "<title>shop.example | 502: Bad gateway</title>\n<span class=\"code-label\">Error code 502</span>\n<p>The web server reported a bad gateway error.</p>",
          },
        },
        serverIPAddress: "104.16.1.1",
        timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.1, wait: 1200, receive: 1 },
      },
    ],
  },
});

const LOG = [
  '203.0.113.7 - - [22/Nov/2026:03:17:55 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0"',
  '203.0.113.7 - - [22/Nov/2026:03:17:56 +0000] "GET /cart HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
  "2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: shop.example, request: \"GET /cart HTTP/1.1\", upstream: \"http://127.0.0.1:8000/cart\", host: \"shop.example\"",
].join("\n");

/** Drops `text` as a file named `name` on the paste box, as a person drags it from their files. */
async function drop(page, name, text, type = "application/json") {
  const data = await page.evaluateHandle(
    ([name, text, type]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      return transfer;
    },
    [name, text, type],
  );
  await page.dispatchEvent("details.paste summary", "dragover", { dataTransfer: data });
  await page.dispatchEvent("details.paste summary", "drop", { dataTransfer: data });
}

/** Writes `text` to a file in the test's folder and returns its path. */
function file(name, text) {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const hops = (page) => page.locator(".paste-hops li").allInnerTexts();

describe("files in the paste box", () => {
  test("a HAR file dropped on the closed box is read: the hop chain, the failed request, no secret, then the guidance", async () => {
    const page = await openApp(browser, server.url);
    await drop(page, "shop.example.har", HAR);
    const findings = page.locator(".paste-findings");
    await findings.waitFor();
    assert.ok(await page.locator("details.paste").evaluate((box) => box.open), "the box opens to show what it read");
    assert.deepEqual(await hops(page), ["Browser", "Cloudflare sent the error\n8a1b2c3d4e5f6789-AMS"], "with its Ray ID");
    assert.match(await page.locator(".paste-hops .hop-failed").innerText(), /^Cloudflare sent the error/);
    const html = await page.locator(".paste-result").innerHTML();
    assert.match(await page.locator(".paste-result").innerText(), /POST https:\/\/shop\.example\/api\/cart\?token=\*\*\*&id=7 502 after 1\.2 s/);
    assert.match(await page.locator(".paste-result").innerText(), /partly: the text shows which component sent the error, but not why/);
    for (const secret of ["COOKIESECRET", "COOKIESECRET2", "BEARERSECRET", "QUERYSECRET", "SETCOOKIESECRET"]) {
      assert.ok(!html.includes(secret), `${secret} shows in the findings`);
    }
    assert.match(await page.locator(".paste-result").innerText(), /Request ids, for support:\s+Cloudflare Ray ID: 8a1b2c3d4e5f6789-AMS/);
    await findings.locator("a.paste-go").click();
    await reaches(page, "What does the Cloudflare error page say?");
    assert.equal(query(page), "?from=owner-cloudflare&by=paste&found=cloudflare.unknown");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("a log chosen with the file button is read: nginx sent the error because nothing listened", async () => {
    const page = await openApp(browser, server.url);
    await page.locator(".paste summary").click();
    await page.locator("#paste-file").setInputFiles(file("error.log", LOG));
    await page.locator(".paste-findings").waitFor();
    assert.deepEqual(await hops(page), ["Browser", "nginx sent the error"]);
    assert.match(await page.locator(".paste-cause").innerText(), /upstream-refused/);
    assert.match(await page.locator(".paste-evidence li").first().innerText(), /^line 3 .*Connection refused/);
    await page.locator("a.paste-go").click();
    await reaches(page, "nginx");
    assert.equal(query(page), "?from=owner-nginx-refused&by=paste&found=nginx.upstream-refused");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`a 50 MB log is read with progress, the page never ${FRAME_BOUND_MS} ms without a frame`, async () => {
    const line = '203.0.113.7 - - [22/Nov/2026:03:00:00 +0000] "GET /products/1 HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n';
    const half = line.repeat(Math.floor(25 * 1024 * 1024 / line.length));
    const path = file("big.log", half + "2026/11/22 03:17:56 [error] 1#1: *9 upstream timed out (110: Connection timed out) while reading response header from upstream\n" + half);
    const page = await openApp(browser, server.url);
    await page.locator(".paste summary").click();
    await page.evaluate(() => {
      window.longestGap = 0;
      window.sawProgress = false;
      let last = performance.now();
      const tick = (now) => {
        window.longestGap = Math.max(window.longestGap, now - last);
        last = now;
        window.sawProgress ||= !!document.querySelector(".paste-reading progress");
        if (!document.querySelector(".paste-findings")) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.locator("#paste-file").setInputFiles(path);
    await page.locator(".paste-findings").waitFor({ timeout: LARGE_BOUND_MS });
    const millis = Date.now() - started;
    const { longestGap, sawProgress } = await page.evaluate(() => ({ longestGap: window.longestGap, sawProgress: window.sawProgress }));
    console.log(`read a 50 MB log in the browser in ${millis} ms (${(50 * 1000 / millis).toFixed(1)} MB/s); the longest the page went without a frame: ${longestGap.toFixed(0)} ms`);
    assert.ok(sawProgress, "the reading showed its progress");
    assert.match(await page.locator(".paste-cause").innerText(), /upstream-timeout/);
    assert.ok(longestGap < FRAME_BOUND_MS, `the page went ${longestGap.toFixed(0)} ms without a frame`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("files it cannot read get a clear message, and the box still reads the next one", async () => {
    const page = await openApp(browser, server.url);
    await page.locator(".paste summary").click();
    const input = page.locator("#paste-file");
    const result = page.locator(".paste-result");
    await input.setInputFiles(file("huge.log", Buffer.alloc(51 * 1024 * 1024, 0x61)));
    await page.locator(".paste-result .load-error").waitFor();
    assert.match(await result.innerText(), /“huge\.log” is 51 MB; the guide reads files up to 50 MB\./);
    await input.setInputFiles(file("empty.har", ""));
    await page.waitForFunction(() => document.querySelector(".paste-result").innerText.includes("is empty"));
    await input.setInputFiles(file("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])));
    await page.waitForFunction(() => document.querySelector(".paste-result").innerText.includes("binary file"));
    await input.setInputFiles(file("cut.har", HAR.slice(0, HAR.length / 2)));
    await page.waitForFunction(() => document.querySelector(".paste-result").innerText.includes("could not be read as one"));
    assert.match(await result.innerText(), /This looks like a HAR file, but it could not be read as one \(.+\); its text was read line by line instead\./);
    assert.ok(!(await result.innerHTML()).includes("BEARERSECRET"), "a cut HAR file shows no secret");
    await input.setInputFiles(file("error.log", LOG));
    await page.locator(".paste-findings .paste-hops").waitFor();
    assert.equal(await heading(page), "Who is seeing the 502 error?", "no step changed under the reader");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
