#!/usr/bin/env node
// Runs the Playwright e2e tests against the release build in dist/.
//
// 1. serves dist/ under a sub-path (default /spbe/) with scripts/serve-dist.mjs
//    on a free port, so every run proves the build works away from the site root;
// 2. runs every e2e/*.test.mjs with node's built-in test runner, passing the
//    app's URL in E2E_BASE_URL;
// 3. exits with the runner's status.
//
// Usage: node scripts/e2e.mjs [e2e/some.test.mjs ...]
// Env:   E2E_BASE_URL   test an already running server instead (e.g. trunk serve)
//        E2E_PREFIX     sub-path to serve under (default /spbe/)
//        E2E_ARTIFACTS  where screenshots go (default: a fresh temp dir)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

let files = process.argv.slice(2);
if (files.length === 0) {
  // node 20's --test does not expand globs itself, so list the files here.
  files = readdirSync('e2e').filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join('e2e', f));
}
if (files.length === 0) { console.error('no e2e/*.test.mjs files'); process.exit(1); }

let server;
let url = process.env.E2E_BASE_URL;
if (!url) {
  if (!existsSync('dist/index.html')) {
    console.error('dist/index.html missing: run `make dist` first');
    process.exit(1);
  }
  server = await startServer({ root: 'dist', prefix: process.env.E2E_PREFIX || '/spbe/' });
  url = server.url;
}
const artifacts = process.env.E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'swanilai-e2e-'));
console.log(`e2e: ${files.length} file(s) against ${url}; artifacts in ${artifacts}`);

const child = spawn(process.execPath, [
  '--test',
  '--test-reporter=spec',
  // One file at a time: each file launches its own Chromium, and the machine
  // has 2 cores.
  '--test-concurrency=1',
  ...files.map((f) => relative(root, f)),
], {
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: url, E2E_ARTIFACTS: artifacts },
});
const code = await new Promise((ok) => child.on('exit', (c, sig) => ok(c ?? (sig ? 1 : 0))));
await server?.close();
process.exit(code);
