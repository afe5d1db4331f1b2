// Two tabs on one draft or one workspace (issue 9): a save never writes over what the
// other tab saved; a tab with nothing unsaved takes the other's version; a tab with
// unsaved changes is told plainly and chooses (the other version, or its own kept as a
// copy, or downloaded), and neither version is lost. Two pages of one browser context,
// as two tabs of one browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, artifactDir, shownTexts, watchPage } from './lib.mjs';
import { newDraft, newWorkspace, saved, leavingAsks, idIn } from './flows.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'coordinator');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A second tab of the same browser on `url`, recording errors into `problems`. */
async function secondTab(context, url, problems) {
  const page = watchPage(await context.newPage(), problems, 'tab B');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('main[data-ready]');
  return page;
}

/** A new draft, saved, in tab A. */
async function draftInTabA(page) {
  await gotoApp(page);
  await newDraft(page);
  await saved(page);
}

async function openIndicator(page, n) {
  await page.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: new RegExp(`^${n} `) }).click();
  await page.getByRole('group', { name: `Tingkat indikator ${n}` }).waitFor();
}

const level = (page, n, l) => page.getByRole('group', { name: `Tingkat indikator ${n}` }).getByRole('radio', { name: new RegExp(`^Tingkat ${l} `) });

/** Holds every timer of both tabs (the autosave's 400 ms debounce) until released. */
async function holdTimers(context) {
  await context.clock.install();
  await context.clock.pauseAt(Date.now() + 1000);
}

/**
 * Tabs A and B (opened on A's new draft) both change indicator 1 — A to level 3, B to level
 * 4 — before either saves; then A saves (a tab being left saves at once), then B's save
 * comes. Returns tab B and the draft's id; timers stay held until `context.clock.resume()`.
 */
async function bothChange(context, a, problems, also = async () => {}) {
  await draftInTabA(a);
  const id = idIn(a);
  const b = await secondTab(context, a.url(), problems);
  await holdTimers(context);
  await level(a, 1, 3).check();
  await level(b, 1, 4).check();
  await also(b);
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await saved(a);
  await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  return { b, id };
}

const behindNotice = (page) => page.getByRole('alert').filter({ hasText: 'Ada versi yang lebih baru di tab lain' });

/** The draft as stored, read in the page: { indicator: value }. */
function storedValues(page, id) {
  return page.evaluate((key) => {
    const d = JSON.parse(localStorage.getItem(key));
    return Object.fromEntries(Object.entries(d.answers).map(([k, a]) => [k, a.value]));
  }, `swanilai.v1.draft.${id}`);
}

