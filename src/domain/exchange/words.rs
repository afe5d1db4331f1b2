//! Places in a file said in words: `$.answers.47.service` is "Nama layanan pada indikator
//! 47" / "the service name of indicator 47". Problems lead with these words; the JSON path
//! stays beside them as a detail for whoever edits the file.
//!
//! A field this table does not name is still said, as `kolom "x"` / `the field "x"`; a new
//! field gets its words by one row in [`FIELDS`] (a test checks every field of the JSON
//! Schema has a row).

use super::strict_json::Segment;

/// Field key → its name in Indonesian and English (English in lower case, for the middle
/// of a sentence).
pub const FIELDS: &[(&str, &str, &str)] = &[
    ("format", "Penanda format", "the format marker"),
    ("version", "Versi format", "the format version"),
    ("kind", "Jenis berkas", "the file kind"),
    (
        "framework",
        "Kerangka penilaian",
        "the assessment framework",
    ),
    ("institution", "Nama instansi", "the institution name"),
    ("period", "Periode penilaian", "the assessment period"),
    ("unit", "Unit", "the unit"),
    ("exported_at", "Waktu ekspor", "the export time"),
    (
        "generator",
        "Nama program pembuat",
        "the name of the program that wrote it",
    ),
    ("answers", "Daftar jawaban", "the answers"),
    ("value", "Nilai", "the value"),
    ("justification", "Penjelasan", "the explanation"),
    ("evidence", "Daftar bukti dukung", "the evidence list"),
    (
        "updated_at",
        "Waktu perubahan terakhir",
        "the time of the last change",
    ),
    ("service", "Nama layanan", "the service name"),
    ("title", "Judul dokumen", "the document title"),
    (
        "reference",
        "Rujukan (nomor, pasal, halaman)",
        "the reference (number, article, page)",
    ),
    (
        "link",
        "Tautan atau tempat dokumen",
        "the link or place of the document",
    ),
    ("level", "Tingkat", "the level"),
    ("date", "Tanggal dokumen", "the document date"),
    ("review", "Tanda dokumen reviu", "the review mark"),
    (
        "items",
        "Butir bukti yang ditandai",
        "the evidence items marked",
    ),
    ("exact", "Nilai pecahan (exact)", "the exact fraction"),
    (
        "documents",
        "Daftar berkas dokumen",
        "the list of document files",
    ),
    ("type", "Jenis berkas (media type)", "the media type"),
    ("size", "Ukuran berkas", "the file size"),
    ("sha256", "Sidik SHA-256", "the SHA-256"),
    (
        "path",
        "Lokasi di dalam bundel",
        "the place inside the bundle",
    ),
    ("assignment", "Penugasan", "the assignment"),
    ("lead", "Unit penanggung jawab", "the lead"),
    ("support", "Unit pendukung", "the supporting units"),
    ("results", "Hasil penilaian", "the results"),
    ("index", "Indeks", "the index"),
    ("predicate", "Predikat", "the predicate"),
    ("aspects", "Nilai aspek", "the aspect figures"),
    ("domains", "Nilai domain", "the domain figures"),
    ("complete", "Tanda kelengkapan", "the completeness mark"),
    ("provenance", "Asal jawaban", "the provenance"),
    ("decision", "Nomor keputusan", "the decision number"),
    ("decisions", "Daftar keputusan", "the decisions"),
    ("indicator", "Indikator", "the indicator"),
    ("rule", "Aturan keputusan", "the decision rule"),
    ("chosen_unit", "Unit yang dipilih", "the chosen unit"),
    (
        "candidates",
        "Jawaban yang berbeda",
        "the differing answers",
    ),
    ("note", "Catatan alasan", "the note"),
    ("decided_by", "Nama pemutus", "who decided"),
    ("decided_at", "Waktu keputusan", "the time of the decision"),
    ("sources", "Daftar berkas sumber", "the source files"),
    ("digest", "Sidik berkas", "the file digest"),
    (
        "answered",
        "Daftar indikator yang dijawab",
        "the answered indicators",
    ),
    (
        "superseded_by",
        "Waktu berkas pengganti",
        "the time of the file that replaced it",
    ),
    ("id", "Kode", "the id"),
    ("name", "Nama", "the name"),
    ("coordination", "Data koordinasi", "the coordination data"),
    ("coordinator", "Nama koordinator", "the coordinator's name"),
    ("units", "Daftar unit", "the units"),
    (
        "assignments",
        "Penugasan per indikator",
        "the assignments per indicator",
    ),
    (
        "unsettled",
        "Konflik yang belum diputuskan",
        "the unsettled conflicts",
    ),
    (
        "note_amended_at",
        "Waktu perubahan catatan",
        "the time the note was changed",
    ),
    ("deadline", "Batas waktu pengiriman", "the deadline"),
    ("contact", "Kontak koordinator", "the coordinator's contact"),
    ("whatsapp", "Nomor WhatsApp", "the WhatsApp number"),
    ("email", "Alamat surel", "the e-mail address"),
    (
        "instructions",
        "Petunjuk koordinator",
        "the coordinator's instruction",
    ),
    (
        "guidance",
        "Arahan untuk unit",
        "the guidance for the units",
    ),
    ("berita_acara", "Berita acara", "the Berita Acara"),
    ("number", "Nomor", "the number"),
    ("place", "Tempat", "the place"),
    ("signatories", "Daftar penanda tangan", "the signatories"),
    ("role", "Peran", "the role"),
    ("nip", "NIP", "the NIP"),
    ("position", "Jabatan", "the position"),
    ("letterhead", "Kop surat", "the letterhead"),
    ("assessor", "Hasil asesor", "the assessors' results"),
    ("stages", "Tahap penilaian asesor", "the evaluation stages"),
    ("values", "Nilai asesor", "the assessors' values"),
];

