//! A unit's self-assessment in progress: what lives in the browser's storage while a
//! unit (SKPD/OPD) fills in its indicators, and how it becomes a `submission` file.
//!
//! A draft differs from a submission in two ways: an answer may still lack a value (the
//! user wrote the Fakta before choosing a level), and the justification is kept as its
//! two parts, Fakta and Analisis (Pedoman MenPANRB 3/2024 Bab III), joined only on export.

use crate::domain::catalogue::{Framework, Indicator, Summary};
use crate::domain::checklist::ItemStates;
use crate::domain::exchange::{
    Answer, AssignmentPart, Date, Evidence, ExchangeFile, Kind, SupportInput, Timestamp, UnitRef,
};
use crate::domain::local_time::LocalTime;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Map;
use std::collections::BTreeMap;

/// The program name written into exported files.
pub const GENERATOR: &str = concat!("Swanilai ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Local id of the draft in this browser.
    pub id: String,
    /// The user's label for the draft ("BKPSDM 2026, versi rapat").
    pub name: String,
    pub framework: String,
    pub institution: String,
    pub period: String,
    pub unit: UnitRef,
    /// The indicators the coordinator assigned, when the draft started from an assignment
    /// file; `None` means the unit answers whichever indicators it chooses.
    #[serde(default)]
    pub assignment: Option<AssignmentPart>,
    /// Without an assignment: the indicators the unit gives input on as a supporting unit
    /// (from a reopened submission's `support` map).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, DraftAnswer>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One indicator's answer while it is being written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftAnswer {
    #[serde(default)]
    pub value: Option<Value>,
    /// What exists: document, number/year, article/page, application, file name.
    #[serde(default)]
    pub fakta: String,
    /// Which level criterion the facts meet, and why.
    #[serde(default)]
    pub analisis: String,
    #[serde(default, deserialize_with = "stored_evidence")]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub service: String,
    /// The evidence items the unit marked (`domain::checklist`).
    #[serde(default)]
    pub items: ItemStates,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Fields of an imported answer this version does not know, written back on export.
    #[serde(default)]
    pub extra: Map<String, serde_json::Value>,
}

impl DraftAnswer {
    /// Nothing written at all: such answers are dropped rather than stored.
    pub fn is_blank(&self) -> bool {
        self.value.is_none()
            && self.fakta.trim().is_empty()
            && self.analisis.trim().is_empty()
            && self.evidence.is_empty()
            && self.service.trim().is_empty()
            && self.items.is_empty()
    }
}

/// The evidence of a stored draft. A `date` that is not a date (drafts opened from a file
/// before the reader checked dates held such texts, and one crashed every screen: issue 9)
/// is dropped, so the draft still opens; everything else must read as it was written.
fn stored_evidence<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Evidence>, D::Error> {
    let mut items = Vec::<serde_json::Value>::deserialize(d)?;
    for item in &mut items {
        if let Some(o) = item.as_object_mut() {
            let unreadable = o
                .get("date")
                .is_some_and(|v| v.as_str().and_then(Date::parse).is_none());
            if unreadable {
                o.remove("date");
            }
        }
    }
    items
        .into_iter()
        .map(|v| crate::domain::json::from_value(v).map_err(serde::de::Error::custom))
        .collect()
}

/// Joins Fakta and Analisis into the single `justification` of the exchange format.
pub fn compose_justification(fakta: &str, analisis: &str) -> String {
    let (f, a) = (fakta.trim(), analisis.trim());
    match (f.is_empty(), a.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("Fakta: {f}"),
        (true, false) => format!("Analisis: {a}"),
        (false, false) => format!("Fakta: {f}\nAnalisis: {a}"),
    }
}

