//! Evidence-item states and exact values in every file and in the coordinator's merge
//! (issue 10 §3): an accepted suggestion stays 7/6 from the unit's draft to the
//! consolidated file and back; a file whose value disagrees with its exact fraction or its
//! item states is read with a warning and its value kept; two units marking the same items
//! differently is a conflict settled with the decision log.
//!
//! Expected figures are worked out by hand: Pemdi aspect A2 holds indicators 3 and 4 at 5 %
//! each, so 7/6 with 1.00 gives 13/12 = 1.0833… → 1,08.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value as Json};
use swanilai::domain::catalogue::framework;
use swanilai::domain::checklist::ItemState;
use swanilai::domain::consolidation::{merge, to_consolidated, Settlement, Status, Workspace};
use swanilai::domain::draft::Draft;
use swanilai::domain::exchange::{parse, ExchangeFile, Kind, Parsed, Problem, Severity, Timestamp};
use swanilai::domain::{Rational, Value};

const NOW: &str = "2026-12-01T03:00:00Z";

fn now() -> Timestamp {
    Timestamp::parse(NOW).unwrap()
}

fn seven_sixths() -> Value {
    Value::from_fraction(7, 6).unwrap()
}

/// A Pemdi submission of `unit` answering indicators 3 (1.00) and 4 (`four`).
fn submission(unit: &str, four: Json, at: &str) -> Json {
    json!({
        "format": "swanilai", "version": 1, "kind": "submission", "framework": "pemdi-2026",
        "institution": "Pemerintah Kota Salatiga", "period": "2026",
        "unit": { "id": unit, "name": unit.to_uppercase() },
        "exported_at": at,
        "answers": {
            "3": { "value": 1, "justification": "Fakta: peta kompetensi disusun." },
            "4": four
        }
    })
}

fn read(v: &Json) -> Result<Parsed, Vec<Problem>> {
    parse(&serde_json::to_vec(v).unwrap())
}

fn accept(v: &Json) -> Parsed {
    read(v).unwrap_or_else(|p| panic!("refused: {p:#?}"))
}

fn warnings_at(p: &Parsed) -> Vec<&str> {
    p.warnings.iter().map(|w| w.path.as_str()).collect()
}

fn accepted_four() -> Json {
    json!({
        "value": 1.17, "exact": "7/6",
        "items": { "4.L1.1": "ada", "4.L1.2": "sebagian", "4.L1.3": "belum" },
        "evidence": [ { "title": "SK Tim Koordinasi Pemdi", "items": ["4.L1.1"] } ]
    })
}

/// A Pemdi workspace with the starter units.
fn workspace() -> Workspace {
    Workspace::new(
        "w".into(),
        framework("pemdi-2026").unwrap(),
        "Pemerintah Kota Salatiga".into(),
        "2026".into(),
        "Koordinator Pemdi".into(),
        true,
        &now(),
    )
}

/// JSON text of any exchange file, as Swanilai writes it.
fn write(file: &ExchangeFile) -> Json {
    serde_json::to_value(file).unwrap()
}

#[test]
fn an_accepted_suggestion_is_read_exactly_and_without_warnings() {
    let p = accept(&submission("diskominfo", accepted_four(), NOW));
    assert_eq!(p.warnings, vec![]);
    let four = &p.file.answers["4"];
    assert_eq!(four.value, seven_sixths());
    assert_eq!(four.items["4.L1.2"], ItemState::Sebagian);
    // Written back: the two-decimal value any reader understands, the fraction beside it.
    let back = write(&p.file);
    assert_eq!(back["answers"]["4"]["value"], json!(1.17));
    assert_eq!(back["answers"]["4"]["exact"], json!("7/6"));
    assert_eq!(back["answers"]["4"]["items"]["4.L1.1"], json!("ada"));
    assert_eq!(
        back["answers"]["4"]["evidence"][0]["items"],
        json!(["4.L1.1"])
    );
    // Nothing Swanilai does not know is involved: "exact" and "items" are typed fields.
    assert!(four.extra.is_empty(), "{:?}", four.extra);
}

