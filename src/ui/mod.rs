//! The Leptos interface: one folder per screen, shared widgets in `widgets/`.
//!
//! Components read state and call domain functions; they compute nothing the domain could.

pub mod coordinator;
pub mod crash;
pub mod export;
pub mod fill;
pub mod help;
pub mod i18n;
pub mod parts;
pub mod report;
pub mod results;
pub mod route;
pub mod start;
pub mod state;
pub mod sync;
pub mod widgets;

use crate::adapters::storage;
use crate::domain::catalogue;
use crate::domain::text::{Lang, Text};
use i18n::{tr, UiLang};
use leptos::prelude::*;
use route::{App, ReportSource, Route};
use state::{current_route, DraftWorkspace, Nav, NoticeKind, Notices};
use widgets::{LangSwitch, NoticeArea};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let store = storage::store();
    let saved_lang = match store.setting("lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Id,
    };
    let lang = RwSignal::new(saved_lang);
    provide_context(UiLang(lang));
    let notices = RwSignal::new(Vec::new());
    state::provide_notices(Notices(notices));
    state::save_before_leaving();
    let route = RwSignal::new(current_route());
    provide_context(Nav(route));

    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state::screen_changed(Notices(notices));
        route.try_set(current_route());
        // A new screen starts at the top, with keyboard focus at its content.
        focus_main();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || hash_listener.remove());

    Effect::new(move |_| {
        let l = lang.get();
        let _ = storage::store().set_setting("lang", l.code());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
    });

    if !store.persistent {
        state::notify(
            NoticeKind::Warning,
            storage::StoreError::Unavailable.message(),
        );
    }
    // A debug build parses and checks every framework at start and shows what is wrong; a
    // release parses each framework when a screen first asks for it (the tests guarantee
    // that never fails), so the first screen does not wait for all of them.
    let catalogue_error = if cfg!(debug_assertions) {
        catalogue::load().err()
    } else {
        None
    };
    // The screens behind this app's home, fetched while the user reads it (release only).
    parts::preload();

    view! {
        <a class="skip-link" href="#main" on:click=|ev| { ev.prevent_default(); focus_main(); }>{tr("Lompat ke isi", "Skip to content")}</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"S"</span>
                <span class="brand-name">"Swanilai"</span>
            </a>
            <span class="brand-tagline">{tr("Penilaian mandiri Pemerintah Digital", "Digital government self-assessment")}</span>
            <span class="header-spacer"></span>
            <a class="header-link" href=Route::Help.href()>{tr("Panduan", "Guide")}</a>
            <span class="privacy-badge" title=tr("Tidak ada data yang dikirim ke server mana pun", "No data is sent to any server")>
                {tr("Data tetap di perangkat ini", "Data stays on this device")}
            </span>
            <LangSwitch/>
        </header>
        <NoticeArea/>
        <main id="main" tabindex="-1" data-ready="">
            {match catalogue_error {
                Some(e) => view! {
                    <div class="notice error" role="alert">
                        <p>{tr("Katalog kerangka penilaian gagal dimuat:", "The framework catalogue failed to load:")} " " {e}</p>
                    </div>
                }.into_any(),
                None => view! { <Screen route=route/> }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>
                {tr(
                    "Swanilai bekerja sepenuhnya di browser Anda. Simpan cadangan dengan mengunduh berkas secara berkala: menghapus data browser juga menghapus draf.",
                    "Swanilai runs entirely in your browser. Keep backups by downloading your file regularly: clearing browser data also clears drafts.",
                )}
            </p>
        </footer>
    }
}

/// Moves keyboard focus to the main region (after a screen change, or the skip link).
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Which apps this build contains (see `route.rs`): constants, so code of the others is
/// left out of the wasm.
const UNIT: bool = App::Unit.is_built();
const COORDINATOR: bool = App::Coordinator.is_built();
const RESULTS: bool = App::Results.is_built();

/// The screen for the current route. Screens that edit a draft get its workspace in context.
#[component]
fn Screen(route: RwSignal<Route>) -> impl IntoView {
    // Only re-render the screen when the draft changes, not on every indicator switch.
    #[derive(Clone, PartialEq)]
    enum Area {
        Start,
        Help,
        Draft(String),
        CoordinatorHome,
        Coordinator(String),
        ResultsHome,
        NotFound,
    }
    let area = Memo::new(move |_| match route.get() {
        Route::Start => Area::Start,
        Route::Help => Area::Help,
        Route::Fill { draft, .. } | Route::Export { draft } | Route::DraftResults { draft } => {
            Area::Draft(draft)
        }
        Route::Report {
            source: ReportSource::Draft,
            id,
        } => Area::Draft(id),
        Route::CoordinatorHome => Area::CoordinatorHome,
        Route::ResultsHome => Area::ResultsHome,
        Route::Coordinator { workspace, .. } | Route::CoordinatorResults { workspace } => {
            Area::Coordinator(workspace)
        }
        Route::Report {
            source: ReportSource::Coordinator,
            id,
        } => Area::Coordinator(id),
        Route::NotFound(_) => Area::NotFound,
    });
    // Which app shows the route: tracked on its own so that moving within a screen (another
    // indicator, another tab) never re-creates the screen and re-reads storage.
    let app = Memo::new(move |_| route.with(|r| r.app()));
    move || {
        // A screen of an app this page does not contain: load that app's page.
        if !app.get().is_built() {
            let _ = window().location().replace(&route.get_untracked().href());
            return view! { <p class="muted">{tr("Membuka…", "Opening…")}</p> }.into_any();
        }
        // The guards are compile-time constants, so a build leaves out the screens of the
        // apps it does not contain.
        match area.get() {
            Area::Start if UNIT => view! { <start::StartScreen/> }.into_any(),
            Area::Help if UNIT => parts::help(),
            Area::Draft(id) if UNIT || RESULTS => parts::draft(id, route),
            Area::CoordinatorHome if COORDINATOR => {
                view! { <coordinator::CoordinatorHome/> }.into_any()
            }
            Area::ResultsHome if RESULTS => view! { <results::ResultsHome/> }.into_any(),
            Area::Coordinator(id) if COORDINATOR || RESULTS => parts::workspace(id, route),
            _ => view! { <NotFound route=route.get_untracked()/> }.into_any(),
        }
    }
}

/// The screens of one draft, sharing one workspace (and so one autosave).
#[component]
fn DraftScreens(id: String, route: RwSignal<Route>) -> impl IntoView {
    #[derive(Clone, Copy, PartialEq)]
    enum Tab {
        Fill,
        Export,
        Results,
        Report,
        Other,
    }
    match DraftWorkspace::open(&id) {
        Err(message) => view! { <Unavailable message=message/> }.into_any(),
        Ok(ws) => {
            provide_context(ws);
            // Re-render only when the tab changes; the fill screen follows the indicator itself.
            let tab = Memo::new(move |_| match route.get() {
                Route::Fill { .. } => Tab::Fill,
                Route::Export { .. } => Tab::Export,
                Route::DraftResults { .. } => Tab::Results,
                Route::Report { .. } => Tab::Report,
                _ => Tab::Other,
            });
            let selected = Memo::new(move |_| match route.get() {
                Route::Fill { indicator, .. } => indicator,
                _ => None,
            });
            (move || match tab.get() {
                Tab::Fill if UNIT => view! {
                    <fill::WithTexts><fill::FillScreen selected=selected/></fill::WithTexts>
                }.into_any(),
                Tab::Export if UNIT => view! { <export::ExportScreen/> }.into_any(),
                Tab::Results if RESULTS => view! {
                    <section class="screen results"><fill::DraftHeader/><results::ResultsScreen file=ws.file/></section>
                }.into_any(),
                Tab::Report if RESULTS => view! { <report::ReportScreen file=ws.file/> }.into_any(),
                _ => view! { <NotFound route=route.get_untracked()/> }.into_any(),
            })
            .into_any()
        }
    }
}

#[component]
fn Unavailable(message: Text) -> impl IntoView {
    view! {
        <section class="screen narrow">
            <h1>{tr("Draf tidak dapat dibuka", "The draft cannot be opened")}</h1>
            <div class="notice error" role="alert"><p>{i18n::text(message)}</p></div>
            <p><a class="btn" href="#/">{tr("Kembali ke halaman awal", "Back to the start page")}</a></p>
        </section>
    }
}

#[component]
fn NotFound(route: Route) -> impl IntoView {
    view! {
        <section class="screen narrow">
            <h1>{tr("Halaman tidak ditemukan", "Page not found")}</h1>
            <p><code>{route.href()}</code></p>
            <p><a class="btn" href="#/">{tr("Kembali ke halaman awal", "Back to the start page")}</a></p>
        </section>
    }
}
