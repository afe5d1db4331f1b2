//! Zip reading, SHA-256 and the .zip bundle (issue 11), checked against other tools:
//! archives written by Python's zipfile, Info-ZIP `zip -9` and a Windows-style writer
//! (`scripts/make-zip-fixtures.py`), hashes from the NIST examples and Python's hashlib.

// Host-only: the wasm32 test build skips these.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use swanilai::domain::bundle::{self, package, DocumentFault};
use swanilai::domain::consolidation::{merge, Workspace};
use swanilai::domain::exchange::{self, Document, Severity, Timestamp};
use swanilai::domain::sha256::{sha256_hex, Sha256};
use swanilai::domain::zip::{inflate, Limits, ZipArchive, ZipError, ZipWriter};

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| panic!("{text} is a time"))
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Python's hashlib digests and sizes of the fixtures' files (scripts/make-zip-fixtures.py).
fn manifest(section: &str) -> BTreeMap<String, (u64, String)> {
    let m: serde_json::Value = serde_json::from_slice(&fixture("zip/manifest.json")).unwrap();
    m[section]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let size = v["size"].as_u64().unwrap();
            (k.clone(), (size, v["sha256"].as_str().unwrap().to_string()))
        })
        .collect()
}

/// Every file of an archive: name → (size, SHA-256 of what the reader unpacked).
fn unpacked(bytes: &[u8]) -> BTreeMap<String, (u64, String)> {
    let zip = ZipArchive::open(bytes, &Limits::BUNDLE).expect("archive opens");
    zip.entries()
        .iter()
        .map(|e| {
            let data = zip.read(e).expect("entry unpacks");
            (e.name.clone(), (data.len() as u64, sha256_hex(&data)))
        })
        .collect()
}

fn refusal(bytes: &[u8]) -> ZipError {
    match ZipArchive::open(bytes, &Limits::BUNDLE) {
        Err(e) => e,
        Ok(zip) => zip
            .entries()
            .iter()
            .find_map(|e| zip.read(e).err())
            .expect("the archive should have been refused"),
    }
}

