//! The assessment workbook: Ringkasan (summary), Indikator (every indicator) and Rencana Aksi
//! (the action plan of the target planner).

use super::xlsx::{self, Cell, Sheet, Style, Workbook};
use super::{csv::headers, indicator_rows, IndicatorRow};
use crate::domain::assessor::{compare_file, stages_with_values, Gap};
use crate::domain::catalogue::Framework;
use crate::domain::engine::{evaluate, format_hundredths, Score};
use crate::domain::exchange::{ExchangeFile, Kind, Timestamp};
use crate::domain::local_time::LocalTime;
use crate::domain::planning::{PlanOutcome, Target};
use crate::domain::rational::Rational;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use std::collections::BTreeSet;

/// What the Rencana Aksi sheet shows: the planner's answer for the target chosen on screen.
pub struct PlanSheet<'a> {
    pub target: Target,
    pub outcome: &'a PlanOutcome,
    pub locked: &'a BTreeSet<String>,
}

fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Id {
        id
    } else {
        en
    }
}

/// "Predikat Baik (≥ 2,60)" or "Indeks 3,00": the target in words.
pub fn target_label(fw: &Framework, target: Target, lang: Lang) -> String {
    match target {
        Target::Index(h) => format!(
            "{} {}",
            pick(lang, "Indeks", "Index"),
            format_hundredths(h, lang)
        ),
        Target::Predicate(i) => match fw.predicates.get(i) {
            Some(p) => format!(
                "{} {} (≥ {})",
                pick(lang, "Predikat", "Predicate"),
                p.name.get(lang),
                format_hundredths(p.from.round_hundredths_half_up(), lang)
            ),
            None => String::new(),
        },
    }
}

/// The index gain of raising an indicator of `weight` from `from` to `to`: weight × raise / 100.
pub fn raise_gain(weight: Rational, from: Value, to: Value) -> Rational {
    weight * (to.to_rational() - from.to_rational()) / Rational::from_int(100)
}

fn status(score: &Score, lang: Lang) -> &'static str {
    if score.is_complete() {
        pick(lang, "Lengkap", "Complete")
    } else if score.exact.is_some() {
        pick(lang, "Sementara", "Provisional")
    } else {
        pick(lang, "Belum ada nilai", "No value yet")
    }
}

fn figure(score: &Score) -> Cell {
    score.displayed().map_or_else(Cell::empty, Cell::hundredths)
}

/// A time on the user's clock in words ("30 November 2026, 07.54 WIB").
fn local(time: &Timestamp, offset_minutes: i32, lang: Lang) -> String {
    LocalTime::of(time, offset_minutes).long(lang)
}

