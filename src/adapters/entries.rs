//! Entries with a revision (`domain::revision`) in any key → bytes store ([`KvStore`]):
//! the coordinator's workspaces, with their file history, in IndexedDB; the same code over
//! local storage ([`LocalKv`]) where IndexedDB is blocked, and for the unit's drafts, which
//! stay in local storage.
//!
//! Keys are those of `adapters::storage` (`swanilai.v1.<kind>.<id>`; damaged entries moved
//! to `swanilai.v1.rusak.<kind>.<id>.<n>`, never deleted), so the local fallback reads the
//! entries exactly where the previous release wrote them.
//!
//! [`migrate`] moves a kind of entry from local storage into IndexedDB: copy, read back and
//! compare the digest, and only then move the local entry to a backup key
//! (`swanilai.v1.dipindah.<kind>.<id>`), which [`drop_backup`] removes after the first
//! successful save of that entry from IndexedDB — by then it has been read and written
//! there by a real screen, so the copy is proven. Why a backup rather than a delete: if
//! anything about the IndexedDB copy turns out wrong, the old entry is still there.
//!
//! Other tabs are told of a save through a `BroadcastChannel` ([`announce`], [`hear`]):
//! IndexedDB has no `storage` event.

use super::kv::{Fut, KvStore};
use super::storage::{entry_key, Backend, Entry, Store, StoreError};
use crate::domain::revision::{self, Found, Revision, Seen, Versioned};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;

/// Where a store of entries keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// IndexedDB: room for hundreds of unit files.
    Indexed,
    /// Local storage (about 5 MB): drafts, and workspaces where IndexedDB is blocked.
    Local,
    /// This tab's memory only: the browser blocks both.
    Memory,
}

/// Revisioned entries in a key → bytes store.
#[derive(Clone)]
pub struct Entries {
    kv: Rc<dyn KvStore>,
    pub place: Place,
}

/// Why an entry could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// It no longer reads; its text was kept aside under `kept_as`.
    Damaged { kept_as: String },
    /// The store refused to read.
    Store(StoreError),
}

/// The stored entry as an open screen finds it (see [`Entries::look`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Look<T> {
    pub found: Found,
    /// When `found` is [`Found::Changed`]: the stored version and what was seen of it.
    pub stored: Option<(T, Seen)>,
    /// When `found` is [`Found::Damaged`]: where the damaged text was moved.
    pub kept_as: Option<String>,
}

const QUARANTINE: &str = "swanilai.v1.rusak.";
const BACKUP: &str = "swanilai.v1.dipindah.";

impl Entries {
    pub fn new(kv: Rc<dyn KvStore>, place: Place) -> Entries {
        Entries { kv, place }
    }

    /// Whether a save outlives this tab.
    pub fn persistent(&self) -> bool {
        self.place != Place::Memory
    }

