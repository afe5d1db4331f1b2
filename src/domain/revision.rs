//! One stored entry, several tabs: how a tab knows whether it may save.
//!
//! A draft or a workspace may be open in two tabs (or windows) at once. Each tab keeps the
//! whole value in memory and saves it whole, so without care the tab that saves last wins
//! and the other tab's work is gone while both say "Tersimpan". The rule here: **a tab
//! writes only over the exact entry it last read or wrote**. Every stored entry carries a
//! `revision` counter (one more on every save), and a tab remembers what it last saw
//! ([`Seen`]: that revision and a digest of the exact stored text, so even a hand edit that
//! keeps the counter is noticed). Before writing, and whenever it hears that the entry
//! changed, the tab compares ([`compare`]) and [`step`] says what to do:
//!
//! * the entry is as the tab left it: carry on (save when it is time);
//! * another tab saved and this one has nothing unsaved: take the newer version;
//! * another tab saved (or deleted it) and this one has unsaved work: stop saving, tell the
//!   user and let them choose ([`Behind`]): take the newer version, keep theirs as a copy,
//!   or download it. Neither side is ever dropped without the user saying so;
//! * the entry no longer reads as JSON (edited by hand, cut off): the storage adapter has
//!   moved the damaged text aside, and the version on screen is written back.
//!
//! Pure: the storage adapter (`adapters::storage`) reads and writes, the UI
//! (`ui::sync`) listens to the other tabs; the decisions are made here.

use crate::domain::exchange::Timestamp;
use crate::domain::text::Text;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value as Json;

/// The key of the counter inside a stored entry (a JSON object).
pub const KEY: &str = "revision";

/// How many times an entry has been saved. Entries written before counters existed read
/// as revision 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Revision(pub u64);

impl Revision {
    pub fn next(self) -> Revision {
        Revision(self.0.saturating_add(1))
    }
}

/// What a tab last read from, or wrote to, an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub revision: Revision,
    /// FNV-1a of the exact stored text: any change to it, even one that keeps the counter.
    digest: u64,
}

impl Seen {
    /// What a tab sees in the stored text `raw`.
    pub fn of(raw: &str) -> Seen {
        Seen {
            revision: revision_of(raw).unwrap_or_default(),
            digest: digest(raw),
        }
    }
}

fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The counter of a stored text; `None` when the text is not a JSON object.
pub fn revision_of(raw: &str) -> Option<Revision> {
    match serde_json::from_str::<Json>(raw).ok()? {
        Json::Object(map) => Some(Revision(
            map.get(KEY).and_then(Json::as_u64).unwrap_or_default(),
        )),
        _ => None,
    }
}

/// The stored text of `value` at revision `revision`: its JSON with the counter added.
pub fn stamp<T: Serialize>(value: &T, revision: Revision) -> Result<String, serde_json::Error> {
    let mut json = crate::domain::json::to_value(value)?;
    if let Json::Object(map) = &mut json {
        map.insert(KEY.to_string(), Json::from(revision.0));
    }
    serde_json::to_string(&json)
}

/// Reads a stored text back into `T`, without its counter.
pub fn unstamp<T: DeserializeOwned>(raw: &str) -> Result<T, serde_json::Error> {
    let mut json: Json = serde_json::from_str(raw)?;
    if let Json::Object(map) = &mut json {
        map.remove(KEY);
    }
    crate::domain::json::from_value(json)
}

/// The stored entry as a tab finds it, compared with what it last saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Exactly the text this tab last read or wrote.
    Same,
    /// Someone else wrote it since (another tab, the draft list, a hand edit): readable.
    Changed(Revision),
    /// Deleted since (from the list in another tab).
    Gone,
    /// No longer a JSON object: edited by hand or cut off.
    Damaged,
}

/// Compares the stored text (`None`: no entry) with what this tab last saw.
pub fn compare(seen: &Seen, stored: Option<&str>) -> Found {
    match stored {
        None => Found::Gone,
        Some(raw) if digest(raw) == seen.digest => Found::Same,
        Some(raw) => revision_of(raw).map_or(Found::Damaged, Found::Changed),
    }
}

/// Why a tab stopped saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behind {
    /// Another tab saved a newer version while this one had unsaved changes.
    Newer,
    /// The entry was deleted elsewhere while this tab still shows it.
    Removed,
}

/// What a tab does after [`compare`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing has moved: save when it is time.
    Carry,
    /// Take the stored version: this tab has nothing unsaved, so nothing is lost.
    Follow,
    /// Stop saving and let the user choose ([`Choice`]).
    Stop(Behind),
    /// Write the version on screen over a damaged entry (whose text was kept aside).
    Restore,
}

/// What to do about `found`, given whether this tab holds changes not yet saved.
pub fn step(found: &Found, unsaved: bool) -> Step {
    match found {
        Found::Same => Step::Carry,
        Found::Changed(_) if unsaved => Step::Stop(Behind::Newer),
        Found::Changed(_) => Step::Follow,
        Found::Gone => Step::Stop(Behind::Removed),
        Found::Damaged => Step::Restore,
    }
}

/// The ways out of [`Behind`], in the order they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Show the stored version here; this tab's unsaved changes are dropped.
    TakeStored,
    /// Keep this tab's version as a new entry beside the stored one.
    KeepAsCopy,
    /// Store this tab's version again under its own id (only when the entry is gone).
    KeepHere,
    /// Download this tab's version as a file; changes nothing stored.
    Download,
}

