//! Check and export: what the coordinator will receive, what is still missing or weak,
//! and the download of the submission file.

use crate::adapters::documents::{build_zip, size_label, Scope, ZipItem};
use crate::adapters::{clock, files};
use crate::domain::bundle;
use crate::domain::checks::check_answer;
use crate::domain::draft::{export_file_name, unit_for_name, Part};
use crate::domain::exchange::{self, Kind};
use crate::domain::text::{Lang, Text};
use crate::ui::fill::DraftHeader;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::route::Route;
use crate::ui::state::{notifier, notify, DraftWorkspace, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
                // Supporting indicators take input, which may have no level: never "missing".
                let own = d.part(&ind.id).is_some_and(Part::answers);
                match d.answers.get(&ind.id) {
                    None if own => missing.push(ind.id.as_str()),
                    None => {}
                    Some(a) if a.value.is_none() && own => no_value.push(ind.id.as_str()),
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
    // What the file will carry: answers, and input on the indicators the unit supports.
    let carried = Memo::new(move |_| {
        ws.draft.with(|d| {
            let (file, _) = d.to_submission(&d.updated_at);
            (file.answers.len(), file.support.len())
        })
    });
    let answered = Memo::new(move |_| carried.get().0 + carried.get().1);
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

    let shared = RwSignal::new(false);
    let download = move |_| {
        let Some((name, json)) = build_file(ws) else {
            return;
        };
        match files::download_json(&name, &json) {
            Ok(()) => {
                shared.set(false);
                last_export.set(Some(name));
            }
            Err(e) => notify(
                NoticeKind::Error,
                Text::new(
                    format!("Gagal mengunduh: {e}"),
                    format!("Download failed: {e}"),
                ),
            ),
        }
    };
    // The system share sheet (WhatsApp, e-mail) where the browser can share files.
    let can_share = files::can_share_file(&file_name.get_untracked(), "application/json");
    let share = move |_| {
        let Some((name, json)) = build_file(ws) else {
            return;
        };
        let l = lang.get_untracked();
        let text = ws
            .draft
            .with_untracked(|d| d.share_message())
            .get(l)
            .to_string();
        spawn_local(async move {
            if files::share_file(&name, "application/json", json.as_bytes(), &name, &text)
                .await
                .is_ok()
            {
                // try_: the share sheet may come back after the screen was left.
                shared.try_set(true);
                last_export.try_set(Some(name));
            }
        });
    };
    let next_step = move || {
        let name = last_export.get()?;
        let t = ws.draft.with(|d| d.next_step(&name, shared.get()));
        Some(t.get(lang.get()).to_string())
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
                    <p>{move || { let (a, s) = carried.get(); match lang.get() {
                        Lang::Id if s > 0 => format!("Berkas berisi {a} jawaban dan {s} masukan sebagai unit pendukung, untuk dikirim ke koordinator (melalui WhatsApp, surel atau diska lepas)."),
                        Lang::En if s > 0 => format!("The file holds {a} answers and {s} inputs as a supporting unit, to send to your coordinator (by WhatsApp, e-mail or flash disk)."),
                        Lang::Id => format!("Berkas berisi {a} jawaban untuk dikirim ke koordinator (melalui WhatsApp, surel atau diska lepas)."),
                        Lang::En => format!("The file holds {a} answers to send to your coordinator (by WhatsApp, e-mail or flash disk)."),
                    }}}</p>
                    <p class="file-name"><code>{move || file_name.get()}</code></p>
                    <div class="button-row">
                        <button type="button" class="btn btn-primary btn-large" on:click=download disabled=move || answered.get() == 0>
                            {tr("Unduh berkas (.json)", "Download file (.json)")}
                        </button>
                        {can_share.then(|| view! {
                            <button type="button" class="btn btn-large" on:click=share disabled=move || answered.get() == 0>
                                {tr("Bagikan (WhatsApp, surel…)", "Share (WhatsApp, e-mail…)")}
                            </button>
                        })}
                    </div>
                    <BundleDownload/>
                    <Show when=move || answered.get() == 0>
                        <p class="muted">{tr("Isi setidaknya satu tingkat atau satu masukan untuk dapat mengekspor.", "Fill in at least one level or one input to export.")}</p>
                    </Show>
                    {move || next_step().map(|t| view! {
                        <div class="notice success next-step" role="status" data-testid="next-step">
                            <p>{t}</p>
                            <p class="small">{tr("Simpan juga salinannya sebagai cadangan. Bila ada perubahan, ekspor lagi: berkas yang lebih baru menggantikan yang lama.", "Keep a copy as a backup too. If anything changes, export again: the newer file replaces the older one.")}</p>
                        </div>
                    })}
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

/// The submission file of the draft now, checked with the same reader the coordinator's
/// import uses, and its name; `None` (with a notice saying why) when it cannot be made.
fn build_file(ws: DraftWorkspace) -> Option<(String, String)> {
    if !unit_named(ws) {
        return None;
    }
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
            return None;
        }
    };
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
        return None;
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
    Some((name, json))
}

/// Whether the draft names its unit; if not, says so (a file without its unit would be
/// refused by the coordinator's import, and by this screen's own check).
fn unit_named(ws: DraftWorkspace) -> bool {
    let named = ws.draft.with_untracked(|d| d.has_unit());
    if !named {
        notify(
            NoticeKind::Error,
            Text::new(
                "Unit kerja belum diisi. Isi di \"Detail berkas\" di bawah tombol unduh, lalu unduh lagi: berkas untuk koordinator harus menyebut unitnya.",
                "The unit is not filled in. Fill it in under \"File details\" below the download buttons, then download again: a file for the coordinator must name its unit.",
            ),
        );
    }
    named
}

/// Institution, period and unit as they go into the file; editable unless an assignment
/// from the coordinator fixed them. Opened at once, with a hint, while the unit is missing.
#[component]
fn DraftDetails() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fixed = ws.draft.with_untracked(|d| d.assignment.is_some());
    let initial = ws
        .draft
        .with_untracked(|d| (d.institution.clone(), d.period.clone(), d.unit.name.clone()));
    let now = clock::now;
    let unnamed = move || ws.draft.with(|d| !d.has_unit());
    view! {
        <details class="details" open=ws.draft.with_untracked(|d| !d.has_unit())>
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
                    aria-describedby="detail-unit-hint"
                    on:input=move |ev| { let v = event_target_value(&ev); let t = now(); ws.draft.update(|d| { d.unit = unit_for_name(&v); d.updated_at = t; }) }/>
                <Show when=unnamed>
                    <p class="hint warn-text" id="detail-unit-hint">{tr(
                        "Isi nama unit kerja Anda (mis. \"Bappeda\"): berkas ini dibuka dari berkas yang tidak menyebut unit, dan koordinator perlu tahu dari unit mana jawabannya.",
                        "Fill in your unit's name (e.g. \"Bappeda\"): this draft was opened from a file that names no unit, and the coordinator needs to know which unit the answers come from.",
                    )}</p>
                </Show>
            </div>
        </details>
    }
}

