//! Check and export: what the coordinator will receive, what is still missing or weak,
//! and the download of the submission file.

use crate::adapters::{clock, files};
use crate::domain::checks::check_answer;
use crate::domain::draft::{export_file_name, unit_for_name};
use crate::domain::exchange::{self, Kind};
use crate::domain::text::{Lang, Text};
use crate::ui::fill::DraftHeader;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::route::Route;
use crate::ui::state::{notify, DraftWorkspace, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn ExportScreen() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let draft_id = ws.draft.with_untracked(|d| d.id.clone());

    // Per indicator of the scope: its code, name, and what is wrong with it.
    let review = Memo::new(move |_| {
        let today = clock::today();
        ws.draft.with(|d| {
            let mut missing = Vec::new();
            let mut no_value = Vec::new();
            let mut weak = Vec::new();
            for ind in fw.indicators.iter().filter(|i| d.is_in_scope(&i.id)) {
                match d.answers.get(&ind.id) {
                    None => missing.push(ind.id.as_str()),
                    Some(a) if a.value.is_none() => no_value.push(ind.id.as_str()),
                    Some(a) => {
                        let f = check_answer(fw, ind, a, today);
                        if !f.is_empty() {
                            weak.push((ind.id.as_str(), f));
                        }
                    }
                }
            }
            (missing, no_value, weak)
        })
    });
    let answered = Memo::new(move |_| ws.draft.with(|d| d.values().len()));
    let file_name = Memo::new(move |_| {
        ws.draft.with(|d| {
            export_file_name(
                Kind::Submission,
                &d.unit.id,
                &d.framework,
                &d.period,
                &clock::local(&clock::now()),
            )
        })
    });
    let last_export = RwSignal::new(None::<String>);

    let download = move |_| {
        let now = clock::now();
        let (file, _) = ws.draft.with_untracked(|d| d.to_submission(&now));
        let json = match crate::domain::json::to_string_pretty(&file) {
            Ok(j) => j,
            Err(e) => {
                notify(
                    NoticeKind::Error,
                    Text::new(
                        format!("Gagal membuat berkas: {e}"),
                        format!("Could not build the file: {e}"),
                    ),
                );
                return;
            }
        };
        // The file must pass the same checks the coordinator's import applies.
        if let Err(problems) = exchange::parse(json.as_bytes()) {
            let first = problems
                .first()
                .map(|p| format!("{}: {}", p.path, p.message.id))
                .unwrap_or_default();
            notify(
                NoticeKind::Error,
                Text::new(
                    format!("Berkas tidak lolos pemeriksaan ({first}). Periksa nilai yang diisi."),
                    format!("The file failed validation ({first}). Check the values entered."),
                ),
            );
            return;
        }
        let name = ws.draft.with_untracked(|d| {
            export_file_name(
                Kind::Submission,
                &d.unit.id,
                &d.framework,
                &d.period,
                &clock::local(&now),
            )
        });
        match files::download_json(&name, &json) {
            Ok(()) => last_export.set(Some(name)),
            Err(e) => notify(
                NoticeKind::Error,
                Text::new(
                    format!("Gagal mengunduh: {e}"),
                    format!("Download failed: {e}"),
                ),
            ),
        }
    };

    let fill_link = move |id: &str| {
        Route::Fill {
            draft: draft_id.clone(),
            indicator: Some(id.to_string()),
        }
        .href()
    };
    let fill_link2 = fill_link.clone();
    let fill_link3 = fill_link.clone();

    view! {
        <section class="screen export">
            <DraftHeader/>
            <div class="export-grid">
                <section class="card" aria-labelledby="export-title">
                    <h2 id="export-title">{tr("Unduh berkas jawaban", "Download the submission file")}</h2>
                    <p>{move || match lang.get() {
                        Lang::Id => format!("Berkas berisi {} jawaban untuk dikirim ke koordinator (melalui surel, aplikasi pesan atau diska lepas).", answered.get()),
                        Lang::En => format!("The file holds {} answers to send to your coordinator (by e-mail, chat or flash disk).", answered.get()),
                    }}</p>
                    <p class="file-name"><code>{move || file_name.get()}</code></p>
                    <button type="button" class="btn btn-primary btn-large" on:click=download disabled=move || answered.get() == 0>
                        {tr("Unduh berkas (.json)", "Download file (.json)")}
                    </button>
                    <Show when=move || answered.get() == 0>
                        <p class="muted">{tr("Isi setidaknya satu tingkat untuk dapat mengekspor.", "Fill in at least one level to export.")}</p>
                    </Show>
                    <Show when=move || last_export.get().is_some()>
                        <div class="notice success" role="status">
                            <p>{move || match lang.get() {
                                Lang::Id => format!("Berkas \"{}\" telah diunduh. Simpan juga salinannya sebagai cadangan.", last_export.get().unwrap_or_default()),
                                Lang::En => format!("\"{}\" was downloaded. Keep a copy as a backup too.", last_export.get().unwrap_or_default()),
                            }}</p>
                        </div>
                    </Show>
                    <DraftDetails/>
                </section>
                <section class="card" aria-labelledby="review-title">
                    <h2 id="review-title">{tr("Pemeriksaan sebelum dikirim", "Checks before sending")}</h2>
                    <Show when=move || { let (m, n, w) = review.get(); m.is_empty() && n.is_empty() && w.is_empty() }>
                        <p class="ok">{tr("Semua indikator terisi dan tidak ada peringatan.", "Every indicator is answered and there are no warnings.")}</p>
                    </Show>
                    <Show when=move || !review.get().0.is_empty()>
                        <h3>{tr("Belum dijawab", "Not answered yet")}</h3>
                        <ul class="link-list">
                            {let f = fill_link.clone(); move || review.get().0.into_iter().filter_map(|i| fw.indicator(i)).map(|i| {
                                view! { <li><a href=f(&i.id)>{i.display_code().to_string()} " " {text(i.name.clone())}</a></li> }
                            }).collect_view()}
                        </ul>
                    </Show>
                    <Show when=move || !review.get().1.is_empty()>
                        <h3>{tr("Ada penjelasan tetapi belum ada tingkat (tidak ikut diekspor)", "Has an explanation but no level (not exported)")}</h3>
                        <ul class="link-list">
                            {let f = fill_link2.clone(); move || review.get().1.into_iter().filter_map(|i| fw.indicator(i)).map(|i| {
                                view! { <li><a href=f(&i.id)>{i.display_code().to_string()} " " {text(i.name.clone())}</a></li> }
                            }).collect_view()}
                        </ul>
                    </Show>
                    <Show when=move || !review.get().2.is_empty()>
                        <h3>{tr("Peringatan", "Warnings")}</h3>
                        <ul class="link-list">
                            {let f = fill_link3.clone(); move || review.get().2.into_iter().filter_map(|(i, f)| Some((fw.indicator(i)?, f))).map(|(i, findings)| {
                                let messages = findings.into_iter().map(|x| {
                                    let m = x.message();
                                    view! { <li>{move || m.get(lang.get()).to_string()}</li> }
                                }).collect_view();
                                view! {
                                    <li><a href=f(&i.id)>{i.display_code().to_string()} " " {text(i.name.clone())}</a>
                                        <ul>{messages}</ul>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </Show>
                </section>
            </div>
        </section>
    }
}

/// Institution, period and unit as they go into the file; editable unless an assignment
/// from the coordinator fixed them.
#[component]
fn DraftDetails() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fixed = ws.draft.with_untracked(|d| d.assignment.is_some());
    let initial = ws
        .draft
        .with_untracked(|d| (d.institution.clone(), d.period.clone(), d.unit.name.clone()));
    let now = clock::now;
    view! {
        <details class="details">
            <summary>{tr("Detail berkas", "File details")}</summary>
            {fixed.then(|| view! { <p class="muted">{tr("Ditetapkan oleh berkas penugasan koordinator.", "Set by the coordinator's assignment file.")}</p> })}
            <div class="field">
                <label for="detail-institution">{tr("Nama instansi", "Institution")}</label>
                <input id="detail-institution" type="text" disabled=fixed prop:value=initial.0
                    on:input=move |ev| { let v = event_target_value(&ev); let t = now(); ws.draft.update(|d| { d.institution = v; d.updated_at = t; }) }/>
            </div>
            <div class="field">
                <label for="detail-period">{tr("Periode", "Period")}</label>
                <input id="detail-period" type="text" disabled=fixed prop:value=initial.1
                    on:input=move |ev| { let v = event_target_value(&ev); let t = now(); ws.draft.update(|d| { d.period = v; d.updated_at = t; }) }/>
            </div>
            <div class="field">
                <label for="detail-unit">{tr("Unit kerja", "Unit")}</label>
                <input id="detail-unit" type="text" disabled=fixed prop:value=initial.2
                    on:input=move |ev| { let v = event_target_value(&ev); let t = now(); ws.draft.update(|d| { d.unit = unit_for_name(&v); d.updated_at = t; }) }/>
            </div>
        </details>
    }
}
