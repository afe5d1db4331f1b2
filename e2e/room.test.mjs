// Room for a real workspace (issue 11, point 5): the coordinator's workspace lives in
// IndexedDB, so 300 full unit files (all 47 SPBE 2020 indicators, 2 KB justifications,
// three evidence items each: about 110 KB a file, the size local storage held 46 of) fit
// and are all there after a reload; a workspace left in local storage by the previous
// release moves to IndexedDB on the first opening, without loss, and a damaged one is
// kept aside, not deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, shownTexts, watchPage } from './lib.mjs';
import { newWorkspace, saved, idIn, idbText } from './flows.mjs';
import { generateFiles } from '../scripts/bench-merge.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'coordinator');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const filesInUse = (page) => page.getByRole('region', { name: 'Berkas yang dipakai' }).getByRole('rowheader');
const workspaceRows = (page) => page.getByRole('region', { name: 'Ruang kerja di browser ini' }).getByRole('row');
const pick = (page, names) => page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(names.map((f) => join(FIXTURES, f)));

const localKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

test('300 full unit files fit in one workspace and are all there after a reload', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await newWorkspace(page);
    await saved(page);
    const id = idIn(page);
    const files = generateFiles(300);
    const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
    assert.ok(bytes > 30e6, `300 full files are over 30 MB (${bytes})`);
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(files);
    await page.getByText('300 berkas diproses: 300 diterima.').waitFor({ timeout: 120000 });
    await page.getByTestId('save-state').filter({ hasText: 'Tersimpan' }).waitFor({ timeout: 120000 });

    // In IndexedDB, not in local storage (which could not hold it).
    const stored = JSON.parse(await idbText(page, `swanilai.v1.workspace.${id}`));
    assert.equal(stored.submissions.length, 300);
    assert.ok(!(await localKeys(page)).includes(`swanilai.v1.workspace.${id}`));

    await page.reload();
    await page.waitForSelector('main[data-ready]');
    await page.getByRole('region', { name: 'Berkas yang dipakai' }).waitFor({ timeout: 60000 });
    await filesInUse(page).filter({ hasText: 'Unit Kerja 300' }).waitFor();
    assert.equal(await filesInUse(page).count(), 300);
    // Listed on the coordinator's home with its 300 files.
    await gotoApp(page, '#/koordinator');
    await workspaceRows(page).nth(1).waitFor();
    assert.match(await workspaceRows(page).nth(1).innerText(), /\b300\b/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a workspace in local storage from the previous release moves to IndexedDB on opening, without loss', async () => {
  let { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    // A workspace with two unit files, saved; its stored text is what the previous
    // release kept in local storage under the same key (same format, with its revision).
    await newWorkspace(page);
    const id = idIn(page);
    await pick(page, ['diskominfo.json', 'bkpsdm-e2e.json']);
    await page.getByText('2 berkas diproses: 2 diterima.').waitFor();
    await saved(page);
    const key = `swanilai.v1.workspace.${id}`;
    const text = await idbText(page, key);
    assert.ok(text);

    // The previous release: the workspace in local storage, nothing in IndexedDB; and a
    // second workspace entry that no longer reads. Set up in a new tab before the app's
    // own script runs (this tab's app holds IndexedDB open, which would block the delete).
    await page.close();
    await context.addInitScript(({ key, text }) => {
      if (sessionStorage.getItem('e2e-previous-release')) return;
      sessionStorage.setItem('e2e-previous-release', '1');
      indexedDB.deleteDatabase('swanilai');
      localStorage.setItem(key, text);
      localStorage.setItem('swanilai.v1.workspace.rusak-lama', '{"id": "rusak-lama", "name": "terpoto');
    }, { key, text });
    page = watchPage(await context.newPage(), problems);

    // First opening of the coordinator's home: moved, verified, listed.
    await gotoApp(page, '#/koordinator');
    await page.getByText('1 ruang kerja dipindahkan dari penyimpanan lokal ke IndexedDB').waitFor();
    await page.getByText('Ruang kerja di penyimpanan lokal rusak dan tidak dipindahkan.').waitFor();
    await workspaceRows(page).nth(1).waitFor();
    assert.equal(await workspaceRows(page).count(), 2, 'header + the moved workspace');
    assert.equal(await idbText(page, key), text, 'byte for byte in IndexedDB');
    const keys = await localKeys(page);
    assert.ok(!keys.includes(key), 'no longer a local workspace');
    assert.ok(keys.includes(`swanilai.v1.dipindah.workspace.${id}`), 'kept as a backup until the next save');
    assert.equal(await page.evaluate(() => localStorage.getItem('swanilai.v1.rusak.workspace.rusak-lama.1')), '{"id": "rusak-lama", "name": "terpoto', 'the damaged one kept aside');

    // It opens with both files; the first save from IndexedDB drops the backup.
    await workspaceRows(page).nth(1).getByRole('link').first().click();
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByRole('region', { name: 'Berkas yang dipakai' }).waitFor();
    assert.deepEqual((await shownTexts(filesInUse(page))).sort(), ['BKPSDM', 'Diskominfo']);
    await pick(page, ['inspektorat.json']);
    await page.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await saved(page);
    assert.ok(!(await localKeys(page)).includes(`swanilai.v1.dipindah.workspace.${id}`), 'backup dropped after the save');
    assert.equal(JSON.parse(await idbText(page, key)).submissions.length, 3);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
