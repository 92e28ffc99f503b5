/* The pretend help-centre article (embed-demo.html): points its embeds at the wizard named by
 * ?wizard=, logs every fix502:* event as text, then loads that wizard's embed.js. */
(function () {
  "use strict";
  // Where the wizard lives: ?wizard=<url> (http or https only), else this page's folder.
  var wizard = new URL("./", location.href);
  var asked = new URLSearchParams(location.search).get("wizard");
  if (asked) {
    try {
      var url = new URL(asked, location.href);
      if (url.protocol === "https:" || url.protocol === "http:") wizard = url;
      else console.warn("embed demo: ?wizard= must be an http(s) address");
    } catch (e) {
      console.warn("embed demo: ?wizard= is not an address");
    }
  }
  document.querySelectorAll("[data-fix502]").forEach(function (host) {
    host.setAttribute("data-src", wizard.href);
  });

  // The live log: every fix502:* event, written as text (never as HTML).
  var log = document.getElementById("fix502-log");
  var started = Date.now();
  var events = ["resize", "walk-started", "step-shown", "check-finished", "walk-ended"];
  events.forEach(function (name) {
    document.addEventListener("fix502:" + name, function (event) {
      var detail = Object.assign({}, event.detail);
      delete detail.type;
      delete detail.version;
      delete detail.event;
      var item = document.createElement("li");
      item.textContent = ((Date.now() - started) / 1000).toFixed(1) + "s " +
        event.target.id + " " + name + " " + JSON.stringify(detail);
      log.appendChild(item);
      while (log.children.length > 60) log.removeChild(log.firstChild);
      log.scrollTop = log.scrollHeight;
      var outcome = ["fixed", "not-fixed", "escalated"].indexOf(detail.outcome) >= 0 && detail.outcome;
      if (name === "walk-ended" && outcome) {
        var count = document.getElementById("count-" + outcome);
        count.textContent = String(+count.textContent + 1);
      }
    });
  });

  var script = document.createElement("script");
  script.src = new URL("embed.js", wizard).href;
  document.head.appendChild(script);
})();
