//! The parts of an app fetched when first needed (code splitting), so that a first visit
//! downloads only what its first screen runs.
//!
//! Each app's home (the unit's start page, the coordinator's and the results' lists) is in
//! the page's own wasm. What lies behind it is not:
//! - a draft's screens ([`draft`]: fill, export, its results and report);
//! - a coordinator's workspace ([`workspace`]: units, import, coverage, conflicts,
//!   documents, results, report);
//! - the file reader behind the homes' "open a file" ([`open_file`] in the unit's app: a
//!   .json or a .zip bundle; [`reopen`] in the coordinator's: a consolidated .json), a
//!   file's problems being reported by the same code the draft and the workspace use; in
//!   the coordinator's, also the frameworks themselves, which [`new_workspace`] needs (the
//!   home lists workspaces from the frameworks' summaries);
//! - the unit's guide ([`help`]).
//!
//! In the release (feature `split`, built by `scripts/split.mjs`) each function marked
//! `wasm_split` below goes, with all the code only it reaches, into a wasm file of its own
//! (and code two parts share into a shared one), which the page fetches and links the first
//! time the part is needed, or before that, 1.5 s after the home is up ([`preload`]). The
//! service worker keeps them for offline use like every other file of the release.
//!
//! Without the feature (`make serve`, the tests) the functions are plain calls and the
//! screens are built at once, as before.
//!
//! A part whose file cannot be fetched (the connection dropped before the service worker
//! had it, or a tab still running an older release after another tab took a new one, whose
//! service worker no longer keeps the old files) shows a notice with a reload button, not a
//! blank screen; nothing is lost, since the screen holding the user's work is the one that
//! could not open.

use super::i18n::tr;
use super::route::Route;
use crate::domain::consolidation::{unknown_framework, Restored, Workspace};
use crate::domain::draft::Draft;
use crate::domain::exchange::{self, Problem, Timestamp};
use crate::domain::text::Text;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A part's code could not be fetched.
#[derive(Debug, Clone, Copy)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

// Split only in the apps that show the part (the cfgs `split_*`: src/build.rs).
#[cfg_attr(
    split_draft,
    leptos::wasm_split::wasm_split(
        draft,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_draft),
        fallible
    )
)]
fn draft_part(id: String, route: RwSignal<Route>) -> Result<AnyView, Unloaded> {
    Ok(view! { <super::DraftScreens id=id route=route/> }.into_any())
}

#[cfg_attr(
    split_workspace,
    leptos::wasm_split::wasm_split(
        workspace,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_workspace),
        fallible
    )
)]
fn workspace_part(id: String, route: RwSignal<Route>) -> Result<AnyView, Unloaded> {
    Ok(view! { <super::coordinator::CoordinatorScreens id=id route=route/> }.into_any())
}

#[cfg_attr(
    split_unit,
    leptos::wasm_split::wasm_split(
        help,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_help),
        fallible
    )
)]
fn help_part() -> Result<AnyView, Unloaded> {
    Ok(view! { <super::help::HelpScreen/> }.into_any())
}

/// The guide (Panduan).
#[cfg(split_unit)]
pub fn help() -> AnyView {
    shown(preload_help(), help_part)
}

/// The guide (Panduan).
#[cfg(not(split_unit))]
pub fn help() -> AnyView {
    help_part().unwrap_or_else(|_| unloaded())
}

/// What opening a file on the unit's start page made: the stored draft, what it became
/// and its warnings; or every problem that stopped it.
pub type Opened = Result<(Draft, Text, Vec<Problem>), Vec<Problem>>;
type Opening = Pin<Box<dyn Future<Output = Opened>>>;

// The reader: one part for both homes, split only in the app that calls each function.
// The unit's whole opening (reading the file or the bundle, its documents into the store,
// the draft into storage) is in the part: the function hands back its future.
#[cfg_attr(
    split_unit,
    leptos::wasm_split::wasm_split(
        reader,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_open_file),
        fallible
    )
)]
fn open_part(bytes: Vec<u8>) -> Result<Opening, Unloaded> {
    Ok(Box::pin(async move {
        super::start::open_file::open_bytes(&bytes).await
    }))
}