impl Behind {
    pub fn choices(self) -> &'static [Choice] {
        match self {
            Behind::Newer => &[Choice::TakeStored, Choice::KeepAsCopy, Choice::Download],
            Behind::Removed => &[Choice::KeepHere, Choice::Download],
        }
    }

    /// What happened, for the notice; `what` names the thing ("draf ini", "this draft").
    pub fn message(self, what: &Text) -> Text {
        match self {
            Behind::Newer => Text::new(
                format!("{} juga diubah di tab atau jendela lain, dan versi itu sudah tersimpan. Perubahan di tab ini belum disimpan agar tidak menimpanya. Pilih versi mana yang dipakai; tidak ada yang hilang sebelum Anda memilih.", capitalise(&what.id)),
                format!("{} was also changed in another tab or window, and that version is saved. The changes in this tab are not saved, so as not to overwrite it. Choose which version to keep; nothing is lost until you choose.", capitalise(&what.en)),
            ),
            Behind::Removed => Text::new(
                format!("{} dihapus di tab atau jendela lain, tetapi isinya masih ada di layar ini. Simpan kembali atau unduh bila masih diperlukan.", capitalise(&what.id)),
                format!("{} was deleted in another tab or window, but its content is still on this screen. Save it again or download it if you still need it.", capitalise(&what.en)),
            ),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A value kept in storage that two tabs may hold at once: what the notice shows of each
/// version and how a copy is made.
pub trait Versioned: Clone + Serialize + DeserializeOwned {
    /// The storage kind (`draft`, `workspace`).
    const KIND: &'static str;
    /// "draf ini" / "this draft".
    fn what() -> Text;
    fn id(&self) -> &str;
    /// The framework the entry is assessed by (`spbe-2020`).
    fn framework_id(&self) -> &str;
    fn updated_at(&self) -> &Timestamp;
    /// What this version holds, in a few words ("12 jawaban").
    fn summary(&self) -> Text;
    /// Where `self` differs from `other`, in words; empty when they hold the same.
    fn differences(&self, other: &Self) -> Text;
    /// This version as a new entry `id`, its name followed by `(suffix)`.
    fn copy_as(&self, id: String, suffix: &str, now: &Timestamp) -> Self;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Thing {
        n: u32,
    }

    #[test]
    fn the_counter_travels_inside_the_entry_and_is_removed_on_reading() {
        let raw = stamp(&Thing { n: 7 }, Revision(3)).unwrap();
        assert_eq!(raw, r#"{"n":7,"revision":3}"#);
        assert_eq!(revision_of(&raw), Some(Revision(3)));
        assert_eq!(unstamp::<Thing>(&raw).unwrap(), Thing { n: 7 });
        // Entries from before the counter: revision 0.
        assert_eq!(revision_of(r#"{"n":7}"#), Some(Revision(0)));
        assert_eq!(revision_of("[1,2]"), None);
        assert_eq!(revision_of("{ broken"), None);
    }

    #[test]
    fn a_tab_sees_any_change_to_the_stored_text() {
        let mine = stamp(&Thing { n: 1 }, Revision(2)).unwrap();
        let seen = Seen::of(&mine);
        assert_eq!(compare(&seen, Some(&mine)), Found::Same);
        let theirs = stamp(&Thing { n: 2 }, Revision(3)).unwrap();
        assert_eq!(compare(&seen, Some(&theirs)), Found::Changed(Revision(3)));
        // A hand edit that keeps the counter is still a change.
        let edited = stamp(&Thing { n: 9 }, Revision(2)).unwrap();
        assert_eq!(compare(&seen, Some(&edited)), Found::Changed(Revision(2)));
        assert_eq!(compare(&seen, Some("{\"n\": ")), Found::Damaged);
        assert_eq!(compare(&seen, None), Found::Gone);
    }

    #[test]
    fn unsaved_work_is_never_written_over_a_newer_version_nor_dropped() {
        let newer = Found::Changed(Revision(5));
        assert_eq!(step(&Found::Same, true), Step::Carry);
        assert_eq!(step(&Found::Same, false), Step::Carry);
        assert_eq!(step(&newer, false), Step::Follow);
        assert_eq!(step(&newer, true), Step::Stop(Behind::Newer));
        assert_eq!(step(&Found::Gone, false), Step::Stop(Behind::Removed));
        assert_eq!(step(&Found::Gone, true), Step::Stop(Behind::Removed));
        assert_eq!(step(&Found::Damaged, true), Step::Restore);
        // Every way out keeps this tab's version somewhere unless the user drops it.
        assert!(Behind::Newer.choices().contains(&Choice::KeepAsCopy));
        assert!(Behind::Newer.choices().contains(&Choice::Download));
        assert!(Behind::Removed.choices().contains(&Choice::KeepHere));
        assert!(!Behind::Removed.choices().contains(&Choice::TakeStored));
    }

    #[test]
    fn the_notice_names_the_thing_in_both_languages() {
        let m = Behind::Newer.message(&Text::new("draf ini", "this draft"));
        assert!(m.id.starts_with("Draf ini juga diubah di tab"));
        assert!(m
            .en
            .starts_with("This draft was also changed in another tab"));
    }
}
