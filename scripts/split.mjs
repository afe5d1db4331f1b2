#!/usr/bin/env node
// Code splitting of one app of the release (src/ui/parts.rs), run by the Makefile right
// after `trunk build` of that app and before the next app's build replaces cargo's output.
//
// Trunk has no step for wasm-split (trunk-rs/trunk#1022), so this takes over from its rust
// step: trunk's cargo build (feature `split`; `.cargo/config.toml` links with
// --emit-relocs, which the splitter needs) is split here, and trunk's own wasm-bindgen
// output, made from the unsplit wasm, is replaced:
//
// 1. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup-build.sh)
//    cuts cargo's wasm at the functions marked `wasm_split`: a main wasm with what the
//    first screen needs, one wasm per part (and per piece of code that parts share), and
//    a small ES module that fetches and links a part when it is first called;
// 2. wasm-bindgen (--keep-lld-exports: the parts link to the main wasm's exports) makes
//    the JS glue for the main wasm;
// 3. wasm-opt -O1 (binaryen 132, as trunk would; see ARCHITECTURE.md "Size" for why not
//    -Oz) on the main wasm and on every part;
// 4. names with content hashes: a part is named by its own hash; the glue, the main wasm
//    and the loader import each other (the glue imports the loader, which imports the
//    glue), so the three share one hash taken over all of them and the parts' names;
// 5. the page: trunk's names for the glue and the wasm are replaced, the glue's
//    modulepreload gets its new integrity hash, and the loader gets a modulepreload of
//    its own (the glue imports it before it can start). scripts/postbuild.mjs then
//    reads the page as it reads trunk's.
//
// Usage: node scripts/split.mjs --dist dist/koordinator --features app-coordinator,split
//   (the features of that app's trunk build: cargo is asked for the same build again, which
//   is already fresh and takes a second, so the wasm split is surely that app's)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { hash16, sri } from './hashes.mjs';
import { minifyJs } from './minify.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const die = (msg) => {
  console.error(`split.mjs: ${msg}`);
  process.exit(1);
};
const dist = join(root, arg('dist', 'dist'));
const features = arg('features') ?? die('--features (those of the app\'s trunk build) is required');
const raw = join(root, 'target/wasm32-unknown-unknown/release/swanilai.wasm');
const work = join(root, 'target', 'split', basename(dist));
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    die(`${cmd} ${args.join(' ')} failed (${e.code === 'ENOENT' ? 'not installed: run scripts/setup-build.sh' : `exit ${e.status}`})`);
  }
};

// ------------------------------------------------------------------ trunk's output
const page = join(dist, 'index.html');
if (!existsSync(page)) die(`${page} is missing: run trunk build first`);
let html = readFileSync(page, 'utf8');
const script = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? '';
const oldGlue = script.match(/from\s+'\.\/([^']+\.js)'/)?.[1];
const oldWasm = script.match(/module_or_path:\s*'\.\/([^']+\.wasm)'/)?.[1];
if (!oldGlue || !oldWasm) die(`${page}: cannot read the glue and wasm names from trunk's script (already split?)`);
if (/<link rel="modulepreload" href="\.\/split-[0-9a-f]{16}\.js"/.test(html)) die(`${page} is already split: build the app with trunk again first`);
const preload = new RegExp(`<link rel="modulepreload" href="\\./${oldGlue.replace(/[.]/g, '\\.')}"([^>]*?) integrity="[^"]*"([^>]*)>`);
if (!preload.test(html)) die(`${page}: no modulepreload of ${oldGlue} with an integrity hash`);
// The wasm-opt trunk would have run (Trunk.toml pins binaryen 132; Debian's 108 breaks the wasm).
const optVersion = (() => {
  try {
    return execFileSync('wasm-opt', ['--version']).toString();
  } catch {
    return '';
  }
})();
if (!/version[ _]132\b/.test(optVersion)) die(`wasm-opt is not binaryen 132 (${optVersion.trim() || 'not found'}): put node_modules/.bin first on PATH, as the Makefile does`);
if (!features.split(',').includes('split')) die('the features must include split (src/ui/parts.rs)');
// The same cargo build as trunk's (fresh, so nothing is compiled): cargo's output is then
// this app's wasm, whichever app was built last.
run('cargo', ['build', '--release', '--offline', '--quiet', '--target', 'wasm32-unknown-unknown', '--bin', 'swanilai', '--no-default-features', '--features', features]);

