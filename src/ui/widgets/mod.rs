//! Widgets shared by several screens.

use crate::domain::engine::format_hundredths;
use crate::domain::exchange::{Problem, Severity};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, text, tr};
use crate::ui::state::{NoticeKind, Notices, SaveState};
use leptos::prelude::*;

/// The ID | EN switch.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = lang();
    let button = move |l: Lang, label: &'static str, full: &'static str| {
        view! {
            <button
                type="button"
                class="lang-option"
                lang=l.code()
                aria-pressed=move || (lang.get() == l).to_string()
                aria-label=full
                on:click=move |_| lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label="Bahasa / Language">
            {button(Lang::Id, "ID", "Bahasa Indonesia")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}

/// "Tersimpan 09.31" / "Menyimpan…" / the failure, always visible while editing.
#[component]
pub fn SaveIndicator(#[prop(into)] state: Signal<SaveState>) -> impl IntoView {
    let lang = lang();
    let label = move || {
        let l = lang.get();
        match state.get() {
            SaveState::Saved(at) => {
                let time = at.get(11..16).unwrap_or("").replace(':', ".");
                match l {
                    Lang::Id => format!("Tersimpan {time} UTC"),
                    Lang::En => format!("Saved {time} UTC"),
                }
            }
            SaveState::Pending => match l {
                Lang::Id => "Menyimpan…".to_string(),
                Lang::En => "Saving…".to_string(),
            },
            SaveState::Failed(_) => match l {
                Lang::Id => "Belum tersimpan".to_string(),
                Lang::En => "Not saved".to_string(),
            },
        }
    };
    let class = move || match state.get() {
        SaveState::Saved(_) => "save-state saved",
        SaveState::Pending => "save-state pending",
        SaveState::Failed(_) => "save-state failed",
    };
    view! {
        <span class=class role="status" aria-live="polite" data-testid="save-state">
            {label}
        </span>
    }
}

/// The problems found in a file, each with where it is.
#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let lang = lang();
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let items = problems
        .into_iter()
        .map(|p| {
            let class = match p.severity {
                Severity::Error => "problem error",
                Severity::Warning => "problem warning",
            };
            let sev = match p.severity {
                Severity::Error => tr("Galat", "Error"),
                Severity::Warning => tr("Peringatan", "Warning"),
            };
            let message = p.message.clone();
            view! {
                <li class=class>
                    <span class="problem-severity">{sev}</span>
                    " "
                    <code class="problem-path">{p.path.clone()}</code>
                    " "
                    <span class="problem-message">{move || message.get(lang.get()).to_string()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="problem-list">
            <p class="problem-count">
                {move || match lang.get() {
                    Lang::Id => format!("{errors} galat ditemukan."),
                    Lang::En => format!("{errors} error(s) found."),
                }}
            </p>
            <ul>{items}</ul>
        </div>
    }
}

/// The notices of the app, newest last, each dismissible.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let Some(Notices(notices)) = use_context::<Notices>() else {
        return ().into_any();
    };
    view! {
        <div class="notices" aria-live="polite">
            <For
                each={move || notices.get().into_iter().enumerate().collect::<Vec<_>>()}
                key=|(i, n)| (*i, n.text.id.clone())
                children=move |(_, n)| {
                    let kind = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Success => "notice success",
                        NoticeKind::Warning => "notice warning",
                        NoticeKind::Error => "notice error",
                    };
                    let role = if n.kind == NoticeKind::Error { "alert" } else { "status" };
                    let t = n.text.clone();
                    let dismiss_text = n.text.clone();
                    view! {
                        <div class=kind role=role>
                            <p>{text(t)}</p>
                            <button
                                type="button"
                                class="notice-close"
                                aria-label=tr("Tutup pesan", "Dismiss message")
                                on:click=move |_| notices.update(|v| v.retain(|x| x.text != dismiss_text))
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
    .into_any()
}

/// A labelled progress bar: "12 / 47".
#[component]
pub fn Progress(
    #[prop(into)] done: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let pct = move || (done.get() * 100).checked_div(total.get()).unwrap_or(0);
    view! {
        <div class="progress" role="progressbar" aria-label=label aria-valuemin="0"
            aria-valuemax=move || total.get().to_string() aria-valuenow=move || done.get().to_string()>
            <div class="progress-bar" style:width=move || format!("{}%", pct())></div>
        </div>
    }
}

/// A displayed figure in the current language ("3,28" / "3.28"), or "—".
pub fn figure(h: Option<i64>) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = lang();
    move || h.map_or_else(|| "—".to_string(), |h| format_hundredths(h, lang.get()))
}

/// A short label for a [`Text`] held in a signal-free place.
pub fn label(t: &Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    text(t.clone())
}

/// A button that asks for confirmation inline before acting (no modal to trap focus).
#[component]
pub fn ConfirmButton(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] confirm: Signal<String>,
    on_confirm: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let on_confirm = std::sync::Arc::new(on_confirm);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="btn btn-small btn-danger-outline" on:click=move |_| asking.set(true)>
                    {label}
                </button>
            }
        >
            <span class="confirm" role="group">
                <span class="confirm-question">{question}</span>
                " "
                <button type="button" class="btn btn-small btn-danger" on:click={
                    let f = on_confirm.clone();
                    move |_| { asking.set(false); f() }
                }>{confirm}</button>
                " "
                <button type="button" class="btn btn-small" on:click=move |_| asking.set(false)>
                    {tr("Batal", "Cancel")}
                </button>
            </span>
        </Show>
    }
}

/// Shows a domain text block (criteria, descriptions) with its line breaks.
pub fn paragraphs(t: &Text) -> impl Fn() -> Vec<AnyView> + Send + Sync + 'static {
    let lang = lang();
    let t = t.clone();
    move || {
        t.get(lang.get())
            .split('\n')
            .filter(|p| !p.trim().is_empty())
            .map(|p| view! { <p>{p.to_string()}</p> }.into_any())
            .collect()
    }
}
