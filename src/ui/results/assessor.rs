//! Self-assessment against the assessors (issue 10 §4): for a file carrying the official
//! evaluation's values, the index, the aspects (and domains) and every indicator side by
//! side, largest gaps first, with the assessors' notes: next year's improvement list.
//! Every figure comes from `domain::assessor::compare`; nothing here changes the
//! self-assessment.

use super::Results;
use crate::domain::assessor::{compare_file, stages_with_values, Gap};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;

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
        // One compact row per figure: what it is (and, for an indicator, the assessors'
        // note) in the first cell, then the three numbers, so a phone needs no scrolling.
        let row = |g: &Gap, code: String, name: Text, testid: String| {
            let big = g.gap().is_some_and(|d| d != 0);
            let [own, theirs, gap] = g.texts(l);
            let note = (!g.note.is_empty()).then(|| g.note.clone());
            view! {
                <tr data-testid=testid>
                    <th scope="row">
                        <span class="gap-code">{code}</span> " " <span class="gap-name">{name.get(l).to_string()}</span>
                        {note.map(|n| view! { <span class="gap-note">{n}</span> })}
                    </th>
                    <td class="num">{own}</td>
                    <td class="num">{theirs}{g.provisional.then_some("*")}</td>
                    <td class="num gap" class:gap-open=big>{gap}</td>
                </tr>
            }
        };
        let indicators = c
            .indicators
            .iter()
            .map(|g| {
                let ind = fw.indicator(&g.id);
                let code = ind.map_or(g.id.clone(), |i| i.display_code().to_string());
                let name = ind
                    .map(|i| i.short_name.clone().unwrap_or_else(|| i.name.clone()))
                    .unwrap_or_default();
                row(g, code, name, format!("gap-{}", g.id))
            })
            .collect_view();
        let groups = c
            .domains
            .iter()
            .chain(&c.aspects)
            .map(|g| {
                let name = fw.group_name(&g.id).cloned().unwrap_or_default();
                row(g, g.id.clone(), name, format!("gap-{}", g.id))
            })
            .collect_view();
        let [own, theirs, gap] = c.index.texts(l);
        let stage_name = stage_name.get(l);
        let headline = match l {
            Lang::Id => format!(
                "Indeks penilaian mandiri {own} · asesor ({stage_name}) {theirs} · selisih {gap}"
            ),
            Lang::En => {
                format!(
                    "Self-assessment index {own} · assessors ({stage_name}) {theirs} · gap {gap}"
                )
            }
        };
        let head = move |first: Text| {
            view! {
                <thead><tr>
                    <th scope="col">{first.get(l).to_string()}</th>
                    <th scope="col" class="num">{tr("Mandiri", "Self")}</th>
                    <th scope="col" class="num">{tr("Asesor", "Assessors")}</th>
                    <th scope="col" class="num">{tr("Selisih", "Gap")}</th>
                </tr></thead>
            }
        };
        view! {
            <section class="card assessor-gaps" aria-labelledby="gaps-title">
                <h2 id="gaps-title">{tr("Penilaian mandiri dibanding asesor", "Self-assessment against the assessors")}</h2>
                {picker}
                <p class="gap-headline" data-testid="gap-index">{headline}</p>
                <p class="hint">{tr(
                    "Selisih = penilaian mandiri − asesor (positif: penilaian mandiri lebih tinggi). Selisih terbesar di atas: daftar perbaikan untuk periode berikutnya. Nilai asesor tidak mengubah angka penilaian mandiri. * = dihitung dari sebagian indikator; ≠ = kedua sisi menilai indikator yang berbeda, jadi tidak dibandingkan.",
                    "Gap = self-assessment − assessors (positive: the self-assessment was higher). Largest gaps first: the improvement list for the next period. The assessors' values change no self-assessment figure. * = computed from part of the indicators; ≠ = the two sides value different indicators, so they are not compared.",
                )}</p>
                <table class="table compact gap-table" data-testid="gap-table">
                    <caption>{tr("Indikator, dengan catatan asesor", "Indicators, with the assessors' notes")}</caption>
                    {head(Text::new("Indikator", "Indicator"))}
                    <tbody>{indicators}</tbody>
                </table>
                <table class="table compact gap-table" data-testid="gap-groups">
                    <caption>{if fw.has_domains() { tr("Domain dan aspek", "Domains and aspects") } else { tr("Aspek", "Aspects") }}</caption>
                    {head(if fw.has_domains() { Text::new("Domain/aspek", "Domain/aspect") } else { Text::new("Aspek", "Aspect") })}
                    <tbody>{groups}</tbody>
                </table>
            </section>
        }
        .into_any()
    }
}
