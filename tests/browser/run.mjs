#!/usr/bin/env node
// Browser checks for a built wdhs site (see README.md beside this file).
//
//   node tests/browser/run.mjs [site-folder] [--only=TEXT] [--no-screenshots]
//
// Serves the folder on 127.0.0.1 (a tiny static server, below), opens every HTML page in
// Debian's Chromium through playwright-core and checks, per page: axe-core WCAG 2.1 A/AA rules
// (light and dark colour scheme), no requests to other hosts, no console errors, no page
// errors, no broken local resources, HTML + CSS ≤ 60 KB and HTML + CSS + fonts ≤ 100 KB, no
// render-blocking script in <head>, no horizontal scrolling at 320 px (WCAG 1.4.10 reflow), no
// word broken across lines without a hyphen at 320, 390 and 1280 px. It also checks keyboard
// access to the skip link, language switcher and main menu, the icons (favicon.ico, the SVG icon,
// the Apple touch icon), that unknown URLs get the 404 page with status 404, and saves full-page
// screenshots of each page type to screenshots/ (phone and laptop; light, dark and print).
// The last line printed is always "N passed, M failed"; the exit code is 1 on any failure.

import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WEIGHT_LIMIT = 60 * 1024; // HTML + CSS, uncompressed
// HTML + CSS + the web fonts a page loads, uncompressed: the 60 KB above plus 40 KB for the
// theme's three subset Source Sans 3 files (about 11 KB each, cached after the first page).
const TOTAL_LIMIT = 100 * 1024;
const WORD_WIDTHS = [320, 390, 1280]; // no word may break without a hyphen at these widths
const REFLOW_WIDTH = 320; // WCAG 1.4.10: no horizontal scrolling at 320 CSS px
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOT_TYPES = [
  "home", "goals-index", "goal", "partners-index", "partner", "press-index", "press-release",
  "initiatives-index", "initiative", "province", "festival-index", "festival-past",
  "festival-coming", "page", "search", "404",
];

// ---------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith("--") && !a.includes("=")));
const only = (argv.find((a) => a.startsWith("--only=")) || "").slice("--only=".length);
const shotsArg = (argv.find((a) => a.startsWith("--screenshots-dir=")) || "").slice("--screenshots-dir=".length);
const positional = argv.filter((a) => !a.startsWith("--"));
for (const flag of flags) {
  if (flag !== "--no-screenshots" && flag !== "--help") {
    console.error(`unknown option ${flag}`);
    process.exit(2);
  }
}
if (flags.has("--help")) {
  console.log("usage: node tests/browser/run.mjs [site-folder] [--only=TEXT] [--no-screenshots] [--screenshots-dir=DIR]");
  process.exit(0);
}
const siteRoot = path.resolve(positional[0] ?? path.join(here, "..", "..", "public"));
const screenshotDir = shotsArg ? path.resolve(shotsArg) : path.join(here, "screenshots");

