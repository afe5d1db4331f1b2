//! Properties of the engine over random complete assessments of every framework.

// Host-only: these run under plain `cargo test`; the wasm32 test build skips them.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use swanilai::domain::catalogue::frameworks;
use swanilai::domain::engine::evaluate_map;
use swanilai::domain::{Framework, Rational, Value};

/// Random allowed values for every indicator of `fw`: whole levels, or two-decimal values
/// for decimal frameworks.
fn assessment(fw: &'static Framework) -> impl Strategy<Value = BTreeMap<String, Value>> {
    let (lo, hi) = (
        fw.values.min_value().hundredths(),
        fw.values.max_value().hundredths(),
    );
    let decimal = fw.values.is_decimal();
    let one = move || {
        if decimal {
            (lo..=hi)
                .prop_map(|h| Value::from_hundredths(h).unwrap())
                .boxed()
        } else {
            (lo / 100..=hi / 100)
                .prop_map(|l| Value::from_level(l as u8).unwrap())
                .boxed()
        }
    };
    let n = fw.indicators.len();
    proptest::collection::vec(one(), n).prop_map(move |vals| {
        fw.indicators
            .iter()
            .map(|i| i.id.clone())
            .zip(vals)
            .collect()
    })
}

/// The index written out independently of the engine: Σ value × weight / 100, straight
/// from the catalogue weights, in exact arithmetic.
fn independent_index(fw: &Framework, values: &BTreeMap<String, Value>) -> Rational {
    let mut sum = Rational::ZERO;
    for ind in &fw.indicators {
        sum = sum + ind.weight * values[&ind.id].to_rational();
    }
    sum / Rational::from_int(100)
}

fn independent_aspect(fw: &Framework, values: &BTreeMap<String, Value>, aspect: &str) -> Rational {
    let mut sum = Rational::ZERO;
    for ind in fw.indicators.iter().filter(|i| i.aspect == aspect) {
        sum = sum + ind.weight * values[&ind.id].to_rational();
    }
    sum / fw.aspect(aspect).unwrap().weight
}

fn any_framework() -> impl Strategy<Value = &'static Framework> {
    (0..frameworks().len()).prop_map(|i| frameworks()[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn index_equals_the_independent_weighted_mean(
        (fw, values) in any_framework().prop_flat_map(|fw| (Just(fw), assessment(fw)))
    ) {
        let eval = evaluate_map(fw, &values);
        prop_assert!(eval.is_complete());
        prop_assert!(!eval.index.is_provisional());
        prop_assert_eq!(eval.index.exact, Some(independent_index(fw, &values)));
        for a in &fw.aspects {
            prop_assert_eq!(eval.aspect(&a.id).unwrap().exact, Some(independent_aspect(fw, &values, &a.id)));
        }
    }

    #[test]
    fn raising_a_level_never_lowers_any_index(
        (fw, values, pick, raise) in any_framework().prop_flat_map(|fw| {
            (Just(fw), assessment(fw), 0..fw.indicators.len(), 1u16..=400)
        })
    ) {
        let before = evaluate_map(fw, &values);
        let id = &fw.indicators[pick].id;
        let max = fw.values.max_value().hundredths();
        let step = if fw.values.is_decimal() { raise } else { raise.div_ceil(100) * 100 };
        let mut raised = values.clone();
        raised.insert(id.clone(), Value::from_hundredths((values[id].hundredths() + step).min(max)).unwrap());
        let after = evaluate_map(fw, &raised);
        prop_assert!(after.index.exact >= before.index.exact);
        for (a, b) in after.aspects.iter().chain(&after.domains).zip(before.aspects.iter().chain(&before.domains)) {
            prop_assert!(a.score.exact >= b.score.exact, "{} fell", a.id);
        }
    }

    /// A provisional figure is the weighted mean of what is answered: dropping answers never
    /// turns a missing value into 0 or 1.
    #[test]
    fn provisional_index_averages_only_answered_indicators(
        (fw, values, keep) in any_framework().prop_flat_map(|fw| {
            (Just(fw), assessment(fw), proptest::collection::vec(any::<bool>(), fw.indicators.len()))
        })
    ) {
        let partial: BTreeMap<String, Value> = values.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(kv, _)| kv).collect();
        let eval = evaluate_map(fw, &partial);
        // What the engine should count as answered: given values plus the framework's assumptions.
        let mut sum = Rational::ZERO;
        let mut weight = Rational::ZERO;
        for ind in &fw.indicators {
            if let Some(v) = partial.get(&ind.id).copied().or_else(|| ind.assumed_when_missing()) {
                sum = sum + ind.weight * v.to_rational();
                weight = weight + ind.weight;
            }
        }
        let expected = (!weight.is_zero()).then(|| sum / weight);
        prop_assert_eq!(eval.index.exact, expected);
        prop_assert_eq!(eval.index.answered, fw.indicators.len() - eval.missing.len());
        prop_assert_eq!(eval.index.is_provisional(), expected.is_some() && !eval.missing.is_empty());
    }
}
