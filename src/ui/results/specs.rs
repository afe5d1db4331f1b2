//! The charts of an assessment as plain-number specs, shared by the results screen and the
//! printed report. Every number comes from the engine's evaluation; nothing is recomputed.

use crate::adapters::charts::{Band, ChartSpec, Marker, Role, Series};
use crate::domain::catalogue::Framework;
use crate::domain::comparison::{Comparison, FigureChange};
use crate::domain::engine::{format_hundredths, Evaluation, GroupScore};
use crate::domain::text::Lang;

/// A figure in the user's language ("2,50"), or "—".
pub fn fig(h: Option<i64>, lang: Lang) -> String {
    h.map_or_else(|| "—".to_string(), |h| format_hundredths(h, lang))
}

/// A change with its sign: "+0,50", "−0,12", "0,00".
pub fn signed(h: i64, lang: Lang) -> String {
    let body = format_hundredths(h.abs(), lang);
    match h.signum() {
        1 => format!("+{body}"),
        -1 => format!("−{body}"),
        _ => body,
    }
}

/// A change of an indicator value: "+1" for whole levels, "+0,25" for Pemdi decimals.
pub fn signed_value(h: i64, decimal: bool, lang: Lang) -> String {
    if decimal || h % 100 != 0 {
        return signed(h, lang);
    }
    match h.signum() {
        1 => format!("+{}", h / 100),
        -1 => format!("−{}", -h / 100),
        _ => "0".into(),
    }
}

fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Id {
        id
    } else {
        en
    }
}

/// A displayed figure in hundredths as a chart value (2.47).
fn chart_value(hundredths: i64) -> f64 {
    hundredths as f64 / 100.0
}

/// The figure of a group as a chart value (displayed, two decimals).
fn point(g: &GroupScore) -> Option<f64> {
    g.score.displayed().map(chart_value)
}

/// The previous period's figures of the groups as chart values.
fn previous_points(changes: &[FigureChange]) -> Vec<Option<f64>> {
    changes
        .iter()
        .map(|f| f.previous.displayed().map(chart_value))
        .collect()
}

/// The groups' figures as written ("2,40"), for bar labels and point tooltips.
fn labels(groups: &[GroupScore], lang: Lang) -> Vec<String> {
    groups
        .iter()
        .map(|g| fig(g.score.displayed(), lang))
        .collect()
}

/// The previous period's figures of the groups as written.
fn previous_labels(changes: &[FigureChange], lang: Lang) -> Vec<String> {
    changes
        .iter()
        .map(|f| fig(f.previous.displayed(), lang))
        .collect()
}

/// A short label for a radar axis: the id and the first words of the name.
pub fn axis_label(id: &str, name: &str) -> String {
    let mut short = String::new();
    for w in name.split_whitespace() {
        if short.chars().count() + w.chars().count() > 22 {
            short.push('…');
            break;
        }
        if !short.is_empty() {
            short.push(' ');
        }
        short.push_str(w);
    }
    format!("{id}\n{short}")
}

/// The scale of the charts: the framework's value range.
fn range(fw: &Framework) -> (f64, f64) {
    (
        fw.values.min.to_f64().floor().clamp(0.0, 1.0),
        fw.values.max.to_f64(),
    )
}

/// Where the index sits among the predicate bands, with markers for the index, the target
/// and (in what-if mode) the simulated index.
pub fn bands(
    fw: &Framework,
    index: Option<i64>,
    target: Option<i64>,
    whatif: Option<i64>,
    lang: Lang,
) -> ChartSpec {
    let (lo, hi) = range(fw);
    let bands = fw
        .predicates
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let from = p.from.round_hundredths_half_up().max((lo * 100.0) as i64);
            let to = fw
                .predicates
                .get(i + 1)
                .map_or((hi * 100.0) as i64, |n| n.from.round_hundredths_half_up());
            Band {
                name: format!(
                    "{}\n{}–{}",
                    p.name.get(lang),
                    fig(Some(from), lang),
                    fig(Some(to), lang)
                ),
                from: chart_value(from),
                to: chart_value(to),
            }
        })
        .collect();
    let mut markers = Vec::new();
    if let Some(h) = index {
        markers.push(Marker {
            label: format!("{} {}", pick(lang, "Indeks", "Index"), fig(Some(h), lang)),
            value: chart_value(h),
            role: Role::Current,
        });
    }
    if let Some(h) = target {
        markers.push(Marker {
            label: format!("Target {}", fig(Some(h), lang)),
            value: chart_value(h),
            role: Role::Target,
        });
    }
    if let Some(h) = whatif {
        markers.push(Marker {
            label: format!(
                "{} {}",
                pick(lang, "Simulasi", "What-if"),
                fig(Some(h), lang)
            ),
            value: chart_value(h),
            role: Role::WhatIf,
        });
    }
    ChartSpec::Bands {
        title: pick(
            lang,
            "Posisi indeks pada rentang predikat",
            "Where the index sits among the predicate bands",
        )
        .into(),
        bands,
        markers,
    }
}

