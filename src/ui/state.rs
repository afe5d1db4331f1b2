//! App-wide state: the current screen, notices, and the unit's draft workspace with its
//! autosave.
//!
//! One store per workspace (here the unit's draft), provided through context and
//! persisted by one debounced effect; everything shown is derived from it with memos.

use crate::adapters::entries::OpenError;
use crate::adapters::{clock, storage};
use crate::domain::catalogue::Framework;
use crate::domain::draft::{export_file_name, Draft};
use crate::domain::engine::{evaluate_map, Evaluation};
use crate::domain::exchange::{ExchangeFile, Kind, Timestamp};
use crate::domain::text::Text;
use crate::ui::route::Route;
use crate::ui::sync::Synced;
use leptos::prelude::*;
use std::time::Duration;

/// The storage kind under which unit drafts are kept.
pub const DRAFTS: &str = "draft";

/// The current screen, mirrored from `location.hash`.
#[derive(Clone, Copy)]
pub struct Nav(pub RwSignal<Route>);

pub fn current_route() -> Route {
    Route::of_page(
        crate::ui::route::App::here(),
        &window().location().hash().unwrap_or_default(),
    )
}

thread_local! {
    /// Set by [`navigate`]: the notices on screen were raised for the screen being opened
    /// ("file opened" while going to the draft), so the next screen change keeps them.
    static NOTICES_FOLLOW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called on every screen change: a notice belongs to the screen it was raised on, so it
/// goes when the user moves on (a download's confirmation on one tab is not news on the
/// next); errors stay until dismissed, and notices raised for the screen the app itself
/// navigates to stay.
/// (Called from an event listener, outside any reactive owner: hence the signal itself.)
pub fn screen_changed(Notices(n): Notices) {
    if NOTICES_FOLLOW.with(|f| f.replace(false)) {
        return;
    }
    if n.try_with_untracked(|v| v.iter().any(|x| x.kind != NoticeKind::Error))
        .unwrap_or(false)
    {
        n.try_update(|v| v.retain(|x| x.kind == NoticeKind::Error));
    }
}

/// Goes to a screen (adds a history entry, so Back works); a screen of another app
/// loads that app's page.
pub fn navigate(route: &Route) {
    NOTICES_FOLLOW.with(|f| f.set(true));
    let href = route.href();
    let location = window().location();
    let _ = if href.starts_with('#') {
        location.set_hash(&href)
    } else {
        location.assign(&href)
    };
}

/// A message shown at the top of the screen until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Error,
}

#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

/// Shows a notice (kept until dismissed; at most five).
pub fn notify(kind: NoticeKind, text: Text) {
    notifier()(kind, text)
}

thread_local! {
    /// The app's notices, for code that runs outside any reactive owner (a future after its
    /// first await, an event listener): there `use_context` finds nothing, and a notice
    /// raised there would silently vanish.
    static APP_NOTICES: std::cell::Cell<Option<Notices>> = const { std::cell::Cell::new(None) };
}

/// Makes `notices` the app's: provided as context and reachable from outside any owner.
pub fn provide_notices(notices: Notices) {
    provide_context(notices);
    APP_NOTICES.with(|c| c.set(Some(notices)));
}

/// [`notify`] for a future: the notices are looked up now, while a reactive owner is
/// current, and else are the app's.
pub fn notifier() -> impl Fn(NoticeKind, Text) + Clone + 'static {
    let notices = use_context::<Notices>().or_else(|| APP_NOTICES.with(|c| c.get()));
    move |kind, text| {
        if let Some(Notices(n)) = notices {
            // try_: an app unmounted meanwhile (tests mount many) has disposed its signal.
            n.try_update(|v| {
                v.retain(|x| x.text != text);
                v.push(Notice { kind, text });
                if v.len() > 5 {
                    v.remove(0);
                }
            });
        }
    }
}

/// Where the draft's last change stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Written to browser storage at this time (RFC 3339).
    Saved(Timestamp),
    /// A change waits for the debounce.
    Pending,
    /// The last write failed; the work is in memory only.
    Failed(Text),
    /// Not written: another tab saved a newer version, and the user chooses what to keep
    /// (`ui::sync`).
    Behind,
}

