// The page's own script, before the app: it paints the step a deep link names, fetches the
// parts of the tree the app starts with, keeps an early click on an answer, says so when the
// app cannot start, and registers the service worker. A file rather than inline, so that the
// page runs under a Content-Security-Policy without 'unsafe-inline' (SECURITY.md). It is a
// classic script in <head>, fetched beside the stylesheet, which the first paint waits for
// anyway: a deep link's class is set before anything shows, so nothing shifts.

// Until the app takes over #app, this page shows its first question as plain HTML. If the
// app's script or wasm fails (or is blocked, or never arrives), say so instead of leaving
// the reader guessing.
(function () {
  var html = document.documentElement;
  var params = new URLSearchParams(location.search);
  // The page's language, before anything paints: the first of the `lang` parameter and the
  // browser's languages that the guide speaks (best match: pt → pt-BR, es-MX → es), else
  // English. The app makes the same choice (i18n::Lang::negotiate; docs/arch/0017). A
  // language's content sits in content/<lang>/, laid out as the English content/.
  var LANGUAGES = ["en","es","de","fr","pt-BR","ja","ar"];
  function best(tag) {
    var primary = String(tag || "").split(/[-_]/)[0].toLowerCase();
    return LANGUAGES.filter(function (lang) { return lang.split("-")[0].toLowerCase() === primary; })[0];
  }
  var lang = [params.get("lang")].concat(navigator.languages || [navigator.language])
    .map(best).filter(Boolean)[0] || "en";
  html.lang = lang;
  html.dir = lang === "ar" ? "rtl" : "ltr";
  var CONTENT = lang === "en" ? "content/" : "content/" + lang + "/";
  function failed() {
    if (!html.hasAttribute("data-app")) html.classList.add("app-failed");
  }
  addEventListener("error", function (event) {
    var tag = event.target && event.target.tagName;
    if (tag === "SCRIPT" || tag === "LINK") failed();
  }, true);
  addEventListener("unhandledrejection", failed);
  addEventListener("load", function () { setTimeout(failed, 8000); });
  // The decision tree, fetched while the wasm loads; the app takes the text (or null). On a
  // first visit, only the parts that show the steps this address names (content/steps/, a
  // few hundred bytes each, whatever the size of the tree): the shown step's first, which
  // also holds the steps on its shortest way from the start, then any others the address
  // names. The app fetches the whole tree once it has started. The map needs all of it, and
  // with the service worker in charge the whole tree comes from its cache
  // (docs/arch/0001-steps-before-the-app.md).
  // Tabs and line breaks by their codes: Trunk's minifier mangles a "\t" in a string.
  var TAB = String.fromCharCode(9);
  var ids = [];
  ["a", "change", "from", "step"].forEach(function (name) {
    (params.get(name) || "").split(".").forEach(function (id) {
      id = id.replace(/^~/, "");
      if (/^[a-z0-9-]{1,100}$/.test(id) && ids.indexOf(id) < 0) ids.push(id);
    });
  });
  function text(path) {
    return fetch(path, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(path);
      return response.text();
    });
  }
  function parts(ids) {
    return Promise.all(ids.map(function (id) { return text(CONTENT + "steps/" + id + ".txt"); }))
      .then(function (texts) { return texts.join(""); });
  }
  function whole() { return text(CONTENT + "tree.txt").catch(function () { return null; }); }
  // The node's line in `records` and its answers' lines, split into fields; none if absent.
  function node(records, id) {
    var at = records.indexOf("N" + TAB + id + TAB);
    if (!id || at < 0) return null;
    var lines = records.slice(at).split(String.fromCharCode(10));
    var answers = [];
    for (var i = 1; i < lines.length && lines[i].charAt(0) === "A"; i++) answers.push(lines[i].split(TAB));
    return { fields: lines[0].split(TAB), answers: answers };
  }
  // The step an `audience` link opens (version 1): the start's answer for that reader.
  function branch(records) {
    var audience = params.get("audience");
    if (ids.length || !/^(visitor|owner)$/.test(audience)) return null;
    var start = node(records, "start");
    var found = (start ? start.answers : []).map(function (answer) { return node(records, answer[1]); })
      .filter(function (next) { return next && next.fields[3] === audience; })[0];
    return found && found.fields[1];
  }
  var shown = (params.get("a") || "").split(".").pop().replace(/^~/, "");
  shown = ids.indexOf(shown) < 0 ? ids[ids.length - 1] || "start" : shown;
  var controlled = navigator.serviceWorker && navigator.serviceWorker.controller;
  window.fix502Tree = controlled || params.has("map") || ids.length > 12
    ? whole()
    : parts([shown]).then(function (first) {
        var missing = ids.filter(function (id) { return first.indexOf("N" + TAB + id + TAB) < 0; });
        var opened = branch(first);
        if (opened) missing.push(opened);
        return missing.length ? parts(missing).then(function (rest) { return first + rest; }) : first;
      }).catch(whole);
  // Another language's start question is painted from its tree, as a deep link's step is.
  if (lang !== "en" || /[?&](a=|change=|from=|step=|audience=|map)/.test(location.search)) html.classList.add("deep-link");
  // The words of the page around the app ([data-msg]) in its language, once the page is
  // parsed and they are here; the app reads the same file (window.fix502Messages).
  function whenParsed(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then);
    else then();
  }
  window.fix502Messages = lang === "en" ? null : text(CONTENT + "messages.txt").catch(function () { return null; });
  // Until they are here, the English "Loading your step…" is not shown to this reader.
  if (window.fix502Messages) html.classList.add("words-pending");
  if (window.fix502Messages) window.fix502Messages.then(function (messages) {
    var words = {};
    (messages || "").split(String.fromCharCode(10)).forEach(function (line) {
      var fields = line.split(TAB);
      if (fields.length === 2) words[fields[0]] = fields[1];
    });
    whenParsed(function () {
      if (words["page-title"] && !html.hasAttribute("data-app")) document.title = words["page-title"];
      document.querySelectorAll("[data-msg]").forEach(function (element) {
        var said = words[element.getAttribute("data-msg")];
        if (said) element.textContent = said;
      });
      html.classList.remove("words-pending");
    });
  });
  // The language switcher keeps the reader's place: the same address in the language chosen.
  whenParsed(function () {
    var current = document.querySelector(".languages .current-language");
    var link = document.querySelector('.languages a[hreflang="' + lang + '"]');
    if (current && link) { current.textContent = link.textContent; link.setAttribute("aria-current", "true"); }
  });
  document.addEventListener("click", function (event) {
    var chosen = event.target.closest && event.target.closest(".languages a[hreflang]");
    if (!chosen || event.button || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var address = new URL(location.href);
    address.searchParams.set("lang", chosen.getAttribute("hreflang"));
    location.assign(address.href);
  });
  // A deep link shows its step as soon as its part of the tree is here, as this page shows
  // the start question: its heading and, for a question, its answers, whose links the app
  // takes over when it starts. A version 1 link (`step`, `audience`) gets the links the app
  // would write, which name where the walk began as `from` and `by` (Walk::to_query); a link
  // that changes an answer shows the question's heading, as what its answers keep is the
  // app's to work out.
  function paint(records) {
    var search = new URLSearchParams(location.search);
    var path = (search.get("a") || "").split(".").filter(Boolean);
    var changing = search.get("change");
    // Where the walk began, as Began::from_query reads it: `from`, else a version 1 `step` if
    // no answers are given, else the branch of a version 1 `audience`.
    var began = search.get("from") || (path.length || changing ? null : search.get("step") || branch(records));
    var shown = changing || (path.length ? path[path.length - 1].replace(/^~/, "") : began) || "start";
    if (!search.has("from") && began) {
      var context = ["url", "status", "time", "rid"].some(function (name) { return search.has(name); });
      var by = search.get("step") ? (/^(link|map|paste|error-page)$/.test(search.get("by")) ? search.get("by") : "link")
        : context ? "error-page" : "link";
      search.delete("step");
      search.delete("audience");
      search.set("from", began);
      search.set("by", by);
    }
    var step = document.querySelector(".static-step");
    if (step) step.remove();
    html.classList.remove("step-painted");
    var found = node(records, shown);
    if (!found || html.hasAttribute("data-app")) return;
    var fields = found.fields;
    var kind = fields[2];
    step = document.createElement("section");
    step.className = "step static-step";
    step.setAttribute("aria-labelledby", "step-title");
    if (kind !== "end") step.appendChild(document.createElement("p")).className = "progress";
    var heading = step.appendChild(document.createElement("h1"));
    heading.id = "step-title";
    heading.tabIndex = -1;
    heading.textContent = fields[9];
    if (kind === "question" && !changing) {
      var list = step.appendChild(document.createElement("ul"));
      list.className = "answers";
      found.answers.forEach(function (answer) {
        search.set("a", path.concat(answer[1]).join("."));
        var link = list.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
        link.className = "answer";
        link.href = "?" + search.toString();
        link.textContent = answer[3];
      });
    }
    document.getElementById("app").prepend(step);
    html.classList.add("step-painted");
  }
  var records = "";
  window.fix502Tree.then(function (text) {
    records = text || "";
    if (html.classList.contains("deep-link")) paint(records);
  });
  // In a frame, which takes the page's height, the page may not take the frame's.
  if (window.parent !== window) html.classList.add("framed");
  // A click on a painted step's answers (the start question's, a deep link's) before the
  // app has started is not lost: the address becomes that step's, painted if its part of
  // the tree is here, which the app opens when it starts, without loading the page again
  // (or, if the app has not started within 4 s, the page loads it as a link).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".static-start a.answer, .static-step a.answer");
    if (!link || html.hasAttribute("data-app") || event.button || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    history.pushState(null, "", link.href);
    html.classList.add("deep-link");
    paint(records);
    setTimeout(function () { if (!html.hasAttribute("data-app")) location.reload(); }, 4000);
  });
  // After one visit the whole guide works offline (sw.js); the step texts are fetched for
  // that only when the browser does not ask to save data. Where service workers are not
  // allowed (file://, some private modes, some embedding frames), the guide works online.
  var workers = navigator.serviceWorker;
  if (workers && location.protocol !== "file:") {
    addEventListener("load", function () {
      workers.register("sw.js").then(function () { return workers.ready; }).then(function (ready) {
        if (!(navigator.connection && navigator.connection.saveData)) ready.active.postMessage({ prefetch: lang });
      }).catch(function () {});
    });
  }
})();