#[test]
fn archives_from_other_tools_unpack_to_the_files_hashlib_describes() {
    let expected = manifest("files");
    for name in ["python-stored.zip", "python-deflated.zip", "zip-9.zip"] {
        assert_eq!(
            unpacked(&fixture(&format!("zip/{name}"))),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_windows_style_archive_opens_with_its_cp437_names() {
    // Deflate, data descriptors (zero sizes in the local headers), a folder entry and
    // names in code page 437 without the UTF-8 flag.
    assert_eq!(unpacked(&fixture("zip/windows.zip")), manifest("windows"));
}

#[test]
fn hostile_archives_are_refused_each_for_its_reason() {
    assert!(matches!(
        refusal(&fixture("zip/hostile-bomb.zip")),
        ZipError::Bomb { ratio, .. } if ratio > 100
    ));
    assert_eq!(refusal(&fixture("zip/hostile-zip64.zip")), ZipError::Zip64);
    assert_eq!(
        refusal(&fixture("zip/hostile-encrypted.zip")),
        ZipError::Encrypted {
            name: "rahasia.pdf".into()
        }
    );
    for name in [
        "../luar.pdf",
        "dokumen/../../luar.pdf",
        "/etc/passwd",
        "dokumen\\36\\a.pdf",
        "C:/a.pdf",
    ] {
        let mut z = ZipWriter::new();
        z.add("jawaban.json", b"{}");
        z.add(name, b"x");
        assert_eq!(
            refusal(&z.finish()),
            ZipError::UnsafeName { name: name.into() },
            "{name}"
        );
    }
    let mut z = ZipWriter::new();
    for i in 0..=Limits::BUNDLE.entries {
        z.add(&format!("f{i}.txt"), b"");
    }
    assert_eq!(
        refusal(&z.finish()),
        ZipError::TooManyEntries {
            count: 1001,
            max: 1000
        }
    );
    let mut z = ZipWriter::new();
    z.add("a.txt", b"x");
    z.add("a.txt", b"y");
    assert_eq!(
        refusal(&z.finish()),
        ZipError::Duplicate {
            name: "a.txt".into()
        }
    );
}

#[test]
fn limits_on_size_are_checked_before_anything_is_unpacked() {
    let mut z = ZipWriter::new();
    z.add("a.pdf", &[7u8; 3000]);
    z.add("b.pdf", &[7u8; 3000]);
    let bytes = z.finish();
    let small = Limits {
        entries: 10,
        entry_bytes: 2000,
        total_bytes: 1_000_000,
        ratio: 100,
    };
    assert_eq!(
        ZipArchive::open(&bytes, &small).err(),
        Some(ZipError::EntryTooLarge {
            name: "a.pdf".into(),
            size: 3000,
            max: 2000
        })
    );
    let total = Limits {
        total_bytes: 5000,
        entry_bytes: 5000,
        ..small
    };
    assert_eq!(
        ZipArchive::open(&bytes, &total).err(),
        Some(ZipError::TotalTooLarge {
            size: 6000,
            max: 5000
        })
    );
}

#[test]
fn damage_is_found_by_the_checksum_or_the_structure() {
    let mut z = ZipWriter::new();
    z.add("a.txt", b"hello, world");
    let mut bytes = z.finish();
    // The data starts after the 30-byte local header and the 5-byte name.
    bytes[35] ^= 0x20;
    assert_eq!(
        refusal(&bytes),
        ZipError::Checksum {
            name: "a.txt".into()
        }
    );
    assert_eq!(refusal(&bytes[..bytes.len() - 3]), ZipError::NotZip);
    assert_eq!(refusal(b"{\"format\": \"swanilai\"}"), ZipError::NotZip);
}

#[test]
fn every_refusal_says_why_in_both_languages() {
    let errors = [
        ZipError::NotZip,
        ZipError::Zip64,
        ZipError::Bomb {
            name: "a.pdf".into(),
            ratio: 1000,
        },
        ZipError::UnsafeName {
            name: "../a".into(),
        },
        ZipError::Encrypted {
            name: "a.pdf".into(),
        },
        ZipError::TotalTooLarge {
            size: 500 << 20,
            max: 400 << 20,
        },
    ];
    for e in errors {
        let m = e.message();
        assert!(
            !m.id.is_empty() && !m.en.is_empty() && m.id != m.en,
            "{e:?}"
        );
    }
    assert!(ZipError::TotalTooLarge {
        size: 500 << 20,
        max: 400 << 20
    }
    .message()
    .en
    .contains("500 MB"));
}

#[test]
fn sha256_matches_the_nist_examples_whole_or_in_pieces() {
    // FIPS 180-4 examples (NIST CSRC "Example Algorithms", SHA-256).
    let cases: [(&[u8], &str); 3] = [
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
    ];
    for (input, hex) in cases {
        assert_eq!(sha256_hex(input), hex);
        for cut in 0..input.len() {
            let mut h = Sha256::default();
            h.update(&input[..cut]);
            h.update(&input[cut..]);
            assert_eq!(h.finish_hex(), hex, "split at {cut}");
        }
    }
    // One million "a", fed in uneven slices.
    let mut h = Sha256::default();
    let a = vec![b'a'; 1_000_000];
    for piece in a.chunks(333) {
        h.update(piece);
    }
    assert_eq!(
        h.finish_hex(),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
}

#[test]
fn a_bundle_made_by_python_opens_with_every_document_intact() {
    let bytes = fixture("zip/bundle-python.zip");
    let b = bundle::open(&bytes).expect("bundle opens");
    assert_eq!(b.parsed.file.unit.as_ref().unwrap().id, "bkpsdm");
    assert_eq!(b.documents.len(), 3);
    for listed in &b.documents {
        let data = b.check(listed).expect("document intact");
        assert_eq!(data.len() as u64, listed.document.size);
    }
    assert!(b.unlisted().is_empty());
}

#[test]
fn an_altered_or_missing_document_is_reported_by_name_and_indicator_and_the_rest_kept() {
    let bytes = fixture("zip/bundle-damaged.zip");
    let b = bundle::open(&bytes).expect("the bundle itself is fine");
    let results: Vec<_> = b
        .documents
        .iter()
        .map(|l| {
            (
                l.indicator.as_str(),
                l.document.name.as_str(),
                b.check(l).err(),
            )
        })
        .collect();
    assert_eq!(
        results,
        vec![
            ("25", "Rekap sertifikat 2025.pdf", None),
            ("36", "Perbup 12-2024.pdf", Some(DocumentFault::Altered)),
            ("36", "catatan rapat.txt", Some(DocumentFault::Missing)),
        ]
    );
    let altered = &b.documents[1];
    let p = DocumentFault::Altered.problem(altered);
    assert_eq!(p.path, "$.answers.36.evidence[0].documents[0]");
    assert_eq!(p.severity, Severity::Warning);
    assert!(p.message.id.contains("Perbup 12-2024.pdf") && p.message.id.contains("indikator 36"));
    assert!(p.message.en.contains("Perbup 12-2024.pdf") && p.message.en.contains("indicator 36"));
}

#[test]
fn hostile_bundles_are_refused_whole_with_one_clear_problem() {
    for name in [
        "hostile-bomb.zip",
        "hostile-encrypted.zip",
        "hostile-zip64.zip",
    ] {
        let problems = bundle::open(&fixture(&format!("zip/{name}")))
            .err()
            .expect(name);
        assert_eq!(problems.len(), 1, "{name}");
        assert_eq!(problems[0].path, "$");
        assert!(problems[0].is_error());
    }
    // A zip with no exchange file at its top.
    let mut z = ZipWriter::new();
    z.add("dokumen/36/a.pdf", b"%PDF");
    let problems = bundle::open(&z.finish()).err().unwrap();
    assert!(problems[0].message.en.contains("no .json"));
}

/// The BKPSDM submission with `docs` attached to evidence entries.
fn submission_with(docs: &[(&str, usize, &str, &[u8])]) -> exchange::ExchangeFile {
    let mut file = exchange::parse(&fixture("exchange/submission-bkpsdm-spbe-2020.json"))
        .unwrap()
        .file;
    for (ind, ev, name, data) in docs {
        file.answers.get_mut(*ind).unwrap().evidence[*ev]
            .documents
            .push(Document {
                name: name.to_string(),
                media_type: "application/pdf".into(),
                size: data.len() as u64,
                sha256: sha256_hex(data),
                ..Default::default()
            });
    }
    file
}

/// `file` as a bundle named `jawaban.json`, its documents' bytes taken from `documents`.
fn write_bundle(file: &exchange::ExchangeFile, documents: &[&[u8]]) -> Vec<u8> {
    let content: BTreeMap<String, Vec<u8>> = documents
        .iter()
        .map(|d| (sha256_hex(d), d.to_vec()))
        .collect();
    bundle::write(file, "jawaban.json", |h| content.get(h).cloned()).unwrap()
}

/// The names of an archive's entries, in order.
fn entry_names(bytes: &[u8]) -> Vec<String> {
    ZipArchive::open(bytes, &Limits::BUNDLE)
        .unwrap()
        .entries()
        .iter()
        .map(|e| e.name.clone())
        .collect()
}

/// An empty SPBE 2020 workspace of the Karanganyar examples.
fn spbe_2020_workspace(fw: &'static swanilai::domain::catalogue::Framework) -> Workspace {
    Workspace::new(
        "ws".into(),
        fw,
        "Pemerintah Kabupaten Karanganyar".into(),
        "2026".into(),
        "Tim SPBE".into(),
        true,
        &time("2026-11-01T00:00:00Z"),
    )
}

#[test]
fn a_written_bundle_reads_back_and_unzips_in_folders_by_indicator() {
    let (a, b): (&[u8], &[u8]) = (b"%PDF-1.4 perbup", b"%PDF-1.4 sk");
    let file = submission_with(&[
        ("36", 0, "Perbup 12/2024.pdf", a),
        ("36", 1, "Perbup 12/2024.pdf", b), // same name, other content
        ("25", 1, "SK.pdf", b),
        ("25", 0, "SK.pdf", b), // same content twice in one indicator: stored once
    ]);
    let bytes = write_bundle(&file, &[a, b]);
    let names = entry_names(&bytes);
    assert_eq!(
        names,
        [
            "jawaban.json",
            "dokumen/25/SK.pdf",
            "dokumen/36/Perbup 12-2024.pdf",
            "dokumen/36/Perbup 12-2024 (2).pdf",
        ]
    );
    let opened = bundle::open(&bytes).unwrap();
    assert_eq!(opened.documents.len(), 4);
    for l in &opened.documents {
        assert!(opened.check(l).is_ok(), "{}", l.document.name);
    }
    // The plain .json lists the documents without carrying them.
    assert!(opened.parsed.file.answers["36"].evidence[1].documents[0]
        .path
        .is_some());
}

#[test]
fn the_reader_checks_the_documents_listed_in_a_file() {
    let mut file = submission_with(&[("36", 0, "a.pdf", b"x")]);
    let doc = &mut file.answers.get_mut("36").unwrap().evidence[0].documents[0];
    doc.sha256 = "ABC".into();
    doc.path = Some("../a.pdf".into());
    let json = swanilai::domain::json::to_string(&file).unwrap();
    let problems = exchange::parse(json.as_bytes()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.answers.36.evidence[0].documents[0].sha256",
            "$.answers.36.evidence[0].documents[0].path"
        ]
    );
}

#[test]
fn the_coordinator_sees_every_document_and_what_lacks_one_for_its_level() {
    let fw = swanilai::domain::framework("spbe-2020").unwrap();
    let mut ws = spbe_2020_workspace(fw);
    // 36 is answered 3 and its second evidence (level 3 in the fixture) gets a document;
    // 25 is answered 3 and its document sits on level-2 evidence.
    let file = submission_with(&[("36", 1, "SK Tim.pdf", b"sk"), ("25", 0, "KAK.pdf", b"kak")]);
    assert_eq!(file.answers["36"].evidence[1].level, Some(3));
    assert_eq!(file.answers["25"].evidence[0].level, Some(2));
    let json = swanilai::domain::json::to_string(&file).unwrap();
    ws.import_bytes(
        json.as_bytes(),
        "bkpsdm.json",
        &time("2026-11-29T01:00:00Z"),
    )
    .unwrap();
    let received = package::received(&ws);
    let listed: Vec<(&str, &str)> = received
        .iter()
        .map(|r| (r.indicator.as_str(), r.document.name.as_str()))
        .collect();
    assert_eq!(listed, [("25", "KAK.pdf"), ("36", "SK Tim.pdf")]);
    let m = merge(&ws);
    let lacking = |has: &dyn Fn(&str, &str) -> bool| -> Vec<(String, u8)> {
        package::lacking(&m, &received, has)
            .into_iter()
            .map(|l| (l.indicator, l.level))
            .collect()
    };
    // Answered in the fixture: 25 (3), 26 (2), 36 (3), 41 (3), 45 (2).
    let all = |_: &str, _: &str| true;
    assert_eq!(
        lacking(&all),
        [
            ("25".into(), 3),
            ("26".into(), 2),
            ("41".into(), 3),
            ("45".into(), 2)
        ]
    );
    let none = |_: &str, _: &str| false;
    assert_eq!(
        lacking(&none).len(),
        5,
        "a listed document not at hand proves nothing"
    );

    let entries = package::layout(fw, &ws, &received, all);
    let paths: Vec<&str> = entries.iter().map(|(_, e)| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "25 Penerapan Kompetensi Sumber Daya Manusia/Tingkat 2/BKPSDM - KAK.pdf",
            "36 Layanan Kepegawaian/Tingkat 3/BKPSDM - SK Tim.pdf",
        ]
    );
    let xlsx = package::index_sheet(fw, &ws, &received, &entries, &time("2026-11-30T00:00:00Z"));
    let zip = ZipArchive::open(&xlsx, &Limits::BUNDLE).unwrap();
    let sheet = zip.read(zip.find("xl/sharedStrings.xml").unwrap()).unwrap();
    let sheet = String::from_utf8_lossy(&sheet);
    assert!(sheet.contains(&sha256_hex(b"sk")) && sheet.contains("BKPSDM - SK Tim.pdf"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes: the reader answers (an archive or a refusal) and never panics.
    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(zip) = ZipArchive::open(&bytes, &Limits::BUNDLE) {
            for e in zip.entries() {
                let _ = zip.read(e);
            }
        }
        let _ = bundle::open(&bytes);
        prop_assert!(inflate(&bytes, 4096).map_or(true, |out| out.len() <= 4096));
    }

    /// A real archive with bytes flipped: refused or read, never a panic, and whatever is
    /// read still matches its CRC (checked inside `read`).
    #[test]
    fn damaged_archives_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = fixture("zip/bundle-python.zip");
        for (at, x) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= x | 1;
        }
        if let Ok(zip) = ZipArchive::open(&bytes, &Limits::BUNDLE) {
            for e in zip.entries() {
                let _ = zip.read(e);
            }
        }
        if let Ok(b) = bundle::open(&bytes) {
            for l in &b.documents {
                let _ = b.check(l);
            }
        }
    }
}

/// Runs a future whose work is already done (the in-memory store never waits).
#[cfg(feature = "shell")]
fn ready<T>(f: impl std::future::Future<Output = T>) -> T {
    let mut f = std::pin::pin!(f);
    match f
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the memory store never waits"),
    }
}

