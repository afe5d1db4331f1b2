//! The journey around the answers (issue 13): supporting units' input, guidance carried in
//! assignment files, who still owes what and the reminders, amending a decision's note, and
//! the Berita Acara's particulars kept in the workspace and the consolidated file.
//!
//! Who leads and supports what comes from the default template (process.md): indicator 25
//! (Kompetensi SDM) is led by BKPSDM and supported by Diskominfo; 36 (Kepegawaian) is led by
//! BKPSDM alone; 39 (Pengawasan internal) by the Inspektorat.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use std::sync::LazyLock;
use swanilai::domain::catalogue::framework;
use swanilai::domain::consolidation::{
    assignment_file, coverage, dues, merge, reminder, reminder_all, to_consolidated, BeritaAcara,
    CellState, Coordination, Settlement, Signatory, Status, Workspace, COORDINATION_KEY,
};
use swanilai::domain::draft::{Draft, Part};
use swanilai::domain::exchange::{
    self, Contact, Date, ExchangeFile, Kind, Timestamp, FORMAT, VERSION,
};
use swanilai::domain::local_time::LocalTime;
use swanilai::domain::value::Value;

static NOW: LazyLock<Timestamp> = LazyLock::new(|| time("2026-11-20T03:00:00Z"));
static LATER: LazyLock<Timestamp> = LazyLock::new(|| time("2026-11-21T03:00:00Z"));

fn time(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn workspace(fw: &str) -> Workspace {
    Workspace::new(
        "ws".into(),
        framework(fw).unwrap(),
        "Pemerintah Kabupaten Karanganyar".into(),
        "2026".into(),
        "Rina Wulandari".into(),
        true,
        &NOW,
    )
}

fn v(level: u8) -> Value {
    Value::from_level(level).unwrap()
}

/// A submission of `unit` with `answers` and `support` (JSON objects as in the format).
fn file(unit: &str, answers: serde_json::Value, support: serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "format": FORMAT, "version": VERSION, "kind": "submission", "framework": "spbe-2020",
        "institution": "Pemerintah Kabupaten Karanganyar", "period": "2026",
        "unit": { "id": unit, "name": format!("Unit {unit}") },
        "exported_at": "2026-11-19T02:00:00Z",
        "answers": answers,
        "support": support,
    }))
    .unwrap()
}

fn answer(level: u8) -> serde_json::Value {
    json!({ "value": level, "justification": "Fakta: Peta kompetensi ASN 2026\nAnalisis: tingkat terpenuhi" })
}

fn import(ws: &mut Workspace, bytes: &[u8]) -> Vec<String> {
    let report = ws
        .import_bytes(bytes, "berkas.json", &NOW)
        .unwrap_or_else(|p| panic!("refused: {p:?}"));
    report
        .warnings
        .iter()
        .map(|w| w.message.id.clone())
        .collect()
}

/// The consolidated file, checked by the reader every other tool uses: no error, no warning.
fn consolidated(ws: &Workspace) -> ExchangeFile {
    let f = to_consolidated(ws, &LATER);
    match exchange::parse(&serde_json::to_vec(&f).unwrap()) {
        Ok(p) => assert!(p.warnings.is_empty(), "{:?}", p.warnings),
        Err(p) => panic!("consolidated file refused: {p:?}"),
    }
    f
}

fn assert_template(ws: &Workspace) {
    let a = ws.assignment("25");
    assert_eq!(a.lead.as_deref(), Some("bkpsdm"));
    assert!(a.support.contains(&"diskominfo".to_string()));
}

