//! The open workspace: one signal holding the domain [`Workspace`], memos derived from
//! it, and its autosave (the same as the unit's draft: `ui::sync`, which also keeps two
//! tabs from writing over each other).

use crate::adapters::clock;
use crate::domain::catalogue::Framework;
use crate::domain::consolidation::{self, merge, to_consolidated_with, Merge, Workspace};
use crate::domain::draft::export_file_name;
use crate::domain::engine::{evaluate_map, Evaluation};
use crate::domain::exchange::{ExchangeFile, Kind, Timestamp};
use crate::domain::text::Text;
use crate::ui::state::{download_file, SaveState};
use crate::ui::sync::Synced;
use leptos::prelude::*;
use std::cell::RefCell;

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
    /// `Err` says why it cannot be opened.
    pub fn open(id: &str) -> Result<Coord, Text> {
        if let Some(c) = OPEN.with_borrow(|o| {
            o.as_ref()
                .filter(|(open, _, _)| open == id)
                .map(|(_, _, c)| *c)
        }) {
            return Ok(c);
        }
        close();
        let owner = match root_owner() {
            Some(root) => root.with(Owner::new),
            None => Owner::new(),
        };
        let coord = owner.with(|| Coord::load(id))?;
        OPEN.with_borrow_mut(|o| *o = Some((id.to_string(), owner, coord)));
        Ok(coord)
    }

    fn load(id: &str) -> Result<Coord, Text> {
        let (sync, fw) = Synced::<Workspace>::open(
            id,
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
