//! The coordinator's consolidation (issue 4): units and assignments, many unit files
//! merged into one assessment, coverage, conflicts and how each was settled.
//!
//! A [`Workspace`] is the coordinator's whole state, kept in browser storage under the
//! kind [`STORAGE_KIND`]. Everything shown is derived from it by plain functions:
//! [`merge()`] gives the value of every indicator with where it came from, [`coverage()`]
//! the indicator × unit matrix, [`to_consolidated`] the `consolidated` exchange file.
//!
//! The rules, each tested in `tests/consolidation.rs`:
//!
//! * **Nothing is overwritten silently.** A unit's newer file (by `exported_at`) replaces
//!   its current one, which moves to [`Workspace::history`]; an *older* file than the
//!   current one is recorded in the history and changes nothing; the same file twice
//!   (same [`digest`]) changes nothing at all.
//! * **A conflict is exactly** two or more current files giving different values for one
//!   indicator. Until the coordinator settles it the indicator has **no value** ("perlu
//!   keputusan"): it counts as unanswered in the index, and the consolidated file lists
//!   it under `coordination.unsettled` instead of choosing silently.
//! * **A decision** (pick a unit's answer, the coordinator's own value with a required
//!   note, or a bulk rule) records who, when, why and between which answers. It applies
//!   while the answers it was taken on are still the current ones; when a newer file
//!   changes them, the conflict is open again and the old decision stays in the log.
//! * **Removing a unit never drops its answers silently:** its current file moves to
//!   the history as withdrawn (re-importing that file brings it back).
//! * **Order does not matter:** with no conflicting values, importing the same files in
//!   any order gives the same merge (submissions and history are kept sorted, ties
//!   between answers are broken by lead unit, then unit id).
//!
//! Cost: a merge is one pass over every answer of every current file plus one pass over
//! the indicators, O(files × indicators); big texts (justifications, evidence) are shared
//! through `Arc` and never copied by a merge.

mod file;
mod import;
mod journey;
mod merge;
mod settle;
mod versions;

pub use file::{
    assignment_file, coordination_of, describe_rule, to_consolidated, to_consolidated_with,
    Coordination, Restored, COORDINATION_KEY, PROVENANCE_DIGEST,
};
pub use import::{digest, Digested, ImportReport, Imported};
pub use journey::{
    check_letterhead, check_nip, dues, is_late, letterhead_from_image, letterhead_image, reminder,
    reminder_all, Arrival, BeritaAcara, Guidance, Signatory, UnitDue, MAX_INSTRUCTIONS,
    MAX_LETTERHEAD_CHARS,
};
pub use merge::{
    coverage, merge, Candidate, Cell, CellState, Coverage, CoverageRow, Item, Merge, Role, Status,
};
pub use settle::{RuleOutcome, Settlement};

use crate::domain::assessor::AssessorResults;
use crate::domain::catalogue::{self, Framework};
use crate::domain::exchange::{Answer, Decision, SupportInput, Timestamp, UnitRef};
use crate::domain::text::Text;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Storage kind of workspaces (`swanilai.v1.workspace.<id>`).
pub const STORAGE_KIND: &str = "workspace";

/// The coordinator's state: who is asked what, what came back, and what was decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Local id in this browser.
    pub id: String,
    /// The coordinator's label for it ("SPBE 2026 — rapat verifikasi").
    pub name: String,
    pub framework: String,
    pub institution: String,
    pub period: String,
    /// The coordinator's name, written as `decided_by` on every decision.
    pub coordinator: String,
    /// The institution's units, sorted by their label (see [`Workspace::sort_units`]).
    pub units: Vec<UnitRef>,
    /// Indicator id → who answers it; every indicator of the framework has an entry.
    pub assignments: BTreeMap<String, Assignment>,
    /// The current file of each unit that sent one: at most one per unit, sorted by unit id.
    #[serde(default)]
    pub submissions: Vec<Submission>,
    /// Files that no longer count, sorted by unit, then export time.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Every decision taken, oldest first (see [`merge()`] for which one applies).
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Deadline, contact and instruction carried by every assignment file.
    #[serde(default, skip_serializing_if = "Guidance::is_empty")]
    pub guidance: Guidance,
    /// The Berita Acara's particulars; `None` until entered (the defaults are shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub berita_acara: Option<BeritaAcara>,
    /// The official evaluation's values, once known (`domain::assessor`): beside the
    /// self-assessment, never part of it.
    #[serde(default, skip_serializing_if = "AssessorResults::is_empty")]
    pub assessor: AssessorResults,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// Who answers one indicator: one lead unit and any number of supporting units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default)]
    pub support: Vec<String>,
}

