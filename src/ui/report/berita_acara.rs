//! The Berita Acara Penilaian Mandiri: the minutes the internal team prepares and the
//! Koordinator signs before the self-assessment is sent in (PermenPANRB 59/2020 Lampiran
//! Bab III, internal steps 5–6; 8/2026 Pasal 5). Number, date, place and signatories come
//! from the coordinator's workspace (the consolidated file's `coordination.berita_acara`);
//! whatever is not entered is left as a line to fill in by hand, as is everything for a
//! unit's own draft.

use crate::adapters::files;
use crate::domain::catalogue::Framework;
use crate::domain::consolidation::{coordination_of, letterhead_image, BeritaAcara, Signatory};
use crate::domain::engine::Evaluation;
use crate::domain::exchange::{ExchangeFile, Kind};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr};
use crate::ui::results::specs::fig;
use leptos::prelude::*;

const BLANK: &str = "______________________";

/// A NIP of 18 digits written the usual way: birth date, appointment, sex, number
/// ("19700512 199503 1 002").
fn nip_words(nip: &str) -> String {
    if nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit()) {
        format!(
            "{} {} {} {}",
            &nip[..8],
            &nip[8..14],
            &nip[14..15],
            &nip[15..]
        )
    } else if nip.is_empty() {
        "____________________________".to_string()
    } else {
        nip.to_string()
    }
}

fn or_blank(s: &str) -> String {
    if s.trim().is_empty() {
        BLANK.to_string()
    } else {
        s.to_string()
    }
}

