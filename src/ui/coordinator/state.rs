//! The open workspace: one signal holding the domain [`Workspace`], memos derived from
//! it, and its autosave (the same as the unit's draft: `ui::sync`, which also keeps two
//! tabs from writing over each other).
//!
//! Workspaces live in IndexedDB ([`workspaces`]): local storage holds about 46 full unit
//! files. The first time a page of this release reaches them, workspaces found in local
//! storage are moved there (`adapters::entries::migrate`: copied, read back, compared,
//! the old entry kept as a backup until the first save). Where IndexedDB is blocked they
//! stay in local storage, and the user is told.

use crate::adapters::entries::{self, Entries, Moved, OpenError, Place};
use crate::adapters::{clock, storage};
use crate::domain::catalogue::Framework;
use crate::domain::consolidation::{self, merge, to_consolidated_with, Merge, Workspace};
use crate::domain::draft::export_file_name;
use crate::domain::engine::{evaluate_map, Evaluation};
use crate::domain::exchange::{ExchangeFile, Kind, Timestamp};
use crate::domain::revision;
use crate::domain::text::Text;
use crate::ui::state::{download_file, NoticeKind, SaveState};
use crate::ui::sync::Synced;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::future::Future;

/// Storage kind of the coordinator's workspaces.
pub const WORKSPACES: &str = consolidation::STORAGE_KIND;

/// The workspace being worked on, provided to every tab.
#[derive(Clone, Copy)]
pub struct Coord {
    pub ws: RwSignal<Workspace>,
    pub framework: &'static Framework,
    pub save: RwSignal<SaveState>,
    /// The stored entry behind `ws`, and whether another tab saved over it.
    pub sync: Synced<Workspace>,
    /// The merged assessment: recomputed once per change of the workspace.
    pub merge: Memo<Merge>,
    pub evaluation: Memo<Evaluation>,
    /// The consolidated file as it would be exported now: what results and report read.
    pub file: Memo<ExchangeFile>,
}

thread_local! {
    /// The open workspace and the reactive owner its signals live in. It outlives the
    /// screen that shows it: whenever the screen is re-rendered (a tab switch may do that),
    /// the same in-memory workspace comes back instead of being re-read from storage — with
    /// storage full or blocked, re-reading would silently lose the work on screen.
    static OPEN: RefCell<Option<(String, Owner, Coord)>> = const { RefCell::new(None) };
    /// Whether this page has moved local workspaces to IndexedDB (or said it cannot).
    static CHECKED: Cell<bool> = const { Cell::new(false) };
}

/// Where the workspaces are kept: IndexedDB, or local storage where the browser blocks
/// it. The first call of a page moves the workspaces still in local storage and `tell`s
/// the user what happened (nothing when there was nothing to move).
pub async fn workspaces(tell: impl Fn(NoticeKind, Text)) -> Entries {
    let e = entries::large().await;
    if CHECKED.replace(true) {
        return e;
    }
    if e.place != Place::Indexed {
        tell(
            NoticeKind::Warning,
            Text::new(
                "Browser ini tidak mengizinkan IndexedDB (mungkin mode penyamaran atau kebijakan), jadi ruang kerja disimpan di penyimpanan lokal, yang hanya memuat sekitar 40 berkas unit lengkap. Bila penyimpanan penuh, layar akan memberi tahu dan menawarkan unduhan; unduh berkas konsolidasi secara berkala.",
                "This browser does not allow IndexedDB (perhaps private mode or a policy), so workspaces are kept in local storage, which holds only about 40 full unit files. If it fills up, the screen says so and offers a download; download the consolidated file regularly.",
            ),
        );
        return e;
    }
    let moved =
        entries::migrate::<Workspace>(&storage::store(), &e, clock::new_id, &clock::now()).await;
    for m in &moved {
        match m {
            Moved::Moved { .. } => {}
            Moved::Copied { id, .. } => tell(NoticeKind::Warning, Text::new(
                format!("Ruang kerja \"{id}\" di penyimpanan lokal berbeda dari versinya di IndexedDB (mungkin disimpan oleh tab versi lama). Keduanya disimpan: versi lokal sebagai salinan \"(dari penyimpanan lokal)\"."),
                format!("Workspace \"{id}\" in local storage differs from its version in IndexedDB (perhaps saved by a tab of the old version). Both are kept: the local one as a copy \"(dari penyimpanan lokal)\"."),
            )),
            Moved::Damaged { kept_as } => tell(NoticeKind::Warning, Text::new(
                format!("Ruang kerja di penyimpanan lokal rusak dan tidak dipindahkan. Isinya disimpan terpisah sebagai \"{kept_as}\" dan dapat diunduh dari halaman awal."),
                format!("A workspace in local storage is damaged and was not moved. Its content was kept aside as \"{kept_as}\" and can be downloaded from the start page."),
            )),
            Moved::Stayed { id, why } => {
                let m = why.message();
                tell(NoticeKind::Warning, Text::new(
                    format!("Ruang kerja \"{id}\" belum dapat dipindahkan ke IndexedDB; tetap di penyimpanan lokal dan dibuka dari sana. {}", m.id),
                    format!("Workspace \"{id}\" could not be moved to IndexedDB yet; it stays in local storage and opens from there. {}", m.en),
                ));
            }
        }
    }
    let n = moved
        .iter()
        .filter(|m| matches!(m, Moved::Moved { .. } | Moved::Copied { .. }))
        .count();
    if n > 0 {
        tell(NoticeKind::Info, Text::new(
            format!("{n} ruang kerja dipindahkan dari penyimpanan lokal ke IndexedDB browser ini, yang memuat ratusan berkas unit. Tidak ada yang hilang."),
            format!("{n} workspace(s) moved from local storage to this browser's IndexedDB, which holds hundreds of unit files. Nothing was lost."),
        ));
    }
    e
}

