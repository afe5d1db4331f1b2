//! What the user sees if the app stops on a bug (a Rust panic): a plain notice over the page
//! saying what happened, that the saved work is safe, and how to go on, instead of screens
//! that silently stop responding.
//!
//! Written with bare DOM calls, not Leptos: after a panic the reactive runtime cannot be
//! trusted. Both languages are shown, because the language setting may be out of reach.

use wasm_bindgen::JsCast;

/// The id of the notice, so it is shown once.
pub const NOTICE_ID: &str = "app-crash";

/// Installs the panic hook: the readable console error, then the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice(&info.to_string());
    }));
}

/// Puts the notice at the top of the page; `detail` goes in a folded "technical detail"
/// line for a bug report. Does nothing when there is no page or it is already shown.
pub fn show_notice(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
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
    // Fixed texts only; the panic message is set as text, never as HTML.
    notice.set_inner_html(concat!(
        "<p lang=\"id\"><strong>Maaf, Swanilai berhenti karena kesalahan program.</strong> ",
        "Isian Anda sampai penyimpanan terakhir (tanda “Tersimpan”) aman di browser ini. ",
        "Muat ulang halaman untuk melanjutkan.</p>",
        "<p lang=\"en\"><strong>Sorry, Swanilai stopped on a program error.</strong> ",
        "Your entries up to the last save (the “Saved” mark) are safe in this browser. ",
        "Reload the page to carry on.</p>",
        "<p><button type=\"button\" class=\"btn btn-primary\" onclick=\"location.reload()\">",
        "Muat ulang halaman / Reload the page</button></p>",
        "<details><summary>Rincian teknis / Technical detail</summary><pre></pre></details>",
    ));
    if let Ok(Some(pre)) = notice.query_selector("pre") {
        pre.set_text_content(Some(detail));
    }
    let _ = body.insert_before(&notice, body.first_child().as_ref());
    if let Ok(el) = notice.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
