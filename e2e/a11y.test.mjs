// Accessibility (issue 3): every screen passes axe-core's WCAG 2.1 A/AA rules — labelled
// controls, names for buttons and links, AA contrast, valid ARIA, landmarks — in both
// languages, and the main flow works with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp } from './lib.mjs';
import { startDraft } from './flows.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'coordinator');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** axe-core's WCAG 2.1 A and AA violations on the page as it is now. */
async function violations(page, where) {
  // Evaluated through the DevTools protocol: the page's strict CSP (rightly) refuses the
  // inline <script> that addScriptTag would insert.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found.map((v) => `${where}: ${v}`);
}

async function newDraft(page, framework) {
  await startDraft(page, { period: null, unit: 'Diskominfo', framework: new RegExp(framework) });
  await page.locator('#indicator-title').waitFor();
}

test('the unit app passes axe (WCAG 2.1 AA) in Indonesian and English', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  const found = [];
  try {
    await gotoApp(page);
    found.push(...await violations(page, 'start'));
    await newDraft(page, 'SPBE 2020');
    await page.getByRole('group', { name: 'Tingkat indikator 1' }).getByRole('radio', { name: /^Tingkat 3 / }).check();
    await page.getByRole('button', { name: '+ Tambah bukti' }).click();
    found.push(...await violations(page, 'fill (SPBE 2020, with a warning and an evidence row)'));
    await page.getByRole('button', { name: /English/ }).click();
    found.push(...await violations(page, 'fill in English'));
    await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
    await page.getByRole('heading', { name: 'Unduh berkas jawaban' }).waitFor();
    found.push(...await violations(page, 'export'));

    await gotoApp(page);
    await newDraft(page, 'Pemdi 2026');
    await page.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^3\.1 / }).click();
    await page.getByLabel(/^Nilai \(1,00/).fill('2,47');
    found.push(...await violations(page, 'fill (Pemdi, external indicator, decimal value)'));
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the coordinator and results apps pass axe (WCAG 2.1 AA)', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  const found = [];
  try {
    await gotoApp(page, 'koordinator/#/koordinator');
    await page.getByRole('heading', { level: 2, name: 'Ruang kerja baru' }).waitFor();
    found.push(...await violations(page, 'coordinator home'));
    await page.getByRole('radio', { name: /SPBE 2020/ }).check();
    await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Karanganyar');
    await page.getByLabel(/^Nama koordinator/).fill('Tim Koordinasi SPBE');
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
    await page.getByRole('link', { name: '1. Unit & penugasan' }).waitFor();
    found.push(...await violations(page, 'units & assignments'));
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(
      ['diskominfo.json', 'bkpsdm-e2e.json', 'invalid-inspektorat.json'].map((f) => join(FIXTURES, f)),
    );
    await page.getByText(/berkas diproses/).waitFor();
    found.push(...await violations(page, 'import with a refused file'));
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    await page.getByRole('heading', { name: /Cakupan/ }).first().waitFor();
    found.push(...await violations(page, 'coverage'));
    await page.getByRole('link', { name: /^4\. Konflik/ }).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    found.push(...await violations(page, 'conflicts'));
    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    await page.waitForURL(/\/hasil\//);
    await page.locator('svg').first().waitFor();
    found.push(...await violations(page, 'results'));
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the unit flow works with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    // The skip link is the first stop and moves focus to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lompat ke isi');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Fill the new-assessment form by keyboard: the framework is a radio group (Pemdi 2026
    // first, then SPBE 2020), and focus moves field to field with Tab.
    await page.locator('#fw-pemdi-2026').focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#fw-spbe-2020').isChecked(), 'SPBE 2020 chosen with the arrow keys');
    await page.getByLabel('Nama instansi').focus();
    await page.keyboard.type('Pemerintah Kota Uji');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('BKPSDM');
    await page.keyboard.press('Enter');
    await page.locator('#indicator-title').waitFor();
    // Levels are a radio group: focus one level card, then arrow keys move the choice.
    await page.locator('#level-1-1').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.locator('#level-1-3').isChecked(), 'level 3 chosen with the arrow keys');
    // The focused control shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.closest('.level-card')).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the Pemdi evidence-item checklist works with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    // Pemdi 2026 is the first framework, chosen unless another is picked.
    await page.getByLabel('Nama instansi').focus();
    await page.keyboard.type('Pemerintah Kota Uji');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Diskominfo');
    await page.keyboard.press('Enter');
    await page.locator('#indicator-title').waitFor();
    // Each evidence item is a radio group of its states: focus the first, arrows move.
    const held = page.locator('[id="item-1.L1.1-ada"]');
    await held.focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.locator('[id="item-1.L1.1-sebagian"]').isChecked(), '"sebagian" chosen with an arrow key');
    await page.keyboard.press('ArrowLeft');
    assert.ok(await held.isChecked(), '"ada" chosen with an arrow key');
    // The only level-1 item held: the suggestion is level 1 complete, and it is taken with
    // Tab and Enter from the checklist.
    const take = page.getByTestId('suggestion-1').getByRole('button', { name: 'Pakai saran ini' });
    await take.waitFor();
    for (let i = 0; i < 200 && !(await take.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('suggestion-1').getByText('Nilai Anda mengikuti saran ini', { exact: false }).waitFor();
    // The button stays where the focus was (taken: aria-disabled), with its focus ring.
    assert.ok(await take.evaluate((b) => b === document.activeElement), 'focus stays on the button');
    assert.equal(await take.getAttribute('aria-disabled'), 'true');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button shows a focus ring');
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
