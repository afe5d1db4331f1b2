//! What the user sees if the app stops on a bug (a Rust panic): a plain notice over the page
//! saying what happened, that the saved work is safe, and how to go on, instead of screens
//! that silently stop responding.
//!
//! A bug may come back on every opening of one draft (or workspace), on every screen of it,
//! so "reload" alone can leave the user locked out of their own work. When the page shows a
//! stored draft or workspace, the notice therefore also offers its stored data as a file
//! (a download link to the raw text, made here) and a safe view of it (the same text, read
//! only, in the notice), and a way to the start page, which does not open it.
//!
//! Written with bare DOM calls, not Leptos: after a panic the reactive runtime cannot be
//! trusted. Storage is read directly (not through `adapters::storage` or
//! `adapters::entries`, whose state the panic may have interrupted): a draft from local
//! storage at once; a coordinator's workspace from IndexedDB, where it lives, with bare
//! request callbacks rather than futures (the panic may have stopped the futures'
//! executor in the middle of a task, and nothing spawned after it would ever run). Until
//! IndexedDB answers, or where it holds nothing, a workspace kept in local storage (the
//! browser blocks IndexedDB, or its backup from the move to IndexedDB) is offered. Both
//! languages are shown, because the language setting may be out of reach. No inline
//! script: the buttons' handlers are small closures.

use crate::adapters::entries::backup_key;
use crate::adapters::kv::{DB_NAME, STORE};
use crate::adapters::storage::entry_key;
use crate::ui::route::{ReportSource, Route};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// The id of the notice, so it is shown once.
pub const NOTICE_ID: &str = "app-crash";

/// Installs the panic hook: the readable console error, then the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice(&info.to_string());
    }));
}

/// The storage kind of the coordinator's workspace, which lives in IndexedDB.
const WORKSPACE_KIND: &str = crate::domain::consolidation::STORAGE_KIND;

/// The stored entry the current screen shows: its kind, id and what to call it.
fn open_entry(hash: &str) -> Option<(&'static str, String, [&'static str; 2])> {
    const DRAFT: [&str; 2] = ["draf ini", "this draft"];
    const WORKSPACE: [&str; 2] = ["ruang kerja ini", "this workspace"];
    match Route::parse(hash) {
        Route::Fill { draft, .. } | Route::Export { draft } | Route::DraftResults { draft } => {
            Some(("draft", draft, DRAFT))
        }
        Route::Report {
            source: ReportSource::Draft,
            id,
        } => Some(("draft", id, DRAFT)),
        Route::Coordinator { workspace, .. } | Route::CoordinatorResults { workspace } => {
            Some((WORKSPACE_KIND, workspace, WORKSPACE))
        }
        Route::Report {
            source: ReportSource::Coordinator,
            id,
        } => Some((WORKSPACE_KIND, id, WORKSPACE)),
        _ => None,
    }
}