// The coordinator's part holds what makes a workspace from a framework (a new one, or
// one rebuilt from a consolidated file): its home lists workspaces from the frameworks'
// summaries and parses none.
#[cfg_attr(
    split_coordinator,
    leptos::wasm_split::wasm_split(
        reader,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_reopen),
        fallible
    )
)]
fn reopen_part(bytes: &[u8], id: String, now: &Timestamp) -> Result<Reopened, Unloaded> {
    Ok(exchange::parse(bytes).and_then(|parsed| {
        match Workspace::from_consolidated(id, &parsed.file, now) {
            Ok((ws, restored)) => Ok((ws, restored, parsed.warnings)),
            // Refused: the file's warnings are listed with the reason, as a refused
            // file's are.
            Err(mut problems) => {
                problems.extend(parsed.warnings);
                Err(problems)
            }
        }
    }))
}

#[cfg_attr(
    split_coordinator,
    leptos::wasm_split::wasm_split(
        reader,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn new_workspace_part(form: NewWorkspace) -> Result<Result<Workspace, Text>, Unloaded> {
    let NewWorkspace {
        id,
        framework,
        institution,
        period,
        coordinator,
        starter,
        now,
    } = form;
    Ok(crate::domain::catalogue::framework(&framework)
        .map(|fw| Workspace::new(id, fw, institution, period, coordinator, starter, &now))
        .ok_or_else(unknown_framework))
}

/// Opens a file the unit chose on the start page: a .json exchange file or a .zip bundle
/// becomes a stored draft.
pub async fn open_file(bytes: Vec<u8>) -> Opened {
    #[cfg(split_unit)]
    let opening = open_part(bytes).await;
    #[cfg(not(split_unit))]
    let opening = open_part(bytes);
    match opening {
        Ok(opening) => opening.await,
        Err(Unloaded) => Err(vec![reader_unloaded()]),
    }
}

/// A consolidated file reopened: the workspace rebuilt from it, what came back, and the
/// file's warnings; or every problem that stopped it.
pub type Reopened = Result<(Workspace, Restored, Vec<Problem>), Vec<Problem>>;

/// Reads a consolidated file the coordinator opens on the home and rebuilds its workspace
/// (with `id`, as of `now`); nothing is stored yet.
pub async fn reopen(bytes: &[u8], id: String, now: &Timestamp) -> Reopened {
    #[cfg(split_coordinator)]
    let read = reopen_part(bytes, id, now).await;
    #[cfg(not(split_coordinator))]
    let read = reopen_part(bytes, id, now);
    read.unwrap_or_else(|_| Err(vec![reader_unloaded()]))
}

/// What the coordinator's "new workspace" form gives [`new_workspace`].
pub struct NewWorkspace {
    pub id: String,
    pub framework: String,
    pub institution: String,
    pub period: String,
    pub coordinator: String,
    /// Start with the usual Pemda units and the default assignment.
    pub starter: bool,
    pub now: Timestamp,
}

/// A new workspace from the form (not stored yet), or what to tell the coordinator: the
/// framework is not in the catalogue, or the part holding the frameworks could not be
/// fetched.
pub async fn new_workspace(form: NewWorkspace) -> Result<Workspace, Text> {
    #[cfg(split_coordinator)]
    let made = new_workspace_part(form).await;
    #[cfg(not(split_coordinator))]
    let made = new_workspace_part(form);
    made.unwrap_or_else(|_| Err(maker_unloaded()))
}

/// What the coordinator is told when the part that makes workspaces could not be fetched.
fn maker_unloaded() -> Text {
    Text::new(
        "Ruang kerja belum dapat dibuat: bagian aplikasi yang membacanya belum termuat (sambungan terputus sebelum semuanya tersimpan di perangkat ini, atau versi baru Swanilai sudah dipasang di tab lain). Periksa sambungan, muat ulang halaman, lalu coba lagi. Data Anda tidak berubah.",
        "The workspace could not be made yet: the part of the app that reads frameworks has not loaded (the connection dropped before all of it was stored on this device, or a new version of Swanilai was installed in another tab). Check the connection, reload the page and try again. Your data is unchanged.",
    )
}

/// The file's problem when the reader itself could not be fetched.
fn reader_unloaded() -> Problem {
    Problem {
        path: "$".into(),
        severity: exchange::Severity::Error,
        message: Text::new(
            "Pembaca berkas belum dapat dimuat: sambungan ke situs terputus sebelum semuanya tersimpan di perangkat ini, atau versi baru Swanilai sudah dipasang di tab lain. Periksa sambungan, muat ulang halaman, lalu pilih berkasnya lagi. Berkas dan data Anda tidak berubah.",
            "The file reader could not be loaded: the connection to the site dropped before all of it was stored on this device, or a new version of Swanilai was installed in another tab. Check the connection, reload the page, then choose the file again. Your file and data are unchanged.",
        ),
    }
}

/// The screens of one draft.
#[cfg(split_draft)]
pub fn draft(id: String, route: RwSignal<Route>) -> AnyView {
    shown(preload_draft(), move || draft_part(id, route))
}

/// The screens of one coordinator's workspace.
#[cfg(split_workspace)]
pub fn workspace(id: String, route: RwSignal<Route>) -> AnyView {
    shown(preload_workspace(), move || workspace_part(id, route))
}

/// The screens of one draft.
#[cfg(not(split_draft))]
pub fn draft(id: String, route: RwSignal<Route>) -> AnyView {
    draft_part(id, route).unwrap_or_else(|_| unloaded())
}

/// The screens of one coordinator's workspace.
#[cfg(not(split_workspace))]
pub fn workspace(id: String, route: RwSignal<Route>) -> AnyView {
    workspace_part(id, route).unwrap_or_else(|_| unloaded())
}

/// Fetches, in the background, the parts this app's home leads to, so that the first one
/// opened is there at once. Called once the first screen is up; a failure here is silent
/// (the part is fetched again, with its notice, when it is opened).
pub fn preload() {
    #[cfg(feature = "split")]
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                #[cfg(split_draft)]
                let _ = preload_draft().await;
                #[cfg(split_workspace)]
                let _ = preload_workspace().await;
                #[cfg(split_unit)]
                let _ = (preload_open_file().await, preload_help().await);
                #[cfg(split_coordinator)]
                let _ = preload_reopen().await;
            })
        },
        std::time::Duration::from_millis(PRELOAD_AFTER_MS),
    );
}

