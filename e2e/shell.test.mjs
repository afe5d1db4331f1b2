// The first screen in the page (pwa/shell.mjs, issue 12 point 4): while the wasm is still
// on its way, each app shows the static top of its home; the app then draws the same
// elements with the same words, so nothing the user reads changes or grows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, baseUrl, READY_SELECTOR, screenshot } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const APPS = [['unit', ''], ['koordinator', 'koordinator/'], ['hasil', 'hasil/']];
const LANG_KEY = 'swanilai.v1.setting.lang';

/** A page whose wasm download waits until `release()`; every paint entry is recorded. */
async function heldPage(contextOptions = {}, { lang } = {}) {
  const opened = await openPage(browser, contextOptions);
  const { page } = opened;
  await page.addInitScript(([key, value]) => {
    if (value) localStorage.setItem(key, value);
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ time: e.startTime, size: e.size });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }, [LANG_KEY, lang ?? null]);
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  return { ...opened, release };
}

/** The shell's elements that carry words (less its loading line): tag, class, text. */
const shellTexts = (page) => page.$$eval('#app-loading :is(h1, h2, p, a, span[class]):not([role=status])', (els) => els.map((e) => ({
  tag: e.tagName.toLowerCase(),
  cls: e.getAttribute('class') ?? '',
  text: e.textContent.replace(/\s+/g, ' ').trim(),
})).filter((x) => x.text));

/** Whether the mounted app has an element of that tag and class with exactly that text. */
const appHas = (page, { tag, cls, text }) => page.evaluate(([tag, cls, text]) => [...document.querySelectorAll(tag)]
  .filter((e) => !e.closest('#app-loading') && (e.getAttribute('class') ?? '') === cls)
  .some((e) => e.textContent.replace(/\s+/g, ' ').trim() === text), [tag, cls, text]);

