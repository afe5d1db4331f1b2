//! Files the coordinator writes (assignment files, the consolidated file) and reopening a
//! consolidated file as a workspace.
//!
//! The consolidated file carries, beside the contract's `results`, `provenance`,
//! `decisions` and `sources`, one extension field, `coordination` (the contract allows
//! added fields; older readers keep it untouched in `extra`):
//!
//! ```json
//! "coordination": {
//!   "coordinator": "Koordinator SPBE",
//!   "units": [{ "id": "bkpsdm", "name": "…" }],
//!   "assignments": { "1": { "lead": "bag-hukum", "support": ["diskominfo"] } },
//!   "unsettled": { "12": [{ "unit": "diskominfo", "value": 3, "exported_at": "…" }] }
//! }
//! ```
//!
//! `unsettled` lists the conflicts not yet settled at export: their indicators are absent
//! from `answers` (the merged value is never chosen silently), so the file says why.
//!
//! Reopening ([`Workspace::from_consolidated`]) restores the metadata, units, assignments
//! and every decision in force, and rebuilds one file per current source: the answers the
//! result took from a unit come back whole; the other units' answers come back with their
//! value only (from the decisions' candidates, the unsettled list, or the agreed value),
//! marked `restored`. The merge of the reopened workspace therefore gives the same values,
//! provenance and decisions. Importing a unit's original file again (same digest)
//! completes its texts. Superseded sources come back as history entries (values unknown).

use super::merge::{merge, Merge, Status};
use super::settle::OWN_EVIDENCE;
use super::{
    Assignment, BeritaAcara, Guidance, HistoryEntry, HistoryReason, Submission, Workspace,
};
use crate::domain::catalogue::Framework;
use crate::domain::draft::export_file_name;
use crate::domain::engine::evaluate_map;
use crate::domain::exchange::{
    Answer, AssignmentPart, Candidate, Decision, Evidence, ExchangeFile, Kind, Problem, Provenance,
    ResultsPart, Rule, Severity, SourceRecord, Timestamp, UnitRef,
};
use crate::domain::local_time::LocalTime;
use crate::domain::text::Text;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use serde_json::Map;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Key of the extension field in a consolidated file.
pub const COORDINATION_KEY: &str = "coordination";
/// Key of the source file's digest in a provenance entry (extension field).
pub const PROVENANCE_DIGEST: &str = "digest";

/// The coordinator's working data carried in a consolidated file (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coordination {
    #[serde(default)]
    pub coordinator: String,
    #[serde(default)]
    pub units: Vec<UnitRef>,
    #[serde(default)]
    pub assignments: BTreeMap<String, Assignment>,
    /// Indicator → the differing answers of a conflict not settled at export.
    #[serde(default)]
    pub unsettled: BTreeMap<String, Vec<Candidate>>,
    /// Deadline, contact and instruction given to the units.
    #[serde(default, skip_serializing_if = "Guidance::is_empty")]
    pub guidance: Guidance,
    /// The Berita Acara's particulars, as entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub berita_acara: Option<BeritaAcara>,
}

/// The `coordination` block of a consolidated file, if it has a readable one.
pub fn coordination_of(file: &ExchangeFile) -> Option<Coordination> {
    file.extra
        .get(COORDINATION_KEY)
        .and_then(|v| crate::domain::json::from_value(v.clone()).ok())
}

fn envelope(ws: &Workspace, kind: Kind, unit: Option<UnitRef>, now: &Timestamp) -> ExchangeFile {
    ExchangeFile::new(kind, &ws.framework, &ws.institution, &ws.period, unit, now)
}

