// Merge benchmark (issue 4): 100 unit files, each answering all 47 SPBE 2020
// indicators with a 2 KB justification and three evidence items, imported through the
// coordinator's file input in one go; the time from the input to the coverage view
// being on screen must stay under 1 second.
//
// Used by scripts/bench.mjs: `const { ms } = await benchMerge(browser, url)`.
// Standalone: `node scripts/bench-merge.mjs` (serves dist/ itself).
//
// What is timed, all inside the page (the transfer of 11 MB of test files from
// Playwright into the browser is not part of what a user waits for):
//   import_ms    from the input's change event to the import results painted
//                (read 100 files, validate each, merge, re-render) — set by the app
//                on the results element as data-import-ms;
//   coverage_ms  from the click on the "3. Cakupan" tab to the matrix with its
//                100 unit columns painted (two animation frames after it exists): a
//                matrix this large comes in two parts, and this is its first rows
//                (more than the screen shows), what the coordinator looks at, painted:
//                the app marks that moment (performance mark) in the task after the
//                frame that painted them;
//   coverage_full_ms  the same click to the whole matrix painted (its table no longer
//                aria-busy: every row in the page, for find-in-page and printing);
//   ms           import_ms + coverage_ms; ms_full: import_ms + coverage_full_ms.
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from '../e2e/flows.mjs';

const UNITS = 100;
const INDICATORS = 47;

/** A 2 KB Fakta/Analisis justification, different per unit and indicator. */
function justification(u, i) {
  const fakta = `Fakta: Unit ${u} indikator ${i}: Peraturan Bupati Nomor ${i} Tahun 2025, Pasal ${(i % 9) + 1}, hlm. ${(u % 30) + 1}; SK Kepala Dinas tentang tim pelaksana; laporan pelaksanaan triwulan; tangkapan layar aplikasi dan notulen rapat koordinasi. `;
  const analisis = `\nAnalisis: Dokumen dan sistem yang dirujuk memenuhi kriteria tingkat yang dipilih pada seluruh unit kerja terkait; reviu berkala belum sepenuhnya terdokumentasi. `;
  let text = fakta + analisis;
  while (text.length < 2048) text += 'Rincian bukti dan penerapan dijelaskan dalam lampiran yang dirujuk. ';
  return text.slice(0, 2048);
}

/**
 * The 100 unit files (or `units` of them: e2e/room.test.mjs makes 300), as { name,
 * mimeType, buffer } for setInputFiles.
 */
