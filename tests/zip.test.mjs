// The release zip writer (scripts/zip.mjs) against independent readers: Python's zipfile
// (what the README's `python -m http.server` users have anyway) and, where installed,
// Info-ZIP's `unzip -t`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipBytes } from '../scripts/zip.mjs';

const entries = [
  { name: 'swanilai-0.1.0/index.html', data: Buffer.from('<!doctype html><title>x</title>\n'.repeat(50)) },
  { name: 'swanilai-0.1.0/koordinator/app_bg.wasm', data: randomBytes(70000) }, // incompressible: stored
  { name: 'swanilai-0.1.0/kosong.txt', data: Buffer.alloc(0) },
  { name: 'swanilai-0.1.0/BACA-SAYA — ini.txt', data: Buffer.from('Bahasa Indonesia ✓\n') },
];
const sha = (b) => createHash('sha256').update(b).digest('hex');

test('Python zipfile reads back every entry byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swanilai-zip-'));
  const path = join(dir, 'a.zip');
  writeFileSync(path, zipBytes(entries));
  const out = execFileSync('python3', ['-c', `
import sys, zipfile, hashlib, json
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest(), i.compress_type] for i in z.infolist()]))
`, path], { encoding: 'utf8' });
  const got = JSON.parse(out);
  assert.deepEqual(got.map(([n, h]) => [n, h]), entries.map((e) => [e.name, sha(e.data)]));
  // The repeated HTML is deflated (8); the random bytes are stored (0).
  assert.equal(got[0][2], 8);
  assert.equal(got[1][2], 0);
});

test('the same entries give the same bytes (fixed dates)', () => {
  assert.equal(sha(zipBytes(entries)), sha(zipBytes(entries)));
});

test('Info-ZIP unzip -t finds no error', (t) => {
  if (spawnSync('unzip', ['-v']).status !== 0) return t.skip('unzip not installed');
  const dir = mkdtempSync(join(tmpdir(), 'swanilai-zip-'));
  const path = join(dir, 'a.zip');
  writeFileSync(path, zipBytes(entries));
  const r = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No errors detected/);
});
