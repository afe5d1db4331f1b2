// Results, charts, the printable report and the spreadsheet export (issue 5).
//
// A consolidated SPBE 2020 fixture is opened from the start screen (it becomes a draft) and
// its results screen must show the same index, predicate and aspect figures as the
// regulation's arithmetic — computed here, independently, from the fixture's values and the
// weights of PermenPANRB 59/2020 Tabel 9 with exact integer arithmetic. The charts must be
// drawn, the print view must give a PDF with the cover, the summary and the Berita Acara, and
// the .xlsx download must read back (with exceljs) with the same figures.
//
// Set SCREENSHOTS=docs/screenshots to also write the documentation screenshots
// (results.png, report-cover.png, report-berita-acara.png) there.
import { execFileSync } from 'node:child_process';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { launchBrowser, openPage, gotoApp, artifactDir } from './lib.mjs';
import { spbe2020Weight } from './oracle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(root, 'tests/fixtures/results/consolidated-spbe-2020-2026.json');
const PREVIOUS = join(root, 'tests/fixtures/results/consolidated-spbe-2020-2025.json');
const SHOTS = process.env.SCREENSHOTS ? resolve(root, process.env.SCREENSHOTS) : null;

// ---------------------------------------------------------------- the expected figures

/** Aspects as indicator ranges (Tabel 3–6). */
const ASPECTS = { A1: [1, 10], A2: [11, 14], A3: [15, 18], A4: [19, 20], A5: [21, 28], A6: [29, 31], A7: [32, 41], A8: [42, 47] };
/** SPBE 2020 predicate bands in hundredths (Tabel 13). */
const BANDS = [[420, 'Memuaskan'], [350, 'Sangat Baik'], [260, 'Baik'], [180, 'Cukup'], [0, 'Kurang']];

/** Σ w·v / Σ w over indicators from..to, as an exact fraction [num, den] of a level. */
function weighted(values, from, to) {
  let num = 0n, den = 0n;
  for (let n = from; n <= to; n++) {
    num += BigInt(spbe2020Weight(n) * values[String(n)]);
    den += BigInt(spbe2020Weight(n));
  }
  return [num, den];
}
/** Half-up rounding of num/den to hundredths. */
const hundredths = ([num, den]) => Number((2n * num * 100n + den) / (2n * den));
/** 250 → "2,50" (the app's Indonesian format). */
const shown = (h) => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;

function expected(file) {
  const values = Object.fromEntries(Object.entries(file.answers).map(([id, a]) => [id, a.value]));
  const index = hundredths(weighted(values, 1, 47));
  const aspects = Object.fromEntries(Object.entries(ASPECTS).map(([id, [a, b]]) => [id, hundredths(weighted(values, a, b))]));
  return { index, predicate: BANDS.find(([from]) => index >= from)[1], aspects };
}

// ---------------------------------------------------------------- helpers

/** Opens the fixture from the start screen (it becomes a unit draft) and goes to its results. */
async function openResults(page) {
  await gotoApp(page);
  await page.getByLabel('Pilih berkas .json').setInputFiles(FIXTURE);
  await page.getByRole('link', { name: 'Hasil & perencanaan' }).click();
  await page.getByTestId('index').waitFor();
}

/** Reopens the fixture in the coordinator's workspace (issue 4) and goes to its results. */
async function openCoordinatorResults(page) {
  await gotoApp(page, '#/koordinator');
  await page.getByLabel('Pilih berkas konsolidasi (.json)').setInputFiles(FIXTURE);
  await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
  await page.getByTestId('index').waitFor();
}

