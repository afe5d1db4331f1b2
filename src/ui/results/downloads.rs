//! The .xlsx workbook (summary, every indicator, the action plan for the chosen target) and
//! the CSV of the indicator table.

use super::Results;
use crate::adapters::{clock, files};
use crate::domain::draft::slug;
use crate::domain::exchange::Timestamp;
use crate::domain::planning::plan;
use crate::domain::spreadsheet::{indicator_csv, workbook, Dialect, PlanSheet};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr};
use crate::ui::state::{notify, NoticeKind};
use leptos::prelude::*;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// `swanilai-hasil-pemerintah-kabupaten-sukamaju-spbe-2020-2026-20261203-0800.xlsx`; `tag`
/// is added before the extension (the CSV's convention, `…-titik-koma.csv`).
fn file_name(r: &Results, tag: &str, ext: &str, now: &Timestamp) -> String {
    let stamp = crate::domain::draft::file_stamp(&clock::local(now));
    let tag = if tag.is_empty() {
        String::new()
    } else {
        format!("-{tag}")
    };
    r.file.with_untracked(|f| {
        format!(
            "swanilai-hasil-{}-{}-{}-{stamp}{tag}.{ext}",
            slug(&f.institution),
            slug(&f.framework),
            slug(&f.period)
        )
    })
}

fn report_failure(e: String) {
    notify(
        NoticeKind::Error,
        Text::new(
            format!("Gagal mengunduh: {e}"),
            format!("Download failed: {e}"),
        ),
    );
}

#[component]
pub fn Downloads() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let xlsx = move |_| {
        let now = clock::now();
        let target = r.target.get_untracked();
        let locked = r.locked.get_untracked();
        let outcome = r.values.with_untracked(|v| plan(fw, v, target, &locked));
        let bytes = r.file.with_untracked(|f| {
            workbook(
                fw,
                f,
                Some(PlanSheet {
                    target,
                    outcome: &outcome,
                    locked: &locked,
                }),
                lang.get_untracked(),
                &now,
                clock::offset_minutes_at(now.instant()),
            )
        });
        if let Err(e) = files::download(&file_name(&r, "", "xlsx", &now), XLSX_MIME, &bytes) {
            report_failure(e);
        }
    };
    // The CSV follows the language's convention (Indonesian: `;` and a decimal comma), and
    // says so on the button and in the file name.
    let csv = move |_| {
        let now = clock::now();
        let l = lang.get_untracked();
        let text = r.rows.with_untracked(|rows| indicator_csv(fw, rows, l));
        let name = file_name(&r, Dialect::of(l).file_tag(), "csv", &now);
        if let Err(e) = files::download(&name, CSV_MIME, text.as_bytes()) {
            report_failure(e);
        }
    };
    let csv_label = move || {
        let l = lang.get();
        let words = Dialect::of(l).words();
        match l {
            Lang::Id => format!("Unduh tabel indikator (.csv; {})", words.get(l)),
            Lang::En => format!("Download indicator table (.csv; {})", words.get(l)),
        }
    };
    view! {
        <button type="button" class="btn btn-primary" on:click=xlsx>{tr("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")}</button>
        <button type="button" class="btn" on:click=csv>{csv_label}</button>
    }
}
