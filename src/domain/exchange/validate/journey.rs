//! The walk over the journey parts (`super::super::journey`): the guidance in an
//! assignment (deadline, contact, instructions), a supporting unit's `support` map, and the
//! guidance and Berita Acara in a consolidated file's `coordination` block. Kept apart from
//! the main walk so that adding them touches it in a few lines.

use super::{describe, index_path, key_path, short_quote, Expect, Presence, Walk};
use crate::domain::catalogue::Framework;
use serde_json::{Map, Value as Json};
use std::collections::BTreeSet;

impl Walk {
    /// `deadline`, `contact` and `instructions` of an assignment part.
    pub(super) fn guidance(&mut self, o: &Map<String, Json>) {
        let path = "$.assignment";
        self.date(o, path, "deadline", Presence::Nullable);
        if let Some(v) = self.field(o, path, "contact", Presence::Nullable, Expect::Object) {
            self.contact(v, &key_path(path, "contact"));
        }
        self.text(o, path, "instructions", Presence::Nullable);
    }

    /// `{ name, whatsapp, email }`, each an optional text.
    fn contact(&mut self, v: &Json, at: &str) {
        if let Some(c) = self.object(v, at) {
            for key in ["name", "whatsapp", "email"] {
                self.text(c, at, key, Presence::Defaulted);
            }
        }
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
            let indicator = if self.known_indicator(fw, id, &path) {
                fw.and_then(|f| f.indicator(id))
            } else {
                None
            };
            let Some(s) = self.entry(input, &path, ("Masukan pendukung", "supporting input"), id)
            else {
                continue;
            };
            if let Some(value) = s.get("value").filter(|v| !v.is_null()) {
                self.value(value, &key_path(&path, "value"), fw);
            }
            // A proposed Pemdi value may keep its fraction and the items it rests on, as
            // an answer does.
            self.exact_and_items(s, &path, fw, indicator, true);
            self.text(s, &path, "justification", Presence::Defaulted);
            if let Some(ev) = self.field(s, &path, "evidence", Presence::Defaulted, Expect::Array) {
                self.evidence(ev, &key_path(&path, "evidence"), fw, indicator);
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

    /// The `guidance` and `berita_acara` of a `coordination` block, as
    /// `consolidation::{Guidance, BeritaAcara}` read them.
    pub(super) fn coordination_journey(&mut self, o: &Map<String, Json>) {
        let path = "$.coordination";
        if let Some(g) = self.field(o, path, "guidance", Presence::Defaulted, Expect::Object) {
            let at = key_path(path, "guidance");
            if let Some(g) = self.object(g, &at) {
                self.date(g, &at, "deadline", Presence::Defaulted);
                if let Some(c) = self.field(g, &at, "contact", Presence::Defaulted, Expect::Object)
                {
                    self.contact(c, &key_path(&at, "contact"));
                }
                self.text(g, &at, "instructions", Presence::Defaulted);
            }
        }
        let Some(b) = self.field(o, path, "berita_acara", Presence::Nullable, Expect::Object)
        else {
            return;
        };
        let at = key_path(path, "berita_acara");
        let Some(b) = self.object(b, &at) else {
            return;
        };
        self.text(b, &at, "number", Presence::Defaulted);
        self.date(b, &at, "date", Presence::Defaulted);
        self.text(b, &at, "place", Presence::Defaulted);
        if let Some(list) = self.field(b, &at, "signatories", Presence::Defaulted, Expect::Array) {
            let sp = key_path(&at, "signatories");
            for (i, s) in self.array(list, &sp).into_iter().flatten().enumerate() {
                let ip = index_path(&sp, i);
                let Some(s) = self.object(s, &ip) else {
                    continue;
                };
                self.text(s, &ip, "role", Presence::Required);
                self.text(s, &ip, "name", Presence::Defaulted);
                self.nip(s, &ip);
                self.text(s, &ip, "position", Presence::Defaulted);
            }
        }
        if let Some(l) = self.text(b, &at, "letterhead", Presence::Nullable) {
            if crate::domain::consolidation::check_letterhead(l).is_err() {
                let lp = key_path(&at, "letterhead");
                let (what_id, what_en) = describe(&lp);
                let kb = crate::domain::consolidation::MAX_LETTERHEAD_CHARS / 1024;
                self.error(
                    lp,
                    format!(
                        "{what_id} harus berupa gambar PNG atau JPEG sebagai \
                         \"data:image/png;base64,…\" atau \"data:image/jpeg;base64,…\", paling \
                         panjang {kb} KB teks."
                    ),
                    format!(
                        "{what_en} must be a PNG or JPEG image as \"data:image/png;base64,…\" or \
                         \"data:image/jpeg;base64,…\", at most {kb} KB of text."
                    ),
                );
            }
        }
    }

    /// A signatory's NIP: empty, or the 18 digits of a civil servant's number.
    fn nip(&mut self, s: &Map<String, Json>, path: &str) {
        let Some(nip) = self.text(s, path, "nip", Presence::Defaulted) else {
            return;
        };
        if nip.is_empty() || (nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit())) {
            return;
        }
        let at = key_path(path, "nip");
        let (what_id, what_en) = describe(&at);
        let q = short_quote(nip);
        self.error(
            at,
            format!("{what_id} berisi {q}; NIP ditulis sebagai 18 angka tanpa spasi, atau kosong."),
            format!(
                "{what_en} holds {q}; a NIP is written as 18 digits without spaces, or left empty."
            ),
        );
    }
}
