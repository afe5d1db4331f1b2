//! The workspace header: what it is, how far the merge is, the live index, the save
//! state, and the tabs.

use super::state::Coord;
use super::Tab;
use crate::domain::text::{visible, Lang};
use crate::ui::i18n::{lang, tr};
use crate::ui::widgets::{unsaved_notice, Progress, SaveIndicator};
use leptos::prelude::*;

#[component]
pub fn WorkspaceHeader(tab: Tab) -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let fw = c.framework;
    let id = c.id();
    let total = fw.indicators.len();
    let answered = Memo::new(move |_| c.merge.with(|m| m.answered()));
    let open = Memo::new(move |_| c.merge.with(|m| m.unsettled().count()));
    let files = Memo::new(move |_| c.ws.with(|w| w.submissions.len()));

    // While indicators are missing the figure says so, with its completeness.
    let index = move || {
        c.evaluation.with(|e| {
            let l = lang.get();
            e.index.headline(fw, l).unwrap_or_else(|| match l {
                Lang::Id => "belum ada".to_string(),
                Lang::En => "none yet".to_string(),
            })
        })
    };
    let provisional = move || {
        c.evaluation
            .with(|e| !e.is_complete() && e.index.exact.is_some())
    };

    let link = move |t: Tab, label: Box<dyn Fn() -> String + Send + Sync>| {
        let href = t.route(&id).href();
        view! {
            <a href=href aria-current=if t == tab { "page" } else { "false" }>{label}</a>
        }
    };
    let conflicts_label = move || {
        let n = open.get();
        let base = match lang.get() {
            Lang::Id => "4. Konflik",
            Lang::En => "4. Conflicts",
        };
        if n > 0 {
            format!("{base} ({n})")
        } else {
            base.to_string()
        }
    };
    let tr_s = |id: &'static str, en: &'static str| -> Box<dyn Fn() -> String + Send + Sync> {
        let f = tr(id, en);
        Box::new(move || f().to_string())
    };

    view! {
        <div class="draft-header coord-header">
            <div class="draft-title">
                <p class="eyebrow">{tr("Ruang kerja koordinator", "Coordinator workspace")}</p>
                <h1>{move || c.ws.with(|w| visible(&w.name).into_owned())}</h1>
                <p class="muted">
                    {move || c.ws.with(|w| visible(&format!("{} · {} · {} · ", w.institution, fw.short_name, w.period)).into_owned())}
                    {tr("Koordinator: ", "Coordinator: ")}
                    {move || c.ws.with(|w| if w.coordinator.is_empty() { "—".to_string() } else { visible(&w.coordinator).into_owned() })}
                </p>
            </div>
            <div class="draft-status coord-status">
                <div class="coord-figure">
                    <span class="coord-figure-label" id="coord-index-label">
                        {move || if provisional() {
                            match lang.get() { Lang::Id => "Indeks sementara", Lang::En => "Provisional index" }
                        } else {
                            match lang.get() { Lang::Id => "Indeks", Lang::En => "Index" }
                        }}
                    </span>
                    <output class="coord-figure-value" aria-labelledby="coord-index-label" data-testid="coord-index">{index}</output>
                </div>
                <div class="coord-progress">
                    <Progress
                        done=Signal::derive(move || answered.get())
                        total=Signal::derive(move || total)
                        label=Signal::derive(move || match lang.get() { Lang::Id => "Indikator terjawab".to_string(), Lang::En => "Indicators answered".to_string() })
                    />
                    <span class="progress-text">
                        {move || { let (a, f) = (answered.get(), files.get()); match lang.get() {
                            Lang::Id => format!("{a} dari {total} indikator · {f} berkas unit"),
                            Lang::En => format!("{a} of {total} indicators · {f} unit files"),
                        }}}
                    </span>
                </div>
                <SaveIndicator state=c.save/>
            </div>
            <nav class="draft-tabs" aria-label=tr("Bagian ruang kerja", "Workspace sections")>
                {link(Tab::Units, tr_s("1. Unit & penugasan", "1. Units & assignments"))}
                {link(Tab::Import, tr_s("2. Impor berkas", "2. Import files"))}
                {link(Tab::Coverage, tr_s("3. Cakupan", "3. Coverage"))}
                {link(Tab::Conflicts, Box::new(conflicts_label))}
                {link(Tab::Assessor, tr_s("5. Hasil asesor", "5. Assessor results"))}
                {link(Tab::Documents, tr_s("Dokumen", "Documents"))}
                {link(Tab::Results, tr_s("Hasil & ekspor", "Results & export"))}
                {link(Tab::Report, tr_s("Laporan", "Report"))}
            </nav>
        </div>
        {unsaved_notice(
            c.sync,
            ("Unduh berkas konsolidasi sekarang", "Download the consolidated file now"),
            move || c.download(),
            move |id| tab.route(&id),
        )}
    }
}