/// Splits a `justification` back into Fakta and Analisis. Analisis starts at the first
/// line that begins with "Analisis:" (as [`compose_justification`] writes it); the word
/// inside a sentence ("hasil analisis: …") is text of the Fakta. Text written without the
/// markers is kept whole as Fakta, so nothing is lost.
pub fn split_justification(text: &str) -> (String, String) {
    let (head, tail) = match analisis_marker(text) {
        Some((at, after)) => (&text[..at], text[after..].trim()),
        None => (text, ""),
    };
    let head = head.trim();
    let fakta = match head.get(..FAKTA.len()) {
        Some(start) if start.eq_ignore_ascii_case(FAKTA) => head[FAKTA.len()..].trim(),
        _ => head,
    };
    (fakta.to_string(), tail.to_string())
}

const FAKTA: &str = "fakta:";
const ANALISIS: &str = "analisis:";

/// Where the first line beginning with "Analisis:" (any case, after spaces or tabs)
/// starts, and where its text starts.
pub fn analisis_marker(text: &str) -> Option<(usize, usize)> {
    let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    starts.into_iter().find_map(|line| {
        let rest = &text[line..];
        let indented = rest.trim_start_matches([' ', '\t']);
        let at = line + (rest.len() - indented.len());
        let word = indented.get(..ANALISIS.len())?;
        word.eq_ignore_ascii_case(ANALISIS)
            .then_some((at, at + ANALISIS.len()))
    })
}

/// The unit's part in one indicator of its draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The coordinator made the unit responsible (penanggung jawab).
    Lead,
    /// The unit supports the lead (pendukung): it gives input, optionally a proposed level.
    Support,
    /// No assignment fixes the scope: the unit answers what it chooses.
    Free,
}

impl Part {
    /// Whether the unit's answer is its own to give (and counts in its progress).
    pub fn answers(self) -> bool {
        self != Part::Support
    }
}

/// What a draft's export left out, so the UI can say so.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportNotes {
    /// Indicators with text or evidence but no value yet: not in the file.
    pub without_value: Vec<String>,
}

impl Draft {
    /// An empty draft for a unit.
    pub fn new(
        id: String,
        framework: &Summary,
        institution: String,
        period: String,
        unit: UnitRef,
        now: &Timestamp,
    ) -> Draft {
        let name = joined(&[&unit_label(&unit), &framework.short_name, &period]);
        Draft {
            id,
            name,
            framework: framework.id.clone(),
            institution,
            period,
            unit,
            assignment: None,
            supports: Vec::new(),
            answers: BTreeMap::new(),
            created_at: now.clone(),
            updated_at: now.clone(),
        }
    }

    /// A draft that starts from a file: an assignment fixes framework, institution,
    /// period, unit and the indicators; a submission or consolidated file also brings
    /// its answers (to edit a unit's file again, or start next year from this year's).
    pub fn from_file(id: String, file: &ExchangeFile, now: &Timestamp) -> Draft {
        let unit = file.unit.clone().unwrap_or_else(|| UnitRef {
            id: String::new(),
            name: String::new(),
        });
        let inputs = file.support.iter().map(|(ind, s)| {
            let (fakta, analisis) = split_justification(&s.justification);
            let answer = DraftAnswer {
                value: s.value,
                fakta,
                analisis,
                evidence: s.evidence.clone(),
                service: s.service.clone().unwrap_or_default(),
                items: s.items.clone(),
                updated_at: s.updated_at.clone(),
                extra: s.extra.clone(),
            };
            (ind.clone(), answer)
        });
        let answers = file
            .answers
            .iter()
            .map(|(ind, a)| {
                let (fakta, analisis) = split_justification(&a.justification);
                let answer = DraftAnswer {
                    value: Some(a.value),
                    fakta,
                    analisis,
                    evidence: a.evidence.clone(),
                    service: a.service.clone().unwrap_or_default(),
                    items: a.items.clone(),
                    updated_at: a.updated_at.clone(),
                    extra: a.extra.clone(),
                };
                (ind.clone(), answer)
            })
            .chain(inputs)
            .collect();
        let fw_name = crate::domain::catalogue::framework(&file.framework)
            .map_or(file.framework.as_str(), |f| &f.short_name);
        let named = joined(&[&unit_label(&unit), fw_name, &file.period]);
        let name = match file.kind {
            Kind::Assignment => named,
            _ => format!(
                "{named} ({})",
                file.exported_at.as_str().get(..10).unwrap_or("")
            ),
        };
        Draft {
            id,
            name,
            framework: file.framework.clone(),
            institution: file.institution.clone(),
            period: file.period.clone(),
            unit,
            assignment: file.assignment.clone(),
            supports: match file.assignment {
                Some(_) => Vec::new(),
                None => file.support.keys().cloned().collect(),
            },
            answers,
            created_at: now.clone(),
            updated_at: now.clone(),
        }
    }

