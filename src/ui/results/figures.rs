//! Indices per domain and aspect: a radar and bars (against the target and the previous
//! period), with the same numbers in a table as their text alternative.

use super::chart::ChartView;
use super::specs::{self, fig, signed};
use super::Results;
use crate::domain::comparison::Comparison;
use crate::domain::engine::Score;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use crate::ui::widgets::figure;
use leptos::prelude::*;

#[component]
pub fn Figures() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let bars = r.chart(specs::bars);
    view! {
        <section class="card" aria-labelledby="figures-title">
            <h2 id="figures-title">{move || if fw.has_domains() { tr("Indeks per domain dan aspek", "Index per domain and aspect")() } else { tr("Indeks per aspek", "Index per aspect")() }}</h2>
            <div class="figures-grid">
                <ChartView spec=bars describedby="figures-table" testid="chart-bars"
                    label=Signal::derive(move || tr("Grafik batang indeks dibanding target dan periode lalu; angkanya ada di tabel di sebelahnya", "Bar chart of the indices against the target and the previous period; the numbers are in the table beside it")().to_string())/>
                <GroupTable table_id="figures-table"/>
            </div>
        </section>
    }
}

/// One row of the domain/aspect table.
struct GroupRow {
    kind: Text,
    id: String,
    name: Text,
    weight: String,
    score: Score,
    indent: bool,
}

/// Domains (each followed by its aspects) with their index, completeness, the gap to the
/// target and, when a previous period is loaded, its figure and the change.
#[component]
pub fn GroupTable(table_id: &'static str) -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let rows = move || {
        let e = r.eval.get();
        let mut out = Vec::new();
        let aspect_row = |a: &crate::domain::catalogue::Aspect, indent: bool| GroupRow {
            kind: Text::new("Aspek", "Aspect"),
            id: a.id.clone(),
            name: a.name.clone(),
            weight: crate::domain::spreadsheet::xlsx::decimal_literal(a.weight),
            score: e.aspect(&a.id).cloned().unwrap_or(Score {
                exact: None,
                answered: 0,
                total: 0,
            }),
            indent,
        };
        if fw.has_domains() {
            for d in &fw.domains {
                out.push(GroupRow {
                    kind: Text::new("Domain", "Domain"),
                    id: d.id.clone(),
                    name: d.name.clone(),
                    weight: crate::domain::spreadsheet::xlsx::decimal_literal(d.weight),
                    score: e.domain(&d.id).cloned().unwrap_or(Score {
                        exact: None,
                        answered: 0,
                        total: 0,
                    }),
                    indent: false,
                });
                out.extend(fw.aspects_of(&d.id).map(|a| aspect_row(a, true)));
            }
        } else {
            out.extend(fw.aspects.iter().map(|a| aspect_row(a, false)));
        }
        out
    };
    let comparison = Memo::new(move |_| r.valid_comparison().filter(|c| c.same_instrument));
    let has_prev = move || comparison.with(Option::is_some);
    let prev_of = move |c: &Comparison, id: &str| {
        c.domains
            .iter()
            .chain(&c.aspects)
            .find(|f| f.id == id)
            .cloned()
    };
    let decimal_sep = move |s: String| {
        if lang.get() == Lang::Id {
            s.replace('.', ",")
        } else {
            s
        }
    };

    view! {
        <div class="table-scroll">
            <table class="table" id=table_id>
                <caption class="sr-only">{tr("Indeks per domain dan aspek", "Index per domain and aspect")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("Kode", "Code")}</th>
                        <th scope="col">{tr("Nama", "Name")}</th>
                        <th scope="col" class="num">{tr("Bobot (%)", "Weight (%)")}</th>
                        <th scope="col" class="num">{tr("Indeks", "Index")}</th>
                        <th scope="col" class="num">{tr("Selisih ke target", "Gap to target")}</th>
                        <Show when=has_prev>
                            <th scope="col" class="num">{tr("Periode lalu", "Previous period")}</th>
                            <th scope="col" class="num">{tr("Perubahan", "Change")}</th>
                        </Show>
                        <th scope="col" class="num">{tr("Bernilai", "With a value")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows().into_iter().map(|g| {
                        let shown = g.score.displayed();
                        let provisional = g.score.is_provisional();
                        let gap = move || match (shown, r.target_hundredths()) {
                            (Some(s), Some(t)) if s < t => format!("−{}", fig(Some(t - s), lang.get())),
                            (Some(_), Some(_)) => tr("tercapai", "met")().to_string(),
                            _ => "—".to_string(),
                        };
                        let id = g.id.clone();
                        let change = move || comparison.with(|c| c.as_ref().and_then(|c| prev_of(c, &id)));
                        let change2 = change.clone();
                        let kind = g.kind.clone();
                        let name = g.name.clone();
                        let weight = g.weight.clone();
                        view! {
                            <tr class:group-domain=!g.indent class:group-aspect=g.indent data-group=g.id.clone()>
                                <th scope="row"><span class="sr-only">{text(kind.clone())} " "</span>{g.id.clone()}</th>
                                <td class:indent=g.indent>{text(name.clone())}</td>
                                <td class="num">{move || decimal_sep(weight.clone())}</td>
                                <td class="num figure-cell" data-testid=format!("figure-{}", g.id)>
                                    {figure(shown)}
                                    {provisional.then(|| view! { <abbr class="provisional-mark" title=tr("sementara: belum semua indikator bernilai", "provisional: not every indicator has a value")>"*"</abbr> })}
                                </td>
                                <td class="num">{gap}</td>
                                <Show when=has_prev>
                                    <td class="num">{let c = change.clone(); move || fig(c().and_then(|f| f.previous.displayed()), lang.get())}</td>
                                    <td class="num">{let c = change2.clone(); move || c().and_then(|f| Some((f.direction()?, f.displayed()?))).map(|(d, h)| {
                                        view! { <span class=format!("delta delta-{}", d.label().en)><span aria-hidden="true">{d.arrow()}</span> " " {signed(h, lang.get())}<span class="sr-only">" " {d.label().get(lang.get()).to_string()}</span></span> }
                                    })}</td>
                                </Show>
                                <td class="num">{format!("{}/{}", g.score.answered, g.score.total)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
