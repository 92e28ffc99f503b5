// Shared by the end-to-end tests: a static server for the release build in dist/, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "test-output");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".md": "text/markdown; charset=utf-8",
};

/** The headers the guide recommends its hosts send (assets/_headers: its `/*` block), by name. */
export const RECOMMENDED_HEADERS = Object.fromEntries(
  readFileSync(join(ROOT, "assets", "_headers"), "utf8")
    .split("\n")
    .filter((line) => /^\s+[A-Za-z-]+: /.test(line))
    .map((line) => line.trim().split(/: (.*)/s).slice(0, 2)),
);

/** For a test file that needs only the build and a browser: `{ server, browser }`, the build
 * served as `serve()` serves it and Chromium, both started before its tests and closed after. */
export function servedBuild() {
  const served = {};
  before(async () => {
    served.server = await serve();
    served.browser = await launch();
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}

/** Records every Content-Security-Policy violation in the pages `target` (a page or a browser
 * context) opens from now on; `violations(page)` lists them. */
export const recordViolations = (target) =>
  target.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });

export const violations = (page) => page.evaluate(() => window.violations);

/** Serves `root` on a free loopback port, as any static host would, with the headers the guide
 * recommends (`headers` replaces them); `routes` (path → `{ file }` or `{ text }`, and the
 * route's own `headers` if any) answer first, without caching or the recommended headers. With
 * `root` null, only the routes exist. */
export async function serve(root = DIST, routes = new Map(), headers = RECOMMENDED_HEADERS) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const route = routes.get(path);
    try {
      if (route) {
        const body = route.file ? await readFile(route.file) : route.text;
        const type = TYPES[extname(route.file ?? path)] ?? TYPES[".html"];
        return response.writeHead(200, { "content-type": type, "cache-control": "no-store", ...route.headers }).end(body);
      }
      if (!root) throw new Error("no such route");
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) return response.writeHead(403).end();
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const sent = { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      // The build's Brotli copy, where there is one and the browser takes it, as hosts send it.
      let body = await readFile(file);
      if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
        const packed = await readFile(`${file}.br`).catch(() => null);
        if (packed) [body, sent["content-encoding"]] = [packed, "br"];
      }
      response.writeHead(200, sent);
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: `${origin}/`, close: () => new Promise((done) => server.close(done)) };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Opens `url` and waits for the app to take over the page, to have the whole tree (which
 * follows the parts a first visit starts with), so that every step opens at once, and the
 * panels' module (which follows the first screen, unless the browser saves data or the page is
 * the map), so that the list of answers shows with the step. */
export async function openApp(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector("html[data-app=started][data-tree=whole]", { state: "attached" });
  await page.waitForFunction(
    () => document.documentElement.dataset.panels || navigator.connection?.saveData || new URL(location.href).searchParams.has("map"),
  );
  page.errors = errors;
  return page;
}

/** Waits until the step's heading starts with `text`. */
export const reaches = (page, text, timeout = 10_000) =>
  page.waitForFunction((text) => document.querySelector("h1")?.textContent.startsWith(text), text, { timeout });

/** The last evidence card in `where` (which may be folded away): its outcome and summary. */
export async function finding(page, where = ".finding") {
  const card = page.locator(where).last();
  await card.waitFor({ state: "attached" });
  return { outcome: await card.getAttribute("data-outcome"), summary: await card.locator(".finding-summary").textContent() };
}

/** The heading of the step on screen. */
export const heading = (page) => page.locator("h1").innerText();

/** Clicks the answer whose label contains `label`. */
export const answer = (page, label) => page.locator(".answers a", { hasText: label }).click();

/** The page's query string, with its `?`. */
export const query = (page) => new URL(page.url()).search;

/** Polls `condition` (which may return a promise) until it holds, failing with `what` after `ms`. */
export async function waitUntil(condition, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((tick) => setTimeout(tick, 50));
  }
}

/** Every node of the build's tree (dist/content/tree.txt, as the app reads it; with `lang`, that
 * language's, dist/content/<lang>/tree.txt): its id, kind, audience, file in content/, title and
 * whether it is kept in English; the build's own reading of content/, not a second one. Read
 * once per language. */
export function builtNodes(lang = "en") {
  if (!builtTrees.has(lang)) {
    const TAB = "\t";
    const folder = lang === "en" ? "content" : `content/${lang}`;
    const nodes = readFileSync(join(DIST, folder, "tree.txt"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("N" + TAB))
      .map((line) => {
        const [, id, kind, audience, file, flags, , , , title] = line.split(TAB);
        return { id, kind, audience, file, title, inEnglish: flags.includes("E") };
      });
    builtTrees.set(lang, nodes);
  }
  return builtTrees.get(lang);
}
const builtTrees = new Map();

/** The id of every node, as the build's tree lists them. */
export async function contentNodeIds() {
  return builtNodes().map((node) => node.id);
}

/** The title of the node written in `file` (its path in content/), as the build's tree gives it
 * in `lang`. */
export function titleOf(file, lang = "en") {
  const node = builtNodes(lang).find((candidate) => candidate.file === file);
  if (!node) throw new Error(`no node of the build's tree comes from content/${file}`);
  return node.title;
}

/** The interface's words in `lang`, as the build wrote them (dist/content/<lang>/messages.txt, or
 * the panels' panels.txt): key → text, for the messages that do not count. */
export function messagesOf(lang, file = "messages.txt") {
  const words = {};
  for (const line of readFileSync(join(DIST, "content", lang, file), "utf8").split("\n").slice(1)) {
    const fields = line.split("\t");
    if (fields.length === 2) words[fields[0]] = fields[1];
  }
  return words;
}

/** A loopback port nothing listens on right now. */
export async function freePort() {
  const probe = createTcpServer();
  await new Promise((ready) => probe.listen(0, "127.0.0.1", ready));
  const { port } = probe.address();
  await new Promise((closed) => probe.close(closed));
  return port;
}