/// A unit's file as received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub unit: UnitRef,
    pub exported_at: Timestamp,
    /// [`digest`] of the file's content: the same file imported twice is recognised.
    pub digest: String,
    /// The name of the file it came from (empty when rebuilt from a consolidated file).
    #[serde(default)]
    pub file_name: String,
    pub received_at: Timestamp,
    /// The file's own institution and period, shown when they differ from the workspace's.
    #[serde(default)]
    pub institution: String,
    #[serde(default)]
    pub period: String,
    /// Shared, never copied by a merge: a unit's answers can be hundreds of KB of text.
    #[serde(with = "shared")]
    pub answers: Arc<BTreeMap<String, Answer>>,
    /// A supporting unit's input (the file's `support` map): notes and evidence for the
    /// lead, and the levels it proposes.
    #[serde(default, with = "shared", skip_serializing_if = "no_input")]
    pub support: Arc<BTreeMap<String, SupportInput>>,
    /// Rebuilt from a consolidated file: answers the coordinator did not take carry only
    /// their value. Importing the unit's original file again completes them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub restored: bool,
}

/// A file that no longer counts, kept so the coordinator can see what changed.
///
/// Only the values are kept, not the texts: the file itself is the record, and browser
/// storage is small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub unit: UnitRef,
    pub exported_at: Timestamp,
    pub digest: String,
    #[serde(default)]
    pub file_name: String,
    pub received_at: Timestamp,
    /// The indicators it answered, in catalogue order.
    pub answered: Vec<String>,
    /// Their values (empty when rebuilt from a consolidated file, which does not say).
    #[serde(default)]
    pub values: BTreeMap<String, Value>,
    pub reason: HistoryReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HistoryReason {
    /// Replaced by the unit's newer file exported at `by`.
    Replaced { by: Timestamp },
    /// Arrived after a newer file of the same unit (exported at `current`): never counted.
    ArrivedOlder { current: Timestamp },
    /// The unit was removed from the workspace at `at`.
    Withdrawn { at: Timestamp },
}

/// What a unit is used for, to say so before it is removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitUsage {
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Answers in the unit's current file (withdrawn from the merge on removal).
    pub answers: usize,
}

fn no_input(s: &Arc<BTreeMap<String, SupportInput>>) -> bool {
    s.is_empty()
}

/// `Arc<T>` serialised as `T`; the app's serde does not rely on serde's `rc` feature.
mod shared {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::Arc;

