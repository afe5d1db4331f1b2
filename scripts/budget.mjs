#!/usr/bin/env node
// Size budgets of the release build (issue 12), checked by `make test`: each app's
// first-visit transfer must stay within its budget, or this exits 1.
//
// What is counted, per app: the gzip size (what a gzip-serving host sends: the release's
// own .gz copy, written by zopfli in scripts/postbuild.mjs, or else zlib's gzip -9) of
//   * its index.html;
//   * every local file that page names in <link href> or <script src> (styles, the
//     start script, trunk's modulepreload of the JS glue, the manifest, icons);
//   * what the start script loads: the glue, the wasm, pwa-<hash>.js, and sw.js (which
//     the browser fetches to register it);
// The results app's first screen (its home, a list) shows no chart. Its chart library
// (the tree-shaken ECharts bundle hasil/echarts-<hash>.js, named in the page's
// <meta name="swanilai-charts">) is loaded only when a results screen is opened, so it is
// counted on its own, against its own budget ("charts").
// The parts (scripts/split.mjs, src/ui/parts.rs): the wasm of what lies behind the home (a
// draft's screens, a workspace's, the file reader, the guide), fetched when first needed,
// or in the background once the home is up. Like
// the chart bundle they are no part of the first screen; they are reported per app and held
// to a ceiling of their own ("parts").
// Not counted: the service worker's background download of the other apps' files
// (it starts once the page is loaded and idle: the price of working offline, paid
// after the first screen), the PNG icons named only in the manifest (fetched when the
// browser considers installing), and the .gz/.br copies themselves.
// e2e/csp.test.mjs checks that a real first visit requests nothing outside this list.
//
// Usage: node scripts/budget.mjs [--dist dist] [--json]
//   exits 1 over a budget (SWANILAI_BUDGET=warn: reports it, exit 0) and, in any mode, over a
//   ceiling (CEILINGS and PART_CEILINGS below: growth is seen before a budget is gone).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipped } from './serve-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Budgets in bytes (1 KB = 1000 B, as in the issue); `charts`: the on-demand bundle. */
export const BUDGETS = { unit: 300_000, koordinator: 350_000, hasil: 450_000, charts: 180_000 };
/**
 * Ceilings: the release as it is, plus about 1% (1 December 2026, after the code splitting,
 * the catalogue parsed on demand, no framework parsed by the unit's and results' homes and
 * the minified glue; the coordinator's lowered the same day, 330.5 → 282.5 KB, when its home
 * stopped parsing frameworks; before the splitting 530 / 615 / 625 KB). Every app is within its budget now, and `make test` fails
 * over a budget; the ceilings stay below them so that growth is seen while there is still
 * room, not only once a budget is gone. Going over a ceiling fails in any mode. Lower a
 * ceiling with each cut; raise one only for a feature that is worth its bytes, and say so
 * in the commit.
 */
export const CEILINGS = { unit: 259_000, koordinator: 282_500, hasil: 241_500, charts: 174_000 };
/** Ceilings for each app's parts together (gzip), the same way. Raised once, on 1 December
 * 2026 (unit 290 → 319, results 406.5 → 435.5 KB), when the homes stopped parsing frameworks
 * and the code that reads one moved from the unit's and results' first visits into their
 * parts: about 27 KB off each first visit, the same total for a user who opens a draft;
 * and the coordinator's (331.5 → 382.5 KB) when its home did the same: the framework reader
 * and what makes a workspace moved into its reader part, 48 KB off its first visit, about
 * 4 KB more in all for a coordinator who opens a workspace. */
export const PART_CEILINGS = { unit: 319_000, koordinator: 382_500, hasil: 435_500 };
/** Aimed-for room under each budget, for features still to come (warned, not failed). */
export const HEADROOM = 30_000;
const APPS = [['unit', ''], ['koordinator', 'koordinator/'], ['hasil', 'hasil/']];

