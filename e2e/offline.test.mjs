// Offline and installable (issue 12): after one visit of the unit's app, the service
// worker has every file of the three apps, so with the network off the start page, a
// draft, the coordinator and results with charts all open; the browser considers the
// app installable; a new release is offered (also to a new tab, by itself) and applied
// only when the user accepts; and where service workers are unavailable the app still
// runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { launchBrowser, openPage, gotoApp, baseUrl, screenshot, CHROMIUM_PATH, CHROMIUM_ARGS, watchPage } from './lib.mjs';
import { startServer } from '../scripts/serve-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(root, 'tests/fixtures/results/consolidated-spbe-2020-2026.json');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Waits until a service worker controls nothing yet but is active: its install (the
 *  download of every file) has finished. Returns the cache names. */
async function swReady(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return caches.keys();
  });
}

/** A first visit of the release `server` serves: the page ready and the worker installed.
 *  Returns the cache names. */
async function firstVisit(page, server) {
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('main[data-ready]');
  return swReady(page);
}

/** A copy of the release on a server of its own, to publish a "new version" into. */
async function releaseCopy(name) {
  const site = mkdtempSync(join(tmpdir(), `swanilai-${name}-`));
  cpSync(join(root, 'dist'), site, { recursive: true });
  return { site, server: await startServer({ root: site, prefix: '/spbe/' }) };
}

/** Publishes a new release into that copy: another worker VERSION, so a byte-different
 *  sw.js. */
function publishRelease(site, version) {
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  writeFileSync(join(site, 'sw.js'), sw.replace(/const VERSION = '([0-9a-f]+)'/, `const VERSION = '${version}'`));
}

/** Opens the results fixture from the start page: it becomes a draft; returns its id. */
async function draftFromFixture(page) {
  await page.getByLabel('Pilih berkas .json').setInputFiles(FIXTURE);
  await page.getByRole('link', { name: 'Hasil & perencanaan' }).waitFor();
  return new URL(page.url()).hash.split('/')[2];
}

