/* fix502 embed: puts the 502 troubleshooting wizard in a help-desk page.
 *
 *   <div data-fix502 data-src="https://help.example.com/_fix502/" data-audience="visitor"></div>
 *   <script src="https://help.example.com/_fix502/embed.js" defer></script>
 *
 * Each <div data-fix502> gets an iframe of the wizard at data-src (default: the folder this
 * script was loaded from). The wizard tells the page its height and what the reader does
 * (protocol v1, see the README); this script accepts a message only from the wizard frame it
 * made and from the origin of data-src, sizes the frame, and re-dispatches each message on
 * the div as a "fix502:<event>" CustomEvent (bubbling) with the message as `detail`.
 * window.fix502Embed.scan() embeds divs added to the page later. No cookies, no tracking.
 *
 * The wizard opens in the help-desk page's language (data-lang, else the nearest lang
 * attribute, such as <html lang="de">) when the guide speaks it; the frame's default title and
 * the link shown where no frame can be made are in that language too.
 */
(function () {
  "use strict";
  if (window.fix502Embed) return; // loaded twice: the first copy does the work

  var INITIAL_HEIGHT = 560; // px, until the wizard reports its own
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 20000;
  // The frame's default title and, after it, what a plain link says where no frame can be
  // made, in each language the guide speaks.
  var WORDS = {
    en: ["Fix a 502 Bad Gateway error, step by step", ": the guide could not be embedded here."],
    es: ["Soluciona un error 502 Bad Gateway paso a paso", ": no se pudo insertar la guía aquí."],
    de: ["Einen Fehler 502 Bad Gateway Schritt für Schritt beheben", ": Die Anleitung konnte hier nicht eingebettet werden."],
    fr: ["Corriger une erreur 502 Bad Gateway pas à pas", "\u00a0: le guide n’a pas pu être intégré ici."],
    "pt-BR": ["Resolva um erro 502 Bad Gateway passo a passo", ": não foi possível incorporar o guia aqui."],
    ja: ["502 Bad Gateway エラーを順を追って解決する", "：ここにはガイドを埋め込めませんでした。"],
    ar: ["إصلاح خطأ 502 Bad Gateway خطوة بخطوة", ": تعذّر تضمين الدليل هنا."],
  };

  /** The guide's language closest to the BCP 47 tag `tag` (pt is pt-BR, es-MX is es), or null. */
  function language(tag) {
    var primary = String(tag || "").split(/[-_]/)[0].toLowerCase();
    var all = Object.keys(WORDS);
    for (var i = 0; i < all.length; i++) if (all[i].split("-")[0].toLowerCase() === primary) return all[i];
    return null;
  }

  // The optional attributes: the wizard parameter each becomes, and how its value is checked.
  // A value that fails is left out with a warning, so the wizard keeps its default.
  function oneOf(list) {
    return function (value) { return list.indexOf(value) >= 0 ? value : null; };
  }
  var OPTIONS = {
    step: function (value) { return /^[a-z0-9-]{1,100}$/.test(value) ? value : null; },
    audience: oneOf(["visitor", "owner"]),
    theme: oneOf(["light", "dark"]),
    compact: function (value) {
      return /^(|1|true|yes|compact)$/i.test(value) ? "1" : /^(0|false|no)$/i.test(value) ? "" : null;
    },
    statuspage: function (value) { return httpUrl(value, undefined) ? value : null; },
    accent: function (value) { return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : null; },
    radius: function (value) {
      var match = /^(\d{1,2})(?:px)?$/.exec(value);
      return match && +match[1] <= 24 ? match[1] : null;
    },
    font: oneOf(["system", "sans", "serif", "mono"]),
  };

  var script = document.currentScript;
  var scriptFolder = script && script.src ? httpUrl("./", script.src) : null;
  var frames = []; // { frame, host, origin } for every wizard frame this script made

  function warn(message, element) {
    if (window.console && console.warn) console.warn("fix502 embed: " + message, element);
  }

  /** `value` as an absolute http(s) URL (relative to `base`), or null. */
  function httpUrl(value, base) {
    var url;
    try { url = base === undefined ? new URL(value) : new URL(value, base); } catch (e) { return null; }
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password) return null;
    url.hash = "";
    return url;
  }

  function embed(host) {
    if (host.hasAttribute("data-fix502-state")) return; // done already
    var marked = host.closest("[lang]");
    var lang = language(host.getAttribute("data-lang") || (marked && marked.getAttribute("lang"))) || "en";
    var words = WORDS[lang];
    var title = (host.getAttribute("data-title") || "").trim() || words[0];
    var raw = (host.getAttribute("data-src") || "").trim();
    // A copy of the script's folder, so that one div's parameters never reach the next.
    var src = raw ? httpUrl(raw, document.baseURI) : scriptFolder && new URL(scriptFolder.href);
    if (!src) {
      warn(raw ? "data-src must be an http(s) URL of the wizard, not " + JSON.stringify(raw)
               : "data-src is missing and the folder of embed.js is unknown", host);
      return fallback(host, title, words);
    }
    if (location.origin === "null") warn("the page has no origin (file://?): the wizard cannot talk to it", host);

    var params = src.searchParams;
    Object.keys(OPTIONS).forEach(function (name) {
      var value = host.getAttribute("data-" + name);
      if (value === null) return;
      var checked = OPTIONS[name](value.trim());
      if (checked === null) warn("ignoring data-" + name + "=" + JSON.stringify(value), host);
      else if (checked) params.set(name, checked);
    });
    // The page's language, if the guide speaks it; on an English page (or one in a language
    // the guide does not speak) the reader's browser chooses, as it would without a frame.
    if (lang !== "en") params.set("lang", lang);
    params.set("embed", location.origin);

    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = title;
    frame.setAttribute("loading", "eager");
    frame.setAttribute("referrerpolicy", "no-referrer");
    // Scripts, its own origin (its pages and checks), its own forms, links in a new tab, and
    // the report for support (downloaded, or copied to the clipboard); not navigating this page
    // or opening dialogs.
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads");
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;border:0;overflow:hidden;height:" + INITIAL_HEIGHT + "px";
    while (host.firstChild) host.removeChild(host.firstChild);
    host.appendChild(frame);
    host.setAttribute("data-fix502-state", "embedded");
    frames.push({ frame: frame, host: host, origin: src.origin });
  }

  /** A plain link to the wizard in place of a frame that could not be made. */
  function fallback(host, title, words) {
    var text = document.createElement("p");
    if (scriptFolder) {
      var link = document.createElement("a");
      link.href = scriptFolder.href;
      link.textContent = title;
      text.appendChild(link);
    } else {
      text.textContent = title + words[1];
    }
    while (host.firstChild) host.removeChild(host.firstChild);
    host.appendChild(text);
    host.setAttribute("data-fix502-state", "fallback");
  }

  function onMessage(event) {
    var found = null;
    for (var i = 0; i < frames.length; i++) {
      if (event.source && frames[i].frame.contentWindow === event.source) found = frames[i];
    }
    if (!found || event.origin !== found.origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "fix502" || data.version !== 1) return;
    if (typeof data.event !== "string" || !/^[a-z][a-z-]{0,39}$/.test(data.event)) return;
    if (data.event === "resize") {
      var height = data.height;
      if (typeof height !== "number" || !isFinite(height)) return;
      height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
      found.frame.style.height = height + "px";
      found.frame.setAttribute("scrolling", "no"); // the wizard sizes itself: no inner scrollbar
    }
    found.host.dispatchEvent(new CustomEvent("fix502:" + data.event, { detail: data, bubbles: true }));
  }

  function scan() {
    var hosts = document.querySelectorAll("[data-fix502]");
    for (var i = 0; i < hosts.length; i++) embed(hosts[i]);
  }

  window.addEventListener("message", onMessage);
  window.fix502Embed = { scan: scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
