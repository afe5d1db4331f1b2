//! The printable "Laporan Penilaian Mandiri" (issue 5 §5) of any assessment given as an
//! exchange file: cover, summary, charts, per-aspect tables, per-indicator justification and
//! evidence, the coordinator's conflict decisions, and the Berita Acara Penilaian Mandiri
//! with signature blocks (PermenPANRB 59/2020 Bab III: signed by the Koordinator SPBE;
//! 8/2026 Pasal 5: Koordinator Pemdi), and, once recorded, an annex setting the assessors'
//! values beside the self-assessment. On screen the same document is shown as A4 sheets
//! with a print button; style/report.css lays it out for paper.

mod assessor;
pub mod berita_acara;
mod sections;

use crate::adapters::clock;
use crate::domain::catalogue::framework;
use crate::domain::consolidation::coordination_of;
use crate::domain::engine::evaluate;
use crate::domain::exchange::{ExchangeFile, Kind, Timestamp};
use crate::domain::local_time;
use crate::domain::spreadsheet::indicator_rows;
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::route::{ReportSource, Route};
use crate::ui::state::Nav;
use leptos::prelude::*;

/// A time as "28 November 2026" on the user's clock.
pub fn long_date(time: &Timestamp, lang: Lang) -> String {
    clock::local(time).long_date(lang)
}

/// The route back to the results this report belongs to.
fn results_href(route: &Route) -> Option<String> {
    match route {
        Route::Report {
            source: ReportSource::Draft,
            id,
        } => Some(Route::DraftResults { draft: id.clone() }.href()),
        Route::Report {
            source: ReportSource::Coordinator,
            id,
        } => Some(
            Route::CoordinatorResults {
                workspace: id.clone(),
            }
            .href(),
        ),
        _ => None,
    }
}

#[component]
pub fn ReportScreen(file: Memo<ExchangeFile>) -> impl IntoView {
    let fw_id = file.with_untracked(|f| f.framework.clone());
    let Some(fw) = framework(&fw_id) else {
        return view! {
            <div class="notice error" role="alert"><p>{tr("Kerangka penilaian berkas ini tidak dikenal.", "This file's framework is not known.")} " " <code>{fw_id}</code></p></div>
        }
        .into_any();
    };
    provide_context(sections::ReportFile(file));
    let lang = lang();
    let eval =
        Memo::new(move |_| file.with(|f| evaluate(fw, |id| f.answers.get(id).map(|a| a.value))));
    let rows = Memo::new(move |_| file.with(|f| indicator_rows(fw, f)));
    let back = use_context::<Nav>().and_then(|n| results_href(&n.0.get_untracked()));
    let printed = clock::today();
    let print = move |_| {
        let _ = window().print();
    };
    let index_name = fw.index_name.clone();
    let fw_name = fw.name.clone();
    let legal = fw.legal_basis.clone();

    view! {
        <div class="report-screen">
            <div class="report-toolbar no-print" role="toolbar" aria-label=tr("Laporan", "Report")>
                {back.map(|href| view! { <a class="btn" href=href>{tr("← Kembali ke hasil", "← Back to results")}</a> })}
                <button type="button" class="btn btn-primary" on:click=print>{tr("Cetak / Simpan PDF", "Print / Save as PDF")}</button>
                <span class="small muted">{tr(
                    "Pilih kertas A4. Untuk PDF, pilih \"Simpan sebagai PDF\" di dialog cetak.",
                    "Choose A4 paper. For a PDF, pick \"Save as PDF\" in the print dialog.",
                )}</span>
            </div>
            // While indicators are missing, every printed page says so across its middle.
            {move || eval.with(|e| e.index.is_provisional().then(|| {
                let words = e.index.completeness(lang.get());
                view! {
                    <div class="report-watermark" aria-hidden="true" data-testid="report-watermark">
                        {tr("SEMENTARA", "PROVISIONAL")} <br/> <span>{words}</span>
                    </div>
                }
            }))}
            <article class="report" aria-label=tr("Laporan Penilaian Mandiri", "Self-Assessment Report")>
                <section class="report-page report-cover" aria-labelledby="report-title">
                    <p class="cover-kicker">{move || index_name.as_ref().map(|t| t.get(lang.get()).to_string()).unwrap_or_default()}</p>
                    <h1 id="report-title" class="cover-title">{tr("LAPORAN PENILAIAN MANDIRI", "SELF-ASSESSMENT REPORT")}</h1>
                    <p class="cover-framework">{text(fw_name.clone())}</p>
                    <p class="cover-institution">{move || file.with(|f| f.institution.clone())}</p>
                    <p class="cover-period">{tr("Periode ", "Period ")} {move || file.with(|f| f.period.clone())}</p>
                    <dl class="cover-meta">
                        <dt>{tr("Disusun oleh", "Prepared by")}</dt>
                        // The coordinator named in the workspace, for a consolidation.
                        <dd data-testid="prepared-by">{move || file.with(|f| {
                            let team = tr("Tim Asesor Internal (hasil konsolidasi)", "Internal assessment team (consolidated)")();
                            let coordinator = coordination_of(f).map(|c| c.coordinator).filter(|c| !c.trim().is_empty());
                            match (f.kind, coordinator, &f.unit) {
                                (Kind::Consolidated, Some(c), _) => format!("{c} — {team}"),
                                (Kind::Consolidated, None, Some(u)) => format!("{team} — {}", u.name),
                                (Kind::Consolidated, None, None) => team.to_string(),
                                (_, _, Some(u)) => u.name.clone(),
                                _ => String::new(),
                            }
                        })}</dd>
                        <dt>{tr("Dasar hukum", "Legal basis")}</dt>
                        <dd class="small">{text(legal.clone())}</dd>
                        <dt>{tr("Data per", "Data as of")}</dt>
                        <dd>{move || file.with(|f| long_date(&f.exported_at, lang.get()))}</dd>
                        <dt>{tr("Dicetak", "Printed")}</dt>
                        <dd>{move || local_time::date_in_words(printed, lang.get())}</dd>
                    </dl>
                    <p class="cover-note small">{tr(
                        "Disusun dengan Swanilai. Angka dihitung tepat (pecahan, tanpa pembulatan antara) dan dibulatkan setengah ke atas ke dua desimal hanya saat ditampilkan.",
                        "Prepared with Swanilai. Figures are computed exactly (fractions, no intermediate rounding) and rounded half up to two decimals only for display.",
                    )}</p>
                </section>
                <sections::Summary fw=fw file=file eval=eval/>
                <sections::Charts fw=fw file=file eval=eval/>
                <sections::AspectTables fw=fw rows=rows eval=eval/>
                <sections::Decisions fw=fw file=file/>
                <sections::Justifications fw=fw file=file rows=rows/>
                <berita_acara::BeritaAcara fw=fw file=file eval=eval/>
                <assessor::AssessorAnnex fw=fw file=file/>
            </article>
        </div>
    }
    .into_any()
}
