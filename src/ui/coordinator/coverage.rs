//! Tab 3, coverage: indicators × units — who was asked (lead/support), who answered
//! what, who has sent nothing — and what is still unanswered overall. Built for
//! 1366×768 with 15 units: sticky headers, compact cells, a text legend (the letters
//! and signs carry the meaning; colour only repeats it).

use super::documents::{lacking_memo, LackingList, StoredDocs};
use super::state::Coord;
use super::Tab;
use crate::domain::consolidation::{
    coverage, label, Cell, CellState, Coverage, CoverageRow, Role, Status,
};
use crate::domain::engine::format_value;
use crate::domain::text::Lang;
use crate::domain::text::{escape_markup, visible};
use crate::ui::i18n::{lang, tr};
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    /// Nobody answered.
    Missing,
    /// Units disagree (open or settled).
    Conflicts,
    /// A unit asked to answer has not.
    Chase,
}

impl Filter {
    fn keeps(self, row: &CoverageRow) -> bool {
        match self {
            Filter::All => true,
            Filter::Missing => row.status == Status::Unanswered,
            Filter::Conflicts => matches!(row.status, Status::Unsettled | Status::Decided { .. }),
            Filter::Chase => row.cells.iter().any(Cell::is_missing),
        }
    }
}

#[component]
pub fn CoverageTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let cov = Memo::new(move |_| c.ws.with(|w| c.merge.with(|m| coverage(w, m))));
    let filter = RwSignal::new(Filter::All);
    let stored =
        use_context::<StoredDocs>().unwrap_or(StoredDocs(RwSignal::new(Default::default())));
    let (_, lacking) = lacking_memo(c, stored);
    let total = c.framework.indicators.len();

    let summary = move || {
        cov.with(|cv| {
            let answered = cv.rows.iter().filter(|r| r.value.is_some()).count();
            match lang.get() {
                Lang::Id => format!(
                    "{answered} dari {total} indikator bernilai · {} belum dijawab siapa pun · {} perlu keputusan",
                    cv.unanswered.len(),
                    cv.unsettled.len()
                ),
                Lang::En => format!(
                    "{answered} of {total} indicators have a value · {} answered by nobody · {} need a decision",
                    cv.unanswered.len(),
                    cv.unsettled.len()
                ),
            }
        })
    };
    let not_sent = move || {
        cov.with(|cv| {
            c.ws.with(|w| {
                cv.not_sent
                    .iter()
                    .map(|u| w.unit_label(u))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    };

    let radio = move |f: Filter, id: &'static str, l_id: &'static str, l_en: &'static str| {
        view! {
            <span class="filter-option">
                <input type="radio" name="coverage-filter" id=id prop:checked=move || filter.get() == f on:change=move |_| filter.set(f)/>
                <label for=id>{tr(l_id, l_en)}</label>
            </span>
        }
    };

    view! {
        <super::dues::DuesCard/>
        <section class="card coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{tr("Cakupan: indikator × unit", "Coverage: indicators × units")}</h2>
            <p class="coverage-summary" role="status">{summary}</p>
            <Show when=move || cov.with(|cv| !cv.not_sent.is_empty())>
                <p class="coverage-notsent">
                    <strong>{tr("Belum mengirim berkas: ", "Not sent a file yet: ")}</strong>{not_sent}
                </p>
            </Show>
            <details class="details lacking-documents">
                <summary>{move || {
                    let n = lacking.with(Vec::len);
                    match lang.get() {
                        Lang::Id => format!("Indikator bernilai tanpa dokumen untuk tingkat yang diklaim: {n}"),
                        Lang::En => format!("Answered indicators without a document for the level claimed: {n}"),
                    }
                }}</summary>
                <LackingList lacking=lacking/>
            </details>
            <div class="coverage-controls">
                <fieldset class="filters">
                    <legend>{tr("Tampilkan", "Show")}</legend>
                    {radio(Filter::All, "cov-all", "Semua indikator", "All indicators")}
                    {radio(Filter::Missing, "cov-missing", "Belum terjawab", "Not answered")}
                    {radio(Filter::Conflicts, "cov-conflicts", "Konflik", "Conflicts")}
                    {radio(Filter::Chase, "cov-chase", "Penugasan belum dijawab", "Assigned, not answered")}
                </fieldset>
                <p class="legend" id="coverage-legend">
                    <strong>{tr("Keterangan: ", "Legend: ")}</strong>
                    <span><b>"P"</b>{tr(" penanggung jawab", " lead")}</span>
                    <span><b>"D"</b>{tr(" pendukung", " support")}</span>
                    <span><b>"3"</b>{tr(" nilai yang dijawab unit", " value the unit gave")}</span>
                    <span><b>"✗"</b>{tr(" ditugasi, berkas masuk tanpa jawaban ini", " assigned, file came without this answer")}</span>
                    <span><b>"✎"</b>{tr(" masukan pendukung tanpa usulan tingkat", " supporting input without a proposed level")}</span>
                    <span><b>"…"</b>{tr(" ditugasi, belum mengirim berkas", " assigned, no file yet")}</span>
                    <span><b>"≠"</b>{tr(" jawaban unit berbeda", " units' answers differ")}</span>
                </p>
            </div>
            {move || {
                let f = filter.get();
                let l = lang.get();
                let names = |i: &str| {
                    c.framework.indicator(i).map_or_else(
                        || (i.to_string(), String::new(), String::new()),
                        |ind| (
                            ind.display_code().to_string(),
                            ind.short_name.as_ref().unwrap_or(&ind.name).get(l).to_string(),
                            ind.name.get(l).to_string(),
                        ),
                    )
                };
                cov.with(|cv| c.ws.with(|w| matrix(cv, f, l, &c.id(), |u| w.unit(u).map_or_else(|| (u.to_string(), u.to_string()), |x| (label(x), visible(&x.name).into_owned())), names)))
            }}
        </section>
    }
}

/// Cells in the matrix's first part: eight rows of 100 units, about what a laptop screen
/// shows of it once scrolled to (at 1366×768 the tab opens with only its header row on
/// screen). 1,200 cells took 30–40 ms longer to first paint (bench-merge, same run).
const FIRST_CELLS: usize = 800;

/// The performance mark set when a matrix's first part has been painted.
const FIRST_PART_PAINTED: &str = "swanilai:coverage-first-part-painted";

/// The matrix as escaped HTML strings, set through `inner_html`: it has no event
/// handlers, and with 100 units it is thousands of cells, which the browser's parser
/// builds far faster than element-by-element DOM calls (scripts/bench-merge.mjs).
/// Re-built when the merge, the filter or the language changes.
///
/// A large matrix comes in two parts: the first rows (about [`FIRST_CELLS`] cells, more
/// than a screen holds) at once, the other rows appended to the same table once that part
/// is painted. Laying out 4,700 cells (100 units) takes the browser about 0.3 s; the
/// coordinator sees the top of the matrix in a third of that. The table is
/// `aria-busy="true"` until it is whole, so a screen reader waits for it.
fn matrix(
    cv: &Coverage,
    f: Filter,
    l: Lang,
    ws_id: &str,
    unit: impl Fn(&str) -> (String, String),
    name: impl Fn(&str) -> (String, String, String),
) -> AnyView {
    let units: Vec<(String, String)> = cv.units.iter().map(|u| unit(u)).collect();
    let konflik = Tab::Conflicts.route(ws_id).href();
    let rows: Vec<&CoverageRow> = cv.rows.iter().filter(|r| f.keeps(r)).collect();
    let shown = rows.len();

    let first = (FIRST_CELLS / units.len().max(1)).max(8);
    let busy = if shown > first {
        r#" aria-busy="true""#
    } else {
        ""
    };

    let mut h = String::with_capacity(256 + rows.len() * (units.len() + 2) * 64);
    h.push_str(&format!(r#"<table class="matrix"{busy} aria-describedby="coverage-legend" data-units="{}" data-rows="{shown}"><thead><tr>"#, units.len()));
    h.push_str(&format!(
        r#"<th scope="col" class="ind-col">{}</th><th scope="col" class="status-col">{}</th>"#,
        l.pick("Indikator", "Indicator"),
        l.pick("Nilai gabungan", "Merged value")
    ));
    for (short, full) in &units {
        h.push_str(&format!(
            r#"<th scope="col" class="unit-col" title="{}"><span class="vhead">{}</span></th>"#,
            escape_markup(full),
            escape_markup(short)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    // Where the rows after the first part start in `h` (split off below).
    let mut rest_at = None;
    for (n, r) in rows.into_iter().enumerate() {
        if n == first {
            rest_at = Some(h.len());
        }
        let conflict = matches!(r.status, Status::Unsettled | Status::Decided { .. });
        let (code, short, full) = name(&r.indicator);
        let class = if conflict {
            " class=\"row-conflict\""
        } else if r.status == Status::Unanswered {
            " class=\"row-missing\""
        } else {
            ""
        };
        h.push_str(&format!(
            r#"<tr{class}><th scope="row" class="ind-col" title="{f}"><span class="ind-code">{c}</span> <span class="ind-name">{s}</span></th><td class="status-col">"#,
            f = escape_markup(&full),
            s = escape_markup(&short),
            c = escape_markup(&code)
        ));
        match (&r.status, r.value) {
            (Status::Unanswered, _) => h.push_str(&format!(
                r#"<span class="st-missing">{}</span>"#,
                l.pick("Belum dijawab", "Not answered")
            )),
            (Status::Unsettled, _) => h.push_str(&format!(
                r#"<a class="st-open" href="{}">{}</a>"#,
                escape_markup(&konflik),
                l.pick("≠ Perlu keputusan", "≠ Needs a decision")
            )),
            (Status::Decided { .. }, Some(v)) => h.push_str(&format!(
                r#"<a class="st-decided" href="{}">{} {}</a>"#,
                escape_markup(&konflik),
                format_value(v, l),
                l.pick("(diputuskan)", "(decided)")
            )),
            (_, Some(v)) => h.push_str(&format!(
                r#"<span class="st-value">{}</span>"#,
                format_value(v, l)
            )),
            (_, None) => {}
        }
        h.push_str("</td>");
        for (cell, (short, _)) in r.cells.iter().zip(&units) {
            let (text, title, class) = cell_text(cell, conflict, short, l);
            if title.is_empty() {
                h.push_str(&format!(r#"<td class="{class}"></td>"#));
            } else {
                h.push_str(&format!(
                    r#"<td class="{class}" title="{}">{}</td>"#,
                    escape_markup(&title),
                    escape_markup(&text)
                ));
            }
        }
        h.push_str("</tr>");
    }
    let rest = rest_at.map(|at| h.split_off(at));
    h.push_str("</tbody></table>");
    let wrap = NodeRef::<leptos::html::Div>::new();
    if let Some(rest) = rest {
        // After the frame that paints the first part: a timeout queued from the frame's
        // callback runs once that frame is drawn.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // The matrix may have been rebuilt or left meanwhile (a filter, a
                    // language, another tab): then this part belongs to nothing.
                    let Some(Some(div)) = wrap.try_get_untracked() else {
                        return;
                    };
                    // The first part is painted by now (scripts/bench-merge.mjs reads it).
                    crate::adapters::clock::mark(FIRST_PART_PAINTED);
                    if let Ok(Some(body)) = div.query_selector("tbody") {
                        let _ = body.insert_adjacent_html("beforeend", &rest);
                    }
                    if let Ok(Some(table)) = div.query_selector("table") {
                        let _ = table.remove_attribute("aria-busy");
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    }
    view! {
        <div class="matrix-wrap" node_ref=wrap tabindex="0" role="region" aria-label=l.pick("Matriks cakupan (dapat digulir)", "Coverage matrix (scrollable)") inner_html=h></div>
        {(shown == 0).then(|| view! { <p class="muted">{l.pick("Tidak ada indikator yang cocok dengan pilihan ini.", "No indicator matches this choice.")}</p> })}
    }
    .into_any()
}

/// (text, title, class) of one cell.
fn cell_text(cell: &Cell, conflict: bool, unit: &str, l: Lang) -> (String, String, &'static str) {
    let role = match cell.role {
        Role::Lead => "P",
        Role::Support => "D",
        Role::None => "",
    };
    let role_words = match (cell.role, l) {
        (Role::Lead, Lang::Id) => "penanggung jawab",
        (Role::Lead, Lang::En) => "lead",
        (Role::Support, Lang::Id) => "pendukung",
        (Role::Support, Lang::En) => "support",
        (Role::None, Lang::Id) => "tidak ditugasi",
        (Role::None, Lang::En) => "not assigned",
    };
    let asked = cell.role != Role::None;
    match cell.state {
        CellState::Answered(v) => {
            let mark = if conflict { "≠" } else { "" };
            let words = if l == Lang::Id {
                "menjawab"
            } else {
                "answered"
            };
            (
                format!("{role}{mark}{}", format_value(v, l)),
                format!("{unit}: {role_words}, {words} {}", format_value(v, l)),
                if conflict {
                    "c-ans c-conflict"
                } else {
                    "c-ans"
                },
            )
        }
        CellState::Input => {
            let words = if l == Lang::Id {
                "memberi masukan tanpa usulan tingkat"
            } else {
                "gave input without a proposed level"
            };
            (
                format!("{role}✎"),
                format!("{unit}: {role_words}, {words}"),
                "c-input",
            )
        }
        CellState::NotAnswered if asked => {
            let words = if l == Lang::Id {
                "berkas masuk tanpa jawaban ini"
            } else {
                "file came without this answer"
            };
            (
                format!("{role}✗"),
                format!("{unit}: {role_words}, {words}"),
                "c-missing",
            )
        }
        CellState::NotSent if asked => {
            let words = if l == Lang::Id {
                "belum mengirim berkas"
            } else {
                "no file yet"
            };
            (
                format!("{role}…"),
                format!("{unit}: {role_words}, {words}"),
                "c-notsent",
            )
        }
        _ => (String::new(), String::new(), "c-empty"),
    }
}
