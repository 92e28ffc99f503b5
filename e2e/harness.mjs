// Real servers on loopback for the live checks: a real nginx in front of upstreams that fail in
// different ways, and small servers that speak the DNS-over-HTTPS JSON and Statuspage formats in
// place of the public resolvers and status pages that tests cannot reach. The wizard is pointed
// at them through its ordinary link parameters (url, doh, statuspage).
import { spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./support.mjs";

function listen(server, port = 0) {
  return new Promise((ready) => server.listen(port, "127.0.0.1", () => ready(server.address().port)));
}

/** An upstream that accepts connections and resets them at once. */
async function resettingUpstream() {
  const server = createTcpServer((socket) => socket.resetAndDestroy());
  return { server, port: await listen(server) };
}

/** An upstream that accepts connections and never answers. */
async function hangingUpstream() {
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server);
  return { server, port, close: () => { for (const s of sockets) s.destroy(); server.close(); } };
}

/** The DNS-over-HTTPS JSON answers the tests rely on, by host name. */
const ZONE = {
  "healthy.test": { Status: 0, Answer: [{ name: "healthy.test.", type: 1, TTL: 60, data: "127.0.0.1" }] },
  "cdn.test": {
    Status: 0,
    Answer: [
      { name: "cdn.test.", type: 5, TTL: 60, data: "cdn.test.cdn.cloudflare.net." },
      { name: "cdn.test.cdn.cloudflare.net.", type: 1, TTL: 60, data: "104.16.0.1" },
    ],
  },
  "missing.test": { Status: 3 },
  "broken.test": { Status: 2 },
};

function dohServer(queries) {
  return createHttpServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const name = url.searchParams.get("name") ?? "";
    const type = url.searchParams.get("type") ?? "";
    queries.push({ name, type, path: url.pathname });
    const answer = ZONE[name] ?? { Status: 3 };
    const wanted = { A: 1, AAAA: 28 }[type];
    const records = (answer.Answer ?? []).filter((r) => r.type === wanted || r.type === 5);
    response.writeHead(200, {
      "content-type": "application/dns-json",
      "access-control-allow-origin": "*",
    });
    response.end(JSON.stringify({ Status: answer.Status, Answer: records.length ? records : undefined }));
  });
}

/** Status pages: /ok, /down, and /nocors (which does not allow other sites to read it). */
function statuspageServer() {
  return createHttpServer((request, response) => {
    const page = request.url.split("/")[1];
    const summary = {
      ok: { status: { indicator: "none", description: "All Systems Operational" }, incidents: [] },
      down: {
        status: { indicator: "major", description: "Partial System Outage" },
        incidents: [{ name: "Checkout errors", status: "investigating" }],
      },
      nocors: { status: { indicator: "none", description: "All Systems Operational" }, incidents: [] },
    }[page];
    if (!summary || !request.url.endsWith("/api/v2/summary.json")) {
      response.writeHead(404).end();
      return;
    }
    const headers = { "content-type": "application/json" };
    if (page !== "nocors") headers["access-control-allow-origin"] = "*";
    response.writeHead(200, headers).end(JSON.stringify(summary));
  });
}

/** A hosting platform's edge that answers 502 with its own headers (Fly.io's, as its proxy
 * sends them), readable by pages elsewhere (CORS). */
function platformEdge() {
  return createHttpServer((request, response) => {
    response
      .writeHead(502, {
        "content-type": "text/plain",
        server: "Fly/6f91d33b9d (2026-11-20)",
        via: "1.1 fly.io",
        "fly-request-id": "01JDX4ABCD5EFGH-ams",
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "Server, Via, Fly-Request-Id",
      })
      .end("bad gateway\n");
  });
}

/** A site's icon, as an upstream that is back (or a server that always has it) serves it. */
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16"/></svg>';

/** The nginx configuration: one server per behaviour, each on its own loopback port. "down"
 * (with CORS) and "plain" (without) proxy to upstreams that a test can bring back; "icon" fails
 * every page but always serves its icon. Connections to the hanging site stay open for a
 * minute, so nginx gets room for many more than the suite makes at once. */
