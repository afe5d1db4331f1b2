// Documents travel with the answers (issue 11), end to end:
// a unit attaches two PDFs (one of 15 MB, made here) to evidence of two indicators,
// reloads and finds them, and exports a .zip bundle; the coordinator drops that bundle,
// a .json from another unit and a bundle with one altered document in one go: the altered
// document is reported by name and indicator, everything else is kept; the evidence
// package downloads with the expected folders, hashes and index sheet. Every zip is read
// back with Python's zipfile and hashlib, independent of the app's own zip and SHA-256.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, screenshot, artifactDir } from './lib.mjs';
import { startDraft, makeWorkspace } from './flows.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'coordinator');
const SHOTS = process.env.SCREENSHOTS;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** A PDF-looking file of `size` bytes whose content depends on `seed`. */
function pdf(size, seed) {
  const buf = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    buf[i] = x >>> 24;
  }
  buf.write('%PDF-1.4\n', 0);
  buf.write('\n%%EOF\n', size - 7);
  return buf;
}

const SMALL = { name: 'Perbup 12-2024 Arsitektur SPBE.pdf', buffer: pdf(180 * 1024, 7) };
const LARGE = { name: 'Pindaian SK Tim SIMPEG.pdf', buffer: pdf(15 * 1024 * 1024, 11) };

/**
 * Reads a zip with Python's zipfile: every name, each entry's SHA-256 (hashlib), the
 * exchange file's JSON if `json` is given, and the shared strings of an inner xlsx.
 */
function pythonZip(path) {
  const code = `
import hashlib, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {"names": z.namelist(), "sha256": {}, "json": None, "sheet": None}
for n in z.namelist():
    data = z.read(n)
    out["sha256"][n] = hashlib.sha256(data).hexdigest()
    if n.endswith(".json") and "/" not in n:
        out["json"] = json.loads(data)
    if n.endswith(".xlsx"):
        out["sheet"] = zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml").decode()
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', code, path], { maxBuffer: 64 << 20 }).toString());
}

/** Writes a copy of a bundle with Python: another unit, and `alter` flipping a byte. */
function pythonAlteredCopy(src, dst, alter) {
  const code = `
import json, sys, zipfile
src, dst, alter = sys.argv[1:4]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for n in z.namelist():
        data = z.read(n)
        if n.endswith(".json") and "/" not in n:
            f = json.loads(data)
            f["unit"] = {"id": "inspektorat", "name": "Inspektorat Daerah"}
            data = json.dumps(f, ensure_ascii=False, indent=2).encode()
        if n == alter:
            data = data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]
        out.writestr(n, data)
