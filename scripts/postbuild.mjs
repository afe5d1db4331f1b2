#!/usr/bin/env node
// The release's last step, after `trunk build` has written the three apps into dist/
// (the unit's at dist/, the coordinator's at dist/koordinator/, results at dist/hasil/).
// `make dist` runs it; it reads only dist/ and pwa/, and is offline. It takes about a minute,
// nearly all of it zopfli compressing the three wasm files (step 5).
//
// 1. Strict CSP. Trunk injects an inline <script type="module"> that starts the wasm;
//    the Content-Security-Policy (script-src 'self', no 'unsafe-inline') forbids it. Each
//    page gets instead an external start-<hash>.js (pwa/start.js with the glue and wasm
//    names filled in) and the CSP <meta> as the first element of <head>.
// 1b. The chart library: trunk copies the tree-shaken ECharts bundle beside every page
//    (index.html; the dev server's one page needs it there). Only the results app draws
//    charts, so only its folder keeps it, under a content-hashed name that its page
//    announces in <meta name="swanilai-charts"> for the wasm, which loads it when the first
//    chart is about to be shown (src/adapters/charts.rs), never for the first screen.
// 1a. Lean styles. Each page's stylesheets lose their comments and spare white space (the
//    sources explain themselves at length: about 3 KB of gzip per page), and the page's
//    integrity hashes follow. e2e/styles.test.mjs checks that Chromium reads every shipped
//    sheet as it reads its source.
// 1c. The first screen: the static top of each app's home (pwa/shell.mjs) in its page, shown
//    while the wasm arrives; the wasm is requested after it is painted (no preload).
// 2. Installable. manifest.webmanifest and the icons (pwa/) at the release root, linked
//    from every page with the theme colour.
// 3. Offline. sw.js (pwa/sw.js) with the list of every file of the three apps, taken
//    from dist/ itself (trunk's hashed names, never a hand-kept list) and a VERSION that
//    is a digest of their content; pwa-<hash>.js registers it once a page is idle.
// 4. The catalogue texts: the unit's app (built with feature texts-on-demand) fetches its
//    framework's file when a draft is opened, so the framework files are copied unchanged
//    (their digest is in the wasm) to dist/katalog/.
// 5. Precompressed copies: name.gz (zopfli) and name.br (brotli 11) beside every text
//    asset and wasm, for hosts that serve them (nginx gzip_static / brotli_static).
// 6. The copy that runs from a folder: swanilai-<version>.zip at the repository root
//    (the release under swanilai-<version>/ with BACA-SAYA.txt).
//
// Usage: node scripts/postbuild.mjs [--dist dist] [--no-zip]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { hash16, sri } from './hashes.mjs';
import { minifyJs } from './minify.mjs';
import { writeZip } from './zip.mjs';
import { shell } from '../pwa/shell.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const dist = join(root, arg('dist', 'dist'));
const pwa = join(root, 'pwa');

/** The three apps: folder below dist/ and the way back up to the release root. */
const APPS = [
  { name: 'unit', dir: '', up: './' },
  { name: 'koordinator', dir: 'koordinator/', up: '../' },
  { name: 'hasil', dir: 'hasil/', up: '../' },
];

