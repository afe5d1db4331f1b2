// Pemdi as the assessors score it (issue 10), end to end: a unit marks evidence items on
// two indicators, accepts one suggestion (exactly 7/6) and overrides the other, exports;
// the coordinator imports it with a second unit's file that marks the same items
// differently, settles that conflict, and the index and aspect shown are the exact
// figures (worked out here with integers: a typed 1,17 would give other ones); assessor
// values for three indicators show the gap table and change no self-assessment figure.
// Screenshots at 1366×768 and 390 px (the checklist, the gap table).
//
// Pemdi weights (8/2026 Bagian B): indicators 3 and 4 (aspect A2) 5 % each; the external
// indicators 5, 6, 7, 18 (5, 3, 3, 3 %) count as 1.00 while missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, artifactDir } from './lib.mjs';
import { startDraft, makeWorkspace } from './flows.mjs';

const SHOTS = process.env.SCREENSHOTS
  ? resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.SCREENSHOTS)
  : null;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function shot(page, name, fullPage = false) {
  const path = join(artifactDir(), `${name}.png`);
  await page.screenshot({ path, fullPage });
  if (SHOTS && !name.endsWith('-phone')) { // the README shows the 1366×768 ones
    await mkdir(SHOTS, { recursive: true });
    await copyFile(path, join(SHOTS, `${name}.png`));
  }
}

/** Half-up hundredths of num/den (both positive integers): the figure shown. */
const shown = (num, den) => Math.floor((num * 200 + den) / (2 * den));
const idFigure = (h) => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;

// Every value below in 600ths (the lcm of hundredths and sixths): 7/6 = 700, 1.24 = 744.
const V = { exact: 700, typed117: 702, own3: 744, one: 600 };
/** Index over the answered and assumed indicators: Σ w·v / Σ w, with 3 and 4 at 5 %. */
const index = (v4) => shown(5 * V.own3 + 5 * v4 + 14 * V.one, 24 * 600);
/** Aspect A2 = (5·v3 + 5·v4) / 10. */
const aspectA2 = (v4) => shown(5 * V.own3 + 5 * v4, 10 * 600);

/** Marks item `id` of the checklist as `state` ("ada", "sebagian", "belum ada"). */
async function mark(page, id, state) {
  await page.getByRole('group', { name: new RegExp(`^${id.replaceAll('.', '\\.')} `) })
    .getByRole('radio', { name: state, exact: true }).check();
}

