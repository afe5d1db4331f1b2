// The coordinator's workflow end to end (issue 4): three unit files dropped in one go
// (one conflicting, one invalid); the invalid one is reported and skipped; the
// conflict is settled with a note; the index shown is the engine's figure for the
// merged answers (computed here independently, with integers, from the fixture values
// and the weights of PermenPANRB 59/2020 Tabel 9); the consolidated file validates and
// carries the decision. Screenshots of every tab at 1366×768.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { copyFile, mkdir, mkdtemp, writeFile, utimes, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, screenshot, artifactDir, baseUrl, shownText, shownTexts } from './lib.mjs';
import { spbe2020Weight } from './oracle.mjs';
import { generateFiles } from '../scripts/bench-merge.mjs';
import { newWorkspace, leavingAsks, blockStorage, quotaCanRunOut, limitStorage, idbText, idbPut, saved, idIn } from './flows.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'coordinator');
const FILES = ['diskominfo.json', 'bkpsdm-e2e.json', 'invalid-inspektorat.json'];


/** A complete SPBE 2020 assessment's index in hundredths, rounded half up: Σ level × weight / 100. */
function expectedIndex(values) {
  assert.equal(Object.keys(values).length, 47, 'complete assessment');
  const sum = Object.entries(values).reduce((s, [k, v]) => s + spbe2020Weight(Number(k)) * v, 0);
  return Math.floor((sum + 50) / 100);
}

