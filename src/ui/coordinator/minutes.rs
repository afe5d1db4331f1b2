//! The Berita Acara's particulars, entered once in the workspace (results tab): number,
//! date, place, who signs (name, NIP, office) and an optional letterhead image. Every change
//! is saved through `Workspace::set_berita_acara`, which checks NIPs and the image; the
//! printed report reads them from the consolidated file.

use super::state::Coord;
use crate::adapters::files;
use crate::domain::consolidation::{
    letterhead_from_image, BeritaAcara, Signatory, MAX_LETTERHEAD_CHARS,
};
use crate::domain::exchange::Date;
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MinutesCard() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    // The form's copy: saved on every change; a refused change stays on screen with its
    // reason until fixed.
    let ba = RwSignal::new(c.ws.with_untracked(|w| w.berita_acara()));
    let error = RwSignal::new(None::<Text>);
    // try_: the letterhead is read in a future, which may end after the screen was left.
    let save = move || {
        let Some(b) = ba.try_get_untracked() else {
            return;
        };
        match c.change(|w, now| w.set_berita_acara(b, now)) {
            Ok(()) => error.try_set(None),
            Err(e) => error.try_set(Some(e)),
        };
    };
    let edit = move |f: Box<dyn FnOnce(&mut BeritaAcara)>| {
        if ba.try_update(f).is_some() {
            save();
        }
    };
    let date_error = RwSignal::new(false);
    // One memo per field: an edit of one field (saved on change) re-sets only the inputs
    // whose stored value changed, never one the user is typing in.
    let number = Memo::new(move |_| ba.with(|b| b.number.clone()));
    let date = Memo::new(move |_| ba.with(|b| b.date.map(|d| d.to_string()).unwrap_or_default()));
    let place = Memo::new(move |_| ba.with(|b| b.place.clone()));
    let count = Memo::new(move |_| ba.with(|b| b.signatories.len()));
    let on_letterhead = move |list: Vec<web_sys::File>| {
        spawn_local(async move {
            let picked = files::read_all(list, MAX_LETTERHEAD_CHARS).await;
            let Some(f) = picked.into_iter().next() else {
                return;
            };
            let result = match f.bytes {
                Ok(bytes) => letterhead_from_image(&bytes),
                Err(_) => Err(Text::new(
                    format!("Gambar kop surat terlalu besar atau tidak terbaca; batasnya sekitar {} KB.", MAX_LETTERHEAD_CHARS * 3 / 4 / 1024),
                    format!("The letterhead image is too large or unreadable; the limit is about {} KB.", MAX_LETTERHEAD_CHARS * 3 / 4 / 1024),
                )),
            };
            match result {
                Ok(url) => edit(Box::new(move |b| b.letterhead = Some(url))),
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let signatories = move || {
        (0..count.get())
            .map(|i| view! { <SignatoryRow index=i ba=ba save=save/> })
            .collect_view()
    };
    view! {
        <section class="card minutes" aria-labelledby="minutes-title">
            <h2 id="minutes-title">{tr("Berita Acara: nomor, tanggal, tempat dan penanda tangan", "Minutes: number, date, place and signatories")}</h2>
            <p class="hint">{tr(
                "Diisi sekali, tersimpan di ruang kerja dan di berkas konsolidasi, lalu tercetak di Berita Acara pada laporan. Yang dibiarkan kosong tercetak sebagai garis untuk diisi tangan.",
                "Entered once, kept in the workspace and the consolidated file, and printed on the minutes in the report. Whatever is left empty prints as a line to fill in by hand.",
            )}</p>
            <div class="field-row">
                <div class="field grow">
                    <label for="ba-number">{tr("Nomor Berita Acara", "Minutes number")}</label>
                    <input id="ba-number" type="text" prop:value=move || number.get()
                        placeholder=tr("mis. 027/118/SPBE/2026", "e.g. 027/118/SPBE/2026")
                        on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| b.number = v)) }/>
                </div>
                <div class="field">
                    <label for="ba-date">{tr("Tanggal", "Date")}</label>
                    <input id="ba-date" type="date" prop:value=move || date.get()
                        aria-invalid=move || date_error.get().to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let d = Date::parse(v.trim());
                            date_error.set(d.is_none() && !v.trim().is_empty());
                            edit(Box::new(move |b| b.date = d))
                        }/>
                </div>
                <div class="field grow">
                    <label for="ba-place">{tr("Tempat", "Place")}</label>
                    <input id="ba-place" type="text" prop:value=move || place.get()
                        placeholder=tr("mis. Karanganyar", "e.g. Karanganyar")
                        on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| b.place = v)) }/>
                </div>
            </div>
            <h3>{tr("Penanda tangan", "Signatories")}</h3>
            <div class="signatory-list">{signatories}</div>
            <button type="button" class="btn btn-small" on:click=move |_| edit(Box::new(|b| b.signatories.push(Signatory::default())))>
                {tr("+ Tambah penanda tangan", "+ Add a signatory")}
            </button>
            <h3>{tr("Kop surat (opsional)", "Letterhead (optional)")}</h3>
            {move || ba.with(|b| b.letterhead.clone()).map(|data_url| view! {
                <p><crate::ui::report::berita_acara::Letterhead data_url=data_url class="letterhead-preview" alt=tr("Kop surat yang dipakai", "The letterhead in use")/></p>
                <button type="button" class="btn btn-small" on:click=move |_| edit(Box::new(|b| b.letterhead = None))>{tr("Hapus kop surat", "Remove the letterhead")}</button>
            })}
            <crate::ui::widgets::FileDrop input_id="ba-letterhead" accept="image/png,image/jpeg"
                button=Signal::derive(move || tr("Pilih gambar kop surat (PNG/JPEG)", "Choose a letterhead image (PNG/JPEG)")().to_string())
                hint=Signal::derive(move || match lang.get() {
                    Lang::Id => format!("paling besar sekitar {} KB; lebar gambar sebaiknya selebar kertas", MAX_LETTERHEAD_CHARS * 3 / 4 / 1024),
                    Lang::En => format!("at most about {} KB; best as wide as the page", MAX_LETTERHEAD_CHARS * 3 / 4 / 1024),
                })
                on_files=on_letterhead/>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{text(e)}</p> })}
        </section>
    }
}

