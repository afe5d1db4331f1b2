//! Receiving a unit's file: idempotent, ordered by `exported_at`, never silent.

use super::{HistoryEntry, HistoryReason, Submission, Workspace};
use crate::domain::exchange::{self, ExchangeFile, Kind, Problem, Severity, Timestamp, UnitRef};
use crate::domain::text::Text;
use std::cmp::Ordering;
use std::sync::Arc;

/// FNV-1a 64-bit.
struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The content digest of a file: FNV-1a 64 (hex) of its canonical serialisation (fields
/// in a fixed order, answers sorted, no whitespace). The same file re-saved by a text
/// editor with other spacing or key order has the same digest. Not a security measure:
/// it recognises a file already received.
pub fn digest(file: &ExchangeFile) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    // Every field of the types serialises.
    let _ = crate::domain::json::to_pieces(file, &mut |piece| h.write(piece));
    format!("{:016x}", h.0)
}

/// A parsed file with its [`digest`], taken once. The coordinator's import loop takes it
/// right after each file is read, between its pauses, so that the one update of the
/// workspace for a whole batch does not also digest every file (100 unit files are 11 MB
/// of canonical JSON: tens of milliseconds in one task).
pub struct Digested {
    file: ExchangeFile,
    digest: String,
}

impl Digested {
    pub fn new(file: ExchangeFile) -> Self {
        let digest = digest(&file);
        Self { file, digest }
    }

    pub fn digest(&self) -> &str {
        &self.digest
    }
}

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// The unit's first file (`new_unit`: the unit was not in the list and was added).
    Added {
        unit: UnitRef,
        answers: usize,
        new_unit: bool,
    },
    /// A newer file of the unit: it now counts, the earlier one is in the history.
    Replaced {
        unit: UnitRef,
        answers: usize,
        previous: Timestamp,
    },
    /// An older file than the unit's current one: recorded in the history, not counted.
    Older { unit: UnitRef, current: Timestamp },
    /// The same file was already received: nothing changed.
    Duplicate {
        unit: UnitRef,
        received_at: Timestamp,
    },
    /// The unit's original file, completing answers rebuilt from a consolidated file.
    Completed { unit: UnitRef, answers: usize },
}

/// The outcome and what is worth telling the coordinator about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub outcome: Imported,
    pub warnings: Vec<Problem>,
}

impl ImportReport {
    /// Whether the workspace changed.
    pub fn changed(&self) -> bool {
        !matches!(self.outcome, Imported::Duplicate { .. })
    }
}

fn problem(path: &str, severity: Severity, id: String, en: String) -> Problem {
    Problem {
        path: path.to_string(),
        severity,
        message: Text::new(id, en),
    }
}

impl Workspace {
    /// Reads a file's bytes with the exchange validator and imports it. `Err` holds every
    /// problem and means nothing changed.
    pub fn import_bytes(
        &mut self,
        bytes: &[u8],
        file_name: &str,
        now: &Timestamp,
    ) -> Result<ImportReport, Vec<Problem>> {
        let parsed = exchange::parse(bytes)?;
        let mut report = self.import(Digested::new(parsed.file), file_name, now)?;
        let mut warnings = parsed.warnings;
        warnings.append(&mut report.warnings);
        report.warnings = warnings;
        Ok(report)
    }

