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
//! Only this module and `adapters::storage` know how the entry is stored and how other
//! tabs are heard: moving an entry to another store (IndexedDB) means giving the adapter
//! the same `look`/`write` over it and hearing other tabs through a `BroadcastChannel`
//! message instead of the `storage` event.

use crate::adapters::{clock, storage};
use crate::domain::catalogue::{framework, Framework};
use crate::domain::revision::{step, Behind, Found, Seen, Step, Versioned};
use crate::domain::text::Text;
use crate::ui::state::{autosave, notify, saved, NoticeKind, SaveState};
use leptos::prelude::*;

/// An entry open on screen. Copy, like the signals it holds.
pub struct Synced<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    pub save: RwSignal<SaveState>,
    /// Why this tab stopped saving, with the stored version when there is one.
    pub behind: RwSignal<Option<(Behind, Option<T>)>>,
    /// The stored entry was found damaged and the version on screen written back; its
    /// damaged text was kept aside under this key. Shown until dismissed.
    pub restored: RwSignal<Option<String>>,
    /// What this tab last read or wrote (`None`: storage is in memory only).
    seen: StoredValue<Option<Seen>>,
    /// Set while the value is replaced by the stored version: that is not an edit to save.
    quiet: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Synced<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Synced<T> {}

impl<T: Versioned + Send + Sync + 'static> Synced<T> {
    /// Loads entry `id`: `Ok(None)` when absent, `Err(kept_as)` when it was damaged (and
    /// moved aside). Saving starts with [`Synced::start`].
    fn load(id: &str) -> Result<Option<Synced<T>>, String> {
        let store = storage::store();
        let Some((value, seen)) = store.open::<T>(T::KIND, id)? else {
            return Ok(None);
        };
        let initial = if store.persistent {
            SaveState::Saved(value.updated_at().clone())
        } else {
            SaveState::Failed(storage::StoreError::Unavailable.message())
        };
        Ok(Some(Synced {
            value: RwSignal::new(value),
            save: RwSignal::new(initial),
            behind: RwSignal::new(None),
            restored: RwSignal::new(None),
            seen: StoredValue::new(store.persistent.then_some(seen)),
            quiet: StoredValue::new(false),
        }))
    }

    /// Loads entry `id` for its screen, with its framework: the one loader of the unit's
    /// draft and the coordinator's workspace. `Err` says in words why it cannot be opened:
    /// not in this browser (followed by `when_missing`, what to do then), damaged (kept
    /// aside, downloadable from the start page), or of a framework this version does not
    /// know. Saving starts with [`Synced::start`].
    pub fn open(id: &str, when_missing: Text) -> Result<(Synced<T>, &'static Framework), Text> {
        let what = T::what();
        let this = (upper_first(&what.id), upper_first(&what.en));
        let sync = match Synced::load(id) {
            Ok(Some(s)) => s,
            Ok(None) => {
                return Err(Text::new(
                    format!("{} tidak ditemukan di browser ini. Mungkin dibuat di komputer lain atau sudah dihapus.{}", this.0, when_missing.id),
                    format!("{} is not in this browser. It may have been made on another computer or deleted.{}", this.1, when_missing.en),
                ))
            }
            Err(kept_as) => {
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
        let (quiet, behind) = (self.quiet, self.behind);
        // Not an edit to save: the stored version taken in, or any change while the user
        // is choosing between versions (it stays in this tab's version, which they may keep).
        let is_edit = move || {
            let taken = quiet.try_update_value(std::mem::take).unwrap_or(false);
            !taken && behind.with_untracked(Option::is_none)
        };
        autosave(self.value, self.save, is_edit, move || self.flush());
        if self.seen.get_value().is_none() {
            return;
        }
        let key = storage::entry_key(T::KIND, &self.id());
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
        });
    }

    pub fn id(self) -> String {
        self.value.with_untracked(|v| v.id().to_string())
    }

    /// Whether this tab holds changes not saved yet.
    fn unsaved(self) -> bool {
        !matches!(self.save.get_untracked(), SaveState::Saved(_))
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
            return self.refresh_behind();
        }
        self.act(false);
    }

    /// Looks, then does what [`step`] says; `writing`: this is a save, not a check.
    fn act(self, writing: bool) {
        let Some(seen) = self.seen.get_value() else {
            // Memory only: nothing else can write it.
            return self.write(None);
        };
        let id = self.id();
        let look = storage::store().look::<T>(T::KIND, &id, &seen);
        match step(&look.found, writing || self.unsaved()) {
            Step::Carry if writing => self.write(Some(&seen)),
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
                self.behind.set(Some((why, look.stored.map(|(v, _)| v))));
                self.save.set(SaveState::Behind);
            }
            Step::Restore => {
                self.write(Some(&seen));
                self.restored.set(look.kept_as);
            }
        }
    }

    /// Writes the value as the revision after `seen` (`None`: memory only).
    fn write(self, seen: Option<&Seen>) {
        let store = storage::store();
        let result = self.value.with_untracked(|v| match seen {
            Some(seen) => store.write(T::KIND, v.id(), v, seen).map(Some),
            None => store.save(T::KIND, v.id(), v).map(|()| None),
        });
        if let Ok(Some(new)) = &result {
            self.seen.set_value(Some(new.clone()));
        }
        self.save.set(saved(result.map(|_| ())));
    }

    /// Shows `theirs` (the stored version) in place of the value, as saved.
    fn take(self, theirs: T, seen: Seen) {
        let at = theirs.updated_at().clone();
        self.quiet.set_value(true);
        self.value.set(theirs);
        self.seen.set_value(Some(seen));
        self.behind.set(None);
        self.save.set(SaveState::Saved(at));
    }

    fn refresh_behind(self) {
        let Some(seen) = self.seen.get_value() else {
            return;
        };
        let look = storage::store().look::<T>(T::KIND, &self.id(), &seen);
        match look.found {
            Found::Changed(_) => self
                .behind
                .set(Some((Behind::Newer, look.stored.map(|(v, _)| v)))),
            Found::Gone => self.behind.set(Some((Behind::Removed, None))),
            Found::Same | Found::Damaged => {}
        }
    }

    /// Choice: show the stored version here, dropping this tab's unsaved changes.
    pub fn take_stored(self) {
        let Some(seen) = self.seen.get_value() else {
            return;
        };
        let look = storage::store().look::<T>(T::KIND, &self.id(), &seen);
        match look.stored {
            Some((theirs, seen)) => self.take(theirs, seen),
            // Nothing newer any more (it was deleted or damaged): look again.
            None => {
                self.behind.set(None);
                self.act(true);
            }
        }
    }

    /// Choice: keep this tab's version as a new entry beside the stored one; returns the
    /// new id (the screen then shows the copy).
    pub fn keep_as_copy(self, suffix: &str) -> Result<String, Text> {
        let now = clock::now();
        let copy = self
            .value
            .with_untracked(|v| v.copy_as(clock::new_id(), suffix, &now));
        storage::store()
            .save(T::KIND, copy.id(), &copy)
            .map_err(|e| e.message())?;
        // This tab's changes now live in the copy: nothing of the original is left to save.
        self.behind.set(None);
        self.save.set(SaveState::Saved(now));
        Ok(copy.id().to_string())
    }

    /// Choice: store this tab's version again under its own id (after it was deleted).
    pub fn keep_here(self) {
        self.behind.set(None);
        let seen = self.seen.get_value();
        self.write(seen.as_ref());
    }
}

/// "draf ini" → "Draf ini", to begin a sentence.
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
