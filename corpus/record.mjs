#!/usr/bin/env node
// Regenerates the analyser's corpus from real gateways: each gateway Debian ships runs on
// loopback in front of upstreams that fail in one way each, and what it answers (status line,
// headers, body) and what it logs is written to corpus/<gateway>/<case>.txt.
//
//   node corpus/record.mjs            # every gateway found on this machine
//   node corpus/record.mjs squid hang # only the gateways and cases named
//
// tests/corpus.rs then checks that the analyser reads every recorded case as manifest.toml says.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { request } from "node:http";

const HERE = import.meta.dirname;

/** Upstreams that each fail in one way, by case name. */
const FAILURES = {
  refused: null, // nothing listens
  reset: (socket) => socket.resetAndDestroy(),
  "closed-early": (socket) => socket.once("data", () => socket.end()),
  garbage: (socket) => socket.once("data", () => socket.end("\x00\x01\x02 this is not HTTP\r\n\r\n")),
  "huge-header": (socket) =>
    socket.once("data", () => socket.end(`HTTP/1.1 200 OK\r\nSet-Cookie: s=${"x".repeat(64 * 1024)}\r\nContent-Length: 2\r\n\r\nok`)),
  hang: () => {},
  // An upstream that speaks TLS where the gateway speaks plain HTTP: it answers the request with
  // a TLS "protocol version" alert and closes, as TLS servers do.
  "wrong-protocol": (socket) => socket.once("data", () => socket.end(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]))),
};