for (const [name, path] of APPS) {
  for (const lang of ['id', 'en']) {
    test(`${name} (${lang}): the page shows the home's own words before the wasm arrives, and the app draws the same`, async (t) => {
      const { context, page, problems, release } = await heldPage({}, { lang: lang === 'en' ? 'en' : undefined });
      try {
        await page.goto(baseUrl() + path, { waitUntil: 'domcontentloaded' });
        await page.locator('#app-loading h1').waitFor();
        const texts = await shellTexts(page);
        assert.ok(texts.length >= 5, `the shell has the header, the home's title and lead, the footer (${texts.length})`);
        // In the chosen language: every text run is its Indonesian or its data-en.
        const runs = await page.$$eval('#app-loading [data-en]', (els) => els.map((e) => [e.textContent, e.dataset.en, e.closest('[lang]').lang]));
        for (const [text, en, inLang] of runs) {
          if (lang === 'en') assert.equal(text, en);
          else assert.notEqual(text, en, `${text} is Indonesian`);
          assert.equal(inLang, lang);
        }
        assert.equal((await page.locator('#app-loading [role=status]').textContent()).trim(), lang === 'en' ? 'Loading Swanilai…' : 'Memuat Swanilai…');
        if (lang === 'id') t.diagnostic(`screenshot: ${await screenshot(page, `shell-${name}`)}`);
        // Nothing but the shell so far.
        assert.equal(await page.locator('main').count(), 0);

        release();
        await page.waitForSelector(READY_SELECTOR);
        assert.equal(await page.locator('#app-loading').count(), 0, 'the app took the shell away');
        for (const x of texts) assert.ok(await appHas(page, x), `the app has <${x.tag} class="${x.cls}">${x.text}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  // A phone's screen, as Lighthouse's mobile run has it (its desktop run is at 90 or more
  // without this). On a laptop the coordinator's largest text is the description of opening
  // a consolidated file, beside the new-workspace form, which the shell does not draw.
  const sizes = [['phone', { width: 412, height: 823 }]];
  if (name !== 'koordinator') sizes.push(['laptop', { width: 1366, height: 768 }]);
  for (const [label, viewport] of sizes) {
    test(`${name} on a ${label}: the largest text is painted by the page itself, and the wasm is requested after it`, async () => {
      const { context, page, release } = await heldPage({ viewport });
      try {
        const wasm = page.waitForRequest(/_bg\.wasm$/);
        await page.goto(baseUrl() + path, { waitUntil: 'domcontentloaded' });
        await wasm;
        await page.waitForTimeout(300);
        const before = await page.evaluate(() => performance.now());
        release();
        await page.waitForSelector(READY_SELECTOR);
        await page.waitForTimeout(500);
        // The wasm was requested only once the first screen was shown (no preload racing the
        // styles): its timing entry exists once its download is done.
        const [paint, requested] = await page.evaluate(() => [
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'))?.startTime,
        ]);
        assert.ok(paint !== undefined && requested !== undefined && paint <= requested, `first paint at ${paint} ms, wasm requested at ${requested} ms`);
        const lcp = await page.evaluate(() => window.__lcp);
        assert.ok(lcp.length > 0, 'a largest contentful paint');
        const late = lcp.filter((e) => e.time > before);
        assert.deepEqual(late, [], `nothing larger painted once the app mounted (shell's largest: ${lcp.at(-1).size})`);
      } finally {
        await context.close();
      }
    });
  }
}

// '#/' is the unit's start page: the coordinator's page forwards it there.
for (const [path, home] of [['#/panduan', false], ['koordinator/#/', false], ['koordinator/#/koordinator/', true], ['#/', true], ['hasil/#', true]]) {
  test(`${path} shows ${home ? "that app's home" : 'the header and the loading line, not the home'}`, async () => {
    const { context, page, release } = await heldPage();
    try {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: 'domcontentloaded' });
      await page.locator('#app-loading [role=status]').waitFor();
      assert.equal(await page.locator('#app-loading h1').count(), home ? 1 : 0);
      assert.ok(await page.locator('#app-loading .app-header').isVisible());
      release();
      await page.waitForSelector(READY_SELECTOR);
      // The guide is a part of its own (src/ui/parts.rs): "Membuka…" until it is fetched.
      await page.locator('main h1').first().waitFor();
      assert.equal(await page.locator('main h1').count(), 1);
    } finally {
      await context.close();
    }
  });
}

test('the first paint waits for the start script, so a user who chose English never sees the Indonesian first', async () => {
  const { context, page, problems, release } = await heldPage({}, { lang: 'en' });
  try {
    // A slow start script: the page must not be painted before it has run.
    await page.route(/\/start-[0-9a-f]{16}\.js$/, async (route) => { await new Promise((r) => setTimeout(r, 700)); await route.continue(); });
    await page.goto(baseUrl(), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const [paint, script] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0].startTime,
      performance.getEntriesByType('resource').find((r) => /\/start-[0-9a-f]{16}\.js$/.test(r.name)).responseEnd,
    ]);
    assert.ok(paint >= script, `first paint at ${paint} ms, start script loaded at ${script} ms`);
    assert.equal(await page.locator('#app-loading h1').textContent(), 'SPBE and Digital Government Index self-assessment');
    release();
    await page.waitForSelector(READY_SELECTOR);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the first screen says so below its loading line, without scrolling', async (t) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    await page.goto(baseUrl(), { waitUntil: 'load' });
    // (Playwright's text search leaves <noscript> out: CSS finds it.)
    const message = page.locator('.noscript p[lang=id]');
    assert.match(await message.textContent(), /^Swanilai memerlukan JavaScript dan WebAssembly\./);
    assert.ok(await message.isVisible());
    assert.ok((await message.boundingBox()).y + 20 < 844, 'on the first screen, without scrolling');
    assert.ok((await page.locator('.shell-status').boundingBox()).y < (await message.boundingBox()).y, 'right below the loading line');
    t.diagnostic(`screenshot: ${await screenshot(page, 'shell-noscript-390')}`);
  } finally {
    await context.close();
  }
});
