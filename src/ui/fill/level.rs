//! Choosing a level: every level's criteria side by side as radio cards. For decimal
//! frameworks (Pemdi) the value is typed, or taken from the evidence-item checklist's
//! suggestion, with its predicate band shown live; the level cards there only describe
//! the levels (their names are level names, the value reads by its band).

use super::checklist::{Checklist, SuggestedValue};
use crate::domain::catalogue::Indicator;
use crate::domain::engine::format_hundredths;
use crate::domain::text::Lang;
use crate::domain::value::Value;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::DraftWorkspace;
use leptos::prelude::*;

#[component]
pub fn LevelPicker(ind: &'static Indicator) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let value = Memo::new(move |_| {
        ws.draft
            .with(|d| d.answers.get(&ind.id).and_then(|a| a.value))
    });
    if fw.values.is_decimal() {
        return view! { <DecimalPicker ind=ind value=value/> }.into_any();
    }
    view! { <LevelCards ind=ind value=value/> }.into_any()
}

/// A decimal value: the checklist (or, without items, the levels described), the
/// suggestion, the typed value and its band.
#[component]
fn DecimalPicker(ind: &'static Indicator, value: Memo<Option<Value>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let scale = fw.scale(&ind.scale);
    let code = ind.display_code().to_string();
    let levels = if ind.items.is_empty() {
        let cards = fw
            .levels()
            .map(|level| {
                let name = scale.and_then(|s| s.level(level)).map(|l| l.name.clone());
                let criteria = fw.criteria_for(ind, level).cloned().unwrap_or_default();
                view! {
                    <div class="level-card described">
                        <p class="level-title">
                            <span class="level-number">{move || match lang.get() { Lang::Id => format!("Tingkat {level}"), Lang::En => format!("Level {level}") }}</span>
                            {name.map(|n| view! { " · " <span class="level-name">{text(n)}</span> })}
                        </p>
                        <p class="level-criteria">{text(criteria)}</p>
                    </div>
                }
            })
            .collect_view();
        view! { <div class="level-cards">{cards}</div> }.into_any()
    } else {
        view! { <Checklist ind=ind/> }.into_any()
    };
    // On an indicator the unit supports, the value is a proposal for the lead.
    let proposal = ws
        .draft
        .with_untracked(|d| d.part(&ind.id) == Some(crate::domain::draft::Part::Support));
    let clear_id = ind.id.clone();
    view! {
        <section class="level-picker decimal" aria-label=move || match (lang.get(), proposal) {
            (Lang::Id, false) => format!("Nilai indikator {code}"),
            (Lang::En, false) => format!("Value of indicator {code}"),
            (Lang::Id, true) => format!("Usulan nilai indikator {code} (boleh dikosongkan)"),
            (Lang::En, true) => format!("Proposed value of indicator {code} (may stay empty)"),
        }>
            {levels}
            <div class="value-panel">
                <SuggestedValue ind=ind value=value/>
                <DecimalValue ind=ind value=value/>
                <Show when=move || value.get().is_some()>
                    <button type="button" class="btn btn-small btn-link" on:click={
                        let id = clear_id.clone();
                        move |_| ws.edit(&id, |a| a.value = None)
                    }>{tr("Kosongkan nilai", "Clear the value")}</button>
                </Show>
            </div>
        </section>
    }
}

