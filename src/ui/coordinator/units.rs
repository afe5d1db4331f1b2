//! Tab 1, units and assignments: the workspace's details, the unit list (add, rename,
//! remove, the Pemda starter list, assignment files), and who leads or supports each
//! indicator.

use super::state::Coord;
use crate::adapters::{clock, files};
use crate::domain::catalogue::{units as templates, Indicator};
use crate::domain::consolidation::{assignment_file, label, MAX_INSTRUCTIONS};
use crate::domain::draft::export_file_name;
use crate::domain::exchange::{Contact, Kind, UnitRef};
use crate::domain::text::{Lang, Text};
use crate::domain::zip::ZipWriter;
use crate::ui::i18n::{lang, text, tr, trs};
use crate::ui::state::{notify, NoticeKind};
use crate::ui::widgets::ConfirmButton;
use leptos::prelude::*;

#[component]
pub fn UnitsTab() -> impl IntoView {
    view! {
        <Details/>
        <GuidanceCard/>
        <UnitList/>
        <AssignmentTable/>
    }
}

/// A text field saved through a domain setter on change, with its error shown under it.
#[component]
fn SavedField(
    id: &'static str,
    /// The input's type: text unless said (date, tel, email).
    #[prop(default = "text")]
    kind: &'static str,
    label: Signal<String>,
    value: Signal<String>,
    save: impl Fn(&str) -> Result<(), Text> + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<Text>);
    let err_id = format!("{id}-error");
    view! {
        <div class="field grow">
            <label for=id>{label}</label>
            <input id=id type=kind prop:value=value aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=err_id.clone()
                on:change=move |ev| error.set(save(&event_target_value(&ev)).err())/>
            {move || error.get().map(|t| view! { <p class="field-error" id=err_id.clone()>{text(t)}</p> })}
        </div>
    }
}

#[component]
fn Details() -> impl IntoView {
    let c = expect_context::<Coord>();
    view! {
        <section class="card" aria-labelledby="ws-details-title">
            <h2 id="ws-details-title">{tr("Data ruang kerja", "Workspace details")}</h2>
            <div class="field-row">
                <SavedField id="ws-name" label=trs("Nama ruang kerja", "Workspace name")
                    value=Signal::derive(move || c.ws.with(|w| w.name.clone()))
                    save=move |v| c.change(|w, now| w.set_name(v, now))/>
                <SavedField id="ws-coordinator" label=trs("Nama koordinator (tercatat pada setiap keputusan)", "Coordinator's name (recorded on every decision)")
                    value=Signal::derive(move || c.ws.with(|w| w.coordinator.clone()))
                    save=move |v| c.change(|w, now| w.set_coordinator(v, now))/>
            </div>
        </section>
    }
}

/// The deadline, contact and instruction every assignment file carries, set once.
#[component]
fn GuidanceCard() -> impl IntoView {
    let c = expect_context::<Coord>();
    let g = move || c.ws.with(|w| w.guidance.clone());
    let contact_with = move |f: &dyn Fn(&mut Contact)| {
        let mut contact = c.ws.with_untracked(|w| w.guidance.contact.clone());
        f(&mut contact);
        contact
    };
    view! {
        <section class="card" aria-labelledby="guidance-title">
            <h2 id="guidance-title">{tr("Batas waktu, kontak dan petunjuk untuk unit", "Deadline, contact and instruction for the units")}</h2>
            <p class="hint">{tr(
                "Diisi sekali; setiap berkas penugasan membawanya. Unit melihatnya di atas drafnya dan lagi setelah mengekspor (\"kirim ke … paling lambat …\"), dan teks pengingat di tab 3 memakainya.",
                "Entered once; every assignment file carries it. Units see it above their draft and again after exporting (\"send to … by …\"), and the reminders on tab 3 use it.",
            )}</p>
            <div class="field-row">
                <SavedField id="guidance-deadline" kind="date" label=trs("Batas waktu pengiriman berkas", "Deadline for the files")
                    value=Signal::derive(move || g().deadline.map(|d| d.to_string()).unwrap_or_default())
                    save=move |v| c.change(|w, now| w.set_deadline(v, now))/>
                <SavedField id="guidance-name" label=trs("Nama kontak", "Contact name")
                    value=Signal::derive(move || g().contact.name)
                    save=move |v| { let k = contact_with(&|k| k.name = v.to_string()); c.change(|w, now| w.set_contact(k, now)) }/>
            </div>
            <div class="field-row">
                <SavedField id="guidance-whatsapp" kind="tel" label=trs("Nomor WhatsApp", "WhatsApp number")
                    value=Signal::derive(move || g().contact.whatsapp)
                    save=move |v| { let k = contact_with(&|k| k.whatsapp = v.to_string()); c.change(|w, now| w.set_contact(k, now)) }/>
                <SavedField id="guidance-email" kind="email" label=trs("Surel", "E-mail")
                    value=Signal::derive(move || g().contact.email)
                    save=move |v| { let k = contact_with(&|k| k.email = v.to_string()); c.change(|w, now| w.set_contact(k, now)) }/>
            </div>
            <SavedText id="guidance-instructions" label=trs("Petunjuk singkat untuk unit", "A short instruction for the units")
                value=Signal::derive(move || g().instructions)
                save=move |v| c.change(|w, now| w.set_instructions(v, now))/>
        </section>
    }
}

