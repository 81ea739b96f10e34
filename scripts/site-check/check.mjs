// Checks a built trame site in Debian's Chromium, as a reader would meet it:
// - axe-core on the pages of every kind, light and dark, at desktop and phone width: no serious
//   or critical violation;
// - at 390 px (a phone), no page wider than the screen;
// - the Nu HTML checker (vnu-jar, run with Java): no error on any page;
// - what a CM relies on with scripts on: the filters of the list and week views, one copy
//   button per thread part, and (given the project) the compact, collapsible error box of
//   `trame serve`.
// Usage: node check.mjs SITE_DIR [PROJECT_DIR TRAME_BINARY]
import { chromium } from "playwright-core";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [site, project, trame] = process.argv.slice(2);
if (!site) {
  console.error("usage: node check.mjs SITE_DIR");
  process.exit(2);
}
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// One page of each kind (the first one found).
function pages(dir) {
  const all = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "index.html") all.push(relative(dir, p));
    }
  };
  walk(dir);
  all.sort();
  const kinds = ["calendar/", "weeks/", "posts/", "campaigns/", "audits/"];
  const picked = [
    "index.html",
    "board/index.html",
    "list/index.html",
    "diagnostics/index.html",
    "feeds/index.html",
    "results/index.html",
    "veille/index.html",
  ];
  // A monthly report, and the audit that takes its figures from the results.
  const report = all.filter((p) => /^results\/\d{4}-\d{2}\//.test(p)).pop();
  if (report) picked.push(report);
  const fromResults = all.find((p) => p.startsWith("audits/bilan-"));
  if (fromResults) picked.push(fromResults);
  // A post with results on its page.
  const withResults = all.find((p) => p.startsWith("posts/") && readFileSync(join(dir, p), "utf8").includes('id="results"'));
  if (withResults) picked.push(withResults);
  for (const k of kinds) {
    const first = all.find((p) => p.startsWith(k));
    if (first) picked.push(first);
  }
  // The post with the most preview cards is the most telling.
  const posts = all.filter((p) => p.startsWith("posts/"));
  let best = null;
  let most = -1;
  for (const p of posts) {
    const n = (readFileSync(join(dir, p), "utf8").match(/<article class="card"/g) || []).length;
    if (n > most) {
      most = n;
      best = p;
    }
  }
  if (best && !picked.includes(best)) picked.push(best);
  return picked.filter((p) => all.includes(p) || p === "index.html");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let failures = 0;
let checked = 0;
const list = pages(site);
for (const scheme of ["light", "dark"]) {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    for (const p of list) {
      await page.goto("file://" + join(site, p));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\n").slice(1, 2).join("")),
          }));
      });
      checked++;
      for (const v of result) {
        failures++;
        console.log(`${p} [${scheme}, ${width}px] ${v.impact} ${v.id}: ${v.help}`);
        for (const n of v.nodes) console.log(`    ${n}`);
      }
      if (width < 500) {
        const over = await page.evaluate(() => {
          const w = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > w + 1)
            .slice(0, 3)
            .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : ""));
          return { width: document.documentElement.scrollWidth, screen: w, wide };
        });
        if (over.width > over.screen) {
          failures++;
          console.log(`${p} [${scheme}, ${width}px] the page is ${over.width} px wide on a ${over.screen} px screen (${over.wide.join(", ")})`);
        }
      }
    }
    await context.close();
  }
}
console.log(`axe-core and overflow: ${list.length} pages × 2 schemes × 2 widths, ${failures} problems`);

