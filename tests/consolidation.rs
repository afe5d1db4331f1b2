//! The coordinator's consolidation (issue 4): importing many unit files, supersession,
//! conflicts, decisions, provenance, the consolidated file and reopening it.
//!
//! Scenarios are rows of tests/fixtures/coordinator/scenarios.json: files imported in
//! order, and what must come out, worked out by hand from the fixture files. Expected
//! index figures come from the regulation's weights (PermenPANRB 59/2020 Tabel 9), written
//! out below, with integer arithmetic.

mod oracle;

use oracle::spbe2020_weight;
use proptest::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;
use swanilai::domain::catalogue::framework;
use swanilai::domain::consolidation::{
    assignment_file, coverage, merge, to_consolidated, CellState, Coordination, Digested,
    HistoryReason, Imported, Role, Settlement, Status, Workspace, COORDINATION_KEY,
    PROVENANCE_DIGEST,
};
use swanilai::domain::exchange::{
    self, Answer, ExchangeFile, Kind, Rule, Timestamp, UnitRef, FORMAT, VERSION,
};
use swanilai::domain::local_time::LocalTime;
use swanilai::domain::value::Value;

static NOW: LazyLock<Timestamp> = LazyLock::new(|| time("2026-12-01T03:00:00Z"));
static LATER: LazyLock<Timestamp> = LazyLock::new(|| time("2026-12-02T04:00:00Z"));

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| panic!("{text} is a time"))
}
const INSTITUTION: &str = "Pemerintah Kabupaten Karanganyar";

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/coordinator")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn workspace() -> Workspace {
    Workspace::new(
        "ws1".into(),
        framework("spbe-2020").unwrap(),
        INSTITUTION.into(),
        "2026".into(),
        "Koordinator SPBE Diskominfo".into(),
        true,
        &NOW,
    )
}

fn import(ws: &mut Workspace, name: &str) -> Imported {
    ws.import_bytes(&fixture(name), name, &NOW)
        .unwrap_or_else(|p| panic!("{name} refused: {p:?}"))
        .outcome
}

fn v(level: u8) -> Value {
    Value::from_level(level).unwrap()
}

/// The consolidated file, checked by the same validator every reader uses: no errors and
/// no warnings (a warning would mean, e.g., provenance missing or figures that disagree).
fn consolidated(ws: &Workspace, now: &Timestamp) -> ExchangeFile {
    let file = to_consolidated(ws, now);
    let bytes = serde_json::to_vec_pretty(&file).unwrap();
    match exchange::parse(&bytes) {
        Ok(parsed) => assert!(
            parsed.warnings.is_empty(),
            "warnings: {:?}",
            parsed.warnings
        ),
        Err(problems) => panic!("consolidated file refused: {problems:?}"),
    }
    file
}

// ------------------------------------------------------------------------------ scenarios

#[derive(Deserialize)]
struct Scenario {
    name: String,
    files: Vec<String>,
    outcomes: Vec<String>,
    values: BTreeMap<String, u8>,
    unsettled: Vec<String>,
    current: BTreeMap<String, String>,
    history: Vec<(String, String, String)>,
    #[serde(default)]
    new_units: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
}

fn outcome_name(o: &Result<Imported, ()>) -> &'static str {
    match o {
        Ok(Imported::Added { .. }) => "added",
        Ok(Imported::Replaced { .. }) => "replaced",
        Ok(Imported::Older { .. }) => "older",
        Ok(Imported::Duplicate { .. }) => "duplicate",
        Ok(Imported::Completed { .. }) => "completed",
        Err(()) => "refused",
    }
}

