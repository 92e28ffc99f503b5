// End to end: the custom error page in assets/error-pages, installed with the shipped snippets
// in real nginx, Apache httpd, HAProxy and Caddy on loopback, in front of an application that
// fails. Each server's temporary configuration includes the shipped snippet (or, for HAProxy,
// is the shipped example) with only its paths and ports changed, and serves the wizard from
// dist/ under /_fix502/, as the snippets recommend. The page and the wizard come with the
// security headers the snippets send, and run under them without a violation.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { DIST as BUILT, OUTPUT, RECOMMENDED_HEADERS, ROOT, freePort, launch, messagesOf, recordViolations, serve, violations } from "./support.mjs";
import { errorPagePolicy, errorResponse, snippets } from "../scripts/error-page-csp.mjs";

const PAGES = join(ROOT, "assets", "error-pages");
// The wizard build to serve under /_fix502/: dist/, or another build (FIX502_DIST=/path).
const DIST = process.env.FIX502_DIST ?? BUILT;
const FAILING = "shop/cart?id=7"; // the page a visitor asked for, relative to the site
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const RID = /^[\x21-\x7e]{1,128}$/; // the URL contract: printable ASCII, at most 128

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Every process this file starts, so that none outlives it even if a test throws.
const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function run(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  child.output = "";
  child.stdout.on("data", (chunk) => (child.output += chunk));
  child.stderr.on("data", (chunk) => (child.output += chunk));
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const hard = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(hard);
}

/** The shipped snippet with its example paths and ports replaced; each must be there. */
async function snippet(file, replacements) {
  let text = await readFile(join(PAGES, file), "utf8");
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `${file} no longer mentions ${from}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

/**
 * The application behind the gateway, failing: it takes each request and closes the connection
 * without an answer, for which every gateway answers 502. After `kill()` its port is dead
 * (connection refused), for which nginx and Caddy answer 502 and Apache and HAProxy 503.
 */
async function failingApp() {
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", () => socket.end());
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return {
    port: server.address().port,
    kill: () =>
      new Promise((closed) => {
        for (const socket of sockets) socket.destroy();
        server.close(closed);
      }),
  };
}

/** nginx's module for brotli_static, which the nginx snippet uses (Debian's
 * libnginx-mod-http-brotli-static, which scripts/setup installs). */
const BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** How to run each server with the shipped snippet. `log` reads what it logged, if it can. */
const SERVERS = {
  nginx: {
    binary: "/usr/sbin/nginx",
    refused: 502,
    async start({ dir, port, app }) {
      const www = join(dir, "fix502");
      await writeFile(join(dir, "fix502.conf"), await snippet("nginx.conf", [["/var/www/fix502", www]]));
      const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir};`).join(" ");
      await writeFile(
        join(dir, "nginx.conf"),
        `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
${existsSync(BROTLI_STATIC) ? `load_module ${BROTLI_STATIC};` : ""}
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  ${temp}
  log_format rid '$request_uri $status rid=$request_id';
  access_log ${dir}/access.log rid;
  server {
    listen 127.0.0.1:${port};
    include ${dir}/fix502.conf;
    location / { proxy_pass http://127.0.0.1:${app}; }
  }
}
`,
      );
      return run("/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf")]);
    },
    log: ({ dir }) => readFile(join(dir, "access.log"), "utf8"),
  },

  apache: {
    binary: "/usr/sbin/apache2",
    refused: 503,
    async start({ dir, port, app }) {
      await writeFile(join(dir, "fix502.conf"), await snippet("apache.conf", [["/var/www/fix502", join(dir, "fix502")]]));
      const modules = ["mpm_event", "authz_core", "proxy", "proxy_http", "alias", "mime", "dir", "include", "unique_id", "headers", "rewrite"];
      await writeFile(
        join(dir, "httpd.conf"),
        `ServerRoot "${dir}"
ServerName localhost
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
Mutex file:${dir} default
Listen 127.0.0.1:${port}
${modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join("\n")}
TypesConfig /etc/mime.types
DirectoryIndex index.html
LogFormat "%r %>s rid=%{UNIQUE_ID}e" rid
CustomLog ${dir}/access.log rid
<VirtualHost 127.0.0.1:${port}>
  Include ${dir}/fix502.conf
  ProxyPass / http://127.0.0.1:${app}/
</VirtualHost>
`,
      );
      return run("/usr/sbin/apache2", ["-X", "-f", join(dir, "httpd.conf")]);
    },
    log: ({ dir }) => readFile(join(dir, "access.log"), "utf8"),
  },

  haproxy: {
    binary: "/usr/sbin/haproxy",
    refused: 503,
    async start({ dir, port, app, wizard, file = "haproxy.cfg" }, edit = (text) => text) {
      const config = await snippet("haproxy.cfg", [
        ["/etc/haproxy/fix502", join(dir, "fix502")],
        ["bind :80", `bind 127.0.0.1:${port}`],
        ["127.0.0.1:8502", `127.0.0.1:${wizard}`],
        ["127.0.0.1:8000", `127.0.0.1:${app}`],
      ]);
      await writeFile(join(dir, file), edit(config));
      return run("/usr/sbin/haproxy", ["-db", "-f", join(dir, file)]);
    },
    // The shipped configuration logs to standard output, ending each line with id=<unique-id>.
    log: ({ child }) => child.output,
    wizardServer: true, // HAProxy serves no files: a static server holds the wizard
  },

  caddy: {
    binary: "/usr/bin/caddy",
    refused: 502,
    async start({ dir, port, app }) {
      const www = join(dir, "fix502");
      await writeFile(join(dir, "fix502.caddy"), await snippet("Caddyfile", [["/var/www/fix502", www]]));
      await writeFile(
        join(dir, "Caddyfile"),
        `{
	admin off
	auto_https off
	storage file_system ${dir}
}
http://127.0.0.1:${port} {
	import ${dir}/fix502.caddy
	reverse_proxy 127.0.0.1:${app}
}
`,
      );
      // Caddy keeps its state under the XDG folders: keep them in the temporary folder too.
      const env = { XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, HOME: dir };
      return run("/usr/bin/caddy", ["run", "--adapter", "caddyfile", "--config", join(dir, "Caddyfile")], env);
    },
    log: null, // Caddy logs no request id by default; the X-Request-Id header is checked instead
  },
};