    /// Whether the coordinator assigned this indicator to the unit (or no assignment fixes
    /// the scope).
    pub fn is_in_scope(&self, indicator_id: &str) -> bool {
        match &self.assignment {
            None => true,
            Some(a) => a.lead.iter().chain(&a.support).any(|i| i == indicator_id),
        }
    }

    /// The unit's part in an indicator; `None` when the assignment leaves it out.
    pub fn part(&self, indicator_id: &str) -> Option<Part> {
        match &self.assignment {
            None if self.supports.iter().any(|i| i == indicator_id) => Some(Part::Support),
            None => Some(Part::Free),
            Some(a) if a.lead.iter().any(|i| i == indicator_id) => Some(Part::Lead),
            Some(a) if a.support.iter().any(|i| i == indicator_id) => Some(Part::Support),
            Some(_) => None,
        }
    }

    /// The indicators the unit answers itself (all of its scope but those it supports), in
    /// catalogue order: what its progress counts.
    pub fn own_scope<'a>(&'a self, fw: &'a Framework) -> impl Iterator<Item = &'a Indicator> + 'a {
        fw.indicators.iter().filter(move |i| self.is_own(&i.id))
    }

    /// Whether the unit answers indicator `id` itself ([`Draft::own_scope`]).
    fn is_own(&self, id: &str) -> bool {
        self.is_in_scope(id) && self.part(id).is_some_and(Part::answers)
    }

    /// (answered, total) over the unit's own indicators ([`Draft::own_scope`]): its
    /// progress. `indicators`: the framework's indicator ids (a start page has them from
    /// the catalogue's summary, without the framework itself).
    pub fn progress<'a>(&self, indicators: impl IntoIterator<Item = &'a str>) -> (usize, usize) {
        let own: Vec<&str> = indicators
            .into_iter()
            .filter(|id| self.is_own(id))
            .collect();
        let answered = own
            .iter()
            .filter(|id| self.answers.get(**id).is_some_and(|a| a.value.is_some()))
            .count();
        (answered, own.len())
    }

    /// What to do with the exported file: where the browser put it (or that it was handed
    /// to another app, when `shared`), and whom to send it to by when (the coordinator's
    /// contact and deadline, when the assignment gave them).
    pub fn next_step(&self, file_name: &str, shared: bool) -> Text {
        let part = self.assignment.as_ref();
        let contact = part
            .and_then(|a| a.contact.as_ref())
            .map(|c| c.phrase())
            .filter(|p| !p.is_empty());
        let (by_id, by_en) = match part.and_then(|a| a.deadline) {
            Some(d) => (
                format!(" paling lambat {}", d.words(Lang::Id)),
                format!(" by {}", d.words(Lang::En)),
            ),
            None => (String::new(), String::new()),
        };
        let (to_id, to_en) = match &contact {
            Some(c) => (format!("ke {c}"), format!("to {c}")),
            None => (
                "ke koordinator".to_string(),
                "to your coordinator".to_string(),
            ),
        };
        if shared {
            return Text::new(
                format!("Berkas {file_name} dibagikan. Pastikan terkirim {to_id}{by_id}."),
                format!(
                    "{file_name} was shared. Make sure it reaches {}{by_en}.",
                    to_en.trim_start_matches("to ")
                ),
            );
        }
        Text::new(
            format!("Berkas tersimpan di folder Unduhan (Downloads) sebagai {file_name}. Kirim {to_id}{by_id}."),
            format!("The file is saved in your Downloads folder as {file_name}. Send it {to_en}{by_en}."),
        )
    }

    /// The message that goes with a shared file: whose answers, for which assessment.
    pub fn share_message(&self) -> Text {
        let fw = crate::domain::catalogue::framework(&self.framework)
            .map_or(self.framework.as_str(), |f| &f.short_name);
        let unit = unit_label(&self.unit);
        Text::new(
            format!(
                "Berkas jawaban Swanilai {unit}, penilaian {fw} periode {}.",
                self.period
            ),
            format!(
                "Swanilai answer file of {unit}, {fw} assessment, period {}.",
                self.period
            ),
        )
    }

    /// The indicators this draft covers, in catalogue order.
    pub fn scope<'a>(&'a self, fw: &'a Framework) -> impl Iterator<Item = &'a Indicator> + 'a {
        fw.indicators
            .iter()
            .filter(move |i| self.is_in_scope(&i.id))
    }

    /// The values given so far.
    pub fn values(&self) -> BTreeMap<String, Value> {
        self.answers
            .iter()
            .filter_map(|(id, a)| Some((id.clone(), a.value?)))
            .collect()
    }

    /// Changes one answer, stamping the time, and drops it again if it became blank.
    pub fn edit(
        &mut self,
        indicator_id: &str,
        now: &Timestamp,
        change: impl FnOnce(&mut DraftAnswer),
    ) {
        let answer = self.answers.entry(indicator_id.to_string()).or_default();
        change(answer);
        answer.updated_at = Some(now.clone());
        if answer.is_blank() {
            self.answers.remove(indicator_id);
        }
        self.updated_at = now.clone();
    }

    /// The SHA-256 of every document the draft's evidence lists: what its document store
    /// must keep (`adapters::documents`).
    pub fn document_hashes(&self) -> std::collections::BTreeSet<String> {
        self.answers
            .values()
            .flat_map(|a| &a.evidence)
            .flat_map(|e| &e.documents)
            .map(|d| d.sha256.clone())
            .collect()
    }

    /// Whether the draft names its unit. One opened from a consolidated file does not
    /// (such a file is the coordinator's, for no one unit); its export would be refused
    /// until the unit is filled in.
    pub fn has_unit(&self) -> bool {
        !self.unit.id.trim().is_empty() && !self.unit.name.trim().is_empty()
    }

    /// The `submission` file of this draft. Answers without a value cannot travel (the
    /// format has no "unanswered" value) and are listed in the notes instead. What the unit
    /// wrote on an indicator it supports goes to the file's `support` map as input for the
    /// lead, with its level (if chosen) as a proposal.
    pub fn to_submission(&self, now: &Timestamp) -> (ExchangeFile, ExportNotes) {
        let mut notes = ExportNotes::default();
        let mut answers = BTreeMap::new();
        let mut support = BTreeMap::new();
        for (id, a) in &self.answers {
            let service = a.service.trim();
            if self.part(id) == Some(Part::Support) {
                support.insert(
                    id.clone(),
                    SupportInput {
                        value: a.value,
                        justification: compose_justification(&a.fakta, &a.analisis),
                        evidence: a.evidence.clone(),
                        updated_at: a.updated_at.clone(),
                        service: (!service.is_empty()).then(|| service.to_string()),
                        items: a.items.clone(),
                        extra: a.extra.clone(),
                    },
                );
                continue;
            }
            let Some(value) = a.value else {
                notes.without_value.push(id.clone());
                continue;
            };
            answers.insert(
                id.clone(),
                Answer {
                    value,
                    justification: compose_justification(&a.fakta, &a.analisis),
                    evidence: a.evidence.clone(),
                    updated_at: a.updated_at.clone(),
                    service: (!service.is_empty()).then(|| service.to_string()),
                    items: a.items.clone(),
                    extra: a.extra.clone(),
                },
            );
        }
        let mut file = ExchangeFile::new(
            Kind::Submission,
            &self.framework,
            &self.institution,
            &self.period,
            Some(self.unit.clone()),
            now,
        );
        file.answers = answers;
        file.support = support;
        (file, notes)
    }
}

