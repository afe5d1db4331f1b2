//! The exchange file's parts for the journey around the answers (issue 13): what the
//! coordinator tells a unit with its assignment (a deadline, a contact, a short
//! instruction) and what a supporting unit sends as input for the lead unit.
//!
//! Both are optional additions (docs/FORMAT.md): a file without them reads as before, and
//! an older Swanilai keeps them untouched as unknown fields.

use super::{Extra, Timestamp};
use crate::domain::checklist::ItemStates;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whom a unit asks when in doubt and sends its file to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    /// A WhatsApp number as people write it ("0812-3456-7890").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub whatsapp: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.whatsapp.trim().is_empty()
            && self.email.trim().is_empty()
    }

    /// "Bu Rina (WhatsApp 0812-3456-7890, rina@kab.go.id)": the contact in one phrase.
    pub fn phrase(&self) -> String {
        let ways: Vec<String> = [
            (!self.whatsapp.trim().is_empty())
                .then(|| format!("WhatsApp {}", self.whatsapp.trim())),
            (!self.email.trim().is_empty()).then(|| self.email.trim().to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        match (self.name.trim(), ways.is_empty()) {
            ("", _) => ways.join(", "),
            (n, true) => n.to_string(),
            (n, false) => format!("{n} ({})", ways.join(", ")),
        }
    }
}

/// A supporting unit's input on an indicator it supports (pendukung): notes and evidence
/// for the lead unit, and optionally the level it proposes. Carried in the file's `support`
/// map, apart from `answers`, because it is not an answer: the contract requires a value
/// for every answer, and input without a proposed level has none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupportInput {
    /// The level the supporting unit proposes; absent for pure input. A proposal that
    /// differs from the lead unit's answer is a conflict for the coordinator to settle.
    /// `"value": 1.17` and, for an accepted suggestion, `"exact": "7/6"` beside it, as in
    /// an answer.
    #[serde(flatten, with = "crate::domain::value::in_file::optional")]
    pub value: Option<Value>,
    /// Notes in the Fakta / Analisis pattern, as in an answer.
    #[serde(default)]
    pub justification: String,
    #[serde(default)]
    pub evidence: Vec<super::Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The evidence items the supporting unit marked, as in an answer (Pemdi).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: ItemStates,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_reads_as_one_phrase() {
        let c = Contact {
            name: "Rina".into(),
            whatsapp: "0812 3456 7890".into(),
            email: "rina@karanganyarkab.go.id".into(),
            extra: Extra::new(),
        };
        assert_eq!(
            c.phrase(),
            "Rina (WhatsApp 0812 3456 7890, rina@karanganyarkab.go.id)"
        );
        let only_mail = Contact {
            email: "spbe@kab.go.id".into(),
            ..Contact::default()
        };
        assert_eq!(only_mail.phrase(), "spbe@kab.go.id");
        assert!(Contact::default().is_empty());
    }
}