// Behaviour, scripts on.
let behaviour = 0;
function expect(ok, message) {
  if (!ok) {
    behaviour++;
    console.log("behaviour: " + message);
  }
}
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The filters of the list and of a week with posts in review and others.
  const html = (p) => readFileSync(join(site, p), "utf8");
  const weeks = readdirSync(join(site, "weeks")).map((w) => `weeks/${w}/index.html`).sort();
  const week = weeks.find((w) => /data-status="review"/.test(html(w)) && /data-status="(?!review)/.test(html(w)));
  expect(week, "no week page has posts in review and others (the demo changed?)");
  for (const p of ["list/index.html", week].filter(Boolean)) {
    await page.goto("file://" + join(site, p) + "?status=review");
    const r = await page.evaluate(() => {
      const chips = [...document.querySelectorAll("li.chip[data-status]")];
      const form = document.querySelector("form.filters");
      return {
        form: !!form && !form.hidden,
        shown: chips.filter((c) => !c.hidden).map((c) => c.dataset.status),
        hidden: chips.filter((c) => c.hidden).length,
      };
    });
    expect(r.form, `${p}: the filters are not shown`);
    expect(r.shown.length > 0 && r.shown.every((s) => s === "review"), `${p}: ?status=review shows ${r.shown.join(", ")}`);
    expect(r.hidden > 0, `${p}: ?status=review hides nothing`);
  }
  // The diagnostics page's filters: a code chosen from its table shows its problems only.
  {
    const codes = [...html("diagnostics/index.html").matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]);
    const code = codes[0];
    if (code) {
      await page.goto("file://" + join(site, "diagnostics/index.html") + "?code=" + code);
      const r = await page.evaluate(() => {
        const form = document.querySelector("form.diag-filters");
        const shown = [...document.querySelectorAll("li.diag[data-code]")].filter((l) => !l.hidden);
        return { form: !!form && !form.hidden, codes: shown.map((l) => l.dataset.code) };
      });
      expect(r.form, "diagnostics: the filters are not shown");
      expect(r.codes.length > 0 && r.codes.every((c) => c === code), `diagnostics: ?code=${code} shows ${r.codes.join(", ")}`);
    }
  }
  // The veille page's filters: ?tone=negative shows the negative notes only (and their days
  // of the timeline), and the count of notes shown.
  if (existsSync(join(site, "veille/index.html")) && html("veille/index.html").includes('data-tone="negative"')) {
    await page.goto("file://" + join(site, "veille/index.html") + "?tone=negative");
    const r = await page.evaluate(() => {
      const notes = [...document.querySelectorAll("li.note")];
      const form = document.querySelector("form.veille-filters");
      return {
        form: !!form && !form.hidden,
        shown: notes.filter((n) => !n.hidden).map((n) => n.dataset.tone),
        hidden: notes.filter((n) => n.hidden).length,
        days: [...document.querySelectorAll(".timeline li.day")].filter((d) => !d.hidden).length,
        output: form ? form.elements.shown.value : "",
      };
    });
    expect(r.form, "veille: the filters are not shown");
    expect(r.shown.length > 0 && r.shown.every((t) => t === "negative"), `veille: ?tone=negative shows ${r.shown.join(", ")}`);
    expect(r.hidden > 0 && r.days > 0, `veille: ?tone=negative hides ${r.hidden} notes and keeps ${r.days} days`);
    expect(r.output.startsWith(`${r.shown.length} / `), `veille: the count says "${r.output}"`);
  }
  // One copy button per thread part (and per first comment).
  const posts = readdirSync(join(site, "posts")).map((d) => `posts/${d}/index.html`);
  const thread = posts.find((p) => html(p).includes('<p class="part">'));
  expect(thread, "no post of the site is a thread");
  if (thread) {
    await page.goto("file://" + join(site, thread));
    const r = await page.evaluate(() => {
      const parts = [...document.querySelectorAll("p.part")];
      return { parts: parts.length, buttons: parts.filter((p) => p.querySelector("button.copy:not([hidden])")).length };
    });
    expect(r.parts > 1 && r.buttons === r.parts, `${thread}: ${r.buttons} copy buttons for ${r.parts} parts`);
  }
  await context.close();
}

// The error box of `trame serve`: one line in a corner, the list on demand.
if (project && trame) {
  const dir = mkdtempSync(join(tmpdir(), "trame-serve-"));
  for (const name of ["trame.yaml", "charter.yaml", "content", "media", "metrics", "themes"]) {
    try {
      cpSync(join(project, name), join(dir, name), { recursive: true });
    } catch (e) {
      /* a project may lack some */
    }
  }
  const server = spawn(trame, ["serve", "--port", "0", "--today", "2026-11-24", "--root", dir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let err = "";
      const timer = setTimeout(() => reject(new Error("trame serve did not start: " + err)), 60000);
      server.stderr.on("data", (d) => {
        err += d;
        // "Aperçu sur http://…" (a French project) or "Serving http://…".
        const m = /(?:Serving|Aperçu sur) (http:\/\/[^/\s]+\/)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      server.on("exit", (code) => reject(new Error(`trame serve exited (${code}): ${err}`)));
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    // A post that no longer parses.
    const posts = join(dir, "content", "posts");
    const file = readdirSync(posts, { recursive: true }).map(String).find((f) => f.endsWith(".md"));
    const path = join(posts, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^---\n/, "---\ntitle: [\n"));
    // A locator, not a handle: each rebuild's message draws the box anew.
    const box = page.locator("#trame-overlay");
    // The rebuild's message may reload the page first (the site was written): wait for a box
    // that stays.
    let closed = null;
    for (let i = 0; i < 20 && !closed; i++) {
      await box.waitFor({ timeout: 60000 });
      await page.waitForLoadState("load");
      closed = await box.boundingBox();
    }
    expect(closed && closed.height <= 60 && closed.width <= 600, `the serve error box is ${closed?.width}×${closed?.height} px closed`);
    expect(!(await page.isVisible("#trame-overlay li")), "the serve error box lists the errors before it is opened");
    await page.click("#trame-overlay summary");
    expect(await page.isVisible("#trame-overlay li"), "the serve error box does not open");
    const open = await box.boundingBox();
    expect(open.height <= 0.5 * 800, `the open serve error box is ${open.height} px high`);
    await page.click("#trame-overlay button");
    expect((await page.$("#trame-overlay")) === null, "the serve error box does not close");
    await context.close();
  } catch (e) {
    expect(false, String(e));
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
console.log(`behaviour: ${behaviour} problems`);
failures += behaviour;

// The Nu HTML checker on every page of the site.
const vnu = require.resolve("vnu-jar/build/dist/vnu.jar");
let vnuErrors = 0;
try {
  execFileSync("java", ["-jar", vnu, "--errors-only", "--skip-non-html", "--format", "gnu", site], {
    stdio: ["ignore", "pipe", "pipe"],
  });
} catch (e) {
  const out = (e.stdout || "").toString() + (e.stderr || "").toString();
  const lines = out.split("\n").filter((l) => l.trim());
  vnuErrors = lines.length;
  for (const l of lines.slice(0, 40)) console.log("vnu: " + l.replace(site, ""));
}
console.log(`Nu HTML checker: ${vnuErrors} errors`);
console.log(`site check: ${checked} page views, ${failures + vnuErrors} problems`);
process.exit(failures + vnuErrors > 0 ? 1 : 0);
