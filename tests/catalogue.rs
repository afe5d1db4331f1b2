//! The framework files: structure, exact weights and complete criteria.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use swanilai::domain::catalogue::{
    default_framework_id, default_period, frameworks, load, summaries, units, validate, Source,
    Summary,
};
use swanilai::domain::{framework, Rational};

mod oracle;

#[test]
fn every_registered_framework_loads_and_validates() {
    let all = load().expect("catalogue loads");
    let ids: Vec<&str> = all.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["pemdi-2026", "spbe-2020", "spbe-2018"]);
    // New assessments start with the newest framework (issue 3: Pemdi 2026 by default).
    assert_eq!(default_framework_id(), "pemdi-2026");
    for fw in all {
        assert_eq!(validate(fw), vec![], "{}", fw.id);
    }
}

/// The release's builds embed the frameworks with the fill screen's texts left out
/// (`src/build.rs`), and a release does not validate its catalogue at start: so each
/// framework, stripped exactly as the build strips it, must still load and validate here.
#[test]
fn every_framework_stripped_as_the_release_embeds_it_loads_and_validates() {
    let mut seen = 0;
    for entry in std::fs::read_dir("src/domain/frameworks").expect("frameworks folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name == "units.json" {
            continue;
        }
        let mut value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        swanilai::domain::catalogue::strip::strip_unit_texts(&mut value);
        let stripped = serde_json::to_string(&value).unwrap();
        assert!(
            stripped.contains(swanilai::domain::catalogue::strip::PLACEHOLDER),
            "{name}: nothing was left out"
        );
        let fw: swanilai::domain::catalogue::Framework =
            swanilai::domain::json::from_str(&stripped).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(validate(&fw), vec![], "{name}");
        seen += 1;
    }
    assert_eq!(seen, 3, "every registered framework file");
}

/// The lists of frameworks (new assessment, new workspace) read the build script's summary
/// of each file instead of parsing the frameworks: it must say what the framework says,
/// for every registered framework, in the registry's order.
#[test]
fn each_frameworks_summary_is_what_the_framework_itself_says() {
    let listed: Vec<&Summary> = summaries().collect();
    let parsed: Vec<Summary> = frameworks().iter().map(|f| f.summary()).collect();
    assert_eq!(
        listed.len(),
        parsed.len(),
        "every registered framework is listed"
    );
    for (s, p) in listed.iter().zip(&parsed) {
        assert_eq!(**s, *p);
        assert_eq!(framework(&s.id).map(|f| f.summary()).as_ref(), Some(p));
    }
}

/// The years each regulation was evaluated under: 5/2018 for 2018 and 2019, 59/2020 from
/// 2020 until 8/2026 revoked it (Pasal 12) for the 2026 evaluation, Pemdi from 2026.
#[test]
fn a_new_assessment_starts_in_a_period_its_framework_was_in_force() {
    let cases = [
        ("pemdi-2026", 2026, 2026),
        ("pemdi-2026", 2027, 2027),
        ("pemdi-2026", 2025, 2026),
        ("spbe-2020", 2026, 2025),
        ("spbe-2020", 2023, 2023),
        ("spbe-2020", 2019, 2020),
        ("spbe-2018", 2026, 2019),
        ("spbe-2018", 2018, 2018),
        ("unknown", 2026, 2026),
    ];
    for (id, this_year, want) in cases {
        assert_eq!(default_period(id, this_year), want, "{id} in {this_year}");
    }
}

/// Counts from the regulations: 59/2020 (4/8/47), 5/2018 (3/7/35 with 35 holding three
/// services), 8/2026 (no domains, 7/20).
#[test]
fn structure_matches_the_regulations() {
    let cases = [
        ("spbe-2020", 4, 8, 47),
        ("spbe-2018", 3, 7, 37),
        ("pemdi-2026", 0, 7, 20),
    ];
    for (id, domains, aspects, indicators) in cases {
        let fw = framework(id).unwrap();
        assert_eq!(
            (fw.domains.len(), fw.aspects.len(), fw.indicators.len()),
            (domains, aspects, indicators),
            "{id}"
        );
    }
    let ids: Vec<&str> = framework("spbe-2018")
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(&ids[33..], ["34", "35.1", "35.2", "35.3"]);
}