/// A text area saved through a domain setter on change, with its error shown under it.
#[component]
fn SavedText(
    id: &'static str,
    label: Signal<String>,
    value: Signal<String>,
    save: impl Fn(&str) -> Result<(), Text> + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<Text>);
    let err_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea id=id rows="3" maxlength=MAX_INSTRUCTIONS.to_string() prop:value=value
                aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=err_id.clone()
                on:change=move |ev| error.set(save(&event_target_value(&ev)).err())></textarea>
            {move || error.get().map(|t| view! { <p class="field-error" id=err_id.clone()>{text(t)}</p> })}
        </div>
    }
}

fn download_assignment(c: Coord, unit: &str) {
    let now = clock::now();
    let wall_clock = clock::local(&now);
    let Some((name, file)) =
        c.ws.with_untracked(|w| assignment_file(w, unit, &now, &wall_clock))
    else {
        notify(
            NoticeKind::Warning,
            Text::new(
                "Unit ini belum ditugasi indikator apa pun.",
                "This unit has no indicator assigned yet.",
            ),
        );
        return;
    };
    match crate::domain::json::to_string_pretty(&file)
        .map_err(|e| e.to_string())
        .and_then(|json| files::download_json(&name, &json))
    {
        Ok(()) => {
            let unit = c.unit_label(unit);
            notify(
                NoticeKind::Success,
                Text::new(
                    format!("Berkas penugasan {unit} diunduh sebagai {name}. Kirim berkas ini ke {unit}."),
                    format!("{unit}'s assignment file was downloaded as {name}. Send it to {unit}."),
                ),
            )
        }
        Err(e) => notify(
            NoticeKind::Error,
            Text::new(
                format!("Gagal mengunduh: {e}"),
                format!("Download failed: {e}"),
            ),
        ),
    }
}

/// One zip with one assignment file per unit that has something assigned.
fn download_all(c: Coord) {
    let now = clock::now();
    let wall_clock = clock::local(&now);
    let (entries, skipped, fw, period) = c.ws.with_untracked(|w| {
        let mut entries = Vec::new();
        let mut skipped = Vec::new();
        for u in &w.units {
            match assignment_file(w, &u.id, &now, &wall_clock) {
                Some((name, file)) => entries.push((name, file)),
                None => skipped.push(label(u)),
            }
        }
        (entries, skipped, w.framework.clone(), w.period.clone())
    });
    if entries.is_empty() {
        notify(
            NoticeKind::Warning,
            Text::new(
                "Belum ada unit yang ditugasi indikator.",
                "No unit has an indicator assigned yet.",
            ),
        );
        return;
    }
    let mut zip = ZipWriter::new();
    for (name, file) in &entries {
        match crate::domain::json::to_vec_pretty(file) {
            Ok(bytes) => zip.add(name, &bytes),
            Err(e) => {
                return notify(
                    NoticeKind::Error,
                    Text::new(
                        format!("Gagal membuat berkas: {e}"),
                        format!("Could not build a file: {e}"),
                    ),
                )
            }
        }
    }
    let name = export_file_name(Kind::Assignment, "semua-unit", &fw, &period, &wall_clock)
        .replace(".json", ".zip");
    if let Err(e) = files::download(&name, "application/zip", &zip.finish()) {
        return notify(
            NoticeKind::Error,
            Text::new(
                format!("Gagal mengunduh: {e}"),
                format!("Download failed: {e}"),
            ),
        );
    }
    let n = entries.len();
    let (mut id, mut en) = (
        format!("{n} berkas penugasan diunduh dalam {name}."),
        format!("{n} assignment files downloaded in {name}."),
    );
    if !skipped.is_empty() {
        let list = skipped.join(", ");
        id.push_str(&format!(" Tanpa indikator (tidak disertakan): {list}."));
        en.push_str(&format!(" With no indicator (left out): {list}."));
    }
    notify(NoticeKind::Success, Text::new(id, en));
}

