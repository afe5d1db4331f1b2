//! The fill screen: indicators grouped by domain and aspect with progress, and the
//! editor of the selected indicator.

mod checklist;
mod editor;
mod evidence;
mod level;
mod texts;

pub use texts::WithTexts;

use crate::domain::catalogue::{Aspect, Framework};
use crate::domain::checks::check_answer;
use crate::domain::engine::format_value;
use crate::domain::text::{visible, Lang};
use crate::ui::i18n::{lang, text, tr};
use crate::ui::route::Route;
use crate::ui::state::{DraftWorkspace, Nav};
use crate::ui::widgets::{unsaved_notice, Progress, SaveIndicator, SourceNotes};
use leptos::prelude::*;

/// The draft's header: what it is, how far along, whether it is saved, where to go next.
#[component]
pub fn DraftHeader() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let fw = ws.framework;
    // The unit's own indicators: what it supports is input, not owed.
    let counts = Memo::new(move |_| {
        ws.draft
            .with(|d| d.progress(fw.indicators.iter().map(|i| i.id.as_str())))
    });
    let id = ws.draft.with_untracked(|d| d.id.clone());
    let fill = Route::Fill {
        draft: id.clone(),
        indicator: None,
    }
    .href();
    let export = Route::Export { draft: id.clone() }.href();
    let results = Route::DraftResults { draft: id.clone() }.href();
    #[derive(PartialEq)]
    enum Step {
        Fill,
        Export,
        Results,
    }
    let nav = expect_context::<Nav>();
    let current = move |step: Step| {
        let here = match nav.0.get() {
            Route::Fill { .. } => Some(Step::Fill),
            Route::Export { .. } => Some(Step::Export),
            Route::DraftResults { .. } => Some(Step::Results),
            _ => None,
        };
        if here == Some(step) {
            "page"
        } else {
            "false"
        }
    };
    view! {
        <div class="draft-header">
            <div class="draft-title">
                <h1>{move || ws.draft.with(|d| visible(&d.name).into_owned())}</h1>
                <p class="muted">
                    {move || ws.draft.with(|d| visible(&crate::domain::draft::joined(&[&d.unit.name, &d.institution, &d.period, &fw.short_name])).into_owned())}
                </p>
                <FrameworkInfo/>
                <Guidance/>
            </div>
            <div class="draft-status">
                <Progress
                    done=Signal::derive(move || counts.get().0)
                    total=Signal::derive(move || counts.get().1)
                    label=Signal::derive(move || match lang.get() { Lang::Id => "Indikator terjawab".to_string(), Lang::En => "Indicators answered".to_string() })
                />
                <span class="progress-text">
                    {move || { let (a, t) = counts.get(); match lang.get() {
                        Lang::Id => format!("{a} dari {t} indikator terjawab"),
                        Lang::En => format!("{a} of {t} indicators answered"),
                    }}}
                </span>
                <SaveIndicator state=ws.save/>
            </div>
            // Short labels on a phone (one of each pair is shown; CSS), so the three fit.
            <nav class="draft-tabs" aria-label=tr("Langkah", "Steps")>
                <a href=fill aria-current=move || current(Step::Fill)>
                    <span class="tab-long">{tr("1. Isi indikator", "1. Fill in")}</span>
                    <span class="tab-short">{tr("1. Isi", "1. Fill in")}</span>
                </a>
                <a href=export aria-current=move || current(Step::Export)>
                    <span class="tab-long">{tr("2. Periksa & ekspor", "2. Check & export")}</span>
                    <span class="tab-short">{tr("2. Kirim", "2. Send")}</span>
                </a>
                <a href=results aria-current=move || current(Step::Results)>
                    <span class="tab-long">{tr("Hasil & perencanaan", "Results & planning")}</span>
                    <span class="tab-short">{tr("Hasil", "Results")}</span>
                </a>
            </nav>
        </div>
        <StorageFailure/>
    }
}