    pub fn serialize<T: Serialize, S: Serializer>(v: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
        T::serialize(v, s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Arc<T>, D::Error> {
        T::deserialize(d).map(Arc::new)
    }
}

/// A unit's short label: the Pemda template's short name ("BKPSDM") while the unit keeps
/// the template's name, else the name the coordinator gave it.
pub fn label(unit: &UnitRef) -> String {
    catalogue::units()
        .iter()
        .find(|t| t.id == unit.id && t.name.id == unit.name)
        .map_or_else(
            || crate::domain::text::visible(&unit.name).into_owned(),
            |t| t.short.clone(),
        )
}

/// The starting list of typical Pemda units (process.md), as workspace units.
pub fn starter_units() -> Vec<UnitRef> {
    catalogue::units()
        .iter()
        .map(|t| UnitRef {
            id: t.id.clone(),
            name: t.name.id.clone(),
        })
        .collect()
}

/// The default assignment of one indicator from the catalogue's `owners`, limited to the
/// units present: the first typical lead present leads, other typical owners support.
pub fn default_assignment(fw: &Framework, indicator: &str, units: &[UnitRef]) -> Assignment {
    let present = |id: &String| units.iter().any(|u| &u.id == id);
    let Some(ind) = fw.indicator(indicator) else {
        return Assignment::default();
    };
    let mut owners = ind
        .owners
        .lead
        .iter()
        .chain(&ind.owners.support)
        .filter(|id| present(id));
    let lead = ind.owners.lead.iter().find(|id| present(id)).cloned();
    let mut support = Vec::new();
    for id in owners.by_ref() {
        if Some(id) != lead.as_ref() && !support.contains(id) {
            support.push(id.clone());
        }
    }
    Assignment { lead, support }
}

fn err(id: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(id, en)
}

/// A framework id the catalogue does not know.
pub fn unknown_framework() -> Text {
    err("Kerangka penilaian tidak dikenal.", "Unknown framework.")
}

impl Workspace {
    /// A new workspace; with `starter_units`, the typical Pemda units and the default
    /// assignment template (process.md), otherwise no units and nothing assigned.
    pub fn new(
        id: String,
        fw: &Framework,
        institution: String,
        period: String,
        coordinator: String,
        starter: bool,
        now: &Timestamp,
    ) -> Workspace {
        let units = if starter { starter_units() } else { Vec::new() };
        let name = format!("{} · {}", fw.short_name, period.trim());
        let mut ws = Workspace {
            id,
            name,
            framework: fw.id.clone(),
            institution: institution.trim().to_string(),
            period: period.trim().to_string(),
            coordinator: coordinator.trim().to_string(),
            units,
            assignments: BTreeMap::new(),
            submissions: Vec::new(),
            history: Vec::new(),
            decisions: Vec::new(),
            guidance: Guidance::default(),
            berita_acara: None,
            assessor: AssessorResults::default(),
            created_at: now.clone(),
            updated_at: now.clone(),
        };
        ws.sort_units();
        ws.reset_assignments();
        ws
    }

    pub fn framework(&self) -> Option<&'static Framework> {
        catalogue::framework(&self.framework)
    }

    pub fn unit(&self, id: &str) -> Option<&UnitRef> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit's label, or its id when it is not (or no longer) in the list.
    pub fn unit_label(&self, id: &str) -> String {
        self.unit(id).map_or_else(|| id.to_string(), label)
    }

    /// The unit's current file.
    pub fn submission(&self, unit: &str) -> Option<&Submission> {
        self.submissions.iter().find(|s| s.unit.id == unit)
    }

    pub fn assignment(&self, indicator: &str) -> Assignment {
        self.assignments.get(indicator).cloned().unwrap_or_default()
    }

    /// Units sorted by label (case-insensitive), then id: a stable order whatever order
    /// they were added or files imported in.
    pub fn sort_units(&mut self) {
        crate::domain::sort::sort_by_key(&mut self.units, |u| {
            (label(u).to_lowercase(), u.id.clone())
        });
    }

    /// Inserts a unit at its place in that order (a file from a new unit, a unit added).
    fn insert_unit(&mut self, unit: UnitRef) {
        let key = |u: &UnitRef| (label(u).to_lowercase(), u.id.clone());
        let k = key(&unit);
        let pos = self.units.partition_point(|u| key(u) < k);
        self.units.insert(pos, unit);
    }

    fn touch(&mut self, now: &Timestamp) {
        self.updated_at = now.clone();
    }

    /// The coordinator's name, recorded as `decided_by` on decisions from now on.
    pub fn set_coordinator(&mut self, name: &str, now: &Timestamp) -> Result<(), Text> {
        let name = name.trim();
        if name.is_empty() {
            return Err(err(
                "Nama koordinator tidak boleh kosong: setiap keputusan mencatat siapa yang memutuskan.",
                "The coordinator's name cannot be empty: every decision records who took it.",
            ));
        }
        self.coordinator = name.to_string();
        self.touch(now);
        Ok(())
    }

    /// The workspace's label in the list.
    pub fn set_name(&mut self, name: &str, now: &Timestamp) -> Result<(), Text> {
        let name = name.trim();
        if name.is_empty() {
            return Err(err(
                "Nama ruang kerja tidak boleh kosong.",
                "The workspace name cannot be empty.",
            ));
        }
        self.name = name.to_string();
        self.touch(now);
        Ok(())
    }

    /// Adds a unit by name (a Pemda template when the name matches one).
    pub fn add_unit(&mut self, name: &str, now: &Timestamp) -> Result<UnitRef, Text> {
        let name = name.trim();
        if name.is_empty() {
            return Err(err(
                "Nama unit kosong: tulis nama unit kerja, mis. \"Dinas Pariwisata\".",
                "The unit name is empty: type a unit name, e.g. \"Dinas Pariwisata\".",
            ));
        }
        let mut unit = crate::domain::draft::unit_for_name(name);
        if unit.id.is_empty() {
            unit.id = format!("unit-{}", self.units.len() + 1);
        }
        if let Some(existing) = self.units.iter().find(|u| {
            u.id == unit.id
                || u.name.eq_ignore_ascii_case(&unit.name)
                || label(u).eq_ignore_ascii_case(name)
        }) {
            let l = label(existing);
            return Err(err(
                format!("Unit \"{l}\" sudah ada di daftar."),
                format!("The unit \"{l}\" is already in the list."),
            ));
        }
        self.insert_unit(unit.clone());
        self.touch(now);
        Ok(unit)
    }

    /// Adds the Pemda starter units not yet in the list; returns how many were added.
    pub fn add_starter_units(&mut self, now: &Timestamp) -> usize {
        let missing: Vec<UnitRef> = starter_units()
            .into_iter()
            .filter(|t| self.unit(&t.id).is_none())
            .collect();
        let n = missing.len();
        self.units.extend(missing);
        self.sort_units();
        if n > 0 {
            self.touch(now);
        }
        n
    }

    /// Renames a unit. Its id (used in files and decisions) stays.
    pub fn rename_unit(&mut self, id: &str, name: &str, now: &Timestamp) -> Result<(), Text> {
        let name = name.trim();
        if name.is_empty() {
            return Err(err(
                "Nama unit tidak boleh kosong.",
                "The unit name cannot be empty.",
            ));
        }
        if self.units.iter().any(|u| {
            u.id != id && (u.name.eq_ignore_ascii_case(name) || label(u).eq_ignore_ascii_case(name))
        }) {
            return Err(err(
                format!("Sudah ada unit bernama \"{name}\"."),
                format!("There is already a unit named \"{name}\"."),
            ));
        }
        let Some(unit) = self.units.iter_mut().find(|u| u.id == id) else {
            return Err(err(
                format!("Unit \"{id}\" tidak ada di daftar."),
                format!("The unit \"{id}\" is not in the list."),
            ));
        };
        unit.name = name.to_string();
        self.sort_units();
        self.touch(now);
        Ok(())
    }

    /// What removing a unit would change.
    pub fn unit_usage(&self, id: &str) -> UnitUsage {
        let mut usage = UnitUsage::default();
        let order = self
            .framework()
            .map(|fw| {
                fw.indicators
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        for ind in order {
            let a = self.assignment(ind);
            if a.lead.as_deref() == Some(id) {
                usage.lead.push(ind.to_string());
            } else if a.support.iter().any(|s| s == id) {
                usage.support.push(ind.to_string());
            }
        }
        usage.answers = self.submission(id).map_or(0, |s| s.answers.len());
        usage
    }

    /// Removes a unit: it leaves every assignment, and its current file (if any) moves to
    /// the history as withdrawn, so its answers stop counting but are not lost.
    pub fn remove_unit(&mut self, id: &str, now: &Timestamp) -> Result<UnitUsage, Text> {
        if self.unit(id).is_none() {
            return Err(err(
                format!("Unit \"{id}\" tidak ada di daftar."),
                format!("The unit \"{id}\" is not in the list."),
            ));
        }
        let usage = self.unit_usage(id);
        self.units.retain(|u| u.id != id);
        for a in self.assignments.values_mut() {
            if a.lead.as_deref() == Some(id) {
                a.lead = None;
            }
            a.support.retain(|s| s != id);
        }
        if let Some(pos) = self.submissions.iter().position(|s| s.unit.id == id) {
            let sub = self.submissions.remove(pos);
            self.push_history(HistoryEntry::of(
                &sub,
                HistoryReason::Withdrawn { at: now.clone() },
            ));
        }
        self.touch(now);
        Ok(usage)
    }

    /// Puts every assignment back to the default template for the current units.
    pub fn restore_default_assignments(&mut self, now: &Timestamp) {
        self.reset_assignments();
        self.touch(now);
    }

    /// Sets every indicator's assignment to the default template for the current units.
    pub fn reset_assignments(&mut self) {
        let Some(fw) = self.framework() else { return };
        self.assignments = fw
            .indicators
            .iter()
            .map(|i| (i.id.clone(), default_assignment(fw, &i.id, &self.units)))
            .collect();
    }

    /// Makes `unit` (or nobody) the lead of `indicator`; a unit that supported it stops
    /// supporting (a unit leads or supports, never both: the assignment file's rule).
    pub fn set_lead(
        &mut self,
        indicator: &str,
        unit: Option<&str>,
        now: &Timestamp,
    ) -> Result<(), Text> {
        self.check_assignable(indicator, unit)?;
        let a = self.assignments.entry(indicator.to_string()).or_default();
        a.lead = unit.map(str::to_string);
        if let Some(u) = unit {
            a.support.retain(|s| s != u);
        }
        self.touch(now);
        Ok(())
    }

    /// Adds or removes `unit` as a supporting unit of `indicator`. The lead cannot also
    /// support.
    pub fn set_support(
        &mut self,
        indicator: &str,
        unit: &str,
        on: bool,
        now: &Timestamp,
    ) -> Result<(), Text> {
        self.check_assignable(indicator, Some(unit))?;
        let a = self.assignments.entry(indicator.to_string()).or_default();
        if on {
            if a.lead.as_deref() == Some(unit) {
                return Err(err(
                    "Unit ini sudah menjadi penanggung jawab indikator ini; satu unit memimpin atau mendukung, tidak keduanya.",
                    "This unit already leads this indicator; a unit either leads or supports, not both.",
                ));
            }
            if !a.support.iter().any(|s| s == unit) {
                a.support.push(unit.to_string());
                let order: Vec<&str> = self.units.iter().map(|u| u.id.as_str()).collect();
                crate::domain::sort::sort_by_key(&mut a.support, |s| {
                    order.iter().position(|o| o == s).unwrap_or(usize::MAX)
                });
            }
        } else {
            a.support.retain(|s| s != unit);
        }
        self.touch(now);
        Ok(())
    }

    fn check_assignable(&self, indicator: &str, unit: Option<&str>) -> Result<(), Text> {
        if self
            .framework()
            .and_then(|fw| fw.indicator(indicator))
            .is_none()
        {
            return Err(err(
                format!("Indikator \"{indicator}\" tidak ada dalam kerangka ini."),
                format!("Indicator \"{indicator}\" is not in this framework."),
            ));
        }
        if let Some(u) = unit {
            if self.unit(u).is_none() {
                return Err(err(
                    format!("Unit \"{u}\" tidak ada di daftar unit."),
                    format!("The unit \"{u}\" is not in the unit list."),
                ));
            }
        }
        Ok(())
    }

    /// The indicators a unit leads and supports, in catalogue order.
    pub fn assigned_to(&self, unit: &str) -> (Vec<String>, Vec<String>) {
        let usage = self.unit_usage(unit);
        (usage.lead, usage.support)
    }

    /// Records pasted assessor values in `stage` (each line replaces that indicator's value
    /// there). The self-assessment is untouched.
    pub fn record_assessor(
        &mut self,
        stage: &str,
        lines: &[crate::domain::assessor::PastedLine],
        now: &Timestamp,
    ) -> Result<(), Text> {
        let fw = self.framework().ok_or_else(unknown_framework)?;
        self.assessor.apply(fw, stage, lines)?;
        self.touch(now);
        Ok(())
    }

    /// Sets or (with `None`) removes one assessor value of `stage`.
    pub fn set_assessor_value(
        &mut self,
        stage: &str,
        indicator: &str,
        value: Option<Value>,
        note: &str,
        now: &Timestamp,
    ) -> Result<(), Text> {
        let fw = self.framework().ok_or_else(unknown_framework)?;
        self.assessor.set(fw, stage, indicator, value, note)?;
        self.touch(now);
        Ok(())
    }

    /// Removes every assessor value of `stage`.
    pub fn clear_assessor_stage(&mut self, stage: &str, now: &Timestamp) {
        self.assessor.clear(stage);
        self.touch(now);
    }

    /// Keeps the history sorted by unit, then export time (order of import never shows).
    fn push_history(&mut self, entry: HistoryEntry) {
        let key = |e: &HistoryEntry| (e.unit.id.clone(), e.exported_at.instant(), e.digest.clone());
        let k = key(&entry);
        let pos = self.history.partition_point(|e| key(e) <= k);
        self.history.insert(pos, entry);
    }
}

impl Submission {
    /// Every indicator this file gives a value for: its answers, then the levels it
    /// proposes as a supporting unit (an indicator is never in both, the reader checks).
    pub fn valued(&self) -> impl Iterator<Item = (&str, Value)> + '_ {
        let answers = self.answers.iter().map(|(k, a)| (k.as_str(), a.value));
        let proposals = self
            .support
            .iter()
            .filter_map(|(k, s)| Some((k.as_str(), s.value?)));
        answers.chain(proposals)
    }
}

impl HistoryEntry {
    fn of(sub: &Submission, reason: HistoryReason) -> HistoryEntry {
        HistoryEntry {
            unit: sub.unit.clone(),
            exported_at: sub.exported_at.clone(),
            digest: sub.digest.clone(),
            file_name: sub.file_name.clone(),
            received_at: sub.received_at.clone(),
            answered: sub.valued().map(|(k, _)| k.to_string()).collect(),
            values: sub.valued().map(|(k, v)| (k.to_string(), v)).collect(),
            reason,
        }
    }
}
