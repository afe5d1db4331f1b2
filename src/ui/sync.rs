//! One stored entry open on screen (the unit's draft, the coordinator's workspace), kept
//! saved without ever writing over what another tab saved meanwhile.
//!
//! [`Synced`] holds the value in one signal, the save state, and what this tab last saw of
//! the stored entry. Saving (the debounced autosave of `ui::state`) first looks at the
//! entry; other tabs' saves are heard through the `storage` event, and the entry is looked
//! at again whenever the tab gets the focus back (an event may be missed while the tab
//! sleeps). What to do with what is found is decided by `domain::revision::step`:
//! carry on, take the newer version (nothing unsaved here), stop and ask ([`Behind`]),
//! or write the version on screen back over a damaged entry (kept aside first).
//!
//! The entry lives in an `adapters::entries::Entries`: the unit's draft in local storage
//! (every call is ready at once, so a save is done before the handler returns, as before),
//! the coordinator's workspace in IndexedDB (asynchronous). Other tabs are heard through
//! the `storage` event for local storage and through a `BroadcastChannel` message for
//! IndexedDB, which has no event of its own. One look-and-write runs at a time per entry;
//! a save asked for meanwhile runs after it. The save state says "Tersimpan" only once the
//! store has the write (for IndexedDB: the transaction committed), and only if nothing was
//! edited meanwhile.
//!
//! Page hide: the write starts at once. Local storage has it before the page goes; an
//! IndexedDB transaction started in `pagehide` commits when the browser keeps the page
//! alive long enough (switching tabs, minimising, mostly also closing), but a browser may
//! end a closing page first: then the stored workspace is the one from the last
//! "Tersimpan", at most one debounce (400 ms of work) earlier.

use crate::adapters::entries::{self, Entries, OpenError, Place};
use crate::adapters::{clock, storage};
use crate::domain::catalogue::{framework, Framework};
use crate::domain::revision::{self, step, Behind, Found, Seen, Step, Versioned};
use crate::domain::text::Text;
use crate::ui::state::{autosave, notify, NoticeKind, SaveState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// An entry open on screen. Copy, like the signals it holds.
pub struct Synced<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    pub save: RwSignal<SaveState>,
    /// Why this tab stopped saving, with the stored version when there is one.
    pub behind: RwSignal<Option<(Behind, Option<T>)>>,
    /// The stored entry was found damaged and the version on screen written back; its
    /// damaged text was kept aside under this key. Shown until dismissed.
    pub restored: RwSignal<Option<String>>,
    /// Where the entry is kept.
    pub place: Place,
    entries: StoredValue<Entries, LocalStorage>,
    /// What this tab last read or wrote (`None`: storage is in memory only).
    seen: StoredValue<Option<Seen>>,
    /// Set while the value is replaced by the stored version: that is not an edit to save.
    quiet: StoredValue<bool>,
    /// Edits made so far: a write says "Tersimpan" only if none came while it ran.
    edits: StoredValue<u64>,
    /// The count of `edits` whose version the stored entry holds (as this tab last wrote or
    /// read it): a save asked for again with nothing edited since writes nothing.
    written: StoredValue<u64>,
    /// A look-and-write is running; `queued`: another was asked for (true: a save).
    busy: StoredValue<bool>,
    queued: StoredValue<Option<bool>>,
}

impl<T: Send + Sync + 'static> Clone for Synced<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Synced<T> {}

/// Runs `f`: to the end at once when it is ready at once (local storage), otherwise on
/// the event loop.
fn run(f: impl Future<Output = ()> + 'static) {
    let mut f = Box::pin(f);
    if entries::ready_now(f.as_mut()).is_none() {
        spawn_local(f);
    }
}

/// The save state after a write.
fn saved(result: Result<(), storage::StoreError>, persistent: bool) -> SaveState {
    match result {
        Ok(()) if persistent => SaveState::Saved(clock::now()),
        Ok(()) => SaveState::Failed(storage::StoreError::Unavailable.message()),
        Err(e) => SaveState::Failed(e.message()),
    }
}