/// Whole levels (SPBE): every level's criteria as a radio card.
#[component]
fn LevelCards(ind: &'static Indicator, value: Memo<Option<Value>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let scale = fw.scale(&ind.scale);
    let code = ind.display_code().to_string();
    let legend_code = code.clone();
    let proposal = ws
        .draft
        .with_untracked(|d| d.part(&ind.id) == Some(crate::domain::draft::Part::Support));
    let group_name = format!("level-{}", ind.id);

    let cards = fw
        .levels()
        .map(|level| {
            let input_id = format!("level-{}-{level}", ind.id);
            let desc_id = format!("level-{}-{level}-desc", ind.id);
            let level_name = scale.and_then(|s| s.level(level)).map(|l| l.name.clone());
            let criteria = fw.criteria_for(ind, level).cloned().unwrap_or_default();
            let chosen = move || value.get().is_some_and(|v| v.floor_level() == level);
            let id = ind.id.clone();
            let label_name = level_name.clone();
            view! {
                <div class="level-card" class:chosen=chosen>
                    <input type="radio" name=group_name.clone() id=input_id.clone() value=level.to_string()
                        aria-describedby=desc_id.clone()
                        prop:checked=chosen
                        on:change=move |_| { let v = Value::from_level(level); ws.edit(&id, move |a| a.value = v) }/>
                    <label for=input_id>
                        <span class="level-number">{move || match lang.get() { Lang::Id => format!("Tingkat {level}"), Lang::En => format!("Level {level}") }}</span>
                        {label_name.map(|n| view! { " · " <span class="level-name">{text(n)}</span> })}
                    </label>
                    <p class="level-criteria" id=desc_id>{text(criteria)}</p>
                </div>
            }
        })
        .collect_view();

    let clear_id = ind.id.clone();
    view! {
        <fieldset class="level-picker">
            <legend>
                {move || match (lang.get(), proposal) {
                    (Lang::Id, false) => format!("Tingkat indikator {legend_code}"),
                    (Lang::En, false) => format!("Level of indicator {legend_code}"),
                    (Lang::Id, true) => format!("Usulan tingkat indikator {legend_code} (boleh dikosongkan)"),
                    (Lang::En, true) => format!("Proposed level of indicator {legend_code} (may stay empty)"),
                }}
            </legend>
            <div class="level-cards">{cards}</div>
            <Show when=move || value.get().is_some()>
                <button type="button" class="btn btn-small btn-link" on:click={
                    let id = clear_id.clone();
                    move |_| ws.edit(&id, |a| a.value = None)
                }>{tr("Kosongkan tingkat", "Clear the level")}</button>
            </Show>
        </fieldset>
    }
}

/// The two-decimal value of a Pemdi indicator, with the band it falls in.
#[component]
fn DecimalValue(ind: &'static Indicator, value: Memo<Option<Value>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let typed = RwSignal::new(
        value
            .get_untracked()
            .map(|v| format_hundredths(v.hundredths() as i64, lang.get_untracked()))
            .unwrap_or_default(),
    );
    // A level card click changes the value: show it in the box too.
    Effect::new(move |_| {
        let v = value.get();
        let shown = Value::parse_typed(&typed.get_untracked());
        if v != shown {
            typed.set(
                v.map(|v| format_hundredths(v.hundredths() as i64, lang.get_untracked()))
                    .unwrap_or_default(),
            );
        }
    });
    let invalid = Memo::new(move |_| {
        let t = typed.get();
        !t.trim().is_empty() && !Value::parse_typed(&t).is_some_and(|v| fw.values.accepts(v))
    });
    let band = move || {
        value.get().map(|v| {
            let l = lang.get();
            let words = fw.band_words(v.hundredths() as i64);
            let exact = v.fraction().map_or_else(String::new, |f| match l {
                Lang::Id => format!(" · disimpan tepat {f}"),
                Lang::En => format!(" · stored exactly as {f}"),
            });
            match l {
                Lang::Id => format!("Rentang predikat: {}{exact}", words.get(l)),
                Lang::En => format!("Predicate band: {}{exact}", words.get(l)),
            }
        })
    };
    let input_id = format!("value-{}", ind.id);
    let id = ind.id.clone();
    view! {
        <div class="decimal-value">
            <div class="field">
                <label for=input_id.clone()>
                    {tr("Nilai (1,00–5,00, dua desimal)", "Value (1.00–5.00, two decimals)")}
                </label>
                <input id=input_id type="text" inputmode="decimal" size="6"
                    aria-invalid=move || invalid.get().to_string()
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let t = event_target_value(&ev);
                        typed.set(t.clone());
                        if let Some(v) = Value::parse_typed(&t).filter(|v| fw.values.accepts(*v)) {
                            ws.edit(&id, move |a| a.value = Some(v));
                        }
                    }/>
            </div>
            <p class="band" aria-live="polite">{band}</p>
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">{tr(
                    "Isi angka antara 1,00 dan 5,00 dengan paling banyak dua desimal, mis. 2,47.",
                    "Enter a number between 1.00 and 5.00 with at most two decimals, e.g. 2.47.",
                )}</p>
            </Show>
        </div>
    }
}
