//! The index engine: aspect, domain and overall index with their predicate.
//!
//! Formulas (PermenPANRB 59/2020 Lampiran II.B.4; 5/2018 the same shape; 8/2026 Lampiran
//! Bagian B without domains):
//!
//! * aspect  = Σ (indicator value × indicator weight) / aspect weight
//! * domain  = Σ (aspect index × aspect weight) / domain weight
//! * index   = Σ (domain index × domain weight) / 100   (Pemdi: Σ aspect × weight / 100)
//!
//! Every step is exact ([`Rational`]); nothing is rounded in between. Only the displayed
//! figure is rounded, half up, to two decimals, and the predicate is read from that
//! displayed figure so the number and the word shown side by side never disagree.
//!
//! While an assessment is incomplete, an aspect, domain or the index is computed over its
//! answered indicators only (a weighted mean of what is known) and flagged provisional. A
//! missing answer is never counted as 0 or 1, except where the framework itself says so:
//! Pemdi indicators fed by another agency's index take their `assumed_when_missing` value,
//! and the evaluation lists them in [`Evaluation::assumed`].

use crate::domain::catalogue::{Framework, Predicate, ScaleLevel};
use crate::domain::rational::Rational;
use crate::domain::text::Lang;
use crate::domain::value::Value;
use std::collections::BTreeMap;

/// Exact weighted mean Σ wᵢxᵢ / Σ wᵢ; `None` when there is nothing to average.
pub fn weighted_mean(items: impl IntoIterator<Item = (Rational, Rational)>) -> Option<Rational> {
    let (num, den) = items
        .into_iter()
        .fold((Rational::ZERO, Rational::ZERO), |(n, d), (w, x)| {
            (n + w * x, d + w)
        });
    (!den.is_zero()).then(|| num / den)
}

/// One figure (an aspect, a domain or the index) with how much of it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The exact figure; `None` when none of its indicators has a value yet.
    pub exact: Option<Rational>,
    /// Indicators with a value (an assumed external value counts).
    pub answered: usize,
    pub total: usize,
}

impl Score {
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }

    /// Computed from part of the indicators only.
    pub fn is_provisional(&self) -> bool {
        self.exact.is_some() && !self.is_complete()
    }

    /// The figure as displayed, in hundredths, rounded half up.
    pub fn displayed(&self) -> Option<i64> {
        self.exact.map(|x| x.round_hundredths_half_up())
    }

    /// The predicate of the displayed figure.
    pub fn predicate<'a>(&self, fw: &'a Framework) -> Option<&'a Predicate> {
        self.displayed().map(|h| fw.predicate_for(h))
    }

    /// The informal floor reading of the displayed figure (e.g. 2.05 reads "Terkelola").
    pub fn reading<'a>(&self, fw: &'a Framework) -> Option<&'a ScaleLevel> {
        self.displayed().and_then(|h| fw.reading_for(h))
    }

    /// How complete the figure is: "8 dari 47 indikator bernilai".
    pub fn completeness(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!("{} dari {} indikator bernilai", self.answered, self.total),
            Lang::En => format!(
                "{} of {} indicators have a value",
                self.answered, self.total
            ),
        }
    }

    /// What a figure is called where it is shown: `name` ("Indeks SPBE"), or while
    /// indicators are missing "Indeks SPBE sementara (8 dari 47 indikator bernilai)".
    pub fn label(&self, name: &str, lang: Lang) -> String {
        if !self.is_provisional() {
            return name.to_string();
        }
        match lang {
            Lang::Id => format!("{name} sementara ({})", self.completeness(lang)),
            Lang::En => format!("Provisional {name} ({})", self.completeness(lang)),
        }
    }

    /// The figure and its predicate as shown wherever the index appears: "2,92 · Baik";
    /// while indicators are missing "2,92 · Baik (sementara, 8 dari 47 indikator
    /// bernilai)", so a provisional index is never quoted as a final one. `None` when
    /// nothing has a value.
    pub fn headline(&self, fw: &Framework, lang: Lang) -> Option<String> {
        let h = self.displayed()?;
        let predicate = fw.predicate_for(h).name.get(lang);
        let figure = format_hundredths(h, lang);
        Some(if self.is_provisional() {
            let word = if lang == Lang::Id {
                "sementara"
            } else {
                "provisional"
            };
            format!(
                "{figure} · {predicate} ({word}, {})",
                self.completeness(lang)
            )
        } else {
            format!("{figure} · {predicate}")
        })
    }
}

