//! One chart on the page: an element holding the SVG drawing of its spec
//! (`adapters::charts`), redrawn whenever the spec changes.

use crate::adapters::charts::{self, ChartSpec};
use leptos::prelude::*;

/// A chart of `spec`. `label` names it for screen readers; `describedby` points at the table
/// that holds the same numbers (the text alternative). The drawing itself is hidden from
/// assistive technology.
#[component]
pub fn ChartView(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] describedby: String,
    #[prop(default = "chart")] class: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    view! {
        <div class=class role="img" aria-label=label aria-describedby=describedby data-testid=testid
            inner_html=move || spec.with(charts::svg)></div>
    }
}