/// The key-value store is an adapter: built with the browser shell only.
#[cfg(feature = "shell")]
#[test]
fn the_memory_store_keeps_bytes_and_json_lists_by_prefix_and_enforces_its_quota() {
    use swanilai::adapters::kv::{delete_prefix, get_json, put_json, KvStore, MemoryStore};
    use swanilai::adapters::storage::StoreError;
    let store = MemoryStore::with_quota(10);
    ready(store.put("dok/draf/a/1", b"12345")).unwrap();
    ready(store.put("dok/draf/a/2", b"123")).unwrap();
    ready(store.put("dok/draf/b/1", b"1")).unwrap();
    assert_eq!(
        ready(store.get("dok/draf/a/2")).unwrap(),
        Some(b"123".to_vec())
    );
    assert_eq!(
        ready(store.put("dok/draf/c/1", b"123")),
        Err(StoreError::QuotaExceeded),
        "9 bytes held, 3 more would pass 10"
    );
    // Replacing a value counts only the difference.
    ready(store.put("dok/draf/a/1", b"123456")).unwrap(); // 9 - 5 + 6 = 10: fits
    assert_eq!(
        ready(store.keys("dok/draf/a/")).unwrap(),
        ["dok/draf/a/1", "dok/draf/a/2"]
    );
    assert_eq!(ready(delete_prefix(&store, "dok/draf/a/")).unwrap(), 2);
    assert_eq!(ready(store.keys("dok/")).unwrap(), ["dok/draf/b/1"]);
    let roomy = MemoryStore::default();
    ready(put_json(&roomy, "ruang-kerja/1", &vec![1, 2, 3])).unwrap();
    assert_eq!(
        ready(get_json::<Vec<u32>>(&roomy, "ruang-kerja/1")).unwrap(),
        Some(vec![1, 2, 3])
    );
}

