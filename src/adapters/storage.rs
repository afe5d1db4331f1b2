//! The browser's local storage, behind one small interface.
//!
//! Every saved thing is a JSON value under `swanilai.v1.<kind>.<id>`. Reading is
//! defensive: an entry that no longer parses (edited by hand, cut off by a full disk, left
//! by a future version) is moved aside to `swanilai.v1.rusak.<kind>.<id>.<n>` — never
//! deleted — and reported, so one bad entry never hides the others or blanks the app.
//!
//! The backend is local storage through gloo-storage when the browser allows it, and an
//! in-memory map otherwise (storage disabled by policy) and in tests.
//!
//! Every entry carries a `revision` counter (`domain::revision`). [`Store::save`] writes
//! the next revision whatever is stored (new entries, renames from a list); a screen that
//! keeps an entry open goes through `adapters::entries` over the same backend
//! ([`Store::entries`]), whose `look` and `put` never write over a version another tab
//! saved since it last looked.

use crate::domain::revision::{self, Revision, Seen};
use crate::domain::text::Text;
use gloo_storage::{LocalStorage, Storage as _};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

const PREFIX: &str = "swanilai.v1.";
const QUARANTINE: &str = "rusak";

/// Why storage refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser blocks local storage (private mode, policy): work stays in memory only.
    Unavailable,
    /// Local storage is full.
    QuotaExceeded,
    Other(String),
}

impl StoreError {
    pub fn message(&self) -> Text {
        match self {
            StoreError::Unavailable => Text::new(
                "Penyimpanan browser tidak tersedia (mungkin dinonaktifkan oleh kebijakan atau mode penyamaran). Pekerjaan hanya ada di tab ini: unduh berkasnya sebelum menutup.",
                "Browser storage is not available (perhaps disabled by policy or private mode). Your work exists only in this tab: download the file before closing.",
            ),
            StoreError::QuotaExceeded => Text::new(
                "Penyimpanan browser penuh, perubahan terakhir belum tersimpan. Pekerjaan masih ada di layar: unduh berkasnya, lalu hapus draf, ruang kerja, atau dokumen lama yang tidak diperlukan.",
                "Browser storage is full; the latest changes are not saved. Your work is still on screen: download the file, then delete old drafts, workspaces or documents you no longer need.",
            ),
            StoreError::Other(e) => Text::new(
                format!("Gagal menyimpan ke penyimpanan browser ({e}). Pekerjaan masih ada di layar: unduh berkasnya."),
                format!("Saving to browser storage failed ({e}). Your work is still on screen: download the file."),
            ),
        }
    }
}

/// The primitive operations a storage needs.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// The browser's local storage via gloo-storage. Only built after [`local_available`].
pub struct LocalBackend;

/// Whether local storage can be used; gloo-storage would panic where it cannot.
pub fn local_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.local_storage() {
        Ok(Some(s)) => {
            // Some policies expose the object but throw on write.
            let probe = format!("{PREFIX}probe");
            let ok = s.set_item(&probe, "1").is_ok();
            let _ = s.remove_item(&probe);
            ok
        }
        _ => false,
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(if name.is_empty() {
                    "error".into()
                } else {
                    name
                })
            }
        })
    }

    fn remove(&self, key: &str) {
        LocalStorage::delete(key);
    }

    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        (0..LocalStorage::length())
            .filter_map(|i| raw.key(i).ok().flatten())
            .collect()
    }
}

/// A map in memory: the fallback when local storage is blocked, and the test double.
#[derive(Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    /// Simulates a full storage: writes longer than this many bytes fail.
    pub quota: Option<usize>,
}

