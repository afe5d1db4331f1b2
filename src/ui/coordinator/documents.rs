//! Tab "Dokumen": every document the units' current files list, per indicator (which
//! unit, which level, when it was received), each opened in a new tab; the answered
//! indicators that still lack a document for the level claimed; and the evidence package
//! download (one zip with the consolidated file, the documents in folders
//! `<no> <indicator name>/<level>/`, and an index sheet). Which documents exist is the
//! domain's answer (`domain::bundle::package`); this tab only asks the browser's store
//! which of them it holds.

use super::state::Coord;
use crate::adapters::documents::{build_zip, documents, size_label, Scope, ZipItem};
use crate::adapters::{clock, files};
use crate::domain::bundle::package::{self, Lacking, Received, INDEX_NAME};
use crate::domain::draft::{export_file_name, file_stamp};
use crate::domain::exchange::Kind;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr, trs, when};
use crate::ui::state::{notifier, notify, NoticeKind};
use crate::ui::widgets::Progress;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;

/// The stored keys of received documents (`dok/sumber/<digest>/<sha256>`), shared by the
/// tabs; refreshed after an import.
#[derive(Clone, Copy)]
pub struct StoredDocs(pub RwSignal<BTreeSet<String>>);

impl StoredDocs {
    pub fn new() -> StoredDocs {
        let s = StoredDocs(RwSignal::new(BTreeSet::new()));
        s.refresh();
        s
    }

    /// Re-reads which documents the browser holds.
    pub fn refresh(self) {
        spawn_local(async move {
            let keys = documents().await.stored_under("dok/sumber/").await;
            // try_: the screen may have gone while the browser answered.
            self.0.try_set(keys);
        });
    }

    /// Whether the document `sha256` of the unit file `source` is at hand.
    pub fn has(&self, source: &str, sha256: &str) -> bool {
        self.0
            .with(|k| k.contains(&Scope::Source(source.to_string()).key(sha256)))
    }
}

/// The documents listed and the indicators lacking one, as memos over the workspace.
pub fn lacking_memo(c: Coord, stored: StoredDocs) -> (Memo<Vec<Received>>, Memo<Vec<Lacking>>) {
    let received = Memo::new(move |_| c.ws.with(package::received));
    let lacking = Memo::new(move |_| {
        stored.0.track();
        received.with(|r| {
            c.merge
                .with(|m| package::lacking(m, r, |s, h| stored.has(s, h)))
        })
    });
    (received, lacking)
}

