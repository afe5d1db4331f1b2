//! Browser tests (wasm-bindgen-test in headless Chromium): the adapters against the real
//! local storage and clock, and the app mounted in a page, down to the autosave.
//!
//! Run with `cargo test --target wasm32-unknown-unknown` (part of `make test`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use swanilai::adapters::storage::{Entry, LocalBackend, Store};
use swanilai::adapters::{clock, storage};
use swanilai::domain::catalogue::framework;
use swanilai::domain::draft::{unit_for_name, Draft};
use swanilai::domain::exchange::parse_rfc3339;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Waits for timers (the autosave debounce) to fire.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn local_storage_round_trips_and_keeps_damaged_entries_aside() {
    local().clear().unwrap();
    assert!(storage::local_available());
    let store = Store::new(Rc::new(LocalBackend), true);
    store.save("draft", "a", &vec![1, 2, 3]).unwrap();
    assert_eq!(
        store.load::<Vec<u32>>("draft", "a"),
        Ok(Some(vec![1, 2, 3]))
    );
    local()
        .set_item("swanilai.v1.draft.b", "{ damaged")
        .unwrap();
    let listed: Vec<Entry<Vec<u32>>> = store.list("draft");
    assert_eq!(listed.len(), 2);
    assert!(
        matches!(&listed[1], Entry::Corrupted { kept_as, .. } if kept_as == "swanilai.v1.rusak.draft.b.1")
    );
    assert_eq!(
        local()
            .get_item("swanilai.v1.rusak.draft.b.1")
            .unwrap()
            .as_deref(),
        Some("{ damaged")
    );
    assert_eq!(local().get_item("swanilai.v1.draft.b").unwrap(), None);
}

#[wasm_bindgen_test]
fn clock_gives_rfc3339_utc_seconds_and_unique_ids() {
    let now = clock::now();
    assert_eq!(now.as_str().len(), 20, "{now}");
    assert!(now.as_str().ends_with('Z'));
    assert!(parse_rfc3339(now.as_str()).is_some(), "{now} parses");
    assert_ne!(clock::new_id(), clock::new_id());
    // On the browser's clock: the same instant, and today is its date.
    let local = clock::local(&now);
    assert_eq!(parse_rfc3339(&local.to_rfc3339()), Some(now.instant()));
    assert_eq!(clock::today(), local.date());
}

/// Issue 9: times were written the Indonesian way (16.30) whatever the language chosen.
#[wasm_bindgen_test]
fn times_follow_the_chosen_language() {
    let t = swanilai::domain::exchange::Timestamp::parse("2026-11-28T09:30:00Z").unwrap();
    let (id, en) = swanilai::ui::i18n::when_text(&t);
    // "28 November 2026, 16.30 WIB": the clock is the word before the zone.
    let clock = |s: &str| s.split(' ').rev().nth(1).unwrap_or("").to_owned();
    assert!(
        clock(&id).contains('.') && !clock(&id).contains(':'),
        "{id}"
    );
    assert!(
        clock(&en).contains(':') && !clock(&en).contains('.'),
        "{en}"
    );
}

#[wasm_bindgen_test]
fn a_program_error_shows_one_notice_with_its_detail_as_text() {
    let doc = web_sys::window().unwrap().document().unwrap();
    swanilai::ui::crash::show_notice("panicked at <b>src/x.rs</b>");
    swanilai::ui::crash::show_notice("a second panic");
    let html = doc.body().unwrap().inner_html();
    assert_eq!(
        html.matches("class=\"crash-notice").count(),
        1,
        "shown once"
    );
    let notice = doc
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
        .unwrap();
    let text = notice.text_content().unwrap();
    assert!(text.contains("Muat ulang halaman"), "{text}");
    assert!(text.contains("Reload the page"), "{text}");
    assert!(
        text.contains("panicked at <b>src/x.rs</b>"),
        "the detail, as text: {text}"
    );
    assert!(
        notice.query_selector("b").unwrap().is_none(),
        "never as HTML"
    );
    assert!(notice.query_selector("button").unwrap().is_some());
    notice.remove();
}