    /// Imports a parsed unit file. Refused (nothing changes) when it is not a submission
    /// of this workspace's framework.
    pub fn import(
        &mut self,
        file: Digested,
        file_name: &str,
        now: &Timestamp,
    ) -> Result<ImportReport, Vec<Problem>> {
        let Digested { file, digest } = file;
        let fw = self.framework();
        let mut errors = Vec::new();
        match file.kind {
            Kind::Submission => {}
            Kind::Assignment => errors.push(problem(
                "$.kind",
                Severity::Error,
                "Ini berkas penugasan (\"assignment\") dari koordinator, bukan berkas jawaban unit. Yang diimpor di sini adalah berkas jawaban (\"submission\") yang dikirim unit.".into(),
                "This is an assignment file from the coordinator, not a unit's answers. Import the submission files the units send back.".into(),
            )),
            Kind::Consolidated => errors.push(problem(
                "$.kind",
                Severity::Error,
                "Ini berkas hasil konsolidasi, bukan berkas jawaban unit. Untuk membukanya, pakai \"Buka berkas konsolidasi\" di halaman Koordinator.".into(),
                "This is a consolidated file, not a unit's answers. To open it, use \"Open a consolidated file\" on the Coordinator page.".into(),
            )),
        }
        if file.framework != self.framework {
            let ours = fw.map_or(self.framework.as_str(), |f| f.short_name.as_str());
            let theirs = crate::domain::catalogue::framework(&file.framework)
                .map_or(file.framework.as_str(), |f| f.short_name.as_str());
            errors.push(problem(
                "$.framework",
                Severity::Error,
                format!("Berkas ini memakai kerangka {theirs}, sedangkan ruang kerja ini {ours}. Minta unit mengisi dengan kerangka {ours}."),
                format!("This file uses the {theirs} framework, but this workspace uses {ours}. Ask the unit to answer with {ours}."),
            ));
        }
        let Some(unit) = file.unit.clone().filter(|_| errors.is_empty()) else {
            if errors.is_empty() {
                errors.push(problem(
                    "$.unit",
                    Severity::Error,
                    "Berkas jawaban tidak menyebut unit pengirimnya (\"unit\").".into(),
                    "The submission does not name the unit that sent it (\"unit\").".into(),
                ));
            }
            return Err(errors);
        };

        let mut warnings = Vec::new();
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        if !same(&file.period, &self.period) {
            warnings.push(problem(
                "$.period",
                Severity::Warning,
                format!("Periode berkas \"{}\" berbeda dari periode ruang kerja \"{}\". Pastikan ini bukan berkas tahun lain.", file.period, self.period),
                format!("The file's period \"{}\" differs from the workspace's \"{}\". Make sure it is not another year's file.", file.period, self.period),
            ));
        }
        if !same(&file.institution, &self.institution) {
            warnings.push(problem(
                "$.institution",
                Severity::Warning,
                format!(
                    "Nama instansi di berkas \"{}\" berbeda dari \"{}\".",
                    file.institution, self.institution
                ),
                format!(
                    "The file's institution \"{}\" differs from \"{}\".",
                    file.institution, self.institution
                ),
            ));
        }

        if let Some(w) = self.outside_assignment(&unit, &file) {
            warnings.push(w);
        }
        let incoming = Submission {
            unit: unit.clone(),
            exported_at: file.exported_at,
            digest,
            file_name: file_name.to_string(),
            received_at: now.clone(),
            institution: file.institution,
            period: file.period,
            answers: Arc::new(file.answers),
            support: Arc::new(file.support),
            restored: false,
        };

        // The same file again: nothing changes (unless it completes a rebuilt file).
        if let Some(pos) = self
            .submissions
            .iter()
            .position(|s| s.digest == incoming.digest)
        {
            if self.submissions[pos].restored {
                let answers = incoming.answers.len();
                self.submissions[pos] = Submission {
                    received_at: now.clone(),
                    ..incoming
                };
                self.touch(now);
                return Ok(ImportReport {
                    outcome: Imported::Completed { unit, answers },
                    warnings,
                });
            }
            let received_at = self.submissions[pos].received_at.clone();
            return Ok(ImportReport {
                outcome: Imported::Duplicate { unit, received_at },
                warnings: Vec::new(),
            });
        }
        if let Some(h) = self.history.iter().find(|h| {
            h.digest == incoming.digest && !matches!(h.reason, HistoryReason::Withdrawn { .. })
        }) {
            let received_at = h.received_at.clone();
            return Ok(ImportReport {
                outcome: Imported::Duplicate { unit, received_at },
                warnings: Vec::new(),
            });
        }
        // A withdrawn file brought back is no longer withdrawn.
        self.history.retain(|h| h.digest != incoming.digest);

        let new_unit = self.unit(&unit.id).is_none();
        if new_unit {
            self.insert_unit(unit.clone());
        }
        let answers = incoming.answers.len();
        let outcome = match self.submissions.iter().position(|s| s.unit.id == unit.id) {
            None => {
                let pos = self.submissions.partition_point(|s| s.unit.id < unit.id);
                self.submissions.insert(pos, incoming);
                Imported::Added {
                    unit,
                    answers,
                    new_unit,
                }
            }
            Some(pos) => {
                let current = &self.submissions[pos];
                match newer(&incoming, current) {
                    Ordering::Greater => {
                        if same_instant(&incoming, current) {
                            warnings.push(same_time_warning(&incoming.exported_at));
                        }
                        let previous = current.exported_at.clone();
                        let old = std::mem::replace(&mut self.submissions[pos], incoming);
                        let by = self.submissions[pos].exported_at.clone();
                        self.push_history(HistoryEntry::of(&old, HistoryReason::Replaced { by }));
                        Imported::Replaced {
                            unit,
                            answers,
                            previous,
                        }
                    }
                    _ => {
                        if same_instant(&incoming, current) {
                            warnings.push(same_time_warning(&incoming.exported_at));
                        }
                        let current = current.exported_at.clone();
                        self.push_history(HistoryEntry::of(
                            &incoming,
                            HistoryReason::ArrivedOlder {
                                current: current.clone(),
                            },
                        ));
                        Imported::Older { unit, current }
                    }
                }
            }
        };
        self.touch(now);
        Ok(ImportReport { outcome, warnings })
    }
}

