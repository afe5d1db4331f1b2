//! The exchange file (docs/FORMAT.md): what readers accept, what they refuse and how they
//! say so. Cases are fixtures in tests/fixtures/exchange/; adding a case is adding a file
//! and a row.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value as Json};
use std::path::PathBuf;
use swanilai::domain::catalogue::frameworks;
use swanilai::domain::exchange::{
    parse, ExchangeFile, Kind, Parsed, Problem, Severity, FORMAT, MAX_FILE_BYTES, VERSION,
};

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fixture_json(name: &str) -> Json {
    serde_json::from_slice(&fixture(name)).unwrap()
}

fn accept(bytes: &[u8], what: &str) -> Parsed {
    parse(bytes).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("{what} refused:\n{}", list.join("\n"))
    })
}

fn accept_json(v: &Json) -> Parsed {
    accept(&serde_json::to_vec(v).unwrap(), "modified fixture")
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems.iter().filter(|p| p.is_error()).collect()
}

fn paths(problems: &[&Problem]) -> Vec<String> {
    let mut p: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    p.sort();
    p
}

/// Valid example files, their kind and how many answers they hold.
const VALID: &[(&str, Kind, &str, usize)] = &[
    (
        "assignment-bkpsdm-spbe-2020.json",
        Kind::Assignment,
        "spbe-2020",
        0,
    ),
    (
        "submission-bkpsdm-spbe-2020.json",
        Kind::Submission,
        "spbe-2020",
        5,
    ),
    (
        "submission-bkpsdm-documents-spbe-2020.json",
        Kind::Submission,
        "spbe-2020",
        5,
    ),
    (
        "submission-diskominfo-pemdi-2026.json",
        Kind::Submission,
        "pemdi-2026",
        6,
    ),
    (
        "submission-spbe-2018.json",
        Kind::Submission,
        "spbe-2018",
        5,
    ),
    (
        "consolidated-spbe-2020.json",
        Kind::Consolidated,
        "spbe-2020",
        47,
    ),
    (
        "consolidated-pemdi-2026-items.json",
        Kind::Consolidated,
        "pemdi-2026",
        2,
    ),
];

#[test]
fn every_valid_example_is_accepted_without_warnings() {
    for &(name, kind, framework, answers) in VALID {
        let parsed = accept(&fixture(name), name);
        assert_eq!(parsed.warnings, vec![], "{name}");
        assert_eq!(parsed.file.kind, kind, "{name}");
        assert_eq!(parsed.file.framework, framework, "{name}");
        assert_eq!(parsed.file.answers.len(), answers, "{name}");
    }
}

#[test]
fn the_examples_hold_what_they_illustrate() {
    let pemdi = accept(&fixture("submission-diskominfo-pemdi-2026.json"), "pemdi").file;
    assert_eq!(pemdi.answers["5"].value.hundredths(), 247);
    assert_eq!(pemdi.answers["18"].value.hundredths(), 117);
    // An accepted suggestion: shown 1.17, exactly 7/6 (one of three level-1 items).
    let four = &pemdi.answers["4"];
    assert_eq!(
        four.value,
        swanilai::domain::Value::from_fraction(7, 6).unwrap()
    );
    assert_eq!(four.items.len(), 3);
    assert_eq!(four.evidence[0].items, ["4.L1.1"]);
    assert_eq!(pemdi.answers["16"].items.len(), 5);

    let old = accept(&fixture("submission-spbe-2018.json"), "spbe-2018").file;
    assert_eq!(
        old.answers["16"].value.hundredths(),
        0,
        "level 0 exists in SPBE 2018"
    );
    for id in ["35.1", "35.2", "35.3"] {
        assert!(
            old.answers[id]
                .service
                .as_deref()
                .is_some_and(|s| !s.is_empty()),
            "{id}"
        );
    }

    let bkpsdm = accept(&fixture("submission-bkpsdm-spbe-2020.json"), "bkpsdm").file;
    assert!(bkpsdm.answers["45"].service.is_some());
    assert!(bkpsdm.answers["36"].justification.starts_with("Fakta: "));
    // Input for indicator 27, which BKPSDM supports: notes and evidence, no level proposed.
    let input = &bkpsdm.support["27"];
    assert_eq!(input.value, None);
    assert_eq!(input.evidence[0].level, Some(3));
    assert!(!bkpsdm.answers.contains_key("27"));

    // The assignment carries the coordinator's deadline, contact and instruction.
    let asg = accept(&fixture("assignment-bkpsdm-spbe-2020.json"), "assignment").file;
    let part = asg.assignment.expect("assignment part");
    assert_eq!(
        part.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-11-30")
    );
    let contact = part.contact.expect("contact");
    assert_eq!(contact.whatsapp, "0812-3456-7890");
    assert!(part
        .instructions
        .is_some_and(|i| i.contains("Fakta dan Analisis")));

    let cons = accept(&fixture("consolidated-spbe-2020.json"), "consolidated").file;
    assert_eq!(cons.provenance.len(), 47);
    assert_eq!(cons.decisions.len(), 1);
    assert!(!cons.decisions[0].note.trim().is_empty());
    assert!(cons.sources.iter().any(|s| s.superseded_by.is_some()));
}

