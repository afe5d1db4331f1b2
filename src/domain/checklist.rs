//! The evidence-item checklist of an indicator and the value it suggests.
//!
//! In the Pemdi evaluation the assessors accept or reject evidence items (butir data
//! dukung) level by level, and the decimal value follows from that (pemdi-2026-evidence.md,
//! weak but reproducing most real values): levels are cumulative, and with L the first
//! level whose items are not all accepted,
//!
//! ```text
//! value = lower(L) + (upper(L) − lower(L)) × accepted items at L / items at L
//! ```
//!
//! with the band edges of the catalogue's `item_rule` (Pemdi 1.00 / 1.50 / 2.50 / 3.50 /
//! 4.00 / 5.00); every level complete gives the top value, 5.00. One of three level-1
//! items gives exactly 7/6 (shown 1,17). The result is a suggestion: the unit accepts it
//! (stored exactly) or keeps its own value, and the difference is flagged, never replaced.
//!
//! A unit marks each item `ada` (held in full), `sebagian` (in part) or `belum` (not
//! yet). Only `ada` counts as accepted. An item of a level above an incomplete one that
//! is marked `ada` or `sebagian` is what the assessors' portal rejects outright.

use crate::domain::catalogue::{EvidenceItem, Framework, Indicator};
use crate::domain::engine::format_hundredths;
use crate::domain::rational::Rational;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of one evidence item a unit holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    /// Held in full: counts as accepted.
    Ada,
    /// Held in part: not accepted yet.
    Sebagian,
    /// Not held yet.
    Belum,
}

impl ItemState {
    pub const ALL: [ItemState; 3] = [ItemState::Ada, ItemState::Sebagian, ItemState::Belum];

    /// The word used in files: `ada`, `sebagian`, `belum`.
    pub fn key(self) -> &'static str {
        match self {
            ItemState::Ada => "ada",
            ItemState::Sebagian => "sebagian",
            ItemState::Belum => "belum",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemState> {
        ItemState::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            ItemState::Ada => Text::new("ada", "held"),
            ItemState::Sebagian => Text::new("sebagian", "in part"),
            ItemState::Belum => Text::new("belum ada", "not yet"),
        }
    }
}

/// Item id → state, as a unit marked them. Items not marked are absent.
pub type ItemStates = BTreeMap<String, ItemState>;

/// One level of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelCheck<'a> {
    pub level: u8,
    pub items: Vec<&'a EvidenceItem>,
    /// Items marked `ada`.
    pub held: usize,
    /// Items marked `ada` or `sebagian` while a lower level with listed items is
    /// incomplete: the assessors reject them until that level is accepted.
    pub rejected: Vec<&'a str>,
    /// The first lower level that is incomplete, when `rejected` is not empty.
    pub blocked_by: Option<u8>,
}

impl LevelCheck<'_> {
    /// The catalogue lists items for this level.
    pub fn is_listed(&self) -> bool {
        !self.items.is_empty()
    }

    /// Every listed item is held.
    pub fn is_complete(&self) -> bool {
        self.is_listed() && self.held == self.items.len()
    }
}

/// The checklist of one indicator for one set of states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist<'a> {
    /// From the framework's lowest level to its highest.
    pub levels: Vec<LevelCheck<'a>>,
    /// The highest level the unit can defend: it and every level below are complete.
    pub defensible: Option<u8>,
}

impl Checklist<'_> {
    /// Whether any item is marked in a way the assessors would reject.
    pub fn has_rejections(&self) -> bool {
        self.levels.iter().any(|l| !l.rejected.is_empty())
    }
}

/// The checklist of `ind` given the unit's `states`.
pub fn checklist<'a>(fw: &Framework, ind: &'a Indicator, states: &ItemStates) -> Checklist<'a> {
    let state = |item: &EvidenceItem| states.get(&item.id).copied();
    let mut levels = Vec::new();
    let mut first_gap: Option<u8> = None;
    let mut defensible = None;
    let mut chain = true;
    for level in fw.levels() {
        let items: Vec<&EvidenceItem> = ind.items_of(level).collect();
        let held = items
            .iter()
            .filter(|i| state(i) == Some(ItemState::Ada))
            .count();
        let rejected = match first_gap {
            Some(_) => items
                .iter()
                .filter(|i| matches!(state(i), Some(ItemState::Ada | ItemState::Sebagian)))
                .map(|i| i.id.as_str())
                .collect(),
            None => Vec::new(),
        };
        let check = LevelCheck {
            level,
            items,
            held,
            blocked_by: (!rejected.is_empty()).then_some(first_gap).flatten(),
            rejected,
        };
        // A level without listed items does not block the ones above (the catalogue
        // cannot say what it asks), but nothing above it can be defended from the list.
        if check.is_listed() && !check.is_complete() && first_gap.is_none() {
            first_gap = Some(level);
        }
        chain &= check.is_complete();
        if chain {
            defensible = Some(level);
        }
        levels.push(check);
    }
    Checklist { levels, defensible }
}

