//! Self-assessment against the assessors (issue 10 §4): for a file carrying the official
//! evaluation's values, the index, the aspects (and domains) and every indicator side by
//! side, largest gaps first, with the assessors' notes: next year's improvement list.
//! Every figure comes from `domain::assessor::compare`; nothing here changes the
//! self-assessment.

use super::Results;
use crate::domain::assessor::{compare_file, format_gap, stages_with_values, Gap};
use crate::domain::engine::format_hundredths;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;

fn fig(h: Option<i64>, l: Lang) -> String {
    h.map_or_else(|| "—".to_string(), |h| format_hundredths(h, l))
}

fn gap_text(g: &Gap, l: Lang) -> String {
    g.gap()
        .map_or_else(|| "—".to_string(), |d| format_gap(d, l))
}

#[component]
pub fn AssessorGaps() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let stages = Memo::new(move |_| {
        r.file.with(|f| {
            stages_with_values(fw, f)
                .into_iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // The stage shown: the user's choice while it has values, else the latest stage.
    let chosen = RwSignal::new(None::<String>);
    let stage = Memo::new(move |_| {
        let have = stages.get();
        chosen
            .get()
            .filter(|s| have.contains(s))
            .or_else(|| have.last().cloned())
    });
    let comparison = Memo::new(move |_| {
        let s = stage.get()?;
        r.file.with(|f| compare_file(fw, f, &s))
    });
    move || {
        let Some(c) = comparison.get() else {
            return ().into_any();
        };
        let l = lang.get();
        let stage_name = stage
            .get()
            .and_then(|s| fw.assessor_stage(&s).map(|x| x.name.clone()))
            .unwrap_or_default();
        let picker = (stages.with(Vec::len) > 1).then(|| {
            let buttons = stages
                .get()
                .into_iter()
                .map(|id| {
                    let name = fw.assessor_stage(&id).map(|s| s.name.clone()).unwrap_or_default();
                    let on = stage.get().as_deref() == Some(id.as_str());
                    view! {
                        <button type="button" class="btn btn-small" aria-pressed=on.to_string()
                            on:click=move |_| chosen.set(Some(id.clone()))>{text(name)}</button>
                    }
                })
                .collect_view();
            view! { <div class="button-row" role="group" aria-label=tr("Tahap penilaian", "Evaluation stage")>{buttons}</div> }
        });
        let group_rows = |gaps: &[Gap], kind: Text| {
            gaps.iter()
                .map(|g| {
                    let name = fw
                        .aspect(&g.id)
                        .map(|a| a.name.clone())
                        .or_else(|| fw.domain(&g.id).map(|d| d.name.clone()))
                        .unwrap_or_default();
                    let big = g.gap().is_some_and(|d| d != 0);
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", kind.get(l), g.id)}</th>
                            <td>{name.get(l).to_string()}</td>
                            <td class="num">{fig(g.own, l)}</td>
                            <td class="num">{fig(g.assessor, l)}{g.provisional.then_some("*")}</td>
                            <td class="num gap" class:gap-open=big>{gap_text(g, l)}</td>
                        </tr>
                    }
                })
                .collect_view()
        };
        let domains = group_rows(&c.domains, Text::new("Domain", "Domain"));
        let aspects = group_rows(&c.aspects, Text::new("Aspek", "Aspect"));
        let indicators = c
            .indicators
            .iter()
            .map(|g| {
                let ind = fw.indicator(&g.id);
                let code = ind.map_or(g.id.clone(), |i| i.display_code().to_string());
                let name = ind
                    .map(|i| i.short_name.clone().unwrap_or_else(|| i.name.clone()))
                    .unwrap_or_default();
                let big = g.gap().is_some_and(|d| d != 0);
                view! {
                    <tr data-indicator=g.id.clone()>
                        <th scope="row">{code}</th>
                        <td>{name.get(l).to_string()}</td>
                        <td class="num">{fig(g.own, l)}</td>
                        <td class="num">{fig(g.assessor, l)}</td>
                        <td class="num gap" class:gap-open=big>{gap_text(g, l)}</td>
                        <td class="small">{g.note.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let index = &c.index;
        let headline = match l {
            Lang::Id => format!(
                "Indeks penilaian mandiri {} · asesor ({}) {} · selisih {}",
                fig(index.own, l),
                stage_name.get(l),
                fig(index.assessor, l),
                gap_text(index, l)
            ),
            Lang::En => format!(
                "Self-assessment index {} · assessors ({}) {} · gap {}",
                fig(index.own, l),
                stage_name.get(l),
                fig(index.assessor, l),
                gap_text(index, l)
            ),
        };
        view! {
            <section class="card assessor-gaps" aria-labelledby="gaps-title">
                <h2 id="gaps-title">{tr("Penilaian mandiri dibanding asesor", "Self-assessment against the assessors")}</h2>
                {picker}
                <p class="gap-headline" data-testid="gap-index">{headline}</p>
                <p class="hint">{tr(
                    "Selisih = penilaian mandiri − asesor (positif: penilaian mandiri lebih tinggi). Selisih terbesar di atas: daftar perbaikan untuk periode berikutnya. Nilai asesor tidak mengubah angka penilaian mandiri. Tanda * = dihitung dari sebagian indikator.",
                    "Gap = self-assessment − assessors (positive: the self-assessment was higher). Largest gaps first: the improvement list for the next period. The assessors' values change no self-assessment figure. * = computed from part of the indicators.",
                )}</p>
                <div class="table-scroll">
                    <table class="table compact" data-testid="gap-groups">
                        <caption class="sr-only">{tr("Aspek dan domain: penilaian mandiri, asesor dan selisih", "Aspects and domains: self-assessment, assessors and gap")}</caption>
                        <thead><tr>
                            <th scope="col">{tr("Bagian", "Part")}</th>
                            <th scope="col">{tr("Nama", "Name")}</th>
                            <th scope="col" class="num">{tr("Mandiri", "Self")}</th>
                            <th scope="col" class="num">{tr("Asesor", "Assessors")}</th>
                            <th scope="col" class="num">{tr("Selisih", "Gap")}</th>
                        </tr></thead>
                        <tbody>{domains}{aspects}</tbody>
                    </table>
                </div>
                <div class="table-scroll">
                    <table class="table compact" data-testid="gap-table">
                        <caption class="sr-only">{tr("Indikator: penilaian mandiri, asesor, selisih dan catatan asesor, selisih terbesar di atas", "Indicators: self-assessment, assessors, gap and the assessors' note, largest gap first")}</caption>
                        <thead><tr>
                            <th scope="col">{tr("Kode", "Code")}</th>
                            <th scope="col">{tr("Indikator", "Indicator")}</th>
                            <th scope="col" class="num">{tr("Mandiri", "Self")}</th>
                            <th scope="col" class="num">{tr("Asesor", "Assessors")}</th>
                            <th scope="col" class="num">{tr("Selisih", "Gap")}</th>
                            <th scope="col">{tr("Catatan asesor", "Assessors' note")}</th>
                        </tr></thead>
                        <tbody>{indicators}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    }
}