fn summary_sheet(
    fw: &Framework,
    file: &ExchangeFile,
    lang: Lang,
    created: &Timestamp,
    offset_minutes: i32,
) -> Sheet {
    let t = |id, en| pick(lang, id, en);
    let eval = evaluate(fw, |id| file.answers.get(id).map(|a| a.value));
    let mut s = Sheet::new(t("Ringkasan", "Summary"));
    s.widths = vec![28, 14, 60, 12, 12, 12, 14, 16];
    s.row(vec![Cell::text(format!(
        "{} — {}",
        t("Laporan Penilaian Mandiri", "Self-Assessment Report"),
        fw.short_name
    ))
    .style(Style::Title)]);
    s.row(vec![]);
    let kv = |s: &mut Sheet, k: &str, v: Cell| s.row(vec![Cell::text(k).style(Style::Label), v]);
    kv(
        &mut s,
        t("Instansi", "Institution"),
        Cell::text(&file.institution),
    );
    kv(&mut s, t("Periode", "Period"), Cell::text(&file.period));
    kv(
        &mut s,
        t("Kerangka penilaian", "Framework"),
        Cell::text(fw.name.get(lang)),
    );
    kv(
        &mut s,
        t("Dasar hukum", "Legal basis"),
        Cell::text(fw.legal_basis.get(lang)),
    );
    let kind = match (file.kind, &file.unit) {
        (Kind::Consolidated, _) => t(
            "Hasil konsolidasi koordinator",
            "Coordinator's consolidated result",
        )
        .to_string(),
        (_, Some(u)) => format!("{}: {}", t("Jawaban unit", "Unit submission"), u.name),
        _ => t("Jawaban unit", "Unit submission").to_string(),
    };
    kv(&mut s, t("Jenis berkas", "File kind"), Cell::text(kind));
    kv(
        &mut s,
        t("Waktu ekspor berkas", "File exported at"),
        Cell::text(local(&file.exported_at, offset_minutes, lang)),
    );
    kv(
        &mut s,
        t("Diunduh", "Downloaded"),
        Cell::text(local(created, offset_minutes, lang)),
    );
    s.row(vec![]);
    // While indicators are missing the index is labelled provisional, with its
    // completeness, on every line that shows it.
    let provisional = eval.index.is_provisional();
    kv(
        &mut s,
        &eval.index.label(t("Indeks", "Index"), lang),
        figure(&eval.index),
    );
    if let Some(p) = eval.index.predicate(fw) {
        let mut name = p.name.get(lang).to_string();
        if let Some(alias) = &p.alias {
            name.push_str(&format!(" / {}", alias.get(lang)));
        }
        if provisional {
            name.push_str(t(" (sementara)", " (provisional)"));
        }
        kv(&mut s, t("Predikat", "Predicate"), Cell::text(name));
    }
    if let Some(r) = eval.index.reading(fw) {
        kv(
            &mut s,
            t(
                "Pembacaan tingkat (informal, bukan predikat resmi)",
                "Level reading (informal, not the official predicate)",
            ),
            Cell::text(r.name.get(lang)),
        );
    }
    kv(
        &mut s,
        t("Status", "Status"),
        Cell::text(status(&eval.index, lang)),
    );
    kv(
        &mut s,
        t("Indikator bernilai", "Indicators with a value"),
        Cell::int(eval.index.answered as i64),
    );
    kv(
        &mut s,
        t("Jumlah indikator", "Number of indicators"),
        Cell::int(eval.index.total as i64),
    );
    if !eval.assumed.is_empty() {
        let codes: Vec<&str> = eval
            .assumed
            .iter()
            .filter_map(|id| fw.indicator(id))
            .map(|i| i.display_code())
            .collect();
        kv(
            &mut s,
            t(
                "Nilai asumsi (indeks instansi lain belum ada)",
                "Assumed values (other agency's index missing)",
            ),
            Cell::text(codes.join(", ")),
        );
    }
    s.row(vec![]);
    s.header(&[
        t("Tingkatan", "Level"),
        t("Kode", "Code"),
        t("Nama", "Name"),
        t("Bobot (%)", "Weight (%)"),
        t("Indeks", "Index"),
        t("Terjawab", "Answered"),
        t("Jumlah indikator", "Indicators"),
        t("Status", "Status"),
    ]);
    let group_row =
        |s: &mut Sheet, level: &str, id: &str, name: &Text, weight: Rational, score: &Score| {
            s.row(vec![
                Cell::text(level),
                Cell::text(id),
                Cell::text(name.get(lang)),
                Cell::rational(weight),
                figure(score),
                Cell::int(score.answered as i64),
                Cell::int(score.total as i64),
                Cell::text(status(score, lang)),
            ])
        };
    for (d, g) in fw.domains.iter().zip(&eval.domains) {
        group_row(&mut s, "Domain", &d.id, &d.name, d.weight, &g.score);
    }
    for (a, g) in fw.aspects.iter().zip(&eval.aspects) {
        group_row(
            &mut s,
            t("Aspek", "Aspect"),
            &a.id,
            &a.name,
            a.weight,
            &g.score,
        );
    }
    s
}