/// The consolidated example's figures, computed by hand from its answers with the
/// formulas of PermenPANRB 59/2020 Lampiran II.B.4 in exact fractions (e.g. A8 =
/// 3·(3+2+3+2+3+2)/18 = 2.50; index = Σ domain × weight / 100 = 2.4195 → 2.42, "Cukup"
/// since 1.80 ≤ 2.42 < 2.60). The reader recomputes them and stays silent.
#[test]
fn the_consolidated_example_states_the_regulations_figures() {
    let file = accept(&fixture("consolidated-spbe-2020.json"), "consolidated").file;
    let r = file.results.expect("results");
    assert_eq!(r.index, Some(2.42));
    assert_eq!(r.predicate.as_deref(), Some("Cukup"));
    let aspects: Vec<f64> = r.aspects.values().copied().collect();
    assert_eq!(aspects, [2.4, 2.0, 2.75, 2.0, 2.0, 1.0, 2.9, 2.5]);
    let domains: Vec<f64> = r
        .domains
        .expect("SPBE 2020 has domains")
        .values()
        .copied()
        .collect();
    assert_eq!(domains, [2.4, 2.3, 1.73, 2.74]);
    assert!(r.complete);
}

/// One refused file per reason: the error expected, by the start of its path, and a word
/// its Indonesian message must contain (so a refusal for the wrong reason fails).
const INVALID: &[(&str, &str, &str)] = &[
    ("not-json.json", "$", "bukan JSON"),
    ("wrong-format.json", "$.format", "bukan berkas Swanilai"),
    ("newer-version.json", "$.version", "lebih baru"),
    ("unknown-framework.json", "$.framework", "spbe-2020"),
    (
        "unknown-indicator.json",
        "$.answers.48",
        "tidak ada dalam SPBE 2020",
    ),
    ("out-of-range.json", "$.answers.36.value", "di luar rentang"),
    (
        "wrong-type.json",
        "$.answers.36.value",
        "harus berupa angka",
    ),
    ("three-decimals.json", "$.answers.5.value", "desimal"),
    ("null-value.json", "$.answers.36.value", "dihilangkan"),
    (
        "multiple-problems.json",
        "$.answers.36.value",
        "di luar rentang",
    ),
    (
        "impossible-date.json",
        "$.answers.36.updated_at",
        "bukan waktu yang sah",
    ),
    ("submission-without-unit.json", "$.unit", "wajib"),
    (
        "assignment-lead-and-support.json",
        "$.assignment.support[1]",
        "sekaligus",
    ),
    (
        "decision-own-without-note.json",
        "$.decisions[0].note",
        "catatan",
    ),
    ("consolidated-without-results.json", "$.results", "wajib"),
    (
        "assignment-deadline-not-a-date.json",
        "$.assignment.deadline",
        "bukan tanggal yang sah",
    ),
    ("support-and-answer.json", "$.support.36", "tidak keduanya"),
];

#[test]
fn every_invalid_example_is_refused_at_its_place() {
    for &(name, path, word) in INVALID {
        let problems = match parse(&fixture(&format!("invalid/{name}"))) {
            Ok(_) => panic!("{name} was accepted"),
            Err(p) => p,
        };
        let hit = errors(&problems)
            .into_iter()
            .find(|p| p.path.starts_with(path) && p.message.id.contains(word));
        assert!(
            hit.is_some(),
            "{name}: no error at {path} saying {word:?}; got {problems:#?}"
        );
    }
}

