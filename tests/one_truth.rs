//! One truth for the file format (issue 9): whatever the reader (`exchange::parse`)
//! accepts, the serde types accept, the JSON Schema (docs/swanilai.schema.json) accepts,
//! and writing it back then reading it again gives the same file; its digest is the one
//! docs/FORMAT.md defines.
//!
//! Every valid fixture is mutated field by field: each of its values (in lists and maps of
//! ids, the first entries stand for the rest) is removed, replaced by every JSON type
//! (null, booleans, numbers in and out of range, empty and unicode texts, a time, a date,
//! lists, objects), nudged (numbers ±, texts with unicode), and every object gets an
//! unknown field. A proptest adds random values at random places. Here the reader and
//! serde are compared and accepted files round-tripped; each case is also written to
//! `target/one-truth/cases.jsonl` with both verdicts, and `tests/schema.test.mjs` (run
//! after `cargo test` by `make test`) checks the schema's verdict on the same set.
//!
//! A field added later is covered as soon as a fixture holds it: its place is mutated like
//! every other. `every_field_is_declared_named_and_exemplified` makes sure that happens.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use swanilai::domain::consolidation::{digest, Coordination, Workspace, COORDINATION_KEY};
use swanilai::domain::exchange::{self, words, ExchangeFile, Kind, Problem, Timestamp};
use swanilai::domain::round_trip;