#[component]
fn UnitList() -> impl IntoView {
    let c = expect_context::<Coord>();
    let units = Memo::new(move |_| c.ws.with(|w| w.units.clone()));
    let new_name = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<Text>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match c.change(|w, now| w.add_unit(&new_name.get_untracked(), now)) {
            Ok(_) => {
                new_name.set(String::new());
                add_error.set(None);
            }
            Err(e) => add_error.set(Some(e)),
        }
    };
    let missing_templates = Memo::new(move |_| {
        c.ws.with(|w| {
            templates()
                .iter()
                .filter(|t| w.unit(&t.id).is_none())
                .count()
        })
    });
    let lang = lang();
    let datalist = move || {
        c.ws.with(|w| {
            templates()
                .iter()
                .filter(|t| w.unit(&t.id).is_none())
                .map(|t| view! { <option value=t.name.id.clone()>{t.short.clone()}</option> })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="units-title">
            <div class="card-head">
                <h2 id="units-title">{tr("Unit kerja", "Units")}</h2>
                <button type="button" class="btn btn-primary" on:click=move |_| download_all(c)>
                    {tr("Unduh semua berkas penugasan (.zip)", "Download all assignment files (.zip)")}
                </button>
            </div>
            <p class="hint">{tr(
                "Kirim berkas penugasan ke setiap unit (surel, aplikasi pesan, diska lepas). Unit membukanya di Swanilai, mengisi indikatornya, lalu mengirim kembali berkas jawabannya untuk diimpor di tab 2.",
                "Send each unit its assignment file (e-mail, chat, flash disk). The unit opens it in Swanilai, fills in its indicators, and sends back its answer file for import on tab 2.",
            )}</p>
            <table class="table units-table stack-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{tr("Unit", "Unit")}</th>
                        <th scope="col" class="num">{tr("Penanggung jawab", "Leads")}</th>
                        <th scope="col" class="num">{tr("Pendukung", "Supports")}</th>
                        <th scope="col">{tr("Berkas jawaban", "Answer file")}</th>
                        <th scope="col"><span class="sr-only">{tr("Tindakan", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || units.get() key=|u| (u.id.clone(), u.name.clone()) children=move |u| view! { <UnitRow unit=u/> }/>
                </tbody>
            </table>
            <Show when=move || units.with(Vec::is_empty)>
                <p class="muted">{tr("Belum ada unit. Tambahkan di bawah.", "No units yet. Add them below.")}</p>
            </Show>
            <form class="add-unit" on:submit=add novalidate>
                <div class="field grow">
                    <label for="new-unit-name">{tr("Tambah unit kerja", "Add a unit")}</label>
                    <input id="new-unit-name" type="text" list="unit-template-list"
                        placeholder=tr("mis. Dinas Pariwisata", "e.g. Dinas Pariwisata")
                        aria-invalid=move || add_error.with(Option::is_some).to_string()
                        aria-describedby="new-unit-error"
                        prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    <datalist id="unit-template-list">{datalist}</datalist>
                    {move || add_error.get().map(|t| view! { <p class="field-error" id="new-unit-error" role="alert">{text(t)}</p> })}
                </div>
                <button type="submit" class="btn">{tr("Tambah", "Add")}</button>
                <Show when=move || { missing_templates.get() > 0 }>
                    <button type="button" class="btn" on:click=move |_| {
                        let _ = c.change(|w, now| Ok(w.add_starter_units(now)));
                    }>
                        {move || match lang.get() {
                            Lang::Id => format!("Tambahkan unit Pemda yang belum ada ({})", missing_templates.get()),
                            Lang::En => format!("Add the missing Pemda units ({})", missing_templates.get()),
                        }}
                    </button>
                </Show>
            </form>
        </section>
    }
}

#[component]
fn UnitRow(unit: UnitRef) -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let id = StoredValue::new(unit.id.clone());
    let usage = Memo::new(move |_| c.ws.with(|w| w.unit_usage(&id.get_value())));
    let file = Memo::new(move |_| {
        c.ws.with(|w| w.submission(&id.get_value()).map(|s| s.exported_at.clone()))
    });
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(unit.name.clone());
    let rename_error = RwSignal::new(None::<Text>);
    let short = label(&unit);
    let input_id = format!("rename-unit-{}", unit.id);
    let err_id = format!("rename-unit-{}-error", unit.id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match c.change(|w, now| w.rename_unit(&id.get_value(), &name.get_untracked(), now)) {
            Ok(()) => renaming.set(false),
            Err(e) => rename_error.set(Some(e)),
        }
    };
    let short_q = short.clone();
    let question = Signal::derive(move || {
        let u = usage.get();
        match lang.get() {
            Lang::Id => {
                let mut q = format!("Hapus {short_q}?");
                if !u.lead.is_empty() || !u.support.is_empty() {
                    q.push_str(&format!(" Penugasan dikosongkan ({} sebagai penanggung jawab, {} sebagai pendukung).", u.lead.len(), u.support.len()));
                }
                if u.answers > 0 {
                    q.push_str(&format!(" {} jawaban dari berkasnya ditarik dari penggabungan dan disimpan di riwayat.", u.answers));
                }
                q
            }
            Lang::En => {
                let mut q = format!("Remove {short_q}?");
                if !u.lead.is_empty() || !u.support.is_empty() {
                    q.push_str(&format!(
                        " Its assignments are cleared ({} led, {} supported).",
                        u.lead.len(),
                        u.support.len()
                    ));
                }
                if u.answers > 0 {
                    q.push_str(&format!(" {} answers from its file are withdrawn from the merge and kept in the history.", u.answers));
                }
                q
            }
        }
    });
    let short_dl = short.clone();
    let short_asg = short.clone();
    view! {
        <tr>
            <td>
                <Show when=move || renaming.get() fallback={
                    let short = short.clone();
                    let full = unit.name.clone();
                    move || view! { <strong>{short.clone()}</strong> <div class="muted small">{full.clone()}</div> }
                }>
                    <form class="inline-form" on:submit=save>
                        <label class="sr-only" for=input_id.clone()>{tr("Nama baru unit", "New unit name")}</label>
                        <input id=input_id.clone() type="text" prop:value=move || name.get()
                            aria-describedby=err_id.clone()
                            on:input=move |ev| name.set(event_target_value(&ev))/>
                        <button type="submit" class="btn btn-small">{tr("Simpan", "Save")}</button>
                        <button type="button" class="btn btn-small" on:click=move |_| { renaming.set(false); rename_error.set(None); }>{tr("Batal", "Cancel")}</button>
                    </form>
                    {let err_id = err_id.clone(); move || rename_error.get().map(|t| view! { <p class="field-error" id=err_id.clone() role="alert">{text(t)}</p> })}
                </Show>
            </td>
            <td class="num" data-label=tr("Penanggung jawab", "Leads")>{move || usage.with(|u| u.lead.len())}</td>
            <td class="num" data-label=tr("Pendukung", "Supports")>{move || usage.with(|u| u.support.len())}</td>
            <td data-label=tr("Berkas jawaban", "Answer file")>{move || match file.get() {
                Some(at) => view! { <span class="ok">{tr("Diterima", "Received")}</span> " " <span class="muted small">{at.as_str().get(..10).unwrap_or("").to_string()}</span> }.into_any(),
                None => view! { <span class="muted">{tr("Belum dikirim", "Not sent yet")}</span> }.into_any(),
            }}</td>
            <td class="actions">
                <button type="button" class="btn btn-small" on:click=move |_| renaming.set(true)
                    aria-label=move || match lang.get() { Lang::Id => format!("Ganti nama {short_dl}"), Lang::En => format!("Rename {short_dl}") }>
                    {tr("Ganti nama", "Rename")}
                </button>
                " "
                <button type="button" class="btn btn-small" on:click=move |_| download_assignment(c, &id.get_value())
                    aria-label=move || match lang.get() { Lang::Id => format!("Unduh penugasan {short_asg}"), Lang::En => format!("Download {short_asg}'s assignment") }
                    disabled=move || usage.with(|u| u.lead.is_empty() && u.support.is_empty())>
                    {tr("Unduh penugasan", "Download assignment")}
                </button>
                " "
                <ConfirmButton
                    label=trs("Hapus", "Remove")
                    question=question
                    confirm=trs("Ya, hapus", "Yes, remove")
                    on_confirm=move || {
                        if let Err(e) = c.change(|w, now| w.remove_unit(&id.get_value(), now)) {
                            notify(NoticeKind::Error, e);
                        }
                    }
                />
            </td>
        </tr>
    }
}

#[component]
fn AssignmentTable() -> impl IntoView {
    let c = expect_context::<Coord>();
    let fw = c.framework;
    let units = Memo::new(move |_| c.ws.with(|w| w.units.clone()));
    let groups = fw
        .aspects
        .iter()
        .map(|a| {
            let rows = fw.indicators_of(&a.id).map(|ind| view! { <AssignmentRow ind=ind units=units/> }).collect_view();
            view! {
                <tbody>
                    <tr class="group-row"><th scope="colgroup" colspan="4">{text(a.name.clone())}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="assign-title">
            <div class="card-head">
                <h2 id="assign-title">{tr("Penugasan indikator", "Indicator assignments")}</h2>
                <ConfirmButton
                    label=trs("Kembalikan penugasan bawaan", "Reset to the default assignment")
                    question=trs("Ganti semua penugasan dengan templat bawaan untuk unit yang ada?", "Replace every assignment with the default template for the current units?")
                    confirm=trs("Ya, kembalikan", "Yes, reset")
                    on_confirm=move || { let _ = c.change(|w, now| { w.restore_default_assignments(now); Ok(()) }); }
                />
            </div>
            <p class="hint">{tr(
                "Satu unit penanggung jawab per indikator, ditambah unit pendukung bila perlu. Templat bawaan mengikuti praktik umum Pemda (siapa biasanya memegang apa) dan dapat diubah.",
                "One lead unit per indicator, plus supporting units where needed. The default template follows common Pemda practice (who usually owns what) and can be changed.",
            )}</p>
            <table class="table assign-table stack-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{tr("No.", "No.")}</th>
                        <th scope="col">{tr("Indikator", "Indicator")}</th>
                        <th scope="col">{tr("Penanggung jawab", "Lead unit")}</th>
                        <th scope="col">{tr("Unit pendukung", "Supporting units")}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        </section>
    }
}

#[component]
fn AssignmentRow(ind: &'static Indicator, units: Memo<Vec<UnitRef>>) -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let id: &'static str = &ind.id;
    let code = ind.display_code();
    let a = Memo::new(move |_| c.ws.with(|w| w.assignment(id)));
    let set = move |r: Result<(), Text>| {
        if let Err(e) = r {
            notify(NoticeKind::Error, e);
        }
    };
    let lead_options = move || {
        let lead = a.with(|a| a.lead.clone());
        units
            .get()
            .into_iter()
            .map(|u| {
                let selected = lead.as_deref() == Some(u.id.as_str());
                view! { <option value=u.id.clone() prop:selected=selected>{label(&u)}</option> }
            })
            .collect_view()
    };
    let support_add_options = move || {
        let current = a.get();
        units
            .get()
            .into_iter()
            .filter(|u| {
                current.lead.as_deref() != Some(u.id.as_str()) && !current.support.contains(&u.id)
            })
            .map(|u| view! { <option value=u.id.clone()>{label(&u)}</option> })
            .collect_view()
    };
    let chips = move || {
        a.get()
            .support
            .into_iter()
            .map(|s| {
                let name = c.unit_label(&s);
                let name2 = name.clone();
                let s2 = s.clone();
                view! {
                    <span class="chip">
                        {name}
                        <button type="button" class="chip-remove"
                            aria-label=move || match lang.get() {
                                Lang::Id => format!("Hapus {name2} sebagai pendukung indikator {code}"),
                                Lang::En => format!("Remove {name2} as supporting unit of indicator {code}"),
                            }
                            on:click=move |_| set(c.change(|w, now| w.set_support(id, &s2, false, now)))>"×"</button>
                    </span>
                }
            })
            .collect_view()
    };
    let lead_label = move || match lang.get() {
        Lang::Id => format!("Penanggung jawab indikator {code}"),
        Lang::En => format!("Lead unit of indicator {code}"),
    };
    let support_label = move || match lang.get() {
        Lang::Id => format!("Tambah unit pendukung indikator {code}"),
        Lang::En => format!("Add a supporting unit to indicator {code}"),
    };
    let short = ind.short_name.clone().unwrap_or_else(|| ind.name.clone());
    view! {
        <tr>
            <td class="num">{code}</td>
            <td>{text(short)}</td>
            <td data-label=tr("Penanggung jawab", "Lead unit")>
                <select aria-label=lead_label class:unassigned=move || a.with(|a| a.lead.is_none())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(c.change(|w, now| w.set_lead(id, (!v.is_empty()).then_some(v.as_str()), now)));
                    }>
                    <option value="" prop:selected=move || a.with(|a| a.lead.is_none())>{tr("— belum ada —", "— none —")}</option>
                    {lead_options}
                </select>
            </td>
            <td data-label=tr("Unit pendukung", "Supporting units")>
                <div class="chips">
                    {chips}
                    <select class="add-support" aria-label=support_label
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.is_empty() {
                                set(c.change(|w, now| w.set_support(id, &v, true, now)));
                            }
                            let el: web_sys::HtmlSelectElement = event_target(&ev);
                            el.set_value("");
                        }>
                        <option value="">{tr("+ pendukung…", "+ support…")}</option>
                        {support_add_options}
                    </select>
                </div>
            </td>
        </tr>
    }
}
