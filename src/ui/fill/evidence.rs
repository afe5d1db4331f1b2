//! The bukti dukung of one indicator: title, reference (number/article/page), link or
//! location, the level it supports, its date, whether it is a review document, and the
//! document files attached to it (kept in IndexedDB, see `adapters::documents`).

use crate::adapters::documents::{documents, size_label, Scope};
use crate::adapters::{files, kv};
use crate::domain::catalogue::Indicator;
use crate::domain::exchange::{Date, Evidence};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::{notifier, notify, DraftWorkspace, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EvidenceEditor(ind: &'static Indicator) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    provide_context(StorageRefresh(RwSignal::new(0)));
    let count = Memo::new(move |_| {
        ws.draft
            .with(|d| d.answers.get(&ind.id).map_or(0, |a| a.evidence.len()))
    });
    // Rows are rebuilt (with fresh field values) whenever one is removed, so a row never
    // shows its neighbour's text.
    let generation = RwSignal::new(0u32);
    let add_id = ind.id.clone();
    let add = move |_| {
        ws.edit(&add_id, |a| a.evidence.push(Evidence::default()));
        // Focus the new row's title once it exists.
        let n = count.get_untracked();
        let target = format!("ev-{}-{}-title", ind.id, n.saturating_sub(1));
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&target) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <section class="evidence" aria-labelledby="evidence-title">
            <h3 id="evidence-title">{tr("Bukti dukung", "Evidence")}</h3>
            <p class="hint">{text(ind.evidence_hint.clone())}</p>
            <StorageUse/>
            <For
                each={move || { let g = generation.get(); (0..count.get()).map(move |i| (g, i)).collect::<Vec<_>>()} }
                key=|k| *k
                children=move |(_, i)| view! { <EvidenceRow ind=ind index=i generation=generation/> }
            />
            <button type="button" class="btn" on:click=add>{tr("+ Tambah bukti", "+ Add evidence")}</button>
        </section>
    }
}