async function openIndicator(page, code) {
  await page.getByRole('navigation', { name: 'Daftar indikator' })
    .getByRole('link', { name: new RegExp(`^${code.replace('.', '\\.')} `) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${code.replace('.', '\\.')} `) }).waitFor();
}

test('items, exact suggestions, a conflict on item states, and assessor gaps', async (t) => {
  // The expectations themselves: exactness shows in both figures.
  assert.equal(idFigure(index(V.exact)), '1,08');
  assert.equal(idFigure(index(V.typed117)), '1,09');
  assert.equal(idFigure(aspectA2(V.exact)), '1,20');
  assert.equal(idFigure(aspectA2(V.typed117)), '1,21');

  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    // ---------------------------------------------------------------- the unit (Diskominfo)
    await gotoApp(page);
    await startDraft(page, { institution: 'Pemerintah Kota Salatiga', unit: 'Diskominfo', framework: /Pemdi 2026/ });

    // Indicator 2.2 (id 4, collaboration): one of three level-1 items held.
    await openIndicator(page, '2.2');
    await page.getByRole('heading', { name: 'Daftar periksa butir data dukung' }).waitFor();
    assert.match(await page.getByTestId('defensible-4').innerText(), /Belum ada tingkat/);
    await mark(page, '4.L1.1', 'ada');
    await mark(page, '4.L1.2', 'sebagian');
    await mark(page, '4.L1.3', 'belum ada');
    const suggestion = page.getByTestId('suggestion-4');
    await suggestion.getByText('Tingkat 1: 1 dari 3 butir → 1,17 (tepatnya 7/6)').waitFor();
    // A level-2 item marked while level 1 is incomplete: the assessors' rejection, said.
    await mark(page, '4.L2.1', 'ada');
    const rejected = page.getByRole('alert').filter({ hasText: 'asesor akan menolak butir tingkat 2' });
    await rejected.waitFor();
    await page.getByRole('button', { name: 'Hapus tanda butir 4.L2.1' }).click();
    await rejected.waitFor({ state: 'detached' });
    // Evidence linked to the item it proves.
    await page.getByRole('button', { name: '+ Tambah bukti' }).click();
    await page.getByLabel('Judul dokumen/bukti').fill('SK Wali Kota tentang Tim Koordinasi Pemdi 2026');
    await page.getByRole('group', { name: /^4\.L1\.1 / }).getByText('Bukti yang membuktikan butir ini (0)').click();
    await page.getByRole('group', { name: /^4\.L1\.1 / }).getByLabel('SK Wali Kota tentang Tim Koordinasi Pemdi 2026').check();
    await suggestion.getByRole('button', { name: 'Pakai saran ini' }).click();
    await suggestion.getByText('Nilai Anda mengikuti saran ini, disimpan tepat.').waitFor();
    assert.equal(await page.getByLabel(/^Nilai \(1,00/).inputValue(), '1,17');
    await page.getByText('Rentang predikat: Kurang · Merintis · disimpan tepat 7/6').waitFor();
    // The README's picture: the last levels' items above, the suggestion and the value.
    await suggestion.scrollIntoViewIfNeeded();
    await shot(page, 'pemdi-checklist');

    // Indicator 2.1 (id 3, human resources): two of five level-1 items suggest 1,20; the
    // unit keeps its own 1,24, which is flagged, never replaced.
    await openIndicator(page, '2.1');
    await mark(page, '3.L1.1', 'ada');
    await mark(page, '3.L1.2', 'ada');
    await page.getByTestId('suggestion-3').getByText('Tingkat 1: 2 dari 5 butir → 1,20').waitFor();
    await page.getByLabel(/^Nilai \(1,00/).fill('1,24');
    await page.getByTestId('suggestion-3').getByText('Nilai Anda 1,24 berbeda dari saran 1,20.', { exact: false }).waitFor();
    const findings = page.getByRole('region', { name: 'Perlu diperhatikan sebelum dinilai asesor' });
    await findings.getByText(/Nilai 1,24 berbeda dari saran butir/).waitFor();
    assert.equal(await page.getByLabel(/^Nilai \(1,00/).inputValue(), '1,24');

    // Phone width: the checklist stays readable (checked by eye in the screenshot).
    await page.setViewportSize({ width: 390, height: 844 });
    await openIndicator(page, '2.2');
    await page.getByRole('heading', { name: 'Daftar periksa butir data dukung' }).scrollIntoViewIfNeeded();
    await shot(page, 'pemdi-checklist-phone');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('save-state').filter({ hasText: 'Tersimpan' }).waitFor();
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh berkas (.json)' }).click(),
    ]);
    const mine = join(artifactDir(), download.suggestedFilename());
    await download.saveAs(mine);
    const file = JSON.parse(await readFile(mine, 'utf8'));
    assert.deepEqual(
      { value: file.answers['4'].value, exact: file.answers['4'].exact, items: file.answers['4'].items },
      { value: 1.17, exact: '7/6', items: { '4.L1.1': 'ada', '4.L1.2': 'sebagian', '4.L1.3': 'belum' } },
    );
    assert.deepEqual(file.answers['4'].evidence[0].items, ['4.L1.1']);
    assert.equal(file.answers['3'].value, 1.24);
    assert.equal(file.answers['3'].exact, undefined, 'a typed value needs no fraction');

    // Another unit (Bappeda): same value 7/6 for 2.2, items marked differently; same 2.1.
    const other = {
      format: 'swanilai', version: 1, kind: 'submission', framework: 'pemdi-2026',
      institution: 'Pemerintah Kota Salatiga', period: '2026',
      unit: { id: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah' },
      exported_at: '2026-11-20T02:00:00Z',
      answers: {
        '3': { value: 1.24, items: file.answers['3'].items },
        '4': { value: 1.17, exact: '7/6', items: { '4.L1.1': 'belum', '4.L1.2': 'ada', '4.L1.3': 'belum' },
               justification: 'Fakta: Notulensi rapat Tim Koordinasi Pemdi, 14 Agustus 2026.' },
      },
    };
    const theirs = join(artifactDir(), 'swanilai-jawaban-bappeda-pemdi-2026.json');
    await writeFile(theirs, JSON.stringify(other));

    // ---------------------------------------------------------------- the coordinator
    await gotoApp(page, '#/koordinator');
    await makeWorkspace(page, { framework: /Pemdi 2026/, institution: 'Pemerintah Kota Salatiga', coordinator: 'Koordinator Pemdi Kota Salatiga' });
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles([mine, theirs]);
    await page.getByText('2 berkas diproses: 2 diterima.').waitFor();

    await page.getByRole('link', { name: /^4\. Konflik \(1\)/ }).click();
    const card = page.getByRole('region', { name: /^2\.2 / });
    await card.getByText('Nilainya sama, tetapi unit menandai butir data dukung secara berbeda', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Pakai jawaban Bappeda (1,17)' }).click();
    await card.getByText('Diputuskan: nilai 1,17').waitFor();
    // The header's index is the engine's exact figure for 1,24 and 7/6.
    await page.getByRole('status', { name: /Indeks/ }).filter({ hasText: idFigure(index(V.exact)) }).waitFor();

    // Assessor values for three indicators, pasted as from a spreadsheet (one bad line first).
    await page.getByRole('link', { name: '5. Hasil asesor' }).click();
    const paste = page.getByLabel('Nilai asesor untuk tahap ini');
    await paste.fill('Indikator\tNilai\tCatatan\n2.1\t1,00\tPeta kompetensi belum disahkan\n2.2;1\n7.1,1,50\n99\t2');
    await page.getByRole('button', { name: 'Baca dan simpan' }).click();
    await page.getByRole('alert').getByText('Baris 5: "99" bukan nomor indikator Pemdi 2026.').waitFor();
    await paste.fill('Indikator\tNilai\tCatatan\n2.1\t1,00\tPeta kompetensi belum disahkan\n2.2;1\n7.1,1,50');
    await page.getByRole('button', { name: 'Baca dan simpan' }).click();
    await page.getByText('3 nilai asesor disimpan.').waitFor();
    assert.equal(await page.getByLabel('Nilai asesor indikator 7.1').inputValue(), '1,50');

    // Results: the gap table, largest first; the self-assessment's figures unchanged.
    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    const gaps = page.getByTestId('gap-table');
    await gaps.waitFor();
    const codes = (await gaps.getByRole('rowheader').allInnerTexts()).map((h) => h.split(' ')[0]);
    assert.deepEqual(codes.slice(0, 3), ['2.1', '2.2', '7.1'], 'gap 0,24, then 0,17, then no own value');
    const cells = async (code) =>
      gaps.getByRole('row', { name: new RegExp(`^${code.replace('.', '\\.')} `) }).getByRole('cell').allInnerTexts();
    assert.deepEqual(await cells('2.1'), ['1,24', '1,00', '+0,24']);
    assert.deepEqual(await cells('2.2'), ['1,17', '1,00', '+0,17'], '7/6 shown 1,17 against 1');
    assert.deepEqual(await cells('7.1'), ['—', '1,50', '—'], 'no own value, no gap');
    await gaps.getByRole('rowheader', { name: /^2\.1 / }).getByText('Peta kompetensi belum disahkan').waitFor();
    // The two indices rest on different indicators (the assessors valued 7.1 too): no gap.
    assert.match(await page.getByTestId('gap-index').innerText(), /selisih ≠$/);
    assert.equal(await page.getByTestId('index').innerText(), idFigure(index(V.exact)), 'the index is the self-assessment\'s');
    assert.match(await page.getByTestId('figure-A2').innerText(), new RegExp(`^${idFigure(aspectA2(V.exact))}`));
    const gapsTitle = page.getByRole('heading', { name: 'Penilaian mandiri dibanding asesor' });
    await gapsTitle.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'assessor-gaps');
    await page.setViewportSize({ width: 390, height: 844 });
    await gapsTitle.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'assessor-gaps-phone');
    t.diagnostic(`index ${idFigure(index(V.exact))}, A2 ${idFigure(aspectA2(V.exact))}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
