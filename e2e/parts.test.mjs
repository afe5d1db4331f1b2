// The parts (src/ui/parts.rs, scripts/split.mjs): each app's home comes with the page's own
// wasm, the screens behind it in wasm files of their own. A part is fetched in the
// background once the home is up, or when first opened; one that cannot be fetched says so
// and offers a reload, and the user's work is intact after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp, screenshot } from './lib.mjs';
import { startDraft } from './flows.mjs';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures/results/consolidated-spbe-2020-2026.json');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const PART = /\/split_draft-[0-9a-f]{16}\.wasm$/;
const WORKSPACE_PART = /\/split_workspace-[0-9a-f]{16}\.wasm$/;

test('each app fetches the part its home leads to in the background, without a click', async () => {
  for (const [dir, part] of [['', PART], ['koordinator/', WORKSPACE_PART], ['hasil/', WORKSPACE_PART]]) {
    // No service worker: its background download of every file would fetch the parts too.
    const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
    try {
      const fetched = page.waitForRequest((r) => part.test(r.url()), { timeout: 15000 });
      await gotoApp(page, dir);
      await fetched;
      assert.deepEqual(problems, [], dir || 'unit');
    } finally {
      await context.close();
    }
  }
});

test('a draft whose part cannot be fetched says so, and opens after a reload with nothing lost', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  try {
    // The connection drops before the part has come: every fetch of it fails.
    await page.route(PART, (route) => route.abort('internetdisconnected'));
    await gotoApp(page);
    await startDraft(page);
    const notice = page.getByRole('alert').filter({ hasText: 'Bagian aplikasi ini belum dapat dimuat' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Data Anda tetap aman di browser ini/);
    await screenshot(page, 'part-unloaded-phone');
    const url = page.url();
    assert.match(url, /#\/draf\/[a-z0-9]+/, 'the draft was made before its screens were asked for');

    // Back online: the reload button opens the same draft.
    await page.unroute(PART);
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByRole('heading', { level: 2, name: /Kebijakan Internal Arsitektur SPBE/ }).waitFor();
    assert.equal(page.url(), url);
    await page.goto(url.replace(/#.*$/, '#/'));
    await page.getByText('BKPSDM · SPBE 2020 · 2026').first().waitFor();

    // What failed is only the part's fetch (and the loader's report of it), nothing else.
    const unexpected = problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
    assert.ok(problems.length > 0, 'sanity: the failed fetch is recorded');
    assert.deepEqual(unexpected, []);
  } finally {
    await context.close();
  }
});

test('a file opened while the reader cannot be fetched is refused with a clear message, and opens once it can', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  // The reader's part and the code it shares with the draft's screens.
  const READER = /\/(split_reader|chunk_\d+)-[0-9a-f]{16}\.wasm$/;
  try {
    await page.route(READER, (route) => route.abort('internetdisconnected'));
    await gotoApp(page);
    await page.getByLabel('Pilih berkas .json').setInputFiles(FIXTURE);
    await page.getByText(/Pembaca berkas belum dapat dimuat/).waitFor();
    await screenshot(page, 'reader-unloaded');
    assert.doesNotMatch(page.url(), /#\/draf/, 'still on the start page');
    await page.getByText(/^Belum ada draf\./).waitFor();
    assert.equal(await page.locator('section.drafts table').count(), 0, 'no draft was made');

    await page.unroute(READER);
    await page.getByLabel('Pilih berkas .json').setInputFiles(FIXTURE);
    await page.getByRole('link', { name: 'Hasil & perencanaan' }).waitFor();
    assert.match(page.url(), /#\/draf\//);
    assert.ok(problems.length > 0, 'sanity: the failed fetch is recorded');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)), []);
  } finally {
    await context.close();
  }
});

test("the coordinator's home makes no workspace while the part that reads frameworks cannot be fetched, and makes one once it can", async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  // The coordinator's home parses no framework: making a workspace (new, or reopened from
  // a consolidated file) is in its reader part and the code that part shares.
  const READER = /\/koordinator\/(split_reader|chunk_\d+)-[0-9a-f]{16}\.wasm$/;
  try {
    await page.route(READER, (route) => route.abort('internetdisconnected'));
    await gotoApp(page, 'koordinator/');
    await page.getByRole('heading', { level: 2, name: 'Ruang kerja baru' }).waitFor();
    await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Contoh');
    await page.getByLabel(/^Nama koordinator/).fill('Tim SPBE');
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
    await page.getByText(/Ruang kerja belum dapat dibuat/).waitFor();
    assert.doesNotMatch(page.url(), /#\/koordinator\/[a-z0-9]/, 'still on the home');

    await page.getByLabel('Pilih berkas konsolidasi (.json)').setInputFiles(FIXTURE);
    await page.getByText(/Pembaca berkas belum dapat dimuat/).waitFor();
    await screenshot(page, 'coordinator-maker-unloaded');
    assert.equal(await page.locator('section.coordinator-home table').count(), 0, 'no workspace was made');

    // Back, on a slow connection: a second click while the part arrives makes no second
    // workspace.
    await page.unroute(READER);
    await page.route(READER, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    // A double click: the second arrives while the first waits for the part (after the
    // first, the button is aria-disabled, which Playwright's click would wait out).
    await page.getByRole('button', { name: 'Buat ruang kerja' }).dblclick();
    await page.getByRole('link', { name: '2. Impor berkas' }).waitFor();
    assert.match(page.url(), /#\/koordinator\/[a-z0-9]+/);
    await gotoApp(page, 'koordinator/');
    await page.locator('section.coordinator-home tbody tr').first().waitFor();
    assert.equal(await page.locator('section.coordinator-home tbody tr').count(), 1, 'one workspace');
    assert.ok(problems.length > 0, 'sanity: the failed fetch is recorded');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)), []);
  } finally {
    await context.close();
  }
});