#[component]
fn SignatoryRow(
    index: usize,
    ba: RwSignal<BeritaAcara>,
    save: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = lang();
    let get = move |f: fn(&Signatory) -> String| {
        let field =
            Memo::new(move |_| ba.with(|b| b.signatories.get(index).map(f).unwrap_or_default()));
        move || field.get()
    };
    let set = move |f: fn(&mut Signatory, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            ba.update(|b| {
                if let Some(s) = b.signatories.get_mut(index) {
                    f(s, v)
                }
            });
            save();
        }
    };
    let id = |what: &str| format!("ba-{what}-{index}");
    let n = index + 1;
    view! {
        <fieldset class="signatory">
            <legend>{move || match lang.get() { Lang::Id => format!("Penanda tangan {n}"), Lang::En => format!("Signatory {n}") }}</legend>
            <div class="field-row">
                <div class="field grow">
                    <label for=id("role")>{tr("Sebagai", "Signs as")}</label>
                    <input id=id("role") type="text" prop:value=get(|s| s.role.clone()) on:change=set(|s, v| s.role = v)/>
                </div>
                <div class="field grow">
                    <label for=id("position")>{tr("Jabatan", "Office")}</label>
                    <input id=id("position") type="text" prop:value=get(|s| s.position.clone()) on:change=set(|s, v| s.position = v)/>
                </div>
            </div>
            <div class="field-row">
                <div class="field grow">
                    <label for=id("name")>{tr("Nama lengkap dan gelar", "Full name and title")}</label>
                    <input id=id("name") type="text" prop:value=get(|s| s.name.clone()) on:change=set(|s, v| s.name = v)/>
                </div>
                <div class="field">
                    <label for=id("nip")>{tr("NIP (18 angka)", "NIP (18 digits)")}</label>
                    <input id=id("nip") type="text" inputmode="numeric" size="22" prop:value=get(|s| s.nip.clone()) on:change=set(|s, v| s.nip = v)/>
                </div>
                <button type="button" class="btn btn-small btn-link"
                    aria-label=move || match lang.get() { Lang::Id => format!("Hapus penanda tangan {n}"), Lang::En => format!("Remove signatory {n}") }
                    on:click=move |_| { ba.update(|b| { if index < b.signatories.len() { b.signatories.remove(index); } }); save(); }>
                    {tr("Hapus", "Remove")}
                </button>
            </div>
        </fieldset>
    }
}
