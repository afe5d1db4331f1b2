#!/usr/bin/env node
// Writes the hostile-file corpus (issue 9) into tests/fixtures/hostile/: files a careless
// sender or an attacker might hand to Swanilai, and a manifest saying what each one is
// and what the app must do with it. e2e/hostile.test.mjs runs every file through the
// unit's "open a file" and the coordinator's import.
//
// Reproducible: no clock, no randomness beyond a fixed-seed generator. Run it again
// after changing a case: `node scripts/hostile-fixtures.mjs`. The 50 MB file is not
// written here (it would bloat the repository): the manifest describes it and the test
// makes it in a temporary folder.
//
// Manifest entries: { file, what, expect, browser?, coordinator?, generate? }, where `expect`
// is what the file reader (`exchange::parse`, tests/hostile.rs) answers, `browser` what both
// doors in the browser answer when they differ (they recognise a .zip bundle by its bytes,
// whatever its name), `coordinator` what the coordinator's import answers when it differs.
// Each is
//   { outcome: "refused", path, mentions }  the file is refused; a problem at `path` (a
//       JSON path) is listed, its Indonesian message contains every word of `mentions`;
//   { outcome: "accepted", warning?, shows? }  the file opens; `warning`: a warning at
//       that path is shown; `shows`: texts the screen must show as written.
// `pending` names the branch whose reader fix the case waits for.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'fixtures', 'hostile');
const exchange = join(root, 'tests', 'fixtures', 'exchange');
const read = (name) => JSON.parse(readFileSync(join(exchange, name), 'utf8'));

// -- Valid starting points ---------------------------------------------------------------

