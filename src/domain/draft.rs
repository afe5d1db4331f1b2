//! A unit's self-assessment in progress: what lives in the browser's storage while a
//! unit (SKPD/OPD) fills in its indicators, and how it becomes a `submission` file.
//!
//! A draft differs from a submission in two ways: an answer may still lack a value (the
//! user wrote the Fakta before choosing a level), and the justification is kept as its
//! two parts, Fakta and Analisis (Pedoman MenPANRB 3/2024 Bab III), joined only on export.

use crate::domain::catalogue::{Framework, Indicator};
use crate::domain::checklist::ItemStates;
use crate::domain::exchange::{Answer, AssignmentPart, Evidence, ExchangeFile, Kind, UnitRef};
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
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
    #[serde(default)]
    pub answers: BTreeMap<String, DraftAnswer>,
    pub created_at: String,
    pub updated_at: String,
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
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub service: String,
    /// The evidence items the unit marked (`domain::checklist`).
    #[serde(default)]
    pub items: ItemStates,
    #[serde(default)]
    pub updated_at: Option<String>,
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

/// Splits a `justification` back into Fakta and Analisis. Text written without the
/// markers is kept whole as Fakta, so nothing is lost.
pub fn split_justification(text: &str) -> (String, String) {
    let lower = text.to_ascii_lowercase(); // byte offsets stay valid
    let analisis_at = lower.find("analisis:");
    let (head, tail) = match analisis_at {
        Some(i) => (&text[..i], text[i + "analisis:".len()..].trim()),
        None => (text, ""),
    };
    let head = head.trim();
    let fakta = if head.to_ascii_lowercase().starts_with("fakta:") {
        head["fakta:".len()..].trim()
    } else {
        head
    };
    (fakta.to_string(), tail.to_string())
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
        framework: &Framework,
        institution: String,
        period: String,
        unit: UnitRef,
        now: &str,
    ) -> Draft {
        let name = format!(
            "{} · {} · {}",
            unit_label(&unit),
            framework.short_name,
            period
        );
        Draft {
            id,
            name,
            framework: framework.id.clone(),
            institution,
            period,
            unit,
            assignment: None,
            answers: BTreeMap::new(),
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
    }

    /// A draft that starts from a file: an assignment fixes framework, institution,
    /// period, unit and the indicators; a submission or consolidated file also brings
    /// its answers (to edit a unit's file again, or start next year from this year's).
    pub fn from_file(id: String, file: &ExchangeFile, now: &str) -> Draft {
        let unit = file.unit.clone().unwrap_or_else(|| UnitRef {
            id: String::new(),
            name: String::new(),
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
            .collect();
        let fw_name = crate::domain::catalogue::framework(&file.framework)
            .map_or(file.framework.as_str(), |f| &f.short_name);
        let name = match file.kind {
            Kind::Assignment => format!("{} · {fw_name} · {}", unit_label(&unit), file.period),
            _ => format!(
                "{} · {fw_name} · {} ({})",
                unit_label(&unit),
                file.period,
                file.exported_at.get(..10).unwrap_or("")
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
            answers,
            created_at: now.to_string(),
            updated_at: now.to_string(),
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
    pub fn edit(&mut self, indicator_id: &str, now: &str, change: impl FnOnce(&mut DraftAnswer)) {
        let answer = self.answers.entry(indicator_id.to_string()).or_default();
        change(answer);
        answer.updated_at = Some(now.to_string());
        if answer.is_blank() {
            self.answers.remove(indicator_id);
        }
        self.updated_at = now.to_string();
    }

    /// The `submission` file of this draft. Answers without a value cannot travel (the
    /// format has no "unanswered" value) and are listed in the notes instead.
    pub fn to_submission(&self, now: &str) -> (ExchangeFile, ExportNotes) {
        let mut notes = ExportNotes::default();
        let mut answers = BTreeMap::new();
        for (id, a) in &self.answers {
            let Some(value) = a.value else {
                notes.without_value.push(id.clone());
                continue;
            };
            let service = a.service.trim();
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
        (file, notes)
    }
}

/// A file name a coordinator can tell apart from the others in a download folder:
/// `swanilai-jawaban-bkpsdm-spbe-2020-2026-20261128-0930.json`.
pub fn export_file_name(
    kind: Kind,
    unit_id: &str,
    framework: &str,
    period: &str,
    now: &str,
) -> String {
    let kind = match kind {
        Kind::Assignment => "penugasan",
        Kind::Submission => "jawaban",
        Kind::Consolidated => "konsolidasi",
    };
    let stamp = file_stamp(now);
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
        .map_or_else(|| unit.name.clone(), |u| u.short.clone())
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

/// The time part of a file name: "2026-11-28T09:30:00Z" → "20261128-0930".
pub fn file_stamp(now: &str) -> String {
    let digits: String = now
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(12)
        .collect();
    if digits.len() == 12 {
        format!("{}-{}", &digits[..8], &digits[8..])
    } else {
        digits
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn file_names_tell_unit_framework_period_and_time() {
        let name = export_file_name(
            Kind::Submission,
            "bkpsdm",
            "spbe-2020",
            "2026",
            "2026-11-28T09:30:00Z",
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
