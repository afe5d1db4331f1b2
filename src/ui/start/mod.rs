//! The start screen: continue a draft, start a new assessment, or open a file.

mod drafts;
mod new_draft;
pub(crate) mod open_file;

use crate::ui::i18n::tr;
use crate::ui::route::Route;
use leptos::prelude::*;

pub use drafts::DraftList;

#[component]
pub fn StartScreen() -> impl IntoView {
    // Bumped whenever drafts change, so the list re-reads storage.
    let refresh = RwSignal::new(0u32);
    view! {
        <section class="screen start">
            <div class="intro">
                <h1>{tr("Penilaian mandiri SPBE dan Indeks Pemerintah Digital", "SPBE and Digital Government Index self-assessment")}</h1>
                <p class="lead">
                    {tr(
                        "Isi indikator yang menjadi tanggung jawab unit kerja Anda, lengkap dengan penjelasan dan bukti dukung, lalu kirim berkasnya ke koordinator. Semua tersimpan otomatis di browser ini.",
                        "Fill in the indicators your unit is responsible for, with explanation and evidence, then send the file to your coordinator. Everything is saved automatically in this browser.",
                    )}
                </p>
                // The coordinator's entry is further down; say at once that it exists.
                <p class="intro-aside">
                    {tr("Mengoordinasikan jawaban semua unit? ", "Coordinating the answers of all units? ")}
                    <a href=Route::CoordinatorHome.href()>{tr("Ke ruang kerja koordinator", "Go to the coordinator workspace")}</a>
                    " · "
                    <a href=Route::Help.href()>{tr("Panduan singkat", "Short guide")}</a>
                </p>
            </div>
            // What a unit does first: open the file its coordinator sent.
            <open_file::OpenFile refresh=refresh/>
            <DraftList refresh=refresh/>
            <div class="start-grid">
                <new_draft::NewDraftForm/>
            </div>
            <section class="card coordinator-entry" aria-labelledby="coord-title">
                <h2 id="coord-title">{tr("Anda koordinator?", "Are you the coordinator?")}</h2>
                <p>{tr(
                    "Tetapkan indikator untuk setiap unit kerja, kumpulkan berkas jawaban mereka, selesaikan perbedaan jawaban dan hitung indeksnya.",
                    "Assign indicators to each unit, collect their answer files, settle differing answers and compute the index.",
                )}</p>
                <a class="btn btn-primary" href=Route::CoordinatorHome.href()>{tr("Buka ruang kerja koordinator", "Open the coordinator workspace")}</a>
            </section>
        </section>
    }
}
