//! The coordinator's workspace (issue 4): units and assignments, importing many unit
//! files, coverage, conflicts, the assessors' results (issue 10), the documents received
//! (issue 11) and the consolidated result.
//!
//! `#/koordinator` lists workspaces ([`CoordinatorHome`]); `#/koordinator/<id>/<tab>`
//! shows one ([`CoordinatorScreens`]), its tabs sharing one [`state::Coord`] and so one
//! autosave. Every rule lives in `domain::consolidation`; the tabs only show it.

mod assessor;
mod conflicts;
mod coverage;
mod documents;
mod dues;
mod header;
mod home;
mod import;
mod minutes;
mod results;
pub mod state;
mod units;

pub use home::CoordinatorHome;

use crate::domain::text::Text;
use crate::ui::i18n::{text, tr};
use crate::ui::report::ReportScreen;
use crate::ui::route::{App, Route};
use leptos::prelude::*;
use state::Coord;

/// The tabs of a workspace, by their `tab` segment in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Units,
    Import,
    Coverage,
    Conflicts,
    Documents,
    Assessor,
    Results,
    Report,
    Unknown,
}

impl Tab {
    fn of(route: &Route) -> Tab {
        match route {
            Route::Coordinator { tab, .. } => match tab.as_str() {
                "unit" => Tab::Units,
                "impor" => Tab::Import,
                "cakupan" => Tab::Coverage,
                "konflik" => Tab::Conflicts,
                "dokumen" => Tab::Documents,
                "asesor" => Tab::Assessor,
                _ => Tab::Unknown,
            },
            Route::CoordinatorResults { .. } => Tab::Results,
            Route::Report { .. } => Tab::Report,
            _ => Tab::Unknown,
        }
    }

    /// The route of this tab in workspace `id`.
    pub fn route(self, id: &str) -> Route {
        let tab = |t: &str| Route::Coordinator {
            workspace: id.to_string(),
            tab: t.to_string(),
        };
        match self {
            Tab::Units | Tab::Unknown => tab("unit"),
            Tab::Import => tab("impor"),
            Tab::Coverage => tab("cakupan"),
            Tab::Conflicts => tab("konflik"),
            Tab::Documents => tab("dokumen"),
            Tab::Assessor => tab("asesor"),
            Tab::Results => Route::CoordinatorResults {
                workspace: id.to_string(),
            },
            Tab::Report => Route::Report {
                source: crate::ui::route::ReportSource::Coordinator,
                id: id.to_string(),
            },
        }
    }
}

/// Compile-time constants (see `ui::route::App`): the coordinator's app leaves out the
/// results and report tabs, the results app leaves out the others.
const COORDINATOR: bool = App::Coordinator.is_built();
const RESULTS: bool = App::Results.is_built();

/// Every screen of one workspace (`#/koordinator/<id>/…`), sharing its state, once the
/// workspace is read (from IndexedDB: a moment after the screen is drawn).
#[component]
pub fn CoordinatorScreens(id: String, route: RwSignal<Route>) -> impl IntoView {
    let opened = RwSignal::new(None::<Result<Coord, Text>>);
    let mut opening = Box::pin(Coord::open(&id));
    match crate::adapters::entries::ready_now(opening.as_mut()) {
        Some(r) => opened.set(Some(r)),
        None => leptos::task::spawn_local(async move {
            let r = opening.await;
            opened.try_set(Some(r));
        }),
    }
    move || {
        match opened.get() {
        None => view! {
            <section class="screen narrow"><p class="muted" role="status">{tr("Membuka ruang kerja…", "Opening the workspace…")}</p></section>
        }
        .into_any(),
        Some(Err(message)) => view! { <Unavailable message=message/> }.into_any(),
        Some(Ok(coord)) => view! { <Screens coord=coord route=route/> }.into_any(),
    }
    }
}

#[component]
fn Screens(coord: Coord, route: RwSignal<Route>) -> impl IntoView {
    provide_context(coord);
    provide_context(documents::StoredDocs::new());
    let tab = Memo::new(move |_| Tab::of(&route.get()));
    move || {
        match tab.get() {
        Tab::Report if RESULTS => view! { <ReportScreen file=coord.file/> }.into_any(),
        t => view! {
            <section class="screen coordinator">
                <header::WorkspaceHeader tab=t/>
                {match t {
                    Tab::Units if COORDINATOR => view! { <units::UnitsTab/> }.into_any(),
                    Tab::Import if COORDINATOR => view! { <import::ImportTab/> }.into_any(),
                    Tab::Coverage if COORDINATOR => view! { <coverage::CoverageTab/> }.into_any(),
                    Tab::Conflicts if COORDINATOR => view! { <conflicts::ConflictsTab/> }.into_any(),
                    Tab::Documents if COORDINATOR => view! { <documents::DocumentsTab/> }.into_any(),
                    Tab::Assessor if COORDINATOR => view! { <assessor::AssessorTab/> }.into_any(),
                    Tab::Results if RESULTS => view! { <results::ResultsTab/> }.into_any(),
                    _ => view! {
                        <div class="notice warning" role="status">
                            <p>{tr("Bagian ini tidak ada. Pilih salah satu tab di atas.", "There is no such section. Choose one of the tabs above.")}</p>
                        </div>
                    }.into_any(),
                }}
            </section>
        }
        .into_any(),
    }
    }
}

#[component]
fn Unavailable(message: Text) -> impl IntoView {
    view! {
        <section class="screen narrow">
            <h1>{tr("Ruang kerja tidak dapat dibuka", "The workspace cannot be opened")}</h1>
            <div class="notice error" role="alert"><p>{text(message)}</p></div>
            <p><a class="btn" href=Route::CoordinatorHome.href()>{tr("Kembali ke daftar ruang kerja", "Back to the workspace list")}</a></p>
        </section>
    }
}
