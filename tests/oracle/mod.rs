//! Independently known answers shared by the host tests: figures copied from the
//! regulations' tables, never read from the app's catalogue, so a wrong catalogue cannot
//! make its own test pass.

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
