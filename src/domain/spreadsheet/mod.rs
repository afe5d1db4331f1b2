//! Tables of an assessment and their downloads (issue 5 §6, anchors §5 #7: action-plan
//! export).
//!
//! [`indicator_rows`] is the one table of "every indicator with its value, level name, owner
//! unit and evidence count" that the results screen, the printed report, the CSV and the
//! workbook all show, so the four can never disagree. [`workbook`] writes the .xlsx
//! (Ringkasan, Indikator, Rencana Aksi) with the small SpreadsheetML writer in [`xlsx`];
//! [`indicator_csv`] writes the CSV.
//!
//! CSV dialect: RFC 4180 with the separator and decimal mark of the user's convention
//! ([`Dialect`]: Indonesian `;` and `2,75`, English `,` and `2.75`, as Excel reads them on
//! a laptop of that locale), CRLF line ends, UTF-8 with a byte-order mark so Excel and
//! LibreOffice detect UTF-8 (names such as "Pelindungan Data Pribadi – PDP" keep their
//! characters). Fields holding a comma, semicolon, quote, CR or LF are quoted, quotes doubled. Text
//! cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading apostrophe so a
//! spreadsheet never runs a justification as a formula (CSV injection).

mod csv;
mod workbook;
pub mod xlsx;

pub use csv::{indicator_csv, Dialect};
pub use workbook::{raise_gain, target_label, workbook, PlanSheet};

use crate::domain::catalogue::{self, Aspect, Domain, Framework, Indicator};
use crate::domain::engine::effective_values;
use crate::domain::exchange::{ExchangeFile, Kind};
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;

/// Who supplied an indicator's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A unit's file (the submission's sender, or the source named in the provenance).
    Unit { id: String, name: String },
    /// The coordinator entered the value (a settled conflict with an own value).
    Coordinator,
}

impl Owner {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Owner::Unit { name, .. } => name.clone(),
            Owner::Coordinator => Text::new("Koordinator", "Coordinator")
                .get(lang)
                .to_string(),
        }
    }
}

/// One indicator of an assessment, as every table shows it.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    pub indicator: &'static Indicator,
    pub aspect: &'static Aspect,
    pub domain: Option<&'static Domain>,
    /// The value the engine uses: the answer, or the assumed value of a missing external
    /// indicator (see `assumed`); `None` when unanswered.
    pub value: Option<Value>,
    /// The value is the framework's assumption for a missing external index (Pemdi: 1.00).
    pub assumed: bool,
    /// How the value reads: its level name (SPBE) or its predicate band (Pemdi), see
    /// [`Framework::value_reading`].
    pub reading: Option<Text>,
    pub owner: Option<Owner>,
    pub evidence: usize,
    pub justification: String,
    /// The public service assessed (SPBE 2020 45–47, SPBE 2018 35.x).
    pub service: Option<String>,
    /// Position in the file's `decisions` when the value came out of a settled conflict.
    pub decision: Option<usize>,
}

/// Rows are equal when they show the same thing (indicators compared by id), so the UI
/// can keep them in a memo.
impl PartialEq for IndicatorRow {
    fn eq(&self, o: &Self) -> bool {
        self.indicator.id == o.indicator.id
            && self.value == o.value
            && self.assumed == o.assumed
            && self.owner == o.owner
            && self.evidence == o.evidence
            && self.justification == o.justification
            && self.service == o.service
            && self.decision == o.decision
    }
}

impl IndicatorRow {
    /// A short note for the table's last column: assumed value, conflict decision, missing.
    pub fn remark(&self) -> Option<Text> {
        if self.value.is_none() {
            return Some(Text::new("Belum dijawab", "Not answered"));
        }
        if self.assumed {
            return Some(Text::new(
                "Nilai asumsi: indeks instansi lain belum tersedia",
                "Assumed value: the other agency's index is not available yet",
            ));
        }
        self.decision.map(|d| {
            Text::new(
                format!("Hasil penyelesaian perbedaan jawaban (keputusan {})", d + 1),
                format!("Settled conflict (decision {})", d + 1),
            )
        })
    }
}

/// A unit's name as the file knows it (its sources, its own unit), else from the starting
/// list of typical Pemda units, else the id itself.
pub fn unit_name(file: &ExchangeFile, unit_id: &str) -> String {
    file.sources
        .iter()
        .find(|s| s.unit.id == unit_id)
        .map(|s| s.unit.name.clone())
        .or_else(|| {
            file.unit
                .as_ref()
                .filter(|u| u.id == unit_id)
                .map(|u| u.name.clone())
        })
        .or_else(|| {
            catalogue::units()
                .iter()
                .find(|u| u.id == unit_id)
                .map(|u| u.name.id.clone())
        })
        .unwrap_or_else(|| unit_id.to_string())
}

/// The unit that owns indicator `id` in `file`: the sender of a submission; for a
/// consolidated file the unit named in its provenance (the coordinator when none).
pub fn owner_of(file: &ExchangeFile, id: &str) -> Option<Owner> {
    if !file.answers.contains_key(id) {
        return None;
    }
    match file.kind {
        Kind::Consolidated => match file.provenance.get(id) {
            Some(p) => Some(match &p.unit {
                Some(u) => Owner::Unit {
                    id: u.clone(),
                    name: unit_name(file, u),
                },
                None => Owner::Coordinator,
            }),
            None => file.unit.as_ref().map(|u| Owner::Unit {
                id: u.id.clone(),
                name: u.name.clone(),
            }),
        },
        _ => file.unit.as_ref().map(|u| Owner::Unit {
            id: u.id.clone(),
            name: u.name.clone(),
        }),
    }
}

/// Every indicator of `fw` with what `file` says about it, in catalogue order.
pub fn indicator_rows(fw: &'static Framework, file: &ExchangeFile) -> Vec<IndicatorRow> {
    let (values, assumed) = effective_values(fw, |id| file.answers.get(id).map(|a| a.value));
    fw.indicators
        .iter()
        .filter_map(|ind| {
            let aspect = fw.aspect(&ind.aspect)?;
            let domain = aspect.domain.as_deref().and_then(|d| fw.domain(d));
            let value = values.get(&ind.id).copied();
            let answer = file.answers.get(&ind.id);
            Some(IndicatorRow {
                indicator: ind,
                aspect,
                domain,
                value,
                assumed: assumed.contains(&ind.id),
                reading: value.and_then(|v| fw.value_reading(ind, v)),
                owner: owner_of(file, &ind.id),
                evidence: answer.map_or(0, |a| a.evidence.len()),
                justification: answer.map(|a| a.justification.clone()).unwrap_or_default(),
                service: answer.and_then(|a| a.service.clone()),
                decision: file.provenance.get(&ind.id).and_then(|p| p.decision),
            })
        })
        .collect()
}

/// A value as shown in tables: `3` for a level, `2,47` / `2.47` for a Pemdi decimal.
pub fn format_value(v: Value, decimal: bool, lang: Lang) -> String {
    let h = v.hundredths() as i64;
    if decimal {
        crate::domain::engine::format_hundredths(h, lang)
    } else {
        (h / 100).to_string()
    }
}
