//! The exchange file: what moves between units and the coordinator by e-mail, chat or
//! flash disk (docs/FORMAT.md; JSON Schema in docs/swanilai.schema.json).
//!
//! Three kinds share one envelope: `assignment` (coordinator → unit: the indicators a unit
//! owns), `submission` (unit → coordinator: its answers) and `consolidated` (the
//! coordinator's merged result with provenance). Reading goes through [`parse`], which
//! checks everything against the framework catalogue and reports every problem with its
//! JSON path; the typed values below are only ever built from a file that passed.
//!
//! Fields this version does not know are kept in `extra` and written back unchanged, so a
//! file passed through an older Swanilai loses nothing a newer one added.

mod journey;
mod strict_json;
mod time;
mod validate;
pub mod words;

pub use journey::{Contact, SupportInput};
pub use time::{format_unix_millis, parse_rfc3339, Civil, Date, Instant, Timestamp};
pub use validate::{allowed_values, megabytes, parse, Parsed, Problem, Severity};

use crate::domain::assessor::AssessorResults;
use crate::domain::checklist::ItemStates;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use serde_json::Map;
use std::collections::BTreeMap;

/// The `format` marker every file carries.
pub const FORMAT: &str = "swanilai";
/// The newest `version` this build reads and the one it writes.
pub const VERSION: u64 = 1;
/// Files above this size are refused before parsing (a unit's file is a few hundred KB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

type Extra = Map<String, serde_json::Value>;

/// Whole numbers written `3` or `3.0`: JSON (and the JSON Schema) do not tell them apart,
/// so neither do the types. The reader's `as_whole` is the same rule.
mod whole {
    use serde::de::{Deserialize, Deserializer, Error};

    fn read<T: TryFrom<u64>, E: Error>(x: f64) -> Result<T, E> {
        let ok = x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x);
        ok.then(|| T::try_from(x as u64).ok())
            .flatten()
            .ok_or_else(|| E::custom("not a whole number in range"))
    }

    pub fn number<'de, D: Deserializer<'de>, T: TryFrom<u64>>(d: D) -> Result<T, D::Error> {
        read(f64::deserialize(d)?)
    }

    pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Option::<f64>::deserialize(d)?.map(read).transpose()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Assignment,
    Submission,
    Consolidated,
}

/// One exchange file, of any kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeFile {
    pub format: String,
    #[serde(deserialize_with = "whole::number")]
    pub version: u64,
    pub kind: Kind,
    pub framework: String,
    pub institution: String,
    pub period: String,
    /// The unit that sends (submission) or receives (assignment) the file; for a
    /// consolidated file, optionally the coordinating unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitRef>,
    /// RFC 3339 time of export, e.g. `2026-11-28T09:30:00Z`. Orders files from one unit.
    pub exported_at: Timestamp,
    /// Indicator id → answer. An unanswered indicator is absent.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// `submission` files: a supporting unit's input on the indicators it supports
    /// (notes, evidence, optionally a proposed level), kept apart from `answers`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub support: BTreeMap<String, SupportInput>,
    /// `assignment` files: which indicators the unit leads or supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<AssignmentPart>,
    /// `consolidated` files: the figures as displayed when exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<ResultsPart>,
    /// `consolidated` files: where each answer came from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub provenance: BTreeMap<String, Provenance>,
    /// `consolidated` files: every conflict settled, and how.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// `consolidated` files: the unit files merged, including superseded ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRecord>,
    /// The program that wrote the file, e.g. "Swanilai 0.1.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    /// `consolidated` files (optional): the official evaluation's values per stage, beside
    /// the self-assessment. They change no self-assessment figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<AssessorResults>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ExchangeFile {
    /// An empty file of `kind` written now by this version of Swanilai.
    pub fn new(
        kind: Kind,
        framework: &str,
        institution: &str,
        period: &str,
        unit: Option<UnitRef>,
        now: &Timestamp,
    ) -> ExchangeFile {
        ExchangeFile {
            format: FORMAT.to_string(),
            version: VERSION,
            kind,
            framework: framework.to_string(),
            institution: institution.to_string(),
            period: period.to_string(),
            unit,
            exported_at: now.clone(),
            answers: BTreeMap::new(),
            support: BTreeMap::new(),
            assignment: None,
            results: None,
            provenance: BTreeMap::new(),
            decisions: Vec::new(),
            sources: Vec::new(),
            generator: Some(crate::domain::draft::GENERATOR.to_string()),
            assessor: None,
            extra: Map::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// One indicator's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// `"value": 1.17` and, for an accepted suggestion, `"exact": "7/6"` beside it.
    #[serde(flatten, with = "crate::domain::value::in_file")]
    pub value: Value,
    /// Penjelasan, in the Fakta / Analisis pattern (Pedoman MenPANRB 3/2024 Bab III).
    #[serde(default)]
    pub justification: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// The public service assessed (SPBE 2020 45–47, SPBE 2018 35.x).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The state of each evidence item the unit marked (Swanilai extension): item id
    /// (`13.L1.2`) → `ada` / `sebagian` / `belum`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: ItemStates,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A piece of bukti dukung.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub title: String,
    /// Number, article, page: "Pasal 4, hlm. 3".
    #[serde(default)]
    pub reference: String,
    /// A URL or where the document is kept.
    #[serde(default)]
    pub link: String,
    /// The level this evidence supports.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole::optional"
    )]
    pub level: Option<u8>,
    /// Date of the document, `YYYY-MM-DD` (Swanilai extension; lets the app check the
    /// "review under two years old" rule of Pedoman MenPANRB 3/2024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The document is a review/evaluation (reviu) report (Swanilai extension).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// The document files attached to this evidence (Swanilai extension, docs/FORMAT.md
    /// "The .zip bundle"): listed in every file, carried only in a bundle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// The evidence items (ids such as `13.L1.2`) this document proves (Swanilai extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One document file attached to an evidence entry: what it is and its SHA-256, so the
