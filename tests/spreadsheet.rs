//! The .xlsx workbook and the CSV of the indicator table (issue 5 §6).
//!
//! The workbook is read back here with a small stored-ZIP reader and plain string searches,
//! independent of the writer: the package parts Excel requires exist, every part is
//! well-formed XML, figures are numeric cells (not text), and user text is escaped.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use swanilai::domain::exchange::{parse, ExchangeFile, Timestamp};
use swanilai::domain::framework;
use swanilai::domain::planning::{plan, PlanOutcome, Target};
use swanilai::domain::spreadsheet::{indicator_csv, indicator_rows, workbook, PlanSheet};
use swanilai::domain::text::Lang;
use swanilai::domain::zip::crc32;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(path: &str) -> ExchangeFile {
    let bytes = std::fs::read(format!("{FIXTURES}/{path}")).unwrap();
    parse(&bytes)
        .unwrap_or_else(|p| panic!("{path}: {p:?}"))
        .file
}

/// Reads a ZIP of stored entries (what the writer makes) into name → bytes, checking CRCs.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let mut out = BTreeMap::new();
    let mut at = 0;
    while bytes[at..].starts_with(b"PK\x03\x04") {
        assert_eq!(u16_at(at + 8), 0, "stored (no compression)");
        let crc = u32_at(at + 14);
        let size = u32_at(at + 18) as usize;
        let name_len = u16_at(at + 26);
        let extra = u16_at(at + 28);
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + extra;
        let data = bytes[start..start + size].to_vec();
        assert_eq!(crc32(&data), crc, "CRC of {name}");
        out.insert(name, data);
        at = start + size;
    }
    assert!(
        bytes[at..].starts_with(b"PK\x01\x02"),
        "central directory follows the entries"
    );
    out
}

/// A minimal well-formedness check: declarations aside, every start tag is closed in order.
fn assert_well_formed(name: &str, xml: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let close = rest[open..]
            .find('>')
            .unwrap_or_else(|| panic!("{name}: unclosed '<'"))
            + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "{name}: '<' inside a tag");
        if tag.starts_with('?') || tag.starts_with('!') {
        } else if let Some(end) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(end.trim()), "{name}: mismatched </{end}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap());
        }
        // Text between tags holds no raw markup characters.
        let text_end = rest[close + 1..]
            .find('<')
            .map_or(rest.len(), |i| close + 1 + i);
        let text = &rest[close + 1..text_end];
        assert!(!text.contains('>'), "{name}: raw '>' in text {text:?}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "{name}: bad entity {entity:?}"
            );
        }
        rest = &rest[close + 1..];
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}

/// The cell at `at` ("B3") of a sheet: (its `t` attribute, its `<v>` text).
fn cell<'a>(sheet: &'a str, at: &str) -> Option<(Option<&'a str>, &'a str)> {
    let start = sheet.find(&format!("<c r=\"{at}\""))?;
    let end = start + sheet[start..].find("</c>")?;
    let c = &sheet[start..end];
    let t = c
        .find(" t=\"")
        .map(|i| &c[i + 4..i + 4 + c[i + 4..].find('"').unwrap()]);
    let v = &c[c.find("<v>")? + 3..c.find("</v>")?];
    Some((t, v))
}

fn shared_strings(xml: &str) -> Vec<String> {
    xml.split("<si>")
        .skip(1)
        .map(|si| {
            let t = &si[si.find('>').unwrap() + 1..];
            t[..t.find("</t>").unwrap()].to_string()
        })
        .collect()
}

/// The text of a shared-string cell, or the number of a numeric one.
fn cell_text(sheet: &str, strings: &[String], at: &str) -> Option<String> {
    let (t, v) = cell(sheet, at)?;
    Some(if t == Some("s") {
        strings[v.parse::<usize>().unwrap()].clone()
    } else {
        v.to_string()
    })
}

fn row_of(sheet: &str, strings: &[String], col: &str, label: &str) -> Option<usize> {
    (1..200).find(|r| cell_text(sheet, strings, &format!("{col}{r}")).as_deref() == Some(label))
}

