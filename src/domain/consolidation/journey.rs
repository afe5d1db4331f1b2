//! The coordinator's side of the journey around the answers (issue 13): the guidance every
//! assignment file carries (deadline, contact, instruction), who still owes what and the
//! reminder to send them, and the Berita Acara's particulars (number, date, place,
//! signatories, letterhead), entered once and kept in the workspace and the consolidated
//! file.

use super::{label, Workspace};
use crate::domain::catalogue::Framework;
use crate::domain::exchange::{Contact, Date, Timestamp};
use crate::domain::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// What the coordinator tells every unit with its assignment, set once per workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
}

impl Guidance {
    pub fn is_empty(&self) -> bool {
        self.deadline.is_none() && self.contact.is_empty() && self.instructions.trim().is_empty()
    }
}

/// The longest instruction an assignment carries: a short note, not a manual.
pub const MAX_INSTRUCTIONS: usize = 1000;

/// One person who signs the Berita Acara.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Their part in the assessment, printed above the signature ("Koordinator Pemdi").
    pub role: String,
    #[serde(default)]
    pub name: String,
    /// Nomor Induk Pegawai: 18 digits for a civil servant (spaces allowed when typed).
    #[serde(default)]
    pub nip: String,
    /// Their office ("Sekretaris Daerah").
    #[serde(default)]
    pub position: String,
}

/// The particulars of the Berita Acara Penilaian Mandiri.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeritaAcara {
    #[serde(default)]
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// The institution's letterhead (kop surat) as a `data:image/png|jpeg;base64,…` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<String>,
}

/// The largest letterhead kept, as text (a data URL of about 150 KB of image): browser
/// storage is small, and the consolidated file carries it.
pub const MAX_LETTERHEAD_CHARS: usize = 200 * 1024;

impl BeritaAcara {
    /// The usual two signatories: the person in charge of the internal assessment team, and
    /// the framework's coordinator — in a Pemda the Sekretaris Daerah (PermenPANRB 59/2020
    /// Bab III: the Koordinator SPBE is the secretary of the institution; 8/2026 Pasal 5:
    /// the Koordinator Pemdi heads the secretariat).
    pub fn with_defaults(fw: &Framework) -> BeritaAcara {
        let coordinator = fw
            .coordinator_title
            .as_ref()
            .map_or_else(|| "Koordinator".to_string(), |t| t.id.clone());
        BeritaAcara {
            signatories: vec![
                Signatory {
                    role: "Penanggung Jawab Tim Asesor Internal".into(),
                    ..Signatory::default()
                },
                Signatory {
                    role: coordinator,
                    position: "Sekretaris Daerah".into(),
                    ..Signatory::default()
                },
            ],
            ..BeritaAcara::default()
        }
    }

    /// Whether anything was filled in beyond the defaults' roles and positions.
    pub fn is_filled(&self) -> bool {
        !self.number.trim().is_empty()
            || self.date.is_some()
            || !self.place.trim().is_empty()
            || self.signatories.iter().any(|s| !s.name.trim().is_empty())
    }
}

/// A NIP as typed ("19800101 200501 1 001") checked: empty, or 18 digits once spaces and
/// dots are dropped. Returns the digits.
pub fn check_nip(nip: &str) -> Result<String, Text> {
    let digits: String = nip
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    if digits.is_empty() || (digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit())) {
        return Ok(digits);
    }
    Err(Text::new(
        format!(
            "NIP \"{}\" tidak sah: NIP terdiri dari 18 angka.",
            nip.trim()
        ),
        format!(
            "The NIP \"{}\" is not valid: a NIP has 18 digits.",
            nip.trim()
        ),
    ))
}

/// A letterhead image accepted for the report: a PNG or JPEG data URL within the size limit.
pub fn check_letterhead(data_url: &str) -> Result<(), Text> {
    let kind_ok = ["data:image/png;base64,", "data:image/jpeg;base64,"]
        .iter()
        .any(|p| data_url.starts_with(p));
    if !kind_ok {
        return Err(Text::new(
            "Kop surat harus berupa gambar PNG atau JPEG.",
            "The letterhead must be a PNG or JPEG image.",
        ));
    }
    if data_url.chars().count() > MAX_LETTERHEAD_CHARS {
        let kb = MAX_LETTERHEAD_CHARS * 3 / 4 / 1024;
        return Err(Text::new(
            format!("Gambar kop surat terlalu besar; batasnya sekitar {kb} KB. Perkecil gambarnya (mis. lebar 1600 piksel) lalu pilih lagi."),
            format!("The letterhead image is too large; the limit is about {kb} KB. Make it smaller (e.g. 1600 pixels wide) and choose it again."),
        ));
    }
    Ok(())
}

