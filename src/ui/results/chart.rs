//! One chart on the page: an element that `adapters::charts` draws into once it is mounted,
//! redraws when its spec changes, and frees when it leaves the page.

use crate::adapters::charts::{self, ChartSpec, Handle};
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// A chart of `spec`. `label` names it for screen readers; `describedby` points at the table
/// that holds the same numbers (the text alternative). If the chart library cannot be loaded
/// (an old copy of the release, offline before the service worker had it), the element says
/// so and the table still holds the figures.
#[component]
pub fn ChartView(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] describedby: String,
    #[prop(default = "chart")] class: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // The ECharts instance is a JS object: kept on this thread only.
    let handle = StoredValue::new_local(None::<Handle>);
    // ECharts is loaded when the first chart is about to be shown (only this app draws
    // charts, and its first screen has none).
    let ready = RwSignal::new(false);
    let failed = RwSignal::new(false);
    charts::load(move |ok| {
        if ok {
            ready.try_set(true);
        } else {
            failed.try_set(true);
            leptos::logging::warn!("chart: the ECharts bundle did not load");
        }
    });
    Effect::new(move |_| {
        let spec = spec.get();
        if !ready.get() {
            return;
        }
        let Some(el) = node.get() else { return };
        handle.update_value(|h| match h {
            Some(h) => {
                if let Err(e) = charts::update(h, &spec) {
                    leptos::logging::warn!("chart update: {e}");
                }
            }
            None => match charts::render(&el, &spec) {
                Ok(new) => *h = Some(new),
                Err(e) => leptos::logging::warn!("chart: {e}"),
            },
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        handle.with_value(|h| {
            if let Some(h) = h {
                charts::resize(h)
            }
        })
    });
    on_cleanup(move || {
        resize.remove();
        handle.try_update_value(|h| {
            if let Some(h) = h.take() {
                charts::dispose(h)
            }
        });
    });
    view! {
        <div class=class node_ref=node role="img" aria-label=label aria-describedby=describedby data-testid=testid>
            <Show when=move || failed.get()>
                <p class="muted">{tr("Grafik tidak dapat dimuat; angkanya ada di tabel.", "The chart could not be loaded; its figures are in the table.")}</p>
            </Show>
        </div>
    }
}