/** Waits until the server answers HTTP on `base`, or fails with what it printed. */
async function answering(base, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}_fix502/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((tick) => setTimeout(tick, 50));
  }
  throw new Error(`the server did not start:\n${child.output}`);
}

/**
 * A temporary folder laid out as the snippets' install notes say (fix502/502.html is the
 * shipped page, fix502/wizard is dist/), the failing application, and the server itself.
 * Whatever started is recorded in `site`, so `stopSite` cleans up after a partial start too.
 */
async function startSite(name, site) {
  site.dir = await mkdtemp(join(tmpdir(), `fix502-errorpage-${name}-`));
  const www = join(site.dir, "fix502");
  await mkdir(www);
  for (const file of ["502.html", "502.http"]) await symlink(join(PAGES, file), join(www, file));
  await symlink(DIST, join(www, "wizard"));
  await chmod(site.dir, 0o755); // nginx's workers run as nobody
  site.app = await failingApp();
  // The static server behind HAProxy sends no headers of its own: HAProxy adds them.
  if (SERVERS[name].wizardServer) site.wizard = await serve(DIST, new Map(), {});
  site.port = await freePort();
  site.base = `http://127.0.0.1:${site.port}/`;
  const ports = { dir: site.dir, port: site.port, app: site.app.port, wizard: site.wizard && new URL(site.wizard.url).port };
  site.child = await SERVERS[name].start(ports);
  await answering(site.base, site.child);
}

async function stopSite(site) {
  await stop(site.child);
  await site.app?.kill();
  site.wizard?.close();
  if (site.dir) await rm(site.dir, { recursive: true, force: true });
}

/** The fill row of `via` in a page as served: what the server put in it. */
function fillRow(body, via) {
  const match = new RegExp(`<i data-via="${via}" data-status="([^"]*)" data-rid="([^"]*)"></i>`).exec(body);
  assert.ok(match, `the page has no fill row for ${via}`);
  return { status: match[1], rid: match[2] };
}

/** Polls the server's log until a line shows both the failing request and `rid`. */
async function logged(name, site, rid) {
  const log = SERVERS[name].log;
  let text = "";
  for (let i = 0; i < 100; i++) {
    text = await log(site);
    if (text.split("\n").some((line) => line.includes("/shop/cart?id=7") && line.includes(rid))) return;
    await new Promise((tick) => setTimeout(tick, 50));
  }
  assert.fail(`${name} logged no line with the failing request and id ${rid}:\n${text}`);
}