#[test]
fn item_states_and_exact_values_round_trip_through_every_kind() {
    let fw = framework("pemdi-2026").unwrap();
    let unit = accept(&submission("diskominfo", accepted_four(), NOW)).file;

    // Submission → the unit's draft → submission again.
    let draft = Draft::from_file("d1".into(), &unit, &now());
    assert_eq!(draft.answers["4"].value, Some(seven_sixths()));
    assert_eq!(draft.answers["4"].items, unit.answers["4"].items);
    // The draft as browser storage keeps the fraction.
    let stored = serde_json::to_string(&draft).unwrap();
    let reloaded: Draft = serde_json::from_str(&stored).unwrap();
    assert_eq!(reloaded, draft);
    let (again, _) = reloaded.to_submission(&now());
    let again = accept(&write(&again)).file;
    assert_eq!(again.answers["4"], unit.answers["4"]);

    // An assignment may carry answers too (a previous year's, say).
    let mut assignment = again.clone();
    assignment.kind = Kind::Assignment;
    assignment.assignment = Some(Default::default());
    assignment.assignment.as_mut().unwrap().lead = vec!["4".into()];
    let assignment = accept(&write(&assignment)).file;
    assert_eq!(assignment.answers["4"], unit.answers["4"]);

    // The coordinator's merge, the consolidated file and reopening it.
    let mut ws = workspace();
    ws.import_bytes(
        &serde_json::to_vec(&write(&again)).unwrap(),
        "a.json",
        &now(),
    )
    .unwrap();
    assert_eq!(merge(&ws).values()["4"], seven_sixths());
    let cons = to_consolidated(&ws, &now());
    let parsed = accept(&write(&cons));
    assert_eq!(parsed.warnings, vec![]);
    let cons = parsed.file;
    assert_eq!(cons.answers["4"], unit.answers["4"]);
    // Aspect A2 = (5 × 1 + 5 × 7/6) / 10 = 13/12 → 1,08 (a typed 1,17 would give 1,09).
    assert_eq!(cons.results.as_ref().unwrap().aspects["A2"], 1.08);
    let (reopened, _) = Workspace::from_consolidated("w2".into(), &cons, &now()).unwrap();
    assert_eq!(merge(&reopened).values()["4"], seven_sixths());
    let m = merge(&reopened);
    let a2 = swanilai::domain::engine::evaluate_map(fw, &m.values());
    assert_eq!(a2.aspect("A2").unwrap().exact, Some(Rational::new(13, 12)));
}

#[test]
fn a_value_that_disagrees_with_its_fraction_is_flagged_and_kept() {
    let mut four = accepted_four();
    four["value"] = json!(1.2);
    let p = accept(&submission("diskominfo", four, NOW));
    assert_eq!(
        p.file.answers["4"].value,
        Value::from_hundredths(120).unwrap()
    );
    let paths = warnings_at(&p);
    assert!(paths.contains(&"$.answers.4.exact"), "{:#?}", p.warnings);
    let w = p
        .warnings
        .iter()
        .find(|w| w.path == "$.answers.4.exact")
        .unwrap();
    assert!(
        w.message.id.contains("yang dipakai nilai 1,20"),
        "{:?}",
        w.message
    );
    assert_eq!(w.severity, Severity::Warning);
}

#[test]
fn a_value_that_disagrees_with_its_item_states_is_flagged_and_kept() {
    // The items suggest 7/6; the unit kept its own 1.50.
    let mut four = accepted_four();
    four["value"] = json!(1.5);
    four.as_object_mut().unwrap().remove("exact");
    let p = accept(&submission("diskominfo", four, NOW));
    assert_eq!(
        p.file.answers["4"].value,
        Value::from_hundredths(150).unwrap()
    );
    let w = p
        .warnings
        .iter()
        .find(|w| w.path == "$.answers.4.value")
        .expect("flagged");
    assert!(
        w.message.id.contains("1,50") && w.message.id.contains("1 dari 3 butir"),
        "{:?}",
        w.message
    );
    // A typed 1.17 is not the exact 7/6 either: flagged.
    let mut typed = accepted_four();
    typed.as_object_mut().unwrap().remove("exact");
    assert!(warnings_at(&accept(&submission("x", typed, NOW))).contains(&"$.answers.4.value"));
    // No item marked: a typed value is the unit's own reading, nothing to flag.
    let plain = json!({ "value": 2.5 });
    assert_eq!(accept(&submission("x", plain, NOW)).warnings, vec![]);
}

