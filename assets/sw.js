// fix502's service worker: after one visit the whole guide works with no network.
//
// The build (`fix502-content --offline`) writes this file into dist/ with BUILD (this build's
// name), CONTENT (the content version the app asks for, `?v=`) and FILES (every file the app
// loads) filled in. Each build has a cache of its own, so a page never mixes an old wasm with a
// new tree: a page keeps the files of the build it started with (the cache before the newest is
// kept for pages still open), and the next visit opens the newest build.
//
// The page posts { prefetch: <its language> } once it has started, unless the reader's browser
// asks to save data; only then are the step texts fetched, as one bundle per audience, and split
// into the entries the app asks for (content/<path>?v=CONTENT): the visitors' and everyone's at
// once, the owners' (a hundred times larger) once the app first asks for a step text that is not
// kept yet, as it does when a reader enters the owners' tree. Another language's content lives
// in content/<lang>/, laid out the same; only the reader's language is fetched, with its tree
// and its words (content/<lang>/messages.txt, and the panels' content/<lang>/panels.txt).
"use strict";

const BUILD = "__BUILD__";
const CONTENT = "__CONTENT__";
const FILES = __FILES__;
const BUNDLES = __BUNDLES__; // audience → bundle
const EARLY = ["everyone", "visitor"];
const PREFIX = "fix502-";
const CACHE = PREFIX + BUILD;

const here = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((path) => new Request(here(path), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // Keep this build and the one before it (pages opened before the update still use it).
  event.waitUntil(
    caches
      .keys()
      .then((keys) => keys.filter((key) => key.startsWith(PREFIX))) // in the order they were made
      .then((ours) => Promise.all(ours.slice(0, -2).filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const lang = event.data && event.data.prefetch;
  // A language's bundles hold its translated steps; what it keeps in English comes from the
  // English ones.
  if (lang) event.waitUntil(prefetch(EARLY, folderOf(lang)).then(() => folderOf(lang) && prefetch(EARLY, "")));
});

/** Where a language's content lives under content/: "" for English, else "<lang>/". */
function folderOf(lang) {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/.test(lang) && lang !== "en" ? `${lang}/` : "";
}

/** Fetches the bundles of `audiences` in the language of `folder` not yet cached, and keeps
 * every text under its own URL; for a language but English, its tree and words too. */
async function prefetch(audiences, folder) {
  const cache = await caches.open(CACHE);
  if (folder) {
    for (const path of [`content/${folder}tree.txt`, `content/${folder}tree.txt?v=${CONTENT}`, `content/${folder}messages.txt`, `content/${folder}panels.txt?v=${CONTENT}`]) {
      if (await cache.match(here(path))) continue;
      const response = await fetch(here(path)).catch(() => null);
      if (!response || !response.ok) return;
      await cache.put(here(path), response);
    }
  }
  for (const bundle of audiences.map((audience) => BUNDLES[audience].replace("content/", `content/${folder}`))) {
    const marker = here(`${bundle}?v=${CONTENT}`);
    if (await cache.match(marker)) continue;
    const response = await fetch(marker).catch(() => null);
    if (!response || !response.ok) return; // Offline or failing: the next visit tries again.
    const bodies = await response.json();
    await Promise.all(
      Object.entries(bodies).map(([path, html]) =>
        cache.put(here(`content/${folder}${path}?v=${CONTENT}`), new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } })),
      ),
    );
    await cache.put(marker, new Response("{}", { headers: { "content-type": "application/json" } }));
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this guide's own files; checks (no-store, or other origins) always go to the network.
  if (request.method !== "GET" || url.origin !== self.location.origin || request.cache === "no-store") return;
  if (!url.href.startsWith(self.registration.scope)) return;
  event.respondWith(answer(request, url, event));
});

async function answer(request, url, event) {
  // Every step of the guide is the same page: a deep link opens it from the cache too.
  const page = request.mode === "navigate" && (url.href.split("?")[0] === self.registration.scope || url.pathname.endsWith("/index.html"));
  // This build's files first: only a versioned file (hashed, or `?v=`) may come from the build
  // before, for a page that started with it.
  // The same address as the app wrote it, without a stray "&" at the end of its query.
  const key = new URL(url);
  key.search = url.searchParams.toString();
  // A step's part of the tree is for a first visit; with this worker in charge the page reads
  // the whole tree from the cache, and a part from the network could be another build's.
  if (/\/content\/(?:[^/]+\/)?steps\//.test(url.pathname)) return new Response("", { status: 404 });
  const current = await caches.open(CACHE);
  const cached = (await current.match(page ? here("./") : key.href)) || (!page && (await caches.match(key.href)));
  if (cached) return cached;
  // A step text not kept yet: the rest of the guide's texts follow, unless data is to be saved.
  if (/\/content\/.+\.html$/.test(url.pathname) && !self.navigator.connection?.saveData) {
    const lang = url.pathname.match(/\/content\/([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})?)\//);
    const folder = folderOf(lang ? lang[1] : "en");
    event.waitUntil(prefetch(Object.keys(BUNDLES), folder).then(() => folder && prefetch(Object.keys(BUNDLES), "")));
  }
  return fetch(request);
}
