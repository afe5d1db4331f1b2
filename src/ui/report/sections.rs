//! The numbered sections of the report.

use super::long_date;
use crate::domain::catalogue::Framework;
use crate::domain::engine::{format_hundredths, Evaluation, Score};
use crate::domain::exchange::{ExchangeFile, Rule};
use crate::domain::spreadsheet::{format_value, unit_name, IndicatorRow};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr};
use crate::ui::results::chart::ChartView;
use crate::ui::results::default_target;
use crate::ui::results::specs::{self, fig};
use leptos::prelude::*;

fn weight(r: crate::domain::rational::Rational, lang: Lang) -> String {
    crate::domain::explanation::format_decimal(r, lang)
}

fn status(score: &Score) -> Text {
    if score.is_complete() {
        Text::new("lengkap", "complete")
    } else if score.exact.is_some() {
        Text::new("sementara", "provisional")
    } else {
        Text::new("belum ada nilai", "no value yet")
    }
}

/// 1. Summary: the index, predicate, reading and completeness, and the domain/aspect table.
#[component]
pub fn Summary(
    fw: &'static Framework,
    file: Memo<ExchangeFile>,
    eval: Memo<Evaluation>,
) -> impl IntoView {
    let lang = lang();
    let rows = move || {
        let e = eval.get();
        let l = lang.get();
        let mut out = Vec::new();
        let row = |id: &str, name: &Text, w, s: &Score, strong: bool| {
            let st = status(s);
            view! {
                <tr class:group-domain=strong>
                    <th scope="row">{id.to_string()}</th>
                    <td>{name.get(l).to_string()}</td>
                    <td class="num">{weight(w, l)}</td>
                    <td class="num">{fig(s.displayed(), l)}</td>
                    <td class="num">{format!("{}/{}", s.answered, s.total)}</td>
                    <td>{st.get(l).to_string()}</td>
                </tr>
            }
        };
        if fw.has_domains() {
            for d in &fw.domains {
                if let Some(s) = e.domain(&d.id) {
                    out.push(row(&d.id, &d.name, d.weight, s, true));
                }
                for a in fw.aspects_of(&d.id) {
                    if let Some(s) = e.aspect(&a.id) {
                        out.push(row(&a.id, &a.name, a.weight, s, false));
                    }
                }
            }
        } else {
            for a in &fw.aspects {
                if let Some(s) = e.aspect(&a.id) {
                    out.push(row(&a.id, &a.name, a.weight, s, false));
                }
            }
        }
        out.collect_view()
    };
    let headline = move || {
        let e = eval.get();
        let l = lang.get();
        let provisional = e.index.is_provisional();
        let p = e.index.predicate(fw).map(|p| {
            let name = match &p.alias {
                Some(a) => format!("{} ({})", p.name.get(l), a.get(l)),
                None => p.name.get(l).to_string(),
            };
            if provisional {
                format!(
                    "{name} · {}",
                    if l == Lang::Id {
                        "sementara"
                    } else {
                        "provisional"
                    }
                )
            } else {
                name
            }
        });
        let index_label = e.index.label(
            &fw.index_name
                .as_ref()
                .map_or("Indeks".to_string(), |t| t.get(l).to_string()),
            l,
        );
        let reading = e.index.reading(fw).map(|s| s.name.get(l).to_string());
        view! {
            <div class="report-headline">
                <div class="headline-box">
                    <span class="headline-label">{index_label}</span>
                    <span class="headline-figure" data-testid="report-index">{fig(e.index.displayed(), l)}</span>
                </div>
                <div class="headline-box">
                    <span class="headline-label">{if l == Lang::Id { "Predikat" } else { "Predicate" }}</span>
                    <span class="headline-word" data-testid="report-predicate">{p.unwrap_or_else(|| "—".into())}</span>
                </div>
                <div class="headline-box">
                    <span class="headline-label">{if l == Lang::Id { "Indikator bernilai" } else { "Indicators with a value" }}</span>
                    <span class="headline-word">{format!("{} / {}", e.index.answered, e.index.total)}</span>
                </div>
            </div>
            {reading.map(|reading| view! {
                <p>
                    {if l == Lang::Id { "Pembacaan tingkat (informal, bukan predikat resmi): " } else { "Level reading (informal, not the official predicate): " }}
                    <strong>{reading}</strong>
                </p>
            })}
            {(!e.is_complete()).then(|| view! {
                <p class="report-warning">{if l == Lang::Id {
                    "SEMENTARA: penilaian belum lengkap. Angka dihitung dari indikator yang sudah bernilai saja."
                } else {
                    "PROVISIONAL: the assessment is incomplete. Figures are computed from the indicators that have a value only."
                }}</p>
            })}
            {(!e.assumed.is_empty()).then(|| {
                let codes: Vec<&str> = e.assumed.iter().filter_map(|id| fw.indicator(id)).map(|i| i.display_code()).collect();
                view! { <p class="small">{match l {
                    Lang::Id => format!("Indikator {} berasal dari indeks instansi lain yang belum tersedia dan dihitung dengan nilai asumsi {}.", codes.join(", "), format_hundredths(100, l)),
                    Lang::En => format!("Indicators {} come from other agencies' indices not yet available and count with the assumed value {}.", codes.join(", "), format_hundredths(100, l)),
                }}</p> }
            })}
        }
    };
    view! {
        <section class="report-section report-summary" aria-labelledby="report-summary-title">
            <h2 id="report-summary-title">{tr("1. Ringkasan", "1. Summary")}</h2>
            <p>{move || file.with(|f| match lang.get() {
                Lang::Id => format!("Hasil penilaian mandiri {} periode {} menurut {}.", f.institution, f.period, fw.short_name),
                Lang::En => format!("Self-assessment result of {} for period {} under {}.", f.institution, f.period, fw.short_name),
            })}</p>
            {headline}
            <table class="table report-table" id="report-figures">
                <caption>{move || if fw.has_domains() { tr("Indeks per domain dan aspek", "Index per domain and aspect")() } else { tr("Indeks per aspek", "Index per aspect")() }}</caption>
                <thead><tr>
                    <th scope="col">{tr("Kode", "Code")}</th>
                    <th scope="col">{tr("Nama", "Name")}</th>
                    <th scope="col" class="num">{tr("Bobot (%)", "Weight (%)")}</th>
                    <th scope="col" class="num">{tr("Indeks", "Index")}</th>
                    <th scope="col" class="num">{tr("Bernilai", "With a value")}</th>
                    <th scope="col">{tr("Status", "Status")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// 2. Charts, drawn as SVG at a size that fits an A4 page.
#[component]
pub fn Charts(
    fw: &'static Framework,
    file: Memo<ExchangeFile>,
    eval: Memo<Evaluation>,
) -> impl IntoView {
    let lang = lang();
    let period = move || file.with(|f| f.period.clone());
    // The reference line: the next predicate band above the index, the results screen's
    // default target.
    let target = move || eval.with(|e| default_target(fw, e).hundredths(fw));
    let bands = Signal::derive(move || {
        specs::bands(
            fw,
            eval.with(|e| e.index.displayed()),
            target(),
            None,
            lang.get(),
        )
    });
    let radar = Signal::derive(move || {
        eval.with(|e| specs::radar(fw, e, &period(), None, target(), lang.get()))
    });
    let bars = Signal::derive(move || {
        eval.with(|e| specs::bars(fw, e, &period(), None, target(), lang.get()))
    });
    let label =
        |id: &'static str, en: &'static str| Signal::derive(move || tr(id, en)().to_string());
    view! {
        <section class="report-section report-charts" aria-labelledby="report-charts-title">
            <h2 id="report-charts-title">{tr("2. Grafik", "2. Charts")}</h2>
            <p class="small muted">{tr(
                "Angka setiap grafik tercantum pada tabel bagian 1. Garis target menandai batas predikat berikutnya di atas indeks saat ini.",
                "The numbers of every chart are in the table of section 1. The target line marks the next predicate band above the current index.",
            )}</p>
            <ChartView spec=bands describedby="report-figures" class="chart report-chart report-chart-bands" testid="report-chart-bands"
                label=label("Grafik posisi indeks pada rentang predikat", "Chart of the index among the predicate bands")/>
            <div class="report-chart-pair">
                <ChartView spec=radar describedby="report-figures" class="chart report-chart" testid="report-chart-radar"
                    label=label("Grafik radar indeks per aspek", "Radar chart of the aspect indices")/>
                <ChartView spec=bars describedby="report-figures" class="chart report-chart" testid="report-chart-bars"
                    label=label("Grafik batang indeks", "Bar chart of the indices")/>
            </div>
        </section>
    }
}

/// 3. One table per aspect: every indicator with weight, value, level, owner and evidence.
#[component]
pub fn AspectTables(
    fw: &'static Framework,
    rows: Memo<Vec<IndicatorRow>>,
    eval: Memo<Evaluation>,
) -> impl IntoView {
    let lang = lang();
    let decimal = fw.values.is_decimal();
    let tables = move || {
        let l = lang.get();
        let all = rows.get();
        let e = eval.get();
        fw.aspects
            .iter()
            .map(|a| {
                let body = all
                    .iter()
                    .filter(|r| r.aspect.id == a.id)
                    .map(|r| {
                        view! {
                            <tr>
                                <th scope="row">{r.indicator.display_code().to_string()}</th>
                                <td>{r.indicator.name.get(l).to_string()}{r.service.clone().map(|s| view! { <span class="muted">" · " {s}</span> })}</td>
                                <td class="num">{weight(r.indicator.weight, l)}</td>
                                <td class="num">{r.value.map(|v| format_value(v, decimal, l)).unwrap_or_else(|| "—".into())}{r.assumed.then_some("*")}</td>
                                <td>{r.reading.as_ref().map(|x| x.get(l).to_string()).unwrap_or_default()}</td>
                                <td>{r.owner.as_ref().map(|o| o.label(l)).unwrap_or_default()}</td>
                                <td class="num">{r.evidence}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let figure = fig(e.aspect(&a.id).and_then(|s| s.displayed()), l);
                view! {
                    <table class="table report-table aspect-table">
                        <caption>{format!("{} {} — {}: {}", a.id, a.name.get(l), if l == Lang::Id { "indeks" } else { "index" }, figure)}</caption>
                        <thead><tr>
                            <th scope="col">{if l == Lang::Id { "Kode" } else { "Code" }}</th>
                            <th scope="col">{if l == Lang::Id { "Indikator" } else { "Indicator" }}</th>
                            <th scope="col" class="num">{if l == Lang::Id { "Bobot (%)" } else { "Weight (%)" }}</th>
                            <th scope="col" class="num">{if l == Lang::Id { "Nilai" } else { "Value" }}</th>
                            <th scope="col">{match (l, decimal) { (Lang::Id, true) => "Rentang", (Lang::En, true) => "Band", (Lang::Id, false) => "Tingkat", (Lang::En, false) => "Level" }}</th>
                            <th scope="col">{if l == Lang::Id { "Unit pemilik" } else { "Owner unit" }}</th>
                            <th scope="col" class="num">{if l == Lang::Id { "Bukti" } else { "Evidence" }}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                }
            })
            .collect_view()
    };
    view! {
        <section class="report-section" aria-labelledby="report-aspects-title">
            <h2 id="report-aspects-title">{tr("3. Nilai indikator per aspek", "3. Indicator values per aspect")}</h2>
            {tables}
            <Show when=move || rows.with(|r| r.iter().any(|x| x.assumed))>
                <p class="small">{tr("* nilai asumsi: indeks instansi lain belum tersedia.", "* assumed value: the other agency's index is not available yet.")}</p>
            </Show>
        </section>
    }
}

/// 4 (5 after the decisions). Every indicator's justification (Fakta / Analisis) and its
/// evidence.
#[component]
pub fn Justifications(
    fw: &'static Framework,
    file: Memo<ExchangeFile>,
    rows: Memo<Vec<IndicatorRow>>,
) -> impl IntoView {
    let number = move || {
        if file.with(|f| f.decisions.is_empty()) {
            4
        } else {
            5
        }
    };
    let lang = lang();
    let decimal = fw.values.is_decimal();
    let blocks = move || {
        let l = lang.get();
        rows.get()
            .into_iter()
            .map(|r| {
                let paragraphs = r
                    .justification
                    .lines()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| view! { <p>{p.to_string()}</p> })
                    .collect_view();
                let evidence = r.indicator.id.clone();
                let value = match (r.value, &r.reading) {
                    (Some(v), Some(reading)) => format!("{} ({})", format_value(v, decimal, l), reading.get(l)),
                    (Some(v), None) => format_value(v, decimal, l),
                    _ => if l == Lang::Id { "belum dijawab".into() } else { "not answered".into() },
                };
                view! {
                    <div class="justification" data-indicator=evidence>
                        <h3>{format!("{} · {}", r.indicator.display_code(), r.indicator.name.get(l))}</h3>
                        <p class="justification-meta">
                            {if l == Lang::Id { "Nilai: " } else { "Value: " }} <strong>{value}</strong>
                            {r.owner.as_ref().map(|o| format!(" · Unit: {}", o.label(l)))}
                            {r.service.clone().map(|s| format!(" · {}{s}", if l == Lang::Id { "Layanan: " } else { "Service: " }))}
                            {r.remark().map(|t| format!(" · {}", t.get(l)))}
                        </p>
                        {if r.justification.trim().is_empty() {
                            view! { <p class="muted">{if l == Lang::Id { "Tidak ada penjelasan." } else { "No justification." }}</p> }.into_any()
                        } else {
                            paragraphs.into_any()
                        }}
                        <EvidenceList id=r.indicator.id.clone()/>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="report-section" aria-labelledby="report-just-title">
            <h2 id="report-just-title">{number} ". " {tr("Penjelasan dan bukti dukung per indikator", "Justification and evidence per indicator")}</h2>
            {blocks}
        </section>
    }
}

/// The evidence of one indicator, read from the file in context.
#[component]
fn EvidenceList(id: String) -> impl IntoView {
    let file = expect_context::<ReportFile>().0;
    let lang = lang();
    move || {
        let l = lang.get();
        file.with(|f| {
            let items = f.answers.get(&id).map(|a| a.evidence.clone()).unwrap_or_default();
            if items.is_empty() {
                return None;
            }
            Some(view! {
                <p class="evidence-label">{if l == Lang::Id { "Bukti dukung:" } else { "Evidence:" }}</p>
                <ul class="evidence-list">
                    {items.into_iter().map(|e| {
                        let mut parts = vec![e.title.clone()];
                        if !e.reference.trim().is_empty() { parts.push(e.reference.clone()); }
                        if !e.link.trim().is_empty() { parts.push(e.link.clone()); }
                        let level = e.level.map(|n| if l == Lang::Id { format!(" (tingkat {n})") } else { format!(" (level {n})") });
                        view! { <li>{parts.join(" — ")}{level}</li> }
                    }).collect_view()}
                </ul>
            })
        })
    }
}

/// The file of the report, for the evidence lists.
#[derive(Clone, Copy)]
pub struct ReportFile(pub Memo<ExchangeFile>);

/// 4. How each conflict between units was settled (consolidated files only).
#[component]
pub fn Decisions(fw: &'static Framework, file: Memo<ExchangeFile>) -> impl IntoView {
    let lang = lang();
    let decimal = fw.values.is_decimal();
    move || {
        let l = lang.get();
        file.with(|f| {
            if f.decisions.is_empty() {
                return None;
            }
            let rows = f
                .decisions
                .iter()
                .map(|d| {
                    let name = fw.indicator(&d.indicator).map(|i| format!("{} · {}", i.display_code(), i.name.get(l))).unwrap_or_else(|| d.indicator.clone());
                    let candidates = d
                        .candidates
                        .iter()
                        .map(|c| format!("{}: {}", unit_name(f, &c.unit), format_value(c.value, decimal, l)))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let chosen = d.chosen_unit.as_deref().map(|u| unit_name(f, u)).unwrap_or_default();
                    let rule = match (d.rule, l) {
                        (Rule::Pick, Lang::Id) => format!("Dipilih jawaban {chosen}"),
                        (Rule::Pick, Lang::En) => format!("Picked the answer of {chosen}"),
                        (Rule::Own, Lang::Id) => "Nilai ditetapkan koordinator".to_string(),
                        (Rule::Own, Lang::En) => "Value set by the coordinator".to_string(),
                        (Rule::Lead, Lang::Id) => format!("Aturan: jawaban unit utama ({chosen})"),
                        (Rule::Lead, Lang::En) => format!("Rule: the lead unit's answer ({chosen})"),
                        (Rule::Higher, Lang::Id) => format!("Aturan: nilai tertinggi ({chosen})"),
                        (Rule::Higher, Lang::En) => format!("Rule: the higher value ({chosen})"),
                        (Rule::Lower, Lang::Id) => format!("Aturan: nilai terendah ({chosen})"),
                        (Rule::Lower, Lang::En) => format!("Rule: the lower value ({chosen})"),
                    };
                    view! {
                        <tr>
                            <td>{name}</td>
                            <td>{candidates}</td>
                            <td>{rule} ": " <strong>{format_value(d.value, decimal, l)}</strong></td>
                            <td>{d.note.clone()}</td>
                            <td>{d.decided_by.clone()} <br/> <span class="small">{long_date(&d.decided_at, l)}</span></td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="report-section report-decisions" aria-labelledby="report-decisions-title">
                    <h2 id="report-decisions-title">{if l == Lang::Id { "4. Keputusan koordinator atas perbedaan jawaban" } else { "4. Coordinator's decisions on differing answers" }}</h2>
                    <table class="table report-table">
                        <thead><tr>
                            <th scope="col">{if l == Lang::Id { "Indikator" } else { "Indicator" }}</th>
                            <th scope="col">{if l == Lang::Id { "Jawaban unit" } else { "Unit answers" }}</th>
                            <th scope="col">{if l == Lang::Id { "Keputusan" } else { "Decision" }}</th>
                            <th scope="col">{if l == Lang::Id { "Alasan" } else { "Reason" }}</th>
                            <th scope="col">{if l == Lang::Id { "Oleh, tanggal" } else { "By, date" }}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            })
        })
    }
}
