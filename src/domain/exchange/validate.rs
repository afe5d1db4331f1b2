//! Reading an exchange file: every check of the contract, every problem with its place.
//!
//! The contract (docs/FORMAT.md, "Readers must refuse …") says a reader refuses a file
//! that is not JSON, is not a Swanilai file, is newer than it understands, names an
//! unknown framework or indicator, or holds a value out of range or of the wrong type —
//! with a clear message and without touching existing data. Refusing is the easy part;
//! the person importing is a civil servant holding a file a colleague sent, so the
//! reader says *where* (a JSON path such as `$.answers.36.value`), *what is wrong* and
//! *what is expected*, in Indonesian and English, and lists every problem at once so
//! the sender can fix the file in one round.
//!
//! The steps:
//!
//! 1. size, UTF-8 and JSON syntax — each stops the reading, with one problem;
//! 2. a hand walk over the [`serde_json::Value`] that collects every problem (serde would
//!    stop at the first, and its messages name Rust types, not fields);
//! 3. only when the walk found no error, deserialising into [`ExchangeFile`] — which then
//!    cannot fail except by a bug, reported at `$` rather than panicking;
//! 4. for a consolidated file, recomputing the figures with [`engine::evaluate`]: a file
//!    whose stated index differs from this version's arithmetic gets a warning, never an
//!    error, since the answers (not the figures) are what the file carries.
//!
//! Fields this version does not know are accepted without a word: they are kept in the
//! `extra` maps and written back (compatibility rule of the contract).

use super::strict_json::{self, Repeated, Segment};
use super::time::{parse_rfc3339, Date};
use super::words::describe;
use super::{ExchangeFile, Kind, FORMAT, MAX_FILE_BYTES, VERSION};
use crate::domain::catalogue::{self, Framework, Indicator, ValueRange};
use crate::domain::checklist::{self, ItemState, ItemStates};
use crate::domain::engine::{self, format_hundredths};
use crate::domain::spreadsheet::format_value;
use crate::domain::text::{Lang, Text};
use crate::domain::value::{in_file, Value};
use serde_json::{Map, Value as Json};
use std::collections::BTreeSet;
use std::fmt;

mod journey;

/// How bad a problem is: an error refuses the file, a warning is shown and the file is
/// read anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a file: where (a JSON path, `$` for the whole file), how bad,
/// and a message in both languages saying what is wrong and what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `$`, `$.exported_at`, `$.answers.36.value`, `$.answers.36.evidence[0].title`.
    pub path: String,
    pub severity: Severity,
    pub message: Text,
}

impl Problem {
    fn error(path: impl Into<String>, id: String, en: String) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Error,
            message: Text::new(id, en),
        }
    }

    fn warning(path: impl Into<String>, id: String, en: String) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Warning,
            message: Text::new(id, en),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `$.answers.36.value: Nilai 7 di luar rentang …` (Indonesian), for logs and test output.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message.id)
    }
}

/// A file that passed: its typed content and the warnings to show beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub file: ExchangeFile,
    pub warnings: Vec<Problem>,
}

/// Reads an exchange file from its bytes.
///
/// `Ok` when there is no error; `warnings` may still hold problems worth showing (an empty
/// institution name, a service not named, figures that differ from this version's).
/// `Err` holds every problem found — at least one [`Severity::Error`], plus any warnings —
/// envelope first, then answers, then the kind-specific parts. Nothing else is touched.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(bytes.len())]);
    }
    // Notepad on Windows writes a byte-order mark; it is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| vec![not_utf8(bytes, e)])?;
    let json: Json = strict_json::from_str(text).map_err(|(e, repeated)| {
        vec![match repeated {
            Some(r) => written_twice(&r, &e),
            None => not_json(text, &e),
        }]
    })?;

    let mut walk = Walk::default();
    let fw = walk.file(&json);
    if walk.problems.iter().any(Problem::is_error) {
        return Err(walk.problems);
    }
    let mut warnings = walk.problems;
    let file: ExchangeFile = match serde_json::from_value(json) {
        Ok(file) => file,
        Err(e) => {
            // The walk mirrors every serde rule of the types; reaching this is a bug here,
            // but the user still gets a refusal, not a crash.
            warnings.push(Problem::error(
                "$",
                format!("Berkas tidak dapat dibaca: {e}."),
                format!("The file cannot be read: {e}."),
            ));
            return Err(warnings);
        }
    };
    if let (Some(fw), Kind::Consolidated) = (fw, file.kind) {
        warnings.extend(results_mismatches(&file, fw));
    }
    Ok(Parsed { file, warnings })
}

// ---------------------------------------------------------------------------------------
// Before the walk: size, encoding, syntax.

fn too_big(len: usize) -> Problem {
    let len = len as u64;
    let (size_id, size_en) = (megabytes(len, Lang::Id), megabytes(len, Lang::En));
    let (max_id, max_en) = (
        megabytes(MAX_FILE_BYTES as u64, Lang::Id),
        megabytes(MAX_FILE_BYTES as u64, Lang::En),
    );
    Problem::error(
        "$",
        format!(
            "Berkas terlalu besar: {size_id}, padahal batasnya {max_id}. Berkas Swanilai biasanya \
             hanya beberapa ratus KB; pastikan yang dipilih adalah berkas .json dari Swanilai."
        ),
        format!(
            "The file is too large: {size_en}, while the limit is {max_en}. A Swanilai file is \
             usually a few hundred KB; make sure you chose a .json file made by Swanilai."
        ),
    )
}

/// "6,2 MB" / "6.2 MB"; whole sizes without a decimal ("5 MB"). In `u64`: on wasm32 a
/// `usize` holds at most 4 GB, and sizes from outside (a zip's declared sizes, the
/// browser's storage quota) are larger.
pub fn megabytes(bytes: u64, lang: Lang) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) {
        return format!("{} MB", bytes / MB);
    }
    let tenths = (bytes * 10).div_ceil(MB);
    let sep = if lang == Lang::Id { ',' } else { '.' };
    format!("{}{sep}{} MB", tenths / 10, tenths % 10)
}

/// What a non-JSON file most likely is, from its first bytes: the usual mistake is picking
/// the evidence PDF or the spreadsheet instead of the exported file.
fn recognise(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF") {
        Some(("dokumen PDF", "a PDF document"))
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some((
            "arsip ZIP atau dokumen Office (Word/Excel)",
            "a ZIP archive or an Office document (Word/Excel)",
        ))
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Some(("teks berkode UTF-16", "UTF-16 encoded text"))
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some((
            "dokumen Office lama (.doc/.xls)",
            "an old Office document (.doc/.xls)",
        ))
    } else {
        None
    }
}

fn not_a_swanilai_file(what: (&str, &str)) -> Problem {
    Problem::error(
        "$",
        format!("Berkas ini tampaknya {}, bukan berkas Swanilai (.json). Pilih berkas hasil ekspor Swanilai.", what.0),
        format!("This file looks like {}, not a Swanilai file (.json). Choose a file exported by Swanilai.", what.1),
    )
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Problem {
    if let Some(what) = recognise(bytes) {
        return not_a_swanilai_file(what);
    }
    let at = e.valid_up_to() + 1;
    Problem::error(
        "$",
        format!(
            "Berkas ini bukan teks UTF-8 (byte ke-{at} tidak sah), jadi bukan berkas Swanilai. \
             Berkas Swanilai adalah teks JSON berkode UTF-8."
        ),
        format!(
            "This file is not UTF-8 text (byte {at} is invalid), so it is not a Swanilai file. \
             Swanilai files are UTF-8 JSON text."
        ),
    )
}

fn not_json(text: &str, e: &serde_json::Error) -> Problem {
    if let Some(what) = recognise(text.as_bytes()) {
        return not_a_swanilai_file(what);
    }
    if text.trim().is_empty() {
        return Problem::error(
            "$",
            "Berkas kosong: tidak ada isinya sama sekali.".into(),
            "The file is empty: it has no content at all.".into(),
        );
    }
    // serde's message ends with " at line L column C", which the sentence already gives.
    let full = e.to_string();
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(d, _)| d);
    let (line, column) = (e.line(), e.column());
    let (cut_id, cut_en) = if e.is_eof() {
        (
            " (berkas berakhir sebelum waktunya; mungkin terpotong)",
            " (the file ends too early; it may be truncated)",
        )
    } else {
        ("", "")
    };
    Problem::error(
        "$",
        format!(
            "Berkas ini bukan JSON yang sah: ada kesalahan di baris {line}, kolom {column}{cut_id}. \
             Mungkin berkas rusak atau bukan berkas Swanilai."
        ),
        format!(
            "This file is not valid JSON: {detail} at line {line}, column {column}{cut_en}. The \
             file may be damaged or not a Swanilai file."
        ),
    )
}

/// A non-negative whole number, written `3` or `3.0` (JSON does not tell them apart, and
/// neither does the schema).
pub(super) fn as_whole(v: &Json) -> Option<u64> {
    v.as_u64().or_else(|| {
        let x = v.as_f64()?;
        (x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x)).then_some(x as u64)
    })
}