/// receiver can tell an intact copy from an altered one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The file name as the sender had it, e.g. "Perbup 12-2024.pdf".
    pub name: String,
    /// Media type, e.g. "application/pdf" (empty when unknown).
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub media_type: String,
    /// Size in bytes (written `6016` or `6016.0`, like every whole number).
    #[serde(deserialize_with = "whole::number")]
    pub size: u64,
    /// SHA-256 of the content, 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// Where the file is inside the .zip bundle (`dokumen/36/Perbup 12-2024.pdf`);
    /// absent in a plain .json, which lists documents without carrying them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentPart {
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub support: Vec<String>,
    /// The day by which the unit sends its file back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// Whom to ask, and where to send the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// A short instruction from the coordinator, shown to the unit as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The figures of a consolidated file, rounded to two decimals as displayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsPart {
    pub index: Option<f64>,
    pub predicate: Option<String>,
    pub aspects: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<BTreeMap<String, f64>>,
    pub complete: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where one consolidated answer came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The unit whose file supplied the value, or `None` when the coordinator set it.
    pub unit: Option<String>,
    /// `exported_at` of that unit's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<Timestamp>,
    /// Position in `decisions` when the value came out of a settled conflict.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole::optional"
    )]
    pub decision: Option<usize>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a conflict was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// The coordinator picked one unit's answer.
    Pick,
    /// The coordinator entered a value of their own (a note is required).
    Own,
    /// Bulk rule: the lead unit's answer.
    Lead,
    /// Bulk rule: the highest value.
    Higher,
    /// Bulk rule: the lowest value.
    Lower,
}

/// One unit's differing answer, as shown when the conflict was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub unit: String,
    #[serde(flatten, with = "crate::domain::value::in_file")]
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<Timestamp>,
    /// That unit's evidence-item states, when it marked any: two answers with the same
    /// value but different states are a conflict too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: ItemStates,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A settled conflict: who decided, when, why, and between what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub indicator: String,
    pub rule: Rule,
    /// The unit whose answer was taken (`pick`, `lead`, `higher`, `lower`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen_unit: Option<String>,
    #[serde(flatten, with = "crate::domain::value::in_file")]
    pub value: Value,
    pub candidates: Vec<Candidate>,
    #[serde(default)]
    pub note: String,
    pub decided_by: String,
    pub decided_at: Timestamp,
    /// When the note was last reworded (Swanilai extension); `decided_at` stays the time
    /// of the choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_amended_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A unit file that went into a consolidation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub unit: UnitRef,
    pub exported_at: Timestamp,
    /// Content digest of the file (FNV-1a 64, hex) to recognise the same file imported twice.
    pub digest: String,
    /// Indicators answered in it.
    pub answered: Vec<String>,
    /// `exported_at` of the newer file from the same unit that replaced this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}
