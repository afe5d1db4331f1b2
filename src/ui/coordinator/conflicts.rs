//! Tab 4, conflicts: for each indicator the units answered differently, every answer
//! side by side (value, Fakta/Analisis, evidence); pick one, or set a value of one's own
//! with a required note. Bulk rules list every indicator they would decide before and
//! after. Every decision is shown with who, when and why.

use super::state::Coord;
use crate::domain::catalogue::{EvidenceItem, Framework};
use crate::domain::checklist::ItemStates;
use crate::domain::consolidation::{
    describe_rule, label, Candidate, Item, RuleOutcome, Settlement, Status, Workspace,
};
use crate::domain::draft::split_justification;
use crate::domain::engine::format_value;
use crate::domain::exchange::{Rule, Timestamp};
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use crate::ui::i18n::when;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::{notify, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn ConflictsTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let ids = Memo::new(move |_| {
        c.merge.with(|m| {
            m.conflicts()
                .map(|i| i.indicator.clone())
                .collect::<Vec<_>>()
        })
    });
    let open = Memo::new(move |_| c.merge.with(|m| m.unsettled().count()));
    view! {
        <section class="card" aria-labelledby="conflicts-title">
            <h2 id="conflicts-title">{tr("Konflik jawaban", "Conflicting answers")}</h2>
            <p role="status">{move || {
                let (n, o) = (ids.with(Vec::len), open.get());
                match lang.get() {
                    Lang::Id if n == 0 => "Tidak ada konflik: setiap indikator yang dijawab lebih dari satu unit bernilai sama.".to_string(),
                    Lang::En if n == 0 => "No conflicts: every indicator answered by several units has the same value.".to_string(),
                    Lang::Id => format!("{n} indikator dijawab berbeda oleh unit-unit; {o} masih perlu keputusan. Indikator yang belum diputuskan tidak dihitung dalam indeks dan tercatat \"perlu keputusan\" di berkas konsolidasi."),
                    Lang::En => {
                        let (were, need) = (if n == 1 { "indicator was" } else { "indicators were" }, if o == 1 { "needs" } else { "need" });
                        format!("{n} {were} answered differently by units; {o} still {need} a decision. Undecided indicators do not count in the index and are listed as \"needs a decision\" in the consolidated file.")
                    }
                }
            }}</p>
        </section>
        // Stays after the last conflict is settled, so a rule's list of decisions remains to review.
        <Show when=move || !ids.with(Vec::is_empty)>
            <BulkRules/>
        </Show>
        <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <ConflictCard indicator=id/> }/>
        <SupportInputs/>
        <DecisionLog/>
    }
}

fn rule_name(rule: Rule) -> Text {
    match rule {
        Rule::Lead => Text::new("jawaban unit penanggung jawab", "the lead unit's answer"),
        Rule::Higher => Text::new("nilai tertinggi", "the higher value"),
        Rule::Lower => Text::new("nilai terendah", "the lower value"),
        Rule::Pick | Rule::Own => Text::default(),
    }
}

