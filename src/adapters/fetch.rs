//! Fetching the release's own static files (the catalogue texts the unit's app loads when a
//! draft is opened; see `domain::catalogue::texts`). Same origin only, relative to the page:
//! the Content-Security-Policy allows nothing else, and the service worker answers from
//! its cache when offline.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes at `url` (relative to the page), or `None` if they could not be had (no
/// connection and not cached, an HTTP error).
pub async fn bytes(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
