//! Comparing an assessment with a previous period (issue 5 §3).
//!
//! Expected figures are computed here, independently of the engine: the fixtures' values are
//! read as plain JSON and weighted with the regulation's weight tables written out below
//! (PermenPANRB 59/2020 Tabel 9; 8/2026 Bagian B), in integer arithmetic.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use oracle::spbe2020_weight;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use swanilai::domain::comparison::{caveats, compare_files, Direction};
use swanilai::domain::exchange::{parse, ExchangeFile};
use swanilai::domain::{frameworks, Rational};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(path: &str) -> (ExchangeFile, Json) {
    let bytes =
        std::fs::read(format!("{FIXTURES}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file = parse(&bytes)
        .unwrap_or_else(|p| panic!("{path} does not parse: {p:?}"))
        .file;
    (file, serde_json::from_slice(&bytes).unwrap())
}

/// SPBE 2020 aspects by indicator ranges (Tabel 3–6) and domains by aspects (Tabel 7–8).
const SPBE2020_ASPECTS: [(&str, u32, u32); 8] = [
    ("A1", 1, 10),
    ("A2", 11, 14),
    ("A3", 15, 18),
    ("A4", 19, 20),
    ("A5", 21, 28),
    ("A6", 29, 31),
    ("A7", 32, 41),
    ("A8", 42, 47),
];
const SPBE2020_DOMAINS: [(&str, u32, u32); 4] = [
    ("D1", 1, 10),
    ("D2", 11, 20),
    ("D3", 21, 31),
    ("D4", 32, 47),
];

/// Pemdi 2026 indicator weights in percent (Bagian B), indicators 1–20.
const PEMDI_WEIGHTS: [i128; 20] = [5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15];

/// Values of a fixture in hundredths, by indicator id.
fn hundredths(json: &Json) -> BTreeMap<String, i128> {
    json["answers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, a)| {
            (
                id.clone(),
                (a["value"].as_f64().unwrap() * 100.0).round() as i128,
            )
        })
        .collect()
}

/// Weighted mean of indicators `from..=to` as an exact fraction of a level (num, den).
fn weighted(values: &BTreeMap<String, i128>, from: u32, to: u32) -> (i128, i128) {
    let (mut num, mut den) = (0, 0);
    for n in from..=to {
        let w = i128::from(spbe2020_weight(n));
        num += w * values[&n.to_string()];
        den += w * 100;
    }
    (num, den)
}

/// Half-up rounding of num/den to hundredths, in integers.
fn shown(num: i128, den: i128) -> i64 {
    ((2 * num * 100 + den).div_euclid(2 * den)) as i64
}

#[test]
fn same_framework_compares_every_indicator_aspect_domain_and_the_index() {
    let (now, now_json) = read("results/consolidated-spbe-2020-2026.json");
    let (before, before_json) = read("results/consolidated-spbe-2020-2025.json");
    let (a, b) = (hundredths(&now_json), hundredths(&before_json));
    assert_eq!((a.len(), b.len()), (47, 47), "both fixtures are complete");

    let c = compare_files(&now, &before).expect("comparable");
    assert!(c.same_instrument);
    assert_eq!(
        (c.current_framework, c.previous_framework),
        ("spbe-2020", "spbe-2020")
    );

    // Every indicator: the change in hundredths of a level, and its arrow.
    assert_eq!(c.indicators.len(), 47);
    for ch in &c.indicators {
        let expected = (a[&ch.id] - b[&ch.id]) as i64;
        assert_eq!(ch.change(), Some(expected), "indicator {}", ch.id);
        let arrow = match expected.cmp(&0) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => Direction::Same,
        };
        assert_eq!(ch.direction(), Some(arrow), "indicator {}", ch.id);
    }
    // Spot checks written out by hand: indicator 2 went 2 → 3, 35 went 3 → 4, 9 stayed 1.
    let ind = |id: &str| c.indicators.iter().find(|x| x.id == id).unwrap();
    assert_eq!(ind("2").change(), Some(100));
    assert_eq!(ind("35").direction(), Some(Direction::Up));
    assert_eq!(ind("9").direction(), Some(Direction::Same));
    assert!(c.changed_indicators().all(|x| x.change() != Some(0)));

    // Aspects and domains: exact change and the shown one (difference of shown figures).
    for (list, table) in [
        (&c.aspects, &SPBE2020_ASPECTS[..]),
        (&c.domains, &SPBE2020_DOMAINS[..]),
    ] {
        assert_eq!(list.len(), table.len());
        for (fig, &(id, from, to)) in list.iter().zip(table) {
            assert_eq!(fig.id, id);
            let (na, da) = weighted(&a, from, to);
            let (nb, db) = weighted(&b, from, to);
            assert_eq!(
                fig.exact(),
                Some(Rational::new(na, da) - Rational::new(nb, db)),
                "{id} exact"
            );
            assert_eq!(
                fig.displayed(),
                Some(shown(na, da) - shown(nb, db)),
                "{id} shown"
            );
            assert!(!fig.is_provisional());
        }
    }

    // The index: 2026 is 1251/500 = 2.502 (shown 2.50), 2025 is 3997/2000 = 1.9985 (shown
    // 2.00, a half-up case): exact change 0.5035, shown change +0.50.
    let (na, da) = weighted(&a, 1, 47);
    let (nb, db) = weighted(&b, 1, 47);
    assert_eq!(Rational::new(na, da), Rational::new(1251, 500));
    assert_eq!(Rational::new(nb, db), Rational::new(3997, 2000));
    assert_eq!(c.index.exact(), Some(Rational::new(1007, 2000)));
    assert_eq!(c.index.displayed(), Some(50));
    assert_eq!(c.index.direction(), Some(Direction::Up));
    assert_eq!(c.index.direction().map(Direction::arrow), Some("▲"));
    // Both years are Cukup (1.80 ≤ x < 2.60): same band.
    assert_eq!(
        (c.predicate.current, c.predicate.previous),
        (Some(1), Some(1))
    );
    assert_eq!(c.predicate.direction(), Some(Direction::Same));
}