/// What the coordinator said with the assignment: the deadline, whom to ask and send the
/// file to, and the instruction, at the top of every step.
#[component]
fn Guidance() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let part = ws.draft.with_untracked(|d| d.assignment.clone());
    let Some(part) = part.filter(|p| {
        p.deadline.is_some()
            || p.contact.as_ref().is_some_and(|c| !c.is_empty())
            || p.instructions.is_some()
    }) else {
        return ().into_any();
    };
    let deadline = part.deadline;
    let late = crate::domain::consolidation::is_late(deadline, crate::adapters::clock::today());
    let contact = part
        .contact
        .clone()
        .map(|c| c.phrase())
        .filter(|p| !p.is_empty());
    let instructions = part.instructions.clone().filter(|i| !i.trim().is_empty());
    view! {
        <div class="guidance" role="note" aria-label=tr("Dari koordinator", "From your coordinator") data-testid="guidance">
            {deadline.map(|d| view! {
                <p class:warn-text=late>
                    <strong>{tr("Batas waktu: ", "Deadline: ")}</strong>
                    {move || d.words(lang.get())}
                    {late.then(|| view! { " " {tr("(sudah lewat)", "(passed)")} })}
                </p>
            })}
            {contact.map(|c| view! { <p><strong>{tr("Kirim ke / tanya: ", "Send to / ask: ")}</strong>{c}</p> })}
            {instructions.map(|i| view! { <p class="guidance-note"><strong>{tr("Petunjuk: ", "Instruction: ")}</strong>{i}</p> })}
        </div>
    }
    .into_any()
}

/// The legal basis of the framework and how sure each of its facts is: the weights, bands
/// and criteria of a regulation the team could not always read in its primary text.
#[component]
fn FrameworkInfo() -> impl IntoView {
    let fw = expect_context::<DraftWorkspace>().framework;
    view! {
        <details class="details framework-info">
            <summary>{tr("Dasar hukum dan catatan sumber", "Legal basis and source notes")}</summary>
            <p>{text(fw.legal_basis.clone())}</p>
            <SourceNotes notes=&fw.notes/>
        </details>
    }
}

/// While the work is not saved (storage failed, or another tab saved a newer version) it is
/// still on screen: say so plainly and offer its file, downloaded from this page.
#[component]
fn StorageFailure() -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let nav = expect_context::<Nav>();
    unsaved_notice(
        ws.sync,
        ("Unduh berkas sekarang", "Download the file now"),
        move || ws.download(),
        move |draft| match nav.0.get_untracked() {
            Route::Fill { indicator, .. } => Route::Fill { draft, indicator },
            Route::Export { .. } => Route::Export { draft },
            _ => Route::DraftResults { draft },
        },
    )
}

#[component]
pub fn FillScreen(selected: Memo<Option<String>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    // The indicator shown: the one in the URL, else the first of the draft's scope.
    let current = Memo::new(move |_| {
        let wanted = selected.get();
        ws.draft.with(|d| {
            wanted
                .filter(|id| fw.indicator(id).is_some())
                .or_else(|| d.scope(fw).next().map(|i| i.id.clone()))
        })
    });
    view! {
        <section class="screen fill">
            <DraftHeader/>
            <div class="fill-layout">
                <IndicatorNav current=current/>
                <div class="fill-main">
                    {move || current.get().map(|id| view! { <editor::IndicatorEditor id=id/> })}
                </div>
            </div>
        </section>
    }
}

/// The indicators of the draft, grouped by domain and aspect, with progress per group.
#[component]
fn IndicatorNav(current: Memo<Option<String>>) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let fw = ws.framework;
    let draft_id = ws.draft.with_untracked(|d| d.id.clone());
    let mut last_domain = None;
    let groups = fw
        .aspects
        .iter()
        .filter(|a| ws.draft.with_untracked(|d| fw.indicators_of(&a.id).any(|i| d.is_in_scope(&i.id))))
        .map(|a| {
            // The domain heading goes above the first aspect of each domain only.
            let show_domain = last_domain != Some(&a.domain);
            last_domain = Some(&a.domain);
            view! { <AspectGroup aspect=a fw=fw draft_id=draft_id.clone() current=current show_domain=show_domain/> }
        })
        .collect_view();
    view! {
        <nav class="indicator-nav" aria-label=tr("Daftar indikator", "Indicator list")>
            {groups}
        </nav>
    }
}

