//! Results and export: the consolidated file's download, what it will and will not
//! carry, then the shared results screen fed with the same file.

use super::state::Coord;
use crate::domain::exchange;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr};
use crate::ui::results::ResultsScreen;
use crate::ui::state::{download_file, notify, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn ResultsTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    view! {
        <ExportCard/>
        <super::minutes::MinutesCard/>
        <ResultsScreen file=c.file/>
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let open = Memo::new(move |_| {
        c.merge.with(|m| {
            m.unsettled()
                .map(|i| {
                    c.framework
                        .indicator(&i.indicator)
                        .map_or(i.indicator.clone(), |x| x.display_code().to_string())
                })
                .collect::<Vec<_>>()
        })
    });
    let missing = Memo::new(move |_| c.evaluation.with(|e| e.missing.len()));
    let last = RwSignal::new(None::<String>);
    let download = move |_| {
        let (file, name) = c.consolidated();
        // The file must pass the checks any reader applies.
        let checked = crate::domain::json::to_string_pretty(&file)
            .ok()
            .and_then(|json| exchange::parse(json.as_bytes()).err());
        if let Some(problems) = checked {
            let first = problems
                .first()
                .map(|p| format!("{}: {}", p.path, p.message.id))
                .unwrap_or_default();
            return notify(
                NoticeKind::Error,
                Text::new(
                    format!("Berkas tidak lolos pemeriksaan ({first})."),
                    format!("The file failed validation ({first})."),
                ),
            );
        }
        match download_file(&file, &name) {
            Ok(name) => last.set(Some(name)),
            Err(e) => notify(NoticeKind::Error, e),
        }
    };
    view! {
        <section class="card" aria-labelledby="export-cons-title">
            <h2 id="export-cons-title">{tr("Berkas konsolidasi", "Consolidated file")}</h2>
            <p>{tr(
                "Berisi nilai gabungan setiap indikator beserta penjelasan dan bukti dukungnya, asal setiap jawaban (unit dan berkasnya), setiap keputusan (siapa, kapan, mengapa), daftar berkas unit yang dipakai dan yang digantikan, serta angka indeks. Dapat dibuka lagi di halaman Koordinator, atau oleh unit sebagai titik awal tahun berikutnya.",
                "It holds the merged value of every indicator with its explanation and evidence, where each answer came from (unit and file), every decision (who, when, why), the unit files used and replaced, and the index figures. It can be reopened on the Coordinator page, or by a unit as next year's starting point.",
            )}</p>
            <Show when=move || open.with(|o| !o.is_empty())>
                <div class="notice warning" role="status"><p>{move || {
                    let list = open.get().join(", ");
                    match lang.get() {
                        Lang::Id => format!("Indikator {list} masih perlu keputusan: tidak dimasukkan sebagai jawaban, dicatat sebagai \"perlu keputusan\" di berkas, dan indeks dihitung tanpanya."),
                        Lang::En => format!("Indicators {list} still need a decision: they are left out of the answers, listed as \"needs a decision\" in the file, and the index is computed without them."),
                    }
                }}</p></div>
            </Show>
            <Show when=move || { missing.get() > 0 }>
                <p class="hint">{move || match lang.get() {
                    Lang::Id => format!("{} indikator belum bernilai: indeks yang tercatat adalah indeks sementara.", missing.get()),
                    Lang::En => format!("{} indicators have no value yet: the index recorded is provisional.", missing.get()),
                }}</p>
            </Show>
            <button type="button" class="btn btn-primary btn-large" on:click=download>{tr("Unduh berkas konsolidasi (.json)", "Download the consolidated file (.json)")}</button>
            {move || last.get().map(|n| view! { <p class="ok" role="status">{tr("Diunduh: ", "Downloaded: ")}<code>{n}</code></p> })}
        </section>
    }
}