#[test]
fn malformed_fractions_and_states_are_refused_and_unknown_items_warned() {
    let cases: &[(Json, &str, &str)] = &[
        (
            json!({ "value": 1.17, "exact": 1.17 }),
            "$.answers.4.exact",
            "pecahan",
        ),
        (
            json!({ "value": 1.17, "exact": "7/0" }),
            "$.answers.4.exact",
            "pecahan",
        ),
        (
            json!({ "value": 5, "exact": "31/6" }),
            "$.answers.4.exact",
            "pecahan",
        ),
        (
            json!({ "value": 1.17, "items": { "4.L1.1": "lengkap" } }),
            "$.answers.4.items.4.L1.1",
            "sebagian",
        ),
        (
            json!({ "value": 1.17, "items": ["4.L1.1"] }),
            "$.answers.4.items",
            "objek",
        ),
        (
            json!({ "value": 1, "evidence": [ { "title": "x", "items": "4.L1.1" } ] }),
            "$.answers.4.evidence[0].items",
            "daftar",
        ),
    ];
    for (four, path, word) in cases {
        let problems = read(&submission("x", four.clone(), NOW)).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.is_error() && p.path == *path && p.message.id.contains(word)),
            "{four}: {problems:#?}"
        );
    }
    // SPBE levels are whole: an exact fraction means nothing there.
    let spbe = json!({
        "format": "swanilai", "version": 1, "kind": "submission", "framework": "spbe-2020",
        "institution": "X", "period": "2026", "unit": { "id": "x", "name": "X" },
        "exported_at": NOW, "answers": { "1": { "value": 1, "exact": "7/6" } }
    });
    assert!(read(&spbe)
        .unwrap_err()
        .iter()
        .any(|p| p.path == "$.answers.1.exact"));
    // An item this catalogue does not list: kept, warned, not counted.
    let four = json!({ "value": 1, "items": { "4.L1.9": "ada" } });
    let p = accept(&submission("x", four, NOW));
    assert!(
        warnings_at(&p).contains(&"$.answers.4.items.4.L1.9"),
        "{:#?}",
        p.warnings
    );
    assert_eq!(p.file.answers["4"].items.len(), 1);
}

/// Two units give indicator 4 the same value but mark its items differently: a conflict
/// like any other, settled in the decision log, and the decision survives reopening.
#[test]
fn differing_item_states_are_a_conflict_settled_with_the_decision_log() {
    let mut ws = workspace();
    let other = json!({
        "value": 1.17, "exact": "7/6",
        "items": { "4.L1.1": "belum", "4.L1.2": "ada", "4.L1.3": "sebagian" }
    });
    for (unit, four) in [("diskominfo", accepted_four()), ("bappeda", other)] {
        let bytes = serde_json::to_vec(&submission(unit, four, "2026-11-30T01:00:00Z")).unwrap();
        ws.import_bytes(&bytes, unit, &now()).unwrap();
    }
    let m = merge(&ws);
    let item = m.item("4").unwrap();
    assert_eq!(
        item.status,
        Status::Unsettled,
        "same value 7/6, different items"
    );
    assert_eq!(item.value(), None);
    assert_eq!(
        m.item("3").unwrap().value(),
        Some(Value::from_level(1).unwrap())
    );

    ws.settle(
        "4",
        Settlement::Pick {
            unit: "bappeda".into(),
            note: "SK belum ditandatangani; notulensi rapat ada.".into(),
        },
        &now(),
    )
    .unwrap();
    let m = merge(&ws);
    assert!(matches!(
        m.item("4").unwrap().status,
        Status::Decided { .. }
    ));
    assert_eq!(m.values()["4"], seven_sixths());
    let d = &ws.decisions[0];
    assert_eq!(d.candidates.len(), 2);
    assert!(d.candidates.iter().all(|c| c.items.len() == 3));

    let cons = accept(&write(&to_consolidated(&ws, &now())));
    assert_eq!(cons.warnings, vec![]);
    let cons = cons.file;
    assert_eq!(cons.answers["4"].items["4.L1.2"], ItemState::Ada);
    assert_eq!(cons.answers["4"].value, seven_sixths());
    let (reopened, restored) = Workspace::from_consolidated("w2".into(), &cons, &now()).unwrap();
    assert_eq!(restored.differs, Vec::<String>::new());
    let again = merge(&reopened);
    assert!(matches!(
        again.item("4").unwrap().status,
        Status::Decided { .. }
    ));

    // A unit changing its item states opens the conflict again; the old decision stays.
    let changed = json!({
        "value": 1.17, "exact": "7/6",
        "items": { "4.L1.1": "ada", "4.L1.2": "ada", "4.L1.3": "belum" }
    });
    let bytes =
        serde_json::to_vec(&submission("diskominfo", changed, "2026-12-01T01:00:00Z")).unwrap();
    ws.import_bytes(&bytes, "new", &now()).unwrap();
    assert_eq!(merge(&ws).item("4").unwrap().status, Status::Unsettled);
    assert_eq!(ws.decisions.len(), 1);
}