#[component]
fn EvidenceRow(ind: &'static Indicator, index: usize, generation: RwSignal<u32>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let initial = ws.draft.with_untracked(|d| {
        d.answers
            .get(&ind.id)
            .and_then(|a| a.evidence.get(index).cloned())
    });
    let Some(initial) = initial else {
        return ().into_any();
    };
    let id = ind.id.clone();
    let set = move |f: Box<dyn FnOnce(&mut Evidence)>| {
        ws.edit(&id, move |a| {
            if let Some(e) = a.evidence.get_mut(index) {
                f(e)
            }
        })
    };
    let field = |name: &str| format!("ev-{}-{index}-{name}", ind.id);
    let n = index + 1;
    let (s1, s2, s3, s4, s5, s6) = (
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
    );
    let remove_id = ind.id.clone();
    let levels = fw
        .levels()
        .map(|l| {
            let selected = initial.level == Some(l);
            view! { <option value=l.to_string() selected=selected>{l}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="evidence-row">
            <legend>{move || match lang.get() { Lang::Id => format!("Bukti {n}"), Lang::En => format!("Evidence {n}") }}</legend>
            <div class="field grow">
                <label for=field("title")>{tr("Judul dokumen/bukti", "Document/evidence title")}</label>
                <input id=field("title") type="text" prop:value=initial.title.clone()
                    placeholder=tr("mis. Perbup No. 12 Tahun 2024 tentang Arsitektur SPBE", "e.g. Regent Regulation 12/2024 on SPBE Architecture")
                    on:input=move |ev| { let v = event_target_value(&ev); s1(Box::new(move |e| e.title = v)) }/>
            </div>
            <div class="field">
                <label for=field("reference")>{tr("Rujukan (pasal, halaman)", "Reference (article, page)")}</label>
                <input id=field("reference") type="text" prop:value=initial.reference.clone()
                    placeholder=tr("Pasal 4, hlm. 3", "Article 4, p. 3")
                    on:input=move |ev| { let v = event_target_value(&ev); s2(Box::new(move |e| e.reference = v)) }/>
            </div>
            <div class="field grow">
                <label for=field("link")>{tr("Tautan atau lokasi berkas", "Link or file location")}</label>
                <input id=field("link") type="text" prop:value=initial.link.clone()
                    placeholder=tr("https://… atau 1.a.Perbup-12-2024.pdf", "https://… or 1.a.Perbup-12-2024.pdf")
                    on:input=move |ev| { let v = event_target_value(&ev); s3(Box::new(move |e| e.link = v)) }/>
            </div>
            <div class="field">
                <label for=field("level")>{tr("Mendukung tingkat", "Supports level")}</label>
                <select id=field("level") on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<u8>().ok();
                    s4(Box::new(move |e| e.level = v))
                }>
                    <option value="" selected=initial.level.is_none()>"—"</option>
                    {levels}
                </select>
            </div>
            <div class="field">
                <label for=field("date")>{tr("Tanggal dokumen", "Document date")}</label>
                <input id=field("date") type="date" prop:value=initial.date.map(|d| d.to_string()).unwrap_or_default()
                    on:input=move |ev| { let d = Date::parse(&event_target_value(&ev)); s5(Box::new(move |e| e.date = d)) }/>
            </div>
            <EvidenceDocuments ind=ind index=index/>
            <div class="field checkbox">
                <input id=field("review") type="checkbox" prop:checked=initial.review
                    on:change=move |ev| { let v = event_target_checked(&ev); s6(Box::new(move |e| e.review = v)) }/>
                <label for=field("review")>{tr("Dokumen reviu/evaluasi", "Review/evaluation document")}</label>
            </div>
            <button type="button" class="btn btn-small btn-danger-outline"
                aria-label=move || match lang.get() { Lang::Id => format!("Hapus bukti {n}"), Lang::En => format!("Remove evidence {n}") }
                on:click=move |_| {
                    ws.edit(&remove_id, |a| { if index < a.evidence.len() { a.evidence.remove(index); } });
                    generation.update(|g| *g += 1);
                }>
                {tr("Hapus", "Remove")}
            </button>
        </fieldset>
    }
    .into_any()
}