test('a draft in two tabs: a tab with nothing unsaved takes the other\'s save, and its own next save keeps both', async () => {
  const { context, page: a, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await draftInTabA(a);
    const url = a.url();
    const id = idIn(a);
    const b = await secondTab(context, url, problems);

    // Tab A: level 3 on indicator 1, saved.
    await level(a, 1, 3).check();
    await saved(a);
    // Tab B had nothing unsaved: it shows A's answer without being asked.
    await level(b, 1, 3).waitFor({ state: 'attached' });
    await b.waitForFunction(() => document.querySelector('input[type=radio]:checked') !== null);
    assert.ok(await level(b, 1, 3).isChecked(), 'tab B shows tab A\'s saved answer');
    // Tab B: level 2 on indicator 2, saved: A's answer is still there.
    await openIndicator(b, 2);
    await level(b, 2, 2).check();
    await saved(b);
    assert.deepEqual(await storedValues(b, id), { 1: 3, 2: 2 });

    // And tab A, in turn, shows B's answer; after a reload both are there.
    await openIndicator(a, 2);
    await a.waitForFunction(() => document.querySelector('input[type=radio]:checked') !== null);
    assert.ok(await level(a, 2, 2).isChecked());
    await a.reload();
    await a.waitForSelector('main[data-ready]');
    await openIndicator(a, 1);
    assert.ok(await level(a, 1, 3).isChecked());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a draft changed in both tabs at once: the tab behind stops saving, says so, and lets the user choose', async () => {
  const { context, page: a, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    // Both tabs change indicator 1 before either saves; A saves first.
    const { b, id } = await bothChange(context, a, problems, (b) => b.getByLabel('Fakta').fill('Perbup No. 12 Tahun 2024, versi tab B.'));

    // B is behind: it says so plainly, writes nothing, and keeps its work on screen.
    const notice = behindNotice(b);
    await notice.waitFor();
    assert.match(await notice.innerText(), /Draf ini juga diubah di tab atau jendela lain/);
    assert.match(await notice.innerText(), /Jawaban berbeda pada indikator 1\./);
    assert.match(await b.getByTestId('save-state').innerText(), /Belum tersimpan/);
    assert.deepEqual(await storedValues(b, id), { 1: 3 }, 'tab A\'s save is intact');
    assert.ok(await level(b, 1, 4).isChecked(), 'tab B still shows its own answer');
    // Leaving B now would lose its version: the browser asks first.
    assert.equal(await leavingAsks(b), true);
    await context.clock.resume();

    // Download: the file holds B's version.
    const [download] = await Promise.all([b.waitForEvent('download'), notice.getByRole('button', { name: 'Unduh versi tab ini' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.answers['1'].value, 4);
    assert.match(file.answers['1'].justification, /versi tab B/);

    // Keep B's version as a copy: B now shows the copy; A's draft is untouched.
    await notice.getByRole('button', { name: 'Simpan versi tab ini sebagai salinan' }).click();
    await b.waitForURL((u) => !u.hash.includes(id));
    await saved(b);
    const copyId = idIn(b);
    assert.notEqual(copyId, id);
    assert.deepEqual(await storedValues(b, copyId), { 1: 4 });
    assert.deepEqual(await storedValues(b, id), { 1: 3 });
    assert.match(await b.getByRole('heading', { level: 1 }).innerText(), /\(salinan dari tab lain\)$/);
    await gotoApp(b);
    assert.equal(await b.getByRole('table').getByRole('row').count(), 3, 'header + the draft + its copy');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the tab behind may instead take the other tab\'s version, and then saves on top of it', async () => {
  const { context, page: a, problems } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  try {
    const { b, id } = await bothChange(context, a, problems);
    const notice = behindNotice(b);
    await notice.waitFor();
    await notice.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await b.screenshot({ path: join(artifactDir(), 'tabs-draft-behind-390.png') });
    await b.setViewportSize({ width: 1366, height: 768 });
    await b.screenshot({ path: join(artifactDir(), 'tabs-draft-behind-1366.png') });
    await context.clock.resume();

    await notice.getByRole('button', { name: /^Pakai versi tab lain/ }).click();
    await notice.waitFor({ state: 'detached' });
    assert.ok(await level(b, 1, 3).isChecked(), 'B now shows A\'s version');
    assert.match(await b.getByTestId('save-state').innerText(), /^Tersimpan/);
    // B's next edit is saved over A's version, keeping it.
    await openIndicator(b, 2);
    await level(b, 2, 1).check();
    await saved(b);
    assert.deepEqual(await storedValues(b, id), { 1: 3, 2: 1 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** A new workspace, saved, in tab A; returns its import tab's URL. */
async function workspaceInTabA(page) {
  await newWorkspace(page);
  await saved(page);
  return page.url();
}

const importFiles = (page, names) => page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(names.map((f) => join(FIXTURES, f)));
const filesInUse = (page) => shownTexts(page.getByRole('region', { name: 'Berkas yang dipakai' }).getByRole('rowheader'));

test('a workspace in two tabs: files imported in each tab both stay', async () => {
  const { context, page: a, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    const url = await workspaceInTabA(a);
    const b = await secondTab(context, url, problems);
    await importFiles(a, ['diskominfo.json']);
    await a.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await saved(a);
    // B, opened before, had nothing unsaved: it now lists A's file too.
    await b.getByRole('region', { name: 'Berkas yang dipakai' }).getByRole('rowheader', { name: 'Diskominfo' }).waitFor();
    await importFiles(b, ['bkpsdm-e2e.json']);
    await b.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await saved(b);
    for (const p of [a, b]) {
      await p.reload();
      await p.waitForSelector('main[data-ready]');
      assert.deepEqual((await filesInUse(p)).sort(), ['BKPSDM', 'Diskominfo']);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a workspace changed in both tabs at once: the tab behind keeps its import as a copy', async () => {
  const { context, page: a, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    const url = await workspaceInTabA(a);
    const wsId = idIn(a);
    const b = await secondTab(context, url, problems);
    await holdTimers(context);
    await importFiles(a, ['diskominfo.json']);
    await a.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await importFiles(b, ['bkpsdm-e2e.json']);
    await b.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await saved(a);
    await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));

    const notice = behindNotice(b);
    await notice.waitFor();
    const said = await notice.innerText();
    assert.match(said, /Ruang kerja ini juga diubah di tab atau jendela lain/);
    assert.match(said, /Berkas unit yang hanya ada di versi ini: BKPSDM \(bkpsdm-e2e\.json\)/);
    assert.match(said, /Berkas unit yang hanya ada di versi lain: Diskominfo \(diskominfo\.json\)/);
    await notice.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await b.screenshot({ path: join(artifactDir(), 'tabs-workspace-behind-1366.png') });
    await b.setViewportSize({ width: 390, height: 844 });
    await notice.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await b.screenshot({ path: join(artifactDir(), 'tabs-workspace-behind-390.png') });
    await b.setViewportSize({ width: 1366, height: 768 });
    await context.clock.resume();

    await notice.getByRole('button', { name: 'Simpan versi tab ini sebagai salinan' }).click();
    await b.waitForURL((u) => !u.hash.includes(wsId));
    await saved(b);
    assert.deepEqual(await filesInUse(b), ['BKPSDM']);
    await a.reload();
    await a.waitForSelector('main[data-ready]');
    assert.deepEqual(await filesInUse(a), ['Diskominfo']);
    // Both workspaces are listed.
    // (The coordinator's own page: the unit's page would mount first, then forward there.
    // The list is read from storage after the screen is up: wait for its rows.)
    await gotoApp(b, 'koordinator/#/koordinator');
    const rows = b.getByRole('region', { name: 'Ruang kerja di browser ini' }).getByRole('row');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3, 'header + the workspace + its copy');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
