//! Target planning: choose a target (a predicate or an index), see the fewest level raises
//! that reach it (the engine's exact planner), lock indicators that cannot move this year,
//! and try changes in a what-if mode that never touches the real answers.

use super::specs::{fig, signed};
use super::Results;
use crate::domain::engine::evaluate_map;
use crate::domain::planning::{plan, ranked_gains, PlanOutcome, Target};
use crate::domain::spreadsheet::{format_value, raise_gain, target_label};
use crate::domain::text::Lang;
use crate::domain::value::Value;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::widgets::figure;
use leptos::prelude::*;

#[component]
pub fn Planning() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let outcome = Memo::new(move |_| {
        r.values
            .with(|v| r.locked.with(|l| plan(fw, v, r.target.get(), l)))
    });
    let typed = RwSignal::new(String::new());
    let select_value = move || match r.target.get() {
        Target::Predicate(i) => format!("p{i}"),
        Target::Index(_) => "index".to_string(),
    };
    let on_select = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(i) = v.strip_prefix('p').and_then(|i| i.parse().ok()) {
            r.target.set(Target::Predicate(i));
        } else {
            let h = r.target.get_untracked().hundredths(fw).unwrap_or(260);
            typed.set(crate::domain::engine::format_hundredths(
                h,
                lang.get_untracked(),
            ));
            r.target.set(Target::Index(h));
        }
    };
    let options = fw
        .predicates
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, p)| {
            let name = p.name.clone();
            let from = p.from.round_hundredths_half_up();
            view! { <option value=format!("p{i}")>{move || format!("{} {} (≥ {})", tr("Predikat", "Predicate")(), name.get(lang.get()), fig(Some(from), lang.get()))}</option> }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="plan-title">
            <h2 id="plan-title">{tr("Perencanaan target", "Target planning")}</h2>
            <div class="field-row">
                <div class="field">
                    <label for="target-kind">{tr("Target yang dituju", "Target to reach")}</label>
                    <select id="target-kind" prop:value=select_value on:change=on_select>
                        {options}
                        <option value="index">{tr("Angka indeks tertentu…", "A specific index figure…")}</option>
                    </select>
                </div>
                <Show when=move || matches!(r.target.get(), Target::Index(_))>
                    <div class="field">
                        <label for="target-index">{tr("Indeks target (mis. 3,00)", "Target index (e.g. 3.00)")}</label>
                        <input id="target-index" type="text" inputmode="decimal" size="6" prop:value=move || typed.get()
                            on:input=move |ev| {
                                let t = event_target_value(&ev);
                                typed.set(t.clone());
                                if let Some(v) = Value::parse_typed(&t).filter(|v| fw.values.accepts(*v) || v.hundredths() <= fw.values.max_value().hundredths()) {
                                    r.target.set(Target::Index(v.hundredths() as i64));
                                }
                            }/>
                    </div>
                </Show>
            </div>
            <div aria-live="polite" data-testid="plan-outcome">
                {move || match outcome.get() {
                    PlanOutcome::AlreadyMet { index } => view! {
                        <p class="ok">{move || match lang.get() {
                            Lang::Id => format!("Target sudah tercapai: indeks {}.", fig(Some(index.round_hundredths_half_up()), Lang::Id)),
                            Lang::En => format!("The target is already met: index {}.", fig(Some(index.round_hundredths_half_up()), Lang::En)),
                        }}</p>
                    }.into_any(),
                    PlanOutcome::Unreachable { best } => view! {
                        <p class="notice warning">{move || match lang.get() {
                            Lang::Id => format!("Target tidak tercapai walaupun semua indikator yang tidak dikunci dinaikkan ke nilai tertinggi (paling tinggi {}). Buka kunci indikator atau pilih target lain.", fig(Some(best.round_hundredths_half_up()), Lang::Id)),
                            Lang::En => format!("The target cannot be reached even with every unlocked indicator at its maximum (at most {}). Unlock indicators or choose another target.", fig(Some(best.round_hundredths_half_up()), Lang::En)),
                        }}</p>
                    }.into_any(),
                    PlanOutcome::Incomplete { missing } => view! {
                        <p class="notice warning">{move || match lang.get() {
                            Lang::Id => format!("Perencanaan memerlukan penilaian yang lengkap; {} indikator belum bernilai.", missing.len()),
                            Lang::En => format!("Planning needs a complete assessment; {} indicators have no value yet.", missing.len()),
                        }}</p>
                    }.into_any(),
                    PlanOutcome::Plan { raises, steps, index } => {
                        let after = fw.predicate_for(index.round_hundredths_half_up()).name.clone();
                        let target = r.target.get();
                        let n = raises.len();
                        let rows = raises.into_iter().filter_map(|x| Some((fw.indicator(&x.indicator)?, x))).map(|(ind, x)| {
                            let level = move |v: Value| fw.value_reading(ind, v).map(|t| t.get(lang.get()).to_string()).unwrap_or_default();
                            let decimal = fw.values.is_decimal();
                            let gain = raise_gain(ind.weight, x.from, x.to);
                            let name = ind.name.clone();
                            let id = ind.id.clone();
                            let code = ind.display_code().to_string();
                            let owner = r.rows.with_untracked(|rows| rows.iter().find(|row| row.indicator.id == ind.id).and_then(|row| row.owner.clone()));
                            view! {
                                <tr>
                                    <th scope="row">{code.clone()}</th>
                                    <td>{text(name.clone())}</td>
                                    <td class="num">{move || format!("{} → {}", format_value(x.from, decimal, lang.get()), format_value(x.to, decimal, lang.get()))}</td>
                                    <td>{move || format!("{} → {}", level(x.from), level(x.to))}</td>
                                    <td class="num">{move || format!("+{}", crate::domain::explanation::format_exact(gain, lang.get()))}</td>
                                    <td>{move || owner.as_ref().map(|o| o.label(lang.get())).unwrap_or_default()}</td>
                                    <td><button type="button" class="btn btn-small" aria-describedby="lock-hint"
                                        aria-label=move || match lang.get() { Lang::Id => format!("Kunci indikator {code}"), Lang::En => format!("Lock indicator {code}") }
                                        on:click=move |_| r.locked.update(|l| { l.insert(id.clone()); })>{tr("Kunci", "Lock")}</button></td>
                                </tr>
                            }
                        }).collect_view();
                        view! {
                            <p class="plan-summary">{move || match lang.get() {
                                Lang::Id => format!("Menaikkan {n} indikator ({steps} langkah tingkat seluruhnya) mencapai {}: indeks menjadi {} ({}).", target_label(fw, target, Lang::Id), fig(Some(index.round_hundredths_half_up()), Lang::Id), after.get(Lang::Id)),
                                Lang::En => format!("Raising {n} indicators ({steps} level steps in all) reaches {}: the index becomes {} ({}).", target_label(fw, target, Lang::En), fig(Some(index.round_hundredths_half_up()), Lang::En), after.get(Lang::En)),
                            }}</p>
                            <p class="small muted">{tr(
                                "Rencana terkecil yang mungkin (dihitung tepat). Jika ada beberapa rencana sama kecil, dipilih yang menaikkan tingkat paling rendah lebih dulu, karena biasanya lebih mudah.",
                                "The smallest possible plan (computed exactly). Among equally small plans, the one raising the lowest levels first is chosen, as those are usually easier.",
                            )}</p>
                            <p class="hint" id="lock-hint">{tr(
                                "Tombol Kunci: untuk indikator yang tidak dapat dinaikkan tahun ini (mis. bergantung pada anggaran atau instansi lain). Indikator yang dikunci tetap pada nilainya dan rencana dihitung ulang tanpa menaikkannya; kuncinya dapat dibuka lagi.",
                                "The Lock button: for an indicator that cannot be raised this year (e.g. it depends on budget or another agency). A locked indicator keeps its value and the plan is recomputed without raising it; it can be unlocked again.",
                            )}</p>
                            <div class="table-scroll">
                                <table class="table" data-testid="plan-table">
                                    <caption class="sr-only">{tr("Kenaikan tingkat yang diperlukan", "Level raises needed")}</caption>
                                    <thead><tr>
                                        <th scope="col">{tr("Kode", "Code")}</th>
                                        <th scope="col">{tr("Indikator", "Indicator")}</th>
                                        <th scope="col" class="num">{tr("Nilai", "Value")}</th>
                                        <th scope="col">{tr("Tingkat", "Level")}</th>
                                        <th scope="col" class="num">{tr("Kenaikan indeks", "Index gain")}</th>
                                        <th scope="col">{tr("Unit pemilik", "Owner unit")}</th>
                                        <th scope="col"><span class="sr-only">{tr("Kunci", "Lock")}</span></th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
            <Locked/>
            <TopGains/>
            <WhatIf/>
        </section>
    }
}

/// Indicators locked out of the plan, each with a way to unlock it.
#[component]
fn Locked() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    view! {
        <Show when=move || r.locked.with(|l| !l.is_empty())>
            <div class="locked">
                <h3>{tr("Dikunci (tidak dapat naik tahun ini)", "Locked (cannot move this year)")}</h3>
                <ul class="chips">
                    {move || r.locked.get().into_iter().filter_map(|id| fw.indicator(&id)).map(|ind| {
                        let id = ind.id.clone();
                        let code = ind.display_code().to_string();
                        let name = ind.name.clone();
                        view! {
                            <li class="chip">
                                {code.clone()} " " {text(name.clone())}
                                <button type="button" class="btn btn-small btn-link"
                                    aria-label=move || match lang.get() { Lang::Id => format!("Buka kunci indikator {code}"), Lang::En => format!("Unlock indicator {code}") }
                                    on:click=move |_| r.locked.update(|l| { l.remove(&id); })>{tr("Buka kunci", "Unlock")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The five single steps that lift the index most (anchors §5 #6).
#[component]
fn TopGains() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let steps = Memo::new(move |_| {
        r.values.with(|v| {
            r.locked.with(|l| {
                ranked_gains(fw, v, l)
                    .into_iter()
                    .take(5)
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || steps.with(|s| !s.is_empty())>
            <details class="details">
                <summary>{tr("Lima kenaikan satu tingkat yang paling menaikkan indeks", "The five one-level raises that lift the index most")}</summary>
                <ol>
                    {move || steps.get().into_iter().filter_map(|s| Some((fw.indicator(&s.indicator)?, s))).map(|(ind, s)| {
                        let name = ind.name.clone();
                        let code = ind.display_code().to_string();
                        let decimal = fw.values.is_decimal();
                        view! { <li>{code} " " {text(name.clone())} ": "
                            {move || format!("{} → {}, +{}", format_value(s.from, decimal, lang.get()), format_value(s.to, decimal, lang.get()), crate::domain::explanation::format_exact(s.gain, lang.get()))}</li> }
                    }).collect_view()}
                </ol>
            </details>
        </Show>
    }
}

/// The what-if mode: a copy of the values the user can change, with the index moving live.
#[component]
fn WhatIf() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let sim = Memo::new(move |_| r.whatif.with(|w| w.as_ref().map(|v| evaluate_map(fw, v))));
    // The real answers changed (e.g. a unit's file arrived): start the simulation afresh.
    Effect::new(move |prev: Option<()>| {
        r.values.track();
        if prev.is_some() {
            r.whatif.update(|w| {
                if w.is_some() {
                    *w = Some(r.values.get_untracked());
                }
            });
        }
    });
    let start = move |_| r.whatif.set(Some(r.values.get_untracked()));
    let apply_plan = move |_| {
        let o = r.values.with_untracked(|v| {
            r.locked
                .with_untracked(|l| plan(fw, v, r.target.get_untracked(), l))
        });
        let mut values = r.values.get_untracked();
        if let PlanOutcome::Plan { raises, .. } = o {
            for x in raises {
                values.insert(x.indicator, x.to);
            }
        }
        r.whatif.set(Some(values));
    };
    let real_index = Memo::new(move |_| r.eval.with(|e| e.index.displayed()));

    view! {
        <div class="whatif">
            <h3>{tr("Mode simulasi (what-if)", "What-if mode")}</h3>
            <p class="small muted">{tr(
                "Ubah tingkat di sini untuk melihat indeks bergerak. Simulasi tidak mengubah jawaban yang tersimpan dan hilang saat halaman ditutup.",
                "Change levels here to watch the index move. The simulation does not change the saved answers and is gone when the page closes.",
            )}</p>
            <div class="field-row">
                <Show when=move || r.whatif.with(Option::is_none)>
                    <button type="button" class="btn" on:click=start>{tr("Mulai simulasi", "Start a simulation")}</button>
                </Show>
                <button type="button" class="btn" on:click=apply_plan>{tr("Simulasikan rencana di atas", "Simulate the plan above")}</button>
                <Show when=move || r.whatif.with(Option::is_some)>
                    <button type="button" class="btn" on:click=start>{tr("Kembalikan ke jawaban", "Reset to the answers")}</button>
                    <button type="button" class="btn btn-link" on:click=move |_| r.whatif.set(None)>{tr("Tutup simulasi", "Close the simulation")}</button>
                </Show>
            </div>
            {move || sim.get().map(|e| {
                let shown = e.index.displayed();
                let p = e.index.predicate(fw).map(|p| p.name.clone());
                let delta = shown.zip(real_index.get()).map(|(a, b)| a - b);
                view! {
                    <p class="whatif-result" role="status" data-testid="whatif-index">
                        <span class="sim-label">{tr("Indeks simulasi: ", "Simulated index: ")}</span>
                        <strong>{figure(shown)}</strong>
                        " " {move || p.as_ref().map(|p| format!("({})", p.get(lang.get()))).unwrap_or_default()}
                        " · " {move || delta.map(|d| format!("{} {}", signed(d, lang.get()), tr("dibanding jawaban", "against the answers")())).unwrap_or_default()}
                    </p>
                }
            })}
            <Show when=move || r.whatif.with(Option::is_some)>
                <WhatIfTable/>
            </Show>
        </div>
    }
}

/// One control per indicator, starting from the real value.
#[component]
fn WhatIfTable() -> impl IntoView {
    let r = expect_context::<Results>();
    let fw = r.fw;
    let lang = lang();
    let decimal = fw.values.is_decimal();
    let rows = fw
        .indicators
        .iter()
        .map(|ind| {
            let id = ind.id.clone();
            let id2 = ind.id.clone();
            let id3 = ind.id.clone();
            let real = move || r.values.with(|v| v.get(&id).copied().or(ind.assumed_when_missing()));
            let sim = move || r.whatif.with(|w| w.as_ref().and_then(|w| w.get(&id2).copied()).or(ind.assumed_when_missing()));
            let changed = {
                let (real, sim) = (real.clone(), sim.clone());
                move || real() != sim()
            };
            let control_id = format!("whatif-{}", ind.id);
            let label_name = ind.name.clone();
            let code = ind.display_code().to_string();
            let set = move |v: Option<Value>| {
                r.whatif.update(|w| {
                    if let Some(w) = w {
                        match v {
                            Some(v) => {
                                w.insert(id3.clone(), v);
                            }
                            None => {
                                w.remove(&id3);
                            }
                        }
                    }
                })
            };
            let control = if decimal {
                let set = set.clone();
                let sim = sim.clone();
                view! {
                    <input id=control_id.clone() type="text" inputmode="decimal" size="5"
                        prop:value=move || sim().map(|v| format_value(v, true, lang.get_untracked())).unwrap_or_default()
                        on:change=move |ev| {
                            if let Some(v) = Value::parse_typed(&event_target_value(&ev)).filter(|v| fw.values.accepts(*v)) { set(Some(v)) }
                        }/>
                }
                .into_any()
            } else {
                let sim = sim.clone();
                let options = fw
                    .levels()
                    .map(|l| view! { <option value=l.to_string()>{l.to_string()}</option> })
                    .collect_view();
                view! {
                    <select id=control_id.clone()
                        prop:value=move || sim().map(|v| v.floor_level().to_string()).unwrap_or_default()
                        on:change=move |ev| set(event_target_value(&ev).parse::<u8>().ok().and_then(Value::from_level))>
                        <option value="">"—"</option>
                        {options}
                    </select>
                }
                .into_any()
            };
            view! {
                <tr class:changed=changed>
                    <th scope="row">{code.clone()}</th>
                    <td><label for=control_id>{text(label_name.clone())}</label></td>
                    <td class="num">{move || real().map(|v| format_value(v, decimal, lang.get())).unwrap_or_else(|| "—".into())}</td>
                    <td>{control}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll whatif-table">
            <table class="table table-compact">
                <caption class="sr-only">{tr("Nilai simulasi per indikator", "Simulated value per indicator")}</caption>
                <thead><tr>
                    <th scope="col">{tr("Kode", "Code")}</th>
                    <th scope="col">{tr("Indikator", "Indicator")}</th>
                    <th scope="col" class="num">{tr("Jawaban", "Answer")}</th>
                    <th scope="col">{tr("Simulasi", "What-if")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
