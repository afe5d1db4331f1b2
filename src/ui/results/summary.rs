//! The headline: the index with its predicate and the informal level reading, how complete
//! the assessment is, and where the index sits among the predicate bands.

use super::chart::ChartView;
use super::specs::{self, fig};
use super::Results;
use crate::domain::engine::format_hundredths;
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::Nav;
use crate::ui::widgets::Progress;
use leptos::prelude::*;

#[component]
pub fn Summary() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let index = Memo::new(move |_| r.eval.with(|e| e.index.displayed()));
    let provisional = Memo::new(move |_| r.eval.with(|e| !e.is_complete()));
    // While provisional the word itself says so: never a bare "Baik" to be quoted.
    let predicate = move || {
        let l = lang.get();
        r.eval.with(|e| {
            e.index.predicate(fw).map(|p| {
                let name = match &p.alias {
                    Some(a) => format!("{} · {}", p.name.get(l), a.get(l)),
                    None => p.name.get(l).to_string(),
                };
                match (e.is_complete(), l) {
                    (true, _) => name,
                    (false, Lang::Id) => format!("{name} (sementara)"),
                    (false, Lang::En) => format!("{name} (provisional)"),
                }
            })
        })
    };
    let reading = move || {
        r.eval.with(|e| {
            e.index
                .reading(fw)
                .map(|s| s.name.get(lang.get()).to_string())
        })
    };
    let answered = Signal::derive(move || r.eval.with(|e| e.index.answered));
    let total = Signal::derive(move || r.eval.with(|e| e.index.total));
    let assumed = move || {
        r.eval.with(|e| {
            e.assumed
                .iter()
                .filter_map(|id| fw.indicator(id))
                .map(|i| i.display_code().to_string())
                .collect::<Vec<_>>()
        })
    };
    let band_spec = Signal::derive(move || {
        let whatif = r
            .whatif
            .with(|w| {
                w.as_ref()
                    .map(|v| crate::domain::engine::evaluate_map(fw, v).index.displayed())
            })
            .flatten();
        specs::bands(fw, index.get(), r.target_hundredths(), whatif, lang.get())
    });
    let index_name = fw.index_name.clone();
    let report = use_context::<Nav>().and_then(|n| super::report_href(&n.0.get_untracked()));
    let radar = r.chart(specs::radar);

    view! {
        <section class="card results-summary" aria-labelledby="summary-title">
            <div class="summary-figures">
                <h2 id="summary-title" class="sr-only">{tr("Ringkasan hasil", "Summary of results")}</h2>
                // While indicators are missing: "Indeks SPBE sementara (8 dari 47 indikator
                // bernilai)", and the predicate marked provisional — never a bare "Baik".
                <p class="summary-label" data-testid="index-label">
                    {move || {
                        let l = lang.get();
                        let name = index_name.as_ref().map_or_else(|| "Indeks".to_string(), |t| t.get(l).to_string());
                        r.eval.with(|e| e.index.label(&name, l))
                    }}
                    " · " {fw.short_name.clone()}
                </p>
                <p class="summary-index" class:provisional=move || provisional.get()>
                    <span class="index-figure" data-testid="index">{move || fig(index.get(), lang.get())}</span>
                    <span class="predicate-badge" data-testid="predicate">{predicate}</span>
                </p>
                // A Pemdi value reads by its band only (the predicate above): no level reading.
                {fw.reading_scale.is_some().then(|| view! {
                    <p class="reading">
                        {tr("Pembacaan tingkat (informal, bukan predikat resmi): ", "Level reading (informal, not the official predicate): ")}
                        <strong>{reading}</strong>
                    </p>
                })}
                <div class="completeness">
                    <Progress done=answered total=total label=Signal::derive(move || tr("Indikator bernilai", "Indicators with a value")().to_string())/>
                    <span>{move || match lang.get() {
                        Lang::Id => format!("{} dari {} indikator bernilai", answered.get(), total.get()),
                        Lang::En => format!("{} of {} indicators have a value", answered.get(), total.get()),
                    }}</span>
                </div>
                <Show when=move || provisional.get()>
                    <div class="notice warning" role="status">
                        <p>{tr(
                            "Penilaian belum lengkap. Angka di halaman ini sementara: dihitung hanya dari indikator yang sudah bernilai (rata-rata berbobot), tidak menganggap indikator kosong bernilai 0 atau 1.",
                            "The assessment is incomplete. Figures on this page are provisional: computed from the indicators that have a value only (weighted mean); empty indicators are not counted as 0 or 1.",
                        )}</p>
                    </div>
                </Show>
                <Show when=move || !assumed().is_empty()>
                    <p class="notice info">{move || match lang.get() {
                        Lang::Id => format!("Indikator {} diambil dari indeks instansi lain yang belum tersedia; dihitung dengan nilai asumsi {} sesuai praktik evaluasi.", assumed().join(", "), format_hundredths(100, Lang::Id)),
                        Lang::En => format!("Indicators {} come from other agencies' indices that are not available yet; they count with the assumed value {} as in evaluation practice.", assumed().join(", "), format_hundredths(100, Lang::En)),
                    }}</p>
                </Show>
                {(!fw.national_averages.is_empty()).then(|| view! { <NationalAverages/> })}
                <PredicateBands/>
                <div class="results-actions" role="group" aria-label=tr("Unduhan dan laporan", "Downloads and report")>
                    <super::downloads::Downloads/>
                    {report.map(|href| view! {
                        <a class="btn" href=href>{tr("Laporan untuk dicetak", "Printable report")}</a>
                    })}
                </div>
            </div>
            <div class="summary-chart">
                <ChartView spec=band_spec describedby="predicate-bands" class="chart chart-bands" testid="chart-bands"
                    label=Signal::derive(move || tr("Grafik posisi indeks pada rentang predikat; rentangnya ada di tabel predikat", "Chart of the index among the predicate bands; the bands are in the predicate table")().to_string())/>
                <ChartView spec=radar describedby="figures-table" class="chart chart-radar" testid="chart-radar"
                    label=Signal::derive(move || tr("Grafik radar indeks per aspek; angkanya ada di tabel indeks per aspek", "Radar chart of the aspect indices; the numbers are in the table of aspect indices")().to_string())/>
            </div>
        </section>
    }
}

