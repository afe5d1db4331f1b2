//! "How the index is computed": the regulation's formulas, then the same arithmetic with
//! this assessment's own numbers (written out by `domain::explanation`).

use super::Results;
use crate::domain::explanation::worked_example;
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;

#[component]
pub fn Explainer() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let lines = move || {
        r.eval
            .with(|e| r.values.with(|v| worked_example(fw, e, v, lang.get())))
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