#[test]
fn the_invalid_folder_has_a_row_for_every_file() {
    let mut files: Vec<String> = std::fs::read_dir(fixture_path("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut rows: Vec<String> = INVALID.iter().map(|r| r.0.to_owned()).collect();
    rows.sort();
    assert_eq!(files, rows);
}

#[test]
fn a_file_with_many_problems_gets_all_of_them_at_once() {
    let problems = parse(&fixture("invalid/multiple-problems.json")).unwrap_err();
    let errs = errors(&problems);
    assert_eq!(
        paths(&errs),
        [
            "$.answers.25.value",
            "$.answers.26.value",
            "$.answers.36.evidence[0].title",
            "$.answers.36.evidence[1].level",
            "$.answers.36.value",
            "$.answers.41.value",
            "$.answers.48",
            "$.exported_at",
            "$.institution",
            "$.unit.name",
        ],
        "{problems:#?}"
    );
    let warnings: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .collect();
    assert_eq!(paths(&warnings), ["$.answers.45.service", "$.period"]);
}

/// Wrong type, out of range, too many decimals and null each say something different,
/// and every one names the values allowed.
#[test]
fn value_problems_are_told_apart() {
    let message = |name: &str| {
        let problems = parse(&fixture(&format!("invalid/{name}"))).unwrap_err();
        let e = errors(&problems);
        assert_eq!(e.len(), 1, "{name}: {problems:#?}");
        e[0].message.clone()
    };
    let out_of_range = message("out-of-range.json");
    let wrong_type = message("wrong-type.json");
    let decimals = message("three-decimals.json");
    let null = message("null-value.json");
    assert!(
        out_of_range.id.contains("1–5, bilangan bulat"),
        "{out_of_range:?}"
    );
    assert!(
        out_of_range.en.contains("1–5, whole numbers"),
        "{out_of_range:?}"
    );
    assert!(
        wrong_type.id.contains("1–5, bilangan bulat") && wrong_type.id.contains("teks \"3\""),
        "{wrong_type:?}"
    );
    assert!(
        decimals
            .id
            .contains("1,00–5,00 dengan paling banyak dua desimal"),
        "{decimals:?}"
    );
    assert!(
        decimals.en.contains("1.00–5.00 with at most two decimals"),
        "{decimals:?}"
    );
    assert!(
        null.id.contains("null") && null.en.contains("Leave unanswered indicators out"),
        "{null:?}"
    );
    let all = [&out_of_range, &wrong_type, &decimals, &null];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a.id, b.id);
        }
    }
}

#[test]
fn a_decimal_on_a_whole_level_framework_is_refused() {
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["answers"]["36"]["value"] = json!(2.5);
    let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(paths(&errors(&problems)), ["$.answers.36.value"]);
    assert!(
        problems[0].message.id.contains("bukan bilangan bulat"),
        "{problems:#?}"
    );
}

#[test]
fn an_unknown_indicator_is_named_with_the_valid_ones() {
    let problems = parse(&fixture("invalid/unknown-indicator.json")).unwrap_err();
    let e = errors(&problems);
    assert_eq!(paths(&e), ["$.answers.48"]);
    assert!(
        e[0].message.id.contains("\"48\"") && e[0].message.id.contains("1–47"),
        "{:?}",
        e[0].message
    );
}

#[test]
fn an_unknown_framework_lists_the_known_ones() {
    let problems = parse(&fixture("invalid/unknown-framework.json")).unwrap_err();
    let e = errors(&problems);
    assert_eq!(paths(&e), ["$.framework"]);
    for id in ["spbe-2018", "spbe-2020", "pemdi-2026"] {
        assert!(e[0].message.en.contains(id), "{:?}", e[0].message);
    }
}

