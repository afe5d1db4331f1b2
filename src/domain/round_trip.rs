//! The round trips every file (and every .zip bundle) must survive, as functions that
//! panic when one breaks.
//!
//! The fuzz targets (`fuzz/`) call them on generated input; `tests/fuzz_regressions.rs`
//! replays every input the fuzzer once found a fault with, so a fixed fault stays fixed.
//! Not called by the apps (nothing here reaches the shipped wasm).

use crate::domain::bundle;
use crate::domain::catalogue::{self, Framework};
use crate::domain::checks::check_answer;
use crate::domain::consolidation::{merge, to_consolidated, Workspace};
use crate::domain::draft::{split_justification, Draft};
use crate::domain::engine::evaluate_map;
use crate::domain::exchange::{self, Date, ExchangeFile, Problem, Rule, Timestamp};
use crate::domain::json;
use crate::domain::zip::{Limits, ZipArchive};
use std::collections::BTreeMap;

/// Between two files in one input of [`workspace`].
pub const FILE_SEPARATOR: &[u8] = b"\n--8<--\n";

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| panic!("{text} is a time"))
}

fn refused(what: &str, problems: &[Problem]) -> ! {
    let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
    panic!("{what} was refused:\n{}", list.join("\n"))
}

/// Writes `file` as the apps do and reads it back: the reader accepts it, the typed file
/// is the same, and writing it again gives the same bytes.
fn write_and_reread(file: &ExchangeFile, what: &str) -> ExchangeFile {
    let written = json::to_vec_pretty(file).expect("a typed file always writes");
    let again = exchange::parse(&written).unwrap_or_else(|p| refused(what, &p));
    assert_eq!(&again.file, file, "{what} reads back differently");
    let rewritten = json::to_vec_pretty(&again.file).expect("writes");
    assert!(
        rewritten == written,
        "{what} is written differently the second time"
    );
    again.file
}

/// Any bytes: the reader never panics; a file it accepts survives being written back.
pub fn parse(bytes: &[u8]) {
    if let Ok(parsed) = exchange::parse(bytes) {
        write_and_reread(&parsed.file, "an accepted file, written back,");
    }
}

/// Any bytes the reader accepts, opened as a unit's draft: the warnings and the index are
/// computed, the draft is stored and reloaded unchanged, and its export (once the unit is
/// named, where the file had none) reads back with the same answers.
pub fn draft(bytes: &[u8]) {
    let Ok(parsed) = exchange::parse(bytes) else {
        return;
    };
    let file = parsed.file;
    let fw = catalogue::framework(&file.framework).expect("the reader knows the framework");
    let now = time("2026-12-01T03:00:00Z");
    let today = Date::parse("2026-12-01").expect("a date");
    let draft = Draft::from_file("fuzz".into(), &file, &now);
    for ind in draft.scope(fw) {
        if let Some(a) = draft.answers.get(&ind.id) {
            check_answer(fw, ind, a, today);
        }
    }
    evaluate_map(fw, &draft.values());

    let stored = json::to_string(&draft).expect("a draft always writes");
    let reloaded: Draft = json::from_str(&stored).expect("a stored draft reads back");
    assert_eq!(reloaded, draft, "the stored draft reads back differently");

    // A file without a unit (a consolidated one has none) opens as a draft without one.
    // Its export is refused for that reason alone; the export screen asks for the unit
    // before a download (`Draft::has_unit`), and the user names it there.
    let mut draft = draft;
    if !draft.has_unit() {
        let (unnamed, _) = draft.to_submission(&now);
        let written = json::to_vec_pretty(&unnamed).expect("a typed file always writes");
        let problems = exchange::parse(&written).expect_err("a submission without a unit");
        let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
        assert!(
            !errors.is_empty() && errors.iter().all(|p| p.path.starts_with("$.unit")),
            "an export without a unit is refused for its unit only: {errors:?}"
        );
        draft.unit = crate::domain::draft::unit_for_name("Bappeda");
    }
    let (submission, notes) = draft.to_submission(&now);
    assert!(
        notes.without_value.is_empty(),
        "every answer of a file has a value"
    );
    let exported = write_and_reread(&submission, "the draft's export");
    assert_eq!(
        exported.answers.keys().collect::<Vec<_>>(),
        file.answers.keys().collect::<Vec<_>>()
    );
    for (id, before) in &file.answers {
        let after = &exported.answers[id];
        assert_eq!(after.value, before.value, "value of {id}");
        assert_eq!(after.evidence, before.evidence, "evidence of {id}");
        assert_eq!(after.extra, before.extra, "unknown fields of {id}");
        assert_eq!(
            split_justification(&after.justification),
            split_justification(&before.justification),
            "Fakta and Analisis of {id}"
        );
        let service = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or("").to_owned();
        assert_eq!(
            service(&after.service),
            service(&before.service),
            "service of {id}"
        );
    }
}

