// The shipped styles (scripts/postbuild.mjs step 1a): every stylesheet of every app is its
// source in style/ without comments and spare white space. Chromium must read the two alike,
// rule by rule, and every page must load each sheet (its integrity hash matches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, gotoApp } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const APPS = ['', 'koordinator/', 'hasil/'];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The stylesheets a page links, by file name. */
const sheets = (dir) => [...readFileSync(join(dist, dir, 'index.html'), 'utf8').matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);

test('every shipped stylesheet is read by Chromium exactly as its source', async () => {
  const { context, page } = await openPage(browser);
  try {
    let checked = 0;
    for (const dir of APPS) {
      const names = sheets(dir);
      assert.ok(names.length >= 4, `${dir}index.html links its stylesheets`);
      for (const name of names) {
        const shipped = readFileSync(join(dist, dir, name), 'utf8');
        const source = readFileSync(join(root, 'style', name.replace(/-[0-9a-f]{16}\.css$/, '.css')), 'utf8');
        assert.ok(!shipped.includes('/*') && shipped.length < source.length * 0.9, `${dir}${name} is minified`);
        const [a, b] = await page.evaluate(([x, y]) => {
          // A custom property's value is kept as written: only runs of white space in it
          // may differ, and they mean nothing outside strings (the minifier refuses those).
          const rules = (text) => { const s = new CSSStyleSheet(); s.replaceSync(text); return [...s.cssRules].map((r) => r.cssText.replace(/\s+/g, ' ')); };
          return [rules(x), rules(y)];
        }, [shipped, source]);
        assert.ok(b.length > 20, `${name}: its source has rules`);
        assert.deepEqual(a, b, `${dir}${name} reads as style/ reads`);
        checked++;
      }
    }
    assert.ok(checked >= 12);
  } finally {
    await context.close();
  }
});

test('every page loads all its stylesheets (their integrity hashes match the files)', async () => {
  for (const dir of APPS) {
    const { context, page } = await openPage(browser);
    try {
      await gotoApp(page, dir);
      const loaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => [l.href, Boolean(l.sheet)]));
      assert.equal(loaded.length, sheets(dir).length, `${dir}: every linked sheet`);
      for (const [href, ok] of loaded) assert.ok(ok, `${href} loaded`);
    } finally {
      await context.close();
    }
  }
});