/// A suggested value with its reason in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub value: Value,
    /// "Tingkat 1 lengkap; Tingkat 2: 2 dari 4 butir → 2,00".
    pub reason: Text,
}

/// The value the items suggest, by the framework's `item_rule`. `None` when the framework
/// has no rule, the indicator lists no items, or its value comes from another agency's
/// index (its items, if any, are a checklist only).
pub fn suggest(fw: &Framework, ind: &Indicator, states: &ItemStates) -> Option<Suggestion> {
    let edges = &fw.item_rule.as_ref()?.level_edges;
    if ind.items.is_empty() || ind.is_external() {
        return None;
    }
    let list = checklist(fw, ind, states);
    let first = fw.values.min_level();
    let edge = |level: u8| edges.get(usize::from(level - first)).copied();
    let complete: Vec<u8> = list
        .levels
        .iter()
        .take_while(|l| l.is_complete())
        .map(|l| l.level)
        .collect();
    let done = |lang: Lang| -> Option<String> {
        let (lo, hi) = (*complete.first()?, *complete.last()?);
        let levels = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        Some(match lang {
            Lang::Id => format!("Tingkat {levels} lengkap"),
            Lang::En => format!("Level {levels} complete"),
        })
    };
    let (value, step) = match list.levels.get(complete.len()) {
        None => (edges.last().copied()?, None),
        Some(at) if !at.is_listed() => (edge(at.level)?, Some((at.level, None))),
        Some(at) => {
            let (lower, upper) = (edge(at.level)?, edge(at.level + 1)?);
            let share = Rational::new(at.held as i128, at.items.len() as i128);
            (
                lower + (upper - lower) * share,
                Some((at.level, Some((at.held, at.items.len())))),
            )
        }
    };
    let value = Value::from_rational(value)?;
    let shown = |lang: Lang| {
        let figure = format_hundredths(value.hundredths() as i64, lang);
        match (value.fraction(), lang) {
            (Some(f), Lang::Id) => format!("{figure} (tepatnya {f})"),
            (Some(f), Lang::En) => format!("{figure} (exactly {f})"),
            (None, _) => figure,
        }
    };
    let sentence = |lang: Lang| {
        let mut parts: Vec<String> = done(lang).into_iter().collect();
        match (step, lang) {
            (Some((level, Some((held, total)))), Lang::Id) => {
                parts.push(format!("Tingkat {level}: {held} dari {total} butir"))
            }
            (Some((level, Some((held, total)))), Lang::En) => {
                parts.push(format!("Level {level}: {held} of {total} items"))
            }
            (Some((level, None)), Lang::Id) => parts.push(format!(
                "Tingkat {level} belum memiliki daftar butir, saran berhenti di sini"
            )),
            (Some((level, None)), Lang::En) => parts.push(format!(
                "Level {level} lists no items, so the suggestion stops here"
            )),
            (None, _) => {}
        }
        format!("{} → {}", parts.join("; "), shown(lang))
    };
    Some(Suggestion {
        value,
        reason: Text::new(sentence(Lang::Id), sentence(Lang::En)),
    })
}

/// The states that differ between two sets, as item ids in order (for a conflict view).
pub fn differing_items<'a>(a: &'a ItemStates, b: &'a ItemStates) -> Vec<&'a str> {
    let mut ids: Vec<&str> = a.keys().chain(b.keys()).map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.retain(|id| a.get(*id) != b.get(*id));
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_and_write_their_file_words() {
        for s in ItemState::ALL {
            assert_eq!(ItemState::from_key(s.key()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.key()));
        }
        assert_eq!(ItemState::from_key("lengkap"), None);
    }

    #[test]
    fn differing_items_lists_every_changed_or_missing_state() {
        let a: ItemStates = [
            ("1.L1.1".into(), ItemState::Ada),
            ("1.L1.2".into(), ItemState::Belum),
        ]
        .into_iter()
        .collect();
        let b: ItemStates = [
            ("1.L1.1".into(), ItemState::Ada),
            ("1.L2.1".into(), ItemState::Ada),
        ]
        .into_iter()
        .collect();
        assert_eq!(differing_items(&a, &b), vec!["1.L1.2", "1.L2.1"]);
        assert!(differing_items(&a, &a).is_empty());
    }
}
