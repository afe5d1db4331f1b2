//! The Berita Acara Penilaian Mandiri: the minutes the internal team prepares and the
//! Koordinator signs before the self-assessment is sent in (PermenPANRB 59/2020 Lampiran
//! Bab III, internal steps 5–6; 8/2026 Pasal 5). Names, NIP, number, place and date are left
//! as lines to fill in by hand.

use crate::domain::catalogue::Framework;
use crate::domain::engine::Evaluation;
use crate::domain::exchange::{ExchangeFile, Kind};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr};
use crate::ui::results::specs::fig;
use leptos::prelude::*;

#[component]
pub fn BeritaAcara(
    fw: &'static Framework,
    file: Memo<ExchangeFile>,
    eval: Memo<Evaluation>,
) -> impl IntoView {
    let lang = lang();
    let coordinator = fw
        .coordinator_title
        .clone()
        .unwrap_or_else(|| Text::new("Koordinator", "Coordinator"));
    let coordinator2 = coordinator.clone();
    let index_name = fw
        .index_name
        .clone()
        .unwrap_or_else(|| Text::new("Indeks", "Index"));
    let fw_name = fw.name.clone();
    let body = move || {
        let l = lang.get();
        let e = eval.get();
        file.with(|f| {
            let predicate = e.index.predicate(fw).map(|p| p.name.get(l).to_string()).unwrap_or_else(|| "—".into());
            let basis = fw_name.get(l).to_string();
            let kind = match f.kind {
                Kind::Consolidated => Text::new("hasil konsolidasi jawaban unit kerja", "consolidation of the units' answers"),
                _ => Text::new("jawaban satu unit kerja", "one unit's answers"),
            };
            let index = index_name.get(l).to_string();
            let intro = match l {
                Lang::Id => format!(
                    "Pada hari ini ____________ tanggal ______ bulan ______________ tahun __________, bertempat di ______________________, Tim Asesor Internal {} telah melaksanakan penilaian mandiri {} periode {} (instrumen: {}) dengan hasil sebagai berikut:",
                    f.institution, index, f.period, basis
                ),
                Lang::En => format!(
                    "On this day ____________, date ______ month ______________ year __________, at ______________________, the Internal Assessment Team of {} carried out the {} self-assessment for period {} (instrument: {}) with the following result:",
                    f.institution, index, f.period, basis
                ),
            };
            let row = |k: String, v: AnyView| view! { <tr><th scope="row">{k}</th><td class="ba-colon">":"</td><td>{v}</td></tr> };
            view! {
                <p>{intro}</p>
                <table class="table ba-table">
                    <tbody>
                        {row(pick(l, "Instansi", "Institution"), f.institution.clone().into_any())}
                        {row(pick(l, "Periode", "Period"), f.period.clone().into_any())}
                        {row(index.clone(), view! { <strong data-testid="ba-index">{fig(e.index.displayed(), l)}</strong> }.into_any())}
                        {row(pick(l, "Predikat", "Predicate"), view! { <strong>{predicate}</strong> }.into_any())}
                        {row(pick(l, "Indikator dinilai", "Indicators assessed"), format!("{} / {}", e.index.answered, e.index.total).into_any())}
                        {row(pick(l, "Dasar data", "Data"), kind.get(l).to_string().into_any())}
                    </tbody>
                </table>
                {(!e.is_complete()).then(|| view! {
                    <p class="report-warning">{if l == Lang::Id {
                        "Catatan: penilaian belum lengkap; angka di atas bersifat sementara."
                    } else {
                        "Note: the assessment is incomplete; the figures above are provisional."
                    }}</p>
                })}
                <p>{if l == Lang::Id {
                    "Rincian nilai, penjelasan dan bukti dukung setiap indikator tercantum dalam Laporan Penilaian Mandiri ini dan merupakan bagian yang tidak terpisahkan dari berita acara ini."
                } else {
                    "The value, justification and evidence of every indicator are set out in this Self-Assessment Report, which forms an integral part of these minutes."
                }}</p>
                <p>{if l == Lang::Id {
                    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."
                } else {
                    "These minutes are made truthfully, to be used as appropriate."
                }}</p>
            }
        })
    };
    view! {
        <section class="report-page report-ba" aria-labelledby="ba-title">
            <h2 id="ba-title" class="ba-title">{tr("BERITA ACARA PENILAIAN MANDIRI", "MINUTES OF THE SELF-ASSESSMENT")}</h2>
            <p class="ba-subtitle">{move || file.with(|f| format!("{} {}", index_name_line(fw, lang.get()), f.institution))}</p>
            <p class="ba-subtitle">{move || file.with(|f| format!("{} {}", pick(lang.get(), "PERIODE", "PERIOD"), f.period))}</p>
            <p class="ba-number">{tr("Nomor: ______________________________", "Number: ______________________________")}</p>
            {body}
            <p class="ba-place">{tr("______________________, ______________________ 20____", "______________________, ______________________ 20____")}</p>
            <div class="signatures">
                <div class="signature">
                    <p>{tr("Penanggung Jawab", "Person in charge")}<br/>{tr("Tim Asesor Internal,", "Internal Assessment Team,")}</p>
                    <div class="signature-space" aria-hidden="true"></div>
                    <p class="signature-name">"(______________________________)"</p>
                    <p>"NIP. ____________________________"</p>
                </div>
                <div class="signature">
                    <p>{tr("Mengetahui/Menyetujui,", "Acknowledged/approved,")}<br/>{move || format!("{},", coordinator.get(lang.get()))}</p>
                    <div class="signature-space" aria-hidden="true"></div>
                    <p class="signature-name">"(______________________________)"</p>
                    <p>"NIP. ____________________________"</p>
                </div>
            </div>
            <p class="small muted ba-footnote no-print">{move || match lang.get() {
                Lang::Id => format!("Ditandatangani oleh {} sebagai pengirim hasil penilaian mandiri, dan oleh penanggung jawab yang memeriksa kelengkapan dan memvalidasinya.", coordinator2.get(Lang::Id)),
                Lang::En => format!("Signed by the {} who sends the self-assessment in, and by the person in charge who checked its completeness and validated it.", coordinator2.get(Lang::En)),
            }}</p>
        </section>
    }
}

fn pick(lang: Lang, id: &str, en: &str) -> String {
    if lang == Lang::Id { id } else { en }.to_string()
}

/// "Indeks SPBE" (or the framework's short name) for the heading.
fn index_name_line(fw: &Framework, lang: Lang) -> String {
    match &fw.index_name {
        Some(t) => t.get(lang).to_string(),
        None => fw.short_name.clone(),
    }
}