/** "2,50" as the Indonesian interface writes a figure. */
const idFigure = (h) => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Drops files on a drop zone, as a person dragging them from the file manager does. */
async function dropFiles(page, zone, files) {
  const payload = await Promise.all(files.map(async (name) => ({ name, text: await readFile(join(FIXTURES, name), 'utf8') })));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, text } of items) dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, payload);
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('coordinator merges unit files, settles a conflict and exports a valid consolidated file', async (t) => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await gotoApp(page, '#/koordinator');
    await page.getByRole('heading', { level: 1, name: 'Ruang kerja koordinator' }).waitFor();

    // A new workspace: SPBE 2020, the Pemda starter units and default assignment.
    await page.getByRole('radio', { name: /SPBE 2020/ }).check();
    await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Karanganyar');
    await page.getByLabel('Periode').fill('2026');
    // Missing coordinator name: a clear message at the field, nothing created.
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
    assert.ok(await page.getByText('Isi nama koordinator').isVisible());
    await page.getByLabel(/^Nama koordinator/).fill('Tim Koordinasi SPBE Diskominfo');
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
    await page.getByRole('heading', { level: 2, name: 'Penugasan indikator' }).waitFor();
    assert.equal(await page.getByLabel('Penanggung jawab indikator 36').inputValue(), 'bkpsdm', 'default owner from the template');
    await screenshot(page, 'coordinator-flow-units');

    // Tab 2: the three files in one drop.
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    const zone = page.getByRole('group', { name: 'Tempat menaruh berkas jawaban' });
    await dropFiles(page, zone, FILES);
    await page.getByText('3 berkas diproses: 2 diterima, 1 ditolak.').waitFor();
    const refused = page.getByRole('listitem').filter({ hasText: 'invalid-inspektorat.json' });
    assert.ok(await refused.getByText('Ditolak', { exact: true }).isVisible());
    assert.ok(await refused.getByText('tidak ada data yang berubah').isVisible());
    for (const path of ['$.unit.name', '$.answers.39.value', '$.answers.48']) {
      assert.ok(await refused.getByText(path, { exact: true }).first().isVisible(), `problem at ${path} listed`);
    }
    assert.ok(await page.getByRole('listitem').filter({ hasText: 'diskominfo.json' }).getByText('24 jawaban dari Diskominfo.').isVisible());
    assert.ok(await page.getByRole('listitem').filter({ hasText: 'bkpsdm-e2e.json' }).getByText('24 jawaban dari BKPSDM.').isVisible());
    // The skipped file changed nothing: Inspektorat has still sent nothing.
    const used = page.getByRole('region', { name: 'Berkas yang dipakai' });
    assert.equal(await used.getByRole('row').count(), 3, 'header + two files in use');
    await screenshot(page, 'coordinator-flow-import');

    // Tab 3: coverage; the conflict filter shows exactly indicator 22.
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    const matrix = page.getByRole('region', { name: 'Matriks cakupan (dapat digulir)' });
    await matrix.waitFor();
    assert.equal(await matrix.getByRole('table').getAttribute('data-units'), '15');
    assert.ok(await page.locator('.coverage-summary').getByText('46 dari 47 indikator bernilai').isVisible());
    await screenshot(page, 'coordinator-flow-coverage');
    await page.getByLabel('Konflik', { exact: true }).check();
    assert.equal(await matrix.getByRole('table').getAttribute('data-rows'), '1');
    assert.ok(await matrix.getByRole('rowheader', { name: /^22/ }).isVisible());
    await page.getByLabel('Semua indikator').check();

    // Tab 4: settle the conflict with a value of one's own, which needs a note.
    await page.getByRole('link', { name: /^4\. Konflik/ }).click();
    const card = page.getByRole('region', { name: /^22 / });
    await card.waitFor();
    assert.ok(await card.getByRole('heading', { level: 3, name: 'Diskominfo' }).isVisible());
    assert.ok(await card.getByRole('heading', { level: 3, name: 'BKPSDM' }).isVisible());
    assert.ok(await card.getByText('Perlu keputusan.').isVisible());
    await screenshot(page, 'coordinator-flow-conflicts');
    await card.getByLabel('Nilai sendiri indikator 22').selectOption('4');
    await card.getByRole('button', { name: 'Tetapkan nilai sendiri' }).click();
    assert.match(await card.getByRole('alert').innerText(), /Catatan alasan wajib diisi/);
    const note = 'Rapat verifikasi 1 Desember 2026: manajemen keamanan informasi sudah diterapkan di seluruh OPD (SK Sekda 045/2026).';
    await card.getByLabel(/^Catatan keputusan/).fill(note);
    await card.getByRole('button', { name: 'Tetapkan nilai sendiri' }).click();
    await card.getByText('Diputuskan: nilai 4').waitFor();
    assert.ok(await card.getByText(note).isVisible(), 'the note is shown with the decision');
    assert.ok(await card.getByText(/Oleh Tim Koordinasi SPBE Diskominfo/).isVisible());

    // The index shown is the engine's figure for the merged answers, worked out here.
    const values = {};
    for (const f of ['diskominfo.json', 'bkpsdm-e2e.json']) {
      const file = JSON.parse(await readFile(join(FIXTURES, f), 'utf8'));
      for (const [k, a] of Object.entries(file.answers)) if (k !== '22') values[k] = a.value;
    }
    values['22'] = 4;
    const expected = expectedIndex(values);
    const shown = page.getByRole('status', { name: 'Indeks' });
    await shown.filter({ hasText: idFigure(expected) }).waitFor();
    t.diagnostic(`index shown: ${await shown.innerText()} (expected ${idFigure(expected)})`);

    // Survives a reload (autosave).
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    await page.reload();
    await page.waitForSelector('main[data-ready]');
    await page.getByRole('region', { name: /^22 / }).getByText('Diputuskan: nilai 4').waitFor();
    await screenshot(page, 'coordinator-flow-conflicts-settled');

    // Results & export: the consolidated file.
    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh berkas konsolidasi (.json)' }).click(),
    ]);
    const name = download.suggestedFilename();
    assert.match(name, /^swanilai-konsolidasi-gabungan-spbe-2020-2026-\d{8}-\d{4}\.json$/);
    const saved = join(artifactDir(), name);
    await download.saveAs(saved);
    const file = JSON.parse(await readFile(saved, 'utf8'));
    assert.equal(file.format, 'swanilai');
    assert.equal(file.version, 1);
    assert.equal(file.kind, 'consolidated');
    assert.equal(file.framework, 'spbe-2020');
    assert.equal(Object.keys(file.answers).length, 47);
    assert.equal(file.results.complete, true);
    assert.equal(Math.round(file.results.index * 100), expected, 'results.index is the expected figure');
    assert.equal(file.results.predicate, expected >= 260 ? 'Baik' : 'Cukup');
    assert.deepEqual(Object.keys(file.provenance).sort(), Object.keys(file.answers).sort(), 'provenance of every answer');
    assert.equal(file.answers['22'].value, 4);
    const d = file.decisions[file.provenance['22'].decision];
    assert.equal(d.indicator, '22');
    assert.equal(d.rule, 'own');
    assert.equal(d.value, 4);
    assert.equal(d.note, note);
    assert.equal(d.decided_by, 'Tim Koordinasi SPBE Diskominfo');
    assert.deepEqual(d.candidates.map((c) => [c.unit, c.value]).sort(), [['bkpsdm', 2], ['diskominfo', 3]]);
    assert.equal(file.provenance['36'].unit, 'bkpsdm');
    assert.deepEqual(file.sources.map((s) => s.unit.id).sort(), ['bkpsdm', 'diskominfo']);
    await screenshot(page, 'coordinator-flow-results');

    // The app itself reads the file back: reopen it as a new workspace.
    await gotoApp(page, '#/koordinator');
    await page.getByLabel('Pilih berkas konsolidasi (.json)').setInputFiles(saved);
    await page.getByRole('link', { name: '3. Cakupan' }).waitFor();
    await page.getByRole('status', { name: 'Indeks' }).filter({ hasText: idFigure(expected) }).waitFor();

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** Viewport-sized screenshot (what a 1366×768 screen shows), as <artifacts>/<name>.png. */
// With SCREENSHOTS=docs/screenshots (scripts/screenshots.mjs sets it), these views are also
// the README's screenshots.
const SHOTS = process.env.SCREENSHOTS
  ? resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.SCREENSHOTS)
  : null;

