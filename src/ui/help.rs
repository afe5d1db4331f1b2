//! Panduan: a short guide for units and for coordinators, one screen of static text.
//! Kept compact on purpose (it ships in the unit's app); the details are on the screens
//! themselves, next to what they explain.

use crate::ui::i18n::tr;
use crate::ui::route::Route;
use leptos::prelude::*;

/// One step: a bold lead-in and its explanation, each in both languages.
fn step(head: (&'static str, &'static str), body: (&'static str, &'static str)) -> impl IntoView {
    view! { <li><strong>{tr(head.0, head.1)}</strong> " " {tr(body.0, body.1)}</li> }
}

#[component]
pub fn HelpScreen() -> impl IntoView {
    view! {
        <section class="screen narrow help" aria-labelledby="help-title">
            <h1 id="help-title">{tr("Panduan singkat", "Short guide")}</h1>
            <p class="lead">{tr(
                "Swanilai bekerja sepenuhnya di browser: tidak ada akun dan tidak ada data yang dikirim ke server. Berkas berpindah lewat WhatsApp, surel atau diska lepas.",
                "Swanilai runs entirely in the browser: no account, and no data is sent to a server. Files travel by WhatsApp, e-mail or flash disk.",
            )}</p>
            <nav class="help-toc" aria-label=tr("Isi panduan", "Guide contents")>
                <a href="#panduan-unit" on:click=jump("panduan-unit")>{tr("Untuk unit kerja", "For units")}</a>
                " · "
                <a href="#panduan-koordinator" on:click=jump("panduan-koordinator")>{tr("Untuk koordinator", "For coordinators")}</a>
            </nav>

            <section class="card" aria-labelledby="panduan-unit">
                <h2 id="panduan-unit">{tr("Untuk unit kerja (SKPD/OPD)", "For units (SKPD/OPD)")}</h2>
                <ol class="help-steps">
                    {step(("Buka berkas penugasan.", "Open the assignment file."),
                        ("Simpan berkas .json dari koordinator, lalu pilih di halaman awal (\"Buka berkas dari koordinator\"). Batas waktu, kontak dan petunjuk koordinator tampil di atas draf.",
                         "Save the .json file from your coordinator, then choose it on the start page (\"Open the file from your coordinator\"). The coordinator's deadline, contact and instruction show above the draft."))}
                    {step(("Isi indikator Anda.", "Fill in your indicators."),
                        ("Pilih tingkat, tulis Fakta (dokumen, nomor, pasal, halaman) dan Analisis (kriteria mana yang dipenuhi), lalu catat bukti dukungnya. Semua tersimpan otomatis di browser ini.",
                         "Choose the level, write the Facts (document, number, article, page) and the Analysis (which criterion is met), and list the evidence. Everything saves itself in this browser."))}
                    {step(("Indikator pendukung.", "Supporting indicators."),
                        ("Indikator bertanda \"pendukung\" dipimpin unit lain: tulis masukan dan bukti untuk penanggung jawabnya. Tingkat boleh dikosongkan; tingkat yang Anda pilih menjadi usulan, dan usulan yang berbeda diputuskan koordinator.",
                         "Indicators marked \"support\" are led by another unit: write input and evidence for the lead. The level may stay empty; a level you choose is a proposal, and a different proposal is settled by the coordinator."))}
                    {step(("Periksa dan kirim.", "Check and send."),
                        ("Di langkah 2, perbaiki yang masih kosong atau diberi peringatan, unduh berkas jawaban, lalu kirim ke kontak koordinator (di ponsel: tombol Bagikan) sebelum batas waktunya.",
                         "In step 2, fix what is empty or has a warning, download the answer file, then send it to the coordinator's contact (on a phone: the Share button) before the deadline."))}
                    {step(("Perlu mengubah?", "Need a change?"),
                        ("Ubah drafnya lalu ekspor lagi: berkas yang lebih baru menggantikan yang lama di tempat koordinator.",
                         "Change the draft and export again: the newer file replaces the older one at the coordinator's."))}
                </ol>
                <p class="hint">{tr(
                    "Menghapus data browser juga menghapus draf. Simpan berkas yang sudah diunduh sebagai cadangan.",
                    "Clearing browser data also clears drafts. Keep the downloaded files as a backup.",
                )}</p>
            </section>

            <section class="card" aria-labelledby="panduan-koordinator">
                <h2 id="panduan-koordinator">{tr("Untuk koordinator", "For coordinators")}</h2>
                <ol class="help-steps">
                    {step(("Buat ruang kerja.", "Create a workspace."),
                        ("Di halaman Koordinator: kerangka, instansi, periode dan nama Anda. Daftar unit Pemda dan penugasan bawaan dapat diubah.",
                         "On the Coordinator page: framework, institution, period and your name. The Pemda unit list and the default assignment can be changed."))}
                    {step(("Tetapkan batas waktu dan kontak.", "Set the deadline and contact."),
                        ("Di tab 1, isi batas waktu, kontak (nama, WhatsApp, surel) dan petunjuk singkat sekali saja; setiap berkas penugasan membawanya. Lalu unduh berkas penugasan per unit atau semuanya sekaligus.",
                         "On tab 1, enter the deadline, contact (name, WhatsApp, e-mail) and a short instruction once; every assignment file carries them. Then download the assignment files one by one or all at once."))}
                    {step(("Impor berkas jawaban.", "Import the answer files."),
                        ("Di tab 2, pilih atau seret banyak berkas sekaligus. Berkas yang rusak ditolak tanpa mengubah apa pun; berkas yang lebih baru dari unit yang sama menggantikan yang lama.",
                         "On tab 2, pick or drop many files at once. A bad file is refused and changes nothing; a newer file from the same unit replaces the older one."))}
                    {step(("Tagih yang belum mengirim.", "Chase the missing files."),
                        ("Di tab 3, daftar per unit menunjukkan yang ditugaskan, yang sudah tiba (kapan, versi ke berapa) dan yang belum; salin teks pengingat untuk satu unit atau semua unit yang belum lengkap.",
                         "On tab 3, the list per unit shows what was assigned, what arrived (when, which version) and what is missing; copy a reminder for one unit or for all units not complete yet."))}
                    {step(("Putuskan perbedaan jawaban.", "Settle differing answers."),
                        ("Di tab 4, tulis catatan dulu, lalu pilih jawaban unit atau tetapkan nilai sendiri. Masukan unit pendukung tampil di samping jawaban penanggung jawab.",
                         "On tab 4, write the note first, then pick a unit's answer or set your own value. Supporting units' input shows beside the lead's answer."))}
                    {step(("Hasil, ekspor dan Berita Acara.", "Results, export and the minutes."),
                        ("Isi nomor, tanggal, tempat dan penanda tangan Berita Acara sekali, unduh berkas konsolidasi, Excel atau CSV, lalu cetak laporannya ke PDF (kertas A4).",
                         "Enter the minutes' number, date, place and signatories once, download the consolidated file, Excel or CSV, then print the report to PDF (A4 paper)."))}
                </ol>
                <p><a class="btn" href=Route::CoordinatorHome.href()>{tr("Ke ruang kerja koordinator", "Go to the coordinator workspace")}</a></p>
            </section>
            <p><a class="btn" href=Route::Start.href()>{tr("Kembali ke halaman awal", "Back to the start page")}</a></p>
        </section>
    }
}

/// In-page links: the URL fragment is the app's route, so scroll instead of navigating.
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    }
}