#[component]
fn BulkRules() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    // The rule being previewed and its outcomes; after applying, what was decided.
    let preview = RwSignal::new(None::<(Rule, Vec<RuleOutcome>)>);
    let applied = RwSignal::new(None::<(Rule, Vec<RuleOutcome>)>);
    let error = RwSignal::new(None::<Text>);
    let show = move |rule: Rule| {
        applied.set(None);
        error.set(None);
        preview.set(Some((rule, c.ws.with_untracked(|w| w.preview_rule(rule)))));
    };
    let apply = move |_| {
        let Some((rule, _)) = preview.get_untracked() else {
            return;
        };
        match c.change(|w, now| w.apply_rule(rule, now)) {
            Ok(outcomes) => {
                preview.set(None);
                applied.set(Some((rule, outcomes)));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let open = Memo::new(move |_| c.merge.with(|m| m.unsettled().count()));
    let button = move |rule: Rule, id: &'static str, en: &'static str| {
        view! {
            <button type="button" class="btn" aria-pressed=move || preview.with(|p| p.as_ref().is_some_and(|(r, _)| *r == rule)).to_string()
                disabled=move || open.get() == 0 on:click=move |_| show(rule)>{tr(id, en)}</button>
        }
    };
    let outcome_rows = move |outcomes: Vec<RuleOutcome>| {
        let l = lang.get();
        outcomes
            .into_iter()
            .map(|o| {
                let code = c.framework.indicator(&o.indicator).map_or(o.indicator.clone(), |i| i.display_code().to_string());
                let answers = o.candidates.iter().map(|(u, v)| format!("{} {}", c.unit_label(u), format_value(*v, l))).collect::<Vec<_>>().join(" · ");
                let result = match &o.chosen {
                    Some((u, v)) => format!("{} ({})", format_value(*v, l), c.unit_label(u)),
                    None => match l {
                        Lang::Id => "tidak dapat diputuskan aturan ini — putuskan sendiri".to_string(),
                        Lang::En => "this rule cannot decide — decide by hand".to_string(),
                    },
                };
                view! { <tr><th scope="row">{code}</th><td>{answers}</td><td class:warn-text=o.chosen.is_none()>{result}</td></tr> }
            })
            .collect_view()
    };
    let table = move |outcomes: Vec<RuleOutcome>| {
        view! {
            <table class="table compact">
                <thead><tr>
                    <th scope="col">{tr("Indikator", "Indicator")}</th>
                    <th scope="col">{tr("Jawaban unit", "Units' answers")}</th>
                    <th scope="col">{tr("Hasil aturan", "Rule's result")}</th>
                </tr></thead>
                <tbody>{outcome_rows(outcomes)}</tbody>
            </table>
        }
    };
    view! {
        <section class="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{tr("Aturan sekaligus", "One rule for all")}</h2>
            <p class="hint">{tr(
                "Putuskan semua konflik yang masih terbuka dengan satu aturan. Anda melihat dulu daftar setiap indikator yang terdampak; keputusan yang sudah diambil tidak diubah. Setiap keputusan tetap dapat diubah satu per satu di bawah.",
                "Settle every open conflict with one rule. You first see every indicator it affects; decisions already taken are left alone. Each decision can still be changed one by one below.",
            )}</p>
            <Show when=move || open.get() == 0>
                <p class="ok">{tr("Semua konflik sudah diputuskan.", "Every conflict is settled.")}</p>
            </Show>
            <div class="button-row" role="group" aria-label=tr("Pratinjau aturan", "Preview a rule")>
                {button(Rule::Lead, "Pratinjau: unit penanggung jawab", "Preview: lead unit")}
                {button(Rule::Higher, "Pratinjau: nilai tertinggi", "Preview: higher value")}
                {button(Rule::Lower, "Pratinjau: nilai terendah", "Preview: lower value")}
            </div>
            {move || preview.get().map(|(rule, outcomes)| {
                let n = outcomes.iter().filter(|o| o.chosen.is_some()).count();
                let name = rule_name(rule);
                view! {
                    <div class="rule-preview">
                        <h3>{move || match lang.get() {
                            Lang::Id => format!("Pratinjau — {}: {n} indikator akan diputuskan", name.get(Lang::Id)),
                            Lang::En => format!("Preview — {}: {n} indicators would be decided", name.get(Lang::En)),
                        }}</h3>
                        {table(outcomes)}
                        <div class="button-row">
                            <button type="button" class="btn btn-primary" on:click=apply disabled=n == 0>
                                {move || match lang.get() { Lang::Id => format!("Terapkan ke {n} indikator"), Lang::En => format!("Apply to {n} indicators") }}
                            </button>
                            <button type="button" class="btn" on:click=move |_| preview.set(None)>{tr("Batal", "Cancel")}</button>
                        </div>
                    </div>
                }
            })}
            {move || applied.get().map(|(rule, outcomes)| {
                let n = outcomes.iter().filter(|o| o.chosen.is_some()).count();
                let name = rule_name(rule);
                view! {
                    <div class="notice success" role="status">
                        <div>
                            <p>{move || match lang.get() {
                                Lang::Id => format!("Aturan \"{}\" diterapkan: {n} keputusan dicatat. Tinjau daftar ini; ubah di kartu indikator bila perlu.", name.get(Lang::Id)),
                                Lang::En => format!("Rule \"{}\" applied: {n} decisions recorded. Review this list; change any on its indicator card.", name.get(Lang::En)),
                            }}</p>
                            {table(outcomes)}
                        </div>
                    </div>
                }
            })}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{text(e)}</p> })}
        </section>
    }
}