/// The assignment file for one unit, exported at `now`, and its file name, stamped with
/// `wall_clock` (the same instant written with the user's offset, so the name shows the
/// time they read on their clock); `None` when the unit is not in the list or has no
/// indicator to lead or support.
pub fn assignment_file(
    ws: &Workspace,
    unit: &str,
    now: &Timestamp,
    wall_clock: &LocalTime,
) -> Option<(String, ExchangeFile)> {
    let u = ws.unit(unit)?.clone();
    let (lead, support) = ws.assigned_to(unit);
    if lead.is_empty() && support.is_empty() {
        return None;
    }
    let name = export_file_name(
        Kind::Assignment,
        &u.id,
        &ws.framework,
        &ws.period,
        wall_clock,
    );
    let mut file = envelope(ws, Kind::Assignment, Some(u), now);
    let g = &ws.guidance;
    file.assignment = Some(AssignmentPart {
        lead,
        support,
        deadline: g.deadline,
        contact: (!g.contact.is_empty()).then(|| g.contact.clone()),
        instructions: (!g.instructions.trim().is_empty()).then(|| g.instructions.clone()),
        extra: Map::new(),
    });
    Some((name, file))
}

/// The figures as displayed: hundredths → a two-decimal number.
fn shown(h: Option<i64>) -> Option<f64> {
    h.map(|h| h as f64 / 100.0)
}

fn results(fw: &Framework, values: &BTreeMap<String, Value>) -> ResultsPart {
    let eval = evaluate_map(fw, values);
    let aspects = eval
        .aspects
        .iter()
        .filter_map(|g| Some((g.id.clone(), shown(g.score.displayed())?)))
        .collect();
    let domains = fw.has_domains().then(|| {
        eval.domains
            .iter()
            .filter_map(|g| Some((g.id.clone(), shown(g.score.displayed())?)))
            .collect()
    });
    ResultsPart {
        index: shown(eval.index.displayed()),
        predicate: eval.index.predicate(fw).map(|p| p.name.id.clone()),
        aspects,
        domains,
        complete: eval.is_complete(),
        extra: Map::new(),
    }
}

/// The consolidated file of the workspace at `now`.
pub fn to_consolidated(ws: &Workspace, now: &Timestamp) -> ExchangeFile {
    to_consolidated_with(ws, &merge(ws), now)
}

/// [`to_consolidated`] from a merge already computed (the UI keeps one in a memo).
pub fn to_consolidated_with(ws: &Workspace, m: &Merge, now: &Timestamp) -> ExchangeFile {
    let mut file = envelope(ws, Kind::Consolidated, None, now);
    let Some(fw) = ws.framework() else {
        return file;
    };
    let mut unsettled = BTreeMap::new();
    for item in &m.items {
        let id = &item.indicator;
        let source = |i: usize| {
            item.candidates
                .get(i)
                .and_then(|c| Some((c, ws.submissions.get(c.submission)?)))
        };
        match item.status {
            Status::Unanswered => {}
            Status::Unsettled => {
                let cands = item
                    .candidates
                    .iter()
                    .map(|c| Candidate {
                        unit: c.unit.clone(),
                        value: c.value,
                        exported_at: ws
                            .submissions
                            .get(c.submission)
                            .map(|s| s.exported_at.clone()),
                        items: c.items.clone(),
                        extra: Map::new(),
                    })
                    .collect();
                unsettled.insert(id.clone(), cands);
            }
            Status::Agreed { source: s, .. }
            | Status::Decided {
                source: Some(s), ..
            } => {
                let Some((c, sub)) = source(s) else { continue };
                let Some(answer) = ws.answer_of(c, id) else {
                    continue;
                };
                let decision = match item.status {
                    Status::Decided { decision, .. } => ws.decisions.get(decision).cloned(),
                    _ => None,
                };
                let mut answer = answer.into_owned();
                if let Some(d) = &decision {
                    answer.value = d.value;
                }
                file.answers.insert(id.clone(), answer);
                let position = decision.map(|d| {
                    file.decisions.push(d);
                    file.decisions.len() - 1
                });
                // The digest tells two files of one unit stamped with the same time apart.
                let mut extra = Map::new();
                extra.insert(PROVENANCE_DIGEST.to_string(), sub.digest.clone().into());
                file.provenance.insert(
                    id.clone(),
                    Provenance {
                        unit: Some(c.unit.clone()),
                        exported_at: Some(sub.exported_at.clone()),
                        decision: position,
                        extra,
                    },
                );
            }
            Status::Decided {
                decision,
                source: None,
                ..
            } => {
                let Some(d) = ws.decisions.get(decision) else {
                    continue;
                };
                file.answers.insert(id.clone(), own_answer(d));
                file.decisions.push(d.clone());
                let position = Some(file.decisions.len() - 1);
                file.provenance.insert(
                    id.clone(),
                    Provenance {
                        unit: None,
                        exported_at: None,
                        decision: position,
                        extra: Map::new(),
                    },
                );
            }
        }
    }
    file.results = Some(results(fw, &m.values()));
    file.sources = sources(ws, fw);
    file.assessor = (!ws.assessor.is_empty()).then(|| ws.assessor.clone());
    let coordination = Coordination {
        coordinator: ws.coordinator.clone(),
        units: ws.units.clone(),
        assignments: ws.assignments.clone(),
        unsettled,
        guidance: ws.guidance.clone(),
        berita_acara: ws.berita_acara.clone(),
    };
    if let Ok(v) = serde_json::to_value(&coordination) {
        file.extra.insert(COORDINATION_KEY.to_string(), v);
    }
    file
}

