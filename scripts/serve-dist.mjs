#!/usr/bin/env node
// A tiny static server for the release build, used by the e2e tests and the
// benchmark. It serves dist/ under a sub-path (default /spbe/) so every run
// proves the build works away from the site root, as it will on a
// government intranet (https://host/spbe/). gzip is on by default so load
// timings resemble a real web server (python's http.server does not compress).
//
// Library:  const srv = await startServer({ root: 'dist', prefix: '/spbe/' }); srv.url; await srv.close();
// CLI:      node scripts/serve-dist.mjs [--root dist] [--prefix /spbe/] [--port 8081] [--no-gzip]
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // application/wasm is required for WebAssembly.instantiateStreaming, which
  // trunk's loader uses; other types make it fall back or fail.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};
/**
 * What a gzip-serving host sends for `file` (whose bytes are `body`): the release's own .gz
 * copy when it is newer than the file (as nginx's gzip_static serves it), else gzip -9 of
 * it. scripts/budget.mjs counts the same bytes.
 */
export function gzipped(file, body = readFileSync(file)) {
  const copy = statSync(`${file}.gz`, { throwIfNoEntry: false });
  return copy && copy.mtimeMs > statSync(file).mtimeMs ? readFileSync(`${file}.gz`) : gzipSync(body, { level: 9 });
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.webmanifest']);

/** Normalises a prefix to "/x/" form ("/" for the root). */
function normPrefix(p) {
  let s = p.startsWith('/') ? p : `/${p}`;
  if (!s.endsWith('/')) s += '/';
  return s;
}

// prettyUrls: answer `…/index.html` with a 308 to its folder, as some static hosts do
// (Cloudflare Pages, for one), for the offline test of such a host.
export async function startServer({ root = 'dist', prefix = '/spbe/', host = '127.0.0.1', port = 0, gzip = true, log = false, prettyUrls = false } = {}) {
  const rootAbs = resolve(root);
  const pre = normPrefix(prefix);
  const gzCache = new Map(); // path -> [mtime, gzip -9 buffer]

  const server = createServer(async (req, res) => {
    const send = (code, body, headers = {}) => {
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
      if (log) console.log(`${code} ${req.method} ${req.url}`);
    };
    try {
      const url = new URL(req.url, 'http://x');
      let path = decodeURIComponent(url.pathname);
      if (path === pre.slice(0, -1)) return send(301, '', { Location: pre + url.search });
      if (!path.startsWith(pre)) return send(404, `not under ${pre}\n`);
      path = path.slice(pre.length);
      if (prettyUrls && (path === 'index.html' || path.endsWith('/index.html'))) {
        return send(308, '', { Location: pre + path.slice(0, -'index.html'.length) + url.search });
      }
      if (path === '' || path.endsWith('/')) path += 'index.html';
      let file = resolve(rootAbs, path);
      if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return send(403, 'forbidden\n');
      let st = await stat(file).catch(() => null);
      // SPA fallback: an extension-less path the app may route to gets index.html.
      if (!st && !extname(path)) { file = join(rootAbs, 'index.html'); st = await stat(file).catch(() => null); }
      if (!st || !st.isFile()) return send(404, 'not found\n');

      const ext = extname(file);
      const headers = {
        'Content-Type': TYPES[ext] || 'application/octet-stream',
        // Tests and benchmarks want every load to hit the server.
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      let body = await readFile(file);
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        // A test may publish a new file into the folder it serves: keyed by mtime too.
        const hit = gzCache.get(file);
        if (!hit || hit[0] !== st.mtimeMs) gzCache.set(file, [st.mtimeMs, gzipped(file, body)]);
        body = gzCache.get(file)[1];
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`200 ${req.method} ${req.url}`);
    } catch (e) {
      send(500, `${e}\n`);
    }
  });

  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const addr = server.address();
  return {
    url: `http://${host}:${addr.port}${pre}`,
    port: addr.port,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const srv = await startServer({
    root: opt('--root', 'dist'),
    prefix: opt('--prefix', '/spbe/'),
    port: Number(opt('--port', '8081')),
    gzip: !args.includes('--no-gzip'),
    log: true,
  });
  console.log(`serving ${opt('--root', 'dist')} at ${srv.url} (Ctrl-C to stop)`);
}