#[test]
fn workbook_has_the_parts_excel_requires_and_numeric_figures() {
    let fw = framework("spbe-2020").unwrap();
    let file = fixture("results/consolidated-spbe-2020-2026.json");
    let values = file
        .answers
        .iter()
        .map(|(k, a)| (k.clone(), a.value))
        .collect();
    let locked = BTreeSet::new();
    let outcome = plan(fw, &values, Target::Predicate(2), &locked);
    let bytes = workbook(
        fw,
        &file,
        Some(PlanSheet {
            target: Target::Predicate(2),
            outcome: &outcome,
            locked: &locked,
        }),
        Lang::Id,
        &ts("2026-12-03T08:00:00Z"),
        420,
    );
    let parts = unzip(&bytes);

    for required in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(required), "missing {required}");
    }
    let text = |name: &str| String::from_utf8(parts[name].clone()).unwrap();
    for name in parts.keys() {
        assert_well_formed(name, &text(name));
    }
    let types = text("[Content_Types].xml");
    for i in 1..=3 {
        assert!(
            types.contains(&format!("/xl/worksheets/sheet{i}.xml")),
            "content type of sheet {i}"
        );
    }
    let wb = text("xl/workbook.xml");
    assert!(
        wb.contains("name=\"Ringkasan\"")
            && wb.contains("name=\"Indikator\"")
            && wb.contains("name=\"Rencana Aksi\""),
        "{wb}"
    );

    let strings = shared_strings(&text("xl/sharedStrings.xml"));
    // Ringkasan: the index 2.502 shown as 2.50, a numeric cell (no t="s"), two decimals.
    let summary = text("xl/worksheets/sheet1.xml");
    let r = row_of(&summary, &strings, "A", "Indeks").expect("an Indeks row");
    assert_eq!(cell(&summary, &format!("B{r}")), Some((None, "2.50")));
    assert!(
        summary.contains(&format!("<c r=\"B{r}\" s=\"2\">")),
        "index uses the 0.00 style"
    );
    let r = row_of(&summary, &strings, "A", "Predikat").unwrap();
    assert_eq!(
        cell_text(&summary, &strings, &format!("B{r}")).as_deref(),
        Some("Cukup")
    );
    let r = row_of(&summary, &strings, "B", "A7").expect("aspect A7 row");
    assert_eq!(
        cell(&summary, &format!("E{r}")),
        Some((None, "3.00")),
        "A7 = 27.5×… = 3.00"
    );
    assert_eq!(
        cell(&summary, &format!("D{r}")),
        Some((None, "27.5")),
        "aspect weight"
    );

    // Indikator: one header row and 47 indicator rows; values, weights and evidence counts
    // are numbers.
    let ind = text("xl/worksheets/sheet2.xml");
    assert_eq!(cell_text(&ind, &strings, "A1").as_deref(), Some("Kode"));
    assert_eq!(cell_text(&ind, &strings, "A48").as_deref(), Some("47"));
    assert!(cell(&ind, "A49").is_none());
    // Row 36 is indicator 35 (weight 2.75, level 4, one piece of evidence).
    assert_eq!(cell_text(&ind, &strings, "A36").as_deref(), Some("35"));
    assert_eq!(cell(&ind, "E36"), Some((None, "2.75")));
    assert_eq!(cell(&ind, "F36"), Some((None, "4")));
    assert_eq!(
        cell_text(&ind, &strings, "G36").as_deref(),
        Some("Kolaborasi")
    );
    assert_eq!(cell(&ind, "I36"), Some((None, "1")));
    // Indicator 40 was settled by the coordinator's own value.
    assert_eq!(
        cell_text(&ind, &strings, "H41").as_deref(),
        Some("Koordinator")
    );
    assert!(ind.contains("<pane ySplit=\"1\""), "header row frozen");

    // Rencana Aksi: the planner's raises, with from/to levels as numbers.
    let PlanOutcome::Plan { raises, steps, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    let ra = text("xl/worksheets/sheet3.xml");
    let header = row_of(&ra, &strings, "A", "No").expect("table header");
    assert_eq!(
        cell(&ra, &format!("A{}", header + raises.len())),
        Some((None, &*raises.len().to_string()))
    );
    assert!(cell(&ra, &format!("A{}", header + raises.len() + 1)).is_none());
    let first = &raises[0];
    assert_eq!(
        cell_text(&ra, &strings, &format!("B{}", header + 1)),
        Some(
            fw.indicator(&first.indicator)
                .unwrap()
                .display_code()
                .to_string()
        )
    );
    assert_eq!(
        cell(&ra, &format!("F{}", header + 1)),
        Some((None, &*first.from.floor_level().to_string()))
    );
    assert_eq!(
        cell(&ra, &format!("G{}", header + 1)),
        Some((None, &*first.to.floor_level().to_string()))
    );
    let r = row_of(&ra, &strings, "A", "Indikator dinaikkan").unwrap();
    assert_eq!(
        cell(&ra, &format!("B{r}")),
        Some((None, &*raises.len().to_string())),
        "one table row per indicator raised"
    );
    let r = row_of(&ra, &strings, "A", "Langkah tingkat seluruhnya").unwrap();
    assert_eq!(
        cell(&ra, &format!("B{r}")),
        Some((None, &*steps.to_string()))
    );
}

