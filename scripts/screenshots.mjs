#!/usr/bin/env node
// Regenerates the README screenshots (docs/screenshots/*.png, 1366×768; the phone views
// 390×844) from the release build in dist/: the unit's start, fill and export screens
// here, then the coordinator's, the results, the report and the documents pages, the
// phone views, the reminders and the filled Berita Acara, the Pemdi checklist and the
// self-vs-assessor table from their e2e tests (SCREENSHOTS set).
//
// Usage: make dist && node scripts/screenshots.mjs [outdir]
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve-dist.mjs';
import { launchBrowser, openPage } from '../e2e/lib.mjs';
import { startDraft } from '../e2e/flows.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] || join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const server = await startServer({ root: join(root, 'dist'), prefix: '/spbe/' });
const browser = await launchBrowser();
const { page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
const shot = (name) => page.screenshot({ path: join(out, `${name}.png`) });

try {
  await page.goto(server.url);
  await page.waitForSelector('main[data-ready]');
  await shot('start');

  // A BKPSDM draft with a few answers, so the fill screen shows real progress.
  await startDraft(page, { period: null });
  const nav = page.getByRole('navigation', { name: 'Daftar indikator' });
  for (const [n, level] of [['1', 2], ['2', 2], ['25', 3]]) {
    await nav.getByRole('link', { name: new RegExp(`^${n} `) }).click();
    await page.getByRole('group', { name: `Tingkat indikator ${n}` }).getByRole('radio', { name: new RegExp(`^Tingkat ${level} `) }).check();
  }
  await nav.getByRole('link', { name: /^36 / }).click();
  await page.getByRole('group', { name: 'Tingkat indikator 36' }).getByRole('radio', { name: /^Tingkat 3 / }).check();
  await page.getByLabel('Fakta').fill('Aplikasi SIMPEG (simpeg.karanganyarkab.go.id) dikelola BKPSDM: usul cuti, kenaikan pangkat dan mutasi diproses daring dengan persetujuan berjenjang (manual pengguna hlm. 4–9).');
  await page.getByLabel('Analisis').fill('Seluruh proses berjalan dalam satu alur kerja elektronik: memenuhi kriteria tingkat 3 (Transaksi). Belum terintegrasi dengan SIASN, sehingga tingkat 4 belum terpenuhi.');
  await page.getByRole('button', { name: '+ Tambah bukti' }).click();
  await page.getByLabel('Judul dokumen/bukti').fill('Manual pengguna SIMPEG 2025');
  await page.getByLabel('Rujukan (pasal, halaman)').fill('hlm. 4–9');
  await page.getByLabel('Tautan atau lokasi berkas').fill('36.a.Manual-SIMPEG-2025.pdf');
  await page.getByLabel('Mendukung tingkat').selectOption('3');
  await page.getByTestId('save-state').filter({ hasText: 'Tersimpan' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('fill');
  await page.getByRole('heading', { name: 'Penjelasan' }).scrollIntoViewIfNeeded();
  await shot('fill-evidence');

  await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
  await page.getByRole('heading', { name: 'Unduh berkas jawaban' }).waitFor();
  await shot('export');

  if (problems.length) throw new Error(`page problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}

const run = spawnSync(
  process.execPath,
  [
    join(root, 'scripts', 'e2e.mjs'),
    'e2e/coordinator.test.mjs',
    'e2e/results.test.mjs',
    'e2e/documents.test.mjs',
    'e2e/journey.test.mjs',
    'e2e/pemdi.test.mjs',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SCREENSHOTS: out } },
);
if (run.status !== 0) throw new Error('the coordinator, results, documents, journey or Pemdi e2e tests failed; screenshots incomplete');
console.log(`screenshots written to ${out}`);
