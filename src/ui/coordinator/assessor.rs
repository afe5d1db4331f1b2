//! Tab 5, assessor results: after the official evaluation, the assessors' values per
//! indicator for each stage that took place (the framework's stages), pasted from a
//! spreadsheet or typed, with their notes. They sit beside the self-assessment and change
//! none of its figures; the results screen sets the two side by side.

use super::state::Coord;
use crate::domain::assessor::parse_paste;
use crate::domain::engine::format_hundredths;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use crate::ui::i18n::{lang, text, tr, trs};
use crate::ui::route::Route;
use crate::ui::widgets::ConfirmButton;
use leptos::prelude::*;

#[component]
pub fn AssessorTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let first = fw
        .assessor_stages
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let stage = RwSignal::new(first);
    let stages = fw
        .assessor_stages
        .iter()
        .map(|s| {
            let id = s.id.clone();
            let input_id = format!("stage-{}", s.id);
            let count = {
                let id = id.clone();
                move || {
                    c.ws.with(|w| w.assessor.stage(&id).map_or(0, |r| r.values.len()))
                }
            };
            let on = id.clone();
            view! {
                <span class="stage-choice">
                    <input type="radio" name="assessor-stage" id=input_id.clone() value=id.clone()
                        prop:checked=move || stage.with(|s| *s == on)
                        on:change=move |_| stage.set(id.clone())/>
                    <label for=input_id>{text(s.name.clone())} " (" {count} ")"</label>
                </span>
            }
        })
        .collect_view();
    let results = Route::CoordinatorResults { workspace: c.id() }.href();
    view! {
        <section class="card" aria-labelledby="assessor-title">
            <h2 id="assessor-title">{tr("Hasil asesor", "Assessor results")}</h2>
            <p class="hint">{tr(
                "Setelah evaluasi resmi, catat nilai yang diberikan asesor untuk setiap indikator pada setiap tahap yang sudah berlangsung, beserta catatannya. Nilai ini disandingkan dengan penilaian mandiri di halaman hasil dan laporan; tidak satu pun angka penilaian mandiri berubah.",
                "After the official evaluation, record the value the assessors gave each indicator at each stage that took place, with their notes. The results page and the report set them beside the self-assessment; no self-assessment figure changes.",
            )}</p>
            <fieldset class="stage-picker">
                <legend>{tr("Tahap penilaian", "Evaluation stage")}</legend>
                {stages}
            </fieldset>
            <p><a class="btn" href=results>{tr("Lihat perbandingan di halaman hasil →", "See the comparison on the results page →")}</a></p>
        </section>
        {move || {
            let s = stage.get();
            view! {
                <Paste stage=s.clone()/>
                <ValueTable stage=s/>
            }
        }}
    }
}

/// Pasting two or three columns (indicator, value, note) from a spreadsheet.
#[component]
fn Paste(stage: String) -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let lang = lang();
    let pasted = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Text>::new());
    let done = RwSignal::new(None::<usize>);
    let stage = StoredValue::new(stage);
    let read = move |_| {
        done.set(None);
        match parse_paste(fw, &pasted.get_untracked()) {
            Err(list) => problems.set(list.iter().map(|p| p.message(fw)).collect()),
            Ok(lines) => {
                problems.set(Vec::new());
                let n = lines.len();
                match c.change(|w, now| w.record_assessor(&stage.get_value(), &lines, now)) {
                    Ok(()) => {
                        pasted.set(String::new());
                        done.set(Some(n));
                    }
                    Err(e) => problems.set(vec![e]),
                }
            }
        }
    };
    let example = if fw.values.is_decimal() {
        "13\t1,17\tRepositori aplikasi belum lengkap\n19;1,30;SLA berupa daftar, bukan dasbor\n20,2,50"
    } else {
        "36\t3\tBukti integrasi belum ada\n41;2\n45,2"
    };
    view! {
        <section class="card" aria-labelledby="paste-title">
            <h2 id="paste-title">{tr("Tempel dari lembar kerja", "Paste from a spreadsheet")}</h2>
            <p class="hint">{tr(
                "Satu indikator per baris: nomor indikator, nilai, lalu catatan bila ada. Pemisah boleh tab (salin dari Excel), titik koma, atau koma; koma desimal boleh. Baris judul diabaikan. Bila ada baris yang salah, tidak ada yang disimpan dan setiap baris yang salah disebutkan.",
                "One indicator per line: indicator number, value, then a note if any. Separate with tabs (copied from Excel), semicolons or commas; decimal commas are fine. A header line is skipped. If a line is wrong, nothing is saved and every wrong line is named.",
            )}</p>
            <div class="field">
                <label for="assessor-paste">{tr("Nilai asesor untuk tahap ini", "Assessor values for this stage")}</label>
                <textarea id="assessor-paste" rows="6" placeholder=example
                    aria-describedby="assessor-paste-problems"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="btn btn-primary" on:click=read>{tr("Baca dan simpan", "Read and save")}</button>
            <div id="assessor-paste-problems">
                <Show when=move || !problems.with(Vec::is_empty)>
                    <div class="notice error" role="alert">
                        <p>{tr("Tidak ada yang disimpan. Perbaiki baris berikut:", "Nothing was saved. Fix these lines:")}</p>
                        <ul>{move || problems.get().into_iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ul>
                    </div>
                </Show>
            </div>
            {move || done.get().map(|n| view! {
                <p class="ok" role="status">{move || match lang.get() {
                    Lang::Id => format!("{n} nilai asesor disimpan."),
                    Lang::En => format!("{n} assessor values saved."),
                }}</p>
            })}
        </section>
    }
}