/// A provisional index is labelled as such, with its completeness, and times read on the
/// user's clock: 00.54 UTC is 07.54 in Jakarta (UTC+7).
#[test]
fn a_provisional_workbook_says_so_and_shows_local_times() {
    let fw = framework("spbe-2020").unwrap();
    let mut file = fixture("results/consolidated-spbe-2020-2026.json");
    file.answers
        .retain(|id, _| id.parse::<u32>().is_ok_and(|n| n <= 8));
    file.exported_at = ts("2026-11-30T00:54:00Z");
    let parts = unzip(&workbook(
        fw,
        &file,
        None,
        Lang::Id,
        &ts("2026-12-01T03:05:00Z"),
        420,
    ));
    let text = |name: &str| String::from_utf8(parts[name].clone()).unwrap();
    let strings = shared_strings(&text("xl/sharedStrings.xml"));
    let summary = text("xl/worksheets/sheet1.xml");
    let label = "Indeks sementara (8 dari 47 indikator bernilai)";
    let r = row_of(&summary, &strings, "A", label).expect("the index row says provisional");
    assert!(cell(&summary, &format!("B{r}")).is_some());
    assert!(
        row_of(&summary, &strings, "A", "Indeks").is_none(),
        "never a bare Indeks"
    );
    let r = row_of(&summary, &strings, "A", "Predikat").unwrap();
    let predicate = cell_text(&summary, &strings, &format!("B{r}")).unwrap();
    assert!(predicate.ends_with(" (sementara)"), "{predicate}");
    let r = row_of(&summary, &strings, "A", "Waktu ekspor berkas").unwrap();
    assert_eq!(
        cell_text(&summary, &strings, &format!("B{r}")).as_deref(),
        Some("30 November 2026, 07.54 WIB")
    );
    let r = row_of(&summary, &strings, "A", "Diunduh").unwrap();
    assert_eq!(
        cell_text(&summary, &strings, &format!("B{r}")).as_deref(),
        Some("1 Desember 2026, 10.05 WIB")
    );
}

#[test]
fn user_text_is_escaped_in_the_workbook() {
    let fw = framework("spbe-2020").unwrap();
    let mut file = fixture("results/consolidated-spbe-2020-2026.json");
    let tricky = "Fakta: <b>Perbup</b> & \"SK\" 'Kepala'\u{1}\nAnalisis: 5 > 4";
    file.answers.get_mut("1").unwrap().justification = tricky.to_string();
    file.institution = "Pemkab <Sukamaju> & Co".into();
    let parts = unzip(&workbook(
        fw,
        &file,
        None,
        Lang::En,
        &ts("2026-12-01T03:05:00Z"),
        420,
    ));
    let sst = String::from_utf8(parts["xl/sharedStrings.xml"].clone()).unwrap();
    assert_well_formed("sharedStrings", &sst);
    assert!(sst.contains("Fakta: &lt;b&gt;Perbup&lt;/b&gt; &amp; &quot;SK&quot; &apos;Kepala&apos;\nAnalisis: 5 &gt; 4"), "{sst}");
    assert!(!sst.contains('\u{1}'), "control characters are dropped");
    assert!(sst.contains("Pemkab &lt;Sukamaju&gt; &amp; Co"));
    let wb = String::from_utf8(parts["xl/workbook.xml"].clone()).unwrap();
    assert!(
        wb.contains("name=\"Summary\"") && wb.contains("name=\"Action Plan\""),
        "English sheet names"
    );
}

