// trame serve: reloads the page once a rebuild has put the new output in place, and shows the
// errors of the last rebuild over the page. Only `trame serve` adds this script.
(function () {
  "use strict";
  var shown = window.__trameBuild;
  var box = null;

  function clear() {
    if (box) { box.remove(); box = null; }
  }

  function overlay(status) {
    clear();
    if (!status.problems.length) return;
    box = document.createElement("aside");
    box.setAttribute("role", "alert");
    box.id = "trame-overlay";
    box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:45vh;overflow:auto;" +
      "z-index:2147483647;background:#2b0b0b;color:#fff;border:2px solid #e5484d;border-radius:8px;" +
      "padding:1rem 1.25rem;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "box-shadow:0 8px 30px rgba(0,0,0,.4)";
    var head = document.createElement("p");
    head.style.cssText = "margin:0 0 .5rem;font-weight:bold;font-family:system-ui,sans-serif";
    head.textContent = status.title;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.style.cssText = "float:right;background:none;border:0;color:#fff;font-size:1.4rem;cursor:pointer";
    close.addEventListener("click", clear);
    box.appendChild(close);
    box.appendChild(head);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2rem";
    status.problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = p.file ? p.file + (p.line ? ":" + p.line + ":" + p.column : "") + " — " : "";
      li.textContent = where + p.message;
      list.appendChild(li);
    });
    box.appendChild(list);
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