/// Reads a `blob:` URL back as text, as the browser would save it.
async fn blob_text(url: &str) -> String {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().unwrap();
    let fetch: Function = Reflect::get(&window, &"fetch".into())
        .unwrap()
        .unchecked_into();
    let promise: Promise = fetch.call1(&window, &url.into()).unwrap().unchecked_into();
    let response = JsFuture::from(promise).await.unwrap();
    let text: Function = Reflect::get(&response, &"text".into())
        .unwrap()
        .unchecked_into();
    let promise: Promise = text.call0(&response).unwrap().unchecked_into();
    JsFuture::from(promise).await.unwrap().as_string().unwrap()
}

/// A bug that stops the app on every opening of one draft must not lock the unit out of
/// it: the notice offers that draft's stored data as a file and as read-only text, and a
/// way to the start page.
#[wasm_bindgen_test]
async fn a_panic_on_a_draft_offers_its_stored_data_as_a_file_and_as_text() {
    local().clear().unwrap();
    // Stored text as it is, hostile bits included: it must come back byte for byte and
    // never be read as HTML.
    let raw = r#"{"id":"kacau","name":"<img src=x onerror=window.pwned=1> Draf","framework":"spbe-2020","revision":4}"#;
    local().set_item("swanilai.v1.draft.kacau", raw).unwrap();
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/draf/kacau/indikator/3")
        .unwrap();
    // What the panic hook (`crash::install`) shows. A real panic cannot be raised here: a
    // panic aborts the wasm instance, and every later test of this module would fail with it.
    // A notice left by another test would be kept (one notice at a time).
    if let Some(old) = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
    {
        old.remove();
    }
    swanilai::ui::crash::show_notice("uji: galat berulang");

    let notice = window
        .document()
        .unwrap()
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
        .expect("the notice is shown");
    let text = notice.text_content().unwrap();
    assert!(text.contains("uji: galat berulang"), "{text}");
    assert!(text.contains("setiap kali draf ini dibuka"), "{text}");
    assert!(text.contains("every time this draft is opened"), "{text}");
    // The download: named after the draft, holding exactly the stored text.
    let link = notice.query_selector("a[download]").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("swanilai-draft-kacau-data.json")
    );
    assert!(link
        .text_content()
        .unwrap()
        .starts_with("Unduh data draf ini"));
    let href = link.get_attribute("href").unwrap();
    assert!(href.starts_with("blob:"), "{href}");
    assert_eq!(blob_text(&href).await, raw);
    // The safe view: the same text, as text.
    let view = notice
        .query_selector("details.crash-view pre")
        .unwrap()
        .unwrap();
    assert_eq!(view.text_content().as_deref(), Some(raw));
    assert!(
        notice.query_selector("img").unwrap().is_none(),
        "never as HTML"
    );
    assert!(js_sys::Reflect::get(&window, &"pwned".into())
        .unwrap()
        .is_undefined());
    // And a way out that does not open the draft again.
    assert!(
        text.contains("Ke halaman awal (tanpa membukanya)"),
        "{text}"
    );
    notice.remove();
    window.location().set_hash("").unwrap();
}