#[test]
fn csv_has_bom_crlf_and_quotes_what_needs_quoting() {
    let fw = framework("spbe-2020").unwrap();
    let mut file = fixture("results/consolidated-spbe-2020-2026.json");
    file.answers.get_mut("1").unwrap().justification =
        "Fakta: Perbup 18/2024, \"Arsitektur\"\nAnalisis: ok".into();
    file.answers.get_mut("2").unwrap().justification = "=HYPERLINK(\"x\")".into();
    let csv = indicator_csv(fw, &indicator_rows(fw, &file), Lang::Id);

    assert!(
        csv.starts_with('\u{FEFF}'),
        "UTF-8 byte-order mark for Excel"
    );
    let body = &csv['\u{FEFF}'.len_utf8()..];
    assert!(body.ends_with("\r\n"));
    assert!(
        !body.replace("\r\n", "").contains('\r'),
        "only CRLF line ends"
    );
    let header = body.split("\r\n").next().unwrap();
    assert_eq!(
        header,
        "Kode;Indikator;Aspek;Domain;Bobot (%);Nilai;Nama tingkat;Unit pemilik;Jumlah bukti;Layanan;Penjelasan;Keterangan"
    );
    // A comma, quotes and a line break: the field is quoted and inner quotes doubled.
    assert!(
        body.contains(";\"Fakta: Perbup 18/2024, \"\"Arsitektur\"\"\nAnalisis: ok\";"),
        "{body}"
    );
    // A formula-looking justification is neutralised.
    assert!(body.contains(";\"'=HYPERLINK(\"\"x\"\")\";"));
    // 47 indicator records after the header (records, not lines: one field holds a newline).
    let records = body.matches("\r\n").count() - 1;
    assert_eq!(records, 47);
    // Indicator 35: weight 2,75 with the Indonesian decimal comma, level 4, its level name.
    assert!(body.contains("\r\n35;Layanan Pengadaan Barang dan Jasa;Layanan Administrasi Pemerintahan Berbasis Elektronik;Layanan SPBE;2,75;4;Kolaborasi;"), "{body}");
}

#[test]
fn pemdi_rows_mark_assumed_external_values() {
    let fw = framework("pemdi-2026").unwrap();
    let file = fixture("results/consolidated-pemdi-2026.json");
    let rows = indicator_rows(fw, &file);
    let assumed: Vec<&str> = rows
        .iter()
        .filter(|r| r.assumed)
        .map(|r| r.indicator.id.as_str())
        .collect();
    assert_eq!(assumed, ["5", "6", "7", "18"]);
    for r in rows.iter().filter(|r| r.assumed) {
        assert_eq!(r.value.map(|v| v.hundredths()), Some(100));
        assert!(r.owner.is_none(), "nobody answered it");
        assert!(r.remark().unwrap().en.contains("Assumed"));
    }
    let csv = indicator_csv(fw, &rows, Lang::En);
    // Decimal values keep two decimals and a dot in the CSV; no Domain column for Pemdi.
    assert!(
        csv.contains("Code,Indicator,Aspect,Weight (%),Value,"),
        "{csv}"
    );
    assert!(csv.contains(",1.26,"), "{csv}");
}

