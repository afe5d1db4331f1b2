// The journey around the answers (issue 13), as the people live it:
//
// 1. On a phone (360×740 and 390×844) no unit screen — start, fill, export, results — is
//    wider than the screen, the steps' tabs fit, and opening the coordinator's file comes
//    first on the start page; at 1366×768 the same holds for the coordinator's tabs, and at
//    360 px for every coordinator screen, its header and tabs included.
// 2. The coordinator sets a deadline and a contact once and downloads BKPSDM's assignment;
//    BKPSDM (on a 390 px phone) sees them at the top of its draft, exports, and is told where
//    the file went and whom to send it to by when; the coordinator's "who has not sent yet"
//    list names the units without files, with a reminder naming the deadline.
// 3. A supporting unit's note and evidence reach the coordinator beside the lead's answer
//    and raise no conflict; the same unit proposing a different level raises one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, screenshot, artifactDir } from './lib.mjs';
import { makeWorkspace } from './flows.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(root, 'tests', 'fixtures', 'exchange');
// Set SCREENSHOTS=docs/screenshots to also write the README's phone, reminder, supporting
// input and filled Berita Acara screenshots there.
const SHOTS = process.env.SCREENSHOTS ? resolve(root, process.env.SCREENSHOTS) : null;
/** The screen as the user sees it, for the README (only when SCREENSHOTS is set). */
const doc = (page, name) => (SHOTS ? page.screenshot({ path: join(SHOTS, `${name}.png`) }) : null);
const ASSIGNMENT = join(FIXTURES, 'assignment-bkpsdm-spbe-2020.json');
const PHONES = [{ width: 360, height: 740 }, { width: 390, height: 844 }];
const DESKTOP = { width: 1366, height: 768 };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/**
 * Elements reaching past the right edge of the viewport, except inside a region that
 * scrolls (or clips) on its own and itself fits (any such region around it): a wide table
 * may scroll in its frame, the page never does sideways. Returns descriptions of the
 * offenders and the page's width.
 */
function overflow(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const contained = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        // A frame that fits holds it (a chart's own clipping box may be wider: its
        // scrolling section is the frame).
        if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX) && p.getBoundingClientRect().right <= vw + 1) return true;
      }
      return false;
    };
    const bad = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
      if (getComputedStyle(el).position === 'fixed') continue;
      if (contained(el)) continue;
      const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
      bad.push(`${name} right=${Math.round(r.right)} "${(el.textContent || '').trim().slice(0, 40)}"`);
    }
    return { vw, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 8) };
  });
}

async function assertFits(page, what) {
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.vw, `${what}: the page is ${o.scrollWidth}px wide in a ${o.vw}px viewport; ${o.bad.join('; ')}`);
  assert.deepEqual(o.bad, [], `${what}: elements wider than the ${o.vw}px viewport`);
}

/** The draft's steps (its tabs). */
const steps = (page) => page.getByRole('navigation', { name: 'Langkah' });

/** The steps' tabs each fit on one line inside the screen. */
async function assertTabsFit(page, what) {
  const tabs = page.getByRole('navigation', { name: 'Langkah' }).getByRole('link');
  const n = await tabs.count();
  assert.equal(n, 3, what);
  const vw = page.viewportSize().width;
  for (let i = 0; i < n; i++) {
    const box = await tabs.nth(i).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= vw + 1, `${what}: tab ${i + 1} inside the screen`);
    assert.ok(box.height < 48, `${what}: tab ${i + 1} on one line (${box.height}px high)`);
  }
}

