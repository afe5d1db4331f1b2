//! The fill screen's texts (criteria, descriptions, hints, notes). Where this build left
//! them out of the catalogue (the unit's release app, `domain::catalogue::texts`), they are
//! fetched once per framework when a draft is opened; meanwhile the screen says so, and a
//! failure says what to do, with a retry.

use crate::adapters::fetch;
use crate::domain::catalogue::{self, TextsError};
use crate::ui::i18n::{text, tr};
use crate::ui::state::DraftWorkspace;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
enum Texts {
    Loading,
    Failed(TextsError),
    Ready(&'static catalogue::Framework),
}

/// Shows `children` with the draft's framework complete (provided as the
/// [`DraftWorkspace`]'s framework), once it is at hand.
#[component]
pub fn WithTexts(children: ChildrenFn) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let id = ws.framework.id.clone();
    let state = RwSignal::new(match catalogue::complete(&id) {
        Some(fw) => Texts::Ready(fw),
        None => Texts::Loading,
    });
    let load = move || {
        let id = ws.framework.id.clone();
        state.set(Texts::Loading);
        spawn_local(async move {
            let result = match catalogue::texts_url(&id) {
                None => catalogue::complete(&id).ok_or(TextsError::Unknown),
                Some(url) => match fetch::bytes(&url).await {
                    Some(bytes) => catalogue::complete_from(&id, &bytes),
                    None => Err(TextsError::Unreachable),
                },
            };
            state.try_set(match result {
                Ok(fw) => Texts::Ready(fw),
                Err(e) => Texts::Failed(e),
            });
        });
    };
    if matches!(state.get_untracked(), Texts::Loading) {
        load();
    }
    move || {
        match state.get() {
        Texts::Ready(fw) => {
            provide_context(DraftWorkspace { framework: fw, ..ws });
            children().into_any()
        }
        Texts::Loading => view! {
            <p class="muted" role="status">{tr("Memuat teks indikator…", "Loading the indicator texts…")}</p>
        }
        .into_any(),
        Texts::Failed(e) => view! {
            <div class="notice error" role="alert">
                <p>{text(e.message())}</p>
                <button type="button" class="btn" on:click=move |_| load()>{tr("Coba lagi", "Try again")}</button>
            </div>
        }
        .into_any(),
    }
    }
}