impl Workspace {
    /// A warning listing what the file answers (or gives input on) that the unit was not
    /// assigned: it still counts, and the coordinator should know it came unasked.
    fn outside_assignment(&self, unit: &UnitRef, file: &ExchangeFile) -> Option<Problem> {
        let fw = self.framework()?;
        let asked = |id: &str| {
            self.assignments.get(id).is_some_and(|a| {
                a.lead.as_deref() == Some(unit.id.as_str()) || a.support.contains(&unit.id)
            })
        };
        let outside: Vec<&str> = fw
            .indicators
            .iter()
            .filter(|i| {
                (file.answers.contains_key(&i.id) || file.support.contains_key(&i.id))
                    && !asked(&i.id)
            })
            .map(|i| i.display_code())
            .collect();
        if outside.is_empty() {
            return None;
        }
        let (list, n) = (outside.join(", "), outside.len());
        let name = super::label(unit);
        Some(problem(
            "$.answers",
            Severity::Warning,
            format!("{name} menjawab {n} indikator yang tidak ditugaskan kepadanya: {list}. Jawaban itu tetap dihitung; periksa di tab Cakupan, atau ubah penugasannya."),
            format!("{name} answered {n} indicators it was not assigned: {list}. Those answers still count; check them on the Coverage tab, or change the assignment."),
        ))
    }
}

/// Orders two files of one unit: by `exported_at` as an instant; two different files
/// stamped with the same instant are ordered by digest, so the result never depends on
/// which arrived first.
fn newer(a: &Submission, b: &Submission) -> Ordering {
    (a.exported_at.instant())
        .cmp(&b.exported_at.instant())
        .then_with(|| a.digest.cmp(&b.digest))
}

fn same_instant(a: &Submission, b: &Submission) -> bool {
    a.exported_at.instant() == b.exported_at.instant()
}

fn same_time_warning(at: &Timestamp) -> Problem {
    problem(
        "$.exported_at",
        Severity::Warning,
        format!("Unit ini mengirim dua berkas berbeda dengan waktu ekspor yang sama ({at}). Satu dipakai, yang lain disimpan di riwayat; periksa mana yang benar."),
        format!("This unit sent two different files with the same export time ({at}). One counts, the other is kept in the history; check which is right."),
    )
}
