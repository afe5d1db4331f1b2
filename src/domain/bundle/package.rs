//! The coordinator's documents: every document the units' current files list, per
//! indicator; which answered indicators still lack a document for the level claimed; and
//! the evidence package — one zip with the consolidated file, every document in folders
//! `<no> <indicator name>/<level>/` ready to upload into the official application, and an
//! index sheet (xlsx) listing each one.
//!
//! Whether a document's bytes are at hand (received in a bundle and stored) is the
//! browser's knowledge, passed in as `has(source digest, sha256)`.

use super::{safe_segment, unique_name};
use crate::domain::catalogue::Framework;
use crate::domain::consolidation::{Merge, Workspace};
use crate::domain::exchange::{Document, Timestamp, UnitRef};
use crate::domain::spreadsheet::xlsx::{self, Cell, Sheet, Workbook};
use crate::domain::text::Lang;
use std::collections::BTreeSet;

/// The index sheet's name inside the package.
pub const INDEX_NAME: &str = "indeks-dokumen.xlsx";

/// One document listed in a unit's current file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub indicator: String,
    pub unit: UnitRef,
    /// Digest of the unit's file: the key its documents are stored under.
    pub source: String,
    pub received_at: Timestamp,
    /// The evidence entry the document belongs to.
    pub evidence_title: String,
    pub level: Option<u8>,
    pub document: Document,
}

/// Every document listed by the units' current files, in catalogue order of indicators,
/// then by unit label and file name.
pub fn received(ws: &Workspace) -> Vec<Received> {
    let Some(fw) = ws.framework() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ind in &fw.indicators {
        let mut rows = Vec::new();
        for s in &ws.submissions {
            // The unit's answer and its input as a supporting unit: both send documents.
            let answer = s.answers.get(&ind.id).map(|a| &a.evidence);
            let support = s.support.get(&ind.id).map(|x| &x.evidence);
            for ev in answer.into_iter().chain(support).flatten() {
                for doc in &ev.documents {
                    rows.push(Received {
                        indicator: ind.id.clone(),
                        unit: s.unit.clone(),
                        source: s.digest.clone(),
                        received_at: s.received_at.clone(),
                        evidence_title: ev.title.clone(),
                        level: ev.level,
                        document: doc.clone(),
                    });
                }
            }
        }
        crate::domain::sort::sort_by(&mut rows, |a, b| {
            (ws.unit_label(&a.unit.id), &a.document.name)
                .cmp(&(ws.unit_label(&b.unit.id), &b.document.name))
        });
        out.extend(rows);
    }
    out
}

/// An answered indicator without any document received for the level its value claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lacking {
    pub indicator: String,
    pub level: u8,
}

/// The answered indicators (level 1 and up) that have no document at hand attached to an
/// evidence entry of the level claimed (the whole part of the value: Pemdi 2.47 claims
/// level 2). An evidence entry without a level proves no particular level.
pub fn lacking(
    merge: &Merge,
    received: &[Received],
    has: impl Fn(&str, &str) -> bool,
) -> Vec<Lacking> {
    merge
        .items
        .iter()
        .filter_map(|item| {
            let level = item.value()?.floor_level();
            let covered = received.iter().any(|r| {
                r.indicator == item.indicator
                    && r.level == Some(level)
                    && has(&r.source, &r.document.sha256)
            });
            (level > 0 && !covered).then(|| Lacking {
                indicator: item.indicator.clone(),
                level,
            })
        })
        .collect()
}

/// "Tingkat 3" / "Level 3", or "Tanpa tingkat" for evidence that names none.
fn level_folder(level: Option<u8>, lang: Lang) -> String {
    match (level, lang) {
        (Some(l), Lang::Id) => format!("Tingkat {l}"),
        (Some(l), Lang::En) => format!("Level {l}"),
        (None, Lang::Id) => "Tanpa tingkat".into(),
        (None, Lang::En) => "No level".into(),
    }
}

/// One document's place in the evidence package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageEntry {
    /// `36 Layanan Kepegawaian/Tingkat 3/BKPSDM - perbup.pdf`
    pub path: String,
    pub source: String,
    pub sha256: String,
    pub size: u64,
}

/// Where each document at hand goes in the package (`<no> <indicator name>/<level>/
/// <unit> - <file>`), in `received` order; documents not at hand are left out. The same
/// file from the same unit for the same indicator and level is packed once.
pub fn layout(
    fw: &Framework,
    ws: &Workspace,
    received: &[Received],
    has: impl Fn(&str, &str) -> bool,
) -> Vec<(usize, PackageEntry)> {
    let mut taken = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, r) in received.iter().enumerate() {
        if !has(&r.source, &r.document.sha256) {
            continue;
        }
        let key = (&r.indicator, r.level, &r.unit.id, &r.document.sha256);
        if !seen.insert(key) {
            continue;
        }
        let name = fw
            .indicator(&r.indicator)
            .map_or(String::new(), |i| i.name.id.clone());
        let code = fw
            .indicator(&r.indicator)
            .map_or(r.indicator.as_str(), |i| i.display_code());
        let mut top: String = safe_segment(&format!("{code} {name}"))
            .chars()
            .take(80)
            .collect();
        top = top.trim_end().to_string();
        let folder = format!("{top}/{}", level_folder(r.level, Lang::Id));
        let file = safe_segment(&format!(
            "{} - {}",
            ws.unit_label(&r.unit.id),
            r.document.name
        ));
        out.push((
            i,
            PackageEntry {
                path: unique_name(&folder, &file, &mut taken),
                source: r.source.clone(),
                sha256: r.document.sha256.clone(),
                size: r.document.size,
            },
        ));
    }
    out
}

/// The index sheet: one row per packed document (indicator, level, unit, evidence, file
/// name, size, SHA-256, its place in the package, when it was received).
pub fn index_sheet(
    fw: &Framework,
    ws: &Workspace,
    received: &[Received],
    entries: &[(usize, PackageEntry)],
    created: &Timestamp,
) -> Vec<u8> {
    let mut sheet = Sheet::new("Dokumen");
    sheet.header(&[
        "No.",
        "Indikator",
        "Tingkat",
        "Unit",
        "Bukti dukung",
        "Nama berkas",
        "Ukuran (bita)",
        "SHA-256",
        "Lokasi di arsip",
        "Diterima",
    ]);
    for (i, entry) in entries {
        let r = &received[*i];
        let ind = fw.indicator(&r.indicator);
        sheet.row(vec![
            Cell::text(ind.map_or(r.indicator.as_str(), |i| i.display_code())),
            Cell::text(ind.map_or(String::new(), |i| i.name.id.clone())),
            match r.level {
                Some(l) => Cell::int(l as i64),
                None => Cell::empty(),
            },
            Cell::text(ws.unit_label(&r.unit.id)),
            Cell::text(r.evidence_title.clone()),
            Cell::text(r.document.name.clone()),
            Cell::int(r.document.size as i64),
            Cell::text(r.document.sha256.clone()),
            Cell::text(entry.path.clone()),
            Cell::text(r.received_at.as_str()),
        ]);
    }
    sheet.widths = vec![6, 40, 8, 16, 30, 30, 12, 66, 60, 22];
    sheet.freeze_rows = 1;
    xlsx::write(&Workbook {
        sheets: vec![sheet],
        title: format!("Indeks dokumen bukti dukung — {}", ws.name),
        created: created.to_string(),
    })
}
