//! The .zip bundle: a unit's submission file together with the documents its evidence
//! lists (docs/FORMAT.md, "The .zip bundle").
//!
//! Layout: the exchange file at the root (one `.json`), each document under
//! `dokumen/<indicator>/<file name>`. The JSON lists every document in the evidence entry
//! it belongs to (`answers.<id>.evidence[i].documents`, or for a supporting unit's input
//! `support.<id>.evidence[i].documents`) with its name, size, SHA-256 and `path` inside
//! the zip, so the receiver can check each one.
//!
//! Reading is forgiving about documents and strict about the archive: a hostile zip
//! (see [`crate::domain::zip::read`]) or a bad exchange file refuses the whole bundle and
//! changes nothing, while a missing, damaged or altered document is reported by name and
//! indicator ([`DocumentFault`]) and the rest of the bundle is kept. Documents are
//! checked one at a time ([`OpenBundle::check`]) so the browser can stay responsive
//! between them.
//!
//! [`package`] builds the coordinator's evidence package from many units' documents.

pub mod package;

use crate::domain::exchange::{self, Document, ExchangeFile, Parsed, Problem, Severity};
use crate::domain::sha256::Sha256;
use crate::domain::text::{Lang, Text};
use crate::domain::zip::{Limits, WriteError, ZipArchive, ZipError, ZipStream};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Largest bundle read (its zipped size); the expanded contents are limited by
/// [`Limits::BUNDLE`].
pub const MAX_BUNDLE_BYTES: usize = 400 * 1024 * 1024;

/// The folder of the documents inside a bundle.
pub const DOCUMENTS_DIR: &str = "dokumen";

/// Whether `bytes` look like a zip (rather than a .json): the import screens accept both
/// and tell them apart by content, not by file name.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// A file name that is safe as one path segment on Windows, macOS and Linux: no folder
/// separators, no characters Windows forbids, no leading or trailing dots and spaces, at
/// most 100 characters (the extension kept).
pub fn safe_segment(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            // "Instansi Pusat/Pemda", "12/2024": a slash in a name reads best as a dash.
            '/' | '\\' => '-',
            ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c == ' ');
    let mut out: String = if trimmed.chars().count() > 100 {
        let (stem, ext) = match trimmed.rfind('.') {
            Some(i) if trimmed.len() - i <= 10 => (&trimmed[..i], &trimmed[i..]),
            _ => (trimmed, ""),
        };
        let keep = 100 - ext.chars().count();
        stem.chars().take(keep).collect::<String>() + ext
    } else {
        trimmed.to_string()
    };
    if out.is_empty() {
        out.push_str("dokumen");
    }
    out
}

/// `name`, or `name (2).ext`, `name (3).ext`… whichever is not yet in `taken` (compared
/// without case, as Windows does); the result is added to `taken`.
pub fn unique_name(folder: &str, name: &str, taken: &mut BTreeSet<String>) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            format!("{folder}/{name}")
        } else {
            format!("{folder}/{stem} ({n}){ext}")
        };
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

/// One file to put into a bundle: its path and the document whose bytes go there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// Gives every document of `file` its path inside the bundle (`dokumen/36/name.pdf`) and
/// returns the files to write, each once: the same content attached twice to one
/// indicator is stored once; two different files of the same name get `name (2)`.
pub fn plan(file: &mut ExchangeFile) -> Vec<Planned> {
    let mut taken = BTreeSet::new();
    let mut placed: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut out = Vec::new();
    let answers = file.answers.iter_mut().map(|(i, a)| (i, &mut a.evidence));
    let support = file.support.iter_mut().map(|(i, s)| (i, &mut s.evidence));
    for (indicator, evidence_list) in answers.chain(support) {
        let folder = format!("{DOCUMENTS_DIR}/{}", safe_segment(indicator));
        for evidence in evidence_list.iter_mut() {
            for doc in &mut evidence.documents {
                let key = (indicator.clone(), doc.sha256.clone());
                let path = placed
                    .entry(key)
                    .or_insert_with(|| {
                        let path = unique_name(&folder, &safe_segment(&doc.name), &mut taken);
                        out.push(Planned {
                            path: path.clone(),
                            sha256: doc.sha256.clone(),
                            size: doc.size,
                        });
                        path
                    })
                    .clone();
                doc.path = Some(path);
            }
        }
    }
    out
}