/// "36 Layanan Kepegawaian — tingkat 3", linked to the indicator's row below.
#[component]
pub fn LackingList(lacking: Memo<Vec<Lacking>>) -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    view! {
        <Show when=move || lacking.with(|l| !l.is_empty())
            fallback=|| view! { <p class="ok">{tr("Setiap indikator yang bernilai memiliki dokumen untuk tingkat yang diklaim.", "Every answered indicator has a document for the level claimed.")}</p> }>
            <ul class="lacking-list">
                {move || lacking.get().into_iter().map(|l| {
                    let ind = c.framework.indicator(&l.indicator);
                    let code = ind.map_or(l.indicator.clone(), |i| i.display_code().to_string());
                    let name = ind.map(|i| i.name.clone()).unwrap_or_default();
                    let level = l.level;
                    view! {
                        <li>
                            <strong>{code}</strong> " " {text(name)} " — "
                            {move || match lang.get() {
                                Lang::Id => format!("belum ada dokumen untuk tingkat {level}"),
                                Lang::En => format!("no document for level {level} yet"),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
pub fn DocumentsTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    let stored = expect_context::<StoredDocs>();
    stored.refresh();
    let lang = lang();
    let (received, lacking) = lacking_memo(c, stored);
    let at_hand = Memo::new(move |_| {
        stored.0.track();
        received.with(|r| {
            r.iter()
                .filter(|d| stored.has(&d.source, &d.document.sha256))
                .count()
        })
    });
    let summary = move || {
        let (n, held) = (received.with(Vec::len), at_hand.get());
        let missing = lacking.with(Vec::len);
        match lang.get() {
            Lang::Id => format!("{n} dokumen tercantum di berkas unit, {held} tersimpan di browser ini · {missing} indikator bernilai belum punya dokumen untuk tingkat yang diklaim."),
            Lang::En => format!("{n} documents listed in the units' files, {held} stored in this browser · {missing} answered indicators have no document for the level claimed."),
        }
    };
    let rows = move || {
        let l = lang.get();
        received.get().into_iter().map(|r| {
            let ind = c.framework.indicator(&r.indicator);
            let code = ind.map_or(r.indicator.clone(), |i| i.display_code().to_string());
            let name = ind.map_or(String::new(), |i| i.name.get(l).to_string());
            let unit = c.ws.with_untracked(|w| w.unit_label(&r.unit.id));
            let level = r.level.map_or("—".to_string(), |v| v.to_string());
            let held = stored.has(&r.source, &r.document.sha256);
            let key = Scope::Source(r.source.clone()).key(&r.document.sha256);
            let mime = r.document.media_type.clone();
            let doc_name = r.document.name.clone();
            let open_label = match l {
                Lang::Id => format!("Buka {doc_name} ({unit}, indikator {code})"),
                Lang::En => format!("Open {doc_name} ({unit}, indicator {code})"),
            };
            let open = move |_| {
                let (key, mime) = (key.clone(), mime.clone());
                if files::open_in_new_tab(async move { documents().await.blob(&key, &mime).await }).is_err() {
                    notify(NoticeKind::Warning, Text::new(
                        "Browser menahan jendela baru. Izinkan pop-up untuk situs ini, lalu coba lagi.",
                        "The browser blocked the new tab. Allow pop-ups for this site, then try again.",
                    ));
                }
            };
            view! {
                <tr>
                    <th scope="row"><span class="indicator-code">{code}</span> " " {name}</th>
                    <td class="num">{level}</td>
                    <td>{unit}</td>
                    <td>{r.document.name.clone()} <span class="muted small">" · " {size_label(r.document.size, l)}</span>
                        <div class="muted small">{r.evidence_title.clone()}</div></td>
                    <td>{when(&r.received_at)}</td>
                    <td>{if held {
                        view! { <button type="button" class="btn btn-small" aria-label=open_label on:click=open>{tr("Buka", "Open")}</button> }.into_any()
                    } else {
                        view! { <span class="badge badge-warn">{tr("tidak tersedia", "not available")}</span> }.into_any()
                    }}</td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <section class="card" aria-labelledby="documents-title">
            <h2 id="documents-title">{tr("Dokumen bukti dukung", "Evidence documents")}</h2>
            <p role="status">{summary}</p>
            <EvidencePackage received=received/>
        </section>
        <section class="card" aria-labelledby="documents-list-title">
            <h2 id="documents-list-title">{tr("Dokumen per indikator", "Documents per indicator")}</h2>
            <Show when=move || received.with(|r| !r.is_empty())
                fallback=|| view! { <p class="muted">{tr(
                    "Belum ada dokumen. Unit mengirim dokumen dalam bundel .zip (tombol \"Unduh bundel dengan dokumen\" di halaman ekspor mereka).",
                    "No documents yet. Units send documents in a .zip bundle (the \"Download bundle with documents\" button on their export page).",
                )}</p> }>
                <div class="table-scroll">
                    <table class="table documents-table">
                        <thead><tr>
                            <th scope="col">{tr("Indikator", "Indicator")}</th>
                            <th scope="col" class="num">{tr("Tingkat", "Level")}</th>
                            <th scope="col">{tr("Unit", "Unit")}</th>
                            <th scope="col">{tr("Dokumen", "Document")}</th>
                            <th scope="col">{tr("Diterima", "Received")}</th>
                            <th scope="col"><span class="sr-only">{tr("Tindakan", "Actions")}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
        <section class="card" aria-labelledby="lacking-title">
            <details class="details">
                <summary><h2 id="lacking-title" class="inline-heading">{move || {
                    let n = lacking.with(Vec::len);
                    match lang.get() {
                        Lang::Id => format!("Indikator yang belum punya dokumen untuk tingkat yang diklaim: {n}"),
                        Lang::En => format!("Indicators still lacking a document for the level claimed: {n}"),
                    }
                }}</h2></summary>
                <LackingList lacking=lacking/>
            </details>
        </section>
    }
}

/// The evidence package: the consolidated file, every document at hand in folders by
/// indicator and level, and the index sheet; built a document at a time with a progress
/// bar and a cancel.
#[component]
fn EvidencePackage(received: Memo<Vec<Received>>) -> impl IntoView {
    let c = expect_context::<Coord>();
    let stored = expect_context::<StoredDocs>();
    let lang = lang();
    let busy = RwSignal::new(false);
    let cancel = RwSignal::new(false);
    let progress = RwSignal::new((0usize, 0usize));
    let done = RwSignal::new(None::<String>);
    let notify = notifier();
    let build = move |_| {
        let notify = notify.clone();
        let now = clock::now();
        let (entries, index, json, json_name, zip_name) = c.ws.with_untracked(|w| {
            let fw = c.framework;
            let received = received.get_untracked();
            let entries = package::layout(fw, w, &received, |s, h| stored.has(s, h));
            let index = package::index_sheet(fw, w, &received, &entries, &now);
            let file = c.file.get_untracked();
            let json = crate::domain::json::to_vec_pretty(&file).unwrap_or_default();
            let stamp = clock::local(&now);
            let json_name =
                export_file_name(Kind::Consolidated, "", &w.framework, &w.period, &stamp);
            let zip_name = format!(
                "swanilai-paket-bukti-{}-{}-{}.zip",
                crate::domain::draft::slug(&w.framework),
                crate::domain::draft::slug(&w.period),
                file_stamp(&stamp)
            );
            (entries, index, json, json_name, zip_name)
        });
        let items = entries
            .into_iter()
            .map(|(_, e)| ZipItem {
                key: Scope::Source(e.source).key(&e.sha256),
                path: e.path,
            })
            .collect();
        busy.set(true);
        cancel.set(false);
        done.set(None);
        spawn_local(async move {
            let result = build_zip(
                vec![(json_name, json)],
                items,
                vec![(INDEX_NAME.to_string(), index)],
                // try_: the tab may be left while the package is built.
                |d, t| {
                    progress.try_set((d, t));
                },
                || cancel.try_get_untracked().unwrap_or(false),
            )
            .await;
            busy.try_set(false);
            match result {
                Ok((blob, _)) => match files::download_blob(&zip_name, &blob) {
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
                },
                Err(e) => notify(NoticeKind::Info, e.message()),
            }
        });
    };
    view! {
        <div class="evidence-package">
            <p class="hint">{tr(
                "Paket bukti dukung: satu arsip .zip berisi berkas konsolidasi, setiap dokumen dalam folder \"<no> <nama indikator>/<tingkat>/\", dan lembar indeks (.xlsx) yang mendaftar setiap dokumen beserta unit, ukuran dan sidik SHA-256-nya — siap diunggah ke aplikasi evaluasi resmi.",
                "Evidence package: one .zip with the consolidated file, every document in folders \"<no> <indicator name>/<level>/\", and an index sheet (.xlsx) listing each document with its unit, size and SHA-256 — ready to upload into the official evaluation application.",
            )}</p>
            <button type="button" class="btn btn-primary" on:click=build disabled=move || busy.get()>
                {tr("Unduh paket bukti dukung (.zip)", "Download the evidence package (.zip)")}
            </button>
            <Show when=move || busy.get()>
                <div class="import-progress">
                    <Progress done=Signal::derive(move || progress.get().0) total=Signal::derive(move || progress.get().1)
                        label=trs("Kemajuan paket bukti", "Evidence package progress")/>
                    <span class="muted" role="status">{move || {
                        let (d, t) = progress.get();
                        match lang.get() {
                            Lang::Id => format!("Menyusun… {d} dari {t} dokumen"),
                            Lang::En => format!("Building… {d} of {t} documents"),
                        }
                    }}</span>
                    <button type="button" class="btn btn-small" on:click=move |_| cancel.set(true)>{tr("Batalkan", "Cancel")}</button>
                </div>
            </Show>
            <Show when=move || done.get().is_some()>
                <p class="notice success" role="status">{move || match lang.get() {
                    Lang::Id => format!("Paket \"{}\" telah diunduh.", done.get().unwrap_or_default()),
                    Lang::En => format!("\"{}\" was downloaded.", done.get().unwrap_or_default()),
                }}</p>
            </Show>
        </div>
    }
}