/// The planner raises an exact value by whole steps: indicator 4 at 7/6 rises to 13/6
/// (not to 2.17), each step worth 5 % × 1 = 0.05 on the index.
#[test]
fn the_planner_raises_an_exact_value_by_whole_steps() {
    use std::collections::{BTreeMap, BTreeSet};
    use swanilai::domain::planning::{plan, ranked_gains, PlanOutcome, Target};
    let fw = framework("pemdi-2026").unwrap();
    let mut values: BTreeMap<String, Value> = fw
        .indicators
        .iter()
        .map(|i| (i.id.clone(), Value::from_level(1).unwrap()))
        .collect();
    values.insert("4".into(), seven_sixths());
    let locked: BTreeSet<String> = fw
        .indicators
        .iter()
        .map(|i| i.id.clone())
        .filter(|id| id != "4")
        .collect();
    let steps = ranked_gains(fw, &values, &locked);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].from, seven_sixths());
    assert_eq!(steps[0].to, Value::from_fraction(13, 6).unwrap());
    assert_eq!(steps[0].gain, Rational::new(1, 20));
    // Index now 1 + 5 × 1/6 / 100 = 121/120 → 1,01; one step gives 127/120 = 1.0583… → 1,06.
    match plan(fw, &values, Target::Index(106), &locked) {
        PlanOutcome::Plan {
            raises,
            steps,
            index,
        } => {
            assert_eq!(steps, 1);
            assert_eq!(index, Rational::new(127, 120));
            assert_eq!(raises[0].from, seven_sixths());
        }
        other => panic!("{other:?}"),
    }
}

/// A supporting unit's proposal (issue 13's `support`) is an answer in all but name, so a
/// proposed Pemdi value keeps its fraction and its item states as an answer does: written
/// as `"value": 1.17, "exact": "7/6"` (never the text "7/6" in `value`), read back exactly,
/// kept through the unit's draft, and in the merge the same value on differently marked
/// items is a conflict, on the same items an agreement carried by the answer.
#[test]
fn a_supporting_units_proposal_keeps_its_fraction_and_items() {
    let with_support = |unit: &str, answer: Option<Json>, support: Json| {
        let mut file = submission(unit, json!({ "value": 1 }), "2026-11-30T01:00:00Z");
        let answers = file["answers"].as_object_mut().unwrap();
        match answer {
            Some(a) => {
                answers.insert("4".into(), a);
            }
            None => {
                answers.remove("4");
            }
        }
        file["support"] = json!({ "4": support });
        file
    };
    let proposal = accepted_four();
    let parsed = accept(&with_support("bappeda", None, proposal.clone()));
    assert_eq!(parsed.warnings, vec![]);
    let input = &parsed.file.support["4"];
    assert_eq!(input.value, Some(seven_sixths()));
    assert_eq!(input.items["4.L1.2"], ItemState::Sebagian);
    let written = write(&parsed.file);
    assert_eq!(written["support"]["4"]["value"], json!(1.17));
    assert_eq!(written["support"]["4"]["exact"], json!("7/6"));

    // Through the supporting unit's draft and back: still a proposal of 7/6 on its items.
    let draft = Draft::from_file("d".into(), &parsed.file, &now());
    assert_eq!(draft.answers["4"].value, Some(seven_sixths()));
    let (again, _) = draft.to_submission(&now());
    assert!(!again.answers.contains_key("4"));
    assert_eq!(again.support["4"], *input);

    // The lead answers 7/6 too, on other items: a conflict over the items.
    let differently = json!({
        "value": 1.17, "exact": "7/6",
        "items": { "4.L1.1": "belum", "4.L1.2": "ada", "4.L1.3": "sebagian" }
    });
    let mut ws = workspace();
    let import = |ws: &mut Workspace, file: Json| {
        let bytes = serde_json::to_vec(&file).unwrap();
        ws.import_bytes(&bytes, "f.json", &now()).unwrap();
    };
    import(&mut ws, submission("diskominfo", differently, NOW));
    import(&mut ws, with_support("bappeda", None, proposal.clone()));
    let m = merge(&ws);
    let item = m.item("4").unwrap();
    assert_eq!(item.status, Status::Unsettled);
    assert!(item
        .candidates
        .iter()
        .any(|c| c.proposal && c.items.len() == 3));

    // On the same items the two agree, and the lead's answer is the one carried.
    let mut ws = workspace();
    import(&mut ws, submission("diskominfo", accepted_four(), NOW));
    import(&mut ws, with_support("bappeda", None, proposal));
    let m = merge(&ws);
    let item = m.item("4").unwrap();
    assert_eq!(item.value(), Some(seven_sixths()));
    assert_eq!(item.source_unit(), Some("diskominfo"));

    // In an SPBE file a proposed level has no fraction either.
    let spbe = json!({
        "format": "swanilai", "version": 1, "kind": "submission", "framework": "spbe-2020",
        "institution": "X", "period": "2026", "unit": { "id": "x", "name": "X" },
        "exported_at": NOW, "support": { "1": { "value": 1, "exact": "7/6" } }
    });
    assert!(read(&spbe)
        .unwrap_err()
        .iter()
        .any(|p| p.path == "$.support.1.exact"));
}
