//! `#/koordinator`: the workspaces in this browser (open, rename, delete), a new one, or
//! a consolidated file reopened.

use super::state::{list_workspaces, read_workspace, remove_workspace, store_workspace};
use super::Tab;
use crate::adapters::files::{self, ReadError};
use crate::adapters::{clock, storage};
use crate::domain::catalogue::{default_framework_id, summary, units};
use crate::domain::consolidation::{merge, Workspace};
use crate::domain::exchange::{Problem, Severity, MAX_FILE_BYTES};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr, trs};
use crate::ui::parts::{new_workspace, NewWorkspace as NewWorkspaceForm};
use crate::ui::state::{navigate, notifier, NoticeKind};
use crate::ui::widgets::{warnings_notice, ConfirmButton, FileDrop, FrameworkChoice, ProblemList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use storage::Entry;

#[component]
pub fn CoordinatorHome() -> impl IntoView {
    // The list may rename or delete the open workspace: save and close it first.
    super::state::close();
    let refresh = RwSignal::new(0u32);
    view! {
        <section class="screen coordinator-home">
            <div class="intro">
                <h1>{tr("Ruang kerja koordinator", "Coordinator workspace")}</h1>
                <p class="lead">{tr(
                    "Tetapkan indikator untuk setiap unit kerja, kirim berkas penugasan, kumpulkan berkas jawaban mereka, selesaikan perbedaan jawaban, lalu hitung indeks gabungan. Semua diproses di browser ini.",
                    "Assign indicators to each unit, send the assignment files, collect their answer files, settle differing answers and compute the combined index. Everything is processed in this browser.",
                )}</p>
            </div>
            <WorkspaceList refresh=refresh/>
            <div class="start-grid">
                <NewWorkspace/>
                <OpenConsolidated/>
            </div>
        </section>
    }
}

#[component]
fn WorkspaceList(refresh: RwSignal<u32>) -> impl IntoView {
    // From IndexedDB (plus any workspace not moved from local storage): read after the
    // list is drawn, again after each rename or delete.
    let entries = RwSignal::new(Vec::<Entry<Workspace>>::new());
    let tell = notifier();
    Effect::new(move |_| {
        refresh.track();
        let tell = tell.clone();
        spawn_local(async move {
            match list_workspaces(tell.clone()).await {
                Ok(v) => {
                    entries.try_set(v);
                }
                Err(e) => tell(NoticeKind::Error, e),
            }
        });
    });
    let list = move || {
        let mut v: Vec<Workspace> = entries
            .get()
            .into_iter()
            .filter_map(|e| if let Entry::Ok(w) = e { Some(w) } else { None })
            .collect();
        crate::domain::sort::sort_by(&mut v, |a, b| b.updated_at.cmp(&a.updated_at));
        v
    };
    let damaged = move || {
        entries.with(|e| {
            e.iter()
                .filter(|x| matches!(x, Entry::Corrupted { .. }))
                .count()
        })
    };
    view! {
        <section class="card" aria-labelledby="ws-list-title">
            <h2 id="ws-list-title">{tr("Ruang kerja di browser ini", "Workspaces in this browser")}</h2>
            <Show when=move || { damaged() > 0 }>
                <div class="notice warning" role="status"><p>{tr(
                    "Ada ruang kerja yang rusak dan tidak dapat dibaca. Isinya tidak dihapus: unduh dari halaman awal (bagian draf rusak).",
                    "A workspace is damaged and cannot be read. It was not deleted: download it from the start page (damaged data section).",
                )}</p></div>
            </Show>
            <Show
                when=move || !list().is_empty()
                fallback=|| view! { <p class="muted">{tr("Belum ada ruang kerja. Buat yang baru di bawah, atau buka berkas konsolidasi.", "No workspaces yet. Create one below, or open a consolidated file.")}</p> }
            >
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("Nama ruang kerja", "Workspace name")}</th>
                            <th scope="col">{tr("Kerangka", "Framework")}</th>
                            <th scope="col">{tr("Periode", "Period")}</th>
                            <th scope="col" class="num">{tr("Berkas unit", "Unit files")}</th>
                            <th scope="col" class="num">{tr("Terjawab", "Answered")}</th>
                            <th scope="col" class="num">{tr("Konflik terbuka", "Open conflicts")}</th>
                            <th scope="col">{tr("Terakhir diubah", "Last changed")}</th>
                            <th scope="col"><span class="sr-only">{tr("Tindakan", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=list key=|w| (w.id.clone(), w.updated_at.clone(), w.name.clone())
                            children=move |w| view! { <WorkspaceRow ws=w refresh=refresh/> }/>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn WorkspaceRow(ws: Workspace, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = lang();
    // The summary, not the framework: this home parses no framework (`merge` neither).
    let fw = summary(&ws.framework);
    let m = merge(&ws);
    let (answered, open) = (m.answered(), m.unsettled().count());
    let total = fw.map_or(0, |f| f.indicators.len());
    let href = Tab::Coverage.route(&ws.id).href();
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(ws.name.clone());
    let when = crate::ui::i18n::when(&ws.updated_at);
    let id = ws.id.clone();
    let tell = notifier();
    let save_name = move || {
        let (id, tell, new_name) = (id.clone(), tell.clone(), name.get_untracked());
        spawn_local(async move {
            if let Some(mut w) = read_workspace(&id, tell.clone()).await {
                if let Err(e) = w.set_name(&new_name, &clock::now()) {
                    return tell(NoticeKind::Error, e);
                }
                if let Err(e) = store_workspace(&w, tell.clone()).await {
                    tell(NoticeKind::Error, e.message());
                }
            }
            renaming.try_set(false);
            refresh.try_update(|n| *n += 1);
        });
    };
    let save_name2 = save_name.clone();
    let del_id = ws.id.clone();
    let ws_name = ws.name.clone();
    let question = Signal::derive(move || {
        match lang.get() {
        Lang::Id => format!("Hapus ruang kerja \"{ws_name}\" beserta semua berkas unit dan keputusannya? Ini tidak dapat dibatalkan."),
        Lang::En => format!("Delete workspace \"{ws_name}\" with all its unit files and decisions? This cannot be undone."),
    }
    });
    let input_id = format!("rename-ws-{}", ws.id);
    view! {
        <tr>
            <td>
                <Show when=move || renaming.get() fallback=move || view! { <a href=href.clone()>{move || name.get()}</a> }>
                    <form class="inline-form" on:submit={
                        let f = save_name.clone();
                        move |ev| { ev.prevent_default(); f() }
                    }>
                        <label class="sr-only" for=input_id.clone()>{tr("Nama baru ruang kerja", "New workspace name")}</label>
                        <input id=input_id.clone() type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        <button type="submit" class="btn btn-small">{tr("Simpan", "Save")}</button>
                    </form>
                </Show>
                <div class="muted small">{ws.institution.clone()}</div>
            </td>
            <td>{fw.map_or_else(|| ws.framework.clone(), |f| f.short_name.clone())}</td>
            <td>{ws.period.clone()}</td>
            <td class="num">{ws.submissions.len()}</td>
            <td class="num">{answered} " / " {total}</td>
            <td class="num">{open}</td>
            <td>{when}</td>
            <td class="actions">
                <Show when=move || !renaming.get()>
                    <button type="button" class="btn btn-small" on:click={
                        let f = save_name2.clone();
                        move |_| if renaming.get_untracked() { f() } else { renaming.set(true) }
                    }>{tr("Ganti nama", "Rename")}</button>
                </Show>
                " "
                <ConfirmButton
                    label=trs("Hapus", "Delete")
                    question=question
                    confirm=trs("Ya, hapus", "Yes, delete")
                    on_confirm=move || {
                        let (id, tell) = (del_id.clone(), notifier());
                        spawn_local(async move {
                            if let Err(e) = remove_workspace(&id, tell.clone()).await {
                                tell(NoticeKind::Error, e.message());
                            }
                            refresh.try_update(|n| *n += 1);
                        });
                    }
                />
            </td>
        </tr>
    }
}

#[component]
fn NewWorkspace() -> impl IntoView {
    let lang = lang();
    let fw_id = RwSignal::new(default_framework_id());
    let institution = RwSignal::new(String::new());
    let (period, period_typed) = crate::ui::widgets::period_following(fw_id);
    let coordinator = RwSignal::new(String::new());
    let starter = RwSignal::new(true);
    // Which fields are empty after a submit attempt.
    let missing = RwSignal::new(Vec::<&'static str>::new());
    // While a workspace is being made (its part may still be arriving on a slow
    // connection), another click makes no second one.
    let making = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if making.get_untracked() {
            return;
        }
        let mut empty = Vec::new();
        for (key, value) in [
            ("institution", institution.get()),
            ("period", period.get()),
            ("coordinator", coordinator.get()),
        ] {
            if value.trim().is_empty() {
                empty.push(key);
            }
        }
        missing.set(empty.clone());
        if !empty.is_empty() {
            return;
        }
        let form = NewWorkspaceForm {
            id: clock::new_id(),
            framework: fw_id.get(),
            institution: institution.get(),
            period: period.get(),
            coordinator: coordinator.get(),
            starter: starter.get(),
            now: clock::now(),
        };
        let tell = notifier();
        making.set(true);
        spawn_local(async move {
            let made = match new_workspace(form).await {
                Ok(ws) => store_workspace(&ws, tell.clone())
                    .await
                    .map(|()| ws.id)
                    .map_err(|e| e.message()),
                Err(e) => Err(e),
            };
            making.try_set(false);
            match made {
                Ok(id) => navigate(&Tab::Units.route(&id)),
                Err(e) => tell(NoticeKind::Error, e),
            }
        });
    };
    let is_missing = move |k: &'static str| missing.with(|m| m.contains(&k));
    let error = move |k: &'static str, id: &'static str, en: &'static str| {
        view! {
            <Show when=move || is_missing(k)>
                <p class="field-error" id=format!("new-ws-{k}-error")>{tr(id, en)}</p>
            </Show>
        }
    };

    view! {
        <section class="card" aria-labelledby="new-ws-title">
            <h2 id="new-ws-title">{tr("Ruang kerja baru", "New workspace")}</h2>
            <form on:submit=submit novalidate>
                <FrameworkChoice name="ws-fw" selected=fw_id/>
                <div class="field">
                    <label for="new-ws-institution">{tr("Nama instansi", "Institution")}</label>
                    <input id="new-ws-institution" type="text" autocomplete="organization"
                        placeholder=tr("mis. Pemerintah Kabupaten Karanganyar", "e.g. Pemerintah Kabupaten Karanganyar")
                        aria-invalid=move || is_missing("institution").to_string()
                        aria-describedby="new-ws-institution-error"
                        prop:value=move || institution.get() on:input=move |ev| institution.set(event_target_value(&ev))/>
                    {error("institution", "Isi nama instansi.", "Fill in the institution.")}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="new-ws-period">{tr("Periode", "Period")}</label>
                        <input id="new-ws-period" type="text" inputmode="numeric" size="6"
                            aria-invalid=move || is_missing("period").to_string()
                            aria-describedby="new-ws-period-error"
                            prop:value=move || period.get() on:input=move |ev| { period_typed.set(true); period.set(event_target_value(&ev)) }/>
                        {error("period", "Isi periode, mis. 2026.", "Fill in the period, e.g. 2026.")}
                    </div>
                    <div class="field grow">
                        <label for="new-ws-coordinator">{tr("Nama koordinator (tercatat pada setiap keputusan)", "Coordinator's name (recorded on every decision)")}</label>
                        <input id="new-ws-coordinator" type="text" autocomplete="name"
                            placeholder=tr("mis. Tim Koordinasi SPBE — Diskominfo", "e.g. SPBE coordination team — Diskominfo")
                            aria-invalid=move || is_missing("coordinator").to_string()
                            aria-describedby="new-ws-coordinator-error"
                            prop:value=move || coordinator.get() on:input=move |ev| coordinator.set(event_target_value(&ev))/>
                        {error("coordinator", "Isi nama koordinator: setiap keputusan mencatat siapa yang memutuskan.", "Fill in the coordinator's name: every decision records who took it.")}
                    </div>
                </div>
                <div class="field checkbox">
                    <input id="new-ws-starter" type="checkbox" prop:checked=move || starter.get()
                        on:change=move |ev| starter.set(event_target_checked(&ev))/>
                    <label for="new-ws-starter">{move || {
                        // The count comes from the unit list (frameworks/units.json).
                        let n = units().len();
                        match lang.get() {
                            Lang::Id => format!("Mulai dengan daftar unit Pemda umum ({n} unit) dan penugasan bawaan"),
                            Lang::En => format!("Start with the usual Pemda units ({n}) and the default assignment"),
                        }
                    }}</label>
                </div>
                <button type="submit" class="btn btn-primary" aria-disabled=move || making.get().to_string()>{tr("Buat ruang kerja", "Create workspace")}</button>
                <Show when=move || !missing.with(Vec::is_empty)>
                    <p class="field-error" role="alert">{move || match lang.get() {
                        Lang::Id => "Ruang kerja belum dibuat: lengkapi kolom yang ditandai.",
                        Lang::En => "The workspace was not created: complete the marked fields.",
                    }}</p>
                </Show>
            </form>
        </section>
    }
}

/// Reopening a consolidated file as a new workspace.
#[component]
fn OpenConsolidated() -> impl IntoView {
    let lang = lang();
    let outcome = RwSignal::new(None::<(String, Vec<Problem>)>);
    let handle = move |taken: Vec<web_sys::File>| {
        let tell = notifier();
        spawn_local(async move {
            let picked = files::read_all(taken, MAX_FILE_BYTES).await;
            let Some(f) = picked.into_iter().next() else {
                return;
            };
            let result = match f.bytes {
                Err(ReadError::TooLarge) => Err(vec![read_problem(Text::new(
                    format!("Berkas melebihi batas {} MB.", MAX_FILE_BYTES / 1_048_576),
                    format!(
                        "The file is above the {} MB limit.",
                        MAX_FILE_BYTES / 1_048_576
                    ),
                ))]),
                Err(ReadError::Failed) => Err(vec![read_problem(Text::new(
                    "Berkas tidak dapat dibaca oleh browser.",
                    "The browser could not read the file.",
                ))]),
                Ok(bytes) => open_consolidated(&bytes, &f.name, tell.clone()).await,
            };
            match result {
                Ok(id) => {
                    tell(
                        NoticeKind::Success,
                        Text::new(
                            "Berkas konsolidasi dibuka sebagai ruang kerja baru.",
                            "Consolidated file opened as a new workspace.",
                        ),
                    );
                    navigate(&Tab::Coverage.route(&id));
                }
                Err(problems) => {
                    outcome.try_set(Some((f.name, problems)));
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="open-cons-title">
            <h2 id="open-cons-title">{tr("Buka berkas konsolidasi", "Open a consolidated file")}</h2>
            <p class="muted">{tr(
                "Lanjutkan hasil konsolidasi yang pernah diekspor (dari komputer ini atau lain). Keputusan, unit, penugasan dan nilai tiap unit dipulihkan; teks jawaban unit yang tidak dipakai lengkap kembali bila berkas asli unit diimpor lagi.",
                "Continue a consolidation exported earlier (on this or another computer). Decisions, units, assignments and each unit's values come back; the texts of answers not taken come back when the unit's original file is imported again.",
            )}</p>
            <FileDrop input_id="open-consolidated"
                button=trs("Pilih berkas konsolidasi (.json)", "Choose a consolidated file (.json)")
                hint=trs("atau seret berkas ke sini", "or drag the file here")
                on_files=handle/>
            {move || outcome.get().map(|(name, problems)| view! {
                <div class="notice error" role="alert">
                    <p><strong>{name}</strong> ": " {move || match lang.get() {
                        Lang::Id => "berkas tidak dibuka; tidak ada data yang berubah.",
                        Lang::En => "the file was not opened; no data was changed.",
                    }}</p>
                    <ProblemList problems=problems/>
                </div>
            })}
        </section>
    }
}

fn read_problem(message: Text) -> Problem {
    Problem {
        path: "$".into(),
        severity: Severity::Error,
        message,
    }
}

/// Parses, rebuilds and stores a workspace from a consolidated file; returns its id.
async fn open_consolidated(
    bytes: &[u8],
    file_name: &str,
    notify: impl Fn(NoticeKind, Text) + Clone,
) -> Result<String, Vec<Problem>> {
    let (ws, restored, warnings) =
        crate::ui::parts::reopen(bytes, clock::new_id(), &clock::now()).await?;
    if let Some(t) = warnings_notice(file_name, &warnings) {
        notify(NoticeKind::Warning, t);
    }
    store_workspace(&ws, notify.clone())
        .await
        .map_err(|e| vec![read_problem(e.message())])?;
    if !restored.unknown.is_empty() {
        let n = restored.unknown.len();
        notify(
            NoticeKind::Warning,
            Text::new(
                format!("{n} jawaban unit tidak dapat dipulihkan nilainya dari berkas ini (berkas tidak mencatatnya). Impor lagi berkas asli unit bila perlu."),
                format!("{n} unit answers could not be restored from this file (it does not record their values). Import the units' original files again if needed."),
            ),
        );
    }
    if !restored.differs.is_empty() {
        let list = restored.differs.join(", ");
        notify(
            NoticeKind::Warning,
            Text::new(
                format!("Setelah dibuka kembali, nilai indikator {list} berbeda dari jawaban di berkas: sumber dan asal-usul jawaban dalam berkas tidak cocok. Periksa indikator tersebut, atau impor lagi berkas asli unit."),
                format!("After reopening, the value of indicator {list} differs from the file's answer: the file's sources and provenance do not match its answers. Check those indicators, or import the units' original files again."),
            ),
        );
    }
    Ok(ws.id)
}