impl SaveState {
    /// Whether the work on screen exists only on this page.
    pub fn unsaved(&self) -> bool {
        matches!(self, SaveState::Failed(_) | SaveState::Behind)
    }
}

/// A value autosaved on this page ([`autosave`]): its registration, save state and the
/// flush that writes it if (and only if) a change is pending.
struct Autosaved {
    id: u64,
    save: RwSignal<SaveState>,
    /// Shared so that [`save_before_leaving`] can call it with the list not borrowed: a
    /// flush that ends a screen would otherwise remove its entry from a borrowed list.
    flush: std::rc::Rc<dyn Fn()>,
}

thread_local! {
    /// Every value autosaved on this page. A link to another of the three apps waits for
    /// them ([`save_before_leaving`]).
    static AUTOSAVED: std::cell::RefCell<Vec<Autosaved>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static AUTOSAVED_NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Whether a value on this page has a change not yet written (waiting or being written).
fn saving() -> bool {
    AUTOSAVED.with(|a| {
        a.borrow()
            .iter()
            .any(|a| a.save.try_get_untracked() == Some(SaveState::Pending))
    })
}

/// Links to another of the three apps (the coordinator's "Hasil & ekspor", the unit's
/// results) load another page, which reads the work from browser storage. IndexedDB
/// writes are asynchronous: a change made just before such a click would still be on its
/// way (the 400 ms debounce, or the write itself) when this page goes, and be lost. So
/// while a change is unsaved, such a click writes it first and follows the link once it
/// is written (or failed, which the page already says; at most 10 s). Links within the
/// page (only the `#` part changes) go at once.
pub fn save_before_leaving() {
    use wasm_bindgen::JsCast;
    let listener = window_event_listener(leptos::ev::click, |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        if link.has_attribute("download")
            || link.get_attribute("target").is_some_and(|t| t != "_self")
        {
            return;
        }
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        let here = window().location();
        let same_page = link.origin() == here.origin().unwrap_or_default()
            && link.pathname() == here.pathname().unwrap_or_default();
        if same_page || !saving() {
            return;
        }
        ev.prevent_default();
        let flushes: Vec<_> =
            AUTOSAVED.with(|a| a.borrow().iter().map(|a| a.flush.clone()).collect());
        flushes.iter().for_each(|flush| flush());
        follow_when_saved(link.href(), 200);
    });
    // For the page's whole life (the app is never unmounted).
    std::mem::forget(listener);
}

fn follow_when_saved(href: String, tries: u32) {
    if !saving() || tries == 0 {
        let _ = window().location().set_href(&href);
        return;
    }
    set_timeout(
        move || follow_when_saved(href, tries - 1),
        Duration::from_millis(50),
    );
}