impl MemoryBackend {
    /// An empty map that refuses values longer than `quota` bytes.
    pub fn with_quota(quota: usize) -> MemoryBackend {
        MemoryBackend {
            quota: Some(quota),
            ..MemoryBackend::default()
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.quota.is_some_and(|q| value.len() > q) {
            return Err(StoreError::QuotaExceeded);
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

/// One stored entry as listed: its value, or the fact that it was unreadable.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<T> {
    Ok(T),
    /// The entry did not parse; its raw text now lives under `kept_as`.
    Corrupted {
        id: String,
        kept_as: String,
    },
}

/// A damaged entry moved aside, for the "recover" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedEntry {
    pub key: String,
    pub bytes: usize,
}

/// Typed access to Swanilai's entries in one backend.
#[derive(Clone)]
pub struct Store {
    backend: Rc<dyn Backend>,
    /// False when the backend is the in-memory fallback for a blocked browser storage.
    pub persistent: bool,
}

fn key(kind: &str, id: &str) -> String {
    format!("{PREFIX}{kind}.{id}")
}

/// The full storage key of an entry, to recognise it in a `storage` event.
pub fn entry_key(kind: &str, id: &str) -> String {
    key(kind, id)
}

impl Store {
    pub fn new(backend: Rc<dyn Backend>, persistent: bool) -> Store {
        Store {
            backend,
            persistent,
        }
    }

    /// The backend itself (for `adapters::entries`).
    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.clone()
    }

    /// Local storage when available, memory otherwise.
    pub fn browser() -> Store {
        if local_available() {
            Store::new(Rc::new(LocalBackend), true)
        } else {
            Store::new(Rc::new(MemoryBackend::default()), false)
        }
    }

    /// Every entry of `kind`, damaged ones moved aside and reported.
    pub fn list<T: DeserializeOwned>(&self, kind: &str) -> Vec<Entry<T>> {
        let prefix = key(kind, "");
        let mut ids: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect();
        crate::domain::sort::sort_by(&mut ids, |a, b| a.cmp(b));
        ids.into_iter()
            .filter_map(|id| match self.load(kind, &id) {
                Ok(Some(v)) => Some(Entry::Ok(v)),
                Ok(None) => None,
                Err(kept_as) => Some(Entry::Corrupted { id, kept_as }),
            })
            .collect()
    }

    /// The entry, `Ok(None)` when absent, or `Err(kept_as)` when it was damaged and has
    /// been moved aside.
    pub fn load<T: DeserializeOwned>(&self, kind: &str, id: &str) -> Result<Option<T>, String> {
        Ok(self.open(kind, id)?.map(|(v, _)| v))
    }

    /// Like [`Store::load`], with what was seen of the entry.
    pub fn open<T: DeserializeOwned>(
        &self,
        kind: &str,
        id: &str,
    ) -> Result<Option<(T, Seen)>, String> {
        let k = key(kind, id);
        let Some(raw) = self.backend.get(&k) else {
            return Ok(None);
        };
        match revision::unstamp(&raw) {
            Ok(v) => Ok(Some((v, Seen::of(&raw)))),
            Err(_) => Err(self.quarantine(&k, &raw)),
        }
    }

    /// Writes `value` as the entry's next revision, whatever is stored (a new entry, a
    /// rename from a list). An open screen writes through `adapters::entries` instead.
    pub fn save<T: Serialize>(&self, kind: &str, id: &str, value: &T) -> Result<(), StoreError> {
        let k = key(kind, id);
        let current = self
            .backend
            .get(&k)
            .and_then(|raw| revision::revision_of(&raw))
            .unwrap_or_default();
        self.put(&k, value, current.next()).map(|_| ())
    }

    fn put<T: Serialize>(
        &self,
        k: &str,
        value: &T,
        revision: Revision,
    ) -> Result<Seen, StoreError> {
        let raw = revision::stamp(value, revision).map_err(|e| StoreError::Other(e.to_string()))?;
        self.backend.set(k, &raw)?;
        Ok(Seen::of(&raw))
    }

    pub fn remove(&self, kind: &str, id: &str) {
        self.backend.remove(&key(kind, id));
    }

    /// Moves a damaged entry to the quarantine and returns where it went. If even that
    /// write fails (storage full), the entry stays where it is, untouched.
    fn quarantine(&self, k: &str, raw: &str) -> String {
        let rest = k.strip_prefix(PREFIX).unwrap_or(k);
        let mut n = 1;
        let target = loop {
            let candidate = format!("{PREFIX}{QUARANTINE}.{rest}.{n}");
            if self.backend.get(&candidate).is_none() {
                break candidate;
            }
            n += 1;
        };
        match self.backend.set(&target, raw) {
            Ok(()) => {
                self.backend.remove(k);
                target
            }
            Err(_) => k.to_string(),
        }
    }

    /// Entries kept aside because they were damaged.
    pub fn quarantined(&self) -> Vec<QuarantinedEntry> {
        let prefix = format!("{PREFIX}{QUARANTINE}.");
        self.backend
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .map(|k| QuarantinedEntry {
                bytes: self.backend.get(&k).map_or(0, |v| v.len()),
                key: k,
            })
            .collect()
    }

    /// The raw text of any key (to download a quarantined entry).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.get(key)
    }