fn indicator_sheet(fw: &Framework, rows: &[IndicatorRow], lang: Lang) -> Sheet {
    let mut s = Sheet::new(pick(lang, "Indikator", "Indicators"));
    let h = headers(fw, lang);
    s.header(&h);
    s.freeze_rows = 1;
    s.widths = if fw.has_domains() {
        vec![7, 48, 30, 22, 10, 8, 18, 30, 10, 20, 70, 30]
    } else {
        vec![7, 48, 30, 10, 8, 18, 30, 10, 20, 70, 30]
    };
    let decimal = fw.values.is_decimal();
    for r in rows {
        let mut cells = vec![
            Cell::text(r.indicator.display_code()),
            Cell::text(r.indicator.name.get(lang)),
            Cell::text(r.aspect.name.get(lang)),
        ];
        if fw.has_domains() {
            cells.push(
                r.domain
                    .map_or_else(Cell::empty, |d| Cell::text(d.name.get(lang))),
            );
        }
        cells.push(Cell::rational(r.indicator.weight));
        cells.push(match r.value {
            Some(v) if decimal => Cell::hundredths(v.hundredths() as i64),
            Some(v) => Cell::int(v.floor_level() as i64),
            None => Cell::empty(),
        });
        cells.push(
            r.reading
                .as_ref()
                .map_or_else(Cell::empty, |t| Cell::text(t.get(lang))),
        );
        cells.push(
            r.owner
                .as_ref()
                .map_or_else(Cell::empty, |o| Cell::text(o.label(lang))),
        );
        cells.push(Cell::int(r.evidence as i64));
        cells.push(Cell::text(r.service.clone().unwrap_or_default()));
        cells.push(Cell::text(&r.justification).style(Style::Wrap));
        cells.push(
            r.remark()
                .map_or_else(Cell::empty, |t| Cell::text(t.get(lang)).style(Style::Wrap)),
        );
        s.row(cells);
    }
    s
}