async function listen(handler) {
  const server = createServer((socket) => {
    socket.on("error", () => {});
    handler(socket);
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return server;
}

async function freePort() {
  const server = await listen(() => {});
  const { port } = server.address();
  await new Promise((closed) => server.close(closed));
  return port;
}

/** One GET through the gateway: the raw status line, headers and body. */
function fetchRaw(port) {
  return new Promise((done) => {
    const req = request({ host: "127.0.0.1", port, path: "/", timeout: 15_000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        const headers = Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`).join("\n");
        done(`HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}\n${headers}\n\n${body}`);
      });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => done(`(no response: ${error.message})`));
    req.end();
  });
}

/** Starts `command` and keeps what it prints, as the gateway's log. */
function logged(command, args) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.logged = "";
  child.stdout.on("data", (chunk) => (child.logged += chunk));
  child.stderr.on("data", (chunk) => (child.logged += chunk));
  return child;
}

const GATEWAYS = {
  nginx: {
    binary: "/usr/sbin/nginx",
    config: (dir, port, upstream) => `daemon off; pid ${dir}/pid; error_log ${dir}/error.log;
events {} http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir};
fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
proxy_read_timeout 2s;
server { listen 127.0.0.1:${port}; location / { proxy_pass http://127.0.0.1:${upstream}; } } }`,
    start: (dir, file) => spawn("/usr/sbin/nginx", ["-p", dir, "-c", file], { stdio: "ignore" }),
    log: (dir) => join(dir, "error.log"),
  },
  apache: {
    binary: "/usr/sbin/apache2",
    config: (dir, port, upstream) => `ServerRoot "${dir}"
ServerName localhost
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
Mutex file:${dir} default
Listen 127.0.0.1:${port}
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so
LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so
ProxyTimeout 2
ProxyPass / http://127.0.0.1:${upstream}/
`,
    start: (dir, file) => spawn("/usr/sbin/apache2", ["-X", "-f", file], { stdio: "ignore" }),
    log: (dir) => join(dir, "error.log"),
  },
  haproxy: {
    binary: "/usr/sbin/haproxy",
    config: (dir, port, upstream) => `global
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 5s
  timeout server 2s
frontend fe
  bind 127.0.0.1:${port}
  default_backend be
backend be
  server app 127.0.0.1:${upstream}
`,
    start: (dir, file) => logged("/usr/sbin/haproxy", ["-f", file, "-db"]),
  },
  caddy: {
    binary: "/usr/bin/caddy",
    config: (dir, port, upstream) => `{
  admin off
  auto_https off
  storage file_system ${dir}
}
http://127.0.0.1:${port} {
  reverse_proxy 127.0.0.1:${upstream} {
    transport http {
      response_header_timeout 2s
    }
  }
}
`,
    start: (dir, file) => {
      const child = logged("/usr/bin/caddy", ["run", "--config", file, "--adapter", "caddyfile"]);
      return child;
    },
  },
  varnish: {
    binary: "/usr/sbin/varnishd",
    config: () => "",
    start: (dir, file, port, upstream) => {
      const child = logged("/usr/sbin/varnishd", [
        "-F", "-n", dir, "-a", `127.0.0.1:${port}`, "-b", `127.0.0.1:${upstream}`,
        "-p", "first_byte_timeout=2", "-p", "connect_timeout=2", "-s", "malloc,16m",
      ]);
      // Varnish logs to shared memory; varnishlog reads the failed requests from there.
      setTimeout(() => {
        const log = spawn("/usr/bin/varnishlog", ["-n", dir, "-g", "request", "-q", "RespStatus >= 500"], { stdio: ["ignore", "pipe", "ignore"] });
        log.stdout.on("data", (chunk) => (child.logged += chunk));
        child.on("exit", () => log.kill());
        child.once("close", () => log.kill());
        child.varnishlog = log;
      }, 300);
      return child;
    },
  },
  squid: {
    binary: "/usr/sbin/squid",
    config: (dir, port, upstream) => `http_port 127.0.0.1:${port} accel defaultsite=localhost no-vhost
cache_peer 127.0.0.1 parent ${upstream} 0 no-query originserver name=up
cache_peer_access up allow all
http_access allow all
cache deny all
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
access_log stdio:${dir}/access.log
coredump_dir ${dir}
connect_timeout 2 seconds
read_timeout 2 seconds
forward_timeout 2 seconds
shutdown_lifetime 0 seconds
`,
    start: (dir, file) => logged("/usr/sbin/squid", ["-N", "-f", file]),
    log: (dir) => join(dir, "access.log"),
    startup: 2500,
  },
};

async function record(name, gateway) {
  const out = join(HERE, name);
  await mkdir(out, { recursive: true });
  for (const [kind, behaviour] of Object.entries(FAILURES)) {
    if (cases.length && !cases.includes(kind)) continue;
    const dir = await mkdtemp(join(tmpdir(), `fix502-${name}-`));
    const upstream = behaviour ? await listen(behaviour) : null;
    const upstreamPort = upstream ? upstream.address().port : await freePort();
    const port = await freePort();
    const file = join(dir, "gateway.conf");
    await writeFile(file, gateway.config(dir, port, upstreamPort));
    await chmod(dir, 0o777);
    const child = gateway.start(dir, file, port, upstreamPort);
    await new Promise((ready) => setTimeout(ready, gateway.startup ?? 700));
    const response = await fetchRaw(port);
    await new Promise((ready) => setTimeout(ready, 300));
    const log = gateway.log ? await readFile(gateway.log(dir), "utf8").catch(() => "") : child.logged ?? "";
    child.varnishlog?.kill();
    child.kill("SIGTERM");
    await new Promise((exited) => (child.exitCode !== null ? exited() : child.once("exit", exited)));
    upstream?.close();
    await rm(dir, { recursive: true, force: true });
    const text = `${response.trim()}\n\n${log.trim()}\n`;
    await writeFile(join(out, `${kind}.txt`), text);
    console.log(`${name}/${kind}: ${response.split("\n")[0]}`);
  }
}

const only = process.argv.slice(2).filter((arg) => GATEWAYS[arg]);
const cases = process.argv.slice(2).filter((arg) => arg in FAILURES);
for (const [name, gateway] of Object.entries(GATEWAYS)) {
  if (only.length && !only.includes(name)) continue;
  if (existsSync(gateway.binary)) await record(name, gateway);
  else console.log(`${name}: not installed, skipped`);
}
process.exit(0);