#[test]
fn a_newer_version_is_refused_with_a_request_to_update() {
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["version"] = json!(VERSION + 1);
    let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(
        problems.len(),
        1,
        "one message, not a list of what a newer file lacks: {problems:#?}"
    );
    let p = &problems[0];
    assert_eq!(
        (p.path.as_str(), p.severity),
        ("$.version", Severity::Error)
    );
    assert!(
        p.message.id.contains("Swanilai yang lebih baru") && p.message.id.contains("Perbarui"),
        "{p:?}"
    );
    assert!(
        p.message.en.contains("newer Swanilai") && p.message.en.contains("Update"),
        "{p:?}"
    );
}

#[test]
fn a_version_that_is_not_a_positive_whole_number_is_refused() {
    for bad in [json!(0), json!("1"), json!(1.5), json!(-1), Json::Null] {
        let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
        v["version"] = bad.clone();
        let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(paths(&errors(&problems)), ["$.version"], "{bad}");
    }
}

#[test]
fn a_file_above_the_size_limit_is_refused_before_parsing() {
    // Not JSON at all: a refusal that talks about size proves nothing was parsed.
    let bytes = vec![b'x'; MAX_FILE_BYTES + 1];
    let problems = parse(&bytes).unwrap_err();
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.path, "$");
    assert!(
        p.message.id.contains("terlalu besar") && p.message.id.contains("5 MB"),
        "{p:?}"
    );
    assert!(
        p.message.en.contains("5.1 MB") && p.message.en.contains("limit is 5 MB"),
        "{p:?}"
    );
    // At the limit exactly, the size is fine and the content is judged.
    let problems = parse(&vec![b'x'; MAX_FILE_BYTES]).unwrap_err();
    assert!(
        problems[0].message.id.contains("bukan JSON"),
        "{problems:?}"
    );
}

#[test]
fn files_that_are_not_json_say_what_went_wrong() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "kosong"),
        (b"   \n", "kosong"),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\xFF\xFE{\x00", "UTF-16"),
        (b"{\"format\": \"swanilai\"\xC3\x28}", "UTF-8"),
        (b"[1, 2, 3]", "objek JSON"),
        (
            b"{\"format\": \"swanilai\",\n  \"version\": 1,\n  oops}",
            "baris 3, kolom 3",
        ),
    ];
    for &(bytes, word) in cases {
        let problems = parse(bytes).unwrap_err();
        assert_eq!(problems.len(), 1, "{:?}", String::from_utf8_lossy(bytes));
        assert!(
            problems[0].message.id.contains(word),
            "{word}: {:?}",
            problems[0].message
        );
    }
    let cut = parse(&fixture("invalid/not-json.json")).unwrap_err();
    assert!(cut[0].message.id.contains("terpotong"), "{cut:?}");
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fixture("submission-bkpsdm-spbe-2020.json"));
    accept(&bytes, "file with BOM");
}

#[test]
fn an_export_survives_a_round_trip_unchanged() {
    for &(name, ..) in VALID {
        let first = accept(&fixture(name), name).file;
        let written = serde_json::to_vec_pretty(&first).unwrap();
        let second = accept(&written, name);
        assert_eq!(second.file, first, "{name}");
        assert_eq!(second.warnings, vec![], "{name}");
    }
}

/// Compatibility rule: fields this version does not know are kept and written back, at
/// every level, so a file that passes through an older Swanilai loses nothing.
#[test]
fn unknown_fields_survive_a_round_trip() {
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["x_signed_by"] = json!({ "name": "Kepala BKPSDM", "nip": "197001011990031001" });
    v["answers"]["36"]["x_reviewed"] = json!(true);
    v["answers"]["36"]["evidence"][0]["x_pages"] = json!([3, 4]);
    v["unit"]["x_code"] = json!("4.03.01");

    let first = accept_json(&v);
    assert_eq!(
        first.warnings,
        vec![],
        "unknown fields are accepted silently"
    );
    let written: Json = serde_json::to_value(&first.file).unwrap();
    assert_eq!(written["x_signed_by"]["nip"], "197001011990031001");
    assert_eq!(written["answers"]["36"]["x_reviewed"], true);
    assert_eq!(
        written["answers"]["36"]["evidence"][0]["x_pages"],
        json!([3, 4])
    );

    let second: ExchangeFile = accept_json(&written).file;
    assert_eq!(second, first.file);
    assert_eq!(second.extra["x_signed_by"]["name"], "Kepala BKPSDM");
}

