// Steps several e2e files take the same way, as a person would: a new draft or workspace,
// leaving the page, a browser that blocks storage, a second tab.
import { gotoApp } from './lib.mjs';

/**
 * Fills the start screen's new assessment and starts it: SPBE 2020 for BKPSDM unless told
 * otherwise (`period` or `framework` null: the form's own default is left as it is).
 */
export async function startDraft(page, {
  institution = 'Pemerintah Kabupaten Karanganyar',
  period = '2026',
  unit = 'BKPSDM',
  framework = /SPBE 2020/,
} = {}) {
  await page.getByLabel('Nama instansi').fill(institution);
  if (period) await page.getByLabel('Periode').fill(period);
  await page.getByLabel('Unit kerja (SKPD/OPD)').fill(unit);
  if (framework) await page.getByRole('radio', { name: framework }).check();
  await page.getByRole('button', { name: 'Mulai mengisi' }).click();
}

/** Starts a new SPBE 2020 draft for BKPSDM from the start screen, on its first indicator. */
export async function newDraft(page) {
  await startDraft(page);
  await page.getByRole('heading', { level: 2, name: /Kebijakan Internal Arsitektur SPBE/ }).waitFor();
}

/**
 * From the coordinator's home (`#/koordinator`), a new workspace made as a person makes it:
 * SPBE 2020 with the starter units unless told otherwise. Waits for its first tab.
 */
export async function makeWorkspace(page, {
  framework = /SPBE 2020/,
  institution = 'Pemerintah Kabupaten Karanganyar',
  coordinator = 'Tim Koordinasi SPBE Diskominfo',
  starterUnits = true,
} = {}) {
  await page.getByRole('radio', { name: framework }).check();
  await page.getByLabel('Nama instansi').fill(institution);
  await page.getByLabel('Periode').fill('2026');
  await page.getByLabel(/^Nama koordinator/).fill(coordinator);
  if (!starterUnits) await page.getByLabel(/^Mulai dengan daftar unit Pemda/).uncheck();
  await page.getByRole('button', { name: 'Buat ruang kerja' }).click();
  await page.getByRole('heading', { level: 2, name: 'Penugasan indikator' }).waitFor();
}

/** Creates an SPBE 2020 workspace (the usual Pemda units) and opens its import tab. */
export async function newWorkspace(page, { institution = 'Pemerintah Kabupaten Karanganyar', starterUnits = true } = {}) {
  await gotoApp(page, '#/koordinator');
  await makeWorkspace(page, { institution, coordinator: 'Tim Koordinasi SPBE', starterUnits });
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

/**
 * Makes every page of `context` behave as under a policy that blocks site data: reading
 * localStorage or indexedDB throws (drafts live in the one, the coordinator's workspaces
 * and documents in the other).
 */
export function blockStorage(context) {
  return context.addInitScript(() => {
    for (const name of ['localStorage', 'indexedDB']) {
      Object.defineProperty(window, name, { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    }
  });
}

/**
 * Lets a test run IndexedDB out of room (call before the page loads; then
 * `limitStorage`). A write larger than the room left is accepted and then fails the way the
 * browser fails it when its quota is reached: the transaction aborts, with
 * QuotaExceededError as its error. (Chromium's DevTools quota override only applies to an
 * origin that has not used storage yet, so it cannot fill up in the middle of a session.)
 * Local storage has its own quota and is not affected.
 */
export function quotaCanRunOut(context) {
  return context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, ...rest) {
      const request = put.call(this, value, ...rest);
      const room = window.__swanilaiRoom;
      const size = value instanceof Blob ? value.size : typeof value === 'string' ? value.length : 0;
      if (room !== undefined && size > room) {
        const tx = this.transaction;
        const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        Object.defineProperty(tx, 'error', { get: () => error });
        tx.abort();
      }
      return request;
    };
  });
}

/** From now on only writes of at most `room` bytes fit in IndexedDB (see `quotaCanRunOut`). */
export function limitStorage(page, room) {
  return page.evaluate((room) => { window.__swanilaiRoom = room; }, room);
}

/** The text stored in the app's IndexedDB store under `key` (null when absent). */
export function idbText(page, key) {
  return page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('swanilai');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('kv')) { db.close(); resolve(null); return; }
      const req = db.transaction('kv').objectStore('kv').get(key);
      req.onerror = () => reject(req.error);
      req.onsuccess = async () => {
        const v = req.result;
        db.close();
        resolve(v === undefined ? null : typeof v === 'string' ? v : await v.text());
      };
    };
  }), key);
}

/** Writes `text` under `key` in the app's IndexedDB store, as a Blob like the app's own. */
export function idbPut(page, key, text) {
  return page.evaluate(({ key, text }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('swanilai');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(new Blob([text]), key);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  }), { key, text });
}

/** The id in the page's URL after `#/draf/` or `#/koordinator/`. */
export const idIn = (page) => page.url().match(/#\/(?:draf|koordinator)\/([^/]+)/)[1];