/// A named figure: an aspect or domain id with its score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    pub id: String,
    pub score: Score,
}

/// Everything the results screen and the consolidated file need from one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub index: Score,
    /// In catalogue order.
    pub aspects: Vec<GroupScore>,
    /// In catalogue order; empty for frameworks without domains.
    pub domains: Vec<GroupScore>,
    /// External indicators that took the framework's assumed value because none was given.
    pub assumed: Vec<String>,
    /// Indicators with no value, in catalogue order.
    pub missing: Vec<String>,
}

impl Evaluation {
    pub fn aspect(&self, id: &str) -> Option<&Score> {
        self.aspects.iter().find(|g| g.id == id).map(|g| &g.score)
    }

    pub fn domain(&self, id: &str) -> Option<&Score> {
        self.domains.iter().find(|g| g.id == id).map(|g| &g.score)
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The values the engine works from: given answers, plus the framework's assumed value for
/// missing external indicators. Returns (values, assumed ids).
pub fn effective_values(
    fw: &Framework,
    value_of: impl Fn(&str) -> Option<Value>,
) -> (BTreeMap<String, Value>, Vec<String>) {
    let mut values = BTreeMap::new();
    let mut assumed = Vec::new();
    for ind in &fw.indicators {
        match value_of(&ind.id) {
            Some(v) => {
                values.insert(ind.id.clone(), v);
            }
            None => {
                if let Some(v) = ind.assumed_when_missing() {
                    values.insert(ind.id.clone(), v);
                    assumed.push(ind.id.clone());
                }
            }
        }
    }
    (values, assumed)
}

/// Evaluates an assessment. `value_of` gives an indicator's value by id, `None` if unanswered.
pub fn evaluate(fw: &Framework, value_of: impl Fn(&str) -> Option<Value>) -> Evaluation {
    let (values, assumed) = effective_values(fw, value_of);
    let value = |id: &str| values.get(id).map(|v| v.to_rational());

    // Flat weighted mean over the answered indicators of a subset. When every indicator of
    // the subset is answered this equals the regulation's nested formula (weights nest
    // exactly, checked by the catalogue validation); the nested form is used then anyway,
    // so the code reads like the regulation.
    let flat = |ids: &mut dyn Iterator<Item = &crate::domain::catalogue::Indicator>| {
        let mut answered = 0;
        let mut total = 0;
        let mut items = Vec::new();
        for ind in ids {
            total += 1;
            if let Some(x) = value(&ind.id) {
                answered += 1;
                items.push((ind.weight, x));
            }
        }
        Score {
            exact: weighted_mean(items),
            answered,
            total,
        }
    };

    let aspects: Vec<GroupScore> = fw
        .aspects
        .iter()
        .map(|a| GroupScore {
            id: a.id.clone(),
            score: flat(&mut fw.indicators_of(&a.id)),
        })
        .collect();
    let aspect_score = |id: &str| aspects.iter().find(|g| g.id == id).map(|g| &g.score);

    let domains: Vec<GroupScore> = fw
        .domains
        .iter()
        .map(|d| {
            let mut in_domain = fw.indicators.iter().filter(|i| {
                fw.aspect(&i.aspect).and_then(|a| a.domain.as_deref()) == Some(d.id.as_str())
            });
            let mut score = flat(&mut in_domain);
            if score.is_complete() {
                // IndeksDomain = Σ (IndeksAspek × BobotAspek) / BobotDomain.
                score.exact = weighted_mean(
                    fw.aspects_of(&d.id)
                        .filter_map(|a| Some((a.weight, aspect_score(&a.id)?.exact?))),
                );
            }
            GroupScore {
                id: d.id.clone(),
                score,
            }
        })
        .collect();

    let mut index = flat(&mut fw.indicators.iter());
    if index.is_complete() {
        index.exact = if fw.has_domains() {
            // IndeksSPBE = Σ (IndeksDomain × BobotDomain) / 100.
            weighted_mean(
                domains
                    .iter()
                    .zip(&fw.domains)
                    .filter_map(|(g, d)| Some((d.weight, g.score.exact?))),
            )
        } else {
            // IndeksPemdi = Σ (IndeksAspek × BobotAspek) / 100.
            weighted_mean(
                aspects
                    .iter()
                    .zip(&fw.aspects)
                    .filter_map(|(g, a)| Some((a.weight, g.score.exact?))),
            )
        };
    }

    let missing = fw
        .indicators
        .iter()
        .filter(|i| !values.contains_key(&i.id))
        .map(|i| i.id.clone())
        .collect();
    Evaluation {
        index,
        aspects,
        domains,
        assumed,
        missing,
    }
}

/// Convenience: evaluate from a map of indicator id → value.
pub fn evaluate_map(fw: &Framework, values: &BTreeMap<String, Value>) -> Evaluation {
    evaluate(fw, |id| values.get(id).copied())
}

/// An indicator value as shown: a whole level as "3", a Pemdi value as "2,47" / "2.47".
pub fn format_value(v: Value, lang: Lang) -> String {
    if v.is_whole() {
        v.floor_level().to_string()
    } else {
        format_hundredths(v.hundredths() as i64, lang)
    }
}

/// A displayed figure in the user's language: "3,28" in Indonesian, "3.28" in English.
pub fn format_hundredths(h: i64, lang: Lang) -> String {
    let sign = if h < 0 { "-" } else { "" };
    // unsigned: a figure read from a file may be i64::MIN, whose abs() overflows.
    let h = h.unsigned_abs();
    let sep = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{sep}{:02}", h / 100, h % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_mean_of_nothing_is_none() {
        assert_eq!(weighted_mean(Vec::new()), None);
        assert_eq!(
            weighted_mean(vec![
                (Rational::from_int(1), Rational::from_int(2)),
                (Rational::from_int(3), Rational::from_int(4))
            ]),
            Some(Rational::new(14, 4))
        );
    }

    #[test]
    fn a_provisional_figure_always_says_so_with_its_completeness() {
        let fw = crate::domain::catalogue::framework("spbe-2020").unwrap();
        // 8 of 47 indicators answered at level 3: weighted mean 3 whatever the weights.
        let values: BTreeMap<String, Value> = (1..=8)
            .map(|i| (i.to_string(), Value::from_level(3).unwrap()))
            .collect();
        let e = evaluate_map(fw, &values);
        assert_eq!(
            e.index.headline(fw, Lang::Id).as_deref(),
            Some("3,00 · Baik (sementara, 8 dari 47 indikator bernilai)")
        );
        assert_eq!(
            e.index.label("Indeks SPBE", Lang::Id),
            "Indeks SPBE sementara (8 dari 47 indikator bernilai)"
        );
        assert_eq!(
            e.index.headline(fw, Lang::En).as_deref(),
            Some("3.00 · Good (provisional, 8 of 47 indicators have a value)")
        );
        // Complete: the figure and its predicate, nothing else.
        let all: BTreeMap<String, Value> = fw
            .indicators
            .iter()
            .map(|i| (i.id.clone(), Value::from_level(3).unwrap()))
            .collect();
        let e = evaluate_map(fw, &all);
        assert_eq!(
            e.index.headline(fw, Lang::Id).as_deref(),
            Some("3,00 · Baik")
        );
        assert_eq!(e.index.label("Indeks SPBE", Lang::Id), "Indeks SPBE");
        assert_eq!(
            evaluate_map(fw, &BTreeMap::new())
                .index
                .headline(fw, Lang::Id),
            None
        );
    }

    #[test]
    fn formats_figures_per_language() {
        assert_eq!(format_hundredths(328, Lang::Id), "3,28");
        assert_eq!(format_hundredths(328, Lang::En), "3.28");
        assert_eq!(format_hundredths(5, Lang::En), "0.05");
        assert_eq!(format_hundredths(-5, Lang::Id), "-0,05");
        assert_eq!(format_value(Value::from_level(3).unwrap(), Lang::Id), "3");
        assert_eq!(
            format_value(Value::from_hundredths(247).unwrap(), Lang::Id),
            "2,47"
        );
        assert_eq!(
            format_value(Value::from_hundredths(250).unwrap(), Lang::En),
            "2.50"
        );
    }
}
