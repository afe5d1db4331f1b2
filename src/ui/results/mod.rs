//! Results (issue 5): index, predicate, completeness, aspect/domain figures, charts,
//! comparison with a previous period and target planning, for any assessment given as
//! an exchange file (a unit's draft as a submission, or the coordinator's consolidation).

use crate::domain::exchange::ExchangeFile;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// The results of `file` (kept up to date by its owner).
#[component]
pub fn ResultsScreen(file: Memo<ExchangeFile>) -> impl IntoView {
    let _ = file;
    view! {
        <section class="card">
            <h2>{tr("Hasil", "Results")}</h2>
            <p class="muted">{tr("Segera hadir.", "Coming soon.")}</p>
        </section>
    }
}
