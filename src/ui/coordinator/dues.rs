//! Who still owes what (tab 3, above the matrix): per unit what it was assigned, what
//! arrived (when, which version) and what is missing, with a reminder ready to copy for one
//! unit or for every unit not complete yet. The lists and texts come from
//! `domain::consolidation` ([`dues`], [`reminder`], [`reminder_all`]).

use super::state::Coord;
use crate::adapters::{clock, files};
use crate::domain::consolidation::{dues, is_late, reminder, reminder_all, UnitDue};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr, when_in};
use crate::ui::state::{notify, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Copies `t` in the current language, and shows it in a box to copy by hand as well
/// (the clipboard may be refused).
fn copy(t: Text, shown: RwSignal<Option<Text>>) {
    shown.set(Some(t.clone()));
    let s = t.get(lang().get_untracked()).to_string();
    spawn_local(async move {
        if files::copy_text(&s).await.is_ok() {
            notify(
                NoticeKind::Success,
                Text::new(
                    "Teks pengingat disalin. Tempelkan di WhatsApp atau surel.",
                    "The reminder was copied. Paste it into WhatsApp or an e-mail.",
                ),
            );
        }
    });
}

#[component]
pub fn DuesCard() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let list = Memo::new(move |_| c.ws.with(dues));
    let owing = Memo::new(move |_| list.with(|l| l.iter().filter(|d| d.owes()).count()));
    // No unit has an indicator assigned (units came with their files only): nothing is due.
    let none_assigned = Memo::new(move |_| list.with(Vec::is_empty));
    let late = Memo::new(move |_| c.ws.with(|w| is_late(w.guidance.deadline, clock::today())));
    let shown = RwSignal::new(None::<Text>);
    let deadline = move || {
        c.ws.with(|w| w.guidance.deadline).map(|d| {
            let l = lang.get();
            match l {
                Lang::Id => format!("Batas waktu: {}.", d.words(l)),
                Lang::En => format!("Deadline: {}.", d.words(l)),
            }
        })
    };
    let all = move |_| {
        let t =
            c.ws.with_untracked(|w| list.with_untracked(|l| reminder_all(w, l)));
        copy(t, shown);
    };
    view! {
        <section class="card dues" aria-labelledby="dues-title">
            <h2 id="dues-title">{tr("Siapa yang belum mengirim", "Who has not sent yet")}</h2>
            <p role="status">
                {move || match (lang.get(), owing.get()) {
                    (Lang::Id, 0) if none_assigned.get() => "Belum ada indikator yang ditugaskan ke unit, jadi belum ada yang ditunggu. Penugasan diatur di tab \"1. Unit & penugasan\".".to_string(),
                    (Lang::En, 0) if none_assigned.get() => "No indicator is assigned to a unit yet, so nothing is awaited. Assignments are made in the \"1. Units & assignments\" tab.".to_string(),
                    (Lang::Id, 0) => "Semua unit yang ditugasi sudah mengirim jawaban untuk indikator yang dipimpinnya.".to_string(),
                    (Lang::En, 0) => "Every assigned unit has sent answers for the indicators it leads.".to_string(),
                    (Lang::Id, n) => format!("{n} unit belum lengkap: belum mengirim berkas, atau ada indikator yang dipimpinnya belum dijawab."),
                    (Lang::En, n) => format!("{n} units are not complete: no file yet, or indicators they lead are not answered."),
                }}
                " " {deadline}
                {move || late.get().then(|| view! { " " <strong class="warn-text">{tr("Batas waktu sudah lewat.", "The deadline has passed.")}</strong> })}
            </p>
            <Show when=move || { owing.get() > 0 }>
                <button type="button" class="btn btn-primary" on:click=all>
                    {move || match lang.get() {
                        Lang::Id => format!("Salin pengingat untuk semua unit yang belum lengkap ({})", owing.get()),
                        Lang::En => format!("Copy a reminder for all units not complete ({})", owing.get()),
                    }}
                </button>
            </Show>
            {move || shown.get().map(|t| view! {
                <div class="field reminder-box">
                    <label for="reminder-text">{tr("Teks pengingat (sudah disalin; dapat juga disalin dari sini)", "Reminder text (copied; you can also copy it from here)")}</label>
                    <textarea id="reminder-text" rows="6" readonly prop:value=text(t)></textarea>
                </div>
            })}
            <Show when=move || !none_assigned.get()>
            <div class="table-scroll">
                <table class="table compact stack-on-phone" data-testid="dues-table">
                    <thead><tr>
                        <th scope="col">{tr("Unit", "Unit")}</th>
                        <th scope="col">{tr("Ditugaskan", "Assigned")}</th>
                        <th scope="col">{tr("Berkas", "File")}</th>
                        <th scope="col">{tr("Belum dijawab", "Not answered")}</th>
                        <th scope="col"><span class="sr-only">{tr("Pengingat", "Reminder")}</span></th>
                    </tr></thead>
                    <tbody>
                        // The rows are rebuilt when the language changes, so each is built in
                        // one language with plain texts: a reactive text per cell made 100
                        // units' rows cost several hundred reactive nodes (bench-merge.mjs).
                        {move || { let l = lang.get(); list.get().into_iter().map(|d| view! { <DueRow due=d shown=shown l=l/> }).collect_view() }}
                    </tbody>
                </table>
            </div>
            </Show>
        </section>
    }
}