/** Opens the failing page in Chromium: the page, its response, and the wizard link's URL. */
async function openFailing(site, options = {}) {
  const page = await browser.newPage(options);
  await recordViolations(page);
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  const response = await page.goto(site.base + FAILING);
  await page.waitForSelector("#fix502-ref:not([hidden])"); // the script has run
  const link = new URL(await page.locator("#fix502-wizard").getAttribute("href"), page.url());
  return { page, response, link };
}

async function openWizard(page) {
  await Promise.all([page.waitForURL(/\/_fix502\/\?/), page.locator("#fix502-wizard").click()]);
  await page.waitForSelector("html[data-app=started]", { timeout: 15_000 });
}

for (const [name, server] of Object.entries(SERVERS)) {
  const missing = !existsSync(server.binary) && `${server.binary} is not installed (scripts/setup installs it)`;

  describe(`the error page behind ${name}`, { skip: missing }, () => {
    const site = {};
    before(() => startSite(name, site));
    after(() => stopSite(site));

    test("a failed request gets the custom page with status 502, filled in by the server", async () => {
      const response = await fetch(site.base + FAILING);
      const body = await response.text();
      assert.equal(response.status, 502);
      assert.match(body, /<h1[^>]*>This page could not load<\/h1>/);
      assert.match(body, /id="fix502-wizard" href="\/_fix502\/\?audience=visitor"/);
      const row = fillRow(body, name);
      assert.equal(row.status, "502");
      const rid = response.headers.get("x-request-id");
      assert.match(rid ?? "", RID, "the response has an X-Request-Id header");
      assert.equal(row.rid, rid);
      if (server.log) await logged(name, site, rid);
      assert.equal(response.headers.get("content-security-policy"), errorPagePolicy(), "the page's own policy");
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
    });

    test("the wizard comes with the recommended security headers", async () => {
      const wasm = readdirSync(DIST).find((file) => /^fix502-[0-9a-f]+_bg\.wasm$/.test(file));
      for (const path of ["", wasm, "content/tree.txt"]) {
        const response = await fetch(`${site.base}_fix502/${path}`, { headers: { "accept-encoding": "br" } });
        assert.equal(response.status, 200, path);
        for (const [header, value] of Object.entries(RECOMMENDED_HEADERS)) {
          assert.equal(response.headers.get(header), value, `${header} of ${path || "the page"}`);
        }
      }
    });

    test("the wizard is served from the build's precompressed copies, with the documented cache headers", { skip: server.wizardServer && "HAProxy serves no files" }, async () => {
      const wasm = readdirSync(DIST).find((file) => /^fix502-[0-9a-f]+_bg\.wasm$/.test(file));
      for (const [encoding, header] of [["br", "br"], ["gzip", "gzip"], ["identity", null]]) {
        const response = await fetch(`${site.base}_fix502/${wasm}`, { headers: { "accept-encoding": encoding } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("content-encoding"), header, `${wasm} asked with ${encoding}`);
        assert.equal(response.headers.get("content-type"), "application/wasm");
        assert.match(response.headers.get("cache-control") ?? "", /max-age=31536000, immutable/);
        assert.deepEqual(new Uint8Array(await response.arrayBuffer()).slice(0, 4), new Uint8Array([0, 0x61, 0x73, 0x6d]), "the body is the wasm itself");
      }
      const style = readdirSync(DIST).find((file) => /^style-[0-9a-f]+\.css$/.test(file));
      const stylesheet = await fetch(`${site.base}_fix502/${style}`, { headers: { "accept-encoding": "br" } });
      assert.equal(stylesheet.headers.get("content-encoding"), "br");
      assert.match(stylesheet.headers.get("cache-control") ?? "", /max-age=31536000, immutable/, style);
      for (const path of ["", "content/tree.txt", "sw.js"]) {
        const response = await fetch(`${site.base}_fix502/${path}`, { headers: { "accept-encoding": "br" } });
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get("cache-control"), "no-cache", `${path || "the page"} is revalidated`);
      }
      const tree = await fetch(`${site.base}_fix502/content/tree.txt`, { headers: { "accept-encoding": "br" } });
      assert.equal(tree.headers.get("content-encoding"), "br");
      assert.match(await tree.text(), /Who is seeing the 502 error\?/);
    });

    test("under /_fix502/ the wizard keeps itself for offline use in its own folder", async () => {
      const page = await browser.newPage();
      await page.goto(`${site.base}_fix502/`);
      await page.waitForSelector("html[data-app=started]");
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, `${site.base}_fix502/`);
      await page.close();
    });

    test("in Chromium the page links to the wizard with the failing URL, status, time, request id and gateway", async () => {
      const { page, response, link } = await openFailing(site);
      const opened = Date.now();
      assert.equal(response.status(), 502);
      assert.equal(link.origin + link.pathname, `${site.base}_fix502/`);
      const params = Object.fromEntries(link.searchParams);
      assert.deepEqual(Object.keys(params), ["audience", "url", "status", "time", "rid", "via"]);
      assert.equal(params.audience, "visitor");
      assert.equal(params.url, site.base + FAILING);
      assert.equal(params.status, "502");
      assert.match(params.time, ISO_TIME);
      assert.ok(Math.abs(Date.parse(params.time) - opened) < 60_000, `time ${params.time} is now`);
      assert.equal(params.via, name);
      const rid = (await response.allHeaders())["x-request-id"];
      assert.match(params.rid, RID);
      assert.equal(params.rid, rid);
      if (server.log) await logged(name, site, rid);
      // What a visitor can quote, as text.
      assert.equal(await page.locator("#fix502-time").innerText(), params.time);
      assert.equal(await page.locator("#fix502-rid").innerText(), rid);
      assert.deepEqual(page.errors, []);
      // Its style and script ran under its policy: styled, and the link has the context.
      const button = await page.locator("#fix502-wizard").evaluate((link) => getComputedStyle(link).backgroundColor);
      assert.notEqual(button, "rgba(0, 0, 0, 0)", "the page's stylesheet applies");
      assert.deepEqual(await violations(page), [], "the error page breaks no rule of its policy");
      await mkdir(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, `errorpage-${name}.png`) });
      await openWizard(page);
      // audience=visitor opened the visitor's branch as a walk the error page began, and the
      // error's details stay in the URL.
      const wizard = new URL(page.url());
      assert.equal(wizard.searchParams.get("from"), "visitor-other-sites");
      assert.equal(wizard.searchParams.get("by"), "error-page");
      for (const key of ["url", "status", "time", "rid", "via"]) assert.equal(wizard.searchParams.get(key), params[key], key);
      assert.deepEqual(await violations(page), [], "the wizard breaks no rule of its policy");
      await page.close();
    });

    test("in a German and a Japanese browser the page and the wizard speak the visitor's language", { skip: name !== "nginx" && "nginx shows it for every server" }, async () => {
      const page502 = readFileSync(join(PAGES, "502.html"), "utf8");
      const WORDS = JSON.parse(page502.match(/var WORDS = (\{.*\});/)[1]);
      for (const [locale, lang] of [["de-DE", "de"], ["ja-JP", "ja"]]) {
        const { page, response, link } = await openFailing(site, { locale });
        assert.equal(response.status(), 502);
        assert.equal(await page.locator("h1").innerText(), WORDS[lang].heading);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.locator("#fix502-code").innerText(), `${WORDS[lang].error} 502: ${WORDS[lang]["502"]}`);
        assert.equal(link.searchParams.get("lang"), lang);
        // The other languages are offered, and the one chosen is the wizard's too.
        await page.locator("#fix502-langs button", { hasText: "Español" }).click();
        assert.equal(await page.locator("h1").innerText(), WORDS.es.heading);
        assert.equal(new URL(await page.locator("#fix502-wizard").getAttribute("href"), page.url()).searchParams.get("lang"), "es");
        await page.locator(`#fix502-langs button[lang="${lang}"]`).click();
        await mkdir(OUTPUT, { recursive: true });
        await page.screenshot({ path: join(OUTPUT, `errorpage-${lang}.png`) });
        await openWizard(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const line = page.locator(".context-line > summary");
        await line.waitFor({ timeout: 5000 });
        assert.ok((await line.innerText()).startsWith(messagesOf(lang)["your-error"].trim()), await line.innerText());
        assert.deepEqual(page.errors, []);
        assert.deepEqual(await violations(page), []);
        await page.close();
      }
    });

    test("the wizard shows the context it was given, as text", async () => {
      const { page, link } = await openFailing(site);
      await openWizard(page);
      // One folded line names the site; opened, it shows every detail.
      const line = page.locator(".context-line > summary");
      await line.waitFor({ timeout: 5000 });
      assert.match(await line.innerText(), /Your error: 127\.0\.0\.1 · 502 · That was just now\./);
      await line.click();
      const context = page.locator("dl.context");
      const text = await context.innerText();
      assert.ok(text.includes(site.base + FAILING), `dl.context shows the failing URL: ${text}`);
      assert.ok(text.includes(link.searchParams.get("rid")), `dl.context shows the request id: ${text}`);
      // The error page's time (the browser's clock, a moment ago) reads as words too.
      assert.equal(await page.locator(".context-age").innerText(), "That was just now.");
      await page.close();
    });

    if (name === "haproxy") {
      test("the errorfile alternative, 502.http, also works", async () => {
        // As haproxy.cfg's comment says: its errorfile line in place of the three http-error lines.
        const port = await freePort();
        const base = `http://127.0.0.1:${port}/`;
        const ports = { dir: site.dir, port, app: site.app.port, wizard: new URL(site.wizard.url).port };
        const child = await server.start({ ...ports, file: "errorfile.cfg" }, (text) => {
          const errorfile = text.match(/^#\s+(errorfile 502 \S+)$/m)[1];
          const lines = text.match(/^ *http-error status 50[234] .*\n/gm);
          assert.equal(lines?.length, 3);
          return text.replace(lines.join(""), `    ${errorfile}\n`);
        });
        try {
          await answering(base, child);
          const response = await fetch(base + FAILING);
          assert.equal(response.status, 502);
          const same = (await response.text()) === (await readFile(join(PAGES, "502.html"), "utf8"));
          assert.ok(same, "HAProxy sends 502.html as it is");
        } finally {
          await stop(child);
        }
      });
    }

    test(`a dead application (connection refused) gets the page too, as ${server.refused}`, async () => {
      await site.app.kill();
      const response = await fetch(site.base + FAILING);
      assert.equal(response.status, server.refused);
      const body = await response.text();
      assert.match(body, /<h1[^>]*>This page could not load<\/h1>/);
      assert.equal(fillRow(body, name).status, String(server.refused));
    });
  });
}

