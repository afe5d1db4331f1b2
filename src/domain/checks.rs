//! The checks an asesor would apply to a claimed level, run early so a unit can fix its
//! answer before the evaluation. They warn; they never block (the unit may know better,
//! and the asesor decides).
//!
//! The rules come from the framework's `rules` (docs/CATALOGUE.md): evidence from a given
//! level on, and a review document under two years old from level 4 (Pedoman MenPANRB
//! 3/2024: "masih berlaku, kurang dari 2 tahun"). Levels are cumulative, so a claimed level
//! whose lower levels have no tagged evidence is also flagged (the Pemdi portal rejects a
//! level while a lower one is not accepted).

use crate::domain::catalogue::{Framework, Indicator};
use crate::domain::checklist::{checklist, suggest, Suggestion};
use crate::domain::draft::DraftAnswer;
use crate::domain::engine::format_hundredths;
use crate::domain::exchange::Date;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;

/// What kind of weakness a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A level is claimed with no evidence at all.
    NoEvidence { level: u8 },
    /// The level needs a review document, and none younger than the limit is listed.
    NoRecentReview { level: u8, max_age_months: u32 },
    /// Some levels between the first evidenced one and the claim have no evidence tagged.
    LowerLevelsUnsupported { levels: Vec<u8> },
    /// The indicator assesses a named public service, and none is named.
    ServiceMissing,
    /// A value with no Fakta/Analisis.
    NoJustification,
    /// Fakta written, Analisis not: the facts do not yet say which criterion they meet.
    NoAnalisis,
    /// Analisis written, Fakta not: the reasoning names no document or system.
    NoFakta,
    /// Evidence items of `levels` are marked while level `blocked_by` is incomplete: the
    /// assessors reject them until it is accepted.
    ItemsAboveGap { levels: Vec<u8>, blocked_by: u8 },
    /// The value differs from what the marked items suggest (kept, never replaced).
    DiffersFromSuggestion {
        value: Value,
        suggestion: Suggestion,
    },
}

impl Finding {
    /// The message shown beside the answer.
    pub fn message(&self) -> Text {
        match self {
            Finding::NoEvidence { level } => Text::new(
                format!("Tingkat {level} diklaim tanpa bukti dukung. Asesor akan menolak klaim tanpa bukti."),
                format!("Level {level} is claimed without evidence. An asesor will reject a claim with no evidence."),
            ),
            Finding::NoRecentReview { level, max_age_months } => {
                let years = max_age_months / 12;
                Text::new(
                    format!(
                        "Tingkat {level} memerlukan dokumen reviu/evaluasi yang berumur kurang dari {years} tahun. \
                         Tambahkan bukti bertanda \"reviu\" beserta tanggalnya."
                    ),
                    format!(
                        "Level {level} needs a review/evaluation document less than {years} years old. \
                         Add evidence marked \"review\" with its date."
                    ),
                )
            }
            Finding::LowerLevelsUnsupported { levels } => {
                let list = levels.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                Text::new(
                    format!("Belum ada bukti yang ditandai untuk tingkat {list}. Tingkat bersifat kumulatif: kriteria tingkat di bawahnya juga harus terbukti."),
                    format!("No evidence is marked for level {list}. Levels are cumulative: the criteria of the levels below must be proven too."),
                )
            }
            Finding::ServiceMissing => Text::new(
                "Sebutkan nama layanan publik yang dinilai pada indikator ini.",
                "Name the public service assessed for this indicator.",
            ),
            Finding::NoJustification => Text::new(
                "Penjelasan (Fakta dan Analisis) masih kosong.",
                "The explanation (Facts and Analysis) is still empty.",
            ),
            Finding::NoAnalisis => Text::new(
                "Fakta sudah ditulis, Analisis belum: jelaskan kriteria tingkat mana yang dipenuhi fakta tersebut.",
                "Facts are written but the Analysis is not: explain which level criterion the facts meet.",
            ),
            Finding::NoFakta => Text::new(
                "Analisis sudah ditulis, Fakta belum: sebutkan dokumen atau sistem yang menjadi dasarnya.",
                "The Analysis is written but the Facts are not: name the documents or systems it rests on.",
            ),
            Finding::ItemsAboveGap { levels, blocked_by } => {
                let list = levels.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                Text::new(
                    format!("Butir tingkat {list} ditandai padahal tingkat {blocked_by} belum lengkap. Asesor menolak bukti tingkat yang lebih tinggi selama tingkat di bawahnya belum diterima."),
                    format!("Items of level {list} are marked while level {blocked_by} is incomplete. Assessors reject higher-level evidence until the level below is accepted."),
                )
            }
            Finding::DiffersFromSuggestion { value, suggestion } => {
                let v = |l| format_hundredths(value.hundredths() as i64, l);
                Text::new(
                    format!("Nilai {} berbeda dari saran butir: {}.", v(Lang::Id), suggestion.reason.id),
                    format!("The value {} differs from the items' suggestion: {}.", v(Lang::En), suggestion.reason.get(Lang::En)),
                )
            }
        }
    }
}