#[component]
fn DueRow(due: UnitDue, shown: RwSignal<Option<Text>>, l: Lang) -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let unit = c.unit_label(&due.unit);
    let codes = |ids: &[String]| {
        ids.iter()
            .map(|i| fw.indicator(i).map_or(i.as_str(), |x| x.display_code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (lead, support) = (codes(&due.lead), codes(&due.support));
    let missing = codes(&due.missing);
    let owes = due.owes();
    let arrived = due.arrived.clone();
    let d = due.clone();
    let remind = move |_| {
        let t = c.ws.with_untracked(|w| reminder(w, &d));
        copy(t, shown);
    };
    let file = match arrived {
        Some(a) => {
            let at = when_in(&a.exported_at, l);
            let v = a.version;
            let said = match l {
                Lang::Id => format!("Tiba · versi ke-{v}, diekspor {at}"),
                Lang::En => format!("Arrived · version {v}, exported {at}"),
            };
            view! { <span class="ok">{said}</span> }.into_any()
        }
        None => {
            view! { <strong class="warn-text">{l.pick("Belum mengirim", "Not sent yet")}</strong> }
                .into_any()
        }
    };
    let remind_label = match l {
        Lang::Id => format!("Salin pengingat untuk {unit}"),
        Lang::En => format!("Copy a reminder for {unit}"),
    };
    view! {
        <tr class:row-missing=owes>
            <th scope="row">{unit.clone()}</th>
            <td data-label=l.pick("Ditugaskan", "Assigned")>
                {(!lead.is_empty()).then(|| view! { <span>{l.pick("Memimpin ", "Leads ")}{lead.clone()}</span> })}
                {(!lead.is_empty() && !support.is_empty()).then(|| view! { <br/> })}
                {(!support.is_empty()).then(|| view! { <span class="muted">{l.pick("Mendukung ", "Supports ")}{support.clone()}</span> })}
            </td>
            <td data-label=l.pick("Berkas", "File")>{file}</td>
            <td data-label=l.pick("Belum dijawab", "Not answered")>{if missing.is_empty() { "—".to_string() } else { missing.clone() }}</td>
            <td class="actions">
                {owes.then(|| view! {
                    <button type="button" class="btn btn-small" on:click=remind aria-label=remind_label>
                        {l.pick("Salin pengingat", "Copy reminder")}
                    </button>
                })}
            </td>
        </tr>
    }
}
