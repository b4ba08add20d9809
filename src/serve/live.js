// wdhs serve: live reload. Injected into served pages only, never into `wdhs build` output.
(function () {
  "use strict";
  var KEY = "wdhs-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  function reload() {
    sessionStorage.setItem(KEY, String(window.scrollY));
    location.reload();
  }
  function overlay(failure) {
    var box = document.getElementById("wdhs-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "wdhs-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0d0d;color:#fff;font:15px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #ff6b6b";
      document.body.appendChild(box);
    }
    box.textContent = "";
    // Every word comes from the server, in the editor's language.
    box.lang = failure.lang || "";
    var title = document.createElement("strong");
    title.textContent = failure.title;
    box.appendChild(title);
    (failure.problems || []).forEach(function (p) {
      var item = document.createElement("pre");
      item.style.cssText = "white-space:pre-wrap;margin:.75rem 0 0";
      item.textContent = p.location + ": " + p.severity + ": " + p.message + (p.hint ? "\n  " + failure.hint_label + ": " + p.hint : "");
      box.appendChild(item);
    });
  }
  function clear() {
    var box = document.getElementById("wdhs-overlay");
    if (box) box.remove();
  }
  // The page shown is made first after an edit (before the later pages of long lists).
  var source = new EventSource("/__wdhs/events?page=" + encodeURIComponent(location.pathname));
  source.addEventListener("reload", reload);
  source.addEventListener("failed", function (e) { try { overlay(JSON.parse(e.data)); } catch (err) {} });
  source.addEventListener("fixed", clear);
  source.addEventListener("css", function () {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    if (!links.length) return reload();
    // Stylesheet names carry a content hash: a CSS change means a new name, so reload softly.
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.querySelectorAll('link[rel="stylesheet"]');
      links.forEach(function (link, i) { if (fresh[i]) link.href = fresh[i].href; });
    }).catch(reload);
  });
})();
