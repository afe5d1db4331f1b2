//! What the user sees while the work on screen is not saved in this browser: why, and a
//! way out that works from this page (the work may exist nowhere else).
//!
//! * Storage failed (full, blocked): the file of what is on screen, downloaded at once.
//! * Another tab saved a newer version (`ui::sync`): both versions described, where they
//!   differ, and the choices of `domain::revision::Choice`.

use crate::domain::revision::{Behind, Choice, Versioned};
use crate::domain::text::Text;
use crate::ui::i18n::{pick, text, tr, when};
use crate::ui::route::Route;
use crate::ui::state::{navigate, notify, NoticeKind, SaveState};
use crate::ui::sync::Synced;
use leptos::prelude::*;

/// The notice for `sync`'s entry, shown only while its work is not saved.
///
/// `download` builds the file of what is on screen in this page and downloads it
/// (returns the file name); `label` names that button; `copy_route` is where a copy
/// kept from this tab is shown.
pub fn unsaved_notice<T: Versioned + Send + Sync + 'static>(
    sync: Synced<T>,
    label: (&'static str, &'static str),
    download: impl Fn() -> Result<String, Text> + Copy + Send + Sync + 'static,
    copy_route: impl Fn(String) -> Route + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let done = RwSignal::new(None::<String>);
    let get = move || match download() {
        Ok(name) => done.set(Some(name)),
        Err(e) => notify(NoticeKind::Error, e),
    };
    let download_button = move || {
        view! {
            <button type="button" class="btn btn-primary" on:click=move |_| get()>{tr(label.0, label.1)}</button>
        }
    };
    let downloaded = move || {
        done.get().map(|n| view! { <p class="ok" role="status">{tr("Diunduh: ", "Downloaded: ")}<code>{n}</code></p> })
    };
    move || {
        match (sync.save.get(), sync.behind.get()) {
        (SaveState::Saved(_), _) if sync.restored.with(Option::is_some) => {
            let kept = sync.restored.get().unwrap_or_default();
            let what = T::what();
            view! {
                <div class="notice warning notice-stack" role="alert">
                    <p>{text(Text::new(
                        format!("Data {} yang tersimpan di browser rusak (mungkin diubah di luar Swanilai). Isi yang rusak disimpan terpisah sebagai \"{kept}\" dan dapat diunduh dari halaman awal; versi di layar ini sudah disimpan kembali.", what.id),
                        format!("The data of {} stored in the browser was damaged (perhaps changed outside Swanilai). The damaged content was kept aside as \"{kept}\" and can be downloaded from the start page; the version on this screen has been saved again.", what.en),
                    ))}</p>
                    <p class="button-row">
                        {download_button()}
                        " "
                        <button type="button" class="btn" on:click=move |_| sync.restored.set(None)>{tr("Tutup pesan", "Dismiss")}</button>
                    </p>
                    {downloaded}
                </div>
            }
            .into_any()
        }
        (_, Some((why, stored))) => {
            view! {
                <div class="notice warning notice-stack" role="alert">
                    <p><strong>{match why {
                        Behind::Newer => tr("Ada versi yang lebih baru di tab lain", "There is a newer version in another tab"),
                        Behind::Removed => tr("Dihapus di tab lain", "Deleted in another tab"),
                    }}</strong></p>
                    <p>{text(why.message(&T::what()))}</p>
                    {versions(sync, stored)}
                    <p class="button-row">
                        {why.choices().iter().map(|c| match c {
                            Choice::TakeStored => view! {
                                <button type="button" class="btn" on:click=move |_| sync.take_stored()>
                                    {tr("Pakai versi tab lain (buang perubahan di tab ini)", "Use the other tab's version (drop this tab's changes)")}
                                </button>
                            }.into_any(),
                            Choice::KeepAsCopy => view! {
                                <button type="button" class="btn btn-primary" on:click=move |_| {
                                    sync.keep_as_copy(pick("salinan dari tab lain", "copy from another tab"), move |r| match r {
                                        Ok(id) => {
                                            notify(NoticeKind::Success, Text::new(
                                                "Versi tab ini disimpan sebagai salinan dan kini terbuka di sini; versi tab lain tetap ada.",
                                                "This tab's version was saved as a copy and is now open here; the other tab's version stays as it is.",
                                            ));
                                            navigate(&copy_route(id));
                                        }
                                        Err(e) => notify(NoticeKind::Error, e),
                                    })
                                }>
                                    {tr("Simpan versi tab ini sebagai salinan", "Save this tab's version as a copy")}
                                </button>
                            }.into_any(),
                            Choice::KeepHere => view! {
                                <button type="button" class="btn btn-primary" on:click=move |_| sync.keep_here()>
                                    {tr("Simpan kembali di browser ini", "Save it again in this browser")}
                                </button>
                            }.into_any(),
                            Choice::Download => view! {
                                <button type="button" class="btn" on:click=move |_| get()>
                                    {tr("Unduh versi tab ini", "Download this tab's version")}
                                </button>
                            }.into_any(),
                        }).collect_view()}
                    </p>
                    {downloaded}
                </div>
            }
            .into_any()
        }
        (SaveState::Failed(message), _) => view! {
            <div class="notice error notice-stack" role="alert">
                <p>{text(message)}</p>
                <p>{download_button()}</p>
                {downloaded}
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

/// The two versions side by side in words: what each holds, when each was changed, and
/// where they differ.
fn versions<T: Versioned + Send + Sync + 'static>(
    sync: Synced<T>,
    stored: Option<T>,
) -> impl IntoView {
    let (mine_summary, mine_at, differences) = sync.value.with(|mine| {
        (
            mine.summary(),
            when(mine.updated_at()),
            stored.as_ref().map(|s| mine.differences(s)),
        )
    });
    let theirs = stored.map(|s| (s.summary(), when(s.updated_at())));
    view! {
        <dl class="versions">
            {theirs.map(|(summary, at)| view! {
                <div>
                    <dt>{tr("Versi tersimpan dari tab lain", "Saved version from the other tab")}</dt>
                    <dd>{text(summary)} " · " {tr("diubah ", "changed ")} {at}</dd>
                </div>
            })}
            <div>
                <dt>{tr("Versi di tab ini (belum disimpan)", "Version in this tab (not saved)")}</dt>
                <dd>{text(mine_summary)} " · " {tr("diubah ", "changed ")} {mine_at}</dd>
            </div>
        </dl>
        {differences.filter(|d| !d.id.is_empty()).map(|d| view! { <p class="small">{text(d)}</p> })}
    }
}