/// A letterhead image file as the data URL the report shows, after checking it is a PNG or
/// JPEG (by its first bytes, whatever its name says) within the size limit.
pub fn letterhead_from_image(bytes: &[u8]) -> Result<String, Text> {
    let mime = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return Err(Text::new(
            "Berkas ini bukan gambar PNG atau JPEG. Simpan kop surat sebagai PNG atau JPEG, lalu pilih lagi.",
            "This file is not a PNG or JPEG image. Save the letterhead as PNG or JPEG and choose it again.",
        ));
    };
    let url = format!("data:{mime};base64,{}", base64(bytes));
    check_letterhead(&url)?;
    Ok(url)
}

/// The image a letterhead data URL holds: its media type and bytes; `None` when it is not
/// one [`check_letterhead`] accepts. (The page shows it from these bytes through a `blob:`
/// URL: the strict CSP allows no `data:` images.)
pub fn letterhead_image(data_url: &str) -> Option<(&'static str, Vec<u8>)> {
    check_letterhead(data_url).ok()?;
    let (head, body) = data_url.split_once(',')?;
    let mime = if head.contains("png") {
        "image/png"
    } else {
        "image/jpeg"
    };
    Some((mime, unbase64(body)?))
}

/// Decodes standard base64 with padding; `None` on anything else.
fn unbase64(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let b = text.as_bytes();
    if !b.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (i, chunk) in b.chunks(4).enumerate() {
        let last = i + 1 == b.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | sextet(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// Standard base64 with padding (RFC 4648 §4): twenty lines instead of a crate.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Where one unit stands: what it was asked, what arrived, what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDue {
    pub unit: String,
    /// Indicators it leads and supports, in catalogue order.
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Its current file, if one arrived.
    pub arrived: Option<Arrival>,
    /// Lead indicators its current file does not answer (all of them when no file came).
    pub missing: Vec<String>,
}

/// A unit's current file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub exported_at: Timestamp,
    pub received_at: Timestamp,
    /// Which of the unit's files this is: 1 for the first, 2 when it replaced one, …
    pub version: usize,
}

impl UnitDue {
    /// Still to chase: no file yet, or lead indicators left unanswered.
    pub fn owes(&self) -> bool {
        self.arrived.is_none() || !self.missing.is_empty()
    }
}

/// Per unit that was asked anything, in the workspace's unit order: assigned, arrived,
/// missing. Support indicators are asked as input and are never "missing".
pub fn dues(ws: &Workspace) -> Vec<UnitDue> {
    ws.units
        .iter()
        .filter_map(|u| {
            let (lead, support) = ws.assigned_to(&u.id);
            if lead.is_empty() && support.is_empty() {
                return None;
            }
            let sub = ws.submission(&u.id);
            let arrived = sub.map(|s| Arrival {
                exported_at: s.exported_at.clone(),
                received_at: s.received_at.clone(),
                version: 1 + ws
                    .history
                    .iter()
                    .filter(|h| h.unit.id == u.id && h.replaced())
                    .count(),
            });
            let missing = lead
                .iter()
                .filter(|i| !sub.is_some_and(|s| s.answers.contains_key(*i)))
                .cloned()
                .collect();
            Some(UnitDue {
                unit: u.id.clone(),
                lead,
                support,
                arrived,
                missing,
            })
        })
        .collect()
}

/// Indicator ids as their display codes, "25, 26, 36".
fn codes(fw: &Framework, ids: &[String]) -> String {
    ids.iter()
        .map(|i| fw.indicator(i).map_or(i.as_str(), |x| x.display_code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reminder for one unit, ready to paste into WhatsApp or an e-mail: what to send,
/// by when, to whom.
pub fn reminder(ws: &Workspace, due: &UnitDue) -> Text {
    let Some(fw) = ws.framework() else {
        return Text::default();
    };
    let unit = ws.unit(&due.unit).map_or_else(|| due.unit.clone(), label);
    let (by_id, by_en) = match ws.guidance.deadline {
        Some(d) => (
            format!(" paling lambat {}", d.words(Lang::Id)),
            format!(" by {}", d.words(Lang::En)),
        ),
        None => (String::new(), String::new()),
    };
    let contact = ws.guidance.contact.phrase();
    let (to_id, to_en) = if contact.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" kepada {contact}"), format!(" to {contact}"))
    };
    let what = format!("{} {}", fw.short_name, ws.period);
    let (id, en) = match &due.arrived {
        None if due.lead.is_empty() => (
            format!(
                "Yth. {unit}, mohon kirim masukan Swanilai untuk penilaian {what} (sebagai unit pendukung indikator {}){by_id}{to_id}. Terima kasih.",
                codes(fw, &due.support)
            ),
            format!(
                "Dear {unit}, please send your Swanilai input for the {what} assessment (as supporting unit of indicators {}){by_en}{to_en}. Thank you.",
                codes(fw, &due.support)
            ),
        ),
        None => (
            format!(
                "Yth. {unit}, berkas jawaban Swanilai untuk penilaian {what} belum kami terima. Mohon isi indikator {} dan kirim berkasnya{by_id}{to_id}. Terima kasih.",
                codes(fw, &due.lead)
            ),
            format!(
                "Dear {unit}, we have not yet received your Swanilai answer file for the {what} assessment. Please fill in indicators {} and send the file{by_en}{to_en}. Thank you.",
                codes(fw, &due.lead)
            ),
        ),
        Some(_) => (
            format!(
                "Yth. {unit}, berkas jawaban Swanilai untuk penilaian {what} sudah kami terima, tetapi indikator {} belum dijawab. Mohon lengkapi dan kirim ulang berkasnya{by_id}{to_id}. Terima kasih.",
                codes(fw, &due.missing)
            ),
            format!(
                "Dear {unit}, we received your Swanilai answer file for the {what} assessment, but indicators {} are not answered yet. Please complete them and send the file again{by_en}{to_en}. Thank you.",
                codes(fw, &due.missing)
            ),
        ),
    };
    Text::new(id, en)
}

/// One message for every unit that still owes something, one line each.
pub fn reminder_all(ws: &Workspace, dues: &[UnitDue]) -> Text {
    let Some(fw) = ws.framework() else {
        return Text::default();
    };
    let owing: Vec<&UnitDue> = dues.iter().filter(|d| d.owes()).collect();
    let line = |d: &UnitDue, lang: Lang| {
        let unit = ws.unit(&d.unit).map_or_else(|| d.unit.clone(), label);
        let ids = if d.arrived.is_some() {
            &d.missing
        } else if d.lead.is_empty() {
            &d.support
        } else {
            &d.lead
        };
        let state = match (&d.arrived, lang) {
            (None, Lang::Id) => "belum mengirim berkas",
            (None, Lang::En) => "no file yet",
            (Some(_), Lang::Id) => "belum dijawab",
            (Some(_), Lang::En) => "not answered yet",
        };
        let word = if lang == Lang::Id {
            "indikator"
        } else {
            "indicators"
        };
        format!("- {unit}: {state} ({word} {})", codes(fw, ids))
    };
    let what = format!("{} {}", fw.short_name, ws.period);
    let contact = ws.guidance.contact.phrase();
    let mut id = format!("Pengingat penilaian mandiri {what}. Unit yang belum lengkap:\n");
    let mut en = format!("Reminder: {what} self-assessment. Units not complete yet:\n");
    for d in &owing {
        id.push_str(&line(d, Lang::Id));
        id.push('\n');
        en.push_str(&line(d, Lang::En));
        en.push('\n');
    }
    match ws.guidance.deadline {
        Some(d) => {
            id.push_str(&format!(
                "Mohon kirim berkas jawaban Swanilai paling lambat {}",
                d.words(Lang::Id)
            ));
            en.push_str(&format!(
                "Please send your Swanilai answer files by {}",
                d.words(Lang::En)
            ));
        }
        None => {
            id.push_str("Mohon kirim berkas jawaban Swanilai segera");
            en.push_str("Please send your Swanilai answer files soon");
        }
    }
    if !contact.is_empty() {
        id.push_str(&format!(" kepada {contact}"));
        en.push_str(&format!(" to {contact}"));
    }
    id.push_str(". Terima kasih.");
    en.push_str(". Thank you.");
    Text::new(id, en)
}

impl Workspace {
    /// Sets the deadline from a `YYYY-MM-DD` text (empty clears it).
    pub fn set_deadline(&mut self, date: &str, now: &Timestamp) -> Result<(), Text> {
        let date = date.trim();
        self.guidance.deadline = if date.is_empty() {
            None
        } else {
            Some(Date::parse(date).ok_or_else(|| {
                Text::new(
                    format!("\"{date}\" bukan tanggal yang sah."),
                    format!("\"{date}\" is not a valid date."),
                )
            })?)
        };
        self.touch(now);
        Ok(())
    }

    /// Sets the contact units are told to ask and send their file to. A WhatsApp number
    /// needs at least 8 digits; an e-mail address an `@` with something on both sides.
    pub fn set_contact(&mut self, contact: Contact, now: &Timestamp) -> Result<(), Text> {
        let wa = contact.whatsapp.trim();
        let digits = wa.chars().filter(char::is_ascii_digit).count();
        let wa_ok = wa.is_empty()
            || (digits >= 8
                && wa
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c)));
        if !wa_ok {
            return Err(Text::new(
                format!("Nomor WhatsApp \"{wa}\" tidak sah: tulis angkanya, mis. 0812-3456-7890."),
                format!("The WhatsApp number \"{wa}\" is not valid: write its digits, e.g. 0812-3456-7890."),
            ));
        }
        let mail = contact.email.trim();
        let mail_ok = mail.is_empty()
            || mail.split_once('@').is_some_and(|(a, b)| {
                !a.is_empty() && b.contains('.') && !b.starts_with('.') && !mail.contains(' ')
            });
        if !mail_ok {
            return Err(Text::new(
                format!("Alamat surel \"{mail}\" tidak sah, mis. spbe@karanganyarkab.go.id."),
                format!(
                    "The e-mail address \"{mail}\" is not valid, e.g. spbe@karanganyarkab.go.id."
                ),
            ));
        }
        self.guidance.contact = Contact {
            name: contact.name.trim().to_string(),
            whatsapp: wa.to_string(),
            email: mail.to_string(),
            extra: contact.extra,
        };
        self.touch(now);
        Ok(())
    }

    /// Sets the short instruction every assignment file carries.
    pub fn set_instructions(&mut self, text: &str, now: &Timestamp) -> Result<(), Text> {
        let text = text.trim();
        if text.chars().count() > MAX_INSTRUCTIONS {
            return Err(Text::new(
                format!("Petunjuk terlalu panjang: paling banyak {MAX_INSTRUCTIONS} karakter. Tulis yang singkat; rinciannya dapat dikirim terpisah."),
                format!("The instruction is too long: at most {MAX_INSTRUCTIONS} characters. Keep it short; details can be sent separately."),
            ));
        }
        self.guidance.instructions = text.to_string();
        self.touch(now);
        Ok(())
    }

    /// The Berita Acara's particulars: as entered, or the defaults for the framework.
    pub fn berita_acara(&self) -> BeritaAcara {
        match (&self.berita_acara, self.framework()) {
            (Some(b), _) => b.clone(),
            (None, Some(fw)) => BeritaAcara::with_defaults(fw),
            (None, None) => BeritaAcara::default(),
        }
    }

    /// Stores the Berita Acara's particulars, checking every NIP and the letterhead.
    pub fn set_berita_acara(&mut self, mut ba: BeritaAcara, now: &Timestamp) -> Result<(), Text> {
        for s in &mut ba.signatories {
            s.nip = check_nip(&s.nip)?;
            s.name = s.name.trim().to_string();
            s.role = s.role.trim().to_string();
            s.position = s.position.trim().to_string();
        }
        if let Some(l) = &ba.letterhead {
            check_letterhead(l)?;
        }
        ba.number = ba.number.trim().to_string();
        ba.place = ba.place.trim().to_string();
        self.berita_acara = Some(ba);
        self.touch(now);
        Ok(())
    }
}

