//! Tab 2, import: many unit files at once (picker, drop, or a folder), .json or .zip
//! bundles. Each file is validated on its own; a bad one is listed with all its problems
//! and skipped, the good ones load. A bundle's documents are checked one by one (a
//! missing or altered one is reported, the rest kept) and stored under the file's digest.
//! The browser reads the next files of a batch while one is checked (`ReadAhead`); the
//! event loop turns at least every 40 ms (`files::Slices`), so the progress bar moves and
//! "Batalkan impor" is heard.
//! Below, the files received and the history of replaced ones.

use super::state::Coord;
use super::Tab;
use crate::adapters::clock::{self, performance_now};
use crate::adapters::documents::{documents, size_label, Scope};
use crate::adapters::files::{self, ReadError};
use crate::adapters::kv::KvStore;
use crate::domain::bundle;
use crate::domain::consolidation::{Digested, HistoryReason, Imported};
use crate::domain::exchange::{self, Problem, Severity};
use crate::domain::text::{visible, Lang, Text};
use crate::ui::i18n::{lang, tr, trs};
use crate::ui::i18n::{when, when_in};
use crate::ui::state::{notifier, NoticeKind};
use crate::ui::widgets::Progress;
use crate::ui::widgets::{FileDrop, ProblemList};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What happened to one file of a batch.
#[derive(Clone)]
struct FileResult {
    name: String,
    /// Ok: what happened, the warnings, and whether the file now counts.
    result: Result<(Text, Vec<Problem>, bool), Vec<Problem>>,
}

/// The last batch: its results and how long it took, for the marker the benchmark reads.
#[derive(Clone, Default)]
struct Batch {
    number: u32,
    results: Vec<FileResult>,
}

fn describe(outcome: &Imported, label: &str) -> Text {
    match outcome {
        Imported::Added { answers, new_unit, .. } => {
            let mut t = Text::new(format!("{answers} jawaban dari {label}."), format!("{answers} answers from {label}."));
            if *new_unit {
                t.id.push_str(" Unit ini belum ada di daftar dan telah ditambahkan.");
                t.en.push_str(" This unit was not in the list and has been added.");
            }
            t
        }
        Imported::Replaced { answers, previous, .. } => Text::new(
            format!("berkas {label} yang lebih baru ({answers} jawaban) menggantikan berkas ekspor {}; berkas lama disimpan di riwayat.", when_in(previous, Lang::Id)),
            format!("a newer file from {label} ({answers} answers) replaces the one exported {}; the old one is kept in the history.", when_in(previous, Lang::En)),
        ),
        Imported::Older { current, .. } => Text::new(
            format!("berkas ini lebih lama daripada berkas {label} yang sudah ada (ekspor {}). Dicatat di riwayat.", when_in(current, Lang::Id)),
            format!("this file is older than the {label} file already received (exported {}). Recorded in the history.", when_in(current, Lang::En)),
        ),
        Imported::Duplicate { received_at, .. } => Text::new(
            format!("berkas yang sama sudah diterima {}; tidak ada perubahan.", when_in(received_at, Lang::Id)),
            format!("the same file was already received {}; nothing changed.", when_in(received_at, Lang::En)),
        ),
        Imported::Completed { answers, .. } => Text::new(
            format!("teks {answers} jawaban {label} dilengkapi dari berkas aslinya."),
            format!("the texts of {label}'s {answers} answers were completed from its original file."),
        ),
    }
}

fn read_problem(e: ReadError, size: f64) -> Problem {
    // Tenths of a megabyte, rounded up, in whole numbers (no float formatting in the wasm).
    let tenths = (size as u64).div_ceil(1_048_576 / 10);
    let (whole, tenth, limit) = (
        tenths / 10,
        tenths % 10,
        bundle::MAX_BUNDLE_BYTES / 1_048_576,
    );
    let message = match e {
        ReadError::TooLarge => Text::new(
            format!("Berkas berukuran {whole},{tenth} MB, melebihi batas {limit} MB untuk bundel .zip. Berkas jawaban .json biasanya di bawah 1 MB."),
            format!("The file is {whole}.{tenth} MB, above the {limit} MB limit for a .zip bundle. A unit's .json answer file is usually under 1 MB."),
        ),
        ReadError::Failed => Text::new("Berkas tidak dapat dibaca oleh browser.", "The browser could not read the file."),
    };
    Problem {
        path: "$".into(),
        severity: Severity::Error,
        message,
    }
}

