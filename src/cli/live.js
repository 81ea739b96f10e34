// trame serve: reloads the page once a rebuild has put the new output in place, and shows the
// errors of the last rebuild over the page. Only `trame serve` adds this script.
(function () {
  "use strict";
  var shown = window.__trameBuild;
  var box = null;

  function clear() {
    if (box) { box.remove(); box = null; }
  }

  var openKey = "trame-overlay-open";

  // A compact bar in a corner: the count and a link; the list opens on demand (and stays open
  // from page to page), so that the page underneath stays usable.
  function overlay(status) {
    clear();
    if (!status.problems.length) return;
    box = document.createElement("aside");
    box.setAttribute("role", "status");
    box.id = "trame-overlay";
    box.style.cssText = "position:fixed;right:.75rem;bottom:.75rem;max-width:min(34rem,calc(100vw - 1.5rem));" +
      "z-index:2147483647;background:#2b0b0b;color:#fff;border:2px solid #e5484d;border-radius:8px;" +
      "padding:.35rem .6rem;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.35)";
    var details = document.createElement("details");
    var open = false;
    try { open = sessionStorage.getItem(openKey) === "1"; } catch (e) { /* private mode */ }
    details.open = open;
    details.addEventListener("toggle", function () {
      try { sessionStorage.setItem(openKey, details.open ? "1" : "0"); } catch (e) { /* private mode */ }
    });
    var summary = document.createElement("summary");
    summary.style.cssText = "cursor:pointer;font-weight:600;padding-right:1.6rem";
    summary.textContent = "\u26a0 " + status.title;
    details.appendChild(summary);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.4rem 0 .2rem;padding-left:1.2rem;max-height:40vh;overflow:auto;" +
      "font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    status.problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = p.file ? p.file + (p.line ? ":" + p.line + ":" + p.column : "") + " — " : "";
      li.textContent = where + p.message;
      list.appendChild(li);
    });
    details.appendChild(list);
    var more = document.createElement("a");
    more.href = "/diagnostics/";
    more.textContent = status.more;
    more.style.cssText = "color:#ffb4b4";
    details.appendChild(more);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", status.hide);
    close.style.cssText = "position:absolute;top:.1rem;right:.3rem;background:none;border:0;color:#fff;font-size:1.2rem;cursor:pointer";
    close.addEventListener("click", clear);
    box.appendChild(close);
    box.appendChild(details);
    document.body.appendChild(box);
  }

  function reload() {
    // The page's own file may be gone (a deleted post): then go to the calendar.
    fetch(location.pathname, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.status === 404) location.href = "/"; else location.reload();
    }, function () { location.reload(); });
  }

  var source = new EventSource("/.trame/events");
  source.onmessage = function (m) {
    var status;
    try { status = JSON.parse(m.data); } catch (e) { return; }
    if (!status.build) return;
    if (status.build !== shown && status.ok) { reload(); return; }
    shown = status.build;
    overlay(status);
  };
})();