describe("the error page on its own", () => {
  const SHOP = "http://shop.test/";
  /** A browser page where shop.test answers `status` with `body` and serves dist/ at /_fix502/. */
  async function shop(body, status = 502, options = {}) {
    const context = await browser.newContext(options);
    await context.route(`${SHOP}**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (!path.startsWith("/_fix502/")) {
        return route.fulfill({ status, contentType: "text/html; charset=utf-8", body });
      }
      const file = path.endsWith("/") ? "index.html" : decodeURIComponent(path.slice("/_fix502/".length));
      const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".svg": "image/svg+xml" };
      const found = await readFile(join(DIST, file)).catch(() => null);
      if (!found) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: types[extname(file)] ?? "application/octet-stream", body: found });
    });
    const page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (error) => page.errors.push(error.message));
    await page.goto(SHOP + FAILING);
    return page;
  }
  const linkOf = async (page) => new URL(await page.locator("#fix502-wizard").getAttribute("href"), page.url());
  const shipped = () => readFile(join(PAGES, "502.html"), "utf8");

  test("served as a plain file, it sends what the browser knows and leaves out the markers", async () => {
    const page = await shop(await shipped());
    const params = Object.fromEntries((await linkOf(page)).searchParams);
    assert.deepEqual(Object.keys(params), ["audience", "url", "status", "time"]);
    assert.equal(params.url, SHOP + FAILING);
    assert.equal(params.status, "502"); // from the browser's navigation timing
    assert.equal(await page.locator("#fix502-rid-part").isHidden(), true);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("substituted values that break the contract are dropped, and nothing is parsed as HTML", async () => {
    const hostile = (await shipped()).replace(
      /<i data-via="nginx"[^\n]*/,
      `<i data-via="nginx" data-status="502" data-rid="a b&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"></i>`,
    );
    const page = await shop(hostile);
    const params = Object.fromEntries((await linkOf(page)).searchParams);
    assert.equal(params.via, "nginx");
    assert.equal(params.rid, undefined);
    assert.equal(await page.locator("img").count(), 0);
    await page.context().close();

    const long = (await shipped()).replace(/data-rid="<!--#echo var='request_id' -->"/, `data-rid="${"a".repeat(129)}"`);
    const longPage = await shop(long.replace(/data-status="<!--#echo var='status' -->"/, 'data-status="502"'));
    assert.equal((await linkOf(longPage)).searchParams.get("rid"), null);
    await longPage.context().close();

    const ok = await shop(await shipped(), 200); // opened directly: no error status to report
    assert.equal((await linkOf(ok)).searchParams.get("status"), null);
    await ok.context().close();
  });

  test("behind Cloudflare, the Ray ID it fills in becomes the request id", async () => {
    const page = await shop((await shipped()).replace("::RAY_ID::", "8e1f2a3b4c5d6e7f"));
    const params = Object.fromEntries((await linkOf(page)).searchParams);
    assert.equal(params.via, "cloudflare");
    assert.equal(params.rid, "8e1f2a3b4c5d6e7f");
    assert.equal(params.status, "502"); // Cloudflare fills in no status: the browser's
    assert.equal(await page.locator("#fix502-rid").innerText(), "8e1f2a3b4c5d6e7f");
    await page.context().close();
  });

  test("without JavaScript the link still opens the wizard", async () => {
    const page = await shop(await shipped(), 502, { javaScriptEnabled: false });
    assert.equal(await page.locator("#fix502-wizard").getAttribute("href"), "/_fix502/?audience=visitor");
    assert.equal(await page.locator("#fix502-ref").isHidden(), true);
    await Promise.all([page.waitForURL(`${SHOP}_fix502/?audience=visitor`), page.locator("#fix502-wizard").click()]);
    assert.ok((await page.locator("h1").innerText()).length > 0, "the wizard's start question is there");
    await page.context().close();
  });

  test("fits a phone and follows the dark colour scheme", async () => {
    const colours = {};
    await mkdir(OUTPUT, { recursive: true });
    for (const [scheme, viewport] of [["light", { width: 1280, height: 800 }], ["dark", { width: 360, height: 740 }]]) {
      const page = await shop(await shipped(), 502, { colorScheme: scheme, viewport });
      await page.screenshot({ path: join(OUTPUT, `errorpage-${scheme}-${viewport.width}.png`) });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `no sideways scrolling at ${viewport.width}px (${width}px)`);
      colours[scheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.context().close();
    }
    assert.notEqual(colours.light, colours.dark);
  });

  test("one file for every server: each server's markers stay in its own row, and 502.http is 502.html", async () => {
    const page = await shipped();
    const rows = page.match(/<template id="fix502-fill">[\s\S]*?<\/template>/)[0];
    const outside = page.replace(rows, "");
    assert.doesNotMatch(outside, /%/, "no percent sign outside the rows (HAProxy log-format)");
    assert.doesNotMatch(outside, /\{\{/, "no template action outside the rows (Caddy templates)");
    assert.doesNotMatch(outside, /<!--#/, "no SSI directive outside the rows (nginx, Apache)");
    assert.doesNotMatch(outside, /::[A-Z0-9_]+::/, "no Cloudflare token outside the rows");
    const http = await readFile(join(PAGES, "502.http"), "utf8");
    const split = http.indexOf("\r\n\r\n");
    assert.match(http.slice(0, split), /^HTTP\/1\.1 502 Bad Gateway\r\n/);
    assert.ok(http.slice(split + 4) === page, "the body of 502.http is 502.html byte for byte: run node scripts/error-page-csp.mjs --write");
    assert.ok(http === errorResponse(page), "502.http's headers are the ones the script writes");
  });

  test("every server snippet sends the page's policy, by the page's current hashes, and the wizard's headers", async () => {
    const policy = errorPagePolicy(await shipped());
    const recommended = Object.values(RECOMMENDED_HEADERS);
    const configs = snippets().filter((file) => !file.endsWith(".md") && file !== "502.http");
    assert.deepEqual(configs.sort(), ["Caddyfile", "apache.conf", "haproxy.cfg", "nginx.conf", "traefik.yml", "web.config"]);
    for (const file of configs) {
      const text = await readFile(join(PAGES, file), "utf8");
      assert.ok(text.includes(policy), `${file} carries the page's policy: run node scripts/error-page-csp.mjs --write`);
      for (const value of recommended) assert.ok(text.includes(value), `${file} sends ${value} with the wizard`);
    }
  });
});