/// A key written twice in one object (serde would silently keep the later value).
fn written_twice(r: &Repeated, e: &serde_json::Error) -> Problem {
    let mut at = "$".to_owned();
    for seg in &r.at {
        at = match seg {
            Segment::Key(k) => key_path(&at, k),
            Segment::Index(i) => index_path(&at, *i),
        };
    }
    let (place_id, place_en) = describe(&at);
    let key = short_quote(&r.key);
    let (line, column) = (e.line(), e.column());
    Problem::error(
        key_path(&at, &r.key),
        format!(
            "Kunci {key} tertulis dua kali dalam {} (baris {line}, kolom {column}). Hanya satu yang \
             boleh ada; hapus salah satunya agar jelas mana yang berlaku.",
            lower_first(&place_id)
        ),
        format!(
            "The key {key} is written twice in {} (line {line}, column {column}). Only one may be \
             there; remove one so it is clear which one counts.",
            lower_first(&place_en)
        ),
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}

// ---------------------------------------------------------------------------------------
// Paths and descriptions.

/// `$.answers` + `36` → `$.answers.36`. Keys that would not read back unambiguously (empty,
/// spaces, brackets, quotes) are written `["…"]`.
fn key_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if plain {
        // Not `format!`: this runs for every field of every file read (100 unit files
        // are about 100 000 paths), and the formatting machinery is several times slower.
        let mut at = String::with_capacity(path.len() + 1 + key.len());
        at.push_str(path);
        at.push('.');
        at.push_str(key);
        at
    } else {
        format!("{path}[{}]", Json::String(key.to_owned()))
    }
}

fn index_path(path: &str, i: usize) -> String {
    // Not `format!`, as in `key_path`: every evidence item and list entry has one.
    let number = i.to_string();
    let mut at = String::with_capacity(path.len() + 2 + number.len());
    at.push_str(path);
    at.push('[');
    at.push_str(&number);
    at.push(']');
    at
}

/// A short, quoted rendering of what the file holds, for "but found …".
fn found(v: &Json) -> (String, String) {
    match v {
        Json::Null => ("null (kosong)".into(), "null".into()),
        Json::Bool(b) => (format!("nilai logika {b}"), format!("the boolean {b}")),
        Json::Number(n) => (
            format!("angka {}", number_in(n, Lang::Id)),
            format!("the number {n}"),
        ),
        Json::String(s) => {
            let q = short_quote(s);
            (format!("teks {q}"), format!("the text {q}"))
        }
        Json::Array(_) => ("daftar (array)".into(), "a list (array)".into()),
        Json::Object(_) => ("objek { … }".into(), "an object { … }".into()),
    }
}

/// `s` in JSON quotes, cut to 40 characters: a message quotes, it does not reproduce.
fn short_quote(s: &str) -> String {
    let shown: String = if s.chars().count() > 40 {
        s.chars().take(37).chain("…".chars()).collect()
    } else {
        s.to_owned()
    };
    Json::String(shown).to_string()
}

/// A text value as the file writes it (`"spbe-2024"`), anything else described as by
/// [`found`]: for fields whose valid values are texts, the quote alone reads best.
fn quoted(v: &Json) -> (String, String) {
    match v {
        Json::String(s) => (short_quote(s), short_quote(s)),
        _ => found(v),
    }
}

/// A number as written in the file, with the Indonesian decimal comma for `Lang::Id`
/// (the file's `2.5` reads "2,5" in an Indonesian sentence).
fn number_in(n: &serde_json::Number, lang: Lang) -> String {
    let s = n.to_string();
    if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    }
}

/// What a field should hold, in words.
#[derive(Clone, Copy)]
enum Expect {
    Text,
    Number,
    Integer,
    Bool,
    Object,
    Array,
    Timestamp,
    Date,
}

impl Expect {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expect::Text => ("teks", "text"),
            Expect::Number => ("angka", "a number"),
            Expect::Integer => ("bilangan bulat", "a whole number"),
            Expect::Bool => ("true atau false", "true or false"),
            Expect::Object => ("objek { … }", "an object { … }"),
            Expect::Array => ("daftar [ … ]", "a list [ … ]"),
            Expect::Date => (
                "tanggal tahun-bulan-tanggal, mis. \"2024-03-15\"",
                "a year-month-day date, e.g. \"2024-03-15\"",
            ),
            Expect::Timestamp => (
                "waktu RFC 3339, mis. \"2026-11-28T09:30:00Z\"",
                "an RFC 3339 time, e.g. \"2026-11-28T09:30:00Z\"",
            ),
        }
    }
}

/// Whether a field may be left out, and whether `null` counts as left out. Mirrors the
/// serde attributes of the types in `mod.rs`: a plain field is `Required`, a
/// `#[serde(default)]` one is `Defaulted` (absent is fine, `null` is not), an `Option` is
/// `Nullable`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Defaulted,
    Nullable,
}

/// "1–5, bilangan bulat" / "1,00–5,00 dengan paling banyak dua desimal".
pub fn allowed_values(range: &ValueRange) -> (String, String) {
    if range.is_decimal() {
        let (lo, hi) = (
            range.min_value().hundredths() as i64,
            range.max_value().hundredths() as i64,
        );
        let (decimals_id, decimals_en) = match range.decimals {
            1 => ("satu".to_owned(), "one decimal".to_owned()),
            2 => ("dua".to_owned(), "two decimals".to_owned()),
            n => (n.to_string(), format!("{n} decimals")),
        };
        (
            format!(
                "{}–{} dengan paling banyak {decimals_id} desimal",
                format_hundredths(lo, Lang::Id),
                format_hundredths(hi, Lang::Id)
            ),
            format!(
                "{}–{} with at most {decimals_en}",
                format_hundredths(lo, Lang::En),
                format_hundredths(hi, Lang::En),
            ),
        )
    } else {
        let (lo, hi) = (range.min_level(), range.max_level());
        (
            format!("{lo}–{hi}, bilangan bulat"),
            format!("{lo}–{hi}, whole numbers"),
        )
    }
}

/// The framework's indicator ids, runs of consecutive whole numbers shortened:
/// "1–34, 35.1, 35.2, 35.3".
fn indicator_ids(fw: &Framework) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    let flush = |run: &mut Option<(u32, u32)>, parts: &mut Vec<String>| {
        if let Some((a, b)) = run.take() {
            parts.push(if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            });
        }
    };
    for ind in &fw.indicators {
        match (ind.id.parse::<u32>().ok(), run) {
            (Some(n), Some((a, b))) if n == b + 1 => run = Some((a, n)),
            (Some(n), _) => {
                flush(&mut run, &mut parts);
                run = Some((n, n));
            }
            (None, _) => {
                flush(&mut run, &mut parts);
                parts.push(ind.id.clone());
            }
        }
    }
    flush(&mut run, &mut parts);
    parts.join(", ")
}