/**
 * The Content-Security-Policy of every page (issue 9, point 6): exactly
 *   default-src 'self'                 styles, images (the icons), the manifest, and the
 *                                      service worker (worker-src falls back to it) come
 *                                      from the release itself; no inline <style>, no
 *                                      style="" attributes, no data: images;
 *   script-src 'self' 'wasm-unsafe-eval'  the app's own scripts, and compiling its wasm;
 *   connect-src 'self'                 fetch() of the wasm and of the service worker's
 *                                      cache: the app's own files, nothing else;
 *   img-src 'self' blob:               besides the icons, the letterhead image the
 *                                      coordinator picked for the Berita Acara, shown from
 *                                      its bytes in memory (issue 13; no data: images);
 *   object-src 'none'; base-uri 'none'; form-action 'none'.
 * Nothing else is needed today: downloads (Blob + <a download>) are navigations, which
 * CSP does not govern. The charts need no relaxation either (checked in a browser, and
 * by e2e/csp.test.mjs with tooltips shown): ECharts' SVG renderer and its container set
 * styles through the CSS object model (element.style.cssText), which style-src does not
 * govern, and its tooltips are drawn inside the chart (renderMode 'richText',
 * src/adapters/charts.rs); only its HTML tooltip, whose default markup carries style=""
 * attributes, would be refused (it would need style-src-attr 'unsafe-inline'). A feature that shows a blob: document inside the page would add
 * `frame-src blob:` (or `img-src 'self' blob:`), with its reason here.
 * Only the release build has it: `trunk serve` injects inline scripts for live reload.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Files worth precompressing (text and wasm); images and zips are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt)$/;

/**
 * CSS without comments and spare white space. Deliberately small: comments go, every run of
 * white space becomes one space, and the spaces next to `{`, `}` and `;` go (not after a
 * comma: Chromium keeps a custom property's value, or a min(), as written). Safe for these
 * sheets, whose strings hold none of those characters nor runs of white space (checked
 * below: a string with any of them stops the build).
 */
function minifyCss(css) {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of bare.matchAll(/"[^"]*"|'[^']*'/g)) {
    if (/[{};]|\s\s|\/\*/.test(m[0])) die(`a CSS string the minifier would change: ${m[0]}`);
  }
  return bare
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

const posix = (p) => p.split(sep).join('/');
const die = (msg) => {
  console.error(`[postbuild] error: ${msg}`);
  process.exit(1);
};

/** Every file below `dir`, as paths relative to it. */
function walk(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [posix(relative(base, full))];
  });
}

/** Writes `text` as `<stem>-<hash>.<ext>` in `dir`; returns the file name. */
function writeHashed(dir, stem, ext, text) {
  const name = `${stem}-${hash16(text)}.${ext}`;
  writeFileSync(join(dir, name), text);
  return name;
}

function version() {
  const m = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) die('no version in Cargo.toml');
  return m[1];
}

// ------------------------------------------------------------------ 0. sanity, cleanup
for (const app of APPS) {
  if (!existsSync(join(dist, app.dir, 'index.html'))) die(`${join(dist, app.dir)}index.html missing: run trunk first (make dist)`);
}
// A re-run on the same dist/ starts from trunk's output: drop what an earlier run wrote.
for (const f of walk(dist)) {
  if (/\.(gz|br)$/.test(f) || /(^|\/)(start|pwa|echarts)-[0-9a-f]{16}\.js$/.test(f) || f === 'sw.js' || f.startsWith('katalog/')) rmSync(join(dist, f));
}