#[test]
fn results_that_differ_from_this_versions_arithmetic_are_a_warning_not_an_error() {
    let mut v = fixture_json("consolidated-spbe-2020.json");
    v["results"]["index"] = json!(2.41);
    v["results"]["aspects"]["A8"] = json!(2.49);
    let parsed = accept_json(&v);
    assert_eq!(
        paths(&parsed.warnings.iter().collect::<Vec<_>>()),
        ["$.results.aspects.A8", "$.results.index"]
    );
    let w = &parsed
        .warnings
        .iter()
        .find(|p| p.path == "$.results.index")
        .unwrap()
        .message;
    assert!(w.id.contains("2,41") && w.id.contains("2,42"), "{w:?}");
    assert!(w.en.contains("2.41") && w.en.contains("2.42"), "{w:?}");

    let mut v = fixture_json("consolidated-spbe-2020.json");
    v["results"]["predicate"] = json!("Baik");
    v["results"]["complete"] = json!(false);
    let parsed = accept_json(&v);
    assert_eq!(
        paths(&parsed.warnings.iter().collect::<Vec<_>>()),
        ["$.results.complete", "$.results.predicate"]
    );
}

#[test]
fn a_consolidated_answer_without_provenance_is_a_warning() {
    let mut v = fixture_json("consolidated-spbe-2020.json");
    v["provenance"].as_object_mut().unwrap().remove("12");
    let parsed = accept_json(&v);
    assert_eq!(
        paths(&parsed.warnings.iter().collect::<Vec<_>>()),
        ["$.provenance.12"]
    );
}

/// (JSON pointer, bad value, path of the one error expected), on the consolidated example.
fn consolidated_cases() -> Vec<(&'static str, Json, &'static str)> {
    vec![
        (
            "/provenance/99",
            json!({ "unit": "bkpsdm" }),
            "$.provenance.99",
        ),
        (
            "/provenance/40/decision",
            json!(3),
            "$.provenance.40.decision",
        ),
        ("/decisions/0/rule", json!("vote"), "$.decisions[0].rule"),
        (
            "/decisions/0/indicator",
            json!("48"),
            "$.decisions[0].indicator",
        ),
        ("/decisions/0/value", json!(6), "$.decisions[0].value"),
        (
            "/decisions/0/candidates/1/value",
            json!(null),
            "$.decisions[0].candidates[1].value",
        ),
        (
            "/decisions/0/decided_by",
            json!(""),
            "$.decisions[0].decided_by",
        ),
        (
            "/decisions/0/decided_at",
            json!("kemarin"),
            "$.decisions[0].decided_at",
        ),
        (
            "/sources/0/superseded_by",
            json!("2026-11-31T00:00:00Z"),
            "$.sources[0].superseded_by",
        ),
        (
            "/sources/1/answered/0",
            json!("0"),
            "$.sources[1].answered[0]",
        ),
        ("/sources/2/digest", json!(""), "$.sources[2].digest"),
        ("/results/aspects/A9", json!(2.0), "$.results.aspects.A9"),
        ("/results/domains/D1", json!("2,40"), "$.results.domains.D1"),
        ("/results/index", json!("2.42"), "$.results.index"),
        ("/results/complete", json!("ya"), "$.results.complete"),
    ]
}

/// (JSON pointer, bad value, path of the one error expected), on the BKPSDM submission.
fn envelope_cases() -> Vec<(&'static str, Json, &'static str)> {
    vec![
        ("/kind", json!("laporan"), "$.kind"),
        ("/kind", json!("Submission"), "$.kind"),
        ("/framework", json!(2020), "$.framework"),
        ("/period", json!(2026), "$.period"),
        (
            "/exported_at",
            json!("2026-11-28T09:30:00"),
            "$.exported_at",
        ),
        ("/unit/id", json!(""), "$.unit.id"),
        ("/answers", json!([]), "$.answers"),
        ("/answers/36", json!(3), "$.answers.36"),
        (
            "/answers/36/justification",
            json!(null),
            "$.answers.36.justification",
        ),
        (
            "/answers/36/evidence",
            json!("Perbup 12/2024"),
            "$.answers.36.evidence",
        ),
        (
            "/answers/36/evidence/0/title",
            json!("  "),
            "$.answers.36.evidence[0].title",
        ),
        (
            "/answers/36/evidence/0/link",
            json!(["a", "b"]),
            "$.answers.36.evidence[0].link",
        ),
        (
            "/answers/36/evidence/0/level",
            json!(2.5),
            "$.answers.36.evidence[0].level",
        ),
        (
            "/answers/36/evidence/0/level",
            json!(0),
            "$.answers.36.evidence[0].level",
        ),
        ("/answers/36/service", json!(45), "$.answers.36.service"),
        ("/generator", json!(1), "$.generator"),
    ]
}