fn known_frameworks() -> String {
    catalogue::summaries()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------------------
// The walk.

/// Collects problems while walking the JSON tree. Each `check_*` reports what it finds and
/// returns the part it could read, so later checks can build on it.
#[derive(Default)]
struct Walk {
    problems: Vec<Problem>,
}

impl Walk {
    fn error(&mut self, path: impl Into<String>, id: String, en: String) {
        self.problems.push(Problem::error(path, id, en));
    }

    fn warn(&mut self, path: impl Into<String>, id: String, en: String) {
        self.problems.push(Problem::warning(path, id, en));
    }

    fn missing(&mut self, path: &str, expect: Expect) {
        let (what_id, what_en) = describe(path);
        let (id, en) = expect.words();
        self.error(
            path,
            format!("{what_id} belum ada; wajib diisi dengan {id}."),
            format!("{what_en} is missing; it must hold {en}."),
        );
    }

    fn wrong_type(&mut self, path: &str, expect: Expect, v: &Json) {
        let (what_id, what_en) = describe(path);
        let (exp_id, exp_en) = expect.words();
        let (got_id, got_en) = found(v);
        self.error(
            path,
            format!("{what_id} harus berisi {exp_id}, bukan {got_id}."),
            format!("{what_en} must hold {exp_en}, not {got_en}."),
        );
    }

    /// `obj[key]` if present, reporting it missing when `Required` (or `null` when not
    /// `Nullable`). `None` means: absent, or `null` where that is allowed, or reported.
    fn field<'a>(
        &mut self,
        obj: &'a Map<String, Json>,
        path: &str,
        key: &str,
        presence: Presence,
        expect: Expect,
    ) -> Option<&'a Json> {
        // The path is built only for a problem: this runs for every field of every file.
        match (obj.get(key), presence) {
            (None, Presence::Required) | (Some(Json::Null), Presence::Required) => {
                self.missing(&key_path(path, key), expect);
                None
            }
            (None, _) | (Some(Json::Null), Presence::Nullable) => None,
            (Some(Json::Null), Presence::Defaulted) => {
                self.wrong_type(&key_path(path, key), expect, &Json::Null);
                None
            }
            (Some(v), _) => Some(v),
        }
    }

    fn text<'a>(
        &mut self,
        obj: &'a Map<String, Json>,
        path: &str,
        key: &str,
        presence: Presence,
    ) -> Option<&'a str> {
        let v = self.field(obj, path, key, presence, Expect::Text)?;
        let s = v.as_str();
        if s.is_none() {
            self.wrong_type(&key_path(path, key), Expect::Text, v);
        }
        s
    }

    /// A text that must not be empty when present (a name, an id, a title).
    fn name<'a>(
        &mut self,
        obj: &'a Map<String, Json>,
        path: &str,
        key: &str,
        presence: Presence,
    ) -> Option<&'a str> {
        let s = self.text(obj, path, key, presence)?;
        if s.trim().is_empty() {
            let at = key_path(path, key);
            let (what_id, what_en) = describe(&at);
            self.error(
                at,
                format!("{what_id} kosong; isi dengan teks."),
                format!("{what_en} is empty; fill it in."),
            );
            return None;
        }
        Some(s)
    }

    fn object<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a Map<String, Json>> {
        let o = v.as_object();
        if o.is_none() {
            self.wrong_type(path, Expect::Object, v);
        }
        o
    }

    /// An entry of a map keyed by indicator id (`answers`, `provenance`). Named by the
    /// indicator rather than by the path's last segment, which for "35.1" would be "1".
    fn entry<'a>(
        &mut self,
        v: &'a Json,
        path: &str,
        what: (&str, &str),
        id: &str,
    ) -> Option<&'a Map<String, Json>> {
        let o = v.as_object();
        if o.is_none() {
            let (got_id, got_en) = found(v);
            self.error(
                path,
                format!(
                    "{} indikator {id} harus berupa objek {{ … }}, bukan {got_id}.",
                    what.0
                ),
                format!(
                    "The {} for indicator {id} must be an object {{ … }}, not {got_en}.",
                    what.1
                ),
            );
        }
        o
    }

    fn array<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a Vec<Json>> {
        let a = v.as_array();
        if a.is_none() {
            self.wrong_type(path, Expect::Array, v);
        }
        a
    }

    fn number(&mut self, v: &Json, path: &str) {
        if !v.is_number() {
            self.wrong_type(path, Expect::Number, v);
        }
    }

    fn timestamp(&mut self, obj: &Map<String, Json>, path: &str, key: &str, presence: Presence) {
        let Some(v) = self.field(obj, path, key, presence, Expect::Timestamp) else {
            return;
        };
        let Some(s) = v.as_str() else {
            return self.wrong_type(&key_path(path, key), Expect::Timestamp, v);
        };
        if parse_rfc3339(s).is_none() {
            let at = key_path(path, key);
            let q = short_quote(s);
            let (what_id, what_en) = describe(&at);
            self.error(
                at,
                format!(
                    "{what_id} berisi {q}, yang bukan waktu yang sah. Bentuk yang benar: \
                     \"2026-11-28T09:30:00Z\" atau \"2026-11-28T16:30:00+07:00\" (tanggal harus \
                     ada di kalender)."
                ),
                format!(
                    "{what_en} holds {q}, which is not a valid time. Write e.g. \
                     \"2026-11-28T09:30:00Z\" or \"2026-11-28T16:30:00+07:00\" (the date must \
                     exist)."
                ),
            );
        }
    }

    /// A calendar date, `YYYY-MM-DD`, that exists. Where serde would take `null` as absent
    /// but the schema does not allow it, `presence` is `Defaulted`: neither does the reader.
    fn date(&mut self, obj: &Map<String, Json>, path: &str, key: &str, presence: Presence) {
        let Some(v) = self.field(obj, path, key, presence, Expect::Date) else {
            return;
        };
        let Some(s) = v.as_str() else {
            return self.wrong_type(&key_path(path, key), Expect::Date, v);
        };
        if Date::parse(s).is_none() {
            let at = key_path(path, key);
            let q = short_quote(s);
            let (what_id, what_en) = describe(&at);
            self.error(
                at,
                format!(
                    "{what_id} berisi {q}, yang bukan tanggal yang sah. Tulis tahun-bulan-tanggal, \
                     mis. \"2024-03-15\" (tanggal harus ada di kalender)."
                ),
                format!(
                    "{what_en} holds {q}, which is not a valid date. Write year-month-day, e.g. \
                     \"2024-03-15\" (the date must exist)."
                ),
            );
        }
    }

    /// `true` or `false`; absent means `false`.
    fn boolean(&mut self, obj: &Map<String, Json>, path: &str, key: &str, presence: Presence) {
        if let Some(v) = self.field(obj, path, key, presence, Expect::Bool) {
            if !v.is_boolean() {
                self.wrong_type(&key_path(path, key), Expect::Bool, v);
            }
        }
    }

    /// A non-negative whole number that fits `max`.
    fn integer(&mut self, v: &Json, path: &str, max: u64) -> Option<u64> {
        match as_whole(v) {
            Some(n) if n <= max => Some(n),
            _ => {
                self.wrong_type(path, Expect::Integer, v);
                None
            }
        }
    }

    // -- The envelope -------------------------------------------------------------------

    /// Walks the whole file. Returns its framework when known, for the checks after
    /// deserialisation.
    fn file(&mut self, root: &Json) -> Option<&'static Framework> {
        let Some(obj) = root.as_object() else {
            let (got_id, got_en) = found(root);
            self.error(
                "$",
                format!("Isi berkas harus berupa objek JSON {{ … }}, bukan {got_id}; ini bukan berkas Swanilai."),
                format!("The file must hold a JSON object {{ … }}, not {got_en}; this is not a Swanilai file."),
            );
            return None;
        };
        // A file of another format or a newer version gets one message: listing what a
        // newer or foreign file "lacks" would only bury the reason.
        if !self.format(obj) || !self.version(obj) {
            return None;
        }
        let kind = self.kind(obj);
        let fw = self.framework(obj);
        for key in ["institution", "period"] {
            if let Some(s) = self.text(obj, "$", key, Presence::Required) {
                if s.trim().is_empty() {
                    let (what_id, what_en) = if key == "institution" {
                        ("Nama instansi", "The institution name")
                    } else {
                        ("Periode penilaian", "The assessment period")
                    };
                    self.warn(
                        key_path("$", key),
                        format!("{what_id} (\"{key}\") kosong; sebaiknya diisi agar berkas mudah dikenali."),
                        format!("{what_en} (\"{key}\") is empty; fill it in so the file can be recognised."),
                    );
                }
            }
        }
        self.timestamp(obj, "$", "exported_at", Presence::Required);
        self.text(obj, "$", "generator", Presence::Nullable);

        let unit_presence = match kind {
            Some(Kind::Assignment | Kind::Submission) => Presence::Required,
            _ => Presence::Nullable,
        };
        if let Some(v) = self.field(obj, "$", "unit", unit_presence, Expect::Object) {
            self.unit_ref(v, "$.unit");
        }

        let answered = self.answers(obj, fw);
        self.support_inputs(obj, fw, &answered);

        let needs = |k: Kind| {
            if kind == Some(k) {
                Presence::Required
            } else {
                Presence::Nullable
            }
        };
        if let Some(v) = self.field(
            obj,
            "$",
            "assignment",
            needs(Kind::Assignment),
            Expect::Object,
        ) {
            self.assignment(v, fw);
        }
        if let Some(v) = self.field(
            obj,
            "$",
            "results",
            needs(Kind::Consolidated),
            Expect::Object,
        ) {
            self.results(v, fw);
        }
        let decisions = match self.field(obj, "$", "decisions", Presence::Defaulted, Expect::Array)
        {
            Some(v) => self.decisions(v, fw),
            None => 0,
        };
        let provenance =
            match self.field(obj, "$", "provenance", Presence::Defaulted, Expect::Object) {
                Some(v) => self.provenance(v, &answered, decisions),
                None => BTreeSet::new(),
            };
        if let Some(v) = self.field(obj, "$", "sources", Presence::Defaulted, Expect::Array) {
            self.sources(v, fw);
        }
        if let Some(v) = self.field(
            obj,
            "$",
            "coordination",
            Presence::Defaulted,
            Expect::Object,
        ) {
            self.coordination(v, fw);
        }
        if let Some(v) = self.field(obj, "$", "assessor", Presence::Nullable, Expect::Object) {
            self.assessor(v, fw);
        }
        if kind == Some(Kind::Consolidated) {
            // Contract: a consolidated file carries "the provenance of every answer".
            for id in answered.difference(&provenance) {
                self.warn(
                    key_path("$.provenance", id),
                    format!("Asal jawaban indikator {id} tidak tercatat di \"provenance\" (dari unit mana nilainya)."),
                    format!("Where the answer to indicator {id} came from is not recorded in \"provenance\"."),
                );
            }
        }
        fw
    }

    /// `format` must be "swanilai". False when the file is not a Swanilai file.
    fn format(&mut self, obj: &Map<String, Json>) -> bool {
        match obj.get("format") {
            Some(Json::String(s)) if s == FORMAT => true,
            None => {
                self.error(
                    "$.format",
                    "Ini bukan berkas Swanilai: kolom \"format\" tidak ada (seharusnya \"format\": \"swanilai\")."
                        .into(),
                    "This is not a Swanilai file: the field \"format\" is missing (expected \"format\": \"swanilai\")."
                        .into(),
                );
                false
            }
            Some(v) => {
                let (got_id, got_en) = quoted(v);
                self.error(
                    "$.format",
                    format!("Ini bukan berkas Swanilai: \"format\" berisi {got_id}, seharusnya \"swanilai\"."),
                    format!("This is not a Swanilai file: \"format\" holds {got_en}, expected \"swanilai\"."),
                );
                false
            }
        }
    }

    /// `version` must be a whole number from 1 to [`VERSION`]. False only for a newer one.
    fn version(&mut self, obj: &Map<String, Json>) -> bool {
        let Some(v) = self.field(obj, "$", "version", Presence::Required, Expect::Integer) else {
            return true;
        };
        // A whole number too large for u64 (1e300) is still a newer version.
        let whole = v
            .as_f64()
            .filter(|x| x.fract() == 0.0 && *x > VERSION as f64);
        match as_whole(v).or(whole.map(|_| u64::MAX)) {
            Some(n) if (1..=VERSION).contains(&n) => true,
            Some(n) if n > VERSION => {
                self.error(
                    "$.version",
                    format!(
                        "Berkas ini dibuat oleh Swanilai yang lebih baru (format versi {n}); aplikasi \
                         ini hanya memahami sampai versi {VERSION}. Perbarui Swanilai (muat ulang \
                         halamannya), lalu impor berkas ini lagi."
                    ),
                    format!(
                        "This file was made by a newer Swanilai (format version {n}); this app \
                         understands up to version {VERSION}. Update Swanilai (reload its page), \
                         then import this file again."
                    ),
                );
                false
            }
            _ => {
                let (got_id, got_en) = found(v);
                self.error(
                    "$.version",
                    format!(
                        "Kolom \"version\" harus berisi bilangan bulat positif (saat ini {VERSION}), bukan {got_id}."
                    ),
                    format!(
                        "The field \"version\" must hold a positive whole number (currently {VERSION}), not {got_en}."
                    ),
                );
                true
            }
        }
    }

    fn kind(&mut self, obj: &Map<String, Json>) -> Option<Kind> {
        let v = self.field(obj, "$", "kind", Presence::Required, Expect::Text)?;
        match v.as_str() {
            Some("assignment") => Some(Kind::Assignment),
            Some("submission") => Some(Kind::Submission),
            Some("consolidated") => Some(Kind::Consolidated),
            _ => {
                let (got_id, got_en) = quoted(v);
                self.error(
                    "$.kind",
                    format!(
                        "Jenis berkas (\"kind\") {got_id} tidak dikenal. Yang sah: \"assignment\" \
                         (penugasan dari koordinator), \"submission\" (kiriman unit), \"consolidated\" \
                         (hasil gabungan koordinator)."
                    ),
                    format!(
                        "Unknown file kind (\"kind\") {got_en}. Valid kinds: \"assignment\" (from the \
                         coordinator), \"submission\" (from a unit), \"consolidated\" (the coordinator's \
                         merged result)."
                    ),
                );
                None
            }
        }
    }

    fn framework(&mut self, obj: &Map<String, Json>) -> Option<&'static Framework> {
        let v = self.field(obj, "$", "framework", Presence::Required, Expect::Text)?;
        if let Some(fw) = v.as_str().and_then(catalogue::framework) {
            return Some(fw);
        }
        let (got_id, got_en) = quoted(v);
        let known = known_frameworks();
        self.error(
            "$.framework",
            format!(
                "Kerangka penilaian (\"framework\") {got_id} tidak dikenal. Yang dikenal: {known}. \
                 Jika berkas ini dari Swanilai yang lebih baru, perbarui aplikasi."
            ),
            format!(
                "Unknown assessment framework (\"framework\") {got_en}. Known: {known}. If the \
                 file comes from a newer Swanilai, update the app."
            ),
        );
        None
    }

    fn unit_ref(&mut self, v: &Json, path: &str) {
        if let Some(o) = self.object(v, path) {
            self.name(o, path, "id", Presence::Required);
            self.name(o, path, "name", Presence::Required);
        }
    }

    /// `true` when `id` is an indicator of `fw`, reporting it at `path` otherwise. With no
    /// known framework there is nothing to check against, and the framework error stands.
    fn known_indicator(&mut self, fw: Option<&Framework>, id: &str, path: &str) -> bool {
        let Some(fw) = fw else { return true };
        if fw.indicator(id).is_some() {
            return true;
        }
        let q = Json::String(id.to_owned());
        let (ids, name) = (indicator_ids(fw), &fw.short_name);
        self.error(
            path,
            format!("Indikator {q} tidak ada dalam {name}. Nomor indikator {name}: {ids}."),
            format!("Indicator {q} does not exist in {name}. {name} indicator numbers: {ids}."),
        );
        false
    }

    // -- Answers -----------------------------------------------------------------------

    /// Checks `answers` and returns the ids it holds.
    fn answers<'a>(
        &mut self,
        obj: &'a Map<String, Json>,
        fw: Option<&Framework>,
    ) -> BTreeSet<&'a str> {
        let mut ids = BTreeSet::new();
        let Some(v) = self.field(obj, "$", "answers", Presence::Defaulted, Expect::Object) else {
            return ids;
        };
        let Some(answers) = self.object(v, "$.answers") else {
            return ids;
        };
        for (id, answer) in answers {
            let path = key_path("$.answers", id);
            ids.insert(id.as_str());
            let indicator = if self.known_indicator(fw, id, &path) {
                fw.and_then(|f| f.indicator(id))
            } else {
                None
            };
            let Some(a) = self.entry(answer, &path, ("Jawaban", "answer"), id) else {
                continue;
            };

            let value_path = key_path(&path, "value");
            match a.get("value") {
                None => self.error(
                    value_path,
                    format!(
                        "Jawaban indikator {id} tidak memiliki nilai (\"value\"). Indikator yang belum \
                         dijawab harus dihilangkan dari \"answers\"."
                    ),
                    format!(
                        "The answer to indicator {id} has no \"value\". Leave unanswered indicators out \
                         of \"answers\"."
                    ),
                ),
                Some(v) => self.value(v, &value_path, fw),
            }
            self.exact_and_items(a, &path, fw, indicator, true);
            self.text(a, &path, "justification", Presence::Defaulted);
            if let Some(ev) = self.field(a, &path, "evidence", Presence::Defaulted, Expect::Array) {
                self.evidence(ev, &key_path(&path, "evidence"), fw, indicator);
            }
            self.timestamp(a, &path, "updated_at", Presence::Nullable);
            let service = self.text(a, &path, "service", Presence::Nullable);
            if indicator.is_some_and(|i| i.service) && service.is_none_or(|s| s.trim().is_empty()) {
                self.warn(
                    key_path(&path, "service"),
                    format!(
                        "Indikator {id} menilai satu layanan publik, tetapi nama layanannya (\"service\") \
                         tidak diisi. Sebutkan layanan yang dinilai."
                    ),
                    format!(
                        "Indicator {id} assesses one public service, but the service name (\"service\") \
                         is missing. Name the service assessed."
                    ),
                );
            }
        }
        ids
    }

    /// An indicator value: a number the framework accepts (contract: "a value out of range
    /// or of the wrong type" is refused). Null, wrong type, out of range and too many
    /// decimals each get their own message, all naming the allowed values.
    fn value(&mut self, v: &Json, path: &str, fw: Option<&Framework>) {
        // The words of the messages only for a problem: this runs for every answer.
        let allowed = || match fw {
            Some(fw) => allowed_values(&fw.values),
            None => ("0–5".to_owned(), "0–5".to_owned()),
        };
        let x = match v {
            Json::Null => return self.error(
                path,
                "Nilai kosong (null). Indikator yang belum dijawab harus dihilangkan dari \
                     \"answers\", bukan diisi null atau 0."
                    .into(),
                "The value is empty (null). Leave unanswered indicators out of \"answers\"; do \
                     not write null or 0."
                    .into(),
            ),
            Json::Number(n) => n,
            other => {
                let (got_id, got_en) = found(other);
                // "3" in quotes is the usual slip of a hand-edited or spreadsheet-made file.
                let (hint_id, hint_en) = match other
                    .as_str()
                    .map(str::trim)
                    .filter(|t| t.parse::<f64>().is_ok())
                {
                    Some(t) => (
                        format!(" Tulis angkanya tanpa tanda kutip: {t}."),
                        format!(" Write the number without quotes: {t}."),
                    ),
                    None => (String::new(), String::new()),
                };
                let (allowed_id, allowed_en) = allowed();
                return self.error(
                    path,
                    format!("Nilai harus berupa angka ({allowed_id}), bukan {got_id}.{hint_id}"),
                    format!(
                        "The value must be a number ({allowed_en}), but it is {got_en}.{hint_en}"
                    ),
                );
            }
        };
        let Some(fw) = fw else { return };
        let range = &fw.values;
        let f = x.as_f64().unwrap_or(f64::NAN);
        let (lo, hi) = (range.min_value().to_f64(), range.max_value().to_f64());
        let in_range = f >= lo - 1e-9 && f <= hi + 1e-9;
        let value = crate::domain::value::Value::from_f64(f);
        if in_range && value.is_some_and(|value| range.accepts(value)) {
            return;
        }
        let x_id = number_in(x, Lang::Id);
        let (allowed_id, allowed_en) = allowed();
        if !in_range {
            return self.error(
                path,
                format!(
                    "Nilai {x_id} di luar rentang yang diizinkan {}: {allowed_id}.",
                    fw.short_name
                ),
                format!(
                    "The value {x} is out of the range {} allows: {allowed_en}.",
                    fw.short_name
                ),
            );
        }
        match value {
            Some(_) => self.error(
                path,
                format!(
                    "Nilai {x_id} bukan bilangan bulat; {} hanya menerima tingkat {allowed_id}.",
                    fw.short_name
                ),
                format!(
                    "The value {x} is not a whole number; {} accepts levels {allowed_en} only.",
                    fw.short_name
                ),
            ),
            None => self.error(
                path,
                format!(
                    "Nilai {x_id} memiliki terlalu banyak desimal; yang diizinkan: {allowed_id}."
                ),
                format!("The value {x} has too many decimals; allowed: {allowed_en}."),
            ),
        }
    }

    fn evidence(
        &mut self,
        v: &Json,
        path: &str,
        fw: Option<&Framework>,
        indicator: Option<&Indicator>,
    ) {
        let Some(items) = self.array(v, path) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = index_path(path, i);
            let Some(e) = self.object(item, &at) else {
                continue;
            };
            if let Some(title) = self.text(e, &at, "title", Presence::Required) {
                if title.trim().is_empty() {
                    self.error(
                        key_path(&at, "title"),
                        "Judul bukti dukung (\"title\") kosong; tulis nama dokumennya, mis. \"Perbup 12/2024 tentang SIMPEG\".".into(),
                        "The evidence title (\"title\") is empty; name the document, e.g. \"Perbup 12/2024 tentang SIMPEG\".".into(),
                    );
                }
            }
            self.text(e, &at, "reference", Presence::Defaulted);
            self.text(e, &at, "link", Presence::Defaulted);
            self.date(e, &at, "date", Presence::Defaulted);
            self.boolean(e, &at, "review", Presence::Defaulted);
            if let Some(docs) = self.field(e, &at, "documents", Presence::Defaulted, Expect::Array)
            {
                self.documents(docs, &key_path(&at, "documents"));
            }
            if let Some(links) = self.field(e, &at, "items", Presence::Defaulted, Expect::Array) {
                self.item_links(links, &key_path(&at, "items"), indicator);
            }
            if let Some(level) = self.field(e, &at, "level", Presence::Nullable, Expect::Integer) {
                let level_path = key_path(&at, "level");
                let Some(fw) = fw else { continue };
                let (lo, hi) = (fw.values.min_level(), fw.values.max_level());
                let ok = as_whole(level)
                    .is_some_and(|n| n <= u8::MAX as u64 && fw.levels().any(|l| l as u64 == n));
                if !ok {
                    let (got_id, got_en) = found(level);
                    self.error(
                        level_path,
                        format!("Tingkat bukti dukung (\"level\") harus bilangan bulat {lo}–{hi}, bukan {got_id}."),
                        format!("The evidence level (\"level\") must be a whole number {lo}–{hi}, not {got_en}."),
                    );
                }
            }
        }
    }

    // -- Assignment ----------------------------------------------------------------------

    fn assignment(&mut self, v: &Json, fw: Option<&Framework>) {
        let Some(o) = self.object(v, "$.assignment") else {
            return;
        };
        let lead = self.id_list(o, "$.assignment", "lead", fw);
        let support = self.id_list(o, "$.assignment", "support", fw);
        self.guidance(o);
        for (list, name) in [(&lead, "lead"), (&support, "support")] {
            let mut seen = BTreeSet::new();
            for (i, id) in list {
                if !seen.insert(*id) {
                    self.warn(
                        index_path(&key_path("$.assignment", name), *i),
                        format!("Indikator {id} tercantum lebih dari sekali di \"{name}\"."),
                        format!("Indicator {id} is listed more than once in \"{name}\"."),
                    );
                }
            }
        }
        for (i, id) in &support {
            if lead.iter().any(|(_, l)| l == id) {
                self.error(
                    index_path("$.assignment.support", *i),
                    format!(
                        "Indikator {id} tercantum di \"lead\" (penanggung jawab) sekaligus di \"support\" \
                         (pendukung). Satu unit memimpin atau mendukung suatu indikator, tidak keduanya."
                    ),
                    format!(
                        "Indicator {id} is listed both in \"lead\" and in \"support\". A unit either leads \
                         or supports an indicator, not both."
                    ),
                );
            }
        }
        if lead.is_empty() && support.is_empty() {
            self.warn(
                "$.assignment",
                "Penugasan ini tidak berisi indikator satu pun (\"lead\" dan \"support\" kosong)."
                    .into(),
                "This assignment lists no indicator at all (\"lead\" and \"support\" are empty)."
                    .into(),
            );
        }
    }

    /// A list of indicator ids, with each id's position for the messages.
    fn id_list<'a>(
        &mut self,
        obj: &'a Map<String, Json>,
        path: &str,
        key: &str,
        fw: Option<&Framework>,
    ) -> Vec<(usize, &'a str)> {
        let mut out = Vec::new();
        let at = key_path(path, key);
        let Some(v) = self.field(obj, path, key, Presence::Defaulted, Expect::Array) else {
            return out;
        };
        let Some(items) = self.array(v, &at) else {
            return out;
        };
        for (i, item) in items.iter().enumerate() {
            let item_path = index_path(&at, i);
            match item.as_str() {
                Some(id) => {
                    if self.known_indicator(fw, id, &item_path) {
                        out.push((i, id));
                    }
                }
                None => self.wrong_type(&item_path, Expect::Text, item),
            }
        }
        out
    }

    // -- Consolidated ----------------------------------------------------------------------

    fn results(&mut self, v: &Json, fw: Option<&Framework>) {
        let path = "$.results";
        let Some(o) = self.object(v, path) else {
            return;
        };
        if let Some(index) = self.field(o, path, "index", Presence::Nullable, Expect::Number) {
            self.number(index, "$.results.index");
        }
        self.text(o, path, "predicate", Presence::Nullable);
        if let Some(aspects) = self.field(o, path, "aspects", Presence::Required, Expect::Object) {
            let known = fw.map(|f| f.aspects.iter().map(|a| a.id.as_str()).collect());
            self.figures(aspects, "$.results.aspects", known, fw, ("Aspek", "Aspect"));
        }
        if let Some(domains) = self.field(o, path, "domains", Presence::Nullable, Expect::Object) {
            let known = fw.map(|f| f.domains.iter().map(|d| d.id.as_str()).collect());
            self.figures(
                domains,
                "$.results.domains",
                known,
                fw,
                ("Domain", "Domain"),
            );
        }
        if let Some(complete) = self.field(o, path, "complete", Presence::Required, Expect::Bool) {
            if !complete.is_boolean() {
                self.wrong_type("$.results.complete", Expect::Bool, complete);
            }
        }
    }

    /// An object of figures keyed by aspect or domain id (`known`; `None` when the
    /// framework is unknown).
    fn figures(
        &mut self,
        v: &Json,
        path: &str,
        known: Option<Vec<&str>>,
        fw: Option<&Framework>,
        what: (&str, &str),
    ) {
        let Some(o) = self.object(v, path) else {
            return;
        };
        for (id, x) in o {
            let at = key_path(path, id);
            if let (Some(known), Some(fw)) = (&known, fw) {
                if !known.contains(&id.as_str()) {
                    let q = Json::String(id.clone());
                    let (list_id, list_en) = if known.is_empty() {
                        (
                            format!("{} tidak memiliki domain", fw.short_name),
                            format!("{} has no domains", fw.short_name),
                        )
                    } else {
                        let list = known.join(", ");
                        (format!("yang ada: {list}"), format!("known: {list}"))
                    };
                    self.error(
                        &at,
                        format!(
                            "{} {q} tidak ada dalam {} ({list_id}).",
                            what.0, fw.short_name
                        ),
                        format!(
                            "{} {q} does not exist in {} ({list_en}).",
                            what.1, fw.short_name
                        ),
                    );
                    continue;
                }
            }
            self.number(x, &at);
        }
    }

    /// Checks `provenance` and returns the indicators it covers.
    fn provenance<'a>(
        &mut self,
        v: &'a Json,
        answered: &BTreeSet<&str>,
        decisions: usize,
    ) -> BTreeSet<&'a str> {
        let mut covered = BTreeSet::new();
        let Some(o) = self.object(v, "$.provenance") else {
            return covered;
        };
        for (id, entry) in o {
            let at = key_path("$.provenance", id);
            covered.insert(id.as_str());
            if !answered.contains(id.as_str()) {
                self.error(
                    &at,
                    format!(
                        "Asal jawaban dicatat untuk indikator {id}, padahal indikator itu tidak ada di \"answers\"."
                    ),
                    format!("Provenance is recorded for indicator {id}, but that indicator is not in \"answers\"."),
                );
            }
            let Some(p) = self.entry(entry, &at, ("Asal jawaban", "provenance"), id) else {
                continue;
            };
            self.text(p, &at, "unit", Presence::Nullable);
            self.timestamp(p, &at, "exported_at", Presence::Nullable);
            // Swanilai extension: the digest of the unit file the value came from.
            self.text(p, &at, "digest", Presence::Defaulted);
            if let Some(d) = self.field(p, &at, "decision", Presence::Nullable, Expect::Integer) {
                let d_path = key_path(&at, "decision");
                if let Some(n) = self.integer(d, &d_path, u32::MAX as u64) {
                    if n as usize >= decisions {
                        self.error(
                            d_path,
                            format!(
                                "Merujuk keputusan nomor {n} (dihitung dari 0), padahal \"decisions\" hanya \
                                 berisi {decisions} keputusan."
                            ),
                            format!(
                                "Refers to decision {n} (counted from 0), but \"decisions\" holds only {decisions}."
                            ),
                        );
                    }
                }
            }
        }
        covered
    }

    /// Checks `decisions` and returns how many entries it has.
    fn decisions(&mut self, v: &Json, fw: Option<&Framework>) -> usize {
        let Some(items) = self.array(v, "$.decisions") else {
            return 0;
        };
        for (i, item) in items.iter().enumerate() {
            let at = index_path("$.decisions", i);
            let Some(d) = self.object(item, &at) else {
                continue;
            };
            let mut indicator = None;
            if let Some(id) = self.text(d, &at, "indicator", Presence::Required) {
                if self.known_indicator(fw, id, &key_path(&at, "indicator")) {
                    indicator = fw.and_then(|f| f.indicator(id));
                }
            }
            let rule = match self.field(d, &at, "rule", Presence::Required, Expect::Text) {
                Some(Json::String(r))
                    if matches!(r.as_str(), "pick" | "own" | "lead" | "higher" | "lower") =>
                {
                    Some(r.as_str())
                }
                Some(other) => {
                    let (got_id, got_en) = quoted(other);
                    self.error(
                        key_path(&at, "rule"),
                        format!(
                            "Aturan keputusan (\"rule\") {got_id} tidak dikenal. Yang sah: \"pick\" (pilih \
                             jawaban satu unit), \"own\" (nilai sendiri koordinator), \"lead\" (unit \
                             penanggung jawab), \"higher\" (nilai tertinggi), \"lower\" (nilai terendah)."
                        ),
                        format!(
                            "Unknown decision rule (\"rule\") {got_en}. Valid rules: \"pick\", \"own\", \
                             \"lead\", \"higher\", \"lower\"."
                        ),
                    );
                    None
                }
                None => None,
            };
            self.text(d, &at, "chosen_unit", Presence::Nullable);
            match d.get("value") {
                None => self.missing(&key_path(&at, "value"), Expect::Number),
                Some(v) => self.value(v, &key_path(&at, "value"), fw),
            }
            self.exact(
                d,
                &at,
                fw,
                d.get("value")
                    .and_then(Json::as_f64)
                    .and_then(Value::from_f64),
            );
            if let Some(c) = self.field(d, &at, "candidates", Presence::Required, Expect::Array) {
                self.candidates(c, &key_path(&at, "candidates"), fw, indicator);
            }
            // Swanilai extension: every unit's evidence, kept with an "own" decision.
            if let Some(ev) = self.field(d, &at, "evidence", Presence::Defaulted, Expect::Array) {
                self.evidence(ev, &key_path(&at, "evidence"), fw, indicator);
            }
            let note = self.text(d, &at, "note", Presence::Defaulted);
            if rule == Some("own") && note.is_none_or(|n| n.trim().is_empty()) {
                self.error(
                    key_path(&at, "note"),
                    "Keputusan dengan aturan \"own\" (nilai ditetapkan sendiri oleh koordinator) wajib \
                     disertai catatan alasan (\"note\")."
                        .into(),
                    "A decision with rule \"own\" (a value set by the coordinator) requires a note giving \
                     the reason (\"note\")."
                        .into(),
                );
            }
            self.name(d, &at, "decided_by", Presence::Required);
            self.timestamp(d, &at, "decided_at", Presence::Required);
            self.timestamp(d, &at, "note_amended_at", Presence::Nullable);
        }
        items.len()
    }

    /// The differing answers of a conflict: `{ unit, value, exact?, items?, exported_at? }`
    /// each.
    fn candidates(
        &mut self,
        v: &Json,
        path: &str,
        fw: Option<&Framework>,
        indicator: Option<&Indicator>,
    ) {
        let Some(cands) = self.array(v, path) else {
            return;
        };
        for (j, cand) in cands.iter().enumerate() {
            let cp = index_path(path, j);
            let Some(co) = self.object(cand, &cp) else {
                continue;
            };
            self.name(co, &cp, "unit", Presence::Required);
            match co.get("value") {
                None => self.missing(&key_path(&cp, "value"), Expect::Number),
                Some(v) => self.value(v, &key_path(&cp, "value"), fw),
            }
            self.exact_and_items(co, &cp, fw, indicator, false);
            self.timestamp(co, &cp, "exported_at", Presence::Nullable);
        }
    }

    /// The `coordination` extension of a consolidated file (the coordinator's units,
    /// assignments and unsettled conflicts): checked like the rest, since reopening the
    /// file restores the workspace from it.
    fn coordination(&mut self, v: &Json, fw: Option<&Framework>) {
        let path = "$.coordination";
        let Some(o) = self.object(v, path) else {
            return;
        };
        self.text(o, path, "coordinator", Presence::Defaulted);
        if let Some(units) = self.field(o, path, "units", Presence::Defaulted, Expect::Array) {
            let at = key_path(path, "units");
            for (i, u) in self.array(units, &at).into_iter().flatten().enumerate() {
                self.unit_ref(u, &index_path(&at, i));
            }
        }
        let assignments = self.field(o, path, "assignments", Presence::Defaulted, Expect::Object);
        if let Some(a) = assignments {
            let at = key_path(path, "assignments");
            for (id, entry) in self.object(a, &at).into_iter().flatten() {
                let ip = key_path(&at, id);
                if !self.known_indicator(fw, id, &ip) {
                    continue;
                }
                let Some(e) = self.object(entry, &ip) else {
                    continue;
                };
                self.name(e, &ip, "lead", Presence::Nullable);
                if let Some(list) =
                    self.field(e, &ip, "support", Presence::Defaulted, Expect::Array)
                {
                    let sp = key_path(&ip, "support");
                    for (j, x) in self.array(list, &sp).into_iter().flatten().enumerate() {
                        if !x.is_string() {
                            self.wrong_type(&index_path(&sp, j), Expect::Text, x);
                        }
                    }
                }
            }
        }
        if let Some(u) = self.field(o, path, "unsettled", Presence::Defaulted, Expect::Object) {
            let at = key_path(path, "unsettled");
            for (id, cands) in self.object(u, &at).into_iter().flatten() {
                let ip = key_path(&at, id);
                if self.known_indicator(fw, id, &ip) {
                    let indicator = fw.and_then(|f| f.indicator(id));
                    self.candidates(cands, &ip, fw, indicator);
                }
            }
        }
        self.coordination_journey(o);
    }

    fn sources(&mut self, v: &Json, fw: Option<&Framework>) {
        let Some(items) = self.array(v, "$.sources") else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = index_path("$.sources", i);
            let Some(s) = self.object(item, &at) else {
                continue;
            };
            if let Some(unit) = self.field(s, &at, "unit", Presence::Required, Expect::Object) {
                self.unit_ref(unit, &key_path(&at, "unit"));
            }
            self.timestamp(s, &at, "exported_at", Presence::Required);
            self.name(s, &at, "digest", Presence::Required);
            if self
                .field(s, &at, "answered", Presence::Required, Expect::Array)
                .is_some()
            {
                self.id_list(s, &at, "answered", fw);
            }
            self.timestamp(s, &at, "superseded_by", Presence::Nullable);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Evidence items, exact values and assessor results (Swanilai extensions, issue 10).

impl Walk {
    /// `exact` beside a `value` (an accepted suggestion stored as a fraction) and the
    /// answer's evidence-item states. The value a reader uses is
    /// `exact` when it rounds to `value`, else `value` (with a warning); a value that
    /// differs from what the marked items suggest is flagged, never changed.
    fn exact_and_items(
        &mut self,
        obj: &Map<String, Json>,
        path: &str,
        fw: Option<&Framework>,
        indicator: Option<&Indicator>,
        flag_suggestion: bool,
    ) {
        let value = obj
            .get("value")
            .and_then(Json::as_f64)
            .and_then(Value::from_f64);
        let exact = self.exact(obj, path, fw, value);
        let used = value.map(|v| in_file::reconcile(v, exact));
        let states = self.item_states(obj, path, indicator);
        let flag = flag_suggestion && !states.is_empty();
        let (Some(fw), Some(ind), Some(used), true) = (fw, indicator, used, flag) else {
            return;
        };
        if let Some(s) = checklist::suggest(fw, ind, &states).filter(|s| s.value != used) {
            let shown = |v: Value, lang: Lang| format_value(v, true, lang);
            self.warn(
                key_path(path, "value"),
                format!(
                    "Nilai {} berbeda dari saran butir yang ditandai ({}). Nilai dalam berkas tetap dipakai.",
                    shown(used, Lang::Id),
                    s.reason.id
                ),
                format!(
                    "The value {} differs from what the marked items suggest ({}). The file's value is kept.",
                    shown(used, Lang::En),
                    s.reason.get(Lang::En)
                ),
            );
        }
    }

    /// `items`: item id → `ada` / `sebagian` / `belum`. Returns the states it could read.
    fn item_states(
        &mut self,
        obj: &Map<String, Json>,
        path: &str,
        indicator: Option<&Indicator>,
    ) -> ItemStates {
        let mut states = ItemStates::new();
        let Some(v) = self.field(obj, path, "items", Presence::Defaulted, Expect::Object) else {
            return states;
        };
        let items_path = key_path(path, "items");
        let Some(items) = self.object(v, &items_path) else {
            return states;
        };
        for (id, state) in items {
            let at = key_path(&items_path, id);
            match state.as_str().and_then(ItemState::from_key) {
                Some(s) => {
                    states.insert(id.clone(), s);
                }
                None => {
                    let (got_id, got_en) = quoted(state);
                    let (what_id, what_en) = describe(&at);
                    self.error(
                        at.clone(),
                        format!("{what_id} berstatus {got_id}, yang tidak dikenal. Status yang sah: \"ada\", \"sebagian\", \"belum\"."),
                        format!("{what_en} has the state {got_en}, which is unknown. Valid states: \"ada\" (held), \"sebagian\" (in part), \"belum\" (not yet)."),
                    );
                }
            }
            self.known_item(indicator, id, &at);
        }
        states
    }

    /// `exact`: a fraction "7/6" within the framework's values, only where values carry
    /// decimals. Returns it when it can be read.
    fn exact(
        &mut self,
        obj: &Map<String, Json>,
        path: &str,
        fw: Option<&Framework>,
        value: Option<Value>,
    ) -> Option<Value> {
        let at = key_path(path, "exact");
        let v = self.field(obj, path, "exact", Presence::Nullable, Expect::Text)?;
        let exact = v.as_str().and_then(Value::parse_fraction);
        let Some(exact) = exact else {
            let (got_id, got_en) = found(v);
            let (what_id, what_en) = describe(&at);
            self.error(
                at,
                format!(
                    "{what_id} harus berisi pecahan sebagai teks, mis. \"7/6\", bukan {got_id}."
                ),
                format!("{what_en} must hold a fraction as text, e.g. \"7/6\", not {got_en}."),
            );
            return None;
        };
        if let Some(fw) = fw {
            if !fw.values.is_decimal() || !fw.values.accepts(exact) {
                let (allowed_id, allowed_en) = allowed_values(&fw.values);
                let (what_id, what_en) = describe(&at);
                self.error(
                    at,
                    format!(
                        "{what_id} tidak diizinkan dalam {}: {allowed_id}.",
                        fw.short_name
                    ),
                    format!(
                        "{what_en} is not allowed in {}: {allowed_en}.",
                        fw.short_name
                    ),
                );
                return None;
            }
        }
        if let Some(value) = value.filter(|v| in_file::reconcile(*v, Some(exact)) != exact) {
            let text = v.as_str().unwrap_or_default();
            self.warn(
                at,
                format!(
                    "Pecahan \"{text}\" (tampil {}) tidak cocok dengan nilai {}; yang dipakai nilai {}.",
                    format_value(exact, true, Lang::Id),
                    format_value(value, true, Lang::Id),
                    format_value(value, true, Lang::Id)
                ),
                format!(
                    "The fraction \"{text}\" (shown {}) does not match the value {}; the value {} is used.",
                    format_value(exact, true, Lang::En),
                    format_value(value, true, Lang::En),
                    format_value(value, true, Lang::En)
                ),
            );
        }
        Some(exact)
    }

    /// An evidence entry's `items`: the ids of the evidence items it proves.
    fn item_links(&mut self, v: &Json, path: &str, indicator: Option<&Indicator>) {
        for (j, link) in self.array(v, path).into_iter().flatten().enumerate() {
            let at = index_path(path, j);
            match link.as_str() {
                Some(id) => self.known_item(indicator, id, &at),
                None => self.wrong_type(&at, Expect::Text, link),
            }
        }
    }

    /// An item id the catalogue does not list for the indicator: a warning (a newer
    /// catalogue may list more items); the state is kept but suggests nothing.
    /// An id not even of an item's form (`<indicator>.L<level>.<n>`) is refused, as by the
    /// schema's `itemId`.
    fn known_item(&mut self, indicator: Option<&Indicator>, id: &str, path: &str) {
        if !is_item_id(id) {
            let q = short_quote(id);
            return self.error(
                path,
                format!("Kode butir {q} tidak sah; bentuknya <indikator>.L<tingkat>.<nomor>, mis. \"13.L1.2\"."),
                format!("The item id {q} is not valid; its form is <indicator>.L<level>.<n>, e.g. \"13.L1.2\"."),
            );
        }
        let Some(ind) = indicator else { return };
        if ind.item(id).is_none() {
            let q = Json::String(id.to_owned());
            let code = ind.display_code();
            self.warn(
                path,
                format!("Butir {q} tidak ada dalam daftar butir indikator {code} versi ini; statusnya disimpan tetapi tidak dihitung."),
                format!("Item {q} is not in this version's item list of indicator {code}; its state is kept but not counted."),
            );
        }
    }

    /// `assessor`: per stage of the framework, indicator → `{ "value", "note" }`.
    fn assessor(&mut self, v: &Json, fw: Option<&Framework>) {
        let path = "$.assessor";
        let Some(o) = self.object(v, path) else {
            return;
        };
        let Some(stages) = self.field(o, path, "stages", Presence::Defaulted, Expect::Object)
        else {
            return;
        };
        let stages_path = key_path(path, "stages");
        let Some(stages) = self.object(stages, &stages_path) else {
            return;
        };
        for (stage, results) in stages {
            let at = key_path(&stages_path, stage);
            if let Some(fw) = fw.filter(|f| f.assessor_stage(stage).is_none()) {
                let known: Vec<&str> = fw.assessor_stages.iter().map(|s| s.id.as_str()).collect();
                let list = known.join(", ");
                self.warn(
                    &at,
                    format!("Tahap penilaian \"{stage}\" tidak dikenal dalam {} (yang dikenal: {list}); nilainya disimpan tetapi tidak ditampilkan.", fw.short_name),
                    format!("Unknown evaluation stage \"{stage}\" in {} (known: {list}); its values are kept but not shown.", fw.short_name),
                );
            }
            let Some(r) = self.object(results, &at) else {
                continue;
            };
            let Some(values) = self.field(r, &at, "values", Presence::Defaulted, Expect::Object)
            else {
                continue;
            };
            let values_path = key_path(&at, "values");
            let Some(values) = self.object(values, &values_path) else {
                continue;
            };
            for (id, entry) in values {
                let entry_path = key_path(&values_path, id);
                self.known_indicator(fw, id, &entry_path);
                let Some(e) =
                    self.entry(entry, &entry_path, ("Nilai asesor", "assessor value"), id)
                else {
                    continue;
                };
                match e.get("value") {
                    None => self.missing(&key_path(&entry_path, "value"), Expect::Number),
                    Some(v) => self.value(v, &key_path(&entry_path, "value"), fw),
                }
                self.text(e, &entry_path, "note", Presence::Defaulted);
            }
        }
    }
}

/// `13.L1.2`, `35.1.L3.10`: digits (dotted), `.L`, one digit, `.`, a number from 1.
fn is_item_id(id: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some((indicator, rest)) = id.rsplit_once(".L") else {
        return false;
    };
    let Some((level, n)) = rest.split_once('.') else {
        return false;
    };
    indicator.split('.').all(digits)
        && level.len() == 1
        && digits(level)
        && digits(n)
        && !n.starts_with('0')
}

// ---------------------------------------------------------------------------------------
// After deserialisation: the consolidated figures against this version's arithmetic.

// ---------------------------------------------------------------------------------------
// Documents attached to evidence (issue 11; docs/FORMAT.md "The .zip bundle").

impl Walk {
    /// `documents` of an evidence entry: each names a file, its size and SHA-256, and in
    /// a bundle its safe path inside the zip. Whether the file itself is there and intact
    /// is checked by `domain::bundle`, which reports it without refusing the answers.
    fn documents(&mut self, v: &Json, path: &str) {
        let Some(items) = self.array(v, path) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = index_path(path, i);
            let Some(d) = self.object(item, &at) else {
                continue;
            };
            self.name(d, &at, "name", Presence::Required);
            self.text(d, &at, "type", Presence::Defaulted);
            if let Some(size) = self.field(d, &at, "size", Presence::Required, Expect::Integer) {
                // Up to 2^53, as `whole::number` reads it (and JavaScript counts exactly).
                self.integer(size, &key_path(&at, "size"), 1 << 53);
            }
            if let Some(hash) = self.text(d, &at, "sha256", Presence::Required) {
                if !crate::domain::sha256::is_sha256_hex(hash) {
                    let at = key_path(&at, "sha256");
                    let (what_id, what_en) = describe(&at);
                    self.error(
                        at,
                        format!("{what_id} harus 64 digit heksadesimal huruf kecil (0–9, a–f)."),
                        format!("{what_en} must be 64 lowercase hexadecimal digits (0–9, a–f)."),
                    );
                }
            }
            if let Some(p) = self.text(d, &at, "path", Presence::Nullable) {
                if !crate::domain::zip::read::is_safe(p) {
                    let at = key_path(&at, "path");
                    let (what_id, what_en) = describe(&at);
                    let q = short_quote(p);
                    self.error(
                        at,
                        format!("{what_id} berisi {q}, yang menunjuk ke luar arsip (\"../\", jalur absolut, garis miring terbalik, huruf drive) atau kosong."),
                        format!("{what_en} holds {q}, which points outside the archive (\"../\", an absolute path, a backslash, a drive letter) or is empty."),
                    );
                }
            }
        }
    }
}

