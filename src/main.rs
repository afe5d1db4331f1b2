//! Entry point: mount the app on the page.

fn main() {
    // Rust panics reach the console as readable errors instead of "unreachable".
    console_error_panic_hook::set_once();
    // The static "Memuat Swanilai…" placeholder in index.html has done its job.
    if let Some(el) = leptos::prelude::document().get_element_by_id("app-loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(swanilai::ui::App);
}
