//! The list of drafts in this browser: open, rename, duplicate, delete; and the damaged
//! entries kept aside, which can be downloaded.

use crate::adapters::documents::{documents, Scope};
use crate::adapters::{clock, files, storage};
use crate::domain::catalogue::summary;
use crate::domain::draft::Draft;
use crate::domain::revision::Versioned as _;
use crate::domain::text::{visible, Lang};
use crate::ui::i18n::{lang, tr, trs};
use crate::ui::route::Route;
use crate::ui::state::{notifier, notify, NoticeKind, DRAFTS};
use crate::ui::widgets::ConfirmButton;
use leptos::prelude::*;
use storage::Entry;

#[component]
pub fn DraftList(refresh: RwSignal<u32>) -> impl IntoView {
    let entries = Memo::new(move |_| {
        refresh.track();
        storage::store().list::<Draft>(DRAFTS)
    });
    let drafts = move || {
        let mut v: Vec<Draft> = entries
            .get()
            .into_iter()
            .filter_map(|e| match e {
                Entry::Ok(d) => Some(d),
                Entry::Corrupted { .. } => None,
            })
            .collect();
        crate::domain::sort::sort_by(&mut v, |a, b| b.updated_at.cmp(&a.updated_at));
        v
    };
    let quarantined = Memo::new(move |_| {
        refresh.track();
        entries.track();
        storage::store().quarantined()
    });

    view! {
        <section class="card drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{tr("Draf di browser ini", "Drafts in this browser")}</h2>
            <Show
                when=move || !drafts().is_empty()
                fallback=|| view! {
                    <p class="muted">{tr(
                        "Belum ada draf. Mulai penilaian baru atau buka berkas penugasan dari koordinator.",
                        "No drafts yet. Start a new assessment or open an assignment file from your coordinator.",
                    )}</p>
                }
            >
                <table class="table stack-on-phone">
                    <thead>
                        <tr>
                            <th scope="col">{tr("Nama draf", "Draft name")}</th>
                            <th scope="col">{tr("Kerangka", "Framework")}</th>
                            <th scope="col">{tr("Periode", "Period")}</th>
                            <th scope="col">{tr("Terisi", "Answered")}</th>
                            <th scope="col">{tr("Terakhir diubah", "Last changed")}</th>
                            <th scope="col"><span class="sr-only">{tr("Tindakan", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=drafts key=|d| (d.id.clone(), d.updated_at.clone(), d.name.clone())
                            children=move |d| view! { <DraftRow draft=d refresh=refresh/> }/>
                    </tbody>
                </table>
            </Show>
            <Show when=move || !quarantined.get().is_empty()>
                <div class="notice warning" role="status">
                    <p>{tr(
                        "Beberapa data di browser ini rusak dan tidak dapat dibaca. Isinya tidak dihapus: unduh untuk diperiksa atau dikirim ke tim pendukung.",
                        "Some data in this browser is damaged and cannot be read. It was not deleted: download it to inspect or send to support.",
                    )}</p>
                    <ul>
                        <For each=move || quarantined.get() key=|q| q.key.clone() children=move |q| {
                            let key = q.key.clone();
                            let key2 = q.key.clone();
                            view! {
                                <li>
                                    <code>{q.key.clone()}</code> " (" {q.bytes} " B) "
                                    <button type="button" class="btn btn-small" on:click=move |_| {
                                        if let Some(raw) = storage::store().raw(&key) {
                                            let _ = files::download(&format!("{key}.txt"), "text/plain", raw.as_bytes());
                                        }
                                    }>{tr("Unduh", "Download")}</button>
                                    " "
                                    <ConfirmButton
                                        label=trs("Buang", "Discard")
                                        question=trs("Buang data rusak ini?", "Discard this damaged data?")
                                        confirm=trs("Ya, buang", "Yes, discard")
                                        on_confirm=move || { storage::store().discard_quarantined(&key2); refresh.update(|n| *n += 1); }
                                    />
                                </li>
                            }
                        }/>
                    </ul>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn DraftRow(draft: Draft, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = lang();
    // The catalogue's summary: the start page parses no framework.
    let fw = summary(&draft.framework);
    let fw_name = fw
        .map(|f| f.short_name.clone())
        .unwrap_or_else(|| draft.framework.clone());
    let (answered, scope) = fw.map_or((0, 0), |f| {
        draft.progress(f.indicators.iter().map(String::as_str))
    });
    let open = Route::Fill {
        draft: draft.id.clone(),
        indicator: None,
    }
    .href();
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(draft.name.clone());
    let when = crate::ui::i18n::when(&draft.updated_at);
    let id_for_rename = draft.id.clone();
    let save_name = move || {
        let new_name = name.get_untracked().trim().to_string();
        renaming.set(false);
        if new_name.is_empty() {
            return;
        }
        let store = storage::store();
        if let Ok(Some(mut d)) = store.load::<Draft>(DRAFTS, &id_for_rename) {
            d.name = new_name;
            if let Err(e) = store.save(DRAFTS, &d.id, &d) {
                notify(NoticeKind::Error, e.message());
            }
        }
        refresh.update(|n| *n += 1);
    };
    let save_name2 = save_name.clone();
    let dup = draft.clone();
    let notify_later = notifier();
    let duplicate = move |_| {
        let notify = notify_later.clone();
        let copy = dup.copy_as(
            clock::new_id(),
            crate::ui::i18n::pick("salinan", "copy"),
            &clock::now(),
        );
        match storage::store().save(DRAFTS, &copy.id, &copy) {
            Ok(()) => {
                refresh.update(|n| *n += 1);
                let (from, to) = (Scope::Draft(dup.id.clone()), Scope::Draft(copy.id.clone()));
                leptos::task::spawn_local(async move {
                    if let Err(e) = documents().await.copy_scope(&from, &to).await {
                        notify(NoticeKind::Error, e.message());
                    }
                });
            }
            Err(e) => notify(NoticeKind::Error, e.message()),
        }
    };
    let del_id = draft.id.clone();
    let attached = draft.document_hashes().len();
    let draft_name = draft.name.clone();
    let question = Signal::derive(move || match lang.get() {
        Lang::Id => format!("Hapus draf \"{draft_name}\"? Ini tidak dapat dibatalkan."),
        Lang::En => format!("Delete draft \"{draft_name}\"? This cannot be undone."),
    });
    view! {
        <tr>
            <td>
                <Show when=move || renaming.get() fallback=move || view! { <a href=open.clone()>{move || visible(&name.get()).into_owned()}</a> }>
                    <form class="inline-form" on:submit={
                        let f = save_name.clone();
                        move |ev| { ev.prevent_default(); f() }
                    }>
                        <label class="sr-only" for=format!("rename-{}", draft.id)>{tr("Nama baru", "New name")}</label>
                        <input id=format!("rename-{}", draft.id) type="text" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                        <button type="submit" class="btn btn-small">{tr("Simpan", "Save")}</button>
                    </form>
                </Show>
                <div class="muted small">{visible(&draft.unit.name).into_owned()}</div>
            </td>
            <td data-label=tr("Kerangka", "Framework")>{fw_name}</td>
            <td data-label=tr("Periode", "Period")>{draft.period.clone()}</td>
            <td data-label=tr("Terisi", "Answered")>{answered} " / " {scope}</td>
            <td data-label=tr("Terakhir diubah", "Last changed")>{when}</td>
            <td class="actions">
                <button type="button" class="btn btn-small" on:click=move |_| {
                    if renaming.get_untracked() { save_name2() } else { renaming.set(true) }
                }>{tr("Ganti nama", "Rename")}</button>
                " "
                <button type="button" class="btn btn-small" on:click=duplicate>{tr("Duplikat", "Duplicate")}</button>
                " "
                {if attached == 0 {
                    view! {
                        <ConfirmButton
                            label=trs("Hapus", "Delete")
                            question=question
                            confirm=trs("Ya, hapus", "Yes, delete")
                            on_confirm=move || { storage::store().remove(DRAFTS, &del_id); refresh.update(|n| *n += 1); }
                        />
                    }.into_any()
                } else {
                    view! { <DeleteWithDocuments id=del_id.clone() count=attached question=question refresh=refresh/> }.into_any()
                }}
            </td>
        </tr>
    }
}

/// Deleting a draft that has documents: delete them too, or keep them (a copy of the
/// draft, or a bundle to open again later, may still list them).
#[component]
fn DeleteWithDocuments(
    id: String,
    count: usize,
    question: Signal<String>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = lang();
    let asking = RwSignal::new(false);
    let notify_later = notifier();
    let delete = move |with_documents: bool| {
        let notify = notify_later.clone();
        let id = id.clone();
        asking.set(false);
        storage::store().remove(DRAFTS, &id);
        refresh.update(|n| *n += 1);
        if with_documents {
            leptos::task::spawn_local(async move {
                if let Err(e) = documents().await.remove_scope(&Scope::Draft(id)).await {
                    notify(NoticeKind::Error, e.message());
                }
            });
        }
    };
    let keep = delete.clone();
    view! {
        <Show when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="btn btn-small btn-danger-outline" on:click=move |_| asking.set(true)>{tr("Hapus", "Delete")}</button>
            }>
            {
                let (delete, keep) = (delete.clone(), keep.clone());
                view! {
                    <span class="confirm" role="group">
                        <span class="confirm-question">{move || question.get()} " " {move || match lang.get() {
                            Lang::Id => format!("Draf ini memiliki {count} dokumen terlampir."),
                            Lang::En => format!("This draft has {count} attached documents."),
                        }}</span>
                        " "
                        <button type="button" class="btn btn-small btn-danger" on:click=move |_| delete(true)>{tr("Hapus draf dan dokumennya", "Delete the draft and its documents")}</button>
                        " "
                        <button type="button" class="btn btn-small btn-danger-outline" on:click=move |_| keep(false)>{tr("Hapus draf, simpan dokumennya", "Delete the draft, keep its documents")}</button>
                        " "
                        <button type="button" class="btn btn-small" on:click=move |_| asking.set(false)>{tr("Batal", "Cancel")}</button>
                    </span>
                }
            }
        </Show>
    }
}