/// The shape shared by [`radar`] and [`bars`]: the framework, this period's evaluation and
/// name, the previous period's comparison and name, the target in hundredths, the language.
pub type GroupChart =
    fn(&Framework, &Evaluation, &str, Option<(&Comparison, &str)>, Option<i64>, Lang) -> ChartSpec;

/// Radar of the aspect indices, with the previous period and the target as outlines.
pub fn radar(
    fw: &Framework,
    eval: &Evaluation,
    period: &str,
    previous: Option<(&Comparison, &str)>,
    target: Option<i64>,
    lang: Lang,
) -> ChartSpec {
    let (min, max) = range(fw);
    let axes = fw
        .aspects
        .iter()
        .map(|a| axis_label(&a.id, a.name.get(lang)))
        .collect();
    let mut series = vec![Series {
        name: period.to_string(),
        role: Role::Current,
        values: eval.aspects.iter().map(point).collect(),
        labels: labels(&eval.aspects, lang),
    }];
    if let Some((c, p)) = previous.filter(|(c, _)| c.same_instrument) {
        series.push(Series {
            name: p.to_string(),
            role: Role::Previous,
            values: previous_points(&c.aspects),
            labels: previous_labels(&c.aspects, lang),
        });
    }
    if let Some(t) = target {
        series.push(Series {
            name: format!("Target {}", fig(Some(t), lang)),
            role: Role::Target,
            values: vec![Some(chart_value(t)); fw.aspects.len()],
            labels: Vec::new(),
        });
    }
    ChartSpec::Radar {
        title: pick(lang, "Indeks per aspek", "Index per aspect").into(),
        axes,
        min,
        max,
        series,
    }
}

/// Bars of the domain indices (or aspects, for frameworks without domains) against the
/// previous period, with the target as a line.
pub fn bars(
    fw: &Framework,
    eval: &Evaluation,
    period: &str,
    previous: Option<(&Comparison, &str)>,
    target: Option<i64>,
    lang: Lang,
) -> ChartSpec {
    let (min, max) = range(fw);
    let (groups, prev, title): (&[GroupScore], Option<&[FigureChange]>, &str) = if fw.has_domains()
    {
        (
            &eval.domains,
            previous
                .filter(|(c, _)| c.same_instrument)
                .map(|(c, _)| c.domains.as_slice()),
            pick(lang, "Indeks per domain", "Index per domain"),
        )
    } else {
        (
            &eval.aspects,
            previous
                .filter(|(c, _)| c.same_instrument)
                .map(|(c, _)| c.aspects.as_slice()),
            pick(lang, "Indeks per aspek", "Index per aspect"),
        )
    };
    let mut series = vec![Series {
        name: period.to_string(),
        role: Role::Current,
        values: groups.iter().map(point).collect(),
        labels: labels(groups, lang),
    }];
    if let (Some(changes), Some((_, p))) = (prev, previous) {
        series.push(Series {
            name: p.to_string(),
            role: Role::Previous,
            values: previous_points(changes),
            labels: previous_labels(changes, lang),
        });
    }
    ChartSpec::Bars {
        title: title.into(),
        categories: groups.iter().map(|g| g.id.clone()).collect(),
        min,
        max,
        series,
        target: target.map(|t| Marker {
            label: format!("Target {}", fig(Some(t), lang)),
            value: chart_value(t),
            role: Role::Target,
        }),
    }
}