    /// Removes a quarantined entry, only on the user's explicit request.
    pub fn discard_quarantined(&self, key: &str) {
        if key.starts_with(&format!("{PREFIX}{QUARANTINE}.")) {
            self.backend.remove(key);
        }
    }

    /// A small setting (language, last role).
    pub fn setting(&self, name: &str) -> Option<String> {
        self.backend.get(&key("setting", name))
    }

    pub fn set_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.backend.set(&key("setting", name), value)
    }
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The app's store: local storage when the browser allows it, memory otherwise.
pub fn store() -> Store {
    STORE.with(|s| s.borrow_mut().get_or_insert_with(Store::browser).clone())
}

/// Replaces the app's store (tests use a [`MemoryBackend`]).
pub fn use_store(store: Store) {
    STORE.with(|s| *s.borrow_mut() = Some(store));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::revision::Found;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Thing {
        n: u32,
    }

    #[test]
    fn damaged_entries_are_moved_aside_not_deleted() {
        let mem = Rc::new(MemoryBackend::default());
        let store = Store::new(mem.clone(), true);
        store.save("draft", "a", &Thing { n: 1 }).unwrap();
        mem.set("swanilai.v1.draft.b", "{ not json").unwrap();
        store.save("draft", "c", &Thing { n: 3 }).unwrap();
        let listed: Vec<Entry<Thing>> = store.list("draft");
        assert_eq!(
            listed,
            vec![
                Entry::Ok(Thing { n: 1 }),
                Entry::Corrupted {
                    id: "b".into(),
                    kept_as: "swanilai.v1.rusak.draft.b.1".into()
                },
                Entry::Ok(Thing { n: 3 }),
            ]
        );
        assert_eq!(
            mem.get("swanilai.v1.rusak.draft.b.1").as_deref(),
            Some("{ not json")
        );
        assert_eq!(
            store.quarantined(),
            vec![QuarantinedEntry {
                key: "swanilai.v1.rusak.draft.b.1".into(),
                bytes: 10
            }]
        );
        // A second damaged entry with the same id does not overwrite the first.
        mem.set("swanilai.v1.draft.b", "also bad").unwrap();
        assert_eq!(
            store.load::<Thing>("draft", "b"),
            Err("swanilai.v1.rusak.draft.b.2".into())
        );
    }

    /// Two tabs on one backend: each opened the entry, the first saves, the second must
    /// not write over it; it is shown the first one's version instead.
    #[test]
    fn a_tab_never_writes_over_what_another_tab_saved_since_it_looked() {
        let mem = Rc::new(MemoryBackend::default());
        let store = Store::new(mem.clone(), true);
        let e = store.entries();
        store.save("draft", "d", &Thing { n: 1 }).unwrap();
        let (_, seen_a) = store.open::<Thing>("draft", "d").unwrap().unwrap();
        let (_, seen_b) = store.open::<Thing>("draft", "d").unwrap().unwrap();
        assert_eq!(seen_a.revision, Revision(1));

        // Tab A: nothing moved, it writes revision 2.
        let look = crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen_a))
            .unwrap()
            .unwrap();
        assert_eq!(look.found, Found::Same);
        let seen_a = crate::adapters::entries::ready_now(e.put(
            "draft",
            "d",
            &revision::stamp(&Thing { n: 2 }, seen_a.revision.next()).unwrap(),
        ))
        .unwrap()
        .unwrap();
        assert_eq!(seen_a.revision, Revision(2));
        assert_eq!(
            mem.get("swanilai.v1.draft.d").as_deref(),
            Some(r#"{"n":2,"revision":2}"#)
        );

        // Tab B: the entry moved; it gets A's version to show, and writes nothing.
        let look = crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen_b))
            .unwrap()
            .unwrap();
        assert_eq!(look.found, Found::Changed(Revision(2)));
        let (theirs, seen) = look.stored.unwrap();
        assert_eq!(theirs, Thing { n: 2 });
        assert_eq!(seen, seen_a);
        assert_eq!(
            revision::step(&look.found, true),
            revision::Step::Stop(revision::Behind::Newer)
        );

        // A rename from the list writes the next revision whatever is stored.
        store.save("draft", "d", &Thing { n: 3 }).unwrap();
        assert_eq!(
            crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen_a))
                .unwrap()
                .unwrap()
                .found,
            Found::Changed(Revision(3))
        );
        // Deleted in a list elsewhere.
        store.remove("draft", "d");
        assert_eq!(
            crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen_a))
                .unwrap()
                .unwrap()
                .found,
            Found::Gone
        );
    }

    #[test]
    fn an_entry_damaged_while_open_is_kept_aside_and_the_screen_writes_its_version_back() {
        let mem = Rc::new(MemoryBackend::default());
        let store = Store::new(mem.clone(), true);
        let e = store.entries();
        store.save("draft", "d", &Thing { n: 1 }).unwrap();
        let (_, seen) = store.open::<Thing>("draft", "d").unwrap().unwrap();
        // Edited by hand into invalid JSON, then into JSON that is no longer a draft.
        mem.set("swanilai.v1.draft.d", "{\"n\": ").unwrap();
        let look = crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen))
            .unwrap()
            .unwrap();
        assert_eq!(look.found, Found::Damaged);
        assert_eq!(look.kept_as.as_deref(), Some("swanilai.v1.rusak.draft.d.1"));
        assert_eq!(
            mem.get("swanilai.v1.rusak.draft.d.1").as_deref(),
            Some("{\"n\": ")
        );
        assert_eq!(revision::step(&look.found, true), revision::Step::Restore);
        let seen = crate::adapters::entries::ready_now(e.put(
            "draft",
            "d",
            &revision::stamp(&Thing { n: 1 }, seen.revision.next()).unwrap(),
        ))
        .unwrap()
        .unwrap();
        mem.set("swanilai.v1.draft.d", r#"{"n":"satu","revision":9}"#)
            .unwrap();
        let look = crate::adapters::entries::ready_now(e.look::<Thing>("draft", "d", &seen))
            .unwrap()
            .unwrap();
        assert_eq!(look.found, Found::Damaged);
        assert_eq!(look.kept_as.as_deref(), Some("swanilai.v1.rusak.draft.d.2"));
    }

    #[test]
    fn a_full_storage_reports_and_keeps_the_damaged_entry_in_place() {
        let mem = Rc::new(MemoryBackend {
            quota: Some(5),
            ..Default::default()
        });
        mem.map
            .borrow_mut()
            .insert("swanilai.v1.draft.x".into(), "garbage!".into());
        let store = Store::new(mem.clone(), true);
        assert_eq!(
            store.save("draft", "y", &Thing { n: 123456 }),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(
            store.load::<Thing>("draft", "x"),
            Err("swanilai.v1.draft.x".into())
        );
        assert_eq!(mem.get("swanilai.v1.draft.x").as_deref(), Some("garbage!"));
    }
}