/// Every workspace: those in IndexedDB, then any still in local storage (not moved).
pub async fn list_workspaces(
    tell: impl Fn(NoticeKind, Text),
) -> Result<Vec<storage::Entry<Workspace>>, Text> {
    let e = workspaces(tell).await;
    let mut all = e
        .list::<Workspace>(WORKSPACES)
        .await
        .map_err(|e| e.message())?;
    if e.place == Place::Indexed {
        let ids: Vec<String> = all
            .iter()
            .map(|x| match x {
                storage::Entry::Ok(w) => w.id.clone(),
                storage::Entry::Corrupted { id, .. } => id.clone(),
            })
            .collect();
        all.extend(
            storage::store()
                .list::<Workspace>(WORKSPACES)
                .into_iter()
                .filter(|x| !matches!(x, storage::Entry::Ok(w) if ids.contains(&w.id))),
        );
    }
    Ok(all)
}

/// Where workspace `id` is: IndexedDB, or local storage for one not moved.
pub async fn workspace_home(id: &str, tell: impl Fn(NoticeKind, Text)) -> Entries {
    let e = workspaces(tell).await;
    if e.place == Place::Indexed
        && storage::store()
            .raw(&storage::entry_key(WORKSPACES, id))
            .is_some()
    {
        return storage::store().entries();
    }
    e
}

/// Closes the open workspace, if any: a pending change is saved, the autosave stops.
/// Called when the workspace list is shown, since it may rename or delete workspaces.
pub fn close() {
    if let Some((_, owner, _)) = OPEN.with_borrow_mut(Option::take) {
        // Runs the autosave's cleanup (which saves a pending change) and frees the signals.
        owner.cleanup();
    }
}

/// The app's top owner: the open workspace's owner hangs there, not under a screen.
fn root_owner() -> Option<Owner> {
    let mut owner = Owner::current()?;
    while let Some(parent) = owner.parent() {
        owner = parent;
    }
    Some(owner)
}