#[test]
fn scenarios_import_supersede_and_conflict_as_specified() {
    let scenarios: Vec<Scenario> = serde_json::from_slice(&fixture("scenarios.json")).unwrap();
    assert!(scenarios.len() >= 10);
    for s in scenarios {
        let mut ws = workspace();
        let units_before: Vec<String> = ws.units.iter().map(|u| u.id.clone()).collect();
        let mut outcomes = Vec::new();
        let mut warnings = Vec::new();
        for f in &s.files {
            let before = ws.clone();
            match ws.import_bytes(&fixture(f), f, &NOW) {
                Ok(r) => {
                    warnings.extend(r.warnings.iter().map(|p| p.path.clone()));
                    if !r.changed() {
                        assert_eq!(ws, before, "{}: a duplicate changed the workspace", s.name);
                    }
                    outcomes.push(Ok(r.outcome));
                }
                Err(problems) => {
                    assert!(
                        problems.iter().any(|p| p.is_error()),
                        "{}: refusal without an error",
                        s.name
                    );
                    assert_eq!(
                        ws, before,
                        "{}: a refused file changed the workspace",
                        s.name
                    );
                    outcomes.push(Err(()));
                }
            }
        }
        let names: Vec<&str> = outcomes.iter().map(outcome_name).collect();
        assert_eq!(names, s.outcomes, "{}: outcomes", s.name);

        let m = merge(&ws);
        let values: BTreeMap<String, u8> = m
            .values()
            .into_iter()
            .map(|(k, v)| (k, v.floor_level()))
            .collect();
        assert_eq!(values, s.values, "{}: merged values", s.name);
        let unsettled: Vec<String> = m.unsettled().map(|i| i.indicator.clone()).collect();
        assert_eq!(unsettled, s.unsettled, "{}: unsettled", s.name);

        let current: BTreeMap<String, String> = ws
            .submissions
            .iter()
            .map(|s| (s.unit.id.clone(), s.exported_at.to_string()))
            .collect();
        assert_eq!(current, s.current, "{}: current files", s.name);
        let history: Vec<(String, String, String)> = ws
            .history
            .iter()
            .map(|h| {
                let reason = match h.reason {
                    HistoryReason::Replaced { .. } => "replaced",
                    HistoryReason::ArrivedOlder { .. } => "arrived_older",
                    HistoryReason::Withdrawn { .. } => "withdrawn",
                };
                (
                    h.unit.id.clone(),
                    h.exported_at.to_string(),
                    reason.to_string(),
                )
            })
            .collect();
        assert_eq!(history, s.history, "{}: history", s.name);

        let added: Vec<String> = ws
            .units
            .iter()
            .map(|u| u.id.clone())
            .filter(|id| !units_before.contains(id))
            .collect();
        assert_eq!(added, s.new_units, "{}: units added", s.name);
        for w in &s.warnings {
            assert!(
                warnings.contains(w),
                "{}: expected a warning at {w}, got {warnings:?}",
                s.name
            );
        }
        // Whatever happened, the consolidated file is valid and accounts for every answer.
        check_provenance(&ws, &consolidated(&ws, &LATER));
    }
}

#[test]
fn importing_the_same_file_twice_is_idempotent() {
    for name in ["diskominfo.json", "bkpsdm-e2e.json", "bkpsdm-old.json"] {
        let mut ws = workspace();
        import(&mut ws, name);
        let once = ws.clone();
        let again = ws
            .import_bytes(&fixture(name), "other-name.json", &LATER)
            .unwrap();
        assert!(
            matches!(again.outcome, Imported::Duplicate { ref received_at, .. } if *received_at == *NOW),
            "{name}"
        );
        assert_eq!(ws, once, "{name}: second import changed the workspace");
    }
}

#[test]
fn two_files_stamped_with_the_same_instant_are_ordered_the_same_whatever_arrives_first() {
    // bkpsdm-new says 09:30+07:00, bkpsdm-same-time says 02:30Z: the same instant.
    let mut a = workspace();
    import(&mut a, "bkpsdm-new.json");
    let r = a
        .import_bytes(&fixture("bkpsdm-same-time.json"), "x", &NOW)
        .unwrap();
    assert!(
        r.warnings.iter().any(|p| p.path == "$.exported_at"),
        "the coordinator is told"
    );
    let mut b = workspace();
    import(&mut b, "bkpsdm-same-time.json");
    b.import_bytes(&fixture("bkpsdm-new.json"), "x", &NOW)
        .unwrap();
    assert_eq!(a.submissions[0].digest, b.submissions[0].digest);
    assert_eq!(a.history.len(), 1);
    assert_eq!(merge(&a), merge(&b));
}

// ------------------------------------------------------------------------------ digest

/// The digests of two fixtures as the first implementation computed them (FNV-1a 64 over
/// `serde_json::to_writer` of the file's `Value`, before the hand-written writer):
/// workspaces saved since hold digests like these, and a file received again must still
/// be recognised as the same file.
#[test]
fn a_file_digest_is_the_one_saved_workspaces_hold() {
    let digest = |name: &str| {
        swanilai::domain::consolidation::digest(&exchange::parse(&fixture(name)).unwrap().file)
    };
    assert_eq!(digest("bkpsdm-new.json"), "cfc28c3bed6eff50");
    assert_eq!(digest("bkpsdm-new-reformatted.json"), "cfc28c3bed6eff50");
    assert_eq!(digest("diskominfo.json"), "a6414ac8b45e54e0");
}

