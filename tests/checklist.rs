//! Evidence items and the value they suggest (issue 10): the rule of pemdi-2026-evidence.md
//! on every band and edge, exact fractions, and what an exact value does to an aspect.
//!
//! Expected values are worked out by hand from the rule, value = lower(L) + width(L) × held
//! / items at L, with edges 1.00 / 1.50 / 2.50 / 3.50 / 4.00 / 5.00 (widths ½, 1, 1, ½, 1),
//! on an indicator whose levels list 3, 4, 2, 1 and 2 items.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use swanilai::domain::catalogue::{EvidenceItem, Framework};
use swanilai::domain::checklist::{checklist, suggest, ItemState, ItemStates};
use swanilai::domain::engine::evaluate_map;
use swanilai::domain::{framework, Rational, Text, Value};

/// Pemdi with indicator 1's items replaced by `counts[l]` items at level l + 1.
fn pemdi_with(counts: [usize; 5]) -> Framework {
    let mut fw = framework("pemdi-2026").unwrap().clone();
    let ind = fw.indicators.iter_mut().find(|i| i.id == "1").unwrap();
    ind.items = counts
        .iter()
        .enumerate()
        .flat_map(|(l, n)| {
            (1..=*n).map(move |k| EvidenceItem {
                id: format!("1.L{}.{k}", l + 1),
                level: l as u8 + 1,
                label: Text::new("butir", "item"),
                text: Text::new("butir", "item"),
                hint: None,
            })
        })
        .collect();
    fw
}

/// States: `held[l]` items of level l + 1 marked `ada`, from the first.
fn held(held: [usize; 5]) -> ItemStates {
    held.iter()
        .enumerate()
        .flat_map(|(l, n)| (1..=*n).map(move |k| (format!("1.L{}.{k}", l + 1), ItemState::Ada)))
        .collect()
}

fn r(num: i128, den: i128) -> Rational {
    Rational::new(num, den)
}

const COUNTS: [usize; 5] = [3, 4, 2, 1, 2];

#[test]
fn the_rule_on_every_band_and_edge() {
    let fw = pemdi_with(COUNTS);
    let ind = fw.indicator("1").unwrap();
    let cases: &[([usize; 5], Rational)] = &[
        ([0, 0, 0, 0, 0], r(1, 1)), // no item: the floor
        ([1, 0, 0, 0, 0], r(7, 6)), // 1 + ½ × 1/3
        ([2, 0, 0, 0, 0], r(4, 3)), // 1 + ½ × 2/3
        ([3, 0, 0, 0, 0], r(3, 2)), // level 1 complete: 1.50
        ([3, 1, 0, 0, 0], r(7, 4)), // 1.5 + 1 × 1/4
        ([3, 2, 0, 0, 0], r(2, 1)), // 1.5 + 1 × 2/4
        ([3, 3, 0, 0, 0], r(9, 4)), // 2.25
        ([3, 4, 0, 0, 0], r(5, 2)), // levels 1–2 complete: 2.50
        ([3, 4, 1, 0, 0], r(3, 1)), // 2.5 + 1 × 1/2
        ([3, 4, 2, 0, 0], r(7, 2)), // 3.50
        ([3, 4, 2, 1, 0], r(4, 1)), // 3.5 + ½ × 1/1 = 4.00
        ([3, 4, 2, 1, 1], r(9, 2)), // 4 + 1 × 1/2
        ([3, 4, 2, 1, 2], r(5, 1)), // every level complete: 5.00
        ([0, 4, 2, 1, 2], r(1, 1)), // levels above an incomplete one do not count
        ([2, 4, 2, 1, 2], r(4, 3)),
    ];
    for (marks, expected) in cases {
        let s = suggest(&fw, ind, &held(*marks)).expect("a suggestion");
        assert_eq!(s.value.to_rational(), *expected, "{marks:?}");
    }
}

#[test]
fn one_of_three_is_exactly_seven_sixths_and_says_why() {
    let fw = pemdi_with(COUNTS);
    let ind = fw.indicator("1").unwrap();
    let s = suggest(&fw, ind, &held([1, 0, 0, 0, 0])).unwrap();
    assert_eq!(s.value, Value::from_fraction(7, 6).unwrap());
    assert_eq!(s.value.hundredths(), 117);
    assert_eq!(
        s.reason.id,
        "Tingkat 1: 1 dari 3 butir → 1,17 (tepatnya 7/6)"
    );
    assert_eq!(s.reason.en, "Level 1: 1 of 3 items → 1.17 (exactly 7/6)");

    let two = suggest(&fw, ind, &held([3, 2, 0, 0, 0])).unwrap();
    assert_eq!(
        two.reason.id,
        "Tingkat 1 lengkap; Tingkat 2: 2 dari 4 butir → 2,00"
    );
    let three = suggest(&fw, ind, &held([3, 4, 0, 0, 0])).unwrap();
    assert_eq!(
        three.reason.id,
        "Tingkat 1–2 lengkap; Tingkat 3: 0 dari 2 butir → 2,50"
    );
    let all = suggest(&fw, ind, &held(COUNTS)).unwrap();
    assert_eq!(all.reason.id, "Tingkat 1–5 lengkap → 5,00");
}