/// Keeps a value edited on screen saved: `flush` runs 400 ms after the last change, and at
/// once when the page is hidden or closed or the screen goes away. `save` shows "Menyimpan…"
/// meanwhile. While the work is not saved, leaving the page asks for confirmation. A change
/// for which `is_edit` says false (the value replaced by the stored version) is not saved.
/// Used through `ui::sync::Synced`, by the unit's draft and the coordinator's workspace.
pub fn autosave<T: Send + Sync + 'static>(
    value: RwSignal<T>,
    save: RwSignal<SaveState>,
    is_edit: impl Fn() -> bool + Send + Sync + 'static,
    flush: impl Fn() + Copy + Send + Sync + 'static,
) {
    let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let first = StoredValue::new(true);
    // Writes only while a change is still unsaved: the debounce timer of a change that was
    // saved meanwhile (on leaving the page) must not write the same version again, which
    // another tab would take for a newer one. `try_`: a timer may fire after the screen
    // and its signals are gone.
    let flush_now = move || {
        if save.try_get_untracked() == Some(SaveState::Pending) {
            if let Some(h) = timer.try_get_value().flatten() {
                h.clear();
            }
            flush();
        }
    };
    Effect::new(move |_| {
        value.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        if !is_edit() {
            return;
        }
        save.set(SaveState::Pending);
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(set_timeout_with_handle(flush_now, Duration::from_millis(400)).ok());
    });
    let registered = AUTOSAVED_NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    AUTOSAVED.with(|a| {
        a.borrow_mut().push(Autosaved {
            id: registered,
            save,
            flush: std::rc::Rc::new(flush_now),
        })
    });
    let a = window_event_listener(leptos::ev::pagehide, move |_| flush_now());
    let b = window_event_listener(leptos::ev::visibilitychange, move |_| flush_now());
    // Work browser storage could not keep lives only on this page: closing or reloading it
    // asks first (the browser's own "leave site?" dialog).
    let c = window_event_listener(leptos::ev::beforeunload, move |ev| {
        flush_now();
        if save.with_untracked(SaveState::unsaved) {
            ev.prevent_default();
            // Chrome and Edge before 119 show the dialog only when a return value is set.
            ev.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        flush_now();
        // A debounce still waiting (its change was saved another way, e.g. kept as a copy)
        // must not fire once the screen and its signals are gone.
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        a.remove();
        b.remove();
        c.remove();
        AUTOSAVED.with(|a| a.borrow_mut().retain(|a| a.id != registered));
    });
}

/// The unit's draft being edited, provided to the fill, export and results screens.
#[derive(Clone, Copy)]
pub struct DraftWorkspace {
    pub draft: RwSignal<Draft>,
    pub framework: &'static Framework,
    pub save: RwSignal<SaveState>,
    /// The stored entry behind `draft`, and whether another tab saved over it.
    pub sync: Synced<Draft>,
    pub evaluation: Memo<Evaluation>,
    /// The draft as a submission file: what results and report screens read.
    pub file: Memo<ExchangeFile>,
}

impl DraftWorkspace {
    /// Loads a draft from storage and starts its autosave. `Err` carries what to tell
    /// the user (missing draft, damaged entry moved aside, unknown framework).
    pub fn open(id: &str) -> Result<DraftWorkspace, Text> {
        // Local storage answers at once: the draft opens before this returns.
        let loaded = crate::adapters::entries::ready_now(Synced::<Draft>::load(
            storage::store().entries(),
            id,
        ))
        .unwrap_or(Err(OpenError::Store(storage::StoreError::Unavailable)));
        let (sync, fw) = Synced::<Draft>::open(loaded, Text::new("", ""))?;
        let draft = sync.value;
        let evaluation = Memo::new(move |_| draft.with(|d| evaluate_map(fw, &d.values())));
        let file = Memo::new(move |_| draft.with(|d| d.to_submission(&d.updated_at).0));
        sync.start();
        Ok(DraftWorkspace {
            draft,
            framework: fw,
            save: sync.save,
            sync,
            evaluation,
            file,
        })
    }

    /// Writes the draft now (unless another tab saved meanwhile).
    pub fn flush(self) {
        self.sync.flush();
    }

    /// The draft as it is on screen, as a submission file to download: the way out when
    /// it cannot be saved in this browser. Returns the file name.
    pub fn download(self) -> Result<String, Text> {
        let now = clock::now();
        let (file, name) = self.draft.with_untracked(|d| {
            let file = d.to_submission(&now).0;
            let name = export_file_name(
                Kind::Submission,
                &d.unit.id,
                &d.framework,
                &d.period,
                &clock::local(&now),
            );
            (file, name)
        });
        download_file(&file, &name)
    }

    /// Edits one indicator's answer.
    pub fn edit(
        self,
        indicator: &str,
        change: impl FnOnce(&mut crate::domain::draft::DraftAnswer),
    ) {
        let now = clock::now();
        // try_: also called from futures (documents attached), which may end after the
        // screen was left.
        self.draft.try_update(|d| d.edit(indicator, &now, change));
    }
}

/// Downloads an exchange file built from what is on screen, from this page.
pub fn download_file(file: &ExchangeFile, name: &str) -> Result<String, Text> {
    let json = crate::domain::json::to_string_pretty(file).map_err(|e| {
        Text::new(
            format!("Gagal membuat berkas: {e}"),
            format!("Could not build the file: {e}"),
        )
    })?;
    crate::adapters::files::download_json(name, &json).map_err(|e| {
        Text::new(
            format!("Gagal mengunduh: {e}"),
            format!("Download failed: {e}"),
        )
    })?;
    Ok(name.to_string())
}
