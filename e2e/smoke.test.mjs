// Smoke test: the release build loads under a sub-path, mounts, and is clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, gotoApp, baseUrl, screenshot } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('app loads under a sub-path with no console errors', async (t) => {
  const { context, page, problems } = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await gotoApp(page, '', { selector: 'main' });

    assert.equal(await page.title(), 'Swanilai — Penilaian Mandiri Pemerintah Digital');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'an h1 is visible');
    // The static "Memuat Swanilai…" placeholder is gone once the app is up.
    assert.equal(await page.locator('#app-loading').isVisible(), false, 'loading placeholder hidden');

    // Every asset came from below the sub-path: relative public_url works.
    const outside = requests.filter((u) => u.startsWith('http') && !u.startsWith(baseUrl()));
    assert.deepEqual(outside, [], 'no request outside the sub-path');
    // The unit's page neither downloads nor parses ECharts (only the results app draws
    // charts, and only once a results screen opens).
    assert.equal(await page.evaluate(() => typeof globalThis.echarts), 'undefined');
    assert.deepEqual(requests.filter((u) => u.includes('echarts')), [], 'no ECharts request');

    const shot = await screenshot(page, 'smoke');
    t.diagnostic(`screenshot: ${shot}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