/// The coordinator's workspace lives in IndexedDB: after a panic on its screen the notice
/// reads it from there (asynchronously, by itself: not through the app's adapters) and
/// offers it; until IndexedDB answers, the copy local storage still has (the backup kept
/// by the move to IndexedDB) is offered.
#[wasm_bindgen_test]
async fn a_panic_on_a_workspace_offers_its_data_from_indexeddb() {
    use swanilai::adapters::kv::{IdbStore, KvStore};
    local().clear().unwrap();
    let raw = r#"{"id":"ws-kacau","name":"Ruang <img src=x onerror=window.pwned=1>","revision":7,"submissions":[]}"#;
    let before_move = r#"{"id":"ws-kacau","name":"sebelum dipindah","revision":6}"#;
    local()
        .set_item("swanilai.v1.dipindah.workspace.ws-kacau", before_move)
        .unwrap();
    let db = IdbStore::open().await.unwrap();
    db.put("swanilai.v1.workspace.ws-kacau", raw.as_bytes())
        .await
        .unwrap();
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/koordinator/ws-kacau/impor")
        .unwrap();
    let document = window.document().unwrap();
    if let Some(old) = document.get_element_by_id(swanilai::ui::crash::NOTICE_ID) {
        old.remove();
    }
    swanilai::ui::crash::show_notice("uji: galat di ruang kerja");

    let notice = document
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
        .expect("the notice is shown");
    let text = notice.text_content().unwrap();
    assert!(
        text.contains("setiap kali ruang kerja ini dibuka"),
        "{text}"
    );
    let link = notice.query_selector("a[download]").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("swanilai-workspace-ws-kacau-data.json")
    );
    // At once: what local storage has.
    let first = link.get_attribute("href").expect("a download at once");
    assert_eq!(blob_text(&first).await, before_move);
    // Then the workspace as IndexedDB holds it, byte for byte, and never as HTML.
    let mut href = first.clone();
    for _ in 0..100 {
        href = link.get_attribute("href").unwrap();
        if href != first {
            break;
        }
        sleep(20).await;
    }
    assert_ne!(href, first, "the IndexedDB copy is offered");
    assert_eq!(blob_text(&href).await, raw);
    let view = notice
        .query_selector("details.crash-view pre")
        .unwrap()
        .unwrap();
    assert_eq!(view.text_content().as_deref(), Some(raw));
    assert!(notice.query_selector("img").unwrap().is_none());
    assert!(js_sys::Reflect::get(&window, &"pwned".into())
        .unwrap()
        .is_undefined());
    notice.remove();

    // A workspace this browser does not have: nothing to offer, and the notice says no more.
    window
        .location()
        .set_hash("#/koordinator/tidak-ada")
        .unwrap();
    swanilai::ui::crash::show_notice("uji: galat");
    sleep(300).await;
    let notice = document
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
        .unwrap();
    assert!(notice
        .query_selector(".crash-rescue[hidden]")
        .unwrap()
        .is_some());
    notice.remove();
    db.delete("swanilai.v1.workspace.ws-kacau").await.unwrap();
    local().clear().unwrap();
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
fn a_program_error_elsewhere_offers_no_data_it_does_not_have() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/").unwrap();
    // A notice left by another test would be kept (one notice at a time).
    if let Some(old) = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
    {
        old.remove();
    }
    swanilai::ui::crash::show_notice("detail");
    let notice = window
        .document()
        .unwrap()
        .get_element_by_id(swanilai::ui::crash::NOTICE_ID)
        .unwrap();
    assert!(notice
        .query_selector(".crash-download")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .is_none());
    assert!(notice
        .query_selector(".crash-rescue[hidden]")
        .unwrap()
        .is_some());
    notice.remove();
    window.location().set_hash("").unwrap();
}