async function viewShot(page, name) {
  const path = join(artifactDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await copyFile(path, join(SHOTS, `${name}.png`));
  }
  return path;
}

/** A unit file answering `values` ({ indicator: level }). */
function unitFile(id, name, exportedAt, values) {
  const answers = {};
  for (const [k, v] of Object.entries(values)) {
    answers[k] = {
      value: v,
      justification: `Fakta: Dokumen ${name} untuk indikator ${k} (nomor ${k}/2026), bab II hlm. 4; aplikasi dan notulen rapat terlampir.\nAnalisis: Memenuhi kriteria tingkat ${v}${v < 5 ? `; kriteria tingkat ${v + 1} belum didukung bukti reviu` : ''}.`,
      evidence: [{ title: `${k}.a Dokumen pendukung ${name}`, reference: 'Bab II, hlm. 4', link: `https://jdih.contoh.go.id/${id}/${k}`, level: v }],
      ...(Number(k) >= 45 ? { service: `Layanan ${name}` } : {}),
    };
  }
  const text = JSON.stringify({
    format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020', institution: 'Pemerintah Kabupaten Karanganyar',
    period: '2026', unit: { id, name }, exported_at: exportedAt, answers,
  });
  return { name: `swanilai-jawaban-${id}-spbe-2020-2026.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('every tab is usable at 1366×768 with fifteen units', async (t) => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await gotoApp(page, '#/koordinator');
    await page.getByRole('radio', { name: /SPBE 2020/ }).check();
    await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Karanganyar');
    await page.getByLabel('Periode').fill('2026');
    await page.getByLabel(/^Nama koordinator/).fill('Tim Koordinasi SPBE Diskominfo');
    await viewShot(page, 'coordinator-home');
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
    await page.getByRole('heading', { level: 2, name: 'Penugasan indikator' }).waitFor();
    await viewShot(page, 'coordinator-units');

    // All assignment files at once, as one zip with one file per unit that has work.
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh semua berkas penugasan (.zip)' }).click()]);
    assert.match(zip.suggestedFilename(), /^swanilai-penugasan-semua-unit-spbe-2020-2026-\d{8}-\d{4}\.zip$/);
    const zipBytes = await readFile(await zip.path());
    assert.equal(zipBytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    assert.ok(zipBytes.includes(Buffer.from('swanilai-penugasan-bkpsdm-spbe-2020-2026-')), 'one file per unit inside');
    const told = page.getByRole('status').filter({ hasText: 'berkas penugasan diunduh' });
    assert.match(await told.innerText(), /Tanpa indikator \(tidak disertakan\): Dinsos, RSUD/);
    await told.getByRole('button', { name: 'Tutup pesan' }).click();

    // Who leads what, read from the assignment table the way a person reads it.
    const lead = {};
    for (let n = 1; n <= 47; n++) lead[n] = await page.getByLabel(`Penanggung jawab indikator ${n}`, { exact: true }).inputValue();
    await page.getByLabel('Penanggung jawab indikator 40', { exact: true }).scrollIntoViewIfNeeded();
    await viewShot(page, 'coordinator-assignments');

    // Twelve of fifteen units answer what they lead; Diskominfo also answers what it
    // supports, disagreeing twice; three units have not sent anything.
    const silent = new Set(['dinsos', 'rsud', 'bag-umum']);
    const byUnit = {};
    for (let n = 1; n <= 47; n++) {
      const u = lead[n];
      if (!u || silent.has(u)) continue;
      (byUnit[u] ??= {})[n] = ((n * 7) % 4) + 1;
    }
    (byUnit.diskominfo ??= {});
    Object.assign(byUnit.diskominfo, { 1: ((1 * 7) % 4) + 1, 9: ((9 * 7) % 4) + 2, 21: ((21 * 7) % 4) + 1, 25: 1 });
    const unitNames = {
      diskominfo: 'Dinas Komunikasi dan Informatika', bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      bappeda: 'Badan Perencanaan Pembangunan Daerah', bpkad: 'Badan Pengelolaan Keuangan dan Aset Daerah',
      inspektorat: 'Inspektorat Daerah', 'bag-hukum': 'Bagian Hukum Sekretariat Daerah', 'bag-organisasi': 'Bagian Organisasi Sekretariat Daerah',
      'bag-pbj': 'Bagian Pengadaan Barang dan Jasa (UKPBJ)', dispusip: 'Dinas Perpustakaan dan Kearsipan', dinkes: 'Dinas Kesehatan',
      disdukcapil: 'Dinas Kependudukan dan Pencatatan Sipil', dpmptsp: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    };
    const files = Object.entries(byUnit).map(([u, values], i) => unitFile(u, unitNames[u] ?? u, `2026-11-${String(18 + (i % 10)).padStart(2, '0')}T0${i % 9}:00:00Z`, values));
    files.push({ name: 'invalid-inspektorat.json', mimeType: 'application/json', buffer: await readFile(join(FIXTURES, 'invalid-inspektorat.json')) });

    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(files);
    await page.getByText(`${files.length} berkas diproses: ${files.length - 1} diterima, 1 ditolak.`).waitFor();
    // Refused files are listed first: they are the ones someone has to act on.
    assert.match(await shownText(page.getByRole('listitem').first()), /^DITOLAK|^Ditolak/i);
    await viewShot(page, 'coordinator-import');

    // Coverage: 15 unit columns fit the width; the header row stays visible while the
    // matrix scrolls; the legend explains every sign in words.
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    const region = page.getByRole('region', { name: 'Matriks cakupan (dapat digulir)' });
    await region.waitFor();
    assert.equal(await region.getByRole('table').getAttribute('data-units'), '15');
    const fit = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(fit.scroll <= fit.client + 1, `no horizontal scrolling at 1366 px (${fit.scroll} > ${fit.client})`);
    await page.getByRole('heading', { name: 'Cakupan: indikator × unit' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await viewShot(page, 'coordinator-coverage');
    await region.evaluate((el) => { el.scrollTop = 400; });
    const sticky = await region.evaluate((el) => el.querySelector('thead th').getBoundingClientRect().top - el.getBoundingClientRect().top);
    assert.ok(Math.abs(sticky) <= 2, `header row sticks to the top (${sticky})`);
    for (const sign of ['penanggung jawab', 'pendukung', 'belum mengirim berkas', 'jawaban unit berbeda']) {
      assert.ok(await page.locator('#coverage-legend').getByText(sign, { exact: false }).first().isVisible(), `legend explains "${sign}"`);
    }
    await region.evaluate((el) => { el.scrollTop = 0; });
    // The silent units lead nothing (Bagian Umum only supports): every lead indicator is
    // answered, and a supporting unit's input is asked for, not chased (issue 13).
    await page.getByLabel('Penugasan belum dijawab').check();
    assert.equal(await region.getByRole('table').getAttribute('data-rows'), '0');
    await page.getByLabel('Semua indikator').check();

    // Conflicts: both disagreements, side by side; a bulk rule lists them before deciding.
    await page.getByRole('link', { name: /^4\. Konflik \(2\)/ }).click();
    await page.getByRole('button', { name: 'Pratinjau: unit penanggung jawab' }).click();
    const preview = page.getByRole('heading', { name: /Pratinjau — jawaban unit penanggung jawab: 2 indikator/ });
    await preview.waitFor();
    await page.getByRole('heading', { name: 'Aturan sekaligus' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await viewShot(page, 'coordinator-conflicts-rule');
    await page.getByRole('region', { name: /^9 / }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await viewShot(page, 'coordinator-conflicts');
    await page.getByRole('button', { name: 'Terapkan ke 2 indikator' }).click();
    await page.getByText(/Aturan "jawaban unit penanggung jawab" diterapkan: 2 keputusan dicatat/).waitFor();
    assert.equal(await page.getByRole('link', { name: /^4\. Konflik$/ }).count(), 1, 'no open conflict left');

    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    await page.getByRole('button', { name: 'Unduh berkas konsolidasi (.json)' }).waitFor();
    await page.waitForTimeout(1200); // chart animation
    await viewShot(page, 'coordinator-results');

    // Keyboard: the tabs are reachable and followed with the keyboard alone.
    await page.getByRole('link', { name: '3. Cakupan' }).focus();
    await page.keyboard.press('Enter');
    await region.waitFor();
    t.diagnostic(`screenshots in ${artifactDir()}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with browser storage full the work stays on screen across tabs, and the user is told', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await quotaCanRunOut(context);
    await newWorkspace(page);
    await saved(page);
    const key = `swanilai.v1.workspace.${idIn(page)}`;
    const storedBefore = await idbText(page, key);
    // The workspace lives in IndexedDB, which now has room for a few KB more: less than
    // the workspace with two files needs.
    await limitStorage(page, 4096);
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(['diskominfo.json', 'bkpsdm-e2e.json'].map((f) => join(FIXTURES, f)));
    await page.getByText('2 berkas diproses: 2 diterima.').waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'Belum tersimpan' }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan browser penuh' });
    await alert.waitFor();
    // Switching tabs keeps the work in memory: nothing is re-read from the full storage.
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    await page.locator('.coverage-summary').getByText('46 dari 47 indikator bernilai').waitFor();
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    // (Read once laid out: the tab's rows come a frame after the click; see shownTexts.)
    assert.equal((await shownTexts(page.getByRole('region', { name: 'Berkas yang dipakai' }).getByRole('row'))).length, 3);
    // The rescue downloads what is on screen, from this page: it never leaves it (the
    // work exists nowhere else), and the file holds both sources and their answers.
    const url = page.url();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Unduh berkas konsolidasi sekarang' }).click(),
    ]);
    assert.equal(page.url(), url, 'still on the same page');
    assert.match(download.suggestedFilename(), /^swanilai-konsolidasi-gabungan-spbe-2020-2026-\d{8}-\d{4}\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(file.sources.map((x) => x.unit.id).sort(), ['bkpsdm', 'diskominfo']);
    assert.equal(Object.keys(file.answers).length, 46, 'every merged answer (22 awaits a decision)');
    assert.ok(await page.getByText('Diunduh: swanilai-konsolidasi-gabungan').isVisible());
    await alert.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(artifactDir(), 'coordinator-storage-full-rescue-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await alert.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(artifactDir(), 'coordinator-storage-full-rescue-390.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    assert.equal((await shownTexts(page.getByRole('region', { name: 'Berkas yang dipakai' }).getByRole('row'))).length, 3, 'nothing lost');
    // The stored workspace is the last one saved, whole: a failed write changes nothing.
    assert.equal(await idbText(page, key), storedBefore);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** A full unit file (all 47 indicators, with the texts a careful unit writes: about
 * 200 KB), whose values all units agree on. */
function fullUnitFile(n) {
  const id = `unit-${String(n).padStart(3, '0')}`;
  const answers = {};
  for (let k = 1; k <= 47; k++) {
    const v = ((k * 3) % 5) + 1;
    answers[k] = {
      value: v,
      justification: `Fakta: ${`Dokumen ${id} untuk indikator ${k}: keputusan kepala unit, laporan pelaksanaan, notulen rapat evaluasi dan tangkapan layar aplikasi. `.repeat(24)}\nAnalisis: Memenuhi kriteria tingkat ${v}.`,
      evidence: Array.from({ length: 4 }, (_, e) => ({ title: `${k}.${e} Dokumen pendukung ${id}`, reference: `Bab ${e + 1}, hlm. ${k}`, link: `https://jdih.contoh.go.id/${id}/${k}/${e}`, level: v })),
      ...(k >= 45 ? { service: `Layanan ${id}` } : {}),
    };
  }
  const text = JSON.stringify({
    format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020', institution: 'Pemerintah Kabupaten Karanganyar',
    period: '2026', unit: { id, name: `Unit Kerja ${n}` }, exported_at: '2026-11-20T02:00:00Z', answers,
  });
  return { name: `swanilai-jawaban-${id}.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('quota reached while importing 100 full unit files: all stay on screen, the stored workspace is intact, the file is downloaded from the page', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await quotaCanRunOut(context);
    await newWorkspace(page);
    await saved(page);
    const id = idIn(page);
    const key = `swanilai.v1.workspace.${id}`;
    const storedBefore = await idbText(page, key);
    assert.ok(storedBefore, 'the new workspace is in IndexedDB');
    const files = Array.from({ length: 100 }, (_, i) => fullUnitFile(i + 1));
    assert.ok(files[0].buffer.length > 150_000, `a full file is ${files[0].buffer.length} bytes`);
    // The quota is reached at once: less room is left than a single one of these files.
    await limitStorage(page, 100_000);
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(files);
    await page.getByText('100 berkas diproses: 100 diterima.').waitFor({ timeout: 120_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan browser penuh' });
    await alert.waitFor();
    assert.match(await page.getByTestId('save-state').innerText(), /Belum tersimpan/);
    // The stored entry is the last good one, whole: a failed write changes nothing.
    assert.equal(await idbText(page, key), storedBefore);
    await screenshot(page, 'coordinator-storage-full-100');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Unduh berkas konsolidasi sekarang' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.sources.length, 100);
    assert.equal(Object.keys(file.answers).length, 47);
    assert.equal(file.answers['47'].value, ((47 * 3) % 5) + 1);
    // Leaving would lose the work: the browser asks first.
    assert.equal(await leavingAsks(page), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with browser storage disabled the coordinator works in the page and downloads what is on screen', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await blockStorage(context);
    await newWorkspace(page);
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(['diskominfo.json', 'bkpsdm-e2e.json'].map((f) => join(FIXTURES, f)));
    await page.getByText('2 berkas diproses: 2 diterima.').waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan browser tidak tersedia' });
    await alert.waitFor();
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    await page.locator('.coverage-summary').filter({ hasText: '46 dari 47 indikator bernilai' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Unduh berkas konsolidasi sekarang' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(file.sources.map((x) => x.unit.id).sort(), ['bkpsdm', 'diskominfo']);
    assert.equal(Object.keys(file.answers).length, 46);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a workspace entry edited by hand into invalid JSON while open: kept aside, the screen\'s version saved again', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await newWorkspace(page);
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles([join(FIXTURES, 'diskominfo.json')]);
    await page.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await saved(page);
    const id = idIn(page);
    const key = `swanilai.v1.workspace.${id}`;
    const other = await context.newPage();
    // A static file of the same origin: no app runs there to save or redirect. The entry
    // is in IndexedDB, edited there from a script (as from the DevTools console).
    await other.goto(baseUrl() + 'icon.svg');
    await idbPut(other, key, 'dihapus sebagian {');
    await other.close();
    // Nothing announces a hand edit: the app looks again when its tab gets the focus back.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const notice = page.getByRole('alert').filter({ hasText: 'yang tersimpan di browser rusak' });
    await notice.waitFor();
    const kept = `swanilai.v1.rusak.workspace.${id}.1`;
    assert.ok((await notice.innerText()).includes(kept));
    assert.equal(await idbText(page, kept), 'dihapus sebagian {');
    const stored = JSON.parse(await idbText(page, key));
    assert.deepEqual(stored.submissions.map((x) => x.unit.id), ['diskominfo']);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Unduh berkas konsolidasi sekarang' }).click()]);
    assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')).sources.map((x) => x.unit.id), ['diskominfo']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('100 units: the coverage matrix shows its first rows at once and is then whole, in order; a filter chosen meanwhile shows only its rows; with nothing assigned nothing is awaited', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    // The units come with their files only: none has an indicator assigned.
    await newWorkspace(page, { institution: 'Pemerintah Kabupaten Contoh', starterUnits: false });
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(generateFiles(100));
    await page.getByText('100 berkas diproses: 100 diterima.').waitFor({ timeout: 120_000 });

    const rowsOf = () => page.evaluate(() => {
      const table = document.querySelector('table.matrix');
      return { busy: table.getAttribute('aria-busy'), dataRows: table.dataset.rows, codes: [...table.querySelectorAll('tbody th .ind-code')].map((c) => c.textContent) };
    });
    // What the first frame with the matrix holds, seen before anything else runs.
    const first = await page.evaluate(async () => {
      [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === '3. Cakupan').click();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      while (!document.querySelector('table.matrix[data-units="100"]')) await frame();
      const table = document.querySelector('table.matrix');
      return { busy: table.getAttribute('aria-busy'), rows: table.querySelectorAll('tbody tr').length };
    });
    assert.equal(first.busy, 'true', 'the first part says the table is not whole yet');
    assert.ok(first.rows >= 8 && first.rows < 47, `the first part has ${first.rows} rows`);
    await page.locator('table.matrix[data-units="100"]:not([aria-busy])').waitFor();
    const whole = await rowsOf();
    const all = Array.from({ length: 47 }, (_, i) => String(i + 1));
    assert.deepEqual(whole.codes, all, 'every indicator once, in order');
    assert.equal(whole.dataRows, '47');
    // Each row has a cell per unit: indicator 47, unit 100 answered 47 × 3 % 5 + 1 = 3.
    const last = page.locator('table.matrix tbody tr').last().locator('td').last();
    assert.equal(await last.getAttribute('title'), 'Unit Kerja 100: tidak ditugasi, menjawab 3');

    // Nothing assigned: nothing awaited, no empty table of dues.
    assert.ok(await page.getByText('Belum ada indikator yang ditugaskan ke unit, jadi belum ada yang ditunggu.').isVisible());
    assert.equal(await page.getByTestId('dues-table').count(), 0);
    await screenshot(page, 'coordinator-coverage-100-units');

    // A filter chosen while the first part is on screen: the rows left over from the whole
    // matrix never join the filtered one.
    await page.getByRole('link', { name: '4. Konflik (4)' }).click();
    await page.getByRole('heading', { name: /^Konflik/ }).first().waitFor();
    await page.evaluate(async () => {
      [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === '3. Cakupan').click();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      while (!document.querySelector('table.matrix[aria-busy]')) await frame();
      document.getElementById('cov-conflicts').click();
    });
    await page.locator('table.matrix[data-rows="4"]').waitFor();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const filtered = await rowsOf();
    assert.deepEqual(filtered.codes, ['10', '20', '30', '40']);
    assert.equal(filtered.busy, null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a file changed on disk after it was chosen: that file is reported as unreadable, the others of the same read are imported', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  const dir = await mkdtemp(join(tmpdir(), 'swanilai-read-'));
  try {
    await newWorkspace(page);
    // Three small files: the app reads them in one go (src/ui/coordinator/import.rs).
    const names = ['diskominfo.json', 'bkpsdm-e2e.json', 'dinas-pariwisata.json'];
    for (const n of names) await copyFile(join(FIXTURES, n), join(dir, n));
    // Chosen in an input of the page's own (the app does not listen to it), so the files
    // are taken before one of them changes; then dropped on the import.
    await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'held-files'; i.hidden = true; document.body.append(i); });
    await page.setInputFiles('#held-files', names.map((n) => join(dir, n)));
    await writeFile(join(dir, 'bkpsdm-e2e.json'), `${await readFile(join(dir, 'bkpsdm-e2e.json'), 'utf8')}\n `);
    await utimes(join(dir, 'bkpsdm-e2e.json'), new Date(), new Date(Date.now() + 60_000));
    const zone = page.getByRole('group', { name: 'Tempat menaruh berkas jawaban' });
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      for (const f of document.getElementById('held-files').files) dt.items.add(f);
      return dt;
    });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.getByText(/^3 berkas diproses: 2 diterima/).waitFor({ timeout: 30_000 });
    const refused = page.locator('.import-list li').filter({ hasText: 'bkpsdm-e2e.json' });
    assert.match(await shownText(refused), /Berkas tidak dapat dibaca oleh browser\./);
    for (const n of ['diskominfo.json', 'dinas-pariwisata.json']) {
      assert.doesNotMatch(await shownText(page.locator('.import-list li').filter({ hasText: n })), /tidak dapat dibaca/);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