#[component]
pub fn ImportTab() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let batch = RwSignal::new(Batch::default());
    let busy = RwSignal::new(false);
    // Milliseconds from the files being given to the results being on screen.
    let import_ms = RwSignal::new(None::<f64>);

    let progress = RwSignal::new((0usize, 0usize));
    let cancel = RwSignal::new(false);
    // Taken here: inside the import's future there is no reactive owner to ask.
    let stored = use_context::<super::documents::StoredDocs>();
    let notify = notifier();

    let handle = move |taken: Vec<web_sys::File>| {
        // try_ throughout: files dropped (a folder is read first) or read in a future may
        // arrive after the tab was left and its signals disposed.
        if busy.try_get_untracked().unwrap_or(true) {
            return;
        }
        let started = performance_now();
        import_ms.try_set(None);
        busy.try_set(true);
        cancel.try_set(false);
        let notify = notify.clone();
        spawn_local(async move {
            let outcome = read_batch(taken, progress, cancel).await;
            let now = clock::now();
            let results = match outcome {
                None => {
                    busy.try_set(false);
                    batch.try_update(|b| {
                        b.number += 1;
                        b.results = Vec::new();
                    });
                    notify(
                        NoticeKind::Info,
                        Text::new(
                            "Impor dibatalkan; ruang kerja tidak berubah.",
                            "Import cancelled; the workspace did not change.",
                        ),
                    );
                    return;
                }
                Some(read) => read,
            };
            // One update for the whole batch: memos and autosave run once.
            let results =
                c.ws.try_maybe_update(|w| {
                    let mut changed = false;
                    let results: Vec<FileResult> = results
                        .into_iter()
                        .map(|(name, read)| {
                            let result = read.and_then(|(file, mut warnings)| {
                                w.import(file, &name, &now).map(|r| {
                                    changed |= r.changed();
                                    let unit = match &r.outcome {
                                        Imported::Added { unit, .. }
                                        | Imported::Replaced { unit, .. }
                                        | Imported::Older { unit, .. }
                                        | Imported::Duplicate { unit, .. }
                                        | Imported::Completed { unit, .. } => unit.id.clone(),
                                    };
                                    let counts = matches!(
                                        r.outcome,
                                        Imported::Added { .. }
                                            | Imported::Replaced { .. }
                                            | Imported::Completed { .. }
                                    );
                                    warnings.extend(r.warnings);
                                    (describe(&r.outcome, &w.unit_label(&unit)), warnings, counts)
                                })
                            });
                            FileResult { name, result }
                        })
                        .collect();
                    (changed, results)
                })
                .unwrap_or_default();
            // The tab may have been left while the files were read (or, in a background
            // tab, before its frames come): then there is nothing to show them on.
            batch.try_update(|b| {
                b.number += 1;
                b.results = results;
            });
            busy.try_set(false);
            if let Some(stored) = stored {
                stored.refresh();
            }
            // Two frames later the results have been laid out and painted.
            request_animation_frame(move || {
                request_animation_frame(move || {
                    import_ms.try_set(Some(performance_now() - started));
                })
            });
        });
    };

    let summary = move || {
        batch.with(|b| {
            let accepted = b
                .results
                .iter()
                .filter(|r| matches!(r.result, Ok((_, _, true))))
                .count();
            let unused = b
                .results
                .iter()
                .filter(|r| matches!(r.result, Ok((_, _, false))))
                .count();
            let refused = b.results.len() - accepted - unused;
            let l = lang.get();
            let mut parts = vec![match l {
                Lang::Id => format!("{accepted} diterima"),
                Lang::En => format!("{accepted} accepted"),
            }];
            if unused > 0 {
                parts.push(match l {
                    Lang::Id => format!("{unused} tidak dipakai"),
                    Lang::En => format!("{unused} not used"),
                });
            }
            if refused > 0 {
                parts.push(match l {
                    Lang::Id => format!("{refused} ditolak"),
                    Lang::En => format!("{refused} refused"),
                });
            }
            match l {
                Lang::Id => format!("{} berkas diproses: {}.", b.results.len(), parts.join(", ")),
                Lang::En => format!("{} files processed: {}.", b.results.len(), parts.join(", ")),
            }
        })
    };
    // Refused files first: they are the ones that need someone to act.
    let ordered = move || {
        let mut results = batch.get().results;
        crate::domain::sort::sort_by_key(&mut results, |r| match r.result {
            Err(_) => 0,
            Ok((_, _, false)) => 1,
            Ok((_, _, true)) => 2,
        });
        results
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{tr("Impor berkas jawaban unit", "Import the units' answer files")}</h2>
            <p class="hint">{tr(
                "Pilih atau seret banyak berkas sekaligus (.json, atau bundel .zip beserta dokumennya; juga satu folder berisi berkas-berkas itu). Setiap berkas diperiksa sendiri-sendiri: berkas yang bermasalah dilewati dengan daftar masalahnya dan tidak mengubah apa pun. Berkas yang sama dua kali tidak mengubah apa pun; berkas yang lebih baru dari unit yang sama menggantikan yang lama (yang lama tetap di riwayat).",
                "Choose or drag many files at once (.json, or .zip bundles with their documents; a folder of them too). Each file is checked on its own: a file with problems is skipped with its list of problems and changes nothing. The same file twice changes nothing; a newer file from the same unit replaces the older one (which stays in the history).",
            )}</p>
            <FileDrop input_id="import-files" multiple=true primary=true folder=true
                area=trs("Tempat menaruh berkas jawaban", "Drop area for answer files")
                button=trs("Pilih berkas jawaban (.json atau .zip, boleh banyak)", "Choose answer files (.json or .zip, several allowed)")
                hint=trs("atau seret berkas-berkasnya ke sini", "or drag the files here")
                on_files=handle>
                <Show when=move || busy.get()>
                    <div class="import-progress">
                        <Progress done=Signal::derive(move || progress.get().0) total=Signal::derive(move || progress.get().1)
                            label=trs("Kemajuan impor", "Import progress")/>
                        <span class="muted" role="status">{move || {
                            let (done, total) = progress.get();
                            let l = lang.get();
                            match l {
                                Lang::Id => format!("Memproses… {} dari {}", size_label(done as u64, l), size_label(total as u64, l)),
                                Lang::En => format!("Processing… {} of {}", size_label(done as u64, l), size_label(total as u64, l)),
                            }
                        }}</span>
                        <button type="button" class="btn btn-small" on:click=move |_| cancel.set(true)>{tr("Batalkan impor", "Cancel the import")}</button>
                    </div>
                </Show>
            </FileDrop>
            <div class="import-results" aria-live="polite"
                data-import-batch=move || batch.with(|b| b.number)
                data-import-ms=move || import_ms.get().map(|ms| (ms.round() as i64).to_string())>
                <Show when=move || batch.with(|b| !b.results.is_empty())>
                    <h3>{tr("Hasil impor terakhir", "Last import")}</h3>
                    <p class="import-summary">{summary}</p>
                    <ul class="import-list">
                        // Built in one language (rebuilt when it changes): no reactive text per row.
                        {move || { let l = lang.get(); ordered().into_iter().map(|r| view! { <ResultItem r=r l=l/> }).collect_view() }}
                    </ul>
                    <p class="button-row">
                        <a class="btn" href=Tab::Coverage.route(&c.id()).href()>{tr("Lihat cakupan →", "See coverage →")}</a>
                        <a class="btn" href=Tab::Conflicts.route(&c.id()).href()>{move || {
                            let n = c.merge.with(|m| m.unsettled().count());
                            match lang.get() {
                                Lang::Id => format!("Konflik yang perlu keputusan: {n} →"),
                                Lang::En => format!("Conflicts needing a decision: {n} →"),
                            }
                        }}</a>
                    </p>
                </Show>
            </div>
        </section>
        <Received/>
        <History/>
    }
}

