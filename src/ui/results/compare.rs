//! Comparing with a previous period: open last year's file; a bad file is listed with its
//! problems and changes nothing.

use super::specs::{signed, signed_value};
use super::{Previous, Results};
use crate::adapters::files::{self, ReadError};
use crate::domain::catalogue::framework;
use crate::domain::comparison::caveats;
use crate::domain::exchange::{self, Problem, Severity, MAX_FILE_BYTES};
use crate::domain::spreadsheet::format_value;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use crate::ui::widgets::figure;
use crate::ui::widgets::ProblemList;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Compare() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let problems = RwSignal::new(None::<(String, Vec<Problem>)>);

    let open = move |list: Vec<web_sys::File>| {
        spawn_local(async move {
            let Some(picked) = files::read_all(list, MAX_FILE_BYTES)
                .await
                .into_iter()
                .next()
            else {
                return;
            };
            let result = match picked.bytes {
                Err(e) => {
                    let message = match e {
                        ReadError::TooLarge => Text::new(
                            "Berkas lebih besar dari 5 MB.",
                            "The file is larger than 5 MB.",
                        ),
                        ReadError::Failed => Text::new(
                            "Berkas tidak dapat dibaca oleh browser.",
                            "The browser could not read the file.",
                        ),
                    };
                    Err(vec![Problem {
                        path: "$".into(),
                        severity: Severity::Error,
                        message,
                    }])
                }
                Ok(bytes) => exchange::parse(&bytes).map(|p| p.file),
            };
            // A file that parses but cannot serve as a previous period is refused the same way.
            // try_ here and below: the screen may have been left while the file was read.
            let result = match result {
                Err(p) => Err(p),
                Ok(file) => {
                    let Some(compared) = r.file.try_with_untracked(|now| {
                        crate::domain::comparison::compare_files(now, &file)
                    }) else {
                        return;
                    };
                    compared.map(|_| file).map_err(|message| {
                        vec![Problem {
                            path: "$".into(),
                            severity: Severity::Error,
                            message,
                        }]
                    })
                }
            };
            match result {
                Ok(file) => {
                    problems.try_set(None);
                    r.previous.try_set(Some(Previous {
                        name: picked.name,
                        file,
                    }));
                }
                Err(p) => {
                    problems.try_set(Some((picked.name, p)));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">{tr("Bandingkan dengan periode lalu", "Compare with a previous period")}</h2>
            <p class="muted">{tr(
                "Buka berkas hasil konsolidasi (.json) periode lalu. Berkas hanya dibaca di browser ini dan tidak mengubah penilaian.",
                "Open last period's consolidated file (.json). It is read in this browser only and changes nothing in the assessment.",
            )}</p>
            <div class="field-row">
                <label for="previous-file" class="btn">{tr("Pilih berkas periode lalu", "Choose last period's file")}</label>
                <input id="previous-file" class="visually-hidden-input" type="file" accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(list) = input.files() { open(files::files_of(&list)) }
                        input.set_value("");
                    }/>
                <Show when=move || r.previous.with(Option::is_some)>
                    <button type="button" class="btn btn-link" on:click=move |_| r.previous.set(None)>{tr("Hapus perbandingan", "Remove the comparison")}</button>
                </Show>
            </div>
            {move || problems.get().map(|(name, p)| view! {
                <div class="notice error" role="alert">
                    <p><strong>{name}</strong> ": " {tr("berkas tidak dipakai; tidak ada yang berubah.", "the file was not used; nothing changed.")}</p>
                    <ProblemList problems=p/>
                </div>
            })}
            {move || r.previous.get().map(|p| {
                let notes = r.file.with(|now| caveats(now, &p.file));
                let prev_fw = framework(&p.file.framework);
                let c = r.valid_comparison();
                let name = p.name.clone();
                view! {
                    <p class="small">{tr("Berkas: ", "File: ")} <code>{name}</code> " · " {p.file.institution.clone()} " · " {p.file.period.clone()}</p>
                    {notes.into_iter().map(|t| view! { <p class="notice warning">{text(t.clone())}</p> }).collect_view()}
                    {c.map(|c| {
                        let now_period = r.file.with(|f| f.period.clone());
                        let prev_period = p.file.period.clone();
                        let pred = |fw: Option<&'static crate::domain::catalogue::Framework>, pos: Option<usize>| {
                            move || fw.and_then(|fw| fw.predicates.get(pos?)).map(|p| p.name.get(lang.get()).to_string()).unwrap_or_default()
                        };
                        let (cp, pp) = (pred(Some(fw), c.predicate.current), pred(prev_fw, c.predicate.previous));
                        let same = c.same_instrument;
                        let index = c.index.clone();
                        let prev_short = prev_fw.map(|f| f.short_name.clone()).unwrap_or_default();
                        view! {
                            {(!same).then(|| view! {
                                <p class="notice info">{move || match lang.get() {
                                    Lang::Id => format!("Instrumen berbeda ({} dan {}): hanya indeks dan predikat yang disandingkan, tanpa selisih angka, karena indikator, bobot dan batas predikatnya berbeda.", prev_short, fw.short_name),
                                    Lang::En => format!("Different instruments ({} and {}): only the index and the predicate are shown side by side, with no numeric difference, because indicators, weights and predicate bands differ.", prev_short, fw.short_name),
                                }}</p>
                            })}
                            <table class="table comparison-table">
                                <caption class="sr-only">{tr("Indeks dan predikat dua periode", "Index and predicate of the two periods")}</caption>
                                <thead><tr>
                                    <th scope="col"></th>
                                    <th scope="col" class="num">{prev_period.clone()}</th>
                                    <th scope="col" class="num">{now_period.clone()}</th>
                                    <th scope="col" class="num">{tr("Perubahan", "Change")}</th>
                                </tr></thead>
                                <tbody>
                                    <tr>
                                        <th scope="row">{tr("Indeks", "Index")}</th>
                                        <td class="num">{let s = index.previous.displayed(); figure(s)}</td>
                                        <td class="num">{let s = index.current.displayed(); figure(s)}</td>
                                        <td class="num" data-testid="index-change">{let i = index.clone(); move || match (i.direction(), i.displayed()) {
                                            (Some(d), Some(h)) => format!("{} {}", d.arrow(), signed(h, lang.get())),
                                            _ => tr("instrumen berbeda", "different instruments")().to_string(),
                                        }}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{tr("Predikat", "Predicate")}</th>
                                        <td class="num">{pp}</td>
                                        <td class="num">{cp}</td>
                                        <td class="num">{move || c.predicate.direction().map(|d| format!("{} {}", d.arrow(), d.label().get(lang.get()))).unwrap_or_default()}</td>
                                    </tr>
                                </tbody>
                            </table>
                            {same.then(|| view! { <IndicatorChanges/> })}
                        }
                    })}
                }
            })}
        </section>
    }
}

/// Indicators whose value changed since the previous period.
#[component]
fn IndicatorChanges() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let show_all = RwSignal::new(false);
    let rows = move || {
        let c = r.valid_comparison()?;
        let all = show_all.get();
        Some(
            c.indicators
                .into_iter()
                .filter(|x| all || x.change().is_some_and(|d| d != 0))
                .filter_map(|x| Some((fw.indicator(&x.id)?, x)))
                .map(|(ind, x)| {
                    let decimal = fw.values.is_decimal();
                    let v = move |v: Option<crate::domain::value::Value>| v.map_or_else(|| "—".to_string(), |v| format_value(v, decimal, lang.get()));
                    let name = ind.name.clone();
                    let (cur, prev) = (x.current, x.previous);
                    let delta = x.change().zip(x.direction());
                    view! {
                        <tr>
                            <th scope="row">{ind.display_code().to_string()}</th>
                            <td>{text(name.clone())}</td>
                            <td class="num">{move || v(prev)}</td>
                            <td class="num">{move || v(cur)}</td>
                            <td class="num">{move || delta.map(|(h, d)| view! {
                                <span class=format!("delta delta-{}", d.label().en)><span aria-hidden="true">{d.arrow()}</span> " " {signed_value(h, fw.values.is_decimal(), lang.get())}<span class="sr-only">" " {d.label().get(lang.get()).to_string()}</span></span>
                            })}</td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    let count = move || {
        r.valid_comparison()
            .map_or(0, |c| c.changed_indicators().count())
    };
    view! {
        <h3>{move || match lang.get() {
            Lang::Id => format!("Indikator yang berubah ({})", count()),
            Lang::En => format!("Indicators that changed ({})", count()),
        }}</h3>
        <label class="field checkbox">
            <input type="checkbox" prop:checked=move || show_all.get() on:change=move |ev| show_all.set(event_target_checked(&ev))/>
            {tr("Tampilkan semua indikator", "Show every indicator")}
        </label>
        <div class="table-scroll">
            <table class="table">
                <caption class="sr-only">{tr("Perubahan nilai per indikator", "Change of value per indicator")}</caption>
                <thead><tr>
                    <th scope="col">{tr("Kode", "Code")}</th>
                    <th scope="col">{tr("Indikator", "Indicator")}</th>
                    <th scope="col" class="num">{tr("Periode lalu", "Previous")}</th>
                    <th scope="col" class="num">{tr("Sekarang", "Now")}</th>
                    <th scope="col" class="num">{tr("Perubahan", "Change")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
