//! Opening a file: an assignment from the coordinator (fixes framework, unit and
//! indicators), a submission to edit again, or a consolidated file as next year's start.
//! A bad file is listed with every problem and changes nothing.

use crate::adapters::files::{self, ReadError};
use crate::adapters::{clock, storage};
use crate::domain::draft::Draft;
use crate::domain::exchange::{self, Kind, Problem, MAX_FILE_BYTES};
use crate::domain::text::{Lang, Text};
use crate::ui::i18n::{lang, tr, trs};
use crate::ui::route::Route;
use crate::ui::state::{navigate, notify, NoticeKind, DRAFTS};
use crate::ui::widgets::{FileDrop, ProblemList};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What happened to one opened file.
#[derive(Clone)]
struct Outcome {
    name: String,
    result: Result<Text, Vec<Problem>>,
}

/// Turns one file's bytes into a stored draft, or the problems that stopped it.
fn open_bytes(bytes: &[u8]) -> Result<(Draft, Text), Vec<Problem>> {
    let parsed = exchange::parse(bytes)?;
    let now = clock::now();
    let draft = Draft::from_file(clock::new_id(), &parsed.file, &now);
    storage::store()
        .save(DRAFTS, &draft.id, &draft)
        .map_err(|e| {
            vec![Problem {
                path: "$".into(),
                severity: exchange::Severity::Error,
                message: e.message(),
            }]
        })?;
    let n = draft.answers.len();
    let what = match parsed.file.kind {
        Kind::Assignment => Text::new(
            format!("Penugasan untuk {} dibuka sebagai draf baru.", draft.unit.name),
            format!("Assignment for {} opened as a new draft.", draft.unit.name),
        ),
        Kind::Submission => Text::new(
            format!("Berkas jawaban {} dibuka sebagai draf baru ({n} jawaban).", draft.unit.name),
            format!("Submission of {} opened as a new draft ({n} answers).", draft.unit.name),
        ),
        Kind::Consolidated => Text::new(
            format!("Hasil konsolidasi periode {} dibuka sebagai titik awal ({n} jawaban). Ubah periode bila untuk tahun berikutnya.", draft.period),
            format!("Consolidated result of period {} opened as a starting point ({n} answers). Change the period if this is for next year.", draft.period),
        ),
    };
    Ok((draft, what))
}

fn read_problem(e: ReadError, size: f64) -> Problem {
    let message = match e {
        ReadError::TooLarge => {
            let (size, max) = (size as usize, MAX_FILE_BYTES);
            Text::new(
                format!(
                    "Berkas berukuran {}, melebihi batas {}. Berkas Swanilai biasanya di bawah 1 MB.",
                    exchange::megabytes(size, Lang::Id),
                    exchange::megabytes(max, Lang::Id)
                ),
                format!(
                    "The file is {}, above the {} limit. Swanilai files are usually under 1 MB.",
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

    let handle = move |list: Vec<web_sys::File>| {
        spawn_local(async move {
            let picked = files::read_all(list, MAX_FILE_BYTES).await;
            let mut results = Vec::new();
            let mut opened = Vec::new();
            for f in picked {
                let result = match f.bytes {
                    Err(e) => Err(vec![read_problem(e, f.size)]),
                    Ok(bytes) => open_bytes(&bytes).map(|(draft, what)| {
                        opened.push(draft.id.clone());
                        what
                    }),
                };
                results.push(Outcome {
                    name: f.name,
                    result,
                });
            }
            outcomes.set(results);
            refresh.update(|n| *n += 1);
            if let [only] = opened.as_slice() {
                notify(
                    NoticeKind::Success,
                    Text::new("Berkas berhasil dibuka.", "File opened."),
                );
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
                button=trs("Pilih berkas .json", "Choose a .json file")
                hint=trs("atau seret berkas ke sini", "or drag the file here")
                on_files=handle/>
            <div aria-live="polite">
                <For each={move || outcomes.get().into_iter().enumerate().collect::<Vec<_>>()} key=|(i, o)| (*i, o.name.clone())
                    children=move |(_, o)| {
                        let name = o.name.clone();
                        match o.result {
                            Ok(t) => view! {
                                <div class="notice success" role="status"><p><strong>{name}</strong> ": " {move || t.get(lang.get()).to_string()}</p></div>
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
