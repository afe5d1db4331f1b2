//! The .xlsx workbook (summary, every indicator, the action plan for the chosen target) and
//! the CSV of the indicator table.

use super::Results;
use crate::adapters::{clock, files};
use crate::domain::draft::slug;
use crate::domain::planning::plan;
use crate::domain::spreadsheet::{indicator_csv, workbook, PlanSheet};
use crate::domain::text::Text;
use crate::ui::i18n::{lang, tr};
use crate::ui::state::{notify, NoticeKind};
use leptos::prelude::*;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// `swanilai-hasil-pemerintah-kabupaten-sukamaju-spbe-2020-2026-20261203-0800.xlsx`
fn file_name(r: &Results, ext: &str, now: &str) -> String {
    let stamp = crate::domain::draft::file_stamp(&clock::on_wall_clock(now));
    r.file.with_untracked(|f| {
        format!(
            "swanilai-hasil-{}-{}-{}-{stamp}.{ext}",
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
                clock::offset_minutes_now(),
            )
        });
        if let Err(e) = files::download(&file_name(&r, "xlsx", &now), XLSX_MIME, &bytes) {
            report_failure(e);
        }
    };
    let csv = move |_| {
        let now = clock::now();
        let text = r
            .rows
            .with_untracked(|rows| indicator_csv(fw, rows, lang.get_untracked()));
        if let Err(e) = files::download(&file_name(&r, "csv", &now), CSV_MIME, text.as_bytes()) {
            report_failure(e);
        }
    };
    view! {
        <button type="button" class="btn btn-primary" on:click=xlsx>{tr("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")}</button>
        <button type="button" class="btn" on:click=csv>{tr("Unduh tabel indikator (.csv)", "Download indicator table (.csv)")}</button>
    }
}
