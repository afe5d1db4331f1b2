//! Independently known answers shared by the host tests: figures copied from the
//! regulations' tables, never read from the app's catalogue, so a wrong catalogue cannot
//! make its own test pass.

// Each test crate uses part of the oracle.
#![allow(dead_code)]

/// PermenPANRB 59/2020 Tabel 9: the SPBE 2020 weight of indicator `n`, in hundredths of a
/// percent.
pub fn spbe2020_weight(n: u32) -> i64 {
    match n {
        1..=10 => 130,
        11..=20 => 250,
        21..=31 => 150,
        32..=41 => 275,
        42..=47 => 300,
        _ => panic!("SPBE 2020 has no indicator {n}"),
    }
}

/// The best public list of Pemdi 2026 evidence items (../shared/spbe/pemdi-2026-evidence-
/// items.csv): how many rows it has for each indicator (1–20) and level (1–5), counted in
/// the CSV itself.
pub const PEMDI_ITEM_ROWS: [[usize; 5]; 20] = [
    [1, 4, 4, 2, 3],
    [2, 1, 1, 1, 1],
    [5, 5, 5, 4, 6],
    [3, 2, 2, 2, 2],
    [1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1],
    [7, 7, 7, 7, 7],
    [2, 1, 1, 1, 1],
    [1, 2, 1, 1, 1],
    [1, 1, 1, 1, 2],
    [2, 3, 1, 1, 1],
    [3, 3, 4, 1, 1],
    [4, 2, 2, 1, 2],
    [2, 3, 2, 3, 2],
    [3, 2, 1, 2, 2],
    [2, 2, 4, 3, 2],
    [2, 2, 2, 2, 2],
    [2, 1, 1, 3, 2],
    [4, 3, 6, 5, 5],
];

/// CSV rows that are not items of their own (pemdi-2026-evidence.md): rows describing the
/// form of the item before them ("[Bentuk dokumentasi …]", "[Isi matriks …]") and the
/// placeholder of indicator 9 level 3, as (indicator, level).
pub const PEMDI_ROWS_NOT_ITEMS: [(usize, u8); 5] = [(15, 4), (16, 1), (16, 4), (16, 5), (9, 3)];

/// Indicators whose value comes from another agency's index and whose rows only name that
/// index: no checklist.
pub const PEMDI_INDEX_ONLY: [usize; 3] = [5, 6, 7];
