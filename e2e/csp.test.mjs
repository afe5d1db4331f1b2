// Strict Content-Security-Policy and "nothing leaves the browser" (issue 9, point 6): across
// the full journey — unit (start, fill, export), coordinator (new workspace, import,
// coverage, conflicts), results (charts, downloads) and the printed report — every
// request the pages and the service worker make is one of the release's own static files,
// and the browser reports no CSP violation. Every page carries the policy.
//
// Also checks the budget's definition of a first visit (scripts/budget.mjs): a fresh
// visit to each app's bare URL requests nothing outside the files it counts (besides the
// service worker's background download and the manifest's icons, which it leaves out).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, baseUrl } from './lib.mjs';
import { makeWorkspace } from './flows.mjs';
import { firstVisitFiles } from '../scripts/budget.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const FIXTURE = join(root, 'tests/fixtures/results/consolidated-spbe-2020-2026.json');
const UNIT_FILES = ['diskominfo.json', 'bkpsdm-e2e.json', 'invalid-inspektorat.json'].map((f) => join(root, 'tests/fixtures/coordinator', f));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The release file a same-origin URL names ("" for a folder means its index.html). */
function releaseFile(url) {
  const path = decodeURIComponent(new URL(url).pathname).slice(new URL(baseUrl()).pathname.length);
  const file = join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Watches a context: every request (pages and service worker) and every CSP violation. */
async function watch(context) {
  const requests = [];
  const violations = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.exposeBinding('__cspViolation', (_src, v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { requests, violations };
}

async function policyOf(page) {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

test('the whole journey requests only the release\'s own files and breaks no CSP rule', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const { requests, violations } = await watch(context);
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(`console: ${m.text()}`); });
  const policies = new Set();
  const seen = async () => policies.add(await policyOf(page));
  try {
    // Unit: open a file (it becomes a draft), fill in, export.
    await gotoApp(page);
    await seen();
    await page.getByLabel('Pilih berkas .json').setInputFiles(FIXTURE);
    await page.getByRole('link', { name: 'Hasil & perencanaan' }).waitFor();
    await page.getByRole('radio').first().waitFor(); // the criteria texts are loaded
    await page.getByRole('radio').nth(2).check();
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh berkas (.json)' }).click()]);

    // Results of the draft (the results app), with charts and the spreadsheet.
    await page.getByRole('link', { name: 'Hasil & perencanaan' }).click();
    await page.getByTestId('chart-radar').locator('svg').waitFor();
    await seen();
    // ECharts (loaded now, from the results app's folder) draws with its SVG renderer, and
    // its tooltips inside the chart: showing them breaks no rule either.
    for (const id of ['chart-bands', 'chart-radar', 'chart-bars']) await page.getByTestId(id).locator('svg text').first().waitFor();
    await page.getByTestId('chart-bars').hover();
    await page.getByTestId('chart-bars').locator('svg text', { hasText: /: \d,\d\d/ }).first().waitFor();
    await page.getByTestId('chart-radar').hover();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /\.xlsx/ }).first().click()]);

    // The printed report.
    await page.getByRole('link', { name: 'Laporan untuk dicetak' }).click();
    await page.getByRole('heading', { name: 'LAPORAN PENILAIAN MANDIRI' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });

    // Coordinator: a workspace, three files (one refused), coverage, conflicts, results.
    await gotoApp(page, 'koordinator/');
    await seen();
    await makeWorkspace(page, { institution: 'Pemerintah Kabupaten Uji', coordinator: 'Tim Koordinasi' });
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(UNIT_FILES);
    await page.getByText(/^3 berkas diproses/).waitFor();
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    await page.getByRole('region', { name: 'Matriks cakupan (dapat digulir)' }).waitFor();
    await page.getByRole('link', { name: /^4\. Konflik/ }).click();
    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    await page.getByTestId('chart-bars').locator('svg').waitFor();
    await seen();
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { name: 'LAPORAN PENILAIAN MANDIRI' }).waitFor();
    await page.pdf({ format: 'A4' });
    await gotoApp(page, 'hasil/');
    await seen();
    // Let the service worker finish its background download: its requests count too.
    await page.evaluate(() => navigator.serviceWorker.ready);

    assert.deepEqual([...policies], [CSP], 'every page carries exactly the strict policy');
    assert.deepEqual(violations, []);
    const foreign = requests.filter((u) => !u.startsWith('blob:') && !(u.startsWith(baseUrl()) && releaseFile(u)));
    assert.deepEqual(foreign, [], 'only the release\'s own files');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'sanity: requests are recorded');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a first visit requests only what the size budget counts', async () => {
  for (const dir of ['', 'koordinator/', 'hasil/']) {
    const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await gotoApp(page, dir);
      await page.waitForLoadState('load');
      const counted = new Set(firstVisitFiles(dist, dir).map((f) => `${baseUrl()}${f}`));
      // The page URL itself is its index.html.
      const asked = requests.map((u) => (u.endsWith('/') ? `${u}index.html` : u.split('?')[0]));
      const extra = asked.filter((u) => !counted.has(u) && !/icon-\d+\.png$|icon-maskable/.test(u));
      assert.deepEqual(extra, [], `${dir || 'unit'}: requested but not counted`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});