test('on a phone no unit screen is wider than the screen, and the coordinator file comes first', async () => {
  for (const viewport of PHONES) {
    const tag = `${viewport.width}px`;
    const { context, page, problems } = await openPage(browser, { viewport, isMobile: true, hasTouch: true });
    try {
      await gotoApp(page);
      const open = await page.getByRole('heading', { level: 2, name: 'Buka berkas dari koordinator' }).boundingBox();
      const fresh = await page.getByRole('heading', { level: 2, name: 'Mulai penilaian baru' }).boundingBox();
      assert.ok(open.y < fresh.y, `${tag}: opening the coordinator's file comes before a new assessment`);
      assert.ok(open.y < viewport.height, `${tag}: and is on the first screen`);
      await assertFits(page, `${tag} start`);
      await screenshot(page, `phone-${viewport.width}-start`);

      await page.getByLabel('Pilih berkas .json').setInputFiles(ASSIGNMENT);
      await page.getByRole('heading', { level: 2, name: /Kompetensi Sumber Daya Manusia/ }).waitFor();
      await assertTabsFit(page, `${tag} fill`);
      await assertFits(page, `${tag} fill`);
      await page.getByRole('radio', { name: /^Tingkat 3 / }).check();
      await page.getByLabel('Fakta').fill('Peta kompetensi ASN 2026 (Keputusan Kepala BKPSDM No. 800/112/2026), hlm. 4.');
      await page.getByLabel('Analisis').fill('Pengembangan kompetensi dilaksanakan terencana bagi semua jabatan: tingkat 3.');
      await screenshot(page, `phone-${viewport.width}-fill`);
      if (viewport.width === 390) await doc(page, 'phone-fill');

      await steps(page).getByRole('link', { name: '2. Kirim' }).click();
      await page.getByRole('heading', { level: 2, name: 'Unduh berkas jawaban' }).waitFor();
      await assertTabsFit(page, `${tag} export`);
      await assertFits(page, `${tag} export`);
      await screenshot(page, `phone-${viewport.width}-export`);

      await steps(page).getByRole('link', { name: 'Hasil' }).click();
      await page.getByTestId('index').waitFor({ timeout: 20000 });
      await page.getByTestId('chart-radar').locator('svg').first().waitFor({ timeout: 20000 });
      // One answer of 47: the index is labelled provisional with its completeness.
      assert.match(await page.getByTestId('index-label').innerText(), /sementara \(1 dari 47 indikator bernilai\)/i);
      await assertFits(page, `${tag} results`);
      await screenshot(page, `phone-${viewport.width}-results`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

/** Creates an SPBE 2020 workspace with the Pemda starter units, on tab 1. */
async function newWorkspace(page) {
  await gotoApp(page, 'koordinator/#/koordinator');
  await makeWorkspace(page, { coordinator: 'Rina Wulandari' });
}

test("on a phone no coordinator screen is wider than the screen: the header, the eight tabs, the results and the report", async () => {
  const viewport = PHONES[0];
  const { context, page, problems } = await openPage(browser, { viewport, isMobile: true, hasTouch: true });
  try {
    await newWorkspace(page);
    // Two files of one unit, the second exported later: the files in use and the history
    // both have a row.
    const first = join(FIXTURES, 'submission-bkpsdm-spbe-2020.json');
    const later = JSON.parse(await readFile(first, 'utf8'));
    later.exported_at = '2026-11-29T10:00:00Z';
    const second = join(artifactDir(), 'phone-360-bkpsdm-later.json');
    await writeFile(second, JSON.stringify(later));
    await importFiles(page, [first]);
    await importFiles(page, [second]);
    await page.locator('[data-import-batch="2"][data-import-ms]').waitFor({ state: 'attached' });
    const nav = page.getByRole('navigation', { name: 'Bagian ruang kerja' });
    const tabs = ['1. Unit & penugasan', '2. Impor berkas', '3. Cakupan', /^4\. Konflik/, '5. Hasil asesor', 'Dokumen', 'Hasil & ekspor', 'Laporan'];
    for (const name of tabs) {
      await nav.getByRole('link', { name }).click();
      if (name === 'Laporan') {
        // The report is a document of its own (no workspace header); its charts come last.
        await page.locator('.report-chart svg').first().waitFor({ timeout: 20000 });
        await assertFits(page, '360px coordinator report');
        await screenshot(page, 'phone-360-coordinator-report');
        continue;
      }
      await nav.locator('a[aria-current="page"]').filter({ hasText: name }).waitFor();
      if (name === 'Hasil & ekspor') await page.getByTestId('index').waitFor({ timeout: 20000 });
      await page.locator('main h2').first().waitFor();
      // All eight tabs are on the screen, none cut at the edge.
      for (let i = 0; i < 8; i++) {
        const box = await nav.getByRole('link').nth(i).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, `tab ${i + 1} inside the screen on "${name}"`);
      }
      await assertFits(page, `360px coordinator "${name}"`);
      await screenshot(page, `phone-360-coordinator-tab-${tabs.indexOf(name) + 1}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** Downloads one unit's assignment file from tab 1 and returns its path. */
async function downloadAssignment(page, unit) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Unduh penugasan ${unit}` }).click(),
  ]);
  const path = join(artifactDir(), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Opens an assignment in the unit's app and exports after `fill`; returns the file's path. */
async function unitExports(page, assignment, fill) {
  await gotoApp(page);
  await page.getByLabel('Pilih berkas .json').setInputFiles(assignment);
  await page.getByRole('navigation', { name: 'Daftar indikator' }).waitFor();
  await fill();
  await steps(page).getByRole('link', { name: /^2\. / }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh berkas (.json)' }).click(),
  ]);
  const path = join(artifactDir(), `unit-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/** Imports unit files on tab 2. */
async function importFiles(page, paths) {
  await page.getByRole('link', { name: '2. Impor berkas' }).click();
  await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(paths);
  await page.getByText(new RegExp(`^${paths.length} berkas diproses`)).waitFor();
}

test('the deadline and contact travel with the assignment to the unit and into the reminders', async () => {
  const coord = await openPage(browser, { viewport: DESKTOP, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const unit = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  try {
    const { page } = coord;
    await newWorkspace(page);
    await assertFits(page, '1366px units tab');
    await page.getByLabel('Batas waktu pengiriman berkas').fill('2026-11-30');
    await page.getByLabel('Nama kontak').fill('Rina Wulandari (Diskominfo)');
    await page.getByLabel('Nomor WhatsApp').fill('0812-3456-7890');
    await page.getByLabel('Surel').fill('spbe@karanganyarkab.go.id');
    await page.getByLabel('Petunjuk singkat untuk unit').fill('Sebutkan nama berkas bukti dukung pada Fakta.');
    await page.getByLabel('Nama kontak').click(); // leave the last field: it saves on change
    await screenshot(page, 'journey-coordinator-guidance');
    const assignment = await downloadAssignment(page, 'BKPSDM');
    await page.getByText(/Berkas penugasan BKPSDM diunduh sebagai swanilai-penugasan-bkpsdm-/).waitFor();
    const part = JSON.parse(await readFile(assignment, 'utf8')).assignment;
    assert.equal(part.deadline, '2026-11-30');
    assert.deepEqual(part.contact, { name: 'Rina Wulandari (Diskominfo)', whatsapp: '0812-3456-7890', email: 'spbe@karanganyarkab.go.id' });

    // BKPSDM, on its phone: the guidance at the top, then the next step after exporting.
    const u = unit.page;
    const exported = await unitExports(u, assignment, async () => {
      const guidance = u.getByTestId('guidance');
      assert.match(await guidance.innerText(), /Batas waktu: 30 November 2026/);
      assert.match(await guidance.innerText(), /Rina Wulandari \(Diskominfo\) \(WhatsApp 0812-3456-7890, spbe@karanganyarkab\.go\.id\)/);
      assert.match(await guidance.innerText(), /Sebutkan nama berkas bukti dukung/);
      await screenshot(u, 'journey-unit-guidance');
      await u.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^36 / }).click();
      await u.getByRole('radio', { name: /^Tingkat 3 / }).check();
      await u.getByLabel('Fakta').fill('SIMPEG terhubung dengan SIASN BKN (surat BKN 2026).');
      await u.getByLabel('Analisis').fill('Layanan kepegawaian elektronik terpadu: tingkat 3.');
    });
    const next = await u.getByTestId('next-step').innerText();
    assert.match(next, new RegExp(`Berkas tersimpan di folder Unduhan \\(Downloads\\) sebagai ${exported.name.replace(/\./g, '\\.')}\\.`));
    assert.match(next, /Kirim ke Rina Wulandari \(Diskominfo\) \(WhatsApp 0812-3456-7890, spbe@karanganyarkab\.go\.id\) paling lambat 30 November 2026\./);
    await assertFits(u, '390px export after download');
    await screenshot(u, 'journey-unit-next-step');
    await u.getByTestId('next-step').scrollIntoViewIfNeeded();
    await doc(u, 'phone-export');

    // The coordinator: who has not sent yet, and a reminder naming the deadline. (The
    // download's notice stayed with tab 1.)
    await importFiles(page, [exported.path]);
    assert.equal(await page.getByText(/Berkas penugasan BKPSDM diunduh/).count(), 0, 'a notice stays on its own tab');
    await page.getByRole('link', { name: '3. Cakupan' }).click();
    const dues = page.getByTestId('dues-table');
    await dues.waitFor();
    const row = (unitName) => dues.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unitName, exact: true }) });
    assert.match(await row('BKPSDM').innerText(), /Tiba · versi ke-1, diekspor \d+ \w+ \d{4}, \d\d\.\d\d WIB/);
    for (const unitName of ['Inspektorat', 'Bappeda']) {
      assert.match(await row(unitName).innerText(), /Belum mengirim/, `${unitName} has not sent`);
    }
    await page.getByRole('button', { name: 'Salin pengingat untuk Inspektorat' }).click();
    const text = await page.getByLabel(/^Teks pengingat/).inputValue();
    assert.match(text, /Yth\. Inspektorat, berkas jawaban Swanilai untuk penilaian SPBE 2020 2026 belum kami terima\./);
    assert.match(text, /paling lambat 30 November 2026 kepada Rina Wulandari \(Diskominfo\)/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, 'the reminder is on the clipboard');
    await page.getByRole('button', { name: /^Salin pengingat untuk semua unit yang belum lengkap/ }).click();
    const all = await page.getByLabel(/^Teks pengingat/).inputValue();
    assert.match(all, /- Inspektorat: belum mengirim berkas/);
    assert.match(all, /paling lambat 30 November 2026/);
    assert.doesNotMatch(all, /- BKPSDM: belum mengirim/);
    await assertFits(page, '1366px coverage tab');
    await screenshot(page, 'journey-coordinator-dues');
    await page.getByRole('heading', { name: 'Siapa yang belum mengirim' }).scrollIntoViewIfNeeded();
    await doc(page, 'coordinator-dues');
    assert.deepEqual(coord.problems, []);
    assert.deepEqual(unit.problems, []);
  } finally {
    await coord.context.close();
    await unit.context.close();
  }
});

test("a supporting unit's document travels in its bundle, with no level proposed, and reaches the coordinator's documents", async () => {
  const coord = await openPage(browser, { viewport: DESKTOP, acceptDownloads: true });
  const unit = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  try {
    const { page } = coord;
    await newWorkspace(page);
    const diskominfoAsg = await downloadAssignment(page, 'Diskominfo');
    const u = unit.page;
    await gotoApp(u);
    await u.getByLabel('Pilih berkas .json').setInputFiles(diskominfoAsg);
    await u.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^25 .*pendukung/ }).click();
    await u.getByLabel('Fakta').fill('Diskominfo melatih 40 ASN dalam literasi TIK.');
    await u.getByRole('button', { name: '+ Tambah bukti' }).click();
    await u.getByLabel('Judul dokumen/bukti').fill('Laporan Diklat TIK 2026');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 7), Buffer.from('\n%%EOF\n')]);
    const name = 'Laporan Diklat TIK 2026.pdf';
    await u.getByLabel('Lampirkan berkas ke bukti 1').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await u.getByRole('listitem').filter({ hasText: name }).waitFor();
    await steps(u).getByRole('link', { name: /^2\. / }).click();
    const button = u.getByRole('button', { name: 'Unduh bundel dengan dokumen (.zip)' });
    assert.ok(await button.isEnabled(), 'input without a proposed level can go as a bundle');
    const [download] = await Promise.all([u.waitForEvent('download'), button.click()]);
    const zipPath = join(artifactDir(), `support-${download.suggestedFilename()}`);
    await download.saveAs(zipPath);

    // Read back by Python's zipfile, not by the app.
    const { execFileSync } = await import('node:child_process');
    const z = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
j = [n for n in z.namelist() if n.endswith(".json") and "/" not in n][0]
print(json.dumps({"names": z.namelist(), "json": json.loads(z.read(j))}))
`, zipPath]).toString());
    assert.ok(z.names.includes(`dokumen/25/${name}`), `the document is in the zip: ${z.names}`);
    assert.equal(z.json.support['25'].evidence[0].documents[0].path, `dokumen/25/${name}`);

    await importFiles(page, [zipPath]);
    await page.getByText('1 berkas diproses: 1 diterima.').waitFor();
    await page.getByRole('link', { name: 'Dokumen' }).click();
    await page.getByRole('heading', { name: 'Dokumen per indikator' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    assert.ok(await row.getByText('Diskominfo').first().isVisible(), 'sent by Diskominfo');
    assert.deepEqual([...coord.problems, ...unit.problems], []);
  } finally {
    await coord.context.close();
    await unit.context.close();
  }
});

test("a supporting unit's input reaches the coordinator beside the lead's answer; a different proposed level is a conflict", async () => {
  const coord = await openPage(browser, { viewport: DESKTOP, acceptDownloads: true });
  const unit = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  try {
    const { page } = coord;
    await newWorkspace(page);
    // By the default template BKPSDM leads 25 (Kompetensi SDM) and Diskominfo supports it.
    assert.equal(await page.getByLabel('Penanggung jawab indikator 25').inputValue(), 'bkpsdm');
    const bkpsdmAsg = await downloadAssignment(page, 'BKPSDM');
    const diskominfoAsg = await downloadAssignment(page, 'Diskominfo');

    const u = unit.page;
    const lead = await unitExports(u, bkpsdmAsg, async () => {
      await u.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^25 / }).click();
      await u.getByRole('radio', { name: /^Tingkat 3 / }).check();
      await u.getByLabel('Fakta').fill('Peta kompetensi ASN 2026, hlm. 4.');
      await u.getByLabel('Analisis').fill('Pengembangan kompetensi terencana: tingkat 3.');
    });
    // Diskominfo, supporting 25: input for the lead, no level.
    const evidence = 'Laporan Diklat TIK bagi 40 ASN 2026';
    const input = await unitExports(u, diskominfoAsg, async () => {
      await u.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^25 .*pendukung/ }).click();
      await u.getByText(/Indikator ini dipimpin unit lain; unit Anda pendukung/).waitFor();
      assert.ok(await u.getByRole('group', { name: /^Usulan tingkat indikator 25/ }).isVisible());
      await u.getByLabel('Fakta').fill('Diskominfo melatih 40 ASN dalam literasi TIK (Diklat TIK 2026).');
      await u.getByRole('button', { name: '+ Tambah bukti' }).click();
      await u.getByLabel('Judul dokumen/bukti').fill(evidence);
      await screenshot(u, 'journey-support-input');
    });
    const sent = JSON.parse(await readFile(input.path, 'utf8'));
    assert.equal(sent.answers?.['25'], undefined, 'input is not an answer');
    assert.equal(sent.support['25'].evidence[0].title, evidence);

    await importFiles(page, [lead.path, input.path]);
    await page.getByRole('link', { name: /^4\. Konflik/ }).click();
    await page.getByText('Tidak ada konflik: setiap indikator yang dijawab lebih dari satu unit bernilai sama.').waitFor();
    const card = page.getByRole('region', { name: /^25 / });
    await card.waitFor();
    assert.ok(await card.getByRole('heading', { level: 3, name: 'BKPSDM' }).isVisible(), "the lead's answer");
    assert.ok(await card.getByRole('heading', { level: 3, name: 'Diskominfo' }).isVisible(), 'beside it, the input');
    assert.ok(await card.getByText('Masukan tanpa usulan tingkat').isVisible());
    assert.ok(await card.getByText(evidence).isVisible());
    assert.ok(await card.getByText(/melatih 40 ASN/).isVisible());
    await screenshot(page, 'journey-coordinator-support-input');
    await page.getByRole('heading', { level: 2, name: 'Masukan unit pendukung' }).scrollIntoViewIfNeeded();
    await doc(page, 'coordinator-support-input');

    // Diskominfo now deliberately proposes level 4: a conflict for the coordinator.
    const proposal = await unitExports(u, diskominfoAsg, async () => {
      await u.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: /^25 .*pendukung/ }).click();
      await u.getByLabel('Fakta').fill('Diskominfo: 12 ASN bersertifikat kompetensi TIK (BNSP 2026).');
      await u.getByRole('radio', { name: /^Tingkat 4 / }).check();
    });
    await importFiles(page, [proposal.path]);
    await page.getByRole('link', { name: /^4\. Konflik \(1\)/ }).click();
    const conflict = page.getByRole('region', { name: /^25 / }).filter({ hasText: 'Perlu keputusan.' });
    await conflict.waitFor();
    assert.ok(await conflict.getByText('pendukung · usulan tingkat').isVisible());
    assert.ok(await conflict.getByRole('button', { name: 'Pakai jawaban Diskominfo (4)' }).isVisible());
    assert.ok(await conflict.getByRole('button', { name: 'Pakai jawaban BKPSDM (3)' }).isVisible());
    await screenshot(page, 'journey-coordinator-support-conflict');
    assert.deepEqual(coord.problems, []);
    assert.deepEqual(unit.problems, []);
  } finally {
    await coord.context.close();
    await unit.context.close();
  }
});