/// A file name a coordinator can tell apart from the others in a download folder:
/// `swanilai-jawaban-bkpsdm-spbe-2020-2026-20261128-0930.json`, stamped with the time on
/// the user's clock.
pub fn export_file_name(
    kind: Kind,
    unit_id: &str,
    framework: &str,
    period: &str,
    wall_clock: &LocalTime,
) -> String {
    let kind = match kind {
        Kind::Assignment => "penugasan",
        Kind::Submission => "jawaban",
        Kind::Consolidated => "konsolidasi",
    };
    let stamp = file_stamp(wall_clock);
    let parts = [
        kind,
        &slug(unit_id),
        &slug(framework),
        &slug(period),
        &stamp,
    ];
    let name: Vec<&str> = parts
        .iter()
        .map(|s| s.as_ref())
        .filter(|s: &&str| !s.is_empty())
        .collect();
    format!("swanilai-{}.json", name.join("-"))
}

/// A unit's short label: "BKPSDM" for a known Pemda unit, else its name.
pub fn unit_label(unit: &UnitRef) -> String {
    crate::domain::catalogue::units()
        .iter()
        .find(|u| u.id == unit.id)
        .map_or_else(
            || crate::domain::text::visible(&unit.name).into_owned(),
            |u| u.short.clone(),
        )
}