/// Mounts the whole app on `#/draf/<id>` for a stored draft, chooses level 3 of
/// indicator 1 with a click, and finds it in local storage after the autosave.
#[wasm_bindgen_test]
async fn choosing_a_level_in_the_app_is_autosaved() {
    local().clear().unwrap();
    storage::use_store(Store::new(Rc::new(LocalBackend), true));
    let fw = framework("spbe-2020").unwrap();
    let now = clock::now();
    let draft = Draft::new(
        "uji1".into(),
        &fw.summary(),
        "Pemkab Uji".into(),
        "2026".into(),
        unit_for_name("BKPSDM"),
        &now,
    );
    storage::store().save("draft", &draft.id, &draft).unwrap();

    let window = web_sys::window().unwrap();
    window.location().set_hash("#/draf/uji1").unwrap();
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let _app = leptos::mount::mount_to(host.clone(), swanilai::ui::App);
    leptos::task::tick().await;

    let heading = host
        .query_selector("#indicator-title")
        .unwrap()
        .expect("the editor of indicator 1 is shown");
    assert!(heading.text_content().unwrap().contains("Arsitektur SPBE"));
    let radio: web_sys::HtmlInputElement = host
        .query_selector("#level-1-3")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.click();
    leptos::task::tick().await;
    sleep(700).await;

    let saved: Draft =
        serde_json::from_str(&local().get_item("swanilai.v1.draft.uji1").unwrap().unwrap())
            .unwrap();
    assert_eq!(saved.answers["1"].value.map(|v| v.hundredths()), Some(300));
    let status = host
        .query_selector("[data-testid=save-state]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(status.starts_with("Tersimpan"), "{status}");
    window.location().set_hash("").unwrap();
}

/// Leaving a page fires `visibilitychange` and then `pagehide`, and each saves what is
/// unsaved. With the entry in IndexedDB the first write is still running when the second
/// event comes: the version on screen must still be written once. Written twice, it would
/// carry a second new revision, which another tab takes for a newer version (and, with
/// changes of its own, stops saving over).
#[wasm_bindgen_test]
async fn leaving_the_page_writes_the_version_on_screen_once() {
    use leptos::prelude::{GetUntracked, Update};
    use swanilai::adapters::entries::{Entries, Place};
    use swanilai::adapters::kv::IdbStore;
    use swanilai::domain::revision::Revision;
    use swanilai::ui::state::SaveState;
    use swanilai::ui::sync::Synced;
    let entries = Entries::new(Rc::new(IdbStore::open().await.unwrap()), Place::Indexed);
    let fw = framework("spbe-2020").unwrap();
    let draft = Draft::new(
        "sekali".into(),
        &fw.summary(),
        "Pemkab Uji".into(),
        "2026".into(),
        unit_for_name("BKPSDM"),
        &clock::now(),
    );
    entries.save("draft", "sekali", &draft).await.unwrap();
    let loaded = Synced::<Draft>::load(entries.clone(), "sekali")
        .await
        .unwrap()
        .unwrap();
    // Opened as a screen opens it: in a mounted view, which owns its signals.
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let opened = Rc::new(std::cell::Cell::new(None));
    let screen = {
        let opened = opened.clone();
        leptos::mount::mount_to(host.clone(), move || {
            let s = Synced::new(loaded);
            s.start();
            opened.set(Some(s));
        })
    };
    let synced: Synced<Draft> = opened.get().expect("mounted at once");
    leptos::task::tick().await;
    synced
        .value
        .update(|d| d.name = "Diubah sebelum pergi".into());
    leptos::task::tick().await;
    assert_eq!(synced.save.get_untracked(), SaveState::Pending);

    let window = web_sys::window().unwrap();
    for name in ["visibilitychange", "pagehide"] {
        window
            .dispatch_event(&web_sys::Event::new(name).unwrap())
            .unwrap();
    }
    // Both handled, well before the debounce would fire.
    sleep(300).await;
    let (stored, seen) = entries
        .open::<Draft>("draft", "sekali")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Diubah sebelum pergi");
    assert_eq!(seen.revision, Revision(2), "one write after revision 1");
    assert!(
        matches!(synced.save.get_untracked(), SaveState::Saved(_)),
        "{:?}",
        synced.save.get_untracked()
    );
    // An edit after that is saved as the next revision, as usual.
    synced.value.update(|d| d.name = "Diubah lagi".into());
    leptos::task::tick().await;
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    sleep(300).await;
    let (stored, seen) = entries
        .open::<Draft>("draft", "sekali")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Diubah lagi");
    assert_eq!(seen.revision, Revision(3));
    drop(screen);
    host.remove();
    entries.remove("draft", "sekali").await.unwrap();
}
