//! Every input a fuzz target (fuzz/) once failed on, replayed through the same check
//! (`swanilai::domain::round_trip`), and the fixtures the fuzz corpus is seeded with. A
//! crash found by `make fuzz` is added as a file under tests/fixtures/fuzz/<target>/.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use swanilai::domain::round_trip;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn replay(target: &str, check: fn(&[u8])) {
    for f in files(&root().join("fuzz").join(target)) {
        let bytes = std::fs::read(&f).unwrap();
        eprintln!("{}", f.display());
        check(&bytes);
    }
}

#[test]
fn parse_regressions() {
    replay("parse", round_trip::parse);
}

#[test]
fn draft_round_trip_regressions() {
    replay("draft_round_trip", round_trip::draft);
}

#[test]
fn workspace_regressions() {
    replay("workspace", round_trip::workspace);
}

#[test]
fn bundle_regressions() {
    replay("bundle", round_trip::bundle);
}

/// The bundle target's seeds hold: every zip of tests/fixtures/zip (bundles, zips from
/// other tools, hostile ones), and a real bundle does round-trip through it.
#[test]
fn the_zip_fixtures_survive_the_bundle_round_trip() {
    let zips: Vec<PathBuf> = files(&root().join("zip"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    assert!(zips.len() >= 8, "{zips:?}");
    for f in &zips {
        round_trip::bundle(&std::fs::read(f).unwrap());
    }
    let bundle = std::fs::read(root().join("zip/bundle-python.zip")).unwrap();
    assert!(swanilai::domain::bundle::open(&bundle).is_ok_and(|b| !b.documents.is_empty()));
}

/// The seeds hold too: every fixture through the parse and draft round trips, and the
/// coordinator's fixtures fed to one workspace per framework.
#[test]
fn the_fixtures_survive_every_round_trip() {
    let mut all = Vec::new();
    for dir in ["exchange", "exchange/invalid", "coordinator"] {
        all.extend(files(&root().join(dir)));
    }
    let all: Vec<PathBuf> = all.into_iter().filter(|p| p.is_file()).collect();
    assert!(all.len() > 20, "{all:?}");
    for f in &all {
        let bytes = std::fs::read(f).unwrap();
        round_trip::parse(&bytes);
        round_trip::draft(&bytes);
    }
    for framework in 0..3u8 {
        let mut input = vec![framework];
        for f in files(&root().join("coordinator")) {
            input.extend(std::fs::read(f).unwrap());
            input.extend(round_trip::FILE_SEPARATOR);
        }
        round_trip::workspace(&input);
    }
}
