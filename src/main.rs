//! Entry point: mount the app on the page.

fn main() {
    // A Rust panic reaches the console as a readable error, and the user sees a notice
    // instead of screens that stop responding.
    swanilai::ui::crash::install();
    // The first screen the page drew while the wasm arrived (pwa/shell.mjs) has done its job:
    // the app draws the same elements in its place.
    if let Some(el) = leptos::prelude::document().get_element_by_id("app-loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(swanilai::ui::App);
}