#[test]
fn weights_are_the_regulations_weights() {
    let w = |fw: &str, ind: &str| framework(fw).unwrap().indicator(ind).unwrap().weight;
    let r = |s: &str| s.parse::<Rational>().unwrap();
    // 59/2020 Tabel 9.
    for (ind, weight) in [
        ("1", "1.30"),
        ("11", "2.50"),
        ("21", "1.50"),
        ("32", "2.75"),
        ("47", "3.00"),
    ] {
        assert_eq!(w("spbe-2020", ind), r(weight), "spbe-2020 {ind}");
    }
    let spbe = framework("spbe-2020").unwrap();
    let domain_weights: Vec<Rational> = spbe.domains.iter().map(|d| d.weight).collect();
    assert_eq!(domain_weights, ["13", "25", "16.5", "45.5"].map(r));
    // 8/2026: unequal weights inside aspects.
    let pemdi: Vec<Rational> = framework("pemdi-2026")
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.weight)
        .collect();
    let expected =
        [5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15].map(Rational::from_int);
    assert_eq!(pemdi, expected);
    // 5/2018: A7's six items weigh 20/6 each, never a rounded 3.33.
    for ind in ["32", "33", "34", "35.1", "35.2", "35.3"] {
        assert_eq!(w("spbe-2018", ind), Rational::new(10, 3), "spbe-2018 {ind}");
    }
}

#[test]
fn framework_specific_rules_are_data() {
    let spbe = framework("spbe-2020").unwrap();
    let services: Vec<&str> = spbe
        .indicators
        .iter()
        .filter(|i| i.service)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(services, ["45", "46", "47"]);
    let old = framework("spbe-2018").unwrap();
    let grouped: Vec<&str> = old
        .indicators
        .iter()
        .filter(|i| i.group.is_some())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(grouped, ["35.1", "35.2", "35.3"]);
    assert_eq!(old.values.min_level(), 0);
    let pemdi = framework("pemdi-2026").unwrap();
    let external: Vec<&str> = pemdi
        .indicators
        .iter()
        .filter(|i| i.is_external())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(external, ["5", "6", "7", "18"]);
    for id in external {
        let ind = pemdi.indicator(id).unwrap();
        assert_eq!(
            ind.assumed_when_missing().map(|v| v.hundredths()),
            Some(100),
            "{id} assumes 1.00"
        );
        assert!(matches!(ind.source, Source::External { .. }));
    }
    assert!(pemdi.values.is_decimal());
    let edges: Vec<i64> = pemdi
        .predicates
        .iter()
        .map(|p| p.from.round_hundredths_half_up())
        .collect();
    assert_eq!(edges, [0, 150, 250, 350, 400]);
    let edges: Vec<i64> = spbe
        .predicates
        .iter()
        .map(|p| p.from.round_hundredths_half_up())
        .collect();
    assert_eq!(edges, [0, 180, 260, 350, 420]);
}

#[test]
fn every_level_of_every_indicator_has_criteria_in_both_languages() {
    for fw in frameworks() {
        let levels = fw.levels().count();
        for ind in &fw.indicators {
            assert_eq!(ind.criteria.len(), levels, "{} {}", fw.id, ind.id);
            for level in fw.levels() {
                let t = fw.criteria_for(ind, level).unwrap();
                assert!(
                    !t.id.trim().is_empty() && !t.en.trim().is_empty(),
                    "{} {} level {level}",
                    fw.id,
                    ind.id
                );
            }
        }
    }
}

#[test]
fn default_owners_name_known_units() {
    let known: Vec<&str> = units().iter().map(|u| u.id.as_str()).collect();
    assert!(known.contains(&"bkpsdm") && known.contains(&"diskominfo"));
    for fw in frameworks() {
        for ind in &fw.indicators {
            assert!(
                !ind.owners.lead.is_empty(),
                "{} {} has a default lead unit",
                fw.id,
                ind.id
            );
        }
    }
}

/// The validation must be able to fail: break each invariant once and see it reported.
#[test]
fn validation_reports_broken_frameworks() {
    let base = framework("spbe-2020").unwrap().clone();

    let mut fw = base.clone();
    fw.indicators[0].weight = "1.31".parse().unwrap();
    let problems = validate(&fw);
    assert!(
        problems.iter().any(|p| p.place == "aspects.A1"),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.place == "indicators"),
        "total ≠ 100 reported"
    );

    let mut fw = base.clone();
    fw.indicators[1].id = "1".into();
    assert!(validate(&fw).iter().any(|p| p.message.contains("id ganda")));

    let mut fw = base.clone();
    fw.indicators[2].criteria.pop();
    assert!(validate(&fw)
        .iter()
        .any(|p| p.place == "indicators.3.criteria"));

    let mut fw = base.clone();
    fw.indicators[3].criteria[4].en.clear();
    assert!(validate(&fw)
        .iter()
        .any(|p| p.place == "indicators.4.criteria.4"));

    let mut fw = base.clone();
    fw.predicates.swap(1, 2);
    assert!(validate(&fw)
        .iter()
        .any(|p| p.place.starts_with("predicates")));

    let mut fw = base;
    fw.indicators[5].owners.lead = vec!["dinas-tidak-ada".into()];
    assert!(validate(&fw)
        .iter()
        .any(|p| p.place == "indicators.6.owners"));
}

