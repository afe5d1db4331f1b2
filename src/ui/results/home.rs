//! `#/hasil`: the results app's own home, what `…/hasil/` shows with no fragment. It lists
//! the drafts and coordinator workspaces in this browser with links to their results and
//! report, so a bookmark of the results app never forwards to (and loads) another app.

use crate::adapters::storage::{self, Entry};
use crate::domain::catalogue::summary;
use crate::domain::consolidation::Workspace;
use crate::domain::draft::Draft;
use crate::domain::exchange::Timestamp;
use crate::ui::coordinator::state::list_workspaces;
use crate::ui::i18n::{tr, when};
use crate::ui::route::{ReportSource, Route};
use crate::ui::state::notifier;
use crate::ui::state::DRAFTS;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One assessment whose results can be shown.
#[derive(Clone)]
struct Row {
    name: String,
    detail: String,
    updated_at: Timestamp,
    results: Route,
    report: Route,
}

fn rows<T>(list: Vec<Entry<T>>, row: impl Fn(T) -> Row) -> Vec<Row> {
    let mut v: Vec<Row> = list
        .into_iter()
        .filter_map(|e| match e {
            Entry::Ok(x) => Some(row(x)),
            Entry::Corrupted { .. } => None,
        })
        .collect();
    crate::domain::sort::sort_by(&mut v, |a, b| b.updated_at.cmp(&a.updated_at));
    v
}

fn workspace_row(w: Workspace) -> Row {
    Row {
        detail: detail(&w.framework, &w.institution, &w.period),
        results: Route::CoordinatorResults {
            workspace: w.id.clone(),
        },
        report: Route::Report {
            source: ReportSource::Coordinator,
            id: w.id,
        },
        name: w.name,
        updated_at: w.updated_at,
    }
}

fn detail(framework_id: &str, institution: &str, period: &str) -> String {
    let fw = summary(framework_id).map_or(framework_id, |f| f.short_name.as_str());
    format!("{fw} · {institution} · {period}")
}

#[component]
pub fn ResultsHome() -> impl IntoView {
    let drafts = rows(storage::store().list(DRAFTS), |d: Draft| Row {
        detail: detail(&d.framework, &d.unit.name, &d.period),
        results: Route::DraftResults {
            draft: d.id.clone(),
        },
        report: Route::Report {
            source: ReportSource::Draft,
            id: d.id,
        },
        name: d.name,
        updated_at: d.updated_at,
    });
    // Workspaces are in IndexedDB: listed a moment after the page is drawn.
    let workspaces = RwSignal::new(None::<Vec<Row>>);
    let tell = notifier();
    spawn_local(async move {
        let list = list_workspaces(tell).await.unwrap_or_default();
        workspaces.try_set(Some(rows(list, workspace_row)));
    });

    view! {
        <section class="screen narrow results-home">
            <h1>{tr("Hasil dan laporan", "Results and report")}</h1>
            <p class="lead">{tr(
                "Pilih penilaian untuk melihat indeks, grafik, rencana peningkatan dan laporannya.",
                "Choose an assessment to see its index, charts, improvement plan and report.",
            )}</p>
            {move || workspaces.get().map(|rows| view! {
                <List
                    title=tr("Ruang kerja koordinator", "Coordinator workspaces")
                    empty=tr("Belum ada ruang kerja koordinator di browser ini.", "No coordinator workspace in this browser yet.")
                    rows=rows
                />
            })}
            <List
                title=tr("Draf unit", "Unit drafts")
                empty=tr("Belum ada draf unit di browser ini.", "No unit draft in this browser yet.")
                rows=drafts
            />
            <p>
                <a class="btn" href=Route::Start.href()>{tr("Ke halaman awal unit", "To the unit's start page")}</a>
                " "
                <a class="btn" href=Route::CoordinatorHome.href()>{tr("Ke ruang kerja koordinator", "To the coordinator workspace")}</a>
            </p>
        </section>
    }
}

#[component]
fn List(
    title: impl Fn() -> &'static str + Send + Sync + 'static,
    empty: impl Fn() -> &'static str + Send + Sync + 'static,
    rows: Vec<Row>,
) -> impl IntoView {
    let list = if rows.is_empty() {
        view! { <p class="muted">{empty}</p> }.into_any()
    } else {
        view! {
            <ul class="assessment-list">
                {rows.into_iter().map(|r| view! {
                    <li>
                        <a href=r.results.href()>{r.name.clone()}</a>
                        " · "
                        <a href=r.report.href()>
                            {tr("Laporan", "Report")}
                            <span class="sr-only">" " {r.name.clone()}</span>
                        </a>
                        <div class="muted small">{r.detail} " · " {when(&r.updated_at)}</div>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card">
            <h2>{title}</h2>
            {list}
        </section>
    }
}