    async fn text(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .kv
            .get(key)
            .await?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// Every entry of `kind` (sorted by id), damaged ones moved aside and reported.
    pub async fn list<T: DeserializeOwned>(&self, kind: &str) -> Result<Vec<Entry<T>>, StoreError> {
        let prefix = entry_key(kind, "");
        let mut out = Vec::new();
        for k in self.kv.keys(&prefix).await? {
            let Some(id) = k.strip_prefix(&prefix) else {
                continue;
            };
            match self.open::<T>(kind, id).await {
                Ok(Some((v, _))) => out.push(Entry::Ok(v)),
                Ok(None) => {}
                Err(OpenError::Damaged { kept_as }) => out.push(Entry::Corrupted {
                    id: id.to_string(),
                    kept_as,
                }),
                Err(OpenError::Store(e)) => return Err(e),
            }
        }
        Ok(out)
    }

    /// The entry and what was seen of it; `Ok(None)` when absent.
    pub async fn open<T: DeserializeOwned>(
        &self,
        kind: &str,
        id: &str,
    ) -> Result<Option<(T, Seen)>, OpenError> {
        let k = entry_key(kind, id);
        let Some(raw) = self.text(&k).await.map_err(OpenError::Store)? else {
            return Ok(None);
        };
        match revision::unstamp(&raw) {
            Ok(v) => Ok(Some((v, Seen::of(&raw)))),
            Err(_) => Err(OpenError::Damaged {
                kept_as: self.quarantine(&k, &raw).await,
            }),
        }
    }

    /// Writes `value` as the entry's next revision, whatever is stored (a new entry, a
    /// rename from a list). An open screen uses [`Entries::look`] and [`Entries::put`].
    pub async fn save<T: serde::Serialize>(
        &self,
        kind: &str,
        id: &str,
        value: &T,
    ) -> Result<Seen, StoreError> {
        let k = entry_key(kind, id);
        let current = self
            .text(&k)
            .await?
            .and_then(|raw| revision::revision_of(&raw))
            .unwrap_or_default();
        let raw = stamp(value, current.next())?;
        self.put(kind, id, &raw).await
    }

    /// Stores an already stamped text (`domain::revision::stamp`); resolves when it is
    /// stored (for IndexedDB: when the transaction has committed).
    pub async fn put(&self, kind: &str, id: &str, raw: &str) -> Result<Seen, StoreError> {
        self.kv.put(&entry_key(kind, id), raw.as_bytes()).await?;
        Ok(Seen::of(raw))
    }

    /// The entry compared with what an open screen last `seen` of it. A damaged entry is
    /// moved aside at once (and reported in `kept_as`); so is one that is JSON but no
    /// longer a `T`.
    pub async fn look<T: DeserializeOwned>(
        &self,
        kind: &str,
        id: &str,
        seen: &Seen,
    ) -> Result<Look<T>, StoreError> {
        let k = entry_key(kind, id);
        let raw = self.text(&k).await?;
        let found = revision::compare(seen, raw.as_deref());
        let stored = match (&found, &raw) {
            (Found::Changed(_), Some(raw)) => match revision::unstamp(raw) {
                Ok(v) => Some((v, Seen::of(raw))),
                Err(_) => None,
            },
            _ => None,
        };
        let damaged = matches!(found, Found::Damaged)
            || (matches!(found, Found::Changed(_)) && stored.is_none());
        Ok(match raw {
            Some(raw) if damaged => Look {
                found: Found::Damaged,
                stored: None,
                kept_as: Some(self.quarantine(&k, &raw).await),
            },
            _ => Look {
                found,
                stored,
                kept_as: None,
            },
        })
    }

    pub async fn remove(&self, kind: &str, id: &str) -> Result<(), StoreError> {
        self.kv.delete(&entry_key(kind, id)).await
    }

    /// Moves a damaged entry aside and returns where it went. If even that write fails
    /// (storage full), the entry stays where it is, untouched.
    async fn quarantine(&self, k: &str, raw: &str) -> String {
        let rest = k.strip_prefix("swanilai.v1.").unwrap_or(k);
        let taken = self
            .kv
            .keys(&format!("{QUARANTINE}{rest}."))
            .await
            .unwrap_or_default();
        let mut n = 1;
        let target = loop {
            let candidate = format!("{QUARANTINE}{rest}.{n}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        match self.kv.put(&target, raw.as_bytes()).await {
            Ok(()) => {
                let _ = self.kv.delete(k).await;
                target
            }
            Err(_) => k.to_string(),
        }
    }

    /// Entries kept aside because they were damaged: key and size.
    pub async fn quarantined(&self) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for k in self.kv.keys(QUARANTINE).await.unwrap_or_default() {
            let bytes = self.kv.get(&k).await.ok().flatten().map_or(0, |b| b.len());
            out.push((k, bytes));
        }
        out
    }

    /// The raw text under any key (to download a damaged entry).
    pub async fn raw(&self, key: &str) -> Option<String> {
        self.text(key).await.ok().flatten()
    }
}

fn stamp<T: serde::Serialize>(value: &T, revision: Revision) -> Result<String, StoreError> {
    revision::stamp(value, revision).map_err(|_| StoreError::Other("json".into()))
}

/// Local storage (or its in-memory stand-in) seen as a key → bytes store.
pub struct LocalKv(pub Rc<dyn Backend>);

impl KvStore for LocalKv {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Fut<'a, Result<(), StoreError>> {
        let r = self.0.set(key, &String::from_utf8_lossy(bytes));
        Box::pin(std::future::ready(r))
    }

