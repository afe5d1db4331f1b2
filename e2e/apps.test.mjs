// The release ships three apps (unit at ./, coordinator at ./koordinator/, results at
// ./hasil/) sharing local storage: links and deep links cross between them, under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, gotoApp, baseUrl } from './lib.mjs';
import { startDraft } from './flows.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the start page links to the coordinator app, and a deep link to another app is forwarded', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    // Said at the top too, for a coordinator who never scrolls down.
    const top = page.getByRole('link', { name: 'Ke ruang kerja koordinator' });
    assert.ok(await top.isVisible());
    assert.equal(await top.getAttribute('href'), await page.getByRole('link', { name: 'Buka ruang kerja koordinator' }).getAttribute('href'));
    await page.getByRole('link', { name: 'Buka ruang kerja koordinator' }).click();
    await page.waitForURL(`${baseUrl()}koordinator/#/koordinator`);
    await page.waitForSelector('main[data-ready]');
    assert.ok(await page.getByRole('heading', { level: 1 }).first().isVisible());

    // A results link opened in the unit's app goes to the results app, keeping the draft id.
    await page.goto(`${baseUrl()}#/draf/tidak-ada/hasil`);
    await page.waitForURL(`${baseUrl()}hasil/#/draf/tidak-ada/hasil`);
    await page.waitForSelector('main[data-ready]');
    // That draft does not exist in this browser: a clear message, not a blank page.
    await page.getByText('Draf ini tidak ditemukan di browser ini').waitFor();
    // And back: the results app sends the start screen to the unit's app.
    await page.goto(`${baseUrl()}hasil/#/`);
    await page.waitForURL(`${baseUrl()}#/`);
    await page.getByRole('heading', { name: 'Mulai penilaian baru' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a draft made in the unit app opens in the results app', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await startDraft(page, { institution: 'Pemerintah Kota Uji', period: null, unit: 'Diskominfo', framework: null });
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    const draft = new URL(page.url()).hash.split('/')[2];
    await page.getByRole('link', { name: 'Hasil & perencanaan' }).click();
    await page.waitForURL(`${baseUrl()}hasil/#/draf/${draft}/hasil`);
    await page.getByRole('heading', { level: 1, name: /Diskominfo/ }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
