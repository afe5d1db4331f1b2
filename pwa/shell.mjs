// The first screen in the page itself (issue 12, point 4): scripts/postbuild.mjs puts the
// static top of each app's home screen into its index.html, in place of the source page's
// plain "Memuat Swanilai…". On a slow connection the wasm takes seconds to arrive (about
// 3 s on Lighthouse's simulated slow 4G); meanwhile the user reads the real page: the
// header, what this app is for, and where to go, with a line saying it is still loading.
// The app removes it when it mounts (src/main.rs) and draws the same elements in their
// place, with the same classes, so nothing jumps.
//
// The texts are the app's own: e2e/shell.test.mjs checks every element here against the
// mounted home screen, in both languages, so a change of wording in src/ui fails that test
// until it is made here as well. Each text element carries its English in data-en;
// pwa/start.js swaps it in when the user chose English, and keeps only the header and the
// loading line when the address leads to another screen than the home.

/** Escapes text for HTML (the texts are ours, but an apostrophe or & must stay text). */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An element with its Indonesian text, and its English in data-en. */
const t = (tag, attrs, id, en) => `<${tag}${attrs ? ` ${attrs}` : ''} data-en="${esc(en)}">${esc(id)}</${tag}>`;

/** The header, as src/ui/mod.rs draws it (less the language switch, which needs the app). */
const header = (up) => [
  '<header class="app-header">',
  '<a class="brand" href="#/"><span class="brand-mark" aria-hidden="true">S</span><span class="brand-name">Swanilai</span></a>',
  t('span', 'class="brand-tagline"', 'Penilaian mandiri Pemerintah Digital', 'Digital government self-assessment'),
  '<span class="header-spacer"></span>',
  t('a', `class="header-link" href="${up === './' ? '' : up}#/panduan"`, 'Panduan', 'Guide'),
  t('span', 'class="privacy-badge"', 'Data tetap di perangkat ini', 'Data stays on this device'),
  '</header>',
].join('');

/** The footer, as src/ui/mod.rs draws it (at the foot of the window on a short page). */
const FOOTER = [
  '<footer class="app-footer">',
  t('p', '',
    'Swanilai bekerja sepenuhnya di browser Anda. Simpan cadangan dengan mengunduh berkas secara berkala: menghapus data browser juga menghapus draf.',
    'Swanilai runs entirely in your browser. Keep backups by downloading your file regularly: clearing browser data also clears drafts.'),
  '</footer>',
].join('');

/** The top of each app's home screen (src/ui/start/mod.rs and open_file.rs,
 *  src/ui/coordinator/home.rs, src/ui/results/home.rs). */
const HOME = {
  unit: [
    '<section class="screen start"><div class="intro">',
    t('h1', '', 'Penilaian mandiri SPBE dan Indeks Pemerintah Digital', 'SPBE and Digital Government Index self-assessment'),
    t('p', 'class="lead"',
      'Isi indikator yang menjadi tanggung jawab unit kerja Anda, lengkap dengan penjelasan dan bukti dukung, lalu kirim berkasnya ke koordinator. Semua tersimpan otomatis di browser ini.',
      'Fill in the indicators your unit is responsible for, with explanation and evidence, then send the file to your coordinator. Everything is saved automatically in this browser.'),
    '<p class="intro-aside">',
    t('span', '', 'Mengoordinasikan jawaban semua unit? ', 'Coordinating the answers of all units? '),
    t('a', 'href="./koordinator/#/koordinator"', 'Ke ruang kerja koordinator', 'Go to the coordinator workspace'),
    ' · ',
    t('a', 'href="#/panduan"', 'Panduan singkat', 'Short guide'),
    '</p></div><section class="card open-file">',
    t('h2', '', 'Buka berkas dari koordinator', 'Open the file from your coordinator'),
    t('p', 'class="muted"',
      'Mulai di sini bila koordinator mengirimi Anda berkas penugasan (.json, lewat WhatsApp atau surel): simpan berkasnya, lalu pilih di sini. Bisa juga berkas jawaban unit untuk diperbaiki, atau hasil konsolidasi tahun lalu sebagai titik awal.',
      "Start here if your coordinator sent you an assignment file (.json, by WhatsApp or e-mail): save it, then choose it here. It may also be a unit's submission to revise, or last year's consolidated result as a starting point."),
    '</section></section>',
  ],
  koordinator: [
    '<section class="screen coordinator-home"><div class="intro">',
    t('h1', '', 'Ruang kerja koordinator', 'Coordinator workspace'),
    t('p', 'class="lead"',
      'Tetapkan indikator untuk setiap unit kerja, kirim berkas penugasan, kumpulkan berkas jawaban mereka, selesaikan perbedaan jawaban, lalu hitung indeks gabungan. Semua diproses di browser ini.',
      'Assign indicators to each unit, send the assignment files, collect their answer files, settle differing answers and compute the combined index. Everything is processed in this browser.'),
    '</div></section>',
  ],
  hasil: [
    '<section class="screen narrow results-home">',
    t('h1', '', 'Hasil dan laporan', 'Results and report'),
    t('p', 'class="lead"',
      'Pilih penilaian untuk melihat indeks, grafik, rencana peningkatan dan laporannya.',
      'Choose an assessment to see its index, charts, improvement plan and report.'),
    // The two lists come from the browser's storage: only their titles here.
    '<section class="card">',
    t('h2', '', 'Ruang kerja koordinator', 'Coordinator workspaces'),
    '</section><section class="card">',
    t('h2', '', 'Draf unit', 'Unit drafts'),
    '</section><p>',
    t('a', 'class="btn" href="../#/"', 'Ke halaman awal unit', "To the unit's start page"),
    ' ',
    t('a', 'class="btn" href="../koordinator/#/koordinator"', 'Ke ruang kerja koordinator', 'To the coordinator workspace'),
    '</p></section>',
  ],
};

/** Each app's home route (src/ui/route.rs: Route::Start, CoordinatorHome, ResultsHome), as
 *  the fragment's path segments joined by /; no fragment at all is every app's home. */
const ROUTE = { unit: '', koordinator: 'koordinator', hasil: 'hasil' };

/** The placeholder for the app `name` ('unit', 'koordinator', 'hasil'), whose page is
 *  `up` below the release root; `noscript`, the page's <noscript> block, goes right below
 *  the loading line (without JavaScript it says why nothing loads). */
export function shell(name, up, noscript = '') {
  if (!HOME[name]) throw new Error(`no first screen for app ${name}`);
  return [
    '<div id="app-loading" class="app-loading app-shell">',
    header(up),
    // The notice area's place (empty until the app has something to say): its margin.
    '<div class="notices"></div>',
    '<div class="shell-main">',
    // The route of this home (pwa/start.js compares it with the address).
    ...HOME[name].map((part) => part.replace(/^<section class="screen/, `<section data-home="${ROUTE[name]}" class="screen`)),
    t('p', 'class="shell-status" role="status" aria-live="polite"', 'Memuat Swanilai…', 'Loading Swanilai…'),
    noscript,
    '</div>',
    FOOTER,
    '</div>',
  ].join('\n');
}
