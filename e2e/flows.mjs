// Steps several e2e files take the same way, as a person would: a new draft or workspace,
// leaving the page, a browser that blocks storage, a second tab.
import { gotoApp } from './lib.mjs';

/** Starts a new SPBE 2020 draft for BKPSDM from the start screen, on its first indicator. */
export async function newDraft(page) {
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Karanganyar');
  await page.getByLabel('Periode').fill('2026');
  await page.getByLabel('Unit kerja (SKPD/OPD)').fill('BKPSDM');
  await page.getByRole('radio', { name: /SPBE 2020/ }).check();
  await page.getByRole('button', { name: 'Mulai mengisi' }).click();
  await page.getByRole('heading', { level: 2, name: /Kebijakan Internal Arsitektur SPBE/ }).waitFor();
}

/** Creates an SPBE 2020 workspace (the usual Pemda units) and opens its import tab. */
export async function newWorkspace(page) {
  await gotoApp(page, '#/koordinator');
  await page.getByRole('radio', { name: /SPBE 2020/ }).check();
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Karanganyar');
  await page.getByLabel('Periode').fill('2026');
  await page.getByLabel(/^Nama koordinator/).fill('Tim Koordinasi SPBE');
  await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
  await page.getByRole('heading', { level: 2, name: 'Penugasan indikator' }).waitFor();
  await page.getByRole('link', { name: '2. Impor berkas' }).click();
  await page.getByRole('heading', { name: 'Impor berkas jawaban unit' }).waitFor();
}

// "Tersimpan …" at the start: "Belum tersimpan" (not saved) contains the word too.
export const saved = (page) => page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor();

/**
 * Whether leaving the page would ask for confirmation: dispatches a cancelable
 * "beforeunload" to the window and reports whether the app cancelled it. (Closing the page
 * for real with runBeforeUnload makes headless Chromium's dialog handling flaky.)
 */
export function leavingAsks(page) {
  return page.evaluate(() => {
    const ev = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
}

/** Makes every page of `context` behave as under a policy that blocks site data. */
export function blockStorage(context) {
  return context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
}

/** The id in the page's URL after `#/draf/` or `#/koordinator/`. */
export const idIn = (page) => page.url().match(/#\/(?:draf|koordinator)\/([^/]+)/)[1];