/// The problems of `fixture` with `bad` set at `pointer`; it must be refused.
fn refuse_modified(fixture: &str, pointer: &str, bad: &Json) -> Vec<Problem> {
    let mut v = fixture_json(fixture);
    set(&mut v, pointer, bad.clone());
    parse(&serde_json::to_vec(&v).unwrap()).unwrap_err()
}

#[test]
fn consolidated_parts_are_checked() {
    for (pointer, bad, path) in consolidated_cases() {
        let problems = refuse_modified("consolidated-spbe-2020.json", pointer, &bad);
        assert_eq!(
            paths(&errors(&problems)),
            [path],
            "{pointer} = {bad}: {problems:#?}"
        );
    }
}

#[test]
fn domains_are_refused_for_a_framework_without_domains() {
    let mut v = fixture_json("submission-diskominfo-pemdi-2026.json");
    v["kind"] = json!("consolidated");
    v["results"] = json!({ "index": null, "predicate": null, "aspects": {}, "domains": { "D1": 2.0 }, "complete": false });
    let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    let e = errors(&problems);
    assert_eq!(paths(&e), ["$.results.domains.D1"]);
    assert!(
        e[0].message.id.contains("tidak memiliki domain"),
        "{:?}",
        e[0].message
    );
}

#[test]
fn assignment_lists_are_checked() {
    let mut v = fixture_json("assignment-bkpsdm-spbe-2020.json");
    v["assignment"]["lead"] = json!(["25", "25", "99", 36]);
    let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(
        paths(&errors(&problems)),
        ["$.assignment.lead[2]", "$.assignment.lead[3]"]
    );
    let warnings: Vec<&Problem> = problems.iter().filter(|p| !p.is_error()).collect();
    assert_eq!(
        paths(&warnings),
        ["$.assignment.lead[1]"],
        "a duplicate is only a warning"
    );

    let mut v = fixture_json("assignment-bkpsdm-spbe-2020.json");
    v.as_object_mut().unwrap().remove("assignment");
    assert_eq!(
        paths(&errors(
            &parse(&serde_json::to_vec(&v).unwrap()).unwrap_err()
        )),
        ["$.assignment"]
    );
}

#[test]
fn envelope_fields_are_checked() {
    for (pointer, bad, path) in envelope_cases() {
        let problems = refuse_modified("submission-bkpsdm-spbe-2020.json", pointer, &bad);
        assert_eq!(
            paths(&errors(&problems)),
            [path],
            "{pointer} = {bad}: {problems:#?}"
        );
    }
}

#[test]
fn optional_fields_may_be_null_or_absent() {
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["generator"] = Json::Null;
    v["answers"]["36"]["updated_at"] = Json::Null;
    v["answers"]["36"]["evidence"][0]["level"] = Json::Null;
    for field in ["justification", "evidence"] {
        v["answers"]["25"].as_object_mut().unwrap().remove(field);
    }
    v.as_object_mut().unwrap().remove("generator");
    let parsed = accept_json(&v);
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(parsed.file.answers["25"].evidence, vec![]);
}

#[test]
fn an_empty_institution_or_period_is_only_a_warning() {
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["institution"] = json!("");
    v["period"] = json!(" ");
    let parsed = accept_json(&v);
    assert_eq!(
        paths(&parsed.warnings.iter().collect::<Vec<_>>()),
        ["$.institution", "$.period"]
    );
}

