// Starts one app of the release. scripts/postbuild.mjs writes it beside each app's
// index.html (as start-<hash>.js, with the names below filled in) in place of the inline
// module script trunk injects, which the strict Content-Security-Policy (script-src
// 'self', no 'unsafe-inline') would block.
//
// A classic deferred script (not a module) so that it also runs where module scripts
// cannot (a page opened from file:// in Chromium) and can say what to do instead of
// leaving "Memuat Swanilai…" on screen forever.
/* global GLUE, WASM, PWA */
(() => {
  const here = document.currentScript.src;
  const at = (path) => new URL(path, here).href;

  // The first screen in the page (pwa/shell.mjs) is the home's, in Indonesian: in English
  // when the user chose it (the app's setting, src/adapters/storage.rs), and only the header
  // and the loading line when the address leads elsewhere.
  const shell = document.querySelector('#app-loading.app-shell');
  if (shell) {
    // (No optional chaining or other recent syntax here: a browser too old for it must
    // still reach fail() below.)
    let lang = null;
    try {
      lang = localStorage.getItem('swanilai.v1.setting.lang');
    } catch (e) {
      // Storage refused (a privacy setting): the app will say so; the page stays Indonesian.
    }
    if (lang === 'en') {
      shell.lang = 'en';
      for (const el of shell.querySelectorAll('[data-en]')) el.textContent = el.dataset.en;
    }
    // The home, read as src/ui/route.rs reads the fragment: none at all is the app's own
    // home; otherwise its path segments ('#/' and '#//' are the unit's start page, which the
    // other two apps forward to the unit's page).
    const home = shell.querySelector('[data-home]');
    const rest = location.hash.replace(/^#/, '');
    const route = rest.split('/').filter(Boolean).join('/');
    if (home && rest !== '' && route !== home.dataset.home) home.remove();
  }

  // Both languages: the user's choice is in the app, which did not start.
  const fail = (id, en) => {
    const box = document.getElementById('app-loading');
    if (!box) return;
    box.setAttribute('role', 'alert');
    box.className = 'app-loading app-failed';
    box.replaceChildren(...[[id, 'id'], [en, 'en']].map(([text, lang]) => {
      const p = document.createElement('p');
      p.lang = lang;
      p.textContent = text;
      return p;
    }));
  };

  const load = () => import(at(GLUE))
    .then(async (bindings) => {
      const wasm = await bindings.default({ module_or_path: at(WASM) });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
      // The app is on screen. Offline support (the service worker, which downloads the
      // other apps in the background) only once the page has loaded and is idle.
      const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
      const later = () => idle(() => import(at(PWA)).catch(() => {}), { timeout: 3000 });
      if (document.readyState === 'complete') later();
      else addEventListener('load', later, { once: true });
    })
    .catch((e) => {
      console.error(e);
      if (location.protocol === 'file:') {
        fail(
          'Browser ini tidak menjalankan Swanilai langsung dari berkas (file://). Buka folder Swanilai di terminal, jalankan "python -m http.server 8000" (atau "py -m http.server 8000" di Windows), lalu buka http://localhost:8000/ di browser. Lihat BACA-SAYA.txt.',
          'This browser does not run Swanilai straight from a file (file://). Open the Swanilai folder in a terminal, run "python -m http.server 8000" (or "py -m http.server 8000" on Windows), then open http://localhost:8000/ in the browser. See BACA-SAYA.txt.',
        );
      } else if (typeof WebAssembly !== 'object') {
        fail(
          'Browser ini terlalu lama untuk Swanilai (tidak mendukung WebAssembly). Pakai Chrome, Edge atau Firefox versi terbaru.',
          'This browser is too old for Swanilai (no WebAssembly). Use a current Chrome, Edge or Firefox.',
        );
      } else {
        fail(
          'Swanilai gagal dimuat. Periksa sambungan, lalu muat ulang halaman ini.',
          'Swanilai failed to load. Check the connection, then reload this page.',
        );
      }
    });
  // The first screen is painted before the app's download starts: the page's own content
  // first, then the wasm (which takes seconds on a slow connection), not the other way
  // round. A tab in the background paints nothing and starts at once; a browser without
  // paint timing waits for a frame. A page the service worker serves (a repeat visit) also
  // starts at once: its files come from the worker's cache, not down a slow line, so the
  // wasm is read and compiled while the first screen is drawn. (Should the cache have lost
  // them, they come from the network as on a first visit; the styles have loaded by now.)
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load();
  };
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.hidden || (navigator.serviceWorker && navigator.serviceWorker.controller)) {
    start();
  } else {
    // Whatever happens below, a page that is hidden, or never reports its paint, starts.
    addEventListener('visibilitychange', start, { once: true });
    setTimeout(start, 3000);
    let observed = false;
    if (types.indexOf('paint') >= 0) {
      try {
        // Once the browser reports the first screen on the display (a frame drawn is not
        // yet a frame shown: requesting then would still race the paint).
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('first-contentful-paint').length === 0) return;
          observer.disconnect();
          setTimeout(start, 0);
        }).observe({ type: 'paint', buffered: true });
        observed = true;
      } catch (e) {
        // An observer this browser refuses: a frame's wait instead.
      }
    }
    if (!observed) requestAnimationFrame(() => setTimeout(start, 0));
  }
})();