const FIXTURES: &[&str] = &[
    "assignment-bkpsdm-spbe-2020.json",
    "submission-bkpsdm-spbe-2020.json",
    "submission-diskominfo-pemdi-2026.json",
    "submission-spbe-2018.json",
    "consolidated-spbe-2020.json",
    "submission-bkpsdm-documents-spbe-2020.json",
    "consolidated-pemdi-2026-items.json",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Json {
    let bytes = std::fs::read(root().join("tests/fixtures/exchange").join(name)).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// One mutation of a fixture, in a form the schema test applies the same way.
#[derive(Clone, Debug)]
enum Op {
    Set(String, Json),
    Remove(String),
}

fn apply(v: &Json, op: &Op) -> Option<Json> {
    let mut v = v.clone();
    let (pointer, new) = match op {
        Op::Set(p, new) => (p, Some(new.clone())),
        Op::Remove(p) => (p, None),
    };
    if pointer.is_empty() {
        return new;
    }
    let (parent, key) = pointer.rsplit_once('/')?;
    let key = key.replace("~1", "/").replace("~0", "~");
    match (v.pointer_mut(parent)?, new) {
        (Json::Object(o), Some(n)) => {
            o.insert(key, n);
        }
        (Json::Object(o), None) => {
            o.remove(&key)?;
        }
        (Json::Array(a), Some(n)) => *a.get_mut(key.parse::<usize>().ok()?)? = n,
        (Json::Array(a), None) => {
            let i = key.parse::<usize>().ok()?;
            (i < a.len()).then(|| a.remove(i))?;
        }
        _ => return None,
    }
    Some(v)
}

/// The reader's refusals that the schema cannot express (its description and
/// docs/FORMAT.md "The JSON Schema" list them). Told apart by their messages.
fn reader_only(problems: &[Problem]) -> bool {
    const ONLY_READER: &[&str] = &[
        "lebih baru",               // a newer version
        "terlalu banyak desimal",   // Pemdi: at most two decimals
        "bukan waktu yang sah",     // a time whose date does not exist
        "bukan tanggal yang sah",   // a date that does not exist
        "sekaligus",                // an id in both lead and support
        "tidak ada di \"answers\"", // provenance of an unanswered indicator
        "Merujuk keputusan nomor",  // a decision index past the end
        "tidak diizinkan dalam",    // an exact fraction outside the framework's values
    ];
    problems
        .iter()
        .filter(|p| p.is_error())
        .all(|p| ONLY_READER.iter().any(|w| p.message.id.contains(w)))
}

struct Verdict {
    reader: bool,
    serde: bool,
    reader_only: bool,
}

/// Reader, serde and the round trip on one mutated file; panics where they disagree.
fn judge(name: &str, op: &Op, file: &Json) -> Verdict {
    let bytes = serde_json::to_vec(file).unwrap();
    let read = exchange::parse(&bytes);
    let typed = serde_json::from_value::<ExchangeFile>(file.clone());
    let coordination = file.get(COORDINATION_KEY).map_or(Ok(()), |c| {
        serde_json::from_value::<Coordination>(c.clone()).map(drop)
    });
    let serde = typed.is_ok() && coordination.is_ok();
    let what = format!("{name} {op:?}");
    match &read {
        Ok(parsed) => {
            assert!(
                serde,
                "{what}: the reader accepts what serde refuses: {:?} {coordination:?}",
                typed.err()
            );
            round_trip::parse(&bytes);
            assert_eq!(
                digest(&parsed.file),
                reference_digest(&parsed.file),
                "{what}: the digest is not FNV-1a of serde_json's compact text"
            );
            if parsed.file.kind == Kind::Consolidated {
                let now = Timestamp::parse("2026-12-03T00:00:00Z").unwrap();
                if let Err(p) = Workspace::from_consolidated("t".into(), &parsed.file, &now) {
                    panic!("{what}: accepted but does not reopen: {p:?}");
                }
            }
        }
        Err(problems) => {
            for p in problems {
                let m = &p.message;
                const SERDE: &[&str] = &[
                    "invalid type",
                    "invalid value",
                    "missing field",
                    "unknown variant",
                    "cannot be read",
                ];
                assert!(
                    !SERDE.iter().any(|w| m.en.contains(w)) && !m.id.is_empty(),
                    "{what}: serde's words reached the user: {p}"
                );
            }
        }
    }
    Verdict {
        reader: read.is_ok(),
        serde,
        reader_only: read.as_ref().err().is_some_and(|p| reader_only(p)),
    }
}

/// FNV-1a 64 of serde_json's own compact text of the file's `Value` (docs/FORMAT.md,
/// `sources[].digest`): the app writes that text with a writer of its own, piece by piece,
/// and a file must keep its digest whatever reads it (a file received twice is recognised
/// by it, also across versions).
fn reference_digest(file: &ExchangeFile) -> String {
    let text = serde_json::to_vec(&serde_json::to_value(file).unwrap()).unwrap();
    let h = text.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{h:016x}")
}

/// Every pointer of `v` worth mutating: all of it, except that in a list only the first
/// item and in a map of many ids only the first two entries count (the rest are more of
/// the same).
fn pointers(v: &Json, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Json::Object(o) => {
            let many = o.len() > 6;
            for (i, (k, x)) in o.iter().enumerate() {
                if many && i >= 2 && !k.starts_with(|c: char| c.is_ascii_lowercase()) {
                    continue;
                }
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(x, format!("{at}/{k}"), out);
            }
        }
        Json::Array(a) => {
            for (i, x) in a.iter().take(1).enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn replacements(original: &Json) -> Vec<Json> {
    let mut out = vec![
        Json::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(2.5),
        json!(7),
        json!(1e300),
        json!(""),
        json!("  "),
        json!("Dinas ü€ 😀 \u{202e}<script>alert(1)</script>"),
        json!("2026-11-28T09:30:00Z"),
        json!("2024-01-31"),
        json!(["36"]),
        json!({ "x": 1 }),
    ];
    match original {
        Json::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            out.extend([json!(x + 0.001), json!(x + 1.0), json!(-x)]);
        }
        Json::String(s) => out.push(json!(format!("{s} — é 中文 \u{0}"))),
        Json::Object(o) => {
            let mut more = o.clone();
            more.insert("x_added_by_a_newer_tool".into(), json!({ "n": [1, "a"] }));
            out.push(Json::Object(more));
        }
        Json::Array(a) => {
            let mut more = a.clone();
            if let Some(first) = a.first() {
                more.push(first.clone());
            }
            out.push(Json::Array(more));
        }
        _ => {}
    }
    out
}

fn case_line(name: &str, op: &Op, v: &Verdict) -> String {
    let (kind, pointer, value) = match op {
        Op::Set(p, x) => ("set", p, x.clone()),
        Op::Remove(p) => ("remove", p, Json::Null),
    };
    json!({
        "fixture": name, "op": kind, "pointer": pointer, "value": value,
        "reader": v.reader, "serde": v.serde, "reader_only": v.reader_only,
    })
    .to_string()
}

/// Writes the cases for tests/schema.test.mjs.
fn write_cases(file: &str, lines: &[String]) {
    let dir = root().join("target/one-truth");
    std::fs::create_dir_all(&dir).unwrap();
    let mut f = std::fs::File::create(dir.join(file)).unwrap();
    for line in lines {
        writeln!(f, "{line}").unwrap();
    }
}

#[test]
fn reader_serde_and_round_trip_agree_field_by_field() {
    let mut counts = (0, 0);
    let mut lines = Vec::new();
    for name in FIXTURES {
        let original = fixture(name);
        let mut at = Vec::new();
        pointers(&original, String::new(), &mut at);
        for pointer in at {
            let target = original.pointer(&pointer).unwrap().clone();
            let mut ops: Vec<Op> = replacements(&target)
                .into_iter()
                .map(|x| Op::Set(pointer.clone(), x))
                .collect();
            if !pointer.is_empty() {
                ops.push(Op::Remove(pointer.clone()));
            }
            for op in ops {
                let Some(mutated) = apply(&original, &op) else {
                    continue;
                };
                let v = judge(name, &op, &mutated);
                counts.0 += 1;
                counts.1 += usize::from(v.reader);
                lines.push(case_line(name, &op, &v));
            }
        }
    }
    write_cases("sweep.jsonl", &lines);
    // Both outcomes occur in numbers: the sweep is not all refusals or all acceptances.
    eprintln!("{} cases, {} accepted", counts.0, counts.1);
    assert!(
        counts.0 > 1500 && counts.1 > 150 && counts.1 < counts.0 / 2,
        "{counts:?}"
    );
}

fn leaf() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-10.0f64..10.0).prop_map(|x| json!(x)),
        (0u32..600).prop_map(|h| json!(f64::from(h) / 100.0)),
        any::<String>().prop_map(Json::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2}))?"
            .prop_map(Json::String),
    ]
}