/// Whether `date` lies within `months` months before `today`.
pub fn within_months(date: Date, today: Date, months: u32) -> bool {
    let (then, now) = (date.days(), today.days());
    // A month is taken as 365.2425 / 12 days; the rule is "under two years".
    let limit = (months as f64 * 365.2425 / 12.0).floor() as i64;
    then <= now && now - then < limit
}

/// Every finding for one answer, `today` on the user's clock.
pub fn check_answer(
    fw: &Framework,
    indicator: &Indicator,
    answer: &DraftAnswer,
    today: Date,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if indicator.service && answer.service.trim().is_empty() && answer.value.is_some() {
        out.push(Finding::ServiceMissing);
    }
    // Pedoman MenPANRB 3/2024 Bab III asks for both parts: facts, then the analysis of them.
    match (
        answer.fakta.trim().is_empty(),
        answer.analisis.trim().is_empty(),
    ) {
        (false, true) => out.push(Finding::NoAnalisis),
        (true, false) => out.push(Finding::NoFakta),
        _ => {}
    }
    let list = checklist(fw, indicator, &answer.items);
    let rejected: Vec<u8> = list
        .levels
        .iter()
        .filter(|l| !l.rejected.is_empty())
        .map(|l| l.level)
        .collect();
    if let Some(blocked_by) = list.levels.iter().find_map(|l| l.blocked_by) {
        out.push(Finding::ItemsAboveGap {
            levels: rejected,
            blocked_by,
        });
    }
    let Some(value) = answer.value else {
        return out;
    };
    // Only once the unit uses the checklist: a value typed without marking any item is
    // the unit's own reading, not a departure from a suggestion it was shown.
    let marked = !answer.items.is_empty();
    if let Some(s) = suggest(fw, indicator, &answer.items).filter(|s| marked && s.value != value) {
        out.push(Finding::DiffersFromSuggestion {
            value,
            suggestion: s,
        });
    }
    if answer.fakta.trim().is_empty() && answer.analisis.trim().is_empty() {
        out.push(Finding::NoJustification);
    }
    // External indicators are fed by another agency's index, not by the unit's evidence.
    if indicator.is_external() {
        return out;
    }
    let level = value.floor_level();
    let rules = &fw.rules;
    if let Some(from) = rules.evidence_from_level {
        if level >= from && answer.evidence.is_empty() {
            out.push(Finding::NoEvidence { level });
            return out;
        }
    }
    if let (Some(from), Some(months)) = (rules.review_from_level, rules.review_max_age_months) {
        let recent = answer
            .evidence
            .iter()
            .any(|e| e.review && e.date.is_some_and(|d| within_months(d, today, months)));
        if level >= from && !recent {
            out.push(Finding::NoRecentReview {
                level,
                max_age_months: months,
            });
        }
    }
    // Cumulative levels: only judged when the unit tags its evidence with levels at all.
    let tagged: Vec<u8> = answer.evidence.iter().filter_map(|e| e.level).collect();
    if !tagged.is_empty() {
        let first = rules
            .evidence_from_level
            .unwrap_or(fw.values.min_level() + 1)
            .max(fw.values.min_level() + 1);
        let missing: Vec<u8> = (first..=level).filter(|l| !tagged.contains(l)).collect();
        if !missing.is_empty() {
            out.push(Finding::LowerLevelsUnsupported { levels: missing });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::framework;
    use crate::domain::exchange::Evidence;
    use crate::domain::value::Value;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn evidence(level: Option<u8>, date: Option<&str>, review: bool) -> Evidence {
        Evidence {
            title: "Dokumen".into(),
            reference: String::new(),
            link: String::new(),
            level,
            date: date.map(day),
            review,
            ..Default::default()
        }
    }

    fn answer(level: u8, evidence: Vec<Evidence>) -> DraftAnswer {
        DraftAnswer {
            value: Value::from_level(level),
            fakta: "Perbup 1/2025".into(),
            analisis: "Kebijakan ditetapkan dan berlaku.".into(),
            evidence,
            ..Default::default()
        }
    }

    #[test]
    fn two_years_means_strictly_under_two_years() {
        let today = day("2026-11-28");
        assert!(within_months(day("2025-01-10"), today, 24));
        assert!(within_months(day("2024-11-29"), today, 24));
        assert!(!within_months(day("2024-11-27"), today, 24));
        assert!(
            !within_months(day("2027-01-01"), today, 24),
            "a future date is not a valid review"
        );
    }

    /// A date cut inside a multi-byte character once panicked here (issue 9): every
    /// screen of the draft crashed on every reload. Dates are now read once, as bytes,
    /// into a [`Date`]; such a text is no date (the reader refuses it, see
    /// tests/exchange.rs, and a stored draft drops it, see `draft`).
    #[test]
    fn a_date_that_is_not_a_date_is_no_date_and_no_panic() {
        for odd in ["2024-01-€", "2024-€1-01", "€€€€-01-01", "2024-01-0€"] {
            assert_eq!(Date::parse(odd), None, "{odd}");
        }
    }

    #[test]
    fn claims_without_evidence_and_reviews_are_flagged() {
        let fw = framework("spbe-2020").unwrap();
        let ind = fw.indicator("1").unwrap();
        let today = day("2026-11-28");
        // Level 1 needs nothing.
        assert_eq!(check_answer(fw, ind, &answer(1, vec![]), today), vec![]);
        assert_eq!(
            check_answer(fw, ind, &answer(3, vec![]), today),
            vec![Finding::NoEvidence { level: 3 }]
        );
        assert_eq!(
            check_answer(
                fw,
                ind,
                &answer(3, vec![evidence(None, None, false)]),
                today
            ),
            vec![]
        );
        // Level 4: a review is required, and it must be recent.
        let old_review = evidence(None, Some("2023-05-01"), true);
        assert_eq!(
            check_answer(fw, ind, &answer(4, vec![old_review]), today),
            vec![Finding::NoRecentReview {
                level: 4,
                max_age_months: 24
            }]
        );
        let fresh_review = evidence(None, Some("2026-02-01"), true);
        assert_eq!(
            check_answer(fw, ind, &answer(4, vec![fresh_review]), today),
            vec![]
        );
    }

    #[test]
    fn cumulative_levels_need_tagged_evidence_below_the_claim() {
        let fw = framework("spbe-2020").unwrap();
        let ind = fw.indicator("12").unwrap();
        let ev = vec![
            evidence(Some(2), None, false),
            evidence(Some(3), None, false),
        ];
        assert_eq!(
            check_answer(fw, ind, &answer(3, ev.clone()), day("2026-11-28")),
            vec![]
        );
        let ev = vec![evidence(Some(3), None, false)];
        assert_eq!(
            check_answer(fw, ind, &answer(3, ev), day("2026-11-28")),
            vec![Finding::LowerLevelsUnsupported { levels: vec![2] }]
        );
    }

    #[test]
    fn services_must_be_named_and_external_indicators_need_no_evidence() {
        let fw = framework("spbe-2020").unwrap();
        let mut a = answer(1, vec![]);
        assert_eq!(
            check_answer(fw, fw.indicator("45").unwrap(), &a, day("2026-11-28")),
            vec![Finding::ServiceMissing]
        );
        a.service = "Perizinan berusaha".into();
        assert_eq!(
            check_answer(fw, fw.indicator("45").unwrap(), &a, day("2026-11-28")),
            vec![]
        );
        let pemdi = framework("pemdi-2026").unwrap();
        let sdi = DraftAnswer {
            value: Value::from_hundredths(375),
            fakta: "Indeks SDI 68,75".into(),
            analisis: "Dikonversi dari indeks SDI.".into(),
            ..Default::default()
        };
        assert_eq!(
            check_answer(
                pemdi,
                pemdi.indicator("5").unwrap(),
                &sdi,
                day("2026-11-28")
            ),
            vec![]
        );
    }

    #[test]
    fn facts_without_analysis_and_the_reverse_are_flagged_with_or_without_a_level() {
        let fw = framework("spbe-2020").unwrap();
        let ind = fw.indicator("1").unwrap();
        let today = day("2026-11-28");
        let only = |fakta: &str, analisis: &str, level: Option<u8>| DraftAnswer {
            value: level.and_then(Value::from_level),
            fakta: fakta.into(),
            analisis: analisis.into(),
            ..Default::default()
        };
        let cases = [
            (
                only("Perbup 1/2025", "", Some(1)),
                vec![Finding::NoAnalisis],
            ),
            (
                only("", "Memenuhi tingkat 1", Some(1)),
                vec![Finding::NoFakta],
            ),
            (only("Perbup 1/2025", " ", None), vec![Finding::NoAnalisis]),
            (only(" ", "", Some(1)), vec![Finding::NoJustification]),
            (only("Perbup 1/2025", "Memenuhi tingkat 1", Some(1)), vec![]),
        ];
        for (a, want) in cases {
            assert_eq!(check_answer(fw, ind, &a, today), want, "{a:?}");
        }
    }

    #[test]
    fn every_message_is_bilingual() {
        let all = [
            Finding::NoEvidence { level: 2 },
            Finding::NoRecentReview {
                level: 4,
                max_age_months: 24,
            },
            Finding::LowerLevelsUnsupported { levels: vec![2, 3] },
            Finding::ServiceMissing,
            Finding::NoJustification,
            Finding::NoAnalisis,
            Finding::NoFakta,
        ];
        for f in all {
            let m = f.message();
            assert!(!m.id.is_empty() && !m.en.is_empty() && m.id != m.en);
        }
    }
}