if (!existsSync(path.join(siteRoot, "index.html"))) {
  console.error(`no built site at ${siteRoot} (expected index.html); build it first: cargo run --release -- build`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

let chromium;
let axeSource;
try {
  ({ chromium } = await import("playwright-core"));
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch (error) {
  console.error(`missing npm packages (run: cd ${path.relative(process.cwd(), here) || "."} && npm ci): ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Static file server: 127.0.0.1, free port, index.html for folders, nearest 404.html with 404.

const MIME = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8", ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
  ".woff2": "font/woff2", ".pdf": "application/pdf",
};

function isFile(p) {
  try { return statSync(p).isFile(); } catch { return false; }
}
function isDir(p) {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

function nearest404(dir) {
  for (let d = dir; d.startsWith(siteRoot); d = path.dirname(d)) {
    if (isFile(path.join(d, "404.html"))) return path.join(d, "404.html");
    if (d === siteRoot) break;
  }
  return null;
}

function send(req, res, status, file, headers = {}) {
  const size = statSync(file).size;
  res.writeHead(status, {
    "Content-Type": MIME[path.extname(file).toLowerCase()] || "application/octet-stream",
    "Content-Length": size, "Cache-Control": "no-store", ...headers,
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
}

function startServer() {
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    const full = path.join(siteRoot, pathname);
    if (pathname.includes("\0") || (full !== siteRoot && !full.startsWith(siteRoot + path.sep))) {
      res.writeHead(403);
      return res.end();
    }
    if (isDir(full)) {
      if (!pathname.endsWith("/")) {
        const search = new URL(req.url, "http://127.0.0.1").search;
        res.writeHead(301, { Location: encodeURI(pathname + "/") + search });
        return res.end();
      }
      if (isFile(path.join(full, "index.html"))) return send(req, res, 200, path.join(full, "index.html"));
    } else if (isFile(full)) {
      return send(req, res, 200, full);
    }
    const notFound = nearest404(pathname.endsWith("/") ? full : path.dirname(full));
    if (notFound) return send(req, res, 404, notFound);
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("not found\n");
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Site walk

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && entry.name.endsWith(".html")) out.push(full);
  }
  return out;
}

function urlPathOf(file) {
  const rel = path.relative(siteRoot, file).split(path.sep).join("/");
  if (rel === "index.html") return "/";
  if (rel.endsWith("/index.html")) return "/" + rel.slice(0, -"index.html".length);
  return "/" + rel;
}

// ---------------------------------------------------------------------------------------------
// Results

const results = []; // { name, problems: [string] }
function record(name, problems) {
  results.push({ name, problems });
  if (problems.length) {
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     - ${p.replace(/\n/g, "\n       ")}`);
  } else {
    console.log(`ok   ${name}`);
  }
}
const ruleTally = new Map(); // axe rule id -> Set of page paths

function short(text, n = 160) {
  const t = String(text).replace(/\s+/g, " ").trim();
  return t.length > n ? t.slice(0, n - 1) + "…" : t;
}

// ---------------------------------------------------------------------------------------------
// Per-page checks

function watch(page, base) {
  const seen = { external: [], consoleErrors: [], pageErrors: [], broken: [], cssBytes: 0, cssFiles: [], fontBytes: 0, fontFiles: [] };
  page.on("request", (request) => {
    const url = request.url();
    let u;
    try { u = new URL(url); } catch { return; }
    if (["data:", "blob:", "about:", "chrome:", "chrome-extension:"].includes(u.protocol)) return;
    if (u.hostname !== "127.0.0.1") seen.external.push(`${request.method()} ${short(url, 200)}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.consoleErrors.push({ text: msg.text(), url: msg.location()?.url || "" });
  });
  page.on("pageerror", (error) => seen.pageErrors.push(short(error.stack || error.message, 400)));
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(base)) seen.broken.push(`${request.url().slice(base.length - 1)} (${request.failure()?.errorText})`);
  });
  page.on("response", async (response) => {
    const request = response.request();
    if (!response.url().startsWith(base)) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    if (response.status() >= 400) seen.broken.push(`${response.url().slice(base.length - 1)} (HTTP ${response.status()})`);
    if (request.resourceType() === "stylesheet" && response.ok()) {
      try {
        const body = await response.body();
        seen.cssBytes += body.length;
        seen.cssFiles.push(`${response.url().slice(base.length - 1)} ${body.length} B`);
      } catch { /* page closed */ }
    }
    if (request.resourceType() === "font" && response.ok()) {
      try {
        const body = await response.body();
        seen.fontBytes += body.length;
        seen.fontFiles.push(`${response.url().slice(base.length - 1)} ${body.length} B`);
      } catch { /* page closed */ }
    }
  });
  return seen;
}

async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "), html: n.html,
        summary: (n.failureSummary || "").split("\n").filter((l) => l && !/^Fix (any|all) of the following:$/.test(l.trim())).map((l) => l.trim()).join("; "),
      })),
    }));
  }, AXE_TAGS);
}

function describeViolations(scheme, violations, pagePath) {
  const lines = [];
  for (const v of violations) {
    if (!ruleTally.has(v.id)) ruleTally.set(v.id, new Set());
    ruleTally.get(v.id).add(pagePath);
    const nodes = v.nodes.slice(0, 5).map((n) => `  at ${short(n.target, 100)}: ${short(n.summary, 200)}\n    ${short(n.html, 160)}`);
    if (v.nodes.length > 5) nodes.push(`  … and ${v.nodes.length - 5} more elements`);
    lines.push(`axe [${scheme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)\n${nodes.join("\n")}\n  ${v.helpUrl}`);
  }
  return lines;
}

// Which template made this page: decided from the markup the default theme writes.
function pageSignature() {
  const main = document.querySelector("main");
  const q = (s) => (main ? main.querySelector(s) : null);
  const links = (s) => (main ? [...main.querySelectorAll(s)].map((a) => new URL(a.href).pathname) : []);
  let kind = "page";
  if (document.body.classList.contains("home")) kind = "home";
  else if (q("form.search-form")) kind = "search";
  else if (q("ol.goal-list")) kind = "goals-index";
  else if (q("ul.card-grid.partners")) kind = "partners-index";
  else if (q(".filters")) kind = q('.filter-group a[aria-current="page"]') ? "initiatives-filter" : "initiatives-index";
  else if (q("article.press-release")) kind = "press-release";
  else if (q("article.festival-upcoming")) kind = "festival-coming";
  else if (q("article.festival-past")) kind = "festival-past";
  else if (q(":scope > .wrap > ul.press-list")) kind = "press-index";
  else if (q("ul.festival-cards")) kind = "festival-index";
  return {
    kind,
    lang: document.documentElement.lang,
    goalLinks: links(".goal-card h2 a"),
    partnerLinks: links(".partner-card h3 a"),
    initiativeLinks: links(".initiative-card h3 a"),
    provinceLinks: links(".initiative-card .meta a"),
    festivalLinks: kind === "festival-index" ? links(".festival-card h3 a") : [],
  };
}

async function pageChecks(page) {
  return page.evaluate(() => {
    const problems = [];
    const executable = (s) => !s.type || /^(text|application)\/(x-)?(java|ecma)script$|^module$/i.test(s.type.trim());
    for (const s of document.head.querySelectorAll("script")) {
      if (!executable(s) || s.type === "module") continue;
      if (!s.src) problems.push(`render-blocking inline script in <head>: ${s.outerHTML.slice(0, 120)}`);
      else if (!s.defer && !s.async) problems.push(`render-blocking script in <head> (needs defer or async): ${s.getAttribute("src")}`);
    }
    return { problems };
  });
}

// Words broken across two lines. This Chromium has no hyphenation dictionaries (Chrome on
// Linux downloads them separately), so `hyphens: auto` never breaks a word here and any break
// inside one is a break without a hyphen: the layout must leave room for the longest words.
// Breaks after a hyphen or at a soft hyphen show a hyphen and are fine: words are runs of
// letters and digits.
async function brokenWords(page, width) {
  await page.setViewportSize({ width, height: 800 });
  const found = await page.evaluate(() => {
    const out = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("script, style, pre, code, .visually-hidden, [hidden], .skip-link")) continue;
      if (!el.getClientRects().length) continue;
      for (const m of node.data.matchAll(/[\p{L}\p{M}\p{N}]{2,}/gu)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
        if (out.length >= 5) return out;
      }
    }
    return out;
  });
  return found.length ? [`at ${width} px, words broken across lines without a hyphen: ${found.join(", ")}`] : [];
}

async function reflowCheck(page) {
  await page.setViewportSize({ width: REFLOW_WIDTH, height: 800 });
  const overflow = await page.evaluate((width) => {
    const doc = document.scrollingElement || document.documentElement;
    if (doc.scrollWidth <= width + 1) return null;
    // Name the innermost elements that stick out: those none of whose children stick out.
    const sticksOut = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; };
    const culprits = new Set();
    for (const el of document.body.querySelectorAll("*")) {
      if (!sticksOut(el) || [...el.children].some(sticksOut)) continue;
      const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
      const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
      culprits.add(`<${el.tagName.toLowerCase()}${cls}> "${text}" (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
      if (culprits.size >= 5) break;
    }
    if (!culprits.size) culprits.add("text or generated content of an element that fits");
    return { scrollWidth: doc.scrollWidth, culprits: [...culprits] };
  }, REFLOW_WIDTH);
  await page.setViewportSize(DESKTOP);
  if (!overflow) return [];
  return [`horizontal scrolling at ${REFLOW_WIDTH} px wide (page is ${overflow.scrollWidth} px): ${overflow.culprits.join(", ")}`];
}

async function checkPage(context, base, target) {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  const seen = watch(page, base);
  const problems = [];
  let signature = null;
  try {
    const response = await page.goto(base + target.url.slice(1), { waitUntil: "load", timeout: 30000 });
    const status = response ? response.status() : 0;
    if (status !== target.expectStatus) problems.push(`HTTP status ${status}, expected ${target.expectStatus}`);
    const html = response ? await response.body() : Buffer.alloc(0);
    signature = await page.evaluate(pageSignature);
    const { problems: headProblems } = await pageChecks(page);
    problems.push(...headProblems);

    const light = await runAxe(page);
    problems.push(...describeViolations("light", light, target.url));
    await page.emulateMedia({ colorScheme: "dark" });
    // Report in dark only what is not already reported in light (mostly colour contrast).
    const lightKeys = new Set(light.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target}`)));
    const dark = (await runAxe(page))
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !lightKeys.has(`${v.id} ${n.target}`)) }))
      .filter((v) => v.nodes.length);
    problems.push(...describeViolations("dark", dark, target.url));
    await page.emulateMedia({ colorScheme: "light" });
    problems.push(...(await reflowCheck(page)));
    for (const width of WORD_WIDTHS) problems.push(...(await brokenWords(page, width)));
    await page.setViewportSize(DESKTOP);

    const weight = html.length + seen.cssBytes;
    if (weight > WEIGHT_LIMIT) {
      problems.push(`page weight ${weight} B of HTML + CSS is over ${WEIGHT_LIMIT} B (HTML ${html.length} B; CSS ${seen.cssFiles.join(", ") || "none"})`);
    }
    target.weight = weight;
    const total = weight + seen.fontBytes;
    if (total > TOTAL_LIMIT) {
      problems.push(`page weight ${total} B of HTML + CSS + fonts is over ${TOTAL_LIMIT} B (fonts ${seen.fontFiles.join(", ") || "none"})`);
    }
    target.total = total;
  } catch (error) {
    problems.push(`could not test the page: ${short(error.message, 300)}`);
  }
  const documentUrl = base + target.url.slice(1);
  for (const e of seen.consoleErrors) {
    // A 404 page announces its own status in the console; that is the point of the visit.
    if (target.expectStatus === 404 && e.url === documentUrl && /status of 404/.test(e.text)) continue;
    const where = e.url.startsWith(base) ? e.url.slice(base.length - 1) : e.url;
    problems.push(`console error: ${short(e.text, 300)}${where ? ` (${short(where, 120)})` : ""}`);
  }
  for (const e of seen.pageErrors) problems.push(`page error: ${e}`);
  for (const e of seen.external) problems.push(`request to another host: ${e}`);
  for (const e of seen.broken) problems.push(`broken local resource: ${e}`);
  await page.close();
  return { problems, signature };
}

// ---------------------------------------------------------------------------------------------
// Keyboard

async function keyboardCheck(context, base, url) {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  const problems = [];
  try {
    await page.goto(base + url.slice(1), { waitUntil: "load" });
    const expected = await page.evaluate(() => {
      const key = (el) => (el.className === "skip-link" ? "skip" : "") + "|" + el.getAttribute("href") + "|" + el.textContent.trim();
      return {
        skip: [...document.querySelectorAll("a.skip-link")].map(key),
        lang: [...document.querySelectorAll(".lang-switch a")].map(key),
        nav: [...document.querySelectorAll(".main-nav a")].map(key),
      };
    });
    if (expected.skip.length !== 1) problems.push(`expected one skip link (a.skip-link), found ${expected.skip.length}`);
    if (expected.lang.length === 0) problems.push("no links in the language switcher (.lang-switch a)");
    if (expected.nav.length === 0) problems.push("no links in the main navigation (.main-nav a)");
    const want = [...expected.skip, ...expected.lang, ...expected.nav];
    const focused = [];
    for (let i = 0; i < want.length + 4 && focused.length < 60; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          key: (el.className === "skip-link" ? "skip" : "") + "|" + el.getAttribute("href") + "|" + el.textContent.trim(),
          inHeader: !!el.closest("header") || el.classList.contains("skip-link"),
          indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
        };
      });
      focused.push(info);
      const lastNav = expected.nav[expected.nav.length - 1];
      if (info && info.key === lastNav) break;
    }
    const label = (k) => (k ? k.split("|").slice(1).join(" ") : "nothing");
    if (!focused[0] || focused[0].key !== expected.skip[0]) {
      problems.push(`first Tab focused ${label(focused[0]?.key)}, expected the skip link`);
    }
    // After the skip link, focus must move through the language links and then the menu links,
    // in order, without leaving the header (the brand link may come in between).
    const order = focused.filter((f) => f && want.includes(f.key)).map((f) => f.key);
    const strayIndex = focused.findIndex((f) => !f || !f.inHeader);
    if (strayIndex !== -1) problems.push(`Tab ${strayIndex + 1} left the header (focused ${label(focused[strayIndex]?.key)}) before reaching every menu link`);
    if (order.join("\n") !== want.join("\n")) {
      problems.push(`focus order was [${order.map(label).join(", ")}], expected [${want.map(label).join(", ")}]`);
    }
    for (const f of focused) {
      if (f && !f.indicator) problems.push(`no visible focus indicator (outline or box-shadow) on ${label(f.key)}`);
      if (f && !f.visible) problems.push(`focused element is not visible on screen: ${label(f.key)}`);
    }
    // The skip link must move focus to the main content.
    await page.goto(base + url.slice(1), { waitUntil: "load" });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const target = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (target !== "main") problems.push(`activating the skip link focused #${target || "(nothing)"}, expected #main`);
  } catch (error) {
    problems.push(`could not test the keyboard: ${short(error.message, 300)}`);
  }
  await page.close();
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Screenshots

async function screenshot(context, base, url, file, viewport, colorScheme) {
  const page = await context.newPage();
  try {
    await page.setViewportSize(viewport);
    const print = colorScheme === "print";
    await page.emulateMedia({ colorScheme: print ? "light" : colorScheme, media: print ? "print" : "screen", reducedMotion: "reduce" });
    await page.goto(base + url.slice(1), { waitUntil: "load" });
    // Let lazy images load: scroll through the page, then wait for every image.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
      scrollTo(0, 0);
      await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; }))));
    });
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    return null;
  } catch (error) {
    return `screenshot ${path.basename(file)}: ${short(error.message, 200)}`;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const started = Date.now();
const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}/`;
const userDataDir = mkdtempSync(path.join(tmpdir(), "wdhs-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: DESKTOP,
    serviceWorkers: "block",
  });
} catch (error) {
  console.error(`could not start ${CHROMIUM}: ${error.message}`);
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  console.log("0 passed, 1 failed");
  process.exit(1);
}
// Nothing may leave the machine: requests to other hosts are counted (above) and never sent.
await context.route(/.*/, (route) => {
  let host = "";
  try { host = new URL(route.request().url()).hostname; } catch { /* not a URL */ }
  return host === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient");
});

console.log(`site: ${siteRoot}`);
console.log(`served at ${base} · ${CHROMIUM} · axe-core ${require("axe-core/package.json").version} (${AXE_TAGS.join(", ")})`);

const files = walk(siteRoot);
let targets = files.map((f) => ({ url: urlPathOf(f), expectStatus: 200 }));
// Unknown URLs, one in the folder of every 404.html: they must answer 404 with that page.
for (const f of files.filter((f) => path.basename(f) === "404.html")) {
  const prefix = urlPathOf(path.dirname(f) + path.sep + "index.html");
  targets.push({ url: `${prefix}wdhs-browser-test-missing-page/`, expectStatus: 404, kind: "404" });
}
if (only) targets = targets.filter((t) => t.url.includes(only));
console.log(`${targets.length} pages\n`);

const signatures = new Map();
// Two pages at a time (the machines have two cores); reports are printed in walk order.
const pageResults = new Array(targets.length);
let nextTarget = 0;
let nextReport = 0;
async function worker() {
  while (nextTarget < targets.length) {
    const i = nextTarget++;
    pageResults[i] = await checkPage(context, base, targets[i]);
    while (nextReport < targets.length && pageResults[nextReport]) {
      const target = targets[nextReport];
      const { problems, signature } = pageResults[nextReport];
      if (signature) {
        signature.kind = target.kind || (target.url.endsWith("/404.html") ? "404-file" : signature.kind);
        signatures.set(target.url, signature);
      }
      record(target.url + (target.expectStatus === 404 ? " (unknown URL → 404)" : ""), problems);
      nextReport++;
    }
  }
}
await Promise.all([worker(), worker()]);

// Entry pages are recognised by the index that links to them.
const goalUrls = new Set(), partnerUrls = new Set(), initiativeUrls = new Set(), provinceUrls = new Set(), festivalUrls = new Set();
for (const s of signatures.values()) {
  s.goalLinks.forEach((u) => goalUrls.add(u));
  s.partnerLinks.forEach((u) => partnerUrls.add(u));
  s.initiativeLinks.forEach((u) => initiativeUrls.add(u));
  s.provinceLinks.forEach((u) => provinceUrls.add(u));
  s.festivalLinks.forEach((u) => festivalUrls.add(u));
}
for (const [url, s] of signatures) {
  if (s.kind === "page") {
    if (goalUrls.has(url)) s.kind = "goal";
    else if (partnerUrls.has(url)) s.kind = "partner";
    else if (initiativeUrls.has(url)) s.kind = "initiative";
  }
  if (s.kind === "initiatives-filter" && provinceUrls.has(url)) s.kind = "province";
}
const byType = new Map(); // "lang type" -> first url
for (const [url, s] of signatures) {
  const key = `${s.lang} ${s.kind}`;
  if (!byType.has(key)) byType.set(key, url);
}
const langs = [...new Set([...signatures.values()].map((s) => s.lang))].sort();

// Icons: /favicon.ico for browsers that ask it unbidden, and every icon the pages link to.
console.log("\nicons");
{
  const problems = [];
  const page = await context.newPage();
  const fetched = async (url, want) => {
    const response = await page.request.get(base + url.replace(/^\//, ""));
    const type = response.headers()["content-type"] || "";
    if (response.status() !== 200) problems.push(`${url}: HTTP ${response.status()}`);
    else if (!type.startsWith(want)) problems.push(`${url}: served as ${type}, expected ${want}`);
  };
  await fetched("/favicon.ico", "image/");
  const home = [...signatures.keys()].find((u) => signatures.get(u).kind === "home") || "/";
  await page.goto(base + home.slice(1), { waitUntil: "load" });
  const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')].map((l) => new URL(l.href).pathname));
  if (!icons.some((u) => u.endsWith(".svg"))) problems.push("no SVG icon (<link rel=icon type=image/svg+xml>)");
  if (!icons.some((u) => u.endsWith(".ico") || u.endsWith(".png"))) problems.push("no PNG or ICO icon for browsers without SVG icons");
  if (!icons.some((u) => u.endsWith("apple-touch-icon.png"))) problems.push("no Apple touch icon");
  for (const icon of icons) await fetched(icon, "image/");
  await page.close();
  record("icons", problems);
}

// Keyboard: the home page and a goal and a press release in every language.
console.log("\nkeyboard");
for (const lang of langs) {
  for (const kind of ["home", "goal", "press-release"]) {
    const url = byType.get(`${lang} ${kind}`);
    if (!url) continue;
    record(`keyboard ${url}`, await keyboardCheck(context, base, url));
  }
}

// Screenshots of each page type in each language, phone and desktop, light and dark.
const missingTypes = [];
if (!flags.has("--no-screenshots") && !only) {
  console.log(`\nscreenshots → ${path.relative(process.cwd(), screenshotDir) || "."}`);
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  const problems = [];
  let count = 0;
  for (const lang of langs) {
    for (const kind of SCREENSHOT_TYPES) {
      const url = byType.get(`${lang} ${kind}`);
      if (!url) { missingTypes.push(`${lang} ${kind}`); continue; }
      console.log(`  ${lang}-${kind}: ${url}`);
      for (const [viewport, scheme] of [[PHONE, "light"], [DESKTOP, "light"], [PHONE, "dark"], [DESKTOP, "dark"], [PHONE, "print"], [DESKTOP, "print"]]) {
        const name = `${lang}-${kind}-${viewport.width}${scheme === "light" ? "" : "-" + scheme}.png`;
        const error = await screenshot(context, base, url, path.join(screenshotDir, name), viewport, scheme);
        if (error) problems.push(error); else count++;
      }
    }
  }
  console.log(`saved ${count} screenshots`);
  if (missingTypes.length) console.log(`warning: no page of type ${missingTypes.join(", ")} in this site (no screenshot)`);
  if (problems.length) record("screenshots", problems);
}

await context.close();
server.close();
rmSync(userDataDir, { recursive: true, force: true });

const failed = results.filter((r) => r.problems.length);
console.log("");
if (ruleTally.size) {
  console.log("axe violations by rule:");
  for (const [rule, pages] of [...ruleTally].sort((a, b) => b[1].size - a[1].size)) console.log(`  ${rule}: ${pages.size} page(s)`);
}
if (failed.length) {
  const names = failed.map((r) => r.name);
  console.log(`failed: ${names.slice(0, 20).join(", ")}${names.length > 20 ? `, … and ${names.length - 20} more` : ""}`);
}
const weights = targets.map((t) => t.weight || 0);
const totals = targets.map((t) => t.total || 0);
console.log(`heaviest page: ${Math.max(...weights)} B HTML + CSS (limit ${WEIGHT_LIMIT} B), ${Math.max(...totals)} B with fonts (limit ${TOTAL_LIMIT} B) · ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;