/// Any JSON value: texts from the whole of Unicode with the characters JSON escapes
/// (quotes, backslashes, every control character) made frequent, and numbers of every kind.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let text = proptest::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            2 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
            1 => Just('"'),
            1 => Just('\\'),
            1 => Just('\u{7f}'),
        ],
        0..24,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        text.clone().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(text.clone(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The digest's hand-written compact writer gives serde_json's bytes exactly.
    #[test]
    fn the_digest_writer_writes_what_serde_json_writes(value in any_json()) {
        let mut ours = Vec::new();
        swanilai::domain::json::compact(&value, &mut |piece| ours.extend_from_slice(piece));
        let theirs = serde_json::to_vec(&value).unwrap();
        prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }
}

// ------------------------------------------------------------------------------ order

fn import_all(names: &[&str]) -> Workspace {
    let mut ws = workspace();
    for n in names {
        let _ = ws.import_bytes(&fixture(n), n, &NOW);
    }
    ws
}

const NO_CONFLICT: &[&str] = &[
    "diskominfo.json",
    "bag-hukum-agree.json",
    "inspektorat.json",
    "bkpsdm-old.json",
    "bkpsdm-new.json",
    "bkpsdm-new.json",
    "dinas-pariwisata.json",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_fixture_files_does_not_depend_on_their_order(order in Just(NO_CONFLICT.to_vec()).prop_shuffle()) {
        let reference = import_all(NO_CONFLICT);
        let shuffled = import_all(&order);
        prop_assert_eq!(merge(&shuffled), merge(&reference));
        prop_assert_eq!(to_consolidated(&shuffled, &LATER), to_consolidated(&reference, &LATER));
        // The same units and current files; only a history entry's reason may differ
        // ("replaced" or "arrived older", depending on which came first).
        prop_assert_eq!(&shuffled.units, &reference.units);
        prop_assert_eq!(&shuffled.submissions, &reference.submissions);
    }
}

/// A generated unit file: `unit` (of a small pool), a day of November, and answers whose
/// value is fixed per indicator when `agree` (so files never conflict), free otherwise.
fn generated(unit: usize, day: u8, hour: u8, answers: &[(usize, u8)], agree: bool) -> Vec<u8> {
    let ids = [
        "diskominfo",
        "bappeda",
        "bkpsdm",
        "inspektorat",
        "bag-hukum",
        "dinas-baru",
    ];
    let mut map = serde_json::Map::new();
    for &(ind, level) in answers {
        let ind = ind % 47 + 1;
        let value = if agree { (ind % 5 + 1) as u8 } else { level };
        let answer = serde_json::json!({ "value": value, "justification": format!("Fakta: {unit}/{day}/{ind}"), "service": "Layanan uji" });
        map.insert(ind.to_string(), answer);
    }
    let file = serde_json::json!({
        "format": FORMAT, "version": VERSION, "kind": "submission", "framework": "spbe-2020",
        "institution": INSTITUTION, "period": "2026",
        "unit": { "id": ids[unit % ids.len()], "name": format!("Unit {}", ids[unit % ids.len()]) },
        "exported_at": format!("2026-11-{:02}T{:02}:00:00Z", day % 28 + 1, hour % 24),
        "answers": map,
    });
    serde_json::to_vec(&file).unwrap()
}

/// (unit, day, hour, answers as (indicator position, level)): shrinks to readable cases.
type Spec = (usize, u8, u8, Vec<(usize, u8)>);

fn file_strategy() -> impl Strategy<Value = Vec<Spec>> {
    let file = (
        0usize..6,
        0u8..5,
        0u8..3,
        proptest::collection::vec((0usize..47, 1u8..=5), 0..12),
    );
    proptest::collection::vec(file, 1..9)
}

fn import_generated(files: &[Spec], agree: bool) -> Workspace {
    let mut ws = workspace();
    for (u, d, h, a) in files {
        ws.import_bytes(&generated(*u, *d, *h, a, agree), "generated.json", &NOW)
            .expect("generated files are valid");
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn merging_without_conflicts_is_deterministic_and_order_independent(
        (files, shuffled) in file_strategy().prop_flat_map(|f| (Just(f.clone()), Just(f).prop_shuffle()))
    ) {
        let a = import_generated(&files, true);
        let b = import_generated(&shuffled, true);
        prop_assert_eq!(merge(&a).conflicts().count(), 0);
        prop_assert_eq!(merge(&a), merge(&b));
        prop_assert_eq!(to_consolidated(&a, &LATER), to_consolidated(&b, &LATER));
        // Importing everything a second time changes nothing.
        let mut again = a.clone();
        for (u, d, h, ans) in &files {
            again.import_bytes(&generated(*u, *d, *h, ans, true), "generated.json", &LATER).unwrap();
        }
        prop_assert_eq!(again, a.clone());
        check_provenance(&a, &consolidated(&a, &LATER));
    }

    #[test]
    fn conflicts_exist_exactly_where_current_values_differ(files in file_strategy()) {
        let ws = import_generated(&files, false);
        let m = merge(&ws);
        for item in &m.items {
            // Independently: the values of the current files for this indicator.
            let mut values: Vec<Value> = ws.submissions.iter().filter_map(|s| s.answers.get(&item.indicator).map(|a| a.value)).collect();
            values.sort();
            values.dedup();
            prop_assert_eq!(item.is_conflict(), values.len() > 1, "indicator {}", &item.indicator);
            prop_assert_eq!(item.status == Status::Unanswered, values.is_empty());
            if values.len() == 1 {
                prop_assert_eq!(item.value(), Some(values[0]));
            } else {
                prop_assert_eq!(item.value(), None, "an unsettled conflict has no value");
            }
        }
        // Order does not matter even with conflicts.
        let mut reversed = files.clone();
        reversed.reverse();
        prop_assert_eq!(merge(&import_generated(&reversed, false)), m);
        check_provenance(&ws, &consolidated(&ws, &LATER));
    }
}

/// Every answer of the consolidated file says where it came from, and that place holds it.
fn check_provenance(ws: &Workspace, file: &ExchangeFile) {
    let answered: Vec<&String> = file.answers.keys().collect();
    let covered: Vec<&String> = file.provenance.keys().collect();
    assert_eq!(answered, covered, "provenance for exactly the answers");
    for (id, p) in &file.provenance {
        let value = file.answers[id].value;
        if let Some(d) = p.decision {
            let d = &file.decisions[d];
            assert_eq!(&d.indicator, id);
            assert_eq!(d.value, value);
            assert_eq!(d.chosen_unit, p.unit);
        }
        match &p.unit {
            Some(unit) => {
                let digest = p
                    .extra
                    .get(PROVENANCE_DIGEST)
                    .and_then(|d| d.as_str())
                    .expect("provenance names the file's digest");
                let source = file
                    .sources
                    .iter()
                    .find(|s| {
                        &s.unit.id == unit
                            && Some(&s.exported_at) == p.exported_at.as_ref()
                            && s.digest == digest
                    })
                    .unwrap_or_else(|| panic!("indicator {id}: no source {unit}"));
                assert!(
                    source.superseded_by.is_none(),
                    "indicator {id} comes from a superseded file"
                );
                assert!(source.answered.contains(id));
                let sub = ws.submission(unit).unwrap();
                assert_eq!(
                    sub.answers[id].value, value,
                    "indicator {id}: the unit's value"
                );
            }
            None => {
                let d = &file.decisions[p.decision.expect("a value with no unit is a decision")];
                assert_eq!(d.rule, Rule::Own);
            }
        }
    }
}

// ------------------------------------------------------------------------------ decisions

fn conflicting() -> Workspace {
    let mut ws = workspace();
    import(&mut ws, "diskominfo.json");
    import(&mut ws, "bkpsdm-e2e.json");
    ws
}

#[test]
fn an_unsettled_conflict_is_never_given_a_value_and_the_file_lists_it() {
    let ws = conflicting();
    let m = merge(&ws);
    assert_eq!(
        m.unsettled()
            .map(|i| i.indicator.as_str())
            .collect::<Vec<_>>(),
        ["22"]
    );
    let file = consolidated(&ws, &LATER);
    assert!(!file.answers.contains_key("22"));
    assert!(!file.provenance.contains_key("22"));
    let results = file.results.as_ref().unwrap();
    assert!(!results.complete, "46 of 47: incomplete");
    let coordination: Coordination =
        serde_json::from_value(file.extra[COORDINATION_KEY].clone()).unwrap();
    let listed: Vec<(String, Value)> = coordination.unsettled["22"]
        .iter()
        .map(|c| (c.unit.clone(), c.value))
        .collect();
    assert_eq!(
        listed,
        [
            ("bkpsdm".to_string(), v(2)),
            ("diskominfo".to_string(), v(3))
        ]
    );
}

/// The index of a complete SPBE 2020 assessment in hundredths, rounded half up:
/// Σ level × weight / 100 (the weights nest exactly, spbe-2020.md §2).
fn expected_index(values: &BTreeMap<String, u8>) -> i64 {
    assert_eq!(values.len(), 47);
    let sum: i64 = values
        .iter()
        .map(|(k, v)| spbe2020_weight(k.parse().unwrap()) * *v as i64)
        .sum();
    // sum is in (hundredths of a percent × level); the index in hundredths is sum / 100.
    (sum + 50) / 100
}

fn fixture_values(name: &str) -> BTreeMap<String, u8> {
    let f: ExchangeFile = serde_json::from_slice(&fixture(name)).unwrap();
    f.answers
        .into_iter()
        .map(|(k, a)| (k, a.value.floor_level()))
        .collect()
}

#[test]
fn settling_with_an_own_value_records_who_when_why_and_travels_in_the_file() {
    let mut ws = conflicting();
    let own = Settlement::Own {
        value: v(4),
        note: String::new(),
    };
    assert!(
        ws.settle("22", own, &LATER).is_err(),
        "an own value needs a note"
    );
    assert!(
        ws.settle(
            "22",
            Settlement::Pick {
                unit: "inspektorat".into(),
                note: String::new()
            },
            &LATER
        )
        .is_err(),
        "not a candidate"
    );
    assert!(
        ws.settle(
            "25",
            Settlement::Pick {
                unit: "bkpsdm".into(),
                note: String::new()
            },
            &LATER
        )
        .is_err(),
        "no conflict on 25"
    );
    assert!(
        ws.settle(
            "22",
            Settlement::Own {
                value: Value::from_hundredths(250).unwrap(),
                note: "x".into()
            },
            &LATER
        )
        .is_err(),
        "2.50 is not an SPBE 2020 level"
    );
    let mut nameless = ws.clone();
    nameless.coordinator = " ".into();
    assert!(
        nameless
            .settle(
                "22",
                Settlement::Pick {
                    unit: "bkpsdm".into(),
                    note: String::new()
                },
                &LATER
            )
            .is_err(),
        "who decides is required"
    );

    let note =
        "Rapat verifikasi 1 Desember 2026: manajemen keamanan sudah diterapkan di seluruh OPD.";
    ws.settle(
        "22",
        Settlement::Own {
            value: v(4),
            note: note.into(),
        },
        &LATER,
    )
    .unwrap();
    let m = merge(&ws);
    assert_eq!(m.unsettled().count(), 0);
    assert_eq!(m.item("22").unwrap().value(), Some(v(4)));

    let file = consolidated(&ws, &LATER);
    let d = &file.decisions[file.provenance["22"].decision.unwrap()];
    assert_eq!((d.rule, d.value, d.note.as_str()), (Rule::Own, v(4), note));
    assert_eq!(d.decided_by, "Koordinator SPBE Diskominfo");
    assert_eq!(d.decided_at, *LATER);
    let mut cands: Vec<(&str, Value)> = d
        .candidates
        .iter()
        .map(|c| (c.unit.as_str(), c.value))
        .collect();
    cands.sort();
    assert_eq!(cands, [("bkpsdm", v(2)), ("diskominfo", v(3))]);
    assert!(file.answers["22"].justification.contains(note));
    assert_eq!(
        file.answers["22"].evidence.len(),
        2,
        "both units' evidence kept"
    );

    // The index is the engine's figure for the merged answers: here, by hand.
    let mut values = fixture_values("diskominfo.json");
    values.extend(fixture_values("bkpsdm-e2e.json"));
    values.insert("22".into(), 4);
    let results = file.results.unwrap();
    assert!(results.complete);
    assert_eq!(
        (results.index.unwrap() * 100.0).round() as i64,
        expected_index(&values)
    );
}

#[test]
fn picking_a_unit_takes_its_whole_answer() {
    let mut ws = conflicting();
    ws.settle(
        "22",
        Settlement::Pick {
            unit: "bkpsdm".into(),
            note: "BKPSDM melampirkan SK terbaru.".into(),
        },
        &LATER,
    )
    .unwrap();
    let file = consolidated(&ws, &LATER);
    let bk: ExchangeFile = serde_json::from_slice(&fixture("bkpsdm-e2e.json")).unwrap();
    assert_eq!(file.answers["22"], bk.answers["22"]);
    assert_eq!(file.provenance["22"].unit.as_deref(), Some("bkpsdm"));
    assert_eq!(file.decisions.len(), 1);
    assert_eq!(file.decisions[0].note, "BKPSDM melampirkan SK terbaru.");
}

#[test]
fn a_newer_file_that_changes_the_answers_reopens_the_conflict() {
    let mut ws = workspace();
    import(&mut ws, "diskominfo.json");
    import(&mut ws, "bag-hukum-differ.json");
    ws.settle(
        "2",
        Settlement::Pick {
            unit: "diskominfo".into(),
            note: String::new(),
        },
        &LATER,
    )
    .unwrap();
    assert_eq!(merge(&ws).item("2").unwrap().value(), Some(v(3)));
    // Bag. Hukum's older file (2 = absent) does not count; a newer one with 2 = 4 does.
    let mut newer: ExchangeFile =
        serde_json::from_slice(&fixture("bag-hukum-differ.json")).unwrap();
    newer.exported_at = time("2026-12-01T00:00:00Z");
    newer.answers.get_mut("2").unwrap().value = v(4);
    ws.import(Digested::new(newer), "bag-hukum-v2.json", &LATER)
        .unwrap();
    let item = merge(&ws).item("2").unwrap().clone();
    assert_eq!(
        item.status,
        Status::Unsettled,
        "the decision was taken on other answers"
    );
    assert_eq!(ws.decisions.len(), 1, "the old decision stays in the log");
}

#[test]
fn bulk_rules_decide_open_conflicts_and_list_every_one() {
    let mut ws = workspace();
    import(&mut ws, "diskominfo.json");
    import(&mut ws, "bag-hukum-differ.json"); // 2: diskominfo 3 vs bag-hukum 2; 3: 2 vs 3
                                              // Default template: Bag. Hukum leads 1–10 (process.md), Diskominfo supports.
    assert_eq!(ws.assignment("2").lead.as_deref(), Some("bag-hukum"));

    let preview = ws.preview_rule(Rule::Higher);
    assert_eq!(
        preview
            .iter()
            .map(|o| o.indicator.as_str())
            .collect::<Vec<_>>(),
        ["2", "3"]
    );
    assert_eq!(ws.decisions.len(), 0, "a preview decides nothing");

    for (rule, two, three) in [
        (Rule::Higher, ("diskominfo", 3), ("bag-hukum", 3)),
        (Rule::Lower, ("bag-hukum", 2), ("diskominfo", 2)),
        (Rule::Lead, ("bag-hukum", 2), ("bag-hukum", 3)),
    ] {
        let mut w = ws.clone();
        let outcomes = w.apply_rule(rule, &LATER).unwrap();
        let chosen: Vec<(String, Value)> =
            outcomes.iter().map(|o| o.chosen.clone().unwrap()).collect();
        assert_eq!(
            chosen,
            [
                (two.0.to_string(), v(two.1)),
                (three.0.to_string(), v(three.1))
            ],
            "{rule:?}"
        );
        assert!(w.decisions.iter().all(|d| d.rule == rule
            && d.decided_by == "Koordinator SPBE Diskominfo"
            && !d.note.is_empty()));
        assert_eq!(merge(&w).unsettled().count(), 0);
        consolidated(&w, &LATER);
    }

    // A decision already taken is left alone by a later rule.
    let mut w = ws.clone();
    w.settle(
        "2",
        Settlement::Own {
            value: v(1),
            note: "Belum ada Perbup.".into(),
        },
        &NOW,
    )
    .unwrap();
    let outcomes = w.apply_rule(Rule::Higher, &LATER).unwrap();
    assert_eq!(
        outcomes
            .iter()
            .map(|o| o.indicator.as_str())
            .collect::<Vec<_>>(),
        ["3"]
    );
    assert_eq!(merge(&w).item("2").unwrap().value(), Some(v(1)));

    // "Prefer the lead" cannot decide where the lead did not answer: listed, left open.
    let mut w = ws.clone();
    w.set_lead("2", Some("bappeda"), &NOW).unwrap();
    let outcomes = w.apply_rule(Rule::Lead, &LATER).unwrap();
    assert_eq!(outcomes[0].indicator, "2");
    assert_eq!(outcomes[0].chosen, None);
    assert_eq!(
        merge(&w)
            .unsettled()
            .map(|i| i.indicator.as_str())
            .collect::<Vec<_>>(),
        ["2"]
    );
}

// ------------------------------------------------------------------------------ units

#[test]
fn default_assignment_follows_the_usual_owners() {
    let ws = workspace();
    // process.md: 1–10 Bag. Hukum leads with Diskominfo; 36 BKPSDM; 39 Inspektorat; 13 Bappeda with BPKAD.
    for (ind, lead, support) in [
        ("1", "bag-hukum", &["diskominfo"][..]),
        ("13", "bappeda", &["bpkad", "diskominfo"][..]),
        ("36", "bkpsdm", &[][..]),
        ("39", "inspektorat", &[][..]),
    ] {
        let a = ws.assignment(ind);
        assert_eq!(a.lead.as_deref(), Some(lead), "{ind}");
        let mut s = a.support.clone();
        s.sort();
        assert_eq!(s, support, "{ind}");
    }
    assert!(framework("spbe-2020")
        .unwrap()
        .indicators
        .iter()
        .all(|i| ws.assignments.contains_key(&i.id)));
}

#[test]
fn units_are_added_renamed_and_checked() {
    let mut ws = workspace();
    assert!(ws.add_unit("  ", &NOW).is_err());
    assert!(ws.add_unit("BKPSDM", &NOW).is_err(), "already there");
    let u = ws.add_unit("Dinas Pariwisata", &NOW).unwrap();
    assert_eq!(
        u,
        UnitRef {
            id: "dinas-pariwisata".into(),
            name: "Dinas Pariwisata".into()
        }
    );
    assert!(
        ws.rename_unit("dinas-pariwisata", "Bappeda", &NOW).is_err(),
        "name taken"
    );
    ws.rename_unit("bappeda", "Bapperida", &NOW).unwrap();
    assert_eq!(
        ws.unit_label("bappeda"),
        "Bapperida",
        "a renamed template unit shows its new name"
    );
    let labels: Vec<String> = ws
        .units
        .iter()
        .map(swanilai::domain::consolidation::label)
        .collect();
    let mut sorted = labels.clone();
    sorted.sort_by_key(|l| l.to_lowercase());
    assert_eq!(labels, sorted, "units listed by label");

    assert!(
        ws.set_support("1", "bag-hukum", true, &NOW).is_err(),
        "the lead cannot also support"
    );
    ws.set_lead("1", Some("diskominfo"), &NOW).unwrap();
    assert!(
        !ws.assignment("1")
            .support
            .contains(&"diskominfo".to_string()),
        "a new lead stops supporting"
    );
    assert!(ws.set_lead("1", Some("tidak-ada"), &NOW).is_err());
    assert!(ws.set_lead("99", Some("bkpsdm"), &NOW).is_err());
}

#[test]
fn removing_a_unit_withdraws_its_answers_into_the_history_and_they_can_come_back() {
    let mut ws = workspace();
    import(&mut ws, "bkpsdm-new.json");
    let usage = ws.unit_usage("bkpsdm");
    assert_eq!(usage.answers, 4);
    assert!(usage.lead.contains(&"36".to_string()));
    ws.remove_unit("bkpsdm", &LATER).unwrap();
    assert!(ws.unit("bkpsdm").is_none());
    assert!(ws.submissions.is_empty());
    assert_eq!(ws.assignment("36").lead, None);
    let h = &ws.history[0];
    assert!(matches!(h.reason, HistoryReason::Withdrawn { .. }));
    assert_eq!(h.values.get("36"), Some(&v(3)), "the values stay visible");
    // Withdrawn files are not merged, so they are not sources of the consolidation.
    assert!(consolidated(&ws, &LATER).sources.is_empty());
    // The same file again brings the unit and its answers back.
    assert!(matches!(
        import(&mut ws, "bkpsdm-new.json"),
        Imported::Added { new_unit: true, .. }
    ));
    assert_eq!(merge(&ws).values().len(), 4);
    assert!(ws.history.is_empty());
}

#[test]
fn assignment_files_name_the_units_indicators_and_validate() {
    let ws = workspace();
    let (name, file) = assignment_file(&ws, "bkpsdm", &NOW, &LocalTime::of(&NOW, 420)).unwrap();
    assert_eq!(
        name, "swanilai-penugasan-bkpsdm-spbe-2020-2026-20261201-1000.json",
        "named by the user's clock"
    );
    assert_eq!(file.exported_at, *NOW, "the file keeps the UTC instant");
    let part = file.assignment.as_ref().unwrap();
    assert!(part.lead.contains(&"36".to_string()) && part.lead.contains(&"25".to_string()));
    let bytes = serde_json::to_vec(&file).unwrap();
    let parsed = exchange::parse(&bytes).unwrap();
    assert_eq!(parsed.file.kind, Kind::Assignment);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let mut empty = workspace();
    empty.add_unit("Dinas Pariwisata", &NOW).unwrap();
    assert!(
        assignment_file(&empty, "dinas-pariwisata", &NOW, &LocalTime::of(&NOW, 0)).is_none(),
        "nothing assigned: no file"
    );
}

#[test]
fn coverage_shows_who_was_asked_who_answered_and_who_sent_nothing() {
    let mut ws = workspace();
    import(&mut ws, "bkpsdm-new.json");
    let m = merge(&ws);
    let c = coverage(&ws, &m);
    let col = |u: &str| c.units.iter().position(|x| x == u).unwrap();
    let row = |i: &str| c.rows.iter().find(|r| r.indicator == i).unwrap();
    assert_eq!(row("36").cells[col("bkpsdm")].role, Role::Lead);
    assert_eq!(
        row("36").cells[col("bkpsdm")].state,
        CellState::Answered(v(3))
    );
    // BKPSDM leads 41 per template, answered; it sent a file without 47.
    assert_eq!(row("47").cells[col("bkpsdm")].state, CellState::NotAnswered);
    assert_eq!(row("36").cells[col("bappeda")].state, CellState::NotSent);
    assert!(row("39").cells[col("inspektorat")].is_missing());
    assert!(c.not_sent.contains(&"inspektorat".to_string()));
    assert!(!c.not_sent.contains(&"bkpsdm".to_string()));
    assert_eq!(c.unanswered.len(), 47 - 4);
}

// ------------------------------------------------------------------------------ reopen

#[test]
fn a_consolidated_file_reopens_with_the_same_result() {
    let mut ws = workspace();
    for f in [
        "bkpsdm-old.json",
        "diskominfo.json",
        "bkpsdm-e2e.json",
        "bag-hukum-differ.json",
        "inspektorat.json",
    ] {
        import(&mut ws, f);
    }
    ws.settle(
        "22",
        Settlement::Own {
            value: v(3),
            note: "Sesuai hasil reviu.".into(),
        },
        &NOW,
    )
    .unwrap();
    ws.settle(
        "2",
        Settlement::Pick {
            unit: "bag-hukum".into(),
            note: String::new(),
        },
        &NOW,
    )
    .unwrap();
    // 3 (and Inspektorat against BKPSDM on 29–31, 39) stay unsettled.
    ws.set_lead("44", Some("diskominfo"), &NOW).unwrap();
    let first = consolidated(&ws, &LATER);
    let bytes = serde_json::to_vec_pretty(&first).unwrap();
    let parsed = exchange::parse(&bytes).unwrap().file;

    let (reopened, restored) = Workspace::from_consolidated("ws2".into(), &parsed, &LATER).unwrap();
    assert!(restored.unknown.is_empty(), "{:?}", restored.unknown);
    assert!(restored.differs.is_empty(), "{:?}", restored.differs);
    assert_eq!(reopened.units, ws.units);
    assert_eq!(reopened.assignments, ws.assignments);
    assert_eq!(reopened.coordinator, ws.coordinator);
    assert_eq!(reopened.history.len(), 1, "the superseded BKPSDM file");
    let m = merge(&reopened);
    let original = merge(&ws);
    assert_eq!(m.values(), original.values());
    let open = |m: &swanilai::domain::consolidation::Merge| {
        m.unsettled()
            .map(|i| i.indicator.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(open(&m), open(&original));
    assert!(open(&m).contains(&"3".to_string()));

    let second = consolidated(&reopened, &LATER);
    assert_eq!(second.answers, first.answers);
    assert_eq!(second.provenance, first.provenance);
    assert_eq!(second.decisions, first.decisions);
    assert_eq!(second.results, first.results);
    assert_eq!(second.sources, first.sources);
    assert_eq!(second.extra, first.extra);

    // The unit's original file completes the texts of its rebuilt answers.
    let mut completed = reopened.clone();
    let r = completed
        .import_bytes(&fixture("diskominfo.json"), "diskominfo.json", &LATER)
        .unwrap();
    assert!(matches!(r.outcome, Imported::Completed { answers: 24, .. }));
    let sub = completed.submission("diskominfo").unwrap();
    assert!(!sub.restored);
    assert!(!sub.answers["3"].justification.is_empty());
    assert_eq!(merge(&completed).values(), m.values());

    // Any other kind of file is refused.
    let sub_file = exchange::parse(&fixture("bkpsdm-new.json")).unwrap().file;
    assert!(Workspace::from_consolidated("ws3".into(), &sub_file, &LATER).is_err());
}

#[test]
fn a_consolidated_file_from_elsewhere_reopens_too() {
    // Without its "coordination" part: units come from its sources,
    // assignments from the template, decisions as written.
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exchange/consolidated-spbe-2020.json"),
    )
    .unwrap();
    let mut file = exchange::parse(&bytes).unwrap().file;
    file.extra.remove("coordination");
    let (ws, _) = Workspace::from_consolidated("w".into(), &file, &NOW).unwrap();
    let values = merge(&ws).values();
    let expected: BTreeMap<String, Value> = file
        .answers
        .iter()
        .map(|(k, a): (&String, &Answer)| (k.clone(), a.value))
        .collect();
    assert_eq!(values, expected);
    assert_eq!(ws.decisions, file.decisions);
}

#[test]
fn the_workspace_survives_storage() {
    let mut ws = conflicting();
    ws.settle(
        "22",
        Settlement::Own {
            value: v(3),
            note: "Catatan.".into(),
        },
        &LATER,
    )
    .unwrap();
    ws.remove_unit("dinkes", &LATER).unwrap();
    let json = serde_json::to_string(&ws).unwrap();
    let back: Workspace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ws);
}

/// A consolidated file whose sources disagree with its answers and provenance (edited by
/// hand here: the unit the provenance names for an answer no longer lists it among what it
/// answered) reopens with the difference reported, never silently taken either way.
#[test]
fn a_file_whose_sources_disagree_with_its_answers_is_flagged_on_reopen() {
    let mut ws = workspace();
    for name in ["diskominfo.json", "bkpsdm-e2e.json"] {
        import(&mut ws, name);
    }
    let mut file = consolidated(&ws, &LATER);
    let (id, unit) = file
        .provenance
        .iter()
        .find_map(|(id, p)| Some((id.clone(), p.unit.clone()?)))
        .expect("an answer taken from a unit");
    let source = file
        .sources
        .iter_mut()
        .find(|s| s.unit.id == unit && s.superseded_by.is_none())
        .unwrap();
    source.answered.retain(|a| a != &id);
    let (_, restored) = Workspace::from_consolidated("ws3".into(), &file, &LATER).unwrap();
    assert_eq!(restored.differs, vec![id]);
}

/// Issue 9: a damaged `coordination` block was read as empty, silently dropping the
/// coordinator's units and assignments on reopening.
#[test]
fn a_damaged_coordination_block_is_refused_on_reopening() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exchange/consolidated-spbe-2020.json"),
    )
    .unwrap();
    let file = exchange::parse(&bytes).unwrap().file;
    let (ws, _) = Workspace::from_consolidated("w".into(), &file, &NOW).unwrap();
    assert_eq!(ws.assignment("36").lead.as_deref(), Some("bkpsdm"));
    assert_eq!(ws.assignment("36").support, ["diskominfo"]);
    assert_eq!(ws.coordinator, "Koordinator SPBE Diskominfo");

    for damaged in [
        serde_json::json!({ "units": "semua" }),
        serde_json::json!({ "assignments": { "36": { "lead": 3 } } }),
        serde_json::json!("rusak"),
    ] {
        let mut bad = file.clone();
        bad.extra.insert("coordination".into(), damaged.clone());
        let problems = Workspace::from_consolidated("w".into(), &bad, &NOW).unwrap_err();
        assert_eq!(problems[0].path, "$.coordination", "{damaged}");
    }
}
