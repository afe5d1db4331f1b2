//! The evidence-item checklist of an indicator (issue 10 §2–3): per level its items, a
//! state per item (ada / sebagian / belum ada), links to the answer's evidence entries, the
//! assessors' rejection warning on items above an incomplete level, the highest level the
//! unit can defend, and the value the items suggest with its reason. Everything shown is
//! computed by `domain::checklist`; accepting the suggestion stores its exact value.

use crate::domain::catalogue::{EvidenceItem, Indicator};
use crate::domain::checklist::{checklist, suggest, ItemState, Suggestion};
use crate::domain::engine::format_hundredths;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::DraftWorkspace;
use leptos::prelude::*;

/// "Tingkat 2 · Terkelola": a level with the name the checklist's cards use.
fn level_title(ws: DraftWorkspace, ind: &Indicator, level: u8) -> Text {
    let name = ws
        .framework
        .scale(&ind.scale)
        .and_then(|s| s.level(level))
        .map(|l| l.name.clone());
    match name {
        Some(n) => Text::new(
            format!("Tingkat {level} · {}", n.id),
            format!("Level {level} · {}", n.get(Lang::En)),
        ),
        None => Text::new(format!("Tingkat {level}"), format!("Level {level}")),
    }
}

/// One level's counts, as the cards and chips show them.
#[derive(Clone, Copy, PartialEq)]
struct LevelCount {
    level: u8,
    held: usize,
    total: usize,
    complete: bool,
    blocked_by: Option<u8>,
}

/// Every level's counts and the highest level the unit can defend.
type Summary = (Vec<LevelCount>, Option<u8>);

#[component]
pub fn Checklist(ind: &'static Indicator) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let states = Memo::new(move |_| {
        ws.draft.with(|d| {
            d.answers
                .get(&ind.id)
                .map(|a| a.items.clone())
                .unwrap_or_default()
        })
    });
    // What the checklist says, as plain data (the levels' counts and warnings).
    let summary = Memo::new(move |_| {
        states.with(|s| {
            let list = checklist(fw, ind, s);
            let levels: Vec<LevelCount> = list
                .levels
                .iter()
                .map(|l| LevelCount {
                    level: l.level,
                    held: l.held,
                    total: l.items.len(),
                    complete: l.is_complete(),
                    blocked_by: l.blocked_by,
                })
                .collect();
            (levels, list.defensible)
        })
    });
    let defensible = move || {
        let l = lang.get();
        match summary.with(|s| s.1) {
            Some(level) => {
                let t = level_title(ws, ind, level);
                match l {
                    Lang::Id => format!("Tingkat tertinggi yang dapat dipertahankan: {}", t.id),
                    Lang::En => format!("Highest level you can defend: {}", t.get(Lang::En)),
                }
            }
            None => match l {
                Lang::Id => {
                    "Belum ada tingkat yang dapat dipertahankan: butir tingkat 1 belum lengkap."
                        .into()
                }
                Lang::En => {
                    "No level can be defended yet: the level-1 items are not complete.".into()
                }
            },
        }
    };
    let chips = move || {
        let l = lang.get();
        summary.with(|(levels, _)| {
            levels
                .iter()
                .filter(|c| c.total > 0)
                .map(|&LevelCount { level, held, total, complete, .. }| {
                    let label = match l {
                        Lang::Id => format!("T{level} {held}/{total}"),
                        Lang::En => format!("L{level} {held}/{total}"),
                    };
                    let title = match l {
                        Lang::Id => format!("Tingkat {level}: {held} dari {total} butir ada"),
                        Lang::En => format!("Level {level}: {held} of {total} items held"),
                    };
                    view! { <li class="chip" class:complete=complete title=title.clone() aria-label=title>{label}</li> }
                })
                .collect_view()
        })
    };
    let level_notes: Vec<Text> = fw
        .notes
        .iter()
        .filter(|n| n.about == "levels")
        .map(|n| n.text.clone())
        .collect();
    let cards = fw
        .levels()
        .map(|level| view! { <LevelItems ind=ind level=level summary=summary/> })
        .collect_view();
    view! {
        <section class="checklist" aria-labelledby=format!("checklist-{}", ind.id)>
            <h3 id=format!("checklist-{}", ind.id)>{tr("Daftar periksa butir data dukung", "Evidence item checklist")}</h3>
            <p class="hint">{tr(
                "Tandai setiap butir: ada (lengkap), sebagian, atau belum ada. Tingkat bersifat kumulatif: asesor menolak butir suatu tingkat selama tingkat di bawahnya belum lengkap.",
                "Mark each item: held (complete), in part, or not yet. Levels are cumulative: assessors reject a level's items while the level below is incomplete.",
            )}</p>
            <div class="checklist-glance">
                <p class="defensible" role="status" data-testid=format!("defensible-{}", ind.id)>{defensible}</p>
                <ul class="chips" aria-label=tr("Butir per tingkat", "Items per level")>{chips}</ul>
            </div>
            {(!level_notes.is_empty()).then(|| view! {
                <details class="details source">
                    <summary>{tr("Tentang nama tingkat", "About the level names")}</summary>
                    {level_notes.into_iter().map(|t| view! { <p class="small">{text(t)}</p> }).collect_view()}
                </details>
            })}
            <div class="level-checks">{cards}</div>
        </section>
    }
}