/// The bundle in one buffer: for tests and small exports (the app streams the same
/// pieces into a browser Blob, see `adapters::files`). `content` gives a document's
/// bytes by SHA-256; a document it does not have is left out (and will be reported as
/// missing by the reader).
pub fn write(
    file: &ExchangeFile,
    json_name: &str,
    content: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, WriteError> {
    let mut file = file.clone();
    let planned = plan(&mut file);
    let json = crate::domain::json::to_vec_pretty(&file).unwrap_or_default();
    let mut zip = ZipStream::default();
    let mut out = zip.entry(
        json_name,
        crate::domain::zip::crc32(&json),
        json.len() as u64,
    )?;
    out.extend_from_slice(&json);
    for p in planned {
        if let Some(bytes) = content(&p.sha256) {
            out.extend(zip.entry(
                &p.path,
                crate::domain::zip::crc32(&bytes),
                bytes.len() as u64,
            )?);
            out.extend_from_slice(&bytes);
        }
    }
    out.extend(zip.finish()?);
    Ok(out)
}

/// Which part of the exchange file lists a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The unit's own answer (`answers`).
    Answer,
    /// A supporting unit's input for the lead (`support`).
    Support,
}

impl Part {
    fn key(self) -> &'static str {
        match self {
            Part::Answer => "answers",
            Part::Support => "support",
        }
    }
}

/// Where a document is listed in the exchange file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub part: Part,
    pub indicator: String,
    /// Position in the answer's `evidence`.
    pub evidence: usize,
    /// Position in that evidence's `documents`.
    pub index: usize,
    pub document: Document,
}

impl Listed {
    /// `$.answers.36.evidence[0].documents[1]`, the place problems are reported at.
    pub fn json_path(&self) -> String {
        format!(
            "$.{}.{}.evidence[{}].documents[{}]",
            self.part.key(),
            self.indicator,
            self.evidence,
            self.index
        )
    }
}

/// Every document listed in `file`: the answers' in indicator order, then the supporting
/// input's.
pub fn listed(file: &ExchangeFile) -> Vec<Listed> {
    let mut out = Vec::new();
    let answers = file
        .answers
        .iter()
        .map(|(i, a)| (Part::Answer, i, &a.evidence));
    let support = file
        .support
        .iter()
        .map(|(i, s)| (Part::Support, i, &s.evidence));
    for (part, indicator, evidence_list) in answers.chain(support) {
        for (e, evidence) in evidence_list.iter().enumerate() {
            for (i, doc) in evidence.documents.iter().enumerate() {
                out.push(Listed {
                    part,
                    indicator: indicator.clone(),
                    evidence: e,
                    index: i,
                    document: doc.clone(),
                });
            }
        }
    }
    out
}

/// Why one listed document cannot be used. The bundle is read anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentFault {
    /// Listed without a `path`: the sender exported a plain .json, or removed it.
    NotIncluded,
    /// The `path` is not in the zip.
    Missing,
    /// The zip entry cannot be unpacked or fails its CRC.
    Damaged(ZipError),
    /// A different size than listed.
    WrongSize { found: u64 },
    /// The content's SHA-256 differs from the listed one: altered after export.
    Altered,
}