export function generateFiles(units = UNITS) {
  const files = [];
  for (let u = 1; u <= units; u++) {
    const id = `unit-${String(u).padStart(3, '0')}`;
    const answers = {};
    for (let i = 1; i <= INDICATORS; i++) {
      // The same value per indicator, except that every 20th unit disagrees on
      // indicators 10, 20, 30 and 40: the merge also has conflicts to find.
      const value = ((i + (u % 20 === 0 && i % 10 === 0 ? 1 : 0)) % 5) + 1;
      answers[String(i)] = {
        value,
        justification: justification(u, i),
        evidence: [0, 1, 2].map((e) => ({
          title: `${i}.${'abc'[e]} Dokumen bukti ${e + 1} unit ${u}`,
          reference: `Pasal ${e + 2}, hlm. ${e + 5}`,
          link: `https://arsip.example.go.id/spbe/2026/${id}/${i}-${e}.pdf`,
          level: Math.min(value, 5),
        })),
        service: i >= 45 ? `Layanan publik ${i - 44}` : undefined,
        updated_at: '2026-11-27T08:00:00Z',
      };
    }
    const file = {
      format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020',
      institution: 'Pemerintah Kabupaten Contoh', period: '2026',
      unit: { id, name: `Unit Kerja ${String(u).padStart(3, '0')}` },
      exported_at: '2026-11-28T09:30:00Z', generator: 'bench-merge', answers,
    };
    files.push({ name: `swanilai-jawaban-${id}-spbe-2020-2026.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  }
  return files;
}

/**
 * Runs the benchmark in a fresh context of `browser` against the app at `baseUrl`
 * (ending in "/"). Returns { ms, import_ms, coverage_ms, files, indicators, bytes }.
 */
export async function benchMerge(browser, baseUrl) {
  const files = generateFiles();
  const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(`${baseUrl}#/koordinator`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 2, name: 'Ruang kerja baru' }).waitFor({ timeout: 30000 });
    // No starter units: the matrix has exactly the 100 units of the files.
    await makeWorkspace(page, { institution: 'Pemerintah Kabupaten Contoh', coordinator: 'Koordinator Uji', starterUnits: false });
    await page.getByRole('link', { name: '2. Impor berkas' }).click();

    await page.getByLabel('Pilih berkas jawaban (.json atau .zip, boleh banyak)').setInputFiles(files);
    const results = page.locator('[data-import-batch="1"][data-import-ms]');
    await results.waitFor({ state: 'attached', timeout: 60000 });
    const importMs = Number(await results.getAttribute('data-import-ms'));
    const summary = await page.getByText(/berkas diproses/).innerText();
    if (!summary.startsWith(`${UNITS} berkas diproses: ${UNITS} diterima.`)) throw new Error(`unexpected import result: ${summary}`);

    // Let the autosave of the big workspace settle first: it is not part of the merge.
    await page.getByTestId('save-state').filter({ hasNotText: 'Menyimpan' }).waitFor({ timeout: 30000 });

    const [coverageMs, fullMs] = await page.evaluate(async (units) => {
      // (fails with the page's errors, below, if the view never appears)
      const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === '3. Cakupan');
      const t0 = performance.now();
      link.click();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const painted = async (selector) => {
        while (!document.querySelector(selector)) {
          if (performance.now() - t0 > 30000) throw new Error(`no ${selector} after 30 s`);
          await frame();
        }
        await frame();
        await frame();
        return performance.now() - t0;
      };
      let first = await painted(`table[data-units="${units}"]`);
      // A matrix in two parts: its first part was painted when the app, in the task
      // after that frame, marked it and went on to add the other rows (src/ui/coordinator/coverage.rs).
      const mark = performance.getEntriesByName('swanilai:coverage-first-part-painted').find((m) => m.startTime >= t0);
      if (mark) first = mark.startTime - t0;
      return [first, await painted(`table[data-units="${units}"]:not([aria-busy])`)];
    }, UNITS);
    const table = page.locator(`table[data-units="${UNITS}"]`);
    const rows = await table.getAttribute('data-rows');
    const inPage = await table.locator('tbody tr').count();
    if (Number(rows) !== INDICATORS || inPage !== INDICATORS) throw new Error(`coverage shows ${rows} rows (${inPage} in the page), expected ${INDICATORS}`);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return {
      ms: Math.round(importMs + coverageMs),
      import_ms: Math.round(importMs),
      coverage_ms: Math.round(coverageMs),
      coverage_full_ms: Math.round(fullMs),
      ms_full: Math.round(importMs + fullMs),
      files: UNITS,
      indicators: INDICATORS,
      bytes,
    };
  } catch (e) {
    throw new Error(`${e.message}${errors.length ? `\npage errors: ${errors.join(' | ')}` : ''}`);
  } finally {
    await context.close();
  }
}

// Standalone run: serve dist/, run a few times, print the figures.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startServer } = await import('./serve-dist.mjs');
  const { launchBrowser } = await import('../e2e/lib.mjs');
  const root = process.env.BENCH_DIST || fileURLToPath(new URL('../dist', import.meta.url));
  const server = await startServer({ root, prefix: '/spbe/', gzip: true });
  const browser = await launchBrowser();
  try {
    const runs = Number(process.env.BENCH_RUNS || 3);
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await benchMerge(browser, server.url));
    all.sort((a, b) => a.ms - b.ms);
    console.log(JSON.stringify({ median: all[Math.floor(all.length / 2)], runs: all }, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
