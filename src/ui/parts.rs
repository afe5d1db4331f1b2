//! The parts of an app fetched when first needed (code splitting), so that a first visit
//! downloads only what its first screen runs.
//!
//! Each app's home (the unit's start page, the coordinator's and the results' lists) is in
//! the page's own wasm. The screens behind it are not: a draft's screens ([`draft`]: fill,
//! export, its results and report) and a coordinator's workspace ([`workspace`]: units,
//! import, coverage, conflicts, documents, results, report). In the release (feature
//! `split`, built by `scripts/split.mjs`) each function marked `wasm_split` below goes,
//! with all the code only it reaches, into a wasm file of its own, which the page fetches
//! and links the first time the part is shown, or before that once the first screen is up
//! and the browser is idle ([`preload`]). The service worker keeps them for offline use
//! like every other file of the release.
//!
//! Without the feature (`make serve`, the tests) the functions are plain calls and the
//! screens are built at once, as before.
//!
//! A part whose file cannot be fetched (the connection dropped before the service worker
//! had it) shows a notice with a reload button, not a blank screen; nothing is lost, since
//! the screen holding the user's work is the one that could not open.

use super::i18n::tr;
use super::route::Route;
use leptos::prelude::*;

/// A part's code could not be fetched.
#[derive(Debug, Clone, Copy)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

// Split only in the apps that show the part: a split function is exported from the wasm,
// so in an app without it, it would keep the part's code alive in the main wasm.
#[cfg_attr(
    all(feature = "split", any(feature = "app-unit", feature = "app-results")),
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
    all(feature = "split", any(feature = "app-coordinator", feature = "app-results")),
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

/// The screens of one draft.
#[cfg(all(feature = "split", any(feature = "app-unit", feature = "app-results")))]
pub fn draft(id: String, route: RwSignal<Route>) -> AnyView {
    shown(draft_part(id, route))
}

/// The screens of one coordinator's workspace.
#[cfg(all(
    feature = "split",
    any(feature = "app-coordinator", feature = "app-results")
))]
pub fn workspace(id: String, route: RwSignal<Route>) -> AnyView {
    shown(workspace_part(id, route))
}

/// The screens of one draft.
#[cfg(not(all(feature = "split", any(feature = "app-unit", feature = "app-results"))))]
pub fn draft(id: String, route: RwSignal<Route>) -> AnyView {
    draft_part(id, route).unwrap_or_else(|_| unloaded())
}

/// The screens of one coordinator's workspace.
#[cfg(not(all(
    feature = "split",
    any(feature = "app-coordinator", feature = "app-results")
)))]
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
                #[cfg(all(feature = "split", any(feature = "app-unit", feature = "app-results")))]
                let _ = preload_draft().await;
                #[cfg(all(
                    feature = "split",
                    any(feature = "app-coordinator", feature = "app-results")
                ))]
                let _ = preload_workspace().await;
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
/// be fetched. The part is built under this place's owner (its contexts, its cleanup) and
/// untracked, as a component is.
#[cfg(feature = "split")]
fn shown(load: impl std::future::Future<Output = Result<AnyView, Unloaded>> + 'static) -> AnyView {
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
        let loaded = load.await;
        // The user may have left the screen meanwhile: then the view is dropped.
        match loaded {
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
                    "Bagian aplikasi ini belum dapat dimuat: sambungan ke situs terputus sebelum semuanya tersimpan di perangkat ini. Periksa sambungan, lalu muat ulang halaman. Data Anda tetap aman di browser ini.",
                    "This part of the app could not be loaded: the connection to the site dropped before all of it was stored on this device. Check the connection, then reload the page. Your data is still safe in this browser.",
                )}</p>
                <p><button type="button" class="btn btn-primary" on:click=|_| { let _ = window().location().reload(); }>
                    {tr("Muat ulang", "Reload")}
                </button></p>
            </div>
        </section>
    }
    .into_any()
}