test('after one visit the unit app, a draft, the coordinator and results with charts work offline', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    const draft = await draftFromFixture(page);
    const caches = await swReady(page);
    assert.equal(caches.filter((c) => c.startsWith('swanilai-')).length, 1, `one release cached: ${caches}`);
    const name = await page.getByRole('heading', { level: 1 }).first().innerText();

    await context.setOffline(true);
    await page.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'Mulai penilaian baru' }).waitFor();
    // The existing draft is listed and opens, with its indicator texts (the framework's
    // criteria come from a file of their own, cached like the rest).
    await page.getByRole('link', { name: name.trim() }).first().click();
    await page.getByRole('heading', { level: 1, name: name.trim() }).waitFor();
    await page.getByRole('link', { name: /^1\b/ }).first().click();
    await page.getByRole('radio').first().waitFor();
    assert.ok(!(await page.getByText('—', { exact: true }).first().isVisible().catch(() => false)), 'criteria texts, not placeholders');

    // The coordinator's app, from its bare URL: its own home.
    await page.goto(`${baseUrl()}koordinator/`, { waitUntil: 'domcontentloaded' });
    // (In <main>: the app's, not the page's own first screen, which has the same heading.)
    await page.locator('main').getByRole('heading', { level: 1, name: 'Ruang kerja koordinator' }).waitFor();

    // Results with charts: the ECharts bundle, loaded only now, comes from the cache too.
    await page.goto(`${baseUrl()}hasil/#/draf/${draft}/hasil`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('index').waitFor();
    for (const id of ['chart-bands', 'chart-radar', 'chart-bars']) {
      await page.getByTestId(id).locator('svg text').first().waitFor();
      assert.ok(await page.getByTestId(id).getAttribute('_echarts_instance_'), `${id} drawn by ECharts offline`);
    }
    // The results app's bare URL: its own home, listing the draft.
    await page.goto(`${baseUrl()}hasil/`, { waitUntil: 'domcontentloaded' });
    // (The page's own first screen has the same heading before the app mounts: wait for the
    // app's list.)
    await page.locator('main').getByRole('heading', { level: 1, name: 'Hasil dan laporan' }).waitFor();
    await page.getByRole('link', { name: name.trim() }).first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a repeat visit the browser answers the release files from the cache without waiting for the worker', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await swReady(page);
    // Installed now. A new tab, as on another day: the unit's home, then the coordinator's.
    const again = watchPage(await context.newPage(), problems, 'second visit');
    // How Chromium answered each response: which static route matched, from which source.
    const answered = new Map();
    const cdp = await context.newCDPSession(again);
    await cdp.send('Network.enable');
    cdp.on('Network.responseReceived', ({ response }) => {
      if (response.url.startsWith(baseUrl())) answered.set(response.url.slice(baseUrl().length), response);
    });
    await again.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
    await again.getByRole('heading', { name: 'Mulai penilaian baru' }).waitFor();
    await again.goto(`${baseUrl()}koordinator/`, { waitUntil: 'domcontentloaded' });
    await again.locator('main').getByRole('heading', { level: 1, name: 'Ruang kerja koordinator' }).waitFor();
    // The pages, styles, scripts and wasm: all from the cache by the route.
    for (const name of ['', 'koordinator/']) assert.ok(answered.has(name), `the page ${name || '(root)'} was loaded`);
    const kinds = (re) => [...answered.keys()].filter((u) => re.test(u));
    assert.ok(kinds(/\.wasm$/).length >= 2 && kinds(/\.css$/).length >= 2, `wasm and styles loaded: ${[...answered.keys()]}`);
    for (const [url, { serviceWorkerRouterInfo: info }] of answered) {
      assert.equal(info?.actualSourceType, 'cache', `${url || '(root)'}: answered by the route from the cache (${JSON.stringify(info)})`);
    }

    // What the routes leave to the worker's script, an address with a query, still opens
    // offline: the handler answers it with the same page.
    answered.clear();
    await context.setOffline(true);
    await again.goto(`${baseUrl()}koordinator/?dari=tautan`, { waitUntil: 'domcontentloaded' });
    await again.locator('main').getByRole('heading', { level: 1, name: 'Ruang kerja koordinator' }).waitFor();
    const query = answered.get('koordinator/?dari=tautan');
    assert.ok(query, 'the page with a query was loaded');
    assert.equal(query.fromServiceWorker, true, 'answered by the worker');
    assert.equal(query.serviceWorkerRouterInfo?.matchedSourceType, undefined, `no route for a query (${JSON.stringify(query.serviceWorkerRouterInfo)})`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a host that redirects index.html to its folder, the apps still open offline', async () => {
  // Such a host answers the worker's download of `…/index.html` with a redirect; a page
  // kept as that redirected answer is refused by the browser for a navigation.
  const server = await startServer({ root: join(root, 'dist'), prefix: '/spbe/', prettyUrls: true });
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await firstVisit(page, server);
    await context.setOffline(true);
    // (The pages with a query are answered by the worker's fetch handler, the others by
    // the static routes where the browser has them.)
    for (const [path, heading] of [
      ['', 'Mulai penilaian baru'], ['koordinator/', 'Ruang kerja koordinator'], ['hasil/', 'Hasil dan laporan'],
      ['?dari=tautan', 'Mulai penilaian baru'], ['koordinator/?dari=tautan', 'Ruang kerja koordinator'],
    ]) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
      await page.locator('main').getByRole('heading', { name: heading }).waitFor();
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the browser finds the app installable: manifest, icons, service worker', async () => {
  // A profile on disk: Chromium never offers to install from an incognito-like context.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'swanilai-profile-')), {
    executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, locale: 'id-ID',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  try {
    await gotoApp(page);
    await swReady(page);
    await page.reload({ waitUntil: 'domcontentloaded' }); // now controlled by the worker
    await page.waitForSelector('main[data-ready]');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${baseUrl()}manifest.webmanifest`);
    assert.deepEqual(manifestErrors, []);
    const manifest = JSON.parse(data);
    assert.equal(manifest.short_name, 'Swanilai');
    assert.equal(manifest.lang, 'id');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a new release is offered, and applied only when the user accepts', async () => {
  const { site, server } = await releaseCopy('update');
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    const [before] = (await firstVisit(page, server)).filter((c) => c.startsWith('swanilai-'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByLabel('Nama instansi').waitFor();
    // Work in progress: a half-filled form that a forced reload would lose.
    await page.getByLabel('Nama instansi').fill('Pemerintah Kota Belum Disimpan');
    await page.evaluate(() => { window.__samePage = true; });

    publishRelease(site, 'baru0000000000000');
    // The browser looks for a new worker on navigation, or when asked (as pwa.js does
    // when a tab comes back to the foreground).
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    const offer = page.getByRole('status').filter({ hasText: 'Versi baru tersedia' });
    await offer.waitFor();
    await screenshot(page, 'update-offer');
    // Offered, not forced: same page, the typed text still there, the old release in use.
    assert.equal(await page.evaluate(() => window.__samePage), true);
    assert.equal(await page.getByLabel('Nama instansi').inputValue(), 'Pemerintah Kota Belum Disimpan');
    assert.ok((await page.evaluate(() => caches.keys())).includes(before), 'the running release keeps its files');

    // "Nanti" hides it; the next look (here: a reload) offers it again.
    await offer.getByRole('button', { name: 'Nanti' }).click();
    assert.equal(await offer.count(), 0);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await offer.waitFor();

    // Accepting reloads into the new release; the old one's cache is gone.
    await Promise.all([
      page.waitForEvent('load'),
      offer.getByRole('button', { name: 'Muat ulang' }).click(),
    ]);
    await page.waitForSelector('main[data-ready]');
    const after = await page.evaluate(() => caches.keys());
    assert.deepEqual(after.filter((c) => c.startsWith('swanilai-')), ['swanilai-baru0000000000000']);
    assert.equal(await offer.count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new tab finds a new release by itself, though the routes answer its page', async () => {
  // The browser checks for a new worker after a navigation even when a static route, not
  // the worker, answered it: no call to update() here.
  const { site, server } = await releaseCopy('update-tab');
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await firstVisit(page, server);
    await page.close();
    publishRelease(site, 'baru1111111111111');
    const tab = watchPage(await context.newPage(), problems, 'new tab');
    await tab.goto(server.url, { waitUntil: 'domcontentloaded' });
    await tab.getByRole('status').filter({ hasText: 'Versi baru tersedia' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('without service workers the app still runs online', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  try {
    await gotoApp(page);
    await page.getByRole('heading', { name: 'Mulai penilaian baru' }).waitFor();
    await gotoApp(page, 'koordinator/');
    await page.getByRole('heading', { level: 1, name: 'Ruang kerja koordinator' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('opened from a file (file://) the page says how to run it instead of hanging', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(pathToFileURL(join(root, 'dist', 'index.html')).href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /python -m http\.server 8000/);
    assert.match(await alert.innerText(), /file:\/\//);
    await screenshot(page, 'file-url');
  } finally {
    await context.close();
  }
});