#[component]
fn LevelItems(ind: &'static Indicator, level: u8, summary: Memo<Summary>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let items: Vec<&'static EvidenceItem> = ind.items_of(level).collect();
    let title = level_title(ws, ind, level);
    let criteria = fw.criteria_for(ind, level).cloned().unwrap_or_default();
    let at = move || {
        summary.with(|(levels, _)| {
            levels
                .iter()
                .find(|c| c.level == level)
                .map(|c| (c.held, c.total, c.complete, c.blocked_by))
                .unwrap_or_default()
        })
    };
    let count = move || {
        let (held, total, complete, _) = at();
        match (lang.get(), total, complete) {
            (Lang::Id, 0, _) => "tidak ada butir di daftar".to_string(),
            (Lang::En, 0, _) => "no items listed".to_string(),
            (Lang::Id, _, true) => format!("lengkap ({held} dari {total})"),
            (Lang::En, _, true) => format!("complete ({held} of {total})"),
            (Lang::Id, _, false) => format!("{held} dari {total} butir ada"),
            (Lang::En, _, false) => format!("{held} of {total} items held"),
        }
    };
    let blocked = move || at().3;
    let heading_id = format!("level-{}-{level}-title", ind.id);
    let labelled_by = heading_id.clone();
    let list = if items.is_empty() {
        view! {
            <p class="small muted">{tr(
                "Sumber tidak mencantumkan butir untuk tingkat ini; saran nilai berhenti di sini. Isi nilai sendiri bila tingkat ini terpenuhi.",
                "The source lists no items for this level; the suggestion stops here. Enter your own value if this level is met.",
            )}</p>
        }
        .into_any()
    } else {
        let rows = items
            .into_iter()
            .map(|item| view! { <ItemRow ind=ind item=item/> })
            .collect_view();
        view! { <ul class="item-list">{rows}</ul> }.into_any()
    };
    view! {
        <div class="level-check" class:complete=move || at().2 class:blocked=move || blocked().is_some()
            role="group" aria-labelledby=labelled_by>
            <h4 id=heading_id class="level-check-title">
                <span>{text(title)}</span>
                <span class="level-count">{count}</span>
            </h4>
            <p class="level-criteria small">{text(criteria)}</p>
            {move || blocked().map(|b| view! {
                <p class="reject-warning" role="alert">{move || match lang.get() {
                    Lang::Id => format!("Tingkat {b} belum lengkap: asesor akan menolak butir tingkat {level} yang ditandai ada atau sebagian sampai tingkat {b} diterima."),
                    Lang::En => format!("Level {b} is incomplete: assessors will reject the level-{level} items marked held or in part until level {b} is accepted."),
                }}</p>
            })}
            {list}
        </div>
    }
}