    fn get<'a>(&'a self, key: &'a str) -> Fut<'a, Result<Option<Vec<u8>>, StoreError>> {
        let v = self.0.get(key).map(String::into_bytes);
        Box::pin(std::future::ready(Ok(v)))
    }

    fn delete<'a>(&'a self, key: &'a str) -> Fut<'a, Result<(), StoreError>> {
        self.0.remove(key);
        Box::pin(std::future::ready(Ok(())))
    }

    fn keys<'a>(&'a self, prefix: &'a str) -> Fut<'a, Result<Vec<String>, StoreError>> {
        let mut keys: Vec<String> = self
            .0
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect();
        crate::domain::sort::sort_by(&mut keys, |a, b| a.cmp(b));
        Box::pin(std::future::ready(Ok(keys)))
    }
}

impl Store {
    /// The same entries through [`Entries`] (whose futures are ready at once).
    pub fn entries(&self) -> Entries {
        let place = if self.persistent {
            Place::Local
        } else {
            Place::Memory
        };
        Entries::new(Rc::new(LocalKv(self.backend())), place)
    }
}

/// What happened to one local entry in [`migrate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// Copied, verified, and the local entry kept as a backup.
    Moved { id: String },
    /// The IndexedDB store already held a different entry under this id (an old tab kept
    /// saving to local storage after the move): the local version was stored as a copy
    /// under `copy`, beside it.
    Copied { id: String, copy: String },
    /// The local entry did not read; it was kept aside in local storage (`kept_as`).
    Damaged { kept_as: String },
    /// Not moved (the store refused, or the copy read back differently): it stays in
    /// local storage and opens from there.
    Stayed { id: String, why: StoreError },
}

/// Moves every local entry of `T::KIND` into `to`; see the module doc. `new_id` makes the
/// id of a copy; `now` dates it.
pub async fn migrate<T: Versioned>(
    local: &Store,
    to: &Entries,
    mut new_id: impl FnMut() -> String,
    now: &crate::domain::exchange::Timestamp,
) -> Vec<Moved> {
    let kind = T::KIND;
    let mut out = Vec::new();
    for entry in local.list::<T>(kind) {
        let value = match entry {
            Entry::Corrupted { kept_as, .. } => {
                out.push(Moved::Damaged { kept_as });
                continue;
            }
            Entry::Ok(v) => v,
        };
        let id = value.id().to_string();
        let key = entry_key(kind, &id);
        let Some(raw) = local.raw(&key) else {
            continue;
        };
        let moved = match to.text(&key).await {
            Err(why) => Err(why),
            Ok(Some(there)) if Seen::of(&there) == Seen::of(&raw) => Ok(Moved::Moved { id }),
            Ok(Some(_)) => {
                let copy = value.copy_as(new_id(), &local_copy_suffix(), now);
                let copy_id = copy.id().to_string();
                match stamp(&copy, Revision(1)) {
                    Ok(text) => copy_verified(to, kind, &copy_id, &text)
                        .await
                        .map(|()| Moved::Copied { id, copy: copy_id }),
                    Err(e) => Err(e),
                }
            }
            Ok(None) => copy_verified(to, kind, &id, &raw)
                .await
                .map(|()| Moved::Moved { id }),
        };
        match moved {
            Ok(m) => {
                keep_backup(local, kind, value.id(), &raw);
                out.push(m);
            }
            Err(why) => out.push(Moved::Stayed {
                id: value.id().to_string(),
                why,
            }),
        }
    }
    out
}