#[test]
fn supporting_input_reaches_the_coordinator_beside_the_lead_answer_and_raises_no_conflict() {
    let mut ws = workspace("spbe-2020");
    assert_template(&ws);
    import(
        &mut ws,
        &file("bkpsdm", json!({ "25": answer(3) }), json!({})),
    );
    let note = json!({ "25": {
        "justification": "Fakta: Diklat TIK bagi 40 ASN (Diskominfo, 2026)",
        "evidence": [{ "title": "Laporan Diklat TIK 2026", "level": 3 }]
    }});
    let warnings = import(&mut ws, &file("diskominfo", json!({}), note));
    assert!(warnings.is_empty(), "{warnings:?}");

    let m = merge(&ws);
    let item = m.item("25").unwrap();
    assert_eq!(item.inputs.len(), 1);
    assert_eq!(item.inputs[0].unit, "diskominfo");
    assert!(matches!(item.status, Status::Agreed { value, .. } if value == v(3)));
    assert_eq!(item.source_unit(), Some("bkpsdm"));
    assert_eq!(m.conflicts().count(), 0);
    let input = ws.input_of(&item.inputs[0], "25").unwrap();
    assert_eq!(input.evidence[0].title, "Laporan Diklat TIK 2026");

    let cov = coverage(&ws, &m);
    let col = cov.units.iter().position(|u| u == "diskominfo").unwrap();
    let row = cov.rows.iter().find(|r| r.indicator == "25").unwrap();
    assert_eq!(row.cells[col].state, CellState::Input);
    assert!(!row.cells[col].is_missing(), "support is input, never owed");

    let f = consolidated(&ws);
    assert_eq!(f.answers["25"].value, v(3));
    assert_eq!(f.provenance["25"].unit.as_deref(), Some("bkpsdm"));
}

#[test]
fn a_proposed_level_agrees_or_conflicts_like_an_answer() {
    // The same level as the lead's: nothing to decide, the lead's answer is carried.
    let mut ws = workspace("spbe-2020");
    import(
        &mut ws,
        &file("bkpsdm", json!({ "25": answer(3) }), json!({})),
    );
    import(
        &mut ws,
        &file("diskominfo", json!({}), json!({ "25": { "value": 3 } })),
    );
    let m = merge(&ws);
    assert_eq!(m.conflicts().count(), 0);
    assert_eq!(m.item("25").unwrap().source_unit(), Some("bkpsdm"));

    // A different level: a conflict the coordinator settles like any other.
    let mut ws = workspace("spbe-2020");
    import(
        &mut ws,
        &file("bkpsdm", json!({ "25": answer(3) }), json!({})),
    );
    import(
        &mut ws,
        &file(
            "diskominfo",
            json!({}),
            json!({ "25": { "value": 4, "justification": "Analisis: sertifikasi TIK sudah ada" } }),
        ),
    );
    let m = merge(&ws);
    let item = m.item("25").unwrap();
    assert_eq!(item.status, Status::Unsettled);
    let proposal = item
        .candidates
        .iter()
        .find(|c| c.unit == "diskominfo")
        .unwrap();
    assert!(proposal.proposal && proposal.value == v(4));
    assert_eq!(
        consolidated(&ws).answers.get("25"),
        None,
        "never chosen silently"
    );
    ws.settle(
        "25",
        Settlement::Pick {
            unit: "diskominfo".into(),
            note: "Sertifikat TIK terlampir".into(),
        },
        &LATER,
    )
    .unwrap();
    let f = consolidated(&ws);
    assert_eq!(f.answers["25"].value, v(4));
    assert!(f.answers["25"].justification.contains("sertifikasi TIK"));
    assert_eq!(f.provenance["25"].unit.as_deref(), Some("diskominfo"));

    // The lead silent: the proposal is the only level given, and it is carried.
    let mut ws = workspace("spbe-2020");
    import(
        &mut ws,
        &file("diskominfo", json!({}), json!({ "25": { "value": 2 } })),
    );
    let f = consolidated(&ws);
    assert_eq!(f.answers["25"].value, v(2));
    let (reopened, _) = Workspace::from_consolidated("re".into(), &f, &LATER).unwrap();
    assert_eq!(merge(&reopened).values(), merge(&ws).values());
}

