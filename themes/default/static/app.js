// trame: calendar filters, the diagnostics page's filters and copy buttons. The pages are
// complete without this script.
(function () {
  "use strict";
  var diag = document.querySelector("form.diag-filters");
  if (diag) {
    diag.hidden = false;
    var show = function () {
      var sev = diag.elements.severity.value, code = diag.elements.code.value, n = 0;
      document.querySelectorAll("li.diag[data-code]").forEach(function (li) {
        li.hidden = !((!sev || li.dataset.severity === sev) && (!code || li.dataset.code === code));
        if (!li.hidden) n += 1;
      });
      // A file whose problems are all filtered out goes too.
      document.querySelectorAll("section.file").forEach(function (s) {
        s.hidden = !s.querySelector("li.diag:not([hidden])");
      });
      var total = document.querySelectorAll("li.diag[data-code]").length;
      var out = diag.elements.shown;
      out.value = (sev || code) ? out.dataset.label.replace("{n}", n).replace("{total}", total) : "";
    };
    // A row of the table (`?code=…`) or a shared link chooses the filter.
    new URLSearchParams(location.search).forEach(function (v, k) { if (diag.elements[k]) diag.elements[k].value = v; });
    diag.addEventListener("change", show);
    diag.addEventListener("reset", function () { setTimeout(show, 0); });
    show();
  }
  // The veille page: notes by kind, source, status, tone and competitor (`?tone=negative`).
  var veille = document.querySelector("form.veille-filters");
  if (veille) {
    veille.hidden = false;
    var keys = ["kind", "source", "status", "tone", "competitor"];
    var filter = function () {
      var n = 0, total = 0;
      document.querySelectorAll("[data-note]").forEach(function (el) {
        el.hidden = !keys.every(function (k) { var v = veille.elements[k].value; return !v || el.dataset[k] === v; });
        if (el.matches("li.note")) { total += 1; if (!el.hidden) n += 1; }
      });
      document.querySelectorAll(".timeline li.day").forEach(function (d) {
        d.hidden = !d.querySelector("[data-note]:not([hidden])");
      });
      var out = veille.elements.shown, any = keys.some(function (k) { return veille.elements[k].value; });
      // A kind with no note left goes too while a filter is on.
      document.querySelectorAll("section.veille-kind").forEach(function (k) {
        k.hidden = any && !k.querySelector("li.note:not([hidden])");
      });
      out.value = any ? out.dataset.label.replace("{n}", n).replace("{total}", total) : "";
    };
    new URLSearchParams(location.search).forEach(function (v, k) { if (veille.elements[k]) veille.elements[k].value = v; });
    veille.addEventListener("change", filter);
    veille.addEventListener("reset", function () { setTimeout(filter, 0); });
    filter();
  }
  var form = document.querySelector("form.filters:not(.diag-filters):not(.veille-filters)");
  if (form) {
    form.hidden = false;
    var key = "trame-filters";
    var apply = function () {
      var f = {};
      ["network", "status", "campaign", "author"].forEach(function (k) { f[k] = form.elements[k].value; });
      try { sessionStorage.setItem(key, JSON.stringify(f)); } catch (e) { /* private mode */ }
      document.querySelectorAll("li.chip[data-status]").forEach(function (chip) {
        var show = (!f.network || (" " + chip.dataset.networks + " ").indexOf(" " + f.network + " ") >= 0)
          && (!f.status || chip.dataset.status === f.status)
          && (!f.campaign || chip.dataset.campaign === f.campaign)
          && (!f.author || chip.dataset.author === f.author);
        chip.hidden = !show;
      });
      // A day of the list whose posts are all filtered out goes too (unless an entry starts).
      document.querySelectorAll("li.list-day").forEach(function (day) {
        day.hidden = !day.querySelector("li.chip[data-status]:not([hidden]), .entry");
      });
    };
    try {
      var saved = JSON.parse(sessionStorage.getItem(key) || "{}");
      Object.keys(saved).forEach(function (k) { if (form.elements[k]) form.elements[k].value = saved[k]; });
    } catch (e) { /* nothing saved */ }
    // A filtered view can be shared: ?network=linkedin&status=review
    new URLSearchParams(location.search).forEach(function (v, k) { if (form.elements[k]) form.elements[k].value = v; });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }
  document.querySelectorAll("button.copy").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      var label = b.textContent;
      navigator.clipboard.writeText(b.dataset.copy).then(function () {
        b.textContent = b.dataset.done;
        setTimeout(function () { b.textContent = label; }, 1500);
      });
    });
  });
})();

// The monthly report's print button.
document.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
