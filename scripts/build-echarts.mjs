#!/usr/bin/env node
// Builds vendor/echarts.custom.min.js (gitignored, generated) from
// scripts/echarts-entry.js with esbuild. Idempotent: skips the build when the
// output is newer than every input, unless --force is given.
//
// Output is a classic IIFE script (not an ES module) because index.html must
// load it *before* trunk's module script, so `globalThis.echarts` exists when
// the wasm starts and charming calls echarts.init.
import { build } from 'esbuild';
import { statSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts/echarts-entry.js');
const out = join(root, 'vendor/echarts.custom.min.js');
const inputs = [entry, fileURLToPath(import.meta.url), join(root, 'package-lock.json')];

const mtime = (p) => { try { return statSync(p).mtimeMs; } catch { return -1; } };
const force = process.argv.includes('--force');
if (!force && mtime(out) > Math.max(...inputs.map(mtime))) {
  console.log(`echarts bundle up to date: ${out}`);
  process.exit(0);
}

// Guard against a caret range sneaking in: charming 0.6 is built for 5.5.1.
const ver = JSON.parse(readFileSync(join(root, 'node_modules/echarts/package.json'), 'utf8')).version;
if (ver !== '5.5.1') {
  console.error(`error: node_modules/echarts is ${ver}, expected 5.5.1 (run npm ci)`);
  process.exit(1);
}

mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: out,
  // echarts checks process.env.NODE_ENV for dev-only warnings; 'production'
  // lets esbuild drop them as dead code.
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'eof', // keep the Apache-2.0 notice in the shipped file
  logLevel: 'warning',
});
console.log(`built ${out} (${statSync(out).size} bytes, echarts ${ver})`);