impl DocumentFault {
    /// What is wrong, naming the document and its indicator.
    pub fn message(&self, listed: &Listed) -> Text {
        let (name, ind) = (&listed.document.name, &listed.indicator);
        let mb = exchange::megabytes;
        match self {
            DocumentFault::NotIncluded => Text::new(
                format!("Dokumen \"{name}\" (indikator {ind}) tercantum tetapi tidak ikut dikirim: berkas ini .json biasa, bukan bundel .zip. Minta unit mengirim bundel .zip bila dokumennya diperlukan."),
                format!("The document \"{name}\" (indicator {ind}) is listed but was not sent: this is a plain .json, not a .zip bundle. Ask the unit for the .zip bundle if the document is needed."),
            ),
            DocumentFault::Missing => Text::new(
                format!("Dokumen \"{name}\" (indikator {ind}) tercantum tetapi tidak ada di dalam arsip. Dokumen lain tetap dipakai; minta unit mengirim ulang bundelnya."),
                format!("The document \"{name}\" (indicator {ind}) is listed but is not in the archive. The other documents are kept; ask the unit to send the bundle again."),
            ),
            DocumentFault::Damaged(e) => {
                let why = e.message();
                Text::new(
                    format!("Dokumen \"{name}\" (indikator {ind}) rusak dan tidak disimpan: {} Dokumen lain tetap dipakai.", why.id),
                    format!("The document \"{name}\" (indicator {ind}) is damaged and was not kept: {} The other documents are kept.", why.en),
                )
            }
            DocumentFault::WrongSize { found } => Text::new(
                format!("Dokumen \"{name}\" (indikator {ind}) berukuran {}, padahal tercantum {}: isinya telah berubah sejak diekspor dan tidak disimpan.", mb(*found, Lang::Id), mb(listed.document.size, Lang::Id)),
                format!("The document \"{name}\" (indicator {ind}) is {}, while {} is listed: it changed after export and was not kept.", mb(*found, Lang::En), mb(listed.document.size, Lang::En)),
            ),
            DocumentFault::Altered => Text::new(
                format!("Dokumen \"{name}\" (indikator {ind}) telah diubah sejak diekspor: sidik SHA-256-nya tidak cocok dengan yang tercantum. Dokumen ini tidak disimpan; dokumen lain tetap dipakai."),
                format!("The document \"{name}\" (indicator {ind}) was altered after export: its SHA-256 does not match the one listed. It was not kept; the other documents are kept."),
            ),
        }
    }

    /// The fault as a warning at the document's place in the file.
    pub fn problem(&self, listed: &Listed) -> Problem {
        Problem {
            path: listed.json_path(),
            severity: Severity::Warning,
            message: self.message(listed),
        }
    }
}

/// Why a bundle is refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    Zip(ZipError),
    /// No `.json` at the top of the archive.
    NoJson,
    /// More than one `.json` at the top: which one is the answers is unclear.
    SeveralJson(Vec<String>),
}

impl BundleError {
    pub fn message(&self) -> Text {
        match self {
            BundleError::Zip(e) => e.message(),
            BundleError::NoJson => Text::new(
                "Arsip ZIP ini bukan bundel Swanilai: tidak ada berkas .json di tingkat teratasnya. Bundel Swanilai berisi berkas jawaban .json dan folder \"dokumen\".",
                "This ZIP archive is not a Swanilai bundle: there is no .json file at its top level. A Swanilai bundle holds the .json answer file and a \"dokumen\" folder.",
            ),
            BundleError::SeveralJson(names) => {
                let list = names.join(", ");
                Text::new(
                    format!("Arsip ZIP ini berisi lebih dari satu berkas .json di tingkat teratasnya ({list}); bundel Swanilai hanya berisi satu. Impor berkas .json itu satu per satu."),
                    format!("This ZIP archive holds more than one .json file at its top level ({list}); a Swanilai bundle holds one. Import those .json files one by one."),
                )
            }
        }
    }

    fn problem(&self) -> Problem {
        Problem {
            path: "$".into(),
            severity: Severity::Error,
            message: self.message(),
        }
    }
}

/// A bundle whose archive and exchange file passed; its documents are checked one by one.
pub struct OpenBundle<'a> {
    zip: ZipArchive<'a>,
    /// The name of the exchange file inside the zip.
    pub json_name: String,
    pub parsed: Parsed,
    /// Every document the file lists.
    pub documents: Vec<Listed>,
}