#[component]
fn ConflictCard(indicator: String) -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let lang = lang();
    let ind = StoredValue::new(indicator.clone());
    let item = Memo::new(move |_| c.merge.with(|m| m.item(&ind.get_value()).cloned()));
    let Some(meta) = fw.indicator(&indicator) else {
        return ().into_any();
    };
    let code = meta.display_code();
    // The decision in force, if any: its note is what the box starts with, so amending it
    // is editing it in place.
    let in_force = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .and_then(|i| c.ws.with(|w| w.decision_for(i).cloned()))
        })
    });
    let note = RwSignal::new(in_force.get_untracked().map(|d| d.note).unwrap_or_default());
    let own = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let note_id = format!("note-{indicator}");
    let own_id = format!("own-{indicator}");
    let err_id = format!("settle-error-{indicator}");

    let settle =
        move |how: Settlement| match c.change(|w, now| w.settle(&ind.get_value(), how, now)) {
            Ok(()) => {
                error.set(None);
                own.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        };
    let amend = move |_| match c
        .change(|w, now| w.amend_note(&ind.get_value(), &note.get_untracked(), now))
    {
        Ok(()) => {
            error.set(None);
            notify(
                NoticeKind::Success,
                Text::new(
                    "Catatan keputusan diperbarui (keputusannya tetap satu).",
                    "The decision's note was updated (still one decision).",
                ),
            );
        }
        Err(e) => error.set(Some(e)),
    };
    let set_own = move |_| {
        let typed = own.get_untracked();
        let Some(value) = Value::parse_typed(&typed).filter(|v| fw.values.accepts(*v)) else {
            error.set(Some(Text::new(
                format!("Pilih atau ketik nilai sendiri untuk indikator {code} (nilai yang diizinkan: {}–{}).", fw.values.min_value(), fw.values.max_value()),
                format!("Choose or type your own value for indicator {code} (allowed: {}–{}).", fw.values.min_value(), fw.values.max_value()),
            )));
            return;
        };
        settle(Settlement::Own {
            value,
            note: note.get_untracked(),
        });
    };

    let status = move || {
        item.with(|i| {
            let Some(i) = i else { return ().into_any() };
            match i.status {
                Status::Unsettled => view! { <p class="status-open"><strong>{tr("Perlu keputusan.", "Needs a decision.")}</strong> " " {tr("Sampai diputuskan, indikator ini tidak dihitung dalam indeks.", "Until decided, this indicator does not count in the index.")}</p> }.into_any(),
                Status::Decided { .. } => {
                    let d = c.ws.with(|w| w.decision_for(i).cloned());
                    match d {
                        Some(d) => {
                            let rule = describe_rule(d.rule);
                            let who = d.decided_by.clone();
                            let at = when(&d.decided_at);
                            let unit = d.chosen_unit.as_deref().map(|u| c.unit_label(u));
                            let value = d.value;
                            let note = d.note.clone();
                            view! {
                                <div class="decision-box" role="status">
                                    <p>
                                        <strong>{tr("Diputuskan: nilai ", "Decided: value ")}{move || format_value(value, lang.get())}</strong>
                                        {unit.map(|u| format!(" ({u})"))}
                                        " — " {text(rule)} ". "
                                        {tr("Oleh ", "By ")} {who} ", " {at} "."
                                    </p>
                                    {(!note.is_empty()).then(|| view! { <p>{tr("Catatan: ", "Note: ")} {note}</p> })}
                                    <p class="hint">{tr("Ubah catatannya di kotak di bawah lalu simpan: keputusan yang sama diperbarui, tidak ditambah. Memilih jawaban lain mencatat keputusan baru; keputusan lama tetap tercatat.", "Change its note in the box below and save it: the same decision is updated, not added. Choosing another answer records a new decision; the earlier one stays recorded.")}</p>
                                </div>
                            }.into_any()
                        }
                        None => ().into_any(),
                    }
                }
                _ => ().into_any(),
            }
        })
    };

    let columns = move || {
        item.with(|i| {
            i.as_ref()
                .map(|i| candidates(c, i, note))
                .unwrap_or_else(|| ().into_any())
        })
    };

    let own_input = if fw.values.is_decimal() {
        view! {
            <input id=own_id.clone() type="text" inputmode="decimal" size="6" placeholder="2,50"
                prop:value=move || own.get() on:input=move |ev| own.set(event_target_value(&ev))/>
        }
        .into_any()
    } else {
        let scale = fw.scale(&meta.scale);
        let options = fw
            .levels()
            .map(|l| {
                let name = scale
                    .and_then(|s| s.level(l))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                view! { <option value=l.to_string()>{l} " — " {text(name)}</option> }
            })
            .collect_view();
        view! {
            <select id=own_id.clone() on:change=move |ev| own.set(event_target_value(&ev))>
                <option value="" prop:selected=move || own.with(String::is_empty)>{tr("— pilih —", "— choose —")}</option>
                {options}
            </select>
        }
        .into_any()
    };

    view! {
        <section class="card conflict-card" class:settled=move || item.with(|i| matches!(i.as_ref().map(|i| &i.status), Some(Status::Decided { .. })))
            aria-labelledby=format!("conflict-{indicator}-title")>
            <h2 id=format!("conflict-{indicator}-title") class="conflict-title">
                <span class="indicator-code">{code}</span> " " {text(meta.name.clone())}
            </h2>
            {status}
            // The note comes first: it is saved with the choice below, never after it.
            <div class="field settle-note">
                <label for=note_id.clone()>{tr("Catatan keputusan — tulis dulu alasannya, sebelum memilih (wajib untuk nilai sendiri)", "Decision note — write the reason first, before choosing (required for your own value)")}</label>
                <textarea id=note_id.clone() rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))
                    aria-describedby=err_id.clone()></textarea>
                <Show when=move || in_force.with(Option::is_some)>
                    <button type="button" class="btn btn-small" on:click=amend>{tr("Simpan perubahan catatan", "Save the note's change")}</button>
                </Show>
            </div>
            <p class="settle-step">{tr("Lalu pilih jawaban yang dipakai, atau tetapkan nilai sendiri; catatan di atas tersimpan bersama pilihan itu.", "Then choose the answer to use, or set your own value; the note above is saved with that choice.")}</p>
            {columns}
            <div class="settle-own">
                <div class="field">
                    <label for=own_id.clone()>{move || match lang.get() { Lang::Id => format!("Nilai sendiri indikator {code}"), Lang::En => format!("Own value for indicator {code}") }}</label>
                    {own_input}
                </div>
                <button type="button" class="btn" on:click=set_own>{tr("Tetapkan nilai sendiri", "Set own value")}</button>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" id=err_id.clone() role="alert">{text(e)}</p> })}
        </section>
    }
    .into_any()
}