fn plan_sheet(
    fw: &Framework,
    rows: &[IndicatorRow],
    plan: Option<&PlanSheet>,
    lang: Lang,
) -> Sheet {
    let t = |id, en| pick(lang, id, en);
    let mut s = Sheet::new(t("Rencana Aksi", "Action Plan"));
    s.widths = vec![28, 8, 48, 30, 10, 8, 8, 9, 18, 18, 14, 30];
    s.row(vec![Cell::text(t(
        "Rencana aksi peningkatan indeks",
        "Action plan to raise the index",
    ))
    .style(Style::Title)]);
    let kv = |s: &mut Sheet, k: &str, v: Cell| s.row(vec![Cell::text(k).style(Style::Label), v]);
    let Some(plan) = plan else {
        kv(
            &mut s,
            t("Target", "Target"),
            Cell::text(t("Belum dipilih", "Not chosen")),
        );
        return s;
    };
    kv(
        &mut s,
        t("Target", "Target"),
        Cell::text(target_label(fw, plan.target, lang)),
    );
    if !plan.locked.is_empty() {
        let codes: Vec<&str> = fw
            .indicators
            .iter()
            .filter(|i| plan.locked.contains(&i.id))
            .map(|i| i.display_code())
            .collect();
        kv(
            &mut s,
            t(
                "Indikator dikunci (tidak dinaikkan)",
                "Locked indicators (not raised)",
            ),
            Cell::text(codes.join(", ")),
        );
    }
    let index_cell = |r: Rational| Cell::hundredths(r.round_hundredths_half_up());
    match plan.outcome {
        PlanOutcome::AlreadyMet { index } => {
            kv(
                &mut s,
                t("Indeks saat ini", "Current index"),
                index_cell(*index),
            );
            kv(
                &mut s,
                t("Hasil", "Outcome"),
                Cell::text(t(
                    "Target sudah tercapai; tidak ada kenaikan yang diperlukan.",
                    "The target is already met; no raise is needed.",
                )),
            );
        }
        PlanOutcome::Unreachable { best } => {
            kv(
                &mut s,
                t("Hasil", "Outcome"),
                Cell::text(t(
                    "Target tidak tercapai walaupun semua indikator yang tidak dikunci dinaikkan ke nilai tertinggi.",
                    "The target cannot be reached even with every unlocked indicator at the maximum.",
                )),
            );
            kv(
                &mut s,
                t("Indeks tertinggi yang mungkin", "Highest possible index"),
                index_cell(*best),
            );
        }
        PlanOutcome::Incomplete { missing } => {
            let codes: Vec<&str> = missing
                .iter()
                .filter_map(|id| fw.indicator(id))
                .map(|i| i.display_code())
                .collect();
            kv(
                &mut s,
                t("Hasil", "Outcome"),
                Cell::text(t(
                    "Rencana memerlukan penilaian yang lengkap.",
                    "Planning needs a complete assessment.",
                )),
            );
            kv(
                &mut s,
                t("Belum dijawab", "Not answered"),
                Cell::text(codes.join(", ")),
            );
        }
        PlanOutcome::Plan {
            raises,
            steps,
            index,
        } => {
            let start = *index
                - raises
                    .iter()
                    .filter_map(|r| {
                        Some(raise_gain(fw.indicator(&r.indicator)?.weight, r.from, r.to))
                    })
                    .sum::<Rational>();
            kv(
                &mut s,
                t("Indeks saat ini", "Current index"),
                index_cell(start),
            );
            kv(
                &mut s,
                t("Indeks setelah rencana", "Index after the plan"),
                index_cell(*index),
            );
            let after = fw.predicate_for(index.round_hundredths_half_up());
            kv(
                &mut s,
                t("Predikat setelah rencana", "Predicate after the plan"),
                Cell::text(after.name.get(lang)),
            );
            // Counts the table below agrees with: one row per indicator raised, each
            // possibly by several level steps.
            kv(
                &mut s,
                t("Indikator dinaikkan", "Indicators raised"),
                Cell::int(raises.len() as i64),
            );
            kv(
                &mut s,
                t("Langkah tingkat seluruhnya", "Level steps in all"),
                Cell::int(*steps as i64),
            );
            s.row(vec![]);
            s.header(&[
                t("No", "No"),
                t("Kode", "Code"),
                t("Indikator", "Indicator"),
                t("Aspek", "Aspect"),
                t("Bobot (%)", "Weight (%)"),
                t("Dari", "From"),
                t("Ke", "To"),
                t("Langkah", "Steps"),
                t("Tingkat saat ini", "Current level"),
                t("Tingkat tujuan", "Target level"),
                t("Kenaikan indeks", "Index gain"),
                t("Unit pemilik", "Owner unit"),
            ]);
            s.freeze_rows = s.rows.len() as u32;
            let decimal = fw.values.is_decimal();
            let value_cell = |v: Value| {
                if decimal {
                    Cell::hundredths(v.hundredths() as i64)
                } else {
                    Cell::int(v.floor_level() as i64)
                }
            };
            for (n, r) in raises.iter().enumerate() {
                let Some(row) = rows.iter().find(|x| x.indicator.id == r.indicator) else {
                    continue;
                };
                let name = |v: Value| {
                    fw.value_reading(row.indicator, v)
                        .map_or_else(Cell::empty, |t| Cell::text(t.get(lang)))
                };
                s.row(vec![
                    Cell::int(n as i64 + 1),
                    Cell::text(row.indicator.display_code()),
                    Cell::text(row.indicator.name.get(lang)),
                    Cell::text(row.aspect.name.get(lang)),
                    Cell::rational(row.indicator.weight),
                    value_cell(r.from),
                    value_cell(r.to),
                    Cell::int(r.steps as i64),
                    name(r.from),
                    name(r.to),
                    Cell::rational(raise_gain(row.indicator.weight, r.from, r.to))
                        .style(Style::Gain),
                    row.owner
                        .as_ref()
                        .map_or_else(Cell::empty, |o| Cell::text(o.label(lang))),
                ]);
            }
        }
    }
    s
}