/// A coordinator's workspace fed any sequence of files (split at [`FILE_SEPARATOR`]; the
/// first byte picks the framework): a refused file changes nothing; after the conflicts
/// are settled, the consolidated file reads back without an error or a figure warning
/// and reopens as a workspace with the same values.
pub fn workspace(bytes: &[u8]) {
    let frameworks: &[&Framework] = catalogue::frameworks();
    let Some((first, rest)) = bytes.split_first() else {
        return;
    };
    let fw = frameworks[*first as usize % frameworks.len()];
    let (now, later) = (time("2026-12-01T03:00:00Z"), time("2026-12-02T04:00:00Z"));
    let mut ws = Workspace::new(
        "fuzz".into(),
        fw,
        "Pemerintah Kabupaten Contoh".into(),
        "2026".into(),
        "Koordinator".into(),
        true,
        &now,
    );
    for (i, file) in split(rest, FILE_SEPARATOR).enumerate() {
        let before = ws.clone();
        if ws.import_bytes(file, &format!("{i}.json"), &now).is_err() {
            assert!(ws == before, "a refused file changed the workspace");
        }
    }
    let _ = ws.apply_rule(Rule::Higher, &later);
    let values = merge(&ws).values();
    let file = to_consolidated(&ws, &later);
    let written = json::to_vec_pretty(&file).expect("writes");
    let parsed = exchange::parse(&written).unwrap_or_else(|p| refused("the consolidated file", &p));
    let figures: Vec<&Problem> = (parsed.warnings.iter())
        .filter(|p| p.path.starts_with("$.results") || p.path.starts_with("$.provenance"))
        .collect();
    assert!(figures.is_empty(), "warnings on its own file: {figures:?}");
    let (reopened, restored) = Workspace::from_consolidated("again".into(), &parsed.file, &later)
        .unwrap_or_else(|p| refused("reopening the consolidated file", &p));
    assert!(
        restored.differs.is_empty(),
        "reopened differently: {:?}",
        restored.differs
    );
    assert_eq!(merge(&reopened).values(), values, "values after reopening");
}

/// Any bytes as a .zip bundle: neither the zip reader nor the bundle reader panics, on the
/// archive or on any entry. A bundle that opens, written again with the documents that
/// checked intact, opens again: the same exchange file (documents at their planned
/// paths), every intact document intact again and no other, nothing unlisted.
pub fn bundle(bytes: &[u8]) {
    if let Ok(zip) = ZipArchive::open(bytes, &Limits::BUNDLE) {
        for entry in zip.entries() {
            let _ = zip.read(entry);
        }
    }
    let Ok(open) = bundle::open(bytes) else {
        return;
    };
    let _ = open.unlisted();
    let mut intact: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for listed in &open.documents {
        if let Ok(content) = open.check(listed) {
            intact.insert(listed.document.sha256.clone(), content.into_owned());
        }
    }
    let written = bundle::write(&open.parsed.file, &open.json_name, |sha256| {
        intact.get(sha256).cloned()
    })
    .expect("a bundle that was read can be written");
    let again = bundle::open(&written).unwrap_or_else(|p| refused("the bundle written back", &p));
    let mut planned = open.parsed.file.clone();
    bundle::plan(&mut planned);
    assert_eq!(
        again.parsed.file, planned,
        "the bundle's file reads back differently"
    );
    assert_eq!(again.json_name, open.json_name, "the exchange file's name");
    for listed in &again.documents {
        let held = intact
            .get(&listed.document.sha256)
            .is_some_and(|c| c.len() as u64 == listed.document.size);
        match again.check(listed) {
            Ok(_) => assert!(held, "{} checks but was not intact", listed.json_path()),
            Err(fault) => assert!(
                !held,
                "{} was intact and is now {fault:?}",
                listed.json_path()
            ),
        }
    }
    assert!(again.unlisted().is_empty(), "{:?}", again.unlisted());
}

/// `bytes` cut at every `sep`.
fn split<'a>(bytes: &'a [u8], sep: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.windows(sep.len()).position(|w| w == sep) {
            Some(i) => {
                rest = Some(&r[i + sep.len()..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}