/// The files attached to one evidence entry: name, type and size of each, open in a new
/// tab, replace, remove; and a button to attach more.
#[component]
fn EvidenceDocuments(ind: &'static Indicator, index: usize) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let scope = Scope::Draft(ws.draft.with_untracked(|d| d.id.clone()));
    let docs = Memo::new(move |_| {
        ws.draft.with(|d| {
            d.answers
                .get(&ind.id)
                .and_then(|a| a.evidence.get(index))
                .map(|e| e.documents.clone())
                .unwrap_or_default()
        })
    });
    let busy = RwSignal::new(false);
    let usage = use_context::<StorageRefresh>();
    let notify_later = notifier();
    // Stores the files and attaches them (in place of document `replace`, if given).
    let attach = {
        let scope = scope.clone();
        move |files: Vec<web_sys::File>, replace: Option<usize>| {
            let scope = scope.clone();
            let notify = notify_later.clone();
            busy.set(true);
            spawn_local(async move {
                let store = documents().await;
                for (k, f) in files.iter().enumerate() {
                    match store.attach(&scope, f).await {
                        Ok(doc) => ws.edit(&ind.id, |a| {
                            if let Some(e) = a.evidence.get_mut(index) {
                                match replace {
                                    Some(i) if k == 0 && i < e.documents.len() => {
                                        e.documents[i] = doc
                                    }
                                    _ => e.documents.push(doc),
                                }
                            }
                        }),
                        Err(e) => notify(NoticeKind::Error, e.message(&f.name())),
                    }
                }
                // The draft's screen may have been left while the files were stored: then
                // its signals are gone, and nothing may be pruned on their word (an empty
                // list would delete every document of the draft).
                let Some(keep) = ws.draft.try_with_untracked(|d| d.document_hashes()) else {
                    busy.try_set(false);
                    return;
                };
                store.keep_only(&scope, &keep).await;
                ws.flush();
                busy.try_set(false);
                if let Some(StorageRefresh(r)) = usage {
                    r.try_update(|n| *n += 1);
                }
            });
        }
    };
    let remove = {
        let scope = scope.clone();
        move |i: usize| {
            ws.edit(&ind.id, |a| {
                if let Some(e) = a.evidence.get_mut(index) {
                    if i < e.documents.len() {
                        e.documents.remove(i);
                    }
                }
            });
            ws.flush();
            let (scope, keep) = (
                scope.clone(),
                ws.draft.with_untracked(|d| d.document_hashes()),
            );
            spawn_local(async move {
                documents().await.keep_only(&scope, &keep).await;
                if let Some(StorageRefresh(r)) = usage {
                    r.try_update(|n| *n += 1);
                }
            });
        }
    };
    let input_id = format!("ev-{}-{index}-files", ind.id);
    let n = index + 1;
    let attach_new = attach.clone();
    let rows = move || {
        docs.get()
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let (attach, remove, scope) = (attach.clone(), remove.clone(), scope.clone());
                let replace_id = format!("ev-{}-{index}-doc-{i}", ind.id);
                let key = scope.key(&d.sha256);
                let mime = d.media_type.clone();
                let open = move |_| {
                    let (key, mime) = (key.clone(), mime.clone());
                    let opened = files::open_in_new_tab(async move { documents().await.blob(&key, &mime).await });
                    if opened.is_err() {
                        notify(NoticeKind::Warning, Text::new(
                            "Browser menahan jendela baru. Izinkan pop-up untuk situs ini, lalu coba lagi.",
                            "The browser blocked the new tab. Allow pop-ups for this site, then try again.",
                        ));
                    }
                };
                let name = d.name.clone();
                let (name_open, name_replace, name_remove) = (name.clone(), name.clone(), name.clone());
                let kind = if d.media_type.is_empty() { tr("berkas", "file")().to_string() } else { d.media_type.clone() };
                let size = d.size;
                view! {
                    <li class="document">
                        <span class="document-name">{name}</span>
                        <span class="muted small">{kind} " · " {move || size_label(size, lang.get())}</span>
                        <span class="document-actions">
                            <button type="button" class="btn btn-small" on:click=open
                                aria-label=move || match lang.get() { Lang::Id => format!("Buka {name_open}"), Lang::En => format!("Open {name_open}") }>
                                {tr("Buka", "Open")}
                            </button>
                            <label for=replace_id.clone() class="btn btn-small">
                                {tr("Ganti", "Replace")}
                            </label>
                            <input id=replace_id type="file" class="visually-hidden-input"
                                aria-label=move || match lang.get() { Lang::Id => format!("Ganti {name_replace}"), Lang::En => format!("Replace {name_replace}") }
                                on:change=move |ev| {
                                    let input: web_sys::HtmlInputElement = event_target(&ev);
                                    let list = input.files().map(|l| files::files_of(&l)).unwrap_or_default();
                                    input.set_value("");
                                    if !list.is_empty() { attach(list, Some(i)) }
                                }/>
                            <button type="button" class="btn btn-small btn-danger-outline" on:click=move |_| remove(i)
                                aria-label=move || match lang.get() { Lang::Id => format!("Hapus {name_remove}"), Lang::En => format!("Remove {name_remove}") }>
                                {tr("Hapus", "Remove")}
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="documents">
            <ul class="document-list">{rows}</ul>
            <label for=input_id.clone() class="btn btn-small">
                {tr("Lampirkan berkas", "Attach files")}
            </label>
            <input id=input_id type="file" multiple=true class="visually-hidden-input"
                aria-label=move || match lang.get() { Lang::Id => format!("Lampirkan berkas ke bukti {n}"), Lang::En => format!("Attach files to evidence {n}") }
                accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.zip"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let list = input.files().map(|l| files::files_of(&l)).unwrap_or_default();
                    input.set_value("");
                    if !list.is_empty() { attach_new(list, None) }
                }/>
            <Show when=move || busy.get()>
                <span class="muted small" role="status">{tr("Menyimpan dokumen…", "Storing the documents…")}</span>
            </Show>
        </div>
    }
}

