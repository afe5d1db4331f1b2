// The unit's workflow end to end (issue 3): fill three indicators, reload and find
// them restored, export, and check the exported file; a damaged storage entry and bad
// import files give a visible message and lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openPage, gotoApp, screenshot, artifactDir } from './lib.mjs';
import { newDraft, startDraft, leavingAsks, blockStorage, saved, idIn } from './flows.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });


/** Opens indicator `n` from the side list. */
async function openIndicator(page, n, name) {
  await page.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: new RegExp(`^${n} `) }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

/** What the unit enters: three indicators, each with a level, Fakta/Analisis and evidence. */
const ANSWERS = [
  { n: '1', name: /Kebijakan Internal Arsitektur SPBE/, level: 3,
    fakta: 'Perbup No. 12 Tahun 2024 tentang Arsitektur SPBE, Pasal 4, hlm. 3.',
    analisis: 'Mengatur referensi arsitektur dan keenam domain: kriteria tingkat 3.',
    evidence: { title: 'Perbup 12/2024 Arsitektur SPBE', reference: 'Pasal 4, hlm. 3', link: '1.a.Perbup-12-2024.pdf', level: '3' } },
  { n: '25', name: /Kompetensi Sumber Daya Manusia/, level: 2,
    fakta: 'Laporan pengembangan kompetensi ASN 2026.', analisis: 'Sebagian kompetensi terpenuhi.', evidence: null },
  { n: '36', name: /Layanan Kepegawaian/, level: 4,
    fakta: 'SIMPEG terintegrasi dengan SIASN BKN.', analisis: 'Kolaborasi vertikal: tingkat 4.',
    evidence: { title: 'Tangkapan layar integrasi SIASN', reference: 'hlm. 2', link: 'https://simpeg.example.go.id', level: '4' } },
];