/** The files (relative to dist/) a first visit of the app in `dir` transfers. */
export function firstVisitFiles(dist, dir) {
  const html = readFileSync(join(dist, dir, 'index.html'), 'utf8');
  const files = new Set([`${dir}index.html`]);
  const local = (ref) => !/^[a-z]+:/i.test(ref) && !ref.startsWith('//') && !ref.startsWith('#');
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"/g)) {
    if (local(m[1])) files.add(normalize(join(dir, m[1])).split('\\').join('/'));
  }
  const start = [...files].find((f) => /(^|\/)start-[0-9a-f]{16}\.js$/.test(f));
  if (!start) throw new Error(`${dir}index.html names no start-<hash>.js: run scripts/postbuild.mjs`);
  // The glue, the wasm and pwa.js, by their hashed names as the minified script quotes
  // them: exactly those three, or a change to the script would quietly count the main
  // wasm as a part and the first visit as 230 KB lighter.
  const named = [...readFileSync(join(dist, start), 'utf8').matchAll(/["'](\.\.?\/[\w.-]+-[0-9a-f]{16}(?:_bg\.wasm|\.js))["']/g)].map((m) => m[1]);
  const kinds = named.map((n) => (n.endsWith('_bg.wasm') ? 'wasm' : /\/pwa-[^/]+$/.test(n) ? 'pwa' : /\/swanilai-[^/]+\.js$/.test(n) ? 'glue' : n)).sort();
  if (kinds.join(',') !== 'glue,pwa,wasm') throw new Error(`${start} should name the glue, the wasm and pwa.js once each; it names ${named.join(', ') || 'none'}`);
  for (const n of named) files.add(normalize(join(dir, n)).split('\\').join('/'));
  files.add('sw.js');
  return [...files].sort();
}

const gz = (dist, f) => gzipped(join(dist, f)).length;

/** The chart bundle the results page names (relative to dist/). */
export function chartFiles(dist) {
  const html = readFileSync(join(dist, 'hasil/index.html'), 'utf8');
  const ref = html.match(/<meta name="swanilai-charts" content="([^"]+)"/)?.[1];
  if (!ref) throw new Error('hasil/index.html names no chart bundle: run scripts/postbuild.mjs');
  return [normalize(join('hasil/', ref)).split('\\').join('/')];
}

/** The parts of the app in `dir` (relative to dist/): its wasm files a first visit (`first`,
 *  its firstVisitFiles) does not load. */
export function partFiles(dist, dir, first = firstVisitFiles(dist, dir)) {
  const loaded = new Set(first);
  return readdirSync(join(dist, dir)).filter((f) => f.endsWith('.wasm')).map((f) => `${dir}${f}`).filter((f) => !loaded.has(f)).sort();
}

/** Per app, then `charts`: { files: [{ file, raw, gzip }], gzip, budget }. */
export function measure(dist) {
  const entry = (name, list) => {
    const files = list.map((file) => ({ file, raw: readFileSync(join(dist, file)).length, gzip: gz(dist, file) }));
    return [name, { files, gzip: files.reduce((n, f) => n + f.gzip, 0), budget: BUDGETS[name], ceiling: CEILINGS[name] }];
  };
  const apps = APPS.map(([app, dir]) => {
    const first = firstVisitFiles(dist, dir);
    const [name, r] = entry(app, first);
    const parts = entry(app, partFiles(dist, dir, first))[1];
    return [name, { ...r, parts: { files: parts.files, gzip: parts.gzip, ceiling: PART_CEILINGS[app] } }];
  });
  return Object.fromEntries([...apps, entry('charts', chartFiles(dist))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--dist');
  const dist = join(root, i >= 0 ? process.argv[i + 1] : 'dist');
  const m = measure(dist);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    console.log('first-visit transfer per app (the gzip of every file the page loads; see scripts/budget.mjs)');
    for (const [app, r] of Object.entries(m)) {
      const wasm = r.files.find((f) => f.file.endsWith('.wasm'));
      const what = wasm ? `wasm ${kb(wasm.gzip)}, ${r.files.length} files` : `on demand: ${r.files.map((f) => f.file).join(', ')}`;
      const status = r.gzip > r.budget ? 'OVER BUDGET' : r.budget - r.gzip < HEADROOM ? `ok, but less than ${kb(HEADROOM)} headroom` : 'ok';
      console.log(`  ${app.padEnd(12)} ${kb(r.gzip).padStart(9)} of ${kb(r.budget).padStart(9)}  (${what}, ${kb(r.budget - r.gzip)} left; ceiling ${kb(r.ceiling)})  ${status}`);
    }
    console.log('parts, fetched when first needed (or in the background once the home is up)');
    for (const [app, r] of Object.entries(m).filter(([, r]) => r.parts)) {
      const list = r.parts.files.map((f) => `${f.file.replace(/^.*\//, '')} ${kb(f.gzip)}`).join(', ');
      console.log(`  ${app.padEnd(12)} ${kb(r.parts.gzip).padStart(9)}  (${list}; ceiling ${kb(r.parts.ceiling)})`);
    }
    console.log(`  (a results screen with its charts: at most ${kb(m.hasil.gzip + m.hasil.parts.gzip + m.charts.gzip)}, first visit, parts and chart bundle together)`);
  }
  const grown = [
    ...Object.entries(m).filter(([, r]) => r.gzip > r.ceiling),
    ...Object.entries(m).filter(([, r]) => r.parts && r.parts.gzip > r.parts.ceiling).map(([a, r]) => [`${a} parts`, r.parts]),
  ];
  if (grown.length) {
    console.error(`over the ceiling (grown since the last cut): ${grown.map(([a, r]) => `${a} ${r.gzip} B > ${r.ceiling} B`).join(', ')}`);
    process.exit(1);
  }
  const over = Object.entries(m).filter(([, r]) => r.gzip > r.budget);
  if (over.length) {
    console.error(`over budget: ${over.map(([a, r]) => `${a} ${r.gzip} B > ${r.budget} B`).join(', ')}`);
    // SWANILAI_BUDGET=warn reports without failing (to look at sizes while trying a change;
    // `make test` never sets it).
    if (process.env.SWANILAI_BUDGET !== 'warn') process.exit(1);
  }
}