/// Puts the notice at the top of the page; `detail` goes in a folded "technical detail"
/// line for a bug report. Does nothing when there is no page or it is already shown.
pub fn show_notice(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    if doc.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Some(body) = doc.body() else { return };
    let Ok(notice) = doc.create_element("div") else {
        return;
    };
    notice.set_id(NOTICE_ID);
    notice.set_class_name("crash-notice notice error");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("tabindex", "-1");
    // Fixed texts only; everything that comes from the panic or from storage is set as
    // text, never as HTML.
    notice.set_inner_html(concat!(
        "<p lang=\"id\"><strong>Maaf, Swanilai berhenti karena kesalahan program.</strong> ",
        "Isian Anda sampai penyimpanan terakhir (tanda “Tersimpan”) aman di browser ini. ",
        "Muat ulang halaman untuk melanjutkan.</p>",
        "<p lang=\"en\"><strong>Sorry, Swanilai stopped on a program error.</strong> ",
        "Your entries up to the last save (the “Saved” mark) are safe in this browser. ",
        "Reload the page to carry on.</p>",
        "<div class=\"crash-rescue\" hidden>",
        "<p lang=\"id\"></p><p lang=\"en\"></p>",
        "<p class=\"button-row\"><a class=\"btn crash-download\"></a> ",
        "<button type=\"button\" class=\"btn crash-start\">",
        "Ke halaman awal (tanpa membukanya) / To the start page (without opening it)</button></p>",
        "<details class=\"crash-view\"><summary></summary><pre class=\"crash-raw\"></pre></details>",
        "</div>",
        "<p class=\"button-row\"><button type=\"button\" class=\"btn btn-primary crash-reload\">",
        "Muat ulang halaman / Reload the page</button></p>",
        "<details><summary>Rincian teknis / Technical detail</summary><pre class=\"crash-detail\"></pre></details>",
    ));
    let find = |selector: &str| notice.query_selector(selector).ok().flatten();
    if let Some(pre) = find(".crash-detail") {
        pre.set_text_content(Some(detail));
    }
    on_click(find(".crash-reload"), move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let hash = window.location().hash().unwrap_or_default();
    if let Some((kind, id, what)) = open_entry(&hash) {
        on_click(find(".crash-start"), to_start);
        let key = entry_key(kind, &id);
        let local = window.local_storage().ok().flatten();
        let read = |k: &str| local.as_ref().and_then(|s| s.get_item(k).ok().flatten());
        if let Some(raw) = read(&key).or_else(|| read(&backup_key(kind, &id))) {
            rescue(&notice, kind, &id, what, &raw);
        }
        if kind == WORKSPACE_KIND {
            // Where the workspace lives: when IndexedDB has it, that is the one offered.
            let notice = notice.clone();
            read_indexed(&key, move |raw| rescue(&notice, kind, &id, what, &raw));
        }
    }
    let _ = body.insert_before(&notice, body.first_child().as_ref());
    if let Ok(el) = notice.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Fills in the way out for one stored entry: its raw data as a download and as
/// read-only text, and the start page.
fn rescue(notice: &web_sys::Element, kind: &str, id: &str, what: [&str; 2], raw: &str) {
    let find = |selector: &str| notice.query_selector(selector).ok().flatten();
    let [id_what, en_what] = what;
    let texts = [
        (
            "p[lang=id]",
            format!("Bila kesalahan ini muncul lagi setiap kali {id_what} dibuka, datanya tetap dapat diselamatkan: unduh datanya (berkas teks JSON apa adanya dari browser ini) untuk dikirim ke tim pendukung, atau lihat isinya di bawah."),
        ),
        (
            "p[lang=en]",
            format!("If this error comes back every time {en_what} is opened, its data can still be rescued: download it (the JSON text as stored in this browser) to send to support, or read it below."),
        ),
    ];
    let Some(block) = find(".crash-rescue") else {
        return;
    };
    for (selector, text) in texts {
        if let Ok(Some(p)) = block.query_selector(selector) {
            p.set_text_content(Some(&text));
        }
    }
    if let Some(a) = find(".crash-download") {
        a.set_text_content(Some(&format!(
            "Unduh data {id_what} / Download the data of {en_what} (.json)"
        )));
        let _ = a.set_attribute("download", &format!("swanilai-{kind}-{id}-data.json"));
        if let Some(url) = blob_url(raw) {
            let _ = a.set_attribute("href", &url);
        }
    }
    if let Some(summary) = find(".crash-view summary") {
        summary.set_text_content(Some(&format!(
            "Lihat isi {id_what} sebagai teks (hanya baca) / Read {en_what} as text (read only)"
        )));
    }
    if let Some(pre) = find(".crash-raw") {
        pre.set_text_content(Some(raw));
    }
    let _ = block.remove_attribute("hidden");
}

/// The start page, as a new page load: the stopped app must not carry on in this one.
fn to_start() {
    if let Some(w) = web_sys::window() {
        let href = Route::Start.href();
        let location = w.location();
        if href.starts_with('#') {
            let _ = location.set_hash(&href);
            let _ = location.reload();
        } else {
            let _ = location.assign(&href);
        }
    }
}

/// Reads the text stored under `key` in the app's IndexedDB store and hands it to `found`,
/// which is not called when the database, the store or the key is missing or anything
/// fails. Plain request callbacks (see the module doc); nothing here may panic.
fn read_indexed(key: &str, found: impl FnOnce(String) + 'static) {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else {
        return;
    };
    // No version: the database as it is. One that does not exist yet is not created here
    // (the app creates it with its store on first use): its upgrade is aborted.
    let Ok(open) = factory.open(DB_NAME) else {
        return;
    };
    let req = open.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Some(tx) = req.transaction() {
            let _ = tx.abort();
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let req = open.clone();
    let key = JsValue::from_str(key);
    let opened = Closure::once_into_js(move || {
        let Some(db) = req
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok())
        else {
            return;
        };
        let get = if db.object_store_names().contains(STORE) {
            db.transaction_with_str(STORE)
                .and_then(|tx| tx.object_store(STORE))
                .and_then(|s| s.get(&key))
                .ok()
        } else {
            None
        };
        let Some(get) = get else {
            db.close();
            return;
        };
        let req = get.clone();
        let done = Closure::once_into_js(move || {
            let value = req.result().unwrap_or(JsValue::UNDEFINED);
            // The connection closes once its transaction is done.
            db.close();
            text_of(value, found);
        });
        get.set_onsuccess(Some(done.unchecked_ref()));
    });
    open.set_onsuccess(Some(opened.unchecked_ref()));
}

/// The text of a stored value: a `Blob` (as `adapters::kv` writes it) or a string.
fn text_of(value: JsValue, found: impl FnOnce(String) + 'static) {
    if let Some(text) = value.as_string() {
        return found(text);
    }
    let Ok(blob) = value.dyn_into::<web_sys::Blob>() else {
        return;
    };
    let promise = blob.text();
    let then = js_sys::Reflect::get(&promise, &"then".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let read = Closure::once_into_js(move |text: JsValue| {
        if let Some(text) = text.as_string() {
            found(text);
        }
    });
    if let Some(then) = then {
        let _ = then.call1(&promise, &read);
    }
}

/// A `blob:` URL holding `text` (kept for the page's life: the user may click later).
fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn on_click(el: Option<web_sys::Element>, f: impl Fn() + 'static) {
    if let Some(el) = el {
        let f = Closure::<dyn Fn()>::new(f).into_js_value();
        let _ = el.add_event_listener_with_callback("click", f.unchecked_ref());
    }
}
