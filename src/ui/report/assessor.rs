//! Annex: the self-assessment against the assessors' values (issue 10 §4), when the file
//! carries them. For each stage with values: the index, the aspects (and domains) and the
//! indicators side by side, largest gaps first, with the assessors' notes.

use crate::domain::assessor::{compare_file, stages_with_values};
use crate::domain::catalogue::Framework;
use crate::domain::exchange::ExchangeFile;
use crate::domain::text::Lang;
use crate::ui::i18n::lang;
use leptos::prelude::*;

#[component]
pub fn AssessorAnnex(fw: &'static Framework, file: Memo<ExchangeFile>) -> impl IntoView {
    let lang = lang();
    move || {
        let l = lang.get();
        let t = |id: &'static str, en: &'static str| if l == Lang::Id { id } else { en };
        file.with(|f| {
            let stages = stages_with_values(fw, f);
            if stages.is_empty() {
                return None;
            }
            let tables = stages
                .into_iter()
                .filter_map(|s| Some((s, compare_file(fw, f, &s.id)?)))
                .map(|(s, c)| {
                    let groups = c
                        .domains
                        .iter()
                        .chain(&c.aspects)
                        .map(|g| {
                            let name = fw.group_name(&g.id).map_or("", |n| n.get(l));
                            let [own, theirs, gap] = g.texts(l);
                            view! {
                                <tr>
                                    <td>{format!("{} {name}", g.id)}</td>
                                    <td class="num">{own}</td>
                                    <td class="num">{theirs}{g.provisional.then_some("*")}</td>
                                    <td class="num">{gap}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let indicators = c
                        .indicators
                        .iter()
                        .map(|g| {
                            let name = fw
                                .indicator(&g.id)
                                .map(|i| format!("{} · {}", i.display_code(), i.name.get(l)))
                                .unwrap_or_else(|| g.id.clone());
                            let [own, theirs, gap] = g.texts(l);
                            view! {
                                <tr>
                                    <td>{name}</td>
                                    <td class="num">{own}</td>
                                    <td class="num">{theirs}</td>
                                    <td class="num">{gap}</td>
                                    <td>{g.note.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let [own, theirs, gap] = c.index.texts(l);
                    view! {
                        <h3>{format!("{} — {} {own} · {} {theirs} · {} {gap}",
                            s.name.get(l),
                            t("indeks mandiri", "self-assessment index"),
                            t("asesor", "assessors"),
                            t("selisih", "gap"))}</h3>
                        <table class="table report-table">
                            <thead><tr>
                                <th scope="col">{t("Aspek/domain", "Aspect/domain")}</th>
                                <th scope="col" class="num">{t("Mandiri", "Self")}</th>
                                <th scope="col" class="num">{t("Asesor", "Assessors")}</th>
                                <th scope="col" class="num">{t("Selisih", "Gap")}</th>
                            </tr></thead>
                            <tbody>{groups}</tbody>
                        </table>
                        <table class="table report-table">
                            <thead><tr>
                                <th scope="col">{t("Indikator", "Indicator")}</th>
                                <th scope="col" class="num">{t("Mandiri", "Self")}</th>
                                <th scope="col" class="num">{t("Asesor", "Assessors")}</th>
                                <th scope="col" class="num">{t("Selisih", "Gap")}</th>
                                <th scope="col">{t("Catatan asesor", "Assessors' note")}</th>
                            </tr></thead>
                            <tbody>{indicators}</tbody>
                        </table>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="report-page report-section report-assessor" aria-labelledby="report-assessor-title">
                    <h2 id="report-assessor-title">{t("Lampiran: penilaian mandiri dibanding hasil asesor", "Annex: self-assessment against the assessors' results")}</h2>
                    <p class="small">{t(
                        "Selisih = penilaian mandiri − asesor; selisih terbesar di atas (daftar perbaikan periode berikutnya). Nilai asesor dicatat koordinator setelah evaluasi resmi dan tidak mengubah angka penilaian mandiri di laporan ini. Tanda * = dihitung dari sebagian indikator.",
                        "Gap = self-assessment − assessors; largest gaps first (the improvement list for the next period). The coordinator recorded the assessors' values after the official evaluation; they change no self-assessment figure in this report. * = computed from part of the indicators.",
                    )}</p>
                    {tables}
                </section>
            })
        })
    }
}
