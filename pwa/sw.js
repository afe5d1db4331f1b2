// Swanilai's service worker: every file of the three apps (the unit's, the
// coordinator's, results and report) kept in one versioned cache, so after one visit
// the whole tool opens with no connection.
//
// scripts/postbuild.mjs writes this file into dist/ with the two constants below
// filled in from the build itself (the hashed file names trunk wrote), never by hand:
//   VERSION  a digest of every precached file's content: a new release is a new
//            VERSION, hence a byte-different sw.js, which the browser installs beside
//            the running one and keeps *waiting*;
//   FILES    every file to keep, relative to this worker's folder (the release root),
//            so the same dist/ works from any sub-path.
//
// A waiting worker is never forced on open pages: the page (pwa.js) offers "Versi
// baru tersedia — muat ulang", and only when the user accepts does it send
// SKIP_WAITING; otherwise the new version starts when every Swanilai tab is closed.
/* global VERSION, FILES */
const CACHE = `swanilai-${VERSION}`;
const scope = new URL('./', self.location).href;
const urls = FILES.map((f) => new URL(f, scope).href);
const known = new Set(urls);

// An app's page is asked for by its folder (`…/koordinator/`): the folder of a page's
// address, or null for any other file. The cache keeps each page under that address too,
// so that the browser can answer it without this worker (below).
const folderOf = (url) => (url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : null);
const pages = urls.map(folderOf).filter(Boolean);

// Static routes (Chromium 123 and later; elsewhere the fetch handler below does the same):
// this release's files, asked for by their exact address without a query, are answered
// by the browser straight from this version's cache, without waiting for this worker to
// start or running any of its script, so a repeat visit waits for no JavaScript before its
// first byte (e2e/offline.test.mjs asks Chromium which route answered). A file missing
// from the cache (storage cleared mid-run) is fetched from the network. Other requests
// (the catalogue texts, asked for with their digest as the query; `…/koordinator` without
// its slash; a page with a query) still go to the fetch handler below.
function routes() {
  const exact = (s) => s.replace(/[\\:*?+()[\]{}]/g, (c) => `\\${c}`);
  return {
    condition: {
      or: [...urls, ...pages].map((href) => {
        const u = new URL(href);
        return {
          urlPattern: {
            protocol: u.protocol.slice(0, -1),
            hostname: exact(u.hostname),
            port: u.port,
            pathname: exact(u.pathname),
            search: '',
          },
        };
      }),
    },
    source: { cacheName: CACHE },
  };
}

self.addEventListener('install', (event) => {
  // Hashed names never change content: the HTTP cache may answer. The pages, the
  // manifest and this list's other unhashed files are revalidated with the server.
  const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(urls.map((url) => {
        // A page is downloaded by its folder, the address a navigation asks for: some hosts
        // answer `…/index.html` with a redirect to the folder, and the browser refuses a
        // redirected answer for a navigation (it would not open offline).
        const dir = folderOf(url);
        return fetch(new Request(dir || url, { cache: hashed.test(url) ? 'default' : 'no-cache' })).then((res) => {
          if (!res.ok) throw new Error(`${dir || url}: HTTP ${res.status}`);
          if (!dir) return cache.put(url, res);
          return Promise.all([cache.put(url, res.clone()), cache.put(dir, res)]);
        });
      })),
    ),
  );
  // A browser that refuses the routes (too many, an older syntax) still has the handler.
  if (event.addRoutes) {
    event.waitUntil(event.addRoutes(routes()).catch((e) => console.warn('Swanilai: static routes refused, the fetch handler serves instead', e)));
  }
});

self.addEventListener('activate', (event) => {
  // Only now, when this version is the one pages use, drop the older versions' caches.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('swanilai-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(scope)) return;
  const url = new URL(req.url);
  url.hash = '';
  // A page of an app: `…/koordinator/` (any query) is its index.html.
  if (req.mode === 'navigate') {
    url.search = '';
    if (url.pathname.endsWith('/')) url.pathname += 'index.html';
    else if (known.has(`${url.href}/index.html`)) {
      // `…/koordinator` without its slash: its relative links need the slash.
      event.respondWith(Response.redirect(`${url.href}/`, 301));
      return;
    }
  }
  // The catalogue texts are asked for with their digest as the query (katalog/x.json?v=…),
  // for HTTP caches; the cache holds this release's copy, whose digest the app checks.
  if (!known.has(url.href)) {
    url.search = '';
    if (!known.has(url.href)) return;
  }
  // Cache first: the cache holds exactly one release, consistent with itself; the
  // network is only asked if the cache lost the file (storage cleared mid-run).
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(url.href))
      .then((hit) => hit || fetch(req)),
  );
});