impl<T: Versioned + Send + Sync + 'static> Synced<T> {
    /// Loads entry `id` from `entries`: `Ok(None)` when absent. Saving starts with
    /// [`Synced::start`], in the owner the signals should live in.
    pub async fn load(entries: Entries, id: &str) -> Result<Option<(T, Seen, Entries)>, OpenError> {
        Ok(entries
            .open::<T>(T::KIND, id)
            .await?
            .map(|(v, seen)| (v, seen, entries)))
    }

    /// The signals of a loaded entry (from [`Synced::load`]), in the current owner.
    pub fn new((value, seen, entries): (T, Seen, Entries)) -> Synced<T> {
        let persistent = entries.persistent();
        let initial = if persistent {
            SaveState::Saved(value.updated_at().clone())
        } else {
            SaveState::Failed(storage::StoreError::Unavailable.message())
        };
        Synced {
            value: RwSignal::new(value),
            save: RwSignal::new(initial),
            behind: RwSignal::new(None),
            restored: RwSignal::new(None),
            place: entries.place,
            entries: StoredValue::new_local(entries),
            seen: StoredValue::new(persistent.then_some(seen)),
            quiet: StoredValue::new(false),
            edits: StoredValue::new(0),
            written: StoredValue::new(0),
            busy: StoredValue::new(false),
            queued: StoredValue::new(None),
        }
    }

    /// The one way an entry read by [`Synced::load`] becomes a screen's, with its framework:
    /// for the unit's draft and the coordinator's workspace alike. `Err` says in words why it
    /// cannot be opened: not in this browser (followed by `when_missing`, what to do then),
    /// damaged (kept aside, downloadable from the start page), unreadable by the store, or
    /// of a framework this version does not know. Saving starts with [`Synced::start`].
    pub fn open(
        loaded: Result<Option<(T, Seen, Entries)>, OpenError>,
        when_missing: Text,
    ) -> Result<(Synced<T>, &'static Framework), Text> {
        let what = T::what();
        let this = (upper_first(&what.id), upper_first(&what.en));
        let sync = match loaded {
            Ok(Some(loaded)) => Synced::new(loaded),
            Ok(None) => {
                return Err(Text::new(
                    format!("{} tidak ditemukan di browser ini. Mungkin dibuat di komputer lain atau sudah dihapus.{}", this.0, when_missing.id),
                    format!("{} is not in this browser. It may have been made on another computer or deleted.{}", this.1, when_missing.en),
                ))
            }
            Err(OpenError::Store(e)) => return Err(e.message()),
            Err(OpenError::Damaged { kept_as }) => {
                return Err(Text::new(
                    format!("{} rusak dan tidak dapat dibaca. Isinya disimpan terpisah sebagai \"{kept_as}\" dan dapat diunduh dari halaman awal.", this.0),
                    format!("{} is damaged and cannot be read. Its content was kept aside as \"{kept_as}\" and can be downloaded from the start page.", this.1),
                ))
            }
        };
        let fw_id = sync
            .value
            .with_untracked(|v: &T| v.framework_id().to_owned());
        match framework(&fw_id) {
            Some(fw) => Ok((sync, fw)),
            None => Err(Text::new(
                format!("Kerangka penilaian \"{fw_id}\" tidak dikenal oleh versi ini."),
                format!("Framework \"{fw_id}\" is not known to this version."),
            )),
        }
    }

    /// Starts the autosave and listening to other tabs, for as long as the current owner
    /// lives.
    pub fn start(self) {
        let (quiet, behind, edits) = (self.quiet, self.behind, self.edits);
        // Not an edit to save: the stored version taken in, or any change while the user
        // is choosing between versions (it stays in this tab's version, which they may keep).
        let is_edit = move || {
            let taken = quiet.try_update_value(std::mem::take).unwrap_or(false);
            let edit = !taken && behind.with_untracked(Option::is_none);
            if edit {
                edits.update_value(|n| *n += 1);
            }
            edit
        };
        autosave(self.value, self.save, is_edit, move || self.flush());
        if self.seen.get_value().is_none() {
            return;
        }
        let key = storage::entry_key(T::KIND, &self.id());
        let heard = (self.place == Place::Indexed)
            .then(|| entries::hear(key.clone(), move || self.recheck()));
        let a = window_event_listener(leptos::ev::storage, move |ev| {
            // `key` is null when another tab cleared the whole storage.
            if ev.key().is_none_or(|k| k == key) {
                self.recheck();
            }
        });
        let b = window_event_listener(leptos::ev::focus, move |_| self.recheck());
        on_cleanup(move || {
            a.remove();
            b.remove();
            if let Some(h) = heard {
                entries::stop_hearing(h);
            }
        });
    }

    pub fn id(self) -> String {
        self.value.with_untracked(|v| v.id().to_string())
    }

    /// Whether this tab holds changes not saved yet.
    fn unsaved(self) -> bool {
        !matches!(
            self.save.try_get_untracked(),
            Some(SaveState::Saved(_)) | None
        )
    }

    /// Whether the stored entry already holds every edit made here.
    fn nothing_new(self) -> bool {
        matches!(
            (self.written.try_get_value(), self.edits.try_get_value()),
            (Some(w), Some(e)) if w == e
        )
    }

    /// Writes the value now, unless another tab saved since this one last looked.
    pub fn flush(self) {
        // Called from futures too: once the screen is gone its last change was already
        // flushed by `autosave`'s cleanup, and the signals are disposed.
        if self.value.is_disposed() {
            return;
        }
        if self.behind.with_untracked(Option::is_some) {
            self.save.set(SaveState::Behind);
            return;
        }
        self.act(true);
    }

    /// Looks at the stored entry after another tab may have written it.
    fn recheck(self) {
        if self.behind.with_untracked(Option::is_some) {
            // Already asking; keep the version offered up to date.
            return run(self.refresh_behind());
        }
        self.act(false);
    }

    /// Looks, then does what [`step`] says; `writing`: this is a save, not a check. One at
    /// a time: asked while one runs, it runs after it.
    fn act(self, writing: bool) {
        if self.busy.try_get_value().unwrap_or(true) {
            self.queued
                .try_update_value(|q| *q = Some(q.unwrap_or(false) || writing));
            return;
        }
        self.busy.set_value(true);
        run(async move {
            self.look_and_write(writing).await;
            self.busy.try_set_value(false);
            if let Some(Some(again)) = self.queued.try_update_value(Option::take) {
                self.act(again);
            }
        });
    }

    async fn look_and_write(self, writing: bool) {
        let Some(entries) = self.entries.try_get_value() else {
            return;
        };
        let Some(seen) = self.seen.try_get_value().flatten() else {
            // Memory only: nothing else can write it.
            return self.write(&entries, None).await;
        };
        let Some(id) = self.value.try_with_untracked(|v| v.id().to_string()) else {
            return;
        };
        let look = match entries.look::<T>(T::KIND, &id, &seen).await {
            Ok(look) => look,
            Err(e) => {
                if writing {
                    self.save.try_set(SaveState::Failed(e.message()));
                }
                return;
            }
        };
        match step(&look.found, writing || self.unsaved()) {
            // The stored entry is the one this tab last wrote, and nothing was edited
            // since: a save asked for again while that write ran (leaving a page fires
            // `visibilitychange` and `pagehide`; IndexedDB answers later). Writing it again
            // would only add a revision, which another tab takes for a newer version.
            Step::Carry if writing && self.nothing_new() => {}
            Step::Carry if writing => self.write(&entries, Some(&seen)).await,
            Step::Carry => {}
            Step::Follow => {
                if let Some((theirs, seen)) = look.stored {
                    self.take(theirs, seen);
                    notify(
                        NoticeKind::Info,
                        Text::new(
                            "Perubahan yang disimpan di tab lain kini juga tampil di sini.",
                            "Changes saved in another tab now show here too.",
                        ),
                    );
                }
            }
            Step::Stop(why) => {
                self.behind
                    .try_set(Some((why, look.stored.map(|(v, _)| v))));
                self.save.try_set(SaveState::Behind);
            }
            Step::Restore => {
                self.write(&entries, Some(&seen)).await;
                self.restored.try_set(look.kept_as);
            }
        }
    }

    /// Writes the value as the revision after `seen` (`None`: memory only, or a new
    /// revision whatever is stored).
    async fn write(self, entries: &Entries, seen: Option<&Seen>) {
        let Some(edits) = self.edits.try_get_value() else {
            return;
        };
        let revision = seen.map_or(revision::Revision(1), |s| s.revision.next());
        let Some((id, raw)) = self
            .value
            .try_with_untracked(|v| (v.id().to_string(), revision::stamp(v, revision)))
        else {
            return;
        };
        let result = match raw {
            Ok(raw) => entries.put(T::KIND, &id, &raw).await,
            Err(_) => Err(storage::StoreError::Other("json".into())),
        };
        if let Ok(new) = &result {
            if seen.is_some() {
                self.seen.try_set_value(Some(new.clone()));
            }
            self.written.try_set_value(edits);
            if entries.place == Place::Indexed {
                let key = storage::entry_key(T::KIND, &id);
                entries::announce(&key);
                entries::drop_backup(&storage::store(), T::KIND, &id);
            }
        }
        // Edited while writing: the newer edit's own save is coming; not "Tersimpan" yet.
        if result.is_ok() && self.edits.try_get_value() != Some(edits) {
            return;
        }
        self.save
            .try_set(saved(result.map(|_| ()), entries.persistent()));
    }

    /// Shows `theirs` (the stored version) in place of the value, as saved.
    fn take(self, theirs: T, seen: Seen) {
        let at = theirs.updated_at().clone();
        self.quiet.try_set_value(true);
        self.value.try_set(theirs);
        self.seen.try_set_value(Some(seen));
        // What is stored is now what is on screen.
        if let Some(n) = self.edits.try_get_value() {
            self.written.try_set_value(n);
        }
        self.behind.try_set(None);
        self.save.try_set(SaveState::Saved(at));
    }

    async fn refresh_behind(self) {
        let (Some(seen), Some(entries)) = (
            self.seen.try_get_value().flatten(),
            self.entries.try_get_value(),
        ) else {
            return;
        };
        let Ok(look) = entries.look::<T>(T::KIND, &self.id(), &seen).await else {
            return;
        };
        match look.found {
            Found::Changed(_) => {
                self.behind
                    .try_set(Some((Behind::Newer, look.stored.map(|(v, _)| v))));
            }
            Found::Gone => {
                self.behind.try_set(Some((Behind::Removed, None)));
            }
            Found::Same | Found::Damaged => {}
        }
    }

    /// Choice: show the stored version here, dropping this tab's unsaved changes.
    pub fn take_stored(self) {
        let (Some(seen), entries) = (self.seen.get_value(), self.entries.get_value()) else {
            return;
        };
        let id = self.id();
        run(async move {
            let stored = entries
                .look::<T>(T::KIND, &id, &seen)
                .await
                .ok()
                .and_then(|l| l.stored);
            match stored {
                Some((theirs, seen)) => self.take(theirs, seen),
                // Nothing newer any more (it was deleted or damaged): look again.
                None => {
                    self.behind.try_set(None);
                    self.act(true);
                }
            }
        });
    }

    /// Choice: keep this tab's version as a new entry beside the stored one; `done` gets
    /// the new id (the screen then shows the copy) or why it failed.
    pub fn keep_as_copy(self, suffix: &str, done: impl FnOnce(Result<String, Text>) + 'static) {
        let now = clock::now();
        let copy = self
            .value
            .with_untracked(|v| v.copy_as(clock::new_id(), suffix, &now));
        let entries = self.entries.get_value();
        run(async move {
            let result = entries.save(T::KIND, copy.id(), &copy).await;
            if result.is_ok() {
                // This tab's changes now live in the copy: nothing of the original is left
                // to save.
                self.behind.try_set(None);
                self.save.try_set(SaveState::Saved(now));
                if entries.place == Place::Indexed {
                    entries::announce(&storage::entry_key(T::KIND, copy.id()));
                }
            }
            done(
                result
                    .map(|_| copy.id().to_string())
                    .map_err(|e| e.message()),
            );
        });
    }

    /// Choice: store this tab's version again under its own id (after it was deleted).
    pub fn keep_here(self) {
        self.behind.set(None);
        let (seen, entries) = (self.seen.get_value(), self.entries.get_value());
        run(async move { self.write(&entries, seen.as_ref()).await });
    }
}

/// "draf ini" → "Draf ini", to begin a sentence.
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
