// Documents benchmark (issue 11): 40 unit bundles carrying 200 MB of documents in all
// (five documents of 1 MB per unit), imported through the coordinator's file input in
// one go, then the evidence package built and downloaded.
//
// Used by scripts/bench.mjs: `const r = await benchDocuments(browser, url)`.
// Standalone: `node scripts/bench-documents.mjs` (serves dist/ itself).
//
// Reported:
//   import_ms     from the input's change event to the results painted (the app's
//                 data-import-ms): read 40 zips, check 200 documents' SHA-256, store
//                 them in IndexedDB, merge;
//   package_ms    from the click on "Unduh paket bukti dukung" to the download starting;
//   longest_task  the longest main-thread task (PerformanceObserver "longtask") during
//                 the import and during the export: the page stays responsive while it
//                 is under 200 ms;
//                 The browser reports only tasks over 50 ms: 0 means none was longer.
//   peak_rss_mb   the peak resident memory of all Chromium processes, sampled every
//                 100 ms with ps (Linux): every process below this one but itself
//                 (Playwright starts Chromium as a child of the script's own process;
//                 its Browser object has no process() to ask).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from '../e2e/flows.mjs';

const UNITS = 40;
const DOCS_PER_UNIT = 5;
const DOC_BYTES = 1024 * 1024;

/** A stored (uncompressed) zip of `files` ([name, Buffer]), UTF-8 names: enough here. */
function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of files) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x800, 8);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(data.length, 20); c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Pseudo-random bytes (documents do not compress; neither should these). */
function noise(size, seed) {
  const buf = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    buf.writeUInt32LE(x, i);
  }
  return buf;
}

/** Writes the 40 bundles into a temporary folder and returns their paths. */
export function generateBundles(dir) {
  const paths = [];
  for (let u = 1; u <= UNITS; u++) {
    const id = `unit-${String(u).padStart(2, '0')}`;
    const answers = {};
    const files = [];
    for (let d = 0; d < DOCS_PER_UNIT; d++) {
      const ind = String(d + 1 + (u % 40));
      const data = noise(DOC_BYTES, u * 100 + d);
      const name = `dokumen-${id}-${d + 1}.pdf`;
      const path = `dokumen/${ind}/${name}`;
      answers[ind] = {
        value: 3,
        justification: `Fakta: dokumen ${name}.\nAnalisis: tingkat 3.`,
        evidence: [{ title: `Bukti ${d + 1}`, level: 3, documents: [{
          name, type: 'application/pdf', size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'), path,
        }] }],
      };
      files.push([path, data]);
    }
    const file = {
      format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020',
      institution: 'Pemerintah Kabupaten Contoh', period: '2026',
      unit: { id, name: `Unit ${u}` }, exported_at: '2026-11-28T09:30:00Z', answers,
    };
    const json = `swanilai-jawaban-${id}.json`;
    const bytes = zip([[json, Buffer.from(JSON.stringify(file))], ...files]);
    const p = join(dir, `${id}.zip`);
    writeFileSync(p, bytes);
    paths.push(p);
  }
  return paths;
}

/** Peak resident memory (MB) of the descendants of process `rootPid` (not itself),
 * sampled until stopped. */
function rssSampler(rootPid) {
  let peak = 0;
  const sample = () => {
    try {
      // (ps itself is a child too, while it runs: left out by name.)
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm=']).toString().trim().split('\n')
        .map((l) => l.trim().split(/\s+/)).filter((r) => r[3] !== 'ps').map((r) => r.slice(0, 3).map(Number));
      const tree = new Set([rootPid]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
      }
      const kb = rows.filter(([pid]) => pid !== rootPid && tree.has(pid)).reduce((s, [, , rss]) => s + rss, 0);
      peak = Math.max(peak, kb / 1024);
    } catch { /* ps unavailable: no figure */ }
  };
  // (No descendant seen at all, e.g. without ps: no figure rather than 0.)
  const timer = setInterval(sample, 100);
  sample();
  return { stop: () => { clearInterval(timer); sample(); return peak > 0 ? Math.round(peak) : null; } };
}

const LONGTASKS = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

export async function benchDocuments(browser, url) {
  const dir = mkdtempSync(join(tmpdir(), 'swanilai-docs-bench-'));
  try {
    const paths = generateBundles(dir);
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true, viewport: { width: 1366, height: 768 } });
    await context.addInitScript(LONGTASKS);
    const page = await context.newPage();
    await page.goto(`${url}#/koordinator`, { waitUntil: 'domcontentloaded' });
    await makeWorkspace(page, { institution: 'Pemerintah Kabupaten Contoh', coordinator: 'Tim Bench' });
    await page.getByRole('link', { name: '2. Impor berkas' }).click();
    await page.waitForSelector('#import-files', { state: 'attached' });

    const rss = rssSampler(process.pid);
    await page.evaluate(() => { window.__longest = 0; });
    await page.setInputFiles('#import-files', paths);
    await page.waitForSelector('.import-results[data-import-ms]', { timeout: 600000 });
    const importMs = Number(await page.getAttribute('.import-results', 'data-import-ms'));
    const importLongest = await page.evaluate(() => window.__longest);
    const summary = await page.locator('.import-summary').innerText();

    await page.getByRole('link', { name: 'Dokumen' }).click();
    await page.getByRole('heading', { name: 'Dokumen per indikator' }).waitFor();
    await page.evaluate(() => { window.__longest = 0; });
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600000 }),
      page.getByRole('button', { name: 'Unduh paket bukti dukung (.zip)' }).click(),
    ]);
    const packageMs = Date.now() - t0;
    const packageLongest = await page.evaluate(() => window.__longest);
    const saved = join(dir, 'paket.zip');
    await download.saveAs(saved);
    const peak = rss.stop();
    await context.close();
    return {
      units: UNITS,
      documents: UNITS * DOCS_PER_UNIT,
      mb: (UNITS * DOCS_PER_UNIT * DOC_BYTES) / (1024 * 1024),
      summary,
      import_ms: importMs,
      import_longest_task_ms: Math.round(importLongest),
      package_ms: packageMs,
      package_longest_task_ms: Math.round(packageLongest),
      peak_rss_mb: peak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startServer } = await import('./serve-dist.mjs');
  const { launchBrowser } = await import('../e2e/lib.mjs');
  const server = await startServer({ root: join(fileURLToPath(new URL('..', import.meta.url)), 'dist'), prefix: '/spbe/' });
  const browser = await launchBrowser();
  try {
    console.log(JSON.stringify(await benchDocuments(browser, `${server.url}koordinator/`), null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
