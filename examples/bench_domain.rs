//! Host figures for the domain's heavier work, printed by `make bench` (timings are
//! measured here, never asserted in tests):
//!
//! * the target planner from all-lowest levels to several targets, per framework;
//! * the coordinator's merge of 100 unit files answering all 47 SPBE 2020 indicators,
//!   each with a 2 KB justification and three evidence items (the browser figure that
//!   counts is in scripts/bench-merge.mjs; this one shows where the host time goes).
//!
//! Run: `cargo run --release --example bench_domain`

use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;
use swanilai::domain::consolidation::{coverage, merge, to_consolidated, Workspace};
use swanilai::domain::exchange::{self, Timestamp, FORMAT, VERSION};
use swanilai::domain::planning::{plan, PlanOutcome, Target};
use swanilai::domain::{framework, Value};

fn planner() {
    println!("== target planner (from every indicator at its lowest level) ==");
    for (fw_id, lowest) in [("spbe-2020", 1u8), ("pemdi-2026", 1), ("spbe-2018", 0)] {
        let fw = framework(fw_id).expect("registered");
        let values: BTreeMap<String, Value> = fw
            .indicators
            .iter()
            .map(|i| (i.id.clone(), Value::from_level(lowest).expect("level")))
            .collect();
        for target in [260, 350, 420, 480] {
            let start = Instant::now();
            let steps = match plan(fw, &values, Target::Index(target), &BTreeSet::new()) {
                PlanOutcome::Plan { steps, .. } => steps,
                _ => 0,
            };
            println!(
                "{fw_id:<11} target {:.2}: {steps:>3} steps in {:?}",
                target as f64 / 100.0,
                start.elapsed()
            );
        }
    }
}

fn merge_100() {
    println!("\n== merge: 100 unit files × 47 SPBE 2020 indicators ==");
    let filler = "Fakta: dokumen kebijakan, pasal, halaman dan berkas bukti. ".repeat(35);
    let files: Vec<Vec<u8>> = (0..100)
        .map(|u| {
            let mut answers = serde_json::Map::new();
            for i in 1..=47 {
                let evidence: Vec<_> = (0..3)
                    .map(|e| json!({ "title": format!("Bukti {i}.{e}"), "reference": "hlm. 3", "link": format!("https://arsip.example.go.id/{u}/{i}/{e}"), "level": 3 }))
                    .collect();
                answers.insert(
                    i.to_string(),
                    json!({ "value": (i % 5) + 1, "justification": &filler[..2048], "evidence": evidence, "service": "Layanan" }),
                );
            }
            serde_json::to_vec(&json!({
                "format": FORMAT, "version": VERSION, "kind": "submission", "framework": "spbe-2020",
                "institution": "Pemerintah Kabupaten Contoh", "period": "2026",
                "unit": { "id": format!("unit-{u:03}"), "name": format!("Unit {u:03}") },
                "exported_at": "2026-11-28T09:30:00Z", "answers": answers,
            }))
            .expect("json")
        })
        .collect();
    let bytes: usize = files.iter().map(Vec::len).sum();

    let t = Instant::now();
    for f in &files {
        exchange::parse(f).expect("valid");
    }
    let validation = t.elapsed();

    let fw = framework("spbe-2020").expect("registered");
    let now = &Timestamp::parse("2026-12-01T03:00:00Z").expect("a time");
    let mut ws = Workspace::new(
        "bench".into(),
        fw,
        "Pemerintah Kabupaten Contoh".into(),
        "2026".into(),
        "Koordinator".into(),
        false,
        now,
    );
    let t = Instant::now();
    for f in &files {
        ws.import_bytes(f, "x.json", now).expect("imported");
    }
    let imported = t.elapsed();
    let m = merge(&ws);
    let c = coverage(&ws, &m);
    let file = to_consolidated(&ws, now);
    let total = t.elapsed();
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
    println!("validation alone: {validation:?}");
    println!("import (validation + merge into the workspace): {imported:?}");
    println!(
        "import + merge + coverage + consolidated file: {total:?} ({} coverage rows, {} answers)",
        c.rows.len(),
        file.answers.len()
    );
}

fn main() {
    planner();
    merge_100();
}
