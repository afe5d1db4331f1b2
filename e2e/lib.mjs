// Shared helpers for the Playwright e2e tests (e2e/*.test.mjs, run by
// scripts/e2e.mjs with node's built-in test runner) and scripts/bench.mjs.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Why each flag: --no-sandbox because tests run as root; --disable-gpu (no GPU);
// --disable-quic, --disable-background-networking, --disable-component-update,
// --disable-sync, --no-first-run: this machine has no network beyond package
// registries, and without them Chromium keeps dialling Google hosts (refused
// connections, log noise, slower starts); --disable-dev-shm-usage: small /dev/shm
// in containers. Playwright gives every launch a fresh temporary profile.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The app's URL, ending in "/" (set by scripts/e2e.mjs, or by hand to test a running server). */
export function baseUrl() {
  const u = process.env.E2E_BASE_URL;
  if (!u) throw new Error('E2E_BASE_URL is not set: run the tests through `node scripts/e2e.mjs` (or `make test`)');
  return u.endsWith('/') ? u : `${u}/`;
}

/** The selector that marks the app's first interactive screen. */
export const READY_SELECTOR = process.env.APP_READY_SELECTOR || 'main[data-ready]';

export function launchBrowser(opts = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...opts });
}

/**
 * A fresh context + page that records everything that should fail a test:
 * console.error messages, uncaught page errors, failed requests and HTTP >= 400.
 * `problems` is a live array of strings; assert it is empty at the end.
 * Like the users' laptops, the page runs in Indonesian on Jakarta time (WIB) unless told
 * otherwise.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  watchPage(page, problems);
  return { context, page, problems };
}

/** Records what went wrong in `page` into `problems` (see `openPage`), each entry marked
 *  with `which` when a test watches more than one page. */
export function watchPage(page, problems, which = '') {
  const at = which ? ` (${which})` : '';
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error${at}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror${at}: ${err.message}`));
  page.on('requestfailed', (req) => {
    // ERR_ABORTED: the browser dropped the request because the page went on (a link to
    // another app while the icon or the offline script was still loading), not a failure.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed${at}: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}${at}: ${res.url()}`);
  });
  return page;
}

/** Navigates to the app (optionally a path below it) and waits for the ready selector. */
export async function gotoApp(page, path = '', { selector = READY_SELECTOR, timeout = 15000 } = {}) {
  await page.goto(baseUrl() + path, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(selector, { timeout });
}

/**
 * The innerText of every element `locator` matches, once laid out. The import's result
 * items and the files-in-use and history cards are `content-visibility: auto`: Chromium
 * gives such an element an empty innerText until a frame has found it on screen, and an
 * element far off screen keeps it empty. This scrolls to the first one and waits (up to
 * `timeout`) until none is empty.
 */
export async function shownTexts(locator, { timeout = 10000 } = {}) {
  await locator.first().scrollIntoViewIfNeeded({ timeout });
  const until = Date.now() + timeout;
  for (;;) {
    const texts = await locator.allInnerTexts();
    if (texts.length > 0 && texts.every((t) => t !== '')) return texts;
    if (Date.now() > until) throw new Error(`no text shown after ${timeout} ms: ${JSON.stringify(texts)}`);
    await locator.page().waitForTimeout(50);
  }
}

/** The laid-out innerText of the one element `locator` matches (see `shownTexts`). */
export async function shownText(locator, opts) {
  const [text] = await shownTexts(locator.first(), opts);
  return text;
}

let artifacts;
/** A directory for screenshots and other artifacts: $E2E_ARTIFACTS, or one temp dir per process. */
export function artifactDir() {
  if (!artifacts) {
    if (process.env.E2E_ARTIFACTS) {
      artifacts = process.env.E2E_ARTIFACTS;
      mkdirSync(artifacts, { recursive: true });
    } else {
      artifacts = mkdtempSync(join(tmpdir(), 'swanilai-e2e-'));
    }
  }
  return artifacts;
}

/** Saves a full-page screenshot as <artifactDir>/<name>.png and returns the path. */
export async function screenshot(page, name) {
  const path = join(artifactDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
