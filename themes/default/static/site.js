// Progressive enhancement only: the site works fully without this file.
// Search: filters the per-language index written at build time; diacritics and case are folded
// the same way the index was, so "cooperatie" finds "coöperatie".
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var results = document.getElementById("search-results");
  var index = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!words.length || !index) return;
    var hits = index.filter(function (doc) {
      return words.every(function (w) { return doc.x.indexOf(w) !== -1; });
    }).slice(0, 50);
    var heading = document.createElement("h2");
    heading.textContent = results.getAttribute("data-heading") + " (" + hits.length + ")";
    results.appendChild(heading);
    if (!hits.length) {
      var none = document.createElement("p");
      none.textContent = results.getAttribute("data-empty");
      results.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    list.className = "search-hits";
    hits.forEach(function (doc) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.u;
      link.textContent = doc.t;
      item.appendChild(link);
      if (doc.s) {
        var summary = document.createElement("p");
        summary.textContent = doc.s;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function load(then) {
    if (index) return then();
    fetch(form.getAttribute("data-index"))
      .then(function (r) { return r.json(); })
      .then(function (data) { index = data; then(); })
      .catch(function () { index = []; then(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(function () { show(input.value); });
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
  input.addEventListener("input", function () {
    load(function () { show(input.value); });
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    load(function () { show(initial); });
  }
})();