#[test]
fn answers_outside_the_assignment_are_flagged_on_import_and_still_count() {
    let mut ws = workspace("spbe-2020");
    // BKPSDM leads 36 and 25; it is not assigned 39 (Inspektorat's) nor 1.
    let warnings = import(
        &mut ws,
        &file(
            "bkpsdm",
            json!({ "36": answer(3), "39": answer(2), "1": answer(2) }),
            json!({}),
        ),
    );
    let w = warnings
        .iter()
        .find(|w| w.contains("tidak ditugaskan"))
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert!(w.contains("1, 39") && !w.contains("36"), "{w}");
    assert_eq!(merge(&ws).values().get("39"), Some(&v(2)));
}

#[test]
fn a_draft_sends_its_supporting_input_apart_and_counts_only_its_own_indicators() {
    let fw = framework("spbe-2020").unwrap();
    let mut ws = workspace("spbe-2020");
    ws.set_deadline("2026-11-30", &NOW).unwrap();
    let (_, asg) = assignment_file(&ws, "diskominfo", &NOW, &LocalTime::of(&NOW, 420)).unwrap();
    let mut d = Draft::from_file("d".into(), &asg, &NOW);
    assert_eq!(d.part("25"), Some(Part::Support));
    assert_eq!(d.part("23"), Some(Part::Lead));
    assert_eq!(d.part("36"), None);
    let own: Vec<&str> = d.own_scope(fw).map(|i| i.id.as_str()).collect();
    assert!(own.contains(&"23") && !own.contains(&"25"));
    assert_eq!(own.len(), asg.assignment.as_ref().unwrap().lead.len());

    d.edit("25", &NOW, |a| a.fakta = "Diklat TIK 2026".into());
    d.edit("23", &NOW, |a| {
        a.value = Some(v(3));
        a.fakta = "Perbup Satu Data".into();
        a.analisis = "Tingkat 3".into();
    });
    let (sub, notes) = d.to_submission(&LATER);
    assert!(notes.without_value.is_empty(), "input needs no level");
    assert!(sub.support.contains_key("25") && !sub.answers.contains_key("25"));
    assert_eq!(sub.support["25"].value, None);
    assert!(sub.answers.contains_key("23"));
    let parsed = exchange::parse(&serde_json::to_vec(&sub).unwrap()).unwrap();
    assert_eq!(
        parsed.file.support["25"].justification,
        "Fakta: Diklat TIK 2026"
    );
    // After export the unit is told where the file is and whom to send it to, by when.
    let next = d.next_step("swanilai-jawaban-diskominfo.json", false);
    assert_eq!(
        next.id,
        "Berkas tersimpan di folder Unduhan (Downloads) sebagai swanilai-jawaban-diskominfo.json. \
         Kirim ke koordinator paling lambat 30 November 2026."
    );
    assert_eq!(
        d.next_step("x.json", true).id,
        "Berkas x.json dibagikan. Pastikan terkirim ke koordinator paling lambat 30 November 2026."
    );
    assert_eq!(
        d.share_message().id,
        "Berkas jawaban Swanilai Diskominfo, penilaian SPBE 2020 periode 2026."
    );
    // Reopened as a draft, the input is still input.
    let again = Draft::from_file("e".into(), &parsed.file, &LATER);
    assert_eq!(again.part("25"), Some(Part::Support));
    assert_eq!(again.to_submission(&LATER).0.support.len(), 1);
}