// ------------------------------------------------------------------ 2. manifest, icons
const ICONS = ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'];
for (const icon of ICONS) writeFileSync(join(dist, icon), readFileSync(join(pwa, icon)));
const manifest = {
  id: './',
  name: 'Swanilai — Penilaian Mandiri Pemerintah Digital',
  short_name: 'Swanilai',
  description: 'Penilaian mandiri SPBE dan Indeks Pemerintah Digital di browser, tanpa server: data tidak pernah meninggalkan perangkat Anda.',
  lang: 'id',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: '#0a3d73',
  background_color: '#ffffff',
  icons: [
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    { name: 'Ruang kerja koordinator', short_name: 'Koordinator', url: './koordinator/', icons: [{ src: 'icon-192.png', sizes: '192x192' }] },
    { name: 'Hasil dan laporan', short_name: 'Hasil', url: './hasil/', icons: [{ src: 'icon-192.png', sizes: '192x192' }] },
  ],
};
writeFileSync(join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
const pwaName = writeHashed(dist, 'pwa', 'js', minifyJs(readFileSync(join(pwa, 'pwa.js'), 'utf8'), { module: true }));

// ------------------------------------------------------------------ 1b. the chart library
const BUNDLE = 'echarts.custom.min.js';
const CHARTS_APP = 'hasil';
// From trunk's copy (a re-run of this script finds it gone and takes the source).
const bundlePath = [join(dist, 'hasil', BUNDLE), join(root, 'vendor', BUNDLE)].find((p) => existsSync(p));
if (!bundlePath) die(`no ${BUNDLE}: run node scripts/build-echarts.mjs, then trunk (make dist)`);
const bundle = readFileSync(bundlePath);
for (const app of APPS) rmSync(join(dist, app.dir, BUNDLE), { force: true });
const chartsName = writeHashed(join(dist, 'hasil'), 'echarts', 'js', bundle);

// ------------------------------------------------------------------ 1. pages
const START = readFileSync(join(pwa, 'start.js'), 'utf8');
for (const app of APPS) {
  const dir = join(dist, app.dir);
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  // Running again on the same build (while working on this script): start from trunk's page,
  // kept aside the first time.
  const kept = join(root, 'target', 'postbuild', app.dir, 'index.html');
  if (/<script src="\.\/start-[0-9a-f]{16}\.js"/.test(html) && existsSync(kept)) html = readFileSync(kept, 'utf8');
  mkdirSync(dirname(kept), { recursive: true });
  writeFileSync(kept, html);
  // HTML comments are notes for whoever edits index.html: none goes out, and none can be
  // taken for the markup matched below (one naming <noscript> once swallowed the loading
  // placeholder and left the page blank).
  html = html.replace(/<!--[\s\S]*?-->/g, '');
  // 1a. Each stylesheet minified in place (again on a re-run: the result is the same), and
  // its integrity hash in the page updated.
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="sha384-[^"]*"/g, (_, name) => {
    const css = minifyCss(readFileSync(join(dir, name), 'utf8'));
    writeFileSync(join(dir, name), css);
    return `<link rel="stylesheet" href="./${name}" integrity="${sri(css)}"`;
  });
  const inline = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)];
  if (inline.length !== 1) die(`${app.dir}index.html: expected trunk's one inline module script, found ${inline.length}`);
  const body = inline[0][1];
  const glue = body.match(/from\s+'\.\/([^']+\.js)'/)?.[1];
  const wasm = body.match(/module_or_path:\s*'\.\/([^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) die(`${app.dir}index.html: cannot read the glue and wasm names from trunk's script:\n${body}`);
  const start = START
    .replace('/* global GLUE, WASM, PWA */\n', '')
    .replace('(() => {', `(() => {\n  const GLUE = './${glue}';\n  const WASM = './${wasm}';\n  const PWA = '${app.up}${pwaName}';`);
  const startName = writeHashed(dir, 'start', 'js', minifyJs(start, { module: false }));
  // blocking="render": the first paint waits for it (a 3 KB file, fetched beside the
  // styles), so a user who chose English, or who opens a deep link, never sees the
  // Indonesian home flash first (pwa/start.js adjusts the first screen before it is shown).
  html = html.replace(inline[0][0], `<script src="./${startName}" defer blocking="render"></script>`);
  // No preload of the wasm: start.js requests it once the first paint is reported. On a slow
  // connection a preload shares the line with the styles the first paint waits for, and
  // the page stays blank longer for a download that takes seconds either way. (The glue's
  // modulepreload, 10 KB, stays.)
  const preload = /\s*<link rel="preload" href="[^"]+\.wasm"[^>]*>/g;
  if ((html.match(preload) ?? []).length !== 1) die(`${app.dir}index.html: expected trunk's one preload of the wasm`);
  html = html.replace(preload, '');
  // The home screen's static top in place of the plain loading line (pwa/shell.mjs), with
  // the <noscript> message inside it. The source page's body is exactly those two.
  const bodyRe = /<body>\s*<div id="app-loading"[^>]*>\s*<p>[^<]*<\/p>\s*<\/div>\s*(<noscript>(?:(?!<\/?noscript)[\s\S])*<\/noscript>)\s*<\/body>/;
  const source = html.match(bodyRe);
  if (!source) die(`${app.dir}index.html: the body is not exactly the loading placeholder (<div id="app-loading"><p>…</p></div>) and the <noscript> message`);
  html = html.replace(bodyRe, () => `<body>\n${shell(app.name, app.up, source[1])}\n</body>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) die(`${app.dir}index.html: an inline script is left, which the CSP blocks`);

  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    '<meta name="theme-color" content="#0a3d73" />',
    `<link rel="manifest" href="${app.up}manifest.webmanifest" />`,
    `<link rel="icon" href="${app.up}icon.svg" type="image/svg+xml" />`,
  ];
  if (app.name === CHARTS_APP) head.push(`<meta name="swanilai-charts" content="./${chartsName}" />`);
  // The source page's empty icon (which spares the dev server a favicon 404).
  html = html.replace(/<link rel="icon" href="data:,"\s*\/?>\s*/, '');
  // Right after the charset, before any script or style: a CSP <meta> covers only what
  // comes after it.
  html = html.replace(/<meta charset="utf-8"\s*\/?>\s*/, (m) => `${m}${head.join('\n    ')}\n    `);
  if (!html.includes(CSP)) die(`${app.dir}index.html: no <meta charset> to put the CSP after`);
  writeFileSync(page, html);

  // ------------------------------------------------------------------ 4. texts
  // (The name is in whichever of the app's wasm files fetches them: since the release is
  // split, scripts/split.mjs, the draft's part.)
  const wasms = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  if (app.dir === '' && wasms.some((f) => readFileSync(join(dir, f)).includes(Buffer.from('katalog/')))) {
    const from = join(root, 'src/domain/frameworks');
    mkdirSync(join(dist, 'katalog'), { recursive: true });
    for (const f of readdirSync(from).filter((n) => n.endsWith('.json'))) copyFileSync(join(from, f), join(dist, 'katalog', f));
  }
}

// ------------------------------------------------------------------ 3. service worker
const files = walk(dist).filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f));
const swVersion = hash16(...files.flatMap((f) => [`${f}\0`, readFileSync(join(dist, f))]));
const sw = `const VERSION = '${swVersion}';\nconst FILES = ${JSON.stringify(files, null, 2)};\n\n${readFileSync(join(pwa, 'sw.js'), 'utf8').replace('/* global VERSION, FILES */\n', '')}`;
writeFileSync(join(dist, 'sw.js'), sw);

// ------------------------------------------------------------------ 5. precompressed
let gz = 0;
let br = 0;
for (const f of walk(dist).filter((n) => COMPRESSIBLE.test(n))) {
  const buf = readFileSync(join(dist, f));
  // zopfli: an ordinary gzip stream, 5–6% smaller than zlib's -9 (the unit's wasm, 30 Nov
  // 2026: 497.6 against 527.3 KB) for about 10 s per wasm; 5 iterations, as 15 gain little
  // more. Read back by zlib, the independent reference, before it is written.
  const g = Buffer.from(await gzipAsync(buf, { numiterations: 5 }));
  if (!gunzipSync(g).equals(buf)) die(`${f}.gz does not read back as ${f}`);
  const b = brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
  writeFileSync(join(dist, `${f}.gz`), g);
  writeFileSync(join(dist, `${f}.br`), b);
  gz += g.length;
  br += b.length;
}

// ------------------------------------------------------------------ 6. the zip
const ver = version();
let zipNote = '';
if (!process.argv.includes('--no-zip')) {
  const folder = `swanilai-${ver}`;
  const entries = walk(dist).map((f) => ({ name: `${folder}/${f}`, data: readFileSync(join(dist, f)) }));
  entries.unshift({ name: `${folder}/BACA-SAYA.txt`, data: readFileSync(join(pwa, 'BACA-SAYA.txt')) });
  const zipPath = join(root, `swanilai-${ver}.zip`);
  writeZip(zipPath, entries);
  zipNote = `; ${relative(root, zipPath)} (${(statSync(zipPath).size / 1024).toFixed(0)} KiB)`;
}

console.log(`[postbuild] ${files.length} files precached by sw.js (version ${swVersion}); .gz ${(gz / 1024).toFixed(0)} KiB, .br ${(br / 1024).toFixed(0)} KiB${zipNote}`);
