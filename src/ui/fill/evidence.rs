//! The bukti dukung of one indicator: title, reference (number/article/page), link or
//! location, the level it supports, its date, and whether it is a review document.

use crate::domain::catalogue::Indicator;
use crate::domain::exchange::Evidence;
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::DraftWorkspace;
use leptos::prelude::*;

#[component]
pub fn EvidenceEditor(ind: &'static Indicator) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let count = Memo::new(move |_| {
        ws.draft
            .with(|d| d.answers.get(&ind.id).map_or(0, |a| a.evidence.len()))
    });
    // Rows are rebuilt (with fresh field values) whenever one is removed, so a row never
    // shows its neighbour's text.
    let generation = RwSignal::new(0u32);
    let add_id = ind.id.clone();
    let add = move |_| {
        ws.edit(&add_id, |a| a.evidence.push(Evidence::default()));
        // Focus the new row's title once it exists.
        let n = count.get_untracked();
        let target = format!("ev-{}-{}-title", ind.id, n.saturating_sub(1));
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&target) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <section class="evidence" aria-labelledby="evidence-title">
            <h3 id="evidence-title">{tr("Bukti dukung", "Evidence")}</h3>
            <p class="hint">{text(ind.evidence_hint.clone())}</p>
            <For
                each={move || { let g = generation.get(); (0..count.get()).map(move |i| (g, i)).collect::<Vec<_>>()} }
                key=|k| *k
                children=move |(_, i)| view! { <EvidenceRow ind=ind index=i generation=generation/> }
            />
            <button type="button" class="btn" on:click=add>{tr("+ Tambah bukti", "+ Add evidence")}</button>
        </section>
    }
}

#[component]
fn EvidenceRow(ind: &'static Indicator, index: usize, generation: RwSignal<u32>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let lang = lang();
    let initial = ws.draft.with_untracked(|d| {
        d.answers
            .get(&ind.id)
            .and_then(|a| a.evidence.get(index).cloned())
    });
    let Some(initial) = initial else {
        return ().into_any();
    };
    let id = ind.id.clone();
    let set = move |f: Box<dyn FnOnce(&mut Evidence)>| {
        ws.edit(&id, move |a| {
            if let Some(e) = a.evidence.get_mut(index) {
                f(e)
            }
        })
    };
    let field = |name: &str| format!("ev-{}-{index}-{name}", ind.id);
    let n = index + 1;
    let (s1, s2, s3, s4, s5, s6) = (
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
    );
    let remove_id = ind.id.clone();
    let levels = fw
        .levels()
        .map(|l| {
            let selected = initial.level == Some(l);
            view! { <option value=l.to_string() selected=selected>{l}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="evidence-row">
            <legend>{move || match lang.get() { Lang::Id => format!("Bukti {n}"), Lang::En => format!("Evidence {n}") }}</legend>
            <div class="field grow">
                <label for=field("title")>{tr("Judul dokumen/bukti", "Document/evidence title")}</label>
                <input id=field("title") type="text" prop:value=initial.title.clone()
                    placeholder=tr("mis. Perbup No. 12 Tahun 2024 tentang Arsitektur SPBE", "e.g. Regent Regulation 12/2024 on SPBE Architecture")
                    on:input=move |ev| { let v = event_target_value(&ev); s1(Box::new(move |e| e.title = v)) }/>
            </div>
            <div class="field">
                <label for=field("reference")>{tr("Rujukan (pasal, halaman)", "Reference (article, page)")}</label>
                <input id=field("reference") type="text" prop:value=initial.reference.clone()
                    placeholder=tr("Pasal 4, hlm. 3", "Article 4, p. 3")
                    on:input=move |ev| { let v = event_target_value(&ev); s2(Box::new(move |e| e.reference = v)) }/>
            </div>
            <div class="field grow">
                <label for=field("link")>{tr("Tautan atau lokasi berkas", "Link or file location")}</label>
                <input id=field("link") type="text" prop:value=initial.link.clone()
                    placeholder=tr("https://… atau 1.a.Perbup-12-2024.pdf", "https://… or 1.a.Perbup-12-2024.pdf")
                    on:input=move |ev| { let v = event_target_value(&ev); s3(Box::new(move |e| e.link = v)) }/>
            </div>
            <div class="field">
                <label for=field("level")>{tr("Mendukung tingkat", "Supports level")}</label>
                <select id=field("level") on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<u8>().ok();
                    s4(Box::new(move |e| e.level = v))
                }>
                    <option value="" selected=initial.level.is_none()>"—"</option>
                    {levels}
                </select>
            </div>
            <div class="field">
                <label for=field("date")>{tr("Tanggal dokumen", "Document date")}</label>
                <input id=field("date") type="date" prop:value=initial.date.clone().unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); s5(Box::new(move |e| e.date = (!v.is_empty()).then_some(v))) }/>
            </div>
            <div class="field checkbox">
                <input id=field("review") type="checkbox" prop:checked=initial.review
                    on:change=move |ev| { let v = event_target_checked(&ev); s6(Box::new(move |e| e.review = v)) }/>
                <label for=field("review")>{tr("Dokumen reviu/evaluasi", "Review/evaluation document")}</label>
            </div>
            <button type="button" class="btn btn-small btn-danger-outline"
                aria-label=move || match lang.get() { Lang::Id => format!("Hapus bukti {n}"), Lang::En => format!("Remove evidence {n}") }
                on:click=move |_| {
                    ws.edit(&remove_id, |a| { if index < a.evidence.len() { a.evidence.remove(index); } });
                    generation.update(|g| *g += 1);
                }>
                {tr("Hapus", "Remove")}
            </button>
        </fieldset>
    }
    .into_any()
}