/// The non-empty parts, joined with " · " (a draft opened from a consolidated file has
/// no unit: its title must not start with a lone dot).
pub fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The unit a typed name stands for: a known Pemda unit when the name matches one (by
/// short name, full name, or the "short — full" form offered in lists), otherwise a unit
/// whose id is made from the name.
pub fn unit_for_name(name: &str) -> UnitRef {
    let n = name.trim();
    let known = crate::domain::catalogue::units().iter().find(|u| {
        u.short.eq_ignore_ascii_case(n)
            || u.name.id.eq_ignore_ascii_case(n)
            || format!("{} — {}", u.short, u.name.id) == n
    });
    match known {
        Some(u) => UnitRef {
            id: u.id.clone(),
            name: u.name.id.clone(),
        },
        None => UnitRef {
            id: slug(n),
            name: n.to_string(),
        },
    }
}

/// The time part of a file name: 16.30 on 28 November 2026 → "20261128-1630".
pub fn file_stamp(wall_clock: &LocalTime) -> String {
    let c = wall_clock.civil();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}",
        c.year, c.month, c.day, c.hour, c.minute
    )
}

/// Lower-case ASCII letters, digits and single dashes: safe in any file system.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A draft open in two tabs (see `domain::revision`).
impl crate::domain::revision::Versioned for Draft {
    const KIND: &'static str = "draft";

