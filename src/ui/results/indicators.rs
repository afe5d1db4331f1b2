//! Every indicator with its value, level name, owner unit and evidence count.

use super::Results;
use crate::domain::spreadsheet::format_value;
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;

#[component]
pub fn IndicatorTable() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let decimal = fw.values.is_decimal();
    let rows = move || {
        r.rows
            .get()
            .into_iter()
            .map(|row| {
                let name = row.indicator.name.clone();
                let service = row.service.clone();
                let level = row.reading.clone();
                let owner = row.owner.clone();
                let remark = row.remark();
                let value = row.value;
                let aspect = row.aspect.id.clone();
                view! {
                    <tr class:unanswered=value.is_none() class:assumed=row.assumed data-indicator=row.indicator.id.clone()>
                        <th scope="row">{row.indicator.display_code().to_string()}</th>
                        <td>
                            {text(name.clone())}
                            {service.map(|s| view! { <span class="muted small">" · " {s}</span> })}
                        </td>
                        <td>{aspect}</td>
                        <td class="num">{move || value.map(|v| format_value(v, decimal, lang.get())).unwrap_or_else(|| "—".into())}</td>
                        <td>{move || level.as_ref().map(|l| l.get(lang.get()).to_string()).unwrap_or_default()}</td>
                        <td>{move || owner.as_ref().map(|o| o.label(lang.get())).unwrap_or_default()}</td>
                        <td class="num">{row.evidence}</td>
                        <td class="small">{move || remark.as_ref().map(|t| t.get(lang.get()).to_string()).unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="indicators-title">
            <h2 id="indicators-title">{tr("Nilai setiap indikator", "Every indicator's value")}</h2>
            <div class="table-scroll">
                <table class="table" data-testid="indicator-table">
                    <caption class="sr-only">{tr("Nilai, nama tingkat, unit pemilik dan jumlah bukti setiap indikator", "Value, level name, owner unit and evidence count of every indicator")}</caption>
                    <thead><tr>
                        <th scope="col">{tr("Kode", "Code")}</th>
                        <th scope="col">{tr("Indikator", "Indicator")}</th>
                        <th scope="col">{tr("Aspek", "Aspect")}</th>
                        <th scope="col" class="num">{tr("Nilai", "Value")}</th>
                        <th scope="col">{if decimal { tr("Rentang predikat", "Predicate band") } else { tr("Nama tingkat", "Level name") }}</th>
                        <th scope="col">{tr("Unit pemilik", "Owner unit")}</th>
                        <th scope="col" class="num">{tr("Bukti", "Evidence")}</th>
                        <th scope="col">{tr("Keterangan", "Remark")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
