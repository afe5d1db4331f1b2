#!/usr/bin/env node
// Benchmarks of the release build in dist/ (run `make bench`, which builds it):
//   1. shipped sizes of each app (unit, koordinator, hasil): wasm, JS glue, CSS,
//      ECharts, index.html; raw and gzip -9;
//   2. cold load time to the first interactive screen in headless Chromium:
//      median of N fresh browser contexts (empty HTTP cache each time), served
//      gzip'd under a sub-path by scripts/serve-dist.mjs on 127.0.0.1.
//      "Interactive" = the first animation frame at which READY_SELECTOR exists.
//   3. the merge benchmark of issue 4 (see MERGE BENCHMARK HOOK below);
//   4. the documents benchmark of issue 11 (DOCUMENTS BENCHMARK HOOK).
//
// Options (flags or env):
//   --selector=CSS  / APP_READY_SELECTOR   default main[data-ready]
//   --runs=N        / BENCH_RUNS           default 7
//   --warmup=N      / BENCH_WARMUP         default 1 (discarded runs: the first load
//                                          after launch pays Chromium's own start-up)
//   --json=PATH                            also write the figures as JSON
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve-dist.mjs';
import { benchMerge } from './bench-merge.mjs';
import { measure as measureBudgets } from './budget.mjs';
import { benchDocuments } from './bench-documents.mjs';
import { launchBrowser, CHROMIUM_ARGS } from '../e2e/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const SELECTOR = arg('selector') || process.env.APP_READY_SELECTOR || 'main[data-ready]';
const RUNS = Number(arg('runs') || process.env.BENCH_RUNS || 7);
const WARMUP = Number(arg('warmup') ?? process.env.BENCH_WARMUP ?? 1);
const JSON_OUT = arg('json');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (s, n) => String(s).padStart(n);

// ---------------------------------------------------------------- 1. sizes
// The release is three apps (see src/ui/route.rs): the unit's at dist/, the
// coordinator's at dist/koordinator/, results and report at dist/hasil/. Each page
// loads only its own wasm, so each app's sizes are what its users download.
const APPS = [['unit', ''], ['koordinator', 'koordinator'], ['hasil', 'hasil']];
function sizesOf(dir) {
  const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !/\.(gz|br)$/.test(f));
  const kind = (f) =>
    f.endsWith('.wasm') ? 'wasm'
    : f.endsWith('.js') ? 'js (glue)'
    : f.endsWith('.css') ? 'css'
    : f === 'index.html' ? 'html'
    : 'other';
  const rows = {};
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    const k = kind(f);
    rows[k] ??= { files: [], raw: 0, gzip: 0 };
    rows[k].files.push(f);
    rows[k].raw += buf.length;
    rows[k].gzip += gzipSync(buf, { level: 9 }).length; // same as `gzip -9`
  }
  return rows;
}
function sizes() {
  const out = {};
  for (const [app, sub] of APPS) {
    const rows = sizesOf(join(dist, sub));
    const total = Object.entries(rows)
      .filter(([k]) => k !== 'not loaded')
      .reduce((a, [, r]) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
    console.log(`\n== shipped sizes: ${app} app (dist/${sub}) ==`);
    console.log(`${'asset'.padEnd(10)} ${pad('raw bytes', 11)} ${pad('gzip -9', 11)}  files`);
    for (const k of ['wasm', 'js (glue)', 'css', 'html', 'other']) {
      const r = rows[k];
      if (r) console.log(`${k.padEnd(10)} ${pad(r.raw, 11)} ${pad(r.gzip, 11)}  ${r.files.join(', ')}`);
    }
    console.log(`${'total'.padEnd(10)} ${pad(total.raw, 11)} ${pad(total.gzip, 11)}  (${kib(total.raw)} raw, ${kib(total.gzip)} gzip)`);
    out[app] = { ...rows, total };
  }
  // The budgets of issue 12 (first-visit transfer; see scripts/budget.mjs).
  console.log('\n== first-visit transfer against the budgets (scripts/budget.mjs) ==');
  for (const [app, r] of Object.entries(measureBudgets(dist))) {
    console.log(`${app.padEnd(12)} ${pad(r.gzip, 8)} B of ${pad(r.budget, 8)} B  ${r.gzip <= r.budget ? 'within' : 'OVER'}`);
    out[app].first_visit = { gzip: r.gzip, budget: r.budget };
  }
  return out;
}

// ---------------------------------------------------------------- 2. cold load
async function coldLoad(browser, url) {
  const runs = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // A fresh context each run = empty HTTP cache, storage and compiled-wasm cache.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
    // Record performance.now() at the first animation frame where the selector
    // exists, i.e. when the user could first see and use the screen.
    await page.addInitScript((sel) => {
      const tick = () => {
        if (document.querySelector(sel)) window.__readyAt = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, SELECTOR);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 }).catch((e) => {
      throw new Error(`run ${i + 1}: ${SELECTOR} never appeared (${e.message.split('\n')[0]}); page errors: ${errors.join(' | ') || 'none'}`);
    });
    const m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ready: window.__readyAt, dcl: nav?.domContentLoadedEventEnd, fcp: fcp?.startTime };
    });
    if (errors.length) throw new Error(`run ${i + 1}: page errors: ${errors.join(' | ')}`);
    if (i >= WARMUP) runs.push(m);
    await context.close();
  }
  const med = (k) => median(runs.map((r) => r[k]).filter((x) => x !== undefined));
  const result = {
    selector: SELECTOR, runs: RUNS, warmup: WARMUP,
    ready_ms: med('ready'), dcl_ms: med('dcl'), fcp_ms: med('fcp'),
    ready_min_ms: Math.min(...runs.map((r) => r.ready)), ready_max_ms: Math.max(...runs.map((r) => r.ready)),
  };
  console.log(`\n== cold load (headless Chromium, median of ${RUNS} fresh contexts after ${WARMUP} warm-up, gzip, ${url}) ==`);
  console.log(`ready (${SELECTOR}): median ${result.ready_ms.toFixed(0)} ms  (min ${result.ready_min_ms.toFixed(0)}, max ${result.ready_max_ms.toFixed(0)})`);
  console.log(`first contentful paint: median ${result.fcp_ms?.toFixed(0)} ms`);
  console.log(`DOMContentLoaded end:   median ${result.dcl_ms?.toFixed(0)} ms`);
  return result;
}

