//! The coordinator's workspace (issue 4): units and assignments, importing many unit
//! files, coverage, conflicts and the consolidated result.

use crate::ui::i18n::tr;
use crate::ui::route::Route;
use leptos::prelude::*;

/// `#/koordinator`: the coordinator's workspaces.
#[component]
pub fn CoordinatorHome() -> impl IntoView {
    view! {
        <section class="screen narrow">
            <h1>{tr("Koordinator", "Coordinator")}</h1>
            <p class="muted">{tr("Segera hadir.", "Coming soon.")}</p>
        </section>
    }
}

/// Every screen of one workspace (`#/koordinator/<id>/…`), sharing its state.
#[component]
pub fn CoordinatorScreens(id: String, route: RwSignal<Route>) -> impl IntoView {
    let _ = (id, route);
    view! { <CoordinatorHome/> }
}