#[test]
fn only_items_held_in_full_count() {
    let fw = pemdi_with(COUNTS);
    let ind = fw.indicator("1").unwrap();
    let mut states = held([2, 0, 0, 0, 0]);
    states.insert("1.L1.3".into(), ItemState::Sebagian);
    assert_eq!(
        suggest(&fw, ind, &states).unwrap().value.to_rational(),
        r(4, 3)
    );
    states.insert("1.L1.3".into(), ItemState::Belum);
    assert_eq!(
        suggest(&fw, ind, &states).unwrap().value.to_rational(),
        r(4, 3)
    );
    // A state for an item the indicator does not list changes nothing.
    states.insert("1.L1.9".into(), ItemState::Ada);
    assert_eq!(
        suggest(&fw, ind, &states).unwrap().value.to_rational(),
        r(4, 3)
    );
}

#[test]
fn higher_items_marked_over_an_incomplete_level_are_rejected() {
    let fw = pemdi_with(COUNTS);
    let ind = fw.indicator("1").unwrap();
    let mut states = held([2, 0, 0, 0, 0]);
    states.insert("1.L2.1".into(), ItemState::Ada);
    states.insert("1.L3.2".into(), ItemState::Sebagian);
    states.insert("1.L2.2".into(), ItemState::Belum);
    let list = checklist(&fw, ind, &states);
    assert_eq!(list.levels[0].rejected, Vec::<&str>::new());
    assert_eq!(list.levels[1].rejected, vec!["1.L2.1"]);
    assert_eq!(list.levels[1].blocked_by, Some(1));
    assert_eq!(list.levels[2].rejected, vec!["1.L3.2"]);
    assert!(list.has_rejections());
    assert_eq!(list.defensible, None);

    let ok = checklist(&fw, ind, &held([3, 4, 1, 0, 0]));
    assert!(!ok.has_rejections());
    assert_eq!(ok.defensible, Some(2));
    assert_eq!(checklist(&fw, ind, &held(COUNTS)).defensible, Some(5));
}

#[test]
fn a_level_without_items_stops_the_suggestion_but_blocks_nothing() {
    // Like indicator 9, whose level 3 lists no items.
    let fw = pemdi_with([2, 1, 0, 1, 1]);
    let ind = fw.indicator("1").unwrap();
    let states = held([2, 1, 0, 1, 0]);
    let s = suggest(&fw, ind, &states).unwrap();
    assert_eq!(s.value.to_rational(), r(5, 2));
    assert!(
        s.reason
            .id
            .contains("Tingkat 3 belum memiliki daftar butir"),
        "{}",
        s.reason.id
    );
    let list = checklist(&fw, ind, &states);
    assert!(!list.has_rejections());
    assert_eq!(list.defensible, Some(2));
}

#[test]
fn no_suggestion_without_a_rule_items_or_for_external_indices() {
    let pemdi = framework("pemdi-2026").unwrap();
    let sdi = pemdi.indicator("5").unwrap();
    assert!(sdi.items.is_empty());
    assert!(suggest(pemdi, sdi, &ItemStates::new()).is_none());
    // Indicator 18 lists items, as a checklist only: its value comes from the SDI index.
    let interop = pemdi.indicator("18").unwrap();
    assert!(!interop.items.is_empty());
    assert!(suggest(pemdi, interop, &ItemStates::new()).is_none());
    let spbe = framework("spbe-2020").unwrap();
    assert!(suggest(spbe, spbe.indicator("1").unwrap(), &ItemStates::new()).is_none());
    // The real catalogue: indicator 13 lists 3 level-1 items; one held gives 7/6.
    let i13 = pemdi.indicator("13").unwrap();
    let one: ItemStates = [("13.L1.2".to_string(), ItemState::Ada)]
        .into_iter()
        .collect();
    assert_eq!(
        suggest(pemdi, i13, &one).unwrap().value.to_rational(),
        r(7, 6)
    );
}

/// Aspect A1 holds indicators 1 and 2 at equal weights (5 % each). From the exact 7/6 and
/// 1.00 it is 13/12 = 1.0833… → 1,08; from the typed 1.17 and 1.00 it is 1.085 → 1,09.
#[test]
fn an_exact_value_keeps_the_aspect_exact() {
    let fw = framework("pemdi-2026").unwrap();
    let aspect = |v1: Value| {
        let values: BTreeMap<String, Value> = [
            ("1".to_string(), v1),
            ("2".to_string(), Value::from_level(1).unwrap()),
        ]
        .into_iter()
        .collect();
        evaluate_map(fw, &values).aspect("A1").unwrap().clone()
    };
    let exact = aspect(Value::from_fraction(7, 6).unwrap());
    assert_eq!(exact.exact, Some(r(13, 12)));
    assert_eq!(exact.displayed(), Some(108));
    let typed = aspect(Value::from_hundredths(117).unwrap());
    assert_eq!(typed.exact, Some(r(217, 200)));
    assert_eq!(typed.displayed(), Some(109));
}