`;
  execFileSync('python3', ['-c', code, src, dst, alter]);
}

async function dropFiles(page, zone, files) {
  const payload = await Promise.all(files.map(async ({ path, name, type }) => ({
    name, type, b64: (await readFile(path)).toString('base64'),
  })));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, type, b64 } of items) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name, { type }));
    }
    return dt;
  }, payload);
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

async function openIndicator(page, n, name) {
  await page.getByRole('navigation', { name: 'Daftar indikator' }).getByRole('link', { name: new RegExp(`^${n} `) }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

let bundlePath;

test('a unit attaches two PDFs, finds them after a reload and exports a .zip bundle', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await gotoApp(page);
    await startDraft(page);

    for (const [n, name, level, doc] of [['1', /Kebijakan Internal Arsitektur SPBE/, '3', SMALL], ['36', /Layanan Kepegawaian/, '4', LARGE]]) {
      await openIndicator(page, n, name);
      await page.getByRole('group', { name: `Tingkat indikator ${n}` }).getByRole('radio', { name: new RegExp(`^Tingkat ${level} `) }).check();
      await page.getByRole('button', { name: '+ Tambah bukti' }).click();
      await page.getByLabel('Judul dokumen/bukti').fill(doc.name.replace('.pdf', ''));
      await page.getByLabel('Mendukung tingkat').selectOption(level);
      await page.getByLabel('Lampirkan berkas ke bukti 1').setInputFiles({ name: doc.name, mimeType: 'application/pdf', buffer: doc.buffer });
      await page.getByRole('listitem').filter({ hasText: doc.name }).waitFor();
    }
    assert.ok(await page.getByText('application/pdf · 15 MB').isVisible(), 'type and size shown');
    assert.match(await page.getByText(/Penyimpanan dokumen di browser ini/).innerText(), /terpakai dari/);
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();
    if (SHOTS) {
      await page.getByRole('button', { name: `Buka ${LARGE.name}` }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      await page.screenshot({ path: join(SHOTS, 'fill-documents.png') });
    }

    // Reload: both documents are still there, and the large one opens in a new tab.
    await page.reload();
    await page.waitForSelector('main[data-ready]');
    for (const [n, name, doc] of [['1', /Kebijakan Internal Arsitektur SPBE/, SMALL], ['36', /Layanan Kepegawaian/, LARGE]]) {
      await openIndicator(page, n, name);
      await page.getByRole('listitem').filter({ hasText: doc.name }).waitFor();
    }
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: `Buka ${LARGE.name}` }).click(),
    ]);
    await tab.waitForURL(/^blob:/);
    await tab.close();
    await screenshot(page, 'documents-fill');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: `Buka ${LARGE.name}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactDir(), 'documents-fill-390.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Export the bundle.
    await page.getByRole('link', { name: '2. Periksa & ekspor' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh bundel dengan dokumen (.zip)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^swanilai-jawaban-bkpsdm-spbe-2020-2026-\d{8}-\d{4}\.zip$/);
    bundlePath = join(artifactDir(), download.suggestedFilename());
    await download.saveAs(bundlePath);
    const z = pythonZip(bundlePath);
    const jsonName = z.names.find((n) => n.endsWith('.json'));
    assert.deepEqual(z.names.sort(), [`dokumen/1/${SMALL.name}`, `dokumen/36/${LARGE.name}`, jsonName].sort());
    assert.equal(z.sha256[`dokumen/36/${LARGE.name}`], sha256(LARGE.buffer));
    assert.equal(z.sha256[`dokumen/1/${SMALL.name}`], sha256(SMALL.buffer));
    const listed = z.json.answers['36'].evidence[0].documents[0];
    assert.deepEqual(listed, { name: LARGE.name, type: 'application/pdf', size: LARGE.buffer.length, sha256: sha256(LARGE.buffer), path: `dokumen/36/${LARGE.name}` });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the coordinator imports bundles and a .json in one drop, is told of the altered document, and downloads the evidence package', async () => {
  assert.ok(bundlePath, 'the unit test made the bundle');
  const altered = join(artifactDir(), 'inspektorat-diubah.zip');
  pythonAlteredCopy(bundlePath, altered, `dokumen/36/${LARGE.name}`);

  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    await gotoApp(page, '#/koordinator');
    await makeWorkspace(page);
    await page.getByRole('link', { name: '2. Impor berkas' }).click();

    const zone = page.getByRole('group', { name: 'Tempat menaruh berkas jawaban' });
    await dropFiles(page, zone, [
      { path: bundlePath, name: 'bkpsdm.zip', type: 'application/zip' },
      { path: join(FIXTURES, 'diskominfo.json'), name: 'diskominfo.json', type: 'application/json' },
      { path: altered, name: 'inspektorat-diubah.zip', type: 'application/zip' },
    ]);
    await page.getByText('3 berkas diproses: 3 diterima.').waitFor({ timeout: 60000 });
    const insp = page.getByRole('listitem').filter({ hasText: 'inspektorat-diubah.zip' });
    assert.ok(await insp.getByText(`Dokumen "${LARGE.name}" (indikator 36) telah diubah sejak diekspor`).isVisible(), 'the altered document is named');
    assert.ok(await insp.getByText('$.answers.36.evidence[0].documents[0]').isVisible());

    await page.getByRole('link', { name: 'Dokumen' }).click();
    await page.getByRole('heading', { name: 'Dokumen per indikator' }).waitFor();
    // Four listed: BKPSDM's two, Inspektorat's two, of which the altered one is not kept.
    await page.getByText('4 dokumen tercantum di berkas unit, 3 tersimpan di browser ini').waitFor();
    const rows = page.getByRole('row');
    assert.ok(await rows.filter({ hasText: 'Inspektorat' }).filter({ hasText: LARGE.name }).getByText('tidak tersedia').isVisible());
    assert.ok(await page.getByRole('button', { name: `Buka ${LARGE.name} (BKPSDM, indikator 36)` }).isVisible());
    await screenshot(page, 'coordinator-documents');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'coordinator-documents-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'coordinator-documents.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh paket bukti dukung (.zip)' }).click(),
    ]);
    const pkgPath = join(artifactDir(), download.suggestedFilename());
    await download.saveAs(pkgPath);
    const z = pythonZip(pkgPath);
    const docs = z.names.filter((n) => n.includes('/'));
    assert.deepEqual(docs.sort(), [
      `1 Kebijakan Internal Arsitektur SPBE Instansi Pusat-Pemda/Tingkat 3/BKPSDM - ${SMALL.name}`,
      `1 Kebijakan Internal Arsitektur SPBE Instansi Pusat-Pemda/Tingkat 3/Inspektorat - ${SMALL.name}`,
      `36 Layanan Kepegawaian/Tingkat 4/BKPSDM - ${LARGE.name}`,
    ].sort());
    assert.equal(z.sha256[`36 Layanan Kepegawaian/Tingkat 4/BKPSDM - ${LARGE.name}`], sha256(LARGE.buffer));
    assert.equal(z.sha256[`1 Kebijakan Internal Arsitektur SPBE Instansi Pusat-Pemda/Tingkat 3/Inspektorat - ${SMALL.name}`], sha256(SMALL.buffer));
    assert.ok(z.names.includes('indeks-dokumen.xlsx'));
    assert.equal(z.json.kind, 'consolidated');
    for (const h of [sha256(LARGE.buffer), sha256(SMALL.buffer)]) assert.ok(z.sheet.includes(h), `index lists ${h}`);
    assert.ok(z.sheet.includes(`36 Layanan Kepegawaian/Tingkat 4/BKPSDM - ${LARGE.name}`));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