/// The CSV as Python's csv module reads it with the separator the file declares: every
/// weight and value parses as a number with the declared decimal mark, and the weights of
/// the 47 indicators add up to 100 % (PermenPANRB 59/2020 Tabel 9). Python, not this
/// crate, is the reader: it plays the spreadsheet that must not misread the file.
#[test]
fn the_csv_reads_back_in_python_with_its_declared_separator_and_decimal_mark() {
    let fw = framework("spbe-2020").unwrap();
    let mut file = fixture("results/consolidated-spbe-2020-2026.json");
    file.answers.get_mut("1").unwrap().justification =
        "Fakta: a; b, c\nAnalisis: 2,5 vs 2.5".into();
    let rows = indicator_rows(fw, &file);
    let script = r#"
import csv, sys
path, sep, dec, weight_col, value_col = sys.argv[1:6]
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=sep))
head, body = rows[0], rows[1:]
w, v = head.index(weight_col), head.index(value_col)
num = lambda s: float(s.replace(dec, ".")) if dec != "." else float(s)
for r in body:
    assert len(r) == len(head), r
    if dec == ",":
        assert "." not in r[w] and "." not in r[v], r
weights = sum(num(r[w]) for r in body)
values = [num(r[v]) for r in body if r[v]]
levels_ok = all(1 <= x <= 5 and x == int(x) for x in values)
print(len(body), round(weights, 6), len(values), levels_ok)
"#;
    let dir = std::env::temp_dir().join(format!("swanilai-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (Lang::Id, ";", ",", "Bobot (%)", "Nilai"),
        (Lang::En, ",", ".", "Weight (%)", "Value"),
    ];
    for (lang, sep, dec, wcol, vcol) in cases {
        let dialect = swanilai::domain::spreadsheet::Dialect::of(lang);
        assert_eq!(
            (dialect.separator.to_string(), dialect.decimal.to_string()),
            (sep.to_string(), dec.to_string())
        );
        let path = dir.join(format!("indikator-{}.csv", dialect.file_tag()));
        std::fs::write(&path, indicator_csv(fw, &rows, lang)).unwrap();
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .args([path.to_str().unwrap(), sep, dec, wcol, vcol])
            .output()
            .expect("python3 is needed to read the CSV independently");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8(out.stdout).unwrap();
        let answered = file.answers.len();
        assert_eq!(
            printed.trim(),
            format!("47 100.0 {answered} True"),
            "{lang:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// With assessor values the workbook gains an "Asesor" sheet: the self-assessment beside
/// the assessors, largest gaps first, figures numeric. From the fixture (worked out by
/// hand): indicator 4 is 7/6 → 1.17 against 1.00 (gap 0.17), indicator 3 1.00 against 1.00;
/// aspect A2 = 13/12 → 1.08 against 1.00.
#[test]
fn assessor_values_get_their_own_sheet() {
    let fw = framework("pemdi-2026").unwrap();
    let file = fixture("exchange/consolidated-pemdi-2026-items.json");
    let parts = unzip(&workbook(
        fw,
        &file,
        None,
        Lang::Id,
        &ts("2026-12-03T08:00:00Z"),
        420,
    ));
    let text = |name: &str| String::from_utf8(parts[name].clone()).unwrap();
    assert!(text("xl/workbook.xml").contains("name=\"Asesor\""));
    let strings = shared_strings(&text("xl/sharedStrings.xml"));
    let sheet = text("xl/worksheets/sheet4.xml");
    let four = row_of(&sheet, &strings, "A", "2.2").expect("indicator 4 (code 2.2)");
    let three = row_of(&sheet, &strings, "A", "2.1").expect("indicator 3 (code 2.1)");
    assert!(four < three, "largest gap first");
    assert_eq!(cell(&sheet, &format!("C{four}")), Some((None, "1.17")));
    assert_eq!(cell(&sheet, &format!("D{four}")), Some((None, "1.00")));
    assert_eq!(cell(&sheet, &format!("E{four}")), Some((None, "0.17")));
    assert_eq!(
        cell_text(&sheet, &strings, &format!("F{four}")).as_deref(),
        Some("SK Tim Koordinasi belum ditetapkan.")
    );
    let a2 = row_of(&sheet, &strings, "A", "A2").unwrap();
    assert_eq!(cell(&sheet, &format!("C{a2}")), Some((None, "1.08")));
    // A file without assessor values has no such sheet.
    let plain = unzip(&workbook(
        fw,
        &fixture("results/consolidated-pemdi-2026.json"),
        None,
        Lang::Id,
        &ts("2026-12-03T08:00:00Z"),
        420,
    ));
    assert!(!plain.contains_key("xl/worksheets/sheet4.xml"));
}