// ================================================================ MERGE BENCHMARK HOOK
// Issue 4: 100 unit files (all 47 SPBE 2020 indicators, 2 KB justifications, three
// evidence items each) imported into the coordinator's app in one go, timed inside the
// page from the file input to the coverage matrix on screen (scripts/bench-merge.mjs).
// Median of MERGE_RUNS fresh workspaces; the budget is 1 second.
async function mergeBench(browser, url) {
  const runs = Number(process.env.MERGE_RUNS || 3);
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await benchMerge(browser, url));
  const ms = median(all.map((r) => r.ms));
  const out = {
    files: all[0].files, indicators: all[0].indicators, bytes: all[0].bytes, runs,
    median_ms: ms, import_median_ms: median(all.map((r) => r.import_ms)), coverage_median_ms: median(all.map((r) => r.coverage_ms)),
    all_ms: all.map((r) => r.ms),
  };
  console.log(`\n== merge: ${out.files} unit files × ${out.indicators} indicators (${(out.bytes / 1e6).toFixed(1)} MB), median of ${runs} ==`);
  console.log(`file input → coverage on screen: median ${ms.toFixed(0)} ms (import ${out.import_median_ms.toFixed(0)} ms + coverage ${out.coverage_median_ms.toFixed(0)} ms)  ${ms < 1000 ? 'under' : 'OVER'} the 1 s budget`);
  return out;
}
// ================================================================ END MERGE BENCHMARK HOOK

// ================================================================ DOCUMENTS BENCHMARK HOOK
// Issue 11: 40 unit bundles with 200 MB of documents imported in one go, then the
// evidence package exported (scripts/bench-documents.mjs); the goal is no main-thread
// task over 200 ms.
async function documentsBench(browser, url) {
  const r = await benchDocuments(browser, `${url}koordinator/`);
  console.log(`\n== documents: ${r.units} bundles, ${r.documents} documents, ${r.mb} MB ==`);
  console.log(`import: ${r.import_ms} ms (${r.summary}); longest main-thread task ${r.import_longest_task_ms} ms  ${r.import_longest_task_ms < 200 ? 'under' : 'OVER'} the 200 ms goal`);
  console.log(`evidence package: ${r.package_ms} ms; longest main-thread task ${r.package_longest_task_ms} ms`);
  console.log(`peak memory of Chromium (all processes): ${r.peak_rss_mb ?? '—'} MB`);
  return r;
}
// ================================================================ END DOCUMENTS BENCHMARK HOOK

const t0 = Date.now();
const out = { sizes: sizes() };
const server = await startServer({ root: dist, prefix: '/spbe/', gzip: true });
const browser = await launchBrowser();
try {
  out.cold_load = await coldLoad(browser, server.url);
  out.merge = await mergeBench(browser, server.url);
  out.documents = await documentsBench(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
out.chromium_args = CHROMIUM_ARGS;
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(out, null, 2));
console.log(`\nbench done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