#[test]
fn different_frameworks_compare_only_index_and_predicate() {
    let (now, now_json) = read("results/consolidated-pemdi-2026.json");
    let (before, _) = read("results/consolidated-spbe-2020-2025.json");
    let c = compare_files(&now, &before).expect("comparable as different instruments");
    assert!(!c.same_instrument);
    assert_eq!(
        (c.current_framework, c.previous_framework),
        ("pemdi-2026", "spbe-2020")
    );
    assert!(c.aspects.is_empty() && c.domains.is_empty() && c.indicators.is_empty());

    // Pemdi index, independently: Σ weight × value / 100, the missing external indicators
    // 5, 6, 7 and 18 taking the assumed 1.00 (PermenPANRB 8/2026; asesor practice 2026).
    let v = hundredths(&now_json);
    let mut num = 0;
    for (i, w) in PEMDI_WEIGHTS.iter().enumerate() {
        let id = (i + 1).to_string();
        num += w * v.get(&id).copied().unwrap_or(100);
    }
    assert_eq!(Rational::new(num, 100 * 100), Rational::new(3073, 2000));
    assert_eq!(c.index.current.displayed(), Some(shown(num, 100 * 100)));
    assert_eq!(c.index.current.displayed(), Some(154));
    assert_eq!(c.index.previous.displayed(), Some(200));
    // No difference is taken between two different instruments.
    assert_eq!(c.index.exact(), None);
    assert_eq!(c.index.displayed(), None);
    assert_eq!(c.index.direction(), None);
    // Predicates still compare by band: Pemdi 1.54 is Cukup (1.50 ≤ x < 2.50), SPBE 2.00 Cukup.
    assert_eq!(
        (c.predicate.current, c.predicate.previous),
        (Some(1), Some(1))
    );
    assert_eq!(c.predicate.direction(), Some(Direction::Same));
}

#[test]
fn an_incomplete_previous_file_is_compared_provisionally() {
    let (now, _) = read("results/consolidated-spbe-2020-2026.json");
    let (unit_file, _) = read("exchange/submission-bkpsdm-spbe-2020.json");
    let c = compare_files(&now, &unit_file).expect("a submission can serve as the previous period");
    assert!(
        c.index.is_provisional(),
        "the previous side covers only the unit's indicators"
    );
    // Indicators the unit did not answer have no change.
    let unanswered = c
        .indicators
        .iter()
        .find(|x| !unit_file.answers.contains_key(&x.id))
        .unwrap();
    assert_eq!(unanswered.change(), None);
    let notes = caveats(&now, &unit_file);
    assert!(
        notes.iter().any(|t| t.en.contains("one unit's submission")),
        "{notes:?}"
    );
}

#[test]
fn files_without_answers_are_refused_and_odd_pairs_are_flagged() {
    let (now, _) = read("results/consolidated-spbe-2020-2026.json");
    let (assignment, _) = read("exchange/assignment-bkpsdm-spbe-2020.json");
    let err = compare_files(&now, &assignment).unwrap_err();
    assert!(err.id.contains("penugasan"), "{err:?}");

    // The same file twice: the same period, every change zero.
    let c = compare_files(&now, &now).unwrap();
    assert!(c
        .indicators
        .iter()
        .all(|x| x.direction() == Some(Direction::Same)));
    assert_eq!(c.index.displayed(), Some(0));
    assert!(caveats(&now, &now)
        .iter()
        .any(|t| t.en.contains("same period")));
}

#[test]
fn national_averages_are_data_within_each_framework_range() {
    for fw in frameworks() {
        for avg in &fw.national_averages {
            assert!(
                avg.index >= fw.values.min && avg.index <= fw.values.max,
                "{} {}",
                fw.id,
                avg.year
            );
            assert!(
                !avg.source.id.is_empty() && !avg.source.en.is_empty(),
                "{} {} source",
                fw.id,
                avg.year
            );
        }
    }
    // spbe-2018.md: the national SPBE index of 2018 was 1.98.
    let fw = swanilai::domain::framework("spbe-2018").unwrap();
    let a = fw
        .national_averages
        .iter()
        .find(|a| a.year == 2018)
        .expect("2018 average");
    assert_eq!(a.index, Rational::new(198, 100));
}
