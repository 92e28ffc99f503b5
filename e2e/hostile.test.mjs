// End to end: the live checks that read an answer (DNS over HTTPS, a status page) against
// hostile servers on loopback: an answer of 50 MB, one that drips a byte a second, malformed
// JSON, and an HTML page in place of JSON. Every check must end within its time limit (8 s)
// with a result that says what was wrong, and read a bounded number of bytes: the server
// counts what it managed to send before the browser hung up.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { finding, launch, openApp, serve, waitUntil } from "./support.mjs";

const HUGE = 50 * 1024 * 1024;
const LIMIT_MS = 8_000;
const CHUNK = Buffer.from(`{"name":"x.test.","type":1,"TTL":1,"data":"127.0.0.1"},`.repeat(1024));

let server;
let browser;
let hostile;
/** What the hostile server sent on each connection, by kind: bytes, and whether it was closed. */
const sent = new Map();

before(async () => {
  server = await serve();
  browser = await launch();
  hostile = createServer((request, response) => {
    const kind = new URL(request.url, "http://x").pathname.split("/")[1];
    const record = { bytes: 0, closed: false };
    sent.set(kind, record);
    request.socket.on("close", () => (record.closed = true));
    const cors = { "access-control-allow-origin": "*", "cache-control": "no-store" };
    const write = (bytes) => {
      record.bytes += bytes.length;
      return response.write(bytes);
    };
    switch (kind) {
      case "huge": {
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        write(`{"Status":0,"status":{"indicator":"none"},"Answer":[`);
        const pump = () => {
          while (!record.closed && record.bytes < HUGE) if (!write(CHUNK)) return response.once("drain", pump);
          response.end("{}]}");
        };
        return pump();
      }
      case "drip": {
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        const drip = setInterval(() => (record.closed ? clearInterval(drip) : write(" ")), 1000);
        return write("{");
      }
      case "malformed":
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        return response.end(`{"Status": 0, "Answer": [{"type": 1, "data": `);
      case "html":
        response.writeHead(200, { ...cors, "content-type": "text/html" });
        return response.end("<!doctype html><title>Sign in</title><p>Please sign in to continue.</p>");
      default:
        return response.writeHead(404, cors).end();
    }
  });
  await new Promise((ready) => hostile.listen(0, "127.0.0.1", ready));
});
after(async () => {
  await browser?.close();
  await server?.close();
  hostile?.closeAllConnections();
  hostile?.close();
});

const base = () => `http://127.0.0.1:${hostile.address().port}`;

/** The way to each check: the link that opens the step that runs it against `kind`. */
const CHECKS = {
  dns: (kind) => ({ from: "owner-dns-check", url: "http://shop.test/", doh: `${base()}/${kind}/dns-query` }),
  "status-page": (kind) => ({ from: "visitor-status-check", statuspage: `${base()}/${kind}` }),
};

/** What the result must say for each kind of answer. */
const SAYS = {
  huge: /larger than 1 MB/,
  drip: /did not finish within 8 seconds/,
  malformed: /not JSON/,
  html: /not JSON/,
};

describe("the live checks against hostile servers", () => {
  for (const [check, params] of Object.entries(CHECKS)) {
    for (const [kind, says] of Object.entries(SAYS)) {
      test(`${check}: an answer that is ${kind} ends in time, says why, and reads a bounded amount`, async () => {
        sent.delete(kind);
        const started = Date.now();
        const page = await openApp(browser, `${server.url}?${new URLSearchParams(params(kind))}`);
        const card = page.locator(`.finding[data-check=${check}]`).first();
        await card.waitFor({ state: "attached", timeout: LIMIT_MS + 5_000 });
        const took = Date.now() - started;
        const found = await finding(page, `.finding[data-check=${check}]`);
        console.log(`${check}, ${kind}: ${took} ms, ${sent.get(kind)?.bytes ?? 0} bytes sent; “${found.summary}”`);
        assert.match(found.summary, says);
        assert.ok(took < LIMIT_MS + 4_000, `the check took ${took} ms`);
        assert.deepEqual(page.errors, []);
        await page.close();
        if (kind === "huge") {
          await waitUntil(() => sent.get(kind)?.closed, "the browser hung up on the huge answer");
          const bytes = sent.get(kind).bytes;
          assert.ok(bytes < 16 * 1024 * 1024, `the server got ${bytes} bytes out of ${HUGE} before the browser hung up`);
        }
      });
    }
  }
});