function nginxConfig(dir, ports) {
  const cors = `add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers "Server, Via, Retry-After" always;
      add_header Via "1.1 fix502-test-proxy" always;`;
  const site = (port, body) => `server { listen 127.0.0.1:${port}; location / { ${body} } }`;
  return `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_connect_timeout 5s;
  proxy_read_timeout 60s;
  ${site(ports.healthy, `${cors} return 200 "healthy\\n";`)}
  ${site(ports.down, `${cors} proxy_pass http://127.0.0.1:${ports.downUpstream};`)}
  ${site(ports.reset, `proxy_pass http://127.0.0.1:${ports.resetUpstream};`)}
  ${site(ports.hang, `proxy_pass http://127.0.0.1:${ports.hangUpstream};`)}
  ${site(ports.cors, `${cors} proxy_pass http://127.0.0.1:${ports.closedUpstream};`)}
  ${site(ports.nocors, `proxy_pass http://127.0.0.1:${ports.closedUpstream};`)}
  ${site(ports.plain, `proxy_pass http://127.0.0.1:${ports.plainUpstream};`)}
  server {
    listen 127.0.0.1:${ports.icon};
    location = /favicon.ico { default_type image/svg+xml; return 200 '${ICON}'; }
    location / { proxy_pass http://127.0.0.1:${ports.closedUpstream}; }
  }
}
`;
}

/** Starts every server; `stop()` stops them all. */
export async function startHarness() {
  const dir = await mkdtemp(join(tmpdir(), "fix502-harness-"));
  const reset = await resettingUpstream();
  const hang = await hangingUpstream();
  const queries = [];
  const doh = dohServer(queries);
  const dohPort = await listen(doh);
  const statuspage = statuspageServer();
  const statusPort = await listen(statuspage);
  const platform = platformEdge();
  const platformPort = await listen(platform);
  const ports = {
    healthy: await freePort(),
    down: await freePort(),
    reset: await freePort(),
    hang: await freePort(),
    cors: await freePort(),
    nocors: await freePort(),
    plain: await freePort(),
    icon: await freePort(),
    downUpstream: await freePort(),
    plainUpstream: await freePort(),
    closedUpstream: await freePort(),
    resetUpstream: reset.port,
    hangUpstream: hang.port,
    platform: platformPort,
  };
  const config = join(dir, "nginx.conf");
  await writeFile(config, nginxConfig(dir, ports));
  const nginx = spawn("nginx", ["-p", dir, "-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let nginxErrors = "";
  nginx.stderr.on("data", (chunk) => (nginxErrors += chunk));
  await waitForPort(ports.healthy, () => nginxErrors);

  const revived = [];
  const url = (name) => `http://127.0.0.1:${ports[name]}/`;
  return {
    url,
    doh: `http://127.0.0.1:${dohPort}/dns-query`,
    statuspage: (page) => `http://127.0.0.1:${statusPort}/${page}`,
    queries,
    /** Brings the upstream of the "down" (or "plain") site back: it answers 200, and serves its
     * icon as an image. */
    async revive(name = "down") {
      const upstream = createHttpServer((request, response) => {
        if (request.url.startsWith("/favicon.ico")) return response.writeHead(200, { "content-type": "image/svg+xml" }).end(ICON);
        response.writeHead(200, { "content-type": "text/plain" }).end("back\n");
      });
      revived.push(upstream);
      await listen(upstream, ports[`${name}Upstream`]);
    },
    async errorLog() {
      return readFile(join(dir, "error.log"), "utf8").catch(() => "");
    },
    async stop() {
      nginx.kill("SIGQUIT");
      await new Promise((exited) => (nginx.exitCode !== null ? exited() : nginx.once("exit", exited)));
      for (const server of [reset.server, doh, statuspage, platform, ...revived]) server.close();
      hang.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port, why) {
  for (let i = 0; i < 100; i++) {
    const answered = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (answered) return;
    await new Promise((tick) => setTimeout(tick, 50));
  }
  throw new Error(`nginx did not start: ${why()}`);
}