/// Every indicator with the stage's value and note, editable one by one.
#[component]
fn ValueTable(stage: String) -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let lang = lang();
    let stage = StoredValue::new(stage);
    let error = RwSignal::new(None::<Text>);
    let rows = fw
        .indicators
        .iter()
        .map(|ind| {
            let id = ind.id.as_str();
            let current = Memo::new(move |_| {
                c.ws.with(|w| {
                    w.assessor
                        .stage(&stage.get_value())
                        .and_then(|s| s.values.get(id))
                        .map(|v| (v.value, v.note.clone()))
                })
            });
            let shown = move |v: Value, l: Lang| {
                if fw.values.is_decimal() {
                    format_hundredths(v.hundredths() as i64, l)
                } else {
                    v.to_string()
                }
            };
            let value_id = format!("assessor-{id}");
            let note_id = format!("assessor-note-{id}");
            let save = move |typed: Option<String>, note: Option<String>| {
                let (value, old_note) = current.get_untracked().unzip();
                let note = note.or(old_note).unwrap_or_default();
                let value = match typed {
                    None => value,
                    Some(t) if t.trim().is_empty() => None,
                    Some(t) => match Value::parse_typed(&t) {
                        Some(v) => Some(v),
                        None => {
                            error.set(Some(Text::new(
                                format!("Nilai indikator {} tidak terbaca: \"{t}\".", ind.display_code()),
                                format!("The value of indicator {} cannot be read: \"{t}\".", ind.display_code()),
                            )));
                            return;
                        }
                    },
                };
                let r = c.change(|w, now| w.set_assessor_value(&stage.get_value(), id, value, &note, now));
                error.set(r.err());
            };
            let code = ind.display_code().to_string();
            let name = ind.short_name.clone().unwrap_or_else(|| ind.name.clone());
            view! {
                <tr>
                    <th scope="row">{code.clone()}</th>
                    <td>{text(name)}</td>
                    <td>
                        <input id=value_id type="text" inputmode="decimal" size="5"
                            aria-label=move || match lang.get() { Lang::Id => format!("Nilai asesor indikator {code}"), Lang::En => format!("Assessor value of indicator {code}") }
                            prop:value=move || current.get().map(|(v, _)| shown(v, lang.get())).unwrap_or_default()
                            on:change=move |ev| save(Some(event_target_value(&ev)), None)/>
                    </td>
                    <td>
                        <input id=note_id type="text" class="wide"
                            aria-label=move || match lang.get() { Lang::Id => format!("Catatan asesor indikator {}", ind.display_code()), Lang::En => format!("Assessor note of indicator {}", ind.display_code()) }
                            disabled=move || current.get().is_none()
                            prop:value=move || current.get().map(|(_, n)| n).unwrap_or_default()
                            on:change=move |ev| save(None, Some(event_target_value(&ev)))/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="assessor-values-title">
            <h2 id="assessor-values-title">{tr("Nilai per indikator", "Values per indicator")}</h2>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{text(e)}</p> })}
            <div class="table-scroll">
                <table class="table compact assessor-table">
                    <thead><tr>
                        <th scope="col">{tr("Kode", "Code")}</th>
                        <th scope="col">{tr("Indikator", "Indicator")}</th>
                        <th scope="col">{tr("Nilai asesor", "Assessor value")}</th>
                        <th scope="col">{tr("Catatan asesor", "Assessor note")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ConfirmButton
                label=trs("Hapus semua nilai tahap ini", "Remove every value of this stage")
                question=trs("Hapus semua nilai asesor tahap ini? Penilaian mandiri tidak berubah.", "Remove every assessor value of this stage? The self-assessment does not change.")
                confirm=trs("Ya, hapus", "Yes, remove")
                on_confirm=move || {
                    let _ = c.change(|w, now| {
                        w.clear_assessor_stage(&stage.get_value(), now);
                        Ok(())
                    });
                }/>
        </section>
    }
}