#[component]
fn ResultItem(r: FileResult, l: Lang) -> impl IntoView {
    match r.result {
        Ok((message, warnings, counts)) => view! {
            <li class=if counts { "import-ok" } else { "import-same" }>
                {if counts {
                    view! { <span class="import-badge ok-badge">{l.pick("Diterima", "Accepted")}</span> }.into_any()
                } else {
                    view! { <span class="import-badge same-badge">{l.pick("Tidak dipakai", "Not used")}</span> }.into_any()
                }}
                " " <strong>{visible(&r.name).into_owned()}</strong> " — " {message.get(l).to_string()}
                {(!warnings.is_empty()).then(|| view! {
                    <ul class="import-warnings">
                        {warnings.into_iter().map(|w| {
                            view! { <li><span class="problem-severity warn-text">{l.pick("Perhatian", "Note")}</span> " " <code class="problem-path">{w.path.clone()}</code> " " {visible(w.message.get(l)).into_owned()}</li> }
                        }).collect_view()}
                    </ul>
                })}
            </li>
        }
        .into_any(),
        Err(problems) => view! {
            <li class="import-refused">
                <span class="import-badge refused-badge">{l.pick("Ditolak", "Refused")}</span>
                " " <strong>{visible(&r.name).into_owned()}</strong> " — "
                {l.pick("berkas dilewati; tidak ada data yang berubah.", "file skipped; no data was changed.")}
                <ProblemList problems=problems/>
            </li>
        }
        .into_any(),
    }
}