test('the Berita Acara is entered once and printed on A4 with its number, date, place and signatories', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  try {
    await gotoApp(page, 'koordinator/#/koordinator');
    // The example consolidation without its Berita Acara: one not entered yet.
    const example = JSON.parse(await readFile(join(FIXTURES, 'consolidated-spbe-2020.json'), 'utf8'));
    delete example.coordination.berita_acara;
    const blank = join(artifactDir(), 'consolidated-without-berita-acara.json');
    await writeFile(blank, JSON.stringify(example));
    await page.getByLabel('Pilih berkas konsolidasi (.json)').setInputFiles(blank);
    await page.getByRole('link', { name: 'Hasil & ekspor' }).click();
    const form = page.getByRole('region', { name: /^Berita Acara: nomor/ });
    await form.waitFor();
    // Nothing entered yet: the usual two signatories, the Koordinator being the Sekda.
    assert.equal(await form.getByLabel('Sebagai').nth(1).inputValue(), 'Koordinator SPBE');
    assert.equal(await form.getByLabel('Jabatan').nth(1).inputValue(), 'Sekretaris Daerah');

    await form.getByLabel('Nomor Berita Acara').fill('027/118/SPBE/2026');
    await form.getByLabel('Tanggal').fill('2026-12-02');
    await form.getByLabel('Tempat').fill('Karanganyar');
    await form.getByLabel('Jabatan').first().fill('Kepala Dinas Komunikasi dan Informatika');
    await form.getByLabel('Nama lengkap dan gelar').first().fill('Ir. Bambang Setiawan, M.T.');
    await form.getByLabel('NIP (18 angka)').first().fill('19780314 200312 1 004');
    await form.getByLabel('Nama lengkap dan gelar').nth(1).fill('Drs. Sutarno, M.Si.');
    // A NIP that is not 18 digits is refused with the reason.
    await form.getByLabel('NIP (18 angka)').nth(1).fill('1970051219950310');
    await form.getByLabel('Tempat').click();
    assert.match(await form.getByRole('alert').innerText(), /NIP terdiri dari 18 angka/);
    await form.getByLabel('NIP (18 angka)').nth(1).fill('19700512 199503 1 002');
    await form.getByLabel('Tempat').click();
    await form.getByRole('alert').waitFor({ state: 'detached' });
    // A letterhead drawn here, saved as a PNG.
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 1200; c.height = 150;
      const g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, 1200, 150);
      g.fillStyle = '#0a3d73'; g.font = 'bold 44px sans-serif'; g.fillText('PEMERINTAH KABUPATEN KARANGANYAR', 60, 70);
      g.font = '26px sans-serif'; g.fillText('Jl. Lawu No. 385, Karanganyar 57712', 60, 115);
      g.fillRect(0, 140, 1200, 6);
      return c.toDataURL('image/png').split(',')[1];
    });
    const kop = join(artifactDir(), 'kop.png');
    await writeFile(kop, Buffer.from(png, 'base64'));
    await form.getByLabel('Pilih gambar kop surat (PNG/JPEG)').setInputFiles(kop);
    await form.getByRole('img', { name: 'Kop surat yang dipakai' }).waitFor();
    await screenshot(page, 'journey-minutes-form');
    await form.scrollIntoViewIfNeeded();
    await doc(page, 'coordinator-minutes');

    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { name: 'BERITA ACARA PENILAIAN MANDIRI' }).waitFor();
    assert.match(await page.getByTestId('prepared-by').innerText(), /Koordinator SPBE Diskominfo/);

    // Laid out as on paper (A4 less 15 mm margins = 180 mm = 680 px): nothing sticks out.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 680, height: 960 });
    await assertFits(page, 'print layout at the A4 content width');
    const pdf = await page.pdf({ path: join(artifactDir(), 'berita-acara.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { pages, total } = await parser.getText();
    const last = pages[total - 1].text.replace(/\s+/g, ' ');
    assert.match(last, /BERITA ACARA PENILAIAN MANDIRI/);
    assert.match(last, /Nomor: 027\/118\/SPBE\/2026/);
    assert.match(last, /Pada hari ini Rabu, tanggal 2 Desember 2026, bertempat di Karanganyar/);
    assert.match(last, /Karanganyar, 2 Desember 2026/);
    assert.match(last, /Ir\. Bambang Setiawan, M\.T\./);
    assert.match(last, /NIP\. 19780314 200312 1 004/);
    assert.match(last, /Drs\. Sutarno, M\.Si\./);
    assert.match(last, /NIP\. 19700512 199503 1 002/);
    assert.match(last, /Koordinator SPBE, Sekretaris Daerah/);
    assert.match(last, /Kepala Dinas Komunikasi dan Informatika/);
    if (SHOTS) {
      const shots = await parser.getScreenshot({ partial: [total], scale: 1.4 });
      await writeFile(join(SHOTS, 'report-berita-acara.png'), shots.pages[0].data);
    }
    await parser.destroy();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('where the phone can share files, "Bagikan" hands the exported file to the share sheet', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    // A phone browser's Web Share API (Level 2, with files), recorded instead of opened.
    await context.addInitScript(() => {
      navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length === 1;
      navigator.share = async (data) => {
        const f = data.files[0];
        window.__shared = { name: f.name, type: f.type, text: data.text, json: JSON.parse(await f.text()) };
      };
    });
    await gotoApp(page);
    await page.getByLabel('Pilih berkas .json').setInputFiles(ASSIGNMENT);
    await page.getByRole('heading', { level: 2, name: /Kompetensi Sumber Daya Manusia/ }).waitFor();
    await page.getByRole('radio', { name: /^Tingkat 2 / }).check();
    await steps(page).getByRole('link', { name: '2. Kirim' }).click();
    await page.getByRole('button', { name: 'Bagikan (WhatsApp, surel…)' }).click();
    await page.getByTestId('next-step').waitFor();
    const shared = await page.evaluate(() => window.__shared);
    assert.match(shared.name, /^swanilai-jawaban-bkpsdm-spbe-2020-2026-\d{8}-\d{4}\.json$/);
    assert.equal(shared.type, 'application/json');
    assert.equal(shared.json.answers['25'].value, 2);
    assert.equal(shared.text, 'Berkas jawaban Swanilai BKPSDM, penilaian SPBE 2020 periode 2026.');
    assert.match(await page.getByTestId('next-step').innerText(),
      /^Berkas swanilai-jawaban-bkpsdm-\S+\.json dibagikan\. Pastikan terkirim ke Rina Wulandari, Diskominfo \(WhatsApp 0812-3456-7890, spbe@karanganyarkab\.go\.id\) paling lambat 30 November 2026\./);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