#[test]
fn a_supporting_units_documents_travel_in_the_bundle_and_reach_the_coordinator() {
    // BKPSDM supports indicator 40 (not one it answers): its input carries a document.
    let mut file = submission_with(&[("36", 0, "SK Tim.pdf", b"sk")]);
    let note: &[u8] = b"%PDF-1.4 notulen";
    file.support.insert(
        "40".into(),
        exchange::SupportInput {
            justification: "Fakta: Notulen rapat e-SAKIP.\nAnalisis: Masukan untuk Bappeda.".into(),
            evidence: vec![exchange::Evidence {
                title: "Notulen rapat e-SAKIP".into(),
                level: Some(3),
                documents: vec![Document {
                    name: "Notulen.pdf".into(),
                    media_type: "application/pdf".into(),
                    size: note.len() as u64,
                    sha256: sha256_hex(note),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        },
    );
    let bytes = write_bundle(&file, &[b"sk", note]);
    let names = entry_names(&bytes);
    assert_eq!(
        names,
        [
            "jawaban.json",
            "dokumen/36/SK Tim.pdf",
            "dokumen/40/Notulen.pdf"
        ]
    );
    let opened = bundle::open(&bytes).unwrap();
    let places: Vec<String> = opened.documents.iter().map(|l| l.json_path()).collect();
    assert_eq!(
        places,
        [
            "$.answers.36.evidence[0].documents[0]",
            "$.support.40.evidence[0].documents[0]"
        ]
    );
    for l in &opened.documents {
        assert_eq!(
            opened.check(l).map(|d| sha256_hex(&d)),
            Ok(l.document.sha256.clone())
        );
    }

    // The coordinator lists it under indicator 40, sent by BKPSDM.
    let fw = swanilai::domain::framework("spbe-2020").unwrap();
    let mut ws = spbe_2020_workspace(fw);
    ws.import_bytes(
        &swanilai::domain::json::to_vec_pretty(&opened.parsed.file).unwrap(),
        "bkpsdm.zip",
        &time("2026-11-29T01:00:00Z"),
    )
    .unwrap();
    let received: Vec<(String, String, String)> = package::received(&ws)
        .into_iter()
        .map(|r| (r.indicator, r.unit.id, r.document.name))
        .collect();
    assert_eq!(
        received,
        [
            (
                "36".to_string(),
                "bkpsdm".to_string(),
                "SK Tim.pdf".to_string()
            ),
            (
                "40".to_string(),
                "bkpsdm".to_string(),
                "Notulen.pdf".to_string()
            ),
        ]
    );
}