/// One warning per figure of `results` that differs from what [`engine::evaluate`] gives
/// for the file's answers. Figures are compared as displayed (hundredths, half up), the
/// predicate by name. A warning, never an error: an older or newer Swanilai may round or
/// weigh differently, and the answers stay valid; the app shows its own figures.
fn results_mismatches(file: &ExchangeFile, fw: &Framework) -> Vec<Problem> {
    let Some(results) = &file.results else {
        return Vec::new();
    };
    let eval = engine::evaluate(fw, |id| file.answers.get(id).map(|a| a.value));
    let mut out = Vec::new();

    let shown = |h: Option<i64>, lang: Lang| match h {
        Some(h) => format_hundredths(h, lang),
        None => if lang == Lang::Id { "kosong" } else { "empty" }.to_owned(),
    };
    let mut figure =
        |path: String, what: (&str, &str), stated: Option<f64>, computed: Option<i64>| {
            let stated = stated.map(|x| (x * 100.0).round() as i64);
            if stated != computed {
                out.push(mismatch(
                    path,
                    what,
                    (shown(stated, Lang::Id), shown(stated, Lang::En)),
                    (shown(computed, Lang::Id), shown(computed, Lang::En)),
                ));
            }
        };
    figure(
        "$.results.index".into(),
        ("indeks", "index"),
        results.index,
        eval.index.displayed(),
    );
    for g in &eval.aspects {
        let stated = results.aspects.get(&g.id).copied();
        let what = (format!("aspek {}", g.id), format!("aspect {}", g.id));
        figure(
            key_path("$.results.aspects", &g.id),
            (&what.0, &what.1),
            stated,
            g.score.displayed(),
        );
    }
    for g in &eval.domains {
        let stated = results.domains.as_ref().and_then(|d| d.get(&g.id)).copied();
        let what = (format!("domain {}", g.id), format!("domain {}", g.id));
        figure(
            key_path("$.results.domains", &g.id),
            (&what.0, &what.1),
            stated,
            g.score.displayed(),
        );
    }

    let computed = eval.index.predicate(fw);
    let same_predicate = match (&results.predicate, computed) {
        (None, None) => true,
        (Some(s), Some(p)) => {
            let names = [Some(&p.name), p.alias.as_ref()];
            names
                .into_iter()
                .flatten()
                .any(|t| t.id.eq_ignore_ascii_case(s) || t.en.eq_ignore_ascii_case(s))
        }
        _ => false,
    };
    if !same_predicate {
        let stated = results.predicate.clone().unwrap_or_default();
        let (c_id, c_en) = computed.map_or(("kosong".to_owned(), "empty".to_owned()), |p| {
            (p.name.id.clone(), p.name.get(Lang::En).to_owned())
        });
        out.push(mismatch(
            "$.results.predicate".into(),
            ("predikat", "predicate"),
            (format!("\"{stated}\""), format!("\"{stated}\"")),
            (format!("\"{c_id}\""), format!("\"{c_en}\"")),
        ));
    }
    if results.complete != eval.is_complete() {
        let yes_no = |b: bool| {
            (
                if b { "lengkap" } else { "belum lengkap" }.to_owned(),
                if b { "complete" } else { "incomplete" }.to_owned(),
            )
        };
        out.push(mismatch(
            "$.results.complete".into(),
            ("kelengkapan", "completeness"),
            yes_no(results.complete),
            yes_no(eval.is_complete()),
        ));
    }
    out
}