test('a unit fills three indicators, reloads, finds them restored and exports exactly those answers', async (t) => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await newDraft(page);

    for (const a of ANSWERS) {
      await openIndicator(page, a.n, a.name);
      // The level choice is reachable by its label, inside the group named after the indicator.
      const group = page.getByRole('group', { name: `Tingkat indikator ${a.n}` });
      await group.getByRole('radio', { name: new RegExp(`^Tingkat ${a.level} `) }).check();
      await page.getByLabel('Fakta').fill(a.fakta);
      await page.getByLabel('Analisis').fill(a.analisis);
      if (a.evidence) {
        await page.getByRole('button', { name: '+ Tambah bukti' }).click();
        await page.getByLabel('Judul dokumen/bukti').fill(a.evidence.title);
        await page.getByLabel('Rujukan (pasal, halaman)').fill(a.evidence.reference);
        await page.getByLabel('Tautan atau lokasi berkas').fill(a.evidence.link);
        await page.getByLabel('Mendukung tingkat').selectOption(a.evidence.level);
      }
    }
    // The save state turns to "Tersimpan" after the debounce.
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    // On the user's clock and named as they name it (the page runs on Jakarta time).
    assert.match(await page.getByTestId('save-state').innerText(), /^Tersimpan \d{2}\.\d{2} WIB$/);
    // Saved: leaving the page does not ask.
    assert.equal(await leavingAsks(page), false);
    assert.match(await page.getByText(/dari 47 indikator terjawab/).innerText(), /^3 dari 47/);

    // Close and reopen: a fresh page in the same browser profile.
    const draftUrl = page.url();
    await page.reload();
    await page.waitForSelector('main[data-ready]');
    assert.equal(page.url(), draftUrl, 'the deep link survives a reload');
    for (const a of ANSWERS) {
      await openIndicator(page, a.n, a.name);
      const group = page.getByRole('group', { name: `Tingkat indikator ${a.n}` });
      assert.ok(await group.getByRole('radio', { name: new RegExp(`^Tingkat ${a.level} `) }).isChecked(), `level of ${a.n} restored`);
      assert.equal(await page.getByLabel('Fakta').inputValue(), a.fakta);
      assert.equal(await page.getByLabel('Analisis').inputValue(), a.analisis);
      if (a.evidence) assert.equal(await page.getByLabel('Judul dokumen/bukti').inputValue(), a.evidence.title);
    }
    await screenshot(page, 'unit-fill-restored');

    // Export.
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
    await page.getByRole('heading', { name: 'Unduh berkas jawaban' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh berkas (.json)' }).click(),
    ]);
    const name = download.suggestedFilename();
    assert.match(name, /^swanilai-jawaban-bkpsdm-spbe-2020-2026-\d{8}-\d{4}\.json$/);
    const saved = join(artifactDir(), name);
    await download.saveAs(saved);
    const file = JSON.parse(await readFile(saved, 'utf8'));

    // The exchange contract (docs/FORMAT.md).
    assert.equal(file.format, 'swanilai');
    assert.equal(file.version, 1);
    assert.equal(file.kind, 'submission');
    assert.equal(file.framework, 'spbe-2020');
    assert.equal(file.institution, 'Pemerintah Kabupaten Karanganyar');
    assert.equal(file.period, '2026');
    assert.deepEqual(file.unit, { id: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' });
    assert.match(file.exported_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The name carries the time on the user's clock (WIB, UTC+7), the file the UTC instant.
    const wib = new Date(Date.parse(file.exported_at) + 7 * 3600_000).toISOString();
    assert.equal(name.slice(-18, -5), `${wib.slice(0, 10).replaceAll('-', '')}-${wib.slice(11, 16).replace(':', '')}`);
    // Exactly the three answers, nothing else.
    assert.deepEqual(Object.keys(file.answers).sort(), ['1', '25', '36']);
    for (const a of ANSWERS) {
      const got = file.answers[a.n];
      assert.equal(got.value, a.level, `value of ${a.n}`);
      assert.equal(got.justification, `Fakta: ${a.fakta}\nAnalisis: ${a.analisis}`);
      if (a.evidence) {
        assert.equal(got.evidence.length, 1);
        assert.deepEqual(
          { title: got.evidence[0].title, reference: got.evidence[0].reference, link: got.evidence[0].link, level: got.evidence[0].level },
          { ...a.evidence, level: Number(a.evidence.level) },
        );
      } else {
        assert.deepEqual(got.evidence, []);
      }
      assert.match(got.updated_at, /^\d{4}-\d\d-\d\dT/);
    }
    await screenshot(page, 'unit-export');

    // The exported file passes the app's own import validation: reopen it from the start screen.
    await gotoApp(page);
    await page.getByLabel('Pilih berkas .json').setInputFiles(saved);
    await page.getByRole('heading', { level: 2, name: /Kebijakan Internal Arsitektur SPBE/ }).waitFor();
    assert.match(await page.getByText(/dari 47 indikator terjawab/).innerText(), /^3 dari 47/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a damaged storage entry is reported and kept aside; other drafts stay', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await newDraft(page);
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    await page.evaluate(() => localStorage.setItem('swanilai.v1.draft.rusak1', '{"id": "rusak1", "name": '));
    await gotoApp(page);
    const notice = page.getByRole('status').filter({ hasText: 'rusak dan tidak dapat dibaca' });
    await notice.waitFor();
    assert.ok(await notice.getByText('swanilai.v1.rusak.draft.rusak1.1').isVisible(), 'where it was kept is shown');
    // The good draft is still listed; the damaged text is kept, not deleted.
    assert.equal(await page.getByRole('table').getByRole('row').count(), 2, 'header + one draft');
    const kept = await page.evaluate(() => localStorage.getItem('swanilai.v1.rusak.draft.rusak1.1'));
    assert.equal(kept, '{"id": "rusak1", "name": ');
    // Its raw text can be downloaded.
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Unduh' }).click()]);
    assert.equal(download.suggestedFilename(), 'swanilai.v1.rusak.draft.rusak1.1.txt');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('bad import files show every problem and change nothing', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await newDraft(page);
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    await gotoApp(page);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

    const dir = artifactDir();
    const notJson = join(dir, 'bukan-json.json');
    await writeFile(notJson, 'ini bukan JSON {');
    const wrong = join(dir, 'salah.json');
    await writeFile(wrong, JSON.stringify({
      format: 'swanilai', version: 99, kind: 'submission', framework: 'spbe-2020', institution: 'X', period: '2026',
      unit: { id: 'u', name: 'U' }, exported_at: '2026-11-28T09:30:00Z', answers: { '99': { value: 7 } },
    }));
    const outOfRange = join(dir, 'nilai-salah.json');
    await writeFile(outOfRange, JSON.stringify({
      format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020', institution: 'X', period: '2026',
      unit: { id: 'u', name: 'U' }, exported_at: '2026-11-28T09:30:00Z',
      answers: { '99': { value: 3 }, '12': { value: 7 }, '13': { value: 'tiga' } },
    }));
    await page.getByLabel('Pilih berkas .json').setInputFiles([notJson, wrong, outOfRange]);

    const alerts = page.getByRole('alert');
    await alerts.filter({ hasText: 'nilai-salah.json' }).waitFor();
    assert.ok(await alerts.filter({ hasText: 'bukan-json.json' }).isVisible());
    assert.ok(await alerts.filter({ hasText: 'salah.json' }).first().isVisible());
    // Every problem of the multi-problem file is listed with its place.
    const many = alerts.filter({ hasText: 'nilai-salah.json' });
    for (const path of ['$.answers.99', '$.answers.12.value', '$.answers.13.value']) {
      assert.ok(await many.getByText(path, { exact: false }).first().isVisible(), `problem at ${path} shown`);
    }
    assert.ok(await many.getByText('tidak ada data yang berubah').isVisible());
    await screenshot(page, 'unit-bad-import');

    const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    assert.equal(after, before, 'local storage untouched by failed imports');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with browser storage full the unit keeps typing, is told plainly, and can still export', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await newDraft(page);
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    // Fill local storage to within a few hundred bytes of its quota.
    await page.evaluate(() => {
      let size = 1 << 23;
      let n = 0;
      while (size >= 256) {
        try { localStorage.setItem(`isi-${n}`, 'x'.repeat(size)); n++; } catch { size >>= 1; }
      }
    });
    const group = page.getByRole('group', { name: 'Tingkat indikator 1' });
    await group.getByRole('radio', { name: /^Tingkat 2 / }).check();
    await page.getByLabel('Fakta').fill('Perbup No. 7 Tahun 2025 tentang Arsitektur SPBE. '.repeat(20));
    await page.getByTestId('save-state').filter({ hasText: 'Belum tersimpan' }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan browser penuh' });
    await alert.waitFor();
    // The work is still on screen, moving between indicators keeps it (nothing is re-read).
    await openIndicator(page, '2', /Peta Rencana/);
    await openIndicator(page, '1', /Arsitektur SPBE/);
    assert.ok(await group.getByRole('radio', { name: /^Tingkat 2 / }).isChecked());
    assert.match(await page.getByLabel('Fakta').inputValue(), /^Perbup No\. 7/);
    // The offered way out: the file of what is on screen, downloaded from this page.
    const url = page.url();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Unduh berkas sekarang' }).click(),
    ]);
    assert.equal(page.url(), url, 'the page stays where it is');
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.kind, 'submission');
    assert.equal(file.answers['1'].value, 2);
    assert.match(file.answers['1'].justification, /^Fakta: Perbup No\. 7/);
    // The work is only on this page, so leaving it asks first: the app cancels the
    // "beforeunload" event, which makes the browser show its "leave site?" dialog.
    assert.equal(await leavingAsks(page), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with browser storage disabled the unit works in the page, is told, and downloads what is on screen', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    // As a browser policy that blocks site data: reading localStorage throws.
    await blockStorage(context);
    await gotoApp(page);
    assert.ok(await page.getByRole('status').filter({ hasText: 'Penyimpanan browser tidak tersedia' }).isVisible());
    await newDraft(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan browser tidak tersedia' });
    await alert.waitFor();
    assert.match(await page.getByTestId('save-state').innerText(), /Belum tersimpan/);
    const group = page.getByRole('group', { name: 'Tingkat indikator 1' });
    await group.getByRole('radio', { name: /^Tingkat 4 / }).check();
    await page.getByLabel('Fakta').fill('Perbup No. 7 Tahun 2025 tentang Arsitektur SPBE.');
    // Moving between screens keeps the work (it lives only in this page).
    await openIndicator(page, '2', /Peta Rencana/);
    await openIndicator(page, '1', /Arsitektur SPBE/);
    assert.ok(await group.getByRole('radio', { name: /^Tingkat 4 / }).isChecked());
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Unduh berkas sekarang' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.answers['1'].value, 4);
    assert.equal(file.answers['1'].justification, 'Fakta: Perbup No. 7 Tahun 2025 tentang Arsitektur SPBE.');
    assert.equal(await leavingAsks(page), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a draft entry edited by hand into invalid JSON while open: the text is kept aside, the screen\'s version saved again', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await gotoApp(page);
    await newDraft(page);
    const group = page.getByRole('group', { name: 'Tingkat indikator 1' });
    await group.getByRole('radio', { name: /^Tingkat 3 / }).check();
    await saved(page);
    const id = idIn(page);
    const key = `swanilai.v1.draft.${id}`;
    // Someone edits the stored entry by hand (here from another tab of the same browser).
    const other = await context.newPage();
    await other.goto(page.url().split('#')[0] + '#/tidak-ada');
    await other.evaluate((k) => localStorage.setItem(k, '{"id": "rusak", "answers": {"1": '), key);
    await other.close();

    const notice = page.getByRole('alert').filter({ hasText: 'yang tersimpan di browser rusak' });
    await notice.waitFor();
    const kept = `swanilai.v1.rusak.draft.${id}.1`;
    assert.ok((await notice.innerText()).includes(kept), 'says where the damaged text is');
    // Nothing lost: the damaged text is kept aside, the screen's version is stored again.
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), kept), '{"id": "rusak", "answers": {"1": ');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
    assert.equal(stored.answers['1'].value, 3);
    assert.ok(await group.getByRole('radio', { name: /^Tingkat 3 / }).isChecked());
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Unduh berkas sekarang' }).click()]);
    assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).answers['1'].value, 3);
    await notice.getByRole('button', { name: 'Tutup pesan' }).click();
    await notice.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a Pemdi indicator fed by another agency\'s index takes the typed index (decimal comma) as its value', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await startDraft(page, { period: null, unit: 'Diskominfo', framework: /Pemdi 2026/ });
    await page.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /Tata Kelola Data/ }).click();
    // Reference case P6: Indeks SDI 68.75 gives the value 3.75.
    await page.getByLabel('Nilai indeks asal (0–100)').fill('68,75');
    await page.getByText('= nilai indikator 3,75').waitFor();
    await page.getByRole('button', { name: 'Pakai nilai ini' }).click();
    assert.equal(await page.getByLabel(/^Nilai \(1,00/).inputValue(), '3,75');
    // Outside the index's range: nothing to use.
    await page.getByLabel('Nilai indeks asal (0–100)').fill('120');
    assert.equal(await page.getByRole('button', { name: 'Pakai nilai ini' }).isDisabled(), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a draft opened from a consolidated file (which names no unit) asks for the unit before it exports', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    // The coordinator's consolidated file names no unit (as Swanilai writes it).
    const consolidated = JSON.parse(await readFile(join(import.meta.dirname, '../tests/fixtures/exchange/consolidated-spbe-2020.json'), 'utf8'));
    delete consolidated.unit;
    await page.getByLabel('Pilih berkas .json').setInputFiles({ name: 'swanilai-konsolidasi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(consolidated)) });
    await page.getByText(/dari 47 indikator terjawab/).first().waitFor();
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();

    // The file details are open with a hint on the unit field.
    const hint = page.getByText(/^Isi nama unit kerja Anda/);
    await hint.waitFor();
    assert.equal(await page.getByLabel('Unit kerja').getAttribute('aria-describedby'), 'detail-unit-hint');
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.getByRole('button', { name: 'Unduh berkas (.json)' }).click();
    await page.getByText(/^Unit kerja belum diisi\./).waitFor();
    assert.equal(downloads, 0, 'no file without its unit');
    await screenshot(page, 'unit-export-no-unit');

    await page.getByLabel('Unit kerja').fill('Bappeda');
    await hint.waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh berkas (.json)' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.kind, 'submission');
    assert.deepEqual(file.unit, { id: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah' });
    assert.equal(Object.keys(file.answers).length, 47);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a level chosen just before opening the results is on the results page (the other app waits for the save)', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await gotoApp(page);
    await newDraft(page);
    await saved(page);
    const group = page.getByRole('group', { name: 'Tingkat indikator 1' });
    await group.getByRole('radio', { name: /^Tingkat 3 / }).check();
    // At once, within the autosave's 400 ms: the results are another app, another page.
    await page.getByRole('link', { name: 'Hasil & perencanaan' }).click();
    await page.getByTestId('index').waitFor();
    await page.getByText(/^1 dari 47 indikator bernilai/).first().waitFor({ timeout: 5000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