/** Width and height of the drawn chart inside a chart element. */
async function drawnSize(locator) {
  const svg = locator.locator('svg, canvas').first();
  await svg.waitFor();
  const box = await svg.boundingBox();
  return box ? [box.width, box.height] : [0, 0];
}

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('results show the engine figures, draw charts and compare with last year', async () => {
  const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const want = expected(file);
  assert.equal(want.index, 250, 'sanity: the fixture is 1251/500 = 2.502');

  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await openResults(page);
    assert.equal(await page.getByTestId('index').innerText(), shown(want.index));
    assert.equal(await page.getByTestId('predicate').innerText(), want.predicate);
    for (const [id, h] of Object.entries(want.aspects)) {
      assert.equal((await page.getByTestId(`figure-${id}`).innerText()).trim(), shown(h), `aspect ${id}`);
    }
    // The informal reading is labelled as such, next to the official predicate.
    assert.ok(await page.getByText('Pembacaan tingkat (informal, bukan predikat resmi)').isVisible());

    for (const id of ['chart-bands', 'chart-radar', 'chart-bars']) {
      const [w, h] = await drawnSize(page.getByTestId(id));
      assert.ok(w > 0 && h > 0, `${id} drawn (${w}×${h})`);
      // Drawn by ECharts' SVG renderer (charming's option), not a picture.
      assert.ok(await page.getByTestId(id).getAttribute('_echarts_instance_'), `${id} is an ECharts chart`);
      assert.ok(await page.getByTestId(id).locator('svg text').count() > 0, `${id} has real text`);
    }
    // The figures on the bars are written as the app writes them ("2,50"), and so is the
    // tooltip of the radar's points (drawn inside the chart as text, not an HTML box).
    const barTexts = await page.getByTestId('chart-bars').locator('svg text').allTextContents();
    assert.ok(barTexts.some((t) => /^\d,\d\d$/.test(t)), `figures on the bars: ${barTexts.join(' | ')}`);
    const radar = page.getByTestId('chart-radar');
    await radar.scrollIntoViewIfNeeded();
    const rbox = await radar.boundingBox();
    // A1 is the top spoke: its point is straight above the centre.
    const top = want.aspects.A1;
    await page.mouse.move(rbox.x + rbox.width / 2, rbox.y + rbox.height / 2);
    for (let y = rbox.y + rbox.height / 2; y > rbox.y; y -= 2) {
      await page.mouse.move(rbox.x + rbox.width / 2, y);
      if (await radar.locator('svg text', { hasText: `A1 ` }).count()) break;
    }
    const tip = (await radar.locator('svg text').allTextContents()).join('\n');
    assert.match(tip, new RegExp(`A1 [^\\n]*: ${shown(top)}`), `radar tooltip: ${tip}`);
    // Every chart points at the table holding its numbers.
    for (const id of ['chart-radar', 'chart-bars']) {
      const table = await page.getByTestId(id).getAttribute('aria-describedby');
      assert.ok(await page.locator(`#${table}`).isVisible(), `${id} has a visible text alternative`);
    }

    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'results.png') });
    }

    // Last year's file: the index went 2.00 → 2.50 (+0.50), every changed indicator listed.
    await page.getByLabel('Pilih berkas periode lalu').setInputFiles(PREVIOUS);
    await page.getByTestId('index-change').waitFor();
    assert.equal(await page.getByTestId('index-change').innerText(), '▲ +0,50');
    assert.ok(await page.getByRole('heading', { name: /Indikator yang berubah \(\d+\)/ }).isVisible());

    // A bad file is refused and the comparison stays as it was.
    const bad = join(artifactDir(), 'bukan-periode-lalu.json');
    await writeFile(bad, '{"format":"swanilai","version":1}');
    await page.getByLabel('Pilih berkas periode lalu').setInputFiles(bad);
    await page.getByRole('alert').filter({ hasText: 'bukan-periode-lalu.json' }).waitFor();
    assert.equal(await page.getByTestId('index-change').innerText(), '▲ +0,50');

    // Target planning: to reach Baik (2.60) the planner needs 4 steps (0.093 short, at most
    // 0.03 a step), and the what-if of that plan shows the new index without saving it.
    await page.getByLabel('Target yang dituju').selectOption({ label: 'Predikat Baik (≥ 2,60)' });
    const outcome = await page.getByTestId('plan-outcome').innerText();
    const [, raised] = outcome.match(/^Menaikkan (\d+) indikator \(4 langkah tingkat seluruhnya\) mencapai Predikat Baik/) ?? [];
    assert.ok(raised, outcome);
    assert.equal(await page.getByTestId('plan-table').locator('tbody tr').count(), Number(raised), 'one row per indicator raised');
    await page.getByRole('button', { name: 'Simulasikan rencana di atas' }).click();
    assert.match(await page.getByTestId('whatif-index').innerText(), /2,61 \(Baik\)/);
    assert.equal(await page.getByTestId('index').innerText(), shown(want.index), 'the real index is untouched');

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the .xlsx downloads and reads back with the same figures', async () => {
  const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const want = expected(file);
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await openResults(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh Excel (.xlsx)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^swanilai-hasil-pemerintah-kabupaten-sukamaju-spbe-2020-2026-\d{8}-\d{4}\.xlsx$/);
    const path = join(artifactDir(), 'hasil.xlsx');
    await download.saveAs(path);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    assert.deepEqual(wb.worksheets.map((s) => s.name), ['Ringkasan', 'Indikator', 'Rencana Aksi']);

    const summary = wb.getWorksheet('Ringkasan');
    const row = (label) => { let r; summary.eachRow((x) => { if (x.getCell(1).value === label) r = x; }); return r; };
    assert.equal(row('Indeks').getCell(2).value, want.index / 100, 'the index is a number');
    assert.equal(row('Predikat').getCell(2).value, want.predicate);
    for (const [id, h] of Object.entries(want.aspects)) {
      let found;
      summary.eachRow((x) => { if (x.getCell(2).value === id) found = x; });
      assert.equal(found.getCell(5).value, h / 100, `aspect ${id}`);
    }

    const ind = wb.getWorksheet('Indikator');
    assert.equal(ind.rowCount, 48, 'a header and 47 indicators');
    for (let r = 2; r <= 48; r++) {
      const id = String(ind.getRow(r).getCell(1).value);
      assert.equal(ind.getRow(r).getCell(6).value, file.answers[id].value, `value of ${id} is numeric`);
    }

    const plan = wb.getWorksheet('Rencana Aksi');
    let steps;
    plan.eachRow((x) => { if (x.getCell(1).value === 'Langkah tingkat seluruhnya') steps = x.getCell(2).value; });
    assert.equal(steps, 4, 'the plan for the default target (Baik) has 4 steps');

    // The CSV in the Indonesian convention, said on the button and in the name: UTF-8 with
    // a byte-order mark, semicolons, a decimal comma; Python's csv module reads it back.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Unduh tabel indikator \(\.csv; pemisah titik koma/ }).click(),
    ]);
    assert.match(csv.suggestedFilename(), /-titik-koma\.csv$/);
    const text = await readFile(await csv.path(), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.match(text, /^\uFEFFKode;Indikator;Aspek;Domain;Bobot \(%\);Nilai;/);
    const py = [
      'import csv, sys',
      'rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))',
      'w = rows[0].index("Bobot (%)")',
      'print(len(rows) - 1, round(sum(float(r[w].replace(",", ".")) for r in rows[1:]), 6))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', py, await csv.path()], { encoding: 'utf8' });
    assert.equal(out.trim(), '47 100.0', 'Python reads 47 rows whose weights add up to 100');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the coordinator shows the same figures for the reopened consolidation', async () => {
  const want = expected(JSON.parse(await readFile(FIXTURE, 'utf8')));
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await openCoordinatorResults(page);
    assert.equal(await page.getByTestId('index').innerText(), shown(want.index));
    assert.equal(await page.getByTestId('predicate').innerText(), want.predicate);
    for (const [id, h] of Object.entries(want.aspects)) {
      assert.equal((await page.getByTestId(`figure-${id}`).innerText()).trim(), shown(h), `aspect ${id}`);
    }
    // Owners come from the provenance: indicator 36 from BKPSDM, 40 set by the coordinator.
    const table = page.getByTestId('indicator-table');
    assert.match(await table.locator('tr[data-indicator="36"]').innerText(), /Badan Kepegawaian/);
    assert.match(await table.locator('tr[data-indicator="40"]').innerText(), /Koordinator/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the print view gives a PDF with the cover, the summary, the decisions and the Berita Acara', async () => {
  const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const want = expected(file);
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  try {
    await openCoordinatorResults(page);
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { name: 'LAPORAN PENILAIAN MANDIRI' }).waitFor();
    for (const id of ['report-chart-bands', 'report-chart-radar', 'report-chart-bars']) {
      const [w, h] = await drawnSize(page.getByTestId(id));
      assert.ok(w > 0 && h > 0, `${id} drawn`);
    }
    assert.ok(await page.getByRole('button', { name: 'Cetak / Simpan PDF' }).isVisible());

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-header').isVisible(), false, 'app chrome hidden in print');
    assert.equal(await page.getByRole('button', { name: 'Cetak / Simpan PDF' }).isVisible(), false);
    const pdfPath = join(artifactDir(), 'laporan.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });

    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { pages, total } = await parser.getText();
    const pageText = (i) => pages[i].text.replace(/\s+/g, ' ');
    assert.ok(total >= 5, `several pages (${total})`);
    // Page 1: the cover, alone.
    assert.match(pageText(0), /LAPORAN PENILAIAN MANDIRI/);
    assert.match(pageText(0), /Pemerintah Kabupaten Sukamaju/);
    assert.match(pageText(0), /Periode 2026/);
    assert.doesNotMatch(pageText(0), /1\. Ringkasan/);
    // Page 2: the summary with the engine's index and predicate.
    assert.match(pageText(1), /1\. Ringkasan/);
    assert.match(pageText(1), new RegExp(shown(want.index)));
    assert.match(pageText(1), new RegExp(want.predicate));
    // The coordinator's decision on indicator 40, with its reason.
    const all = pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    assert.match(all, /4\. Keputusan koordinator atas perbedaan jawaban/);
    assert.match(all, /5\. Penjelasan dan bukti dukung per indikator/);
    assert.match(all, /Integrasi e-SAKIP dengan e- ?Kinerja/);
    assert.match(all, /Nilai ditetapkan koordinator: 3/);
    // The last page: the Berita Acara with both signature blocks.
    const last = pageText(total - 1);
    assert.match(last, /hasil konsolidasi/);
    assert.match(last, /BERITA ACARA PENILAIAN MANDIRI/);
    assert.match(last, /Koordinator SPBE/);
    assert.match(last, /Penanggung Jawab/);
    assert.match(last, /NIP\./);
    // Nothing of the app's chrome is printed.
    assert.doesNotMatch(all, /Data tetap di perangkat ini|Cetak \/ Simpan PDF|Lompat ke isi/);

    if (SHOTS) {
      // The filled Berita Acara's screenshot comes from e2e/journey.test.mjs.
      const shots = await parser.getScreenshot({ partial: [1], scale: 1.4 });
      await writeFile(join(SHOTS, 'report-cover.png'), shots.pages.find((p) => p.pageNumber === 1).data);
    }
    await parser.destroy();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