fn mismatch(
    path: String,
    what: (&str, &str),
    stated: (String, String),
    computed: (String, String),
) -> Problem {
    Problem::warning(
        path,
        format!(
            "Angka {} dalam berkas ({}) berbeda dari hitungan Swanilai versi ini ({}). Jawaban tetap \
             dipakai; angka hasil dihitung ulang dari jawaban.",
            what.0, stated.0, computed.0
        ),
        format!(
            "The file's {} ({}) differs from what this version of Swanilai computes ({}). The answers \
             are kept; the figures are recomputed from them.",
            what.1, stated.1, computed.1
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_before() {
        // The hand-built paths must equal what `format!` wrote (messages and e2e tests
        // quote them).
        for i in [0usize, 1, 9, 10, 42, 100, 12345, usize::MAX] {
            assert_eq!(
                index_path("$.answers.3.evidence", i),
                format!("$.answers.3.evidence[{i}]")
            );
        }
        assert_eq!(key_path("$.answers", "35.1"), "$.answers.35.1");
        assert_eq!(key_path("$", "unit"), "$.unit");
        assert_eq!(key_path("$.answers", "a b"), "$.answers[\"a b\"]");
        assert_eq!(key_path("$.x", ""), "$.x[\"\"]");
    }

    #[test]
    fn item_ids_have_the_catalogues_form() {
        for ok in ["13.L1.2", "35.1.L3.10", "4.L0.1"] {
            assert!(is_item_id(ok), "{ok}");
        }
        for bad in [
            "",
            "36",
            "13.L1",
            "13.L1.0",
            "13.L12.1",
            "L1.2",
            ".L1.2",
            "13.l1.2",
            "a.L1.2",
            "13.L1.2x",
            "1..2.L1.1",
        ] {
            assert!(!is_item_id(bad), "{bad}");
        }
    }

    #[test]
    fn paths_read_like_the_contract() {
        assert_eq!(key_path("$.answers", "36"), "$.answers.36");
        assert_eq!(key_path("$.answers", "35.1"), "$.answers.35.1");
        assert_eq!(
            index_path(&key_path("$.answers.36", "evidence"), 0),
            "$.answers.36.evidence[0]"
        );
        assert_eq!(key_path("$.answers", "a b"), "$.answers[\"a b\"]");
        assert_eq!(key_path("$.answers", ""), "$.answers[\"\"]");
    }

    #[test]
    fn describes_allowed_values_per_framework() {
        let range = |id: &str| allowed_values(&catalogue::framework(id).unwrap().values);
        assert_eq!(
            range("spbe-2020"),
            ("1–5, bilangan bulat".into(), "1–5, whole numbers".into())
        );
        assert_eq!(range("spbe-2018").0, "0–5, bilangan bulat");
        assert_eq!(
            range("pemdi-2026"),
            (
                "1,00–5,00 dengan paling banyak dua desimal".into(),
                "1.00–5.00 with at most two decimals".into()
            )
        );
    }

    #[test]
    fn lists_indicator_ids_compactly() {
        let ids = |id: &str| indicator_ids(catalogue::framework(id).unwrap());
        assert_eq!(ids("spbe-2020"), "1–47");
        assert_eq!(ids("spbe-2018"), "1–34, 35.1, 35.2, 35.3");
        assert_eq!(ids("pemdi-2026"), "1–20");
    }

    #[test]
    fn sizes_read_in_both_languages() {
        assert_eq!(megabytes(5 * 1024 * 1024, Lang::Id), "5 MB");
        assert_eq!(megabytes(6_500_000, Lang::Id), "6,2 MB");
        assert_eq!(megabytes(6_500_000, Lang::En), "6.2 MB");
        assert_eq!(
            megabytes(5 * 1024 * 1024 + 1, Lang::En),
            "5.1 MB",
            "rounded up: never shows the limit itself"
        );
        // Above 4 GB (more than a wasm32 usize): a zip's declared size, a storage quota.
        assert_eq!(megabytes(20 << 30, Lang::Id), "20480 MB");
        assert_eq!(megabytes(5_000_000_000, Lang::En), "4768.4 MB");
    }

    #[test]
    fn recognises_files_picked_by_mistake() {
        assert!(recognise(b"%PDF-1.7\n").is_some());
        assert!(recognise(b"PK\x03\x04rest").is_some());
        assert!(recognise(b"{\"format\"").is_none());
    }
}
