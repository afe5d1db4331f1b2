//! Entry point: mount the app on the page.

fn main() {
    // A Rust panic reaches the console as a readable error, and the user sees a notice
    // instead of screens that stop responding.
    swanilai::ui::crash::install();
    // The static "Memuat Swanilai…" placeholder in index.html has done its job.
    if let Some(el) = leptos::prelude::document().get_element_by_id("app-loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(swanilai::ui::App);
}