#[test]
fn every_message_is_written_in_both_languages() {
    let mut all: Vec<Problem> = Vec::new();
    for &(name, ..) in INVALID {
        all.extend(parse(&fixture(&format!("invalid/{name}"))).unwrap_err());
    }
    let mut v = fixture_json("consolidated-spbe-2020.json");
    v["results"]["index"] = json!(1.0);
    v["results"]["predicate"] = Json::Null;
    v["provenance"].as_object_mut().unwrap().remove("1");
    all.extend(accept_json(&v).warnings);
    all.extend(parse(&vec![b' '; MAX_FILE_BYTES + 1]).unwrap_err());
    for (pointer, bad, _) in envelope_cases() {
        all.extend(refuse_modified(
            "submission-bkpsdm-spbe-2020.json",
            pointer,
            &bad,
        ));
    }
    for (pointer, bad, _) in consolidated_cases() {
        all.extend(refuse_modified(
            "consolidated-spbe-2020.json",
            pointer,
            &bad,
        ));
    }
    assert!(
        all.len() > 60,
        "enough messages to mean something: {}",
        all.len()
    );
    for p in &all {
        assert!(
            !p.message.id.trim().is_empty() && !p.message.en.trim().is_empty(),
            "{p:?}"
        );
        assert_ne!(p.message.id, p.message.en, "{p:?}");
        assert!(p.path.starts_with('$'), "{p:?}");
    }
}

/// docs/swanilai.schema.json spells out each framework's ids and ranges for other tools;
/// this keeps it in step with the catalogue (tests/schema.test.mjs checks it validates).
#[test]
fn the_published_schema_matches_the_catalogue() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/swanilai.schema.json");
    let schema: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let strings = |v: &Json| -> Vec<String> {
        v.as_array()
            .unwrap_or_else(|| panic!("not an array: {v}"))
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    let mut listed = strings(&schema["properties"]["framework"]["enum"]);
    let mut registered: Vec<String> = frameworks().iter().map(|f| f.id.clone()).collect();
    listed.sort();
    registered.sort();
    assert_eq!(listed, registered);

    let defs = &schema["$defs"];
    for fw in frameworks() {
        let ids: Vec<String> = fw.indicators.iter().map(|i| i.id.clone()).collect();
        assert_eq!(
            strings(&defs[format!("{}.indicator", fw.id)]["enum"]),
            ids,
            "{}",
            fw.id
        );
        let value = &defs[format!("{}.value", fw.id)];
        assert_eq!(
            value["type"],
            if fw.values.is_decimal() {
                "number"
            } else {
                "integer"
            },
            "{}",
            fw.id
        );
        assert_eq!(value["minimum"], fw.values.min_level(), "{}", fw.id);
        assert_eq!(value["maximum"], fw.values.max_level(), "{}", fw.id);
        let results = &defs[fw.id.as_str()]["properties"]["results"]["properties"];
        let aspects: Vec<String> = fw.aspects.iter().map(|a| a.id.clone()).collect();
        assert_eq!(
            strings(&results["aspects"]["propertyNames"]["enum"]),
            aspects,
            "{}",
            fw.id
        );
        let domains: Vec<String> = fw.domains.iter().map(|d| d.id.clone()).collect();
        if fw.has_domains() {
            assert_eq!(
                strings(&results["domains"]["anyOf"][0]["propertyNames"]["enum"]),
                domains,
                "{}",
                fw.id
            );
        } else {
            assert_eq!(
                results["domains"]["anyOf"][0]["maxProperties"], 0,
                "{}",
                fw.id
            );
        }
    }
}

/// Sets the value at a JSON pointer, creating the last key when it does not exist.
fn set(v: &mut Json, pointer: &str, new: Json) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match target {
        Json::Object(o) => {
            o.insert(key.to_owned(), new);
        }
        Json::Array(a) => a[key.parse::<usize>().unwrap()] = new,
        _ => panic!("{pointer}"),
    }
}

// ---------------------------------------------------------------------------------------
// Issue 9: what the reader once let through.

