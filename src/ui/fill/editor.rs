//! The editor of one indicator: what it assesses, the level criteria side by side, the
//! Fakta/Analisis explanation, the evidence list and the asesor-style warnings.

use super::evidence::EvidenceEditor;
use super::level::LevelPicker;
use crate::adapters::clock;
use crate::domain::catalogue::{Indicator, Source};
use crate::domain::checks::check_answer;
use crate::domain::draft::Part;
use crate::domain::engine::format_hundredths;
use crate::domain::explanation::format_decimal;
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::route::Route;
use crate::ui::state::DraftWorkspace;
use crate::ui::widgets::{paragraphs, SourceNotes};
use leptos::prelude::*;

#[component]
pub fn IndicatorEditor(id: String) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let Some(ind) = fw.indicator(&id) else {
        return view! { <p>{tr("Indikator tidak dikenal.", "Unknown indicator.")}</p> }.into_any();
    };
    let aspect = fw.aspect(&ind.aspect);
    let domain = aspect
        .and_then(|a| a.domain.as_deref())
        .and_then(|d| fw.domain(d));
    let weight = ind.weight.round_hundredths_half_up();
    let part = ws.draft.with_untracked(|d| d.part(&ind.id));
    let role = match part {
        Some(Part::Lead) => Some("lead"),
        Some(Part::Support) => Some("support"),
        _ => None,
    };

    // Initial texts: the fields are rebuilt per indicator, so they are set once, never
    // re-written while the user types (which would move the caret).
    let initial = ws
        .draft
        .with_untracked(|d| d.answers.get(&ind.id).cloned().unwrap_or_default());
    let ind_id = ind.id.clone();
    let edit =
        move |f: Box<dyn FnOnce(&mut crate::domain::draft::DraftAnswer)>| ws.edit(&ind_id, f);

    let findings = Memo::new(move |_| {
        let today = clock::today();
        ws.draft.with(|d| {
            d.answers
                .get(&ind.id)
                .map(|a| check_answer(fw, ind, a, today))
                .unwrap_or_default()
        })
    });

    let (prev, next) = ws.draft.with_untracked(|d| {
        let scope: Vec<&Indicator> = d.scope(fw).collect();
        let pos = scope.iter().position(|i| i.id == ind.id);
        let draft = d.id.clone();
        let link = |i: Option<&&Indicator>| {
            i.map(|i| {
                (
                    Route::Fill {
                        draft: draft.clone(),
                        indicator: Some(i.id.clone()),
                    }
                    .href(),
                    i.display_code().to_string(),
                )
            })
        };
        match pos {
            Some(p) => (
                link(p.checked_sub(1).and_then(|q| scope.get(q))),
                link(scope.get(p + 1)),
            ),
            None => (None, None),
        }
    });

    let fakta_id = format!("fakta-{}", ind.id);
    let analisis_id = format!("analisis-{}", ind.id);
    let service_id = format!("service-{}", ind.id);
    let edit_fakta = edit.clone();
    let edit_analisis = edit.clone();
    let edit_service = edit.clone();

    view! {
        <article class="indicator-editor" aria-labelledby="indicator-title">
            <header class="indicator-head">
                <p class="eyebrow">
                    {domain.map(|d| view! { <span>{text(d.name.clone())}</span> " › " })}
                    {aspect.map(|a| view! { <span>{text(a.name.clone())}</span> })}
                    " · "
                    <span>{move || match lang.get() {
                        Lang::Id => format!("bobot {}%", format_hundredths(weight, Lang::Id)),
                        Lang::En => format!("weight {}%", format_hundredths(weight, Lang::En)),
                    }}</span>
                </p>
                <h2 id="indicator-title">
                    <span class="indicator-code">{ind.display_code().to_string()}</span>
                    " "
                    {text(ind.name.clone())}
                </h2>
                {role.map(|r| {
                    let label = if r == "lead" { tr("Unit Anda: penanggung jawab utama", "Your unit: lead") } else { tr("Unit Anda: pendukung", "Your unit: support") };
                    view! { <span class=format!("badge badge-{r}")>{label}</span> }
                })}
            </header>
            {(part == Some(Part::Support)).then(|| view! {
                <div class="notice info support-note" role="note">
                    <p>{tr(
                        "Indikator ini dipimpin unit lain; unit Anda pendukung. Tulis masukan untuk penanggung jawabnya: fakta yang Anda ketahui dan bukti dukung yang Anda pegang. Tingkat boleh dikosongkan. Bila Anda memilih tingkat, itu menjadi usulan; usulan yang berbeda dari jawaban penanggung jawab akan diputuskan koordinator.",
                        "Another unit leads this indicator; yours supports it. Write input for the lead: the facts you know and the evidence you hold. The level may stay empty. If you choose one, it is a proposal; a proposal that differs from the lead's answer is settled by the coordinator.",
                    )}</p>
                </div>
            })}
            <div class="indicator-description">{paragraphs(&ind.description)}</div>
            <ExternalSource ind=ind/>
            <LevelPicker ind=ind/>
            {ind.service.then(|| view! {
                <div class="field">
                    <label for=service_id.clone()>{tr("Nama layanan publik yang dinilai", "Name of the public service assessed")}</label>
                    <input id=service_id.clone() type="text" prop:value=initial.service.clone()
                        placeholder=tr("mis. Perizinan berusaha melalui OSS daerah", "e.g. business licensing via the regional OSS")
                        on:input=move |ev| { let v = event_target_value(&ev); edit_service(Box::new(move |a| a.service = v)) }/>
                </div>
            })}
            <section class="justification" aria-labelledby="justification-title">
                <h3 id="justification-title">{tr("Penjelasan", "Explanation")}</h3>
                <p class="hint">{tr(
                    "Tulis dengan pola Fakta dan Analisis seperti pada pedoman evaluasi: fakta menyebut dokumen atau sistem yang ada, analisis menjelaskan kriteria tingkat mana yang dipenuhi.",
                    "Write in the Facts and Analysis pattern of the evaluation guide: facts name the documents or systems that exist, analysis explains which level criterion they meet.",
                )}</p>
                <div class="field">
                    <label for=fakta_id.clone()>{tr("Fakta", "Facts")}</label>
                    <textarea id=fakta_id.clone() rows="4"
                        placeholder=tr(
                            "Dokumen/sistem apa, nomor dan tahun, pasal atau bab dan halaman, nama berkas bukti. Mis.: Perbup No. 12 Tahun 2024 tentang SIMPEG, Pasal 4, hlm. 3 (berkas 36.a.Perbup-12-2024.pdf).",
                            "Which document/system, number and year, article or chapter and page, evidence file name.",
                        )
                        prop:value=initial.fakta.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit_fakta(Box::new(move |a| a.fakta = v)) }></textarea>
                </div>
                <div class="field">
                    <label for=analisis_id.clone()>{tr("Analisis", "Analysis")}</label>
                    <textarea id=analisis_id.clone() rows="4"
                        placeholder=tr(
                            "Kriteria tingkat mana yang dipenuhi oleh fakta di atas, dan mengapa.",
                            "Which level criterion the facts above meet, and why.",
                        )
                        prop:value=initial.analisis.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit_analisis(Box::new(move |a| a.analisis = v)) }></textarea>
                </div>
            </section>
            <EvidenceEditor ind=ind/>
            {(!ind.notes.is_empty()).then(|| view! {
                <details class="details source">
                    <summary>{tr("Catatan sumber untuk indikator ini", "Source notes for this indicator")}</summary>
                    <SourceNotes notes=&ind.notes/>
                </details>
            })}
            <Show when=move || !findings.get().is_empty()>
                <section class="findings" aria-labelledby="findings-title">
                    <h3 id="findings-title">{tr("Perlu diperhatikan sebelum dinilai asesor", "Check before the asesor does")}</h3>
                    <ul>
                        {move || findings.get().into_iter().map(|f| {
                            let m = f.message();
                            view! { <li>{move || m.get(lang.get()).to_string()}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
            <nav class="prev-next" aria-label=tr("Indikator sebelumnya dan berikutnya", "Previous and next indicator")>
                {prev.map(|(href, code)| view! { <a class="btn" href=href>"← " {tr("Indikator", "Indicator")} " " {code}</a> })}
                <span class="header-spacer"></span>
                {next.map(|(href, code)| view! { <a class="btn btn-primary" href=href>{tr("Indikator", "Indicator")} " " {code} " →"</a> })}
            </nav>
        </article>
    }
    .into_any()
}

/// For indicators fed by another agency's index (Pemdi 5, 6, 7, 18): where the value
/// comes from, the assumption while it is missing, and the published conversion.
#[component]
fn ExternalSource(ind: &'static Indicator) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let Source::External {
        index,
        agency,
        conversion,
        assumed_when_missing,
    } = &ind.source
    else {
        return ().into_any();
    };
    let raw = RwSignal::new(String::new());
    let converted = Memo::new(move |_| conversion.convert_typed(&raw.get()));
    let assumed = assumed_when_missing.map(|a| a.round_hundredths_half_up());
    let ind_id = ind.id.clone();
    let apply = move |_| {
        if let Some(v) = converted.get_untracked() {
            ws.edit(&ind_id, move |a| a.value = Some(v));
        }
    };
    let input_id = format!("raw-{}", ind.id);
    let idx = index.clone();
    let ag = agency.clone();
    view! {
        <aside class="external-source">
            <p>
                {move || match lang.get() {
                    Lang::Id => format!("Nilai indikator ini berasal dari {}, yang dikelola {}.", idx.id, ag.id),
                    Lang::En => format!("This indicator's value comes from {}, kept by {}.", idx.get(Lang::En), ag.get(Lang::En)),
                }}
                " "
                {assumed.map(|h| move || match lang.get() {
                    Lang::Id => format!("Selama nilainya belum ada, evaluasi memakai {}.", format_hundredths(h, Lang::Id)),
                    Lang::En => format!("While it is missing, the evaluation uses {}.", format_hundredths(h, Lang::En)),
                })}
            </p>
            {conversion.raw_range().map(|(lo, hi)| view! {
                <div class="field-row">
                    <div class="field">
                        <label for=input_id.clone()>{move || {
                            let l = lang.get();
                            let range = format!("{}–{}", format_decimal(lo, l), format_decimal(hi, l));
                            match l {
                                Lang::Id => format!("Nilai indeks asal ({range})"),
                                Lang::En => format!("Source index value ({range})"),
                            }
                        }}</label>
                        <input id=input_id.clone() type="text" inputmode="decimal" size="8"
                            prop:value=move || raw.get() on:input=move |ev| raw.set(event_target_value(&ev))/>
                    </div>
                    <p class="converted" aria-live="polite">
                        {move || converted.get().map(|v| {
                            let h = i64::from(v.hundredths());
                            match lang.get() {
                                Lang::Id => format!("= nilai indikator {}", format_hundredths(h, Lang::Id)),
                                Lang::En => format!("= indicator value {}", format_hundredths(h, Lang::En)),
                            }
                        })}
                    </p>
                    <button type="button" class="btn" disabled=move || converted.get().is_none() on:click=apply>
                        {tr("Pakai nilai ini", "Use this value")}
                    </button>
                </div>
            })}
        </aside>
    }
    .into_any()
}
