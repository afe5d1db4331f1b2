//! Assessor results beside the self-assessment (issue 10 §4): pasting values from a
//! spreadsheet, the gap table, and the results travelling in the consolidated file
//! without touching any self-assessment figure.
//!
//! Expected figures are worked out by hand with the Pemdi weights (8/2026 Bagian B): own
//! values 3 = 1.00, 4 = 7/6, 19 = 2.00, assessors' 3 = 1.00, 4 = 1.00, 19 = 1.30; the
//! external indicators 5, 6, 7 and 18 (weights 5, 3, 3, 3) count as 1.00 on both sides.
//!   own index = (5·1 + 5·7/6 + 10·2 + 14·1) / 34 = 269/204 = 1.3186… → 1,32
//!   assessors' = (5·1 + 5·1 + 10·1.3 + 14·1) / 34 = 37/34 = 1.0882… → 1,09

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use swanilai::domain::assessor::{compare, format_gap, parse_paste, AssessorResults, PasteProblem};
use swanilai::domain::catalogue::framework;
use swanilai::domain::consolidation::{to_consolidated, Workspace};
use swanilai::domain::exchange::{parse, Timestamp};
use swanilai::domain::{Lang, Value};

const NOW: &str = "2026-12-01T03:00:00Z";

fn h(x: u16) -> Value {
    Value::from_hundredths(x).unwrap()
}

fn read(fw: &str, text: &str) -> Vec<(String, u16, String)> {
    parse_paste(framework(fw).unwrap(), text)
        .unwrap_or_else(|p| panic!("{text:?}: {p:?}"))
        .into_iter()
        .map(|l| (l.indicator, l.value.hundredths(), l.note))
        .collect()
}

fn problems(fw: &str, text: &str) -> Vec<PasteProblem> {
    parse_paste(framework(fw).unwrap(), text).unwrap_err()
}

#[test]
fn pasted_lines_take_tabs_semicolons_commas_and_decimal_commas() {
    let got = read(
        "pemdi-2026",
        "Indikator\tNilai\tCatatan\r\n13\t3,25\tRepositori belum lengkap\r\n\r\n5.2;2.5;\n19,1,30\n\"4\";\"1,17\"\n",
    );
    assert_eq!(
        got,
        [
            (
                "13".to_string(),
                325,
                "Repositori belum lengkap".to_string()
            ),
            ("14".to_string(), 250, String::new()),
            ("19".to_string(), 130, String::new()),
            ("4".to_string(), 117, String::new()),
        ]
    );
    assert_eq!(
        read("spbe-2020", "36;3\n45;2;layanan perizinan"),
        [
            ("36".to_string(), 300, String::new()),
            ("45".to_string(), 200, "layanan perizinan".to_string()),
        ]
    );
    assert_eq!(
        read("spbe-2018", "35.2\t0"),
        [("35.2".to_string(), 0, String::new())]
    );
}

#[test]
fn every_bad_line_is_reported_with_its_number_and_nothing_is_read() {
    let fw = framework("pemdi-2026").unwrap();
    let p = problems("pemdi-2026", "13\t2,5\n21\t2\n4\tdua\n4\t5,5\n13;1\n7\n");
    assert_eq!(
        p,
        [
            PasteProblem::UnknownIndicator {
                line: 2,
                text: "21".into()
            },
            PasteProblem::NotANumber {
                line: 3,
                text: "dua".into()
            },
            PasteProblem::NotAllowed {
                line: 4,
                text: "5,5".into()
            },
            PasteProblem::Repeated {
                line: 5,
                code: "5.1".into(),
                first: 1
            },
            PasteProblem::NoValue { line: 6 },
        ]
    );
    let m = p[3].message(fw);
    assert_eq!(m.id, "Baris 5: indikator 5.1 sudah ada di baris 1.");
    assert_eq!(m.en, "Line 5: indicator 5.1 was already given on line 1.");
    assert!(
        p[2].message(fw).id.contains("1,00–5,00"),
        "{:?}",
        p[2].message(fw)
    );
    // Whole levels only in SPBE.
    let spbe = problems("spbe-2020", "36;3,5");
    assert_eq!(
        spbe,
        [PasteProblem::NotAllowed {
            line: 1,
            text: "3,5".into()
        }]
    );
    assert!(spbe[0]
        .message(framework("spbe-2020").unwrap())
        .id
        .contains("bilangan bulat"));
    assert_eq!(problems("spbe-2020", " \n\n"), [PasteProblem::Empty]);
}