/// Opens a bundle: the archive is checked against [`Limits::BUNDLE`], the exchange file
/// read with [`exchange::parse`]. `Err` refuses the bundle (every problem of the file, or
/// the one reason the archive was refused).
pub fn open(bytes: &[u8]) -> Result<OpenBundle<'_>, Vec<Problem>> {
    let zip = ZipArchive::open(bytes, &Limits::BUNDLE)
        .map_err(|e| vec![BundleError::Zip(e).problem()])?;
    let json: Vec<&str> = zip
        .entries()
        .iter()
        .map(|e| e.name.as_str())
        .filter(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".json"))
        .collect();
    let json_name = match json.as_slice() {
        [one] => one.to_string(),
        [] => return Err(vec![BundleError::NoJson.problem()]),
        many => {
            let names = many.iter().map(|s| s.to_string()).collect();
            return Err(vec![BundleError::SeveralJson(names).problem()]);
        }
    };
    let entry = zip
        .find(&json_name)
        .ok_or_else(|| vec![BundleError::NoJson.problem()])?;
    let text = zip
        .read(entry)
        .map_err(|e| vec![BundleError::Zip(e).problem()])?;
    let parsed = exchange::parse(&text)?;
    let documents = listed(&parsed.file);
    Ok(OpenBundle {
        zip,
        json_name,
        parsed,
        documents,
    })
}

impl<'a> OpenBundle<'a> {
    /// Unpacks one listed document and checks its size and SHA-256.
    pub fn check(&self, listed: &Listed) -> Result<Cow<'a, [u8]>, DocumentFault> {
        let bytes = self.unpack(listed)?;
        let mut h = Sha256::default();
        h.update(&bytes);
        same_hash(listed, &h.finish_hex())?;
        Ok(bytes)
    }

    /// [`OpenBundle::check`] without the hash, for a caller that hashes a large document
    /// in slices between frames and then asks [`same_hash`].
    pub fn unpack(&self, listed: &Listed) -> Result<Cow<'a, [u8]>, DocumentFault> {
        let path = listed
            .document
            .path
            .as_deref()
            .ok_or(DocumentFault::NotIncluded)?;
        let entry = self.zip.find(path).ok_or(DocumentFault::Missing)?;
        let bytes = self.zip.read(entry).map_err(DocumentFault::Damaged)?;
        if bytes.len() as u64 != listed.document.size {
            return Err(DocumentFault::WrongSize {
                found: bytes.len() as u64,
            });
        }
        Ok(bytes)
    }

    /// Files in the archive that the exchange file does not list (ignored, but said).
    pub fn unlisted(&self) -> Vec<&str> {
        let listed: BTreeSet<&str> = self
            .documents
            .iter()
            .filter_map(|l| l.document.path.as_deref())
            .collect();
        self.zip
            .entries()
            .iter()
            .map(|e| e.name.as_str())
            .filter(|n| *n != self.json_name && !listed.contains(n))
            .collect()
    }
}

/// `Err(Altered)` unless `sha256_hex` is the SHA-256 the document is listed with.
pub fn same_hash(listed: &Listed, sha256_hex: &str) -> Result<(), DocumentFault> {
    if sha256_hex == listed.document.sha256 {
        Ok(())
    } else {
        Err(DocumentFault::Altered)
    }
}

/// A warning for files in the archive that no evidence lists.
pub fn unlisted_problem(names: &[&str]) -> Option<Problem> {
    if names.is_empty() {
        return None;
    }
    let list = names.join(", ");
    Some(Problem {
        path: "$".into(),
        severity: Severity::Warning,
        message: Text::new(
            format!("Berkas di dalam arsip yang tidak tercantum pada bukti dukung mana pun diabaikan: {list}."),
            format!("Files in the archive that no evidence lists were ignored: {list}."),
        ),
    })
}