impl Coord {
    /// The workspace `id`, already open or loaded from storage with its autosave started.
    /// `Err` says why it cannot be opened. Call it where a reactive owner is current
    /// (a component): the signals are made under the app's top owner.
    pub fn open(id: &str) -> impl Future<Output = Result<Coord, Text>> + 'static {
        let root = root_owner();
        let tell = crate::ui::state::notifier();
        let id = id.to_string();
        async move {
            if let Some(c) = Coord::already_open(&id) {
                return Ok(c);
            }
            let entries = workspace_home(&id, tell).await;
            let loaded = Synced::<Workspace>::load(entries, &id).await;
            // Opened meanwhile (the screen was drawn twice).
            if let Some(c) = Coord::already_open(&id) {
                return Ok(c);
            }
            close();
            let owner = match root {
                Some(root) => root.with(Owner::new),
                None => Owner::new(),
            };
            let coord = owner.with(|| Coord::load(loaded))?;
            OPEN.with_borrow_mut(|o| *o = Some((id, owner, coord)));
            Ok(coord)
        }
    }

    fn already_open(id: &str) -> Option<Coord> {
        OPEN.with_borrow(|o| {
            o.as_ref()
                .filter(|(open, _, _)| open == id)
                .map(|(_, _, c)| *c)
        })
    }

    fn load(
        loaded: Result<Option<(Workspace, revision::Seen, Entries)>, OpenError>,
    ) -> Result<Coord, Text> {
        let (sync, fw) = Synced::<Workspace>::open(
            loaded,
            Text::new(
                " Buka berkas konsolidasinya dari halaman Koordinator.",
                " Open its consolidated file from the Coordinator page.",
            ),
        )?;
        let ws = sync.value;
        let merged = Memo::new(move |_| ws.with(merge));
        let evaluation = Memo::new(move |_| merged.with(|m| evaluate_map(fw, &m.values())));
        let file = Memo::new(move |_| {
            ws.with(|w| merged.with(|m| to_consolidated_with(w, m, &w.updated_at)))
        });
        sync.start();
        Ok(Coord {
            ws,
            framework: fw,
            save: sync.save,
            sync,
            merge: merged,
            evaluation,
            file,
        })
    }

    /// Writes the workspace now (unless another tab saved meanwhile).
    pub fn flush(self) {
        self.sync.flush();
    }

    /// The consolidated file of the workspace as it is on screen now, and its file name.
    pub fn consolidated(self) -> (ExchangeFile, String) {
        let now = clock::now();
        self.ws.with_untracked(|w| {
            let file = self
                .merge
                .with_untracked(|m| to_consolidated_with(w, m, &now));
            let name = export_file_name(
                Kind::Consolidated,
                "gabungan",
                &w.framework,
                &w.period,
                &clock::local(&now),
            );
            (file, name)
        })
    }

    /// That file, built in this page and downloaded from it (saved or not); returns the
    /// file name. Leaving the page for the results app would lose work storage could not
    /// keep.
    pub fn download(self) -> Result<String, Text> {
        let (file, name) = self.consolidated();
        download_file(&file, &name)
    }

    /// Runs a domain change at the current time. Subscribers (memos, autosave) hear of it
    /// only when it succeeded: a refused change changes nothing, not even the save state.
    pub fn change<R>(
        self,
        f: impl FnOnce(&mut Workspace, &Timestamp) -> Result<R, Text>,
    ) -> Result<R, Text> {
        let now = clock::now();
        self.ws
            .try_maybe_update(|w| {
                let r = f(w, &now);
                (r.is_ok(), r)
            })
            .unwrap_or_else(|| {
                Err(Text::new(
                    "Ruang kerja sudah ditutup.",
                    "The workspace was closed.",
                ))
            })
    }

    pub fn id(self) -> String {
        self.ws.with_untracked(|w| w.id.clone())
    }

    /// A unit's label ("BKPSDM"), tracked.
    pub fn unit_label(self, id: &str) -> String {
        self.ws.with(|w| w.unit_label(id))
    }
}

/// Saves `ws` as a new revision of its entry (a new workspace, a rename from the list),
/// wherever it lives, and tells other tabs.
pub async fn store_workspace(
    ws: &Workspace,
    tell: impl Fn(NoticeKind, Text),
) -> Result<(), storage::StoreError> {
    let e = workspace_home(&ws.id, tell).await;
    e.save(WORKSPACES, &ws.id, ws).await?;
    if e.place == Place::Indexed {
        entries::announce(&storage::entry_key(WORKSPACES, &ws.id));
    }
    Ok(())
}

/// Reads workspace `id` as stored (for a rename from the list).
pub async fn read_workspace(id: &str, tell: impl Fn(NoticeKind, Text)) -> Option<Workspace> {
    let e = workspace_home(id, tell).await;
    e.open::<Workspace>(WORKSPACES, id)
        .await
        .ok()
        .flatten()
        .map(|(w, _)| w)
}

/// Deletes workspace `id` (and the local backup of one moved to IndexedDB); other tabs
/// showing it are told.
pub async fn remove_workspace(
    id: &str,
    tell: impl Fn(NoticeKind, Text),
) -> Result<(), storage::StoreError> {
    let e = workspace_home(id, tell).await;
    e.remove(WORKSPACES, id).await?;
    if e.place == Place::Indexed {
        entries::drop_backup(&storage::store(), WORKSPACES, id);
        entries::announce(&storage::entry_key(WORKSPACES, id));
    }
    Ok(())
}
