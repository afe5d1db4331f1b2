//! The printable "Laporan Penilaian Mandiri" (issue 5) of any assessment given as an
//! exchange file.

use crate::domain::exchange::ExchangeFile;
use crate::ui::i18n::tr;
use leptos::prelude::*;

#[component]
pub fn ReportScreen(file: Memo<ExchangeFile>) -> impl IntoView {
    let _ = file;
    view! {
        <section class="card">
            <h2>{tr("Laporan", "Report")}</h2>
            <p class="muted">{tr("Segera hadir.", "Coming soon.")}</p>
        </section>
    }
}
