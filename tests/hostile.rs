//! The hostile-file corpus (tests/fixtures/hostile, written by scripts/hostile-fixtures.mjs)
//! through the domain, fast: every file the manifest says must be refused is refused with a
//! problem at the stated JSON path whose Indonesian message names what is wrong, and every
//! file it says must open opens. The same manifest drives the browser test
//! (e2e/hostile.test.mjs), which adds storage and the page; this one points at the reader
//! when a case fails.
//!
//! The expected paths are where the generator put each fault, not what the reader said.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use std::path::PathBuf;
use swanilai::domain::catalogue::framework;
use swanilai::domain::consolidation::Workspace;
use swanilai::domain::exchange::{self, Problem, Severity};

#[derive(Deserialize)]
struct Manifest {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    expect: Expect,
    coordinator: Option<Expect>,
    #[serde(default)]
    generate: Option<serde_json::Value>,
    #[serde(default)]
    pending: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
enum Expect {
    Refused { path: String, mentions: Vec<String> },
    Accepted { warning: Option<String> },
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// Serde's own wording, which must never reach a user.
const SERDE_ENGLISH: [&str; 5] = [
    "invalid type",
    "missing field",
    "unknown variant",
    "expected",
    "at line",
];

/// Whether `got` answers `want`; the reason when it does not.
fn check(want: &Expect, got: Result<Vec<Problem>, Vec<Problem>>) -> Result<(), String> {
    let list = |ps: &[Problem]| {
        ps.iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match (want, got) {
        (Expect::Refused { path, mentions }, Err(problems)) => {
            let at = problems
                .iter()
                .find(|p| p.severity == Severity::Error && &p.path == path)
                .ok_or_else(|| format!("no error at {path}: {}", list(&problems)))?;
            for word in mentions {
                if !at.message.id.contains(word.as_str()) {
                    return Err(format!("the message at {path} does not say {word:?}: {at}"));
                }
            }
            if let Some(w) = SERDE_ENGLISH.iter().find(|w| at.message.id.contains(*w)) {
                return Err(format!("serde's English ({w:?}) in the message: {at}"));
            }
            Ok(())
        }
        (Expect::Refused { path, .. }, Ok(warnings)) => Err(format!(
            "opened, but must be refused at {path} (warnings: {})",
            list(&warnings)
        )),
        (Expect::Accepted { warning }, Ok(warnings)) => match warning {
            Some(w) if !warnings.iter().any(|p| &p.path == w) => {
                Err(format!("no warning at {w}: {}", list(&warnings)))
            }
            _ => Ok(()),
        },
        (Expect::Accepted { .. }, Err(problems)) => {
            Err(format!("refused, but must open: {}", list(&problems)))
        }
    }
}

#[test]
fn every_hostile_file_gets_the_answer_its_manifest_states() {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(dir().join("manifest.json")).expect("run scripts/hostile-fixtures.mjs"),
    )
    .unwrap();
    assert!(manifest.cases.len() >= 60, "at least 60 cases");
    let fw = framework("spbe-2020").unwrap();
    let mut failures = Vec::new();
    let mut pending = Vec::new();
    for case in &manifest.cases {
        let bytes = match &case.generate {
            // The 50 MB file: only its size matters to the reader.
            Some(_) => vec![b' '; 50 * 1024 * 1024],
            None => std::fs::read(dir().join(&case.file)).unwrap(),
        };
        // The unit's "open a file": the reader alone.
        let unit = exchange::parse(&bytes).map(|p| p.warnings);
        // The coordinator's import: the reader, then the workspace's own rules.
        let now = swanilai::domain::exchange::Timestamp::parse("2026-12-01T00:00:00Z").unwrap();
        let mut ws = Workspace::new(
            "w".into(),
            fw,
            "Pemerintah Kabupaten Karanganyar".into(),
            "2026".into(),
            "Tim".into(),
            true,
            &now,
        );
        let before = ws.clone();
        let coordinator = ws
            .import_bytes(&bytes, &case.file, &now)
            .map(|r| r.warnings);
        if coordinator.is_err() {
            assert_eq!(
                ws, before,
                "{}: a refused import changed the workspace",
                case.file
            );
        }
        for (flow, want, got) in [
            ("unit", &case.expect, unit),
            (
                "coordinator",
                case.coordinator.as_ref().unwrap_or(&case.expect),
                coordinator,
            ),
        ] {
            if let Err(why) = check(want, got) {
                let line = format!("{} ({flow}): {why}", case.file);
                match &case.pending {
                    Some(branch) => pending.push(format!("{line} [waits for {branch}]")),
                    None => failures.push(line),
                }
            }
        }
    }
    if !pending.is_empty() {
        eprintln!("cases waiting for a reader fix:\n{}", pending.join("\n"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