#[test]
fn stages_are_the_frameworks_and_values_are_checked() {
    let pemdi = framework("pemdi-2026").unwrap();
    let mut r = AssessorResults::default();
    let lines = parse_paste(pemdi, "13\t2").unwrap();
    assert!(
        r.apply(pemdi, "visitasi", &lines).is_err(),
        "Pemdi records final values only"
    );
    r.apply(pemdi, "akhir", &lines).unwrap();
    assert!(
        r.set(pemdi, "akhir", "13", Some(h(50)), "").is_err(),
        "below 1,00"
    );
    assert!(r.set(pemdi, "akhir", "99", Some(h(200)), "").is_err());
    r.set(
        pemdi,
        "akhir",
        "19",
        Some(h(130)),
        "SLA berupa daftar, bukan dasbor",
    )
    .unwrap();
    assert_eq!(r.latest(pemdi), Some("akhir"));
    r.set(pemdi, "akhir", "13", None, "").unwrap();
    assert_eq!(r.stage("akhir").unwrap().values.len(), 1);
    r.clear("akhir");
    assert!(r.is_empty());
    let spbe = framework("spbe-2020").unwrap();
    let stages: Vec<&str> = spbe.assessor_stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, ["dokumen", "interviu", "visitasi"]);
    r.set(spbe, "dokumen", "1", Some(h(200)), "").unwrap();
    r.set(spbe, "interviu", "1", Some(h(300)), "").unwrap();
    assert_eq!(r.latest(spbe), Some("interviu"));
}

#[test]
fn the_gap_table_puts_the_largest_gaps_first() {
    let fw = framework("pemdi-2026").unwrap();
    let own: BTreeMap<&str, Value> = [
        ("3", h(100)),
        ("4", Value::from_fraction(7, 6).unwrap()),
        ("19", h(200)),
    ]
    .into_iter()
    .collect();
    let mut r = AssessorResults::default();
    let lines = parse_paste(fw, "3\t1\n4\t1\n19\t1,30\tSLA berupa daftar").unwrap();
    r.apply(fw, "akhir", &lines).unwrap();
    let c = compare(fw, |id| own.get(id).copied(), r.stage("akhir").unwrap());

    type Row<'a> = (&'a str, Option<i64>, Option<i64>, Option<i64>);
    let rows: Vec<Row> = c
        .indicators
        .iter()
        .map(|g| (g.id.as_str(), g.own, g.assessor, g.gap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("19", Some(200), Some(130), Some(70)),
            ("4", Some(117), Some(100), Some(17)),
            ("3", Some(100), Some(100), Some(0)),
        ]
    );
    assert_eq!(c.indicators[0].note, "SLA berupa daftar");
    assert_eq!(
        (c.index.own, c.index.assessor, c.index.gap()),
        (Some(132), Some(109), Some(23))
    );
    assert!(c.index.provisional);
    let a2 = c.aspects.iter().find(|g| g.id == "A2").unwrap();
    assert_eq!(
        (a2.own, a2.assessor),
        (Some(108), Some(100)),
        "13/12 against 1"
    );
    assert_eq!(
        c.aspects[0].id, "A7",
        "A7 (19 alone) has the largest gap, 0.70"
    );
    // Figures over different indicators are not compared: here the assessors value 20 too.
    let more = parse_paste(fw, "3\t1\n4\t1\n19\t1,30\n20\t1").unwrap();
    let mut r2 = AssessorResults::default();
    r2.apply(fw, "akhir", &more).unwrap();
    let c2 = compare(fw, |id| own.get(id).copied(), r2.stage("akhir").unwrap());
    assert_eq!(c2.index.gap(), None);
    assert_eq!(c2.index.texts(Lang::Id)[2], "≠");
    let a7 = c2.aspects.iter().find(|g| g.id == "A7").unwrap();
    assert_eq!(
        (a7.own, a7.gap()),
        (Some(200), None),
        "A7: own 19 only, assessors 19 and 20"
    );
    let a2 = c2.aspects.iter().find(|g| g.id == "A2").unwrap();
    assert_eq!(a2.gap(), Some(8), "A2 rests on 3 and 4 on both sides");
    assert_eq!(format_gap(70, Lang::Id), "+0,70");
    assert_eq!(format_gap(-5, Lang::En), "−0.05");
    assert_eq!(format_gap(0, Lang::Id), "0,00");
}

