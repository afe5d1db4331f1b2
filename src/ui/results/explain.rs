//! "How the index is computed" (anchors §5 #10: SAMM's users ask for exactly this): the
//! regulation's formulas, then the same arithmetic written out with this assessment's own
//! numbers, so anyone can redo it on a calculator.

use super::Results;
use crate::domain::catalogue::Framework;
use crate::domain::engine::{format_hundredths, Evaluation};
use crate::domain::rational::Rational;
use crate::domain::spreadsheet::xlsx::decimal_literal;
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;

/// An exact number for reading: up to four decimals, "…" when it goes on.
pub fn exact(r: Rational, lang: Lang) -> String {
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

/// The worked example: one aspect, its domain, and the index, as lines of arithmetic.
fn worked(
    fw: &Framework,
    e: &Evaluation,
    values: &std::collections::BTreeMap<String, crate::domain::value::Value>,
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
                exact(
                    values
                        .get(&i.id)
                        .copied()
                        .or(i.assumed_when_missing())?
                        .to_rational(),
                    lang
                ),
                exact(i.weight, lang)
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
        exact(aspect.weight, lang),
        exact(sum, lang),
        exact(aspect.weight, lang),
        exact(aspect_value, lang)
    ));
    if let Some(d) = aspect.domain.as_deref().and_then(|d| fw.domain(d)) {
        let terms: Vec<String> = fw
            .aspects_of(&d.id)
            .filter_map(|a| {
                Some(format!(
                    "{} × {}",
                    exact(e.aspect(&a.id)?.exact?, lang),
                    exact(a.weight, lang)
                ))
            })
            .collect();
        if let Some(v) = e.domain(&d.id).and_then(|s| s.exact) {
            lines.push(format!(
                "Domain {} = ({}) / {} = {}",
                d.id,
                terms.join(" + "),
                exact(d.weight, lang),
                exact(v, lang)
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
                        exact(e.domain(&d.id)?.exact?, lang),
                        exact(d.weight, lang)
                    ))
                })
                .collect()
        } else {
            fw.aspects
                .iter()
                .filter_map(|a| {
                    Some(format!(
                        "{} × {}",
                        exact(e.aspect(&a.id)?.exact?, lang),
                        exact(a.weight, lang)
                    ))
                })
                .collect()
        };
        let name = if lang == Lang::Id { "Indeks" } else { "Index" };
        lines.push(format!(
            "{name} = ({}) / 100 = {}",
            groups.join(" + "),
            exact(index, lang)
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

#[component]
pub fn Explainer() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let lines = move || {
        r.eval
            .with(|e| r.values.with(|v| worked(fw, e, v, lang.get())))
    };
    let legal = fw.legal_basis.clone();
    view! {
        <details class="card explainer">
            <summary><h2>{tr("Bagaimana indeks dihitung", "How the index is computed")}</h2></summary>
            <ol class="formula-steps">
                <li>
                    <strong>{tr("Indeks aspek", "Aspect index")}</strong>
                    " = Σ (" {tr("nilai indikator × bobot indikator", "indicator value × indicator weight")} ") / " {tr("bobot aspek", "aspect weight")}
                </li>
                {fw.has_domains().then(|| view! {
                    <li>
                        <strong>{tr("Indeks domain", "Domain index")}</strong>
                        " = Σ (" {tr("indeks aspek × bobot aspek", "aspect index × aspect weight")} ") / " {tr("bobot domain", "domain weight")}
                    </li>
                    <li>
                        <strong>{tr("Indeks", "Index")}</strong>
                        " = Σ (" {tr("indeks domain × bobot domain", "domain index × domain weight")} ") / 100"
                    </li>
                })}
                {(!fw.has_domains()).then(|| view! {
                    <li>
                        <strong>{tr("Indeks", "Index")}</strong>
                        " = Σ (" {tr("indeks aspek × bobot aspek", "aspect index × aspect weight")} ") / 100"
                    </li>
                })}
            </ol>
            <p class="small">{tr(
                "Bobot dalam persen. Angka antara (aspek, domain) tidak dibulatkan; hanya angka akhir yang ditampilkan dibulatkan setengah ke atas ke dua desimal, dan predikat dibaca dari angka yang ditampilkan itu, sehingga indeks tepat di batas (mis. 2,60) masuk rentang atas. Selama penilaian belum lengkap, setiap angka dihitung dari indikator yang sudah bernilai saja dan ditandai sementara.",
                "Weights are percentages. Intermediate figures (aspects, domains) are never rounded; only the displayed figure is rounded half up to two decimals, and the predicate is read from that displayed figure, so an index exactly on an edge (e.g. 2.60) falls in the upper band. While the assessment is incomplete, each figure is computed from the indicators that have a value only, and marked provisional.",
            )}</p>
            <h3>{tr("Dengan angka penilaian ini", "With this assessment's numbers")}</h3>
            <ul class="worked-example">
                {move || lines().into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}
            </ul>
            <p class="small muted">{tr("Dasar hukum: ", "Legal basis: ")} {text(legal.clone())}</p>
        </details>
    }
}