impl super::HistoryEntry {
    /// A file that a newer one of the same unit replaced (not one that arrived late or was
    /// withdrawn): it counts toward the unit's file versions.
    pub fn replaced(&self) -> bool {
        matches!(self.reason, super::HistoryReason::Replaced { .. })
    }
}

/// Whether `deadline` has passed on `today` (the user's date): the day itself still counts.
pub fn is_late(deadline: Option<Date>, today: Date) -> bool {
    deadline.is_some_and(|d| today > d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64(&[0xFB, 0xFF]), "+/8=");
        for (plain, encoded) in vectors {
            assert_eq!(
                unbase64(encoded).as_deref(),
                Some(plain.as_bytes()),
                "{encoded:?}"
            );
        }
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "Zm9"] {
            assert_eq!(unbase64(bad), None, "{bad:?}");
        }
        let png = b"\x89PNG\r\n\x1a\n\x00\xff";
        let url = letterhead_from_image(png).unwrap();
        assert_eq!(letterhead_image(&url), Some(("image/png", png.to_vec())));
    }

    #[test]
    fn a_letterhead_is_a_png_or_jpeg_within_the_limit() {
        let png = b"\x89PNG\r\n\x1a\nrest";
        assert_eq!(
            letterhead_from_image(png).unwrap(),
            format!("data:image/png;base64,{}", base64(png))
        );
        assert!(letterhead_from_image(b"\xFF\xD8\xFF\xE0jfif")
            .unwrap()
            .starts_with("data:image/jpeg;base64,"));
        assert!(letterhead_from_image(b"<svg onload=x>").is_err());
        let mut big = png.to_vec();
        big.resize(MAX_LETTERHEAD_CHARS, 0);
        assert!(
            letterhead_from_image(&big).is_err(),
            "its base64 is 4/3 the size"
        );
        assert_eq!(
            check_nip("19700512 199503 1 002").unwrap(),
            "197005121995031002"
        );
        assert_eq!(check_nip(" ").unwrap(), "");
        assert!(check_nip("1970051219950310021").is_err());
        assert!(check_nip("19700512199503100X").is_err());
    }
}
