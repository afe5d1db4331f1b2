//! Two versions of one draft or workspace (two tabs, `domain::revision`): what the notice
//! says of each, where they differ, and the copy that keeps one of them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use swanilai::domain::catalogue::framework;
use swanilai::domain::consolidation::Workspace;
use swanilai::domain::draft::{unit_for_name, Draft};
use swanilai::domain::exchange::Timestamp;
use swanilai::domain::revision::Versioned;
use swanilai::domain::value::Value;

const NOW: &str = "2026-12-01T03:00:00Z";

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).expect("an RFC 3339 time")
}

fn draft() -> Draft {
    Draft::new(
        "d1".into(),
        &framework("spbe-2020").unwrap().summary(),
        "Pemerintah Kabupaten Karanganyar".into(),
        "2026".into(),
        unit_for_name("BKPSDM"),
        &at(NOW),
    )
}

fn level(d: &mut Draft, id: &str, l: u8, when: &str) {
    d.edit(id, &at(when), |a| a.value = Value::from_level(l));
}

#[test]
fn two_drafts_differ_at_the_indicators_whose_answers_differ_in_catalogue_order() {
    let mut a = draft();
    level(&mut a, "1", 3, NOW);
    level(&mut a, "2", 2, NOW);
    let mut b = a.clone();
    // The same answer saved at another time is not a difference.
    level(&mut b, "1", 3, "2026-12-01T04:00:00Z");
    level(&mut b, "2", 4, NOW);
    level(&mut b, "12", 1, NOW);
    let d = b.differences(&a);
    // 2 before 12, as in the catalogue (not "12, 2" as text sorts).
    assert_eq!(d.id, "Jawaban berbeda pada indikator 2, 12.");
    assert_eq!(d.en, "The answers differ at indicators 2, 12.");
    assert_eq!(a.summary().id, "2 jawaban bernilai");
    assert_eq!(b.summary().en, "3 answers with a value");
    assert_eq!(a.differences(&a.clone()).id, "");
    b.name = "BKPSDM rapat".into();
    assert!(b
        .differences(&a)
        .id
        .ends_with("Nama, instansi, periode atau unit berbeda."));
}

#[test]
fn a_copy_keeps_every_answer_under_a_new_id_and_a_name_that_says_so() {
    let mut a = draft();
    level(&mut a, "36", 4, NOW);
    let copy = a.copy_as(
        "d2".into(),
        "salinan dari tab lain",
        &at("2026-12-02T00:00:00Z"),
    );
    assert_eq!(copy.id, "d2");
    assert_eq!(copy.name, format!("{} (salinan dari tab lain)", a.name));
    assert_eq!(copy.answers, a.answers);
    assert_eq!(copy.created_at.as_str(), "2026-12-02T00:00:00Z");
    assert_eq!(copy.updated_at.as_str(), "2026-12-02T00:00:00Z");
}

fn coordinator_fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/coordinator")
            .join(name),
    )
    .unwrap()
}

#[test]
fn two_workspaces_differ_by_the_unit_files_only_one_of_them_holds() {
    let base = Workspace::new(
        "w1".into(),
        framework("spbe-2020").unwrap(),
        "Pemerintah Kabupaten Karanganyar".into(),
        "2026".into(),
        "Tim Koordinasi SPBE".into(),
        true,
        &at(NOW),
    );
    let (mut a, mut b) = (base.clone(), base.clone());
    a.import_bytes(
        &coordinator_fixture("diskominfo.json"),
        "diskominfo.json",
        &at(NOW),
    )
    .unwrap();
    b.import_bytes(
        &coordinator_fixture("bkpsdm-e2e.json"),
        "bkpsdm-e2e.json",
        &at(NOW),
    )
    .unwrap();
    let d = b.differences(&a);
    assert_eq!(
        d.id,
        "Berkas unit yang hanya ada di versi ini: BKPSDM (bkpsdm-e2e.json). Berkas unit yang hanya ada di versi lain: Diskominfo (diskominfo.json)."
    );
    assert_eq!(b.summary().id, "1 berkas unit, 0 keputusan");
    assert_eq!(base.differences(&base.clone()).id, "");
    let copy = b.copy_as("w2".into(), "salinan dari tab lain", &at(NOW));
    assert_eq!(copy.submissions, b.submissions);
    assert_eq!(copy.id, "w2");
}