    fn what() -> crate::domain::text::Text {
        crate::domain::text::Text::new("draf ini", "this draft")
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn framework_id(&self) -> &str {
        &self.framework
    }

    fn updated_at(&self) -> &Timestamp {
        &self.updated_at
    }

    fn summary(&self) -> crate::domain::text::Text {
        let n = self.values().len();
        crate::domain::text::Text::new(
            format!("{n} jawaban bernilai"),
            format!("{n} answers with a value"),
        )
    }

    fn differences(&self, other: &Draft) -> crate::domain::text::Text {
        let differs = |id: &str| {
            let strip = |a: &DraftAnswer| DraftAnswer {
                updated_at: None,
                ..a.clone()
            };
            self.answers.get(id).map(strip) != other.answers.get(id).map(strip)
        };
        // Catalogue order where the framework is known, then any other id.
        let mut ids: Vec<String> = crate::domain::catalogue::framework(&self.framework)
            .map(|fw| fw.indicators.iter().map(|i| i.id.clone()).collect())
            .unwrap_or_default();
        for id in self.answers.keys().chain(other.answers.keys()) {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        let list: Vec<String> = ids.into_iter().filter(|id| differs(id)).collect();
        let mut t = crate::domain::text::Text::default();
        if !list.is_empty() {
            let list = list.join(", ");
            t.id = format!("Jawaban berbeda pada indikator {list}.");
            t.en = format!("The answers differ at indicators {list}.");
        }
        if (&self.name, &self.institution, &self.period, &self.unit)
            != (&other.name, &other.institution, &other.period, &other.unit)
        {
            t.id.push_str(" Nama, instansi, periode atau unit berbeda.");
            t.en.push_str(" The name, institution, period or unit differ.");
        }
        crate::domain::text::Text::new(t.id.trim_start(), t.en.trim_start())
    }

    fn copy_as(&self, id: String, suffix: &str, now: &Timestamp) -> Draft {
        Draft {
            id,
            name: format!("{} ({suffix})", self.name),
            created_at: now.clone(),
            updated_at: now.clone(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consolidated_file_opens_as_a_draft_without_a_unit_until_one_is_named() {
        // As the coordinator writes it: a consolidated file names no unit.
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/exchange/consolidated-spbe-2020.json"
        ))
        .unwrap();
        let mut file = crate::domain::exchange::parse(text.as_bytes())
            .unwrap()
            .file;
        file.unit = None;
        let now = Timestamp::parse("2026-12-01T03:00:00Z").unwrap();
        let mut draft = Draft::from_file("d".into(), &file, &now);
        assert!(!draft.has_unit());
        assert!(!draft.name.starts_with('·'), "{}", draft.name);
        assert_eq!(draft.name, "SPBE 2020 · 2026 (2026-12-02)");
        draft.unit = unit_for_name("Bappeda");
        assert!(draft.has_unit());
        assert_eq!(
            joined(&["", " BKPSDM ", "SPBE 2020", " ", "2026"]),
            "BKPSDM · SPBE 2020 · 2026"
        );
    }

    #[test]
    fn justification_round_trips_through_its_two_parts() {
        let j = compose_justification(" Perbup 12/2024 Pasal 4 ", "Memenuhi kriteria tingkat 3.");
        assert_eq!(
            j,
            "Fakta: Perbup 12/2024 Pasal 4\nAnalisis: Memenuhi kriteria tingkat 3."
        );
        assert_eq!(
            split_justification(&j),
            (
                "Perbup 12/2024 Pasal 4".to_string(),
                "Memenuhi kriteria tingkat 3.".to_string()
            )
        );
        assert_eq!(
            split_justification("teks bebas tanpa penanda"),
            ("teks bebas tanpa penanda".to_string(), String::new())
        );
        assert_eq!(
            split_justification("Analisis: hanya analisis"),
            (String::new(), "hanya analisis".to_string())
        );
        assert_eq!(compose_justification("", ""), "");
    }

    /// Issue 9: a draft holding `"date": "2024-01-€", "review": true` crashed every
    /// screen on every reload. It opens now, without that date.
    #[test]
    fn a_stored_draft_with_a_date_that_is_not_a_date_still_opens() {
        let stored = r#"{"id":"d1","name":"BKPSDM","framework":"spbe-2020","institution":"","period":"2026",
            "unit":{"id":"bkpsdm","name":"BKPSDM"},"created_at":"2026-11-28T09:30:00Z","updated_at":"2026-11-28T09:30:00Z",
            "answers":{"36":{"value":4,"fakta":"Laporan reviu","analisis":"Reviu terbaru","evidence":[
                {"title":"Laporan reviu SIMPEG","date":"2024-01-€","review":true},
                {"title":"Laporan reviu 2026","date":"2026-02-01","review":true}]}}}"#;
        let draft: Draft = crate::domain::json::from_str(stored).unwrap();
        let evidence = &draft.answers["36"].evidence;
        assert_eq!(evidence[0].title, "Laporan reviu SIMPEG");
        assert_eq!(evidence[0].date, None);
        assert!(evidence[0].review);
        assert_eq!(evidence[1].date, Date::parse("2026-02-01"));
        let fw = crate::domain::catalogue::framework("spbe-2020").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        let findings = crate::domain::checks::check_answer(
            fw,
            fw.indicator("36").unwrap(),
            &draft.answers["36"],
            today,
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    /// Progress counts the indicators the unit answers itself that have a value: those it
    /// leads under an assignment (not those it supports, not those outside it), or every
    /// indicator but the ones it supports without one. Counted by hand for SPBE 2020's 47.
    #[test]
    fn progress_counts_the_units_own_indicators_that_have_a_value() {
        let draft = |assignment: &str, supports: &str| -> Draft {
            let stored = format!(
                r#"{{"id":"d","name":"x","framework":"spbe-2020","institution":"","period":"2026",
                "unit":{{"id":"u","name":"U"}},"created_at":"2026-11-28T09:30:00Z","updated_at":"2026-11-28T09:30:00Z",
                {assignment}"supports":{supports},
                "answers":{{"1":{{"value":3}},"2":{{"fakta":"belum dinilai"}},"4":{{"value":2}},"10":{{"value":1}}}}}}"#
            );
            crate::domain::json::from_str(&stored).unwrap()
        };
        let fw = crate::domain::catalogue::framework("spbe-2020").unwrap();
        let ids = || fw.indicators.iter().map(|i| i.id.as_str());
        let assigned = draft(
            r#""assignment":{"lead":["1","2","3"],"support":["4"]},"#,
            "[]",
        );
        assert_eq!(assigned.progress(ids()), (1, 3));
        let free = draft("", r#"["4"]"#);
        assert_eq!(free.progress(ids()), (2, 46));
        // The same as the fill screen's own scope.
        assert_eq!(free.own_scope(fw).count(), 46);
    }

    /// Issue 9: a Fakta mentioning "analisis:" was cut there when the file was reopened.
    #[test]
    fn a_fakta_that_mentions_analisis_comes_back_whole() {
        let fakta = "Dokumen hasil analisis: kebutuhan SDM TIK 2025 (hlm. 4)";
        let analisis = "Memenuhi kriteria tingkat 3.";
        assert_eq!(
            split_justification(&compose_justification(fakta, analisis)),
            (fakta.to_string(), analisis.to_string())
        );
        assert_eq!(
            split_justification(&compose_justification(fakta, "")),
            (fakta.to_string(), String::new())
        );
    }

    #[test]
    fn file_names_tell_unit_framework_period_and_time() {
        let name = export_file_name(
            Kind::Submission,
            "bkpsdm",
            "spbe-2020",
            "2026",
            &LocalTime::of(&Timestamp::parse("2026-11-28T09:30:00Z").unwrap(), 0),
        );
        assert_eq!(
            name,
            "swanilai-jawaban-bkpsdm-spbe-2020-2026-20261128-0930.json"
        );
        assert_eq!(slug("Bag. Hukum / Setda"), "bag-hukum-setda");
        assert_eq!(unit_for_name("bkpsdm").id, "bkpsdm");
        assert_eq!(
            unit_for_name("BKPSDM — Badan Kepegawaian dan Pengembangan Sumber Daya Manusia").id,
            "bkpsdm"
        );
        assert_eq!(unit_for_name("Dinas Pariwisata").id, "dinas-pariwisata");
    }
}
