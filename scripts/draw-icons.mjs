#!/usr/bin/env node
// Draws the PNG icons of the web app manifest from the hand-written SVGs in pwa/
// (icon.svg: rounded, for "any" use; icon-maskable.svg: full bleed, content inside the
// maskable safe zone) with headless Chromium. The PNGs are committed, so a build needs no
// browser; run this again only after changing an SVG:
//   node scripts/draw-icons.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/lib.mjs';

const pwa = join(dirname(fileURLToPath(import.meta.url)), '..', 'pwa');
const ICONS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const browser = await launchBrowser();
try {
  for (const [svg, png, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(join(pwa, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    await page.screenshot({ path: join(pwa, png), omitBackground: true });
    await page.close();
    console.log(`pwa/${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