/** A small valid SPBE 2020 submission; `unit` distinguishes the accepted ones. */
function submission(unit = { id: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' }) {
  return {
    format: 'swanilai', version: 1, kind: 'submission', framework: 'spbe-2020',
    institution: 'Pemerintah Kabupaten Karanganyar', period: '2026', unit,
    exported_at: '2026-11-28T09:30:00Z', generator: 'Swanilai 0.1.0',
    answers: {
      1: {
        value: 3,
        justification: 'Fakta: Perbup No. 12 Tahun 2024 tentang Arsitektur SPBE, Pasal 4.\nAnalisis: Memenuhi kriteria tingkat 3.',
        evidence: [{ title: 'Perbup 12/2024 Arsitektur SPBE', reference: 'Pasal 4, hlm. 3', link: '1.a.Perbup-12-2024.pdf', level: 3, date: '2025-06-01', review: true }],
        updated_at: '2026-11-27T03:00:00Z',
      },
      45: { value: 2, justification: 'Fakta: Layanan SIMPEG daring.\nAnalisis: Tingkat 2.', evidence: [], service: 'Layanan Kepegawaian' },
    },
  };
}

function assignment() {
  return {
    format: 'swanilai', version: 1, kind: 'assignment', framework: 'spbe-2020',
    institution: 'Pemerintah Kabupaten Karanganyar', period: '2026',
    unit: { id: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
    exported_at: '2026-11-01T02:00:00Z', answers: {},
    assignment: { lead: ['25', '36'], support: ['1'] },
  };
}

const consolidated = () => read('consolidated-spbe-2020.json');

function pemdi() {
  return {
    format: 'swanilai', version: 1, kind: 'submission', framework: 'pemdi-2026',
    institution: 'Pemerintah Kabupaten Karanganyar', period: '2026',
    unit: { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika' },
    exported_at: '2026-11-28T09:30:00Z', answers: { 5: { value: 2.47, justification: 'Fakta: Indeks SDI 2026.', evidence: [] } },
  };
}

// -- Helpers ---------------------------------------------------------------------------------

/** A copy of `doc` with the value at `at` (a list of keys) replaced by `v`. */
function set(doc, at, v) {
  const copy = structuredClone(doc);
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  // Defined, not assigned: assigning to "__proto__" would set the prototype instead.
  Object.defineProperty(o, at[at.length - 1], { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `$.answers.1.evidence[0].title` for ['answers', '1', 'evidence', 0, 'title']. */
function jsonPath(at) {
  return at.reduce((p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${k}`), '$');
}

/** Indented, except the (large) consolidated files. */
const json = (doc) => (doc.kind === 'consolidated' ? JSON.stringify(doc) : JSON.stringify(doc, null, 2));

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real (stored, uncompressed) zip holding one file. */
function zip(name, content) {
  const n = Buffer.from(name);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  const centralAt = local.length + n.length + data.length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12); end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/** Bytes from a fixed-seed xorshift generator: "random", and the same on every run. */
function noise(length, seed = 0x9e3779b9) {
  const b = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    b[i] = x & 0xff;
  }
  // Start with a byte that can never begin UTF-8 text, so no run can happen to read as text.
  b[0] = 0xff;
  return b;
}

// -- The cases ---------------------------------------------------------------------------------

const cases = [];
const files = new Map();
function add(file, content, what, expect, more = {}) {
  if (files.has(file)) throw new Error(`duplicate fixture ${file}`);
  files.set(file, content);
  cases.push({ file, what, expect, ...more });
}
const refused = (path, ...mentions) => ({ outcome: 'refused', path, mentions });

// Bytes that are not a Swanilai file at all.
const valid = json(submission());
add('empty.json', '', 'an empty file', refused('$', 'kosong'));
add('whitespace-only.json', '  \n\t\n', 'only spaces and line breaks', refused('$', 'kosong'));
add('not-json.json', 'ini bukan JSON {', 'plain text, not JSON', refused('$', 'JSON'));
add('truncated.json', valid.slice(0, Math.floor(valid.length / 2)), 'a valid file cut off halfway', refused('$', 'terpotong'));
add('utf16le.json', Buffer.from(`\ufeff${valid}`, 'utf16le'), 'a valid file saved as UTF-16 (little endian, with BOM)', refused('$', 'UTF-16'));
add('utf16be.json', Buffer.from(`\ufeff${valid}`, 'utf16le').swap16(), 'a valid file saved as UTF-16 (big endian, with BOM)', refused('$', 'UTF-16'));
add('random-binary.json', noise(4096), '4 KB of random bytes', refused('$', 'UTF-8'));
// A bundle whose name lost its .zip on the way (a chat app, a careless rename): the reader
// of .json bytes refuses it, naming ZIP; the browser's doors see the zip and open the bundle.
add('zip-renamed.json', zip('swanilai-jawaban.json', json(submission({ id: 'dinas-zip', name: 'Dinas Berkas Zip' }))),
  'a zip archive (holding a valid file) renamed .json', refused('$', 'ZIP'),
  { browser: { outcome: 'accepted', shows: ['Dinas Berkas Zip'] } });
add('pdf-renamed.json', Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise(512, 7)]), 'a PDF renamed .json', refused('$', 'PDF'));
add('top-array.json', '[]', 'a top-level array', refused('$', 'objek'));
add('top-null.json', 'null', 'a top-level null', refused('$', 'objek'));
add('top-number.json', '42', 'a top-level number', refused('$', 'objek'));
add('top-string.json', '"swanilai"', 'a top-level string', refused('$', 'objek'));
add('nesting-100000.json', `${'['.repeat(100000)}${']'.repeat(100000)}`, '100 000 levels of nested arrays', refused('$', 'JSON'));
add('nesting-in-answer.json', valid.replace('"value": 3', `"value": ${'['.repeat(100000)}3${']'.repeat(100000)}`),
  '100 000 levels of nested arrays as an answer\'s value', refused('$', 'JSON'));
add('number-1e400.json', valid.replace('"value": 3', '"value": 1e400'), 'a number too large for JSON readers (1e400)', refused('$', 'JSON'));
add('value-nan.json', valid.replace('"value": 3', '"value": NaN'), 'NaN, which JSON does not have', refused('$', 'JSON'));
add('value-infinity.json', valid.replace('"value": 3', '"value": Infinity'), 'Infinity, which JSON does not have', refused('$', 'JSON'));
add('value-minus-infinity.json', valid.replace('"value": 3', '"value": -Infinity'), '-Infinity', refused('$', 'JSON'));

// The envelope.
add('format-other.json', json(set(submission(), ['format'], 'swanilai-x')), 'another format', refused('$.format', 'swanilai'));
add('format-missing.json', json((({ format, ...rest }) => rest)(submission())), 'no "format"', refused('$.format', 'format'));
add('kind-unknown.json', json(set(submission(), ['kind'], 'laporan')), 'an unknown kind', refused('$.kind', 'laporan'));
add('framework-unknown.json', json(set(submission(), ['framework'], 'spbe-2024')), 'an unknown framework', refused('$.framework', 'spbe-2024'));
add('version-future.json', json(set(submission(), ['version'], 2)), 'a future version of the format', refused('$.version', '2'));
add('version-zero.json', json(set(submission(), ['version'], 0)), 'version 0', refused('$.version', 'version'));
add('exported-at-words.json', json(set(submission(), ['exported_at'], 'kemarin sore')), 'an export time in words', refused('$.exported_at', 'kemarin sore'));
add('exported-at-impossible.json', json(set(submission(), ['exported_at'], '2026-02-30T09:30:00Z')), 'an export time on 30 February', refused('$.exported_at', '2026-02-30'));

// Indicators unknown, or from another framework.
const withAnswer = (doc, id, answer) => set(doc, ['answers', id], answer);
const plainAnswer = { value: 3, justification: 'Fakta: x.', evidence: [] };
add('indicator-99.json', json(withAnswer(submission(), '99', plainAnswer)), 'indicator 99, in no framework', refused('$.answers.99', '99'));
add('indicator-35.1-in-2020.json', json(withAnswer(submission(), '35.1', plainAnswer)), 'indicator 35.1 (SPBE 2018) in an SPBE 2020 file', refused('$.answers.35.1', '35.1'));
add('indicator-48-in-2020.json', json(withAnswer(submission(), '48', plainAnswer)), 'indicator 48 in an SPBE 2020 file (it has 47)', refused('$.answers.48', '48'));
add('indicator-21-in-pemdi.json', json(withAnswer(pemdi(), '21', { value: 2.5, evidence: [] })), 'indicator 21 in a Pemdi 2026 file (it has 20)', refused('$.answers.21', '21'));
add('indicator-proto.json', json(withAnswer(submission(), '__proto__', plainAnswer)), '"__proto__" as an indicator id', refused('$.answers.__proto__', '__proto__'));
add('indicator-constructor.json', json(withAnswer(submission(), 'constructor', plainAnswer)), '"constructor" as an indicator id', refused('$.answers.constructor', 'constructor'));
add('answers-array.json', json(set(submission(), ['answers'], [{ value: 3 }])), 'answers as an array', refused('$.answers', 'daftar'));
add('answer-number.json', json(set(submission(), ['answers', '1'], 3)), 'an answer that is a bare number', refused('$.answers.1', '1'));
add('answer-no-value.json', json(set(submission(), ['answers', '1'], { justification: 'Fakta: x.' })), 'an answer without a value', refused('$.answers.1.value', '1'));

// Levels of SPBE 2020 (1–5, whole numbers).
const level = (v) => json(set(submission(), ['answers', '1', 'value'], v));
for (const [name, v, mention] of [
  ['level-0', 0, '0'], ['level-6', 6, '6'], ['level-minus-1', -1, '-1'], ['level-2.5', 2.5, '2,5'],
  ['level-string-3', '3', '3'], ['level-true', true, 'true'], ['level-null', null, 'null'], ['level-1e308', 1e308, 'rentang'],
]) {
  add(`${name}.json`, level(v), `SPBE 2020 level ${JSON.stringify(v)}`, refused('$.answers.1.value', mention));
}
// Pemdi values (1,00–5,00, two decimals).
for (const [name, v, mention] of [['pemdi-three-decimals', 2.475, '2,475'], ['pemdi-below-one', 0.99, '0,99'], ['pemdi-above-five', 5.01, '5,01']]) {
  add(`${name}.json`, json(set(pemdi(), ['answers', '5', 'value'], v)), `Pemdi value ${v}`, refused('$.answers.5.value', mention));
}

// Duplicate keys: JSON.parse would keep the last one silently; Swanilai must not.
add('duplicate-indicator.json', valid.replace('"45": {', '"1": { "value": 5, "evidence": [] },\n    "45": {'),
  'indicator 1 twice in "answers", with different values', refused('$.answers.1', '1'));
add('duplicate-kind.json', valid.replace('"kind": "submission",', '"kind": "submission",\n  "kind": "assignment",'),
  '"kind" twice, with different values', refused('$.kind', 'kind'));

// Every field of every kind holding the wrong type. The path is where the field is.
const wrong = [
  // [name, document, key path, wrong value, pending, word the message must hold (default:
  // what the file holds there, as the message quotes it: "angka 5", "teks …", "daftar",
  // "objek"; the field itself is named in words too, and its place is the problem's path)]
  ['format', submission, ['format'], 5],
  ['version', submission, ['version'], '1'],
  ['kind', submission, ['kind'], 3],
  ['framework', submission, ['framework'], ['spbe-2020']],
  ['institution', submission, ['institution'], 12],
  ['period', submission, ['period'], 2026],
  ['unit', submission, ['unit'], 'bkpsdm'],
  ['unit-id', submission, ['unit', 'id'], 7],
  ['unit-name', submission, ['unit', 'name'], ['BKPSDM']],
  ['exported-at', submission, ['exported_at'], 1764322200],
  ['generator', submission, ['generator'], 1],
  ['answers', submission, ['answers'], 'semua'],
  ['justification', submission, ['answers', '1', 'justification'], 3],
  ['evidence', submission, ['answers', '1', 'evidence'], { title: 'Perbup' }],
  ['evidence-item', submission, ['answers', '1', 'evidence', 0], 'Perbup 12/2024'],
  ['evidence-title', submission, ['answers', '1', 'evidence', 0, 'title'], 12],
  ['evidence-reference', submission, ['answers', '1', 'evidence', 0, 'reference'], 4],
  ['evidence-link', submission, ['answers', '1', 'evidence', 0, 'link'], ['a.pdf']],
  ['evidence-level', submission, ['answers', '1', 'evidence', 0, 'level'], '3'],
  ['evidence-date', submission, ['answers', '1', 'evidence', 0, 'date'], 20250601],
  ['evidence-review', submission, ['answers', '1', 'evidence', 0, 'review'], 'ya'],
  ['updated-at', submission, ['answers', '1', 'updated_at'], 5],
  ['service', submission, ['answers', '45', 'service'], 45],
  ['assignment', assignment, ['assignment'], ['25']],
  ['assignment-lead', assignment, ['assignment', 'lead'], '25'],
  ['assignment-lead-item', assignment, ['assignment', 'lead', 0], 25],
  ['assignment-support', assignment, ['assignment', 'support'], { 1: true }],
  ['results', consolidated, ['results'], 'Cukup'],
  ['results-index', consolidated, ['results', 'index'], '2,42'],
  ['results-predicate', consolidated, ['results', 'predicate'], 3],
  ['results-aspects', consolidated, ['results', 'aspects'], [2.4]],
  ['results-aspect', consolidated, ['results', 'aspects', 'A1'], '2,4'],
  ['results-domains', consolidated, ['results', 'domains'], 'D1'],
  ['results-complete', consolidated, ['results', 'complete'], 'ya'],
  ['provenance', consolidated, ['provenance'], ['bag-hukum']],
  ['provenance-entry', consolidated, ['provenance', '1'], 'bag-hukum'],
  ['provenance-unit', consolidated, ['provenance', '1', 'unit'], 5],
  ['provenance-exported-at', consolidated, ['provenance', '1', 'exported_at'], 5],
  ['provenance-decision', consolidated, ['provenance', '40', 'decision'], '0'],
  ['decisions', consolidated, ['decisions'], { 0: 'own' }],
  ['decision', consolidated, ['decisions', 0], 'own'],
  ['decision-indicator', consolidated, ['decisions', 0, 'indicator'], 40],
  ['decision-rule', consolidated, ['decisions', 0, 'rule'], 1],
  ['decision-chosen-unit', consolidated, ['decisions', 0, 'chosen_unit'], 1],
  ['decision-value', consolidated, ['decisions', 0, 'value'], '3', null, '3'],
  ['decision-candidates', consolidated, ['decisions', 0, 'candidates'], { unit: 'bappeda' }],
  ['decision-candidate', consolidated, ['decisions', 0, 'candidates', 0], 'bappeda'],
  ['decision-candidate-unit', consolidated, ['decisions', 0, 'candidates', 0, 'unit'], 1],
  ['decision-candidate-value', consolidated, ['decisions', 0, 'candidates', 0, 'value'], 'empat', null, 'empat'],
  ['decision-candidate-exported-at', consolidated, ['decisions', 0, 'candidates', 0, 'exported_at'], 1],
  ['decision-note', consolidated, ['decisions', 0, 'note'], 1],
  ['decision-decided-by', consolidated, ['decisions', 0, 'decided_by'], 1],
  ['decision-decided-at', consolidated, ['decisions', 0, 'decided_at'], 1],
  ['sources', consolidated, ['sources'], { 0: {} }],
  ['source', consolidated, ['sources', 0], 'bkpsdm'],
  ['source-unit', consolidated, ['sources', 0, 'unit'], 'bkpsdm'],
  ['source-exported-at', consolidated, ['sources', 0, 'exported_at'], 1],
  ['source-digest', consolidated, ['sources', 0, 'digest'], 1],
  ['source-answered', consolidated, ['sources', 0, 'answered'], '25'],
  ['source-answered-item', consolidated, ['sources', 0, 'answered', 0], 25],
  ['source-superseded-by', consolidated, ['sources', 0, 'superseded_by'], 1],
];
// The message leads with the field in words (the reader's exchange::words) and says what
// it found: the number with a decimal comma, the text, or the kind of value.
const foundWords = (v) => {
  if (Array.isArray(v)) return 'daftar';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'objek';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return String(v);
};
for (const [name, make, at, v, pending, mention] of wrong) {
  const doc = make();
  add(`wrong-type-${doc.kind}-${name}.json`, json(set(doc, at, v)), `${doc.kind}: ${jsonPath(at)} holds ${JSON.stringify(v)}`,
    refused(jsonPath(at), mention ?? foundWords(v)), pending ? { pending } : {});
}
add('evidence-date-words.json', json(set(submission(), ['answers', '1', 'evidence', 0, 'date'], 'kemarin')),
  'an evidence date in words (the schema wants YYYY-MM-DD)', refused('$.answers.1.evidence[0].date', 'kemarin'));

// A valid file of a kind the coordinator's import does not take: the unit opens it.
add('assignment-valid.json', json(assignment()), 'a valid assignment file', { outcome: 'accepted' },
  { coordinator: { outcome: 'refused', path: '$.kind', mentions: ['penugasan'] } });
const disagree = set(consolidated(), ['results', 'index'], 3.99);
add('consolidated-results-disagree.json', json(disagree), 'a consolidated file whose stated index (3,99) disagrees with its answers',
  { outcome: 'accepted', warning: '$.results.index' }, { coordinator: { outcome: 'refused', path: '$.kind', mentions: ['konsolidasi'] } });

// Odd but fine: opened safely, shown as written, never run.
const odd = (id, name, extra = {}) => ({ ...submission({ id, name }), ...extra });
add('bom-utf8.json', `\ufeff${json(odd('dinas-bom', 'Dinas Berkas BOM'))}`, 'a valid file with a UTF-8 byte order mark (Notepad)',
  { outcome: 'accepted', shows: ['Dinas Berkas BOM'] });
const script = odd('dinas-skrip', '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">', {
  institution: '<img src=x onerror="window.pwned=3"> Pemkab',
});
script.answers['1'].justification = 'Fakta: <script>window.pwned=4</script>\nAnalisis: <img src=x onerror=window.pwned=5>';
script.answers['1'].evidence[0].title = '<img src=x onerror=alert(1)>';
script.answers['45'].service = '<svg onload=window.pwned=6>';
add('markup-in-text.json', json(script), 'markup and script in every text field',
  { outcome: 'accepted', shows: ['<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'] });
add('control-and-bidi.json', json(odd('dinas-bidi', 'Dinas \u202Eabc\u202C Bel\u0007 \u2066x\u2069 \u200Fakhir', { institution: 'Pemkab \u202Egnalu\u202C' })),
  'control and bidirectional formatting characters in names',
  { outcome: 'accepted', shows: ['Dinas \u27E8U+202E\u27E9abc\u27E8U+202C\u27E9 Bel\u2407 \u27E8U+2066\u27E9x\u27E8U+2069\u27E9 \u27E8U+200F\u27E9akhir'] });
add('proto-top-level.json', json({ ...odd('dinas-proto', 'Dinas Proto'), ['__proto__']: { polluted: 1 }, constructor: { prototype: { polluted: 2 } } }),
  '"__proto__" and "constructor" as top-level fields (unknown fields are kept, nothing is polluted)',
  { outcome: 'accepted', shows: ['Dinas Proto'] });

// -- Write ---------------------------------------------------------------------------------------

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [file, content] of files) writeFileSync(join(out, file), content);
const big = { file: 'big-50mb.json', what: 'a 50 MB file (made by the test, not committed)', generate: { bytes: 50 * 1024 * 1024 },
  expect: refused('$', '50') };
const manifest = {
  about: 'Hostile-file corpus of issue 9: written by scripts/hostile-fixtures.mjs, run by e2e/hostile.test.mjs. Do not edit by hand.',
  cases: [...cases, big],
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${files.size} files and a manifest of ${manifest.cases.length} cases in ${out}`);