/// The predicate bands as a table: the text alternative of the band chart.
#[component]
fn PredicateBands() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let current = Memo::new(move |_| r.eval.with(|e| e.index.predicate(fw).map(|p| p.from)));
    let rows = fw
        .predicates
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let from = p.from.round_hundredths_half_up().max(fw.values.min.round_hundredths_half_up());
            let upper = fw.predicates.get(i + 1).map(|n| n.from.round_hundredths_half_up());
            let range = move || {
                let l = lang.get();
                match upper {
                    Some(u) => format!("{} – < {}", format_hundredths(from, l), format_hundredths(u, l)),
                    None => format!("{} – {}", format_hundredths(from, l), format_hundredths(fw.values.max.round_hundredths_half_up(), l)),
                }
            };
            let name = p.name.clone();
            let alias = p.alias.clone();
            let here = p.from;
            view! {
                <tr class:current-band=move || current.get() == Some(here)>
                    <td>{text(name.clone())}{alias.clone().map(|a| view! { <span class="muted">" · " {text(a.clone())}</span> })}</td>
                    <td class="num">{range}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table table-compact" id="predicate-bands">
            <caption class="sr-only">{tr("Rentang predikat", "Predicate bands")}</caption>
            <thead><tr><th scope="col">{tr("Predikat", "Predicate")}</th><th scope="col" class="num">{tr("Rentang indeks", "Index range")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Published national averages of this framework, with how sure the figure is.
#[component]
fn NationalAverages() -> impl IntoView {
    let r = expect_context::<Results>();
    let lang = lang();
    let items = r
        .fw
        .national_averages
        .iter()
        .map(|a| {
            let h = a.index.round_hundredths_half_up();
            let label = a.confidence.label();
            let source = a.source.clone();
            let year = a.year;
            view! {
                <li>
                    {move || match lang.get() {
                        Lang::Id => format!("Rata-rata nasional {year}: {}", format_hundredths(h, Lang::Id)),
                        Lang::En => format!("National average {year}: {}", format_hundredths(h, Lang::En)),
                    }}
                    " " <span class="confidence" title=text(source.clone())>"(" {text(label.clone())} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="national-averages">{items}</ul> }
}
