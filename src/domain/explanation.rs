//! "How the index is computed" with an assessment's own numbers: the regulation's
//! arithmetic written out line by line (an aspect, its domain, the index, the rounding and
//! the predicate), so anyone can redo it on a calculator (anchors §5 #10: SAMM's users ask
//! for exactly this). The figures are the engine's; this module only writes them out.

use crate::domain::catalogue::Framework;
use crate::domain::engine::{format_hundredths, Evaluation};
use crate::domain::rational::Rational;
use crate::domain::spreadsheet::xlsx::decimal_literal;
use crate::domain::text::Lang;
use crate::domain::value::Value;
use std::collections::BTreeMap;

/// An exact number for reading: up to four decimals, "…" when it goes on.
pub fn format_exact(r: Rational, lang: Lang) -> String {
    let s = decimal_literal(r);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = format!("{frac:0<2}");
    let (frac, more) = if frac.len() > 4 {
        (&frac[..4], "…")
    } else {
        (frac.as_str(), "")
    };
    let sep = if lang == Lang::Id { ',' } else { '.' };
    format!("{int}{sep}{frac}{more}")
}

/// The worked example: one aspect (the smallest complete one, to keep it short), its
/// domain, and the index when complete, as lines of arithmetic in `lang`. `e` is the
/// evaluation of `values`. Empty when no aspect is complete yet.
pub fn worked_example(
    fw: &Framework,
    e: &Evaluation,
    values: &BTreeMap<String, Value>,
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    // The smallest complete aspect keeps the example short.
    let Some(aspect) = fw
        .aspects
        .iter()
        .filter(|a| {
            e.aspect(&a.id)
                .is_some_and(|s| s.is_complete() && s.exact.is_some())
        })
        .min_by_key(|a| fw.indicators_of(&a.id).count())
    else {
        return lines;
    };
    let terms: Vec<String> = fw
        .indicators_of(&aspect.id)
        .filter_map(|i| {
            Some(format!(
                "{} × {}",
                format_exact(
                    values
                        .get(&i.id)
                        .copied()
                        .or(i.assumed_when_missing())?
                        .to_rational(),
                    lang
                ),
                format_exact(i.weight, lang)
            ))
        })
        .collect();
    let sum: Rational = fw
        .indicators_of(&aspect.id)
        .filter_map(|i| {
            Some(
                values
                    .get(&i.id)
                    .copied()
                    .or(i.assumed_when_missing())?
                    .to_rational()
                    * i.weight,
            )
        })
        .sum();
    let aspect_value = e
        .aspect(&aspect.id)
        .and_then(|s| s.exact)
        .unwrap_or(Rational::ZERO);
    lines.push(format!(
        "{} {} = ({}) / {} = {} / {} = {}",
        if lang == Lang::Id { "Aspek" } else { "Aspect" },
        aspect.id,
        terms.join(" + "),
        format_exact(aspect.weight, lang),
        format_exact(sum, lang),
        format_exact(aspect.weight, lang),
        format_exact(aspect_value, lang)
    ));
    if let Some(d) = aspect.domain.as_deref().and_then(|d| fw.domain(d)) {
        let terms: Vec<String> = fw
            .aspects_of(&d.id)
            .filter_map(|a| {
                Some(format!(
                    "{} × {}",
                    format_exact(e.aspect(&a.id)?.exact?, lang),
                    format_exact(a.weight, lang)
                ))
            })
            .collect();
        if let Some(v) = e.domain(&d.id).and_then(|s| s.exact) {
            lines.push(format!(
                "Domain {} = ({}) / {} = {}",
                d.id,
                terms.join(" + "),
                format_exact(d.weight, lang),
                format_exact(v, lang)
            ));
        }
    }
    if let Some(index) = e.index.exact.filter(|_| e.is_complete()) {
        let groups: Vec<String> = if fw.has_domains() {
            fw.domains
                .iter()
                .filter_map(|d| {
                    Some(format!(
                        "{} × {}",
                        format_exact(e.domain(&d.id)?.exact?, lang),
                        format_exact(d.weight, lang)
                    ))
                })
                .collect()
        } else {
            fw.aspects
                .iter()
                .filter_map(|a| {
                    Some(format!(
                        "{} × {}",
                        format_exact(e.aspect(&a.id)?.exact?, lang),
                        format_exact(a.weight, lang)
                    ))
                })
                .collect()
        };
        let name = if lang == Lang::Id { "Indeks" } else { "Index" };
        lines.push(format!(
            "{name} = ({}) / 100 = {}",
            groups.join(" + "),
            format_exact(index, lang)
        ));
        let shown = index.round_hundredths_half_up();
        let p = fw.predicate_for(shown);
        lines.push(match lang {
            Lang::Id => format!(
                "Ditampilkan {} (dibulatkan setengah ke atas) → predikat {}",
                format_hundredths(shown, lang),
                p.name.get(lang)
            ),
            Lang::En => format!(
                "Shown as {} (rounded half up) → predicate {}",
                format_hundredths(shown, lang),
                p.name.get(lang)
            ),
        });
    }
    lines
}

/// An exact number as its full decimal literal (up to ten places), with the language's
/// decimal separator: weights such as `2,75`.
pub fn format_decimal(r: Rational, lang: Lang) -> String {
    let s = decimal_literal(r);
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rational {
        s.parse().unwrap()
    }

    #[test]
    fn exact_numbers_read_with_two_to_four_decimals() {
        assert_eq!(format_exact(r("2.5"), Lang::Id), "2,50");
        assert_eq!(format_exact(r("2.5"), Lang::En), "2.50");
        assert_eq!(format_exact(r("3"), Lang::Id), "3,00");
        assert_eq!(format_exact(r("2.4375"), Lang::Id), "2,4375");
        assert_eq!(format_exact(r("1") / r("3"), Lang::Id), "0,3333…");
        assert_eq!(format_decimal(r("2.75"), Lang::Id), "2,75");
        assert_eq!(format_decimal(r("13"), Lang::En), "13");
    }
}