// ------------------------------------------------------------------ 1-3. split, bind, optimise
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'split'), { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'swanilai', raw, join(work, 'split')]);
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', join(work, 'bindgen'), join(work, 'split', 'swanilai.wasm')]);
const LOADER = '__wasm_split.js';
const partNames = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== 'swanilai.wasm').sort();
const opt = (from, to) => run('wasm-opt', ['-O1', from, '-o', to]);
opt(join(work, 'bindgen', 'swanilai_bg.wasm'), join(work, 'main.wasm'));
for (const p of partNames) opt(join(work, 'split', p), join(work, `opt-${p}`));

// ------------------------------------------------------------------ 4. names
let loader = readFileSync(join(work, 'split', LOADER), 'utf8');
let glue = readFileSync(join(work, 'bindgen', 'swanilai.js'), 'utf8');
const main = readFileSync(join(work, 'main.wasm'));
const parts = partNames.map((name) => {
  const bytes = readFileSync(join(work, `opt-${name}`));
  return { name, bytes, file: `${name.replace(/\.wasm$/, '')}-${hash16(bytes)}.wasm` };
});
const swap = (text, from, to, what) => {
  if (!text.includes(from)) die(`the ${what} does not name ${from} (has wasm-split's output changed?)`);
  return text.split(from).join(to);
};
for (const p of parts) loader = swap(loader, `"./${p.name}"`, `"./${p.file}"`, 'loader');
// The glue and the loader name each other and the main wasm by a hash taken over all
// three, so their names are written with a placeholder first, then both are minified
// (scripts/minify.mjs), then hashed as shipped, then the placeholder filled in.
const H = 'SWANILAI_HASH_PLACEHOLDER';
const names = (h) => ({ glue: `swanilai-${h}.js`, wasm: `swanilai-${h}_bg.wasm`, loader: `split-${h}.js` });
loader = swap(loader, 'from "./swanilai.js"', `from "./${names(H).glue}"`, 'loader');
glue = swap(glue, `from "./${LOADER}"`, `from "./${names(H).loader}"`, 'glue');
glue = swap(glue, `'swanilai_bg.wasm'`, `'${names(H).wasm}'`, 'glue');
[glue, loader] = [glue, loader].map((code) => minifyJs(code, { module: true }));
const h = hash16(main, glue, loader);
[glue, loader] = [glue, loader].map((code) => code.split(H).join(h));
const shipped = names(h);

// ------------------------------------------------------------------ 5. into the release
rmSync(join(dist, oldGlue));
rmSync(join(dist, oldWasm));
writeFileSync(join(dist, shipped.glue), glue);
writeFileSync(join(dist, shipped.wasm), main);
writeFileSync(join(dist, shipped.loader), loader);
for (const p of parts) writeFileSync(join(dist, p.file), p.bytes);
html = html.replace(preload, (_, a, b) =>
  `<link rel="modulepreload" href="./${shipped.glue}"${a} integrity="${sri(glue)}"${b}>` +
  `<link rel="modulepreload" href="./${shipped.loader}"${a} integrity="${sri(loader)}"${b}>`);
html = html.split(oldGlue).join(shipped.glue).split(oldWasm).join(shipped.wasm);
writeFileSync(page, html);

const kb = (b) => `${(gzipSync(b, { level: 9 }).length / 1000).toFixed(1)} KB`;
console.log(`split ${basename(dist)}: main ${kb(main)} gzip, ${parts.map((p) => `${p.file} ${kb(p.bytes)}`).join(', ') || 'no parts'}`);