#[component]
fn ItemRow(ind: &'static Indicator, item: &'static EvidenceItem) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let state = Memo::new(move |_| {
        ws.draft.with(|d| {
            d.answers
                .get(&ind.id)
                .and_then(|a| a.items.get(&item.id).copied())
        })
    });
    let set = move |s: Option<ItemState>| {
        ws.edit(&ind.id, move |a| match s {
            Some(s) => {
                a.items.insert(item.id.clone(), s);
            }
            None => {
                a.items.remove(&item.id);
            }
        })
    };
    let group = format!("item-{}", item.id);
    let radios = ItemState::ALL
        .into_iter()
        .map(|s| {
            let id = format!("item-{}-{}", item.id, s.key());
            view! {
                <span class=format!("state state-{}", s.key())>
                    <input type="radio" id=id.clone() name=group.clone() value=s.key()
                        prop:checked=move || state.get() == Some(s)
                        on:change=move |_| set(Some(s))/>
                    <label for=id>{text(s.label())}</label>
                </span>
            }
        })
        .collect_view();
    let legend_id = format!("item-{}-legend", item.id);
    let labelled_by = legend_id.clone();
    view! {
        <li class="item" class:held=move || state.get() == Some(ItemState::Ada)>
            <fieldset class="item-state" aria-labelledby=labelled_by>
                <p class="item-text" id=legend_id>
                    <span class="item-id">{item.id.clone()}</span>
                    " "
                    {text(item.text.clone())}
                </p>
                {item.hint.clone().map(|h| view! { <p class="item-hint small muted">{text(h)}</p> })}
                <div class="state-choices">
                    {radios}
                    <Show when=move || state.get().is_some()>
                        <button type="button" class="btn btn-small btn-link"
                            aria-label=move || match lang.get() { Lang::Id => format!("Hapus tanda butir {}", item.id), Lang::En => format!("Clear the mark of item {}", item.id) }
                            on:click=move |_| set(None)>{tr("hapus tanda", "clear")}</button>
                    </Show>
                </div>
                <EvidenceLinks ind=ind item=item/>
            </fieldset>
        </li>
    }
}