/// How long after the first screen the parts are fetched: after the page's own load and
/// the browser's first idle moments, before a user has read the home and chosen a draft.
#[cfg(feature = "split")]
const PRELOAD_AFTER_MS: u64 = 1500;

/// The part's screens once its code is there; "Membuka…" meanwhile, a notice if it cannot
/// be fetched. The code is fetched first (`preload`), and the part is built (`build`) only
/// if this place still exists then: a user who left while it came gets no screen built
/// behind the next one (a draft's screens open its workspace and its autosave). It is built
/// under this place's owner (its contexts, its cleanup) and untracked, as a component is.
#[cfg(feature = "split")]
fn shown<L, B, F>(preload: L, build: B) -> AnyView
where
    L: Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
    B: FnOnce() -> F + 'static,
    F: Future<Output = Result<AnyView, Unloaded>> + 'static,
{
    use leptos::reactive::computed::ScopedFuture;
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Loading,
        Ready,
        Failed,
    }
    let state = RwSignal::new(State::Loading);
    let view = StoredValue::new_local(None::<AnyView>);
    leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
        let loaded = preload.await;
        if state.try_get_untracked().is_none() {
            return; // left meanwhile
        }
        // Loaded: `build` finds the code there and runs at once, in this same turn.
        let built = match loaded {
            Ok(()) => build().await,
            Err(e) => Err(Unloaded::from(e)),
        };
        match built {
            Ok(v) => {
                if view.try_set_value(Some(v)).is_none() {
                    let _ = state.try_set(State::Ready);
                }
            }
            Err(Unloaded) => {
                let _ = state.try_set(State::Failed);
            }
        }
    }));
    (move || match state.get() {
        State::Loading => {
            view! { <p class="muted" role="status">{tr("Membuka…", "Opening…")}</p> }.into_any()
        }
        State::Ready => view
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        State::Failed => unloaded(),
    })
    .into_any()
}

/// The notice for a part that could not be fetched.
fn unloaded() -> AnyView {
    view! {
        <section class="screen narrow">
            <div class="notice error" role="alert">
                <p>{tr(
                    "Bagian aplikasi ini belum dapat dimuat: sambungan ke situs terputus sebelum semuanya tersimpan di perangkat ini, atau versi baru Swanilai sudah dipasang di tab lain. Periksa sambungan, lalu muat ulang halaman. Data Anda tetap aman di browser ini.",
                    "This part of the app could not be loaded: the connection to the site dropped before all of it was stored on this device, or a new version of Swanilai was installed in another tab. Check the connection, then reload the page. Your data is still safe in this browser.",
                )}</p>
                <p><button type="button" class="btn btn-primary" on:click=|_| { let _ = window().location().reload(); }>
                    {tr("Muat ulang", "Reload")}
                </button></p>
            </div>
        </section>
    }
    .into_any()
}