/// Maps whose keys are ids (indicator, aspect, domain), not fields.
pub const ID_MAPS: &[&str] = &[
    "answers",
    "support",
    "provenance",
    "assignments",
    "unsettled",
    "aspects",
    "domains",
    "items",
    "stages",
    "values",
];

/// The segments of a path written by the reader (`$.answers.35.1.evidence[0]`). After a
/// map keyed by ids, dotted ids such as `35.1` stay one segment.
pub fn segments(path: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = path.strip_prefix('$').unwrap_or(path);
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[\"") {
            // A quoted key: up to the closing `"]` (escapes are rare; read as written).
            let end = r.find("\"]").unwrap_or(r.len());
            out.push(Segment::Key(r[..end].to_owned()));
            rest = r.get(end + 2..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            out.push(Segment::Index(r[..end].parse().unwrap_or(0)));
            rest = r.get(end + 1..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix('.') {
            let id_map =
                matches!(out.last(), Some(Segment::Key(k)) if ID_MAPS.contains(&k.as_str()));
            let mut end = r.find(['.', '[']).unwrap_or(r.len());
            if id_map {
                // `35.1.service`: a dot followed by a digit continues the id, and so does
                // `.L1` in an evidence item's id (`4.L1.2`): fields are lower case.
                while r[end..].starts_with('.') && continues_id(&r[end + 1..]) {
                    end = 1 + end + r[end + 1..].find(['.', '[']).unwrap_or(r.len() - end - 1);
                }
            }
            out.push(Segment::Key(r[..end].to_owned()));
            rest = &r[end..];
        } else {
            break;
        }
    }
    out
}

/// Whether the text after a dot in an id continues it: a digit, or `L` and a digit.
fn continues_id(rest: &str) -> bool {
    let rest = rest.strip_prefix('L').unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// What the segments up to `n` are, as the owner of a field ("indikator 36", "bukti
/// dukung ke-1 indikator 36"); `None` at the top of the file.
fn owner(segs: &[Segment]) -> Option<(String, String)> {
    let (last, parent) = segs.split_last()?;
    let container = match parent.last() {
        Some(Segment::Key(k)) => k.as_str(),
        _ => "",
    };
    let up = || owner(&parent[..parent.len().saturating_sub(1)]);
    let of = |(id, en): (String, String)| match up() {
        Some((pid, pen)) => (format!("{id} {pid}"), format!("{en} of {pen}")),
        None => (id, en),
    };
    Some(match (container, last) {
        ("answers", Segment::Key(id)) => (format!("indikator {id}"), format!("indicator {id}")),
        ("support", Segment::Key(id)) => (
            format!("masukan pendukung indikator {id}"),
            format!("the supporting input on indicator {id}"),
        ),
        ("provenance", Segment::Key(id)) => (
            format!("asal jawaban indikator {id}"),
            format!("the provenance of indicator {id}"),
        ),
        ("assignments", Segment::Key(id)) => (
            format!("penugasan indikator {id}"),
            format!("the assignment of indicator {id}"),
        ),
        ("unsettled", Segment::Key(id)) => (
            format!("konflik indikator {id}"),
            format!("the conflict on indicator {id}"),
        ),
        ("items", Segment::Key(id)) => of((format!("butir {id}"), format!("item {id}"))),
        ("items", Segment::Index(i)) => of((
            format!("butir ke-{} yang dibuktikan", i + 1),
            format!("proven item {}", i + 1),
        )),
        ("stages", Segment::Key(s)) => (
            format!("hasil asesor tahap {s}"),
            format!("the assessors' results of stage {s}"),
        ),
        ("values", Segment::Key(id)) => of((
            format!("nilai asesor indikator {id}"),
            format!("the assessors' value of indicator {id}"),
        )),
        ("aspects", Segment::Key(id)) => (format!("aspek {id}"), format!("aspect {id}")),
        ("domains", Segment::Key(id)) => (format!("domain {id}"), format!("domain {id}")),
        ("evidence", Segment::Index(i)) => of((
            format!("bukti dukung ke-{}", i + 1),
            format!("evidence item {}", i + 1),
        )),
        ("decisions", Segment::Index(i)) => (
            format!("keputusan ke-{}", i + 1),
            format!("decision {}", i + 1),
        ),
        ("documents", Segment::Index(i)) => of((
            format!("dokumen ke-{}", i + 1),
            format!("document {}", i + 1),
        )),
        ("candidates", Segment::Index(i)) => {
            of((format!("jawaban ke-{}", i + 1), format!("answer {}", i + 1)))
        }
        (_, Segment::Index(i)) if in_unsettled(parent) => {
            of((format!("jawaban ke-{}", i + 1), format!("answer {}", i + 1)))
        }
        ("sources", Segment::Index(i)) => (
            format!("berkas sumber ke-{}", i + 1),
            format!("source file {}", i + 1),
        ),
        ("signatories", Segment::Index(i)) => of((
            format!("penanda tangan ke-{}", i + 1),
            format!("signatory {}", i + 1),
        )),
        ("units", Segment::Index(i)) => {
            of((format!("unit ke-{}", i + 1), format!("unit {}", i + 1)))
        }
        (list, Segment::Index(i)) => {
            let (lid, len) = field(list);
            of((
                format!("butir ke-{} {}", i + 1, lower(&lid)),
                format!("item {} of {len}", i + 1),
            ))
        }
        (_, Segment::Key(k)) => {
            let (id, en) = field(k);
            of((lower(&id), en))
        }
    })
}

/// Whether `parent` is `…unsettled.<id>`.
fn in_unsettled(parent: &[Segment]) -> bool {
    parent.len() >= 2 && parent[parent.len() - 2] == Segment::Key("unsettled".into())
}

/// A field's name in both languages.
pub fn field(key: &str) -> (String, String) {
    FIELDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, id, en)| ((*id).to_owned(), (*en).to_owned()))
        .unwrap_or_else(|| (format!("Kolom \"{key}\""), format!("the field \"{key}\"")))
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}

fn upper(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The thing at `path` in words, to begin a sentence: "Nama layanan pada indikator 47" /
/// "The service name of indicator 47"; "Berkas" / "The file" for `$`.
pub fn describe(path: &str) -> (String, String) {
    let segs = segments(path);
    let Some((last, parent)) = segs.split_last() else {
        return ("Berkas".into(), "The file".into());
    };
    let (id, en) = match last {
        // A field: its name, and whose it is.
        Segment::Key(k) if !is_entry(parent) => {
            let (mut id, mut en) = match (parent.last(), k.as_str()) {
                (Some(Segment::Key(u)), "id") if u == "unit" => {
                    ("Kode unit".to_owned(), "the unit id".to_owned())
                }
                (Some(Segment::Key(u)), "name") if u == "unit" => {
                    ("Nama unit".to_owned(), "the unit name".to_owned())
                }
                // The top-level `support` map; `assignment.support` is the row's list.
                (None, "support") => (
                    "Masukan sebagai unit pendukung".to_owned(),
                    "the input as a supporting unit".to_owned(),
                ),
                _ => field(k),
            };
            // `unit` names the object above for the two rows above.
            let parent = match (parent.last(), k.as_str()) {
                (Some(Segment::Key(u)), "id" | "name") if u == "unit" => {
                    &parent[..parent.len() - 1]
                }
                _ => parent,
            };
            if let Some((oid, oen)) = owner(parent) {
                id = format!("{id} pada {oid}");
                en = format!("{en} of {oen}");
            }
            (id, en)
        }
        // An entry of a list or of a map of ids: the entry itself.
        _ => owner(&segs).unwrap_or_else(|| ("berkas".into(), "the file".into())),
    };
    (upper(&id), upper(&en))
}

/// Whether the segments end in a map keyed by ids (so the next key is an id, not a field).
fn is_entry(parent: &[Segment]) -> bool {
    matches!(parent.last(), Some(Segment::Key(k)) if ID_MAPS.contains(&k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_words() {
        let cases = [
            ("$", "Berkas", "The file"),
            ("$.institution", "Nama instansi", "The institution name"),
            (
                "$.answers.47.service",
                "Nama layanan pada indikator 47",
                "The service name of indicator 47",
            ),
            (
                "$.answers.35.1.service",
                "Nama layanan pada indikator 35.1",
                "The service name of indicator 35.1",
            ),
            ("$.answers.36", "Indikator 36", "Indicator 36"),
            (
                "$.answers.36.evidence[0].date",
                "Tanggal dokumen pada bukti dukung ke-1 indikator 36",
                "The document date of evidence item 1 of indicator 36",
            ),
            (
                "$.answers.36.evidence[0].documents[1].sha256",
                "Sidik SHA-256 pada dokumen ke-2 bukti dukung ke-1 indikator 36",
                "The SHA-256 of document 2 of evidence item 1 of indicator 36",
            ),
            ("$.unit.id", "Kode unit", "The unit id"),
            (
                "$.sources[2].unit.name",
                "Nama unit pada berkas sumber ke-3",
                "The unit name of source file 3",
            ),
            (
                "$.decisions[0].candidates[1].value",
                "Nilai pada jawaban ke-2 keputusan ke-1",
                "The value of answer 2 of decision 1",
            ),
            (
                "$.assignment.lead[2]",
                "Butir ke-3 unit penanggung jawab penugasan",
                "Item 3 of the lead of the assignment",
            ),
            (
                "$.coordination.assignments.1.lead",
                "Unit penanggung jawab pada penugasan indikator 1",
                "The lead of the assignment of indicator 1",
            ),
            (
                "$.support.27.value",
                "Nilai pada masukan pendukung indikator 27",
                "The value of the supporting input on indicator 27",
            ),
            (
                "$.support",
                "Masukan sebagai unit pendukung",
                "The input as a supporting unit",
            ),
            (
                "$.coordination.berita_acara.signatories[1].nip",
                "NIP pada penanda tangan ke-2 berita acara",
                "The NIP of signatory 2 of the Berita Acara",
            ),
            (
                "$.assignment.deadline",
                "Batas waktu pengiriman pada penugasan",
                "The deadline of the assignment",
            ),
            (
                "$.answers.4.items.4.L1.2",
                "Butir 4.L1.2 indikator 4",
                "Item 4.L1.2 of indicator 4",
            ),
            (
                "$.answers.4.evidence[0].items[1]",
                "Butir ke-2 yang dibuktikan bukti dukung ke-1 indikator 4",
                "Proven item 2 of evidence item 1 of indicator 4",
            ),
            (
                "$.answers.4.exact",
                "Nilai pecahan (exact) pada indikator 4",
                "The exact fraction of indicator 4",
            ),
            (
                "$.assessor.stages.akhir.values.35.1.note",
                "Catatan alasan pada nilai asesor indikator 35.1 hasil asesor tahap akhir",
                "The note of the assessors' value of indicator 35.1 of the assessors' results of stage akhir",
            ),
            ("$.x_custom", "Kolom \"x_custom\"", "The field \"x_custom\""),
        ];
        for (path, id, en) in cases {
            assert_eq!(describe(path), (id.to_owned(), en.to_owned()), "{path}");
        }
    }
}