/// Which of the answer's evidence entries prove this item.
#[component]
fn EvidenceLinks(ind: &'static Indicator, item: &'static EvidenceItem) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let evidence = Memo::new(move |_| {
        ws.draft.with(|d| {
            d.answers
                .get(&ind.id)
                .map(|a| {
                    a.evidence
                        .iter()
                        .map(|e| (e.title.clone(), e.items.contains(&item.id)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let linked = move || evidence.with(|e| e.iter().filter(|(_, on)| *on).count());
    move || {
        let list = evidence.get();
        if list.is_empty() {
            return ().into_any();
        }
        let boxes = list
            .into_iter()
            .enumerate()
            .map(|(i, (title, on))| {
                let id = format!("link-{}-{i}", item.id);
                let shown = if title.trim().is_empty() {
                    match lang.get_untracked() {
                        Lang::Id => format!("Bukti {} (tanpa judul)", i + 1),
                        Lang::En => format!("Evidence {} (untitled)", i + 1),
                    }
                } else {
                    title
                };
                view! {
                    <li>
                        <input type="checkbox" id=id.clone() prop:checked=on
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ws.edit(&ind.id, move |a| {
                                    if let Some(e) = a.evidence.get_mut(i) {
                                        e.items.retain(|x| x != &item.id);
                                        if on {
                                            e.items.push(item.id.clone());
                                        }
                                    }
                                })
                            }/>
                        <label for=id>{shown}</label>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="item-evidence">
                <summary>{move || match lang.get() {
                    Lang::Id => format!("Bukti yang membuktikan butir ini ({})", linked()),
                    Lang::En => format!("Evidence proving this item ({})", linked()),
                }}</summary>
                <ul>{boxes}</ul>
            </details>
        }
        .into_any()
    }
}

/// The value the marked items suggest, with its reason, and whether the value given
/// follows it. Accepting stores the exact value; a different value is flagged, never
/// replaced.
#[component]
pub fn SuggestedValue(ind: &'static Indicator, value: Memo<Option<Value>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let suggestion: Memo<Option<Suggestion>> = Memo::new(move |_| {
        ws.draft.with(|d| {
            let states = d
                .answers
                .get(&ind.id)
                .map(|a| a.items.clone())
                .unwrap_or_default();
            suggest(fw, ind, &states)
        })
    });
    let marked = Memo::new(move |_| {
        ws.draft
            .with(|d| d.answers.get(&ind.id).is_some_and(|a| !a.items.is_empty()))
    });
    let shown = |v: Value, l: Lang| format_hundredths(v.hundredths() as i64, l);
    let follows = move || {
        suggestion
            .get()
            .is_some_and(|s| value.get() == Some(s.value))
    };
    // Taken already: the button says so by aria-disabled rather than `disabled`, so that
    // it stays the same element and keeps the keyboard focus it was pressed with.
    let accept = move |_| {
        if let Some(s) = suggestion.get_untracked().filter(|_| !follows()) {
            ws.edit(&ind.id, move |a| a.value = Some(s.value));
        }
    };
    let status = move || {
        let s = suggestion.get()?;
        let l = lang.get();
        Some(match value.get() {
            Some(v) if v == s.value => view! {
                <p class="ok small">{tr("Nilai Anda mengikuti saran ini, disimpan tepat.", "Your value follows this suggestion, stored exactly.")}</p>
            }
            .into_any(),
            Some(v) if marked.get() => {
                let (mine, theirs) = (shown(v, l), shown(s.value, l));
                let exactness = match (v.hundredths() == s.value.hundredths(), l) {
                    (true, Lang::Id) => " Angka tampilannya sama, tetapi nilai saran adalah pecahan tepat; indeks dan aspek dihitung dari nilai yang tersimpan.",
                    (true, Lang::En) => " The figures shown are equal, but the suggestion is an exact fraction; the index and aspects use the value stored.",
                    _ => "",
                };
                view! {
                    <p class="differs" role="status">{match l {
                        Lang::Id => format!("Nilai Anda {mine} berbeda dari saran {theirs}. Nilai Anda tetap dipakai dan ditandai berbeda.{exactness}"),
                        Lang::En => format!("Your value {mine} differs from the suggestion {theirs}. Your value is kept and marked as different.{exactness}"),
                    }}</p>
                }
                .into_any()
            }
            Some(_) => ().into_any(),
            None => view! {
                <p class="small muted">{tr("Belum ada nilai: pakai saran ini atau ketik nilai sendiri.", "No value yet: use this suggestion or type your own.")}</p>
            }
            .into_any(),
        })
    };
    let figure = move || suggestion.get().map(|s| shown(s.value, lang.get()));
    let reason = move || {
        suggestion
            .get()
            .map(|s| s.reason.get(lang.get()).to_string())
    };
    view! {
        <Show when=move || suggestion.with(Option::is_some)>
            <div class="suggestion" data-testid=format!("suggestion-{}", ind.id)>
                <p class="suggestion-line">
                    <span class="suggestion-label">{tr("Saran nilai dari butir: ", "Value suggested by the items: ")}</span>
                    <strong class="suggestion-value">{figure}</strong>
                </p>
                <p class="suggestion-reason small">{reason}</p>
                {status}
                <button type="button" class="btn btn-primary btn-small"
                    aria-disabled=move || follows().to_string() on:click=accept>
                    {tr("Pakai saran ini", "Use this suggestion")}
                </button>
            </div>
        </Show>
    }
}