#[component]
pub fn BeritaAcara(
    fw: &'static Framework,
    file: Memo<ExchangeFile>,
    eval: Memo<Evaluation>,
) -> impl IntoView {
    let lang = lang();
    // As entered in the workspace; for a draft (or nothing entered yet) the usual
    // signatories with blank names.
    let ba = Memo::new(move |_| {
        file.with(|f| {
            coordination_of(f)
                .and_then(|c| c.berita_acara)
                .unwrap_or_else(|| BeritaAcara::with_defaults(fw))
        })
    });
    let index_name = fw
        .index_name
        .clone()
        .unwrap_or_else(|| Text::new("Indeks", "Index"));
    let fw_name = fw.name.clone();
    let body = move || {
        let l = lang.get();
        let e = eval.get();
        let b = ba.get();
        file.with(|f| {
            let predicate = e.index.predicate(fw).map(|p| p.name.get(l).to_string()).unwrap_or_else(|| "—".into());
            let basis = fw_name.get(l).to_string();
            let kind = match f.kind {
                Kind::Consolidated => Text::new("hasil konsolidasi jawaban unit kerja", "consolidation of the units' answers"),
                _ => Text::new("jawaban satu unit kerja", "one unit's answers"),
            };
            let index = index_name.get(l).to_string();
            let when = match (b.date, l) {
                (Some(d), Lang::Id) => format!("hari ini {}, tanggal {}", d.weekday(l), d.words(l)),
                (Some(d), Lang::En) => format!("this {}, {}", d.weekday(l), d.words(l)),
                (None, Lang::Id) => "hari ini ____________ tanggal ______ bulan ______________ tahun __________".to_string(),
                (None, Lang::En) => "this day ____________, date ______ month ______________ year __________".to_string(),
            };
            let place = or_blank(&b.place);
            let intro = match l {
                Lang::Id => format!(
                    "Pada {when}, bertempat di {place}, Tim Asesor Internal {} telah melaksanakan penilaian mandiri {} periode {} (instrumen: {}) dengan hasil sebagai berikut:",
                    f.institution, index, f.period, basis
                ),
                Lang::En => format!(
                    "On {when}, at {place}, the Internal Assessment Team of {} carried out the {} self-assessment for period {} (instrument: {}) with the following result:",
                    f.institution, index, f.period, basis
                ),
            };
            let row = |k: String, v: AnyView| view! { <tr><th scope="row">{k}</th><td class="ba-colon">":"</td><td>{v}</td></tr> };
            let provisional = e.index.is_provisional();
            let predicate = if provisional { format!("{predicate} ({})", pick(l, "sementara", "provisional")) } else { predicate };
            view! {
                <p>{intro}</p>
                <table class="table ba-table">
                    <tbody>
                        {row(pick(l, "Instansi", "Institution"), f.institution.clone().into_any())}
                        {row(pick(l, "Periode", "Period"), f.period.clone().into_any())}
                        {row(e.index.label(&index, l), view! { <strong data-testid="ba-index">{fig(e.index.displayed(), l)}</strong> }.into_any())}
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
    let place_date = move || {
        let l = lang.get();
        let b = ba.get();
        let date = b.date.map_or_else(|| BLANK.to_string(), |d| d.words(l));
        format!("{}, {date}", or_blank(&b.place))
    };
    let signatures = move || {
        let l = lang.get();
        let list = ba.get().signatories;
        let n = list.len();
        list.into_iter()
            .enumerate()
            .map(|(i, s)| signature(s, l, i + 1 == n && n > 1))
            .collect_view()
    };
    view! {
        <section class="report-page report-ba" aria-labelledby="ba-title">
            {move || ba.get().letterhead.map(|data_url| view! {
                <Letterhead data_url=data_url class="ba-letterhead" alt=tr("Kop surat instansi", "The institution's letterhead")/>
            })}
            <h2 id="ba-title" class="ba-title">{tr("BERITA ACARA PENILAIAN MANDIRI", "MINUTES OF THE SELF-ASSESSMENT")}</h2>
            <p class="ba-subtitle">{move || file.with(|f| format!("{} {}", index_name_line(fw, lang.get()), f.institution))}</p>
            <p class="ba-subtitle">{move || file.with(|f| format!("{} {}", pick(lang.get(), "PERIODE", "PERIOD"), f.period))}</p>
            <p class="ba-number" data-testid="ba-number">{move || {
                let number = or_blank(&ba.get().number);
                format!("{} {number}", pick(lang.get(), "Nomor:", "Number:"))
            }}</p>
            {body}
            <p class="ba-place" data-testid="ba-place">{place_date}</p>
            <div class="signatures">{signatures}</div>
            <p class="small muted ba-footnote no-print">{move || {
                let coordinator = fw.coordinator_title.clone().unwrap_or_else(|| Text::new("Koordinator", "Coordinator"));
                match lang.get() {
                    Lang::Id => format!("Ditandatangani oleh {} sebagai pengirim hasil penilaian mandiri, dan oleh penanggung jawab yang memeriksa kelengkapan dan memvalidasinya. Nomor, tanggal, tempat dan penanda tangan diisi di ruang kerja koordinator, tab Hasil & ekspor.", coordinator.get(Lang::Id)),
                    Lang::En => format!("Signed by the {} who sends the self-assessment in, and by the person in charge who checked its completeness and validated it. Number, date, place and signatories are entered in the coordinator's workspace, Results & export tab.", coordinator.get(Lang::En)),
                }
            }}</p>
        </section>
    }
}

/// The letterhead image, shown from its bytes through a `blob:` URL (the strict CSP allows
/// no `data:` images) that is released when the image goes away.
#[component]
pub fn Letterhead(
    data_url: String,
    class: &'static str,
    alt: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let url = letterhead_image(&data_url).and_then(|(mime, bytes)| files::object_url(mime, &bytes));
    if let Some(u) = url.clone() {
        on_cleanup(move || files::revoke_url(&u));
    }
    url.map(|src| view! { <img class=class src=src alt=alt/> })
}

/// One signature block: the signatory's part (the last one "acknowledges/approves"), their
/// office, the space to sign, the name and the NIP.
fn signature(s: Signatory, l: Lang, approves: bool) -> impl IntoView {
    let name = if s.name.trim().is_empty() {
        "(______________________________)".to_string()
    } else {
        s.name.clone()
    };
    view! {
        <div class="signature">
            <p>
                {approves.then(|| view! { {pick(l, "Mengetahui/Menyetujui,", "Acknowledged/approved,")} <br/> })}
                {format!("{},", s.role)}
                {(!s.position.is_empty()).then(|| view! { <br/> {s.position.clone()} })}
            </p>
            <div class="signature-space" aria-hidden="true"></div>
            <p class="signature-name">{name}</p>
            <p>{format!("NIP. {}", nip_words(&s.nip))}</p>
        </div>
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