#[test]
fn assessor_values_travel_in_the_consolidated_file_and_change_no_figure() {
    let now = Timestamp::parse(NOW).unwrap();
    let fw = framework("spbe-2020").unwrap();
    let mut ws = Workspace::new(
        "w".into(),
        fw,
        "Pemerintah Kabupaten Karanganyar".into(),
        "2026".into(),
        "Koordinator SPBE".into(),
        true,
        &now,
    );
    let submission = serde_json::json!({
        "format": "swanilai", "version": 1, "kind": "submission", "framework": "spbe-2020",
        "institution": "Pemerintah Kabupaten Karanganyar", "period": "2026",
        "unit": { "id": "bkpsdm", "name": "BKPSDM" }, "exported_at": NOW,
        "answers": { "36": { "value": 3 }, "1": { "value": 2 } }
    });
    ws.import_bytes(&serde_json::to_vec(&submission).unwrap(), "b.json", &now)
        .unwrap();
    let before = to_consolidated(&ws, &now);
    let lines = parse_paste(fw, "36\t2\tBukti integrasi belum ada\n1\t2").unwrap();
    ws.assessor.apply(fw, "dokumen", &lines).unwrap();
    ws.assessor.apply(fw, "interviu", &lines[..1]).unwrap();
    let after = to_consolidated(&ws, &now);
    assert_eq!(after.answers, before.answers);
    assert_eq!(after.results, before.results);
    let json = serde_json::to_vec(&after).unwrap();
    let parsed = parse(&json).unwrap();
    assert_eq!(parsed.warnings, vec![]);
    let a = parsed.file.assessor.clone().expect("assessor part");
    assert_eq!(a, ws.assessor);
    assert_eq!(
        a.stages["dokumen"].values["36"].note,
        "Bukti integrasi belum ada"
    );
    let (reopened, _) = Workspace::from_consolidated("w2".into(), &parsed.file, &now).unwrap();
    assert_eq!(reopened.assessor, ws.assessor);
    // Files without it read as before.
    assert!(parse(&serde_json::to_vec(&before).unwrap())
        .unwrap()
        .file
        .assessor
        .is_none());
    // Bad assessor values are refused at their place; an unknown stage is only a warning.
    let mut v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    v["assessor"]["stages"]["dokumen"]["values"]["36"]["value"] = serde_json::json!(7);
    v["assessor"]["stages"]["dokumen"]["values"]["99"] = serde_json::json!({ "value": 1 });
    v["assessor"]["stages"]["banding"] = serde_json::json!({ "values": {} });
    let problems = parse(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    let at = |p: &str| problems.iter().find(|x| x.path == p).map(|x| x.is_error());
    assert_eq!(at("$.assessor.stages.dokumen.values.36.value"), Some(true));
    assert_eq!(at("$.assessor.stages.dokumen.values.99"), Some(true));
    assert_eq!(at("$.assessor.stages.banding"), Some(false));
}

proptest! {
    /// Whatever is pasted, the reader neither panics nor loses a line: every non-empty line
    /// is read or reported (a header line may be skipped), and what is read is valid.
    #[test]
    fn pasting_anything_is_read_or_reported_line_by_line(
        lines in prop::collection::vec("[0-9a-z.,;\t \"-]{0,12}", 0..12),
        fw in prop::sample::select(vec!["pemdi-2026", "spbe-2020", "spbe-2018"]),
    ) {
        let f = framework(fw).unwrap();
        let text = lines.join("\n");
        let filled = text.lines().filter(|l| !l.trim().is_empty()).count();
        match parse_paste(f, &text) {
            Ok(read) => {
                prop_assert!(read.len() <= filled && read.len() + 1 >= filled);
                for l in &read {
                    prop_assert!(f.indicator(&l.indicator).is_some());
                    prop_assert!(f.values.accepts(l.value));
                    prop_assert_eq!(read.iter().filter(|o| o.indicator == l.indicator).count(), 1);
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(p.line().is_none_or(|n| n >= 1 && n <= text.lines().count()));
                    prop_assert!(!p.message(f).id.is_empty());
                }
            }
        }
    }
}