#[test]
fn assignment_files_carry_the_deadline_contact_and_instruction() {
    let mut ws = workspace("spbe-2020");
    ws.set_deadline("2026-11-30", &NOW).unwrap();
    ws.set_contact(
        Contact {
            name: "Rina (Diskominfo)".into(),
            whatsapp: "0812-3456-7890".into(),
            email: "spbe@karanganyarkab.go.id".into(),
            ..Contact::default()
        },
        &NOW,
    )
    .unwrap();
    ws.set_instructions("Sebutkan nama berkas bukti pada Fakta.", &NOW)
        .unwrap();
    let (_, f) = assignment_file(&ws, "bkpsdm", &NOW, &LocalTime::of(&NOW, 420)).unwrap();
    let parsed = exchange::parse(&serde_json::to_vec(&f).unwrap()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let part = parsed.file.assignment.unwrap();
    assert_eq!(part.deadline, Date::parse("2026-11-30"));
    assert_eq!(part.contact.unwrap().whatsapp, "0812-3456-7890");
    assert_eq!(
        part.instructions.as_deref(),
        Some("Sebutkan nama berkas bukti pada Fakta.")
    );

    // Bad input is refused with the reason, and nothing changes.
    let before = ws.clone();
    assert!(ws.set_deadline("31-11-2026", &LATER).is_err());
    assert!(ws.set_deadline("2026-02-30", &LATER).is_err());
    let bad_wa = Contact {
        whatsapp: "ab12".into(),
        ..Contact::default()
    };
    assert!(ws.set_contact(bad_wa, &LATER).is_err());
    let bad_mail = Contact {
        email: "rina.kab.go.id".into(),
        ..Contact::default()
    };
    assert!(ws.set_contact(bad_mail, &LATER).is_err());
    assert!(ws.set_instructions(&"x".repeat(1001), &LATER).is_err());
    assert_eq!(ws, before);
}

#[test]
fn who_still_owes_what_and_the_reminders_name_the_deadline_and_contact() {
    let mut ws = workspace("spbe-2020");
    ws.set_deadline("2026-11-30", &NOW).unwrap();
    ws.set_contact(
        Contact {
            name: "Rina".into(),
            whatsapp: "0812-3456-7890".into(),
            ..Contact::default()
        },
        &NOW,
    )
    .unwrap();
    let (bkpsdm_lead, _) = ws.assigned_to("bkpsdm");
    // BKPSDM answers all its lead indicators but 41, in its second file.
    let mut answers = serde_json::Map::new();
    for id in bkpsdm_lead.iter().filter(|i| *i != "41") {
        answers.insert(
            id.clone(),
            json!({ "value": 2, "service": "Layanan kepegawaian" }),
        );
    }
    import(
        &mut ws,
        &file("bkpsdm", json!({ "36": answer(1) }), json!({})),
    );
    let newer = String::from_utf8(file("bkpsdm", answers.into(), json!({})))
        .unwrap()
        .replace("2026-11-19T02:00:00Z", "2026-11-20T01:00:00Z");
    import(&mut ws, newer.as_bytes());

    let all = dues(&ws);
    let bkpsdm = all.iter().find(|d| d.unit == "bkpsdm").unwrap();
    assert_eq!(bkpsdm.missing, ["41"]);
    let arrived = bkpsdm.arrived.as_ref().unwrap();
    assert_eq!(
        (arrived.version, arrived.exported_at.as_str()),
        (2, "2026-11-20T01:00:00Z")
    );
    let insp = all.iter().find(|d| d.unit == "inspektorat").unwrap();
    assert!(insp.arrived.is_none() && insp.owes());
    assert!(insp.missing.contains(&"39".to_string()));

    let r = reminder(&ws, insp);
    assert!(
        r.id.contains("belum kami terima") && r.id.contains("39"),
        "{}",
        r.id
    );
    assert!(r.id.contains("paling lambat 30 November 2026"), "{}", r.id);
    assert!(r.id.contains("Rina (WhatsApp 0812-3456-7890)"), "{}", r.id);
    assert!(r.en.contains("by 30 November 2026"), "{}", r.en);
    let r = reminder(&ws, bkpsdm);
    assert!(
        r.id.contains("sudah kami terima") && r.id.contains("indikator 41 belum dijawab"),
        "{}",
        r.id
    );

    let everyone = reminder_all(&ws, &all);
    assert!(
        everyone
            .id
            .contains("- BKPSDM: belum dijawab (indikator 41)"),
        "{}",
        everyone.id
    );
    assert!(
        everyone.id.contains("- Inspektorat: belum mengirim berkas"),
        "{}",
        everyone.id
    );
    assert!(everyone.id.contains("30 November 2026"));
    let complete: Vec<&str> = all
        .iter()
        .filter(|d| !d.owes())
        .map(|d| d.unit.as_str())
        .collect();
    assert!(!complete.contains(&"bkpsdm"));
}

#[test]
fn amending_a_note_amends_that_decision_instead_of_adding_one() {
    let mut ws = workspace("spbe-2020");
    import(
        &mut ws,
        &file("bkpsdm", json!({ "25": answer(3) }), json!({})),
    );
    import(
        &mut ws,
        &file("diskominfo", json!({ "25": answer(2) }), json!({})),
    );
    let pick = |note: &str| Settlement::Pick {
        unit: "bkpsdm".into(),
        note: note.into(),
    };
    ws.settle("25", pick("Peta kompetensi lengkap"), &NOW)
        .unwrap();
    ws.settle(
        "25",
        pick("Peta kompetensi lengkap; diklat berjalan"),
        &LATER,
    )
    .unwrap();
    assert_eq!(
        ws.decisions.len(),
        1,
        "the same choice again amends its note"
    );
    assert_eq!(
        ws.decisions[0].note,
        "Peta kompetensi lengkap; diklat berjalan"
    );
    assert_eq!(
        ws.decisions[0].decided_at, *NOW,
        "when it was decided stays"
    );
    assert_eq!(ws.decisions[0].note_amended_at.as_ref(), Some(&*LATER));

    ws.amend_note("25", "Dicek ulang dengan BKPSDM", &LATER)
        .unwrap();
    assert_eq!(ws.decisions.len(), 1);
    assert_eq!(ws.decisions[0].note, "Dicek ulang dengan BKPSDM");

    // Another choice is a new decision; an own value keeps a required note.
    ws.settle(
        "25",
        Settlement::Own {
            value: v(2),
            note: "Belum ada sertifikasi".into(),
        },
        &LATER,
    )
    .unwrap();
    assert_eq!(ws.decisions.len(), 2);
    assert!(ws.amend_note("25", "  ", &LATER).is_err());
    assert!(ws.amend_note("36", "tidak ada konflik", &LATER).is_err());
    consolidated(&ws);
}

#[test]
fn the_berita_acara_is_entered_once_and_travels_in_the_consolidated_file() {
    let mut ws = workspace("pemdi-2026");
    // Nothing entered: the Koordinator Pemdi, the Sekretaris Daerah, signs (8/2026 Pasal 5).
    let defaults = ws.berita_acara();
    assert!(defaults
        .signatories
        .iter()
        .any(|s| s.role == "Koordinator Pemdi" && s.position == "Sekretaris Daerah"));
    assert!(!defaults.is_filled());

    let mut ba = BeritaAcara {
        number: "027/118/SPBE/2026".into(),
        date: Date::parse("2026-12-02"),
        place: "Karanganyar".into(),
        signatories: vec![Signatory {
            role: "Koordinator Pemdi".into(),
            name: "Drs. Sutarno, M.Si.".into(),
            nip: "19700512 199503 1 002".into(),
            position: "Sekretaris Daerah".into(),
        }],
        letterhead: Some("data:image/png;base64,iVBORw0KGgo=".into()),
    };
    let before = ws.clone();
    let mut bad = ba.clone();
    bad.signatories[0].nip = "1970051219950310".into(); // 16 digits
    assert!(ws.set_berita_acara(bad, &LATER).is_err());
    let mut svg = ba.clone();
    svg.letterhead = Some("data:image/svg+xml;base64,PHN2Zz4=".into());
    assert!(ws.set_berita_acara(svg, &LATER).is_err());
    assert_eq!(ws, before, "a refused change changes nothing");

    ws.set_berita_acara(ba.clone(), &LATER).unwrap();
    ba.signatories[0].nip = "197005121995031002".into();
    assert_eq!(ws.berita_acara(), ba, "the NIP is kept as its 18 digits");

    let f = consolidated(&ws);
    let c: Coordination = serde_json::from_value(f.extra[COORDINATION_KEY].clone()).unwrap();
    assert_eq!(c.berita_acara.as_ref(), Some(&ba));
    let (reopened, _) = Workspace::from_consolidated("re".into(), &f, &LATER).unwrap();
    assert_eq!(reopened.berita_acara(), ba);
    assert_eq!(f.kind, Kind::Consolidated);
}

// ------------------------------------------------------------------ outside input, any shape

use proptest::prelude::*;

/// Any JSON value, with strings that look like dates, numbers and levels more often than
/// chance would make them.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        (-3i64..9).prop_map(serde_json::Value::from),
        (-1.0f64..6.0).prop_map(serde_json::Value::from),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("name".to_string()),
                    Just("whatsapp".to_string()),
                    Just("email".to_string()),
                    Just("value".to_string()),
                    Just("justification".to_string()),
                    Just("evidence".to_string()),
                    Just("title".to_string()),
                    "[a-z]{1,6}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The guidance of an assignment and the supporting input of a submission, whatever
    /// their shape: the reader either refuses the file with a problem at that place, or
    /// reads it into values that are exactly what the file says — never panics, never
    /// reads a deadline that is not a real date or a level the framework does not allow.
    #[test]
    fn guidance_and_supporting_input_of_any_shape_are_read_exactly_or_refused(
        deadline in any_json(), contact in any_json(), instructions in any_json(), input in any_json(),
    ) {
        let asg = json!({
            "format": FORMAT, "version": VERSION, "kind": "assignment", "framework": "spbe-2020",
            "institution": "X", "period": "2026", "unit": { "id": "bkpsdm", "name": "BKPSDM" },
            "exported_at": "2026-11-01T00:00:00Z",
            "assignment": { "lead": ["36"], "deadline": deadline, "contact": contact, "instructions": instructions },
        });
        match exchange::parse(&serde_json::to_vec(&asg).unwrap()) {
            Ok(p) => {
                let part = p.file.assignment.unwrap();
                match (&asg["assignment"]["deadline"], part.deadline) {
                    (serde_json::Value::Null, None) => {}
                    (serde_json::Value::String(s), Some(d)) => prop_assert_eq!(d.to_string(), s.clone()),
                    (v, d) => prop_assert!(false, "deadline {v:?} read as {d:?}"),
                }
                if let Some(c) = part.contact {
                    prop_assert_eq!(Some(c.name.as_str()), asg["assignment"]["contact"].get("name").and_then(|v| v.as_str()).or(Some("")));
                }
            }
            Err(problems) => prop_assert!(problems.iter().any(|p| p.is_error() && p.path.starts_with("$.assignment"))),
        }

        let sub = json!({
            "format": FORMAT, "version": VERSION, "kind": "submission", "framework": "spbe-2020",
            "institution": "X", "period": "2026", "unit": { "id": "diskominfo", "name": "Diskominfo" },
            "exported_at": "2026-11-01T00:00:00Z",
            "support": { "25": input },
        });
        match exchange::parse(&serde_json::to_vec(&sub).unwrap()) {
            Ok(p) => {
                let got = &p.file.support["25"];
                let fw = framework("spbe-2020").unwrap();
                if let Some(v) = got.value {
                    prop_assert!(fw.values.accepts(v));
                    prop_assert_eq!(sub["support"]["25"]["value"].as_f64(), Some(v.to_rational().to_f64()));
                }
            }
            Err(problems) => prop_assert!(problems.iter().any(|p| p.is_error() && p.path.starts_with("$.support"))),
        }
    }
}