/// Bumped after documents are stored or removed, so the storage line refreshes.
#[derive(Clone, Copy)]
pub struct StorageRefresh(pub RwSignal<u32>);

/// How much of the browser's storage Swanilai uses and may use
/// (`navigator.storage.estimate`), a warning before it runs out, and whether the browser
/// agreed to keep the documents (`navigator.storage.persist`), in words.
#[component]
pub fn StorageUse() -> impl IntoView {
    let lang = lang();
    let refresh = use_context::<StorageRefresh>().unwrap_or(StorageRefresh(RwSignal::new(0)));
    // Plain signals filled by futures (no resource machinery in the unit's wasm).
    let estimate = RwSignal::new(None::<kv::Estimate>);
    let persisted = RwSignal::new(None::<(bool, Option<bool>)>);
    Effect::new(move |_| {
        refresh.0.track();
        spawn_local(async move {
            // try_: the screen may be gone when the browser answers.
            estimate.try_set(kv::estimate().await);
        });
    });
    spawn_local(async move {
        let lasting = documents().await.is_lasting();
        persisted.try_set(Some((
            lasting,
            if lasting { kv::persist().await } else { None },
        )));
    });
    let line = move || {
        let l = lang.get();
        let e = estimate.get()?;
        let (used, quota) = (e.usage as u64, e.quota as u64);
        let text = match l {
            Lang::Id => format!(
                "Penyimpanan dokumen di browser ini: {} terpakai dari {} yang diizinkan.",
                size_label(used, l),
                size_label(quota, l)
            ),
            Lang::En => format!(
                "Document storage in this browser: {} used of {} allowed.",
                size_label(used, l),
                size_label(quota, l)
            ),
        };
        Some(text)
    };
    let low = move || {
        estimate
            .get()
            .is_some_and(|e| e.quota > 0.0 && e.usage > e.quota * 0.8)
    };
    let persist_words = move || {
        let (lasting, granted) = persisted.get()?;
        Some(match (lasting, granted) {
            (false, _) => tr(
                "Browser ini tidak mengizinkan penyimpanan dokumen (mode penyamaran atau kebijakan): dokumen hanya ada selama tab ini terbuka. Unduh bundel .zip sebelum menutup.",
                "This browser does not allow storing documents (private mode or policy): documents last only while this tab is open. Download the .zip bundle before closing.",
            )(),
            (true, Some(true)) => tr(
                "Browser menyetujui penyimpanan tetap: dokumen tidak akan dihapus otomatis saat ruang disk menipis.",
                "The browser granted lasting storage: documents will not be removed automatically when disk space runs low.",
            )(),
            (true, _) => tr(
                "Browser belum menyetujui penyimpanan tetap: bila ruang disk sangat menipis, browser boleh menghapus data situs ini. Simpan bundel .zip sebagai cadangan.",
                "The browser has not granted lasting storage: if disk space runs very low it may clear this site's data. Keep the .zip bundle as a backup.",
            )(),
        })
    };
    view! {
        <div class="storage-use" role="status">
            <p class="muted small">{line} " " {persist_words}</p>
            <Show when=low>
                <p class="notice warning">{tr(
                    "Ruang penyimpanan hampir habis (lebih dari 80% terpakai). Hapus dokumen atau draf yang tidak diperlukan, atau perkecil berkasnya sebelum melampirkan lagi.",
                    "Storage is nearly full (more than 80% used). Remove documents or drafts you no longer need, or make files smaller before attaching more.",
                )}</p>
            </Show>
        </div>
    }
}
