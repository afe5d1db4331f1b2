//! Every reference case of the index engine (tests/fixtures/reference-cases.json): the
//! regulations' worked examples, band edges and rounding, with expected figures computed
//! outside this code.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use std::collections::BTreeMap;
use swanilai::domain::catalogue::framework;
use swanilai::domain::engine::{evaluate_map, weighted_mean, Score};
use swanilai::domain::explanation::worked_example;
use swanilai::domain::Lang;
use swanilai::domain::{Framework, Rational, Value};

fn fixture() -> Json {
    serde_json::from_str(include_str!("fixtures/reference-cases.json")).expect("fixture is JSON")
}

fn r(s: &str) -> Rational {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn hundredths(s: &str) -> i64 {
    r(s).round_hundredths_half_up()
}

fn value(x: &Json) -> Value {
    Value::from_f64(x.as_f64().expect("number")).expect("value in range")
}

/// Expands `set` keys ("11", "35.2" or "32..41") to indicator ids.
fn expand(key: &str) -> Vec<String> {
    match key.split_once("..") {
        Some((a, b)) => {
            let (a, b): (u32, u32) = (a.parse().unwrap(), b.parse().unwrap());
            (a..=b).map(|n| n.to_string()).collect()
        }
        None => vec![key.to_string()],
    }
}

fn values_of(fw: &Framework, case: &Json) -> BTreeMap<String, Value> {
    let rest = value(&case["rest"]);
    let mut values: BTreeMap<String, Value> =
        fw.indicators.iter().map(|i| (i.id.clone(), rest)).collect();
    if let Some(set) = case["set"].as_object() {
        for (key, v) in set {
            for id in expand(key) {
                assert!(
                    values.contains_key(&id),
                    "{}: unknown indicator {id}",
                    case["case"]
                );
                values.insert(id, value(v));
            }
        }
    }
    values
}

fn approx4(x: Rational) -> i64 {
    (x * Rational::from_int(10_000) + Rational::new(1, 2)).floor() as i64
}

#[test]
fn level_cases_give_the_expected_figures() {
    let fixture = fixture();
    let cases = fixture["level_cases"].as_array().unwrap();
    assert!(cases.len() >= 15, "all reference cases are present");
    for case in cases {
        let name = case["case"].as_str().unwrap();
        let fw = framework(case["framework"].as_str().unwrap()).expect("framework registered");
        let eval = evaluate_map(fw, &values_of(fw, case));
        assert!(eval.is_complete(), "{name}: complete");
        let score_of = |id: &str| -> &Score {
            if id == "index" {
                &eval.index
            } else {
                eval.aspect(id)
                    .or_else(|| eval.domain(id))
                    .unwrap_or_else(|| panic!("{name}: no {id}"))
            }
        };
        if let Some(idx) = case["index"].as_str() {
            assert_eq!(
                eval.index.displayed(),
                Some(hundredths(idx)),
                "{name}: index"
            );
        }
        if let Some(p) = case["predicate"].as_str() {
            assert_eq!(
                eval.index.predicate(fw).unwrap().name.id,
                p,
                "{name}: predicate"
            );
        }
        for group in ["aspects", "domains"] {
            if let Some(map) = case[group].as_object() {
                for (id, expected) in map {
                    let got = score_of(id).displayed();
                    assert_eq!(
                        got,
                        Some(hundredths(expected.as_str().unwrap())),
                        "{name}: {id}"
                    );
                }
            }
        }
        if let Some(map) = case["exact"].as_object() {
            for (id, expected) in map {
                assert_eq!(
                    score_of(id).exact,
                    Some(r(expected.as_str().unwrap())),
                    "{name}: exact {id}"
                );
            }
        }
        if let Some(map) = case["approx4"].as_object() {
            for (id, expected) in map {
                let want =
                    (r(expected.as_str().unwrap()) * Rational::from_int(10_000)).floor() as i64;
                assert_eq!(
                    approx4(score_of(id).exact.unwrap()),
                    want,
                    "{name}: 4 decimals of {id}"
                );
            }
        }
        if let Some(all) = case["all_groups"].as_str() {
            for g in eval.aspects.iter().chain(&eval.domains) {
                assert_eq!(
                    g.score.displayed(),
                    Some(hundredths(all)),
                    "{name}: {}",
                    g.id
                );
            }
        }
    }
}

/// The written-out arithmetic ("how the index is computed") ends on each case's expected
/// index and predicate, and an aspect it works through lands on that aspect's expected value.
#[test]
fn the_written_out_arithmetic_reaches_the_reference_figures() {
    let fixture = fixture();
    for case in fixture["level_cases"].as_array().unwrap() {
        let name = case["case"].as_str().unwrap();
        let fw = framework(case["framework"].as_str().unwrap()).unwrap();
        let values = values_of(fw, case);
        let eval = evaluate_map(fw, &values);
        let lines = worked_example(fw, &eval, &values, Lang::Id);
        assert!(
            lines.len() >= 3,
            "{name}: aspect, index, rounding: {lines:?}"
        );
        if let (Some(idx), Some(p)) = (case["index"].as_str(), case["predicate"].as_str()) {
            let shown = idx.replace('.', ",");
            assert_eq!(
                lines.last().unwrap(),
                &format!("Ditampilkan {shown} (dibulatkan setengah ke atas) → predikat {p}"),
                "{name}"
            );
        }
        let aspect_line = &lines[0];
        let (id, result) = aspect_line
            .strip_prefix("Aspek ")
            .and_then(|l| Some((l.split(' ').next()?, l.rsplit(" = ").next()?)))
            .unwrap_or_else(|| panic!("{name}: {aspect_line}"));
        if let Some(expected) = case["aspects"][id].as_str() {
            assert!(
                result.starts_with(&expected.replace('.', ",")),
                "{name}: {aspect_line}"
            );
        }
        if let Some(all) = case["all_groups"].as_str() {
            assert!(
                result.starts_with(&all.replace('.', ",")),
                "{name}: {aspect_line}"
            );
        }
        // Every line's arithmetic is right: redoing "(a × b + …) / w" from the printed
        // numbers gives the printed result (where no number was cut short with "…").
        let mut checked = 0;
        for line in &lines[..lines.len() - 1] {
            if let Some((sum, w, v)) = redo(line) {
                assert_eq!(sum / w, v, "{name}: {line}");
                checked += 1;
            }
        }
        assert!(checked >= 1, "{name}: some line could be redone: {lines:?}");
    }
}

/// A printed number; `None` when cut short ("2,2087…").
fn printed(s: &str) -> Option<Rational> {
    if s.contains('…') {
        return None;
    }
    s.trim().replace(',', ".").parse().ok()
}

/// From "X = (a × b + c × d) / w = … = v": (a·b + c·d, w, v).
fn redo(line: &str) -> Option<(Rational, Rational, Rational)> {
    let (_, rhs) = line.split_once(" = (")?;
    let (terms, rest) = rhs.split_once(") / ")?;
    let mut sum = Rational::ZERO;
    for term in terms.split(" + ") {
        let (a, b) = term.split_once(" × ")?;
        sum = sum + printed(a)? * printed(b)?;
    }
    let mut parts = rest.split(" = ");
    let w = printed(parts.next()?)?;
    let v = printed(parts.last()?)?;
    Some((sum, w, v))
}

#[test]
fn worked_examples_combine_aspects_and_domains_with_the_catalogue_weights() {
    let fixture = fixture();
    for case in fixture["combine_cases"].as_array().unwrap() {
        let name = case["case"].as_str().unwrap();
        let fw = framework(case["framework"].as_str().unwrap()).unwrap();
        let inputs = case["inputs"].as_object().unwrap();
        let items: Vec<(Rational, Rational)> = inputs
            .iter()
            .map(|(id, x)| {
                let weight = fw
                    .aspect(id)
                    .map(|a| a.weight)
                    .or_else(|| fw.domain(id).map(|d| d.weight))
                    .unwrap();
                (weight, r(x.as_str().unwrap()))
            })
            .collect();
        if case["level"] == "domain" {
            // The aspects listed must be exactly the domain's aspects.
            let target = case["target"].as_str().unwrap();
            let ids: Vec<&str> = fw.aspects_of(target).map(|a| a.id.as_str()).collect();
            assert_eq!(
                ids,
                inputs.keys().map(String::as_str).collect::<Vec<_>>(),
                "{name}"
            );
        } else {
            assert_eq!(inputs.len(), fw.domains.len(), "{name}: every domain given");
        }
        let got = weighted_mean(items).unwrap();
        if let Some(exact) = case["expect_exact"].as_str() {
            assert_eq!(got, r(exact), "{name}: exact");
        }
        assert_eq!(
            got.round_hundredths_half_up(),
            hundredths(case["expect"].as_str().unwrap()),
            "{name}"
        );
        if let Some(p) = case["predicate"].as_str() {
            assert_eq!(
                fw.predicate_for(got.round_hundredths_half_up()).name.id,
                p,
                "{name}: predicate"
            );
        }
    }
}

#[test]
fn predicate_bands_include_their_lower_edge() {
    let fixture = fixture();
    for case in fixture["predicate_cases"].as_array().unwrap() {
        let fw = framework(case["framework"].as_str().unwrap()).unwrap();
        let values = case["values"].as_array().unwrap();
        let predicates = case["predicates"].as_array().unwrap();
        assert_eq!(values.len(), predicates.len());
        for (v, p) in values.iter().zip(predicates) {
            let got = &fw.predicate_for(hundredths(v.as_str().unwrap())).name.id;
            assert_eq!(got, p.as_str().unwrap(), "{}: {v}", case["case"]);
        }
    }
}

#[test]
fn external_index_conversions() {
    let fixture = fixture();
    for case in fixture["conversion_cases"].as_array().unwrap() {
        let fw = framework(case["framework"].as_str().unwrap()).unwrap();
        let ind = fw.indicator(case["indicator"].as_str().unwrap()).unwrap();
        let swanilai::domain::catalogue::Source::External { conversion, .. } = &ind.source else {
            panic!("indicator {} is not external", ind.id)
        };
        for (raw, want) in case["raw"]
            .as_array()
            .unwrap()
            .iter()
            .zip(case["expect"].as_array().unwrap())
        {
            let got = conversion.convert(r(raw.as_str().unwrap())).unwrap();
            assert_eq!(
                got,
                r(want.as_str().unwrap()),
                "{}: raw {raw}",
                case["case"]
            );
            // Typed by a person, with the Indonesian decimal comma.
            let typed = raw.as_str().unwrap().replace('.', ",");
            assert_eq!(
                conversion
                    .convert_typed(&typed)
                    .map(|v| v.hundredths() as i64),
                Some(hundredths(want.as_str().unwrap())),
                "{}: typed {typed}",
                case["case"]
            );
        }
    }
}