/// The name suffix of a workspace found both in local storage and IndexedDB, different.
fn local_copy_suffix() -> String {
    "dari penyimpanan lokal".into()
}

/// Writes `raw`, reads it back and compares; a copy that reads back differently is
/// removed again (the local entry stays the only one).
async fn copy_verified(to: &Entries, kind: &str, id: &str, raw: &str) -> Result<(), StoreError> {
    to.put(kind, id, raw).await?;
    let back = to.text(&entry_key(kind, id)).await?;
    if back.as_deref().map(Seen::of) == Some(Seen::of(raw)) {
        Ok(())
    } else {
        let _ = to.remove(kind, id).await;
        Err(StoreError::Other("verify".into()))
    }
}

/// Moves the local entry to its backup key (or, if even that write fails, leaves it).
fn keep_backup(local: &Store, kind: &str, id: &str, raw: &str) {
    let backup = backup_key(kind, id);
    let b = local.backend();
    // Removing first frees the room the backup needs; the text is written back if the
    // backup cannot be.
    b.remove(&entry_key(kind, id));
    if b.set(&backup, raw).is_err() {
        let _ = b.set(&entry_key(kind, id), raw);
    }
}

/// Where [`migrate`] keeps the local text of an entry it moved, until [`drop_backup`].
pub fn backup_key(kind: &str, id: &str) -> String {
    format!("{BACKUP}{kind}.{id}")
}

/// Removes the local backup of an entry moved by [`migrate`]: called after a save of it
/// to IndexedDB succeeded.
pub fn drop_backup(local: &Store, kind: &str, id: &str) {
    let backup = backup_key(kind, id);
    let b = local.backend();
    if b.get(&backup).is_some() {
        b.remove(&backup);
    }
}

/// Polls a future once: the result when it is ready at once (local storage always is).
pub fn ready_now<F: std::future::Future>(f: F) -> Option<F::Output> {
    let mut f = std::pin::pin!(f);
    match f
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}

// ---------------------------------------------------------------------------------------
// Other tabs.

type Listeners = Vec<(u32, String, Rc<dyn Fn()>)>;

thread_local! {
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<(u32, Listeners)> = const { RefCell::new((0, Vec::new())) };
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    use wasm_bindgen::JsCast;
    CHANNEL.with_borrow_mut(|c| {
        if c.is_none() {
            let ch = web_sys::BroadcastChannel::new("swanilai").ok()?;
            let on = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                |ev: web_sys::MessageEvent| {
                    let Some(key) = ev.data().as_string() else {
                        return;
                    };
                    // Called outside the borrow: a listener may add or remove listeners.
                    let hit: Vec<Rc<dyn Fn()>> = LISTENERS.with_borrow(|(_, l)| {
                        l.iter()
                            .filter(|(_, k, _)| *k == key)
                            .map(|(_, _, f)| f.clone())
                            .collect()
                    });
                    for f in hit {
                        f();
                    }
                },
            );
            ch.set_onmessage(Some(on.as_ref().unchecked_ref()));
            // The page's one channel lives as long as the page.
            on.forget();
            *c = Some(ch);
        }
        c.clone()
    })
}

/// Tells the other tabs that the entry under `key` was saved.
pub fn announce(key: &str) {
    if let Some(ch) = channel() {
        let _ = ch.post_message(&key.into());
    }
}

/// Calls `f` whenever another tab announces a save of `key`; returns a handle for
/// [`stop_hearing`]. A tab does not hear its own announcements.
pub fn hear(key: String, f: impl Fn() + 'static) -> u32 {
    let _ = channel();
    LISTENERS.with_borrow_mut(|(next, l)| {
        *next += 1;
        l.push((*next, key, Rc::new(f)));
        *next
    })
}

pub fn stop_hearing(handle: u32) {
    LISTENERS.with_borrow_mut(|(_, l)| l.retain(|(h, _, _)| *h != handle));
}

// ---------------------------------------------------------------------------------------
// The store for large entries.

thread_local! {
    static LARGE: RefCell<Option<Entries>> = const { RefCell::new(None) };
}

