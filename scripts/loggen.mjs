// A realistic log for measuring the paste analyser: what a busy site's proxy writes (mostly
// ordinary access lines, in the forms tools print them), with, once in a while, the error lines
// a 502 leaves. The same bytes every time for the same size: a small seeded generator, no
// randomness from the system.

const PATHS = ["/", "/cart", "/api/items?page=", "/static/app.", "/products/", "/login", "/search?q=shoes+", "/checkout/step-"];
const AGENTS = [
  '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"',
  '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"',
  '"curl/8.5.0"',
  '"Go-http-client/2.0"',
];
const STATUSES = [200, 200, 200, 200, 200, 200, 200, 200, 200, 304, 301, 404, 200, 200, 499];
/** What a 502 leaves, one in every ERROR_EVERY lines. */
const ERRORS = [
  '2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: shop.example, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8000/", host: "shop.example"',
  "2026/11/22 03:18:01 [error] 17160#17160: *12 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.9, server: shop.example",
  "[2026-11-22 03:20:11 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:42)",
  'web-1  | 127.0.0.1:39236 [22/Nov/2026:04:01:26.370] fe be/app 0/0/-1/-1/3004 503 217 - - SC-- 1/1/0/0/3 0/0 "GET / HTTP/1.1"',
];
const ERROR_EVERY = 2000;

/** A deterministic generator of 32-bit numbers (mulberry32). */
function numbers(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** About `size` bytes of log, as a Buffer of whole lines. */
export function realisticLog(size) {
  const next = numbers(502);
  const pick = (list) => list[next() % list.length];
  const lines = [];
  let bytes = 0;
  for (let i = 1; bytes < size; i++) {
    let line;
    if (i % ERROR_EVERY === 0) {
      line = pick(ERRORS);
    } else {
      const second = String(i % 60).padStart(2, "0");
      const minute = String(Math.floor(i / 60) % 60).padStart(2, "0");
      const request = `GET ${pick(PATHS)}${next() % 9999} HTTP/1.1`;
      line = `203.0.113.${i % 250} - - [22/Nov/2026:03:${minute}:${second} +0000] "${request}" ${pick(STATUSES)} ${next() % 90000} "-" ${pick(AGENTS)} rt=0.${next() % 999}`;
      // One line in ten comes through docker compose, as people often paste them.
      if (i % 10 === 0) line = `proxy-1  | ${line}`;
    }
    lines.push(line);
    bytes += line.length + 1;
  }
  return Buffer.from(lines.join("\n") + "\n");
}
