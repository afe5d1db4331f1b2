//! Opening a file: an assignment from the coordinator (fixes framework, unit and
//! indicators), a submission to edit again (as .json, or as a .zip bundle with its
//! documents), or a consolidated file as next year's start.
//! A bad file is listed with every problem and changes nothing.

use crate::adapters::documents::{documents, AttachError, Scope};
use crate::adapters::files::{self, ReadError};
use crate::adapters::kv::KvStore;
use crate::adapters::{clock, storage};
use crate::domain::bundle;
use crate::domain::draft::Draft;
use crate::domain::exchange::{self, Kind, Problem};
use crate::domain::text::{visible, Lang, Text};
use crate::ui::i18n::{lang, tr, trs};
use crate::ui::parts;
use crate::ui::route::Route;
use crate::ui::state::{navigate, notifier, NoticeKind, DRAFTS};
use crate::ui::widgets::{warnings_notice, FileDrop, ProblemList};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What happened to one opened file: what it became and the warnings (documents of a
/// bundle that were missing or altered), or every problem that stopped it.
#[derive(Clone)]
struct Outcome {
    name: String,
    result: Result<(Text, Vec<Problem>), Vec<Problem>>,
}

fn store_problem(e: storage::StoreError) -> Vec<Problem> {
    vec![Problem {
        path: "$".into(),
        severity: exchange::Severity::Error,
        message: e.message(),
    }]
}

/// What opening `parsed` did, in words.
fn opened(kind: Kind, draft: &Draft) -> Text {
    let n = draft.answers.len();
    let unit = visible(&draft.unit.name);
    match kind {
        Kind::Assignment => Text::new(
            format!("Penugasan untuk {unit} dibuka sebagai draf baru."),
            format!("Assignment for {unit} opened as a new draft."),
        ),
        Kind::Submission => Text::new(
            format!("Berkas jawaban {unit} dibuka sebagai draf baru ({n} jawaban)."),
            format!("Submission of {unit} opened as a new draft ({n} answers)."),
        ),
        Kind::Consolidated => Text::new(
            format!("Hasil konsolidasi periode {} dibuka sebagai titik awal ({n} jawaban). Ubah periode bila untuk tahun berikutnya.", draft.period),
            format!("Consolidated result of period {} opened as a starting point ({n} answers). Change the period if this is for next year.", draft.period),
        ),
    }
}

/// Turns one file's bytes — a .json or a .zip bundle — into a stored draft (in the release,
/// from the reader's part: [`parts::open_file`]). A bundle's
/// documents go into the draft's document store after their hashes are checked; a
/// missing, damaged or altered one becomes a warning and the rest are kept.
pub(crate) async fn open_bytes(bytes: &[u8]) -> Result<(Draft, Text, Vec<Problem>), Vec<Problem>> {
    let now = clock::now();
    let id = clock::new_id();
    let mut warnings = Vec::new();
    let (draft, kind) = if bundle::is_zip(bytes) {
        let b = bundle::open(bytes)?;
        let store = documents().await;
        let scope = Scope::Draft(id.clone());
        for listed in &b.documents {
            files::yield_now().await;
            let checked = match b.unpack(listed) {
                Ok(data) => {
                    let hash = crate::adapters::documents::hash_yielding(&data).await;
                    bundle::same_hash(listed, &hash).map(|()| data)
                }
                Err(fault) => Err(fault),
            };
            match checked {
                Ok(data) => {
                    if let Err(e) = store.put(&scope.key(&listed.document.sha256), &data).await {
                        warnings.push(Problem {
                            path: listed.json_path(),
                            severity: exchange::Severity::Warning,
                            message: AttachError::Store(e).message(&listed.document.name),
                        });
                    }
                }
                Err(fault) => warnings.push(fault.problem(listed)),
            }
        }
        warnings.extend(bundle::unlisted_problem(&b.unlisted()));
        warnings.extend(b.parsed.warnings.iter().cloned());
        let mut draft = Draft::from_file(id, &b.parsed.file, &now);
        // Inside a draft a document is found by its hash; the zip path meant nothing here.
        for a in draft.answers.values_mut() {
            for d in a.evidence.iter_mut().flat_map(|e| e.documents.iter_mut()) {
                d.path = None;
            }
        }
        (draft, b.parsed.file.kind)
    } else {
        let parsed = exchange::parse(bytes)?;
        warnings.extend(parsed.warnings);
        (Draft::from_file(id, &parsed.file, &now), parsed.file.kind)
    };
    storage::store()
        .save(DRAFTS, &draft.id, &draft)
        .map_err(store_problem)?;
    let what = opened(kind, &draft);
    Ok((draft, what, warnings))
}

fn read_problem(e: ReadError, size: f64) -> Problem {
    let message = match e {
        ReadError::TooLarge => {
            let (size, max) = (size as u64, bundle::MAX_BUNDLE_BYTES as u64);
            Text::new(
                format!(
                    "Berkas berukuran {}, melebihi batas {} untuk bundel .zip. Berkas .json Swanilai biasanya di bawah 1 MB.",
                    exchange::megabytes(size, Lang::Id),
                    exchange::megabytes(max, Lang::Id)
                ),
                format!(
                    "The file is {}, above the {} limit for a .zip bundle. Swanilai .json files are usually under 1 MB.",
                    exchange::megabytes(size, Lang::En),
                    exchange::megabytes(max, Lang::En)
                ),
            )
        }
        ReadError::Failed => Text::new(
            "Berkas tidak dapat dibaca oleh browser.",
            "The browser could not read the file.",
        ),
    };
    Problem {
        path: "$".into(),
        severity: exchange::Severity::Error,
        message,
    }
}

#[component]
pub fn OpenFile(refresh: RwSignal<u32>) -> impl IntoView {
    let lang = lang();
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    // Looked up here, while the component's owner is current: inside the future there is none.
    let notify = notifier();

    let handle = move |list: Vec<web_sys::File>| {
        let notify = notify.clone();
        spawn_local(async move {
            let mut results = Vec::new();
            let mut opened = Vec::new();
            for file in list {
                let size = file.size();
                let result = match files::read(&file, bundle::MAX_BUNDLE_BYTES).await {
                    Err(e) => Err(vec![read_problem(e, size)]),
                    Ok(bytes) => parts::open_file(bytes)
                        .await
                        .map(|(draft, what, warnings)| {
                            opened
                                .push((draft.id.clone(), warnings_notice(&file.name(), &warnings)));
                            (what, warnings)
                        }),
                };
                results.push(Outcome {
                    name: file.name(),
                    result,
                });
            }
            // try_: the start page may have been left while the files were read.
            outcomes.try_set(results);
            refresh.try_update(|n| *n += 1);
            // One file opened: the app moves to its fill screen, and the list on this page
            // goes out of sight, so its warnings travel in the app's notice.
            if let [(only, warned)] = opened.as_slice() {
                match warned {
                    Some(t) => notify(NoticeKind::Warning, t.clone()),
                    None => notify(
                        NoticeKind::Success,
                        Text::new("Berkas berhasil dibuka.", "File opened."),
                    ),
                }
                navigate(&Route::Fill {
                    draft: only.clone(),
                    indicator: None,
                });
            }
        });
    };

    view! {
        <section class="card open-file" aria-labelledby="open-title">
            <h2 id="open-title">{tr("Buka berkas dari koordinator", "Open the file from your coordinator")}</h2>
            <p class="muted">{tr(
                "Mulai di sini bila koordinator mengirimi Anda berkas penugasan (.json, lewat WhatsApp atau surel): simpan berkasnya, lalu pilih di sini. Bisa juga berkas jawaban unit untuk diperbaiki, atau hasil konsolidasi tahun lalu sebagai titik awal.",
                "Start here if your coordinator sent you an assignment file (.json, by WhatsApp or e-mail): save it, then choose it here. It may also be a unit's submission to revise, or last year's consolidated result as a starting point.",
            )}</p>
            <FileDrop input_id="open-file" multiple=true primary=true
                button=trs("Pilih berkas .json atau .zip", "Choose a .json or .zip file")
                hint=trs("atau seret berkas ke sini", "or drag the file here")
                on_files=handle/>
            <div aria-live="polite">
                <For each={move || outcomes.get().into_iter().enumerate().collect::<Vec<_>>()} key=|(i, o)| (*i, o.name.clone())
                    children=move |(_, o)| {
                        let name = visible(&o.name).into_owned();
                        match o.result {
                            Ok((t, warnings)) => view! {
                                <div class="notice success" role="status">
                                    <p><strong>{name}</strong> ": " {move || t.get(lang.get()).to_string()}</p>
                                    {(!warnings.is_empty()).then(|| view! { <ProblemList problems=warnings/> })}
                                </div>
                            }.into_any(),
                            Err(problems) => view! {
                                <div class="notice error" role="alert">
                                    <p>
                                        <strong>{name}</strong> ": "
                                        {move || match lang.get() {
                                            Lang::Id => "berkas tidak dibuka; tidak ada data yang berubah.",
                                            Lang::En => "the file was not opened; no data was changed.",
                                        }}
                                    </p>
                                    <ProblemList problems=problems/>
                                </div>
                            }.into_any(),
                        }
                    }/>
            </div>
        </section>
    }
}