/// The answer of a value the coordinator set: the note as justification, and the
/// evidence all units gave (kept in the decision, see `settle`).
fn own_answer(d: &Decision) -> Answer {
    let evidence: Vec<Evidence> = d
        .extra
        .get(OWN_EVIDENCE)
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    Answer {
        value: d.value,
        justification: format!("Ditetapkan koordinator ({}): {}", d.decided_by, d.note),
        evidence,
        updated_at: Some(d.decided_at.clone()),
        service: None,
        items: Default::default(),
        extra: Map::new(),
    }
}

/// Every file merged, current and superseded (withdrawn files were not merged), sorted by
/// unit, then export time. A superseded file's `superseded_by` is the export time of the
/// unit's next newer file, whatever order they arrived in.
fn sources(ws: &Workspace, fw: &Framework) -> Vec<SourceRecord> {
    let in_order = |ids: &mut dyn Iterator<Item = &String>| {
        let mut v: Vec<String> = ids.cloned().collect();
        crate::domain::sort::sort_by_key(&mut v, |id| {
            fw.indicators
                .iter()
                .position(|i| &i.id == id)
                .unwrap_or(usize::MAX)
        });
        v
    };
    let record =
        |unit: &UnitRef, exported_at: &Timestamp, digest: &String, answered| SourceRecord {
            unit: unit.clone(),
            exported_at: exported_at.clone(),
            digest: digest.clone(),
            answered,
            superseded_by: None,
            extra: Map::new(),
        };
    // Each record with whether it was superseded.
    let mut out: Vec<(SourceRecord, bool)> = ws
        .submissions
        .iter()
        .map(|s| {
            // Levels proposed as a supporting unit count: a decision may have taken one.
            let valued: Vec<String> = s.valued().map(|(k, _)| k.to_string()).collect();
            let answered = in_order(&mut valued.iter());
            (record(&s.unit, &s.exported_at, &s.digest, answered), false)
        })
        .chain(
            ws.history
                .iter()
                .filter(|h| !matches!(h.reason, HistoryReason::Withdrawn { .. }))
                .map(|h| {
                    let answered = in_order(&mut h.answered.iter());
                    (record(&h.unit, &h.exported_at, &h.digest, answered), true)
                }),
        )
        .collect();
    // Same order as `import::newer`: time, then digest.
    crate::domain::sort::sort_by_key(&mut out, |(s, _)| {
        (s.unit.id.clone(), s.exported_at.instant(), s.digest.clone())
    });
    for i in 0..out.len() {
        if out[i].1 {
            out[i].0.superseded_by = out
                .get(i + 1)
                .filter(|(next, _)| next.unit.id == out[i].0.unit.id)
                .map(|(next, _)| next.exported_at.clone());
        }
    }
    out.into_iter().map(|(s, _)| s).collect()
}