/// Pemdi's evidence items follow the public list row for row, less the rows that are not
/// items (form descriptions folded into the item before, the placeholder of indicator 9
/// level 3) and the index-only indicators 5, 6, 7.
#[test]
fn pemdi_items_follow_the_public_list() {
    let fw = framework("pemdi-2026").unwrap();
    let mut total = 0;
    for (i, counts) in oracle::PEMDI_ITEM_ROWS.iter().enumerate() {
        let n = i + 1;
        let ind = fw.indicator(&n.to_string()).unwrap();
        for (l, rows) in counts.iter().enumerate() {
            let level = l as u8 + 1;
            let skipped = oracle::PEMDI_ROWS_NOT_ITEMS
                .iter()
                .filter(|r| **r == (n, level))
                .count();
            let expected = if oracle::PEMDI_INDEX_ONLY.contains(&n) {
                0
            } else {
                rows - skipped
            };
            let ids: Vec<&str> = ind.items_of(level).map(|x| x.id.as_str()).collect();
            assert_eq!(ids.len(), expected, "indicator {n} level {level}: {ids:?}");
            total += ids.len();
        }
    }
    assert_eq!(total, 212);
    // Stable ids as the list numbers them; the folded rows' text became a hint.
    let i15 = fw.indicator("15").unwrap();
    let review = i15.item("15.L4.2").unwrap();
    assert!(review.hint.as_ref().unwrap().id.contains("notulensi"));
    assert!(i15.item("15.L4.3").is_none());
    assert_eq!(fw.indicator("9").unwrap().items_of(3).count(), 0);
    // Thresholds are kept exactly.
    for (id, needle) in [
        ("3.L2.3", "20%"),
        ("3.L5.4", "90%"),
        ("17.L3.4", "50%"),
        ("17.L4.2", "90%"),
        ("1.L2.4", "<100%"),
    ] {
        let ind = fw.indicator(id.split('.').next().unwrap()).unwrap();
        let item = ind.item(id).unwrap();
        assert!(
            item.label.id.contains(needle) && item.text.id.contains(needle),
            "{id}"
        );
        assert!(
            item.label.en.contains(needle) && item.text.en.contains(needle),
            "{id}"
        );
    }
    // IKASANDI thresholds on the Tabel 4 predicate bands.
    let i10 = fw.indicator("10").unwrap();
    assert!(i10
        .item("10.L4.1")
        .unwrap()
        .text
        .id
        .contains("3,50 sampai di bawah 4,00"));
    assert!(fw.item_rule.is_some());
}

/// Level names belong to the checklist's cards (Rintisan … Optimum); a value reads by its
/// band, predicate with alias (8/2026 Tabel 4), and Pemdi has no floor reading.
#[test]
fn pemdi_values_read_by_band_and_levels_have_their_own_names() {
    let fw = framework("pemdi-2026").unwrap();
    let names: Vec<&str> = fw.scales[0]
        .levels
        .iter()
        .map(|l| l.name.id.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Rintisan",
            "Terkelola",
            "Terstandarisasi",
            "Terintegrasi",
            "Optimum"
        ]
    );
    assert!(fw.reading_scale.is_none());
    assert!(fw.reading_for(150).is_none());
    let ind = fw.indicator("1").unwrap();
    let band = |h: u16| {
        fw.value_reading(ind, swanilai::domain::Value::from_hundredths(h).unwrap())
            .unwrap()
            .id
    };
    assert_eq!(band(150), "Cukup · Membangun");
    assert_eq!(band(375), "Sangat Baik · Melembaga");
    assert_eq!(band(400), "Memuaskan · Unggul");
    assert_eq!(band(149), "Kurang · Merintis");
    // SPBE keeps its level names for levels.
    let spbe = framework("spbe-2020").unwrap();
    let i1 = spbe.indicator("1").unwrap();
    assert_eq!(
        spbe.value_reading(i1, swanilai::domain::Value::from_level(3).unwrap())
            .unwrap()
            .id,
        spbe.scale(&i1.scale).unwrap().level(3).unwrap().name.id
    );
}
