//! Widgets shared by several screens.

mod unsaved;
pub use unsaved::unsaved_notice;

use crate::adapters::clock;
use crate::domain::engine::format_hundredths;
use crate::domain::exchange::{Problem, Severity};
use crate::domain::text::{visible, Lang, Text};
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
                on:click=move |_| lang.set(l)
            >
                // The visible code starts the accessible name ("ID Bahasa Indonesia").
                {label}<span class="sr-only">" " {full}</span>
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
                let t = clock::local(&at);
                let time = format!("{} {}", t.clock(l), t.zone());
                match l {
                    Lang::Id => format!("Tersimpan {time}"),
                    Lang::En => format!("Saved {time}"),
                }
            }
            SaveState::Pending => match l {
                Lang::Id => "Menyimpan…".to_string(),
                Lang::En => "Saving…".to_string(),
            },
            SaveState::Failed(_) | SaveState::Behind => match l {
                Lang::Id => "Belum tersimpan".to_string(),
                Lang::En => "Not saved".to_string(),
            },
        }
    };
    let class = move || match state.get() {
        SaveState::Saved(_) => "save-state saved",
        SaveState::Pending => "save-state pending",
        SaveState::Failed(_) | SaveState::Behind => "save-state failed",
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
            // The words first; the JSON path is a detail for whoever edits the file.
            view! {
                <li class=class>
                    <span class="problem-severity">{sev}</span>
                    " "
                    <span class="problem-message">{move || visible(message.get(lang.get())).into_owned()}</span>
                    " "
                    <span class="problem-path">
                        {tr("Letak dalam berkas:", "Place in the file:")} " " <code>{p.path.clone()}</code>
                    </span>
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

/// What to tell about a file that opened with warnings (figures that differ from this
/// version's arithmetic, a service not named): the file, then each warning with its place.
/// `None` without warnings.
pub fn warnings_notice(file_name: &str, warnings: &[Problem]) -> Option<Text> {
    if warnings.is_empty() {
        return None;
    }
    let name = visible(file_name);
    let list = |lang: Lang| {
        warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, visible(w.message.get(lang))))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    Some(Text::new(
        format!("{name} dibuka, dengan catatan: {}", list(Lang::Id)),
        format!("{name} was opened, with notes: {}", list(Lang::En)),
    ))
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

/// A file picker that also takes dropped files: a labelled button for the hidden file
/// input, and the whole area as a drop target. `on_files` gets the files at once (taken
/// out of the `FileList` before the input is reset, so the same file can be picked again).
#[component]
pub fn FileDrop(
    /// The file input's id (its label is the visible button).
    input_id: &'static str,
    #[prop(into)] button: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    #[prop(default = false)] multiple: bool,
    #[prop(default = false)] primary: bool,
    /// What the picker offers: exchange files and bundles unless said.
    #[prop(default = ".json,.zip,application/json,application/zip")]
    accept: &'static str,
    /// Names the drop area for assistive technology (and tests that drop files on it).
    #[prop(optional, into)]
    area: Option<Signal<String>>,
    /// Also offer a folder picker (every .json and .zip inside is taken).
    #[prop(default = false)]
    folder: bool,
    on_files: impl Fn(Vec<web_sys::File>) + Clone + Send + Sync + 'static,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    use crate::adapters::files;
    let dragging = RwSignal::new(false);
    let on_drop = on_files.clone();
    let on_folder = on_files.clone();
    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            role=area.map(|_| "group") aria-label=move || area.map(|a| a.get())
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(dt) = ev.data_transfer() {
                    let dropped = files::take_drop(&dt);
                    let on_drop = on_drop.clone();
                    leptos::task::spawn_local(async move {
                        on_drop(files::dropped_files(dropped).await)
                    });
                }
            }>
            <label for=input_id class=if primary { "btn btn-primary" } else { "btn" }>{button}</label>
            <input id=input_id class="visually-hidden-input" type="file" multiple=multiple accept=accept
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(list) = input.files() {
                        on_files(files::files_of(&list))
                    }
                    input.set_value("");
                }/>
            {folder.then(|| {
                let folder_id = format!("{input_id}-folder");
                let on_folder = on_folder.clone();
                view! {
                    <label for=folder_id.clone() class="btn">{tr("Pilih folder", "Choose a folder")}</label>
                    <input id=folder_id class="visually-hidden-input" type="file" multiple=true prop:webkitdirectory=true
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(list) = input.files() {
                                on_folder(files::files_of(&list).into_iter().filter(|f| files::is_exchange_name(&f.name())).collect())
                            }
                            input.set_value("");
                        }/>
                }
            })}
            <span class="muted">{hint}</span>
            {children.map(|c| c())}
        </div>
    }
}

/// The period of a new assessment or workspace: the chosen framework's default
/// ([`crate::domain::catalogue::default_period`]: SPBE 2020 in 2026 means 2025), following
/// the framework choice until the user types a period. Returns (period, typed): set `typed`
/// when the user edits the field.
pub fn period_following(fw_id: RwSignal<String>) -> (RwSignal<String>, RwSignal<bool>) {
    let default = move || {
        let year = clock::this_year().parse().unwrap_or(2026);
        crate::domain::catalogue::default_period(&fw_id.get(), year).to_string()
    };
    let period = RwSignal::new(fw_id.with_untracked(|_| default()));
    let typed = RwSignal::new(false);
    Effect::new(move |_| {
        let p = default();
        if !typed.get_untracked() {
            period.set(p);
        }
    });
    (period, typed)
}

/// The framework radio list of the "new assessment" and "new workspace" forms: one card
/// per registered framework, newest first.
#[component]
pub fn FrameworkChoice(
    /// Radio group name; also the prefix of each input's id.
    name: &'static str,
    selected: RwSignal<String>,
) -> impl IntoView {
    let options = crate::domain::catalogue::summaries()
        .map(|f| {
            let (id, id2) = (f.id.clone(), f.id.clone());
            let input_id = format!("{name}-{}", f.id);
            view! {
                <div class="radio-card">
                    <input type="radio" name=name id=input_id.clone() value=f.id.clone()
                        prop:checked=move || selected.get() == id
                        on:change=move |_| selected.set(id2.clone())/>
                    <label for=input_id>
                        <strong>{f.short_name.clone()}</strong>
                        <span class="muted small">{text(f.name.clone())}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{tr("Kerangka penilaian", "Framework")}</legend>
            {options}
        </fieldset>
    }
}

/// Confidence notes on facts of the catalogue (how sure the team is of a weight, a band, a
/// criterion), each with its confidence in words; uncertain ones stand out.
#[component]
pub fn SourceNotes(notes: &'static [crate::domain::catalogue::Note]) -> impl IntoView {
    use crate::domain::catalogue::Confidence;
    let items = notes
        .iter()
        .map(|n| {
            let class = if n.confidence == Confidence::Uncertain {
                "source-note uncertain"
            } else {
                "source-note"
            };
            view! {
                <li class=class>
                    <span class="source-confidence">{text(n.confidence.label())}</span>
                    " "
                    {text(n.text.clone())}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="source-notes">{items}</ul> }
}