/// The .zip bundle: the same submission plus the documents attached to its evidence.
#[component]
fn BundleDownload() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let totals = Memo::new(move |_| {
        ws.draft.with(|d| {
            let (file, _) = d.to_submission(&d.updated_at);
            let docs = bundle::listed(&file);
            let mut seen = std::collections::BTreeSet::new();
            let bytes: u64 = docs
                .iter()
                .filter(|l| seen.insert(l.document.sha256.clone()))
                .map(|l| l.document.size)
                .sum();
            // Nothing to send: no answer and no input as a supporting unit.
            let empty = file.answers.is_empty() && file.support.is_empty();
            (docs.len(), bytes, empty)
        })
    });
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let notify = notifier();
    let download = move |_| {
        if !unit_named(ws) {
            return;
        }
        let notify = notify.clone();
        let now = clock::now();
        let (mut file, draft_id, name) = ws.draft.with_untracked(|d| {
            let name = export_file_name(
                Kind::Submission,
                &d.unit.id,
                &d.framework,
                &d.period,
                &clock::local(&now),
            );
            (d.to_submission(&now).0, d.id.clone(), name)
        });
        let planned = bundle::plan(&mut file);
        let json = match crate::domain::json::to_vec_pretty(&file) {
            Ok(j) if exchange::parse(&j).is_ok() => j,
            _ => {
                notify(
                    NoticeKind::Error,
                    Text::new(
                        "Berkas tidak lolos pemeriksaan. Periksa nilai yang diisi.",
                        "The file failed validation. Check the values entered.",
                    ),
                );
                return;
            }
        };
        let scope = Scope::Draft(draft_id);
        let items = planned
            .into_iter()
            .map(|p| ZipItem {
                key: scope.key(&p.sha256),
                path: p.path,
            })
            .collect();
        let zip_name = format!("{}.zip", name.trim_end_matches(".json"));
        busy.set(true);
        done.set(None);
        spawn_local(async move {
            let result =
                build_zip(vec![(name, json)], items, Vec::new(), |_, _| {}, || false).await;
            // try_: the screen may have been left while the bundle was built.
            busy.try_set(false);
            match result {
                Ok((blob, missing)) => {
                    if !missing.is_empty() {
                        notify(NoticeKind::Warning, Text::new(
                            format!("Dokumen ini tidak ditemukan di browser dan tidak ikut dalam bundel: {}. Lampirkan ulang lalu unduh lagi.", missing.join(", ")),
                            format!("These documents were not found in this browser and are not in the bundle: {}. Attach them again, then download again.", missing.join(", ")),
                        ));
                    }
                    match files::download_blob(&zip_name, &blob) {
                        Ok(()) => {
                            done.try_set(Some(zip_name));
                        }
                        Err(e) => notify(
                            NoticeKind::Error,
                            Text::new(
                                format!("Gagal mengunduh: {e}"),
                                format!("Download failed: {e}"),
                            ),
                        ),
                    }
                }
                Err(e) => notify(NoticeKind::Error, e.message()),
            }
        });
    };
    view! {
        <div class="bundle-download">
            <p class="muted">{move || {
                let (n, bytes, _) = totals.get();
                let l = lang.get();
                match l {
                    Lang::Id => format!("Bundel .zip berisi berkas yang sama beserta {n} dokumen terlampir ({}). Berkas .json biasa tetap yang paling ringan; kirim bundel bila koordinator meminta dokumennya.", size_label(bytes, l)),
                    Lang::En => format!("The .zip bundle holds the same file with its {n} attached documents ({}). The plain .json stays the lightest; send the bundle when your coordinator asks for the documents.", size_label(bytes, l)),
                }
            }}</p>
            <button type="button" class="btn" on:click=download disabled=move || busy.get() || totals.get().2>
                {tr("Unduh bundel dengan dokumen (.zip)", "Download bundle with documents (.zip)")}
            </button>
            <Show when=move || busy.get()>
                <span class="muted" role="status">{tr("Menyusun bundel…", "Building the bundle…")}</span>
            </Show>
            <Show when=move || done.get().is_some()>
                <p class="notice success" role="status">{move || match lang.get() {
                    Lang::Id => format!("Bundel \"{}\" telah diunduh.", done.get().unwrap_or_default()),
                    Lang::En => format!("\"{}\" was downloaded.", done.get().unwrap_or_default()),
                }}</p>
            </Show>
        </div>
    }
}
