// The Content-Security-Policy of the custom error page (assets/error-pages/502.html).
//
// The page has to be one self-contained file: it is shown when the site's own server is failing,
// so it cannot count on a second request, and it goes through every server's template engine.
// Its style and script therefore stay inline, and the policy allows exactly those two blocks by
// their SHA-256 hashes. Nothing a server fills in lies inside them (the fill rows are in a
// <template>), so the hashes are the same whichever server sends the page.
//
//     node scripts/error-page-csp.mjs           prints the policy
//     node scripts/error-page-csp.mjs --write   writes its hashes into every server snippet, and
//                                               rebuilds 502.http (the page as a whole response)
//
// After editing the page, run it with --write: the e2e suite fails while a snippet carries an
// old hash or 502.http an old page (e2e/errorpages.test.mjs).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PAGES = join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "error-pages");

/** The CSP source for the one inline block `<tag>…</tag>` of `html`, as the browser hashes it
 * (the text between the tags, exactly). */
function hashOf(html, tag) {
  const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))];
  if (blocks.length !== 1) throw new Error(`502.html must have exactly one <${tag}> block, not ${blocks.length}`);
  return `'sha256-${createHash("sha256").update(blocks[0][1], "utf8").digest("base64")}'`;
}

/** The policy for `html` (502.html's text): its own style and script, and nothing else. */
export function errorPagePolicy(html = readFileSync(join(PAGES, "502.html"), "utf8")) {
  return [
    "default-src 'none'",
    `script-src ${hashOf(html, "script")}`,
    `style-src ${hashOf(html, "style")}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 502.html as a complete HTTP response, for HAProxy's `errorfile` (which sends a file as it is,
 * so the status line and the headers are part of it). */
export function errorResponse(html = readFileSync(join(PAGES, "502.html"), "utf8")) {
  const head = [
    "HTTP/1.1 502 Bad Gateway",
    "Content-Type: text/html; charset=utf-8",
    "Cache-Control: no-store",
    `Content-Security-Policy: ${errorPagePolicy(html)}`,
    "X-Content-Type-Options: nosniff",
    "Connection: close",
  ];
  return `${head.join("\r\n")}\r\n\r\n${html}`;
}

/** The snippets that send the page with its policy: every file beside it but the page itself. */
export const snippets = () => readdirSync(PAGES).filter((file) => file !== "502.html" && !file.endsWith(".png"));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const policy = errorPagePolicy();
  if (!process.argv.includes("--write")) {
    console.log(policy);
  } else {
    const response = join(PAGES, "502.http");
    if (readFileSync(response, "utf8") !== errorResponse()) {
      writeFileSync(response, errorResponse());
      console.log("rebuilt 502.http");
    }
    for (const file of snippets().filter((file) => file !== "502.http")) {
      const path = join(PAGES, file);
      const text = readFileSync(path, "utf8");
      const updated = text.replace(/default-src 'none'; script-src [^;]+; style-src [^;]+;[^"\r\n]*frame-ancestors 'none'/g, policy);
      if (updated !== text) {
        writeFileSync(path, updated);
        console.log(`updated ${file}`);
      }
    }
  }
}