fn value() -> impl Strategy<Value = Json> {
    leaf().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Json::Array),
            prop::collection::btree_map("[a-z_]{1,8}|[0-9]{1,2}", inner, 0..3)
                .prop_map(|m| Json::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_values_at_random_places_agree(
        which in 0..FIXTURES.len(),
        place in any::<prop::sample::Index>(),
        new in value(),
        remove in any::<bool>(),
    ) {
        let name = FIXTURES[which];
        let original = fixture(name);
        let mut at = Vec::new();
        pointers(&original, String::new(), &mut at);
        let pointer = place.get(&at).clone();
        let op = if remove && !pointer.is_empty() { Op::Remove(pointer) } else { Op::Set(pointer, new) };
        if let Some(mutated) = apply(&original, &op) {
            judge(name, &op, &mutated);
        }
    }
}

/// The same strategy, run deterministically, gives the schema test its random cases.
#[test]
fn random_cases_are_written_for_the_schema() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (0..FIXTURES.len(), any::<prop::sample::Index>(), value());
    let mut lines = Vec::new();
    for _ in 0..400 {
        let (which, place, new) = strategy.new_tree(&mut runner).unwrap().current();
        let name = FIXTURES[which];
        let original = fixture(name);
        let mut at = Vec::new();
        pointers(&original, String::new(), &mut at);
        let op = Op::Set(place.get(&at).clone(), new);
        if let Some(mutated) = apply(&original, &op) {
            lines.push(case_line(name, &op, &judge(name, &op, &mutated)));
        }
    }
    write_cases("random.jsonl", &lines);
}

/// The fields a file can hold, gathered from the schema's `properties` (top level and
/// every `$defs` entry).
fn schema_fields() -> BTreeSet<String> {
    let schema: Json =
        serde_json::from_slice(&std::fs::read(root().join("docs/swanilai.schema.json")).unwrap())
            .unwrap();
    let mut out = BTreeSet::new();
    fn walk(v: &Json, out: &mut BTreeSet<String>) {
        match v {
            Json::Object(o) => {
                if let Some(Json::Object(props)) = o.get("properties") {
                    out.extend(props.keys().cloned());
                }
                o.values().for_each(|x| walk(x, out));
            }
            Json::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&schema, &mut out);
    out
}

/// The field names in `v`, not counting the keys of maps keyed by ids.
fn fields_in(v: &Json, parent: &str, out: &mut BTreeSet<String>) {
    use words::ID_MAPS;
    match v {
        Json::Object(o) => {
            for (k, x) in o {
                if ID_MAPS.contains(&parent) {
                    fields_in(x, "", out);
                } else {
                    out.insert(k.clone());
                    fields_in(x, k, out);
                }
            }
        }
        Json::Array(a) => a.iter().for_each(|x| fields_in(x, "", out)),
        _ => {}
    }
}

/// How another engineer's new field stays covered: it must be declared in the schema,
/// named in words (`exchange::words::FIELDS`) and present in a fixture, so the sweep
/// above mutates it; and whatever the types write must be declared in the schema.
#[test]
fn every_field_is_declared_named_and_exemplified() {
    let declared = schema_fields();
    let named: BTreeSet<String> = words::FIELDS
        .iter()
        .map(|(k, _, _)| k.to_string())
        .collect();
    let mut in_fixtures = BTreeSet::new();
    let mut written = BTreeSet::new();
    for name in FIXTURES {
        let v = fixture(name);
        fields_in(&v, "", &mut in_fixtures);
        let parsed = exchange::parse(&serde_json::to_vec(&v).unwrap()).unwrap();
        fields_in(
            &serde_json::to_value(&parsed.file).unwrap(),
            "",
            &mut written,
        );
    }
    let undeclared: Vec<_> = written
        .difference(&declared)
        .filter(|k| !k.starts_with("x_"))
        .collect();
    assert!(
        undeclared.is_empty(),
        "written but not in the schema: {undeclared:?}"
    );
    let unnamed: Vec<_> = declared.difference(&named).collect();
    assert!(
        unnamed.is_empty(),
        "in the schema but without words in exchange::words::FIELDS: {unnamed:?}"
    );
    let missing: Vec<_> = declared.difference(&in_fixtures).collect();
    assert!(
        missing.is_empty(),
        "in the schema but in no fixture (so never mutated): {missing:?}"
    );
}