/// What reopening a consolidated file could and could not bring back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    /// Answers whose texts came back (the ones the result took).
    pub full_answers: usize,
    /// Answers rebuilt with their value only.
    pub value_only: usize,
    /// Indicators a source answered whose value the file does not say (left out).
    pub unknown: Vec<(String, String)>,
    /// Indicators whose value after reopening differs from the file's answer: the file's
    /// sources and provenance do not agree with its answers (edited by hand, or written
    /// by another tool). The coordinator is told; nothing is guessed.
    pub differs: Vec<String>,
}

fn refuse(path: &str, id: String, en: String) -> Vec<Problem> {
    vec![Problem {
        path: path.to_string(),
        severity: Severity::Error,
        message: Text::new(id, en),
    }]
}

impl Workspace {
    /// Reopens a consolidated file as a workspace (see the module doc for what comes back).
    pub fn from_consolidated(
        id: String,
        file: &ExchangeFile,
        now: &Timestamp,
    ) -> Result<(Workspace, Restored), Vec<Problem>> {
        if file.kind != Kind::Consolidated {
            return Err(refuse(
                "$.kind",
                "Ini bukan berkas hasil konsolidasi (\"consolidated\"). Berkas jawaban unit diimpor dari dalam ruang kerja, tab Impor berkas.".into(),
                "This is not a consolidated file. Units' submissions are imported inside a workspace, on the Import tab.".into(),
            ));
        }
        let Some(fw) = crate::domain::catalogue::framework(&file.framework) else {
            return Err(refuse(
                "$.framework",
                format!("Kerangka \"{}\" tidak dikenal.", file.framework),
                format!("Unknown framework \"{}\".", file.framework),
            ));
        };
        // The reader checked the block; one built otherwise and damaged is refused, never
        // read as empty (that would drop the units and assignments without a word).
        let coordination: Coordination = match file.extra.get(COORDINATION_KEY) {
            None | Some(serde_json::Value::Null) => Coordination::default(),
            Some(v) => crate::domain::json::from_value(v.clone()).map_err(|_| {
                refuse(
                    "$.coordination",
                    "Data koordinasi dalam berkas ini rusak (unit, penugasan, atau konflik yang belum \
                     diputuskan tidak terbaca), jadi ruang kerja tidak dapat dipulihkan darinya."
                        .into(),
                    "The coordination data of this file is damaged (its units, assignments or \
                     unsettled conflicts cannot be read), so the workspace cannot be restored from it."
                        .into(),
                )
            })?,
        };
        let coordinator = if coordination.coordinator.is_empty() {
            file.decisions
                .last()
                .map(|d| d.decided_by.clone())
                .unwrap_or_default()
        } else {
            coordination.coordinator.clone()
        };
        let mut ws = Workspace::new(
            id,
            fw,
            file.institution.clone(),
            file.period.clone(),
            coordinator,
            false,
            now,
        );
        ws.name = format!(
            "{} · {} · {} ({})",
            file.institution,
            fw.short_name,
            file.period,
            file.exported_at.as_str().get(..10).unwrap_or("")
        );

        // Units: the file's list, plus every unit a source names.
        let mut units = coordination.units.clone();
        let mut add = |u: &UnitRef| {
            if !units.iter().any(|x| x.id == u.id) {
                units.push(u.clone());
            }
        };
        file.sources.iter().for_each(|s| add(&s.unit));
        ws.units = units;
        ws.sort_units();
        if coordination.assignments.is_empty() {
            ws.reset_assignments();
        } else {
            for ind in &fw.indicators {
                let a = coordination
                    .assignments
                    .get(&ind.id)
                    .cloned()
                    .unwrap_or_default();
                ws.assignments.insert(ind.id.clone(), a);
            }
        }
        ws.decisions = file.decisions.clone();
        ws.guidance = coordination.guidance.clone();
        ws.berita_acara = coordination.berita_acara.clone();
        ws.assessor = file.assessor.clone().unwrap_or_default();

        let mut restored = Restored::default();
        let superseded = |s: &SourceRecord| s.superseded_by.is_some();
        for s in &file.sources {
            let Some(by) = s.superseded_by.clone() else {
                continue;
            };
            let reason = HistoryReason::Replaced { by };
            ws.push_history(HistoryEntry {
                unit: s.unit.clone(),
                exported_at: s.exported_at.clone(),
                digest: s.digest.clone(),
                file_name: String::new(),
                received_at: now.clone(),
                answered: s.answered.clone(),
                values: BTreeMap::new(),
                reason,
            });
        }
        for s in file.sources.iter().filter(|s| !superseded(s)) {
            let mut answers = BTreeMap::new();
            for ind in &s.answered {
                let prov = file.provenance.get(ind);
                let took_this = prov.is_some_and(|p| p.unit.as_deref() == Some(s.unit.id.as_str()));
                let decision = prov
                    .and_then(|p| p.decision)
                    .and_then(|d| file.decisions.get(d));
                let from_decision = decision
                    .and_then(|d| d.candidates.iter().find(|c| c.unit == s.unit.id))
                    .map(|c| (c.value, c.items.clone()));
                let from_unsettled = coordination
                    .unsettled
                    .get(ind)
                    .and_then(|cs| cs.iter().find(|c| c.unit == s.unit.id))
                    .map(|c| (c.value, c.items.clone()));
                let answer = match (took_this, file.answers.get(ind)) {
                    (true, Some(a)) => {
                        // A picked answer keeps the unit's own texts; its value is the unit's.
                        let mut a = a.clone();
                        if let Some((v, items)) = from_decision {
                            a.value = v;
                            a.items = items;
                        }
                        restored.full_answers += 1;
                        Some(a)
                    }
                    _ => {
                        let agreed = (decision.is_none())
                            .then(|| file.answers.get(ind).map(|a| (a.value, a.items.clone())))
                            .flatten();
                        from_decision
                            .or(from_unsettled)
                            .or(agreed)
                            .map(|(value, items)| {
                                restored.value_only += 1;
                                Answer {
                                    items,
                                    ..value_only(value)
                                }
                            })
                    }
                };
                match answer {
                    Some(a) => {
                        answers.insert(ind.clone(), a);
                    }
                    None => restored.unknown.push((s.unit.id.clone(), ind.clone())),
                }
            }
            let sub = Submission {
                unit: s.unit.clone(),
                exported_at: s.exported_at.clone(),
                digest: s.digest.clone(),
                file_name: String::new(),
                received_at: now.clone(),
                institution: file.institution.clone(),
                period: file.period.clone(),
                answers: Arc::new(answers),
                support: Arc::default(),
                restored: true,
            };
            let pos = ws.submissions.partition_point(|x| x.unit.id < sub.unit.id);
            ws.submissions.insert(pos, sub);
        }
        let merged = super::merge(&ws).values();
        restored.differs = fw
            .indicators
            .iter()
            .filter(|i| merged.get(&i.id) != file.answers.get(&i.id).map(|a| &a.value))
            .map(|i| i.id.clone())
            .collect();
        Ok((ws, restored))
    }
}

fn value_only(value: Value) -> Answer {
    Answer {
        value,
        justification: String::new(),
        evidence: Vec::new(),
        updated_at: None,
        service: None,
        items: Default::default(),
        extra: Map::new(),
    }
}

/// A one-line account of a decision for lists and the report: "Dipilih jawaban BKPSDM".
pub fn describe_rule(rule: Rule) -> Text {
    match rule {
        Rule::Pick => Text::new("Dipilih jawaban satu unit", "One unit's answer picked"),
        Rule::Own => Text::new(
            "Nilai ditetapkan koordinator",
            "Value set by the coordinator",
        ),
        Rule::Lead => Text::new("Aturan: unit penanggung jawab", "Rule: lead unit"),
        Rule::Higher => Text::new("Aturan: nilai tertinggi", "Rule: higher value"),
        Rule::Lower => Text::new("Aturan: nilai terendah", "Rule: lower value"),
    }
}