/// What one column shows: a unit's answer, proposal or input on an indicator.
#[derive(Clone)]
struct Column {
    unit: String,
    role: (&'static str, &'static str, &'static str),
    exported: Option<Timestamp>,
    value: Option<Value>,
    justification: String,
    evidence: Vec<crate::domain::exchange::Evidence>,
    service: Option<String>,
    /// The evidence-item states the unit marked (Pemdi).
    items: ItemStates,
    restored: bool,
}

/// The evidence items any column marked, in catalogue order, each with whether the
/// answers and proposals differ on it (what a conflict over equal values is about).
fn item_marks(
    fw: &'static Framework,
    indicator: &str,
    cols: &[Column],
) -> Vec<(&'static EvidenceItem, bool)> {
    let Some(meta) = fw.indicator(indicator) else {
        return Vec::new();
    };
    let valued: Vec<&Column> = cols.iter().filter(|c| c.value.is_some()).collect();
    meta.items
        .iter()
        .filter(|it| cols.iter().any(|c| c.items.contains_key(&it.id)))
        .map(|it| {
            let first = valued.first().and_then(|c| c.items.get(&it.id));
            let differs = valued.iter().any(|c| c.items.get(&it.id) != first);
            (it, differs)
        })
        .collect()
}

/// The unit's part in an indicator, as a badge: (class, Indonesian, English).
fn role_badge(
    w: &Workspace,
    indicator: &str,
    unit: &str,
    proposal: bool,
) -> (&'static str, &'static str, &'static str) {
    let a = w.assignments.get(indicator);
    if a.is_some_and(|a| a.lead.as_deref() == Some(unit)) {
        ("badge badge-lead", "penanggung jawab", "lead")
    } else if proposal {
        (
            "badge badge-support",
            "pendukung · usulan tingkat",
            "support · proposed level",
        )
    } else if a.is_some_and(|a| a.support.iter().any(|s| s == unit)) {
        ("badge badge-support", "pendukung", "support")
    } else {
        ("badge", "tidak ditugasi", "not assigned")
    }
}

/// One column: who, their part, the value (or none), Fakta/Analisis, evidence.
fn column_view(
    fw: &'static Framework,
    indicator: &str,
    col: Column,
    marks: &[(&'static EvidenceItem, bool)],
    chosen: bool,
    action: Option<AnyView>,
) -> AnyView {
    let lang = lang();
    // A level reads as its name, a Pemdi value as its band.
    let level_name = col
        .value
        .and_then(|v| fw.value_reading(fw.indicator(indicator)?, v));
    let exact = col.value.and_then(Value::fraction);
    let states = marks
        .iter()
        .map(|(it, differs)| {
            let state = col.items.get(&it.id).map(|s| s.label());
            view! {
                <li class:differs=*differs>
                    <span class="item-id">{it.id.clone()}</span> " " {text(it.label.clone())} ": "
                    <strong>{state.map_or_else(|| view! { <span class="muted">{tr("tidak ditandai", "not marked")}</span> }.into_any(), |t| text(t).into_any())}</strong>
                </li>
            }
        })
        .collect_view();
    let (fakta, analisis) = split_justification(&col.justification);
    let (class, role_id, role_en) = col.role;
    let value = col.value;
    view! {
        <article class="candidate" class:chosen=chosen>
            <header>
                <h3>{col.unit}</h3>
                <span class=class>{tr(role_id, role_en)}</span>
                {chosen.then(|| view! { <span class="badge badge-chosen">{tr("dipakai", "in use")}</span> })}
                <p class="muted small">{tr("Diekspor ", "Exported ")}{col.exported.map(|t| when(&t))}</p>
            </header>
            <p class="candidate-value">
                {match value {
                    Some(v) => view! { <span class="value-big">{move || format_value(v, lang.get())}</span> }.into_any(),
                    None => view! { <span class="muted">{tr("Masukan tanpa usulan tingkat", "Input without a proposed level")}</span> }.into_any(),
                }}
                {exact.map(|f| view! { " " <span class="small">{tr("tepat ", "exactly ")}{f}</span> })}
                {level_name.map(|n| view! { " " <span class="level-name">{text(n)}</span> })}
            </p>
            {(!marks.is_empty()).then(|| view! {
                <h4 class="small">{tr("Butir data dukung", "Evidence items")}</h4>
                <ul class="item-states">{states}</ul>
            })}
            {col.service.map(|s| view! { <p class="small">{tr("Layanan: ", "Service: ")}{s}</p> })}
            {if col.restored && fakta.is_empty() && analisis.is_empty() {
                view! { <p class="muted small">{tr("Teks jawaban tidak tersedia (dipulihkan dari berkas konsolidasi). Impor lagi berkas asli unit untuk melihatnya.", "The answer's text is not available (restored from a consolidated file). Import the unit's original file again to see it.")}</p> }.into_any()
            } else {
                view! {
                    <dl class="justification-view">
                        <dt>"Fakta"</dt><dd>{if fakta.is_empty() { "—".to_string() } else { fakta }}</dd>
                        <dt>"Analisis"</dt><dd>{if analisis.is_empty() { "—".to_string() } else { analisis }}</dd>
                    </dl>
                }.into_any()
            }}
            <h4 class="small">{tr("Bukti dukung", "Evidence")} " (" {col.evidence.len()} ")"</h4>
            <ul class="evidence-list">
                {col.evidence.into_iter().map(|e| view! {
                    <li>
                        <strong>{e.title}</strong>
                        {(!e.reference.is_empty()).then(|| format!(" — {}", e.reference))}
                        {(!e.link.is_empty()).then(|| view! { <br/><span class="small link-text">{e.link}</span> })}
                        {e.level.map(|l| view! { <span class="small muted">{tr(" · tingkat ", " · level ")}{l}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            {action}
        </article>
    }
    .into_any()
}

/// The column of a candidate (an answer or a proposed level).
fn candidate_column(w: &Workspace, item: &Item, cand: &Candidate) -> Column {
    let answer = w.answer_of(cand, &item.indicator);
    let sub = w.submissions.get(cand.submission);
    Column {
        unit: w.unit(&cand.unit).map_or_else(|| cand.unit.clone(), label),
        role: role_badge(w, &item.indicator, &cand.unit, cand.proposal),
        exported: sub.map(|s| s.exported_at.clone()),
        value: Some(cand.value),
        justification: answer
            .as_ref()
            .map(|a| a.justification.clone())
            .unwrap_or_default(),
        evidence: answer
            .as_ref()
            .map(|a| a.evidence.clone())
            .unwrap_or_default(),
        service: answer.as_ref().and_then(|a| a.service.clone()),
        items: cand.items.clone(),
        restored: sub.is_some_and(|s| s.restored),
    }
}

/// The columns of supporting input without a proposed level (those with one are
/// candidates).
fn input_columns(w: &Workspace, item: &Item) -> Vec<Column> {
    item.inputs
        .iter()
        .filter(|i| !item.candidates.iter().any(|c| c.unit == i.unit))
        .filter_map(|i| {
            let input = w.input_of(i, &item.indicator)?;
            Some(Column {
                unit: w.unit(&i.unit).map_or_else(|| i.unit.clone(), label),
                role: role_badge(w, &item.indicator, &i.unit, false),
                exported: w
                    .submissions
                    .get(i.submission)
                    .map(|s| s.exported_at.clone()),
                value: None,
                justification: input.justification.clone(),
                evidence: input.evidence.clone(),
                service: input.service.clone(),
                items: input.items.clone(),
                restored: false,
            })
        })
        .collect()
}

/// Each unit's answer in its own column, with a button to take it, then supporting input.
fn candidates(c: Coord, item: &Item, note: RwSignal<String>) -> AnyView {
    let fw = c.framework;
    let lang = lang();
    let chosen = item.source_unit().map(str::to_string);
    let decided = matches!(item.status, Status::Decided { .. });
    let cols = c.ws.with(|w| {
        let answers: Vec<Column> = item
            .candidates
            .iter()
            .map(|cand| candidate_column(w, item, cand))
            .collect();
        let inputs = input_columns(w, item);
        (answers, inputs)
    });
    let (answers, inputs) = cols;
    // The evidence items any unit marked, in catalogue order, and whether units differ on each.
    let all: Vec<Column> = answers.iter().chain(&inputs).cloned().collect();
    let marks = item_marks(fw, &item.indicator, &all);
    let cols = {
        let answers = item.candidates.iter().zip(answers).map(|(cand, col)| {
            let is_chosen = decided && chosen.as_deref() == Some(cand.unit.as_str());
            let unit_for_pick = cand.unit.clone();
            let unit_label = col.unit.clone();
            let ind_id = item.indicator.clone();
            let value = cand.value;
            let button = view! {
                <button type="button" class="btn btn-primary"
                    on:click=move |_| {
                        let how = Settlement::Pick { unit: unit_for_pick.clone(), note: note.get_untracked() };
                        if let Err(e) = c.change(|w, now| w.settle(&ind_id, how, now)) {
                            notify(NoticeKind::Error, e);
                        }
                    }>
                    {move || match lang.get() {
                        Lang::Id => format!("Pakai jawaban {unit_label} ({})", format_value(value, Lang::Id)),
                        Lang::En => format!("Use {unit_label}'s answer ({})", format_value(value, Lang::En)),
                    }}
                </button>
            }
            .into_any();
            column_view(fw, &item.indicator, col, &marks, is_chosen, Some(button))
        });
        let inputs = inputs
            .into_iter()
            .map(|col| column_view(fw, &item.indicator, col, &marks, false, None));
        answers.chain(inputs).collect_view()
    };
    let same_value = item.candidates.windows(2).all(|w| w[0].value == w[1].value);
    view! {
        {same_value.then(|| view! {
            <p class="hint">{tr(
                "Nilainya sama, tetapi unit menandai butir data dukung secara berbeda (disorot di bawah). Pilih jawaban yang butirnya benar-benar dapat dibuktikan.",
                "The values are equal, but the units marked the evidence items differently (highlighted below). Pick the answer whose items can really be proven.",
            )}</p>
        })}
        <div class="candidates">{cols}</div>
    }
    .into_any()
}

/// Supporting units' input on indicators without a conflict, beside the answer in use: what
/// the coordinator reads before accepting the lead's answer, not a competing answer.
#[component]
fn SupportInputs() -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let ids = Memo::new(move |_| {
        c.merge.with(|m| {
            m.items
                .iter()
                .filter(|i| !i.is_conflict() && !i.inputs.is_empty())
                .map(|i| i.indicator.clone())
                .collect::<Vec<_>>()
        })
    });
    let cards = move || {
        ids.get()
            .into_iter()
            .filter_map(|id| {
                let item = c.merge.with(|m| m.item(&id).cloned())?;
                let meta = fw.indicator(&id)?;
                let (answers, inputs) = c.ws.with(|w| {
                    let answers: Vec<Column> = item
                        .candidates
                        .iter()
                        .map(|cand| candidate_column(w, &item, cand))
                        .collect();
                    (answers, input_columns(w, &item))
                });
                let all: Vec<Column> = answers.iter().chain(&inputs).cloned().collect();
                let marks = item_marks(fw, &id, &all);
                let cols = {
                    let answers = item.candidates.iter().zip(answers).map(|(cand, col)| {
                        let in_use = item.source_unit() == Some(cand.unit.as_str());
                        column_view(fw, &id, col, &marks, in_use, None)
                    });
                    let none = item.candidates.is_empty().then(|| {
                        view! {
                            <article class="candidate">
                                <p class="muted">{tr("Penanggung jawab belum menjawab indikator ini.", "The lead unit has not answered this indicator yet.")}</p>
                            </article>
                        }
                        .into_any()
                    });
                    let inputs = inputs
                        .into_iter()
                        .map(|col| column_view(fw, &id, col, &marks, false, None));
                    answers.chain(none).chain(inputs).collect_view()
                };
                let title_id = format!("input-{id}-title");
                let labelled = title_id.clone();
                Some(view! {
                    <section class="card input-card" aria-labelledby=labelled>
                        <h3 id=title_id class="conflict-title">
                            <span class="indicator-code">{meta.display_code().to_string()}</span> " " {text(meta.name.clone())}
                        </h3>
                        <div class="candidates">{cols}</div>
                    </section>
                })
            })
            .collect_view()
    };
    view! {
        <Show when=move || !ids.with(Vec::is_empty)>
            <section class="card" aria-labelledby="inputs-title">
                <h2 id="inputs-title">{tr("Masukan unit pendukung", "Supporting units' input")}</h2>
                <p class="hint">{tr(
                    "Masukan dan bukti dari unit pendukung, di samping jawaban yang dipakai. Ini bahan untuk memeriksa jawaban penanggung jawab, bukan jawaban pesaing: tidak mengubah nilai. Usulan tingkat yang berbeda muncul sebagai konflik di atas.",
                    "Input and evidence from supporting units, beside the answer in use. It is material for checking the lead's answer, not a competing answer: it changes no value. A different proposed level shows as a conflict above.",
                )}</p>
            </section>
            {cards}
        </Show>
    }
}

#[component]
fn DecisionLog() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let rows = move || {
        let in_force: Vec<usize> = c.merge.with(|m| {
            m.items
                .iter()
                .filter_map(|i| match i.status {
                    Status::Decided { decision, .. } => Some(decision),
                    _ => None,
                })
                .collect()
        });
        let l = lang.get();
        c.ws.with(|w| {
            w.decisions
                .iter()
                .enumerate()
                .rev()
                .map(|(n, d)| {
                    let code = c.framework.indicator(&d.indicator).map_or(d.indicator.clone(), |i| i.display_code().to_string());
                    let candidates = d.candidates.iter().map(|x| format!("{} {}", w.unit_label(&x.unit), format_value(x.value, l))).collect::<Vec<_>>().join(" · ");
                    let how = describe_rule(d.rule).get(l).to_string();
                    let unit = d.chosen_unit.as_deref().map(|u| format!(" ({})", w.unit_label(u))).unwrap_or_default();
                    let active = in_force.contains(&n);
                    view! {
                        <tr class:inactive=!active>
                            <th scope="row">{code}</th>
                            <td>{format!("{}{unit}", format_value(d.value, l))}</td>
                            <td>{how}</td>
                            <td class="small">{candidates}</td>
                            <td>{d.decided_by.clone()}</td>
                            <td>{when(&d.decided_at)}</td>
                            <td class="small">{d.note.clone()}</td>
                            <td>{if active {
                                view! { <span class="ok">{tr("berlaku", "in force")}</span> }.into_any()
                            } else {
                                view! { <span class="muted">{tr("tidak berlaku lagi (diganti atau jawaban berubah)", "no longer in force (replaced or answers changed)")}</span> }.into_any()
                            }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="log-title">
            <h2 id="log-title">{tr("Catatan keputusan", "Decision log")}</h2>
            <Show when=move || c.ws.with(|w| !w.decisions.is_empty())
                fallback=|| view! { <p class="muted">{tr("Belum ada keputusan.", "No decisions yet.")}</p> }>
                <div class="table-scroll">
                    <table class="table compact">
                        <thead><tr>
                            <th scope="col">{tr("Indikator", "Indicator")}</th>
                            <th scope="col">{tr("Nilai", "Value")}</th>
                            <th scope="col">{tr("Cara", "How")}</th>
                            <th scope="col">{tr("Jawaban unit saat itu", "Units' answers then")}</th>
                            <th scope="col">{tr("Oleh", "By")}</th>
                            <th scope="col">{tr("Waktu", "When")}</th>
                            <th scope="col">{tr("Catatan", "Note")}</th>
                            <th scope="col">{tr("Status", "Status")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
