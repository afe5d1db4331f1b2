// Lighthouse on the start page of each app (issue 12, point 4), for scripts/bench.mjs:
// npm lighthouse 12 (13.x needs node >= 22) driving Debian's Chromium, against the local
// server (no network beyond it), mobile (Lighthouse's default: a mid-range phone with
// simulated slow 4G and 4× CPU slowdown) and desktop (its desktop preset). Lighthouse
// clears the cache, storage and service worker of the origin before each run: every
// figure is a first visit.
//
// Used by scripts/bench.mjs: `const rows = await lighthouseRuns([{ name, url }, …])`.
// Standalone, against a server you run: node scripts/bench-lighthouse.mjs URL [URL…]
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../e2e/lib.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
/** The issue's targets: mobile performance ≥ 90, accessibility and best practices 100. */
export const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 100 };

/** One Lighthouse run: the scores (0–100), FCP, LCP, TBT (ms), the bytes transferred, and
 *  the titles of the failing audits of the accessibility and best-practices categories. */
async function run(port, url, formFactor) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
  const { lhr } = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue;
  const failing = (cat) => lhr.categories[cat].auditRefs
    .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
    .map((r) => `${r.id}: ${lhr.audits[r.id].title}`);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
    fcp_ms: audit('first-contentful-paint'),
    lcp_ms: audit('largest-contentful-paint'),
    tbt_ms: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    failing: { accessibility: failing('accessibility'), 'best-practices': failing('best-practices') },
    warnings: lhr.runWarnings,
  };
}

/** Every page in `pages` ({ name, url }), mobile then desktop; one Chromium for all runs. */
export async function lighthouseRuns(pages, { log = console.log } = {}) {
  // Lighthouse wants the new headless mode; Playwright's flag list otherwise.
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS.filter((f) => f !== '--headless')],
    logLevel: 'silent',
  });
  const rows = [];
  try {
    for (const formFactor of ['mobile', 'desktop']) {
      for (const { name, url } of pages) {
        const t0 = Date.now();
        const r = await run(chrome.port, url, formFactor);
        rows.push({ app: name, formFactor, url, ...r });
        log(`  lighthouse ${formFactor} ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

const ms = (x) => (x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** The table as printed by `make bench`. */
export function printLighthouse(rows, log = console.log) {
  log(`${'app'.padEnd(12)} ${'form'.padEnd(8)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'b.p.'.padStart(5)} ${'FCP'.padStart(8)} ${'LCP'.padStart(8)} ${'TBT'.padStart(8)} ${'bytes'.padStart(10)}`);
  for (const r of rows) {
    const s = r.scores;
    log(`${r.app.padEnd(12)} ${r.formFactor.padEnd(8)} ${String(s.performance).padStart(5)} ${String(s.accessibility).padStart(5)} ${String(s['best-practices']).padStart(5)} ${ms(r.fcp_ms).padStart(8)} ${ms(r.lcp_ms).padStart(8)} ${ms(r.tbt_ms).padStart(8)} ${`${(r.bytes / 1024).toFixed(0)} KiB`.padStart(10)}`);
  }
  log(`targets: mobile performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS['best-practices']}`);
  for (const r of rows) {
    const missed = [];
    if (r.formFactor === 'mobile' && r.scores.performance < TARGETS.performance) missed.push(`performance ${r.scores.performance}`);
    for (const c of ['accessibility', 'best-practices']) {
      if (r.scores[c] < TARGETS[c]) missed.push(`${c} ${r.scores[c]} (${r.failing[c].join('; ')})`);
    }
    if (missed.length) log(`  below target: ${r.app} ${r.formFactor}: ${missed.join(', ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const urls = process.argv.slice(2);
  if (!urls.length) {
    console.error('usage: node scripts/bench-lighthouse.mjs URL [URL…]');
    process.exit(2);
  }
  const rows = await lighthouseRuns(urls.map((url) => ({ name: new URL(url).pathname, url })));
  printLighthouse(rows);
}
