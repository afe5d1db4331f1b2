//! The walk over the journey parts (`super::super::journey`): the guidance in an
//! assignment (deadline, contact, instructions) and a supporting unit's `support` map.
//! Kept apart from the main walk so that adding them touches it in two lines.

use super::{key_path, Expect, Presence, Walk};
use crate::domain::catalogue::Framework;
use crate::domain::exchange::Date;
use serde_json::{Map, Value as Json};
use std::collections::BTreeSet;

impl Walk {
    /// `deadline`, `contact` and `instructions` of an assignment part.
    pub(super) fn guidance(&mut self, o: &Map<String, Json>) {
        let path = "$.assignment";
        if let Some(d) = self.text(o, path, "deadline", Presence::Nullable) {
            if Date::parse(d).is_none() {
                let q = Json::String(d.to_owned());
                self.error(
                    key_path(path, "deadline"),
                    format!(
                        "Batas waktu pengiriman ({q}) bukan tanggal yang sah. Tulis tanggalnya \
                         sebagai tahun-bulan-tanggal, mis. \"2026-11-30\"."
                    ),
                    format!(
                        "The deadline ({q}) is not a valid date. Write it as year-month-day, e.g. \
                         \"2026-11-30\"."
                    ),
                );
            }
        }
        if let Some(v) = self.field(o, path, "contact", Presence::Nullable, Expect::Object) {
            let at = key_path(path, "contact");
            if let Some(c) = self.object(v, &at) {
                for key in ["name", "whatsapp", "email"] {
                    self.text(c, &at, key, Presence::Defaulted);
                }
            }
        }
        self.text(o, path, "instructions", Presence::Nullable);
    }

    /// The `support` map: indicator id → a supporting unit's input. Like an answer, except
    /// that `value` (the proposed level) may be left out. An indicator answered in `answers`
    /// cannot also be input in `support`: the unit either answers it or supports it.
    pub(super) fn support_inputs(
        &mut self,
        obj: &Map<String, Json>,
        fw: Option<&Framework>,
        answered: &BTreeSet<&str>,
    ) {
        let Some(v) = self.field(obj, "$", "support", Presence::Defaulted, Expect::Object) else {
            return;
        };
        let Some(inputs) = self.object(v, "$.support") else {
            return;
        };
        for (id, input) in inputs {
            let path = key_path("$.support", id);
            self.known_indicator(fw, id, &path);
            let Some(s) = self.entry(input, &path, ("Masukan pendukung", "supporting input"), id)
            else {
                continue;
            };
            if let Some(value) = s.get("value").filter(|v| !v.is_null()) {
                self.value(value, &key_path(&path, "value"), fw);
            }
            self.text(s, &path, "justification", Presence::Defaulted);
            if let Some(ev) = self.field(s, &path, "evidence", Presence::Defaulted, Expect::Array) {
                self.evidence(ev, &key_path(&path, "evidence"), fw);
            }
            self.timestamp(s, &path, "updated_at", Presence::Nullable);
            self.text(s, &path, "service", Presence::Nullable);
            if answered.contains(id.as_str()) {
                self.error(
                    path,
                    format!(
                        "Indikator {id} ada di jawaban (\"answers\") sekaligus di masukan pendukung \
                         (\"support\"). Satu unit menjawab atau mendukung suatu indikator, tidak \
                         keduanya."
                    ),
                    format!(
                        "Indicator {id} is both answered (\"answers\") and given as supporting input \
                         (\"support\"). A unit either answers or supports an indicator, not both."
                    ),
                );
            }
        }
    }
}