/// The .xlsx workbook of `file`. `created` is the export time (RFC 3339) for the document
/// properties; `offset_minutes` the user's UTC offset (420 in WIB), so the times the sheets
/// show read on the user's clock.
pub fn workbook(
    fw: &'static Framework,
    file: &ExchangeFile,
    plan: Option<PlanSheet>,
    lang: Lang,
    created: &Timestamp,
    offset_minutes: i32,
) -> Vec<u8> {
    let rows = indicator_rows(fw, file);
    let mut book = Workbook {
        title: format!(
            "{} — {} {} {}",
            pick(lang, "Laporan Penilaian Mandiri", "Self-Assessment Report"),
            file.institution,
            fw.short_name,
            file.period
        ),
        created: created.to_string(),
        sheets: vec![
            summary_sheet(fw, file, lang, created, offset_minutes),
            indicator_sheet(fw, &rows, lang),
            plan_sheet(fw, &rows, plan.as_ref(), lang),
        ],
    };
    book.sheets.extend(assessor_sheet(fw, file, lang));
    xlsx::write(&book)
}

/// "Asesor": for every stage with assessor values, the index, aspects, domains and
/// indicators beside the self-assessment, largest gaps first, with the notes. Only when
/// the file carries assessor values.
fn assessor_sheet(fw: &Framework, file: &ExchangeFile, lang: Lang) -> Option<Sheet> {
    let t = |id, en| pick(lang, id, en);
    let stages = stages_with_values(fw, file);
    if stages.is_empty() {
        return None;
    }
    let mut s = Sheet::new(t("Asesor", "Assessors"));
    s.widths = vec![12, 60, 12, 12, 12, 60];
    s.row(vec![Cell::text(t(
        "Penilaian mandiri dibanding asesor (selisih = mandiri − asesor)",
        "Self-assessment against the assessors (gap = self − assessors)",
    ))
    .style(Style::Title)]);
    let cell = |h: Option<i64>| h.map_or_else(Cell::empty, Cell::hundredths);
    let gap = |g: &Gap| g.gap().map_or_else(Cell::empty, Cell::hundredths);
    for stage in stages {
        let Some(c) = compare_file(fw, file, &stage.id) else {
            continue;
        };
        s.row(vec![]);
        s.row(vec![Cell::text(stage.name.get(lang)).style(Style::Label)]);
        s.header(&[
            t("Bagian", "Part"),
            t("Nama", "Name"),
            t("Mandiri", "Self"),
            t("Asesor", "Assessors"),
            t("Selisih", "Gap"),
            t("Catatan asesor", "Assessors' note"),
        ]);
        s.row(vec![
            Cell::text(t("Indeks", "Index")),
            Cell::text(fw.index_name.as_ref().map_or("", |n| n.get(lang))),
            cell(c.index.own),
            cell(c.index.assessor),
            gap(&c.index),
        ]);
        for g in c.domains.iter().chain(&c.aspects) {
            let name = fw
                .aspect(&g.id)
                .map(|a| a.name.get(lang))
                .or_else(|| fw.domain(&g.id).map(|d| d.name.get(lang)))
                .unwrap_or_default();
            s.row(vec![
                Cell::text(&g.id),
                Cell::text(name),
                cell(g.own),
                cell(g.assessor),
                gap(g),
            ]);
        }
        for g in &c.indicators {
            let ind = fw.indicator(&g.id);
            s.row(vec![
                Cell::text(ind.map_or(g.id.as_str(), |i| i.display_code())),
                Cell::text(ind.map_or("", |i| i.name.get(lang))),
                cell(g.own),
                cell(g.assessor),
                gap(g),
                Cell::text(&g.note),
            ]);
        }
    }
    Some(s)
}