#[component]
fn AspectGroup(
    aspect: &'static Aspect,
    fw: &'static Framework,
    draft_id: String,
    current: Memo<Option<String>>,
    show_domain: bool,
) -> impl IntoView {
    let ws = expect_context::<DraftWorkspace>();
    let lang = lang();
    let ids: Vec<&'static str> = ws.draft.with_untracked(|d| {
        fw.indicators_of(&aspect.id)
            .filter(|i| d.is_in_scope(&i.id))
            .map(|i| i.id.as_str())
            .collect()
    });
    // Progress counts the unit's own indicators; what it supports is input.
    let own: Vec<&'static str> = ws.draft.with_untracked(|d| {
        ids.iter()
            .copied()
            .filter(|id| d.part(id).is_some_and(crate::domain::draft::Part::answers))
            .collect()
    });
    let total = own.len();
    let ids_for_count = own;
    let done = Memo::new(move |_| {
        ws.draft.with(|d| {
            ids_for_count
                .iter()
                .filter(|id| d.answers.get(**id).is_some_and(|a| a.value.is_some()))
                .count()
        })
    });
    let domain = aspect
        .domain
        .as_ref()
        .and_then(|d| fw.domain(d))
        .filter(|_| show_domain)
        .map(|d| d.name.clone());
    let items = ids
        .into_iter()
        .filter_map(|id| fw.indicator(id))
        .map(|ind| {
            let href = Route::Fill { draft: draft_id.clone(), indicator: Some(ind.id.clone()) }.href();
            let id = ind.id.as_str();
            let value = move || {
                let v = ws.draft.with(|d| d.answers.get(id).and_then(|a| a.value));
                v.map(|v| format_value(v, lang.get()))
            };
            let warnings = Memo::new(move |_| {
                let today = crate::adapters::clock::today();
                ws.draft.with(|d| d.answers.get(id).map_or(0, |a| check_answer(fw, ind, a, today).len()))
            });
            let is_current = move || current.get().as_deref() == Some(id);
            let short = ind.short_name.clone().unwrap_or_else(|| ind.name.clone());
            let supports = ws.draft.with_untracked(|d| d.part(id) == Some(crate::domain::draft::Part::Support));
            let full = ind.name.clone();
            view! {
                <li>
                    <a href=href class="nav-indicator" class:current=is_current class:support=supports
                        title=text(full)
                        aria-current=move || if is_current() { "page" } else { "false" }>
                        <span class="nav-code">{ind.display_code().to_string()}</span>
                        <span class="nav-name">{text(short)}
                            {supports.then(|| view! { <span class="nav-role">{tr(" · pendukung", " · support")}</span> })}
                        </span>
                        <span class="nav-value" class:empty=move || value().is_none()>
                            {move || value().unwrap_or_else(|| "—".into())}
                        </span>
                        <Show when=move || { warnings.get() > 0 }>
                            <span class="nav-warning" title=tr("Ada peringatan", "Has warnings")>
                                "!"<span class="sr-only">{tr(" ada peringatan", " has warnings")}</span>
                            </span>
                        </Show>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="nav-group">
            {domain.map(|d| view! { <p class="nav-domain">{text(d)}</p> })}
            <p class="nav-aspect">
                <span>{text(aspect.name.clone())}</span>
                {(total > 0).then(|| view! {
                    <span class="nav-count" aria-label=move || match lang.get() {
                        Lang::Id => format!("{} dari {total} terjawab", done.get()),
                        Lang::En => format!("{} of {total} answered", done.get()),
                    }>{move || format!("{}/{total}", done.get())}</span>
                })}
            </p>
            <ul>{items}</ul>
        </div>
    }
}