/// The store for large entries (the coordinator's workspaces): IndexedDB when the browser
/// opens it; otherwise local storage ([`Place::Local`], about 5 MB, which the screen says),
/// or memory when that is blocked too. Opened once per page.
pub async fn large() -> Entries {
    if let Some(e) = LARGE.with_borrow(Clone::clone) {
        return e;
    }
    let e = match super::kv::IdbStore::open().await {
        Ok(db) => Entries::new(Rc::new(db), Place::Indexed),
        Err(_) => super::storage::store().entries(),
    };
    LARGE.with_borrow_mut(|l| l.get_or_insert(e).clone())
}

/// Replaces the store for large entries (browser tests).
pub fn use_large(e: Entries) {
    LARGE.with_borrow_mut(|l| *l = Some(e));
}

#[cfg(test)]
mod tests {
    use super::super::kv::MemoryStore;
    use super::super::storage::MemoryBackend;
    use super::*;
    use crate::domain::exchange::Timestamp;
    use crate::domain::revision::{step, Behind, Step};
    use crate::domain::text::Text;
    use serde::{Deserialize, Serialize};

    /// A stand-in for a workspace: an id, a name and some files.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Ws {
        id: String,
        name: String,
        files: Vec<String>,
        updated_at: Timestamp,
    }

    impl Versioned for Ws {
        const KIND: &'static str = "workspace";
        fn what() -> Text {
            Text::new("ruang kerja ini", "this workspace")
        }
        fn id(&self) -> &str {
            &self.id
        }
        fn framework_id(&self) -> &str {
            "spbe-2020"
        }
        fn updated_at(&self) -> &Timestamp {
            &self.updated_at
        }
        fn summary(&self) -> Text {
            Text::new("", "")
        }
        fn differences(&self, _: &Self) -> Text {
            Text::new("", "")
        }
        fn copy_as(&self, id: String, suffix: &str, now: &Timestamp) -> Self {
            Ws {
                id,
                name: format!("{} ({suffix})", self.name),
                files: self.files.clone(),
                updated_at: now.clone(),
            }
        }
    }

    fn ws(id: &str, files: &[&str]) -> Ws {
        Ws {
            id: id.into(),
            name: format!("Ruang {id}"),
            files: files.iter().map(|f| f.to_string()).collect(),
            updated_at: Timestamp::from_unix_millis(1_700_000_000_000),
        }
    }

    fn now<F: std::future::Future>(f: F) -> F::Output {
        ready_now(f).expect("the in-memory stores answer at once")
    }

    struct Setup {
        mem: Rc<MemoryBackend>,
        local: Store,
        kv: Rc<MemoryStore>,
        idb: Entries,
    }

    fn setup(kv: MemoryStore) -> Setup {
        let mem = Rc::new(MemoryBackend::default());
        let kv = Rc::new(kv);
        Setup {
            local: Store::new(mem.clone(), true),
            mem,
            idb: Entries::new(kv.clone(), Place::Indexed),
            kv,
        }
    }

    fn migrate_all(s: &Setup) -> Vec<Moved> {
        let mut n = 0;
        let new_id = || {
            n += 1;
            format!("salinan{n}")
        };
        now(migrate::<Ws>(
            &s.local,
            &s.idb,
            new_id,
            &Timestamp::from_unix_millis(1_800_000_000_000),
        ))
    }

    #[test]
    fn a_local_workspace_moves_verified_and_the_old_entry_stays_as_a_backup_until_a_save() {
        let s = setup(MemoryStore::default());
        s.local
            .save("workspace", "a", &ws("a", &["x.json", "y.json"]))
            .unwrap();
        s.local
            .save("workspace", "a", &ws("a", &["x.json", "y.json", "z.json"]))
            .unwrap();
        s.local.save("draft", "d", &ws("d", &[])).unwrap();
        let before = s.mem.get("swanilai.v1.workspace.a").unwrap();

        assert_eq!(migrate_all(&s), vec![Moved::Moved { id: "a".into() }]);
        // In IndexedDB, byte for byte (revision 2 kept), and no longer listed locally.
        let there = s.kv.map_get("swanilai.v1.workspace.a").unwrap();
        assert_eq!(there, before);
        assert_eq!(s.local.list::<Ws>("workspace"), vec![]);
        assert_eq!(s.mem.get("swanilai.v1.dipindah.workspace.a"), Some(before));
        // Drafts stay where they are.
        assert!(s.mem.get("swanilai.v1.draft.d").is_some());
        let (opened, seen) = now(s.idb.open::<Ws>("workspace", "a")).unwrap().unwrap();
        assert_eq!(opened.files.len(), 3);
        assert_eq!(seen.revision, Revision(2));

        // A second opening finds nothing left to move.
        assert_eq!(migrate_all(&s), vec![]);
        // The first save from IndexedDB drops the backup.
        drop_backup(&s.local, "workspace", "a");
        assert_eq!(s.mem.get("swanilai.v1.dipindah.workspace.a"), None);
    }

    #[test]
    fn a_damaged_local_workspace_is_kept_aside_and_the_others_still_move() {
        let s = setup(MemoryStore::default());
        s.mem
            .set("swanilai.v1.workspace.bad", "{ \"id\": \"bad\", ")
            .unwrap();
        s.local
            .save("workspace", "good", &ws("good", &["a.json"]))
            .unwrap();
        assert_eq!(
            migrate_all(&s),
            vec![
                Moved::Damaged {
                    kept_as: "swanilai.v1.rusak.workspace.bad.1".into()
                },
                Moved::Moved { id: "good".into() },
            ]
        );
        assert_eq!(
            s.mem.get("swanilai.v1.rusak.workspace.bad.1").as_deref(),
            Some("{ \"id\": \"bad\", ")
        );
        assert!(s.kv.map_get("swanilai.v1.workspace.bad").is_none());
    }

    #[test]
    fn a_full_indexeddb_leaves_the_workspace_in_local_storage_untouched() {
        let s = setup(MemoryStore::with_quota(10));
        s.local
            .save("workspace", "a", &ws("a", &["x.json"]))
            .unwrap();
        let before = s.mem.get("swanilai.v1.workspace.a");
        assert_eq!(
            migrate_all(&s),
            vec![Moved::Stayed {
                id: "a".into(),
                why: StoreError::QuotaExceeded
            }]
        );
        assert_eq!(s.mem.get("swanilai.v1.workspace.a"), before);
        assert_eq!(s.kv.used(), 0);
    }

    #[test]
    fn a_local_version_saved_after_the_move_by_an_old_tab_becomes_a_copy_beside_it() {
        let s = setup(MemoryStore::default());
        s.local
            .save("workspace", "a", &ws("a", &["x.json"]))
            .unwrap();
        migrate_all(&s);
        // An old tab, still open, saves its version to local storage again.
        s.local
            .save("workspace", "a", &ws("a", &["x.json", "old-tab.json"]))
            .unwrap();
        assert_eq!(
            migrate_all(&s),
            vec![Moved::Copied {
                id: "a".into(),
                copy: "salinan1".into()
            }]
        );
        let listed = now(s.idb.list::<Ws>("workspace")).unwrap();
        let names: Vec<(String, usize)> = listed
            .into_iter()
            .map(|e| match e {
                Entry::Ok(w) => (w.name, w.files.len()),
                Entry::Corrupted { id, .. } => (id, 0),
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("Ruang a".to_string(), 1),
                ("Ruang a (dari penyimpanan lokal)".to_string(), 2)
            ]
        );
    }

    /// Two tabs on one workspace in IndexedDB: the second never writes over the first's save.
    #[test]
    fn two_tabs_on_one_workspace_never_write_over_each_other() {
        let s = setup(MemoryStore::default());
        let e = &s.idb;
        now(e.save("workspace", "w", &ws("w", &[]))).unwrap();
        let (_, seen_a) = now(e.open::<Ws>("workspace", "w")).unwrap().unwrap();
        let (_, seen_b) = now(e.open::<Ws>("workspace", "w")).unwrap().unwrap();

        // Tab A: nothing moved; it writes revision 2.
        let look = now(e.look::<Ws>("workspace", "w", &seen_a)).unwrap();
        assert_eq!(step(&look.found, true), Step::Carry);
        let raw = revision::stamp(&ws("w", &["a.json"]), seen_a.revision.next()).unwrap();
        let seen_a = now(e.put("workspace", "w", &raw)).unwrap();
        assert_eq!(seen_a.revision, Revision(2));

        // Tab B, with an unsaved import: stops, and is offered A's version.
        let look = now(e.look::<Ws>("workspace", "w", &seen_b)).unwrap();
        assert_eq!(look.found, Found::Changed(Revision(2)));
        assert_eq!(step(&look.found, true), Step::Stop(Behind::Newer));
        let (theirs, seen) = look.stored.unwrap();
        assert_eq!(theirs.files, vec!["a.json".to_string()]);
        assert_eq!(seen, seen_a);
        // With nothing unsaved it would follow instead.
        assert_eq!(step(&look.found, false), Step::Follow);

        // Deleted from the list in another tab.
        now(e.remove("workspace", "w")).unwrap();
        let look = now(e.look::<Ws>("workspace", "w", &seen_a)).unwrap();
        assert_eq!(step(&look.found, true), Step::Stop(Behind::Removed));
    }

    #[test]
    fn a_workspace_damaged_while_open_is_kept_aside_in_the_same_store() {
        let s = setup(MemoryStore::default());
        let seen = now(s.idb.save("workspace", "w", &ws("w", &[]))).unwrap();
        now(s.kv.put("swanilai.v1.workspace.w", b"{\"id\": 3")).unwrap();
        let look = now(s.idb.look::<Ws>("workspace", "w", &seen)).unwrap();
        assert_eq!(look.found, Found::Damaged);
        assert_eq!(
            look.kept_as.as_deref(),
            Some("swanilai.v1.rusak.workspace.w.1")
        );
        assert_eq!(
            s.kv.map_get("swanilai.v1.rusak.workspace.w.1").as_deref(),
            Some("{\"id\": 3")
        );
        // JSON that is no longer a workspace: kept aside too, under the next number.
        now(s
            .kv
            .put("swanilai.v1.workspace.w", br#"{"id":3,"revision":4}"#))
        .unwrap();
        let look = now(s.idb.look::<Ws>("workspace", "w", &seen)).unwrap();
        assert_eq!(look.found, Found::Damaged);
        assert_eq!(
            look.kept_as.as_deref(),
            Some("swanilai.v1.rusak.workspace.w.2")
        );
        assert_eq!(
            now(s.idb.quarantined()),
            vec![
                ("swanilai.v1.rusak.workspace.w.1".to_string(), 8),
                ("swanilai.v1.rusak.workspace.w.2".to_string(), 21)
            ]
        );
    }

    /// 300 unit files of about 110 KB each (the size of a full SPBE 2020 answer file) fit
    /// in a store with IndexedDB's room, and not in local storage's 5 MB.
    #[test]
    fn three_hundred_full_unit_files_fit_where_local_storage_held_about_46() {
        let file = "x".repeat(110_000);
        let big = ws("w", &vec![file.as_str(); 300]);
        let s = setup(MemoryStore::with_quota(100 << 20));
        let seen = now(s.idb.save("workspace", "w", &big)).unwrap();
        let (back, again) = now(s.idb.open::<Ws>("workspace", "w")).unwrap().unwrap();
        assert_eq!(back.files.len(), 300);
        assert_eq!(seen, again);
        let local = Store::new(Rc::new(MemoryBackend::with_quota(5 << 20)), true);
        assert_eq!(
            now(local.entries().save("workspace", "w", &big)),
            Err(StoreError::QuotaExceeded)
        );
    }
}