#[component]
fn Received() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    // Rebuilt when the workspace or the language changes; each row in plain texts.
    let rows = move || {
        let l = lang.get();
        c.ws.with(|w| {
            w.submissions
                .iter()
                .map(|s| {
                    let label = w.unit_label(&s.unit.id);
                    let other_period = !s.period.trim().eq_ignore_ascii_case(w.period.trim());
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td data-label=l.pick("Diekspor", "Exported")>{when_in(&s.exported_at, l)}</td>
                            <td class="num" data-label=l.pick("Jawaban", "Answers")>{s.answers.len()}</td>
                            <td class="file-cell" data-label=l.pick("Nama berkas", "File name")>{if s.file_name.is_empty() { "—".to_string() } else { visible(&s.file_name).into_owned() }}</td>
                            <td data-label=l.pick("Diterima", "Received")>{when_in(&s.received_at, l)}</td>
                            <td>
                                {s.restored.then(|| view! { <span class="badge">{l.pick("dipulihkan dari berkas konsolidasi: impor berkas asli untuk teks lengkap", "restored from a consolidated file: import the original for full texts")}</span> })}
                                {other_period.then(|| view! { <span class="badge badge-warn">{l.pick("periode berbeda: ", "other period: ")}{visible(&s.period).into_owned()}</span> })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card lazy-layout" aria-labelledby="received-title">
            <h2 id="received-title">{tr("Berkas yang dipakai", "Files in use")}</h2>
            <Show when=move || c.ws.with(|w| !w.submissions.is_empty())
                fallback=|| view! { <p class="muted">{tr("Belum ada berkas unit.", "No unit files yet.")}</p> }>
                <table class="table stack-on-phone">
                    <thead><tr>
                        <th scope="col">{tr("Unit", "Unit")}</th>
                        <th scope="col">{tr("Diekspor", "Exported")}</th>
                        <th scope="col" class="num">{tr("Jawaban", "Answers")}</th>
                        <th scope="col">{tr("Nama berkas", "File name")}</th>
                        <th scope="col">{tr("Diterima", "Received")}</th>
                        <th scope="col">{tr("Catatan", "Notes")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn History() -> impl IntoView {
    let c = expect_context::<Coord>();
    let lang = lang();
    let rows = move || {
        c.ws.with(|w| {
            w.history
                .iter()
                .map(|h| {
                    let reason = match &h.reason {
                        HistoryReason::Replaced { by } => Text::new(format!("Digantikan berkas ekspor {}", when_in(by, Lang::Id)), format!("Replaced by the file exported {}", when_in(by, Lang::En))),
                        HistoryReason::ArrivedOlder { current } => Text::new(
                            format!("Datang setelah berkas yang lebih baru (ekspor {}); tidak dipakai", when_in(current, Lang::Id)),
                            format!("Arrived after a newer file (exported {}); not used", when_in(current, Lang::En)),
                        ),
                        HistoryReason::Withdrawn { at } => Text::new(
                            format!("Ditarik karena unit dihapus ({}); impor lagi untuk memakainya", when_in(at, Lang::Id)),
                            format!("Withdrawn when the unit was removed ({}); import again to use it", when_in(at, Lang::En)),
                        ),
                    };
                    let values = h.values.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ");
                    view! {
                        <tr>
                            <th scope="row">{w.unit_label(&h.unit.id)}</th>
                            <td data-label=tr("Diekspor", "Exported")>{when(&h.exported_at)}</td>
                            <td>{move || reason.get(lang.get()).to_string()}</td>
                            <td class="small" data-label=tr("Nilai", "Values")>{if values.is_empty() { format!("{} indikator", h.answered.len()) } else { values }}</td>
                            <td class="file-cell" data-label=tr("Nama berkas", "File name")>{if h.file_name.is_empty() { "—".to_string() } else { visible(&h.file_name).into_owned() }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card lazy-layout" aria-labelledby="history-title">
            <h2 id="history-title">{tr("Riwayat berkas yang tidak dipakai lagi", "History of files no longer used")}</h2>
            <Show when=move || c.ws.with(|w| !w.history.is_empty())
                fallback=|| view! { <p class="muted">{tr("Belum ada berkas yang digantikan.", "No file has been replaced yet.")}</p> }>
                <table class="table stack-on-phone">
                    <thead><tr>
                        <th scope="col">{tr("Unit", "Unit")}</th>
                        <th scope="col">{tr("Diekspor", "Exported")}</th>
                        <th scope="col">{tr("Mengapa tidak dipakai", "Why it is not used")}</th>
                        <th scope="col">{tr("Nilai di berkas itu", "Values in that file")}</th>
                        <th scope="col">{tr("Nama berkas", "File name")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

/// One file of a batch, read and checked: its parsed content and warnings (including its
/// documents'), or every problem that refuses it.
type Read = Result<(Digested, Vec<Problem>), Vec<Problem>>;

/// Reads and checks every file of a batch, storing the intact documents of bundles.
/// `None` when cancelled (documents stored by this batch are removed again).
async fn read_batch(
    taken: Vec<web_sys::File>,
    progress: RwSignal<(usize, usize)>,
    cancel: RwSignal<bool>,
) -> Option<Vec<(String, Read)>> {
    let total: usize = taken.iter().map(|f| f.size() as usize).sum();
    progress.try_set((0, total));
    let store = documents().await;
    let mut stored_scopes = Vec::new();
    let mut out = Vec::new();
    let mut done = 0;
    let mut slices = files::Slices::new();
    // The browser reads the next files while this one is checked.
    let mut ahead = ReadAhead::new(taken);
    // A first turn: the progress bar and "Batal" are on screen before the work starts.
    files::yield_now().await;
    loop {
        slices.turn().await;
        if cancel.try_get_untracked().unwrap_or(false) {
            for scope in &stored_scopes {
                let _ = store.remove_scope(scope).await;
            }
            return None;
        }
        // After the cancel check: a cancelled batch starts no further reading.
        let Some((file, bytes)) = ahead.next().await else {
            break;
        };
        let size = file.size();
        let read = match bytes {
            Err(e) => Err(vec![read_problem(e, size)]),
            Ok(bytes) if bundle::is_zip(&bytes) => match bundle::open(&bytes) {
                Err(problems) => Err(problems),
                Ok(b) => {
                    // (A copy: the bundle is still read below. Small beside its documents.)
                    let file = Digested::new(b.parsed.file.clone());
                    let scope = Scope::Source(file.digest().to_owned());
                    // A cancel removes what this batch stored, not what an earlier one did.
                    if store.stored(&scope).await.is_empty() {
                        stored_scopes.push(scope.clone());
                    }
                    let mut warnings = b.parsed.warnings.clone();
                    for listed in &b.documents {
                        slices.turn().await;
                        if cancel.try_get_untracked().unwrap_or(false) {
                            break;
                        }
                        let checked = match b.unpack(listed) {
                            Ok(data) => {
                                let hash = crate::adapters::documents::hash_yielding(&data).await;
                                bundle::same_hash(listed, &hash).map(|()| data)
                            }
                            Err(fault) => Err(fault),
                        };
                        match checked {
                            Ok(data) => {
                                let key = scope.key(&listed.document.sha256);
                                if let Err(e) = store.put(&key, &data).await {
                                    warnings.push(Problem {
                                        path: listed.json_path(),
                                        severity: Severity::Warning,
                                        message: crate::adapters::documents::AttachError::Store(e)
                                            .message(&listed.document.name),
                                    });
                                }
                            }
                            Err(fault) => warnings.push(fault.problem(listed)),
                        }
                    }
                    warnings.extend(bundle::unlisted_problem(&b.unlisted()));
                    Ok((file, warnings))
                }
            },
            Ok(bytes) => exchange::parse(&bytes).map(|p| (Digested::new(p.file), p.warnings)),
        };
        done += size as usize;
        progress.try_set((done, total));
        out.push((file.name(), read));
    }
    if cancel.try_get_untracked().unwrap_or(false) {
        for scope in &stored_scopes {
            let _ = store.remove_scope(scope).await;
        }
        return None;
    }
    Some(out)
}

/// The files of a batch with their reading started ahead. Small files (unit files, light
/// bundles) are read in groups, each group in one read ([`files::start_read_together`]);
/// a larger file alone. While a group is checked the next one is being read, within
/// [`ReadAhead::BYTES`] (the current group always), so a batch of large bundles is not all
/// in memory at once.
struct ReadAhead {
    waiting: std::collections::VecDeque<web_sys::File>,
    /// Read, not yet handed out, in the batch's order.
    ready: std::collections::VecDeque<(web_sys::File, Result<Vec<u8>, ReadError>)>,
    /// The next group, its reading started.
    started: Option<(Group, f64)>,
}

enum Group {
    One(web_sys::File, files::Reading),
    Together(files::ReadingTogether),
}

impl ReadAhead {
    /// At most this much read ahead of the group being checked.
    const BYTES: f64 = 32e6;
    /// A file up to this size is read in a group ...
    const SMALL: f64 = 2e6;
    /// ... of at most this many bytes and files.
    const GROUP_BYTES: f64 = 8e6;
    const GROUP_FILES: usize = 100;

    fn new(files: Vec<web_sys::File>) -> Self {
        ReadAhead {
            waiting: files.into(),
            ready: Default::default(),
            started: None,
        }
    }

    /// What a file's reading holds in memory: nothing for one refused as too large
    /// before it is read.
    fn weight(file: &web_sys::File) -> f64 {
        let size = file.size();
        if size > bundle::MAX_BUNDLE_BYTES as f64 {
            0.0
        } else {
            size
        }
    }

    /// Starts reading the next group (`None`: every file is started), if it fits beside
    /// `held` bytes already in memory (always when nothing is held).
    fn start(&mut self, held: f64) -> Option<(Group, f64)> {
        let first = self.waiting.front()?;
        let weight = Self::weight(first);
        if held > 0.0 && held + weight > Self::BYTES {
            return None;
        }
        if weight > Self::SMALL || weight == 0.0 {
            let file = self.waiting.pop_front()?;
            let reading = files::start_read(&file, bundle::MAX_BUNDLE_BYTES);
            return Some((Group::One(file, reading), weight));
        }
        let mut group = Vec::new();
        let mut bytes = 0.0;
        while let Some(file) = self.waiting.front() {
            let w = Self::weight(file);
            let fits = w > 0.0
                && w <= Self::SMALL
                && bytes + w <= Self::GROUP_BYTES
                && group.len() < Self::GROUP_FILES
                && (held == 0.0 || held + bytes + w <= Self::BYTES);
            if !fits && !group.is_empty() {
                break;
            }
            bytes += w;
            group.extend(self.waiting.pop_front());
        }
        Some((Group::Together(files::start_read_together(group)), bytes))
    }

    /// The next file with its bytes, or why they could not be read.
    async fn next(&mut self) -> Option<(web_sys::File, Result<Vec<u8>, ReadError>)> {
        if self.ready.is_empty() {
            let (group, weight) = match self.started.take() {
                Some(g) => g,
                None => self.start(0.0)?,
            };
            // The following group is read while this one is checked.
            self.started = self.start(weight);
            match group {
                Group::One(file, reading) => {
                    let bytes = reading.bytes().await;
                    self.ready.push_back((file, bytes));
                }
                Group::Together(reading) => match reading.bytes().await {
                    (files, Ok(all)) => self
                        .ready
                        .extend(files.into_iter().zip(all.into_iter().map(Ok))),
                    // One of them could not be read: each on its own, for its own message.
                    (files, Err(_)) => {
                        for file in files {
                            let bytes = files::read(&file, bundle::MAX_BUNDLE_BYTES).await;
                            self.ready.push_back((file, bytes));
                        }
                    }
                },
            }
        }
        self.ready.pop_front()
    }
}