/// A submission fixture with text replaced: `from` must occur exactly once.
fn edited(fixture_name: &str, from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture(fixture_name)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn a_key_written_twice_is_refused_with_its_path() {
    // Indicator 36 twice in "answers": serde would keep the later one without a word.
    let twice = edited(
        "submission-bkpsdm-spbe-2020.json",
        "\"answers\": {",
        "\"answers\": {\n    \"36\": { \"value\": 1 },",
    );
    let problems = parse(&twice).unwrap_err();
    assert_eq!(paths(&errors(&problems)), ["$.answers.36"], "{problems:#?}");
    let m = &problems[0].message;
    assert!(
        m.id.contains("\"36\"") && m.id.contains("dua kali"),
        "{m:?}"
    );
    assert!(m.en.contains("\"36\"") && m.en.contains("twice"), "{m:?}");

    // At any depth: a field of an evidence item.
    let twice = edited(
        "submission-bkpsdm-spbe-2020.json",
        "\"reference\": \"Pasal 4, hlm. 3\",",
        "\"reference\": \"Pasal 4, hlm. 3\", \"reference\": \"Pasal 5\",",
    );
    let problems = parse(&twice).unwrap_err();
    assert_eq!(
        paths(&errors(&problems)),
        ["$.answers.36.evidence[0].reference"]
    );
    // An escaped spelling of the same key is the same key.
    let twice = edited(
        "submission-bkpsdm-spbe-2020.json",
        "\"period\": \"2026\",",
        "\"period\": \"2026\", \"p\\u0065riod\": \"2025\",",
    );
    assert_eq!(paths(&errors(&parse(&twice).unwrap_err())), ["$.period"]);
}

#[test]
fn evidence_review_and_date_are_checked_like_every_field() {
    let cases = [
        (json!("ya"), "review", "$.answers.36.evidence[0].review"),
        (json!(1), "review", "$.answers.36.evidence[0].review"),
        (json!("kemarin"), "date", "$.answers.36.evidence[0].date"),
        (json!("2024-01-€"), "date", "$.answers.36.evidence[0].date"),
        (json!("2026-02-30"), "date", "$.answers.36.evidence[0].date"),
        (json!(20240101), "date", "$.answers.36.evidence[0].date"),
    ];
    for (bad, field, path) in cases {
        let pointer = format!("/answers/36/evidence/0/{field}");
        let problems = refuse_modified("submission-bkpsdm-spbe-2020.json", &pointer, &bad);
        assert_eq!(paths(&errors(&problems)), [path], "{field} = {bad}");
        for p in &problems {
            assert!(
                !p.message.en.contains("invalid type") && !p.message.en.contains("expected"),
                "serde's own words reached the user: {:?}",
                p.message
            );
        }
    }
    // The panic of issue 9: a review whose date is cut inside a character, on level 4.
    let mut v = fixture_json("submission-bkpsdm-spbe-2020.json");
    v["answers"]["36"]["value"] = json!(4);
    v["answers"]["36"]["evidence"][0]["date"] = json!("2024-01-€");
    v["answers"]["36"]["evidence"][0]["review"] = json!(true);
    assert!(parse(&serde_json::to_vec(&v).unwrap()).is_err());
}

#[test]
fn a_damaged_coordination_block_is_refused_not_reset() {
    let cases = [
        ("/coordination", json!("rusak"), "$.coordination"),
        ("/coordination/units", json!({}), "$.coordination.units"),
        (
            "/coordination/units/0",
            json!({ "id": "" , "name": "X" }),
            "$.coordination.units[0].id",
        ),
        (
            "/coordination/assignments/1",
            json!({ "lead": 3 }),
            "$.coordination.assignments.1.lead",
        ),
        (
            "/coordination/assignments/99",
            json!({ "lead": null }),
            "$.coordination.assignments.99",
        ),
        (
            "/coordination/coordinator",
            json!(7),
            "$.coordination.coordinator",
        ),
    ];
    for (pointer, bad, path) in cases {
        let problems = refuse_modified("consolidated-spbe-2020.json", pointer, &bad);
        assert_eq!(paths(&errors(&problems)), [path], "{pointer} = {bad}");
    }
}

/// Found by the one-truth property test: a huge negative figure in `results` made the
/// mismatch warning overflow while formatting it (a panic in debug builds).
#[test]
fn a_huge_figure_in_results_is_a_warning_not_a_panic() {
    for huge in [json!(-1e300), json!(1e300), json!(-9.3e18)] {
        let mut v = fixture_json("consolidated-spbe-2020.json");
        v["results"]["index"] = huge.clone();
        let parsed = accept_json(&v);
        assert_eq!(
            paths(&parsed.warnings.iter().collect::<Vec<_>>()),
            ["$.results.index"],
            "{huge}"
        );
    }
}
